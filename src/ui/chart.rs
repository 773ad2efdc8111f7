//! Demand against each plan's limits, drawn as inline SVG by hand: for the five-hour window and
//! for the week, each plan's range from the article is a band, the capacity at this workload's
//! heaviness a tick inside it, and the visitor's demand a dashed line across all three.
use leptos::prelude::*;

use super::format;
use super::markup::Html;
use super::tr;
use crate::i18n::{fill, k, Lang};
use crate::model::{Evaluation, Plan, PlanEval};

const WIDTH: f64 = 600.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 20.0;
const ROW: f64 = 30.0;
const TOP: f64 = 24.0;
/// A fixed logarithmic axis from 1 to 10,000 so the marks move and the axis stays put.
const DECADES: f64 = 4.0;

fn x_of(value: f64) -> f64 {
    let t = (crate::model::log10(value.max(1.0)) / DECADES).clamp(0.0, 1.0);
    LEFT + t * (WIDTH - LEFT - RIGHT)
}

/// The two panels: the five-hour window (prompts) and the week (Sonnet-equivalent hours).
#[derive(Clone, Copy)]
enum Panel {
    Window,
    Week,
}

impl Panel {
    fn title(self) -> usize {
        match self {
            Panel::Window => k::CHART_WINDOW,
            Panel::Week => k::CHART_WEEK,
        }
    }

    fn unit(self) -> usize {
        match self {
            Panel::Window => k::CHART_PROMPTS,
            Panel::Week => k::CHART_HOURS,
        }
    }

    /// The article's range for a plan, in this panel's unit.
    fn range(self, plan: Plan) -> (f64, f64) {
        match self {
            Panel::Window => plan.facts().prompts_5h,
            Panel::Week => plan.facts().sonnet_week_hours,
        }
    }

    /// Each plan's capacity at this workload's heaviness, in this panel's unit.
    fn capacity(self, p: &PlanEval) -> f64 {
        match self {
            Panel::Window => p.capacity.prompts,
            Panel::Week => p.capacity.week_hours,
        }
    }

    /// The demand in the limit's own unit: the same for every plan (chat converted at each
    /// plan's ratio).
    fn demand(self, e: &Evaluation) -> f64 {
        let p = &e.plans[0];
        match self {
            Panel::Window => p.window_fullness * p.capacity.prompts,
            Panel::Week => p.weekly_fullness * p.capacity.week_hours,
        }
    }
}

const ROWS: usize = Plan::ALL.len();
const BOTTOM: f64 = TOP + ROWS as f64 * ROW;
const HEIGHT: f64 = BOTTOM + 22.0;

#[component]
pub fn DemandChart(eval: Memo<Evaluation>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="chart-title">
            <h2 id="chart-title">{tr(lang, k::CHART_TITLE)}</h2>
            <div inner_html=move || eval.with(|e| legend(lang.get(), e))></div>
            {chart(eval, lang, Panel::Window)}
            {chart(eval, lang, Panel::Week)}
        </section>
    }
}

/// Where the moving marks come from: the plans' limits (calibrated or estimated) and the demand
/// (imported or described).
fn sources(e: &Evaluation) -> (&'static str, &'static str) {
    let calibrated = matches!(
        e.window_source,
        crate::model::capacity::WindowSource::Calibrated(_)
    ) || e.week_calibrated;
    let cap = if calibrated { "data" } else { "estimate" };
    let demand = if e.basis == crate::model::Basis::Observed {
        "data"
    } else {
        "estimate"
    };
    (cap, demand)
}

fn legend(l: Lang, e: &Evaluation) -> String {
    let (cap, demand) = sources(e);
    let mut h = Html::new();
    h.open("div", &[("class", "legend")]);
    for (class, text, source) in [
        ("sw band", k::CHART_LEGEND_BAND, "official"),
        ("sw cap", k::CHART_LEGEND_CAP, cap),
        ("sw demand", k::CHART_LEGEND_DEMAND, demand),
    ] {
        h.open("span", &[("data-source", source)])
            .el("span", &[("class", class), ("aria-hidden", "true")], "")
            .text(l.t(text))
            .text(" ");
        super::result::tag(&mut h, l, source);
        h.close("span");
    }
    h.close("div");
    h.finish()
}

/// One panel: a static layer (plan names, the article's ranges, the axis), redrawn only when
/// the language changes, and the marks that move with the inputs (capacities, demand) in a
/// layer of their own, so an input change re-parses a few shapes rather than the whole chart.
fn chart(eval: Memo<Evaluation>, lang: Signal<Lang>, panel: Panel) -> impl IntoView {
    use crate::num::coord;
    let view_box = ["0 0 ", &coord(WIDTH), " ", &coord(HEIGHT)].concat();
    let summary = move || {
        let l = lang.get();
        let demand = eval.with(|e| panel.demand(e));
        fill(
            l.t(k::CHART_SUMMARY),
            &[
                ("title", l.t(panel.title())),
                ("demand", &format::int(l, demand)),
                ("unit", l.t(panel.unit())),
            ],
        )
    };
    view! {
        <h3>{tr(lang, panel.title())}</h3>
        <svg class="chart" viewBox=view_box role="img" aria-label=summary>
            <g data-source="official" inner_html=move || axes(lang.get(), panel)></g>
            <g data-source=move || eval.with(|e| sources(e).0) inner_html=move || eval.with(|e| marks(lang.get(), e, panel))></g>
        </svg>
    }
}

/// What does not move with the inputs: each plan's name and range, and the axis.
fn axes(l: Lang, panel: Panel) -> String {
    use crate::num::coord;
    let mut h = Html::new();
    for (i, &plan) in Plan::ALL.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let (lo, hi) = panel.range(plan);
        let (x0, x1) = (x_of(lo), x_of(hi));
        h.el(
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
        );
    }
    let (left, right, bottom) = (coord(LEFT), coord(WIDTH - RIGHT), coord(BOTTOM));
    h.shape(
        "line",
        &[
            ("class", "axis"),
            ("x1", &left),
            ("x2", &right),
            ("y1", &bottom),
            ("y2", &bottom),
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
                ("y1", &bottom),
                ("y2", &coord(BOTTOM + 4.0)),
            ],
        )
        .el(
            "text",
            &[
                ("x", &x),
                ("y", &coord(BOTTOM + 17.0)),
                ("text-anchor", "middle"),
            ],
            &format::int(l, v),
        );
    }
    h.finish()
}

/// What moves with the inputs: each plan's capacity and the visitor's demand.
fn marks(l: Lang, e: &Evaluation, panel: Panel) -> String {
    use crate::num::coord;
    let mut h = Html::new();
    for (i, p) in e.plans.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let xc = coord(x_of(panel.capacity(p)));
        h.shape(
            "line",
            &[
                ("class", "cap"),
                ("x1", &xc),
                ("x2", &xc),
                ("y1", &coord(y + 3.0)),
                ("y2", &coord(y + 27.0)),
            ],
        );
    }
    let demand = panel.demand(e);
    let dx = coord(x_of(demand));
    let anchor = if x_of(demand) > WIDTH - 140.0 {
        "end"
    } else {
        "middle"
    };
    h.open("g", &[("data-source", sources(e).1)])
        .shape(
            "line",
            &[
                ("class", "demand"),
                ("x1", &dx),
                ("x2", &dx),
                ("y1", &coord(TOP - 6.0)),
                ("y2", &coord(BOTTOM)),
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
                &[
                    ("demand", &format::int(l, demand)),
                    ("unit", l.t(panel.unit())),
                ],
            ),
        )
        .close("g");
    h.finish()
}
