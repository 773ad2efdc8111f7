//! The page's half: starts the worker, sends it the files (or the sample's address), asks it for
//! the import's report, reads (and checks) its messages; and the file-system entry API walk for
//! dropped folders.
use std::cell::RefCell;

use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{calibration_of, get, set, BATCH, CALIBRATION_NUMBERS};
use crate::model::{Calibration, Observed};

/// The import's report for the page (see [`crate::ui::report::ImportView`]), checked.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub html: String,
    pub observed: Observed,
    pub calibration: Option<Calibration>,
    pub suggested: String,
}

/// A message from the worker, as the page reads it.
pub enum FromWorker {
    Ready,
    Progress {
        bytes: f64,
        total: f64,
        files: f64,
    },
    /// The import is read; the worker keeps it and answers [`render`] requests.
    Done,
    View(View),
}

/// A finite, non-negative number.
fn amount(v: JsValue) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite() && *x >= 0.0)
}

/// Longest report the page takes (a report with every list full is about 100 KB).
const MAX_HTML: usize = 2 << 20;
/// Longest query string (a link's bound).
const MAX_QUERY: usize = crate::share::MAX_QUERY_BYTES;

/// Reads a worker message; `None` for anything malformed (the message is not trusted).
pub fn read_message(data: &JsValue) -> Option<FromWorker> {
    match get(data, "kind").as_string()?.as_str() {
        "ready" => Some(FromWorker::Ready),
        "progress" => Some(FromWorker::Progress {
            bytes: amount(get(data, "bytes"))?,
            total: amount(get(data, "total"))?,
            files: amount(get(data, "files"))?,
        }),
        "done" => Some(FromWorker::Done),
        "view" => {
            let html = get(data, "html")
                .as_string()
                .filter(|h| h.len() <= MAX_HTML)?;
            let suggested = get(data, "suggested")
                .as_string()
                .filter(|q| q.len() <= MAX_QUERY)?;
            let nums = get(data, "nums").dyn_into::<Float64Array>().ok()?;
            if nums.length() as usize != 6 + CALIBRATION_NUMBERS {
                return None;
            }
            let n = nums.to_vec();
            let observed = Observed {
                window_usd: n[0],
                week_usd: n[1],
                monthly_usd: n[2],
                opus_share: n[3],
                hours_per_day: n[4],
                days_per_week: n[5],
            }
            .clamped();
            Some(FromWorker::View(View {
                html,
                observed,
                calibration: calibration_of(&n[6..]),
                suggested,
            }))
        }
        _ => None,
    }
}

/// The address of the sample logs, which the build writes into a `<meta name="ccplan-sample">`;
/// `None` where there is none.
pub fn sample_url() -> Option<String> {
    meta("ccplan-sample")
}

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&["meta[name='", name, "']"].concat())
        .ok()??;
    meta.get_attribute("content").filter(|s| !s.is_empty())
}

/// The URL of the worker's loader, which the build writes into a `<meta name="ccplan-importer">`
/// of index.html (its file name is hashed). `None` where there is none (tests, old builds).
pub fn worker_url() -> Option<String> {
    meta("ccplan-importer")
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

/// What a worker imports: files, or the logs at an address (the sample).
pub enum First {
    Files(Array),
    Url(String),
}

/// Starts a worker on `first` (sent once it is ready); `on_message` gets each progress, the end
/// and the reports. The worker lives until [`stop`] or the next import: the previous import, if
/// any, is ended and its handlers freed, so an import leaves nothing behind but the last one's.
/// `false` when no worker can be started.
pub fn start(
    first: First,
    mut on_message: impl FnMut(FromWorker) + 'static,
    on_error: impl Fn() + 'static,
) -> bool {
    // end the previous import first (never from inside its own handlers: they only call
    // `on_message`, which does not start an import)
    drop(RUNNING.with(|r| r.borrow_mut().take()));
    let Some(worker) = worker_url().and_then(|url| web_sys::Worker::new(&url).ok()) else {
        return false;
    };
    let to_worker = worker.clone();
    let mut first = Some(first);
    let on_message_js =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            match read_message(&e.data()) {
                Some(FromWorker::Ready) => match first.take() {
                    // the files are sent once; the handler then lets go of them
                    Some(First::Files(files)) => {
                        let mut at = 0;
                        while at < files.length() {
                            let _ =
                                to_worker.post_message(&files.slice(at, at.saturating_add(BATCH)));
                            at = at.saturating_add(BATCH);
                        }
                        let _ = to_worker.post_message(&Array::new());
                    }
                    Some(First::Url(url)) => {
                        let msg = Object::new();
                        set(&msg, "kind", &"sample".into());
                        set(&msg, "url", &url.into());
                        let _ = to_worker.post_message(&msg);
                    }
                    None => {}
                },
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
            worker,
            _on_message: on_message_js,
            _on_error: on_error_js,
        })
    });
    true
}

/// Ends the import: terminates its worker and frees its handlers.
pub fn stop() {
    drop(RUNNING.with(|r| r.borrow_mut().take()));
}

/// Asks the worker for the import's report with these inputs (a link's query string), language,
/// plan the visitor was on (`None`: unknown), and whether the page's answer follows the import.
/// Nothing happens without a worker.
pub fn render(query: &str, lang: &str, plan: Option<&str>, leads: bool) {
    RUNNING.with(|r| {
        if let Some(run) = r.borrow().as_ref() {
            let msg = Object::new();
            set(&msg, "kind", &"render".into());
            set(&msg, "query", &query.into());
            set(&msg, "lang", &lang.into());
            set(&msg, "plan", &plan.unwrap_or("unknown").into());
            set(&msg, "leads", &leads.into());
            let _ = run.worker.post_message(&msg);
        }
    });
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
