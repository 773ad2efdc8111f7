//! Replay of imported real usage (docs/model.md, section 6): observed API-equivalent
//! dollars against each plan's budget in dollars.
//!
//! - Five-hour window: a fixed API-dollar budget, `√(lo × hi)` prompts × `√(light × heavy)` USD
//!   per prompt (the geometric middles of the article's range and of the prompt cost). With the
//!   default costs, `capacity(η) × prompt_usd(η)` is the same at every η, so this is exact:
//!   Pro $4, Max 5x $20, Max 20x $80.
//! - Week: the article's Sonnet hours at the middle of their range, `√(lo × hi)`, times the
//!   dollars one hour of Claude Code is worth: [`REF_PACE`] prompts × `√(light × heavy)`, i.e.
//!   $1.20 an hour by default: Pro ≈ $68, Max 5x ≈ $238, Max 20x ≈ $407 a week. This is the
//!   forward model read at its defaults (pace 6, middle heaviness), so that replaying what
//!   [`super::evaluate`] predicts gives back about the same weekly fullness.

use super::{Assumptions, Plan, PlanFacts, Verdict};

/// Prompts per hour in one hour of Claude Code, for the weekly dollar budget (the default prompt
/// pace, docs/model.md).
pub const REF_PACE: f64 = 6.0;

/// One plan against observed usage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanReplay {
    pub plan: Plan,
    /// The plan's five-hour budget in API dollars.
    pub window_budget_usd: f64,
    /// The plan's weekly budget in API dollars.
    pub weekly_budget_usd: f64,
    /// Busiest observed window / window budget.
    pub window_fullness: f64,
    /// Busiest observed week / weekly budget.
    pub weekly_fullness: f64,
    /// The larger of the two.
    pub fullness: f64,
    pub verdict: Verdict,
    /// Within the headroom target.
    pub fits: bool,
}

/// Every plan against observed usage, and the cheapest plan that fits (Max 20x if none does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Replay {
    /// In [`Plan::ALL`] order.
    pub plans: [PlanReplay; 3],
    pub recommended: Plan,
    /// The recommended plan is within the headroom target.
    pub fits: bool,
}

pub(super) fn window_budget(f: &PlanFacts, a: &Assumptions) -> f64 {
    (f.prompts_5h.0 * f.prompts_5h.1).sqrt() * a.mid_prompt_usd()
}

/// A plan's five-hour window in API dollars (Pro $4, Max 5x $20, Max 20x $80 by default).
pub fn window_budget_usd(plan: Plan, a: &Assumptions) -> f64 {
    window_budget(plan.facts(), &a.clone().clamped())
}

/// A plan's week in API dollars (Pro ≈ $68, Max 5x ≈ $238, Max 20x ≈ $407 by default).
pub fn weekly_budget_usd(plan: Plan, a: &Assumptions) -> f64 {
    let (lo, hi) = plan.facts().sonnet_week_hours;
    (lo * hi).sqrt() * REF_PACE * a.clone().clamped().mid_prompt_usd()
}

/// Observed dollars → fullness of each plan. Negative or NaN dollars count as 0; the result is
/// always finite.
pub fn replay(busiest_window_usd: f64, busiest_week_usd: f64, a: &Assumptions) -> Replay {
    let a = a.clone().clamped();
    let usd = |x: f64| {
        if x.is_nan() {
            0.0
        } else {
            super::clamp(x, 0.0, 1.0e12)
        }
    };
    let (win, week) = (usd(busiest_window_usd), usd(busiest_week_usd));
    let plans = Plan::ALL.map(|plan| {
        let window_budget_usd = window_budget_usd(plan, &a);
        let weekly_budget_usd = weekly_budget_usd(plan, &a);
        let window_fullness = win / window_budget_usd;
        let weekly_fullness = week / weekly_budget_usd;
        let fullness = window_fullness.max(weekly_fullness);
        PlanReplay {
            plan,
            window_budget_usd,
            weekly_budget_usd,
            window_fullness,
            weekly_fullness,
            fullness,
            verdict: Verdict::of(fullness),
            fits: fullness <= a.headroom,
        }
    });
    let fitting = plans.iter().find(|p| p.fits);
    Replay {
        plans,
        recommended: fitting.map_or(Plan::Max20, |p| p.plan),
        fits: fitting.is_some(),
    }
}
