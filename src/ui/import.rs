//! "Your real usage": import Claude Code logs or a ccusage export, parsed in a Web Worker (see
//! `usage::browser`), summarised, replayed against each plan, and one click away from becoming
//! the calculator's inputs. Nothing is uploaded: the worker reads the files locally.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::result::{plan_name, verdict_text};
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
    Done(Summary),
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
            <div aria-live="polite">
                {move || {
                    let l = lang.get();
                    match state.get() {
                        State::Idle => ().into_any(),
                        State::Failed => view! { <p class="warning">{l.t(k::IMPORT_FAILED)}</p> }.into_any(),
                        State::Running { bytes, total, files, count } => view! {
                            <p>
                                <progress max=total.max(1.0) value=bytes aria-label=l.t(k::IMPORT_PROGRESS)></progress>
                                {fill(l.t(k::IMPORT_READ), &[
                                    ("done", &mb(l, bytes)),
                                    ("total", &mb(l, total)),
                                    ("files", &format::int(l, files)),
                                    ("count", &format::int(l, count)),
                                ])}" "
                                <button type="button" data-testid="import-cancel" on:click=cancel>{l.t(k::IMPORT_CANCEL)}</button>
                            </p>
                        }.into_any(),
                        State::Done(s) => inputs.with(|i| summary_view(l, &s, i)).into_any(),
                    }
                }}
            </div>
            <Show when=move || matches!(state.get(), State::Done(ref s) if !s.is_empty())>
                <button type="button" class="primary" data-testid="use-data" on:click=use_numbers>{tr(lang, k::IMPORT_USE)}</button>
            </Show>
        </section>
    }
}

fn summary_view(l: Lang, s: &Summary, inputs: &Inputs) -> impl IntoView {
    let tokens = s.input_tokens + s.output_tokens + s.cache_creation_tokens + s.cache_read_tokens;
    let r = replay(s.busiest_block_usd, s.busiest_week_usd, &inputs.assumptions);
    let rows = r.plans.iter().map(|p| {
        view! {
            <tr data-testid=format!("replay-{}", p.plan.id()) data-fullness=format!("{:.2}", p.fullness)>
                <th scope="row">{plan_name(l, p.plan)}</th>
                <td>{format::percent(l, p.window_fullness)}</td>
                <td>{format::percent(l, p.weekly_fullness)}</td>
                <td>{verdict_text(l, p.verdict)}</td>
            </tr>
        }
    }).collect_view();
    let headline = fill(
        l.t(if r.fits {
            k::IMPORT_VERDICT
        } else {
            k::IMPORT_VERDICT_NONE
        }),
        &[("plan", plan_name(l, r.recommended))],
    );
    view! {
        <div
            data-testid="import-summary"
            data-entries=s.entries.to_string()
            data-input-tokens=s.input_tokens.to_string()
            data-output-tokens=s.output_tokens.to_string()
            data-cache-creation-tokens=s.cache_creation_tokens.to_string()
            data-cache-read-tokens=s.cache_read_tokens.to_string()
            data-cost-usd=format!("{:.2}", s.cost_usd)
            data-skipped-lines=s.skipped_lines.to_string()
            data-plan=r.recommended.id()
        >
            <p class="plan-data"><span class="tag data">{l.t(k::TAG_DATA)}</span>" "<strong>{headline}</strong></p>
            <p>{fill(l.t(k::IMPORT_TOTALS), &[
                ("entries", &format::int(l, s.entries)),
                ("tokens", &format::int(l, tokens)),
                ("cost", &format::usd(l, s.cost_usd)),
                ("days", &format::int(l, s.active_days)),
                ("files", &format::int(l, s.files_read)),
            ])}</p>
            <p>{fill(l.t(k::IMPORT_BUSIEST), &[
                ("block", &format::usd(l, s.busiest_block_usd)),
                ("week", &format::usd(l, s.busiest_week_usd)),
                ("opus", &format::percent(l, s.opus_cost_share)),
                ("hours", &format::dec1(l, s.hours_per_active_day)),
                ("days", &format::dec1(l, s.active_days_per_week)),
            ])}</p>
            {(s.skipped_lines > 0.0 || s.bad_files > 0.0).then(|| view! {
                <p class="notice">{fill(l.t(k::IMPORT_BAD), &[
                    ("lines", &format::int(l, s.skipped_lines)),
                    ("files", &format::int(l, s.bad_files)),
                ])}</p>
            })}
            {s.is_empty().then(|| view! { <p class="warning">{l.t(k::IMPORT_EMPTY)}</p> })}
            <div class="table-scroll">
                <table>
                    <caption class="muted">{l.t(k::IMPORT_REPLAY)}</caption>
                    <thead><tr>
                        <th scope="col">{l.t(k::IMPORT_COL_PLAN)}</th>
                        <th scope="col">{l.t(k::CARD_WINDOW)}</th>
                        <th scope="col">{l.t(k::CARD_WEEK)}</th>
                        <th scope="col">{l.t(k::IMPORT_COL_VERDICT)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {daily_chart(l, &s.days)}
        </div>
    }
}

/// API-equivalent cost per day, as bars (the last 60 active days).
fn daily_chart(l: Lang, days: &[(String, f64)]) -> impl IntoView {
    let shown = &days[days.len().saturating_sub(60)..];
    if shown.is_empty() {
        return None;
    }
    let max = shown.iter().map(|(_, c)| *c).fold(0.01, f64::max);
    let bar = 600.0 / shown.len() as f64;
    let summary = fill(
        l.t(k::IMPORT_CHART),
        &[
            ("days", &format::int(l, shown.len() as f64)),
            ("max", &format::usd(l, max)),
        ],
    );
    Some(view! {
        <svg class="chart" viewBox="0 0 600 120" role="img" aria-label=summary>
            {shown.iter().enumerate().map(|(i, (date, cost))| {
                let h = (cost / max * 100.0).max(1.0);
                view! {
                    <rect class="bar" x={i as f64 * bar} y={110.0 - h} width={(bar - 1.0).max(1.0)} height=h>
                        <title>{format!("{date}: {}", format::usd(l, *cost))}</title>
                    </rect>
                }
            }).collect_view()}
            <line class="axis" x1="0" x2="600" y1="110" y2="110" />
            <text x="0" y="122" font-size="10">{shown.first().map(|d| d.0.clone())}</text>
            <text x="600" y="122" font-size="10" text-anchor="end">{shown.last().map(|d| d.0.clone())}</text>
        </svg>
    })
}
