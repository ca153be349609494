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
