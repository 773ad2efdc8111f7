//! The plan and limit model (SPEC §2–§4): pure, std only, no browser API, tested natively.
//!
//! - [`facts`]: the help article's figures and statements, each with its provenance (official).
//! - [`assumptions`]: every estimate the model needs, with default, range, step and source.
//! - [`Inputs`]: the visitor's inputs (SPEC §4), clamped here and only here.
//! - [`evaluate`]: demand, per-plan fullness and verdict, costs, the recommendation, its reasons
//!   and what would change it.
//! - [`replay`]: imported real usage (API-equivalent dollars) against each plan's budget.
//!
//! The code holds translation keys, never prose: `locales/<lang>/model.json` has the texts.
//! The method and its limits are written out in `docs/model.md`.

pub mod assumptions;
pub mod facts;
mod replay;
#[cfg(test)]
mod tests;

pub use assumptions::{AssumptionKey, AssumptionMeta, Assumptions, Unit};
pub use facts::{Fact, FactValue, PlanFacts, Section, FACTS, FACTS_AS_OF};
pub use replay::{replay, weekly_budget_usd, window_budget_usd, PlanReplay, Replay, REF_PACE};

/// Weeks in a month: 52 / 12.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;
/// The rolling usage window, in hours (article: « toutes les cinq heures »).
pub const WINDOW_HOURS: f64 = 5.0;
/// Fullness up to this is comfortable (SPEC §3).
pub const COMFORTABLE_MAX: f64 = 0.75;
/// Fullness up to this is tight; above, the plan exceeds its limit (SPEC §3).
pub const TIGHT_MAX: f64 = 1.0;
/// Two costs closer than this (USD) are equal when choosing between options.
const COST_EPS: f64 = 0.005;

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

/// How full a plan gets, in words (SPEC §3).
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
    pub fn id(self) -> &'static str {
        match self {
            Limit::Window => "window",
            Limit::Week => "week",
        }
    }

    /// Translation key of the limit's name.
    pub fn key(self) -> &'static str {
        match self {
            Limit::Window => "fact.window",
            Limit::Week => "fact.week",
        }
    }
}

/// The visitor's inputs (SPEC §4). `Default` is SPEC §4's defaults.
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
        }
    }
}

/// The numeric inputs, by their SPEC §4 link keys.
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

    /// The link key (SPEC §4), also the `data-testid` of the number field.
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

    /// `(min, max, step, default)` (SPEC §4). `loc`'s slider is on a log scale: that is the UI's
    /// business; the value itself is a whole number of lines.
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
        self
    }

    /// Opus share of the work, 0–1.
    fn opus_share(&self) -> f64 {
        match self.model {
            ModelChoice::Sonnet => 0.0,
            ModelChoice::Opus => 1.0,
            ModelChoice::Mix => self.opus_pct / 100.0,
        }
    }
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
    /// Prompts in the busiest five-hour window, in Sonnet-equivalent prompts.
    pub window_prompts: f64,
    /// claude.ai messages in the busiest five-hour window (the whole day's, see docs/model.md).
    pub window_messages: f64,
    /// Instance-hours of Claude Code per week (n × h × d).
    pub weekly_instance_hours: f64,
    /// Sonnet-equivalent hours per week (instance-hours × weight).
    pub weekly_hours: f64,
    /// Sonnet-equivalent prompts per month.
    pub monthly_prompts: f64,
    /// claude.ai messages per month.
    pub monthly_messages: f64,
    /// API cost of one Sonnet prompt at this heaviness (assumption).
    pub prompt_usd: f64,
    /// API cost of one claude.ai message (Pro's window budget / 45 messages).
    pub message_usd: f64,
}

/// One plan against the workload.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanEval {
    pub plan: Plan,
    /// Claude Code prompts per five hours at this heaviness (from the article's range).
    pub prompts_capacity: f64,
    /// claude.ai messages per five hours (article: about 45 / 225 / 900).
    pub messages_capacity: f64,
    /// Sonnet hours per week at this heaviness (from the article's range).
    pub weekly_capacity_hours: f64,
    /// Opus hours per week at this heaviness (article for Max; Pro is an estimate). Used only
    /// under the Opus-hours rule (assumption `or`).
    pub weekly_opus_capacity_hours: f64,
    /// Fullness of the busiest five-hour window: prompts / capacity + messages / capacity.
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
    /// When the window is exceeded: hours from the window's start to the limit.
    pub time_to_limit_hours: Option<f64>,
    /// Hours of the visitor's week (wall clock) that fall past the weekly cap.
    pub weekly_hours_over: f64,
    /// The plan's price.
    pub monthly_usd: f64,
    /// Overflow billed at API rates when extra usage is on (0 when nothing overflows).
    pub extra_monthly_usd: f64,
    /// Price plus overflow.
    pub with_extra_monthly_usd: f64,
}

/// The whole result for one set of inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub demand: Demand,
    /// In [`Plan::ALL`] order.
    pub plans: [PlanEval; 3],
    /// The same workload on pay-as-you-go API, per month.
    pub api_monthly_usd: f64,
    pub recommendation: Recommendation,
}

impl Evaluation {
    pub fn plan(&self, plan: Plan) -> &PlanEval {
        plan.of(&self.plans)
    }
}

/// The cheapest option within the headroom target (SPEC §3).
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub plan: Plan,
    /// The plan plus extra usage (only when the visitor allows it and the plan alone does not fit).
    pub with_extra: bool,
    /// What it costs per month (price, plus the overflow when `with_extra`).
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
    /// Translate with [`Limit::key`].
    Limit(Limit),
    /// A fraction, shown as a whole percent (0.6 → "60").
    Percent(f64),
    /// US dollars, shown rounded ("$137").
    Usd(f64),
    /// A duration in hours, shown as hours and minutes (1.67 → "1 h 40"), see [`hours_minutes`].
    Duration(f64),
    /// A plain number (hours, days, prompts, instances, a weight), shown as is ("2", "3.5", "1.67").
    Number(f64),
}

/// Why the recommendation is what it is. Each variant's [`Reason::key`] is a sentence in
/// `locales/*/model.json`; [`Reason::args`] fills its placeholders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// `plan` fits: fullest limit at `fullness`, within the `headroom` target.
    Fits {
        plan: Plan,
        fullness: f64,
        headroom: f64,
    },
    /// A cheaper `plan` would be `fullness` full on its `limit`: above the `headroom` target.
    TooFull {
        plan: Plan,
        fullness: f64,
        limit: Limit,
        headroom: f64,
    },
    /// Nothing fits: even Max 20x is `fullness` full on its `limit`.
    NothingFits {
        plan: Plan,
        fullness: f64,
        limit: Limit,
    },
    /// `plan` plus extra usage: `extra_usd` a month of overflow at API rates, `total_usd` in all.
    ExtraUsage {
        plan: Plan,
        extra_usd: f64,
        total_usd: f64,
    },
    /// …which is less than `other` alone at `other_usd` (the cheapest plan that fits, or Max 20x).
    ExtraBeats { other: Plan, other_usd: f64 },
    /// The recommended plan's five-hour window fills after `hours`.
    WindowLimitAfter { plan: Plan, hours: f64 },
    /// `hours` of the week (wall clock) fall past the recommended plan's weekly cap.
    WeeklyHoursOver { plan: Plan, hours: f64 },
    /// The recommended plan is tight: watch `/status`.
    Tight { plan: Plan },
    /// Opus counts `weight` times a Sonnet prompt.
    OpusWeight { weight: f64 },
    /// `messages` claude.ai messages a day count against the same limits.
    SharedChat { messages: f64 },
    /// Pay-as-you-go API would cost `usd` a month: less than the recommendation.
    ApiCheaper { usd: f64 },
    /// Pay-as-you-go API would cost `usd` a month: more than the recommendation.
    ApiDearer { usd: f64 },
}

impl Reason {
    pub fn key(&self) -> &'static str {
        match self {
            Reason::Fits { .. } => "reason.fits",
            Reason::TooFull { .. } => "reason.too_full",
            Reason::NothingFits { .. } => "reason.nothing_fits",
            Reason::ExtraUsage { .. } => "reason.extra_usage",
            Reason::ExtraBeats { .. } => "reason.extra_beats",
            Reason::WindowLimitAfter { .. } => "reason.window_limit_after",
            Reason::WeeklyHoursOver { .. } => "reason.weekly_hours_over",
            Reason::Tight { .. } => "reason.tight",
            Reason::OpusWeight { .. } => "reason.opus_weight",
            Reason::SharedChat { .. } => "reason.shared_chat",
            Reason::ApiCheaper { .. } => "reason.api_cheaper",
            Reason::ApiDearer { .. } => "reason.api_dearer",
        }
    }

    /// The sentence's placeholders, by name.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        use Arg::*;
        match *self {
            Reason::Fits {
                plan,
                fullness,
                headroom,
            } => {
                vec![
                    ("plan", Plan(plan)),
                    ("fullness", Percent(fullness)),
                    ("headroom", Percent(headroom)),
                ]
            }
            Reason::TooFull {
                plan,
                fullness,
                limit,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                ("fullness", Percent(fullness)),
                ("limit", Limit(limit)),
                ("headroom", Percent(headroom)),
            ],
            Reason::NothingFits {
                plan,
                fullness,
                limit,
            } => {
                vec![
                    ("plan", Plan(plan)),
                    ("fullness", Percent(fullness)),
                    ("limit", Limit(limit)),
                ]
            }
            Reason::ExtraUsage {
                plan,
                extra_usd,
                total_usd,
            } => {
                vec![
                    ("plan", Plan(plan)),
                    ("extra", Usd(extra_usd)),
                    ("total", Usd(total_usd)),
                ]
            }
            Reason::ExtraBeats { other, other_usd } => {
                vec![("other", Plan(other)), ("usd", Usd(other_usd))]
            }
            Reason::WindowLimitAfter { plan, hours } => {
                vec![("plan", Plan(plan)), ("time", Duration(hours))]
            }
            Reason::WeeklyHoursOver { plan, hours } => {
                vec![("plan", Plan(plan)), ("hours", Number(hours))]
            }
            Reason::Tight { plan } => vec![("plan", Plan(plan))],
            Reason::OpusWeight { weight } => vec![("weight", Number(weight))],
            Reason::SharedChat { messages } => vec![("messages", Number(messages))],
            Reason::ApiCheaper { usd } | Reason::ApiDearer { usd } => vec![("usd", Usd(usd))],
        }
    }
}

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
    pub fn key(&self) -> &'static str {
        match self {
            Alternative::UseSonnet { .. } => "alt.use_sonnet",
            Alternative::LessOpus { .. } => "alt.less_opus",
            Alternative::NoAutoAccept { .. } => "alt.no_auto_accept",
            Alternative::FewerInstances { instances, .. } if *instances <= 1.0 => {
                "alt.fewer_instances_one"
            }
            Alternative::FewerInstances { .. } => "alt.fewer_instances",
            Alternative::FewerHours { hours, .. } if *hours == 1.0 => "alt.fewer_hours_one",
            Alternative::FewerHours { .. } => "alt.fewer_hours",
            Alternative::FewerDays { days, .. } if *days <= 1.0 => "alt.fewer_days_one",
            Alternative::FewerDays { .. } => "alt.fewer_days",
            Alternative::SlowerPace { pace, .. } if *pace == 1.0 => "alt.slower_pace_one",
            Alternative::SlowerPace { .. } => "alt.slower_pace",
            Alternative::LessChat { chat, .. } if *chat <= 0.0 => "alt.no_chat",
            Alternative::LessChat { chat, .. } if *chat == 1.0 => "alt.less_chat_one",
            Alternative::LessChat { .. } => "alt.less_chat",
            Alternative::AllowExtra { .. } => "alt.allow_extra",
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
        match *self {
            Alternative::UseSonnet { .. } | Alternative::NoAutoAccept { .. } => vec![p],
            Alternative::LessOpus {
                opus_pct: v,
                current,
                ..
            } => {
                vec![p, ("opus", Number(v)), ("current", Number(current))]
            }
            Alternative::FewerInstances {
                instances: v,
                current,
                ..
            } => {
                vec![p, ("instances", Number(v)), ("current", Number(current))]
            }
            Alternative::FewerHours {
                hours: v, current, ..
            } => {
                vec![p, ("hours", Number(v)), ("current", Number(current))]
            }
            Alternative::FewerDays {
                days: v, current, ..
            } => {
                vec![p, ("days", Number(v)), ("current", Number(current))]
            }
            Alternative::SlowerPace {
                pace: v, current, ..
            } => {
                vec![p, ("pace", Number(v)), ("current", Number(current))]
            }
            Alternative::LessChat {
                chat: v, current, ..
            } => {
                vec![p, ("chat", Number(v)), ("current", Number(current))]
            }
            Alternative::AllowExtra { usd, .. } => vec![p, ("usd", Usd(usd))],
        }
    }
}

/// Hours as whole hours and minutes, rounded to the minute: 1.67 → (1, 40). Non-finite or
/// negative → (0, 0).
pub fn hours_minutes(hours: f64) -> (u32, u32) {
    let minutes = if hours.is_finite() {
        clamp((hours * 60.0).round(), 0.0, 1.0e6) as u32
    } else {
        0
    };
    (minutes / 60, minutes % 60)
}

/// `x` within `[lo, hi]` (for `lo ≤ hi`; NaN gives `lo`). Unlike `f64::clamp` it has no panic
/// path, whose float formatting would add about 10 KB to the wasm.
#[allow(clippy::manual_clamp)]
pub(crate) fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

// ---------------------------------------------------------------------------------------------
// The computation.

/// Capacities of one plan at one heaviness.
#[derive(Clone, Copy, Debug)]
struct Caps {
    prompts: f64,
    messages: f64,
    week: f64,
    opus_week: f64,
}

/// What depends on codebase size, auto-accept and the assumptions, not on the load.
#[derive(Clone, Copy, Debug)]
struct Ctx {
    eta: f64,
    caps: [Caps; 3],
    prompt_usd: f64,
    message_usd: f64,
    headroom: f64,
    opus_rule: bool,
}

/// `hi × (lo / hi)^η`: the article's range, interpolated geometrically (SPEC §3).
/// The ends are exact: η ≤ 0 gives `hi`, η ≥ 1 gives `lo`.
pub fn interpolate((lo, hi): (f64, f64), eta: f64) -> f64 {
    if eta <= 0.0 {
        hi
    } else if eta >= 1.0 {
        lo
    } else {
        hi * (lo / hi).powf(eta)
    }
}

impl Ctx {
    fn new(loc: f64, auto_accept: bool, a: &Assumptions) -> Ctx {
        let eta = a.heaviness(loc, auto_accept);
        let caps = Plan::ALL.map(|p| {
            let f = p.facts();
            Caps {
                prompts: interpolate(f.prompts_5h, eta),
                messages: f.messages_5h,
                week: interpolate(f.sonnet_week_hours, eta),
                opus_week: interpolate(f.opus_week_hours_or_estimate(), eta),
            }
        });
        Ctx {
            eta,
            caps,
            prompt_usd: a.prompt_usd(eta),
            message_usd: a.message_usd(),
            headroom: a.headroom,
            opus_rule: a.opus_hours_rule,
        }
    }

    fn caps(&self, plan: Plan) -> &Caps {
        plan.of(&self.caps)
    }
}

/// The workload, in the units of the inputs.
#[derive(Clone, Copy, Debug)]
struct Load {
    n: f64,
    h: f64,
    d: f64,
    pace: f64,
    chat: f64,
    share: f64,
    weight: f64,
    opus_weight: f64,
}

impl Load {
    fn new(i: &Inputs) -> Load {
        let mut l = Load {
            n: f64::from(i.instances),
            h: i.hours,
            d: f64::from(i.days),
            pace: i.pace,
            chat: f64::from(i.chat),
            share: 0.0,
            weight: 1.0,
            opus_weight: i.assumptions.opus_weight,
        };
        l.set_share(i.opus_share());
        l
    }

    fn set_share(&mut self, share: f64) {
        self.share = share;
        self.weight = 1.0 + (self.opus_weight - 1.0) * share;
    }

    fn window_prompts(&self) -> f64 {
        self.n * self.pace * self.h.min(WINDOW_HOURS) * self.weight
    }

    fn instance_hours(&self) -> f64 {
        self.n * self.h * self.d
    }

    /// (window, week) fullness against `c`.
    fn fullness(&self, c: &Caps, opus_rule: bool) -> (f64, f64) {
        let window = self.window_prompts() / c.prompts + self.chat / c.messages;
        let ih = self.instance_hours();
        let week = if opus_rule {
            ih * (1.0 - self.share) / c.week + ih * self.share / c.opus_week
        } else {
            ih * self.weight / c.week
        };
        (window, week)
    }

    fn fits(&self, ctx: &Ctx, plan: Plan) -> bool {
        let (w, k) = self.fullness(ctx.caps(plan), ctx.opus_rule);
        w.max(k) <= ctx.headroom
    }

    fn api_monthly_usd(&self, ctx: &Ctx) -> f64 {
        let weekly =
            self.d * (self.window_rate() * self.h * ctx.prompt_usd + self.chat * ctx.message_usd);
        weekly * WEEKS_PER_MONTH
    }

    /// Sonnet-equivalent prompts per hour.
    fn window_rate(&self) -> f64 {
        self.n * self.pace * self.weight
    }
}

fn plan_eval(plan: Plan, ctx: &Ctx, load: &Load, api_monthly: f64) -> PlanEval {
    let c = ctx.caps(plan);
    let (window, week) = load.fullness(c, ctx.opus_rule);
    let fullness = window.max(week);
    let price = plan.price_usd();
    let extra = if fullness > 1.0 {
        api_monthly * (1.0 - 1.0 / fullness)
    } else {
        0.0
    };
    PlanEval {
        plan,
        prompts_capacity: c.prompts,
        messages_capacity: c.messages,
        weekly_capacity_hours: c.week,
        weekly_opus_capacity_hours: c.opus_week,
        window_fullness: window,
        weekly_fullness: week,
        fullness,
        binding: if week > window {
            Limit::Week
        } else {
            Limit::Window
        },
        verdict: Verdict::of(fullness),
        fits: fullness <= ctx.headroom,
        time_to_limit_hours: (window > 1.0).then(|| load.h.min(WINDOW_HOURS) / window),
        weekly_hours_over: if week > 1.0 {
            load.h * load.d * (1.0 - 1.0 / week)
        } else {
            0.0
        },
        monthly_usd: price,
        extra_monthly_usd: extra,
        with_extra_monthly_usd: price + extra,
    }
}

/// The plans and the chosen option, without reasons.
struct Core {
    plans: [PlanEval; 3],
    api_monthly: f64,
    choice: Choice,
}

#[derive(Clone, Copy, Debug)]
struct Choice {
    plan: Plan,
    with_extra: bool,
    cost: f64,
    fits: bool,
}

fn core(ctx: &Ctx, load: &Load, extra_usage: bool) -> Core {
    let api_monthly = load.api_monthly_usd(ctx);
    let plans = Plan::ALL.map(|p| plan_eval(p, ctx, load, api_monthly));
    let choice = choose(&plans, extra_usage);
    Core {
        plans,
        api_monthly,
        choice,
    }
}

/// The cheapest option: a plan that fits, or (with extra usage) a plan plus its overflow.
/// On a tie, a plan that fits on its own wins, then the cheaper plan.
fn choose(plans: &[PlanEval; 3], extra_usage: bool) -> Choice {
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

/// Evaluates the inputs (clamped first): demand, each plan, costs, the recommendation with its
/// reasons and alternatives. Never panics; every number in the result is finite.
pub fn evaluate(inputs: &Inputs) -> Evaluation {
    let inputs = inputs.clone().clamped();
    let a = &inputs.assumptions;
    let ctx = Ctx::new(inputs.loc, inputs.auto_accept, a);
    let load = Load::new(&inputs);
    let Core {
        plans,
        api_monthly,
        choice,
    } = core(&ctx, &load, inputs.extra_usage);

    let demand = Demand {
        heaviness: ctx.eta,
        weight: load.weight,
        opus_share: load.share,
        window_prompts: load.window_prompts(),
        window_messages: load.chat,
        weekly_instance_hours: load.instance_hours(),
        weekly_hours: load.instance_hours() * load.weight,
        monthly_prompts: load.window_rate() * load.h * load.d * WEEKS_PER_MONTH,
        monthly_messages: load.chat * load.d * WEEKS_PER_MONTH,
        prompt_usd: ctx.prompt_usd,
        message_usd: ctx.message_usd,
    };
    let reasons = reasons(&plans, &choice, &inputs, &load, &ctx, api_monthly);
    let alternatives = alternatives(&inputs, &ctx, &load, &plans, &choice);
    let rec = choice.plan.of(&plans);
    Evaluation {
        demand,
        plans,
        api_monthly_usd: api_monthly,
        recommendation: Recommendation {
            plan: choice.plan,
            with_extra: choice.with_extra,
            monthly_usd: choice.cost,
            verdict: rec.verdict,
            fits: choice.fits,
            reasons,
            alternatives,
        },
    }
}

fn reasons(
    plans: &[PlanEval; 3],
    choice: &Choice,
    inputs: &Inputs,
    load: &Load,
    ctx: &Ctx,
    api: f64,
) -> Vec<Reason> {
    let mut out = Vec::with_capacity(8);
    let rec = choice.plan.of(plans);
    let headroom = ctx.headroom;
    if choice.fits {
        out.push(Reason::Fits {
            plan: rec.plan,
            fullness: rec.fullness,
            headroom,
        });
    } else if choice.with_extra {
        out.push(Reason::ExtraUsage {
            plan: rec.plan,
            extra_usd: rec.extra_monthly_usd,
            total_usd: choice.cost,
        });
        let other = plans
            .iter()
            .find(|p| p.fits)
            .map_or(Plan::Max20, |p| p.plan);
        if other != rec.plan {
            out.push(Reason::ExtraBeats {
                other,
                other_usd: other.price_usd(),
            });
        }
    } else {
        out.push(Reason::NothingFits {
            plan: rec.plan,
            fullness: rec.fullness,
            limit: rec.binding,
        });
    }
    if choice.fits || choice.with_extra {
        for p in plans
            .iter()
            .filter(|p| p.plan.index() < rec.plan.index() && !p.fits)
        {
            out.push(Reason::TooFull {
                plan: p.plan,
                fullness: p.fullness,
                limit: p.binding,
                headroom,
            });
        }
    }
    if let Some(hours) = rec.time_to_limit_hours {
        out.push(Reason::WindowLimitAfter {
            plan: rec.plan,
            hours,
        });
    }
    if rec.weekly_hours_over > 0.0 {
        out.push(Reason::WeeklyHoursOver {
            plan: rec.plan,
            hours: rec.weekly_hours_over,
        });
    }
    if rec.verdict == Verdict::Tight {
        out.push(Reason::Tight { plan: rec.plan });
    }
    if load.share > 0.0 {
        out.push(Reason::OpusWeight {
            weight: inputs.assumptions.opus_weight,
        });
    }
    if load.chat > 0.0 {
        out.push(Reason::SharedChat {
            messages: load.chat,
        });
    }
    out.push(if api < choice.cost {
        Reason::ApiCheaper { usd: api }
    } else {
        Reason::ApiDearer { usd: api }
    });
    out
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
    ctx: &Ctx,
    load: &Load,
    plan: Plan,
    input: NumInput,
    current: f64,
) -> Option<f64> {
    let (min, _, step, _) = input.range();
    let at = |i: i64| min + i as f64 * step;
    let fits_at = |i: i64| {
        let mut l = *load;
        let v = at(i);
        match input {
            NumInput::Instances => l.n = v,
            NumInput::Hours => l.h = v,
            NumInput::Days => l.d = v,
            NumInput::Pace => l.pace = v,
            NumInput::Chat => l.chat = v,
            NumInput::OpusPct => l.set_share(v / 100.0),
            NumInput::Loc => return false,
        }
        l.fits(ctx, plan)
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

fn alternatives(
    inputs: &Inputs,
    ctx: &Ctx,
    load: &Load,
    plans: &[PlanEval; 3],
    choice: &Choice,
) -> Vec<Alternative> {
    let mut out = Vec::new();
    // The cheapest plan that fits on its own after a change, if it is a target.
    let reach = |ctx: &Ctx, load: &Load| -> Option<Plan> {
        let plan = Plan::ALL.into_iter().find(|&p| load.fits(ctx, p))?;
        targets(choice).any(|t| t == plan).then_some(plan)
    };
    if load.share > 0.0 {
        let mut l = *load;
        l.set_share(0.0);
        if let Some(plan) = reach(ctx, &l) {
            out.push(Alternative::UseSonnet { plan });
        }
    }
    if inputs.model == ModelChoice::Mix && inputs.opus_pct > 0.0 {
        if let Some((plan, v)) = targets(choice)
            .find_map(|t| {
                largest_fitting(ctx, load, t, NumInput::OpusPct, inputs.opus_pct).map(|v| (t, v))
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
        let c = Ctx::new(inputs.loc, false, &inputs.assumptions);
        if let Some(plan) = reach(&c, load) {
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
            .find_map(|t| largest_fitting(ctx, load, t, input, current).map(|v| (t, v)))
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
    if !inputs.extra_usage {
        let c = choose(plans, true);
        if c.cost < choice.cost - COST_EPS {
            out.push(Alternative::AllowExtra {
                plan: c.plan,
                usd: c.cost,
            });
        }
    }
    out
}
