//! `arsrapport`: a report compiler for Norwegian municipal annual reports (årsberetning).
//!
//! The pipeline runs one way: [`load`] reads `report.yaml`, the chapter YAML
//! files and the CSV tables into a report with source positions and the
//! declared rules; [`validate`] checks every figure and relation and produces
//! [`diag::Diagnostic`]s; the renderers in [`render`] turn the validated
//! [`model::Report`] into a PDF (through embedded Typst) and a static HTML
//! site. [`format`] is the one Norwegian number formatter both renderers use;
//! [`refs`] fills the figures referred to in text (`{{ … }}`) into the
//! validated report before it is rendered.
//! [`pipeline`] puts the stages together; [`cli`] is the command line; [`new`]
//! writes a starter report; [`watch`] rebuilds on every save and serves a live preview.
//! [`overview`] lays out the goal overview («Måloppnåelse per hovedprioritering») that `build`
//! hands to both renderers.

pub mod build;
pub mod cli;
pub mod cycle;
pub mod diag;
pub mod format;
pub mod i18n;
pub mod kostra;
pub mod load;
pub mod lower;
pub mod model;
pub mod multi;
pub mod new;
pub mod overview;
pub mod paths;
pub mod pipeline;
pub mod refs;
pub mod render;
pub mod source;
pub mod template_export;
pub mod validate;
pub mod watch;
