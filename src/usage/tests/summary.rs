//! The summary the page receives, built from real imports, and its flat form.
use super::*;
use crate::usage::summary::Summary;

fn line(ts: &str, id: &str, model: &str, output: u64) -> String {
    format!(
        "{{\"type\":\"assistant\",\"timestamp\":\"{ts}\",\"requestId\":\"r{id}\",\"message\":{{\"id\":\"m{id}\",\
         \"model\":\"{model}\",\"usage\":{{\"input_tokens\":0,\"output_tokens\":{output}}}}}}}\n"
    )
}

#[test]
fn the_busiest_week_is_any_seven_days_not_a_calendar_week() {
    // $15 on Sunday 2026-03-15 (ISO week 11), $15 on Monday 03-16 (week 12), $3 on 03-10
    let s = "claude-sonnet-4-5-20250929";
    let text = [
        line("2026-03-10T12:00:00Z", "a", s, 200_000),
        line("2026-03-15T20:00:00Z", "b", s, 1_000_000),
        line("2026-03-16T08:00:00Z", "c", s, 1_000_000),
    ]
    .concat();
    let r = import(&[("w.jsonl".to_owned(), text.into_bytes())], 50);
    let week = |label: &str| r.weeks.iter().find(|w| w.label == label).unwrap().cost_usd;
    // 1 M output tokens of Sonnet 4.5: 200k at $15/M and 800k at $22.50/M
    let big = 0.2 * 15.0 + 0.8 * 22.5;
    assert_cost(week("2026-W11"), 3.0 + big, 1e-9, "week 11");
    assert_cost(week("2026-W12"), big, 1e-9, "week 12");
    let b7 = r.busiest_7_days.clone().unwrap();
    assert_cost(b7.cost_usd, 3.0 + 2.0 * big, 1e-9, "7 days");
    assert_eq!(b7.end_ms, parse_timestamp(b"2026-03-16T08:00:00Z").unwrap());
    assert_eq!(b7.end_ms - b7.start_ms, 7 * 86_400_000);
    let sum = Summary::from_report(&r);
    assert_cost(sum.busiest_week_usd, 3.0 + 2.0 * big, 1e-9, "summary");
    // and the window ends where it should: not 1 ms later
    let text = [
        line("2026-03-09T08:00:00Z", "a", s, 100_000),
        line("2026-03-16T08:00:00Z", "b", s, 100_000),
    ]
    .concat();
    let r = import(&[("w.jsonl".to_owned(), text.into_bytes())], 50);
    assert_cost(
        r.busiest_7_days.unwrap().cost_usd,
        1.5,
        1e-12,
        "exactly 7 days apart",
    );
}

#[test]
fn busiest_seven_days_equal_a_brute_force_over_the_tree() {
    let mut imp = Importer::new();
    for (name, bytes) in tree() {
        imp.begin_file(&name);
        imp.feed(&bytes);
        imp.end_file();
    }
    let r = imp.finish();
    let week = 7 * 86_400_000;
    // every window (t - 7 days, t] ending at an entry, summed the slow way
    let brute = imp
        .entries
        .iter()
        .map(|end| {
            imp.entries
                .iter()
                .filter(|e| e.ms > end.ms - week && e.ms <= end.ms)
                .map(|e| e.cost)
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    let best = r.busiest_7_days.clone().unwrap();
    assert_cost(best.cost_usd, brute, 1e-9, "busiest 7 days");
    assert!(best.cost_usd + 1e-9 >= r.busiest_week.clone().unwrap().cost_usd);
}

#[test]
fn the_summary_tells_hits_unpriced_models_refusals_and_unreadable_files() {
    let mut files = load("limits/projects");
    files.extend(load("edge/projects"));
    files.extend(load("edge/exports/impossible-daily.json"));
    let r = import(&files, 4096);
    let s = Summary::from_report(&r);
    assert_eq!(
        (s.five_hour_hits, s.weekly_hits, s.opus_weekly_hits),
        (5.0, 1.0, 1.0)
    );
    assert_eq!(s.limit_hits.len(), 7);
    let h = &s.limit_hits[0];
    assert_eq!(
        (h.kind, h.resets_at_ms, h.usd, h.outside_block),
        (
            LimitKind::FiveHour,
            Some(parse_timestamp(b"2026-03-16T14:00:00Z").unwrap() as f64),
            11.5,
            false
        )
    );
    // the quirks' unpriced models, each with its entries and tokens
    let unpriced: Vec<(&str, f64, f64)> = s
        .unpriced
        .iter()
        .map(|m| (m.model.as_str(), m.entries, m.tokens))
        .collect();
    assert_eq!(
        unpriced,
        [
            ("claude-haiku-3-20240307", 1.0, 2e6),
            ("gpt-unknown", 1.0, 2000.0)
        ]
    );
    assert_eq!(s.unpriced_models, 2.0);
    assert_eq!((s.refused_rows, s.refused.len()), (11.0, 11));
    assert_eq!(
        (s.refused[0].row, s.refused[0].field.as_str()),
        (2.0, "inputTokens")
    );
    assert_eq!(s.unreadable_files, 2.0);
    assert_eq!(
        s.unreadable.iter().map(|u| u.status).collect::<Vec<_>>(),
        [FileStatus::Empty, FileStatus::Unrecognised]
    );
    assert_eq!(
        (s.skipped_lines, s.files_with_skipped_lines),
        (r.skipped_lines as f64, 2.0)
    );
    assert_eq!(s.first_ms, r.first_ms.map(|m| m as f64));
}

#[test]
fn long_names_are_cut_to_their_end() {
    let long = format!("{}/session.jsonl", "d".repeat(400));
    let mut imp = Importer::new();
    imp.begin_file(&long);
    imp.end_file();
    let s = Summary::from_report(&imp.finish());
    let name = &s.unreadable[0].name;
    assert_eq!(name.chars().count(), crate::usage::summary::MAX_TEXT);
    assert!(name.starts_with('\u{2026}') && name.ends_with("/session.jsonl"));
}
