//! The HTML templates and static assets: embedded defaults, overridable file by file.
//!
//! Templates are `templates/html/*.html` (Tera, autoescaped); assets are the files under
//! `templates/html/assets/`, copied into the site's `assets/` folder. A report's own
//! template folder overrides any of them by relative name (`html/chapter.html`,
//! `html/assets/site.css`). Every template is parsed on its own first, so that all syntax
//! errors are reported together, each with the path of the file it is in.

use std::collections::HashMap;

use tera::{Context, Tera};

use crate::render::{RenderError, TemplateDir, TemplateError};

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../../templates/html/", $name)) as &[u8])),*]
    };
}

/// The Tera templates, by name (relative to `templates/html/`).
pub(crate) const TEMPLATES: &[(&str, &[u8])] = embedded![
    "base.html",
    "macros.html",
    "index.html",
    "chapter.html",
    "search.html",
    "datasets.html",
    "chapter_nav.html"
];

/// Static files copied into the site, by name (relative to `templates/html/`).
pub(crate) const ASSETS: &[(&str, &[u8])] = embedded![
    "assets/site.css",
    "assets/print.css",
    "assets/site.js",
    "assets/vendor/elasticlunr.min.js",
    "assets/vendor/lunr.stemmer.support.min.js",
    "assets/vendor/lunr.no.min.js",
    "assets/vendor/LICENSE-elasticlunr.txt",
    "assets/vendor/LICENSE-lunr-languages.txt",
];

/// The PDF's sans-serif font (Inter, OFL-1.1, in `templates/fonts/`), served with the site
/// so that both outputs look alike. Regular, italic and bold are what the stylesheet uses.
pub(crate) const FONTS: &[(&str, &[u8])] = &[
    (
        "assets/fonts/Inter-Regular.otf",
        include_bytes!("../../../templates/fonts/Inter-Regular.otf"),
    ),
    ("assets/fonts/Inter-Italic.otf", include_bytes!("../../../templates/fonts/Inter-Italic.otf")),
    ("assets/fonts/Inter-Bold.otf", include_bytes!("../../../templates/fonts/Inter-Bold.otf")),
    (
        "assets/fonts/Inter-LICENSE.txt",
        include_bytes!("../../../templates/fonts/Inter-LICENSE.txt"),
    ),
];

/// The loaded templates.
pub(crate) struct Templates {
    tera: Tera,
    /// Tera name → path shown to the user.
    paths: HashMap<String, String>,
}

impl Templates {
    /// Loads and parses every template; all syntax errors are returned together.
    pub(crate) fn load(dir: &TemplateDir) -> Result<Templates, RenderError> {
        let mut sources = Vec::new();
        let mut paths = HashMap::new();
        let mut errors = Vec::new();
        for (name, embedded) in TEMPLATES {
            let (path, bytes) = read(dir, name, embedded)?;
            match String::from_utf8(bytes) {
                Ok(text) => sources.push((name.to_string(), text)),
                Err(_) => errors.push(TemplateError {
                    template: path.clone(),
                    line: None,
                    column: None,
                    message: crate::tr!(render_template_not_utf8),
                    hints: vec![crate::tr!(render_save_as_utf8)],
                    snippet: None,
                }),
            }
            paths.insert(name.to_string(), path);
        }
        if !errors.is_empty() {
            return Err(RenderError::Template(errors));
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        refuse_outside_access(&mut tera);
        // Tera stops at the first bad template: on failure, parse each on its own to report
        // every syntax error; if each parses, the problem is between them (a missing parent,
        // an unknown macro file) and Tera's error says which.
        if let Err(e) = tera.add_raw_templates(sources.clone()) {
            for (name, text) in &sources {
                let path = paths.get(name).cloned().unwrap_or_default();
                if let Err(e) = tera::Template::new(name, Some(path.clone()), text) {
                    errors.push(template_error(&path, &e));
                }
            }
            if errors.is_empty() {
                let templates = Templates { tera: Tera::default(), paths };
                errors.push(templates.error(&e, "base.html"));
            }
            return Err(RenderError::Template(errors));
        }
        Ok(Templates { tera, paths })
    }

    /// Renders template `name`; the error names the template it happened in.
    pub(crate) fn render(&self, name: &str, context: &Context) -> Result<String, TemplateError> {
        self.tera.render(name, context).map_err(|e| self.error(&e, name))
    }

    fn error(&self, error: &tera::Error, rendering: &str) -> TemplateError {
        let chain = chain(error);
        // The innermost template named in the messages is where the problem is.
        let name = chain
            .iter()
            .rev()
            .flat_map(|m| m.split('\'').skip(1).step_by(2))
            .find(|quoted| self.paths.contains_key(*quoted))
            .unwrap_or(rendering);
        let path =
            self.paths.get(name).cloned().unwrap_or_else(|| format!("templates/html/{name}"));
        let mut e = template_error(&path, error);
        if e.message.contains("not found in context") {
            e.hints.push(crate::tr!(render_template_variables_listed));
        }
        e
    }
}

/// Tera's functions that read the process environment (`get_env`; `now` and `get_random` are
/// left out with Tera's `builtins` feature). Tera has no way to remove a function, so each is
/// replaced by one that fails with a message: a template sees the report's data, nothing else.
const REFUSED_FUNCTIONS: &[&str] = &["get_env"];

fn refuse_outside_access(tera: &mut Tera) {
    for name in REFUSED_FUNCTIONS {
        tera.register_function(name, move |_: &HashMap<String, tera::Value>| {
            Err(tera::Error::msg(format!(
                "`{name}` is not available in arsrapport's templates: a template sees the \
                 report's data only (docs/security.md)"
            )))
        });
    }
}

/// Reads a template or asset through the template folder.
pub(crate) fn read(
    dir: &TemplateDir,
    name: &str,
    embedded: &'static [u8],
) -> Result<(String, Vec<u8>), RenderError> {
    let full = format!("html/{name}");
    dir.read(&full, embedded).map_err(|source| RenderError::Io { path: full, source })
}

fn chain(error: &tera::Error) -> Vec<String> {
    let mut messages = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        messages.push(e.to_string());
        source = e.source();
    }
    messages
}

/// A [`TemplateError`] from a Tera error, with line and column when Tera gives them
/// (parse errors carry ` --> line:column`).
fn template_error(path: &str, error: &tera::Error) -> TemplateError {
    let messages = chain(error);
    let mut line = None;
    let mut column = None;
    for m in &messages {
        if let Some(pos) = m.split("--> ").nth(1) {
            let mut numbers = pos.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
            line = numbers.next().and_then(|n| n.parse().ok());
            column = numbers.next().and_then(|n| n.parse().ok());
            break;
        }
    }
    let message =
        messages.iter().map(|m| m.trim()).filter(|m| !m.is_empty()).collect::<Vec<_>>().join(": ");
    TemplateError {
        template: path.to_string(),
        line,
        column,
        message,
        hints: Vec::new(),
        snippet: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_templates_parse() {
        assert!(Templates::load(&TemplateDir::default()).is_ok());
    }

    #[test]
    fn syntax_errors_name_the_override_file_with_line_and_column() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("html")).expect("mkdir");
        std::fs::write(
            dir.path().join("html/index.html"),
            "{% extends \"base.html\" %}\n{{ x + }}",
        )
        .expect("write");
        std::fs::write(dir.path().join("html/search.html"), "{% if %}").expect("write");
        let Err(RenderError::Template(errors)) =
            Templates::load(&TemplateDir::with_overrides(dir.path()))
        else {
            panic!("expected template errors");
        };
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].template.ends_with("html/index.html"), "{errors:?}");
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].column.is_some());
        assert!(errors[1].template.ends_with("html/search.html"));
    }

    #[test]
    fn a_missing_parent_names_the_child() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("html")).expect("mkdir");
        std::fs::write(dir.path().join("html/chapter.html"), "{% extends \"nope.html\" %}")
            .expect("write");
        let Err(RenderError::Template(errors)) =
            Templates::load(&TemplateDir::with_overrides(dir.path()))
        else {
            panic!("expected template errors");
        };
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].template.ends_with("html/chapter.html"), "{errors:?}");
        assert!(errors[0].message.contains("nope.html"), "{errors:?}");
    }

    #[test]
    fn templates_cannot_read_the_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("html")).expect("mkdir");
        std::fs::write(
            dir.path().join("html/search.html"),
            "{{ get_env(name=\"PATH\") }}{{ get_env(name=\"NOPE\", default=\"d\") }}",
        )
        .expect("write");
        let templates = Templates::load(&TemplateDir::with_overrides(dir.path())).expect("load");
        let error = templates.render("search.html", &Context::new()).expect_err("refused");
        assert!(error.message.contains("`get_env` is not available"), "{error:?}");
        assert!(!error.message.contains(&std::env::var("PATH").unwrap_or_default()));
    }

    #[cfg(unix)]
    #[test]
    fn a_template_that_links_out_of_the_folder_is_refused() {
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("index.html"), "secret").expect("write");
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("html")).expect("mkdir");
        std::os::unix::fs::symlink(
            outside.path().join("index.html"),
            dir.path().join("html/index.html"),
        )
        .expect("link");
        let Err(RenderError::Io { path, source }) =
            Templates::load(&TemplateDir::with_overrides(dir.path()))
        else {
            panic!("expected the link to be refused");
        };
        assert_eq!(path, "html/index.html");
        assert_eq!(source.kind(), std::io::ErrorKind::PermissionDenied);
    }

    #[test]
    fn render_errors_name_the_template() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("html")).expect("mkdir");
        std::fs::write(dir.path().join("html/search.html"), "{{ no_such_variable }}")
            .expect("write");
        let templates = Templates::load(&TemplateDir::with_overrides(dir.path())).expect("load");
        let error = templates.render("search.html", &Context::new()).expect_err("must fail");
        assert!(error.template.ends_with("html/search.html"), "{error:?}");
        assert!(error.message.contains("no_such_variable"), "{error:?}");
        assert!(!error.hints.is_empty());
    }
}
