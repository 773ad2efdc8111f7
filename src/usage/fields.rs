//! Which values of a log line the importer reads, and the checks `ccusage` 20.0.24 makes on
//! them (each checked against its binary; see `docs/usage.md`).
//!
//! A line can hold two usage records:
//! - its top level: `{timestamp, requestId?, sessionId?, costUSD?, message: {id?, model?,
//!   usage: {input_tokens, output_tokens, cache_creation_input_tokens?,
//!   cache_read_input_tokens?, cache_creation?, speed?}}, version?, isSidechain?, cwd?,
//!   isApiErrorMessage?}`;
//! - a progress line's copy of a subagent's message (Claude Code 2.1):
//!   `data.message = {timestamp, requestId?, costUSD?, isSidechain?, cwd?,
//!   isApiErrorMessage?, message: {…the same…}}`, read only when the top level is no record.
//!
//! For the limit hits (see `limits.rs`) it also reads, at the top level only: `type`,
//! the value of `isApiErrorMessage`, `quotaLimits` and `message.content[0].text`.
//!
//! `schema.rs` finds these values in a line as the scanner walks it.

use super::scan::RawStr;

/// A field of the schema: absent, present with the right type, or unusable (wrong type,
/// out of range, given twice) which makes `ccusage` reject the whole record.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Field<T> {
    #[default]
    Absent,
    Ok(T),
    Bad,
}

impl<T> Field<T> {
    pub(super) fn set(&mut self, v: Option<T>) {
        *self = match (&*self, v) {
            (Field::Absent, Some(v)) => Field::Ok(v),
            _ => Field::Bad,
        };
    }

    fn ok_or_absent(&self) -> bool {
        !matches!(self, Field::Bad)
    }
}

/// Checks of a record beyond the types of its fields (bits of [`Record::failed`]).
pub mod check {
    /// `version` is a string starting `N.N.N` (top level only).
    pub const VERSION: u8 = 1;
    /// `isSidechain` is a boolean or null.
    pub const SIDECHAIN: u8 = 2;
    /// `cwd` is not null.
    pub const CWD: u8 = 4;
    /// `isApiErrorMessage` is not null.
    pub const API_ERROR: u8 = 8;
    /// `usage.speed` is `"standard"` or `"fast"`.
    pub const SPEED: u8 = 16;
}

/// One usage record: a line's top level, or a progress line's `data.message`.
#[derive(Debug, Default)]
pub struct Record<'a> {
    pub timestamp: Field<RawStr<'a>>,
    pub request_id: Field<RawStr<'a>>,
    pub cost_usd: Field<f64>,
    pub message: Field<()>,
    pub id: Field<RawStr<'a>>,
    pub model: Field<RawStr<'a>>,
    pub usage: Field<()>,
    /// input, output, cache creation, cache read
    pub tokens: [Field<u64>; 4],
    /// `usage.cache_creation` (`{ephemeral_5m_input_tokens?, ephemeral_1h_input_tokens?}`
    /// or `[5m, 1h]`; `null` counts as absent): when present it replaces
    /// `cache_creation_input_tokens`, and 1-hour writes are dearer.
    pub cache_split: Field<Option<[u64; 2]>>,
    /// The [`check`]s that failed (a key given twice fails its check too).
    pub failed: u8,
    /// The [`check`]s whose key was seen.
    seen: u8,
}

impl Record<'_> {
    /// Whether the record has all required fields, of the right types.
    fn complete(&self) -> bool {
        matches!(self.timestamp, Field::Ok(_))
            && matches!(self.message, Field::Ok(()))
            && matches!(self.usage, Field::Ok(()))
            && matches!(self.tokens[0], Field::Ok(_))
            && matches!(self.tokens[1], Field::Ok(_))
            && self.tokens[2].ok_or_absent()
            && self.tokens[3].ok_or_absent()
            && self.request_id.ok_or_absent()
            && self.cost_usd.ok_or_absent()
            && self.id.ok_or_absent()
            && self.model.ok_or_absent()
            && self.cache_split.ok_or_absent()
    }

    /// Notes check `bit` and whether its value passed.
    pub(super) fn check(&mut self, bit: u8, ok: bool) {
        if !ok || self.seen & bit != 0 {
            self.failed |= bit;
        }
        self.seen |= bit;
    }
}

/// `quotaLimits` (top level): the structured verdict of a refused request.
#[derive(Debug, Default)]
pub struct Quota<'a> {
    pub status: Field<RawStr<'a>>,
    /// Unix seconds.
    pub resets_at: Field<f64>,
    pub limit_type: Field<RawStr<'a>>,
}

/// What one line holds.
#[derive(Debug, Default)]
pub struct Fields<'a> {
    pub top: Record<'a>,
    /// `data.message` of a progress line.
    pub progress: Record<'a>,
    /// `data` and `data.message` seen (either given twice spoils the progress record).
    pub(super) data: Field<()>,
    pub(super) inner: Field<()>,
    pub session_id: Field<RawStr<'a>>,
    /// Whether the line contains the text `"usage":{` (which `ccusage` 20 requires).
    pub usage_literal: bool,
    /// `type`.
    pub line_type: Field<RawStr<'a>>,
    /// `isApiErrorMessage` is `true`.
    pub api_error: bool,
    /// `message.content[0].text` (top level).
    pub text: Field<RawStr<'a>>,
    pub quota: Field<()>,
    pub quota_fields: Quota<'a>,
}

/// The checks of the top level that a progress record must pass too.
const OUTER_CHECKS: u8 = check::CWD | check::API_ERROR;

impl<'a> Fields<'a> {
    /// The usage record `ccusage` reads from this line, if any: the top level's, else the
    /// progress line's copy. (The caller also requires [`Fields::usage_literal`].)
    pub fn record(&self) -> Option<&Record<'a>> {
        if !self.session_id.ok_or_absent() {
            return None;
        }
        if self.top.complete() && self.top.failed == 0 {
            return Some(&self.top);
        }
        let p = &self.progress;
        let once = matches!((self.data, self.inner), (Field::Ok(()), Field::Ok(())));
        (once && p.complete() && p.failed == 0 && self.top.failed & OUTER_CHECKS == 0).then_some(p)
    }
}
