//! Assumptions (SPEC §3): every estimate the model needs that the article does not give, each
//! with its default, allowed range, step, unit and source. All are editable in the page's
//! Assumptions panel and travel in the link under their short [`AssumptionKey::key`].
//! Labels, rationales and sources are translated: `assumption.<id>.label`, `assumption.<id>.why`,
//! `assumption.source.<id>`.

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
}

impl Unit {
    pub fn id(self) -> &'static str {
        match self {
            Unit::Lines => "lines",
            Unit::Heaviness => "heaviness",
            Unit::Ratio => "ratio",
            Unit::Toggle => "toggle",
            Unit::Percent => "percent",
            Unit::Usd => "usd",
        }
    }
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
    /// API cost of a light Sonnet prompt (η = 0), USD.
    pub prompt_usd_light: f64,
    /// API cost of a heavy Sonnet prompt (η = 1), USD.
    pub prompt_usd_heavy: f64,
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
            prompt_usd_light: 0.0,
            prompt_usd_heavy: 0.0,
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
    PromptUsdLight,
    PromptUsdHeavy,
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

const ARTICLE: &str = "assumption.source.article";
const API_PRICES: &str = "assumption.source.api_prices";
const PROMPT_COST: &str = "assumption.source.prompt_cost";
const SPEC: &str = "assumption.source.spec";
const SPEC_AUTO_ACCEPT: &str = "assumption.source.spec_auto_accept";

impl AssumptionKey {
    pub const ALL: [AssumptionKey; 8] = [
        AssumptionKey::LightLoc,
        AssumptionKey::HeavyLoc,
        AssumptionKey::AutoAcceptBoost,
        AssumptionKey::OpusWeight,
        AssumptionKey::OpusHoursRule,
        AssumptionKey::Headroom,
        AssumptionKey::PromptUsdLight,
        AssumptionKey::PromptUsdHeavy,
    ];

    /// The short, stable link key (distinct from SPEC §4's keys, `v` and `lang`).
    pub fn key(self) -> &'static str {
        match self {
            AssumptionKey::LightLoc => "ll",
            AssumptionKey::HeavyLoc => "hl",
            AssumptionKey::AutoAcceptBoost => "ab",
            AssumptionKey::OpusWeight => "ow",
            AssumptionKey::OpusHoursRule => "or",
            AssumptionKey::Headroom => "hr",
            AssumptionKey::PromptUsdLight => "pl",
            AssumptionKey::PromptUsdHeavy => "ph",
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
            AssumptionKey::PromptUsdLight => "prompt_light",
            AssumptionKey::PromptUsdHeavy => "prompt_heavy",
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
                ARTICLE,
                "assumption.light_loc.label",
                "assumption.light_loc.why",
            ),
            AssumptionKey::HeavyLoc => m(
                1_000_000.0,
                100_000.0,
                10_000_000.0,
                10_000.0,
                Unit::Lines,
                SPEC,
                "assumption.heavy_loc.label",
                "assumption.heavy_loc.why",
            ),
            AssumptionKey::AutoAcceptBoost => m(
                0.25,
                0.0,
                1.0,
                0.05,
                Unit::Heaviness,
                SPEC_AUTO_ACCEPT,
                "assumption.auto_accept.label",
                "assumption.auto_accept.why",
            ),
            AssumptionKey::OpusWeight => m(
                5.0 / 3.0,
                1.0,
                10.0,
                0.01,
                Unit::Ratio,
                API_PRICES,
                "assumption.opus_weight.label",
                "assumption.opus_weight.why",
            ),
            AssumptionKey::OpusHoursRule => m(
                0.0,
                0.0,
                1.0,
                1.0,
                Unit::Toggle,
                ARTICLE,
                "assumption.opus_rule.label",
                "assumption.opus_rule.why",
            ),
            AssumptionKey::Headroom => m(
                0.85,
                0.5,
                1.0,
                0.05,
                Unit::Percent,
                SPEC,
                "assumption.headroom.label",
                "assumption.headroom.why",
            ),
            AssumptionKey::PromptUsdLight => m(
                0.10,
                0.01,
                1.0,
                0.01,
                Unit::Usd,
                PROMPT_COST,
                "assumption.prompt_light.label",
                "assumption.prompt_light.why",
            ),
            AssumptionKey::PromptUsdHeavy => m(
                0.40,
                0.01,
                4.0,
                0.01,
                Unit::Usd,
                PROMPT_COST,
                "assumption.prompt_heavy.label",
                "assumption.prompt_heavy.why",
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
            AssumptionKey::PromptUsdLight => self.prompt_usd_light,
            AssumptionKey::PromptUsdHeavy => self.prompt_usd_heavy,
        }
    }

    /// Sets an assumption: non-finite → default, else clamped to its range (toggle: ≥ 0.5 is on).
    pub fn set(&mut self, key: AssumptionKey, x: f64) {
        let meta = key.meta();
        let v = if x.is_finite() {
            super::clamp(x, meta.min, meta.max)
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
            AssumptionKey::PromptUsdLight => self.prompt_usd_light = v,
            AssumptionKey::PromptUsdHeavy => self.prompt_usd_heavy = v,
        }
    }

    /// Every assumption within its range.
    pub fn clamped(mut self) -> Self {
        for k in AssumptionKey::ALL {
            self.set(k, self.get(k));
        }
        self
    }

    /// Heaviness η (SPEC §3): `clamp(log10(loc / light) / log10(heavy / light) + boost, 0, 1)`,
    /// the boost only with auto-accept. With the defaults: `log10(loc / 1000) / 3 + 0.25`.
    pub fn heaviness(&self, loc: f64, auto_accept: bool) -> f64 {
        // Ranges keep heavy / light ≥ 10; the guard is for unclamped values.
        let span = (self.heavy_loc / self.light_loc).log10().max(0.1);
        let boost = if auto_accept {
            self.auto_accept_boost
        } else {
            0.0
        };
        let eta = (loc / self.light_loc).log10() / span + boost;
        if eta.is_nan() {
            0.0
        } else {
            super::clamp(eta, 0.0, 1.0)
        }
    }

    /// The heavy prompt's cost, never below the light one (so cost grows with heaviness).
    fn heavy_usd(&self) -> f64 {
        self.prompt_usd_heavy.max(self.prompt_usd_light)
    }

    /// API cost of one Sonnet prompt at heaviness η: `light × (heavy / light)^η`.
    pub fn prompt_usd(&self, eta: f64) -> f64 {
        self.prompt_usd_light * (self.heavy_usd() / self.prompt_usd_light).powf(eta)
    }

    /// The geometric middle of the prompt cost, `√(light × heavy)` ($0.20 by default).
    pub fn mid_prompt_usd(&self) -> f64 {
        (self.prompt_usd_light * self.heavy_usd()).sqrt()
    }

    /// API cost of one claude.ai message: Pro's five-hour budget over its 45 messages (the
    /// article's « environ 45 messages … OU … 10-40 invites »), ≈ $0.089 by default.
    pub fn message_usd(&self) -> f64 {
        let f = super::Plan::Pro.facts();
        super::replay::window_budget(f, self) / f.messages_5h
    }
}
