//! The answer: the recommended plan with its monthly cost and why, the three plans side by side,
//! and what the month costs on each option.
//!
//! Each region is one reactive `inner_html` whose markup is written by a plain function of the
//! evaluation (see `markup`): a change re-renders the region, which is cheap (a few dozen
//! elements) and keeps the compiled code small.
use leptos::prelude::*;

use super::markup::Html;
use super::{describe, format, tr};
use crate::i18n::{fill, k, Lang};
use crate::model::{Evaluation, Inputs, Plan, PlanEval, Verdict};

pub fn plan_name(lang: Lang, plan: Plan) -> &'static str {
    lang.tk(plan.name_key())
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

fn pill(h: &mut Html, l: Lang, v: Verdict) {
    h.el(
        "span",
        &[("class", &["pill ", v.id()].concat())],
        verdict_text(l, v),
    );
}

/// The recommended plan and its monthly cost: what the live region announces.
fn headline(l: Lang, e: &Evaluation) -> String {
    let r = &e.recommendation;
    let name = plan_name(l, r.plan);
    let title = if r.with_extra {
        fill(l.t(k::RESULT_PLAN_WITH_EXTRA), &[("plan", name)])
    } else {
        name.to_string()
    };
    let cost = fill(
        l.t(k::RESULT_PER_MONTH),
        &[("cost", &format::usd(l, r.monthly_usd))],
    );
    let mut h = Html::new();
    h.el(
        "p",
        &[
            ("class", "plan"),
            ("data-testid", "recommended-plan"),
            ("data-plan", r.plan.id()),
        ],
        &title,
    );
    h.el(
        "p",
        &[
            ("class", "cost"),
            ("data-testid", "monthly-cost"),
            ("data-usd", &hundredths(r.monthly_usd)),
        ],
        &cost,
    );
    h.finish()
}

/// The verdict, why, what goes wrong, and what would change the answer.
fn explanation(l: Lang, e: &Evaluation) -> String {
    let r = &e.recommendation;
    let (why, warnings) = describe::reasons(l, e);
    let mut h = Html::new();
    h.open("p", &[("class", "row")]);
    pill(&mut h, l, r.verdict);
    h.close("p").open("div", &[("class", "why")]);
    for line in &why {
        h.el("p", &[], line);
    }
    h.close("div");
    if !warnings.is_empty() {
        h.open(
            "div",
            &[("class", "warning"), ("data-testid", "limit-warning")],
        );
        for line in &warnings {
            h.el("p", &[], line);
        }
        h.close("div");
    }
    if !r.alternatives.is_empty() {
        h.el("h3", &[], l.t(k::RESULT_WHAT_WOULD_CHANGE));
        h.open("ul", &[("class", "alts")]);
        for a in &r.alternatives {
            h.el("li", &[], &describe::alternative(l, a));
        }
        h.close("ul");
    }
    h.finish()
}

#[component]
pub fn Recommendation(
    eval: Memo<Evaluation>,
    lang: Signal<Lang>,
    link: Memo<String>,
) -> impl IntoView {
    view! {
        <section id="result" class="panel result" aria-labelledby="result-title" tabindex="-1">
            <h2 id="result-title">{tr(lang, k::RESULT_TITLE)}</h2>
            <div aria-live="polite" aria-atomic="true" inner_html=move || eval.with(|e| headline(lang.get(), e))></div>
            <div inner_html=move || eval.with(|e| explanation(lang.get(), e))></div>
            <super::share_box::ShareBox lang link />
        </section>
    }
}

/// A horizontal gauge up to 150 %, with the limit marked at 100 %. Only the fill is drawn here:
/// the track and the limit mark are the stylesheet's (`.gauge svg`, `.gauge::after`), so each
/// change re-parses one shape per gauge instead of three.
fn gauge(h: &mut Html, l: Lang, label: usize, fullness: f64) {
    const SCALE: f64 = 1.5;
    let width = crate::num::coord((fullness / SCALE).clamp(0.0, 1.0) * 150.0);
    let text = format::percent(l, fullness);
    let aria = [l.t(label), " ", &text].concat();
    h.open("div", &[("class", "gauge")])
        .open("div", &[("class", "label")])
        .el("span", &[], l.t(label))
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

fn card(h: &mut Html, l: Lang, p: &PlanEval, recommended: bool) {
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
        ],
    );
    if recommended {
        h.el("span", &[("class", "badge")], l.t(k::CARD_RECOMMENDED));
    }
    h.el("h3", &[], plan_name(l, p.plan))
        .open("p", &[("class", "price")])
        .text(&format::usd(l, p.plan.price_usd()))
        .el("small", &[], l.t(k::CARD_PER_MONTH))
        .close("p");
    pill(h, l, p.verdict);
    gauge(h, l, k::CARD_WINDOW, p.window_fullness);
    gauge(h, l, k::CARD_WEEK, p.weekly_fullness);
    h.el("p", &[("class", "muted")], &describe::card_detail(l, p))
        .close("article");
}

fn cards(l: Lang, e: &Evaluation) -> String {
    let mut h = Html::new();
    for p in &e.plans {
        card(&mut h, l, p, p.plan == e.recommendation.plan);
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

/// The month's cost of every option, as a bar chart with the numbers written out.
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
            <div inner_html=move || {
                let xu = inputs.with(|i| i.extra_usage);
                eval.with(|e| costs_chart(lang.get(), e, xu))
            }></div>
        </section>
    }
}

fn costs_chart(l: Lang, e: &Evaluation, xu: bool) -> String {
    let mut rows: Vec<(String, f64, bool)> = Vec::new();
    for p in &e.plans {
        rows.push((plan_name(l, p.plan).to_string(), p.monthly_usd, true));
        if xu && p.with_extra_monthly_usd > p.monthly_usd + 0.005 {
            rows.push((
                fill(
                    l.t(k::RESULT_PLAN_WITH_EXTRA),
                    &[("plan", plan_name(l, p.plan))],
                ),
                p.with_extra_monthly_usd,
                false,
            ));
        }
    }
    rows.push((l.t(k::COSTS_API).to_string(), e.api_monthly_usd, false));
    let max = rows.iter().map(|(_, v, _)| *v).fold(1.0, f64::max);
    const H: f64 = 26.0;
    let height = rows.len() as f64 * H + 4.0;
    let mut h = Html::new();
    h.open(
        "svg",
        &[
            ("class", "chart"),
            (
                "viewBox",
                &["0 0 600 ", &crate::num::coord(height)].concat(),
            ),
            ("role", "img"),
            ("aria-labelledby", "costs-title"),
        ],
    );
    for (i, (label, usd, plan)) in rows.into_iter().enumerate() {
        let y = i as f64 * H + 2.0;
        let w = (usd / max * 300.0).max(2.0);
        let text_y = crate::num::coord(y + 16.0);
        h.open("g", &[])
            .el("text", &[("x", "0"), ("y", &text_y)], &label)
            .shape(
                "rect",
                &[
                    ("class", if plan { "bar" } else { "bar alt" }),
                    ("x", "200"),
                    ("y", &crate::num::coord(y + 4.0)),
                    ("width", &crate::num::coord(w)),
                    ("height", "16"),
                    ("rx", "3"),
                ],
            )
            .el(
                "text",
                &[("x", &crate::num::coord(206.0 + w)), ("y", &text_y)],
                &format::usd(l, usd),
            )
            .close("g");
    }
    h.close("svg");
    h.finish()
}
