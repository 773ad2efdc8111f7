//! The usage importer: Claude Code logs (`*.jsonl`) and `ccusage` JSON exports in, totals out.
//!
//! Pure and streaming: bytes arrive in chunks of any size ([`Importer::feed`]), a line split
//! across chunks is joined, memory holds one partial line (at most [`DEFAULT_MAX_LINE`]
//! bytes; a longer line is skipped and counted) and one compact record per distinct entry
//! (timestamp, four token counts, cost, model index: 56 bytes) plus a 64-bit-hash index for
//! de-duplication. Everything is computed in [`Importer::finish`], so files may come in any
//! order. No Leptos, no web APIs; the browser glue lives in `browser.rs`.
//!
//! Counting follows `ccusage` 20.0.24, checked against its binary (see `tests.rs` and
//! `tests/data/usage/`):
//! - a line is read only if it is JSON matching `{timestamp, message: {usage: {input_tokens,
//!   output_tokens, …}}}` (tokens are unsigned integers, optional fields must have the right
//!   type when present, a field given twice spoils the record) and it contains the exact
//!   text `"usage":{` (as `ccusage` pre-filters lines). The timestamp must be RFC 3339 with
//!   no or 3 fraction digits and `Z` or `±HH:MM` (see [`time`]);
//! - one entry per (`message.id`, `requestId`) — or, for lines without `requestId`, per
//!   (`message.id`, `sessionId`, instant of `timestamp`); the copy with the most tokens
//!   (then the highest cost, then the first seen) is kept; lines without `message.id` are
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
mod export;
pub mod plan;
mod price;
mod scan;
pub mod summary;
// the tests read files and use proptest: native only
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod time;

use std::collections::hash_map::Entry as MapEntry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub use price::{cost_of, price_for_model, Price, PriceRow, PRICES, PRICE_TABLE_DATE};
pub use time::{civil_from_days, date_string, iso_string, parse_timestamp};

/// A longer line is skipped (and counted) instead of being buffered.
pub const DEFAULT_MAX_LINE: usize = 8 << 20;
/// A larger `.json` file is not read (exports are a few hundred KB).
pub const MAX_JSON_FILE: usize = 8 << 20;
/// Length of a 5-hour block.
pub const BLOCK_MS: i64 = 5 * time::HOUR_MS;

const SYNTHETIC: &str = "<synthetic>";

/// Token counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub input: u64,
    pub output: u64,
    pub cache_creation: u64,
    pub cache_read: u64,
}

impl Tokens {
    fn from_array(t: [u64; 4]) -> Self {
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

    fn add(&mut self, o: &Tokens) {
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

/// How a file went. All but `Ok` count as bad files; the valid lines of a bad file count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileStatus {
    Ok,
    /// No bytes, or only blank lines.
    Empty,
    /// Holds NUL bytes or is not UTF-8: not a text file (its valid lines still count).
    Binary,
    /// Some lines are not JSON (truncated, or longer than the line limit).
    Damaged,
    /// Text, but no line is JSON, or a `.json` file that is no `ccusage` export.
    Unrecognised,
    /// A `.json` file larger than [`MAX_JSON_FILE`].
    TooLarge,
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
    pub bad_files: u64,
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
    pub busiest_week: Option<WeekTotals>,
    /// Share of the cost spent on Opus models, 0..=1 (0 when nothing cost anything).
    pub opus_cost_share: f64,
    /// Share of the tokens used by Opus models, 0..=1.
    pub opus_token_share: f64,
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
    pub price_table_date: &'static str,
}

/// One distinct entry, compact.
#[derive(Clone, Copy, Debug)]
struct Entry {
    ms: i64,
    tok: [u64; 4],
    cost: f64,
    model: u32,
}

impl Entry {
    fn tokens(&self) -> Tokens {
        Tokens::from_array(self.tok)
    }
    fn weight(&self) -> u64 {
        self.tok.iter().fold(0u64, |a, &t| a.saturating_add(t))
    }
}

struct Model {
    name: String,
    raw: Box<[u8]>,
    price: Option<&'static Price>,
    counted: bool,
}

/// The keys are already hashes.
#[derive(Default)]
struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

struct OpenFile {
    name: String,
    json: bool,
    json_buf: Vec<u8>,
    too_large: bool,
    report: FileReport,
    valid_lines: u64,
    binary: bool,
}

/// Export data, summed.
#[derive(Default)]
struct Exports {
    rows: u64,
    tokens: Tokens,
    cost: f64,
    days: Vec<(i64, Tokens, f64)>,
    models: Vec<(String, Tokens, f64)>,
    blocks: Vec<Block>,
}

/// The streaming importer. Feed it files one after the other.
pub struct Importer {
    max_line: usize,
    carry: Vec<u8>,
    overlong: bool,
    stack: Vec<bool>,
    scratch: Vec<u8>,
    scratch2: Vec<u8>,
    open: Option<OpenFile>,
    files: Vec<FileReport>,
    keys: HashMap<u64, u32, BuildHasherDefault<PassHasher>>,
    entries: Vec<Entry>,
    models: Vec<Model>,
    /// hash of a model name -> index in `models` (names are checked, see `model_index`)
    model_ix: HashMap<u64, u32, BuildHasherDefault<PassHasher>>,
    last_model: Option<u32>,
    exports: Exports,
    bytes: u64,
    lines: u64,
    skipped: u64,
    duplicates: u64,
}

impl Default for Importer {
    fn default() -> Self {
        Self::new()
    }
}

impl Importer {
    pub fn new() -> Self {
        Self::with_max_line(DEFAULT_MAX_LINE)
    }

    /// An importer that skips lines longer than `max_line` bytes (without the `\n`).
    pub fn with_max_line(max_line: usize) -> Self {
        Importer {
            max_line,
            carry: Vec::new(),
            overlong: false,
            stack: Vec::new(),
            scratch: Vec::new(),
            scratch2: Vec::new(),
            open: None,
            files: Vec::new(),
            keys: HashMap::default(),
            entries: Vec::new(),
            models: Vec::new(),
            model_ix: HashMap::default(),
            last_model: None,
            exports: Exports::default(),
            bytes: 0,
            lines: 0,
            skipped: 0,
            duplicates: 0,
        }
    }

    /// Starts a file (ending the previous one if needed). A name ending in `.json` is read
    /// as a `ccusage` export; anything else as JSON Lines.
    pub fn begin_file(&mut self, name: &str) {
        self.end_file();
        let json = name.to_ascii_lowercase().ends_with(".json");
        self.open = Some(OpenFile {
            name: name.to_owned(),
            json,
            json_buf: Vec::new(),
            too_large: false,
            report: FileReport {
                name: name.to_owned(),
                kind: FileKind::Log,
                status: FileStatus::Ok,
                bytes: 0,
                lines: 0,
                usage_lines: 0,
                skipped_lines: 0,
            },
            valid_lines: 0,
            binary: false,
        });
    }

    /// Feeds the next bytes of the current file (of an unnamed log file if none was begun).
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.open.is_none() {
            self.begin_file("");
        }
        self.bytes = self.bytes.saturating_add(chunk.len() as u64);
        let Some(f) = self.open.as_mut() else { return };
        f.report.bytes = f.report.bytes.saturating_add(chunk.len() as u64);
        if f.json {
            if f.too_large || f.json_buf.len() + chunk.len() > MAX_JSON_FILE {
                f.too_large = true;
                f.json_buf = Vec::new();
            } else {
                f.json_buf.extend_from_slice(chunk);
            }
            return;
        }
        self.feed_lines(chunk);
    }

    fn feed_lines(&mut self, mut chunk: &[u8]) {
        loop {
            if self.overlong {
                match scan::find_byte(chunk, b'\n') {
                    Some(p) => {
                        self.overlong = false;
                        self.count_overlong();
                        chunk = chunk.get(p + 1..).unwrap_or_default();
                    }
                    None => return,
                }
            }
            if !self.carry.is_empty() {
                match scan::find_byte(chunk, b'\n') {
                    Some(p) => {
                        let head = chunk.get(..p).unwrap_or_default();
                        if self.carry.len() + head.len() > self.max_line {
                            self.count_overlong();
                        } else {
                            let mut line = std::mem::take(&mut self.carry);
                            line.extend_from_slice(head);
                            self.line(&line);
                            line.clear();
                            self.carry = line;
                        }
                        self.carry.clear();
                        chunk = chunk.get(p + 1..).unwrap_or_default();
                    }
                    None => {
                        if self.carry.len() + chunk.len() > self.max_line {
                            self.carry.clear();
                            self.overlong = true;
                        } else {
                            self.carry.extend_from_slice(chunk);
                        }
                        return;
                    }
                }
                continue;
            }
            while let Some(p) = scan::find_byte(chunk, b'\n') {
                let line = chunk.get(..p).unwrap_or_default();
                if line.len() > self.max_line {
                    self.count_overlong();
                } else {
                    self.line(line);
                }
                chunk = chunk.get(p + 1..).unwrap_or_default();
            }
            if chunk.len() > self.max_line {
                self.overlong = true;
            } else {
                self.carry.extend_from_slice(chunk);
            }
            return;
        }
    }

    fn count_overlong(&mut self) {
        self.lines += 1;
        self.skipped += 1;
        if let Some(f) = self.open.as_mut() {
            f.report.lines += 1;
            f.report.skipped_lines += 1;
        }
    }

    /// One complete line, without its `\n`.
    fn line(&mut self, line: &[u8]) {
        if line
            .iter()
            .all(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
        {
            return;
        }
        self.lines += 1;
        let mut fields = scan::Fields::default();
        let scanned = scan::scan_line(line, &mut fields, &mut self.stack);
        let Some(f) = self.open.as_mut() else { return };
        f.report.lines += 1;
        match scanned {
            Err(e) => {
                self.skipped += 1;
                f.report.skipped_lines += 1;
                if e == scan::Invalid::Binary
                    || scan::find_byte(line, 0).is_some()
                    || std::str::from_utf8(line).is_err()
                {
                    f.binary = true;
                }
            }
            Ok(()) => {
                f.valid_lines += 1;
                if fields.usable() && fields.usage_literal && self.record(&fields) {
                    if let Some(f) = self.open.as_mut() {
                        f.report.usage_lines += 1;
                    }
                }
            }
        }
    }

    fn model_index(&mut self, name: &[u8]) -> u32 {
        if let Some(ix) = self.last_model {
            if self
                .models
                .get(ix as usize)
                .is_some_and(|m| *m.raw == *name)
            {
                return ix;
            }
        }
        // open addressing over the hash: a (vanishingly rare) collision probes on
        let mut h = scan::hash64(&[name]);
        let ix = loop {
            match self.model_ix.get(&h) {
                Some(&ix)
                    if self
                        .models
                        .get(ix as usize)
                        .is_some_and(|m| *m.raw == *name) =>
                {
                    break ix
                }
                Some(_) => h = h.wrapping_add(0x9E37_79B9_7F4A_7C15),
                None => {
                    let ix = self.models.len() as u32;
                    let text = String::from_utf8_lossy(name).into_owned();
                    let counted = !text.is_empty() && text != SYNTHETIC;
                    let price = if counted {
                        price_for_model(&text)
                    } else {
                        None
                    };
                    self.models.push(Model {
                        name: text,
                        raw: name.into(),
                        price,
                        counted,
                    });
                    self.model_ix.insert(h, ix);
                    break ix;
                }
            }
        };
        self.last_model = Some(ix);
        ix
    }

    /// Records a usable line; false if its timestamp is not valid.
    fn record(&mut self, f: &scan::Fields<'_>) -> bool {
        let scan::Field::Ok(ts) = f.timestamp else {
            return false;
        };
        let Some(ms) = parse_timestamp(ts.decode(&mut self.scratch)) else {
            return false;
        };
        let mut tok = [0u64; 4];
        for (t, field) in tok.iter_mut().zip(f.tokens.iter()) {
            if let scan::Field::Ok(v) = field {
                *t = *v;
            }
        }
        // `usage.cache_creation`, when given, replaces the flat cache-write count
        let mut write_1h = 0;
        if let scan::Field::Ok(Some([m5, h1])) = f.cache_split {
            tok[2] = m5.saturating_add(h1);
            write_1h = h1;
        }
        let model = match f.model {
            scan::Field::Ok(m) => {
                let mut scratch = std::mem::take(&mut self.scratch);
                let ix = self.model_index(m.decode(&mut scratch));
                self.scratch = scratch;
                ix
            }
            _ => self.model_index(b""),
        };
        let cost = match f.cost_usd {
            scan::Field::Ok(c) => c,
            _ => self
                .models
                .get(model as usize)
                .and_then(|m| m.price)
                .map_or(0.0, |p| cost_of(p, tok, write_1h)),
        };
        let entry = Entry {
            ms,
            tok,
            cost,
            model,
        };
        let id = match f.id {
            scan::Field::Ok(id) if !id.raw.is_empty() => id,
            _ => {
                self.entries.push(entry);
                return true;
            }
        };
        let key = match f.request_id {
            scan::Field::Ok(rid) => scan::hash64(&[
                b"r",
                id.decode(&mut self.scratch),
                rid.decode(&mut self.scratch2),
            ]),
            _ => {
                // no requestId: ccusage 20 merges copies with the same session and instant
                let sid = match f.session_id {
                    scan::Field::Ok(s) => s,
                    _ => scan::RawStr::default(),
                };
                let id = id.decode(&mut self.scratch);
                scan::hash64(&[b"s", id, sid.decode(&mut self.scratch2), &ms.to_le_bytes()])
            }
        };
        match self.keys.entry(key) {
            MapEntry::Occupied(o) => {
                self.duplicates += 1;
                if let Some(old) = self.entries.get_mut(*o.get() as usize) {
                    let (w, ow) = (entry.weight(), old.weight());
                    if w > ow || (w == ow && entry.cost > old.cost) {
                        *old = entry;
                    }
                }
            }
            MapEntry::Vacant(v) => {
                if let Ok(ix) = u32::try_from(self.entries.len()) {
                    v.insert(ix);
                }
                self.entries.push(entry);
            }
        }
        true
    }

    /// Ends the current file: its last line may lack a `\n`.
    pub fn end_file(&mut self) {
        if self.open.is_none() {
            return;
        }
        if self.overlong {
            self.overlong = false;
            self.count_overlong();
        } else if !self.carry.is_empty() {
            let line = std::mem::take(&mut self.carry);
            self.line(&line);
            self.carry = line;
            self.carry.clear();
        }
        let Some(mut f) = self.open.take() else {
            return;
        };
        if f.json {
            if f.too_large {
                f.report.status = FileStatus::TooLarge;
                self.files.push(f.report);
                return;
            }
            let buf = std::mem::take(&mut f.json_buf);
            match export::parse(&buf) {
                export::Parsed::Export(e) => {
                    f.report.kind = FileKind::Export(e.kind);
                    f.report.usage_lines = e.rows;
                    f.report.lines = e.rows;
                    self.exports.add(e);
                    self.files.push(f.report);
                    return;
                }
                export::Parsed::Other { one_line: false } => {
                    f.report.status = FileStatus::Unrecognised;
                    self.files.push(f.report);
                    return;
                }
                export::Parsed::Other { one_line: true } | export::Parsed::NotJson => {
                    // JSON Lines in a `.json` file: read it as a log
                    f.json = false;
                    self.open = Some(f);
                    self.feed_lines(&buf);
                    self.end_file();
                    return;
                }
            }
        }
        let r = &mut f.report;
        r.status = if r.bytes == 0 || r.lines == 0 {
            FileStatus::Empty
        } else if f.binary {
            FileStatus::Binary
        } else if f.valid_lines == 0
            || (f.name.to_ascii_lowercase().ends_with(".json") && r.usage_lines == 0)
        {
            FileStatus::Unrecognised
        } else if r.skipped_lines > 0 {
            FileStatus::Damaged
        } else {
            FileStatus::Ok
        };
        self.files.push(f.report);
    }

    /// Bytes fed so far.
    pub fn bytes_seen(&self) -> u64 {
        self.bytes
    }

    /// The report on everything fed so far. Call [`Importer::end_file`] first: the partial
    /// last line of a file still open is not included.
    pub fn finish(&self) -> Report {
        report::build(self)
    }
}

mod report;
