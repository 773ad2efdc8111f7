//! What each plan allows at a given heaviness, in the article's units (prompts and messages per
//! five hours, hours of Sonnet 4 and of Opus 4 per week) and in API-equivalent dollars.
//!
//! One reading ties the two (`docs/model.md`, "Dollars"): a plan's five-hour window holds a
//! fixed amount of API-priced use, `window_usd` (an estimate, or measured from the visitor's
//! limit hits), and a prompt costs more the heavier it is, so the article's range of prompts
//! per window is that budget divided by the price of a prompt. Likewise the week holds a fixed
//! amount: the article's hours at a reference pace of prompts per hour.

use super::{clamp, Assumptions, Calibration, Plan, PlanFacts};

/// `hi × (lo / hi)^η`: the article's range, interpolated geometrically. The ends are exact:
/// η ≤ 0 gives `hi`, η ≥ 1 gives `lo`.
pub fn interpolate((lo, hi): (f64, f64), eta: f64) -> f64 {
    if eta <= 0.0 {
        hi
    } else if eta >= 1.0 {
        lo
    } else {
        hi * super::pow(lo / hi, eta)
    }
}

/// The middle of a range, `√(lo × hi)` (the geometric middle, η = 0.5).
fn middle((lo, hi): (f64, f64)) -> f64 {
    (lo * hi).sqrt()
}

/// One plan's limits at one heaviness.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Capacity {
    /// Claude Code prompts per five hours (Sonnet-equivalent).
    pub prompts: f64,
    /// claude.ai messages per five hours.
    pub messages: f64,
    /// Hours of Sonnet 4 per week.
    pub week_hours: f64,
    /// Hours of Opus 4 per week (the article for Max; Pro is an estimate, see
    /// [`PlanFacts::opus_week_hours_or_estimate`]). Used under the Opus-hours rule only.
    pub opus_week_hours: f64,
    /// The five-hour window in API-equivalent dollars.
    pub window_usd: f64,
    /// The week in API-equivalent dollars.
    pub week_usd: f64,
}

/// Where the plans' windows in dollars come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WindowSource {
    /// The assumption `window_usd` at its default (public measurements).
    Estimate,
    /// The assumption `window_usd`, edited by the visitor.
    Edited,
    /// The visitor's own limit hits on `plan`.
    Calibrated(Plan),
}

/// Everything that depends on codebase size, auto-accept, the assumptions and the calibration,
/// not on how much the visitor works.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Heaviness η in [0, 1].
    pub eta: f64,
    /// API cost of one Sonnet prompt at this heaviness.
    pub prompt_usd: f64,
    /// API cost of one claude.ai message.
    pub message_usd: f64,
    /// Prompts in one of the article's hours of Sonnet 4 at this heaviness.
    pub ref_pace: f64,
    /// In [`Plan::ALL`] order.
    pub plans: [Capacity; 3],
    pub window_source: WindowSource,
    /// The weekly budgets come from weekly limit hits.
    pub week_calibrated: bool,
}

impl Limits {
    pub fn new(eta: f64, a: &Assumptions, calibration: Option<&Calibration>) -> Limits {
        let reference = Plan::Max5.facts();
        // A prompt's price: Max 5x's window over its prompts at this heaviness (every plan
        // gives the same, their ranges being 1× / 5× / 20× of Pro's).
        let prompt_usd = a.window_usd / interpolate(reference.prompts_5h, eta);
        let message_usd = a.window_usd / reference.messages_5h;
        // An hour of Sonnet 4 holds `hour_prompts` prompts at the middle heaviness; heavier
        // prompts take longer, so that the week holds the same dollars at every heaviness.
        let ref_pace = a.hour_prompts
            * (middle(reference.sonnet_week_hours) / interpolate(reference.sonnet_week_hours, eta))
            * (interpolate(reference.prompts_5h, eta) / middle(reference.prompts_5h));
        let week_usd =
            |f: &PlanFacts| interpolate(f.sonnet_week_hours, eta) * ref_pace * prompt_usd;
        let (window_scale, window_source) = match calibration {
            Some(c) => (
                c.window_usd / a.window_budget_usd(c.plan),
                WindowSource::Calibrated(c.plan),
            ),
            None if a.is_edited(super::AssumptionKey::WindowUsd) => (1.0, WindowSource::Edited),
            None => (1.0, WindowSource::Estimate),
        };
        let week = calibration.and_then(|c| c.week_usd.map(|w| (c.plan, w)));
        let week_scale = week.map_or(1.0, |(plan, w)| w / week_usd(plan.facts()));
        let guard = |x: f64| {
            if x.is_finite() && x > 0.0 {
                clamp(x, 1e-6, 1e6)
            } else {
                1.0
            }
        };
        let (window_scale, week_scale) = (guard(window_scale), guard(week_scale));
        let plans = Plan::ALL.map(|p| {
            let f = p.facts();
            Capacity {
                prompts: interpolate(f.prompts_5h, eta) * window_scale,
                messages: f.messages_5h * window_scale,
                week_hours: interpolate(f.sonnet_week_hours, eta) * week_scale,
                opus_week_hours: interpolate(f.opus_week_hours_or_estimate(), eta) * week_scale,
                window_usd: a.window_budget_usd(p) * window_scale,
                week_usd: week_usd(f) * week_scale,
            }
        });
        Limits {
            eta,
            prompt_usd,
            message_usd,
            ref_pace,
            plans,
            window_source,
            week_calibrated: week.is_some(),
        }
    }

    pub fn plan(&self, plan: Plan) -> &Capacity {
        plan.of(&self.plans)
    }
}
