//! Import throughput of the usage importer (native), in bytes per second.
//! `cargo bench --bench usage`. The page's budget is ccusage 20's native speed (~80 MB/s).

use std::path::Path;

use ccplan::usage::Importer;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// The committed test tree, files concatenated (read in 64 KiB chunks, like the page does).
fn committed_tree() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/usage/tree");
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(b) = std::fs::read(&p) {
                files.push(b);
            }
        }
    }
    files
}

/// A larger synthetic tree shaped like real logs: user lines with tool results (long strings
/// with escapes), assistant lines with usage (a quarter streamed twice), unique ids.
fn synthetic(target: usize) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut n: u64 = 0;
    let mut seed: u64 = 0x1234_5678;
    let mut rnd = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let mut total = 0;
    while total < target {
        let mut f = String::new();
        for _ in 0..200 {
            n += 1;
            let ts = format!(
                "2026-10-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                1 + rnd(28),
                rnd(24),
                rnd(60),
                rnd(60),
                rnd(1000)
            );
            let body: String = (0..rnd(3000))
                .map(|i| if i % 61 == 0 { "\\n" } else { "a" })
                .collect();
            f.push_str(&format!(
                "{{\"parentUuid\":\"u{n}\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/p\",\
                 \"sessionId\":\"s\",\"version\":\"2.0.31\",\"type\":\"user\",\"message\":{{\"role\":\"user\",\
                 \"content\":[{{\"tool_use_id\":\"t{n}\",\"type\":\"tool_result\",\"content\":\"{body}\"}}]}},\
                 \"uuid\":\"v{n}\",\"timestamp\":\"{ts}\"}}\n"
            ));
            let model = [
                "claude-sonnet-4-5-20250929",
                "claude-opus-4-5-20251101",
                "claude-haiku-4-5-20251001",
            ][rnd(3) as usize];
            let copies = if rnd(4) == 0 { 2 } else { 1 };
            for c in 0..copies {
                f.push_str(&format!(
                    "{{\"parentUuid\":\"v{n}\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/p\",\
                     \"sessionId\":\"s\",\"version\":\"2.0.31\",\"message\":{{\"id\":\"msg_{n:020}\",\"type\":\"message\",\
                     \"role\":\"assistant\",\"model\":\"{model}\",\"content\":[{{\"type\":\"text\",\"text\":\"ok, \\\"done\\\"\"}}],\
                     \"stop_reason\":\"end_turn\",\"usage\":{{\"input_tokens\":{},\"cache_creation_input_tokens\":{},\
                     \"cache_read_input_tokens\":{},\"output_tokens\":{},\"service_tier\":\"standard\"}}}},\
                     \"requestId\":\"req_{n:020}\",\"type\":\"assistant\",\"uuid\":\"w{n}\",\"timestamp\":\"{ts}\"}}\n",
                    rnd(400),
                    rnd(20000),
                    rnd(180_000),
                    (rnd(4000) + 1) / (2 - c)
                ));
            }
        }
        total += f.len();
        files.push(f.into_bytes());
    }
    files
}

fn run(files: &[Vec<u8>]) -> u64 {
    let mut imp = Importer::new();
    for f in files {
        imp.begin_file("f.jsonl");
        for c in f.chunks(64 * 1024) {
            imp.feed(c);
        }
        imp.end_file();
    }
    imp.finish().entries
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    let tree: Vec<Vec<u8>> = committed_tree().into_iter().cycle().take(16 * 20).collect();
    g.throughput(Throughput::Bytes(tree.iter().map(|f| f.len() as u64).sum()));
    g.bench_function("committed tree x20", |b| {
        b.iter(|| black_box(run(black_box(&tree))))
    });
    let syn = synthetic(32 << 20);
    g.throughput(Throughput::Bytes(syn.iter().map(|f| f.len() as u64).sum()));
    g.bench_function("synthetic 32 MB", |b| {
        b.iter(|| black_box(run(black_box(&syn))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
