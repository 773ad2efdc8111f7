//! One full `evaluate` (demand, three plans, recommendation, reasons and alternatives).
//! Budget (docs/budgets.md): under 5 µs natively. Run: `cargo bench --bench model`.
use ccplan::model::{evaluate, Inputs, ModelChoice};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let default = Inputs::default();
    // A heavier case that searches every alternative: Opus mix, auto-accept, chat, extra usage.
    let heavy = Inputs {
        loc: 300_000.0,
        model: ModelChoice::Mix,
        opus_pct: 60.0,
        instances: 4,
        hours: 7.5,
        days: 6,
        pace: 9.0,
        auto_accept: true,
        chat: 40,
        extra_usage: true,
        ..Inputs::default()
    };
    c.bench_function("evaluate/default", |b| {
        b.iter(|| evaluate(black_box(&default)))
    });
    c.bench_function("evaluate/heavy", |b| b.iter(|| evaluate(black_box(&heavy))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
