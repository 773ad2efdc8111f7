//! Browser glue for the importer. The parsing runs in a dedicated Web Worker (its own small wasm,
//! `src/bin/importer.rs`, fetched only when someone imports), so the page stays responsive and
//! its first load does not carry the importer.
//!
//! Protocol (structured clone):
//! - worker → page: `{kind: "ready"}` once its wasm is running (a message posted before that
//!   would be lost: the worker's handler does not exist yet);
//! - page → worker: an `Array` of `File`s;
//! - worker → page: `{kind: "progress", bytes, total, files}` now and then;
//!   `{kind: "done", fields: Float64Array, dates: Array<string>, costs: Float64Array}` at the end
//!   (the fields of [`Summary::to_array`]).
//!
//! The worker reads each file in slices with `FileReaderSync`, so memory holds one slice plus
//! the importer's compact state, whatever the size of the logs. Cancelling terminates the worker.
use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::summary::Summary;
use super::Importer;

/// Bytes read per slice.
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The worker's entry point: answers each list of files with progress messages and a summary.
pub fn worker_main() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let files: Array = event.data().dyn_into().unwrap_or_default();
            let summary = import_files(&reply, &files);
            let msg = Object::new();
            set(&msg, "kind", &"done".into());
            set(
                &msg,
                "fields",
                &Float64Array::from(&summary.to_array()[..]).into(),
            );
            let dates = Array::new();
            let costs = Float64Array::new_with_length(summary.days.len() as u32);
            for (i, (date, cost)) in summary.days.iter().enumerate() {
                dates.push(&JsValue::from_str(date));
                costs.set_index(i as u32, *cost);
            }
            set(&msg, "dates", &dates.into());
            set(&msg, "costs", &costs.into());
            let _ = reply.post_message(&msg);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "kind", &"ready".into());
    let _ = scope.post_message(&ready);
}

fn import_files(scope: &web_sys::DedicatedWorkerGlobalScope, files: &Array) -> Summary {
    let files: Vec<web_sys::File> = files.iter().filter_map(|f| f.dyn_into().ok()).collect();
    let total: f64 = files.iter().map(|f| f.size()).sum();
    let mut importer = Importer::new();
    let Ok(reader) = web_sys::FileReaderSync::new() else {
        return Summary::default();
    };
    let mut buf: Vec<u8> = Vec::new();
    let mut done = 0.0;
    let mut last_report = 0.0;
    for (n, file) in files.iter().enumerate() {
        // Dropped folders give paths; the picker gives names. Both end in .jsonl / .json.
        let path = get(file, "webkitRelativePath")
            .as_string()
            .filter(|p| !p.is_empty());
        importer.begin_file(&path.unwrap_or_else(|| file.name()));
        let size = file.size();
        let mut start = 0.0;
        while start < size {
            let end = (start + SLICE).min(size);
            let chunk = file
                .slice_with_f64_and_f64(start, end)
                .ok()
                .and_then(|blob| reader.read_as_array_buffer(&blob).ok());
            let Some(chunk) = chunk else { break };
            let bytes = Uint8Array::new(&chunk);
            buf.resize(bytes.length() as usize, 0);
            bytes.copy_to(&mut buf);
            importer.feed(&buf);
            done += end - start;
            start = end;
            if done - last_report >= SLICE * 4.0 || done >= total {
                last_report = done;
                progress(scope, done, total, n as f64);
            }
        }
        importer.end_file();
    }
    progress(scope, total, total, files.len() as f64);
    Summary::from_report(&importer.finish())
}

fn progress(scope: &web_sys::DedicatedWorkerGlobalScope, bytes: f64, total: f64, files: f64) {
    let msg = Object::new();
    set(&msg, "kind", &"progress".into());
    set(&msg, "bytes", &bytes.into());
    set(&msg, "total", &total.into());
    set(&msg, "files", &files.into());
    let _ = scope.post_message(&msg);
}

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
                    let _ = to_worker.post_message(&files);
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
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
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
