//! The importer's state machine: files begun, fed in chunks and ended; lines joined across
//! chunks, scanned, and their usage records de-duplicated into compact entries. The figures
//! are computed at the end, from those entries, by `report.rs`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::bytes::find_byte;
use super::fields::Fields;
use super::hash::PassHasher;
use super::limits::{self, Detected, RawHit, MAX_HITS};
use super::record::{Entry, Model};
use super::rows::{Block, FileKind, FileReport, FileStatus, RefusedRow, Report, Tokens};
use super::{export, scan, DEFAULT_MAX_LINE, MAX_JSON_FILE};

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
pub(super) struct Exports {
    pub(super) rows: u64,
    pub(super) tokens: Tokens,
    pub(super) cost: f64,
    pub(super) days: Vec<(i64, Tokens, f64)>,
    pub(super) models: Vec<(String, Tokens, f64)>,
    pub(super) blocks: Vec<Block>,
    /// Refused rows, at most [`MAX_REFUSED_KEPT`], and how many in all.
    pub(super) refused: Vec<RefusedRow>,
    pub(super) refused_count: u64,
}

/// Refused export rows kept (the rest are counted).
pub const MAX_REFUSED_KEPT: usize = 100;

/// The streaming importer. Feed it files one after the other.
pub struct Importer {
    max_line: usize,
    pub(super) carry: Vec<u8>,
    overlong: bool,
    stack: Vec<bool>,
    pub(super) scratch: Vec<u8>,
    pub(super) scratch2: Vec<u8>,
    open: Option<OpenFile>,
    pub(super) files: Vec<FileReport>,
    pub(super) keys: HashMap<u64, u32, BuildHasherDefault<PassHasher>>,
    pub(super) entries: Vec<Entry>,
    pub(super) models: Vec<Model>,
    /// hash of a model name -> index in `models` (names are checked, see `model_index`)
    pub(super) model_ix: HashMap<u64, u32, BuildHasherDefault<PassHasher>>,
    pub(super) last_model: Option<u32>,
    pub(super) exports: Exports,
    pub(super) bytes: u64,
    pub(super) lines: u64,
    pub(super) skipped: u64,
    pub(super) duplicates: u64,
    /// Limit hits read, at most [`MAX_HITS`].
    pub(super) hits: Vec<RawHit>,
    pub(super) hit_lines: u64,
    pub(super) hits_dropped: u64,
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
            hits: Vec::new(),
            hit_lines: 0,
            hits_dropped: 0,
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
                refused_rows: 0,
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
                match find_byte(chunk, b'\n') {
                    Some(p) => {
                        self.overlong = false;
                        self.count_overlong();
                        chunk = chunk.get(p + 1..).unwrap_or_default();
                    }
                    None => return,
                }
            }
            if !self.carry.is_empty() {
                match find_byte(chunk, b'\n') {
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
            while let Some(p) = find_byte(chunk, b'\n') {
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
        let mut fields = Fields::default();
        let scanned = scan::scan_line(line, &mut fields, &mut self.stack);
        let Some(f) = self.open.as_mut() else { return };
        f.report.lines += 1;
        match scanned {
            Err(e) => {
                self.skipped += 1;
                f.report.skipped_lines += 1;
                if e == scan::Invalid::Binary
                    || find_byte(line, 0).is_some()
                    || std::str::from_utf8(line).is_err()
                {
                    f.binary = true;
                }
            }
            Ok(()) => {
                f.valid_lines += 1;
                if fields.api_error {
                    self.note_hit(&fields);
                }
                let record = fields.record().filter(|_| fields.usage_literal);
                if record.is_some_and(|r| self.record(r, fields.session_id)) {
                    if let Some(f) = self.open.as_mut() {
                        f.report.usage_lines += 1;
                    }
                }
            }
        }
    }

    /// Keeps the limit hit a line holds, if any (never touches the usage totals).
    fn note_hit(&mut self, fields: &Fields<'_>) {
        match limits::detect(fields, &mut self.scratch) {
            None => {}
            Some(Detected::Hit(hit)) if self.hits.len() < MAX_HITS => {
                self.hit_lines += 1;
                self.hits.push(hit);
            }
            Some(_) => {
                self.hit_lines += 1;
                self.hits_dropped += 1;
            }
        }
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
                export::Parsed::Export(mut e) => {
                    f.report.kind = FileKind::Export(e.kind);
                    f.report.usage_lines = e.rows;
                    f.report.refused_rows = e.refused.len() as u64;
                    f.report.lines = e.rows + f.report.refused_rows;
                    if f.report.refused_rows > 0 {
                        f.report.status = FileStatus::Damaged;
                    }
                    for (row, field) in e.refused.drain(..) {
                        self.exports.refused_count += 1;
                        if self.exports.refused.len() < MAX_REFUSED_KEPT {
                            self.exports.refused.push(RefusedRow {
                                file: f.name.clone(),
                                row,
                                field,
                            });
                        }
                    }
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
        } else if f.binary && f.valid_lines == 0 {
            FileStatus::Binary
        } else if f.valid_lines == 0
            || (f.name.to_ascii_lowercase().ends_with(".json") && r.usage_lines == 0)
        {
            FileStatus::Unrecognised
        } else if r.skipped_lines > 0 || f.binary {
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
        super::report::build(self)
    }
}
