//! The value of a JSON number, without `std`'s correctly rounded conversion (which costs about
//! 15 KB of wasm): within a few units in the last place, ample for dollars.

/// Mantissa digits kept (a `u64` holds any 19 decimal digits); later digits only move the
/// exponent.
const MANTISSA_DIGITS: u32 = 19;
/// Exponents are clamped here: beyond it every `f64` is 0 or infinite anyway.
const EXPONENT_CLAMP: i64 = 400;
/// An exponent digit string stops growing here (no overflow on absurd inputs).
const EXPONENT_DIGITS_CAP: i64 = 100_000;
/// Scaling by 10^e is split in two steps beyond this, so that 10^e itself never overflows or
/// underflows.
const SPLIT_SCALE: i32 = 300;

/// The value of a JSON number's text (validated beforehand; `None` if it is not a number).
/// Very long mantissas keep their first 19 digits.
pub fn parse_f64(text: &[u8]) -> Option<f64> {
    let (neg, t) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut digits = 0;
    let mut seen = false;
    let mut frac = false;
    let mut i = 0;
    while let Some(&c) = t.get(i) {
        match c {
            b'0'..=b'9' => {
                seen = true;
                if digits < MANTISSA_DIGITS {
                    mant = mant * 10 + u64::from(c - b'0');
                    if mant > 0 {
                        digits += 1;
                    }
                    if frac {
                        exp -= 1;
                    }
                } else if !frac {
                    exp += 1;
                }
            }
            b'.' => frac = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if let Some(e) = t.get(i + 1..) {
        let (eneg, e) = match e.split_first() {
            Some((b'-', r)) => (true, r),
            Some((b'+', r)) => (false, r),
            _ => (false, e),
        };
        let mut ev: i64 = 0;
        for &c in e {
            if !c.is_ascii_digit() {
                return None;
            }
            ev = (ev * 10 + i64::from(c - b'0')).min(EXPONENT_DIGITS_CAP);
        }
        exp += if eneg { -ev } else { ev };
    }
    let exp = exp.clamp(-EXPONENT_CLAMP, EXPONENT_CLAMP) as i32;
    let mut v = mant as f64;
    let big = 10f64.powi(SPLIT_SCALE);
    if exp < -SPLIT_SCALE {
        v /= big;
        v *= 10f64.powi(exp + SPLIT_SCALE);
    } else if exp > SPLIT_SCALE {
        v *= big;
        v *= 10f64.powi(exp - SPLIT_SCALE);
    } else if exp < 0 {
        v /= 10f64.powi(-exp);
    } else {
        v *= 10f64.powi(exp);
    }
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    #[test]
    fn numbers() {
        let close = |t: &str, want: f64| {
            let v = parse_f64(t.as_bytes()).unwrap();
            assert!((v - want).abs() <= want.abs() * 1e-15, "{t}: {v} vs {want}");
        };
        for (t, v) in [
            ("0", 0.0),
            ("-0.5", -0.5),
            ("1.25e2", 125.0),
            ("3.000000000000000000001", 3.0),
            ("12345678901234567890123", 1.2345678901234568e22),
            ("1e308", 1e308),
            ("2.5E-3", 0.0025),
            ("0.000001", 1e-6),
        ] {
            close(t, v);
        }
        assert_eq!(parse_f64(b"1e999"), Some(f64::INFINITY));
        assert_eq!(parse_f64(b"1e-999"), Some(0.0));
        assert_eq!(parse_f64(b"1e99999999999999999999"), Some(f64::INFINITY));
        assert_eq!(parse_f64(b""), None);
        assert_eq!(parse_f64(b"-"), None);
        assert_eq!(parse_f64(b"1x"), None);
        assert_eq!(parse_f64(b"1e+x"), None);
    }
}
