//! Tests of the model: the article's ranges, the worked examples of `docs/model.md`, designed
//! scenarios with hand-computed numbers, and properties (monotonicity, ordering, robustness, the
//! calculator and the replay of imported usage agreeing).
//!
//! Hand computations use the defaults: a prompt costs `35 / (200 × 0.25^η)` dollars ($0.175
//! light, $0.70 heavy), and an hour of Sonnet 4 holds `6 × 2^(0.5 − η)` prompts (8.485 light,
//! 4.243 heavy).
//!
//! By topic: `article` (the article's figures, translation keys), `examples` (docs/model.md's
//! worked examples), `scenarios` and `choices` (designed cases), `observed` (imported usage and
//! calibration), `properties` (proptest).
mod article;
mod choices;
mod examples;
mod observed;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
mod scenarios;

pub(crate) use article::every_reason_and_alternative;

use super::*;

pub(super) const EPS: f64 = 1e-9;

pub(super) fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[track_caller]
pub(super) fn assert_close(a: f64, b: f64, tol: f64) {
    assert!(close(a, b, tol), "{a} != {b} (± {tol})");
}

/// The defaults with a few changes.
pub(super) fn inputs(f: impl FnOnce(&mut Inputs)) -> Inputs {
    let mut i = Inputs::default();
    f(&mut i);
    i
}

pub(super) fn pe(e: &Evaluation, p: Plan) -> &PlanEval {
    e.plan(p)
}
