//! "Your real usage": import Claude Code logs or a ccusage export (or the sample logs), read in a
//! Web Worker (see `usage::browser`), which keeps the import and writes its report
//! (`ui::report`) whenever the inputs, the language or the plan the visitor was on change. The
//! page's one answer follows the import until an input changes (see `PageState::eval`).
//! Nothing is uploaded: the worker reads the files locally.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::markup::Html;
use super::result::{hundredths, plan_name, tag};
use super::{format, tr, Imported};
use crate::i18n::{fill, k, Lang};
use crate::model::{Inputs, Plan};
use crate::usage::browser::{self, First, FromWorker, View};

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Running {
        bytes: f64,
        total: f64,
        files: f64,
        count: f64,
    },
    /// The worker holds the import and writes its report.
    Done,
    Failed,
}

fn mb(l: Lang, bytes: f64) -> String {
    format::dec1(l, bytes / 1_000_000.0)
}

/// A report from the worker: the page's import takes it (keeping when its answer started to
/// lead); with a plan chosen, the calibration of that plan's hits becomes the inputs'.
fn apply(
    view: View,
    imported: RwSignal<Option<Imported>>,
    inputs: RwSignal<Inputs>,
    current: RwSignal<Option<Plan>>,
    at: StoredValue<Option<Inputs>>,
) {
    let calibration = view.calibration;
    let leads = imported.with_untracked(|m| match m {
        Some(m) => inputs.with_untracked(|i| m.leads(i)),
        None => true,
    });
    imported.update(|m| match m {
        Some(m) => m.view = view,
        None => {
            *m = Some(Imported {
                view,
                at: at.get_value().unwrap_or_else(|| inputs.get_untracked()),
            })
        }
    });
    // The plan the visitor was on is an import control: its calibration keeps the answer on the
    // import. A calibration that came with a link (no hits counted here) stays unless replaced.
    let from_import = inputs.with_untracked(|i| i.calibration.is_none_or(|c| c.hits > 0));
    if current.get_untracked().is_some()
        && from_import
        && inputs.with_untracked(|i| i.calibration != calibration)
    {
        inputs.update(|i| i.calibration = calibration);
        if leads {
            let now = inputs.get_untracked();
            imported.update(|m| {
                if let Some(m) = m {
                    m.at = now;
                }
            });
        }
    }
}

#[component]
pub fn Import(
    inputs: RwSignal<Inputs>,
    imported: RwSignal<Option<Imported>>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let current = RwSignal::new(None::<Plan>);
    // The inputs when the import finished: its answer leads from then on.
    let at = StoredValue::new(None::<Inputs>);
    let (over, set_over) = signal(false);
    let available = browser::worker_url().is_some();

    let start = move |first: First, count: f64| {
        imported.set(None);
        state.set(State::Running {
            bytes: 0.0,
            total: 0.0,
            files: 0.0,
            count,
        });
        let on_message = move |msg: FromWorker| match msg {
            FromWorker::Ready => {}
            FromWorker::Progress {
                bytes,
                total,
                files,
            } => state.set(State::Running {
                bytes,
                total,
                files,
                count,
            }),
            FromWorker::Done => {
                at.set_value(Some(inputs.get_untracked()));
                state.set(State::Done);
            }
            FromWorker::View(view) => apply(view, imported, inputs, current, at),
        };
        if !browser::start(first, on_message, move || state.set(State::Failed)) {
            state.set(State::Failed);
        }
    };
    let start_files = move |files: js_sys::Array| {
        if files.length() > 0 {
            start(First::Files(files.clone()), f64::from(files.length()));
        }
    };
    let cancel = move |_| {
        browser::stop();
        imported.set(None);
        state.set(State::Idle);
    };
    let from_input = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            start_files(js_sys::Array::from(&list));
        }
        // Choosing the same files again must import again.
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        set_over.set(false);
        let Some(data) = ev.data_transfer() else {
            return;
        };
        let entries = browser::dropped_entries(&data);
        if entries.is_empty() {
            // No entry API: the plain file list (folders are not walked then).
            if let Some(list) = data.files() {
                start_files(js_sys::Array::from(&list));
            }
            return;
        }
        leptos::task::spawn_local(async move {
            start_files(browser::files_of_entries(entries).await);
        });
    };
    let sample = browser::sample_url();
    let has_sample = sample.is_some();
    let try_sample = move |_| {
        if let Some(url) = sample.clone() {
            start(First::Url(url), 1.0);
        }
    };
    let use_numbers = move |_| {
        let query = imported.with_untracked(|m| m.as_ref().map(|m| m.view.suggested.clone()));
        if let Some(q) = query {
            inputs.set(crate::share::decode(&q).0);
        }
    };
    let lead_again = move |_| {
        let now = inputs.get_untracked();
        imported.update(|m| {
            if let Some(m) = m {
                m.at = now;
            }
        });
    };
    let choose_plan = move |ev: web_sys::Event| {
        let value = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        let plan = Plan::from_id(&value);
        current.set(plan);
        // Not knowing the plan drops a calibration that came from these hits.
        if plan.is_none() && inputs.with_untracked(|i| i.calibration.is_some_and(|c| c.hits > 0)) {
            let leads = imported.with_untracked(|m| {
                m.as_ref()
                    .is_some_and(|m| inputs.with_untracked(|i| m.leads(i)))
            });
            inputs.update(|i| i.calibration = None);
            if leads {
                lead_again(());
            }
        }
    };

    let running = move || state.with(|s| matches!(s, State::Running { .. }));
    let done = move || state.with(|s| *s == State::Done);
    let has_view = move || imported.with(|m| m.is_some());
    // Whether the answer follows the import: a memo, so that a new report (which changes
    // `imported`) does not ask for another one.
    let leads = Memo::new(move |_| {
        imported.with(|m| match m {
            Some(m) => inputs.with(|i| m.leads(i)),
            None => done(),
        })
    });
    // The worker writes the report: ask it again whenever what the report shows changes.
    Effect::new(move |_| {
        if done() {
            let query = inputs.with(|i| crate::share::encode(i, None));
            browser::render(
                &query,
                lang.get().tag(),
                current.get().map(Plan::id),
                leads.get(),
            );
        }
    });

    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 id="import-title">{tr(lang, k::IMPORT_TITLE)}" "<span class="tag data">{tr(lang, k::TAG_DATA)}</span></h2>
            <p class="muted">{tr(lang, k::IMPORT_INTRO)}</p>
            <div
                class="drop"
                class:over=move || over.get()
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    set_over.set(true);
                }
                on:dragleave=move |_| set_over.set(false)
                on:drop=on_drop
            >
                <p>
                    <label for="import-files">{tr(lang, k::IMPORT_FILES)}</label>" "
                    <input
                        id="import-files"
                        type="file"
                        multiple
                        accept=".jsonl,.json"
                        data-testid="import-input"
                        disabled=!available
                        on:change=from_input
                    />
                </p>
                <p>
                    <label for="import-folder">{tr(lang, k::IMPORT_FOLDER)}</label>" "
                    <input id="import-folder" type="file" multiple disabled=!available prop:webkitdirectory=true on:change=from_input />
                </p>
                <p class="muted">{tr(lang, k::IMPORT_DROP)}</p>
                <p hidden=!has_sample>
                    <button type="button" data-testid="import-sample" disabled=!available on:click=try_sample>
                        {tr(lang, k::IMPORT_SAMPLE)}
                    </button>
                </p>
            </div>
            <p class="field-inline">
                <label for="current-plan">{tr(lang, k::IMPORT_CURRENT_PLAN)}</label>" "
                <select id="current-plan" data-testid="current-plan" on:change=choose_plan>
                    <option value="unknown">{tr(lang, k::IMPORT_PLAN_UNKNOWN)}</option>
                    {Plan::ALL.into_iter().map(|p| view! { <option value=p.id()>{move || plan_name(lang.get(), p)}</option> }).collect_view()}
                </select>
            </p>
            <div aria-live="polite" inner_html=move || state.with(|st| status(lang.get(), st))></div>
            <div inner_html=move || imported.with(|m| m.as_ref().map(|m| m.view.html.clone()).unwrap_or_default())></div>
            <div inner_html=move || {
                let link = imported.with(|m| m.is_none());
                inputs.with(|i| link_calibration(lang.get(), i).filter(|_| link).unwrap_or_default())
            }></div>
            <p class="share">
                <button type="button" data-testid="import-cancel" hidden=move || !running() on:click=cancel>
                    {tr(lang, k::IMPORT_CANCEL)}
                </button>
                <button type="button" class="primary" data-testid="use-data" hidden=move || !has_view() on:click=use_numbers>
                    {tr(lang, k::IMPORT_USE)}
                </button>
                <button type="button" data-testid="answer-from-data" hidden=move || !has_view() || leads.get() on:click=move |_| lead_again(())>
                    {tr(lang, k::IMPORT_LEAD_AGAIN)}
                </button>
                <button
                    type="button"
                    data-testid="calibration-forget"
                    hidden=move || !inputs.with(|i| i.calibration.is_some_and(|c| c.hits == 0))
                    on:click=move |_| inputs.update(|i| i.calibration = None)
                >
                    {tr(lang, k::IMPORT_CALIBRATION_FORGET)}
                </button>
            </p>
        </section>
    }
}

/// A calibration that came with a link (no limit hits counted in this page): said, with the test
/// hooks of the import's calibration.
fn link_calibration(l: Lang, i: &Inputs) -> Option<String> {
    let c = i.calibration.filter(|c| c.hits == 0)?;
    let usd = hundredths(c.window_usd);
    let mut h = Html::new();
    h.open(
        "div",
        &[
            ("data-testid", "calibration"),
            ("data-source", "data"),
            ("class", "calibration"),
            ("data-plan", c.plan.id()),
            ("data-window-usd", &usd),
            ("data-window-usd-min", &usd),
            ("data-window-usd-max", &usd),
        ],
    )
    .open("p", &[]);
    tag(&mut h, l, "data");
    h.text(" ")
        .text(&fill(
            l.t(k::IMPORT_CALIBRATION_LINK),
            &[
                ("plan", plan_name(l, c.plan)),
                ("usd", &format::usd(l, c.window_usd)),
            ],
        ))
        .close("p")
        .close("div");
    Some(h.finish())
}

/// What the import is doing: nothing yet, reading (with a progress bar), or failed. Its report
/// is the worker's.
fn status(l: Lang, state: &State) -> String {
    let mut h = Html::new();
    match *state {
        State::Idle | State::Done => {}
        State::Failed => {
            h.el("p", &[("class", "warning")], l.t(k::IMPORT_FAILED));
        }
        State::Running {
            bytes,
            total,
            files,
            count,
        } => {
            h.open("p", &[])
                .el(
                    "progress",
                    &[
                        ("max", &crate::num::text(total.max(1.0))),
                        ("value", &crate::num::text(bytes)),
                        ("aria-label", l.t(k::IMPORT_PROGRESS)),
                    ],
                    "",
                )
                .text(" ")
                .text(&fill(
                    l.t(k::IMPORT_READ),
                    &[
                        ("done", &mb(l, bytes)),
                        ("total", &mb(l, total)),
                        ("files", &format::int(l, files)),
                        ("count", &format::int(l, count)),
                    ],
                ))
                .close("p");
        }
    }
    h.finish()
}
