//! The answer: the recommended plan with its monthly cost and why, the three plans side by side,
//! and what the month costs on each option.
//!
//! Each region is one reactive closure that renders plain (non-reactive) markup from the
//! evaluation: a change re-renders the region, which is cheap (a few dozen elements) and keeps
//! the compiled code small (one reactive node per region instead of one per attribute).
use leptos::prelude::*;

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

/// A dollar amount for a `data-usd` attribute: "100", "137.5".
fn usd_attr(x: f64) -> String {
    let cents = (x * 100.0).round() / 100.0;
    format!("{cents}")
}

fn pill(l: Lang, v: Verdict) -> impl IntoView {
    view! { <span class=format!("pill {}", v.id())>{verdict_text(l, v)}</span> }
}

fn paragraphs(lines: Vec<String>) -> impl IntoView {
    lines
        .into_iter()
        .map(|s| view! { <p>{s}</p> })
        .collect_view()
}

fn recommendation(l: Lang, e: &Evaluation) -> impl IntoView {
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
    let (why, warnings) = describe::reasons(l, e);
    let alternatives: Vec<String> = r
        .alternatives
        .iter()
        .map(|a| describe::alternative(l, a))
        .collect();
    view! {
        <div aria-live="polite" aria-atomic="true">
            <p class="plan" data-testid="recommended-plan" data-plan=r.plan.id()>{title}</p>
            <p class="cost" data-testid="monthly-cost" data-usd=usd_attr(r.monthly_usd)>{cost}</p>
        </div>
        <p class="row">{pill(l, r.verdict)}</p>
        <div class="why">{paragraphs(why)}</div>
        {(!warnings.is_empty()).then(|| view! {
            <div class="warning" data-testid="limit-warning">{paragraphs(warnings)}</div>
        })}
        {(!alternatives.is_empty()).then(|| view! {
            <h3>{l.t(k::RESULT_WHAT_WOULD_CHANGE)}</h3>
            <ul class="alts">{alternatives.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
        })}
    }
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
            {move || {
                let l = lang.get();
                eval.with(|e| recommendation(l, e))
            }}
            <super::share_box::ShareBox lang link />
        </section>
    }
}

/// A horizontal gauge up to 150 %, with the limit marked at 100 %.
fn gauge(l: Lang, label: usize, fullness: f64) -> impl IntoView {
    const SCALE: f64 = 1.5;
    let width = format!("{:.1}", (fullness / SCALE).clamp(0.0, 1.0) * 150.0);
    let text = format::percent(l, fullness);
    let aria = format!("{} {}", l.t(label), text);
    view! {
        <div class="gauge">
            <div class="label"><span>{l.t(label)}</span><span>{text}</span></div>
            <svg viewBox="0 0 150 10" preserveAspectRatio="none" role="img" aria-label=aria>
                <rect class="track" x="0" y="0" width="150" height="10" rx="3" />
                <rect class=format!("fill {}", Verdict::of(fullness).id()) x="0" y="0" width=width height="10" rx="3" />
                <line class="limit" x1="100" x2="100" y1="0" y2="10" />
            </svg>
        </div>
    }
}

fn card(l: Lang, p: &PlanEval, recommended: bool) -> impl IntoView {
    view! {
        <article
            class=if recommended { "card recommended" } else { "card" }
            data-testid=format!("plan-{}", p.plan.id())
            data-verdict=p.verdict.id()
            data-fullness=format!("{:.2}", p.fullness)
        >
            {recommended.then(|| view! { <span class="badge">{l.t(k::CARD_RECOMMENDED)}</span> })}
            <h3>{plan_name(l, p.plan)}</h3>
            <p class="price">{format::usd(l, p.plan.price_usd())}<small>{l.t(k::CARD_PER_MONTH)}</small></p>
            {pill(l, p.verdict)}
            {gauge(l, k::CARD_WINDOW, p.window_fullness)}
            {gauge(l, k::CARD_WEEK, p.weekly_fullness)}
            <p class="muted">{describe::card_detail(l, p)}</p>
        </article>
    }
}

#[component]
pub fn PlanCards(eval: Memo<Evaluation>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <section aria-labelledby="cards-title">
            <h2 id="cards-title">{tr(lang, k::CARDS_TITLE)}</h2>
            <div class="cards">
                {move || {
                    let l = lang.get();
                    eval.with(|e| {
                        e.plans.iter().map(|p| card(l, p, p.plan == e.recommendation.plan)).collect_view()
                    })
                }}
            </div>
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
            {move || {
                let l = lang.get();
                let xu = inputs.with(|i| i.extra_usage);
                eval.with(|e| costs_chart(l, e, xu))
            }}
        </section>
    }
}

fn costs_chart(l: Lang, e: &Evaluation, xu: bool) -> impl IntoView {
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
    view! {
        <svg class="chart" viewBox=format!("0 0 600 {height}") role="img" aria-labelledby="costs-title">
            {rows.into_iter().enumerate().map(|(i, (label, usd, plan))| {
                let y = i as f64 * H + 2.0;
                let w = (usd / max * 300.0).max(2.0);
                view! {
                    <g>
                        <text x="0" y={y + 16.0}>{label}</text>
                        <rect class={if plan { "bar" } else { "bar alt" }} x="200" y={y + 4.0} width=w height="16" rx="3" />
                        <text x={206.0 + w} y={y + 16.0}>{format::usd(l, usd)}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
