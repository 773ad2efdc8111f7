//! `ccusage` JSON exports.
use super::*;

// ---- exports ------------------------------------------------------------------------------

fn import_one(rel: &str, chunk: usize) -> Report {
    let bytes = std::fs::read(Path::new(DATA).join(rel)).unwrap();
    import(&[(rel.to_owned(), bytes)], chunk)
}

#[test]
fn ccusage_exports_are_recognised() {
    let r = import_one("edge/exports/ccusageview-daily.json", 100);
    assert_eq!(r.files[0].kind, FileKind::Export(ExportKind::Daily));
    assert_eq!(r.files[0].status, FileStatus::Ok);
    assert_eq!(r.export_rows, 3);
    let t = json("edge/exports/ccusageview-daily.json");
    let totals = t.get("totals").unwrap();
    assert_eq!(r.tokens, tokens_of_row(totals));
    assert_cost(r.cost_usd, totals.num("totalCost"), 1e-9, "cost");
    assert_eq!(r.days.len(), 3);
    assert_eq!(r.entries, 0);

    // ccusage's own exports of the tree give the tree's totals
    let logs = import(&tree(), 1 << 16);
    for rel in ["ccusage-daily.json", "ccusage-daily-all.json"] {
        let r = import_one(rel, 333);
        assert_eq!(r.files[0].kind, FileKind::Export(ExportKind::Daily));
        assert_eq!(r.tokens, logs.tokens);
        assert_cost(r.cost_usd, logs.cost_usd, 0.01, rel);
        assert_eq!(
            r.days.iter().map(|d| (d.day, d.tokens)).collect::<Vec<_>>(),
            logs.days
                .iter()
                .map(|d| (d.day, d.tokens))
                .collect::<Vec<_>>()
        );
    }
    let r = import_one("ccusage-blocks.json", 1000);
    assert_eq!(r.files[0].kind, FileKind::Export(ExportKind::Blocks));
    assert_eq!(r.tokens, logs.tokens);
    assert_eq!(
        r.blocks
            .iter()
            .map(|b| (b.start_ms, b.end_ms, b.last_ms, b.tokens))
            .collect::<Vec<_>>(),
        logs.blocks
            .iter()
            .map(|b| (b.start_ms, b.end_ms, b.last_ms, b.tokens))
            .collect::<Vec<_>>()
    );
}

#[test]
fn oversized_json_is_not_buffered() {
    let mut imp = Importer::new();
    imp.begin_file("big.json");
    let block = vec![b' '; 1 << 20];
    for _ in 0..(MAX_JSON_FILE >> 20) + 1 {
        imp.feed(&block);
    }
    imp.end_file();
    let r = imp.finish();
    assert_eq!(
        (r.files[0].status, r.unreadable_files),
        (FileStatus::TooLarge, 1)
    );
    assert_eq!(r.bytes, ((MAX_JSON_FILE >> 20) as u64 + 1) << 20);
}

#[test]
fn other_json_is_unrecognised() {
    let r = import_one("edge/exports/not-an-export.json", 7);
    assert_eq!(r.files[0].status, FileStatus::Unrecognised);
    assert_eq!(
        (r.unreadable_files, r.tokens.total(), r.skipped_lines),
        (1, 0, 0)
    );
    // JSON Lines named .json are read as a log
    let log = &load("edge/projects/-home-dev-edge/crlf.jsonl")[0].1;
    let r = import(&[("x.json".to_owned(), log.clone())], 10);
    assert_eq!(
        (r.entries, r.tokens.input, r.files[0].status),
        (2, 23, FileStatus::Ok)
    );
    for (kind, body) in [
        ("weekly", "week"),
        ("monthly", "month"),
        ("sessions", "sessionId"),
    ] {
        let text = format!(
            "{{\"{kind}\":[{{\"{body}\":\"x\",\"inputTokens\":5,\"outputTokens\":6,\
             \"cacheCreationTokens\":7,\"cacheReadTokens\":8,\"totalCost\":0.5}}]}}"
        );
        let r = import(&[("e.json".to_owned(), text.into_bytes())], 3);
        assert!(matches!(r.files[0].kind, FileKind::Export(_)), "{kind}");
        assert_eq!((r.tokens.total(), r.cost_usd, r.export_rows), (26, 0.5, 1));
    }
}

#[test]
fn export_rows_with_impossible_values_are_refused() {
    let r = import_one("edge/exports/impossible-daily.json", 97);
    // only the first row and the one with `cost` count
    assert_eq!(r.export_rows, 2);
    assert_eq!(
        r.tokens,
        Tokens {
            input: 1010,
            output: 220,
            cache_creation: 3030,
            cache_read: 40040
        }
    );
    assert_cost(r.cost_usd, 1.75, 1e-12, "cost");
    assert_eq!(
        r.days.iter().map(|d| d.date.as_str()).collect::<Vec<_>>(),
        ["2026-05-01", "2026-05-12"]
    );
    let refused: Vec<(u64, &str)> = r
        .refused_rows
        .iter()
        .map(|x| (x.row, x.field.as_str()))
        .collect();
    assert_eq!(
        refused,
        [
            (2, "inputTokens"),
            (3, "outputTokens"),
            (4, "totalCost"),
            (5, "cacheReadTokens"),
            (6, "totalCost"),
            (7, "totalCost"),
            (8, "modelBreakdowns[0].cost"),
            (9, "totalCost"),
            (10, "inputTokens"),
            (11, "inputTokens"),
            (13, "(not an object)"),
        ]
    );
    assert_eq!(r.refused_rows_count, 11);
    assert!(r
        .refused_rows
        .iter()
        .all(|x| x.file.ends_with("impossible-daily.json")));
    let f = &r.files[0];
    assert_eq!(
        (f.status, f.refused_rows, f.usage_lines),
        (FileStatus::Damaged, 11, 2)
    );
    // the refused rows' models are not listed either
    assert_eq!(
        r.models
            .iter()
            .map(|m| m.model.as_str())
            .collect::<Vec<_>>(),
        ["claude-sonnet-4-5-20250929"]
    );
}

#[test]
fn refused_rows_kept_are_bounded() {
    let rows: Vec<String> = (0..500)
        .map(|i| {
            format!(
                "{{\"date\":\"2026-05-01\",\"inputTokens\":-{},\"totalCost\":1}}",
                i + 1
            )
        })
        .collect();
    let text = format!("{{\"daily\":[{}]}}", rows.join(","));
    let r = import(&[("bad.json".to_owned(), text.into_bytes())], 1000);
    assert_eq!(r.refused_rows_count, 500);
    assert_eq!(
        r.refused_rows.len(),
        crate::usage::importer::MAX_REFUSED_KEPT
    );
    assert_eq!((r.tokens.total(), r.cost_usd), (0, 0.0));
}
