//! Limit hits: the committed week of `tests/data/usage/limits/` (every format, parallel copies,
//! decoys) against a hand computation, and hit lines never changing the totals.
use proptest::prelude::*;

use super::*;

fn ms(ts: &str) -> i64 {
    parse_timestamp(ts.as_bytes()).unwrap()
}

/// (time, kind, copies, dollars, exact reset, reset text, window start, outside a block)
type Want = (
    &'static str,
    LimitKind,
    u32,
    f64,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    bool,
);

#[test]
fn the_week_of_hits_matches_the_hand_computation() {
    use LimitKind::*;
    let r = import(&load("limits/projects"), 333);
    // Every entry is Sonnet 4.5 or Opus 4.5 output: 100,000 tokens cost $1.50 or $2.50.
    let want: [Want; 7] = [
        // block 09:00: S 1 + S 2 + O 1 + S 1 + S 1, and S 1 logged by the other session
        // between its copy and ours (12:30:40, before the copy at 12:31:10)
        (
            "2026-03-16T12:30:00Z",
            FiveHour,
            2,
            1.5 + 3.0 + 2.5 + 1.5 + 1.5 + 1.5,
            Some("2026-03-16T14:00:00Z"),
            None,
            "2026-03-16T09:00:00Z",
            false,
        ),
        // block 19:00: S 2 + S 1; "resets 11pm" has no zone: text only
        (
            "2026-03-16T20:15:00Z",
            FiveHour,
            2,
            3.0 + 1.5,
            None,
            Some("11pm"),
            "2026-03-16T19:00:00Z",
            false,
        ),
        // the block of 00:10 and 01:00 ended at 05:00: nothing in the 5 hours before 06:30
        (
            "2026-03-17T06:30:00Z",
            FiveHour,
            1,
            0.0,
            Some("2026-03-17T09:00:00Z"),
            Some("9am (UTC)"),
            "2026-03-17T01:30:00Z",
            true,
        ),
        // block 14:00: O 2 + O 1 + S 1; quotaLimits gives the exact reset; the subagent's copy
        (
            "2026-03-18T16:40:00Z",
            FiveHour,
            2,
            5.0 + 2.5 + 1.5,
            Some("2026-03-18T19:00:00Z"),
            Some("7pm (Europe/Madrid)"),
            "2026-03-18T14:00:00Z",
            false,
        ),
        // block 10:00: S 2 + S 1 + O 1
        (
            "2026-03-19T13:10:00Z",
            FiveHour,
            1,
            3.0 + 1.5 + 2.5,
            None,
            Some("5:40pm (Europe/Madrid)"),
            "2026-03-19T10:00:00Z",
            false,
        ),
        // 7 days before: all of 03-16 to 03-21 (16 + 3 + 9 + 7 + 3 + 6.5), not 03-14 17:00
        (
            "2026-03-21T18:00:00Z",
            Weekly,
            2,
            16.0 + 3.0 + 9.0 + 7.0 + 3.0 + 6.5,
            None,
            Some("Mar 23, 7pm (Europe/Moscow)"),
            "2026-03-14T18:00:00Z",
            false,
        ),
        // Opus only: 2.5 (03-16) + 5 + 2.5 (03-18) + 2.5 (03-19) + 5 (03-21) + 2.5 (03-22)
        (
            "2026-03-22T10:00:00Z",
            OpusWeekly,
            1,
            2.5 + 5.0 + 2.5 + 2.5 + 5.0 + 2.5,
            Some("2026-03-25T10:00:00Z"),
            Some("Mar 25, 10am (UTC)"),
            "2026-03-15T10:00:00Z",
            false,
        ),
    ];
    assert_eq!(r.limit_events.len(), want.len());
    for (e, w) in r.limit_events.iter().zip(&want) {
        let (at, kind, copies, usd, resets, text, start, outside) = *w;
        assert_eq!(e.at_ms, ms(at), "{at}");
        assert_eq!((e.kind, e.copies), (kind, copies), "{at}");
        assert_cost(e.usd, usd, 1e-9, at);
        assert_eq!(e.resets_at_ms, resets.map(ms), "{at}");
        assert_eq!(e.reset_text.as_deref(), text, "{at}");
        assert_eq!(
            (e.window_start_ms, e.outside_block),
            (ms(start), outside),
            "{at}"
        );
    }
    assert_eq!((r.limit_lines, r.limit_lines_dropped), (11, 0));
}

/// The two formats the week lacks (`tests/data/usage/limits-more/`): the mid-2025 Opus weekly
/// text, and a structured `seven_day` refusal whose kindless text alone would read as 5-hour.
#[test]
fn opus_weekly_text_and_structured_seven_day() {
    use LimitKind::*;
    let r = import(&load("limits-more/projects"), 97);
    let got: Vec<_> = r
        .limit_events
        .iter()
        .map(|e| {
            (
                e.at_ms,
                e.kind,
                e.copies,
                e.resets_at_ms,
                e.reset_text.clone(),
                e.window_start_ms,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                ms("2026-04-06T09:00:00Z"),
                OpusWeekly,
                1,
                None,
                Some("Apr 9, 9am".to_owned()),
                ms("2026-03-30T09:00:00Z"),
            ),
            (
                ms("2026-04-08T15:00:00Z"),
                Weekly,
                1,
                Some(ms("2026-04-13T15:00:00Z")),
                Some("Apr 13 at 3pm (UTC)".to_owned()),
                ms("2026-04-01T15:00:00Z"),
            ),
        ]
    );
    // Opus only before the first (100,000 Opus 4.5 output tokens: $2.50); everything in the 7
    // days before the second ($2.50 + 200,000 Sonnet 4.5 output tokens: $3.00).
    assert_cost(r.limit_events[0].usd, 2.5, 1e-9, "opus weekly");
    assert_cost(r.limit_events[1].usd, 5.5, 1e-9, "seven_day");
}

#[test]
fn hit_lines_leave_the_totals_as_ccusage_counts_them() {
    let r = import(&load("limits/projects"), 4096);
    let d = json("limits/ccusage-daily.json");
    let totals = d.get("totals").unwrap();
    assert_eq!(r.tokens, tokens_of_row(totals));
    assert_cost(r.cost_usd, totals.num("totalCost"), 1e-9, "total");
    let rows = arr(&d, "daily");
    assert_eq!(r.days.len(), rows.len());
    for (mine, row) in r.days.iter().zip(rows) {
        assert_eq!(mine.date, row.str("date").unwrap());
        assert_eq!(mine.tokens, tokens_of_row(row), "{}", mine.date);
    }
    // 21 entries with tokens and the model's own words about a limit (0 tokens); the hit
    // lines with a usage block are `<synthetic>` entries, not counted
    assert_eq!(r.entries, 22);
}

#[test]
fn decoys_alone_are_no_hits() {
    let decoys: Vec<(String, Vec<u8>)> = load("limits/projects")
        .into_iter()
        .map(|(name, bytes)| {
            let kept: Vec<&[u8]> = bytes
                .split(|&c| c == b'\n')
                .filter(|l| {
                    let hit = |s: &str| l.windows(s.len()).any(|w| w == s.as_bytes());
                    !(hit("\"isApiErrorMessage\":true") && hit("\"type\":\"assistant\""))
                        || hit("API Error")
                        || hit("allowed_warning")
                })
                .collect();
            (name, kept.join(&b'\n'))
        })
        .collect();
    let r = import(&decoys, 64);
    assert!(r.limit_events.is_empty(), "{:?}", r.limit_events);
    assert_eq!(r.limit_lines, 0);
}

#[test]
fn hits_beyond_the_cap_are_counted_not_kept() {
    let mut imp = Importer::new();
    let line = "{\"type\":\"assistant\",\"isApiErrorMessage\":true,\"timestamp\":\"2026-03-16T12:30:00.000Z\",\
        \"message\":{\"content\":[{\"type\":\"text\",\"text\":\"5-hour limit reached \u{2219} resets 5am\"}]}}\n";
    for _ in 0..crate::usage::limits::MAX_HITS + 10 {
        imp.feed(line.as_bytes());
    }
    imp.feed(b"{\"type\":\"assistant\",\"isApiErrorMessage\":true,\"message\":{\"content\":[{\"text\":\"You've hit your limit\"}]}}\n");
    imp.end_file();
    let r = imp.finish();
    assert_eq!(imp.hits.len(), crate::usage::limits::MAX_HITS);
    assert_eq!(
        (r.limit_lines, r.limit_lines_dropped),
        (crate::usage::limits::MAX_HITS as u64 + 11, 11)
    );
    assert_eq!(r.limit_events.len(), 1);
}

/// A hit line in one of the formats, at `ms`.
fn hit_line(form: u8, ms: i64, with_usage: bool) -> String {
    let ts = iso_string(ms);
    let secs = ms / 1000 + 3600;
    let text = match form % 6 {
        0 => format!("Claude AI usage limit reached|{secs}"),
        1 => "5-hour limit reached \u{2219} resets 5am".to_owned(),
        2 => "Weekly limit reached \u{b7} resets Dec 2, 7pm (Europe/Moscow)".to_owned(),
        3 => "You've hit your session limit \u{b7} resets 5:40pm (UTC)".to_owned(),
        4 => "You've hit your limit \u{b7} resets Sep 17 at 10pm (Europe/Lisbon)".to_owned(),
        _ => "Opus weekly limit reached \u{2219} resets 9am".to_owned(),
    };
    let usage = if with_usage {
        ",\"usage\":{\"input_tokens\":0,\"output_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}"
    } else {
        ""
    };
    let quota = if form % 2 == 1 {
        format!(",\"quotaLimits\":{{\"status\":\"rejected\",\"resetsAt\":{secs},\"rateLimitType\":\"seven_day\"}}")
    } else {
        String::new()
    };
    format!(
        "{{\"type\":\"assistant\",\"isApiErrorMessage\":true,\"error\":\"rate_limit\",\"apiErrorStatus\":429,\
         \"sessionId\":\"s{form}\",\"timestamp\":\"{ts}\"{quota},\"message\":{{\"id\":\"msg_h{ms}\",\
         \"model\":\"<synthetic>\",\"role\":\"assistant\",\"content\":[{{\"type\":\"text\",\"text\":\"{text}\"}}]{usage}}}}}"
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Hit lines in any format, anywhere, never change the entries, tokens or cost, which stay
    /// those `ccusage` reports for the tree.
    #[test]
    fn hit_lines_never_change_the_totals(
        hits in proptest::collection::vec((any::<u8>(), 0i64..20 * 86_400_000, any::<bool>(), any::<u16>(), any::<u16>()), 1..30),
        chunk in 1usize..5000,
    ) {
        let mut files = tree();
        let start = ms("2026-10-01T00:00:00Z");
        for &(form, offset, with_usage, file, at) in &hits {
            let n = files.len();
            let (_, bytes) = &mut files[file as usize % n];
            let ends: Vec<usize> = bytes.iter().enumerate().filter(|(_, &c)| c == b'\n').map(|(i, _)| i + 1).collect();
            let pos = ends.get(at as usize % ends.len().max(1)).copied().unwrap_or(0);
            let line = hit_line(form, start + offset, with_usage) + "\n";
            bytes.splice(pos..pos, line.into_bytes());
        }
        let r = import(&files, chunk);
        let d = json("ccusage-daily.json");
        let totals = d.get("totals").unwrap();
        prop_assert_eq!(r.tokens, tokens_of_row(totals));
        prop_assert!((r.cost_usd - totals.num("totalCost")).abs() < 0.01);
        prop_assert_eq!(r.entries, json("expected.json").uint("entries"));
        prop_assert_eq!(r.limit_lines, hits.len() as u64);
        let copies: u32 = r.limit_events.iter().map(|e| e.copies).sum();
        prop_assert_eq!(copies as usize, hits.len());
    }
}
