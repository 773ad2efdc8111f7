//! What an import produces: token counts, per-file outcomes, and the rows of the [`Report`]
//! (per model, day, ISO week, 5-hour block), limit events. Plain data, built by `report.rs`.

pub use super::limits::LimitKind;

/// Token counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub input: u64,
    pub output: u64,
    pub cache_creation: u64,
    pub cache_read: u64,
}

impl Tokens {
    pub(super) fn from_array(t: [u64; 4]) -> Self {
        Tokens {
            input: t[0],
            output: t[1],
            cache_creation: t[2],
            cache_read: t[3],
        }
    }

    /// All four kinds together.
    pub fn total(&self) -> u64 {
        self.input
            .saturating_add(self.output)
            .saturating_add(self.cache_creation)
            .saturating_add(self.cache_read)
    }

    pub(super) fn add(&mut self, o: &Tokens) {
        self.input = self.input.saturating_add(o.input);
        self.output = self.output.saturating_add(o.output);
        self.cache_creation = self.cache_creation.saturating_add(o.cache_creation);
        self.cache_read = self.cache_read.saturating_add(o.cache_read);
    }
}

/// What a file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// JSON Lines (Claude Code's logs).
    Log,
    /// A `ccusage … --json` export, by its top-level key.
    Export(ExportKind),
}

/// The kinds of `ccusage` JSON export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Daily,
    Weekly,
    Monthly,
    Session,
    Blocks,
}

/// How a file went. The valid lines of a damaged file count; the others held nothing usable
/// ([`FileStatus::unreadable`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileStatus {
    Ok,
    /// No bytes, or only blank lines.
    Empty,
    /// Holds NUL bytes or is not UTF-8, and no valid line: not a text file.
    Binary,
    /// Some lines are not JSON (truncated, binary, or longer than the line limit), or some
    /// export rows were refused; the rest counted.
    Damaged,
    /// Text, but no line is JSON, or a `.json` file that is no `ccusage` export.
    Unrecognised,
    /// A `.json` file larger than [`MAX_JSON_FILE`].
    TooLarge,
}

impl FileStatus {
    /// Nothing in the file could be used.
    pub fn unreadable(self) -> bool {
        matches!(
            self,
            FileStatus::Empty
                | FileStatus::Binary
                | FileStatus::Unrecognised
                | FileStatus::TooLarge
        )
    }
}

/// One file's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub name: String,
    pub kind: FileKind,
    pub status: FileStatus,
    pub bytes: u64,
    /// Non-blank lines.
    pub lines: u64,
    /// Lines (or export rows) that carried usage, before de-duplication.
    pub usage_lines: u64,
    pub skipped_lines: u64,
    /// Export rows refused for an impossible value.
    pub refused_rows: u64,
}

/// An export row refused for an impossible value (negative, fractional or absurd token
/// count, a cost that is not a finite number from 0 to $1,000,000, …): never added.
#[derive(Clone, Debug, PartialEq)]
pub struct RefusedRow {
    pub file: String,
    /// Its number in the export's list, from 1.
    pub row: u64,
    /// The field, e.g. `outputTokens`, `totalCost`, `modelBreakdowns[0].cost`.
    pub field: String,
}

/// Totals of one model.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelTotals {
    pub model: String,
    pub entries: u64,
    pub tokens: Tokens,
    pub cost_usd: f64,
    /// Whether the price table knows the model (else its cost is 0 unless lines carry one).
    pub priced: bool,
}

/// Totals of one UTC day.
#[derive(Clone, Debug, PartialEq)]
pub struct DayTotals {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Days since 1970-01-01.
    pub day: i64,
    pub entries: u64,
    pub tokens: Tokens,
    pub cost_usd: f64,
    /// Distinct UTC hours with at least one entry.
    pub active_hours: u32,
}

/// Totals of one ISO 8601 week (Monday to Sunday, UTC).
#[derive(Clone, Debug, PartialEq)]
pub struct WeekTotals {
    /// `YYYY-Www`, e.g. `2026-W41`.
    pub label: String,
    /// Its Monday, `YYYY-MM-DD`.
    pub monday: String,
    pub entries: u64,
    pub tokens: Tokens,
    pub cost_usd: f64,
    /// Days with at least one entry.
    pub active_days: u32,
    pub active_hours: u32,
}

/// A 5-hour block as `ccusage blocks` forms it.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Start, `YYYY-MM-DDTHH:00:00.000Z` (the first entry's hour).
    pub start: String,
    /// Unix milliseconds.
    pub start_ms: i64,
    /// `start_ms` + 5 h.
    pub end_ms: i64,
    /// The last entry's timestamp (`actualEndTime`).
    pub last_ms: i64,
    pub entries: u64,
    pub tokens: Tokens,
    pub cost_usd: f64,
}

/// A distinct usage-limit event (one or more hit lines: see `hits.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct LimitEvent {
    /// The first hit, Unix ms.
    pub at_ms: i64,
    pub kind: LimitKind,
    /// Hit lines merged into this event (parallel sessions, retries).
    pub copies: u32,
    /// The reset instant, when the logs give it exactly.
    pub resets_at_ms: Option<i64>,
    /// The reset as the text says it (`5am`, `Dec 2, 7pm (Europe/Moscow)`), if it does.
    pub reset_text: Option<String>,
    /// API-equivalent dollars of the window when the limit was hit: the 5-hour block up to the
    /// hit, or the 7 days before it (Opus entries only for the Opus weekly limit).
    pub usd: f64,
    /// Where that window starts (block start, or 5 hours or 7 days before the hit).
    pub window_start_ms: i64,
    /// A 5-hour hit outside every block's span: its dollars are the 5 hours before it.
    pub outside_block: bool,
}

/// A span of time and what it cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub start_ms: i64,
    pub end_ms: i64,
    pub cost_usd: f64,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Distinct usage entries from logs (exports add tokens and cost, not entries).
    pub entries: u64,
    pub tokens: Tokens,
    pub cost_usd: f64,
    /// Lines that are not JSON (or too long), in all files.
    pub skipped_lines: u64,
    /// Non-blank lines read from logs.
    pub lines: u64,
    /// Copies of an entry merged into another (streamed messages, files read twice).
    pub duplicate_lines: u64,
    pub bytes: u64,
    pub files_read: u64,
    /// Files with at least one skipped line.
    pub files_with_skipped_lines: u64,
    /// Files with nothing usable ([`FileStatus::unreadable`]).
    pub unreadable_files: u64,
    pub files: Vec<FileReport>,
    /// Per model, dearest first (entries without a model and `<synthetic>` ones excluded).
    pub models: Vec<ModelTotals>,
    /// Per UTC day, in order (days without entries omitted).
    pub days: Vec<DayTotals>,
    /// Per ISO week, in order (weeks without entries omitted).
    pub weeks: Vec<WeekTotals>,
    /// 5-hour blocks, in order (including those from a `ccusage blocks` export).
    pub blocks: Vec<Block>,
    pub busiest_block: Option<Block>,
    /// The dearest ISO week.
    pub busiest_week: Option<WeekTotals>,
    /// The dearest 7 × 24 hours, wherever they start: the window `(start, end]`.
    pub busiest_7_days: Option<Span>,
    /// Distinct limit events, in time order.
    pub limit_events: Vec<LimitEvent>,
    /// Hit lines read (before merging copies), and those not kept: beyond
    /// [`MAX_HITS`](super::limits::MAX_HITS) or without a valid timestamp.
    pub limit_lines: u64,
    pub limit_lines_dropped: u64,
    /// Share of the cost spent on Opus models, 0..=1 (0 when nothing cost anything).
    pub opus_cost_share: f64,
    /// Distinct UTC hours with at least one entry.
    pub active_hours: u64,
    pub active_days: u64,
    pub active_hours_per_active_day: f64,
    /// Active days divided by the number of weeks from the first active week to the last.
    pub active_days_per_week: f64,
    /// Earliest and latest entry, Unix milliseconds.
    pub first_ms: Option<i64>,
    pub last_ms: Option<i64>,
    /// Rows read from `ccusage` exports.
    pub export_rows: u64,
    /// Export rows refused (at most [`MAX_REFUSED_KEPT`](super::importer::MAX_REFUSED_KEPT)),
    /// and how many in all.
    pub refused_rows: Vec<RefusedRow>,
    pub refused_rows_count: u64,
}
