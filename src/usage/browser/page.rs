//! The page's half: starts the worker, sends it the files, reads (and checks) its messages;
//! and the file-system entry API walk for dropped folders.
use js_sys::{Array, Float64Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{get, BATCH};
use crate::usage::summary::Summary;

/// A message from the worker, as the page reads it.
pub enum FromWorker {
    Ready,
    Progress { bytes: f64, total: f64, files: f64 },
    Done(Summary),
}

/// Reads a worker message; `None` for anything malformed.
pub fn read_message(data: &JsValue) -> Option<FromWorker> {
    match get(data, "kind").as_string()?.as_str() {
        "ready" => Some(FromWorker::Ready),
        "progress" => Some(FromWorker::Progress {
            bytes: get(data, "bytes").as_f64()?,
            total: get(data, "total").as_f64()?,
            files: get(data, "files").as_f64()?,
        }),
        "done" => {
            let fields = get(data, "fields")
                .dyn_into::<Float64Array>()
                .ok()?
                .to_vec();
            let dates: Array = get(data, "dates").dyn_into().ok()?;
            let costs = get(data, "costs").dyn_into::<Float64Array>().ok()?.to_vec();
            let days = dates
                .iter()
                .filter_map(|d| d.as_string())
                .zip(costs)
                .collect();
            Summary::from_array(&fields, days).map(FromWorker::Done)
        }
        _ => None,
    }
}

/// The URL of the worker's loader, which the build writes into a `<meta name="ccplan-importer">`
/// of index.html (its file name is hashed). `None` where there is none (tests, old builds).
pub fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name='ccplan-importer']")
        .ok()??;
    meta.get_attribute("content").filter(|s| !s.is_empty())
}

/// Starts a worker on `files` (sent once it is ready); `on_message` gets each progress and the
/// summary. Returns the worker (terminate it to cancel).
pub fn start(
    files: Array,
    mut on_message: impl FnMut(FromWorker) + 'static,
    on_error: impl Fn() + 'static,
) -> Option<web_sys::Worker> {
    let url = worker_url()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let to_worker = worker.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            match read_message(&e.data()) {
                Some(FromWorker::Ready) => {
                    let mut at = 0;
                    while at < files.length() {
                        let _ = to_worker.post_message(&files.slice(at, at.saturating_add(BATCH)));
                        at = at.saturating_add(BATCH);
                    }
                    let _ = to_worker.post_message(&Array::new());
                }
                Some(msg) => on_message(msg),
                None => {}
            }
        });
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        on_error();
    });
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    error.forget();
    Some(worker)
}

/// The entries of a drop (`webkitGetAsEntry`), taken while the drop event runs: the browser
/// empties the `DataTransfer` once its handler returns.
pub fn dropped_entries(data: &web_sys::DataTransfer) -> Vec<JsValue> {
    let items = get(data, "items");
    let length = get(&items, "length").as_f64().unwrap_or(0.0) as u32;
    (0..length)
        .filter_map(|i| {
            let item = Reflect::get_u32(&items, i).ok()?;
            let f: js_sys::Function = get(&item, "webkitGetAsEntry").dyn_into().ok()?;
            f.call0(&item)
                .ok()
                .filter(|e| !e.is_null() && !e.is_undefined())
        })
        .collect()
}

/// Calls `obj.method(resolve, reject)` (the callback style of the file-system entry API) as a
/// promise.
async fn callback_call(obj: &JsValue, method: &str) -> Option<JsValue> {
    let f: js_sys::Function = get(obj, method).dyn_into().ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = f.call2(obj, &resolve, &reject);
    });
    JsFuture::from(promise).await.ok()
}

/// Every file under the dropped entries, folders walked depth first (e.g. `~/.claude/projects`).
/// Unreadable entries are skipped.
pub async fn files_of_entries(entries: Vec<JsValue>) -> Array {
    let out = Array::new();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        if get(&entry, "isFile").as_bool() == Some(true) {
            if let Some(file) = callback_call(&entry, "file").await {
                out.push(&file);
            }
        } else if get(&entry, "isDirectory").as_bool() == Some(true) {
            let Some(reader) = js_sys::Function::from(get(&entry, "createReader"))
                .call0(&entry)
                .ok()
            else {
                continue;
            };
            // readEntries returns the folder in batches, then an empty one.
            while let Some(batch) = callback_call(&reader, "readEntries").await {
                let batch: Array = batch.dyn_into().unwrap_or_default();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter());
            }
        }
    }
    out
}
