//! The integration test binary: runs `arsrapport` on fixture reports.

mod build_confinement;
mod build_site;
mod build_standards;
mod build_transaction;
mod check;
mod html;
mod multi;
mod new;
mod pdf;
mod property;
mod property_yaml;
mod watch;
