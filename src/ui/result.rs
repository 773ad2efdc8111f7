//! The answer: the recommended plan with its monthly cost and why, the three plans side by side,
//! and what the month costs on each option. Every figure says where it comes from, visibly (a
//! tag: official, estimate, your data) and in `data-source` (`docs/test-hooks.md`).
//!
//! Each region is one reactive `inner_html` whose markup is written by a plain function of the
//! evaluation (see `markup`): a change re-renders the region, which is cheap (a few dozen
//! elements) and keeps the compiled code small.
use leptos::prelude::*;

use super::markup::Html;
use super::{describe, format, tr};
use crate::i18n::{fill, k, Lang};
use crate::model::capacity::WindowSource;
use crate::model::{AssumptionKey, Basis, Evaluation, Inputs, Plan, PlanEval, Reason, Verdict};

pub fn plan_name(lang: Lang, plan: Plan) -> &'static str {
    lang.tk(plan.name_key())
}

/// A plan, or a plan carried by extra usage ("Pro + extra usage").
pub fn option_name(lang: Lang, plan: Plan, with_extra: bool) -> String {
    if with_extra {
        fill(
            lang.t(k::RESULT_PLAN_WITH_EXTRA),
            &[("plan", plan_name(lang, plan))],
        )
    } else {
        plan_name(lang, plan).to_string()
    }
}

pub fn verdict_text(lang: Lang, verdict: Verdict) -> &'static str {
    lang.t(match verdict {
        Verdict::Comfortable => k::VERDICT_COMFORTABLE,
        Verdict::Tight => k::VERDICT_TIGHT,
        Verdict::Exceeds => k::VERDICT_EXCEEDS,
    })
}

/// A number for a data attribute, to two decimals: `data-usd` "137.5", `data-fullness` "0.62".
pub fn hundredths(x: f64) -> String {
    crate::num::text((x * 100.0).round() / 100.0)
}

/// The visible label of a figure's source: `official`, `estimate` or `data`.
pub fn tag(h: &mut Html, l: Lang, source: &str) {
    let text = match source {
        "official" => k::TAG_OFFICIAL,
        "data" => k::TAG_DATA,
        _ => k::TAG_ESTIMATE,
    };
    h.el("span", &[("class", &["tag ", source].concat())], l.t(text));
}

fn pill(h: &mut Html, l: Lang, v: Verdict) {
    h.el(
        "span",
        &[("class", &["pill ", v.id()].concat())],
        verdict_text(l, v),
    );
}

/// Where the plans' fullness comes from: the import, a calibration, or estimates.
fn fullness_source(e: &Evaluation, limit_window: bool) -> &'static str {
    let calibrated = if limit_window {
        matches!(e.window_source, WindowSource::Calibrated(_))
    } else {
        e.week_calibrated
    };
    if e.basis == Basis::Observed || calibrated {
        "data"
    } else {
        "estimate"
    }
}

/// The recommended plan and its monthly cost: what the live region announces.
fn headline(l: Lang, e: &Evaluation) -> String {
    let r = &e.recommendation;
    let cost = fill(
        l.t(k::RESULT_PER_MONTH),
        &[("cost", &format::usd(l, r.monthly_usd))],
    );
    let plan_source = fullness_source(e, true);
    // A plan's price is the article's; with extra usage the overflow is an estimate.
    let cost_source = if r.with_extra { "estimate" } else { "official" };
    let mut h = Html::new();
    if e.basis == Basis::Observed {
        h.el("p", &[("class", "basis")], l.t(k::RESULT_FROM_DATA));
    }
    h.open(
        "p",
        &[
            ("class", "plan"),
            ("data-testid", "recommended-plan"),
            ("data-plan", r.plan.id()),
            ("data-source", plan_source),
        ],
    )
    .text(&option_name(l, r.plan, r.with_extra))
    .text(" ");
    tag(&mut h, l, plan_source);
    h.close("p")
        .open(
            "p",
            &[
                ("class", "cost"),
                ("data-testid", "monthly-cost"),
                ("data-usd", &hundredths(r.monthly_usd)),
                ("data-source", cost_source),
            ],
        )
        .text(&cost)
        .text(" ");
    tag(&mut h, l, cost_source);
    h.close("p");
    h.finish()
}

/// The verdict, why, what goes wrong, and what would change the answer.
fn explanation(l: Lang, e: &Evaluation) -> String {
    let r = &e.recommendation;
    let mut h = Html::new();
    h.open("p", &[("class", "row")]);
    pill(&mut h, l, r.verdict);
    h.close("p");
    let warned = r.reasons.iter().any(|x| x.is_warning());
    for (warnings, attrs) in [
        (false, &[("class", "why")][..]),
        (
            true,
            &[("class", "warning"), ("data-testid", "limit-warning")][..],
        ),
    ] {
        if warnings && !warned {
            continue;
        }
        h.open("div", attrs);
        for reason in r.reasons.iter().filter(|x| x.is_warning() == warnings) {
            let source = describe::reason_source(e, reason);
            h.open("p", &[("data-source", source)]);
            tag(&mut h, l, source);
            h.text(" ").text(&describe::reason(l, reason)).close("p");
        }
        h.close("div");
    }
    if !r.alternatives.is_empty() {
        h.el("h3", &[], l.t(k::RESULT_WHAT_WOULD_CHANGE));
        h.open("ul", &[("class", "alts"), ("data-source", "estimate")]);
        for a in &r.alternatives {
            h.el("li", &[], &describe::alternative(l, a));
        }
        h.close("ul");
    }
    h.finish()
}

/// The other reading of Opus, when it gives another answer: `Some(true)` when switching turns
/// the article's Opus 4 hours on.
fn opus_switch(e: &Evaluation) -> Option<bool> {
    e.recommendation.reasons.iter().find_map(|r| match r {
        Reason::OpusRuleDiffers { by_hours, .. } => Some(*by_hours),
        _ => None,
    })
}

#[component]
pub fn Recommendation(
    eval: Memo<Evaluation>,
    inputs: RwSignal<Inputs>,
    lang: Signal<Lang>,
    link: Memo<String>,
) -> impl IntoView {
    let switch = move || eval.with(opus_switch);
    let toggle_rule = move |_| {
        inputs.update(|i| {
            let on = i.assumptions.opus_hours_rule;
            i.assumptions
                .set(AssumptionKey::OpusHoursRule, if on { 0.0 } else { 1.0 });
        })
    };
    view! {
        <section id="result" class="panel result" aria-labelledby="result-title" tabindex="-1">
            <h2 id="result-title">{tr(lang, k::RESULT_TITLE)}</h2>
            <div inner_html=move || eval.with(|e| headline(lang.get(), e))></div>
            <div inner_html=move || eval.with(|e| explanation(lang.get(), e))></div>
            <p class="share" hidden=move || switch().is_none()>
                <button type="button" data-testid="opus-switch" on:click=toggle_rule>
                    {move || lang.get().t(if switch() == Some(true) { k::OPUS_USE_HOURS } else { k::OPUS_USE_WEIGHT })}
                </button>
            </p>
            <super::share_box::ShareBox lang link />
        </section>
        <div
            class="answer-bar"
            role="status"
            data-testid="answer-bar"
            data-plan=move || eval.with(|e| e.recommendation.plan.id())
            inner_html=move || eval.with(|e| answer_bar(lang.get(), e))
        ></div>
    }
}

/// The answer in one line: the page's one live region (announced politely when it changes).
/// On a narrow screen it stays at the bottom while the form scrolls, and tapping it goes to the
/// full answer; on a wide screen, where the answer sits beside the inputs, it is only heard.
fn answer_bar(l: Lang, e: &Evaluation) -> String {
    let r = &e.recommendation;
    let mut h = Html::new();
    h.open("span", &[("class", "bar-text")])
        .el("strong", &[], &option_name(l, r.plan, r.with_extra))
        .text(" · ")
        .text(&fill(
            l.t(k::RESULT_PER_MONTH),
            &[("cost", &format::usd(l, r.monthly_usd))],
        ))
        .text(" · ");
    pill(&mut h, l, r.verdict);
    h.close("span").el(
        "a",
        &[("class", "bar-go"), ("href", "#result")],
        l.t(k::RESULT_SEE_ALL),
    );
    h.finish()
}

/// A horizontal gauge up to 150 %, with the limit marked at 100 %. Only the fill is drawn here:
/// the track and the limit mark are the stylesheet's (`.gauge svg`, `.gauge::after`), so each
/// change re-parses one shape per gauge instead of three.
fn gauge(h: &mut Html, l: Lang, label: usize, fullness: f64, source: &str) {
    const SCALE: f64 = 1.5;
    let width = crate::num::coord((fullness / SCALE).clamp(0.0, 1.0) * 150.0);
    let text = if fullness > 1.0 {
        format::percent_above(l, fullness, 1.0)
    } else {
        format::percent(l, fullness)
    };
    let aria = [l.t(label), " ", &text].concat();
    h.open("div", &[("class", "gauge"), ("data-source", source)])
        .open("div", &[("class", "label")])
        .open("span", &[])
        .text(l.t(label))
        .text(" ");
    tag(h, l, source);
    h.close("span")
        .el("span", &[], &text)
        .close("div")
        .open(
            "svg",
            &[
                ("viewBox", "0 0 150 10"),
                ("preserveAspectRatio", "none"),
                ("role", "img"),
                ("aria-label", &aria),
            ],
        )
        .shape(
            "rect",
            &[
                ("class", &["fill ", Verdict::of(fullness).id()].concat()),
                ("width", &width),
                ("height", "10"),
            ],
        )
        .close("svg")
        .close("div");
}

fn card(h: &mut Html, l: Lang, e: &Evaluation, p: &PlanEval, recommended: bool) {
    let (window_source, week_source) = (fullness_source(e, true), fullness_source(e, false));
    let card_source = if window_source == "data" || week_source == "data" {
        "data"
    } else {
        "estimate"
    };
    h.open(
        "article",
        &[
            (
                "class",
                if recommended {
                    "card recommended"
                } else {
                    "card"
                },
            ),
            ("data-testid", &["plan-", p.plan.id()].concat()),
            ("data-verdict", p.verdict.id()),
            ("data-fullness", &hundredths(p.fullness)),
            ("data-source", card_source),
        ],
    );
    if recommended {
        h.el("span", &[("class", "badge")], l.t(k::CARD_RECOMMENDED));
    }
    h.el("h3", &[], plan_name(l, p.plan))
        .open("p", &[("class", "price"), ("data-source", "official")])
        .text(&format::usd(l, p.plan.price_usd()))
        .el("small", &[], l.t(k::CARD_PER_MONTH))
        .text(" ");
    tag(h, l, "official");
    h.close("p");
    pill(h, l, p.verdict);
    gauge(h, l, k::CARD_WINDOW, p.window_fullness, window_source);
    gauge(h, l, k::CARD_WEEK, p.weekly_fullness, week_source);
    h.el(
        "p",
        &[("class", "muted"), ("data-source", window_source)],
        &describe::card_detail(l, p),
    )
    .close("article");
}

fn cards(l: Lang, e: &Evaluation) -> String {
    let mut h = Html::new();
    for p in &e.plans {
        card(&mut h, l, e, p, p.plan == e.recommendation.plan);
    }
    h.finish()
}

#[component]
pub fn PlanCards(eval: Memo<Evaluation>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <section aria-labelledby="cards-title">
            <h2 id="cards-title">{tr(lang, k::CARDS_TITLE)}</h2>
            <div class="cards" inner_html=move || eval.with(|e| cards(lang.get(), e))></div>
        </section>
    }
}

/// The month's cost of every option, as a table with a bar per row.
#[component]
pub fn Costs(
    eval: Memo<Evaluation>,
    inputs: RwSignal<Inputs>,
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="costs-title">
            <h2 id="costs-title">{tr(lang, k::COSTS_TITLE)}</h2>
            <p class="muted">{tr(lang, k::COSTS_NOTE)}</p>
            <div class="table-scroll" inner_html=move || {
                let xu = inputs.with(|i| i.extra_usage);
                eval.with(|e| costs_table(lang.get(), e, xu))
            }></div>
        </section>
    }
}

fn costs_table(l: Lang, e: &Evaluation, xu: bool) -> String {
    // (label, monthly USD, bar class, source)
    let mut rows: Vec<(String, f64, &str, &str)> = Vec::new();
    for p in &e.plans {
        rows.push((
            plan_name(l, p.plan).to_string(),
            p.monthly_usd,
            "bar",
            "official",
        ));
        if xu && p.with_extra_monthly_usd > p.monthly_usd + 0.005 {
            rows.push((
                option_name(l, p.plan, true),
                p.with_extra_monthly_usd,
                "bar alt",
                "estimate",
            ));
        }
    }
    let api_source = if e.basis == Basis::Observed {
        "data"
    } else {
        "estimate"
    };
    rows.push((
        l.t(k::COSTS_API).to_string(),
        e.api_monthly_usd,
        "bar alt",
        api_source,
    ));
    let max = rows.iter().map(|r| r.1).fold(1.0, f64::max);
    let mut h = Html::new();
    h.open("table", &[("class", "costs")])
        .el("caption", &[("class", "sr-only")], l.t(k::COSTS_TITLE))
        .open("tbody", &[]);
    for (label, usd, class, source) in rows {
        let width = crate::num::coord((usd / max * 300.0).max(2.0));
        h.open("tr", &[("data-source", source)])
            .el("th", &[("scope", "row")], &label)
            .open("td", &[("class", "bar-cell")])
            .open(
                "svg",
                &[
                    ("viewBox", "0 0 300 16"),
                    ("preserveAspectRatio", "none"),
                    ("aria-hidden", "true"),
                ],
            )
            .shape(
                "rect",
                &[
                    ("class", class),
                    ("width", &width),
                    ("height", "16"),
                    ("rx", "3"),
                ],
            )
            .close("svg")
            .close("td")
            .open("td", &[("class", "usd")])
            .text(&format::usd(l, usd))
            .text(" ");
        tag(&mut h, l, source);
        h.close("td").close("tr");
    }
    h.close("tbody").close("table");
    h.finish()
}
