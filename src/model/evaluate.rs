//! The computation: a workload against each plan's limits, the costs, and the recommendation.
//!
//! The workload is either what the visitor describes ([`evaluate`]: instances, hours, pace…) or
//! what their imported logs show ([`evaluate_observed`]: dollars in the busiest five-hour block
//! and the busiest 7 days). Both are measured against the same limits ([`Limits`]), priced the
//! same way and chosen between by the same rule, so the calculator and the import never give two
//! answers for the same usage.

use super::assumptions::{WINDOW_USD_HIGH, WINDOW_USD_LOW};
use super::capacity::{Capacity, Limits, WindowSource};
use super::choose::{choose, Choice};
use super::explain::{self, Recommendation};
use super::{
    AssumptionKey, Calibration, Inputs, Limit, Observed, Plan, Verdict, WEEKS_PER_MONTH,
    WINDOW_HOURS,
};

/// What the figures of an evaluation rest on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The visitor's description of how they work (estimates).
    Described,
    /// Imported usage (the visitor's data).
    Observed,
}

/// What the visitor's workload asks of a plan (independent of the plan).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Demand {
    /// Heaviness η in [0, 1]: 0 is the light end of the article's ranges, 1 the heavy end.
    pub heaviness: f64,
    /// Model weight: how many Sonnet prompts one prompt is worth (Sonnet 1, Opus 5/3 by default).
    pub weight: f64,
    /// Opus share of the work, 0–1.
    pub opus_share: f64,
    /// Sonnet-equivalent prompts in the busiest five-hour window.
    pub window_prompts: f64,
    /// claude.ai messages in the busiest five-hour window (the whole day's, see docs/model.md).
    pub window_messages: f64,
    /// The busiest five-hour window in API-equivalent dollars (prompts and messages).
    pub window_usd: f64,
    /// The week in API-equivalent dollars.
    pub week_usd: f64,
    /// The week in the article's hours of Sonnet 4 (dollars over what such an hour holds).
    pub weekly_hours: f64,
    /// API cost of one Sonnet prompt at this heaviness.
    pub prompt_usd: f64,
    /// API cost of one claude.ai message.
    pub message_usd: f64,
    /// Prompts in one of the article's hours of Sonnet 4 at this heaviness.
    pub ref_pace: f64,
}

/// One plan against the workload.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanEval {
    pub plan: Plan,
    /// The plan's limits at this heaviness (calibrated when the inputs carry a calibration).
    pub capacity: Capacity,
    /// Fullness of the busiest five-hour window.
    pub window_fullness: f64,
    /// Fullness of the week.
    pub weekly_fullness: f64,
    /// The larger of the two.
    pub fullness: f64,
    /// Which limit is the larger.
    pub binding: Limit,
    pub verdict: Verdict,
    /// Fullness within the headroom target.
    pub fits: bool,
    /// When the window is exceeded: hours from the window's start to the limit (described
    /// workloads only).
    pub time_to_limit_hours: Option<f64>,
    /// Hours of the visitor's week (wall clock) that fall past the weekly cap (described
    /// workloads only).
    pub weekly_hours_over: f64,
    /// The plan's price.
    pub monthly_usd: f64,
    /// With extra usage: the planned overflow at API rates, the share of the work above the
    /// headroom target (0 when the plan fits).
    pub extra_monthly_usd: f64,
    /// Price plus planned overflow.
    pub with_extra_monthly_usd: f64,
}

/// The whole result for one set of inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub basis: Basis,
    pub demand: Demand,
    /// In [`Plan::ALL`] order.
    pub plans: [PlanEval; 3],
    /// Where the windows in dollars come from.
    pub window_source: WindowSource,
    /// The weekly budgets come from the visitor's weekly limit hits.
    pub week_calibrated: bool,
    /// The same workload on pay-as-you-go API, per month.
    pub api_monthly_usd: f64,
    pub recommendation: Recommendation,
}

impl Evaluation {
    pub fn plan(&self, plan: Plan) -> &PlanEval {
        plan.of(&self.plans)
    }
}

/// A workload the visitor describes, in the units of the inputs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Work {
    pub n: f64,
    pub h: f64,
    pub d: f64,
    pub pace: f64,
    pub chat: f64,
    pub share: f64,
    pub weight: f64,
    opus_weight: f64,
}

impl Work {
    pub fn new(i: &Inputs) -> Work {
        let mut w = Work {
            n: f64::from(i.instances),
            h: i.hours,
            d: f64::from(i.days),
            pace: i.pace,
            chat: f64::from(i.chat),
            share: 0.0,
            weight: 1.0,
            opus_weight: i.assumptions.opus_weight,
        };
        w.set_share(i.opus_share());
        w
    }

    pub fn set_share(&mut self, share: f64) {
        self.share = share;
        self.weight = 1.0 + (self.opus_weight - 1.0) * share;
    }

    /// Sonnet-equivalent prompts in the busiest five-hour window.
    fn window_prompts(&self) -> f64 {
        self.n * self.pace * self.h.min(WINDOW_HOURS) * self.weight
    }

    /// Prompts a week, unweighted.
    fn weekly_prompts(&self) -> f64 {
        self.n * self.pace * self.h * self.d
    }

    /// The week's API-equivalent dollars: the prompts (weighted) and the chat messages.
    fn week_usd(&self, l: &Limits) -> f64 {
        self.weekly_prompts() * self.weight * l.prompt_usd + self.chat * self.d * l.message_usd
    }
}

/// The workload, described or observed.
#[derive(Clone, Copy, Debug)]
pub(super) enum Load {
    Described(Work),
    Observed(Observed),
}

/// What the visitor chose that is not the workload: the rule for Opus, the headroom, and whether
/// extra usage is allowed.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rules {
    pub headroom: f64,
    pub opus_rule: bool,
    pub opus_weight: f64,
    pub extra_usage: bool,
}

impl Rules {
    pub fn new(i: &Inputs) -> Rules {
        let a = &i.assumptions;
        Rules {
            headroom: a.headroom,
            opus_rule: a.opus_hours_rule,
            opus_weight: a.opus_weight,
            extra_usage: i.extra_usage,
        }
    }
}

impl Load {
    /// (window, week) fullness of one plan.
    pub fn fullness(&self, l: &Limits, c: &Capacity, r: &Rules) -> (f64, f64) {
        match self {
            Load::Described(w) => {
                let window = w.window_prompts() / c.prompts + w.chat / c.messages;
                let week = if r.opus_rule {
                    let sonnet = w.weekly_prompts() * (1.0 - w.share) * l.prompt_usd
                        + w.chat * w.d * l.message_usd;
                    let opus_hours = w.weekly_prompts() * w.share / l.ref_pace;
                    sonnet / c.week_usd + opus_hours / c.opus_week_hours
                } else {
                    w.week_usd(l) / c.week_usd
                };
                (window, week)
            }
            Load::Observed(o) => {
                let window = o.window_usd / c.window_usd;
                let week = if r.opus_rule {
                    let opus_usd = o.week_usd * o.opus_share;
                    let opus_hours = opus_usd / (l.prompt_usd * r.opus_weight * l.ref_pace);
                    (o.week_usd - opus_usd) / c.week_usd + opus_hours / c.opus_week_hours
                } else {
                    o.week_usd / c.week_usd
                };
                (window, week)
            }
        }
    }

    pub fn fits(&self, l: &Limits, r: &Rules, plan: Plan) -> bool {
        let (w, k) = self.fullness(l, l.plan(plan), r);
        w.max(k) <= r.headroom
    }

    /// The workload on pay-as-you-go API, per month.
    fn api_monthly_usd(&self, l: &Limits) -> f64 {
        match self {
            Load::Described(w) => w.week_usd(l) * WEEKS_PER_MONTH,
            Load::Observed(o) => o.monthly_usd,
        }
    }

    fn demand(&self, l: &Limits) -> Demand {
        let (window_prompts, window_messages, window_usd, week_usd, weight, share) = match self {
            Load::Described(w) => {
                let prompts = w.window_prompts();
                let usd = prompts * l.prompt_usd + w.chat * l.message_usd;
                (prompts, w.chat, usd, w.week_usd(l), w.weight, w.share)
            }
            Load::Observed(o) => (
                o.window_usd / l.prompt_usd,
                0.0,
                o.window_usd,
                o.week_usd,
                1.0,
                o.opus_share,
            ),
        };
        Demand {
            heaviness: l.eta,
            weight,
            opus_share: share,
            window_prompts,
            window_messages,
            window_usd,
            week_usd,
            weekly_hours: week_usd / (l.ref_pace * l.prompt_usd),
            prompt_usd: l.prompt_usd,
            message_usd: l.message_usd,
            ref_pace: l.ref_pace,
        }
    }
}

fn plan_eval(plan: Plan, l: &Limits, load: &Load, r: &Rules, api_monthly: f64) -> PlanEval {
    let c = *l.plan(plan);
    let (window, week) = load.fullness(l, &c, r);
    let fullness = window.max(week);
    let price = plan.price_usd();
    // The overflow is planned from the headroom line: what is above the target is billed, so a
    // plan that is merely tight still costs more than its price once extra usage carries it.
    let extra = if fullness > r.headroom {
        api_monthly * (1.0 - r.headroom / fullness)
    } else {
        0.0
    };
    let (time_to_limit_hours, weekly_hours_over) = match load {
        Load::Described(w) => (
            (window > 1.0).then(|| w.h.min(WINDOW_HOURS) / window),
            if week > 1.0 {
                w.h * w.d * (1.0 - 1.0 / week)
            } else {
                0.0
            },
        ),
        Load::Observed(_) => (None, 0.0),
    };
    PlanEval {
        plan,
        capacity: c,
        window_fullness: window,
        weekly_fullness: week,
        fullness,
        binding: if week > window {
            Limit::Week
        } else {
            Limit::Window
        },
        verdict: Verdict::of(fullness),
        fits: fullness <= r.headroom,
        time_to_limit_hours,
        weekly_hours_over,
        monthly_usd: price,
        extra_monthly_usd: extra,
        with_extra_monthly_usd: price + extra,
    }
}

/// The plans and the chosen option, without reasons.
pub(super) struct Core {
    pub plans: [PlanEval; 3],
    pub api_monthly: f64,
    pub choice: Choice,
}

pub(super) fn core(l: &Limits, load: &Load, r: &Rules) -> Core {
    let api_monthly = load.api_monthly_usd(l);
    let plans = Plan::ALL.map(|p| plan_eval(p, l, load, r, api_monthly));
    let choice = choose(&plans, r.extra_usage);
    Core {
        plans,
        api_monthly,
        choice,
    }
}

/// What the answer would be under other readings of the same facts: the other rule for Opus,
/// and the ends of the range of the windows' dollars. `None` where it is the same answer or does
/// not apply.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WhatIf {
    /// Under the other Opus rule (when the work uses Opus).
    pub other_opus_rule: Option<Choice>,
    /// At the low and the high end of the window's range, with the range.
    pub window_range: Option<WindowRange>,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct WindowRange {
    /// The plan whose window the range is about (Max 5x for the estimate, else the plan of the
    /// calibration).
    pub plan: Plan,
    pub low: f64,
    pub high: f64,
    pub at_low: Choice,
    pub at_high: Choice,
}

fn what_if(i: &Inputs, load: &Load, rules: &Rules, core: &Core, basis: Basis) -> WhatIf {
    let eta = i.assumptions.heaviness(i.loc, i.auto_accept);
    let uses_opus = match load {
        Load::Described(w) => w.share > 0.0,
        Load::Observed(o) => o.opus_share > 0.0,
    };
    let other_opus_rule = uses_opus
        .then(|| {
            let r = Rules {
                opus_rule: !rules.opus_rule,
                ..*rules
            };
            let l = Limits::new(eta, &i.assumptions, i.calibration.as_ref());
            self::core(&l, load, &r).choice
        })
        .filter(|c| !c.same_answer(&core.choice));
    // The windows' dollars decide how full the plans get when they are compared with dollars:
    // imported usage, or a calibrated window (a described workload's prompts are priced with
    // the same assumption, so the estimate cancels out there).
    let range = match (i.calibration, basis) {
        (Some(c), _) => c.window_range.map(|(lo, hi)| (c.plan, lo, hi)),
        (None, Basis::Observed) if !i.assumptions.is_edited(AssumptionKey::WindowUsd) => {
            Some((Plan::Max5, WINDOW_USD_LOW, WINDOW_USD_HIGH))
        }
        (None, _) => None,
    };
    let at = |plan: Plan, usd: f64| {
        let mut a = i.assumptions.clone();
        let cal = match i.calibration {
            Some(c) => Some(Calibration {
                plan,
                window_usd: usd,
                ..c
            }),
            None => {
                a.set(AssumptionKey::WindowUsd, usd);
                None
            }
        };
        self::core(&Limits::new(eta, &a, cal.as_ref()), load, rules).choice
    };
    let window_range = range.map(|(plan, low, high)| WindowRange {
        plan,
        low,
        high,
        at_low: at(plan, low),
        at_high: at(plan, high),
    });
    WhatIf {
        other_opus_rule,
        window_range,
    }
}

fn finish(i: &Inputs, load: Load, basis: Basis) -> Evaluation {
    let a = &i.assumptions;
    let eta = a.heaviness(i.loc, i.auto_accept);
    let limits = Limits::new(eta, a, i.calibration.as_ref());
    let rules = Rules::new(i);
    let core = core(&limits, &load, &rules);
    let what_if = what_if(i, &load, &rules, &core, basis);
    let recommendation = explain::recommendation(i, &limits, &load, &rules, &core, &what_if);
    Evaluation {
        basis,
        demand: load.demand(&limits),
        plans: core.plans,
        window_source: limits.window_source,
        week_calibrated: limits.week_calibrated,
        api_monthly_usd: core.api_monthly,
        recommendation,
    }
}

/// Evaluates the inputs (clamped first): demand, each plan, costs, the recommendation with its
/// reasons and alternatives. Never panics; every number in the result is finite.
pub fn evaluate(inputs: &Inputs) -> Evaluation {
    let i = inputs.clone().clamped();
    let load = Load::Described(Work::new(&i));
    finish(&i, load, Basis::Described)
}

/// Evaluates imported usage against the plans, with the inputs' assumptions, calibration and
/// choice of extra usage (the workload inputs are not used). Never panics; all numbers finite.
pub fn evaluate_observed(inputs: &Inputs, observed: &Observed) -> Evaluation {
    let i = inputs.clone().clamped();
    finish(&i, Load::Observed(observed.clamped()), Basis::Observed)
}
