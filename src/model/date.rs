//! Calendar dates known to a year, a half or a quarter of one, a month or a day — the precision
//! the sources give.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date as precise as its source: `2011`, `2016-H1`, `2016-Q1`, `2011-10` or `2015-04-17`.
///
/// Parsing accepts any numbers in that shape; whether they make a real calendar date is a
/// validation problem (see [`Date::impossibility`]), so a bad date is reported with the entity it
/// belongs to instead of stopping the whole file from loading.
///
/// Dates order by when their period begins, and a coarser period before a finer one that begins
/// with it: 2016, 2016-H1, 2016-Q1, 2016-01, 2016-01-01, 2016-01-02, 2016-02, 2016-Q2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// A half or quarter of the year (then `month` and `day` are empty).
    pub period: Option<Period>,
}

/// A part of a year the sources name: `一季度` is the first quarter, `上半年` the first half.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// 1–4.
    Quarter(u8),
    /// 1–2.
    Half(u8),
}

impl Period {
    /// The first and last month of the period (outside 1–12 for an impossible one).
    fn months(self) -> (i32, i32) {
        match self {
            Self::Quarter(q) => (3 * i32::from(q) - 2, 3 * i32::from(q)),
            Self::Half(h) => (6 * i32::from(h) - 5, 6 * i32::from(h)),
        }
    }
}

impl Date {
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
            period: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Self {
        Self {
            month: Some(month),
            ..Self::year(year)
        }
    }

    pub fn day(year: i32, month: u8, day: u8) -> Self {
        Self {
            month: Some(month),
            day: Some(day),
            ..Self::year(year)
        }
    }

    pub fn quarter(year: i32, quarter: u8) -> Self {
        Self {
            period: Some(Period::Quarter(quarter)),
            ..Self::year(year)
        }
    }

    pub fn half(year: i32, half: u8) -> Self {
        Self {
            period: Some(Period::Half(half)),
            ..Self::year(year)
        }
    }

    /// The first and last month the date covers.
    fn month_span(&self) -> (i32, i32) {
        match (self.period, self.month) {
            (Some(period), _) => period.months(),
            (None, Some(m)) => (i32::from(m), i32::from(m)),
            (None, None) => (1, 12),
        }
    }

    /// How fine the date is: a year 0, a half 1, a quarter 2, a month 3, a day 4.
    fn precision(&self) -> u8 {
        match (self.period, self.month, self.day) {
            (Some(Period::Half(_)), ..) => 1,
            (Some(Period::Quarter(_)), ..) => 2,
            (None, None, _) => 0,
            (None, Some(_), None) => 3,
            (None, Some(_), Some(_)) => 4,
        }
    }

    /// Whether `other` lies within the period this date names (a date contains itself).
    pub fn contains(&self, other: &Date) -> bool {
        if self.year != other.year || self.precision() > other.precision() {
            return false;
        }
        if self.day.is_some() {
            return self == other;
        }
        let (first, last) = self.month_span();
        let (other_first, other_last) = other.month_span();
        first <= other_first && other_last <= last
    }

    /// Why this date cannot exist, if it cannot.
    pub fn impossibility(&self) -> Option<String> {
        if !(1000..=9999).contains(&self.year) {
            return Some(format!("year {} is outside 1000–9999", self.year));
        }
        match self.period {
            Some(Period::Quarter(q)) if !(1..=4).contains(&q) => {
                return Some(format!("quarter {q} does not exist"));
            }
            Some(Period::Half(h)) if !(1..=2).contains(&h) => {
                return Some(format!("half {h} does not exist"));
            }
            Some(_) => return None,
            None => {}
        }
        let Some(month) = self.month else {
            return self.day.map(|_| "a day without a month".to_owned());
        };
        if !(1..=12).contains(&month) {
            return Some(format!("month {month} does not exist"));
        }
        let day = self.day?;
        let last = days_in_month(self.year, month);
        if day == 0 || day > last {
            return Some(format!("{}-{month:02} has no day {day}", self.year));
        }
        None
    }

    /// Where the date sits on a time axis, in fractional years: the middle of the period it names
    /// (a year alone is its middle, so an annual figure plots after a mid-year one of that year).
    pub fn midpoint(&self) -> f64 {
        let year = f64::from(self.year);
        if self.period.is_some() {
            let (first, last) = self.month_span();
            let (first, last) = (first.clamp(1, 12), last.clamp(1, 12));
            return year + f64::from(first - 1 + last) / 24.0;
        }
        match (self.month, self.day) {
            (None, _) => year + 0.5,
            (Some(m), None) => year + (f64::from(m.clamp(1, 12)) - 0.5) / 12.0,
            (Some(m), Some(d)) => {
                year + (f64::from(m.clamp(1, 12)) - 1.0 + (f64::from(d.clamp(1, 31)) - 0.5) / 31.0)
                    / 12.0
            }
        }
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |d: &Date| {
            let start_day = d.day.map_or(1, i32::from);
            (d.year, d.month_span().0, start_day, d.precision())
        };
        key(self)
            .cmp(&key(other))
            // Only dates no parser makes (a period and a month at once) get this far.
            .then_with(|| (self.month, self.day).cmp(&(other.month, other.day)))
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Four digits, as the parser wants them: year 466 is "0466", or a saved file with
        // such a date (valid to load, flagged by validation) would not load again. Found by the
        // loader's fuzz target.
        write!(f, "{:04}", self.year)?;
        match self.period {
            Some(Period::Quarter(q)) => return write!(f, "-Q{q}"),
            Some(Period::Half(h)) => return write!(f, "-H{h}"),
            None => {}
        }
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// The text of a date is not `YYYY`, `YYYY-Qn`, `YYYY-Hn`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Q1…Q4 or YYYY-H1/H2")]
pub struct DateSyntaxError(pub String);

impl std::str::FromStr for Date {
    type Err = DateSyntaxError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || DateSyntaxError(text.to_owned());
        let mut parts = text.split('-');
        let year_text = parts.next().ok_or_else(bad)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year = year_text.parse().map_err(|_| bad())?;
        if let Some(part) = text.get(5..).filter(|p| p.starts_with(['Q', 'H'])) {
            let mut chars = part.chars();
            let (Some(letter), Some(digit), None) = (chars.next(), chars.next(), chars.next())
            else {
                return Err(bad());
            };
            let number = digit.to_digit(10).ok_or_else(bad)? as u8;
            let period = if letter == 'Q' {
                Period::Quarter(number)
            } else {
                Period::Half(number)
            };
            return Ok(Self {
                period: Some(period),
                ..Self::year(year)
            });
        }
        let mut small = |len_ok: fn(usize) -> bool| -> Result<Option<u8>, DateSyntaxError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if len_ok(p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let month = small(|n| n == 2)?;
        let day = if month.is_some() {
            small(|n| n == 2)?
        } else {
            None
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Self {
            year,
            month,
            day,
            period: None,
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_the_parser_reads_is_written_so_that_it_reads_back() {
        for text in [
            "0466",
            "0000",
            "0999",
            "1000",
            "2015",
            "9999",
            "0466-01",
            "2015-06-25",
            "2016-Q1",
            "2016-Q4",
            "2016-H2",
            "2016-Q9",
        ] {
            let date: Date = text.parse().expect("parses");
            assert_eq!(date.to_string(), text);
            assert_eq!(date.to_string().parse::<Date>(), Ok(date));
        }
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2011", "2011-10", "2015-04-17"] {
            let date: Date = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
            assert_eq!(date.impossibility(), None);
        }
    }

    #[test]
    fn rejects_text_that_is_not_a_date() {
        for text in [
            "",
            "11",
            "2011-1",
            "2011-10-1",
            "2011/10",
            "2011-10-01-02",
            "year",
            "2016-Q",
            "2016-Q12",
            "2016-q1",
            "2016-Q1-01",
            "2016-X1",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
    }

    #[test]
    fn finds_impossible_dates() {
        assert!(Date::day(2015, 2, 29).impossibility().is_some());
        assert!(Date::day(2016, 2, 29).impossibility().is_none());
        assert!(Date::day(2016, 4, 31).impossibility().is_some());
        assert!(Date::month(2016, 13).impossibility().is_some());
        assert!(Date::day(2016, 1, 0).impossibility().is_some());
    }

    #[test]
    fn quarters_and_halves_are_dates_of_their_own_precision() {
        let q1: Date = "2016-Q1".parse().unwrap();
        assert_eq!(q1, Date::quarter(2016, 1));
        assert_eq!(q1.impossibility(), None);
        assert!(Date::quarter(2016, 5).impossibility().is_some());
        assert!(Date::quarter(2016, 0).impossibility().is_some());
        assert!(Date::half(2016, 3).impossibility().is_some());
        // Ordered by when they begin, the coarser first.
        let mut dates: Vec<Date> = [
            "2016-Q2",
            "2016-02",
            "2016-01-02",
            "2016-01",
            "2016-Q1",
            "2016-H1",
            "2016",
            "2015-12",
            "2016-H2",
            "2016-06-30",
            "2017",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        dates.sort();
        let sorted: Vec<String> = dates.iter().map(Date::to_string).collect();
        assert_eq!(
            sorted,
            [
                "2015-12",
                "2016",
                "2016-H1",
                "2016-Q1",
                "2016-01",
                "2016-01-02",
                "2016-02",
                "2016-Q2",
                "2016-06-30",
                "2016-H2",
                "2017"
            ]
        );
        // On a time axis: the middle of the quarter, mid-February.
        assert!((q1.midpoint() - (2016.0 + 1.5 / 12.0)).abs() < 1e-9);
        assert!((Date::half(2016, 2).midpoint() - 2016.75).abs() < 1e-9);
        assert!(Date::year(2016).contains(&q1));
        assert!(Date::half(2016, 1).contains(&q1));
        assert!(q1.contains(&Date::day(2016, 3, 31)));
        assert!(!q1.contains(&Date::month(2016, 4)));
        assert!(!q1.contains(&Date::year(2016)));
        assert!(Date::month(2016, 3).contains(&Date::day(2016, 3, 1)));
    }

    #[test]
    fn midpoints_put_annual_figures_mid_year() {
        assert_eq!(Date::year(2015).midpoint(), 2015.5);
        assert!(Date::month(2015, 6).midpoint() < Date::year(2015).midpoint());
        assert!(Date::day(2015, 6, 25).midpoint() > Date::month(2015, 6).midpoint() - 0.05);
    }

    #[test]
    fn orders_by_time() {
        assert!(Date::year(2011) < Date::month(2011, 10));
        assert!(Date::month(2011, 10) < Date::day(2011, 10, 2));
        assert!(Date::day(2011, 12, 31) < Date::year(2012));
    }
}
