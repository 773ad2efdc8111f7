//! Browser glue for the importer, in two halves that run in different places: `worker.rs` runs
//! in a dedicated Web Worker (its own small wasm, `src/bin/importer.rs`, fetched only when
//! someone imports) and does the reading and parsing; `page.rs` runs in the page, starts the
//! worker, sends it the files and reads its answers. The page stays responsive and its first
//! load does not carry the importer.
//!
//! Protocol (structured clone):
//! - worker → page: `{kind: "ready"}` once its wasm is running (a message posted before that
//!   would be lost: the worker's handler does not exist yet);
//! - page → worker: `Array`s of at most [`BATCH`] `File`s, then an empty `Array` (the end);
//! - worker → page: `{kind: "progress", bytes, total, files}` now and then;
//!   `{kind: "done", nums: Float64Array, texts: Array<string>}` at the end: the
//!   [`Summary`](super::summary::Summary) in the flat form of [`super::message`], which the page
//!   checks field by field before using it.
//!
//! The worker reads the files in slices of at most 2 MiB with `Blob.arrayBuffer()`, a dozen
//! reads in flight (see [`super::slices`]), so memory holds at most a dozen slices plus the
//! importer's compact state, whatever the size of the logs. Cancelling terminates the worker.
//! The page keeps the handlers of one import at a time (see `page.rs`): nothing is leaked per
//! import.
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

mod page;
mod worker;

pub use page::{dropped_entries, files_of_entries, read_message, start, worker_url, FromWorker};
pub use worker::worker_main;

/// Files per message from the page: cloning a `File` costs the page a round trip to the
/// browser (it looks up the file's size), so the worker starts reading the first batch while
/// the page is still cloning the next ones.
const BATCH: u32 = 64;

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
