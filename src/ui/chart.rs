//! Demand against each plan's limits, drawn as inline SVG by hand: for the five-hour window and
//! for the week, each plan's range from the article is a band, the capacity at this workload's
//! heaviness a tick inside it, and the visitor's demand a dashed line across all three.
use super::format;
use super::markup::{Html, Markup};
use super::result::tag;
use crate::i18n::{fill, k, Key, Lang};
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
pub enum Panel {
    Window,
    Week,
}

impl Panel {
    pub const ALL: [Panel; 2] = [Panel::Window, Panel::Week];

    /// The id of the panel's `<svg>`, and of its moving layer (`marks-…`).
    pub fn id(self) -> &'static str {
        match self {
            Panel::Window => "window",
            Panel::Week => "week",
        }
    }

    fn title(self) -> Key {
        match self {
            Panel::Window => k::CHART_WINDOW,
            Panel::Week => k::CHART_WEEK,
        }
    }

    fn unit(self) -> Key {
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

/// The chart section: its title, the legend (region `legend`) and a panel per limit, each an
/// `<svg>` whose `aria-label` says the demand, with a static layer (plan names, the article's
/// ranges, the axis) and a moving one (region `marks-window` / `marks-week`: capacities and
/// demand), so an input change re-parses a few shapes rather than the whole chart.
pub fn chart_section(h: &mut Html, l: Lang, e: &Evaluation) {
    use crate::num::coord;
    let view_box = ["0 0 ", &coord(WIDTH), " ", &coord(HEIGHT)].concat();
    h.wrap(
        "section",
        &[("class", "panel"), ("aria-labelledby", "chart-title")],
        |h| {
            h.el("h2", &[("id", "chart-title")], l.t(k::CHART_TITLE))
                .wrap("div", &[("id", "legend")], |h| {
                    h.markup(&legend(l, e));
                });
            for panel in Panel::ALL {
                let marks_id = ["marks-", panel.id()].concat();
                h.el("h3", &[], l.t(panel.title())).wrap(
                    "svg",
                    &[
                        ("id", ["chart-", panel.id()].concat().as_str()),
                        ("class", "chart"),
                        ("viewBox", &view_box),
                        ("role", "img"),
                        ("aria-label", &summary(l, e, panel)),
                    ],
                    |h| {
                        h.wrap("g", &[("data-source", "official")], |h| {
                            h.markup(&axes(l, panel));
                        })
                        .wrap("g", &[("id", &marks_id)], |h| {
                            h.markup(&marks(l, e, panel));
                        });
                    },
                );
            }
        },
    );
}

/// The `aria-label` of a panel: its title, the demand, and what the marks are.
pub fn summary(l: Lang, e: &Evaluation, panel: Panel) -> String {
    fill(
        l.t(k::CHART_SUMMARY),
        &[
            ("title", l.t(panel.title())),
            ("demand", &format::int(l, panel.demand(e))),
            ("unit", l.t(panel.unit())),
        ],
    )
}

/// Where the moving marks come from: the plans' limits (calibrated or estimated) and the demand
/// (imported or described).
pub fn sources(e: &Evaluation) -> (&'static str, &'static str) {
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

/// Region `legend`.
pub fn legend(l: Lang, e: &Evaluation) -> Markup {
    let (cap, demand) = sources(e);
    let mut h = Html::new();
    h.wrap("div", &[("class", "legend")], |h| {
        for (class, text, source) in [
            ("sw band", k::CHART_LEGEND_BAND, "official"),
            ("sw cap", k::CHART_LEGEND_CAP, cap),
            ("sw demand", k::CHART_LEGEND_DEMAND, demand),
        ] {
            h.wrap("span", &[("data-source", source)], |h| {
                h.el("span", &[("class", class), ("aria-hidden", "true")], "")
                    .text(l.t(text))
                    .text(" ");
                tag(h, l, source);
            });
        }
    });
    h.finish()
}

/// What does not move with the inputs: each plan's name and range, and the axis.
fn axes(l: Lang, panel: Panel) -> Markup {
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

/// Region `marks-<panel>`: each plan's capacity and the visitor's demand.
pub fn marks(l: Lang, e: &Evaluation, panel: Panel) -> Markup {
    use crate::num::coord;
    let mut h = Html::new();
    h.wrap("g", &[("data-source", sources(e).0)], |h| {
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
    });
    let demand = panel.demand(e);
    let dx = coord(x_of(demand));
    let anchor = if x_of(demand) > WIDTH - 140.0 {
        "end"
    } else {
        "middle"
    };
    h.wrap("g", &[("data-source", sources(e).1)], |h| {
        h.shape(
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
        );
    });
    h.finish()
}
