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
    #[cfg(test)]
    pub(super) fn num(&self, key: &str) -> f64 {
        match self.get(key) {
            Some(Json::Num(v, _)) => *v,
            _ => 0.0,
        }
    }
    #[cfg(test)]
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

/// Largest token count a row may hold: a trillion tokens (about $300,000 even at the cheapest
/// cache-read price) is more than any person's day, week or month.
pub const MAX_ROW_TOKENS: f64 = 1e12;
/// Largest cost a row may hold, in USD.
pub const MAX_ROW_COST: f64 = 1e6;

/// An export, summed (refused rows left out).
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
    /// Rows refused for an impossible value: (row number from 1, the field).
    pub refused: Vec<(u64, String)>,
}

pub enum Parsed {
    Export(Export),
    /// Valid JSON but no export; `one_line` if it has no line break (maybe a one-line log).
    Other {
        one_line: bool,
    },
    NotJson,
}

/// A row's value that cannot be: the field's path.
type Refusal = String;

/// A token count: absent is 0; else a number, whole, not negative, at most [`MAX_ROW_TOKENS`].
fn count(obj: &Json, key: &str, path: &str) -> Result<u64, Refusal> {
    match obj.get(key) {
        None => Ok(0),
        Some(Json::Num(_, Some(v))) if (*v as f64) <= MAX_ROW_TOKENS => Ok(*v),
        Some(Json::Num(v, None)) if v.fract() == 0.0 && (0.0..=MAX_ROW_TOKENS).contains(v) => {
            Ok(*v as u64)
        }
        Some(_) => Err([path, key].concat()),
    }
}

/// A cost: a number, finite, not negative, at most [`MAX_ROW_COST`]; the first of `keys`
/// present is read, and one must be.
fn cost(obj: &Json, keys: &[&str], path: &str) -> Result<f64, Refusal> {
    let key = keys
        .iter()
        .find(|k| obj.get(k).is_some())
        .or(keys.first())
        .copied()
        .unwrap_or("cost");
    match obj.get(key) {
        Some(Json::Num(v, _)) if (0.0..=MAX_ROW_COST).contains(v) => Ok(*v),
        _ => Err([path, key].concat()),
    }
}

fn tokens(obj: &Json, keys: [&str; 4], path: &str) -> Result<Tokens, Refusal> {
    Ok(Tokens {
        input: count(obj, keys[0], path)?,
        output: count(obj, keys[1], path)?,
        cache_creation: count(obj, keys[2], path)?,
        cache_read: count(obj, keys[3], path)?,
    })
}

const ROW_TOKENS: [&str; 4] = [
    "inputTokens",
    "outputTokens",
    "cacheCreationTokens",
    "cacheReadTokens",
];
const BLOCK_TOKENS: [&str; 4] = [
    "inputTokens",
    "outputTokens",
    "cacheCreationInputTokens",
    "cacheReadInputTokens",
];

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
        refused: Vec::new(),
    };
    for (n, r) in rows.iter().enumerate() {
        if kind == ExportKind::Blocks && matches!(r.get("isGap"), Some(Json::Bool(true))) {
            continue;
        }
        if let Err(field) = row(&mut e, r) {
            e.refused.push((n as u64 + 1, field));
        }
    }
    Parsed::Export(e)
}

/// Adds one row, or nothing if any of its values is impossible.
fn row(e: &mut Export, r: &Json) -> Result<(), Refusal> {
    if !matches!(r, Json::Obj(_)) {
        return Err("(not an object)".to_owned());
    }
    if e.kind == ExportKind::Blocks {
        let tc = r.get("tokenCounts").ok_or("tokenCounts")?;
        let tokens = tokens(tc, BLOCK_TOKENS, "tokenCounts.")?;
        let cost = cost(r, &["costUSD"], "")?;
        let entries = count(r, "entries", "")?;
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
                entries,
                tokens,
                cost_usd: cost,
            });
        }
        return Ok(());
    }
    let row_tokens = tokens(r, ROW_TOKENS, "")?;
    let row_cost = cost(r, &["totalCost", "cost"], "")?;
    let mut models = Vec::new();
    if let Some(Json::Arr(ms)) = r.get("modelBreakdowns") {
        for (i, m) in ms.iter().enumerate() {
            if let Some(name) = m.str("modelName") {
                let path = format!("modelBreakdowns[{i}].");
                models.push((
                    name.to_owned(),
                    tokens(m, ROW_TOKENS, &path)?,
                    cost(m, &["cost"], &path)?,
                ));
            }
        }
    }
    e.rows += 1;
    e.tokens.add(&row_tokens);
    e.cost += row_cost;
    if e.kind == ExportKind::Daily {
        if let Some(day) = r.str("date").or_else(|| r.str("period")).and_then(day_of) {
            e.days.push((day, row_tokens, row_cost));
        }
    }
    e.models.extend(models);
    Ok(())
}
