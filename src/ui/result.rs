//! The answer: the recommended plan with its monthly cost and why, the three plans side by side,
//! and what the month costs on each option.
use leptos::prelude::*;

use super::{describe, format};
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

#[component]
pub fn Recommendation(
    eval: Memo<Evaluation>,
    inputs: RwSignal<Inputs>,
    lang: Signal<Lang>,
    link: Memo<String>,
) -> impl IntoView {
    let rec = Memo::new(move |_| eval.with(|e| e.recommendation.clone()));
    let title = move || {
        let l = lang.get();
        rec.with(|r| {
            let name = plan_name(l, r.plan);
            if r.with_extra {
                fill(l.t(k::RESULT_PLAN_WITH_EXTRA), &[("plan", name)])
            } else {
                name.to_string()
            }
        })
    };
    let cost = move || {
        let l = lang.get();
        fill(
            l.t(k::RESULT_PER_MONTH),
            &[("cost", &format::usd(l, rec.with(|r| r.monthly_usd)))],
        )
    };
    let verdict = Memo::new(move |_| rec.with(|r| r.verdict));
    let reasons = Memo::new(move |_| eval.with(|e| describe::reasons(lang.get(), e)));
    let alternatives = move || {
        let l = lang.get();
        eval.with(|e| {
            e.recommendation
                .alternatives
                .iter()
                .map(|a| describe::alternative(l, a))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section id="result" class="panel result" aria-labelledby="result-title" tabindex="-1">
            <h2 id="result-title">{move || lang.get().t(k::RESULT_TITLE)}</h2>
            <div aria-live="polite" aria-atomic="true">
                <p class="plan" data-testid="recommended-plan" data-plan=move || rec.with(|r| r.plan.id())>
                    {title}
                </p>
                <p class="cost" data-testid="monthly-cost" data-usd=move || usd_attr(rec.with(|r| r.monthly_usd))>
                    {cost}
                </p>
            </div>
            <p class="row">
                <span class=move || format!("pill {}", verdict.get().id())>{move || verdict_text(lang.get(), verdict.get())}</span>
            </p>
            <div class="why">
                {move || reasons.get().0.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
            {move || {
                let warnings = reasons.get().1;
                (!warnings.is_empty()).then(|| view! {
                    <div class="warning" data-testid="limit-warning">
                        {warnings.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
                    </div>
                })
            }}
            {move || {
                let alts = alternatives();
                (!alts.is_empty()).then(|| view! {
                    <h3>{move || lang.get().t(k::RESULT_WHAT_WOULD_CHANGE)}</h3>
                    <ul class="alts">{alts.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                })
            }}
            <super::share_box::ShareBox lang link inputs />
        </section>
    }
}

#[component]
fn Gauge(
    label: usize,
    fullness: Memo<f64>,
    verdict: Memo<Verdict>,
    lang: Signal<Lang>,
) -> impl IntoView {
    // Draw up to 150 % so "over the limit" is visible; the limit line sits at 100 %.
    const SCALE: f64 = 1.5;
    let width = move || format!("{:.1}%", (fullness.get() / SCALE).clamp(0.0, 1.0) * 100.0);
    let text = move || format::percent(lang.get(), fullness.get());
    view! {
        <div class="gauge">
            <div class="label"><span>{move || lang.get().t(label)}</span><span>{text}</span></div>
            <svg viewBox="0 0 150 10" preserveAspectRatio="none" role="img" aria-label=move || format!("{} {}", lang.get().t(label), text())>
                <rect class="track" x="0" y="0" width="150" height="10" rx="3" />
                <rect class=move || format!("fill {}", verdict.get().id()) x="0" y="0" width=width height="10" rx="3" />
                <line class="limit" x1="100" x2="100" y1="0" y2="10" />
            </svg>
        </div>
    }
}

#[component]
fn PlanCard(index: usize, eval: Memo<Evaluation>, lang: Signal<Lang>) -> impl IntoView {
    let pe = Memo::new(move |_| eval.with(|e| e.plans.get(index).cloned()));
    let get = move |f: fn(&PlanEval) -> f64| {
        Memo::new(move |_| pe.with(|p| p.as_ref().map(f).unwrap_or(0.0)))
    };
    let window = get(|p| p.window_fullness);
    let week = get(|p| p.weekly_fullness);
    let window_verdict = Memo::new(move |_| Verdict::of(window.get()));
    let week_verdict = Memo::new(move |_| Verdict::of(week.get()));
    let plan = Plan::ALL.get(index).copied().unwrap_or(Plan::Max20);
    let recommended = Memo::new(move |_| eval.with(|e| e.recommendation.plan == plan));
    let verdict =
        Memo::new(move |_| pe.with(|p| p.as_ref().map(|p| p.verdict).unwrap_or(Verdict::Exceeds)));
    view! {
        <article
            class="card"
            class:recommended=move || recommended.get()
            data-testid=format!("plan-{}", plan.id())
            data-verdict=move || verdict.get().id()
            data-fullness=move || format!("{:.2}", pe.with(|p| p.as_ref().map(|p| p.fullness).unwrap_or(0.0)))
        >
            {move || recommended.get().then(|| view! { <span class="badge">{move || lang.get().t(k::CARD_RECOMMENDED)}</span> })}
            <h3>{move || plan_name(lang.get(), plan)}</h3>
            <p class="price">
                {move || format::usd(lang.get(), plan.price_usd())}
                <small>{move || lang.get().t(k::CARD_PER_MONTH)}</small>
            </p>
            <span class=move || format!("pill {}", verdict.get().id())>{move || verdict_text(lang.get(), verdict.get())}</span>
            <Gauge label=k::CARD_WINDOW fullness=window verdict=window_verdict lang />
            <Gauge label=k::CARD_WEEK fullness=week verdict=week_verdict lang />
            <p class="muted">{move || pe.with(|p| p.as_ref().map(|p| describe::card_detail(lang.get(), p)).unwrap_or_default())}</p>
        </article>
    }
}

#[component]
pub fn PlanCards(eval: Memo<Evaluation>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <section aria-labelledby="cards-title">
            <h2 id="cards-title">{move || lang.get().t(k::CARDS_TITLE)}</h2>
            <div class="cards">
                <PlanCard index=0 eval lang />
                <PlanCard index=1 eval lang />
                <PlanCard index=2 eval lang />
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
    let rows = Memo::new(move |_| {
        let xu = inputs.with(|i| i.extra_usage);
        eval.with(|e| {
            let mut rows: Vec<(CostRow, f64)> = Vec::new();
            for p in &e.plans {
                rows.push((CostRow::Plan(p.plan), p.monthly_usd));
                if xu && p.with_extra_monthly_usd > p.monthly_usd + 0.005 {
                    rows.push((CostRow::PlanExtra(p.plan), p.with_extra_monthly_usd));
                }
            }
            rows.push((CostRow::Api, e.api_monthly_usd));
            rows
        })
    });
    view! {
        <section class="panel" aria-labelledby="costs-title">
            <h2 id="costs-title">{move || lang.get().t(k::COSTS_TITLE)}</h2>
            <p class="muted">{move || lang.get().t(k::COSTS_NOTE)}</p>
            {move || {
                let l = lang.get();
                let rows = rows.get();
                let max = rows.iter().map(|(_, v)| *v).fold(1.0, f64::max);
                let h = 26.0;
                let height = rows.len() as f64 * h + 4.0;
                view! {
                    <svg class="chart" viewBox=format!("0 0 600 {height}") role="img" aria-labelledby="costs-title">
                        {rows.into_iter().enumerate().map(|(i, (row, usd))| {
                            let y = i as f64 * h + 2.0;
                            let w = (usd / max * 300.0).max(2.0);
                            let label = row.label(l);
                            let value = format::usd(l, usd);
                            view! {
                                <g>
                                    <text x="0" y={y + 16.0}>{label}</text>
                                    <rect class={if matches!(row, CostRow::Plan(_)) { "bar" } else { "bar alt" }} x="200" y={y + 4.0} width=w height="16" rx="3" />
                                    <text x={206.0 + w} y={y + 16.0}>{value}</text>
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                }
            }}
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CostRow {
    Plan(Plan),
    PlanExtra(Plan),
    Api,
}

impl CostRow {
    fn label(self, l: Lang) -> String {
        match self {
            CostRow::Plan(p) => plan_name(l, p).to_string(),
            CostRow::PlanExtra(p) => {
                fill(l.t(k::RESULT_PLAN_WITH_EXTRA), &[("plan", plan_name(l, p))])
            }
            CostRow::Api => l.t(k::COSTS_API).to_string(),
        }
    }
}
