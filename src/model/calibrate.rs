//! Calibration from the visitor's own limit hits (`docs/model.md`, "Calibration"): the dollars
//! a plan's window held each time it cut the visitor off, summarised by their median. The
//! other plans follow by the article's multiples; see [`super::capacity`].

use super::{Calibration, Plan};

/// The middle value (the mean of the two middle ones for an even count) and the extremes of
/// the finite, positive values; `None` if there are none.
fn summary(values: &[f64]) -> Option<(f64, f64, f64)> {
    let mut v: Vec<f64> = values
        .iter()
        .copied()
        .filter(|x| x.is_finite() && *x > 0.0)
        .collect();
    v.sort_by(f64::total_cmp);
    let (first, last) = (*v.first()?, *v.last()?);
    let mid = v.len() / 2;
    let median = if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    };
    Some((median, first, last))
}

/// A calibration for `plan` from the dollars of each five-hour hit's window (`windows`) and of
/// the 7 days before each weekly hit (`weeks`), the hits spanning `span_ms` (first, last; Unix
/// ms). `None` without a five-hour hit that spent anything: the window is what the page
/// calibrates; a weekly figure alone is not enough.
pub fn calibrate(
    plan: Plan,
    windows: &[f64],
    weeks: &[f64],
    span_ms: Option<(f64, f64)>,
) -> Option<Calibration> {
    let (window_usd, low, high) = summary(windows)?;
    let week = summary(weeks);
    let used = |v: &[f64]| v.iter().filter(|x| x.is_finite() && **x > 0.0).count();
    Calibration {
        plan,
        window_usd,
        week_usd: week.map(|w| w.0),
        window_range: Some((low, high)),
        hits: u32::try_from(used(windows) + used(weeks)).unwrap_or(u32::MAX),
        span_ms,
    }
    .clamped()
}
