//! What the model is asked about: the visitor's inputs ([`Inputs`], the calculator's sliders and
//! the assumptions, which travel in a link), and what an import of real usage brings: the
//! observed usage ([`Observed`]) and a calibration from the visitor's own limit hits
//! ([`Calibration`], which travels in a link as two or three numbers, never the logs).
//!
//! Every value is clamped here and only here: `evaluate` clamps first, so no input, however
//! extreme, reaches the computation out of range.

use super::{clamp, Assumptions, Plan};

/// Which model the visitor uses in Claude Code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ModelChoice {
    #[default]
    Sonnet,
    Opus,
    /// Both, Opus for `opus_pct` percent of the work.
    Mix,
}

impl ModelChoice {
    pub const ALL: [ModelChoice; 3] = [ModelChoice::Sonnet, ModelChoice::Opus, ModelChoice::Mix];

    pub fn id(self) -> &'static str {
        match self {
            ModelChoice::Sonnet => "sonnet",
            ModelChoice::Opus => "opus",
            ModelChoice::Mix => "mix",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        ModelChoice::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// A plan's five-hour window (and, when weekly hits were seen, its week) in API-equivalent
/// dollars, measured from the visitor's own limit hits on that plan. See `docs/model.md`
/// ("Calibration").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// The plan the visitor was on when the limits cut them off.
    pub plan: Plan,
    /// The median over the five-hour hits: dollars spent in the window up to the hit.
    pub window_usd: f64,
    /// The median over the weekly hits: dollars spent in the 7 days before the hit.
    pub week_usd: Option<f64>,
    /// The lowest and highest window among the hits (known after an import, not from a link).
    pub window_range: Option<(f64, f64)>,
    /// How many hits it rests on (0 when it came from a link).
    pub hits: u32,
    /// The first and the last hit, Unix milliseconds (known after an import, not from a link).
    pub span_ms: Option<(f64, f64)>,
}

impl Calibration {
    /// Smallest and largest window a calibration may hold, USD.
    pub const WINDOW_RANGE: (f64, f64) = (0.5, 10_000.0);
    /// Smallest and largest week a calibration may hold, USD.
    pub const WEEK_RANGE: (f64, f64) = (1.0, 100_000.0);

    /// Within range, or `None` when the window is not a usable number. A week that is not
    /// usable is dropped; a range is ordered and kept around the window.
    pub fn clamped(self) -> Option<Calibration> {
        let (lo, hi) = Calibration::WINDOW_RANGE;
        if !self.window_usd.is_finite() || self.window_usd <= 0.0 {
            return None;
        }
        let window_usd = clamp(self.window_usd, lo, hi);
        let (wlo, whi) = Calibration::WEEK_RANGE;
        let week_usd = self
            .week_usd
            .filter(|w| w.is_finite() && *w > 0.0)
            .map(|w| clamp(w, wlo, whi));
        let window_range = self.window_range.and_then(|(a, b)| {
            (a.is_finite() && b.is_finite()).then(|| {
                let (a, b) = (clamp(a.min(b), lo, hi), clamp(a.max(b), lo, hi));
                (a.min(window_usd), b.max(window_usd))
            })
        });
        let span_ms = self
            .span_ms
            .filter(|(a, b)| a.is_finite() && b.is_finite())
            .map(|(a, b)| (a.min(b), a.max(b)));
        Some(Calibration {
            plan: self.plan,
            window_usd,
            week_usd,
            window_range,
            hits: self.hits,
            span_ms,
        })
    }
}

/// The visitor's inputs. `Default` is the page's defaults (see [`NumInput::range`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    /// Codebase size, lines of code.
    pub loc: f64,
    pub model: ModelChoice,
    /// Opus share in percent, used when `model` is [`ModelChoice::Mix`].
    pub opus_pct: f64,
    /// Parallel Claude Code instances.
    pub instances: u32,
    /// Active hours per day.
    pub hours: f64,
    /// Days per week.
    pub days: u32,
    /// Prompts per hour per instance.
    pub pace: f64,
    pub auto_accept: bool,
    /// claude.ai messages per day (limits are shared with Claude Code).
    pub chat: u32,
    /// Extra usage (billed at API rates) allowed.
    pub extra_usage: bool,
    pub assumptions: Assumptions,
    /// The plans' windows measured from the visitor's limit hits, if any.
    pub calibration: Option<Calibration>,
}

impl Default for Inputs {
    fn default() -> Self {
        let d = |i: NumInput| i.range().3;
        Inputs {
            loc: d(NumInput::Loc),
            model: ModelChoice::Sonnet,
            opus_pct: d(NumInput::OpusPct),
            instances: d(NumInput::Instances) as u32,
            hours: d(NumInput::Hours),
            days: d(NumInput::Days) as u32,
            pace: d(NumInput::Pace),
            auto_accept: false,
            chat: d(NumInput::Chat) as u32,
            extra_usage: false,
            assumptions: Assumptions::default(),
            calibration: None,
        }
    }
}

/// The numeric inputs, by their link keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumInput {
    Loc,
    OpusPct,
    Instances,
    Hours,
    Days,
    Pace,
    Chat,
}

impl NumInput {
    pub const ALL: [NumInput; 7] = [
        NumInput::Loc,
        NumInput::OpusPct,
        NumInput::Instances,
        NumInput::Hours,
        NumInput::Days,
        NumInput::Pace,
        NumInput::Chat,
    ];

    /// The link key (see `docs/link-format.md`), also the `data-testid` of the number field.
    pub fn key(self) -> &'static str {
        match self {
            NumInput::Loc => "loc",
            NumInput::OpusPct => "opus",
            NumInput::Instances => "n",
            NumInput::Hours => "h",
            NumInput::Days => "d",
            NumInput::Pace => "pace",
            NumInput::Chat => "chat",
        }
    }

    /// `(min, max, step, default)`. `loc`'s slider is on a log scale: that is the UI's business;
    /// the value itself is a whole number of lines.
    pub fn range(self) -> (f64, f64, f64, f64) {
        match self {
            NumInput::Loc => (100.0, 10_000_000.0, 1.0, 20_000.0),
            NumInput::OpusPct => (0.0, 100.0, 1.0, 30.0),
            NumInput::Instances => (1.0, 20.0, 1.0, 1.0),
            NumInput::Hours => (0.5, 16.0, 0.5, 4.0),
            NumInput::Days => (1.0, 7.0, 1.0, 5.0),
            NumInput::Pace => (1.0, 30.0, 1.0, 6.0),
            NumInput::Chat => (0.0, 500.0, 1.0, 0.0),
        }
    }

    /// The value this input takes for `x`: non-finite → default, rounded to the step, clamped.
    pub fn clamp(self, x: f64) -> f64 {
        let (min, max, step, default) = self.range();
        if !x.is_finite() {
            return default;
        }
        clamp(min + ((x - min) / step).round() * step, min, max)
    }
}

impl Inputs {
    /// The value of a numeric input.
    pub fn num(&self, input: NumInput) -> f64 {
        match input {
            NumInput::Loc => self.loc,
            NumInput::OpusPct => self.opus_pct,
            NumInput::Instances => f64::from(self.instances),
            NumInput::Hours => self.hours,
            NumInput::Days => f64::from(self.days),
            NumInput::Pace => self.pace,
            NumInput::Chat => f64::from(self.chat),
        }
    }

    /// Sets a numeric input: non-finite → default, rounded to its step, clamped to its range.
    pub fn set_num(&mut self, input: NumInput, x: f64) {
        let v = input.clamp(x);
        // `v` is finite, whole and within 0..=10^7 for the integer inputs: the casts are exact.
        match input {
            NumInput::Loc => self.loc = v,
            NumInput::OpusPct => self.opus_pct = v,
            NumInput::Instances => self.instances = v as u32,
            NumInput::Hours => self.hours = v,
            NumInput::Days => self.days = v as u32,
            NumInput::Pace => self.pace = v,
            NumInput::Chat => self.chat = v as u32,
        }
    }

    /// Every input within its range and on its step, every assumption within its range.
    pub fn clamped(mut self) -> Self {
        for input in NumInput::ALL {
            self.set_num(input, self.num(input));
        }
        self.assumptions = self.assumptions.clamped();
        self.calibration = self.calibration.and_then(Calibration::clamped);
        self
    }

    /// Opus share of the work, 0–1.
    pub fn opus_share(&self) -> f64 {
        match self.model {
            ModelChoice::Sonnet => 0.0,
            ModelChoice::Opus => 1.0,
            ModelChoice::Mix => self.opus_pct / 100.0,
        }
    }
}

/// Usage observed in imported logs, in API-equivalent dollars (list prices, as ccusage counts).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Observed {
    /// The busiest five-hour block.
    pub window_usd: f64,
    /// The busiest 7 days (any 7 × 24 hours, not a calendar week).
    pub week_usd: f64,
    /// The whole import's cost per month (its total over the weeks it spans, × 52/12).
    pub monthly_usd: f64,
    /// Share of the cost spent on Opus, 0–1.
    pub opus_share: f64,
    /// Active hours per active day.
    pub hours_per_day: f64,
    /// Active days per week.
    pub days_per_week: f64,
}

impl Observed {
    /// Every figure finite and non-negative (shares within 0–1).
    pub fn clamped(self) -> Observed {
        let usd = |x: f64| {
            if x.is_nan() {
                0.0
            } else {
                clamp(x, 0.0, 1.0e12)
            }
        };
        Observed {
            window_usd: usd(self.window_usd),
            week_usd: usd(self.week_usd),
            monthly_usd: usd(self.monthly_usd),
            opus_share: clamp(usd(self.opus_share), 0.0, 1.0),
            hours_per_day: clamp(usd(self.hours_per_day), 0.0, 24.0),
            days_per_week: clamp(usd(self.days_per_week), 0.0, 7.0),
        }
    }
}
