//! The source format as typed structs: what the user wrote, with places, before anything is
//! numbered, resolved or checked against tables.
//!
//! Each struct is read from the YAML tree through [`FromYaml`]: unknown keys, wrong types and
//! missing keys are errors at their place, and nothing written is dropped. Files named in the
//! sources (chapters, includes, CSV tables, images) are read by [`super::files`]; the
//! structs here only hold their paths. [`crate::lower`] turns them into the [`crate::model::Report`].

mod block;
mod chapter;
mod chart;
mod report;
mod strategy;
mod table;
mod theme;

pub use block::{
    BlockSource, ChecklistItemSource, ChecklistSource, FigureSource, GoalSource, GoalsSource,
    ListItemSource, MeasureSource, NoteSource,
};
pub use chapter::{ChapterSource, SectionItem, SectionSource};
pub use chart::ChartSource;
pub use report::{FactSource, ReportSource, TableNumbers};
pub use strategy::{Better, IndicatorSource, OverviewSource, StrategicGoalSource, StrategySource};
pub use table::{
    AcknowledgementSource, ColumnSource, ColumnType, HeaderGroupSource, LinkColumnsSource,
    LinkRowsSource, LinkSource, PreviousSource, RelationSource, RowRefSource, SumOfSource,
    SumSource, TableSource, TotalSource,
};
pub use theme::{COLOR_NAMES, ColorsSource, ThemeImageSource, ThemeSource};

#[allow(unused_imports)]
pub(crate) use super::read::{FromYaml, Out};
