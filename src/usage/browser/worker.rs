//! The worker's half: reads the files the page sends (or fetches the sample logs), slice by
//! slice, feeds the importer, answers with progress messages, then keeps the summary and answers
//! each render request with the import's report (see the protocol in `mod.rs`).
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Float64Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{get, set};
use crate::i18n::Lang;
use crate::model::Plan;
use crate::ui::report::import_view;
use crate::usage::slices::{Slice, Slicer};
use crate::usage::summary::Summary;
use crate::usage::Importer;

type Handler = Closure<dyn FnMut(web_sys::MessageEvent)>;

thread_local! {
    static HANDLER: RefCell<Option<Handler>> = const { RefCell::new(None) };
    /// The finished import, and whether it is of the sample logs.
    static DONE: RefCell<Option<(Summary, bool)>> = const { RefCell::new(None) };
}

/// Bytes read per slice (a smaller file is read whole).
const SLICE: u64 = 2 << 20;
/// Slices read ahead: memory holds at most this many slices besides the importer's state.
const AHEAD: usize = 12;
/// Bytes between progress messages.
const PROGRESS_EVERY: f64 = 16.0 * 1024.0 * 1024.0;

/// Files received from the page, waiting to be read.
#[derive(Default)]
struct Inbox {
    files: Vec<web_sys::File>,
    /// The page sent its last batch.
    ended: bool,
    /// Resolves the promise the import awaits when it has nothing left to read.
    wake: Option<js_sys::Function>,
    started: bool,
    /// Files to fetch first (the sample logs).
    urls: Vec<String>,
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
            let data = event.data();
            let (batch, sample) = if Array::is_array(&data) {
                (data.unchecked_into::<Array>(), false)
            } else {
                match get(&data, "kind").as_string().as_deref() {
                    Some("render") => {
                        render(&reply, &data);
                        return;
                    }
                    // The sample logs, fetched here: one file, then the end.
                    Some("sample") => match get(&data, "url").as_string() {
                        Some(url) => (Array::of1(&url.into()), true),
                        None => return,
                    },
                    _ => return,
                }
            };
            let start = {
                let mut i = inbox.borrow_mut();
                if batch.length() == 0 || sample {
                    i.ended = true;
                }
                i.files
                    .extend(batch.iter().filter_map(|f| f.dyn_into().ok()));
                i.urls.extend(batch.iter().filter_map(|u| u.as_string()));
                if let Some(wake) = i.wake.take() {
                    let _ = wake.call0(&JsValue::UNDEFINED);
                }
                !std::mem::replace(&mut i.started, true)
            };
            if start {
                let reply = reply.clone();
                let inbox = inbox.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    fetch_urls(&inbox).await;
                    let summary = import_files(&reply, &inbox).await;
                    DONE.with(|d| *d.borrow_mut() = Some((summary, sample)));
                    let done = Object::new();
                    set(&done, "kind", &"done".into());
                    let _ = reply.post_message(&done);
                });
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // the handler lives as long as the worker (the page terminates it when the import goes)
    HANDLER.with(|h| *h.borrow_mut() = Some(on_message));
    let ready = Object::new();
    set(&ready, "kind", &"ready".into());
    let _ = scope.post_message(&ready);
}

/// Fetches the files the page named by URL (the sample logs) into the inbox, as files named
/// after their URL. One that cannot be fetched is left out.
async fn fetch_urls(inbox: &SharedInbox) {
    let urls = std::mem::take(&mut inbox.borrow_mut().urls);
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::WorkerGlobalScope>() else {
        return;
    };
    for url in urls {
        let response = async {
            let r: web_sys::Response = JsFuture::from(scope.fetch_with_str(&url))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
            if !r.ok() {
                return None;
            }
            let blob = JsFuture::from(r.blob().ok()?).await.ok()?;
            let name = url.rsplit('/').next().unwrap_or("sample.jsonl");
            web_sys::File::new_with_blob_sequence(&Array::of1(&blob), name).ok()
        };
        if let Some(file) = response.await {
            inbox.borrow_mut().files.push(file);
        }
    }
}

/// Answers a render request `{query, lang, plan, leads}` with `{kind: "view", html, nums,
/// suggested}`: the report of the finished import for those inputs (see
/// [`crate::ui::report::import_view`]); `nums` holds the observed usage and the calibration
/// (layout in `page.rs`). Nothing before the import has finished.
fn render(scope: &web_sys::DedicatedWorkerGlobalScope, data: &JsValue) {
    let query = get(data, "query").as_string().unwrap_or_default();
    let lang = get(data, "lang")
        .as_string()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default();
    let plan = get(data, "plan")
        .as_string()
        .and_then(|p| Plan::from_id(&p));
    let leads = get(data, "leads").as_bool().unwrap_or(false);
    let view = DONE.with(|d| {
        d.borrow().as_ref().map(|(summary, sample)| {
            let (inputs, _, _) = crate::share::decode(&query);
            import_view(lang, summary, &inputs, plan, leads, *sample)
        })
    });
    let Some(view) = view else { return };
    let o = &view.observed;
    let mut nums = vec![
        o.window_usd,
        o.week_usd,
        o.monthly_usd,
        o.opus_share,
        o.hours_per_day,
        o.days_per_week,
    ];
    nums.extend(super::calibration_numbers(view.calibration.as_ref()));
    let msg = Object::new();
    set(&msg, "kind", &"view".into());
    set(&msg, "html", &view.html.into());
    set(&msg, "nums", &Float64Array::from(&nums[..]).into());
    set(&msg, "suggested", &view.suggested.into());
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
    let mut slicer = Slicer::new(SLICE);
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
                slicer.add(f.size() as u64);
                files.push(f);
            }
            i.ended
        };
        while pending.len() < AHEAD {
            let Some(s) = slicer.next() else { break };
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
