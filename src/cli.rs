//! The command line: `arsrapport check`, `build`, `watch`, `rules`, `new` and `completions`.
//!
//! Each takes one report folder or several (or a workspace file listing them); several are
//! handled by [`crate::multi`].
//!
//! Parses arguments with clap, resolves them into settings, runs the pipeline
//! and turns the outcome into an exit code: 0 clean, 1 findings (errors, or
//! warnings with `--deny-warnings`), 2 the input could not be read or the
//! build failed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::build::{BuildOptions, Log, build_report};
use crate::diag::{self, Code, Format};
use crate::i18n::Lang;
use crate::multi::{self, Reports};
use crate::pipeline::{self, CheckOptions};
use crate::tr;

mod help;

/// Report compiler for Norwegian municipal annual reports (årsberetning).
#[derive(Debug, Parser)]
#[command(name = "arsrapport", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages and help: nb (Norwegian, the default) or en (English).
    #[arg(long, global = true, value_name = "nb|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| tr!(cli_unknown_lang, lang = text))
}

/// Reads the language, then the arguments (with `--help` in that language), and runs.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    crate::i18n::set_lang(help::lang_from_args(&args, std::env::var_os("ARSRAPPORT_LANG")));
    let mut command = help::command();
    command.build();
    let matches = match command.clone().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return help::usage_error(e),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        let target = sub.get_one::<String>("command");
        let printed = match target.and_then(|name| command.find_subcommand_mut(name)) {
            Some(found) => found.print_long_help(),
            None => command.print_long_help(),
        };
        return if printed.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(2) };
    }
    match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => run(cli),
        Err(e) => help::usage_error(e.format(&mut command)),
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every table and every relation between tables; report each problem.
    Check(CheckArgs),
    /// Check, then render the report as PDF and as a static HTML site.
    Build(BuildArgs),
    /// Check and build on every save, and serve the site and the PDF on localhost with a live
    /// reload and the findings at the top of every page.
    Watch(WatchArgs),
    /// List the rules `check` applies, with their codes.
    Rules,
    /// Start a new report: write a complete starter report (a fictitious example with your
    /// district and year filled in) into a new folder.
    New(NewArgs),
    /// Start next year's report from this year's: the same chapters, tables, rules and facts,
    /// the year advanced, last year's figures moved one column back and the new year's cells
    /// left `?` for the figures.
    #[command(name = "roll-forward")]
    RollForward(RollArgs),
    /// Show what changed between two versions of a report: figures, text, tables, sections and
    /// facts (two folders, or a folder and a git revision).
    Diff(DiffArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Write the built-in PDF and HTML templates into a new folder, to restyle the report
    /// beyond `theme:` (see the README in the folder).
    Templates(TemplatesArgs),
}

/// `arsrapport templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// The folder to create; it must not exist yet, or be empty.
    pub dir: PathBuf,
}

/// `arsrapport watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The report folder (holds report.yaml). None: `$ARSRAPPORT_DIR`, else `report-data`.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The port on 127.0.0.1 to serve on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8025, env = "ARSRAPPORT_PORT")]
    pub port: u16,
    /// Output folder: each good build is published here, as `build` does.
    #[arg(long, short, default_value = "out", env = "ARSRAPPORT_OUT")]
    pub out: PathBuf,
    /// Build a draft (every PDF page marked "UTKAST") while `check` finds errors, instead of
    /// keeping the last good build.
    #[arg(long)]
    pub draft: bool,
    /// Warnings fail the check too (and stop the rebuild, unless `--draft`).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Leave out notes (e.g. rounding) from the findings.
    #[arg(long)]
    pub quiet: bool,
    /// Colours in the terminal.
    #[arg(long, value_enum, default_value = "auto", env = "ARSRAPPORT_COLOR")]
    pub color: Color,
}

/// `arsrapport new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create; it must not exist yet, or be empty.
    pub dir: PathBuf,
    /// The district (or other unit) the report is for, e.g. "Bydel Grorud".
    #[arg(long)]
    pub district: String,
    /// The year the report is about (the document is dated 1 March of the year after).
    #[arg(long)]
    pub year: i32,
    /// The organisation the district belongs to.
    #[arg(long, default_value = "Oslo kommune")]
    pub organisation: String,
    /// The KOSTRA region code, six digits (e.g. 030109 for Bydel Bjerke); optional.
    #[arg(long)]
    pub region: Option<String>,
}

/// `arsrapport roll-forward`.
#[derive(Debug, Args)]
pub struct RollArgs {
    /// This year's report folder.
    pub dir: PathBuf,
    /// The folder for next year's report; it must not exist yet, or be empty.
    #[arg(long, value_name = "NEWDIR")]
    pub to: PathBuf,
}

/// `arsrapport diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a report folder, a git revision (`HEAD~1`: NEW's folder as it was
    /// then), or `REV:PATH` (a folder at a revision).
    pub old: String,
    /// The new version: a report folder.
    pub new: PathBuf,
    /// Output format on stdout.
    #[arg(long, value_enum, default_value = "human")]
    pub format: crate::cycle::diff::DiffFormat,
    /// Also write an HTML page for reviewers, styled like the site.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// `arsrapport completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options shared by `check` and `build`.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// The report folders (each holds report.yaml). None: `--workspace`, else `$ARSRAPPORT_DIR`,
    /// else the folders `arsrapport.yaml` in the current folder lists, else `report-data`.
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// A workspace file listing report folders (`reports: [bjerke, grorud]`).
    #[arg(long, value_name = "FILE", conflicts_with = "dirs")]
    pub workspace: Option<PathBuf>,
    /// Report only these rules (codes like AR102 or names like sum-row; comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub only: Vec<String>,
    /// Leave out these rules (codes or names; comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub skip: Vec<String>,
    /// Warnings fail the check too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Leave out notes (e.g. rounding) from the output; they never fail.
    #[arg(long)]
    pub quiet: bool,
    /// Colours in the output.
    #[arg(long, value_enum, default_value = "auto", env = "ARSRAPPORT_COLOR")]
    pub color: Color,
}

/// When to use colours.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Color {
    /// When writing to a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `arsrapport check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format of the findings.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// `arsrapport build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output folder.
    #[arg(long, short, default_value = "out", env = "ARSRAPPORT_OUT")]
    pub out: PathBuf,
    /// Which outputs to write.
    #[arg(long, value_enum, default_value = "all")]
    pub only_output: crate::build::Output,
    /// Build even if `check` finds errors: a draft, every page marked "UTKAST".
    #[arg(long)]
    pub draft: bool,
    /// Check the PDF against PDF/A-2a and PDF/UA-1 before publishing, and publish nothing if it
    /// fails (adds about a third to the build time; see docs/pdf.md).
    #[arg(long, env = "ARSRAPPORT_VERIFY_PDF")]
    pub verify_pdf: bool,
}

fn color_choice(c: Color) -> ColorChoice {
    match c {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto => {
            if std::io::IsTerminal::is_terminal(&std::io::stderr())
                && std::env::var_os("NO_COLOR").is_none()
            {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            }
        }
    }
}

fn parse_codes(list: &[String], flag: &str) -> Result<Vec<Code>, String> {
    list.iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            Code::parse(s).ok_or_else(|| {
                let names = Code::ALL.iter().map(|c| c.name());
                match crate::load::yaml::did_you_mean(s, names) {
                    Some(best) => tr!(cli_unknown_rule_suggest, flag = flag, rule = s, best = best),
                    None => tr!(cli_unknown_rule, flag = flag, rule = s),
                }
            })
        })
        .collect()
}

impl CommonArgs {
    /// The report folders to work on (see [`multi::resolve`]); on a wrong workspace file or
    /// folder list, the problem is printed and the exit code returned.
    fn reports(&self, format: Format) -> Result<Reports, ExitCode> {
        let from_env =
            std::env::var_os("ARSRAPPORT_DIR").filter(|d| !d.is_empty()).map(PathBuf::from);
        let request = multi::Request {
            dirs: &self.dirs,
            workspace: self.workspace.as_deref(),
            from_env: from_env.as_deref(),
        };
        multi::resolve(&request).map_err(|problem| {
            multi::report_problem(&problem, format, color_choice(self.color));
            ExitCode::from(2)
        })
    }

    pub(crate) fn options(&self) -> Result<CheckOptions, String> {
        Ok(CheckOptions {
            only: parse_codes(&self.only, "--only")?,
            skip: parse_codes(&self.skip, "--skip")?,
            deny_warnings: self.deny_warnings,
        })
    }
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            for c in Code::ALL {
                let _ = writeln!(out, "{}  {:<24} {}", c.code(), c.name(), c.description());
            }
            ExitCode::SUCCESS
        }
        Command::Check(args) => {
            let options = match args.common.options() {
                Ok(o) => o,
                Err(e) => return usage_error(&e),
            };
            let dir = match args.common.reports(args.format) {
                Ok(Reports::One(dir)) => dir,
                Ok(Reports::Many(dirs)) => {
                    let settings = multi::Output {
                        format: args.format,
                        quiet: args.common.quiet,
                        color: color_choice(args.common.color),
                    };
                    return multi::check(&dirs, &options, &settings);
                }
                Err(code) => return code,
            };
            let checked = pipeline::check(&dir, &options);
            let shown = diag::shown(&checked.diagnostics, args.common.quiet);
            // Human output goes to stderr like a compiler's; machine formats to stdout.
            let result = match args.format {
                Format::Human => {
                    let stream = StandardStream::stderr(color_choice(args.common.color));
                    let mut lock = stream.lock();
                    diag::emit(&mut lock, args.format, &checked.sources, &shown, &checked.summary)
                }
                _ => {
                    let stream = StandardStream::stdout(ColorChoice::Never);
                    let mut lock = stream.lock();
                    diag::emit(&mut lock, args.format, &checked.sources, &shown, &checked.summary)
                }
            };
            if let Err(e) = result {
                eprintln!("{}", tr!(cli_write_findings, error = e.to_string()));
                return ExitCode::from(2);
            }
            exit_code(&checked)
        }
        Command::Build(args) => {
            let color = color_choice(args.common.color);
            match args.common.reports(Format::Human) {
                Ok(reports) => build(&args, &reports, color),
                Err(code) => code,
            }
        }
        Command::Watch(args) => {
            let dir = args.dir.clone().unwrap_or_else(|| {
                std::env::var_os("ARSRAPPORT_DIR")
                    .filter(|d| !d.is_empty())
                    .map_or_else(|| PathBuf::from(multi::DEFAULT_DIR), PathBuf::from)
            });
            let options = crate::watch::WatchOptions {
                dir,
                out: args.out.clone(),
                port: args.port,
                draft: args.draft,
                quiet: args.quiet,
                check: CheckOptions {
                    deny_warnings: args.deny_warnings,
                    ..CheckOptions::default()
                },
            };
            crate::watch::run(&options, color_choice(args.color))
        }
        Command::New(args) => new(&args),
        Command::RollForward(args) => roll_forward(&args),
        Command::Diff(args) => crate::cycle::diff::run(&crate::cycle::diff::DiffRequest {
            old: args.old,
            new: args.new,
            format: args.format,
            html: args.html,
        }),
        Command::Templates(args) => match crate::template_export::export(&args.dir) {
            Ok(count) => {
                let dir = args.dir.display();
                eprintln!("{}", tr!(tpl_wrote, dir = dir, count = count));
                eprintln!("\n{}", tr!(tpl_next, dir = dir));
                ExitCode::SUCCESS
            }
            Err(e) => usage_error(&e),
        },
        Command::Completions(args) => {
            let mut command = help::command();
            clap_complete::generate(args.shell, &mut command, "arsrapport", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// `arsrapport build`: one report published into `--out` itself, several each into a folder of
/// its own there.
fn build(args: &BuildArgs, reports: &Reports, color: ColorChoice) -> ExitCode {
    let options = match args.common.options() {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    let request = BuildOptions {
        outputs: args.only_output,
        draft: args.draft,
        verify_pdf: args.verify_pdf,
        // One report alone in this process has no use for Typst's cache after its compile.
        keep_typst_cache: false,
    };
    let dir = match reports {
        Reports::One(dir) => dir,
        Reports::Many(targets) => {
            return multi::build(targets, &args.out, &request, &options, color);
        }
    };
    let stream = StandardStream::stderr(color);
    let mut findings = |checked: &pipeline::Checked| {
        let mut lock = stream.lock();
        let list = diag::shown(&checked.diagnostics, true);
        let _ = diag::emit(&mut lock, Format::Human, &checked.sources, &list, &checked.summary);
    };
    let outcome = build_report(dir, &args.out, &request, &options, &mut findings, Log::default());
    ExitCode::from(outcome.exit_code())
}

/// `arsrapport new`: checks the values, writes the starter, says what to do next.
fn new(args: &NewArgs) -> ExitCode {
    let starter = match crate::new::Starter::new(
        &args.district,
        args.year,
        &args.organisation,
        args.region.as_deref(),
    ) {
        Ok(s) => s,
        Err(e) => return usage_error(&e.to_string()),
    };
    match crate::new::write(&args.dir, &starter) {
        Ok(count) => {
            let dir = args.dir.display();
            let dir = dir.to_string();
            let district = args.district.trim();
            eprintln!(
                "{}",
                tr!(cli_new_wrote, district = district, year = args.year, dir = dir, count = count)
            );
            eprintln!("\n{}", tr!(cli_new_next, dir = dir));
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(&e.to_string()),
    }
}

/// `arsrapport roll-forward`: writes next year's report and says what to review.
fn roll_forward(args: &RollArgs) -> ExitCode {
    match crate::cycle::roll::roll_forward(&args.dir, &args.to) {
        Ok(rolled) => {
            let to = args.to.display();
            for line in &rolled.log {
                eprintln!("  {line}");
            }
            let wrote = tr!(
                cycle_roll_wrote,
                year = rolled.year,
                dir = to,
                files = rolled.files,
                awaiting = rolled.awaiting
            );
            eprintln!("{wrote}");
            eprintln!("\n{}", tr!(cycle_roll_next, old = args.dir.display(), dir = to));
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(&e.to_string()),
    }
}

pub(crate) fn exit_code(checked: &pipeline::Checked) -> ExitCode {
    if checked.fatal {
        ExitCode::from(2)
    } else if checked.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("{}", tr!(cli_error, message = message));
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn rule_lists_accept_codes_and_names() {
        let codes = parse_codes(&["AR102".into(), "transfer".into()], "--only").expect("valid");
        assert_eq!(codes, vec![Code::SumRow, Code::Transfer]);
        let err = parse_codes(&["sum-rows".into()], "--only").expect_err("unknown");
        assert!(err.contains("did you mean `sum-row`"), "{err}");
    }
}
