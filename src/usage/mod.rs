//! The usage importer: Claude Code logs (`*.jsonl`) and `ccusage` JSON exports in, totals out.
//!
//! Pure and streaming: bytes arrive in chunks of any size ([`Importer::feed`]), a line split
//! across chunks is joined, memory holds one partial line (at most [`DEFAULT_MAX_LINE`]
//! bytes; a longer line is skipped and counted) and one compact record per distinct entry
//! (timestamp, four token counts, cost, model index: 56 bytes) plus a 64-bit-hash index for
//! de-duplication. Everything is computed in [`Importer::finish`], so files may come in any
//! order. No Leptos, no web APIs; the browser glue lives in `browser/`.
//!
//! Counting follows `ccusage` 20.0.24, checked against its binary (see `tests/` and
//! `tests/data/usage/`; the rules in full, with the one known difference, are in
//! `docs/usage.md`):
//! - a line is read only if it is JSON matching `{timestamp, message: {usage: {input_tokens,
//!   output_tokens, …}}}` (tokens are unsigned integers, optional fields must have the right
//!   type when present, a field given twice spoils the record) and it contains the exact
//!   text `"usage":{` (as `ccusage` pre-filters lines). The timestamp must be RFC 3339 with
//!   no or 3 fraction digits and `Z` or `±HH:MM` (see [`time`]);
//! - a line without such a record may hold a copy of a subagent's message in `data.message`
//!   (Claude Code 2.1's progress lines); it is read the same way (see `fields.rs`);
//! - one entry per (`message.id`, `requestId`) — or, for lines without `requestId`, per
//!   (`message.id`, `sessionId`, instant of `timestamp`); the copy with the most tokens
//!   (then the highest cost, then the first seen) is kept (`ccusage` prefers a copy that is
//!   not a sidechain's, whatever its size: the one difference); lines without `message.id` are
//!   never merged; `sessionId`, when present, must be a string like the other fields;
//! - `costUSD` on a line is used as is, else the cost comes from [`price`];
//! - lines that are not JSON (truncated, binary) are skipped and counted; blank lines and
//!   JSON lines without usage are ignored;
//! - entries of the `<synthetic>` model are not counted in `entries` (their tokens, always 0
//!   in practice, are added to the totals as `ccusage` does); like entries without a model
//!   they get no cost and no row in the per-model list.
//!
//! Days and weeks are UTC (`ccusage` uses the machine's time zone: same result when it runs
//! in UTC, as in the tests). Blocks are formed as `ccusage`'s `identifySessionBlocks` does
//! (gap blocks are not listed).

pub mod browser;
pub(crate) mod bytes;
mod export;
mod fields;
mod hash;
mod hits;
mod importer;
mod limits;
mod number;
mod price;
mod record;
mod report;
mod rows;
mod scan;
mod schema;
pub mod slices;
pub mod summary;
// the tests read files and use proptest: native only
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod time;

pub use importer::Importer;
pub use price::PRICE_TABLE_DATE;
pub use rows::{
    Block, DayTotals, ExportKind, FileKind, FileReport, FileStatus, LimitEvent, LimitKind,
    ModelTotals, RefusedRow, Report, Span, Tokens, WeekTotals,
};
pub use time::{civil_from_days, iso_string};

/// A longer line is skipped (and counted) instead of being buffered.
pub const DEFAULT_MAX_LINE: usize = 8 << 20;
/// A larger `.json` file is not read (exports are a few hundred KB).
pub const MAX_JSON_FILE: usize = 8 << 20;
/// Length of a 5-hour block: the plan's window (`crate::model::WINDOW_HOURS`).
pub const BLOCK_MS: i64 = (crate::model::WINDOW_HOURS * time::HOUR_MS as f64) as i64;

const SYNTHETIC: &str = "<synthetic>";
