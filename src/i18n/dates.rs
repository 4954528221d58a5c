//! Dates as readers write them: 2015年6月25日 / 25 Jun 2015, 2016年一季度 / Q1 2016.

use super::*;

/// A date as readers write it: `2016年一季度`, `2015年6月25日` / `Q1 2016`, `25 Jun 2015`.
pub fn date(date: crate::model::Date, lang: Lang) -> String {
    use crate::model::Period;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];
    let year = date.year;
    match (lang, date.period, date.month, date.day) {
        (Lang::Zh, Some(Period::Quarter(q)), ..) => {
            match QUARTERS.get(usize::from(q).wrapping_sub(1)) {
                Some(name) => format!("{year}年{name}季度"),
                None => date.to_string(),
            }
        }
        (Lang::Zh, Some(Period::Half(1)), ..) => format!("{year}年上半年"),
        (Lang::Zh, Some(Period::Half(2)), ..) => format!("{year}年下半年"),
        (Lang::En, Some(Period::Quarter(q)), ..) => format!("Q{q} {year}"),
        (Lang::En, Some(Period::Half(h)), ..) => format!("H{h} {year}"),
        (_, Some(_), ..) => date.to_string(),
        (Lang::Zh, None, None, _) => format!("{year}年"),
        (Lang::Zh, None, Some(m), None) => format!("{year}年{m}月"),
        (Lang::Zh, None, Some(m), Some(d)) => format!("{year}年{m}月{d}日"),
        (Lang::En, None, None, _) => year.to_string(),
        (Lang::En, None, Some(m), day) => match MONTHS.get(usize::from(m).wrapping_sub(1)) {
            Some(month) => match day {
                Some(d) => format!("{d} {month} {year}"),
                None => format!("{month} {year}"),
            },
            None => date.to_string(),
        },
    }
}

#[cfg(test)]
mod date_tests {
    use super::{Lang, date};
    use crate::model::Date;

    #[test]
    fn dates_read_the_way_readers_write_them() {
        let q1 = Date::quarter(2016, 1);
        assert_eq!(date(q1, Lang::Zh), "2016年一季度");
        assert_eq!(date(q1, Lang::En), "Q1 2016");
        assert_eq!(date(Date::half(2016, 2), Lang::Zh), "2016年下半年");
        assert_eq!(date(Date::half(2016, 2), Lang::En), "H2 2016");
        assert_eq!(date(Date::day(2015, 6, 25), Lang::Zh), "2015年6月25日");
        assert_eq!(date(Date::day(2015, 6, 25), Lang::En), "25 Jun 2015");
        assert_eq!(date(Date::month(2011, 10), Lang::En), "Oct 2011");
        assert_eq!(date(Date::year(2015), Lang::Zh), "2015年");
        assert_eq!(date(Date::year(2015), Lang::En), "2015");
        // Impossible dates (flagged by validation) are shown as written, not hidden.
        assert_eq!(date(Date::quarter(2016, 7), Lang::Zh), "2016-Q7");
        assert_eq!(date(Date::month(2016, 13), Lang::En), "2016-13");
    }
}
