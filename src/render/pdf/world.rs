//! The Typst `World` of a report: templates, data, images and fonts — nothing else.
//!
//! Serves, under the virtual project root:
//! - `/report.typ` and the other default templates (embedded in the binary), each replaceable
//!   by a file of the same name in the report's template folder (`<templates>/pdf/…`), plus any
//!   further file in that folder (a partial, a logo);
//! - `/data.json`, the report as data (see `data.rs`);
//! - `/img/<n>.<ext>`, the report's images, from the bytes in the model;
//! - the embedded fonts: Typst's own plus Inter (the sans-serif text face), and any font files in
//!   the report's `<templates>/fonts/` folder;
//! - a fixed `today()`: the document date.
//!
//! No system fonts, no packages, no network, no other file.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, OneOrMultiple};
use typst::model::DocumentElem;
use typst::syntax::{DiagSpan, DiagSpanKind, FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, Lang, Region, TextElem};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};

use crate::model::Date;
use crate::render::{RenderError, TemplateDir};

/// The default templates, embedded: (name below `templates/pdf/`, bytes). `report.typ` is the
/// entry point; the others are the partials it imports.
pub const TEMPLATES: &[(&str, &[u8])] = &[
    ("report.typ", include_bytes!("../../../templates/pdf/report.typ")),
    ("theme.typ", include_bytes!("../../../templates/pdf/theme.typ")),
    ("inline.typ", include_bytes!("../../../templates/pdf/inline.typ")),
    ("tables.typ", include_bytes!("../../../templates/pdf/tables.typ")),
    ("blocks.typ", include_bytes!("../../../templates/pdf/blocks.typ")),
    ("cover.typ", include_bytes!("../../../templates/pdf/cover.typ")),
];

/// The sans-serif text face (Inter, SIL OFL 1.1, from Debian's fonts-inter; licence in
/// `templates/fonts/Inter-LICENSE.txt`). Typst's bundled fonts have no sans text face.
const FONTS: &[&[u8]] = &[
    include_bytes!("../../../templates/fonts/Inter-Regular.otf"),
    include_bytes!("../../../templates/fonts/Inter-Italic.otf"),
    include_bytes!("../../../templates/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../templates/fonts/Inter-Bold.otf"),
    include_bytes!("../../../templates/fonts/Inter-BoldItalic.otf"),
];

/// The file that holds the report's data.
pub const DATA_FILE: &str = "data.json";

/// A set of fonts and the book Typst looks them up in.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    fn new(fonts: Vec<Font>) -> Self {
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }
}

/// The embedded fonts, parsed once per process.
fn embedded_fonts() -> Vec<Font> {
    static FONTS_CELL: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS_CELL
        .get_or_init(|| {
            let mut fonts: Vec<Font> = typst_kit::fonts::embedded().map(|(f, _)| f).collect();
            for data in FONTS {
                fonts.extend(Font::iter(Bytes::new(*data)));
            }
            fonts
        })
        .clone()
}

fn default_fonts() -> Arc<Fonts> {
    static DEFAULT: OnceLock<Arc<Fonts>> = OnceLock::new();
    DEFAULT.get_or_init(|| Arc::new(Fonts::new(embedded_fonts()))).clone()
}

/// Document metadata set before the template runs, so that a template of one's own that
/// forgets `set document(…)` still gives a PDF/UA document with a title, author and language.
#[derive(Debug, Clone, Default)]
pub struct DocumentDefaults {
    /// The document title.
    pub title: String,
    /// The author (the district).
    pub author: String,
    /// The language ("nb").
    pub lang: String,
    /// The region ("NO"), if any.
    pub region: Option<String>,
}

/// Typst's standard library with the document defaults as its base styles.
fn library(defaults: &DocumentDefaults) -> LazyHash<Library> {
    // `a11y-extras` gives the templates `pdf.header-cell(scope: "row")`: row labels are tagged
    // as TH with Scope Row, as the site's `th scope=row`.
    let mut library =
        Library::builder().with_features([Feature::A11yExtras].into_iter().collect()).build();
    let styles = &mut library.styles;
    if !defaults.title.is_empty() {
        styles.set(DocumentElem::title, Some(TextElem::packed(defaults.title.as_str())));
    }
    if !defaults.author.is_empty() {
        styles.set(DocumentElem::author, OneOrMultiple(vec![defaults.author.as_str().into()]));
    }
    if let Ok(lang) = Lang::from_str(&defaults.lang) {
        styles.set(TextElem::lang, lang);
    }
    if let Some(region) = defaults.region.as_deref().and_then(|r| Region::from_str(r).ok()) {
        styles.set(TextElem::region, Some(region));
    }
    LazyHash::new(library)
}

/// Font files in `<templates>/fonts/`, in name order; `None` if there are none.
fn override_fonts(templates: &TemplateDir) -> Result<Option<Vec<Font>>, RenderError> {
    let Some(dir) = templates.overrides.as_ref().map(|d| d.join("fonts")) else { return Ok(None) };
    if !dir.is_dir() {
        return Ok(None);
    }
    let io = |path: &Path, source| RenderError::Io { path: path.display().to_string(), source };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| io(&dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                ["ttf", "otf", "ttc", "otc"].contains(&x.to_ascii_lowercase().as_str())
            })
        })
        .collect();
    if paths.is_empty() {
        return Ok(None);
    }
    paths.sort();
    let root = templates.root.as_deref().or(templates.overrides.as_deref()).unwrap_or(&dir);
    let mut fonts = Vec::new();
    for path in paths {
        let real = crate::paths::confined(root, &path).map_err(|e| io(&path, e))?;
        let bytes = std::fs::read(&real).map_err(|e| io(&path, e))?;
        let before = fonts.len();
        fonts.extend(Font::iter(Bytes::new(bytes)));
        if fonts.len() == before {
            return Err(RenderError::Other(format!("{}: not a font file", path.display())));
        }
    }
    Ok(Some(fonts))
}

fn file_id(path: &str) -> FileResult<FileId> {
    let vpath = VirtualPath::new(path).map_err(|_| FileError::AccessDenied)?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The embedded default of template `name` (below `templates/pdf/`).
pub fn default_template(name: &str) -> Option<&'static [u8]> {
    TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

/// The world one report is compiled in.
pub struct ReportWorld {
    main: FileId,
    library: LazyHash<Library>,
    templates: TemplateDir,
    /// The template path shown to users, by virtual path (filled as templates are read).
    shown: Mutex<HashMap<String, String>>,
    /// In-memory files: the data and the images, by virtual path without the slash.
    files: HashMap<String, Bytes>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    fonts: Arc<Fonts>,
    today: Date,
}

impl ReportWorld {
    /// A world with the given data (`/data.json`), images (virtual path without slash, bytes),
    /// document defaults and date. Fails only when the template folder's fonts cannot be read.
    pub fn new(
        templates: &TemplateDir,
        data: Vec<u8>,
        images: Vec<(String, Arc<Vec<u8>>)>,
        defaults: &DocumentDefaults,
        today: Date,
    ) -> Result<Self, RenderError> {
        let mut files = HashMap::new();
        files.insert(DATA_FILE.to_string(), Bytes::new(data));
        for (path, bytes) in images {
            files.insert(path, Bytes::new(ArcBytes(bytes)));
        }
        let fonts = match override_fonts(templates)? {
            Some(mut extra) => {
                // The report's own fonts first: they win over embedded ones of the same name.
                extra.extend(embedded_fonts());
                Arc::new(Fonts::new(extra))
            }
            None => default_fonts(),
        };
        let main = file_id("/report.typ").map_err(|e| RenderError::Other(e.to_string()))?;
        Ok(ReportWorld {
            main,
            library: library(defaults),
            templates: templates.clone(),
            shown: Mutex::new(HashMap::new()),
            files,
            sources: Mutex::new(HashMap::new()),
            fonts,
            today,
        })
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let rooted = id.get();
        if !matches!(rooted.root(), VirtualRoot::Project) {
            // Packages (`@preview/…`) are not available: nothing is downloaded.
            return Err(FileError::Other(Some("packages are not available in arsrapport".into())));
        }
        let path = rooted.vpath().get_without_slash().to_string();
        if let Some(bytes) = self.files.get(&path) {
            return Ok(bytes.clone());
        }
        let embedded = default_template(&path);
        let name = format!("pdf/{path}");
        // Only the embedded templates and the files of the user's template folder exist; a
        // file there that leads out of the report folder (a symbolic link) is refused.
        let has_override = self
            .templates
            .resolve(&name)
            .map_err(|e| FileError::Other(Some(format!("{name}: {e}").into())))?
            .is_some();
        if embedded.is_none() && !has_override {
            return Err(FileError::NotFound(path.into()));
        }
        let (shown, bytes) = self
            .templates
            .read(&name, embedded.unwrap_or(&[]))
            .map_err(|e| FileError::Other(Some(format!("{name}: {e}").into())))?;
        if let Ok(mut map) = self.shown.lock() {
            map.insert(path, shown);
        }
        Ok(Bytes::new(bytes))
    }

    /// The text of the template `span` is in and the bytes it covers, if it is in one.
    pub fn snippet(&self, span: DiagSpan) -> Option<crate::render::TemplateSnippet> {
        let id = span.id()?;
        let source = self.source(id).ok()?;
        let range = match span.get() {
            DiagSpanKind::Detached => None,
            DiagSpanKind::Number { num, sub_range, .. } => source.range(num, sub_range),
            DiagSpanKind::Range { range, .. } => Some(range),
        }?;
        Some(crate::render::TemplateSnippet { text: source.text().to_string(), range })
    }

    /// The template file (as shown to users), 1-based line and column of a diagnostic span.
    pub fn locate(&self, span: DiagSpan) -> (String, Option<usize>, Option<usize>) {
        let Some(id) = span.id() else { return ("templates/pdf/report.typ".into(), None, None) };
        let path = id.get().vpath().get_without_slash().to_string();
        let shown = self
            .shown
            .lock()
            .ok()
            .and_then(|m| m.get(&path).cloned())
            .unwrap_or_else(|| format!("templates/pdf/{path}"));
        let range = match span.get() {
            DiagSpanKind::Detached => None,
            DiagSpanKind::Number { id, num, sub_range } => {
                self.source(id).ok().and_then(|s| s.range(num, sub_range))
            }
            DiagSpanKind::Range { range, .. } => Some(range),
        };
        let position = range.and_then(|r| {
            let source = self.source(id).ok()?;
            source.lines().byte_to_line_column(r.start)
        });
        match position {
            Some((line, column)) => (shown, Some(line + 1), Some(column + 1)),
            None => (shown, None, None),
        }
    }
}

/// Image bytes shared with the model, without a copy.
struct ArcBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut cache = self.sources.lock().map_err(|_| FileError::AccessDenied)?;
        cache
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.read(id)?;
                let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
                // Tolerate a byte order mark from editors on Windows.
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                Ok(Source::new(id, text.to_string()))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(self.today.year, self.today.month, self.today.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: Date = Date { year: 2025, month: 3, day: 1 };

    fn world(templates: &TemplateDir) -> ReportWorld {
        let images = vec![("img/1.png".to_string(), Arc::new(vec![1, 2, 3]))];
        ReportWorld::new(templates, b"{}".to_vec(), images, &DocumentDefaults::default(), DATE)
            .expect("world")
    }

    fn id(path: &str) -> FileId {
        file_id(path).expect("id")
    }

    #[test]
    fn serves_templates_data_and_images_only() {
        let w = world(&TemplateDir::default());
        assert!(w.source(w.main()).expect("main").text().contains("data.json"));
        for (name, _) in TEMPLATES {
            assert!(w.source(id(&format!("/{name}"))).is_ok(), "{name}");
        }
        assert_eq!(w.file(id("/data.json")).expect("data").as_slice(), b"{}");
        assert_eq!(w.file(id("/img/1.png")).expect("image").as_slice(), &[1, 2, 3]);
        assert!(matches!(w.file(id("/etc/passwd")), Err(FileError::NotFound(_))));
        assert!(matches!(w.file(id("/Cargo.toml")), Err(FileError::NotFound(_))));
        // A path that leaves the root is refused before it reaches the world.
        assert!(VirtualPath::new("/../../etc/passwd").is_err());
        assert_eq!(w.today(None), Datetime::from_ymd(2025, 3, 1));
    }

    #[test]
    fn the_sans_face_is_embedded() {
        let w = world(&TemplateDir::default());
        let families: Vec<&str> = w.book().families().map(|(name, _)| name).collect();
        assert!(families.contains(&"Inter"), "{families:?}");
        assert!(families.contains(&"Libertinus Serif"), "{families:?}");
    }

    #[test]
    fn an_override_replaces_one_template_and_adds_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("pdf")).expect("mkdir");
        std::fs::write(dir.path().join("pdf/theme.typ"), "#let x = 1").expect("write");
        std::fs::write(dir.path().join("pdf/logo.svg"), "<svg/>").expect("write");
        let w = world(&TemplateDir::with_overrides(dir.path()));
        assert_eq!(w.source(id("/theme.typ")).expect("theme").text(), "#let x = 1");
        assert_eq!(w.file(id("/logo.svg")).expect("logo").as_slice(), b"<svg/>");
        // The others stay the embedded defaults.
        let cover = w.source(id("/cover.typ")).expect("cover");
        assert_eq!(cover.text().as_bytes(), default_template("cover.typ").expect("embedded"));
        let shown = w.shown.lock().expect("lock").clone();
        assert!(shown["theme.typ"].ends_with("pdf/theme.typ"), "{shown:?}");
        assert!(shown["theme.typ"].starts_with(&*dir.path().to_string_lossy()), "{shown:?}");
        assert_eq!(shown["cover.typ"], "templates/pdf/cover.typ");
    }

    #[cfg(unix)]
    #[test]
    fn files_that_link_out_of_the_report_folder_are_refused() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("passwd"), "root:x:0:0").expect("write");
        std::fs::write(outside.path().join("font.otf"), FONTS[0]).expect("write");
        let report = tempfile::tempdir().expect("tempdir");
        let maler = report.path().join("maler");
        std::fs::create_dir_all(maler.join("pdf")).expect("mkdir");
        symlink(outside.path().join("passwd"), maler.join("pdf/leak.txt")).expect("link");
        symlink(outside.path().join("passwd"), maler.join("pdf/cover.typ")).expect("link");
        std::fs::write(report.path().join("logo.svg"), "<svg/>").expect("write");
        symlink(report.path().join("logo.svg"), maler.join("pdf/logo.svg")).expect("link");
        let w = world(&TemplateDir::confined(report.path(), &maler));
        for path in ["/leak.txt", "/cover.typ"] {
            let error = w.file(id(path)).expect_err("refused");
            assert!(error.to_string().contains("outside"), "{path}: {error}");
        }
        // A link that stays inside the report folder is served.
        assert_eq!(w.file(id("/logo.svg")).expect("logo").as_slice(), b"<svg/>");
        // Fonts too.
        std::fs::create_dir_all(maler.join("fonts")).expect("mkdir");
        symlink(outside.path().join("font.otf"), maler.join("fonts/x.otf")).expect("link");
        let templates = TemplateDir::confined(report.path(), &maler);
        let err = ReportWorld::new(&templates, vec![], vec![], &DocumentDefaults::default(), DATE);
        assert!(matches!(err, Err(RenderError::Io { .. })));
    }

    #[test]
    fn fonts_in_the_template_folder_are_added() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("fonts")).expect("mkdir");
        std::fs::write(dir.path().join("fonts/extra.otf"), FONTS[0]).expect("write");
        let w = world(&TemplateDir::with_overrides(dir.path()));
        let plain = world(&TemplateDir::default());
        assert!(w.fonts.fonts.len() > plain.fonts.fonts.len());
        std::fs::write(dir.path().join("fonts/broken.ttf"), b"not a font").expect("write");
        let templates = TemplateDir::with_overrides(dir.path());
        let err = ReportWorld::new(&templates, vec![], vec![], &DocumentDefaults::default(), DATE);
        assert!(matches!(err, Err(RenderError::Other(m)) if m.contains("not a font")));
    }
}
