//! A small, strict JSON scanner for one log line: it validates the whole line (the JSON
//! grammar of RFC 8259, UTF-8, escapes and surrogate pairs, any nesting depth) and picks
//! out only the fields `ccusage` 20 reads, without building a tree. It never panics and
//! allocates nothing but its reusable nesting stack.

use super::bytes::find_special;
use super::number::parse_f64;

/// A string as written between its quotes, and whether it holds escapes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RawStr<'a> {
    pub raw: &'a [u8],
    pub escaped: bool,
}

impl<'a> RawStr<'a> {
    /// The decoded bytes, using `scratch` only when the string holds escapes.
    pub fn decode<'s>(&self, scratch: &'s mut Vec<u8>) -> &'s [u8]
    where
        'a: 's,
    {
        if !self.escaped {
            return self.raw;
        }
        scratch.clear();
        unescape(self.raw, scratch);
        scratch
    }
}

/// A field of the schema: absent, present with the right type, or unusable (wrong type,
/// out of range, given twice) which makes `serde` reject the whole record.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Field<T> {
    #[default]
    Absent,
    Ok(T),
    Bad,
}

impl<T> Field<T> {
    fn set(&mut self, v: Option<T>) {
        *self = match (&*self, v) {
            (Field::Absent, Some(v)) => Field::Ok(v),
            _ => Field::Bad,
        };
    }
}

/// What one line holds, in `ccusage` 20's schema:
/// `{timestamp: string, requestId?: string, sessionId?: string, costUSD?: number, message: {id?: string,
/// model?: string, usage: {input_tokens: u64, output_tokens: u64,
/// cache_creation_input_tokens?: u64, cache_read_input_tokens?: u64}}}`.
#[derive(Debug, Default)]
pub struct Fields<'a> {
    pub timestamp: Field<RawStr<'a>>,
    pub request_id: Field<RawStr<'a>>,
    pub session_id: Field<RawStr<'a>>,
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
    /// Other checks `ccusage` 20's schema makes, all passed: `version` is a string starting
    /// `N.N.N`; `isSidechain` is a boolean or null; `cwd` and `isApiErrorMessage` are not
    /// null; `usage.speed` is `"standard"` or `"fast"`; none given twice.
    pub extra_bad: bool,
    /// Which of those were seen (to catch duplicates).
    extra_seen: u8,
    /// Whether the line contains the text `"usage":{` (which `ccusage` 20 requires).
    pub usage_literal: bool,
}

impl Fields<'_> {
    /// Whether the record matches the schema (all required fields, none unusable).
    pub fn usable(&self) -> bool {
        fn ok_or_absent<T>(f: &Field<T>) -> bool {
            !matches!(f, Field::Bad)
        }
        matches!(self.timestamp, Field::Ok(_))
            && matches!(self.message, Field::Ok(()))
            && matches!(self.usage, Field::Ok(()))
            && matches!(self.tokens[0], Field::Ok(_))
            && matches!(self.tokens[1], Field::Ok(_))
            && ok_or_absent(&self.tokens[2])
            && ok_or_absent(&self.tokens[3])
            && ok_or_absent(&self.request_id)
            && ok_or_absent(&self.session_id)
            && ok_or_absent(&self.cost_usd)
            && ok_or_absent(&self.id)
            && ok_or_absent(&self.model)
            && ok_or_absent(&self.cache_split)
            && !self.extra_bad
    }

    /// Notes extra key `bit` and whether its value passed.
    fn extra(&mut self, bit: u8, ok: bool) {
        if !ok || self.extra_seen & bit != 0 {
            self.extra_bad = true;
        }
        self.extra_seen |= bit;
    }
}

/// Why a line is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Not UTF-8, or holds a NUL byte: the file is probably not text.
    Binary,
    Syntax,
}

type R<T> = Result<T, Invalid>;

/// Scans one line (without its `\n`). `Ok` means the line is valid JSON; the fields found at
/// the places `ccusage` looks are in `out`.
/// `stack` is scratch space, kept between calls to avoid allocating.
pub fn scan_line<'a>(line: &'a [u8], out: &mut Fields<'a>, stack: &mut Vec<bool>) -> R<()> {
    let mut p = Parser {
        b: line,
        i: 0,
        stack,
        usage_literal: false,
    };
    p.ws();
    if p.peek() == Some(b'{') {
        p.i += 1;
        p.top_object(out)?;
    } else {
        p.skip_value()?;
    }
    p.ws();
    out.usage_literal = p.usage_literal;
    if p.i == line.len() {
        Ok(())
    } else {
        Err(Invalid::Syntax)
    }
}

struct Parser<'a, 's> {
    b: &'a [u8],
    i: usize,
    stack: &'s mut Vec<bool>,
    usage_literal: bool,
}

/// Which known key, at each of the three levels of the schema.
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
    Version,
    IsSidechain,
    NotNull(u8),
    Speed,
    Other,
}

impl<'a> Parser<'a, '_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> R<u8> {
        let c = self.peek().ok_or(Invalid::Syntax)?;
        self.i += 1;
        Ok(c)
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    #[inline(always)]
    fn expect(&mut self, c: u8) -> R<()> {
        self.ws();
        if self.next()? == c {
            Ok(())
        } else {
            Err(Invalid::Syntax)
        }
    }

    /// A string; the opening quote is already consumed.
    fn string(&mut self) -> R<RawStr<'a>> {
        let start = self.i;
        let mut escaped = false;
        loop {
            let rest = self.b.get(self.i..).ok_or(Invalid::Syntax)?;
            let k = find_special(rest).ok_or(Invalid::Syntax)?;
            self.i += k;
            match self.next()? {
                b'"' => {
                    let raw = self.b.get(start..self.i - 1).ok_or(Invalid::Syntax)?;
                    return Ok(RawStr { raw, escaped });
                }
                b'\\' => {
                    escaped = true;
                    self.escape()?;
                }
                c if c >= 0x80 => {
                    // validate the run of non-ASCII bytes (a UTF-8 sequence never holds ASCII)
                    let from = self.i - 1;
                    let rest = self.b.get(from..).unwrap_or_default();
                    let len = rest.iter().position(|&c| c < 0x80).unwrap_or(rest.len());
                    let run = rest.get(..len).unwrap_or_default();
                    if std::str::from_utf8(run).is_err() {
                        return Err(Invalid::Binary);
                    }
                    self.i = from + len;
                }
                _ => return Err(Invalid::Syntax), // a control character
            }
        }
    }

    /// An object key and its colon; the opening quote is already consumed. Notes whether
    /// the text `"usage":{` occurs here (in valid JSON it can only occur right here: at a
    /// key written `usage`, or ending in `\"usage`, that is followed directly by `:{`).
    fn key(&mut self) -> R<RawStr<'a>> {
        let k = self.string()?;
        if k.raw.ends_with(b"usage")
            && self.b.get(self.i..self.i + 2) == Some(b":{")
            && (k.raw.len() == 5 || k.raw.ends_with(b"\\\"usage"))
        {
            self.usage_literal = true;
        }
        self.expect(b':')?;
        Ok(k)
    }

    fn hex4(&mut self) -> R<u32> {
        let mut v = 0;
        for _ in 0..4 {
            let d = (self.next()? as char).to_digit(16).ok_or(Invalid::Syntax)?;
            v = v * 16 + d;
        }
        Ok(v)
    }

    /// After a backslash.
    fn escape(&mut self) -> R<()> {
        match self.next()? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => {
                let u = self.hex4()?;
                if (0xD800..0xDC00).contains(&u) {
                    if self.next()? != b'\\' || self.next()? != b'u' {
                        return Err(Invalid::Syntax);
                    }
                    if !(0xDC00..0xE000).contains(&self.hex4()?) {
                        return Err(Invalid::Syntax);
                    }
                } else if (0xDC00..0xE000).contains(&u) {
                    return Err(Invalid::Syntax);
                }
                Ok(())
            }
            _ => Err(Invalid::Syntax),
        }
    }

    #[inline(always)]
    fn digits(&mut self) -> usize {
        let s = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - s
    }

    /// A number; returns its text and whether it is a plain non-negative integer.
    fn number(&mut self) -> R<(&'a [u8], bool)> {
        let s = self.i;
        let neg = self.peek() == Some(b'-');
        if neg {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Invalid::Syntax),
        }
        let mut int = !neg;
        if self.peek() == Some(b'.') {
            self.i += 1;
            int = false;
            if self.digits() == 0 {
                return Err(Invalid::Syntax);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            int = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(Invalid::Syntax);
            }
        }
        Ok((self.b.get(s..self.i).ok_or(Invalid::Syntax)?, int))
    }

    fn literal(&mut self, word: &[u8]) -> R<()> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(Invalid::Syntax)
        }
    }

    /// Any value, validated and thrown away (without recursion, so any depth is safe).
    fn skip_value(&mut self) -> R<()> {
        // one entry per open container: true for an object
        self.stack.clear();
        loop {
            self.ws();
            match self.next()? {
                c @ (b'{' | b'[') => {
                    let obj = c == b'{';
                    self.ws();
                    if self.peek() == Some(if obj { b'}' } else { b']' }) {
                        self.i += 1;
                    } else {
                        self.stack.push(obj);
                        if obj {
                            self.expect(b'"')?;
                            self.key()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' => self.literal(b"rue")?,
                b'f' => self.literal(b"alse")?,
                b'n' => self.literal(b"ull")?,
                b'-' | b'0'..=b'9' => {
                    self.i -= 1;
                    self.number()?;
                }
                _ => return Err(Invalid::Syntax),
            }
            // after a value: close what ends here, or move on to the next element
            loop {
                let Some(&obj) = self.stack.last() else {
                    return Ok(());
                };
                self.ws();
                match self.next()? {
                    b',' => {
                        if obj {
                            self.expect(b'"')?;
                            self.key()?;
                        }
                        break;
                    }
                    b'}' if obj => {}
                    b']' if !obj => {}
                    _ => return Err(Invalid::Syntax),
                }
                self.stack.pop();
            }
        }
    }

    /// The members of an object whose `{` is consumed, calling `member` on each key.
    fn members(&mut self, mut member: impl FnMut(&mut Self, RawStr<'a>) -> R<()>) -> R<()> {
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.expect(b'"')?;
            let key = self.key()?;
            self.ws();
            member(self, key)?;
            self.ws();
            match self.next()? {
                b',' => {}
                b'}' => return Ok(()),
                _ => return Err(Invalid::Syntax),
            }
        }
    }

    fn top_object(&mut self, out: &mut Fields<'a>) -> R<()> {
        self.members(|p, key| match which(key, 1) {
            Key::Timestamp => {
                let v = p.opt_string()?;
                out.timestamp.set(v);
                Ok(())
            }
            Key::RequestId => {
                let v = p.opt_string()?;
                out.request_id.set(v);
                Ok(())
            }
            Key::SessionId => {
                let v = p.opt_string()?;
                out.session_id.set(v);
                Ok(())
            }
            Key::CostUsd => {
                let v = p.opt_f64()?;
                out.cost_usd.set(v);
                Ok(())
            }
            Key::Version => {
                let v = p.opt_string()?;
                let ok = v.is_some_and(|v| {
                    let mut scratch = Vec::new();
                    version_ok(v.decode(&mut scratch))
                });
                out.extra(1, ok);
                Ok(())
            }
            Key::IsSidechain => {
                let ok = matches!(p.peek(), Some(b't' | b'f' | b'n'));
                out.extra(2, ok);
                p.skip_value()
            }
            Key::NotNull(bit) => {
                out.extra(bit, p.peek() != Some(b'n'));
                p.skip_value()
            }
            Key::Message => {
                if p.peek() == Some(b'{') {
                    p.i += 1;
                    let first = matches!(out.message, Field::Absent);
                    out.message.set(Some(()));
                    if first {
                        p.message_object(out)
                    } else {
                        p.skip_object_body()
                    }
                } else {
                    out.message.set(None);
                    p.skip_value()
                }
            }
            _ => p.skip_value(),
        })
    }

    fn message_object(&mut self, out: &mut Fields<'a>) -> R<()> {
        self.members(|p, key| match which(key, 2) {
            Key::Id => {
                let v = p.opt_string()?;
                out.id.set(v);
                Ok(())
            }
            Key::Model => {
                let v = p.opt_string()?;
                out.model.set(v);
                Ok(())
            }
            Key::Usage => {
                if p.peek() == Some(b'{') {
                    p.i += 1;
                    let first = matches!(out.usage, Field::Absent);
                    out.usage.set(Some(()));
                    if first {
                        p.usage_object(out)
                    } else {
                        p.skip_object_body()
                    }
                } else {
                    out.usage.set(None);
                    p.skip_value()
                }
            }
            _ => p.skip_value(),
        })
    }

    fn usage_object(&mut self, out: &mut Fields<'a>) -> R<()> {
        self.members(|p, key| match which(key, 3) {
            Key::Tokens(k) => {
                let v = p.opt_u64()?;
                if let Some(f) = out.tokens.get_mut(k) {
                    f.set(v);
                }
                Ok(())
            }
            Key::CacheSplit => {
                let v = p.cache_split()?;
                out.cache_split.set(v);
                Ok(())
            }
            Key::Speed => {
                let v = p.opt_string()?;
                let ok = v.is_some_and(|v| {
                    let mut scratch = Vec::new();
                    matches!(v.decode(&mut scratch), b"standard" | b"fast")
                });
                out.extra(16, ok);
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

    /// The rest of an object whose `{` is consumed, thrown away.
    fn skip_object_body(&mut self) -> R<()> {
        self.i -= 1;
        self.skip_value()
    }

    /// A string value, or `None` (value skipped) if the value is of another type.
    fn opt_string(&mut self) -> R<Option<RawStr<'a>>> {
        if self.peek() == Some(b'"') {
            self.i += 1;
            self.string().map(Some)
        } else {
            self.skip_value().map(|()| None)
        }
    }

    fn opt_u64(&mut self) -> R<Option<u64>> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let (text, int) = self.number()?;
                if !int {
                    return Ok(None);
                }
                let mut v: u64 = 0;
                for &c in text {
                    v = match v
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(c - b'0')))
                    {
                        Some(v) => v,
                        None => return Ok(None),
                    };
                }
                Ok(Some(v))
            }
            _ => self.skip_value().map(|()| None),
        }
    }

    fn opt_f64(&mut self) -> R<Option<f64>> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let (text, _) = self.number()?;
                Ok(parse_f64(text).filter(|v| v.is_finite()))
            }
            _ => self.skip_value().map(|()| None),
        }
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

/// Which schema key `key` is at `level` (1 = top, 2 = message, 3 = usage).
fn which(key: RawStr<'_>, level: u8) -> Key {
    let mut scratch = Vec::new();
    let k = if key.escaped {
        key.decode(&mut scratch)
    } else {
        key.raw
    };
    match (level, k) {
        (1, b"timestamp") => Key::Timestamp,
        (1, b"requestId") => Key::RequestId,
        (1, b"sessionId") => Key::SessionId,
        (1, b"costUSD") => Key::CostUsd,
        (1, b"message") => Key::Message,
        (2, b"id") => Key::Id,
        (2, b"model") => Key::Model,
        (2, b"usage") => Key::Usage,
        (3, b"input_tokens") => Key::Tokens(0),
        (3, b"output_tokens") => Key::Tokens(1),
        (3, b"cache_creation_input_tokens") => Key::Tokens(2),
        (3, b"cache_read_input_tokens") => Key::Tokens(3),
        (3, b"cache_creation") => Key::CacheSplit,
        (3, b"speed") => Key::Speed,
        (1, b"version") => Key::Version,
        (1, b"isSidechain") => Key::IsSidechain,
        (1, b"cwd") => Key::NotNull(4),
        (1, b"isApiErrorMessage") => Key::NotNull(8),
        _ => Key::Other,
    }
}

/// Decodes the escapes of a validated JSON string body into `out`.
pub fn unescape(raw: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    let hex = |at: usize| -> u32 {
        raw.get(at..at + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .unwrap_or(0xFFFD)
    };
    while let Some(&c) = raw.get(i) {
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let e = raw.get(i + 1).copied().unwrap_or(b'\\');
        i += 2;
        let ch = match e {
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let mut u = hex(i);
                i += 4;
                if (0xD800..0xDC00).contains(&u) && raw.get(i) == Some(&b'\\') {
                    let lo = hex(i + 2);
                    i += 6;
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                }
                char::from_u32(u).unwrap_or('\u{FFFD}')
            }
            other => char::from(other),
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }
}
