//! "Your real usage": import Claude Code logs or a ccusage export, parsed in a Web Worker (see
//! `usage::browser`), summarised, replayed against each plan, and one click away from becoming
//! the calculator's inputs. Nothing is uploaded: the worker reads the files locally.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::markup::Html;
use super::result::{hundredths, option_name};
use super::{format, tr, Imported};
use crate::i18n::{fill, k, Lang};
use crate::model::{evaluate_observed, suggested_inputs, Inputs, Observed, WEEKS_PER_MONTH};
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
    /// The summary is in the page's `imported`.
    Done,
    Failed,
}

/// The import's usage in the model's terms. Its monthly cost is its total over the days it spans
/// (at least a week), times 52/12 weeks.
pub fn observed(s: &Summary) -> Observed {
    let span_days = match (s.first_ms, s.last_ms) {
        (Some(a), Some(b)) => ((b - a) / 86_400_000.0).ceil().max(7.0),
        _ => 7.0,
    };
    Observed {
        window_usd: s.busiest_block_usd,
        week_usd: s.busiest_week_usd,
        monthly_usd: s.cost_usd / (span_days / 7.0) * WEEKS_PER_MONTH,
        opus_share: s.opus_cost_share,
        hours_per_day: s.hours_per_active_day,
        days_per_week: s.active_days_per_week,
    }
}

fn mb(l: Lang, bytes: f64) -> String {
    format::dec1(l, bytes / 1_000_000.0)
}

#[component]
pub fn Import(
    inputs: RwSignal<Inputs>,
    imported: RwSignal<Option<Imported>>,
    lang: Signal<Lang>,
) -> impl IntoView {
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
                // The page's answer now follows the import, until an input changes.
                imported.set(Some(Imported {
                    observed: observed(&summary),
                    summary: *summary,
                    at: inputs.get_untracked(),
                }));
                state.set(State::Done);
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
        if let Some(o) = imported.with_untracked(|m| m.as_ref().map(|m| m.observed)) {
            inputs.update(|i| *i = suggested_inputs(i, &o));
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

    let running = move || state.with(|s| matches!(s, State::Running { .. }));
    let has_data = move || {
        state.with(|s| *s == State::Done)
            && imported.with(|m| m.as_ref().is_some_and(|m| !m.summary.is_empty()))
    };
    let leads = move || imported.with(|m| m.as_ref().is_some_and(|m| inputs.with(|i| m.leads(i))));

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
            <div aria-live="polite" inner_html=move || state.with(|st| status(lang.get(), st, imported, inputs))></div>
            <p class="share">
                <button type="button" data-testid="import-cancel" hidden=move || !running() on:click=cancel>
                    {tr(lang, k::IMPORT_CANCEL)}
                </button>
                <button type="button" class="primary" data-testid="use-data" hidden=move || !has_data() on:click=use_numbers>
                    {tr(lang, k::IMPORT_USE)}
                </button>
                <button type="button" data-testid="answer-from-data" hidden=move || !has_data() || leads() on:click=lead_again>
                    {tr(lang, k::IMPORT_LEAD_AGAIN)}
                </button>
            </p>
        </section>
    }
}

/// What the import is doing: nothing yet, reading (with a progress bar), failed, or its summary.
/// The inputs are read (and so tracked) only for the summary, whose answer uses the assumptions.
fn status(
    l: Lang,
    state: &State,
    imported: RwSignal<Option<Imported>>,
    inputs: RwSignal<Inputs>,
) -> String {
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
        State::Done => imported.with(|m| match m {
            Some(m) => inputs.with(|i| summary(l, m, i)),
            None => String::new(),
        }),
    }
}

/// Whole numbers (token counts) for data attributes: exact up to 2^53.
fn count(x: f64) -> String {
    crate::num::text(x.round())
}

/// The import's summary: its answer, totals, the busiest block and 7 days, what could not be
/// read, and the daily chart, with the data attributes of `docs/test-hooks.md`.
fn summary(l: Lang, m: &Imported, inputs: &Inputs) -> String {
    let s = &m.summary;
    let tokens = s.input_tokens + s.output_tokens + s.cache_creation_tokens + s.cache_read_tokens;
    // The same evaluation as the page's answer while it follows the import.
    let e = evaluate_observed(inputs, &m.observed);
    let r = &e.recommendation;
    let headline = fill(
        l.t(if r.fits || r.with_extra {
            k::IMPORT_VERDICT
        } else {
            k::IMPORT_VERDICT_NONE
        }),
        &[("plan", &option_name(l, r.plan, r.with_extra))],
    );
    let mut h = Html::new();
    h.open(
        "div",
        &[
            ("data-testid", "import-summary"),
            ("data-source", "data"),
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
            ("data-plan", r.plan.id()),
        ],
    )
    .open("p", &[("class", "plan-data")])
    .el("span", &[("class", "tag data")], l.t(k::TAG_DATA))
    .text(" ")
    .el("strong", &[], &headline)
    .text(" ")
    .text(l.t(if m.leads(inputs) {
        k::IMPORT_LEADS
    } else {
        k::IMPORT_DOES_NOT_LEAD
    }))
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
    daily_chart(&mut h, l, &s.days);
    h.close("div");
    h.finish()
}

/// API-equivalent cost per day, as bars (the last 60 active days), with its axis: the highest
/// value and zero on the left, the first and last date below. Each bar gives its day and cost
/// on hover and to screen readers.
fn daily_chart(h: &mut Html, l: Lang, days: &[(String, f64)]) {
    use crate::num::coord;
    const LEFT: f64 = 64.0;
    const WIDTH: f64 = 600.0;
    const BASE: f64 = 110.0;
    const TALL: f64 = 100.0;
    let shown = &days[days.len().saturating_sub(60)..];
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return;
    };
    let max = shown.iter().map(|(_, c)| *c).fold(0.01, f64::max);
    let bar = (WIDTH - LEFT) / shown.len() as f64;
    let title = fill(
        l.t(k::IMPORT_CHART),
        &[
            ("days", &format::int(l, shown.len() as f64)),
            ("max", &format::usd(l, max)),
        ],
    );
    h.el("h3", &[("id", "daily-title")], l.t(k::IMPORT_CHART_TITLE))
        .el("p", &[("class", "muted")], &title)
        .open(
            "svg",
            &[
                ("class", "chart"),
                ("viewBox", "0 0 600 128"),
                ("role", "group"),
                ("aria-labelledby", "daily-title"),
            ],
        );
    for (i, (date, cost)) in shown.iter().enumerate() {
        let bar_h = (cost / max * TALL).max(1.0);
        let label = [date, ": ", &format::usd(l, *cost)].concat();
        h.open("g", &[("role", "img"), ("aria-label", &label)])
            .open(
                "rect",
                &[
                    ("class", "bar"),
                    ("x", &coord(LEFT + i as f64 * bar)),
                    ("y", &coord(BASE - bar_h)),
                    ("width", &coord((bar - 1.0).max(1.0))),
                    ("height", &coord(bar_h)),
                ],
            )
            .el("title", &[], &label)
            .close("rect")
            .close("g");
    }
    let axis = |h: &mut Html, y: f64| {
        h.shape(
            "line",
            &[
                ("class", "axis"),
                ("x1", &coord(LEFT - 4.0)),
                ("x2", &coord(WIDTH)),
                ("y1", &coord(y)),
                ("y2", &coord(y)),
            ],
        );
    };
    axis(h, BASE);
    axis(h, BASE - TALL);
    h.open("g", &[("aria-hidden", "true")])
        .el(
            "text",
            &[
                ("x", &coord(LEFT - 8.0)),
                ("y", &coord(BASE - TALL + 4.0)),
                ("text-anchor", "end"),
            ],
            &format::usd(l, max),
        )
        .el(
            "text",
            &[
                ("x", &coord(LEFT - 8.0)),
                ("y", &coord(BASE + 4.0)),
                ("text-anchor", "end"),
            ],
            &format::usd(l, 0.0),
        )
        .el("text", &[("x", &coord(LEFT)), ("y", "124")], &first.0)
        .el(
            "text",
            &[("x", &coord(WIDTH)), ("y", "124"), ("text-anchor", "end")],
            &last.0,
        )
        .close("g")
        .close("svg");
}
