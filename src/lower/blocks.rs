//! Blocks and inline text.

use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::load::read::{Spanned, Text};
use crate::load::schema::{
    BlockSource, ChecklistSource, FigureSource, GoalsSource, ListItemSource, NoteSource,
};
use crate::load::yaml::did_you_mean;
use crate::load::{Reference, Revise, TextSource, image, inline};
use crate::model::{
    Block, Checklist, ChecklistItem, Figure, Goal, Goals, Inline, ListItem, Measure,
};
use crate::tr;

use super::Lowerer;

/// The answer columns of a checklist without `answers:`, as on the Oslo forms.
const DEFAULT_ANSWERS: &[&str] = &["Ja", "Delvis", "Nei"];

/// Other words for an answer (lower case), accepted when the checklist has that column.
const ANSWER_SYNONYMS: &[(&str, &str)] = &[
    ("yes", "ja"),
    ("true", "ja"),
    ("x", "ja"),
    ("no", "nei"),
    ("false", "nei"),
    ("i/a", "ikke aktuelt"),
    ("ikke relevant", "ikke aktuelt"),
];

/// How deep lists may nest (a list in a list item is level 2).
pub const MAX_LIST_DEPTH: usize = 4;

/// The image formats the PDF and the site take, by extension.
const IMAGE_EXTENSIONS: &[&str] = &[".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];

impl Lowerer<'_> {
    /// Parses inline markup; expressions `{{ … }}` become placeholders listed in `references`.
    pub(super) fn inline(&mut self, text: &Text) -> Vec<Inline> {
        self.inline_as(text, false)
    }

    /// Inline text that is prose revised every year (paragraphs, notes, list items, comments):
    /// compared with last year's report unless marked `unchanged: true`.
    fn prose(&mut self, text: &Text) -> Vec<Inline> {
        self.inline_as(text, true)
    }

    fn prose_opt(&mut self, text: &Option<Text>) -> Vec<Inline> {
        text.as_ref().map(|t| self.prose(t)).unwrap_or_default()
    }

    fn inline_as(&mut self, text: &Text, prose: bool) -> Vec<Inline> {
        let parsed = inline::parse_with_references(&text.text, self.references.len());
        let revise = match (&text.unchanged, prose) {
            (Some(_), true) => Revise::MarkedUnchanged,
            (None, true) => Revise::Yes,
            (Some(span), false) => {
                self.push(crate::cycle::unrevised::mark_not_prose(span.clone()));
                Revise::No
            }
            (None, false) => Revise::No,
        };
        let source = TextSource { span: text.span.clone(), text: text.text.clone(), revise };
        self.printable(&source);
        for e in parsed.errors {
            // The exact place inside the scalar, also in quoted and folded strings.
            let width = if e.code == Code::Expression { 2 } else { 1 };
            let span = source.span_of(&self.files.sources, e.offset..e.offset + width);
            self.push(Diagnostic::error(e.code, e.message).at(span).with_hint(e.hint));
        }
        self.collect_links(&parsed.inlines, &source);
        let index = self.texts.len();
        self.texts.push(source);
        self.references.extend(parsed.references.into_iter().map(|r| Reference {
            expr: r.expr,
            text: index,
            range: r.range,
        }));
        parsed.inlines
    }

    /// Records the links of a text with the place of their targets.
    fn collect_links(&mut self, inlines: &[Inline], source: &TextSource) {
        let mut todo: Vec<&Inline> = inlines.iter().rev().collect();
        let mut from = 0;
        while let Some(inline) = todo.pop() {
            match inline {
                Inline::Link { url, content } => {
                    let written = format!("]({url})");
                    let offset = source.text[from.min(source.text.len())..]
                        .find(&written)
                        .or_else(|| source.text.find(&written))
                        .map(|i| i + 2);
                    let span = match offset {
                        Some(o) => source.span_of(&self.files.sources, o..o + url.len()),
                        None => source.span.clone(),
                    };
                    from = offset.unwrap_or(from);
                    self.links.push(super::links::LinkSource { url: url.clone(), span });
                    todo.extend(content.iter().rev());
                }
                Inline::Strong { content }
                | Inline::Emph { content }
                | Inline::Footnote { content } => todo.extend(content.iter().rev()),
                Inline::Text { .. } | Inline::LineBreak => {}
            }
        }
    }

    fn or_default(&mut self, value: &Option<Spanned<String>>, default: &str) -> String {
        value.as_ref().map_or_else(|| default.to_string(), |v| self.plain(v))
    }

    pub(super) fn blocks(&mut self, blocks: &[BlockSource]) -> Vec<Block> {
        blocks.iter().filter_map(|b| self.block(b)).collect()
    }

    fn block(&mut self, block: &BlockSource) -> Option<Block> {
        Some(match block {
            BlockSource::Paragraph(t) => Block::Paragraph { content: self.prose(t) },
            BlockSource::Heading(t) => Block::Heading { content: self.inline(t) },
            BlockSource::List { ordered, items } => {
                Block::List { ordered: *ordered, items: self.list_items(items, 1) }
            }
            BlockSource::Note(note) => self.note(note),
            BlockSource::Goals(goals) => Block::Goals(self.goals(goals)),
            BlockSource::Checklist(list) => Block::Checklist(self.checklist(list)),
            BlockSource::Table(table) => Block::Table { index: self.table(table)? },
            BlockSource::Figure(figure) => Block::Figure(self.figure(figure)?),
            BlockSource::Chart(chart) => {
                let caption = chart.caption.as_ref().map(|c| self.plain(c));
                let alt = chart.alt.as_ref().map(|a| self.plain(a));
                self.charts.push(super::charts::PendingChart {
                    source: (**chart).clone(),
                    caption,
                    alt,
                });
                Block::Chart { index: self.charts.len() - 1 }
            }
        })
    }

    fn list_items(&mut self, items: &[ListItemSource], depth: usize) -> Vec<ListItem> {
        items
            .iter()
            .map(|item| {
                let content = self.prose(&item.text);
                let children = match item.items.first() {
                    Some(first) if depth >= MAX_LIST_DEPTH => {
                        self.push(
                            Diagnostic::error(
                                Code::Limit,
                                tr!(low_lists_are_nested_more_than, max = MAX_LIST_DEPTH),
                            )
                            .at(first.span.clone())
                            .with_label(tr!(low_too_deep))
                            .with_hint(tr!(low_split_the_list_or_write)),
                        );
                        Vec::new()
                    }
                    _ => self.list_items(&item.items, depth + 1),
                };
                let serves = self.serves(&item.serves);
                ListItem { content, children, serves }
            })
            .collect()
    }

    fn note(&mut self, note: &NoteSource) -> Block {
        Block::Note {
            title: self.or_default(&note.title, "Kommentar"),
            paragraphs: note.paragraphs.iter().map(|p| self.prose(p)).collect(),
        }
    }

    fn goals(&mut self, g: &GoalsSource) -> Goals {
        Goals {
            caption: {
                let written = g.caption.as_ref().map(|c| self.plain(c));
                self.block_caption(written, "Mål og tiltak")
            },
            goal_header: self.or_default(&g.goal_header, "Hovedmål"),
            comment_header: self.or_default(&g.comment_header, "Kommentar"),
            goals: g
                .goals
                .iter()
                .map(|goal| Goal {
                    goal: self.inline(&goal.goal),
                    serves: self.serves(&goal.serves),
                    measures: goal
                        .measures
                        .iter()
                        .map(|m| Measure {
                            measure: self.inline(&m.measure),
                            comment: self.prose_opt(&m.comment),
                            serves: self.serves(&m.serves),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn checklist(&mut self, c: &ChecklistSource) -> Checklist {
        let written = c.caption.as_ref().map(|c| self.plain(c));
        let caption = self.block_caption(written, "Sjekkliste");
        let answers = self.checklist_answers(c);
        Checklist {
            caption,
            question_header: self.or_default(&c.question_header, "Spørsmål"),
            answer_header: c.answer_header.as_ref().map(|h| self.plain(h)),
            comment_header: self.or_default(&c.comment_header, "Kommentar"),
            items: c
                .items
                .iter()
                .map(|item| ChecklistItem {
                    question: self.inline(&item.question),
                    answer: item.answer.as_ref().and_then(|a| self.checklist_answer(a, &answers)),
                    comment: self.prose_opt(&item.comment),
                })
                .collect(),
            answers,
        }
    }

    /// The answer columns: `answers:` as written (non-empty, no two alike), else Ja/Delvis/Nei.
    fn checklist_answers(&mut self, c: &ChecklistSource) -> Vec<String> {
        let Some(written) = &c.answers else {
            return DEFAULT_ANSWERS.iter().map(|a| a.to_string()).collect();
        };
        let mut answers: Vec<String> = Vec::new();
        for a in &written.value {
            let label = self.plain(a);
            if label.is_empty() {
                self.push(
                    Diagnostic::error(Code::YamlSchema, tr!(low_an_answer_column_without_a))
                        .at(a.span.clone())
                        .with_label(tr!(low_empty))
                        .with_hint(tr!(low_write_the_answer_as_the)),
                );
            } else if answers.iter().any(|b| b.to_lowercase() == label.to_lowercase()) {
                self.push(
                    Diagnostic::error(
                        Code::YamlSchema,
                        tr!(low_the_answer_label_is_listed, label = label),
                    )
                    .at(a.span.clone())
                    .with_label(tr!(low_second_time))
                    .with_hint(tr!(low_each_answer_is_one_column)),
                );
            } else {
                answers.push(label);
            }
        }
        if answers.is_empty() {
            self.push(
                Diagnostic::error(Code::YamlSchema, tr!(low_a_checklist_needs_at_least))
                    .at(written.span.clone())
                    .with_label(tr!(low_no_answers))
                    .with_hint(tr!(low_leave_answers_out_for_ja)),
            );
            return DEFAULT_ANSWERS.iter().map(|a| a.to_string()).collect();
        }
        answers
    }

    /// The column of an item's `answer:`, compared without case; `yes`, `true`, `x` are «Ja»,
    /// `no`, `false` «Nei» and `i/a`, `ikke relevant` «Ikke aktuelt» when that column exists;
    /// with a single column (`answers: [Kryss av]`), `x` (or `ja`) ticks it.
    fn checklist_answer(&mut self, answer: &Spanned<String>, answers: &[String]) -> Option<usize> {
        let word = answer.value.trim().to_lowercase();
        let find = |w: &str| answers.iter().position(|a| a.to_lowercase() == w);
        if let Some(i) = find(&word) {
            return Some(i);
        }
        let synonym = ANSWER_SYNONYMS.iter().find(|(w, _)| *w == word).map(|(_, to)| *to);
        if let Some(i) = synonym.and_then(find) {
            return Some(i);
        }
        // A form with a single column («Kryss av») is ticked with an X.
        if answers.len() == 1 && (word == "ja" || synonym == Some("ja")) {
            return Some(0);
        }
        let list = answers.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
        let mut d = Diagnostic::error(
            Code::YamlSchema,
            tr!(low_is_not_one_of_this, answer = answer.value.trim(), list = list),
        )
        .at(answer.span.clone())
        .with_label(tr!(low_unknown_answer));
        d = match did_you_mean(&word, answers.iter().map(String::as_str)) {
            Some(best) => d.with_hint(tr!(low_did_you_mean_best, best = best)),
            None => d.with_hint(tr!(low_write_one_of_the_answers)),
        };
        self.push(d);
        None
    }

    /// An image file read by the loader, checked to be an image of a format the PDF and the
    /// site take; problems are reported at the path.
    pub(super) fn image_file(&mut self, file: &Spanned<String>) -> Option<Arc<Vec<u8>>> {
        let rel = file.value.clone();
        let lower = rel.to_lowercase();
        if !IMAGE_EXTENSIONS.iter().any(|e| lower.ends_with(e)) {
            self.push(
                Diagnostic::error(Code::Path, tr!(low_rel_is_not_a_png, rel = rel))
                    .at(file.span.clone())
                    .with_hint(tr!(low_save_the_image_as_png)),
            );
            return None;
        }
        let data: Arc<Vec<u8>> = self.files.image(&rel)?.clone();
        let extension = rel.rsplit('.').next().unwrap_or("");
        if let Err(problem) = image::verify_image(&data, extension) {
            self.push(
                Diagnostic::error(Code::Image, tr!(low_rel_problem, rel = rel, problem = problem))
                    .at(file.span.clone())
                    .with_label(tr!(low_this_file))
                    .with_hint(problem.hint()),
            );
            return None;
        }
        Some(data)
    }

    fn figure(&mut self, f: &FigureSource) -> Option<Figure> {
        let alt = f.alt.as_ref().map(|a| self.plain(a)).unwrap_or_default();
        if alt.is_empty() {
            self.push(
                Diagnostic::error(Code::AltText, tr!(low_this_image_has_no_alternative))
                    .at(f.span.clone())
                    .with_label(tr!(low_add_alt))
                    .with_hint(tr!(low_describe_what_the_image_shows)),
            );
        }
        let caption = f.caption.as_ref().map(|c| self.inline(c));
        let file = f.file.as_ref()?;
        let rel = file.value.clone();
        let data = self.image_file(file)?;
        Some(Figure { path: rel, alt, caption, data })
    }
}
