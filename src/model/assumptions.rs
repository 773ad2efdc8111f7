//! Assumptions: every estimate the model needs that the article does not give, each with its
//! default, allowed range, step, unit and source (the outside measurement it rests on or, where
//! there is none, a plain statement that it is a judgment). All are editable in the page's
//! Assumptions panel and travel in the link under their short [`AssumptionKey::key`].
//! Labels, rationales and sources are translated: `assumption.<id>.label`, `assumption.<id>.why`,
//! `assumption.source.<id>`. `docs/model.md` lists them with their sources.

use super::{clamp, Plan};

/// How an assumption's value reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Lines of code.
    Lines,
    /// Heaviness, 0–1 (η).
    Heaviness,
    /// A multiple ("× Sonnet").
    Ratio,
    /// 0 or 1.
    Toggle,
    /// A fraction shown as a percent (0.85 → 85 %).
    Percent,
    /// US dollars.
    Usd,
    /// Prompts an hour.
    Prompts,
}

/// The model's assumptions. `Default` holds the defaults of [`AssumptionKey::meta`].
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions {
    /// Codebase size at the light end of the article's ranges (η = 0).
    pub light_loc: f64,
    /// Codebase size at the heavy end of the article's ranges (η = 1).
    pub heavy_loc: f64,
    /// Heaviness added by auto-accept mode.
    pub auto_accept_boost: f64,
    /// How many Sonnet prompts one Opus prompt is worth.
    pub opus_weight: f64,
    /// Use the article's Opus 4 weekly hours for the weekly cap instead of the Opus weight.
    pub opus_hours_rule: bool,
    /// Recommend a plan only if its fullness is at most this.
    pub headroom: f64,
    /// What Max 5x's five-hour window holds, in API-equivalent dollars (the other plans by the
    /// article's 1× / 5× / 20×). It also prices a prompt: the window's dollars over its prompts.
    pub window_usd: f64,
    /// Prompts in one of the article's "hours of Sonnet 4", at the middle heaviness.
    pub hour_prompts: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        let mut a = Assumptions {
            light_loc: 0.0,
            heavy_loc: 0.0,
            auto_accept_boost: 0.0,
            opus_weight: 0.0,
            opus_hours_rule: false,
            headroom: 0.0,
            window_usd: 0.0,
            hour_prompts: 0.0,
        };
        for k in AssumptionKey::ALL {
            a.set(k, k.meta().default);
        }
        a
    }
}

/// One assumption, by its link key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssumptionKey {
    LightLoc,
    HeavyLoc,
    AutoAcceptBoost,
    OpusWeight,
    OpusHoursRule,
    Headroom,
    WindowUsd,
    HourPrompts,
}

/// What the page needs to show and edit an assumption.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AssumptionMeta {
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// Slider step (values are clamped to the range, not rounded to the step).
    pub step: f64,
    pub unit: Unit,
    /// Translation key of where the default comes from, with its date.
    pub source: &'static str,
    /// Translation key of the label.
    pub label: &'static str,
    /// Translation key of the rationale.
    pub why: &'static str,
}

/// Max 5x's window, lowest public measurement (a Max 20x window of $120.61 in January 2026,
/// i.e. $30 for Max 5x; ccusage's issue #145 measured $33.41 in June 2025).
pub const WINDOW_USD_LOW: f64 = 30.0;
/// Max 5x's window if the reported doubling of the five-hour limits (2026-05-06, not in the
/// article) holds: twice the default.
pub const WINDOW_USD_HIGH: f64 = 70.0;
/// The highest public measurement of Max 5x's window before that report (about $50, 2025-08).
pub const WINDOW_USD_MEASURED_HIGH: f64 = 50.0;

impl AssumptionKey {
    pub const ALL: [AssumptionKey; 8] = [
        AssumptionKey::LightLoc,
        AssumptionKey::HeavyLoc,
        AssumptionKey::AutoAcceptBoost,
        AssumptionKey::OpusWeight,
        AssumptionKey::OpusHoursRule,
        AssumptionKey::Headroom,
        AssumptionKey::WindowUsd,
        AssumptionKey::HourPrompts,
    ];

    /// The short, stable link key (distinct from the inputs' keys, `v` and `lang`).
    pub fn key(self) -> &'static str {
        match self {
            AssumptionKey::LightLoc => "ll",
            AssumptionKey::HeavyLoc => "hl",
            AssumptionKey::AutoAcceptBoost => "ab",
            AssumptionKey::OpusWeight => "ow",
            AssumptionKey::OpusHoursRule => "or",
            AssumptionKey::Headroom => "hr",
            AssumptionKey::WindowUsd => "wu",
            AssumptionKey::HourPrompts => "hp",
        }
    }

    /// The id in translation keys (`assumption.<id>.label`) and in `data-testid`s.
    pub fn id(self) -> &'static str {
        match self {
            AssumptionKey::LightLoc => "light_loc",
            AssumptionKey::HeavyLoc => "heavy_loc",
            AssumptionKey::AutoAcceptBoost => "auto_accept",
            AssumptionKey::OpusWeight => "opus_weight",
            AssumptionKey::OpusHoursRule => "opus_rule",
            AssumptionKey::Headroom => "headroom",
            AssumptionKey::WindowUsd => "window_usd",
            AssumptionKey::HourPrompts => "hour_prompts",
        }
    }

    pub fn meta(self) -> AssumptionMeta {
        let m = |default, min, max, step, unit, source, label, why| AssumptionMeta {
            default,
            min,
            max,
            step,
            unit,
            source,
            label,
            why,
        };
        match self {
            AssumptionKey::LightLoc => m(
                1_000.0,
                100.0,
                10_000.0,
                100.0,
                Unit::Lines,
                "assumption.source.light_loc",
                "assumption.light_loc.label",
                "assumption.light_loc.why",
            ),
            AssumptionKey::HeavyLoc => m(
                1_000_000.0,
                100_000.0,
                10_000_000.0,
                10_000.0,
                Unit::Lines,
                "assumption.source.heavy_loc",
                "assumption.heavy_loc.label",
                "assumption.heavy_loc.why",
            ),
            AssumptionKey::AutoAcceptBoost => m(
                0.25,
                0.0,
                1.0,
                0.05,
                Unit::Heaviness,
                "assumption.source.auto_accept",
                "assumption.auto_accept.label",
                "assumption.auto_accept.why",
            ),
            AssumptionKey::OpusWeight => m(
                5.0 / 3.0,
                1.0,
                10.0,
                0.01,
                Unit::Ratio,
                "assumption.source.opus_weight",
                "assumption.opus_weight.label",
                "assumption.opus_weight.why",
            ),
            AssumptionKey::OpusHoursRule => m(
                0.0,
                0.0,
                1.0,
                1.0,
                Unit::Toggle,
                "assumption.source.opus_rule",
                "assumption.opus_rule.label",
                "assumption.opus_rule.why",
            ),
            AssumptionKey::Headroom => m(
                0.85,
                0.5,
                1.0,
                0.05,
                Unit::Percent,
                "assumption.source.headroom",
                "assumption.headroom.label",
                "assumption.headroom.why",
            ),
            AssumptionKey::WindowUsd => m(
                35.0,
                5.0,
                500.0,
                1.0,
                Unit::Usd,
                "assumption.source.window_usd",
                "assumption.window_usd.label",
                "assumption.window_usd.why",
            ),
            AssumptionKey::HourPrompts => m(
                6.0,
                1.0,
                30.0,
                0.5,
                Unit::Prompts,
                "assumption.source.hour_prompts",
                "assumption.hour_prompts.label",
                "assumption.hour_prompts.why",
            ),
        }
    }
}

impl Assumptions {
    pub fn get(&self, key: AssumptionKey) -> f64 {
        match key {
            AssumptionKey::LightLoc => self.light_loc,
            AssumptionKey::HeavyLoc => self.heavy_loc,
            AssumptionKey::AutoAcceptBoost => self.auto_accept_boost,
            AssumptionKey::OpusWeight => self.opus_weight,
            AssumptionKey::OpusHoursRule => f64::from(u8::from(self.opus_hours_rule)),
            AssumptionKey::Headroom => self.headroom,
            AssumptionKey::WindowUsd => self.window_usd,
            AssumptionKey::HourPrompts => self.hour_prompts,
        }
    }

    /// Sets an assumption: non-finite → default, else clamped to its range (toggle: ≥ 0.5 is on).
    pub fn set(&mut self, key: AssumptionKey, x: f64) {
        let meta = key.meta();
        let v = if x.is_finite() {
            clamp(x, meta.min, meta.max)
        } else {
            meta.default
        };
        match key {
            AssumptionKey::LightLoc => self.light_loc = v,
            AssumptionKey::HeavyLoc => self.heavy_loc = v,
            AssumptionKey::AutoAcceptBoost => self.auto_accept_boost = v,
            AssumptionKey::OpusWeight => self.opus_weight = v,
            AssumptionKey::OpusHoursRule => self.opus_hours_rule = v >= 0.5,
            AssumptionKey::Headroom => self.headroom = v,
            AssumptionKey::WindowUsd => self.window_usd = v,
            AssumptionKey::HourPrompts => self.hour_prompts = v,
        }
    }

    /// Every assumption within its range.
    pub fn clamped(mut self) -> Self {
        for k in AssumptionKey::ALL {
            self.set(k, self.get(k));
        }
        self
    }

    /// Whether an assumption differs from its default.
    pub fn is_edited(&self, key: AssumptionKey) -> bool {
        (self.get(key) - key.meta().default).abs() > 1e-9
    }

    /// Heaviness η: `clamp(log10(loc / light) / log10(heavy / light) + boost, 0, 1)`, the boost
    /// only with auto-accept. With the defaults: `log10(loc / 1000) / 3 (+ 0.25)`.
    pub fn heaviness(&self, loc: f64, auto_accept: bool) -> f64 {
        // Ranges keep heavy / light ≥ 10; the guard is for unclamped values.
        let span = super::log10(self.heavy_loc / self.light_loc).max(0.1);
        let boost = if auto_accept {
            self.auto_accept_boost
        } else {
            0.0
        };
        let eta = super::log10(loc / self.light_loc) / span + boost;
        if eta.is_nan() {
            0.0
        } else {
            clamp(eta, 0.0, 1.0)
        }
    }

    /// Max 5x's window in dollars, without calibration ([`Assumptions::window_usd`]); the other
    /// plans by the article's multiples (Pro 1×, Max 5x 5×, Max 20x 20×).
    pub fn window_budget_usd(&self, plan: Plan) -> f64 {
        self.window_usd * plan.facts().multiple / Plan::Max5.facts().multiple
    }
}
