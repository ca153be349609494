//! The PDF's claims, verified: PDF/A-2a and PDF/UA-1 by an independent validator.
//!
//! Typst declares both standards in the PDF it writes; [`check`] runs `page_validation` (a
//! validator that passes the veraPDF and Isartor corpora) against each profile, so that `build`
//! with `--verify-pdf` never publishes a PDF that claims a standard it does not meet, and the
//! test suite checks the built PDFs. What it costs is measured in `docs/pdf.md`.

use crate::tr;

use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};

/// The standards the PDF declares and is checked against.
pub const PROFILES: [ValidationProfile; 2] = [ValidationProfile::PdfA2a, ValidationProfile::PdfUa1];

/// One rule the PDF fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The standard, e.g. `PDF/A-2a`.
    pub profile: String,
    /// The rule, e.g. `ISO 19005-2:2011:6.1.7.1:1`.
    pub rule: String,
    /// What is wrong.
    pub message: String,
    /// A likely cause and fix, if the validator knows one.
    pub guidance: Option<String>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}]: {}", self.profile, self.rule, self.message)?;
        if let Some(guidance) = &self.guidance {
            write!(f, " ({guidance})")?;
        }
        Ok(())
    }
}

/// Checks `pdf` against every profile in [`PROFILES`]; returns the rules it fails (empty if
/// it conforms), or an error if the validator cannot read the file at all.
/// The profiles are checked in parallel, one thread each.
pub fn check(pdf: &[u8]) -> Result<Vec<Failure>, String> {
    let results: Vec<Result<Vec<Failure>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            PROFILES.iter().map(|&profile| scope.spawn(move || check_one(pdf, profile))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(tr!(run_the_pdf_validator_failed))))
            .collect()
    });
    let mut failures = Vec::new();
    for result in results {
        failures.extend(result?);
    }
    Ok(failures)
}

fn check_one(pdf: &[u8], profile: ValidationProfile) -> Result<Vec<Failure>, String> {
    let options = ValidationOptions::default().profile(profile);
    let report = validate_pdf_bytes(pdf, &options)
        .map_err(|e| tr!(run_the_pdf_could_not_be, profile = profile, e = e))?;
    Ok(report
        .failures
        .into_iter()
        .map(|f| Failure {
            profile: profile.to_string(),
            rule: f.rule_id,
            message: f.message,
            guidance: f.guidance.map(|g| format!("{}; {}", g.possible_cause, g.suggested_fix)),
        })
        .collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_pdf_that_claims_nothing_fails_both_profiles() {
        // A minimal, valid but untagged PDF 1.4 without PDF/A or PDF/UA metadata.
        let pdf = minimal_pdf();
        let failures = check(&pdf).expect("readable");
        assert!(failures.iter().any(|f| f.profile == "PDF/A-2a"), "{failures:?}");
        assert!(failures.iter().any(|f| f.profile == "PDF/UA-1"), "{failures:?}");
        assert!(failures[0].to_string().contains(" ["), "{}", failures[0]);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(check(b"not a pdf").is_err());
    }

    /// A one-page PDF with correct cross-reference offsets.
    pub(crate) fn minimal_pdf() -> Vec<u8> {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for offset in offsets {
            pdf.extend(format!("{offset:010} 00000 n \n").bytes());
        }
        pdf.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        pdf
    }
}
