//! The report as data for the Typst templates (`/data.json`).
//!
//! Every figure is formatted here with [`crate::format`]; inline text stays a
//! tree of typed nodes that the template turns into content, so user text is
//! never parsed as Typst markup.

use serde_json::{Value, json};

use crate::format;
use crate::model::{
    Block, Cell, Chapter, ColumnKind, Inline, ListItem, Report, RowStyle, Section, Table,
};

use super::PdfOptions;

/// Data and images for the world.
pub struct Data {
    /// The JSON document.
    pub json: Value,
    /// Images: (virtual path without slash, bytes).
    pub images: Vec<(String, Vec<u8>)>,
}

struct Builder<'a> {
    report: &'a Report,
    images: Vec<(String, Vec<u8>)>,
    anchors: Vec<String>,
}

fn inlines(xs: &[Inline]) -> Value {
    serde_json::to_value(xs).unwrap_or(Value::Array(Vec::new()))
}

fn list(items: &[ListItem]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|i| json!({"content": inlines(&i.content), "children": list(&i.children)}))
            .collect(),
    )
}

impl Builder<'_> {
    fn table(&mut self, t: &Table) -> Value {
        self.anchors.push(t.anchor.clone());
        let columns: Vec<Value> = t
            .columns
            .iter()
            .map(|c| json!({"header": c.header, "numeric": c.kind == ColumnKind::Number, "code": c.kind == ColumnKind::Code}))
            .collect();
        let rows: Vec<Value> = t
            .rows
            .iter()
            .map(|r| {
                let cells: Vec<Value> = r
                    .cells
                    .iter()
                    .zip(&t.columns)
                    .map(|(c, col)| {
                        json!({
                            "text": format::cell(c, col.kind),
                            "negative": format::is_negative(c),
                            "numeric": col.kind != ColumnKind::Text && !matches!(c, Cell::Text(_)) || col.kind == ColumnKind::Code,
                        })
                    })
                    .collect();
                let style = match r.style {
                    RowStyle::Normal => "normal",
                    RowStyle::Sum => "sum",
                    RowStyle::Group => "group",
                };
                json!({"style": style, "cells": cells})
            })
            .collect();
        json!({
            "type": "table",
            "anchor": t.anchor,
            "number": t.number,
            "caption": t.caption,
            "unit": t.unit,
            "columns": columns,
            "header_groups": t.header_groups.iter().map(|g| json!({"title": g.title, "span": g.span})).collect::<Vec<_>>(),
            "rows": rows,
            "footnotes": t.footnotes.iter().map(|f| inlines(f)).collect::<Vec<_>>(),
            "wide": t.columns.len() > 7,
        })
    }

    fn blocks(&mut self, blocks: &[Block]) -> Value {
        Value::Array(
            blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph { content } => {
                        json!({"type": "paragraph", "content": inlines(content)})
                    }
                    Block::Heading { content } => {
                        json!({"type": "heading", "content": inlines(content)})
                    }
                    Block::List { ordered, items } => {
                        json!({"type": "list", "ordered": ordered, "items": list(items)})
                    }
                    Block::Note { title, paragraphs } => json!({
                        "type": "note", "title": title,
                        "paragraphs": paragraphs.iter().map(|p| inlines(p)).collect::<Vec<_>>(),
                    }),
                    Block::Goals(g) => json!({
                        "type": "goals",
                        "caption": g.caption,
                        "goal_header": g.goal_header,
                        "comment_header": g.comment_header,
                        "goals": g.goals.iter().map(|goal| json!({
                            "goal": inlines(&goal.goal),
                            "measures": goal.measures.iter().map(|m| json!({
                                "measure": inlines(&m.measure), "comment": inlines(&m.comment),
                            })).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    }),
                    Block::Checklist(c) => json!({
                        "type": "checklist",
                        "caption": c.caption,
                        "question_header": c.question_header,
                        "answer_header": c.answer_header,
                        "comment_header": c.comment_header,
                        "items": c.items.iter().map(|i| json!({
                            "question": inlines(&i.question),
                            "answer": i.answer.map(|a| a.label()),
                            "comment": inlines(&i.comment),
                        })).collect::<Vec<_>>(),
                    }),
                    Block::Table { index } => match self.report.tables.get(*index) {
                        Some(t) => self.table(t),
                        None => Value::Null,
                    },
                    Block::Figure(f) => {
                        let ext = f.path.rsplit('.').next().unwrap_or("png").to_lowercase();
                        let path = format!("img/{}.{ext}", self.images.len() + 1);
                        self.images.push((path.clone(), f.data.as_ref().clone()));
                        json!({
                            "type": "figure", "path": format!("/{path}"), "alt": f.alt,
                            "caption": f.caption.as_ref().map(|c| inlines(c)),
                        })
                    }
                })
                .filter(|v| !v.is_null())
                .collect(),
        )
    }

    fn section(&mut self, s: &Section) -> Value {
        self.anchors.push(s.id.clone());
        json!({
            "id": s.id, "number": s.number, "title": s.title, "level": s.level,
            "blocks": self.blocks(&s.blocks),
            "sections": s.sections.iter().map(|x| self.section(x)).collect::<Vec<_>>(),
        })
    }

    fn chapter(&mut self, c: &Chapter) -> Value {
        self.anchors.push(c.id.clone());
        json!({
            "id": c.id, "number": c.number, "title": c.title,
            "blocks": self.blocks(&c.blocks),
            "sections": c.sections.iter().map(|x| self.section(x)).collect::<Vec<_>>(),
        })
    }
}

/// Builds the template data.
pub fn build(report: &Report, options: &PdfOptions) -> Data {
    let mut b = Builder { report, images: Vec::new(), anchors: Vec::new() };
    let chapters: Vec<Value> = report.chapters.iter().map(|c| b.chapter(c)).collect();
    let m = &report.meta;
    let json = json!({
        "meta": {
            "title": m.title,
            "subtitle": m.subtitle,
            "district": m.district,
            "organisation": m.organisation,
            "year": m.year,
            "language": m.language,
            "date": format::date(options.date),
            "running_header": m.running_header,
            "keywords": m.keywords,
            "draft": options.draft,
        },
        "chapters": chapters,
        "anchors": b.anchors,
    });
    Data { json, images: b.images }
}
