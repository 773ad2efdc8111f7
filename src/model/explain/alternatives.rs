//! What would change the recommendation: [`Alternative`]s, found by re-evaluating modified inputs.
use super::Arg;
use crate::model::capacity::Limits;
use crate::model::choose::{choose, Choice, COST_EPS};
use crate::model::evaluate::{Core, Load, Rules, Work};
use crate::model::{Inputs, ModelChoice, NumInput, Plan, PlanEval};

/// What would change the recommendation: each makes `plan` fit within the headroom target (on its
/// own, without extra usage), `plan` being cheaper than the recommendation (or, when nothing fits,
/// any plan). Found by re-evaluating modified inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Alternative {
    /// `plan` fits if you use Sonnet instead of Opus.
    UseSonnet { plan: Plan },
    /// `plan` fits with at most `opus_pct` % Opus instead of `current`.
    LessOpus {
        plan: Plan,
        opus_pct: f64,
        current: f64,
    },
    /// `plan` fits without auto-accept.
    NoAutoAccept { plan: Plan },
    /// `plan` fits with `instances` parallel instances instead of `current`.
    FewerInstances {
        plan: Plan,
        instances: f64,
        current: f64,
    },
    /// `plan` fits with `hours` active hours a day instead of `current`.
    FewerHours {
        plan: Plan,
        hours: f64,
        current: f64,
    },
    /// `plan` fits with `days` days a week instead of `current`.
    FewerDays { plan: Plan, days: f64, current: f64 },
    /// `plan` fits at `pace` prompts an hour per instance instead of `current`.
    SlowerPace { plan: Plan, pace: f64, current: f64 },
    /// `plan` fits with `chat` claude.ai messages a day instead of `current`.
    LessChat { plan: Plan, chat: f64, current: f64 },
    /// Allowing extra usage, `plan` plus overflow would cost `usd` a month: less.
    AllowExtra { plan: Plan, usd: f64 },
}

impl Alternative {
    /// The sentence's key. Where the new value may be one, the page picks the `_one` form.
    pub fn key(&self) -> &'static str {
        match self {
            Alternative::UseSonnet { .. } => "alt.use_sonnet",
            Alternative::LessOpus { .. } => "alt.less_opus",
            Alternative::NoAutoAccept { .. } => "alt.no_auto_accept",
            Alternative::FewerInstances { .. } => "alt.fewer_instances",
            Alternative::FewerHours { .. } => "alt.fewer_hours",
            Alternative::FewerDays { .. } => "alt.fewer_days",
            Alternative::SlowerPace { .. } => "alt.slower_pace",
            Alternative::LessChat { chat, .. } if *chat <= 0.0 => "alt.no_chat",
            Alternative::LessChat { .. } => "alt.less_chat",
            Alternative::AllowExtra { .. } => "alt.allow_extra",
        }
    }

    /// The new value of the input this alternative changes, if it is a number.
    pub fn value(&self) -> Option<f64> {
        match *self {
            Alternative::LessOpus { opus_pct: v, .. }
            | Alternative::FewerInstances { instances: v, .. }
            | Alternative::FewerHours { hours: v, .. }
            | Alternative::FewerDays { days: v, .. }
            | Alternative::SlowerPace { pace: v, .. }
            | Alternative::LessChat { chat: v, .. } => Some(v),
            _ => None,
        }
    }

    /// The plan this alternative reaches.
    pub fn plan(&self) -> Plan {
        match *self {
            Alternative::UseSonnet { plan }
            | Alternative::LessOpus { plan, .. }
            | Alternative::NoAutoAccept { plan }
            | Alternative::FewerInstances { plan, .. }
            | Alternative::FewerHours { plan, .. }
            | Alternative::FewerDays { plan, .. }
            | Alternative::SlowerPace { plan, .. }
            | Alternative::LessChat { plan, .. }
            | Alternative::AllowExtra { plan, .. } => plan,
        }
    }

    /// The sentence's placeholders, by name.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        use Arg::*;
        let p = ("plan", Plan(self.plan()));
        let pair = |name, v, current| vec![p, (name, Number(v)), ("current", Number(current))];
        match *self {
            Alternative::UseSonnet { .. } | Alternative::NoAutoAccept { .. } => vec![p],
            Alternative::LessOpus {
                opus_pct, current, ..
            } => pair("opus", opus_pct, current),
            Alternative::FewerInstances {
                instances, current, ..
            } => pair("instances", instances, current),
            Alternative::FewerHours { hours, current, .. } => pair("hours", hours, current),
            Alternative::FewerDays { days, current, .. } => pair("days", days, current),
            Alternative::SlowerPace { pace, current, .. } => pair("pace", pace, current),
            Alternative::LessChat { chat, current, .. } => pair("chat", chat, current),
            Alternative::AllowExtra { usd, .. } => vec![p, ("usd", Usd(usd))],
        }
    }
}

/// Plans worth reaching, nearest (most expensive) first: those cheaper than the recommendation,
/// and the recommended plan itself when it does not fit on its own.
fn targets(choice: &Choice) -> impl Iterator<Item = Plan> + '_ {
    Plan::ALL.into_iter().rev().filter(move |p| {
        p.price_usd() < choice.cost - COST_EPS || (*p == choice.plan && !choice.fits)
    })
}

/// The largest value of `input` on its grid, below the current one, at which `plan` fits;
/// `None` if even the input's minimum does not make it fit. Bisection: fullness only grows with
/// every input.
fn largest_fitting(
    limits: &Limits,
    work: &Work,
    rules: &Rules,
    plan: Plan,
    input: NumInput,
    current: f64,
) -> Option<f64> {
    let (min, _, step, _) = input.range();
    let at = |i: i64| min + i as f64 * step;
    let fits_at = |i: i64| {
        let mut w = *work;
        let v = at(i);
        match input {
            NumInput::Instances => w.n = v,
            NumInput::Hours => w.h = v,
            NumInput::Days => w.d = v,
            NumInput::Pace => w.pace = v,
            NumInput::Chat => w.chat = v,
            NumInput::OpusPct => w.set_share(v / 100.0),
            NumInput::Loc => return false,
        }
        Load::Described(w).fits(limits, rules, plan)
    };
    let mut hi = ((current - min) / step).round() as i64; // does not fit (plan is a target)
    if hi <= 0 || !fits_at(0) {
        return None;
    }
    let mut lo = 0;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits_at(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(at(lo))
}

/// With extra usage off: what allowing it would cost, when that is cheaper.
pub(super) fn allow_extra(
    plans: &[PlanEval; 3],
    choice: &Choice,
    rules: &Rules,
) -> Option<Alternative> {
    if rules.extra_usage {
        return None;
    }
    let c = choose(plans, true);
    (c.cost < choice.cost - COST_EPS).then_some(Alternative::AllowExtra {
        plan: c.plan,
        usd: c.cost,
    })
}

pub(super) fn alternatives(
    inputs: &Inputs,
    limits: &Limits,
    work: &Work,
    rules: &Rules,
    core: &Core,
) -> Vec<Alternative> {
    let mut out = Vec::new();
    let choice = &core.choice;
    // The cheapest plan that fits on its own after a change, if it is a target.
    let reach = |limits: &Limits, work: &Work| -> Option<Plan> {
        let load = Load::Described(*work);
        let plan = Plan::ALL
            .into_iter()
            .find(|&p| load.fits(limits, rules, p))?;
        targets(choice).any(|t| t == plan).then_some(plan)
    };
    if work.share > 0.0 {
        let mut w = *work;
        w.set_share(0.0);
        if let Some(plan) = reach(limits, &w) {
            out.push(Alternative::UseSonnet { plan });
        }
    }
    if inputs.model == ModelChoice::Mix && inputs.opus_pct > 0.0 {
        if let Some((plan, v)) = targets(choice)
            .find_map(|t| {
                largest_fitting(limits, work, rules, t, NumInput::OpusPct, inputs.opus_pct)
                    .map(|v| (t, v))
            })
            .filter(|(_, v)| *v > 0.0)
        {
            out.push(Alternative::LessOpus {
                plan,
                opus_pct: v,
                current: inputs.opus_pct,
            });
        }
    }
    if inputs.auto_accept {
        let a = &inputs.assumptions;
        let l = Limits::new(
            a.heaviness(inputs.loc, false),
            a,
            inputs.calibration.as_ref(),
        );
        if let Some(plan) = reach(&l, work) {
            out.push(Alternative::NoAutoAccept { plan });
        }
    }
    for input in [
        NumInput::Instances,
        NumInput::Hours,
        NumInput::Days,
        NumInput::Pace,
        NumInput::Chat,
    ] {
        let current = inputs.num(input);
        let Some((plan, v)) = targets(choice)
            .find_map(|t| largest_fitting(limits, work, rules, t, input, current).map(|v| (t, v)))
        else {
            continue;
        };
        out.push(match input {
            NumInput::Instances => Alternative::FewerInstances {
                plan,
                instances: v,
                current,
            },
            NumInput::Hours => Alternative::FewerHours {
                plan,
                hours: v,
                current,
            },
            NumInput::Days => Alternative::FewerDays {
                plan,
                days: v,
                current,
            },
            NumInput::Pace => Alternative::SlowerPace {
                plan,
                pace: v,
                current,
            },
            _ => Alternative::LessChat {
                plan,
                chat: v,
                current,
            },
        });
    }
    out.extend(allow_extra(&core.plans, choice, rules));
    out
}
