//! The embedded function list (`data/kostra-funksjoner.csv`) read into periods.
//!
//! The file is compiled into the binary; a user never sees its name. Its header says where every
//! line comes from.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::Scope;

const EMBEDDED: &str = include_str!("../../data/kostra-funksjoner.csv");

/// One line of the list: a code valid from one year to another for one group of users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Period {
    pub code: u16,
    /// First year; `None`: already in the oldest list.
    pub from: Option<i32>,
    /// Last year; `None`: still in the newest list.
    pub until: Option<i32>,
    pub scope: Scope,
    /// Years in which SSB's control program still accepts the retired code with a message.
    pub accepted: Option<(i32, i32)>,
    /// The codes that replace it.
    pub successors: Vec<u16>,
}

impl Period {
    pub fn covers(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.until.is_none_or(|u| year <= u)
    }
}

/// The whole list.
#[derive(Debug, Default)]
pub(super) struct Table {
    pub periods: Vec<Period>,
    pub names: BTreeMap<u16, String>,
}

/// The embedded list, read once.
pub(super) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(EMBEDDED).0)
}

/// Reads the list; lines that cannot be read are left out and described in the second value
/// (a unit test keeps that empty for the embedded file).
pub(super) fn parse(text: &str) -> (Table, Vec<String>) {
    let mut table = Table::default();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok((period, name)) => {
                if !name.is_empty() {
                    table.names.entry(period.code).or_insert_with(|| name.to_string());
                }
                table.periods.push(period);
            }
            Err(why) => problems.push(format!("line {}: {why}", i + 1)),
        }
    }
    (table, problems)
}

fn parse_line(line: &str) -> Result<(Period, &str), String> {
    let f: Vec<&str> = line.split(';').map(str::trim).collect();
    if f.len() != 7 {
        return Err(format!("{} fields, expected 7", f.len()));
    }
    let code = three_digits(f[0])?;
    let year = |s: &str| -> Result<Option<i32>, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse().map(Some).map_err(|_| format!("year «{s}»"))
        }
    };
    let scope = match f[5] {
        "kommune" => Scope::Municipal,
        "oslo" => Scope::Oslo,
        "bydel" => Scope::OsloDistricts,
        other => return Err(format!("omfang «{other}»")),
    };
    let accepted = match f[6] {
        "" => None,
        s => {
            let (a, b) = s.split_once('-').ok_or_else(|| format!("range «{s}»"))?;
            match (year(a)?, year(b)?) {
                (Some(a), Some(b)) if a <= b => Some((a, b)),
                _ => return Err(format!("range «{s}»")),
            }
        }
    };
    // «257 og 258»
    let successors = f[4]
        .split_whitespace()
        .filter(|w| *w != "og")
        .map(three_digits)
        .collect::<Result<Vec<_>, _>>()?;
    let period =
        Period { code, from: year(f[2])?, until: year(f[3])?, scope, accepted, successors };
    if let (Some(a), Some(b)) = (period.from, period.until)
        && a > b
    {
        return Err(format!("from {a} after until {b}"));
    }
    Ok((period, f[1]))
}

fn three_digits(s: &str) -> Result<u16, String> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|_| format!("code «{s}»"))
    } else {
        Err(format!("code «{s}»"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_reads_without_problems() {
        let (table, problems) = parse(EMBEDDED);
        assert_eq!(problems, Vec::<String>::new());
        assert!(table.periods.len() > 150, "{} periods", table.periods.len());
        assert_eq!(
            table.names.get(&253).map(String::as_str),
            Some("Helse- og omsorgstjenester i institusjon")
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_line_number() {
        let (table, problems) = parse(
            "# c\n100;A;;;;kommune;\n10;B;;;;kommune;\n101;C;x;;;kommune;\n102;D;;;;fylke;\n103;E;2024;2023;;kommune;\n104;F;;2023;;kommune;2025\n105;G;;2023;257 og 2x8;kommune;\n",
        );
        assert_eq!(table.periods.len(), 1);
        assert_eq!(
            problems,
            [
                "line 3: code «10»",
                "line 4: year «x»",
                "line 5: omfang «fylke»",
                "line 6: from 2024 after until 2023",
                "line 7: range «2025»",
                "line 8: code «2x8»"
            ]
        );
    }

    #[test]
    fn periods_cover_their_years() {
        let p = Period {
            code: 254,
            from: None,
            until: Some(2023),
            scope: Scope::Municipal,
            accepted: None,
            successors: vec![],
        };
        assert!(p.covers(2020) && p.covers(2023) && !p.covers(2024));
    }
}
