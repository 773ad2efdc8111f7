//! Why the recommendation is what it is: [`Reason`]s, each a sentence's key and its arguments.
use super::Arg;
use crate::model::assumptions::{self, WINDOW_USD_MEASURED_HIGH};
use crate::model::capacity::{Limits, WindowSource};
use crate::model::evaluate::{Core, Load, Rules, WhatIf};
use crate::model::{AssumptionKey, Inputs, Limit, Plan, Verdict};

/// Why the recommendation is what it is. Each variant's [`Reason::key`] is a sentence;
/// [`Reason::args`] fills its placeholders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The answer rests on imported usage: the busiest five-hour block and 7 days, in dollars.
    Observed { window_usd: f64, week_usd: f64 },
    /// `plan` fits: fullest limit at `fullness`, within the `headroom` target.
    Fits {
        plan: Plan,
        fullness: f64,
        headroom: f64,
    },
    /// A cheaper `plan` would be `fullness` full on its `limit`: above the `headroom` target.
    TooFull {
        plan: Plan,
        fullness: f64,
        limit: Limit,
        headroom: f64,
    },
    /// Nothing fits: even Max 20x is `fullness` full on its `limit`.
    NothingFits {
        plan: Plan,
        fullness: f64,
        limit: Limit,
        headroom: f64,
    },
    /// `plan` plus extra usage: the work above the `headroom` target, `extra_usd` a month at API
    /// rates, `total_usd` in all.
    ExtraUsage {
        plan: Plan,
        extra_usd: f64,
        total_usd: f64,
        headroom: f64,
    },
    /// …which is less than `other` alone at `other_usd` (the cheapest plan that fits, or Max 20x).
    ExtraBeats { other: Plan, other_usd: f64 },
    /// The recommended plan's five-hour window fills after `hours`.
    WindowLimitAfter { plan: Plan, hours: f64 },
    /// `hours` of the week (wall clock) fall past the recommended plan's weekly cap.
    WeeklyHoursOver { plan: Plan, hours: f64 },
    /// The recommended plan is tight: watch `/status`.
    Tight { plan: Plan },
    /// Opus counts `weight` times a Sonnet prompt (the default rule).
    OpusWeight { weight: f64 },
    /// Opus counts against the article's Opus 4 weekly hours (the other rule).
    OpusHours,
    /// The other reading of Opus would recommend `plan` (with extra usage or not):
    /// `by_hours` when that reading is the article's Opus 4 hours.
    OpusRuleDiffers {
        plan: Plan,
        with_extra: bool,
        by_hours: bool,
    },
    /// The windows' dollars are the default estimate: Max 5x's window holds `usd`, public
    /// measurements ran from `low` to `measured_high`, and higher limits were reported since.
    WindowEstimate {
        usd: f64,
        low: f64,
        measured_high: f64,
    },
    /// The visitor set Max 5x's window to `usd`.
    WindowEdited { usd: f64 },
    /// The windows come from `hits` of the visitor's own limit hits on `plan`: its window held
    /// `usd`.
    WindowCalibrated { plan: Plan, usd: f64, hits: f64 },
    /// …between `first` and `last` (Unix ms).
    CalibrationDates { first: f64, last: f64 },
    /// The answer is the same whether `plan`'s window holds `low` or `high`.
    HoldsAcross { plan: Plan, low: f64, high: f64 },
    /// Were `window_plan`'s window `usd`, the answer would be `plan` (with extra usage or not).
    ChangesAt {
        window_plan: Plan,
        usd: f64,
        plan: Plan,
        with_extra: bool,
    },
    /// `messages` claude.ai messages a day count against the same limits.
    SharedChat { messages: f64 },
    /// Pay-as-you-go API would cost `usd` a month: less than the recommendation; between `low`
    /// and `high` across the public measurements of a prompt's price (when `low < high`).
    ApiCheaper { usd: f64, low: f64, high: f64 },
    /// Pay-as-you-go API would cost `usd` a month: more than the recommendation.
    ApiDearer { usd: f64, low: f64, high: f64 },
}

impl Reason {
    pub fn key(&self) -> &'static str {
        match self {
            Reason::Observed { .. } => "reason.observed",
            Reason::Fits { .. } => "reason.fits",
            Reason::TooFull { .. } => "reason.too_full",
            Reason::NothingFits { .. } => "reason.nothing_fits",
            Reason::ExtraUsage { .. } => "reason.extra_usage",
            Reason::ExtraBeats { .. } => "reason.extra_beats",
            Reason::WindowLimitAfter { .. } => "reason.window_limit_after",
            Reason::WeeklyHoursOver { .. } => "reason.weekly_hours_over",
            Reason::Tight { .. } => "reason.tight",
            Reason::OpusWeight { .. } => "reason.opus_weight",
            Reason::OpusHours => "reason.opus_hours",
            Reason::OpusRuleDiffers { by_hours: true, .. } => "reason.opus_by_hours",
            Reason::OpusRuleDiffers { .. } => "reason.opus_by_weight",
            Reason::WindowEstimate { .. } => "reason.window_estimate",
            Reason::WindowEdited { .. } => "reason.window_edited",
            Reason::WindowCalibrated { .. } => "reason.window_calibrated",
            Reason::CalibrationDates { .. } => "reason.calibration_dates",
            Reason::HoldsAcross { .. } => "reason.holds_across",
            Reason::ChangesAt { .. } => "reason.changes_at",
            Reason::SharedChat { .. } => "reason.shared_chat",
            Reason::ApiCheaper { low, high, .. } if low < high => "reason.api_cheaper_range",
            Reason::ApiCheaper { .. } => "reason.api_cheaper",
            Reason::ApiDearer { low, high, .. } if low < high => "reason.api_dearer_range",
            Reason::ApiDearer { .. } => "reason.api_dearer",
        }
    }

    /// The sentence's placeholders, by name.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        use Arg::*;
        match *self {
            Reason::Observed {
                window_usd,
                week_usd,
            } => vec![("window", Usd(window_usd)), ("week", Usd(week_usd))],
            Reason::Fits {
                plan,
                fullness,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                ("fullness", Percent(fullness)),
                ("headroom", Percent(headroom)),
            ],
            Reason::TooFull {
                plan,
                fullness,
                limit,
                headroom,
            }
            | Reason::NothingFits {
                plan,
                fullness,
                limit,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                (
                    "fullness",
                    PercentAbove {
                        value: fullness,
                        limit: headroom,
                    },
                ),
                ("limit", Limit(limit)),
                ("headroom", Percent(headroom)),
            ],
            Reason::ExtraUsage {
                plan,
                extra_usd,
                total_usd,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                ("extra", Usd(extra_usd)),
                ("total", Usd(total_usd)),
                ("headroom", Percent(headroom)),
            ],
            Reason::ExtraBeats { other, other_usd } => {
                vec![("other", Plan(other)), ("usd", Usd(other_usd))]
            }
            Reason::WindowLimitAfter { plan, hours } => {
                vec![("plan", Plan(plan)), ("time", Duration(hours))]
            }
            Reason::WeeklyHoursOver { plan, hours } => {
                vec![("plan", Plan(plan)), ("hours", Number(hours))]
            }
            Reason::Tight { plan } => vec![("plan", Plan(plan))],
            Reason::OpusWeight { weight } => vec![("weight", Number(weight))],
            Reason::OpusHours => vec![],
            Reason::OpusRuleDiffers {
                plan, with_extra, ..
            } => vec![("option", Option(plan, with_extra))],
            Reason::WindowEstimate {
                usd,
                low,
                measured_high,
            } => vec![
                ("usd", Usd(usd)),
                ("low", Usd(low)),
                ("high", Usd(measured_high)),
            ],
            Reason::WindowEdited { usd } => vec![("usd", Usd(usd))],
            Reason::WindowCalibrated { plan, usd, hits } => vec![
                ("plan", Plan(plan)),
                ("usd", Usd(usd)),
                ("hits", Count(hits)),
            ],
            Reason::CalibrationDates { first, last } => {
                vec![("first", Date(first)), ("last", Date(last))]
            }
            Reason::HoldsAcross { plan, low, high } => {
                vec![("plan", Plan(plan)), ("low", Usd(low)), ("high", Usd(high))]
            }
            Reason::ChangesAt {
                window_plan,
                usd,
                plan,
                with_extra,
            } => vec![
                ("window_plan", Plan(window_plan)),
                ("usd", Usd(usd)),
                ("option", Option(plan, with_extra)),
            ],
            Reason::SharedChat { messages } => vec![("messages", Number(messages))],
            Reason::ApiCheaper { usd, low, high } | Reason::ApiDearer { usd, low, high } => {
                vec![("usd", Usd(usd)), ("low", Usd(low)), ("high", Usd(high))]
            }
        }
    }

    /// Whether this reason says what goes wrong (the page shows it as a warning) rather than why.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Reason::NothingFits { .. }
                | Reason::WindowLimitAfter { .. }
                | Reason::WeeklyHoursOver { .. }
        )
    }
}

pub(super) fn reasons(
    i: &Inputs,
    limits: &Limits,
    load: &Load,
    rules: &Rules,
    core: &Core,
    what_if: &WhatIf,
) -> Vec<Reason> {
    let mut out = Vec::with_capacity(12);
    let (plans, choice) = (&core.plans, &core.choice);
    let rec = choice.plan.of(plans);
    let headroom = rules.headroom;
    if let Load::Observed(o) = load {
        out.push(Reason::Observed {
            window_usd: o.window_usd,
            week_usd: o.week_usd,
        });
    }
    if choice.fits {
        out.push(Reason::Fits {
            plan: rec.plan,
            fullness: rec.fullness,
            headroom,
        });
    } else if choice.with_extra {
        out.push(Reason::ExtraUsage {
            plan: rec.plan,
            extra_usd: rec.extra_monthly_usd,
            total_usd: choice.cost,
            headroom,
        });
        let other = plans
            .iter()
            .find(|p| p.fits)
            .map_or(Plan::Max20, |p| p.plan);
        if other != rec.plan {
            out.push(Reason::ExtraBeats {
                other,
                other_usd: other.price_usd(),
            });
        }
    } else {
        out.push(Reason::NothingFits {
            plan: rec.plan,
            fullness: rec.fullness,
            limit: rec.binding,
            headroom,
        });
    }
    if choice.fits || choice.with_extra {
        for p in plans
            .iter()
            .filter(|p| p.plan.index() < rec.plan.index() && !p.fits)
        {
            out.push(Reason::TooFull {
                plan: p.plan,
                fullness: p.fullness,
                limit: p.binding,
                headroom,
            });
        }
    }
    if let Some(hours) = rec.time_to_limit_hours {
        out.push(Reason::WindowLimitAfter {
            plan: rec.plan,
            hours,
        });
    }
    if rec.weekly_hours_over > 0.0 {
        out.push(Reason::WeeklyHoursOver {
            plan: rec.plan,
            hours: rec.weekly_hours_over,
        });
    }
    if rec.verdict == Verdict::Tight {
        out.push(Reason::Tight { plan: rec.plan });
    }
    let (share, chat) = match load {
        Load::Described(w) => (w.share, w.chat),
        Load::Observed(o) => (o.opus_share, 0.0),
    };
    if share > 0.0 {
        out.push(if rules.opus_rule {
            Reason::OpusHours
        } else {
            Reason::OpusWeight {
                weight: rules.opus_weight,
            }
        });
    }
    if let Some(other) = what_if.other_opus_rule {
        out.push(Reason::OpusRuleDiffers {
            plan: other.plan,
            with_extra: other.with_extra,
            by_hours: !rules.opus_rule,
        });
    }
    match (i.calibration, limits.window_source, load) {
        (Some(c), _, _) => {
            out.push(Reason::WindowCalibrated {
                plan: c.plan,
                usd: c.window_usd,
                hits: f64::from(c.hits),
            });
            if let Some((first, last)) = c.span_ms {
                out.push(Reason::CalibrationDates { first, last });
            }
        }
        (None, WindowSource::Edited, _) => out.push(Reason::WindowEdited {
            usd: i.assumptions.window_usd,
        }),
        (None, _, Load::Observed(_)) => out.push(Reason::WindowEstimate {
            usd: i.assumptions.window_usd,
            low: assumptions::WINDOW_USD_LOW,
            measured_high: WINDOW_USD_MEASURED_HIGH,
        }),
        _ => {}
    }
    if let Some(r) = what_if.window_range {
        let changes: Vec<Reason> = [(r.low, r.at_low), (r.high, r.at_high)]
            .into_iter()
            .filter(|(_, c)| !c.same_answer(choice))
            .map(|(usd, c)| Reason::ChangesAt {
                window_plan: r.plan,
                usd,
                plan: c.plan,
                with_extra: c.with_extra,
            })
            .collect();
        if changes.is_empty() {
            out.push(Reason::HoldsAcross {
                plan: r.plan,
                low: r.low,
                high: r.high,
            });
        }
        out.extend(changes);
    }
    if chat > 0.0 {
        out.push(Reason::SharedChat { messages: chat });
    }
    let api = core.api_monthly;
    // A described workload's dollars are priced with the estimated window: across the public
    // measurements, the API cost moves with it. Imported usage is priced exactly.
    let (low, high) = match (load, limits.window_source) {
        (Load::Described(_), WindowSource::Estimate | WindowSource::Calibrated(_))
            if !i.assumptions.is_edited(AssumptionKey::WindowUsd) =>
        {
            let scale = |x: f64| api * x / i.assumptions.window_usd;
            (
                scale(assumptions::WINDOW_USD_LOW),
                scale(assumptions::WINDOW_USD_HIGH),
            )
        }
        _ => (api, api),
    };
    out.push(if api < choice.cost {
        Reason::ApiCheaper {
            usd: api,
            low,
            high,
        }
    } else {
        Reason::ApiDearer {
            usd: api,
            low,
            high,
        }
    });
    out
}
