//! `arsrapport new`: writes a complete starter report into a new folder.
//!
//! The starter is `examples/minimal`, embedded file by file with `include_str!` and
//! `include_bytes!` (18 files; a unit test fails if the folder and [`FILES`] drift apart). Writing
//! it for a district and a year:
//!
//! - every year in the text files is moved by the same number of years (`2024` → the report year,
//!   `2023` → the year before, `2025-03-01` → the document date the year after, `kv/24` → `kv/25`),
//!   so column headings such as «Regnskap 2023» and «Regnskap 2024» state the years their columns
//!   hold and `check` finds nothing to say;
//! - «Bydel Eksempel» becomes the district and «Oslo kommune» the organisation;
//! - in `report.yaml` the title, district, organisation, running header, output name and keywords
//!   are written out again (quoted), and `region:` is added when given.
//!
//! The folder is written next to its final place under a temporary name and renamed into place,
//! so it either appears complete or not at all.

use crate::tr;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The year the embedded example reports on; every year in it is moved relative to this one.
const EXAMPLE_YEAR: i32 = 2024;
/// The district the example is written for.
const EXAMPLE_DISTRICT: &str = "Bydel Eksempel";
/// The organisation the example is written for.
const EXAMPLE_ORGANISATION: &str = "Oslo kommune";

/// The years `new` accepts.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// One file of the starter.
enum Content {
    /// UTF-8 text: years, district and organisation are filled in.
    Text(&'static str),
    /// Copied as it is.
    Bytes(&'static [u8]),
}

macro_rules! starter_files {
    ($($kind:ident $path:literal),* $(,)?) => {
        /// The files of `examples/minimal`, embedded, with their paths in the folder.
        const FILES: &[(&str, Content)] = &[
            $(($path, starter_files!(@ $kind $path)),)*
        ];
    };
    (@ text $path:literal) => { Content::Text(include_str!(concat!("../examples/minimal/", $path))) };
    (@ bytes $path:literal) => { Content::Bytes(include_bytes!(concat!("../examples/minimal/", $path))) };
}

starter_files! {
    bytes "bilder/netto-per-funksjonsomrade.png",
    text "kapitler/00-beretning.yaml",
    text "kapitler/01-innledning.yaml",
    text "kapitler/02-2-barnehager.yaml",
    text "kapitler/02-maloppnaelse.yaml",
    text "kapitler/03-saerskilt.yaml",
    text "report.yaml",
    text "tabeller/avvikskategorier.csv",
    text "tabeller/befolkning.csv",
    text "tabeller/bemanning.csv",
    text "tabeller/brutto-oversikt.csv",
    text "tabeller/fo1-netto.csv",
    text "tabeller/fo2a-indikatorer.csv",
    text "tabeller/fo2a-netto.csv",
    text "tabeller/fo2a-nokkeltall.csv",
    text "tabeller/investeringer.csv",
    text "tabeller/kjonnsbalanse.csv",
    text "tabeller/netto-oversikt.csv",
}

/// What the starter report is for; made by [`Starter::new`], which checks every value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starter {
    district: String,
    year: i32,
    organisation: String,
    region: Option<String>,
}

/// Why `new` wrote nothing.
#[derive(Debug)]
pub enum NewError {
    /// A value given on the command line cannot be used.
    Invalid(String),
    /// The folder exists and holds something (or is a file).
    NotEmpty(PathBuf),
    /// Reading or writing the disk failed.
    Io(String, io::Error),
}

impl fmt::Display for NewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewError::Invalid(message) => f.write_str(message),
            NewError::NotEmpty(dir) => {
                write!(f, "{}", tr!(run_already_exists_and_is_not, dir = dir.display()))
            }
            NewError::Io(what, e) => write!(f, "{what}: {e}"),
        }
    }
}

impl std::error::Error for NewError {}

/// A name (district or organisation) that fits everywhere the example writes it: plain YAML text,
/// a CSV label, a file name once made a slug.
fn check_name(flag: &str, value: &str) -> Result<String, NewError> {
    let value = value.trim();
    let allowed = |c: char| c.is_alphanumeric() || c == ' ' || "-.'’()/&".contains(c);
    if value.is_empty() {
        return Err(NewError::Invalid(tr!(run_flag_is_empty_write_e, flag = flag)));
    }
    if !value.chars().next().is_some_and(char::is_alphanumeric) || !value.chars().all(allowed) {
        return Err(NewError::Invalid(tr!(
            run_flag_value_use_letters_digits,
            flag = flag,
            value = value
        )));
    }
    Ok(value.to_string())
}

impl Starter {
    /// Checks the values given on the command line.
    pub fn new(
        district: &str,
        year: i32,
        organisation: &str,
        region: Option<&str>,
    ) -> Result<Starter, NewError> {
        let district = check_name("--district", district)?;
        let organisation = check_name("--organisation", organisation)?;
        if !YEARS.contains(&year) {
            return Err(NewError::Invalid(tr!(
                run_year_year_give_the_year,
                first = YEARS.start(),
                last = YEARS.end(),
                year = year
            )));
        }
        let region = match region.map(str::trim) {
            None | Some("") => None,
            Some(r) if r.len() == 6 && r.bytes().all(|b| b.is_ascii_digit()) => Some(r.to_string()),
            Some(r) => {
                return Err(NewError::Invalid(tr!(run_region_r_a_kostra_region, r = r)));
            }
        };
        Ok(Starter { district, year, organisation, region })
    }

    /// The report's title, «Årsberetning YYYY».
    pub fn title(&self) -> String {
        format!("Årsberetning {}", self.year)
    }

    /// The file name of the PDF, made from the title and the district.
    pub fn output_name(&self) -> String {
        crate::load::slug(&format!("{} {}", self.title(), self.district))
    }

    /// The files of the starter report: path in the folder and contents.
    pub fn files(&self) -> Vec<(&'static str, Vec<u8>)> {
        FILES
            .iter()
            .map(|(path, content)| {
                let bytes = match content {
                    Content::Bytes(b) => b.to_vec(),
                    Content::Text(t) if *path == "report.yaml" => self.report_yaml(t).into_bytes(),
                    Content::Text(t) => self.fill(t).into_bytes(),
                };
                (*path, bytes)
            })
            .collect()
    }

    /// Years moved, district and organisation put in.
    fn fill(&self, text: &str) -> String {
        shift_years(text, self.year - EXAMPLE_YEAR)
            .replace(EXAMPLE_DISTRICT, &self.district)
            .replace(EXAMPLE_ORGANISATION, &self.organisation)
    }

    /// `report.yaml`: a header for the new report, then the example's settings with the values
    /// that name the report written out again.
    fn report_yaml(&self, example: &str) -> String {
        // The example's header comment tells how to copy the example; the starter has its own.
        let body = example.find("\ntitle:").map_or(example, |i| &example[i + 1..]);
        let body = shift_years(body, self.year - EXAMPLE_YEAR);
        let quoted = |s: &str| serde_json::Value::from(s).to_string();
        let mut out = format!(
            "# ---------------------------------------------------------------------------------------------\n\
             # report.yaml – rapportens metadata og listen over kapitler.\n\
             #\n\
             # Skrevet av `arsrapport new` for {district} {year}. Teksten, tabellene og tallene er\n\
             # et FIKTIVT eksempel: bytt dem ut med bydelens egne, og kjør underveis\n\
             #   arsrapport check .     (finner feil i tallene og sier hvor)\n\
             #   arsrapport build .     (lager PDF og nettsider i mappen out/)\n\
             # fra denne mappen. Hele formatet er beskrevet i docs/format.md i arsrapport.\n\
             #\n\
             # Alle stier er relative til denne mappen, og kan ikke peke ut av den (ingen ../).\n\
             # Ukjente nøkler er feil (med \"did you mean\"), så en feilstavet nøkkel blir alltid oppdaget.\n\
             # ---------------------------------------------------------------------------------------------\n\n",
            district = self.district,
            year = self.year,
        );
        for line in body.lines() {
            let value = match line.split_once(':').map(|(k, _)| k) {
                Some("title") => Some(quoted(&self.title())),
                Some("district") => Some(quoted(&self.district)),
                Some("organisation") => Some(quoted(&self.organisation)),
                Some("year") => Some(self.year.to_string()),
                Some("date") => Some(format!("{}-03-01", self.year + 1)),
                Some("running_header") => {
                    Some(quoted(&format!("{} {}", self.title(), self.district)))
                }
                Some("output_name") => Some(self.output_name()),
                Some("keywords") => Some(format!(
                    "[årsberetning, {}, {}, {}]",
                    quoted(&self.district),
                    quoted(&self.organisation),
                    self.year
                )),
                _ => None,
            };
            let key = line.split_once(':').map_or("", |(k, _)| k);
            match value {
                Some(value) => {
                    let comment = line.find("  #").map(|i| line[i..].trim_start());
                    out.push_str(&with_comment(&format!("{key}: {value}"), comment));
                }
                None => out.push_str(line),
            }
            out.push('\n');
            if key == "organisation"
                && let Some(region) = &self.region
            {
                let setting = format!("region: {}", quoted(region));
                out.push_str(&with_comment(&setting, Some("# KOSTRA-regionkode (valgfri)")));
                out.push('\n');
            }
        }
        out
    }
}

/// `setting`, then the comment lined up at column 34 as in the example.
fn with_comment(setting: &str, comment: Option<&str>) -> String {
    match comment {
        Some(c) => format!("{setting:<33} {c}"),
        None => setting.to_string(),
    }
}

/// Moves every year in `text` by `delta`: a run of exactly four digits from 1900 to 2099, and the
/// two-digit year of a quarter («4 kv/24»). Other figures are three-digit groups («1 850») or
/// longer codes (project numbers) and are left alone.
fn shift_years(text: &str, delta: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            // Copy up to the next digit; digits are ASCII, so this stays on char boundaries.
            let next =
                bytes[i..].iter().position(u8::is_ascii_digit).map_or(bytes.len(), |p| i + p);
            out.push_str(&text[i..next]);
            i = next;
            continue;
        }
        let end =
            bytes[i..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |p| i + p);
        let run = &text[i..end];
        let quarter_year = run.len() == 2 && text[..i].ends_with("kv/");
        match run.parse::<i32>() {
            Ok(year) if run.len() == 4 && (1900..=2099).contains(&year) => {
                out.push_str(&(year + delta).to_string());
            }
            Ok(yy) if quarter_year => {
                out.push_str(&format!("{:02}", (yy + delta).rem_euclid(100)));
            }
            _ => out.push_str(run),
        }
        i = end;
    }
    out
}

/// Writes the starter report into `dir`, which must not exist or be an empty folder; returns the
/// number of files written. The folder is made under a temporary name beside `dir` and renamed
/// into place, so an interrupted run leaves no half-written report.
pub fn write(dir: &Path, starter: &Starter) -> Result<usize, NewError> {
    write_folder(dir, &starter.files())
}

/// Writes `files` (relative path, bytes) into `dir`, which must not exist or be an empty
/// folder, the same way as [`write`]: under a temporary name, then renamed into place.
pub fn write_folder(dir: &Path, files: &[(&str, Vec<u8>)]) -> Result<usize, NewError> {
    let io_err = |what: String| move |e: io::Error| NewError::Io(what, e);
    if dir.exists() {
        let empty = dir.is_dir()
            && fs::read_dir(dir)
                .map_err(io_err(tr!(run_could_not_read, dir = dir.display())))?
                .next()
                .is_none();
        if !empty {
            return Err(NewError::NotEmpty(dir.to_path_buf()));
        }
    }
    let name = dir
        .file_name()
        .ok_or_else(|| NewError::Invalid(tr!(run_is_not_a_folder_name, dir = dir.display())))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)
        .map_err(io_err(tr!(run_could_not_create_the_folder, parent = parent.display())))?;
    let temp = temp_dir(&parent, &name.to_string_lossy())?;
    let written = write_files(&temp, files).and_then(|()| {
        if dir.exists() {
            // Checked empty above; `remove_dir` fails if something appeared since.
            fs::remove_dir(dir).map_err(|_| NewError::NotEmpty(dir.to_path_buf()))?;
        }
        fs::rename(&temp, dir)
            .map_err(io_err(tr!(run_could_not_move_the_report, dir = dir.display())))
    });
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&temp);
        return Err(e);
    }
    Ok(files.len())
}

/// A new, empty folder `.NAME.new-PID-N` in `parent`.
fn temp_dir(parent: &Path, name: &str) -> Result<PathBuf, NewError> {
    let mut n = 0u32;
    loop {
        let temp = parent.join(format!(".{name}.new-{}-{n}", std::process::id()));
        match fs::create_dir(&temp) {
            Ok(()) => return Ok(temp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => {
                return Err(NewError::Io(
                    tr!(run_could_not_create_a_folder, parent = parent.display()),
                    e,
                ));
            }
        }
    }
}

fn write_files(root: &Path, files: &[(&str, Vec<u8>)]) -> Result<(), NewError> {
    for (path, bytes) in files {
        let target = root.join(path);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|e| {
                NewError::Io(tr!(run_could_not_create, folder = folder.display()), e)
            })?;
        }
        fs::write(&target, bytes)
            .map_err(|e| NewError::Io(tr!(run_could_not_write, target = target.display()), e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grorud() -> Starter {
        Starter::new("Bydel Grorud", 2025, "Oslo kommune", None).expect("valid")
    }

    #[test]
    fn every_file_of_the_example_is_embedded() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minimal");
        let mut on_disk = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(folder) = stack.pop() {
            for entry in fs::read_dir(&folder).expect("readable") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(&root).expect("inside");
                    on_disk.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        on_disk.sort();
        let embedded: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(embedded, on_disk, "add or remove the file in `starter_files!`");
    }

    #[test]
    fn years_move_together_and_other_figures_stay() {
        let text =
            "Regnskap 2023;Regnskap 2024;1 850;11109901;4 kv/24;2025-03-01;menn_2024;1000 kr";
        assert_eq!(
            shift_years(text, 1),
            "Regnskap 2024;Regnskap 2025;1 850;11109901;4 kv/25;2026-03-01;menn_2025;1000 kr"
        );
        assert_eq!(shift_years("kv/24 2024", -5), "kv/19 2019");
        assert_eq!(shift_years("æøå 2024 å", 0), "æøå 2024 å");
    }

    #[test]
    fn report_yaml_names_the_new_report() {
        let s = Starter::new("Bydel Grorud", 2025, "Oslo kommune", Some("030110")).expect("valid");
        let yaml = s.report_yaml(include_str!("../examples/minimal/report.yaml"));
        for line in [
            "title: \"Årsberetning 2025\"",
            "district: \"Bydel Grorud\"",
            "organisation: \"Oslo kommune\"",
            "region: \"030110\"",
            "year: 2025 ",
            "date: 2026-03-01 ",
            "running_header: \"Årsberetning 2025 Bydel Grorud\"",
            "output_name: arsberetning-2025-bydel-grorud",
            "keywords: [årsberetning, \"Bydel Grorud\", \"Oslo kommune\", 2025]",
        ] {
            assert!(yaml.lines().any(|l| l.starts_with(line)), "{line} missing in:\n{yaml}");
        }
        assert!(!yaml.contains("Eksempel") && !yaml.contains("cp -r"), "{yaml}");
    }

    #[test]
    fn chapters_and_tables_are_filled_in() {
        let files = grorud().files();
        let text = |p: &str| {
            let (_, b) = files.iter().find(|(q, _)| *q == p).expect("file");
            String::from_utf8(b.clone()).expect("utf-8")
        };
        assert!(text("tabeller/fo1-netto.csv").starts_with(
            "Netto driftsutgifter pr. KOSTRA-funksjon;Regnskap 2024;Oppr. budsjett 2025;\
             Regulert budsjett 2025;Regnskap 2025;Avvik reg.bud/regnskap 2025"
        ));
        assert!(text("tabeller/investeringer.csv").contains("Sum kap. 009 Bydel Grorud;"));
        assert!(text("kapitler/00-beretning.yaml").contains("Bydel Grorud leverte i 2025"));
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let err = |d: &str, y: i32, r: Option<&str>| {
            Starter::new(d, y, "Oslo kommune", r).expect_err("invalid").to_string()
        };
        assert!(err("  ", 2025, None).contains("--district is empty"));
        assert!(err("Bydel; Grorud", 2025, None).contains("use letters, digits"));
        assert!(err("Bydel Grorud", 1999, None).contains("between 2000 and 2100"));
        assert!(err("Bydel Grorud", 2025, Some("3010")).contains("six digits"));
        assert_eq!(grorud().output_name(), "arsberetning-2025-bydel-grorud");
    }
}
