//! The Typst `World` of a report: templates, data, images and fonts — nothing else.
//!
//! Serves `/report.typ` and any other template file (the embedded defaults, or
//! the report's own template folder through [`TemplateDir`]), `/data.json`
//! (the report as data), `/img/<n>.<ext>` (the report's images, from the
//! model), the embedded fonts (Typst's own plus Inter for sans-serif text),
//! and a fixed `today()`. No system fonts, no packages, no network.

use std::collections::HashMap;
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{DiagSpan, DiagSpanKind, FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::model::Date;
use crate::render::{RenderError, TemplateDir};

/// Embedded default templates: (name below templates/pdf/, bytes).
const TEMPLATES: &[(&str, &[u8])] =
    &[("report.typ", include_bytes!("../../../templates/pdf/report.typ"))];

/// Embedded fonts besides Typst's own.
const FONTS: &[&[u8]] = &[
    include_bytes!("../../../templates/fonts/Inter-Regular.otf"),
    include_bytes!("../../../templates/fonts/Inter-Italic.otf"),
    include_bytes!("../../../templates/fonts/Inter-Bold.otf"),
    include_bytes!("../../../templates/fonts/Inter-BoldItalic.otf"),
    include_bytes!("../../../templates/fonts/Inter-SemiBold.otf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS_CELL: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS_CELL.get_or_init(|| {
        let mut fonts: Vec<Font> = typst_kit::fonts::embedded().map(|(f, _)| f).collect();
        for data in FONTS {
            fonts.extend(Font::iter(Bytes::new(*data)));
        }
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: std::sync::OnceLock<LazyHash<Library>> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// The world one report is compiled in.
pub struct ReportWorld {
    main: FileId,
    templates: TemplateDir,
    /// Template path shown to users, by virtual path.
    shown: Mutex<HashMap<String, String>>,
    files: HashMap<String, Bytes>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    today: Date,
}

fn file_id(path: &str) -> FileResult<FileId> {
    let vpath = VirtualPath::new(path).map_err(|_| FileError::AccessDenied)?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl ReportWorld {
    /// A world with the given data and images.
    pub fn new(
        templates: &TemplateDir,
        data: Vec<u8>,
        images: Vec<(String, Vec<u8>)>,
        today: Date,
    ) -> Result<Self, RenderError> {
        let mut files = HashMap::new();
        files.insert("data.json".to_string(), Bytes::new(data));
        for (path, bytes) in images {
            files.insert(path, Bytes::new(bytes));
        }
        let main = file_id("/report.typ").map_err(|e| RenderError::Other(e.to_string()))?;
        Ok(ReportWorld {
            main,
            templates: templates.clone(),
            shown: Mutex::new(HashMap::new()),
            files,
            sources: Mutex::new(HashMap::new()),
            today,
        })
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let rooted = id.get();
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let path = rooted.vpath().get_without_slash().to_string();
        if let Some(bytes) = self.files.get(&path) {
            return Ok(bytes.clone());
        }
        let embedded = TEMPLATES.iter().find(|(n, _)| *n == path).map(|(_, b)| *b);
        let name = format!("pdf/{path}");
        // Only the embedded templates and files in the user's template folder exist.
        let has_override =
            self.templates.overrides.as_ref().is_some_and(|d| d.join(&name).is_file());
        if embedded.is_none() && !has_override {
            return Err(FileError::NotFound(path.into()));
        }
        let (shown, bytes) = self
            .templates
            .read(&name, embedded.unwrap_or(&[]))
            .map_err(|e| FileError::Other(Some(e.to_string().into())))?;
        if let Ok(mut map) = self.shown.lock() {
            map.insert(path, shown);
        }
        Ok(Bytes::new(bytes))
    }

    /// The template file, line and column of a diagnostic span.
    pub fn locate(&self, span: DiagSpan) -> (String, Option<usize>, Option<usize>) {
        let Some(id) = span.id() else { return ("templates/pdf".into(), None, None) };
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

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
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
                let text = String::from_utf8(bytes.to_vec()).map_err(|_| FileError::InvalidUtf8)?;
                Ok(Source::new(id, text))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(self.today.year, self.today.month, self.today.day)
    }
}
