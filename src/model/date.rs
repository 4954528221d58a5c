//! Calendar dates known to a year, a month or a day — the precision the sources give.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date as precise as its source: `2011`, `2011-10` or `2015-04-17`.
///
/// Parsing accepts any numbers in that shape; whether they make a real calendar date is a
/// validation problem (see [`Date::impossibility`]), so a bad date is reported with the entity it
/// belongs to instead of stopping the whole file from loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Why this date cannot exist, if it cannot.
    pub fn impossibility(&self) -> Option<String> {
        if !(1000..=9999).contains(&self.year) {
            return Some(format!("year {} is outside 1000–9999", self.year));
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
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// The text of a date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
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
        Ok(Self { year, month, day })
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
