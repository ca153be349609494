//! The names of the language — functions, filters, their arguments, the facts — and the check
//! that an expression uses only these, before anything is evaluated.

use std::collections::{BTreeMap, BTreeSet};

use super::error::{Error, ErrorKind};
use super::parse::{Arg, Expr, Part, Path, Term};
use crate::load::yaml::did_you_mean;
use crate::model::Report;

/// A function of the language.
#[derive(Debug, Clone, Copy)]
pub struct Function {
    pub name: &'static str,
    /// Every argument it takes.
    pub args: &'static [&'static str],
    /// The arguments it needs.
    pub required: &'static [&'static str],
}

/// A filter of the language and its (optional) arguments.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    pub name: &'static str,
    pub args: &'static [&'static str],
}

/// The functions, as documented in docs/format.md.
pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "tabell",
        args: &["id", "rad", "kolonne"],
        required: &["id", "rad", "kolonne"],
    },
    Function {
        name: "sum",
        args: &["tabell", "kolonne", "rader"],
        required: &["tabell", "kolonne"],
    },
    Function { name: "endring", args: &["fra", "til"], required: &["fra", "til"] },
];

/// The filters, as documented in docs/format.md.
pub const FILTERS: &[Filter] = &[
    Filter { name: "tall", args: &["desimaler", "tusenskille"] },
    Filter { name: "kr", args: &[] },
    Filter { name: "tusen", args: &[] },
    Filter { name: "mill", args: &["desimaler"] },
    Filter { name: "prosent", args: &["desimaler"] },
    Filter { name: "prosentpoeng", args: &["desimaler"] },
    Filter { name: "fortegn", args: &["desimaler"] },
    Filter { name: "forbruk", args: &[] },
    Filter { name: "abs", args: &[] },
];

/// The function called `name`.
pub fn function(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// The filter called `name`.
pub fn filter(name: &str) -> Option<&'static Filter> {
    FILTERS.iter().find(|f| f.name == name)
}

pub fn function_names() -> Vec<&'static str> {
    FUNCTIONS.iter().map(|f| f.name).collect()
}

pub fn filter_names() -> Vec<&'static str> {
    FILTERS.iter().map(|f| f.name).collect()
}

/// How to write a reference to the fact `name` in text.
pub fn fact_reference(name: &str) -> String {
    let alias = name.replace('-', "_");
    if alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{{{{ fakta.{alias} }}}}")
    } else {
        format!("{{{{ fakta[\"{name}\"] }}}}")
    }
}

/// The report's facts by the names text may use: the declared name, and `_` for `-`.
pub struct Facts {
    written: BTreeMap<String, String>,
}

impl Facts {
    pub fn new(report: &Report) -> Facts {
        let mut written: BTreeMap<String, String> =
            report.facts.keys().map(|n| (n.clone(), n.clone())).collect();
        for name in report.facts.keys() {
            written.entry(name.replace('-', "_")).or_insert_with(|| name.clone());
        }
        Facts { written }
    }

    /// The declared name of the fact written `name`.
    pub fn declared(&self, name: &str) -> Option<&str> {
        self.written.get(name).map(String::as_str)
    }

    /// The fact a [`Path`] names: `fakta.navn`, `fakta["navn"]`.
    pub fn resolve(&self, path: &Path, text: &str) -> Result<&str, Error> {
        let root = &path.root.name;
        if root != "fakta" {
            let kind = ErrorKind::UnknownName {
                name: root.clone(),
                fact: self.declared(root).map(str::to_string),
                near_fakta: did_you_mean(root, ["fakta"]).is_some(),
                function: function(root).is_some(),
            };
            return Err(Error::new(kind, path.root.span.clone()));
        }
        let (name, span) = match path.parts.as_slice() {
            [] => return Err(Error::new(ErrorKind::FactNotNamed, path.span.clone())),
            [Part::Field(f)] => (f.name.as_str(), path.span.clone()),
            [Part::Index(Term::Text { text, span })] => (text.as_str(), span.clone()),
            [Part::Index(Term::Number { span, .. })] => (&text[span.clone()], span.clone()),
            [Part::Index(Term::Path(p))] => {
                let kind = ErrorKind::FactNameNotQuoted { name: text[p.span.clone()].to_string() };
                return Err(Error::new(kind, p.span.clone()));
            }
            _ => {
                let kind = ErrorKind::FactParts { written: text[path.span.clone()].to_string() };
                return Err(Error::new(kind, path.span.clone()));
            }
        };
        self.declared(name).ok_or_else(|| {
            let suggestion = did_you_mean(name, self.written.keys().map(String::as_str))
                .map(|b| fact_reference(&self.written[b]));
            let declared: BTreeSet<&String> = self.written.values().collect();
            let kind = ErrorKind::UnknownFact {
                name: name.to_string(),
                suggestion,
                declared: declared.into_iter().cloned().collect(),
            };
            Error::new(kind, span)
        })
    }
}

/// Checks that `expr` (written as `text`) uses only the language's names, facts that exist,
/// and every argument a function needs: left to right, the value before its filters.
pub fn check(expr: &Expr, text: &str, facts: &Facts) -> Result<(), Error> {
    check_term(&expr.term, text, facts)?;
    for f in &expr.filters {
        let Some(known) = filter(&f.name.name) else {
            let suggestion = did_you_mean(&f.name.name, filter_names());
            let kind = ErrorKind::UnknownFilter { name: f.name.name.clone(), suggestion };
            return Err(Error::new(kind, f.name.span.clone()));
        };
        check_args(known.name, true, &f.args, known.args, text, facts)?;
    }
    Ok(())
}

fn check_term(term: &Term, text: &str, facts: &Facts) -> Result<(), Error> {
    match term {
        Term::Number { .. } | Term::Text { .. } | Term::Bool { .. } => Ok(()),
        Term::List { items, .. } => items.iter().try_for_each(|i| check(i, text, facts)),
        Term::Group { inner, .. } => check(inner, text, facts),
        Term::Path(path) => facts.resolve(path, text).map(|_| ()),
        Term::Call(call) => {
            let Some(known) = function(&call.name.name) else {
                let suggestion = did_you_mean(&call.name.name, function_names());
                let kind = ErrorKind::UnknownFunction { name: call.name.name.clone(), suggestion };
                return Err(Error::new(kind, call.name.span.clone()));
            };
            check_args(known.name, false, &call.args, known.args, text, facts)?;
            let given = |r: &&str| call.args.iter().any(|a| a.name.name == *r);
            if let Some(missing) = known.required.iter().find(|r| !given(r)) {
                let kind = ErrorKind::MissingArgument {
                    function: known.name,
                    argument: missing,
                    required: known.required,
                };
                return Err(Error::new(kind, call.name.span.clone()));
            }
            Ok(())
        }
    }
}

fn check_args(
    owner: &'static str,
    is_filter: bool,
    args: &[Arg],
    known: &'static [&'static str],
    text: &str,
    facts: &Facts,
) -> Result<(), Error> {
    for arg in args {
        if !known.contains(&arg.name.name.as_str()) {
            let kind = ErrorKind::UnknownArgument {
                owner: owner.to_string(),
                filter: is_filter,
                argument: arg.name.name.clone(),
                suggestion: did_you_mean(&arg.name.name, known.iter().copied()),
                known,
            };
            return Err(Error::new(kind, arg.name.span.clone()));
        }
        check(&arg.value, text, facts)?;
    }
    Ok(())
}
