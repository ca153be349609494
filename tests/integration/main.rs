//! The integration test binary: runs `arsrapport` on fixture reports.

mod build_confinement;
mod build_site;
mod build_standards;
mod build_transaction;
mod check;
mod coverage;
mod cycle;
mod data;
mod goals;
mod html;
mod multi;
mod new;
mod pdf;
mod pdf_layout;
mod property;
mod property_yaml;
mod theme;
mod watch;
mod workbook;

/// Compares `value` with the snapshot `name` in `tests/integration/snapshots/`.
pub(crate) fn snapshot(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, value));
}
