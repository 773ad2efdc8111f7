//! The page's sample logs (`assets/sample/`, written by `scripts/gen-sample-logs.py`): the hits
//! a visitor sees when trying the page without logs of their own, checked by hand.
use super::*;
use crate::usage::summary::Summary;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/sample/claude-code-sample.jsonl"
);

/// Every request of the sample has one of three shapes; their cost from the list prices
/// (USD per million: Opus 4.5 input 5, output 25, 5-minute cache write 6.25, cache read 0.50;
/// Sonnet 4.5 3, 15, 3.75, 0.30).
const H: f64 = (4.0 * 5.0 + 28_000.0 * 25.0 + 180_000.0 * 6.25 + 15_000.0 * 0.50) / 1e6;
const M: f64 = (6.0 * 5.0 + 8_000.0 * 25.0 + 60_000.0 * 6.25 + 120_000.0 * 0.50) / 1e6;
const S: f64 = (8.0 * 3.0 + 6_000.0 * 15.0 + 40_000.0 * 3.75 + 150_000.0 * 0.30) / 1e6;

fn sample() -> Report {
    let bytes = std::fs::read(SAMPLE).unwrap();
    import(&[("claude-code-sample.jsonl".to_owned(), bytes)], 64 * 1024)
}

#[test]
fn the_sample_holds_three_five_hour_hits_and_a_weekly_one() {
    use LimitKind::*;
    let r = sample();
    let got: Vec<_> = r
        .limit_events
        .iter()
        .map(|e| {
            (
                iso_string(e.at_ms),
                e.kind,
                e.copies,
                e.resets_at_ms.map(iso_string),
                e.reset_text.as_deref(),
                e.outside_block,
            )
        })
        .collect();
    let z = |s: &str| Some(s.to_owned());
    assert_eq!(
        got,
        [
            // two sessions at once, both cut off, 70 s apart: one event; the text's zone is
            // Berlin's, so the reset stays text
            (
                "2026-10-08T11:14:30.000Z".into(),
                FiveHour,
                2,
                None,
                Some("2pm (Europe/Berlin)"),
                false
            ),
            // quotaLimits gives the reset exactly
            (
                "2026-10-13T11:05:30.000Z".into(),
                FiveHour,
                1,
                z("2026-10-13T12:00:00.000Z"),
                Some("2pm (Europe/Berlin)"),
                false
            ),
            (
                "2026-10-15T11:06:30.000Z".into(),
                FiveHour,
                1,
                z("2026-10-15T12:00:00.000Z"),
                Some("2pm (Europe/Berlin)"),
                false
            ),
            (
                "2026-10-16T10:16:30.000Z".into(),
                Weekly,
                1,
                z("2026-10-19T07:00:00.000Z"),
                Some("Oct 19, 9am (Europe/Berlin)"),
                false
            ),
        ]
    );
    // what each window held when the plan said no: the block up to the hit; the 7 days before
    let usd: Vec<f64> = r.limit_events.iter().map(|e| e.usd).collect();
    let want = [
        11.0 * H + 4.0 * M + 2.0 * S,
        12.0 * H + 4.0 * M + 1.0 * S,
        12.0 * H + 3.0 * M + 2.0 * S,
        81.0 * H + 19.0 * M + 9.0 * S,
    ];
    for (got, want) in usd.iter().zip(want) {
        assert_cost(*got, want, 1e-9, "window");
    }
    // about $24 a 5-hour window and $163 a week: Max 5x as this visitor met it
    assert!(usd[..3].iter().all(|u| (23.0..25.0).contains(u)));
    assert_cost(usd[3], 163.065, 0.001, "weekly");
}

#[test]
fn the_sample_summary() {
    let r = sample();
    let s = Summary::from_report(&r);
    assert_eq!(
        (s.five_hour_hits, s.weekly_hits, s.opus_weekly_hits),
        (3.0, 1.0, 0.0)
    );
    assert_eq!(
        (s.skipped_lines, s.unreadable_files, s.refused_rows),
        (0.0, 0.0, 0.0)
    );
    assert!(s.unpriced.is_empty());
    assert_eq!(s.entries, 177.0);
    // the busiest block is one of those that hit the limit; the busiest 7 days end with the
    // weekly hit's window
    assert_cost(
        s.busiest_block_usd,
        12.0 * H + 4.0 * M + 1.0 * S,
        1e-9,
        "block",
    );
    assert!(s.busiest_week_usd >= r.limit_events[3].usd);
    assert_eq!(s.days.len(), 13);
    assert!(s.opus_cost_share > 0.9);
}
