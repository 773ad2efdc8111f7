//! Units: timestamps, prices, the scanner.
use super::*;
use crate::usage::{bytes, fields, scan, time};

// ---- units --------------------------------------------------------------------------------

#[test]
fn timestamps() {
    let t = |s: &str| parse_timestamp(s.as_bytes());
    assert_eq!(t("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(t("1970-01-01T00:00:00.001Z"), Some(1));
    assert_eq!(
        t("2026-10-05T08:00:00.000+02:00"),
        t("2026-10-05T06:00:00.000Z")
    );
    assert_eq!(
        t("2024-02-29T10:00:00.000Z").map(|m| date_string(m.div_euclid(86_400_000))),
        Some("2024-02-29".to_owned())
    );
    assert_eq!(t("1969-12-31T23:59:59.000Z"), Some(-1000));
    for bad in [
        "2025-02-29T10:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T10:00:00",
        "2026-01-01 10:00:00Z",
        "2026-01-01T10:00:00.1Z",
        "2026-01-01T10:00:00.123456Z",
        "2026-01-01T10:00:00+0000",
        "2026-01-01t10:00:00Z",
        "2026-1-01T10:00:00Z",
        "",
        "2026-01-01T10:00:00.000+24:00",
    ] {
        assert_eq!(t(bad), None, "{bad}");
    }
    assert_eq!(
        iso_string(t("2026-10-05T08:07:06.005Z").unwrap()),
        "2026-10-05T08:07:06.005Z"
    );
    for d in -800_000..800_000i64 {
        let (y, m, dd) = time::civil_from_days(d);
        assert_eq!(time::days_from_civil(y, m, dd), d);
    }
    let wk = |s: &str| {
        let (y, w, _) =
            time::iso_week(t(&format!("{s}T00:00:00Z")).unwrap().div_euclid(86_400_000));
        (y, w)
    };
    assert_eq!(wk("2021-01-03"), (2020, 53));
    assert_eq!(wk("2021-01-04"), (2021, 1));
    assert_eq!(wk("2026-10-05"), (2026, 41));
    assert_eq!(wk("2024-12-30"), (2025, 1));
}

#[test]
fn prices() {
    let million = [1_000_000; 4];
    let usd =
        |m: &str| price_for_model(m).map(|p| (cost_of(p, million, 0) * 100.0).round() / 100.0);
    assert_eq!(usd("claude-sonnet-4-5-20250929"), Some(33.69)); // 1 M of each: tiered
    assert_eq!(usd("claude-sonnet-4-20250514"), Some(33.69));
    assert_eq!(usd("claude-opus-4-5-20251101"), Some(36.75));
    assert_eq!(usd("claude-opus-4-1-20250805"), Some(110.25));
    assert_eq!(usd("claude-opus-4-20250514"), Some(110.25));
    assert_eq!(usd("claude-haiku-4-5-20251001"), Some(7.35));
    assert_eq!(usd("claude-3-5-haiku-20241022"), Some(5.88));
    assert_eq!(usd("claude-3-haiku-20240307"), Some(1.83));
    assert_eq!(usd("claude-3-7-sonnet-20250219"), Some(22.05));
    assert_eq!(usd("claude-sonnet-4-6"), Some(22.05));
    assert_eq!(usd("claude-opus-4-6"), Some(36.75));
    assert_eq!(usd("anthropic/claude-sonnet-4-5[1m]"), Some(33.69));
    for none in [
        "claude-sonnet-4-7",
        "claude-haiku-3-20240307",
        "gpt-4o",
        "",
        "<synthetic>",
        "claude-2",
    ] {
        assert_eq!(usd(none), None, "{none}");
    }
    let p = price_for_model("claude-sonnet-4-5-20250929").unwrap();
    assert_cost(
        cost_of(p, [1, 2, 3, 4], 0),
        (3.0 + 30.0 + 11.25 + 1.2) / 1e6,
        1e-15,
        "small",
    );
}

#[test]
fn scanner() {
    let ok = |s: &str| {
        let mut f = fields::Fields::default();
        scan::scan_line(s.as_bytes(), &mut f, &mut Vec::new()).is_ok()
    };
    for good in [
        "{}",
        "[]",
        " 1 ",
        "-0.5e+3",
        "\"a\\u00e9\\ud83d\\ude00\\n\"",
        "{\"a\":[{},[],null,true,false]}",
        "{\"a\":{\"b\":{\"c\":[1,{\"d\":\"\\\"\"}]}}}\r",
        "\"\u{e9}\u{2603}\"",
    ] {
        assert!(ok(good), "{good}");
    }
    for bad in [
        "",
        "{",
        "{\"a\"}",
        "{\"a\":1,}",
        "[1,]",
        "01",
        "1.",
        "-",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"a\u{1}\"",
        "{\"a\":1}}",
        "{'a':1}",
        "tru",
        "nul",
        "[1 2]",
        "{\"a\" 1}",
        "\u{feff}{}",
        "{}\u{c}",
    ] {
        assert!(!ok(bad), "{bad:?}");
    }
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(ok(&deep));
    assert!(!ok(&"[".repeat(10_000)));
    assert_eq!(bytes::find_special(b"abcdefghijklmnop\"q"), Some(16));
    assert_eq!(bytes::find_special(b"abc\x1f"), Some(3));
    assert_eq!(bytes::find_special("abc\u{e9}\\".as_bytes()), Some(3));
    assert_eq!(bytes::find_byte(b"0123456789\n", b'\n'), Some(10));
    let literal = |s: &str| {
        let mut f = fields::Fields::default();
        scan::scan_line(s.as_bytes(), &mut f, &mut Vec::new()).map(|()| f.usage_literal)
    };
    assert_eq!(literal(r#"{"a":{"usage":{}}}"#), Ok(true));
    assert_eq!(literal(r#"[{"x\"usage":{}}]"#), Ok(true)); // the text occurs, escaped quote
    assert_eq!(literal(r#"{"usage": {}}"#), Ok(false));
    assert_eq!(literal(r#"{"usage":[]}"#), Ok(false));
    assert_eq!(literal(r#"{"t":"\"usage\":{"}"#), Ok(false));
    assert_eq!(literal(r#"{"xusage":{}}"#), Ok(false));
}
