//! Browser glue for the importer. The parsing runs in a dedicated Web Worker (its own small wasm,
//! `src/bin/importer.rs`, fetched only when someone imports), so the page stays responsive and
//! its first load does not carry the importer.
//!
//! Protocol (structured clone):
//! - worker → page: `{kind: "ready"}` once its wasm is running (a message posted before that
//!   would be lost: the worker's handler does not exist yet);
//! - page → worker: `Array`s of at most [`BATCH`] `File`s, then an empty `Array` (the end);
//! - worker → page: `{kind: "progress", bytes, total, files}` now and then;
//!   `{kind: "done", fields: Float64Array, dates: Array<string>, costs: Float64Array}` at the end
//!   (the fields of [`Summary::to_array`]).
//!
//! The worker reads the files in slices of at most 2 MiB with `Blob.arrayBuffer()`, a dozen
//! reads in flight (see [`super::plan`]), so memory holds at most a dozen slices plus the
//! importer's compact state, whatever the size of the logs. Cancelling terminates the worker.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::plan::{Plan, Slice};
use super::summary::Summary;
use super::Importer;

/// Bytes read per slice (a smaller file is read whole).
const SLICE: u64 = 2 << 20;
/// Slices read ahead: memory holds at most this many slices besides the importer's state.
const AHEAD: usize = 12;
/// Files per message from the page: cloning a `File` costs the page a round trip to the
/// browser (it looks up the file's size), so the worker starts reading the first batch while
/// the page is still cloning the next ones.
const BATCH: u32 = 64;
/// Bytes between progress messages.
const PROGRESS_EVERY: f64 = 16.0 * 1024.0 * 1024.0;

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Files received from the page, waiting to be read.
#[derive(Default)]
struct Inbox {
    files: Vec<web_sys::File>,
    /// The page sent its last batch.
    ended: bool,
    /// Resolves the promise the import awaits when it has nothing left to read.
    wake: Option<js_sys::Function>,
    started: bool,
}

type SharedInbox = Rc<RefCell<Inbox>>;

/// Waits until the page sends more files (or the end).
async fn more(inbox: &SharedInbox) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        inbox.borrow_mut().wake = Some(resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// The worker's entry point: reads the files the page sends, answers with progress messages
/// and a summary.
pub fn worker_main() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply = scope.clone();
    let inbox = SharedInbox::default();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let batch: Array = event.data().dyn_into().unwrap_or_default();
            let start = {
                let mut i = inbox.borrow_mut();
                if batch.length() == 0 {
                    i.ended = true;
                }
                i.files
                    .extend(batch.iter().filter_map(|f| f.dyn_into().ok()));
                if let Some(wake) = i.wake.take() {
                    let _ = wake.call0(&JsValue::UNDEFINED);
                }
                !std::mem::replace(&mut i.started, true)
            };
            if start {
                let reply = reply.clone();
                let inbox = inbox.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let summary = import_files(&reply, &inbox).await;
                    post_summary(&reply, &summary);
                });
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "kind", &"ready".into());
    let _ = scope.post_message(&ready);
}

fn post_summary(scope: &web_sys::DedicatedWorkerGlobalScope, summary: &Summary) {
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
    let _ = scope.post_message(&msg);
}

/// Starts reading a slice of a file: `File.arrayBuffer()` for a whole file (most log files are
/// small), else `Blob.slice(start, end).arrayBuffer()` (a slice is a new blob, which costs the
/// browser about as much again as the read itself).
fn read(file: &web_sys::File, s: &Slice) -> Option<JsFuture> {
    if s.first && s.last {
        return Some(JsFuture::from(file.array_buffer()));
    }
    let blob = file
        .slice_with_f64_and_f64(s.start as f64, s.end as f64)
        .ok()?;
    Some(JsFuture::from(blob.array_buffer()))
}

/// Reads the files slice by slice as they arrive, [`AHEAD`] reads in flight, feeding the
/// importer in order.
async fn import_files(scope: &web_sys::DedicatedWorkerGlobalScope, inbox: &SharedInbox) -> Summary {
    let mut files: Vec<web_sys::File> = Vec::new();
    let mut total = 0.0;
    let mut importer = Importer::new();
    let mut plan = Plan::new(SLICE);
    let mut pending: VecDeque<(Slice, Option<JsFuture>)> = VecDeque::with_capacity(AHEAD);
    let mut buf: Vec<u8> = Vec::new();
    let mut failed = None;
    let mut done = 0.0;
    let mut last_report = 0.0;
    loop {
        let ended = {
            let mut i = inbox.borrow_mut();
            for f in i.files.drain(..) {
                total += f.size();
                plan.add(f.size() as u64);
                files.push(f);
            }
            i.ended
        };
        while pending.len() < AHEAD {
            let Some(s) = plan.next() else { break };
            let read = if s.start < s.end {
                files.get(s.file).and_then(|f| read(f, &s))
            } else {
                None
            };
            pending.push_back((s, read));
        }
        let Some((s, read)) = pending.pop_front() else {
            if ended {
                break;
            }
            more(inbox).await;
            continue;
        };
        if s.first {
            // Dropped folders give paths; the picker gives names. Both end in .jsonl / .json.
            let name = files.get(s.file).map(|f| {
                get(f, "webkitRelativePath")
                    .as_string()
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| f.name())
            });
            importer.begin_file(&name.unwrap_or_default());
        }
        if let Some(read) = read {
            // after a failed read the rest of that file is dropped (its lines would not join)
            let chunk = match failed {
                Some(f) if f == s.file => None,
                _ => read.await.ok(),
            };
            match chunk {
                Some(chunk) => {
                    // copied into one reused buffer (grown, never shrunk: no zeroing each time)
                    let bytes = Uint8Array::new(&chunk);
                    let n = bytes.length() as usize;
                    if buf.len() < n {
                        buf.resize(n, 0);
                    }
                    if let Some(to) = buf.get_mut(..n) {
                        bytes.copy_to(to);
                        importer.feed(to);
                    }
                }
                None => failed = Some(s.file),
            }
        }
        if s.last {
            importer.end_file();
        }
        done += (s.end - s.start) as f64;
        if done - last_report >= PROGRESS_EVERY {
            last_report = done;
            progress(scope, done, total, s.file as f64);
        }
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
