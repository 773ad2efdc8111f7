//! `ccusage … --json` exports: `daily`, `weekly`, `monthly`, `session`/`sessions`, `blocks`.
//! Recognised by their top-level key; rows may name their day `date` (Claude-only report)
//! or `period` (all-agents report, ccusageview). The file is small, so it is parsed into a
//! small tree (depth-limited, so no input can exhaust the stack).

use super::rows::{Block, ExportKind, Tokens};
use super::time;

const MAX_DEPTH: u32 = 64;

#[derive(Debug)]
pub(super) enum Json {
    Null,
    Bool(bool),
    Num(f64, Option<u64>),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub(super) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub(super) fn num(&self, key: &str) -> f64 {
        match self.get(key) {
            Some(Json::Num(v, _)) => *v,
            _ => 0.0,
        }
    }
    pub(super) fn uint(&self, key: &str) -> u64 {
        match self.get(key) {
            Some(Json::Num(_, Some(v))) => *v,
            Some(Json::Num(v, None)) if *v > 0.0 => *v as u64,
            _ => 0,
        }
    }
    pub(super) fn str(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Json::Str(s)) => Some(s),
            _ => None,
        }
    }
}

struct P<'a> {
    b: &'a [u8],
    i: usize,
}

impl P<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.i) {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }
    fn value(&mut self, depth: u32) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        let c = *self.b.get(self.i)?;
        match c {
            b'{' => {
                self.i += 1;
                let mut m = Vec::new();
                if self.eat(b'}').is_some() {
                    return Some(Json::Obj(m));
                }
                loop {
                    self.eat(b'"')?;
                    let k = self.string()?;
                    self.eat(b':')?;
                    let v = self.value(depth + 1)?;
                    m.push((k, v));
                    if self.eat(b',').is_none() {
                        self.eat(b'}')?;
                        return Some(Json::Obj(m));
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                if self.eat(b']').is_some() {
                    return Some(Json::Arr(a));
                }
                loop {
                    a.push(self.value(depth + 1)?);
                    if self.eat(b',').is_none() {
                        self.eat(b']')?;
                        return Some(Json::Arr(a));
                    }
                }
            }
            b'"' => {
                self.i += 1;
                self.string().map(Json::Str)
            }
            b't' => self.word(b"true", Json::Bool(true)),
            b'f' => self.word(b"false", Json::Bool(false)),
            b'n' => self.word(b"null", Json::Null),
            _ => self.number(),
        }
    }
    fn word(&mut self, w: &[u8], v: Json) -> Option<Json> {
        (self.b.get(self.i..self.i + w.len()) == Some(w)).then(|| {
            self.i += w.len();
            v
        })
    }
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        let mut escaped = false;
        loop {
            let k = super::bytes::find_special(self.b.get(self.i..)?)?;
            self.i += k;
            match *self.b.get(self.i)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                _ => return None,
            }
        }
        let raw = self.b.get(start..self.i)?;
        self.i += 1;
        let mut out = Vec::new();
        if escaped {
            super::scan::unescape(raw, &mut out);
        } else {
            out.extend_from_slice(raw);
        }
        String::from_utf8(out).ok()
    }
    fn number(&mut self) -> Option<Json> {
        let s = self.i;
        while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        let t = self.b.get(s..self.i)?;
        let v = super::number::parse_f64(t)?;
        let int = t.iter().try_fold(0u64, |a, &c| {
            c.is_ascii_digit().then_some(())?;
            a.checked_mul(10)?.checked_add(u64::from(c - b'0'))
        });
        Some(Json::Num(v, int))
    }
}

/// An export, summed.
pub struct Export {
    pub kind: ExportKind,
    pub rows: u64,
    pub tokens: Tokens,
    pub cost: f64,
    /// Daily exports: (day number, tokens, cost).
    pub days: Vec<(i64, Tokens, f64)>,
    /// From `modelBreakdowns`.
    pub models: Vec<(String, Tokens, f64)>,
    pub blocks: Vec<Block>,
}

pub enum Parsed {
    Export(Export),
    /// Valid JSON but no export; `one_line` if it has no line break (maybe a one-line log).
    Other {
        one_line: bool,
    },
    NotJson,
}

fn row_tokens(r: &Json) -> Tokens {
    Tokens {
        input: r.uint("inputTokens"),
        output: r.uint("outputTokens"),
        cache_creation: r.uint("cacheCreationTokens"),
        cache_read: r.uint("cacheReadTokens"),
    }
}

fn day_of(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let mut full = b.to_vec();
    full.extend_from_slice(b"T00:00:00Z");
    time::parse_timestamp(&full).map(|ms| ms.div_euclid(time::DAY_MS))
}

/// One JSON document, or `None` if `buf` is not exactly one JSON value.
pub(super) fn parse_json(buf: &[u8]) -> Option<Json> {
    let mut p = P { b: buf, i: 0 };
    let doc = p.value(0)?;
    p.ws();
    (p.i == buf.len()).then_some(doc)
}

/// Parses a whole `.json` file.
pub fn parse(buf: &[u8]) -> Parsed {
    let Some(doc) = parse_json(buf) else {
        return Parsed::NotJson;
    };
    let found = [
        ("daily", ExportKind::Daily),
        ("weekly", ExportKind::Weekly),
        ("monthly", ExportKind::Monthly),
        ("sessions", ExportKind::Session),
        ("session", ExportKind::Session),
        ("blocks", ExportKind::Blocks),
    ]
    .into_iter()
    .find_map(|(k, kind)| match doc.get(k) {
        Some(Json::Arr(rows)) => Some((kind, rows)),
        _ => None,
    });
    let Some((kind, rows)) = found else {
        let text = buf
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .map_or(buf, |e| buf.get(..e).unwrap_or(buf));
        return Parsed::Other {
            one_line: !text.contains(&b'\n'),
        };
    };
    let mut e = Export {
        kind,
        rows: 0,
        tokens: Tokens::default(),
        cost: 0.0,
        days: Vec::new(),
        models: Vec::new(),
        blocks: Vec::new(),
    };
    for r in rows {
        if !matches!(r, Json::Obj(_)) {
            continue;
        }
        if kind == ExportKind::Blocks {
            if matches!(r.get("isGap"), Some(Json::Bool(true))) {
                continue;
            }
            let Some(tc) = r.get("tokenCounts") else {
                continue;
            };
            let tokens = Tokens {
                input: tc.uint("inputTokens"),
                output: tc.uint("outputTokens"),
                cache_creation: tc.uint("cacheCreationInputTokens"),
                cache_read: tc.uint("cacheReadInputTokens"),
            };
            let cost = r.num("costUSD");
            e.rows += 1;
            e.tokens.add(&tokens);
            e.cost += cost;
            let ts = |k: &str| r.str(k).and_then(|s| time::parse_timestamp(s.as_bytes()));
            if let Some(start_ms) = ts("startTime") {
                e.blocks.push(Block {
                    start: time::iso_string(start_ms),
                    start_ms,
                    end_ms: ts("endTime").unwrap_or(start_ms + super::BLOCK_MS),
                    last_ms: ts("actualEndTime").unwrap_or(start_ms),
                    entries: r.uint("entries"),
                    tokens,
                    cost_usd: cost,
                });
            }
            continue;
        }
        let tokens = row_tokens(r);
        let cost = match r.get("totalCost") {
            Some(Json::Num(v, _)) => *v,
            _ => r.num("cost"),
        };
        e.rows += 1;
        e.tokens.add(&tokens);
        e.cost += cost;
        if kind == ExportKind::Daily {
            if let Some(day) = r.str("date").or_else(|| r.str("period")).and_then(day_of) {
                e.days.push((day, tokens, cost));
            }
        }
        if let Some(Json::Arr(ms)) = r.get("modelBreakdowns") {
            for m in ms {
                if let Some(name) = m.str("modelName") {
                    e.models
                        .push((name.to_owned(), row_tokens(m), m.num("cost")));
                }
            }
        }
    }
    Parsed::Export(e)
}
