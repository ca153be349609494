//! Links in text: every `#anchor` must name a chapter, section or table of the report, and
//! every external address must be well-formed.

use std::collections::BTreeSet;

use crate::diag::{Code, Diagnostic};
use crate::load::yaml::did_you_mean;
use crate::model::{Chapter, Report, Section};
use crate::source::Span;
use crate::tr;

/// A link as written, with its place.
#[derive(Debug, Clone)]
pub struct LinkSource {
    /// The target: `#anchor`, `https://…`, `mailto:…`.
    pub url: String,
    /// Where the target is written.
    pub span: Span,
}

/// Every anchor a link may go to: chapters, sections and tables.
fn anchors(report: &Report) -> BTreeSet<String> {
    fn sections(list: &[Section], out: &mut BTreeSet<String>) {
        for s in list {
            out.insert(s.id.clone());
            sections(&s.sections, out);
        }
    }
    let mut out = BTreeSet::new();
    for Chapter { id, sections: s, .. } in &report.chapters {
        out.insert(id.clone());
        sections(s, &mut out);
    }
    out.extend(report.tables.iter().map(|t| t.anchor.clone()));
    out
}

/// Why an external address cannot be right, if it cannot.
fn external_problem(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if let Some(address) = lower.strip_prefix("mailto:") {
        let (local, domain) = address.split_once('@').unwrap_or(("", ""));
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !address.contains(char::is_whitespace);
        return (!ok).then(|| tr!(fix_email));
    }
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("");
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if host.is_empty() || !labels_ok || !(host.contains('.') || host == "localhost") {
        return Some(tr!(fix_host));
    }
    if url.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Some(tr!(fix_spaces));
    }
    None
}

/// Checks every link against the report's anchors.
pub fn check(report: &Report, links: &[LinkSource]) -> Vec<Diagnostic> {
    let anchors = anchors(report);
    let mut out = Vec::new();
    for link in links {
        if let Some(target) = link.url.strip_prefix('#') {
            if anchors.contains(target) {
                continue;
            }
            let mut d =
                Diagnostic::error(Code::Markup, tr!(low_the_link_goes_to_target, target = target))
                    .at(link.span.clone())
                    .with_label(tr!(low_no_such_anchor));
            let table = report.tables.iter().find(|t| t.id == target);
            d = match did_you_mean(target, anchors.iter().map(String::as_str)) {
                _ if table.is_some() => d.with_hint(tr!(
                    low_target_is_a_table_s,
                    anchor = table.map_or("", |t| t.anchor.as_str()),
                    target = target
                )),
                Some(best) => d.with_hint(tr!(low_did_you_mean_best_2, best = best)),
                None => d.with_hint(tr!(low_a_table_s_anchor_is)),
            };
            out.push(d);
        } else if let Some(problem) = external_problem(&link.url) {
            out.push(
                Diagnostic::error(Code::Markup, tr!(low_the_link_is_not_a, url = link.url))
                    .at(link.span.clone())
                    .with_label(tr!(low_not_a_valid_address))
                    .with_hint(problem),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_addresses() {
        assert_eq!(external_problem("https://www.oslo.kommune.no/bydeler"), None);
        assert_eq!(external_problem("http://localhost:8080/x"), None);
        assert_eq!(external_problem("mailto:postmottak@bbj.oslo.kommune.no"), None);
        assert!(external_problem("https://").is_some());
        assert!(external_problem("https://oslo").is_some());
        assert!(external_problem("https://www.oslo kommune.no").is_some());
        assert!(external_problem("https://www..no").is_some());
        assert!(external_problem("mailto:post").is_some());
        assert!(external_problem("mailto:post@oslo").is_some());
    }
}
