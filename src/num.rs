//! Numbers as plain text (links, form fields, SVG coordinates), not for people (see
//! `ui::format` for those).
//!
//! In the browser both directions go through JavaScript's `Number`: its `toString` is the
//! shortest text that reads back to the same number, exactly like Rust's `Display`, and using it
//! keeps Rust's float formatting and parsing machinery (code and tables, about 10 KB brotli) out
//! of the page; numbers of up to three decimals, most of the page's, are written here in Rust
//! ([`text`]), as JavaScript would write them. Natively (tests, benches) Rust's own `Display`
//! and `FromStr` do the same job.
//! Both accept the same texts once [`parse`] has filtered them: an optional sign, digits, an
//! optional decimal point, an optional exponent.

/// The shortest text that reads back to the same `f64`; non-finite values give "0".
pub fn text(x: f64) -> String {
    // `+ 0.0` turns -0 into 0, which JavaScript writes "0" and Rust "-0".
    let x = if x.is_finite() { x + 0.0 } else { 0.0 };
    few_decimals(x).unwrap_or_else(|| imp::text(x))
}

/// `x` written with at most three decimals, when that text reads back to `x` exactly: most of
/// the page's figures (SVG coordinates, percentages, prices, field values). Written here, it
/// saves the browser a round trip to JavaScript's `Number.toString` for each (about 60 per
/// change of an input; `docs/architecture.md`, "Updating a region"), and it is the text
/// JavaScript writes: `m / 10^k` in `f64` is the number nearest to that decimal, as parsing it
/// is, so a `k` that works is the shortest text's number of decimals when it is the smallest.
fn few_decimals(x: f64) -> Option<String> {
    if x.abs() >= 1e9 {
        return None;
    }
    let mut scale = 1.0;
    for k in 0..4 {
        let m = (x * scale).round();
        if m / scale == x {
            // The digits from the last: k decimals, the point, then at least one digit.
            let (mut n, mut buf, mut at) = (m.abs() as u64, [0u8; 16], 16);
            let mut written = 0;
            while n > 0 || written <= k {
                if written == k && k > 0 {
                    at -= 1;
                    buf[at] = b'.';
                }
                at -= 1;
                buf[at] = b'0' + (n % 10) as u8;
                n /= 10;
                written += 1;
            }
            let mut out = String::with_capacity(17 - at);
            if m < 0.0 {
                out.push('-');
            }
            out.extend(buf[at..].iter().map(|&b| b as char));
            return Some(out);
        }
        scale *= 10.0;
    }
    None
}

/// A finite decimal number, or `None`: at most 32 characters of digits, sign, point and
/// exponent (so no `NaN`, `inf`, hex, spaces or empty string).
pub fn parse(s: &str) -> Option<f64> {
    let ok = !s.is_empty()
        && s.len() <= 32
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    if !ok {
        return None;
    }
    imp::parse(s).filter(|x| x.is_finite())
}

/// A number typed by a person in a form field: surrounding spaces ignored, a decimal comma
/// accepted ("2,5", as French visitors write it). The one parser for every field.
pub fn parse_typed(s: &str) -> Option<f64> {
    parse(&s.trim().replace(',', "."))
}

/// `x` rounded to one decimal, as text: SVG coordinates and lengths.
pub fn coord(x: f64) -> String {
    text((x * 10.0).round() / 10.0)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn text(x: f64) -> String {
        js_sys::Number::from(x)
            .to_string_with_radix(10)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn parse(s: &str) -> Option<f64> {
        // Unary `+` on a string is `Number(s)`: "1.", ".5" and "+1e3" read as in Rust's
        // `FromStr`; what Rust refuses ("1e", "1.2.3", "+-1") is NaN, which the caller drops.
        Some(wasm_bindgen::JsValue::from_str(s).unchecked_into_f64())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn text(x: f64) -> String {
        format!("{x}")
    }

    pub fn parse(s: &str) -> Option<f64> {
        s.parse::<f64>().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_short_and_reads_back() {
        assert_eq!(text(20_000.0), "20000");
        assert_eq!(text(2.5), "2.5");
        assert_eq!(text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(text(f64::NAN), "0");
        assert_eq!(parse(&text(5.0 / 3.0)), Some(5.0 / 3.0));
    }

    #[test]
    fn parse_takes_decimals_and_refuses_the_rest() {
        assert_eq!(parse("12"), Some(12.0));
        assert_eq!(parse("-1.5"), Some(-1.5));
        assert_eq!(parse("1e3"), Some(1000.0));
        assert_eq!(parse(".5"), Some(0.5));
        for bad in [
            "", "-", ".", "e5", "1e", "NaN", "inf", "0x10", " 1", "1,5", "1e999",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse(&"1".repeat(33)), None);
    }

    #[test]
    fn few_decimals_are_written_here_as_javascript_writes_them() {
        for (x, t) in [
            (0.0, "0"),
            (7.0, "7"),
            (-3.0, "-3"),
            (0.05, "0.05"),
            (-0.5, "-0.5"),
            (65.7, "65.7"),
            (1234.567, "1234.567"),
            (999_999_999.0, "999999999"),
        ] {
            assert_eq!(few_decimals(x).as_deref(), Some(t));
        }
        // Left to JavaScript (natively, to Rust's Display, which writes the same).
        for x in [0.1 + 0.2, 1.0 / 3.0, 0.0001, 1e9, 1e21, 12.3456] {
            assert_eq!(few_decimals(x), None, "{x}");
        }
    }

    proptest::proptest! {
        /// The text written here is the shortest that reads back, as JavaScript's and Rust's.
        #[test]
        fn text_is_what_display_writes(m in -2_000_000_000i64..2_000_000_000, k in 0u32..5, y in proptest::num::f64::NORMAL) {
            for x in [m as f64 / 10f64.powi(k as i32), y, y.fract() * 1000.0] {
                proptest::prop_assert_eq!(text(x), format!("{}", x + 0.0));
            }
        }
    }

    #[test]
    fn coord_keeps_one_decimal() {
        assert_eq!(coord(12.345), "12.3");
        assert_eq!(coord(150.0), "150");
        assert_eq!(coord(-0.04), "0");
        assert_eq!(coord(-2.36), "-2.4");
    }
}
