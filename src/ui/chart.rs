//! Demand against each plan's limits, drawn as inline SVG by hand: for the five-hour window and
//! for the week, each plan's range from the article is a band, the capacity at this workload's
//! heaviness a tick inside it, and the visitor's demand a dashed line across all three.
use leptos::prelude::*;

use super::format;
use super::tr;
use crate::i18n::{fill, k, Lang};
use crate::model::{Evaluation, Plan};

const WIDTH: f64 = 600.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 20.0;
const ROW: f64 = 30.0;
const TOP: f64 = 24.0;
/// A fixed logarithmic axis from 1 to 10,000 so the marks move and the axis stays put.
const DECADES: f64 = 4.0;

fn x_of(value: f64) -> f64 {
    let t = (value.max(1.0).log10() / DECADES).clamp(0.0, 1.0);
    LEFT + t * (WIDTH - LEFT - RIGHT)
}

#[derive(Clone, PartialEq)]
struct Panel {
    title: usize,
    unit: usize,
    demand: f64,
    rows: Vec<(Plan, (f64, f64), f64)>,
}

fn panels(e: &Evaluation) -> [Panel; 2] {
    // Demand in the limit's own unit: the same for every plan (chat converted at each plan's ratio).
    let window_demand = e.plans[0].window_fullness * e.plans[0].prompts_capacity;
    let week_demand = e.plans[0].weekly_fullness * e.plans[0].weekly_capacity_hours;
    [
        Panel {
            title: k::CHART_WINDOW,
            unit: k::CHART_PROMPTS,
            demand: window_demand,
            rows: e
                .plans
                .iter()
                .map(|p| (p.plan, p.plan.facts().prompts_5h, p.prompts_capacity))
                .collect(),
        },
        Panel {
            title: k::CHART_WEEK,
            unit: k::CHART_HOURS,
            demand: week_demand,
            rows: e
                .plans
                .iter()
                .map(|p| {
                    (
                        p.plan,
                        p.plan.facts().sonnet_week_hours,
                        p.weekly_capacity_hours,
                    )
                })
                .collect(),
        },
    ]
}

#[component]
pub fn DemandChart(eval: Memo<Evaluation>, lang: Signal<Lang>) -> impl IntoView {
    let data = Memo::new(move |_| eval.with(panels));
    view! {
        <section class="panel" aria-labelledby="chart-title">
            <h2 id="chart-title">{tr(lang, k::CHART_TITLE)}</h2>
            <div class="legend" aria-hidden="true">
                <span><span class="sw band"></span>{tr(lang, k::CHART_LEGEND_BAND)}</span>
                <span><span class="sw cap"></span>{tr(lang, k::CHART_LEGEND_CAP)}</span>
                <span><span class="sw demand"></span>{tr(lang, k::CHART_LEGEND_DEMAND)}</span>
            </div>
            {move || {
                let l = lang.get();
                data.get().into_iter().map(|panel| chart(l, panel)).collect_view()
            }}
        </section>
    }
}

fn chart(l: Lang, panel: Panel) -> impl IntoView {
    let height = TOP + panel.rows.len() as f64 * ROW + 22.0;
    let unit = l.t(panel.unit);
    let demand_text = format::int(l, panel.demand);
    let summary = fill(
        l.t(k::CHART_SUMMARY),
        &[
            ("title", l.t(panel.title)),
            ("demand", &demand_text),
            ("unit", unit),
        ],
    );
    let dx = x_of(panel.demand);
    let bottom = TOP + panel.rows.len() as f64 * ROW;
    view! {
        <h3>{l.t(panel.title)}</h3>
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
            {panel.rows.into_iter().enumerate().map(|(i, (plan, (lo, hi), cap))| {
                let y = TOP + i as f64 * ROW;
                let (x0, x1, xc) = (x_of(lo), x_of(hi), x_of(cap));
                view! {
                    <g>
                        <text x="0" y={y + 19.0}>{l.tk(plan.name_key())}</text>
                        <rect class="band" x=x0 y={y + 6.0} width={(x1 - x0).max(2.0)} height="18" rx="3" />
                        <line class="cap" x1=xc x2=xc y1={y + 3.0} y2={y + 27.0} />
                    </g>
                }
            }).collect_view()}
            <line class="axis" x1=LEFT x2={WIDTH - RIGHT} y1=bottom y2=bottom />
            {(0..=DECADES as u32).map(|d| {
                let v = 10f64.powi(d as i32);
                let x = x_of(v);
                view! {
                    <line class="axis" x1=x x2=x y1=bottom y2={bottom + 4.0} />
                    <text x=x y={bottom + 17.0} text-anchor="middle">{format::int(l, v)}</text>
                }
            }).collect_view()}
            <line class="demand" x1=dx x2=dx y1={TOP - 6.0} y2=bottom />
            <text x=dx y={TOP - 10.0} text-anchor={if dx > WIDTH - 140.0 { "end" } else { "middle" }}>
                {fill(l.t(k::CHART_YOU), &[("demand", &demand_text), ("unit", unit)])}
            </text>
        </svg>
    }
}
