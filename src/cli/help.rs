//! `--help` in the chosen language: the clap command built from the derive, with every about
//! text, argument help, heading and example block replaced from the catalogue.
//!
//! The language must be known before clap parses (it prints help while parsing), so
//! [`lang_from_args`] reads `--lang` from the raw arguments, then `ARSRAPPORT_LANG`.

use std::ffi::OsString;

use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n::{Lang, lang};
use crate::tr;

/// The language asked for: `--lang X` / `--lang=X` before a `--`, else `ARSRAPPORT_LANG`,
/// else Norwegian. A word that is no language is left to clap to refuse (for `--lang`) or
/// ignored (for the variable).
pub fn lang_from_args(args: &[OsString], env: Option<OsString>) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|w| w.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    env.and_then(|v| Lang::parse(&v.to_string_lossy())).unwrap_or_default()
}

/// Prints a usage error of clap (or the help or version it stands for) and gives the exit code.
/// In Norwegian, the usual mistakes — an unknown option or command, a wrong value, a missing
/// argument — are said in Norwegian with clap's suggestion; the rest in clap's own words.
pub fn usage_error(e: clap::Error) -> ExitCode {
    let context = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    let message = match e.kind() {
        _ if lang() == Lang::En => None,
        ErrorKind::UnknownArgument => {
            Some(tr!(clap_unknown_argument, arg = context(ContextKind::InvalidArg)))
        }
        ErrorKind::InvalidSubcommand => {
            Some(tr!(clap_unknown_command, command = context(ContextKind::InvalidSubcommand)))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Some(tr!(
            clap_invalid_value,
            value = context(ContextKind::InvalidValue),
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::MissingRequiredArgument => {
            Some(tr!(clap_missing_argument, arg = context(ContextKind::InvalidArg)))
        }
        _ => None,
    };
    let Some(message) = message else {
        let code = e.exit_code();
        let _ = e.print();
        return ExitCode::from(u8::try_from(code).unwrap_or(2));
    };
    eprintln!("{}", tr!(cli_error, message = message));
    let suggestion =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .map(context)
            .find(|s| !s.is_empty());
    if let Some(suggestion) = suggestion {
        eprintln!("{}", tr!(clap_did_you_mean, suggestion = suggestion));
    }
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        eprintln!("{}", tr!(clap_valid_values, values = valid));
    }
    eprintln!("{}", tr!(clap_more_help));
    ExitCode::from(2)
}

/// The command line with its texts in the current language.
pub fn command() -> Command {
    let command = Cli::command()
        .about(tr!(help_about))
        .after_help(tr!(help_examples_main))
        .subcommand_help_heading(tr!(help_commands_heading))
        .disable_help_subcommand(true)
        .subcommand(
            Command::new("help")
                .about(tr!(help_command_help))
                .arg(Arg::new("command").value_name("COMMAND").action(ArgAction::Set)),
        )
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!(help_flag_version)),
        )
        .mut_arg("lang", |a| a.help(tr!(help_arg_lang)))
        .mut_subcommand("check", |c| {
            common(c)
                .about(tr!(help_check))
                .after_help(tr!(help_examples_check))
                .mut_arg("format", |a| plain(a.help(tr!(help_arg_format))))
        })
        .mut_subcommand("build", |c| {
            common(c)
                .about(tr!(help_build))
                .after_help(tr!(help_examples_build))
                .mut_arg("out", |a| plain(a.help(tr!(help_arg_out))))
                .mut_arg("only_output", |a| plain(a.help(tr!(help_arg_only_output))))
                .mut_arg("draft", |a| a.help(tr!(help_arg_draft)))
                .mut_arg("verify_pdf", |a| a.help(tr!(help_arg_verify_pdf)).hide_env(true))
        })
        .mut_subcommand("rules", |c| c.about(tr!(help_rules)).after_help(tr!(help_examples_rules)))
        .mut_subcommand("new", |c| {
            c.about(tr!(help_new))
                .after_help(tr!(help_examples_new))
                .mut_arg("dir", |a| a.help(tr!(help_arg_new_dir)))
                .mut_arg("district", |a| a.help(tr!(help_arg_district)))
                .mut_arg("year", |a| a.help(tr!(help_arg_year)))
                .mut_arg("organisation", |a| plain(a.help(tr!(help_arg_organisation))))
                .mut_arg("region", |a| a.help(tr!(help_arg_region)))
        })
        .mut_subcommand("watch", |c| {
            c.about(tr!(help_watch))
                .after_help(tr!(help_examples_watch))
                .mut_arg("dir", |a| a.help(tr!(help_arg_watch_dir)))
                .mut_arg("port", |a| plain(a.help(tr!(help_arg_port))))
                .mut_arg("out", |a| plain(a.help(tr!(help_arg_watch_out))))
                .mut_arg("draft", |a| a.help(tr!(help_arg_watch_draft)))
                .mut_arg("deny_warnings", |a| a.help(tr!(help_arg_deny_warnings)))
                .mut_arg("quiet", |a| a.help(tr!(help_arg_quiet)))
                .mut_arg("color", |a| plain(a.help(tr!(help_arg_color))))
        })
        .mut_subcommand("roll-forward", |c| {
            c.about(tr!(help_roll_forward)).after_help(tr!(help_examples_roll_forward))
        })
        .mut_subcommand("diff", |c| c.about(tr!(help_diff)).after_help(tr!(help_examples_diff)))
        .mut_subcommand("templates", |c| {
            c.about(tr!(help_templates)).after_help(tr!(help_examples_templates))
        })
        .mut_subcommand("completions", |c| {
            c.about(tr!(help_completions))
                .after_help(tr!(help_examples_completions))
                .mut_arg("shell", |a| a.help(tr!(help_arg_shell)).hide_possible_values(true))
        });
    headings(command)
}

/// Without clap's English `[default: …]`, `[env: …]` and value lists: the help text says them.
fn plain(arg: Arg) -> Arg {
    arg.hide_possible_values(true).hide_default_value(true).hide_env(true)
}

/// The options `check` and `build` share.
fn common(c: Command) -> Command {
    c.mut_arg("dirs", |a| a.help(tr!(help_arg_dirs)))
        .mut_arg("workspace", |a| a.help(tr!(help_arg_workspace)))
        .mut_arg("only", |a| a.help(tr!(help_arg_only)))
        .mut_arg("skip", |a| a.help(tr!(help_arg_skip)))
        .mut_arg("deny_warnings", |a| a.help(tr!(help_arg_deny_warnings)))
        .mut_arg("quiet", |a| a.help(tr!(help_arg_quiet)))
        .mut_arg("color", |a| plain(a.help(tr!(help_arg_color))))
}

/// Headings, the usage line and the help flag in the current language, on every command.
fn headings(command: Command) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!(help_usage_heading)
    );
    let options = tr!(help_options_heading);
    let arguments = tr!(help_arguments_heading);
    let mut command = command.help_template(template).disable_help_flag(true).arg(
        Arg::new("help").short('h').long("help").action(ArgAction::Help).help(tr!(help_flag_help)),
    );
    let ids: Vec<(String, bool)> =
        command.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional())).collect();
    for (id, positional) in ids {
        let heading = if positional { arguments.clone() } else { options.clone() };
        command = command.mut_arg(id, |a| a.help_heading(heading));
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        command = command.mut_subcommand(name, headings);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_clap_parses() {
        let en = Some(OsString::from("en"));
        assert_eq!(lang_from_args(&args(&["a", "check"]), None), Lang::Nb);
        assert_eq!(lang_from_args(&args(&["a", "--lang", "en", "check"]), None), Lang::En);
        assert_eq!(lang_from_args(&args(&["a", "check", "--lang=en"]), None), Lang::En);
        assert_eq!(lang_from_args(&args(&["a", "check"]), en.clone()), Lang::En);
        assert_eq!(lang_from_args(&args(&["a", "--lang", "nb"]), en.clone()), Lang::Nb);
        assert_eq!(lang_from_args(&args(&["a", "--", "--lang", "en"]), None), Lang::Nb);
    }

    #[test]
    fn the_help_is_well_formed_and_translated() {
        for lang in [Lang::Nb, Lang::En] {
            let mut command = with_lang(lang, command);
            command.build();
            command.clone().debug_assert();
            let help = command.render_long_help().to_string();
            let word = if lang == Lang::Nb { "Eksempler:" } else { "Examples:" };
            assert!(help.contains(word), "{help}");
        }
        let mut check = with_lang(Lang::Nb, command);
        let check = check.find_subcommand_mut("check").expect("check");
        let help = check.render_help().to_string();
        assert!(
            help.contains("Bruk:") && help.contains("Valg") && help.contains("Vis bare"),
            "{help}"
        );
    }
}
