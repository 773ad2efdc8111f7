//! Chunk sizes, slices and file order never change the report.
use proptest::prelude::*;

use super::*;
use crate::usage::slices::{slices, Slice, Slicer};

// ---- chunking and order ------------------------------------------------------------------

#[test]
fn every_chunk_size_gives_the_same_report() {
    let edge = edge_logs();
    let want = import(&edge, usize::MAX);
    for size in 1..=300 {
        assert_eq!(import(&edge, size), want, "edge, chunk {size}");
    }
    // every size up to the whole file, for each small edge file
    for f in edge.iter().filter(|(_, b)| b.len() < 8000) {
        let one = std::slice::from_ref(f);
        let want = import(one, usize::MAX);
        for size in 1..=f.1.len() {
            assert_eq!(import(one, size), want, "{}, chunk {size}", f.0);
        }
    }
    let tree = tree();
    let want = import(&tree, usize::MAX);
    for size in (1..=40).chain([97, 255, 256, 1000, 4096, 65_536]) {
        assert_eq!(import(&tree, size), want, "tree, chunk {size}");
    }
}

/// Imports `files` as the worker does: slices from a [`Slicer`] of at most `max` bytes, files
/// added in batches of `batch` whenever the plan runs dry, begun on a first slice and ended on
/// a last one.
fn import_planned(files: &[(String, Vec<u8>)], max: u64, batch: usize) -> Report {
    let mut imp = Importer::new();
    let mut slicer = Slicer::new(max);
    let mut added = 0;
    loop {
        let Some(s) = slicer.next() else {
            if added == files.len() {
                break;
            }
            for (_, bytes) in files.iter().skip(added).take(batch.max(1)) {
                slicer.add(bytes.len() as u64);
                added += 1;
            }
            continue;
        };
        let (name, bytes) = &files[s.file];
        if s.first {
            imp.begin_file(name);
        }
        imp.feed(&bytes[s.start as usize..s.end as usize]);
        if s.last {
            imp.end_file();
        }
    }
    imp.finish()
}

#[test]
fn reading_by_the_plan_gives_the_same_report() {
    for files in [tree(), edge_logs()] {
        let want = import(&files, usize::MAX);
        for (max, batch) in [(1, 1), (7, 3), (64, 64), (4096, 2), (2 << 20, 64)] {
            assert_eq!(
                import_planned(&files, max, batch),
                want,
                "slices {max}, batch {batch}"
            );
        }
    }
    // the empty files are begun and ended too
    let empty = vec![
        ("a.jsonl".to_owned(), Vec::new()),
        ("b.jsonl".to_owned(), Vec::new()),
    ];
    let r = import_planned(&empty, 4, 1);
    assert_eq!(r.files.len(), 2);
    assert!(r.files.iter().all(|f| f.status == FileStatus::Empty));
}

#[test]
fn file_order_does_not_matter() {
    let mut files = tree();
    let a = import(&files, 4096);
    files.reverse();
    let b = import(&files, 4096);
    assert_eq!((a.entries, a.tokens), (b.entries, b.tokens));
    assert_cost(a.cost_usd, b.cost_usd, 1e-9, "cost");
    let key = |r: &Report| {
        r.blocks
            .iter()
            .map(|b| (b.start_ms, b.last_ms, b.tokens))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&a), key(&b));
    let days = |r: &Report| {
        r.days
            .iter()
            .map(|d| (d.day, d.tokens, d.active_hours))
            .collect::<Vec<_>>()
    };
    assert_eq!(days(&a), days(&b));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_splits_give_the_same_report(cuts in proptest::collection::vec(any::<u16>(), 0..40)) {
        let files = edge_logs();
        let want = import(&files, usize::MAX);
        let mut imp = Importer::new();
        for (name, bytes) in &files {
            imp.begin_file(name);
            let mut at: Vec<usize> = cuts.iter().map(|&c| c as usize % (bytes.len() + 1)).collect();
            at.push(0);
            at.push(bytes.len());
            at.sort_unstable();
            for w in at.windows(2) {
                imp.feed(&bytes[w[0]..w[1]]);
            }
            imp.end_file();
        }
        prop_assert_eq!(imp.finish(), want);
    }

    #[test]
    fn plan_slices_cover_each_file_once(sizes in proptest::collection::vec(0u64..50, 0..20), max in 0u64..12) {
        let slices: Vec<Slice> = slices(&sizes, max).collect();
        let mut next = (0usize, 0u64);
        for s in &slices {
            prop_assert_eq!(s.first, s.start == 0);
            prop_assert_eq!((s.file, s.start), next);
            prop_assert!(s.end >= s.start && s.end - s.start <= max.max(1));
            prop_assert!(s.end > s.start || sizes[s.file] == 0);
            prop_assert_eq!(s.last, s.end == sizes[s.file]);
            next = if s.last { (s.file + 1, 0) } else { (s.file, s.end) };
        }
        prop_assert_eq!(next, (sizes.len(), 0));
    }

    #[test]
    fn any_bytes_are_safe(bytes in proptest::collection::vec(any::<u8>(), 0..600), split in any::<usize>()) {
        let mut imp = Importer::with_max_line(64);
        for name in ["a.jsonl", "b.json"] {
            imp.begin_file(name);
            let k = split % (bytes.len() + 1);
            imp.feed(&bytes[..k]);
            imp.feed(&bytes[k..]);
            imp.end_file();
        }
        let r = imp.finish();
        prop_assert!(r.skipped_lines <= r.lines);
    }

    #[test]
    fn json_like_lines_are_safe(s in "[{}\\[\\]\",:0-9a-z\\\\ .eE+-]{0,80}") {
        let line = format!("{{\"timestamp\":\"2026-01-01T00:00:00Z\",\"message\":{{\"usage\":{{{s}");
        let mut imp = Importer::new();
        imp.feed(line.as_bytes());
        imp.end_file();
        let _ = imp.finish();
    }
}
