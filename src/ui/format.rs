//! Numbers for people, in the page's language: "1,234" / "1 234", "$4.20" / "4,20 $US",
//! "62%" / "62 %".
//!
//! Written here rather than with `Intl.NumberFormat`: the first `Intl.NumberFormat` a page
//! creates costs Chromium 30–80 ms (it loads its locale data), more than everything else the
//! page does before its first answer. The output is the same as Intl's for "en" and "fr"
//! (grouping, decimal comma, narrow no-break spaces, rounding half away from zero): a browser
//! test compares the two on a range of values. Pure (no browser API), so tested natively too.
use crate::i18n::{fill, k, Lang};

/// `x` with at least `min` and at most `max` decimals, grouped by thousands.
fn number(lang: Lang, x: f64, min: u32, max: u32) -> String {
    let (group, decimal) = match lang {
        Lang::En => (",", '.'),
        Lang::Fr => ("\u{202f}", ','),
    };
    let x = if x.is_finite() { x } else { 0.0 };
    let scale = 10u64.pow(max);
    // Beyond 2^53 the digits are not exact anyway; the bound keeps the cast defined.
    let scaled = (x.abs() * scale as f64).round().min(9.0e15) as u64;
    let (whole, mut frac) = (scaled / scale, scaled % scale);
    let mut out = String::with_capacity(16);
    if x < 0.0 && scaled != 0 {
        out.push('-');
    }
    let digits = whole.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    let mut places = max;
    while places > min && frac % 10 == 0 {
        frac /= 10;
        places -= 1;
    }
    if places > 0 {
        out.push(decimal);
        let frac = frac.to_string();
        for _ in frac.len()..places as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// US dollars: whole dollars from $100 up, cents below (so "$4.20" but "$1,234").
pub fn usd(lang: Lang, x: f64) -> String {
    let cents = if x.abs() >= 100.0 || x.fract() == 0.0 {
        0
    } else {
        2
    };
    let n = number(lang, x, cents, cents);
    match (lang, n.strip_prefix('-')) {
        (Lang::En, Some(abs)) => ["-$", abs].concat(),
        (Lang::En, None) => ["$", &n].concat(),
        (Lang::Fr, _) => n + "\u{a0}$US",
    }
}

/// A whole number with the language's grouping ("20,000" / "20 000").
pub fn int(lang: Lang, x: f64) -> String {
    number(lang, x, 0, 0)
}

/// At most one decimal ("2.5" / "2,5").
pub fn dec1(lang: Lang, x: f64) -> String {
    number(lang, x, 0, 1)
}

/// At most two decimals ("1.67" / "1,67").
pub fn dec2(lang: Lang, x: f64) -> String {
    number(lang, x, 0, 2)
}

/// A ratio as a percentage (0.62 → "62%" / "62 %").
pub fn percent(lang: Lang, ratio: f64) -> String {
    let n = number(lang, ratio * 100.0, 0, 0);
    match lang {
        Lang::En => n + "%",
        Lang::Fr => n + "\u{a0}%",
    }
}

/// The number of a percentage, to at most one decimal (0.6 → "60", 0.8485 → "84.9").
pub fn percent_number(lang: Lang, ratio: f64) -> String {
    number(lang, ratio * 100.0, 0, 1)
}

/// The number of a percentage for a fraction above `limit` (both fractions), precise enough
/// never to read as the limit or below it: 0.8504 against 0.85 gives "85.05", not "85"; 0.9
/// gives "90". Used where the page says a plan is above its target or its limit.
pub fn percent_number_above(lang: Lang, value: f64, limit: f64) -> String {
    let tenths = |x: f64| (x * 1000.0).round();
    if tenths(value) > tenths(limit) || value <= limit || value.is_nan() {
        percent_number(lang, value)
    } else {
        // Less a hair of float noise: 0.853 × 10,000 is 8530.000000000001, not above 8530.
        number(lang, (value * 10_000.0 - 1e-9).ceil() / 100.0, 2, 2)
    }
}

/// A fraction above `limit` as a percentage ("100.4%" rather than "100%").
pub fn percent_above(lang: Lang, ratio: f64, limit: f64) -> String {
    let n = percent_number_above(lang, ratio, limit);
    match lang {
        Lang::En => n + "%",
        Lang::Fr => n + "\u{a0}%",
    }
}

/// A moment (Unix milliseconds) as its UTC date, `2026-10-05` (the same in both languages).
pub fn date(ms: f64) -> String {
    let day = if ms.is_finite() {
        (ms / 86_400_000.0).floor().clamp(-1.0e6, 1.0e6) as i64
    } else {
        0
    };
    let (y, m, d) = crate::usage::civil_from_days(day);
    // Written digit by digit: the formatter's padding machinery costs the page 0.7 KB.
    let mut out = String::with_capacity(10);
    for (value, width) in [(y.max(0) as u64, 4), (u64::from(m), 2), (u64::from(d), 2)] {
        if !out.is_empty() {
            out.push('-');
        }
        let digits = value.to_string();
        for _ in digits.len()..width {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}

/// A duration in hours as "1 h 40 min" (or "40 min"), rounded to the minute.
pub fn duration(lang: Lang, hours: f64) -> String {
    let (h, m) = crate::model::hours_minutes(hours);
    let (h, m) = (h.to_string(), m.to_string());
    if h == "0" {
        fill(lang.t(k::UNIT_MIN), &[("m", &m)])
    } else {
        fill(lang.t(k::UNIT_H_MIN), &[("h", &h), ("m", &m)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_as_intl_writes_them() {
        let (en, fr) = (Lang::En, Lang::Fr);
        assert_eq!(int(en, 1_234_567.0), "1,234,567");
        assert_eq!(int(fr, 1_234_567.0), "1\u{202f}234\u{202f}567");
        assert_eq!(int(en, 999.0), "999");
        assert_eq!(int(en, 2.5), "3", "half away from zero");
        assert_eq!(int(en, -1234.0), "-1,234");
        assert_eq!(int(en, -0.4), "0");
        assert_eq!(dec1(en, 2.5), "2.5");
        assert_eq!(dec1(fr, 2.0), "2");
        assert_eq!(dec2(fr, 1234.567), "1\u{202f}234,57");
        assert_eq!(dec2(en, 0.05), "0.05");
        assert_eq!(dec2(en, 1.5), "1.5");
        assert_eq!(usd(en, 1234.0), "$1,234");
        assert_eq!(usd(en, 4.2), "$4.20");
        assert_eq!(usd(en, 0.07), "$0.07");
        assert_eq!(usd(fr, 4.2), "4,20\u{a0}$US");
        assert_eq!(usd(fr, 100.0), "100\u{a0}$US");
        assert_eq!(usd(en, -5.0), "-$5");
        assert_eq!(percent(en, 0.625), "63%");
        assert_eq!(percent(fr, 1.25), "125\u{a0}%");
        assert_eq!(int(en, f64::NAN), "0");
        assert_eq!(int(en, 1e300), "9,000,000,000,000,000");
    }

    #[test]
    fn percentages_above_a_limit_never_read_as_the_limit() {
        let (en, fr) = (Lang::En, Lang::Fr);
        assert_eq!(percent_number_above(en, 0.853, 0.85), "85.3");
        assert_eq!(percent_number_above(en, 0.8501, 0.85), "85.01");
        assert_eq!(percent_number_above(en, 0.85003, 0.85), "85.01");
        assert_eq!(percent_number_above(fr, 0.8501, 0.85), "85,01");
        assert_eq!(percent_number_above(en, 0.9, 0.85), "90");
        assert_eq!(percent_number_above(en, 0.8485, 0.845), "84.9");
        assert_eq!(percent_number(en, 0.845), "84.5");
        assert_eq!(percent_number(en, 0.6), "60");
        assert_eq!(percent_above(en, 1.0041, 1.0), "100.4%");
        assert_eq!(percent_above(en, 1.00001, 1.0), "100.01%");
        assert_eq!(percent_above(fr, 1.2, 1.0), "120\u{a0}%");
        assert_eq!(date(1_775_000_000_000.0), "2026-03-31");
        assert_eq!(date(f64::NAN), "1970-01-01");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Lang::En, 1.0 + 40.0 / 60.0), "1 h 40 min");
        assert_eq!(duration(Lang::En, 0.5), "30 min");
    }
}
