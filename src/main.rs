//! The `arsrapport` binary: parse arguments, run, exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    arsrapport::cli::main()
}
