//! Dates as the source format writes them: `YYYY-MM-DD`, a real day of the calendar.
//!
//! `2025-02-30` and `2023-02-29` are errors here rather than a failed PDF build later. The
//! year is four digits (1000–9999, what PDF metadata and Typst's dates take); month and day
//! may be written with one or two digits.

use std::fmt;

use crate::model::Date;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Not of the form YYYY-MM-DD.
    Format,
    /// The year is not four digits (1000–9999).
    Year(String),
    /// The month is not 1–12.
    Month(u32),
    /// The day does not exist in that month.
    Day {
        /// The day written.
        day: u32,
        /// The month.
        month: u8,
        /// The year.
        year: i32,
        /// How many days the month has.
        days: u8,
    },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::Format => f.write_str(&crate::tr!(load3_date_format)),
            DateProblem::Year(y) => f.write_str(&crate::tr!(load3_date_year, year = y)),
            DateProblem::Month(m) => f.write_str(&crate::tr!(load3_date_month, month = m)),
            DateProblem::Day { day, month, year, days } => f.write_str(&crate::tr!(
                load3_date_day,
                month = month,
                year = year,
                days = days,
                day = day
            )),
        }
    }
}

impl std::error::Error for DateProblem {}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month (1–12) of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Reads `YYYY-MM-DD` (surrounding white space allowed) as a real calendar date.
pub fn parse_date(s: &str) -> Result<Date, DateProblem> {
    let mut parts = s.trim().split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateProblem::Format);
    };
    let (Some(_), Some(month), Some(day)) = (digits(y, 1, 9), digits(m, 1, 2), digits(d, 1, 2))
    else {
        return Err(DateProblem::Format);
    };
    let year = match digits(y, 4, 4).and_then(|y| i32::try_from(y).ok()) {
        Some(year) if year >= 1000 => year,
        _ => return Err(DateProblem::Year(y.to_string())),
    };
    let month = match u8::try_from(month) {
        Ok(m @ 1..=12) => m,
        _ => return Err(DateProblem::Month(month)),
    };
    let days = days_in_month(year, month);
    match u8::try_from(day) {
        Ok(d) if (1..=days).contains(&d) => Ok(Date { year, month, day: d }),
        _ => Err(DateProblem::Day { day, month, year, days }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates() {
        assert_eq!(parse_date("2025-03-01"), Ok(Date { year: 2025, month: 3, day: 1 }));
        assert_eq!(parse_date(" 2025-3-1 "), Ok(Date { year: 2025, month: 3, day: 1 }));
        assert_eq!(parse_date("2024-02-29"), Ok(Date { year: 2024, month: 2, day: 29 }));
        assert_eq!(parse_date("2000-02-29"), Ok(Date { year: 2000, month: 2, day: 29 }));
        assert_eq!(parse_date("2025-12-31"), Ok(Date { year: 2025, month: 12, day: 31 }));
    }

    #[test]
    fn days_that_do_not_exist() {
        let e = parse_date("2025-02-30").expect_err("no 30 February");
        assert_eq!(e, DateProblem::Day { day: 30, month: 2, year: 2025, days: 28 });
        assert_eq!(e.to_string(), "February 2025 has 28 days, so there is no day 30");
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("1900-02-29").is_err(), "1900 is not a leap year");
        assert!(parse_date("2025-04-31").is_err());
        assert!(parse_date("2025-01-00").is_err());
        assert!(parse_date("2025-01-32").is_err());
    }

    #[test]
    fn malformed() {
        assert_eq!(parse_date("2025-13-01"), Err(DateProblem::Month(13)));
        assert_eq!(parse_date("2025-00-01"), Err(DateProblem::Month(0)));
        assert_eq!(parse_date("01.03.2025"), Err(DateProblem::Format));
        assert_eq!(parse_date("2025-03"), Err(DateProblem::Format));
        assert_eq!(parse_date("2025-03-01-02"), Err(DateProblem::Format));
        assert_eq!(parse_date("2025-+3-01"), Err(DateProblem::Format));
        assert_eq!(parse_date("25-03-01"), Err(DateProblem::Year("25".into())));
        assert_eq!(parse_date("0999-03-01"), Err(DateProblem::Year("0999".into())));
        assert_eq!(parse_date(""), Err(DateProblem::Format));
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024) && is_leap_year(2000) && is_leap_year(2400));
        assert!(!is_leap_year(2025) && !is_leap_year(1900) && !is_leap_year(2100));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 9), 30);
    }
}
