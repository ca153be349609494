//! HTML renderer (Tera).
