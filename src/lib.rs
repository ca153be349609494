//! `arsrapport`: a report compiler for Norwegian municipal annual reports (årsberetning).
//!
//! The pipeline runs one way: [`load`] reads `report.yaml`, the chapter YAML
//! files and the CSV tables into a raw report with source positions;
//! [`validate`] checks every figure and relation and produces the validated
//! [`model::Report`] plus [`diag::Diagnostic`]s; the renderers in [`render`]
//! turn the model into a PDF (through embedded Typst) and a static HTML site.
//! [`format`] is the one Norwegian number formatter both renderers use.

pub mod format;
pub mod model;
pub mod render;
pub mod source;
