//! The integration test binary: runs `arsrapport` on fixture reports.

mod check;
mod html;
mod pdf;
mod property;
mod property_yaml;
