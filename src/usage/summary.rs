//! What the page shows of an import, and what it can do with it: a [`Summary`] of a [`Report`]
//! which the import worker keeps, and reports on (`ui::report`), after an import. The model
//! replays it (`model::evaluate_observed`) and suggests the inputs that reproduce it
//! (`model::suggested_inputs`). Pure: no web types.
use super::rows::{FileStatus, LimitKind, RefusedRow, Report};

/// Longest lists a summary carries (the counts beside them tell how many there were).
pub const MAX_LISTED: usize = 20;
/// Most limit events a summary lists (the latest ones).
pub const MAX_LISTED_HITS: usize = 500;
/// Longest text a summary carries (file names are cut at the start, other texts at the end).
pub const MAX_TEXT: usize = 160;

/// A usage-limit event, as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitHit {
    /// When the plan first refused, Unix ms.
    pub at_ms: f64,
    pub kind: LimitKind,
    /// The reset instant, Unix ms, when the logs give it exactly.
    pub resets_at_ms: Option<f64>,
    /// The reset as the logs word it (`5am`, `Dec 2, 7pm (Europe/Moscow)`), if they do.
    pub reset_text: Option<String>,
    /// API-equivalent dollars of the window at the hit: the 5-hour block up to the hit (or the 5
    /// hours before it, see `outside_block`), or the 7 days before it (the Opus models' only,
    /// for the Opus weekly limit).
    pub usd: f64,
    /// A 5-hour hit outside every 5-hour block: the usage that filled the window is not in the
    /// logs (another machine, claude.ai), so its dollars say little.
    pub outside_block: bool,
}

/// A file with nothing usable.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableFile {
    pub name: String,
    /// Empty, binary, unrecognised or too large.
    pub status: FileStatus,
}

/// A model with no list price: its entries count $0, as in `ccusage`.
#[derive(Clone, Debug, PartialEq)]
pub struct UnpricedModel {
    pub model: String,
    pub entries: f64,
    /// All four kinds of tokens.
    pub tokens: f64,
}

/// A refused export row.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub file: String,
    /// Its number in the export, from 1.
    pub row: f64,
    pub field: String,
}

/// The figures of an import that the page displays and replays. Counts are `f64` (exact up to
/// 2^53) because the page formats numbers through JavaScript.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Distinct usage entries.
    pub entries: f64,
    pub input_tokens: f64,
    pub output_tokens: f64,
    pub cache_creation_tokens: f64,
    pub cache_read_tokens: f64,
    /// API-equivalent cost, USD.
    pub cost_usd: f64,
    /// Lines that could not be read (not JSON, cut, binary, too long), and the files they were
    /// in (whose other lines counted).
    pub skipped_lines: f64,
    pub files_with_skipped_lines: f64,
    pub files_read: f64,
    /// Files with nothing usable, and the first [`MAX_LISTED`] of them.
    pub unreadable_files: f64,
    pub unreadable: Vec<UnreadableFile>,
    /// API-equivalent cost of the busiest 5-hour block.
    pub busiest_block_usd: f64,
    /// API-equivalent cost of the busiest 7 days: any 7 × 24 hours, not a calendar week (the
    /// plans' weekly window starts whenever the plan's week started).
    pub busiest_week_usd: f64,
    /// Opus's share of the cost, 0 to 1.
    pub opus_cost_share: f64,
    pub hours_per_active_day: f64,
    pub active_days_per_week: f64,
    pub active_days: f64,
    /// The first and last entry, Unix ms (`None` when nothing was counted).
    pub first_ms: Option<f64>,
    pub last_ms: Option<f64>,
    /// Cost per UTC day, in order: (YYYY-MM-DD, USD).
    pub days: Vec<(String, f64)>,
    /// Distinct limit events by kind (all of them).
    pub five_hour_hits: f64,
    pub weekly_hits: f64,
    pub opus_weekly_hits: f64,
    /// The latest [`MAX_LISTED_HITS`] limit events, in time order.
    pub limit_hits: Vec<LimitHit>,
    /// Models with no list price (the dearest first, at most [`MAX_LISTED`]), and how many.
    pub unpriced_models: f64,
    pub unpriced: Vec<UnpricedModel>,
    /// Refused export rows (the first [`MAX_LISTED`]), and how many.
    pub refused_rows: f64,
    pub refused: Vec<Refused>,
}

/// `text` cut to [`MAX_TEXT`] characters, at its end.
pub fn cut_end(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((at, _)) => text.get(..at).unwrap_or_default().to_owned(),
        None => text.to_owned(),
    }
}

/// A file name cut to [`MAX_TEXT`] characters, keeping its end (the file's own name).
pub fn cut_start(name: &str) -> String {
    let n = name.chars().count();
    if n <= MAX_TEXT {
        return name.to_owned();
    }
    let skip = n - (MAX_TEXT - 1);
    let at = name.char_indices().nth(skip).map_or(name.len(), |(i, _)| i);
    ["\u{2026}", name.get(at..).unwrap_or_default()].concat()
}

impl Summary {
    pub fn from_report(r: &Report) -> Summary {
        let hits_of = |k: LimitKind| r.limit_events.iter().filter(|e| e.kind == k).count() as f64;
        let skip = r.limit_events.len().saturating_sub(MAX_LISTED_HITS);
        let unpriced: Vec<_> = r.models.iter().filter(|m| !m.priced).collect();
        let unreadable: Vec<_> = r.files.iter().filter(|f| f.status.unreadable()).collect();
        Summary {
            entries: r.entries as f64,
            input_tokens: r.tokens.input as f64,
            output_tokens: r.tokens.output as f64,
            cache_creation_tokens: r.tokens.cache_creation as f64,
            cache_read_tokens: r.tokens.cache_read as f64,
            cost_usd: r.cost_usd,
            skipped_lines: r.skipped_lines as f64,
            files_with_skipped_lines: r.files_with_skipped_lines as f64,
            files_read: r.files_read as f64,
            unreadable_files: r.unreadable_files as f64,
            unreadable: unreadable
                .iter()
                .take(MAX_LISTED)
                .map(|f| UnreadableFile {
                    name: cut_start(&f.name),
                    status: f.status,
                })
                .collect(),
            busiest_block_usd: r.busiest_block.as_ref().map_or(0.0, |b| b.cost_usd),
            busiest_week_usd: r.busiest_7_days.as_ref().map_or(0.0, |w| w.cost_usd),
            opus_cost_share: r.opus_cost_share,
            hours_per_active_day: r.active_hours_per_active_day,
            active_days_per_week: r.active_days_per_week,
            active_days: r.active_days as f64,
            first_ms: r.first_ms.map(|m| m as f64),
            last_ms: r.last_ms.map(|m| m as f64),
            days: r
                .days
                .iter()
                .map(|d| (d.date.clone(), d.cost_usd))
                .collect(),
            five_hour_hits: hits_of(LimitKind::FiveHour),
            weekly_hits: hits_of(LimitKind::Weekly),
            opus_weekly_hits: hits_of(LimitKind::OpusWeekly),
            limit_hits: r
                .limit_events
                .iter()
                .skip(skip)
                .map(|e| LimitHit {
                    at_ms: e.at_ms as f64,
                    kind: e.kind,
                    resets_at_ms: e.resets_at_ms.map(|m| m as f64),
                    reset_text: e.reset_text.as_deref().map(cut_end),
                    usd: e.usd,
                    outside_block: e.outside_block,
                })
                .collect(),
            unpriced_models: unpriced.len() as f64,
            unpriced: unpriced
                .iter()
                .take(MAX_LISTED)
                .map(|m| UnpricedModel {
                    model: cut_end(&m.model),
                    entries: m.entries as f64,
                    tokens: m.tokens.total() as f64,
                })
                .collect(),
            refused_rows: r.refused_rows_count as f64,
            refused: r
                .refused_rows
                .iter()
                .take(MAX_LISTED)
                .map(|x: &RefusedRow| Refused {
                    file: cut_start(&x.file),
                    row: x.row as f64,
                    field: cut_end(&x.field),
                })
                .collect(),
        }
    }

    /// Whether anything was counted.
    pub fn is_empty(&self) -> bool {
        self.entries == 0.0 && self.cost_usd == 0.0
    }
}
