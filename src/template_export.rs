//! `arsrapport templates DIR`: the embedded templates as files, to change more than `theme:`
//! can. The folder gets `pdf/` (Typst), `html/` (Tera templates and the site's assets) and a
//! README on how to use them (`templates:` in `report.yaml`).

use std::path::Path;

use crate::new::{NewError, write_folder};
use crate::render::{html, pdf};
use crate::tr;

/// The README written into the exported folder.
const README: &str = include_str!("template_export/README.md");

/// Every file the export writes: (path relative to the folder, bytes).
pub fn files() -> Vec<(String, Vec<u8>)> {
    let mut out = vec![("README.md".to_string(), README.as_bytes().to_vec())];
    for (name, bytes) in pdf::TEMPLATES {
        out.push((format!("pdf/{name}"), bytes.to_vec()));
    }
    for (name, bytes) in html::embedded_files() {
        out.push((format!("html/{name}"), bytes.to_vec()));
    }
    out
}

/// Writes the templates into `dir` (new or empty); returns how many files were written.
pub fn export(dir: &Path) -> Result<usize, String> {
    let files = files();
    let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(p, b)| (p.as_str(), b.clone())).collect();
    write_folder(dir, &refs).map_err(|e| match e {
        NewError::NotEmpty(dir) => tr!(tpl_not_empty, dir = dir.display()),
        e => e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_template_is_exported() {
        let names: Vec<String> = files().into_iter().map(|(p, _)| p).collect();
        for must in [
            "README.md",
            "pdf/report.typ",
            "pdf/theme.typ",
            "pdf/cover.typ",
            "html/base.html",
            "html/chapter_nav.html",
            "html/assets/site.css",
        ] {
            assert!(names.iter().any(|n| n == must), "{must} in {names:?}");
        }
    }
}
