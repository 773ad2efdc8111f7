//! "Your real usage": import Claude Code logs or a ccusage export, parsed in a Web Worker (see
//! `usage::browser`), summarised, replayed against each plan, and one click away from becoming
//! the calculator's inputs. Nothing is uploaded: the worker reads the files locally.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::markup::Html;
use super::result::{hundredths, plan_name, verdict_text};
use super::{format, tr};
use crate::i18n::{fill, k, Lang};
use crate::model::{replay, Inputs};
use crate::usage::browser::{self, FromWorker};
use crate::usage::summary::Summary;

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Running {
        bytes: f64,
        total: f64,
        files: f64,
        count: f64,
    },
    Done(Box<Summary>),
    Failed,
}

fn mb(l: Lang, bytes: f64) -> String {
    format::dec1(l, bytes / 1_000_000.0)
}

#[component]
pub fn Import(inputs: RwSignal<Inputs>, lang: Signal<Lang>) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let worker = StoredValue::new_local(None::<web_sys::Worker>);
    let (over, set_over) = signal(false);
    let available = browser::worker_url().is_some();

    let start = move |files: js_sys::Array| {
        if files.length() == 0 {
            return;
        }
        let count = files.length() as f64;
        if let Some(w) = worker.get_value() {
            w.terminate();
        }
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
            FromWorker::Done(summary) => {
                state.set(State::Done(summary));
                if let Some(w) = worker.get_value() {
                    w.terminate();
                }
                worker.set_value(None);
            }
        };
        let started = browser::start(files, on_message, move || state.set(State::Failed));
        if started.is_none() {
            state.set(State::Failed);
        }
        worker.set_value(started);
    };
    let cancel = move |_| {
        if let Some(w) = worker.get_value() {
            w.terminate();
        }
        worker.set_value(None);
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
            start(js_sys::Array::from(&list));
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
                start(js_sys::Array::from(&list));
            }
            return;
        }
        leptos::task::spawn_local(async move {
            start(browser::files_of_entries(entries).await);
        });
    };
    let use_numbers = move |_| {
        if let State::Done(s) = state.get_untracked() {
            inputs.update(|i| *i = s.suggested_inputs(i));
        }
    };

    let running = move || state.with(|s| matches!(s, State::Running { .. }));
    let has_data = move || state.with(|s| matches!(s, State::Done(s) if !s.is_empty()));

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
            </div>
            <div aria-live="polite" inner_html=move || state.with(|st| status(lang.get(), st, inputs))></div>
            <p class="share">
                <button type="button" data-testid="import-cancel" hidden=move || !running() on:click=cancel>
                    {tr(lang, k::IMPORT_CANCEL)}
                </button>
                <button type="button" class="primary" data-testid="use-data" hidden=move || !has_data() on:click=use_numbers>
                    {tr(lang, k::IMPORT_USE)}
                </button>
            </p>
        </section>
    }
}

/// What the import is doing: nothing yet, reading (with a progress bar), failed, or its summary.
/// The inputs are read (and so tracked) only for the summary, whose replay uses the assumptions.
fn status(l: Lang, state: &State, inputs: RwSignal<Inputs>) -> String {
    match state {
        State::Idle => String::new(),
        State::Failed => {
            let mut h = Html::new();
            h.el("p", &[("class", "warning")], l.t(k::IMPORT_FAILED));
            h.finish()
        }
        &State::Running {
            bytes,
            total,
            files,
            count,
        } => {
            let mut h = Html::new();
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
            h.finish()
        }
        State::Done(s) => inputs.with(|i| summary(l, s, i)),
    }
}

/// Whole numbers (token counts) for data attributes: exact up to 2^53.
fn count(x: f64) -> String {
    crate::num::text(x.round())
}

/// The import's summary: totals, the busiest block and week, the replay against each plan and
/// the daily chart, with the data attributes of SPEC §5 for tests.
fn summary(l: Lang, s: &Summary, inputs: &Inputs) -> String {
    let tokens = s.input_tokens + s.output_tokens + s.cache_creation_tokens + s.cache_read_tokens;
    let r = replay(s.busiest_block_usd, s.busiest_week_usd, &inputs.assumptions);
    let headline = fill(
        l.t(if r.fits {
            k::IMPORT_VERDICT
        } else {
            k::IMPORT_VERDICT_NONE
        }),
        &[("plan", plan_name(l, r.recommended))],
    );
    let mut h = Html::new();
    h.open(
        "div",
        &[
            ("data-testid", "import-summary"),
            ("data-entries", &count(s.entries)),
            ("data-input-tokens", &count(s.input_tokens)),
            ("data-output-tokens", &count(s.output_tokens)),
            (
                "data-cache-creation-tokens",
                &count(s.cache_creation_tokens),
            ),
            ("data-cache-read-tokens", &count(s.cache_read_tokens)),
            ("data-cost-usd", &hundredths(s.cost_usd)),
            ("data-skipped-lines", &count(s.skipped_lines)),
            ("data-plan", r.recommended.id()),
        ],
    )
    .open("p", &[("class", "plan-data")])
    .el("span", &[("class", "tag data")], l.t(k::TAG_DATA))
    .text(" ")
    .el("strong", &[], &headline)
    .close("p")
    .el(
        "p",
        &[],
        &fill(
            l.t(k::IMPORT_TOTALS),
            &[
                ("entries", &format::int(l, s.entries)),
                ("tokens", &format::int(l, tokens)),
                ("cost", &format::usd(l, s.cost_usd)),
                ("days", &format::int(l, s.active_days)),
                ("files", &format::int(l, s.files_read)),
            ],
        ),
    )
    .el(
        "p",
        &[],
        &fill(
            l.t(k::IMPORT_BUSIEST),
            &[
                ("block", &format::usd(l, s.busiest_block_usd)),
                ("week", &format::usd(l, s.busiest_week_usd)),
                ("opus", &format::percent(l, s.opus_cost_share)),
                ("hours", &format::dec1(l, s.hours_per_active_day)),
                ("days", &format::dec1(l, s.active_days_per_week)),
            ],
        ),
    );
    if s.skipped_lines > 0.0 || s.unreadable_files > 0.0 {
        h.el(
            "p",
            &[("class", "notice")],
            &fill(
                l.t(k::IMPORT_BAD),
                &[
                    ("lines", &format::int(l, s.skipped_lines)),
                    ("files", &format::int(l, s.unreadable_files)),
                ],
            ),
        );
    }
    if s.is_empty() {
        h.el("p", &[("class", "warning")], l.t(k::IMPORT_EMPTY));
    }
    h.open("div", &[("class", "table-scroll")])
        .open("table", &[])
        .el("caption", &[("class", "muted")], l.t(k::IMPORT_REPLAY))
        .open("thead", &[])
        .open("tr", &[]);
    for col in [
        k::IMPORT_COL_PLAN,
        k::CARD_WINDOW,
        k::CARD_WEEK,
        k::IMPORT_COL_VERDICT,
    ] {
        h.el("th", &[("scope", "col")], l.t(col));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for p in &r.plans {
        h.open(
            "tr",
            &[
                ("data-testid", &["replay-", p.plan.id()].concat()),
                ("data-fullness", &hundredths(p.fullness)),
            ],
        )
        .el("th", &[("scope", "row")], plan_name(l, p.plan))
        .el("td", &[], &format::percent(l, p.window_fullness))
        .el("td", &[], &format::percent(l, p.weekly_fullness))
        .el("td", &[], verdict_text(l, p.verdict))
        .close("tr");
    }
    h.close("tbody").close("table").close("div");
    daily_chart(&mut h, l, &s.days);
    h.close("div");
    h.finish()
}

/// API-equivalent cost per day, as bars (the last 60 active days).
fn daily_chart(h: &mut Html, l: Lang, days: &[(String, f64)]) {
    use crate::num::coord;
    let shown = &days[days.len().saturating_sub(60)..];
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return;
    };
    let max = shown.iter().map(|(_, c)| *c).fold(0.01, f64::max);
    let bar = 600.0 / shown.len() as f64;
    let summary = fill(
        l.t(k::IMPORT_CHART),
        &[
            ("days", &format::int(l, shown.len() as f64)),
            ("max", &format::usd(l, max)),
        ],
    );
    h.open(
        "svg",
        &[
            ("class", "chart"),
            ("viewBox", "0 0 600 120"),
            ("role", "img"),
            ("aria-label", &summary),
        ],
    );
    for (i, (date, cost)) in shown.iter().enumerate() {
        let bar_h = (cost / max * 100.0).max(1.0);
        h.open(
            "rect",
            &[
                ("class", "bar"),
                ("x", &coord(i as f64 * bar)),
                ("y", &coord(110.0 - bar_h)),
                ("width", &coord((bar - 1.0).max(1.0))),
                ("height", &coord(bar_h)),
            ],
        )
        .el("title", &[], &[date, ": ", &format::usd(l, *cost)].concat())
        .close("rect");
    }
    h.shape(
        "line",
        &[
            ("class", "axis"),
            ("x1", "0"),
            ("x2", "600"),
            ("y1", "110"),
            ("y2", "110"),
        ],
    )
    .el(
        "text",
        &[("x", "0"), ("y", "122"), ("font-size", "10")],
        &first.0,
    )
    .el(
        "text",
        &[
            ("x", "600"),
            ("y", "122"),
            ("font-size", "10"),
            ("text-anchor", "end"),
        ],
        &last.0,
    )
    .close("svg");
}
