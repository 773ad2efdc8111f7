//! The worker's answer in flat form: a [`Summary`] as one list of numbers and one list of
//! strings (a `Float64Array` and an `Array` of strings cross from the worker to the page by
//! structured clone, cheaply). The page treats the message as untrusted input: [`decode`]
//! checks every length, number and text and refuses anything malformed, never panicking.
//!
//! Layout of the numbers (strings in the order they are named):
//! `VERSION`, the [`SCALARS`] scalars in the order of [`Summary`]'s fields, whether there is a first and last entry
//! (0/1) then both (0, and only 0, when not), then the lengths of the five lists, then
//! - per day: its cost (string: its date, `YYYY-MM-DD`);
//! - per limit hit: time, kind (0 5-hour, 1 weekly, 2 Opus weekly), whether its reset is exact
//!   (0/1) and the reset (0, and only 0, when not), whether it has a reset text (0/1; string: the text),
//!   dollars, outside a block (0/1);
//! - per unreadable file: its status (1 empty, 2 binary, 3 unrecognised, 4 too large;
//!   string: its name);
//! - per unpriced model: entries, tokens (string: the model);
//! - per refused row: its number (strings: file, field).

use super::rows::{FileStatus, LimitKind};
use super::summary::{
    LimitHit, Refused, Summary, UnpricedModel, UnreadableFile, MAX_LISTED, MAX_LISTED_HITS,
    MAX_TEXT,
};

/// The layout's version: a page and a worker from different builds refuse each other.
pub const VERSION: f64 = 2.0;
/// Most days a summary may hold (a century).
pub const MAX_DAYS: usize = 36_600;
/// Scalars of the layout.
pub const SCALARS: usize = 21;
/// Unix ms beyond this (year 2286) is no time of a log.
const MAX_MS: f64 = 1e13;
/// Whole numbers are exact in an `f64` up to 2^53.
const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

const KINDS: [LimitKind; 3] = LimitKind::ALL;
const STATUSES: [FileStatus; 4] = [
    FileStatus::Empty,
    FileStatus::Binary,
    FileStatus::Unrecognised,
    FileStatus::TooLarge,
];

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// A summary in flat form.
pub fn encode(s: &Summary) -> (Vec<f64>, Vec<String>) {
    let mut n = vec![
        VERSION,
        s.entries,
        s.input_tokens,
        s.output_tokens,
        s.cache_creation_tokens,
        s.cache_read_tokens,
        s.cost_usd,
        s.skipped_lines,
        s.files_with_skipped_lines,
        s.files_read,
        s.unreadable_files,
        s.busiest_block_usd,
        s.busiest_week_usd,
        s.opus_cost_share,
        s.hours_per_active_day,
        s.active_days_per_week,
        s.active_days,
        s.five_hour_hits,
        s.weekly_hits,
        s.opus_weekly_hits,
        s.unpriced_models,
        s.refused_rows,
    ];
    let span = s.first_ms.zip(s.last_ms);
    n.extend([
        flag(span.is_some()),
        span.map_or(0.0, |p| p.0),
        span.map_or(0.0, |p| p.1),
    ]);
    n.extend(
        [
            s.days.len(),
            s.limit_hits.len(),
            s.unreadable.len(),
            s.unpriced.len(),
            s.refused.len(),
        ]
        .map(|l| l as f64),
    );
    let mut t = Vec::new();
    for (date, cost) in &s.days {
        n.push(*cost);
        t.push(date.clone());
    }
    for h in &s.limit_hits {
        let kind = KINDS.iter().position(|&k| k == h.kind).unwrap_or(0);
        n.extend([
            h.at_ms,
            kind as f64,
            flag(h.resets_at_ms.is_some()),
            h.resets_at_ms.unwrap_or(0.0),
            flag(h.reset_text.is_some()),
            h.usd,
            flag(h.outside_block),
        ]);
        t.extend(h.reset_text.clone());
    }
    for f in &s.unreadable {
        let code = STATUSES
            .iter()
            .position(|&x| x == f.status)
            .map_or(0, |i| i + 1);
        n.push(code as f64);
        t.push(f.name.clone());
    }
    for m in &s.unpriced {
        n.extend([m.entries, m.tokens]);
        t.push(m.model.clone());
    }
    for r in &s.refused {
        n.push(r.row);
        t.push(r.file.clone());
        t.push(r.field.clone());
    }
    (n, t)
}

/// Reads the numbers in order, each checked.
struct Nums<'a>(std::slice::Iter<'a, f64>);

impl Nums<'_> {
    fn any(&mut self) -> Option<f64> {
        self.0.next().copied().filter(|x| x.is_finite())
    }
    /// Non-negative.
    fn amount(&mut self) -> Option<f64> {
        self.any().filter(|&x| x >= 0.0)
    }
    /// A whole count.
    fn count(&mut self) -> Option<f64> {
        self.amount()
            .filter(|&x| x.fract() == 0.0 && x <= MAX_COUNT)
    }
    fn share(&mut self) -> Option<f64> {
        self.amount().filter(|&x| x <= 1.0)
    }
    fn flag(&mut self) -> Option<bool> {
        let x = self.any()?;
        if x == 0.0 {
            Some(false)
        } else if x == 1.0 {
            Some(true)
        } else {
            None
        }
    }
    fn time(&mut self) -> Option<f64> {
        self.any().filter(|x| x.abs() <= MAX_MS)
    }
    fn len(&mut self, max: usize) -> Option<usize> {
        let n = self.count()?;
        (n <= max as f64).then_some(n as usize)
    }
}

/// Reads the strings in order, each checked.
struct Texts<'a>(std::slice::Iter<'a, String>);

impl Texts<'_> {
    fn text(&mut self) -> Option<String> {
        self.0
            .next()
            .filter(|s| s.chars().count() <= MAX_TEXT)
            .cloned()
    }
    fn date(&mut self) -> Option<String> {
        let d = self.0.next()?;
        let b = d.as_bytes();
        let shape = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            });
        shape.then(|| d.clone())
    }
}

/// The summary of a flat form, or `None` if anything in it is malformed.
pub fn decode(nums: &[f64], texts: &[String]) -> Option<Summary> {
    let mut n = Nums(nums.iter());
    let mut t = Texts(texts.iter());
    if n.any()? != VERSION {
        return None;
    }
    let mut s = Summary {
        entries: n.count()?,
        input_tokens: n.count()?,
        output_tokens: n.count()?,
        cache_creation_tokens: n.count()?,
        cache_read_tokens: n.count()?,
        cost_usd: n.amount()?,
        skipped_lines: n.count()?,
        files_with_skipped_lines: n.count()?,
        files_read: n.count()?,
        unreadable_files: n.count()?,
        busiest_block_usd: n.amount()?,
        busiest_week_usd: n.amount()?,
        opus_cost_share: n.share()?,
        hours_per_active_day: n.amount().filter(|&h| h <= 24.0)?,
        active_days_per_week: n.amount().filter(|&d| d <= 7.0)?,
        active_days: n.count()?,
        five_hour_hits: n.count()?,
        weekly_hits: n.count()?,
        opus_weekly_hits: n.count()?,
        unpriced_models: n.count()?,
        refused_rows: n.count()?,
        ..Summary::default()
    };
    let has_span = n.flag()?;
    let (first, last) = (n.time()?, n.time()?);
    if has_span {
        if first > last {
            return None;
        }
        (s.first_ms, s.last_ms) = (Some(first), Some(last));
    } else if first != 0.0 || last != 0.0 {
        return None;
    }
    let days = n.len(MAX_DAYS)?;
    let hits = n.len(MAX_LISTED_HITS)?;
    let unreadable = n.len(MAX_LISTED)?;
    let unpriced = n.len(MAX_LISTED)?;
    let refused = n.len(MAX_LISTED)?;
    for _ in 0..days {
        let cost = n.amount()?;
        s.days.push((t.date()?, cost));
    }
    for _ in 0..hits {
        let at_ms = n.time()?;
        let kind = *KINDS.get(n.len(KINDS.len() - 1)?)?;
        let exact = n.flag()?;
        let resets = n.time().filter(|&r| exact || r == 0.0)?;
        let text = if n.flag()? { Some(t.text()?) } else { None };
        s.limit_hits.push(LimitHit {
            at_ms,
            kind,
            resets_at_ms: exact.then_some(resets),
            reset_text: text,
            usd: n.amount()?,
            outside_block: n.flag()?,
        });
    }
    for _ in 0..unreadable {
        let code = n.len(STATUSES.len())?;
        let status = *STATUSES.get(code.checked_sub(1)?)?;
        s.unreadable.push(UnreadableFile {
            name: t.text()?,
            status,
        });
    }
    for _ in 0..unpriced {
        let (entries, tokens) = (n.count()?, n.count()?);
        s.unpriced.push(UnpricedModel {
            model: t.text()?,
            entries,
            tokens,
        });
    }
    for _ in 0..refused {
        let row = n.count()?;
        s.refused.push(Refused {
            file: t.text()?,
            row,
            field: t.text()?,
        });
    }
    // nothing may be left over
    (n.0.next().is_none() && t.0.next().is_none()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Distinct, non-zero values in every field (so that a field read into another shows).
    fn full() -> Summary {
        Summary {
            entries: 1.0,
            input_tokens: 2.0,
            output_tokens: 3.0,
            cache_creation_tokens: 4.0,
            cache_read_tokens: 5.0,
            cost_usd: 6.5,
            skipped_lines: 7.0,
            files_with_skipped_lines: 8.0,
            files_read: 9.0,
            unreadable_files: 10.0,
            unreadable: vec![
                UnreadableFile {
                    name: "a/empty.jsonl".into(),
                    status: FileStatus::Empty,
                },
                UnreadableFile {
                    name: "b.bin".into(),
                    status: FileStatus::TooLarge,
                },
            ],
            busiest_block_usd: 11.5,
            busiest_week_usd: 12.5,
            opus_cost_share: 0.13,
            hours_per_active_day: 14.5,
            active_days_per_week: 1.5,
            active_days: 16.0,
            first_ms: Some(1.7e12),
            last_ms: Some(1.8e12),
            days: vec![("2026-03-16".into(), 17.5), ("2026-03-17".into(), 18.5)],
            five_hour_hits: 19.0,
            weekly_hits: 20.0,
            opus_weekly_hits: 21.0,
            limit_hits: vec![
                LimitHit {
                    at_ms: 1.75e12,
                    kind: LimitKind::Weekly,
                    resets_at_ms: Some(1.76e12),
                    reset_text: Some("Dec 2, 7pm (Europe/Moscow)".into()),
                    usd: 22.5,
                    outside_block: true,
                },
                LimitHit {
                    at_ms: 1.77e12,
                    kind: LimitKind::OpusWeekly,
                    resets_at_ms: None,
                    reset_text: None,
                    usd: 23.5,
                    outside_block: false,
                },
            ],
            unpriced_models: 24.0,
            unpriced: vec![UnpricedModel {
                model: "claude-sonnet-4-7".into(),
                entries: 25.0,
                tokens: 26.0,
            }],
            refused_rows: 27.0,
            refused: vec![Refused {
                file: "export.json".into(),
                row: 28.0,
                field: "totalCost".into(),
            }],
        }
    }

    #[test]
    fn the_flat_form_round_trips() {
        let s = full();
        let (n, t) = encode(&s);
        assert_eq!(decode(&n, &t), Some(s));
        let empty = Summary::default();
        let (n, t) = encode(&empty);
        assert_eq!(decode(&n, &t), Some(empty));
    }

    #[test]
    fn every_scalar_is_in_its_own_place() {
        let (n, t) = encode(&full());
        let scalars = &n[1..=SCALARS];
        let mut seen: Vec<f64> = scalars.iter().copied().filter(|&x| x != 0.0).collect();
        seen.sort_by(f64::total_cmp);
        seen.dedup();
        assert_eq!(seen.len(), SCALARS, "distinct, non-zero values");
        // changing any number changes the summary or is refused
        for i in 0..n.len() {
            let mut m = n.clone();
            m[i] += 1.0;
            assert_ne!(decode(&m, &t), Some(full()), "number {i}");
        }
    }

    #[test]
    fn malformed_messages_are_refused() {
        let (n, t) = encode(&full());
        let refuse = |n: &[f64], t: &[String], what: &str| assert_eq!(decode(n, t), None, "{what}");
        refuse(&n[..n.len() - 1], &t, "a number short");
        refuse(&[n.clone(), vec![0.0]].concat(), &t, "a number more");
        refuse(&n, &t[..t.len() - 1], "a string short");
        refuse(&n, &[t.clone(), vec!["x".into()]].concat(), "a string more");
        refuse(&[], &[], "nothing");
        let at = |i: usize, v: f64| {
            let mut m = n.clone();
            m[i] = v;
            m
        };
        refuse(&at(0, 1.0), &t, "another version");
        refuse(&at(1, f64::NAN), &t, "NaN");
        refuse(&at(1, f64::INFINITY), &t, "infinite");
        refuse(&at(1, -1.0), &t, "negative count");
        refuse(&at(1, 1.5), &t, "fractional count");
        refuse(&at(13, 1.5), &t, "share above 1");
        refuse(&at(SCALARS + 1, 2.0), &t, "flag not 0 or 1");
        refuse(&at(SCALARS + 2, 2e12), &t, "first after last");
        refuse(&at(SCALARS + 4, 1e9), &t, "days beyond the bound");
        refuse(&at(SCALARS + 5, 501.0), &t, "hits beyond the bound");
        let first_hit = 1 + SCALARS + 3 + 5 + 2;
        refuse(&at(first_hit + 1, 3.0), &t, "no such kind");
        refuse(&at(first_hit, 1e20), &t, "no such time");
        let first_file = first_hit + 14;
        refuse(&at(first_file, 0.0), &t, "no such status");
        refuse(&at(first_file, 5.0), &t, "no such status");
        let mut bad = t.clone();
        bad[0] = "2026-3-16".into();
        refuse(&n, &bad, "not a date");
        bad[0] = "x".repeat(MAX_TEXT + 1);
        refuse(&n, &bad, "not a date");
        let mut long = t.clone();
        long[2] = "é".repeat(MAX_TEXT + 1);
        refuse(&n, &long, "text too long");
    }

    proptest! {
        #[test]
        fn any_numbers_and_texts_are_safe(
            n in proptest::collection::vec(any::<f64>(), 0..80),
            t in proptest::collection::vec(".{0,12}", 0..8),
            keep in 0usize..60,
        ) {
            let _ = decode(&n, &t);
            // a valid message with its tail replaced by noise
            let (mut v, w) = encode(&full());
            let k = keep.min(v.len());
            v.truncate(k);
            v.extend(n);
            let _ = decode(&v, &w);
        }
    }
}
