//! PDF renderer (embedded Typst).
