//! The page's half: starts the worker, sends it the files, reads (and checks) its messages;
//! and the file-system entry API walk for dropped folders.
use std::cell::RefCell;

use js_sys::{Array, Float64Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{get, BATCH};
use crate::usage::message;
use crate::usage::summary::{Summary, MAX_LISTED, MAX_LISTED_HITS};

/// A message from the worker, as the page reads it.
pub enum FromWorker {
    Ready,
    Progress {
        bytes: f64,
        total: f64,
        files: f64,
    },
    /// Boxed: a summary is much larger than the other messages.
    Done(Box<Summary>),
}

/// A finite, non-negative number.
fn amount(v: JsValue) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite() && *x >= 0.0)
}

/// Reads a worker message; `None` for anything malformed (the message is not trusted: see
/// [`message::decode`]).
pub fn read_message(data: &JsValue) -> Option<FromWorker> {
    match get(data, "kind").as_string()?.as_str() {
        "ready" => Some(FromWorker::Ready),
        "progress" => Some(FromWorker::Progress {
            bytes: amount(get(data, "bytes"))?,
            total: amount(get(data, "total"))?,
            files: amount(get(data, "files"))?,
        }),
        "done" => {
            let nums = get(data, "nums").dyn_into::<Float64Array>().ok()?;
            if nums.length() as usize > MAX_NUMS {
                return None;
            }
            let texts: Array = get(data, "texts").dyn_into().ok()?;
            if texts.length() as usize > MAX_TEXTS {
                return None;
            }
            let texts: Option<Vec<String>> = texts.iter().map(|t| t.as_string()).collect();
            message::decode(&nums.to_vec(), &texts?).map(|s| FromWorker::Done(Box::new(s)))
        }
        _ => None,
    }
}

/// Bounds on the flat form's lists, checked before copying them out of JavaScript.
const MAX_NUMS: usize = 64 + message::MAX_DAYS + 8 * MAX_LISTED_HITS + 4 * MAX_LISTED;
const MAX_TEXTS: usize = message::MAX_DAYS + MAX_LISTED_HITS + 5 * MAX_LISTED;

/// The URL of the worker's loader, which the build writes into a `<meta name="ccplan-importer">`
/// of index.html (its file name is hashed). `None` where there is none (tests, old builds).
pub fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name='ccplan-importer']")
        .ok()??;
    meta.get_attribute("content").filter(|s| !s.is_empty())
}

/// The import under way: its worker and the handlers the worker calls. Kept until the next
/// import starts (one at a time, so nothing accumulates import after import); dropping it
/// terminates the worker and detaches the handlers before they are freed.
struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Starts a worker on `files` (sent once it is ready); `on_message` gets each progress and the
/// summary. Returns the worker (terminate it to cancel). The previous import, if any, is
/// ended and its handlers freed: an import leaves nothing behind but the last one's handlers.
pub fn start(
    files: Array,
    mut on_message: impl FnMut(FromWorker) + 'static,
    on_error: impl Fn() + 'static,
) -> Option<web_sys::Worker> {
    // end the previous import first (never from inside its own handlers: they only call
    // `on_message`, which does not start an import)
    drop(RUNNING.with(|r| r.borrow_mut().take()));
    let url = worker_url()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let to_worker = worker.clone();
    let mut files = Some(files);
    let on_message_js =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            match read_message(&e.data()) {
                Some(FromWorker::Ready) => {
                    // the files are sent once; the handler then lets go of them
                    let Some(files) = files.take() else { return };
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
    worker.set_onmessage(Some(on_message_js.as_ref().unchecked_ref()));
    let on_error_js = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        on_error();
    });
    worker.set_onerror(Some(on_error_js.as_ref().unchecked_ref()));
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            worker: worker.clone(),
            _on_message: on_message_js,
            _on_error: on_error_js,
        })
    });
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
