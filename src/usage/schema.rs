//! Where the values of [`Fields`] are in a line: the keys at each level, and the parser's
//! walk through the objects that hold them (everything else is validated and skipped).

use super::fields::{check, Field, Fields, Quota, Record};
use super::scan::{Invalid, Parser, RawStr, R};

/// Which known key, at each level of the schema.
#[derive(Clone, Copy)]
enum Key {
    Timestamp,
    RequestId,
    SessionId,
    CostUsd,
    Message,
    Id,
    Model,
    Usage,
    Tokens(usize),
    CacheSplit,
    Check(u8),
    Type,
    Data,
    Quota,
    Content,
    Text,
    Status,
    ResetsAt,
    LimitType,
    Other,
}

/// Where a key is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Top,
    /// `data.message`
    Inner,
    /// `data`
    Data,
    Message,
    Usage,
    Quota,
    /// `message.content[0]`
    ContentItem,
}

/// Which schema key `key` is at `level`.
fn which(key: RawStr<'_>, level: Level) -> Key {
    let mut scratch = Vec::new();
    let k = if key.escaped {
        key.decode(&mut scratch)
    } else {
        key.raw
    };
    use Level::*;
    match (level, k) {
        (Top | Inner, b"timestamp") => Key::Timestamp,
        (Top | Inner, b"requestId") => Key::RequestId,
        (Top, b"sessionId") => Key::SessionId,
        (Top | Inner, b"costUSD") => Key::CostUsd,
        (Top | Inner, b"message") => Key::Message,
        (Top, b"version") => Key::Check(check::VERSION),
        (Top | Inner, b"isSidechain") => Key::Check(check::SIDECHAIN),
        (Top | Inner, b"cwd") => Key::Check(check::CWD),
        (Top | Inner, b"isApiErrorMessage") => Key::Check(check::API_ERROR),
        (Top, b"type") => Key::Type,
        (Top, b"data") => Key::Data,
        (Top, b"quotaLimits") => Key::Quota,
        (Data, b"message") => Key::Message,
        (Message, b"id") => Key::Id,
        (Message, b"model") => Key::Model,
        (Message, b"usage") => Key::Usage,
        (Message, b"content") => Key::Content,
        (Usage, b"input_tokens") => Key::Tokens(0),
        (Usage, b"output_tokens") => Key::Tokens(1),
        (Usage, b"cache_creation_input_tokens") => Key::Tokens(2),
        (Usage, b"cache_read_input_tokens") => Key::Tokens(3),
        (Usage, b"cache_creation") => Key::CacheSplit,
        (Usage, b"speed") => Key::Check(check::SPEED),
        (Quota, b"status") => Key::Status,
        (Quota, b"resetsAt") => Key::ResetsAt,
        (Quota, b"rateLimitType") => Key::LimitType,
        (ContentItem, b"text") => Key::Text,
        _ => Key::Other,
    }
}

/// Whether a `version` is accepted: it must start with `N.N.N` (digits, at least one each).
fn version_ok(v: &[u8]) -> bool {
    let mut rest = v;
    for k in 0..3 {
        let n = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = rest.get(n..).unwrap_or_default();
        if k < 2 {
            match rest.split_first() {
                Some((b'.', r)) => rest = r,
                _ => return false,
            }
        }
    }
    true
}

impl<'a> Parser<'a, '_> {
    /// The members of the line's object, whose `{` is consumed.
    pub(super) fn top_object(&mut self, out: &mut Fields<'a>) -> R<()> {
        self.members(|p, key| match which(key, Level::Top) {
            Key::SessionId => {
                let v = p.opt_string()?;
                out.session_id.set(v);
                Ok(())
            }
            Key::Type => {
                let v = p.opt_string()?;
                out.line_type.set(v);
                Ok(())
            }
            Key::Check(check::API_ERROR) => {
                if p.peek() == Some(b't') {
                    out.api_error = true;
                }
                p.record_key(
                    &mut out.top,
                    Key::Check(check::API_ERROR),
                    Some(&mut out.text),
                )
            }
            Key::Data => {
                let first = matches!(out.data, Field::Absent);
                let obj = p.peek() == Some(b'{');
                out.data.set(obj.then_some(()));
                if first && obj {
                    p.i += 1;
                    p.data_object(&mut out.inner, &mut out.progress)
                } else {
                    p.skip_value()
                }
            }
            Key::Quota => {
                let first = matches!(out.quota, Field::Absent);
                let obj = p.peek() == Some(b'{');
                out.quota.set(obj.then_some(()));
                if first && obj {
                    p.i += 1;
                    p.quota_object(&mut out.quota_fields)
                } else {
                    p.skip_value()
                }
            }
            k => p.record_key(&mut out.top, k, Some(&mut out.text)),
        })
    }

    /// A key of a record (top level or `data.message`); `text` receives
    /// `message.content[0].text` when given.
    fn record_key(
        &mut self,
        rec: &mut Record<'a>,
        key: Key,
        text: Option<&mut Field<RawStr<'a>>>,
    ) -> R<()> {
        match key {
            Key::Timestamp => {
                let v = self.opt_string()?;
                rec.timestamp.set(v);
            }
            Key::RequestId => {
                let v = self.opt_string()?;
                rec.request_id.set(v);
            }
            Key::CostUsd => {
                let v = self.opt_f64()?;
                rec.cost_usd.set(v);
            }
            Key::Check(check::VERSION) => {
                let v = self.opt_string()?;
                let ok = v.is_some_and(|v| {
                    let mut scratch = Vec::new();
                    version_ok(v.decode(&mut scratch))
                });
                rec.check(check::VERSION, ok);
            }
            Key::Check(check::SIDECHAIN) => {
                let ok = matches!(self.peek(), Some(b't' | b'f' | b'n'));
                rec.check(check::SIDECHAIN, ok);
                self.skip_value()?;
            }
            Key::Check(bit) => {
                rec.check(bit, self.peek() != Some(b'n'));
                self.skip_value()?;
            }
            Key::Message => {
                if self.peek() == Some(b'{') {
                    self.i += 1;
                    let first = matches!(rec.message, Field::Absent);
                    rec.message.set(Some(()));
                    if first {
                        return self.message_object(rec, text);
                    }
                    return self.skip_object_body();
                }
                rec.message.set(None);
                self.skip_value()?;
            }
            _ => self.skip_value()?,
        }
        Ok(())
    }

    /// `data`, whose `{` is consumed: only its `message` is read.
    fn data_object(&mut self, seen: &mut Field<()>, rec: &mut Record<'a>) -> R<()> {
        self.members(|p, key| match which(key, Level::Data) {
            Key::Message => {
                let first = matches!(seen, Field::Absent);
                let obj = p.peek() == Some(b'{');
                seen.set(obj.then_some(()));
                if first && obj {
                    p.i += 1;
                    p.inner_object(rec)
                } else {
                    p.skip_value()
                }
            }
            _ => p.skip_value(),
        })
    }

    /// `data.message`, whose `{` is consumed.
    fn inner_object(&mut self, rec: &mut Record<'a>) -> R<()> {
        self.members(|p, key| match which(key, Level::Inner) {
            k @ (Key::Timestamp
            | Key::RequestId
            | Key::CostUsd
            | Key::Message
            | Key::Check(check::SIDECHAIN | check::CWD | check::API_ERROR)) => {
                p.record_key(rec, k, None)
            }
            _ => p.skip_value(),
        })
    }

    fn message_object(
        &mut self,
        rec: &mut Record<'a>,
        mut text: Option<&mut Field<RawStr<'a>>>,
    ) -> R<()> {
        self.members(|p, key| match which(key, Level::Message) {
            Key::Id => {
                let v = p.opt_string()?;
                rec.id.set(v);
                Ok(())
            }
            Key::Model => {
                let v = p.opt_string()?;
                rec.model.set(v);
                Ok(())
            }
            Key::Usage => {
                if p.peek() == Some(b'{') {
                    p.i += 1;
                    let first = matches!(rec.usage, Field::Absent);
                    rec.usage.set(Some(()));
                    if first {
                        p.usage_object(rec)
                    } else {
                        p.skip_object_body()
                    }
                } else {
                    rec.usage.set(None);
                    p.skip_value()
                }
            }
            Key::Content => match text.as_deref_mut() {
                Some(t) if p.peek() == Some(b'[') => {
                    p.i += 1;
                    p.content_array(t)
                }
                _ => p.skip_value(),
            },
            _ => p.skip_value(),
        })
    }

    /// `message.content`, whose `[` is consumed: the first element's `text`, if any.
    fn content_array(&mut self, text: &mut Field<RawStr<'a>>) -> R<()> {
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        let mut first = true;
        loop {
            self.ws();
            if first && self.peek() == Some(b'{') {
                self.i += 1;
                self.members(|p, key| match which(key, Level::ContentItem) {
                    Key::Text => {
                        let v = p.opt_string()?;
                        text.set(v);
                        Ok(())
                    }
                    _ => p.skip_value(),
                })?;
            } else {
                self.skip_value()?;
            }
            first = false;
            self.ws();
            match self.next()? {
                b',' => {}
                b']' => return Ok(()),
                _ => return Err(Invalid::Syntax),
            }
        }
    }

    fn usage_object(&mut self, rec: &mut Record<'a>) -> R<()> {
        self.members(|p, key| match which(key, Level::Usage) {
            Key::Tokens(k) => {
                let v = p.opt_u64()?;
                if let Some(f) = rec.tokens.get_mut(k) {
                    f.set(v);
                }
                Ok(())
            }
            Key::CacheSplit => {
                let v = p.cache_split()?;
                rec.cache_split.set(v);
                Ok(())
            }
            Key::Check(check::SPEED) => {
                let v = p.opt_string()?;
                let ok = v.is_some_and(|v| {
                    let mut scratch = Vec::new();
                    matches!(v.decode(&mut scratch), b"standard" | b"fast")
                });
                rec.check(check::SPEED, ok);
                Ok(())
            }
            _ => p.skip_value(),
        })
    }

    /// `quotaLimits`, whose `{` is consumed.
    fn quota_object(&mut self, q: &mut Quota<'a>) -> R<()> {
        self.members(|p, key| match which(key, Level::Quota) {
            Key::Status => {
                let v = p.opt_string()?;
                q.status.set(v);
                Ok(())
            }
            Key::ResetsAt => {
                let v = p.opt_f64()?;
                q.resets_at.set(v);
                Ok(())
            }
            Key::LimitType => {
                let v = p.opt_string()?;
                q.limit_type.set(v);
                Ok(())
            }
            _ => p.skip_value(),
        })
    }

    /// `usage.cache_creation`: `Some(None)` for null, `None` (value skipped) if unusable.
    fn cache_split(&mut self) -> R<Option<Option<[u64; 2]>>> {
        match self.peek() {
            Some(b'n') => self.skip_value().map(|()| Some(None)),
            Some(b'{') => {
                self.i += 1;
                let mut f: [Field<u64>; 2] = [Field::Absent, Field::Absent];
                let mut bad = false;
                self.members(|p, key| {
                    let mut scratch = Vec::new();
                    let k = match key.decode(&mut scratch) {
                        b"ephemeral_5m_input_tokens" => 0,
                        b"ephemeral_1h_input_tokens" => 1,
                        _ => return p.skip_value(),
                    };
                    let v = p.opt_u64()?;
                    if let Some(slot) = f.get_mut(k) {
                        slot.set(v);
                    }
                    Ok(())
                })?;
                let mut out = [0u64; 2];
                for (o, v) in out.iter_mut().zip(f) {
                    match v {
                        Field::Ok(v) => *o = v,
                        Field::Absent => {}
                        Field::Bad => bad = true,
                    }
                }
                Ok((!bad).then_some(Some(out)))
            }
            Some(b'[') => {
                self.i += 1;
                let mut out = [0u64; 2];
                let mut n = 0;
                let mut bad = false;
                self.ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Some(Some(out)));
                }
                loop {
                    self.ws();
                    match (self.opt_u64()?, out.get_mut(n)) {
                        (Some(v), Some(o)) => *o = v,
                        _ => bad = true,
                    }
                    n += 1;
                    self.ws();
                    match self.next()? {
                        b',' => {}
                        b']' => return Ok((!bad).then_some(Some(out))),
                        _ => return Err(Invalid::Syntax),
                    }
                }
            }
            _ => self.skip_value().map(|()| None),
        }
    }
}
