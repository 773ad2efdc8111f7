//! Browser glue for the importer, in two halves that run in different places: `worker.rs` runs
//! in a dedicated Web Worker (its own small wasm, `src/bin/importer.rs`, fetched only when
//! someone imports) and does the reading and parsing; `page.rs` runs in the page, starts the
//! worker, sends it the files and reads its answers. The page stays responsive and its first
//! load does not carry the importer.
//!
//! Protocol (structured clone):
//! - worker → page: `{kind: "ready"}` once its wasm is running (a message posted before that
//!   would be lost: the worker's handler does not exist yet);
//! - page → worker: `Array`s of at most [`BATCH`] `File`s, then an empty `Array` (the end); or
//!   `{kind: "sample", url}`: the worker fetches the sample logs itself;
//! - worker → page: `{kind: "progress", bytes, total, files}` now and then, `{kind: "done"}` at
//!   the end. The worker keeps the summary; the page's first load does not carry its report;
//! - page → worker, whenever the inputs, the language or the plan the visitor was on change:
//!   `{kind: "render", query, lang, plan, leads}` (the inputs as a link's query string);
//! - worker → page: `{kind: "view", html, nums: Float64Array, suggested}`: the import's report
//!   ([`crate::ui::report`]), the observed usage and the calibration as numbers (the page checks
//!   each), and the query string of the inputs that reproduce the import. The markup is written
//!   by the worker with the page's escaping writer, from the page's own build; the page's CSP
//!   would refuse any script in it anyway.
//!
//! The worker reads the files in slices of at most 2 MiB with `Blob.arrayBuffer()`, a dozen
//! reads in flight (see [`super::slices`]), so memory holds at most a dozen slices plus the
//! importer's compact state, whatever the size of the logs. Cancelling terminates the worker.
//! The page keeps the handlers of one import at a time (see `page.rs`): nothing is leaked per
//! import.
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::model::{Calibration, Plan};

mod page;
mod worker;

pub use page::{
    dropped_entries, files_of_entries, read_message, render, sample_url, start, stop, worker_url,
    First, FromWorker, View,
};
pub use worker::worker_main;

/// Files per message from the page: cloning a `File` costs the page a round trip to the
/// browser (it looks up the file's size), so the worker starts reading the first batch while
/// the page is still cloning the next ones.
const BATCH: u32 = 64;

/// A calibration as numbers: whether there is one, the plan's index, the window, whether there
/// is a week, the week, the lowest and highest window, the hits, the first and last hit (Unix
/// ms); zeros where there is none.
const CALIBRATION_NUMBERS: usize = 10;

fn calibration_numbers(c: Option<&Calibration>) -> [f64; CALIBRATION_NUMBERS] {
    let Some(c) = c else {
        return [0.0; CALIBRATION_NUMBERS];
    };
    let (lo, hi) = c.window_range.unwrap_or((c.window_usd, c.window_usd));
    let (first, last) = c.span_ms.unwrap_or((0.0, 0.0));
    [
        1.0,
        c.plan.index() as f64,
        c.window_usd,
        f64::from(u8::from(c.week_usd.is_some())),
        c.week_usd.unwrap_or(0.0),
        lo,
        hi,
        f64::from(c.hits),
        first,
        last,
    ]
}

/// The inverse of [`calibration_numbers`]; `None` for no calibration or nonsense (checked and
/// clamped: the numbers come from another thread's message).
fn calibration_of(n: &[f64]) -> Option<Calibration> {
    let n: &[f64; CALIBRATION_NUMBERS] = n.try_into().ok()?;
    if n[0] != 1.0 || n.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let plan = *Plan::ALL
        .get(n[1] as usize)
        .filter(|_| n[1].fract() == 0.0)?;
    Calibration {
        plan,
        window_usd: n[2],
        week_usd: (n[3] == 1.0).then_some(n[4]),
        window_range: Some((n[5], n[6])),
        hits: n[7].clamp(0.0, 1e6) as u32,
        span_ms: Some((n[8], n[9])),
    }
    .clamped()
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibrations_cross_as_numbers_and_nonsense_is_refused() {
        let c = Calibration {
            plan: Plan::Max20,
            window_usd: 120.5,
            week_usd: Some(900.0),
            window_range: Some((100.0, 140.0)),
            hits: 3,
            span_ms: Some((1.0e12, 1.1e12)),
        };
        assert_eq!(calibration_of(&calibration_numbers(Some(&c))), Some(c));
        let no_week = Calibration {
            week_usd: None,
            ..c
        };
        assert_eq!(
            calibration_of(&calibration_numbers(Some(&no_week))),
            Some(no_week)
        );
        assert_eq!(calibration_of(&calibration_numbers(None)), None);
        let mut bad = calibration_numbers(Some(&c));
        bad[1] = 7.0;
        assert_eq!(calibration_of(&bad), None, "no such plan");
        bad[1] = 1.5;
        assert_eq!(calibration_of(&bad), None);
        bad[1] = 0.0;
        bad[2] = f64::NAN;
        assert_eq!(calibration_of(&bad), None);
        assert_eq!(calibration_of(&bad[..3]), None, "short");
    }
}
