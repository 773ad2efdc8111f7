//! Choosing: the cheapest plan whose fullness is within the headroom target or, when the visitor
//! allows extra usage, the cheapest plan plus its planned overflow.

use super::{Plan, PlanEval};

/// Two costs closer than this (USD) are equal when choosing between options.
pub(super) const COST_EPS: f64 = 0.005;

/// The chosen option.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice {
    pub plan: Plan,
    /// The plan plus extra usage.
    pub with_extra: bool,
    /// Its monthly cost: the price, plus the planned overflow when `with_extra`.
    pub cost: f64,
    /// The plan alone is within the headroom target.
    pub fits: bool,
}

impl Choice {
    /// The same plan, the same way (with or without extra usage).
    pub fn same_answer(&self, other: &Choice) -> bool {
        self.plan == other.plan && self.with_extra == other.with_extra
    }
}

/// The cheapest option: a plan that fits, or (with extra usage) a plan plus its overflow.
/// On a tie, a plan that fits on its own wins, then the cheaper plan. If nothing fits and extra
/// usage is not allowed: Max 20x, not fitting.
pub(super) fn choose(plans: &[PlanEval; 3], extra_usage: bool) -> Choice {
    let mut best: Option<Choice> = None;
    for p in plans {
        let option = if p.fits {
            Choice {
                plan: p.plan,
                with_extra: false,
                cost: p.monthly_usd,
                fits: true,
            }
        } else if extra_usage {
            Choice {
                plan: p.plan,
                with_extra: true,
                cost: p.with_extra_monthly_usd,
                fits: false,
            }
        } else {
            continue;
        };
        best = match best {
            Some(b)
                if !(option.cost < b.cost - COST_EPS
                    || (option.cost <= b.cost + COST_EPS && option.fits && !b.fits)) =>
            {
                Some(b)
            }
            _ => Some(option),
        };
    }
    best.unwrap_or(Choice {
        plan: Plan::Max20,
        with_extra: false,
        cost: Plan::Max20.price_usd(),
        fits: false,
    })
}
