//! A small, strict JSON scanner for one log line: it validates the whole line (the JSON
//! grammar of RFC 8259, UTF-8, escapes and surrogate pairs, any nesting depth) without
//! building a tree, and hands the values at the places the importer looks to `fields.rs`.
//! It never panics and allocates nothing but its reusable nesting stack.

use super::bytes::find_special;
use super::fields::Fields;
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

/// Why a line is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Not UTF-8, or holds a NUL byte: the file is probably not text.
    Binary,
    Syntax,
}

pub(super) type R<T> = Result<T, Invalid>;

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

pub(super) struct Parser<'a, 's> {
    pub(super) b: &'a [u8],
    pub(super) i: usize,
    stack: &'s mut Vec<bool>,
    usage_literal: bool,
}

impl<'a> Parser<'a, '_> {
    #[inline(always)]
    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline(always)]
    pub(super) fn next(&mut self) -> R<u8> {
        let c = self.peek().ok_or(Invalid::Syntax)?;
        self.i += 1;
        Ok(c)
    }

    #[inline(always)]
    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    #[inline(always)]
    pub(super) fn expect(&mut self, c: u8) -> R<()> {
        self.ws();
        if self.next()? == c {
            Ok(())
        } else {
            Err(Invalid::Syntax)
        }
    }

    /// A string; the opening quote is already consumed.
    pub(super) fn string(&mut self) -> R<RawStr<'a>> {
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
    pub(super) fn key(&mut self) -> R<RawStr<'a>> {
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

    pub(super) fn hex4(&mut self) -> R<u32> {
        let mut v = 0;
        for _ in 0..4 {
            let d = (self.next()? as char).to_digit(16).ok_or(Invalid::Syntax)?;
            v = v * 16 + d;
        }
        Ok(v)
    }

    /// After a backslash.
    pub(super) fn escape(&mut self) -> R<()> {
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
    pub(super) fn digits(&mut self) -> usize {
        let s = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - s
    }

    /// A number; returns its text and whether it is a plain non-negative integer.
    pub(super) fn number(&mut self) -> R<(&'a [u8], bool)> {
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

    pub(super) fn literal(&mut self, word: &[u8]) -> R<()> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(Invalid::Syntax)
        }
    }

    /// Any value, validated and thrown away (without recursion, so any depth is safe).
    pub(super) fn skip_value(&mut self) -> R<()> {
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
    pub(super) fn members(
        &mut self,
        mut member: impl FnMut(&mut Self, RawStr<'a>) -> R<()>,
    ) -> R<()> {
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

    /// The rest of an object whose `{` is consumed, thrown away.
    pub(super) fn skip_object_body(&mut self) -> R<()> {
        self.i -= 1;
        self.skip_value()
    }

    /// A string value, or `None` (value skipped) if the value is of another type.
    pub(super) fn opt_string(&mut self) -> R<Option<RawStr<'a>>> {
        if self.peek() == Some(b'"') {
            self.i += 1;
            self.string().map(Some)
        } else {
            self.skip_value().map(|()| None)
        }
    }

    pub(super) fn opt_u64(&mut self) -> R<Option<u64>> {
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

    pub(super) fn opt_f64(&mut self) -> R<Option<f64>> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let (text, _) = self.number()?;
                Ok(parse_f64(text).filter(|v| v.is_finite()))
            }
            _ => self.skip_value().map(|()| None),
        }
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
