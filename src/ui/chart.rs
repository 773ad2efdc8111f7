//! Demand against each plan's limits, drawn as inline SVG by hand: for the five-hour window and
//! for the week, each plan's range from the article is a band, the capacity at this workload's
//! heaviness a tick inside it, and the visitor's demand a dashed line across all three.
use leptos::prelude::*;

use super::format;
use super::markup::Html;
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
    view! {
        <section class="panel" aria-labelledby="chart-title">
            <h2 id="chart-title">{tr(lang, k::CHART_TITLE)}</h2>
            <div inner_html=move || {
                let l = lang.get();
                let mut h = Html::new();
                legend(&mut h, l);
                eval.with(panels).iter().for_each(|p| chart(&mut h, l, p));
                h.finish()
            }></div>
        </section>
    }
}

fn legend(h: &mut Html, l: Lang) {
    h.open("div", &[("class", "legend"), ("aria-hidden", "true")]);
    for (class, text) in [
        ("sw band", k::CHART_LEGEND_BAND),
        ("sw cap", k::CHART_LEGEND_CAP),
        ("sw demand", k::CHART_LEGEND_DEMAND),
    ] {
        h.open("span", &[])
            .el("span", &[("class", class)], "")
            .text(l.t(text))
            .close("span");
    }
    h.close("div");
}

fn chart(h: &mut Html, l: Lang, panel: &Panel) {
    use crate::num::coord;
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
    let dx = coord(x_of(panel.demand));
    let bottom = TOP + panel.rows.len() as f64 * ROW;
    let (left, right, bottom_text) = (coord(LEFT), coord(WIDTH - RIGHT), coord(bottom));
    h.el("h3", &[], l.t(panel.title)).open(
        "svg",
        &[
            ("class", "chart"),
            (
                "viewBox",
                &["0 0 ", &coord(WIDTH), " ", &coord(height)].concat(),
            ),
            ("role", "img"),
            ("aria-label", &summary),
        ],
    );
    for (i, &(plan, (lo, hi), cap)) in panel.rows.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let (x0, x1, xc) = (x_of(lo), x_of(hi), coord(x_of(cap)));
        h.open("g", &[])
            .el(
                "text",
                &[("x", "0"), ("y", &coord(y + 19.0))],
                l.tk(plan.name_key()),
            )
            .shape(
                "rect",
                &[
                    ("class", "band"),
                    ("x", &coord(x0)),
                    ("y", &coord(y + 6.0)),
                    ("width", &coord((x1 - x0).max(2.0))),
                    ("height", "18"),
                    ("rx", "3"),
                ],
            )
            .shape(
                "line",
                &[
                    ("class", "cap"),
                    ("x1", &xc),
                    ("x2", &xc),
                    ("y1", &coord(y + 3.0)),
                    ("y2", &coord(y + 27.0)),
                ],
            )
            .close("g");
    }
    h.shape(
        "line",
        &[
            ("class", "axis"),
            ("x1", &left),
            ("x2", &right),
            ("y1", &bottom_text),
            ("y2", &bottom_text),
        ],
    );
    for d in 0..=DECADES as i32 {
        let v = 10f64.powi(d);
        let x = coord(x_of(v));
        h.shape(
            "line",
            &[
                ("class", "axis"),
                ("x1", &x),
                ("x2", &x),
                ("y1", &bottom_text),
                ("y2", &coord(bottom + 4.0)),
            ],
        )
        .el(
            "text",
            &[
                ("x", &x),
                ("y", &coord(bottom + 17.0)),
                ("text-anchor", "middle"),
            ],
            &format::int(l, v),
        );
    }
    let anchor = if x_of(panel.demand) > WIDTH - 140.0 {
        "end"
    } else {
        "middle"
    };
    h.shape(
        "line",
        &[
            ("class", "demand"),
            ("x1", &dx),
            ("x2", &dx),
            ("y1", &coord(TOP - 6.0)),
            ("y2", &bottom_text),
        ],
    )
    .el(
        "text",
        &[
            ("x", &dx),
            ("y", &coord(TOP - 10.0)),
            ("text-anchor", anchor),
        ],
        &fill(
            l.t(k::CHART_YOU),
            &[("demand", &demand_text), ("unit", unit)],
        ),
    )
    .close("svg");
}
