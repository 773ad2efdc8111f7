//! Claude Code 2.1's progress lines (a subagent's messages repeated in the main transcript),
//! against what `ccusage` 20.0.24 reports on the same tree (`tests/data/usage/progress/`).
use super::*;

fn progress_logs() -> Vec<(String, Vec<u8>)> {
    load("progress/projects")
}

/// The day of the one case where ccplan keeps the subagent file's final copy (250 output
/// tokens of Sonnet 4.5) and `ccusage` the progress line's early copy (1 token).
const DIFFERS: &str = "2026-03-04";

#[test]
fn progress_lines_count_as_ccusage_counts_them() {
    let r = import(&progress_logs(), 1 << 16);
    let d = json("progress/ccusage-daily.json");
    let rows = arr(&d, "daily");
    let dates: Vec<&str> = rows.iter().map(|r| r.str("date").unwrap()).collect();
    assert_eq!(
        r.days.iter().map(|d| d.date.as_str()).collect::<Vec<_>>(),
        dates
    );
    for (mine, row) in r.days.iter().zip(rows) {
        let mut want = tokens_of_row(row);
        let mut cost = row.num("totalCost");
        if mine.date == DIFFERS {
            want.output += 249;
            cost += 249.0 * 15.0 / 1e6;
        }
        assert_eq!(mine.tokens, want, "{}", mine.date);
        assert_cost(mine.cost_usd, cost, 1e-9, &mine.date);
    }
}

#[test]
fn a_subagent_file_and_its_progress_copies_count_once() {
    let with = import(&progress_logs(), 100);
    let without: Vec<_> = progress_logs()
        .into_iter()
        .filter(|(n, _)| !n.contains("/subagents/"))
        .collect();
    let without = import(&without, 100);
    let day = |r: &Report, d: &str| r.days.iter().find(|x| x.date == d).cloned().unwrap();
    // 03-02: the subagent's three calls are in both its file and the progress lines
    assert_eq!(day(&with, "2026-03-02"), day(&without, "2026-03-02"));
    assert_eq!(day(&with, "2026-03-02").entries, 5);
    // 03-03: no subagent file at all; a message repeated in two progress lines counts once
    assert_eq!(
        (
            day(&with, "2026-03-03").entries,
            day(&with, "2026-03-03").tokens.output
        ),
        (2, 58)
    );
    // 03-04: without the subagent's file only the early copy is known
    assert_eq!(day(&with, "2026-03-04").tokens.output, 250);
    assert_eq!(day(&without, "2026-03-04").tokens.output, 1);
}

#[test]
fn progress_copies_never_count_twice_whatever_the_order() {
    let mut files = progress_logs();
    let a = import(&files, 7);
    files.reverse();
    let b = import(&files, 4096);
    assert_eq!((a.entries, a.tokens), (b.entries, b.tokens));
    assert_cost(a.cost_usd, b.cost_usd, 1e-12, "cost");
}
