//! The plan and limit model: pure, std only, no browser API, tested natively. The method, its
//! figures and its limits are written out in `docs/model.md`.
//!
//! - [`facts`]: the help article's figures and statements, each with its provenance (official).
//! - [`assumptions`]: every estimate the model needs, with default, range, step and source.
//! - [`inputs`]: the visitor's inputs ([`Inputs`]), clamped there and only there, and what an
//!   import observed ([`Observed`]) or calibrated ([`Calibration`]).
//! - [`capacity`]: what each plan allows at a given heaviness, in prompts, hours and dollars.
//! - [`evaluate()`]: demand, per-plan fullness and verdict, costs, the recommendation, its reasons
//!   and what would change it; [`evaluate_observed`] does the same for imported usage.
//! - [`explain`]: the reasons and alternatives, as typed data (the page writes the sentences).
//! - [`calibrate()`]: a plan's window in dollars, from the visitor's own limit hits.
//! - [`suggest`]: the calculator inputs that reproduce imported usage.
//!
//! The code holds translation keys, never prose: `locales/<lang>/model.json` has the texts.

pub mod assumptions;
mod calibrate;
pub mod capacity;
mod choose;
mod evaluate;
pub mod explain;
pub mod facts;
pub mod inputs;
mod suggest;
#[cfg(test)]
pub(crate) mod tests;

pub use assumptions::{AssumptionKey, AssumptionMeta, Assumptions, Unit};
pub use calibrate::calibrate;
pub use evaluate::{evaluate, evaluate_observed, Basis, Demand, Evaluation, PlanEval};
pub use explain::{Alternative, Arg, Reason, Recommendation};
pub use facts::{Fact, FactValue, PlanFacts, Section, FACTS, FACTS_CHECKED};
pub use inputs::{Calibration, Inputs, ModelChoice, NumInput, Observed};
pub use suggest::suggested_inputs;

/// Weeks in a month: 52 / 12.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;
/// The rolling usage window, in hours (the article: « toutes les cinq heures »).
pub const WINDOW_HOURS: f64 = 5.0;
/// Fullness up to this is comfortable.
pub const COMFORTABLE_MAX: f64 = 0.75;
/// Fullness up to this is tight; above, the plan exceeds its limit.
pub const TIGHT_MAX: f64 = 1.0;

/// A Claude subscription plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plan {
    Pro,
    Max5,
    Max20,
}

impl Plan {
    /// Cheapest first.
    pub const ALL: [Plan; 3] = [Plan::Pro, Plan::Max5, Plan::Max20];

    /// Stable id, used in links and `data-plan`.
    pub fn id(self) -> &'static str {
        match self {
            Plan::Pro => "pro",
            Plan::Max5 => "max5",
            Plan::Max20 => "max20",
        }
    }

    /// The plan of an id (`pro`, `max5`, `max20`).
    pub fn from_id(id: &str) -> Option<Plan> {
        Plan::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Translation key of the plan's name ("Pro", "Max 5x", "Max 20x").
    pub fn name_key(self) -> &'static str {
        match self {
            Plan::Pro => "fact.pro.name",
            Plan::Max5 => "fact.max5.name",
            Plan::Max20 => "fact.max20.name",
        }
    }

    /// Index in [`Plan::ALL`] (and in [`Evaluation::plans`]).
    pub fn index(self) -> usize {
        self as usize
    }

    /// This plan's entry of an array in [`Plan::ALL`] order.
    pub fn of<T>(self, items: &[T; 3]) -> &T {
        match self {
            Plan::Pro => &items[0],
            Plan::Max5 => &items[1],
            Plan::Max20 => &items[2],
        }
    }

    /// The article's figures for this plan.
    pub fn facts(self) -> &'static PlanFacts {
        self.of(&facts::PLANS)
    }

    /// Monthly price in USD (official).
    pub fn price_usd(self) -> f64 {
        self.facts().price_usd
    }
}

/// How full a plan gets, in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Comfortable,
    Tight,
    Exceeds,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Comfortable => "comfortable",
            Verdict::Tight => "tight",
            Verdict::Exceeds => "exceeds",
        }
    }

    /// ≤ 0.75 comfortable, ≤ 1.0 tight, above exceeds.
    pub fn of(fullness: f64) -> Verdict {
        if fullness <= COMFORTABLE_MAX {
            Verdict::Comfortable
        } else if fullness <= TIGHT_MAX {
            Verdict::Tight
        } else {
            Verdict::Exceeds
        }
    }
}

/// Which of a plan's two limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// The rolling five-hour window.
    Window,
    /// The weekly cap.
    Week,
}

impl Limit {
    /// Translation key of the limit's name.
    pub fn key(self) -> &'static str {
        match self {
            Limit::Window => "fact.window",
            Limit::Week => "fact.week",
        }
    }
}

/// Hours as whole hours and minutes, rounded to the minute: 1.67 → (1, 40). Non-finite or
/// negative → (0, 0). The one rounding of durations (the page's `format::duration` uses it).
pub fn hours_minutes(hours: f64) -> (u32, u32) {
    let minutes = if hours.is_finite() {
        clamp((hours * 60.0).round(), 0.0, 1.0e6) as u32
    } else {
        0
    };
    (minutes / 60, minutes % 60)
}

/// `base^x` for a positive base, as `2^(x × log2(base))`: the page then needs only the two libm
/// functions `ln` and `exp2`, not `pow` and `log10` as well (about 1 KB brotli).
pub fn pow(base: f64, x: f64) -> f64 {
    (x * base.ln() * std::f64::consts::LOG2_E).exp2()
}

/// `log10(x)`, as `ln(x) / ln(10)` (see [`pow`]).
pub fn log10(x: f64) -> f64 {
    x.ln() * std::f64::consts::LOG10_E
}

/// `x` within `[lo, hi]` (for `lo ≤ hi`; NaN gives `lo`). Unlike `f64::clamp` it has no panic
/// path, whose float formatting would add about 10 KB to the wasm.
#[allow(clippy::manual_clamp)]
pub(crate) fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}
