//! Usage-limit hits: the line Claude Code writes when the plan refuses a request, read from the
//! top-level fields of an assistant line only (so that a limit's text quoted in a prompt, a
//! tool result or a subagent's copy never counts). What is recognised and what is parsed is
//! described in `docs/usage.md`; in short:
//!
//! - the line is `"type": "assistant"` with `"isApiErrorMessage": true`;
//! - a top-level `quotaLimits` with `"status": "rejected"` is a hit whatever the text, of the
//!   kind its `rateLimitType` names, resetting at its `resetsAt` (Unix seconds);
//! - else `message.content[0].text` must be one of the limit texts: `Claude AI usage limit
//!   reached|<Unix seconds>`, `<kind> limit reached ∙ resets <when>` (∙ or ·), `You've hit
//!   your <kind> limit · resets <when>` (the kind may be missing: a 5-hour hit). `API Error:
//!   429 …` (the API's own per-minute rate limit) is not a plan limit.
//!
//! Reset times written for people (`resets 5am`, `resets Dec 2, 7pm (Europe/Moscow)`) are
//! in a time zone the page has no database for: they are kept as text, and turned into an
//! instant only when the zone is UTC and the day can be told (see [`exact_reset`]).

use super::bytes::find;
use super::fields::{Field, Fields};
use super::scan::RawStr;
use super::time::{days_from_civil, parse_timestamp, DAY_MS, HOUR_MS};

/// Which limit a hit reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LimitKind {
    /// The 5-hour (session) limit; also a hit that does not say which limit it was.
    FiveHour,
    /// The weekly limit (all models, or Sonnet's own since November 2025).
    Weekly,
    /// The weekly limit of the Opus models.
    OpusWeekly,
}

impl LimitKind {
    pub const ALL: [LimitKind; 3] = [
        LimitKind::FiveHour,
        LimitKind::Weekly,
        LimitKind::OpusWeekly,
    ];
}

/// Raw hits kept in memory; more are counted, not kept (real logs hold a few dozen).
pub const MAX_HITS: usize = 4096;
/// A reset text is cut to this many characters.
pub const MAX_RESET_TEXT: usize = 80;
/// Hits of the same kind logged within this of each other are one event (parallel sessions
/// each log the refusal).
pub const SAME_EVENT_MS: i64 = 2 * 60_000;
/// Plausible Unix seconds for a reset (2001 to 2286): anything else is no time.
const EPOCH_SECONDS: std::ops::Range<f64> = 1e9..1e10;
/// The same in milliseconds (a `resetsAt` written in ms).
const EPOCH_MILLIS: std::ops::Range<f64> = 1e12..1e13;

/// One hit as read from one line.
#[derive(Clone, Debug, PartialEq)]
pub struct RawHit {
    pub ms: i64,
    pub kind: LimitKind,
    /// Exact reset instant, Unix ms.
    pub resets_ms: Option<i64>,
    /// What the line says about the reset (`5am`, `Dec 2, 7pm (Europe/Moscow)`), cut to
    /// [`MAX_RESET_TEXT`] characters.
    pub reset_text: Option<Box<str>>,
}

/// What a limit text says.
#[derive(Debug, PartialEq)]
pub struct TextHit<'t> {
    /// `None` when the text does not say which limit.
    pub kind: Option<LimitKind>,
    /// From `…limit reached|<seconds>`.
    pub resets_ms: Option<i64>,
    pub reset_text: Option<&'t str>,
}

/// A line that is a hit.
#[derive(Debug, PartialEq)]
pub enum Detected {
    Hit(RawHit),
    /// A hit whose line has no valid `timestamp`: it cannot be placed.
    Undated,
}

/// The hit on a scanned line, if it is one.
pub fn detect(f: &Fields<'_>, scratch: &mut Vec<u8>) -> Option<Detected> {
    if !f.api_error || !is(f.line_type, b"assistant", scratch) {
        return None;
    }
    let text = match f.text {
        Field::Ok(t) => std::str::from_utf8(t.decode(scratch))
            .ok()
            .map(str::to_owned),
        _ => None,
    };
    let from_text = text.as_deref().and_then(parse_text);
    let q = &f.quota_fields;
    let rejected = matches!(f.quota, Field::Ok(())) && is(q.status, b"rejected", scratch);
    if !rejected && from_text.is_none() {
        return None;
    }
    let ms = match f.top.timestamp {
        Field::Ok(ts) => parse_timestamp(ts.decode(scratch)),
        _ => None,
    };
    let Some(ms) = ms else {
        return Some(Detected::Undated);
    };
    let reset_text = from_text.as_ref().and_then(|t| t.reset_text).map(cut);
    let (kind, resets_ms) = if rejected {
        let kind = match q.limit_type {
            Field::Ok(t) => kind_of_type(t.decode(scratch)),
            _ => LimitKind::FiveHour,
        };
        let resets = match q.resets_at {
            Field::Ok(v) => epoch_ms(v),
            _ => None,
        };
        (kind, resets)
    } else {
        let t = from_text.as_ref()?;
        let kind = t.kind.unwrap_or(LimitKind::FiveHour);
        let exact = t
            .resets_ms
            .or_else(|| t.reset_text.and_then(|r| exact_reset(r, ms, kind)));
        (kind, exact)
    };
    Some(Detected::Hit(RawHit {
        ms,
        kind,
        resets_ms,
        reset_text,
    }))
}

fn is(f: Field<RawStr<'_>>, want: &[u8], scratch: &mut Vec<u8>) -> bool {
    matches!(f, Field::Ok(s) if s.decode(scratch) == want)
}

/// The kind a `quotaLimits.rateLimitType` names; an unknown type counts as 5-hour.
pub fn kind_of_type(t: &[u8]) -> LimitKind {
    match t {
        b"seven_day_opus" => LimitKind::OpusWeekly,
        t if t.starts_with(b"seven_day") => LimitKind::Weekly,
        _ => LimitKind::FiveHour,
    }
}

/// Unix ms of a reset given in seconds (or, if plainly so, in ms); `None` if implausible.
fn epoch_ms(v: f64) -> Option<i64> {
    if EPOCH_SECONDS.contains(&v) {
        Some((v * 1000.0).round() as i64)
    } else if EPOCH_MILLIS.contains(&v) {
        Some(v.round() as i64)
    } else {
        None
    }
}

fn cut(s: &str) -> Box<str> {
    match s.char_indices().nth(MAX_RESET_TEXT) {
        Some((at, _)) => s.get(..at).unwrap_or(s).into(),
        None => s.into(),
    }
}

/// Longest kind words accepted before `limit reached` / after `You've hit your`.
const MAX_KIND_WORDS: usize = 40;

/// Reads a limit text; `None` if it is not one.
pub fn parse_text(text: &str) -> Option<TextHit<'_>> {
    let t = text.trim();
    if t.starts_with("API Error") {
        return None;
    }
    if let Some(rest) = t.strip_prefix("Claude AI usage limit reached") {
        let digits = rest.strip_prefix('|').map_or("", |r| {
            r.get(..r.bytes().take_while(u8::is_ascii_digit).count())
                .unwrap_or("")
        });
        // an integer parse: `str::parse::<f64>` would bring std's float parser into the worker
        let resets_ms = digits.parse::<u64>().ok().and_then(|v| epoch_ms(v as f64));
        return Some(TextHit {
            kind: None,
            resets_ms,
            reset_text: None,
        });
    }
    let words = if let Some(at) = find(t.as_bytes(), b"limit reached") {
        // the phrase ends there: "limit reached", "limit reached ∙ …", "limit reached."
        let after = t.get(at + 13..)?.trim_start();
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        t.get(..at)?
    } else {
        let rest = t
            .strip_prefix("You've hit your ")
            .or_else(|| t.strip_prefix("You\u{2019}ve hit your "))
            .or_else(|| t.strip_prefix("You've hit your"))?;
        let end = find(rest.as_bytes(), b"limit")?;
        let after = rest.get(end + 5..)?;
        // the limit word ends the phrase: "limit", "limit ·", "limit."
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        rest.get(..end)?
    };
    if words.len() > MAX_KIND_WORDS
        || !words
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b' ' | b'-'))
    {
        return None;
    }
    let w = words.to_ascii_lowercase();
    let kind = if w.contains("opus") {
        Some(LimitKind::OpusWeekly)
    } else if w.contains("week") {
        Some(LimitKind::Weekly)
    } else if w.contains("5-hour")
        || w.contains("5 hour")
        || w.contains("five")
        || w.contains("session")
    {
        Some(LimitKind::FiveHour)
    } else {
        None
    };
    let reset_text = ["resets ", "reset at "].iter().find_map(|k| {
        let at = find(t.as_bytes(), k.as_bytes())?;
        let r = t
            .get(at + k.len()..)?
            .trim()
            .trim_end_matches('.')
            .trim_end();
        (!r.is_empty()).then_some(r)
    });
    Some(TextHit {
        kind,
        resets_ms: None,
        reset_text,
    })
}

/// Zone names that mean UTC.
const UTC_NAMES: [&str; 10] = [
    "UTC",
    "Etc/UTC",
    "GMT",
    "Etc/GMT",
    "UCT",
    "Etc/UCT",
    "Universal",
    "Etc/Universal",
    "Zulu",
    "Etc/Zulu",
];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The reset instant a human reset text names, when it can be told exactly: only when its
/// zone is UTC (`1pm (UTC)`, `Dec 2, 7pm (Etc/UTC)`). A time alone is the first such time
/// after the hit, and must fall within 5 hours of a 5-hour hit (within a day otherwise); a
/// date without a year is that date in the hit's year, or the next, and must fall within 8
/// days after the hit. Anything else (no zone, another zone, odd text): `None`.
pub fn exact_reset(text: &str, hit_ms: i64, kind: LimitKind) -> Option<i64> {
    let open = text.find('(')?;
    let zone = text.get(open + 1..)?.strip_suffix(')')?.trim();
    if !UTC_NAMES.contains(&zone) {
        return None;
    }
    let when = text.get(..open)?.trim();
    let (date, time) = match when.rsplit_once(' ') {
        Some((d, t)) => (
            Some(d.trim().trim_end_matches(',').trim_end_matches(" at")),
            t,
        ),
        None => (None, when),
    };
    let minute_of_day = clock(time)?;
    let hit_day = hit_ms.div_euclid(DAY_MS);
    let at = |day: i64| day * DAY_MS + minute_of_day * 60_000;
    match date {
        None => {
            let mut r = at(hit_day);
            if r <= hit_ms {
                r += DAY_MS;
            }
            let within = if kind == LimitKind::FiveHour {
                super::BLOCK_MS
            } else {
                DAY_MS
            };
            (r - hit_ms <= within).then_some(r)
        }
        Some(d) => {
            let (month, day) = d.trim().split_once(' ')?;
            let m = MONTHS
                .iter()
                .position(|n| month.len() >= 3 && month.to_ascii_lowercase().starts_with(n))?;
            let day: u32 = day.trim().parse().ok()?;
            if !(1..=31).contains(&day) {
                return None;
            }
            let (y, _, _) = super::time::civil_from_days(hit_day);
            [y, y + 1].iter().find_map(|&y| {
                let r = at(days_from_civil(y, m as u32 + 1, day));
                (r > hit_ms - HOUR_MS && r - hit_ms <= 8 * DAY_MS).then_some(r)
            })
        }
    }
}

/// Minutes after midnight of `5am`, `7:40pm`, `12am` or `17:40`.
fn clock(t: &str) -> Option<i64> {
    let t = t.trim().to_ascii_lowercase();
    let (digits, half) = match t.strip_suffix("am") {
        Some(d) => (d, Some(0)),
        None => match t.strip_suffix("pm") {
            Some(d) => (d, Some(12)),
            None => (t.as_str(), None),
        },
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
        Some(_) => return None,
        None if half.is_some() => (digits.parse::<i64>().ok()?, 0),
        None => return None,
    };
    if m > 59 {
        return None;
    }
    let h = match half {
        Some(add) if (1..=12).contains(&h) => h % 12 + add,
        Some(_) => return None,
        None if h <= 23 => h,
        None => return None,
    };
    Some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts() {
        let k = |t: &str| parse_text(t).map(|h| h.kind);
        assert_eq!(
            k("5-hour limit reached \u{2219} resets 5am"),
            Some(Some(LimitKind::FiveHour))
        );
        assert_eq!(
            k("Weekly limit reached \u{b7} resets Dec 2, 7pm (Europe/Moscow)"),
            Some(Some(LimitKind::Weekly))
        );
        assert_eq!(
            k("Opus weekly limit reached \u{2219} resets Oct 6, 9am"),
            Some(Some(LimitKind::OpusWeekly))
        );
        assert_eq!(
            k("You've hit your session limit \u{b7} resets 5:40pm (Europe/Madrid)"),
            Some(Some(LimitKind::FiveHour))
        );
        assert_eq!(
            k("You\u{2019}ve hit your weekly limit \u{b7} resets Sep 17 at 10pm (Europe/Lisbon)"),
            Some(Some(LimitKind::Weekly))
        );
        assert_eq!(
            k("You've hit your limit \u{b7} resets 3am (Asia/Tokyo)"),
            Some(None)
        );
        assert_eq!(k("Claude AI usage limit reached|1772460000"), Some(None));
        assert_eq!(
            k("Claude usage limit reached. Your limit will reset at 1pm (America/New_York)."),
            Some(None)
        );
        for not in [
            "API Error: 429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"5-hour limit reached\"}}",
            "I fixed the code that prints \"limit reached\" when the queue, the cache and the pool are all full",
            "You've hit your stride",
            "The rate limit reached its maximum",
            "You've hit your limits: see /usage",
            "Done.",
            "",
        ] {
            assert_eq!(parse_text(not), None, "{not}");
        }
        let h = parse_text("Claude AI usage limit reached|1772460000").unwrap();
        assert_eq!(h.resets_ms, Some(1_772_460_000_000));
        assert_eq!(
            parse_text("Claude AI usage limit reached|12")
                .unwrap()
                .resets_ms,
            None
        );
        assert_eq!(
            parse_text("Claude AI usage limit reached")
                .unwrap()
                .resets_ms,
            None
        );
        fn r(t: &str) -> Option<&str> {
            parse_text(t).and_then(|h| h.reset_text)
        }
        assert_eq!(r("5-hour limit reached \u{2219} resets 5am"), Some("5am"));
        assert_eq!(
            r("You've hit your weekly limit \u{b7} resets Sep 17 at 10pm (Europe/Lisbon)"),
            Some("Sep 17 at 10pm (Europe/Lisbon)")
        );
        assert_eq!(
            r("Claude usage limit reached. Your limit will reset at 1pm (America/New_York)."),
            Some("1pm (America/New_York)")
        );
        assert_eq!(r("You've hit your limit"), None);
    }

    #[test]
    fn reset_times_are_exact_only_in_utc() {
        let t = |s: &str| parse_timestamp(s.as_bytes()).unwrap();
        let hit = t("2026-03-10T14:20:00Z");
        let five = LimitKind::FiveHour;
        assert_eq!(
            exact_reset("5:40pm (UTC)", hit, five),
            Some(t("2026-03-10T17:40:00Z"))
        );
        assert_eq!(
            exact_reset("6pm (Etc/UTC)", hit, five),
            Some(t("2026-03-10T18:00:00Z"))
        );
        assert_eq!(
            exact_reset("17:40 (GMT)", hit, five),
            Some(t("2026-03-10T17:40:00Z"))
        );
        // the next such time, past midnight
        let late = t("2026-03-10T22:30:00Z");
        assert_eq!(
            exact_reset("2am (UTC)", late, five),
            Some(t("2026-03-11T02:00:00Z"))
        );
        assert_eq!(
            exact_reset("12am (UTC)", late, five),
            Some(t("2026-03-11T00:00:00Z"))
        );
        // more than 5 hours away: not the reset of this 5-hour window
        assert_eq!(exact_reset("11pm (UTC)", hit, five), None);
        let week = LimitKind::Weekly;
        assert_eq!(
            exact_reset("Mar 14, 7pm (UTC)", hit, week),
            Some(t("2026-03-14T19:00:00Z"))
        );
        assert_eq!(
            exact_reset("Mar 14 at 7:05pm (UTC)", hit, week),
            Some(t("2026-03-14T19:05:00Z"))
        );
        assert_eq!(
            exact_reset("March 14, 7pm (UTC)", hit, week),
            Some(t("2026-03-14T19:00:00Z"))
        );
        let dec = t("2026-12-30T10:00:00Z");
        assert_eq!(
            exact_reset("Jan 2, 8am (UTC)", dec, week),
            Some(t("2027-01-02T08:00:00Z"))
        );
        assert_eq!(exact_reset("Apr 30, 7pm (UTC)", hit, week), None, "too far");
        for none in [
            "5am",
            "5:40pm (Europe/Madrid)",
            "Dec 2, 7pm (Europe/Moscow)",
            "7pm (UTC",
            "25pm (UTC)",
            "7:5pm (UTC)",
            "Foo 2, 7pm (UTC)",
            "Mar 32, 7pm (UTC)",
            "13:61 (UTC)",
            "(UTC)",
        ] {
            assert_eq!(exact_reset(none, hit, week), None, "{none}");
        }
    }

    #[test]
    fn rate_limit_types() {
        assert_eq!(kind_of_type(b"five_hour"), LimitKind::FiveHour);
        assert_eq!(kind_of_type(b"seven_day"), LimitKind::Weekly);
        assert_eq!(kind_of_type(b"seven_day_sonnet"), LimitKind::Weekly);
        assert_eq!(kind_of_type(b"seven_day_opus"), LimitKind::OpusWeekly);
        assert_eq!(kind_of_type(b"overage"), LimitKind::FiveHour);
        assert_eq!(epoch_ms(1_788_303_000.0), Some(1_788_303_000_000));
        assert_eq!(epoch_ms(1_788_303_000_000.0), Some(1_788_303_000_000));
        assert_eq!(epoch_ms(f64::NAN), None);
        assert_eq!(epoch_ms(-1.0), None);
        assert_eq!(cut(&"é".repeat(200)).chars().count(), MAX_RESET_TEXT);
    }
}
