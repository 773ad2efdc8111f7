//! ccplan: which Claude plan to buy for Claude Code, and what it costs per month.
//!
//! Data flows one way. `model` is the pure estimation engine; `share` the pure link codec (with a
//! thin browser glue); `usage` the pure log importer; `i18n` the translation tables; `ui` the
//! page, written as markup and kept current by one effect per region, which read one
//! `RwSignal<Inputs>` and one `Memo<Evaluation>` (Leptos' reactive system).
//! See docs/architecture.md.

pub mod i18n;
pub mod model;
pub mod num;
pub mod share;
pub mod ui;
pub mod usage;
