//! Native import throughput over a log tree on disk, read in 4 MiB slices, and what it found
//! (totals, busiest block and 7 days, limit hits):
//! `cargo run --profile worker --example import_dir -- <dir>` (e.g. the tree that
//! `scripts/bench-import.mjs` generates in /tmp/ccplan-bench-logs).
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use ccplan::usage::Importer;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: import_dir <dir>");
        return;
    };
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let t0 = Instant::now();
    let mut imp = Importer::new();
    let mut buf = vec![0u8; 4 << 20];
    for p in &files {
        imp.begin_file(&p.to_string_lossy());
        let Ok(mut f) = std::fs::File::open(p) else {
            continue;
        };
        while let Ok(n) = f.read(&mut buf) {
            if n == 0 {
                break;
            }
            imp.feed(buf.get(..n).unwrap_or_default());
        }
        imp.end_file();
    }
    let bytes = imp.bytes_seen();
    let r = imp.finish();
    let s = t0.elapsed().as_secs_f64();
    let t = r.tokens;
    println!(
        "{} files, {:.1} MB, {} entries, tokens {} {} {} {}, ${:.6}, {} skipped: {:.2} s, {:.1} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        r.entries,
        t.input,
        t.output,
        t.cache_creation,
        t.cache_read,
        r.cost_usd,
        r.skipped_lines,
        s,
        bytes as f64 / 1e6 / s
    );
    println!(
        "busiest 5-hour block ${:.2}, busiest 7 days ${:.2}, busiest ISO week ${:.2}",
        r.busiest_block.as_ref().map_or(0.0, |b| b.cost_usd),
        r.busiest_7_days.as_ref().map_or(0.0, |w| w.cost_usd),
        r.busiest_week.as_ref().map_or(0.0, |w| w.cost_usd)
    );
    for e in &r.limit_events {
        println!(
            "limit {:?} at {} (x{}): ${:.2}{}, resets {}{}",
            e.kind,
            ccplan::usage::iso_string(e.at_ms),
            e.copies,
            e.usd,
            if e.outside_block {
                " (outside a block)"
            } else {
                ""
            },
            e.resets_at_ms
                .map_or("?".to_owned(), ccplan::usage::iso_string),
            e.reset_text
                .as_deref()
                .map_or(String::new(), |t| format!(" \"{t}\""))
        );
    }
}
