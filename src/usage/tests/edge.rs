//! Hand-made edge cases (`tests/data/usage/edge/`), checked against `ccusage` 20.0.24.
use super::*;

// ---- edge cases ----------------------------------------------------------------------------

#[test]
fn edge_days_equal_ccusage_daily() {
    let r = import(&edge_logs(), 1 << 16);
    let d = json("edge/ccusage-daily.json");
    let rows = arr(&d, "daily");
    assert_eq!(
        r.days.iter().map(|d| d.date.as_str()).collect::<Vec<_>>(),
        rows.iter()
            .map(|r| r.str("date").unwrap())
            .collect::<Vec<_>>()
    );
    for (mine, row) in r.days.iter().zip(rows) {
        assert_eq!(mine.tokens, tokens_of_row(row), "{}", mine.date);
        assert_cost(mine.cost_usd, row.num("totalCost"), 1e-9, &mine.date);
    }
    let totals = d.get("totals").unwrap();
    assert_eq!(r.tokens, tokens_of_row(totals));
    assert_cost(r.cost_usd, totals.num("totalCost"), 1e-6, "total");
    // the models ccusage lists, and the ones it could not price
    for m in &r.models {
        let unpriced = matches!(totals.get("unpricedModels"), Some(Json::Arr(a))
            if a.iter().any(|x| matches!(x, Json::Str(s) if *s == m.model)));
        assert_eq!(m.priced, !unpriced, "{}", m.model);
    }
}

#[test]
fn streamed_copies_count_once_with_the_largest() {
    let r = import(&load("edge/projects/-home-dev-edge/streamed.jsonl"), 7);
    assert_eq!(r.entries, 1);
    assert_eq!(r.tokens.output, 300);
    assert_eq!(r.duplicate_lines, 3);
}

#[test]
fn copies_across_files_count_once() {
    let files: Vec<_> = edge_logs()
        .into_iter()
        .filter(|(n, _)| n.contains("/copies-"))
        .collect();
    for order in [false, true] {
        let mut f = files.clone();
        if order {
            f.reverse();
        }
        let r = import(&f, 100);
        assert_eq!((r.entries, r.tokens.input, r.tokens.output), (1, 1000, 20));
        assert_cost(
            r.cost_usd,
            (1000.0 * 5.0 + 20.0 * 25.0) / 1e6,
            1e-12,
            "cost",
        );
    }
}

#[test]
fn subagent_lines_count() {
    let r = import(&load("edge/projects/-home-dev-edge/sess-1"), 50);
    assert_eq!((r.entries, r.tokens.input, r.tokens.output), (3, 300, 150));
    assert_eq!(
        r.models.first().map(|m| m.model.as_str()),
        Some("claude-haiku-4-5-20251001")
    );
}

#[test]
fn crlf_and_missing_final_newline() {
    let r = import(&load("edge/projects/-home-dev-edge/crlf.jsonl"), 3);
    assert_eq!((r.entries, r.tokens.input, r.skipped_lines), (2, 23, 0));
    assert_eq!(file(&r, "crlf.jsonl").status, FileStatus::Ok);
    let r = import(
        &load("edge/projects/-home-dev-edge/no-final-newline.jsonl"),
        5,
    );
    assert_eq!(
        (r.entries, r.tokens.input, r.skipped_lines, r.lines),
        (1, 13, 0, 2)
    );
}

#[test]
fn broken_lines_are_skipped_and_counted() {
    let r = import(&load("edge/projects/-home-dev-edge/broken.jsonl"), 11);
    assert_eq!((r.entries, r.tokens.input), (2, 30));
    assert_eq!(r.skipped_lines, 5); // truncated ×2, prose, lone surrogate, trailing comma
    assert_eq!(r.lines, 7); // blank lines are not lines
    let f = file(&r, "broken.jsonl");
    assert_eq!(
        (f.status, f.skipped_lines, f.usage_lines),
        (FileStatus::Damaged, 5, 2)
    );
    assert_eq!((r.files_with_skipped_lines, r.unreadable_files), (1, 0));
}

#[test]
fn binary_empty_and_unrelated_files() {
    let r = import(&edge_logs(), 4096);
    // binary bytes, but one valid line, which counts: damaged, not unreadable
    let bin = file(&r, "binary.jsonl");
    assert_eq!(bin.status, FileStatus::Damaged);
    assert_eq!(bin.usage_lines, 1);
    assert!(bin.skipped_lines > 0);
    assert_eq!(file(&r, "empty.jsonl").status, FileStatus::Empty);
    let un = file(&r, "unrelated.jsonl");
    assert_eq!(
        (un.status, un.lines, un.skipped_lines, un.usage_lines),
        (FileStatus::Ok, 6, 0, 0)
    );
    assert_eq!(file(&r, "settings.json").status, FileStatus::Unrecognised);
    assert_eq!(file(&r, "quirks.jsonl").status, FileStatus::Ok);
    // lines skipped in binary, broken, huge (no: its line fits) and quirks (no)
    assert_eq!(r.files_with_skipped_lines, 2);
    // nothing usable: empty.jsonl, settings.json
    let unreadable: Vec<&str> = r
        .files
        .iter()
        .filter(|f| f.status.unreadable())
        .map(|f| f.name.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(unreadable, ["empty.jsonl", "settings.json"]);
    assert_eq!(r.unreadable_files, 2);
    let mut imp = Importer::new();
    imp.begin_file("all-binary.jsonl");
    imp.feed(b"\x00\x01\x02\n\xff\xfe\n");
    imp.end_file();
    let only = imp.finish();
    assert_eq!(only.files[0].status, FileStatus::Binary);
    assert_eq!(
        (only.unreadable_files, only.files_with_skipped_lines),
        (1, 1)
    );
    let mut imp = Importer::new();
    imp.begin_file("nothing.jsonl");
    imp.feed(b"\n\r\n  \n");
    imp.end_file();
    assert_eq!(imp.finish().files[0].status, FileStatus::Empty);
}

#[test]
fn huge_lines_are_skipped_past_the_limit() {
    let files = load("edge/projects/-home-dev-edge/huge.jsonl");
    let r = import(&files, 1000);
    assert_eq!((r.entries, r.tokens.input, r.skipped_lines), (3, 57, 0));
    for chunk in [1000, 65_536, 70_000, usize::MAX] {
        let r = import_with(Importer::with_max_line(65_536), &files, chunk);
        assert_eq!(
            (r.entries, r.tokens.input, r.skipped_lines, r.lines),
            (2, 38, 1, 3),
            "{chunk}"
        );
        assert_eq!(file(&r, "huge.jsonl").status, FileStatus::Damaged);
    }
    // an endless line never grows the buffer past the limit
    let mut imp = Importer::with_max_line(1024);
    for _ in 0..1000 {
        imp.feed(&[b'x'; 1000]);
        assert!(imp.carry.len() <= 1024);
    }
    imp.end_file();
    assert_eq!(imp.finish().skipped_lines, 1);
}

#[test]
fn quirks_follow_ccusage() {
    let r = import(&load("edge/projects/-home-dev-edge/quirks.jsonl"), 64);
    let day = |d: &str| r.days.iter().find(|x| x.date == d);
    assert!(day("2026-04-08").is_none()); // `"usage": {` with a space: ccusage ignores it
    assert!(day("2026-04-09").is_none()); // 6 fraction digits
    assert_eq!(day("2026-04-11").map(|d| d.tokens.input), Some(10)); // offset moves it a day
    for d in [
        "2026-04-12",
        "2026-04-13",
        "2026-04-14",
        "2026-04-15",
        "2026-04-16",
        "2026-04-30",
    ] {
        assert!(day(d).is_none(), "{d}");
    }
    assert_eq!(
        day("2026-04-06").map(|d| (d.entries, d.tokens.input)),
        Some((0, 7))
    ); // <synthetic>
    assert_eq!(day("2026-04-07").map(|d| d.cost_usd), Some(1.25)); // costUSD wins
    assert_eq!(day("2026-04-19").map(|d| d.entries), Some(2)); // no requestId, other instants
    assert_eq!(day("2026-04-20").map(|d| d.entries), Some(2)); // no message.id
    assert!(day("2026-04-21").is_none()); // merged into the dearer copy of 04-22
    assert_eq!(
        day("2026-04-29").map(|d| (d.entries, d.tokens.output)),
        Some((2, 3))
    );
    assert!(r
        .models
        .iter()
        .all(|m| m.model != "<synthetic>" && !m.model.is_empty()));
    assert!(
        !r.models
            .iter()
            .find(|m| m.model == "gpt-unknown")
            .unwrap()
            .priced
    );
}
