//! Calendar arithmetic and the strict RFC 3339 timestamp parser (no chrono).
//!
//! The accepted shape is the one `ccusage` 20 accepts (checked against its binary):
//! `YYYY-MM-DDTHH:MM:SS` then optionally `.fff` (exactly three digits) then `Z` or `±HH:MM`.
//! Anything else (lower-case `t`/`z`, a space, 1, 2, 4, 6 or 9 fraction digits, `+0000`,
//! no zone, day 30 of February, second 60) is rejected, and the line carries no usage.

/// Milliseconds per hour.
pub const HOUR_MS: i64 = 3_600_000;
/// Milliseconds per day.
pub const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month, day) of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` of a day number.
pub fn date_string(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` (what JavaScript's `toISOString` prints) of Unix milliseconds.
pub fn iso_string(ms: i64) -> String {
    let day = ms.div_euclid(DAY_MS);
    let rem = ms.rem_euclid(DAY_MS);
    let (h, mi, s, milli) = (
        rem / HOUR_MS,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    format!("{}T{h:02}:{mi:02}:{s:02}.{milli:03}Z", date_string(day))
}

/// ISO 8601 week of a day number: (ISO year, week 1..=53, day number of its Monday).
pub fn iso_week(day: i64) -> (i64, u32, i64) {
    let weekday = (day + 3).rem_euclid(7); // 0 = Monday; 1970-01-01 was a Thursday
    let monday = day - weekday;
    let thursday = monday + 3;
    let (year, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    (year, week as u32, monday)
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Some(v)
}

fn field(b: &[u8], from: usize, len: usize) -> Option<u32> {
    digits(b.get(from..from + len)?)
}

/// Unix milliseconds of a timestamp in the strict shape described in the module docs.
pub fn parse_timestamp(b: &[u8]) -> Option<i64> {
    if b.len() < 20
        || b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || b.get(10) != Some(&b'T')
    {
        return None;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let y = i64::from(field(b, 0, 4)?);
    let (mo, d) = (field(b, 5, 2)?, field(b, 8, 2)?);
    let (h, mi, s) = (field(b, 11, 2)?, field(b, 14, 2)?, field(b, 17, 2)?);
    if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59
    {
        return None;
    }
    let mut rest = b.get(19..)?;
    let mut milli = 0;
    if rest.first() == Some(&b'.') {
        milli = field(rest, 1, 3)?;
        rest = rest.get(4..)?;
    }
    let offset_min: i64 = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = digits(&[*h1, *h2])?;
            let om = digits(&[*m1, *m2])?;
            if oh > 23 || om > 59 {
                return None;
            }
            let v = i64::from(oh * 60 + om);
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    let day = days_from_civil(y, mo, d);
    let secs = day * 86_400 + i64::from(h * 3600 + mi * 60 + s) - offset_min * 60;
    Some(secs * 1000 + i64::from(milli))
}
