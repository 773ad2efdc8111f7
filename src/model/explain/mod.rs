//! Why the recommendation is what it is, and what would change it, as typed data: each
//! [`Reason`] and [`Alternative`] is a translation key (`locales/<lang>/model.json`) plus typed
//! arguments for its `{placeholders}`. The page writes the sentences (and picks singular forms).
//!
//! [`reasons`] says why; [`alternatives`] what would change it.
mod alternatives;
mod reasons;

use super::capacity::Limits;
use super::evaluate::{Core, Load, Rules, WhatIf};
use super::{Inputs, Limit, Plan, Verdict};
pub use alternatives::Alternative;
pub use reasons::Reason;

/// The cheapest option within the headroom target.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub plan: Plan,
    /// The plan plus extra usage (only when the visitor allows it and the plan alone does not fit).
    pub with_extra: bool,
    /// What it costs per month (price, plus the planned overflow when `with_extra`).
    pub monthly_usd: f64,
    pub verdict: Verdict,
    /// The plan alone is within the headroom target. False when nothing fits (then `plan` is Max
    /// 20x, or a plan plus extra usage when allowed).
    pub fits: bool,
    /// Why, most important first.
    pub reasons: Vec<Reason>,
    /// What would make a cheaper plan fit (or, when nothing fits, make one fit).
    pub alternatives: Vec<Alternative>,
}

/// A typed value for a `{placeholder}` of a reason or alternative sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg {
    /// Translate with [`Plan::name_key`].
    Plan(Plan),
    /// A plan and whether extra usage carries it ("Max 5x" / "Pro + extra usage").
    Option(Plan, bool),
    /// Translate with [`Limit::key`].
    Limit(Limit),
    /// A fraction, shown as a whole percent (0.6 → "60").
    Percent(f64),
    /// A fraction above `limit`, shown precisely enough never to read as `limit` or below
    /// (0.853 against 0.85 → "85.3", not "85").
    PercentAbove { value: f64, limit: f64 },
    /// US dollars, written with the currency by the page ("$137", "137 $US").
    Usd(f64),
    /// A duration in hours, shown as hours and minutes (1.67 → "1 h 40").
    Duration(f64),
    /// A plain number (hours, days, prompts, instances, a weight), shown as is ("2", "3.5").
    Number(f64),
    /// A count (of limit hits): singular or plural is the page's choice.
    Count(f64),
    /// A moment, Unix milliseconds: shown as a date.
    Date(f64),
}

/// The recommendation of an evaluation: the choice, why, and what would change it.
pub(super) fn recommendation(
    i: &Inputs,
    limits: &Limits,
    load: &Load,
    rules: &Rules,
    core: &Core,
    what_if: &WhatIf,
) -> Recommendation {
    let choice = core.choice;
    let rec = choice.plan.of(&core.plans);
    let alternatives = match load {
        Load::Described(w) => alternatives::alternatives(i, limits, w, rules, core),
        Load::Observed(_) => alternatives::allow_extra(&core.plans, &choice, rules)
            .into_iter()
            .collect(),
    };
    Recommendation {
        plan: choice.plan,
        with_extra: choice.with_extra,
        monthly_usd: choice.cost,
        verdict: rec.verdict,
        fits: choice.fits,
        reasons: reasons::reasons(i, limits, load, rules, core, what_if),
        alternatives,
    }
}
