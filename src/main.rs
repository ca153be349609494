//! The `arsrapport` binary: parse arguments, run, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    arsrapport::cli::run(arsrapport::cli::Cli::parse())
}
