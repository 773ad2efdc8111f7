//! Why the recommendation is what it is, and what would change it, as typed data: each
//! [`Reason`] and [`Alternative`] is a translation key (`locales/<lang>/model.json`) plus typed
//! arguments for its `{placeholders}`. The page writes the sentences (and picks singular forms).

use super::assumptions::WINDOW_USD_MEASURED_HIGH;
use super::capacity::{Limits, WindowSource};
use super::choose::{choose, Choice, COST_EPS};
use super::evaluate::{Core, Load, Rules, WhatIf, Work};
use super::{Inputs, Limit, ModelChoice, NumInput, Plan, PlanEval, Verdict};

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

/// Why the recommendation is what it is. Each variant's [`Reason::key`] is a sentence;
/// [`Reason::args`] fills its placeholders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The answer rests on imported usage: the busiest five-hour block and 7 days, in dollars.
    Observed { window_usd: f64, week_usd: f64 },
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
        headroom: f64,
    },
    /// `plan` plus extra usage: the work above the `headroom` target, `extra_usd` a month at API
    /// rates, `total_usd` in all.
    ExtraUsage {
        plan: Plan,
        extra_usd: f64,
        total_usd: f64,
        headroom: f64,
    },
    /// …which is less than `other` alone at `other_usd` (the cheapest plan that fits, or Max 20x).
    ExtraBeats { other: Plan, other_usd: f64 },
    /// The recommended plan's five-hour window fills after `hours`.
    WindowLimitAfter { plan: Plan, hours: f64 },
    /// `hours` of the week (wall clock) fall past the recommended plan's weekly cap.
    WeeklyHoursOver { plan: Plan, hours: f64 },
    /// The recommended plan is tight: watch `/status`.
    Tight { plan: Plan },
    /// Opus counts `weight` times a Sonnet prompt (the default rule).
    OpusWeight { weight: f64 },
    /// Opus counts against the article's Opus 4 weekly hours (the other rule).
    OpusHours,
    /// The other reading of Opus would recommend `plan` (with extra usage or not):
    /// `by_hours` when that reading is the article's Opus 4 hours.
    OpusRuleDiffers {
        plan: Plan,
        with_extra: bool,
        by_hours: bool,
    },
    /// The windows' dollars are the default estimate: Max 5x's window holds `usd`, public
    /// measurements ran from `low` to `measured_high`, and higher limits were reported since.
    WindowEstimate {
        usd: f64,
        low: f64,
        measured_high: f64,
    },
    /// The visitor set Max 5x's window to `usd`.
    WindowEdited { usd: f64 },
    /// The windows come from `hits` of the visitor's own limit hits on `plan`: its window held
    /// `usd`.
    WindowCalibrated { plan: Plan, usd: f64, hits: f64 },
    /// …between `first` and `last` (Unix ms).
    CalibrationDates { first: f64, last: f64 },
    /// The answer is the same whether `plan`'s window holds `low` or `high`.
    HoldsAcross { plan: Plan, low: f64, high: f64 },
    /// Were `window_plan`'s window `usd`, the answer would be `plan` (with extra usage or not).
    ChangesAt {
        window_plan: Plan,
        usd: f64,
        plan: Plan,
        with_extra: bool,
    },
    /// `messages` claude.ai messages a day count against the same limits.
    SharedChat { messages: f64 },
    /// Pay-as-you-go API would cost `usd` a month: less than the recommendation; between `low`
    /// and `high` across the public measurements of a prompt's price (when `low < high`).
    ApiCheaper { usd: f64, low: f64, high: f64 },
    /// Pay-as-you-go API would cost `usd` a month: more than the recommendation.
    ApiDearer { usd: f64, low: f64, high: f64 },
}

impl Reason {
    pub fn key(&self) -> &'static str {
        match self {
            Reason::Observed { .. } => "reason.observed",
            Reason::Fits { .. } => "reason.fits",
            Reason::TooFull { .. } => "reason.too_full",
            Reason::NothingFits { .. } => "reason.nothing_fits",
            Reason::ExtraUsage { .. } => "reason.extra_usage",
            Reason::ExtraBeats { .. } => "reason.extra_beats",
            Reason::WindowLimitAfter { .. } => "reason.window_limit_after",
            Reason::WeeklyHoursOver { .. } => "reason.weekly_hours_over",
            Reason::Tight { .. } => "reason.tight",
            Reason::OpusWeight { .. } => "reason.opus_weight",
            Reason::OpusHours => "reason.opus_hours",
            Reason::OpusRuleDiffers { by_hours: true, .. } => "reason.opus_by_hours",
            Reason::OpusRuleDiffers { .. } => "reason.opus_by_weight",
            Reason::WindowEstimate { .. } => "reason.window_estimate",
            Reason::WindowEdited { .. } => "reason.window_edited",
            Reason::WindowCalibrated { .. } => "reason.window_calibrated",
            Reason::CalibrationDates { .. } => "reason.calibration_dates",
            Reason::HoldsAcross { .. } => "reason.holds_across",
            Reason::ChangesAt { .. } => "reason.changes_at",
            Reason::SharedChat { .. } => "reason.shared_chat",
            Reason::ApiCheaper { low, high, .. } if low < high => "reason.api_cheaper_range",
            Reason::ApiCheaper { .. } => "reason.api_cheaper",
            Reason::ApiDearer { low, high, .. } if low < high => "reason.api_dearer_range",
            Reason::ApiDearer { .. } => "reason.api_dearer",
        }
    }

    /// The sentence's placeholders, by name.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        use Arg::*;
        match *self {
            Reason::Observed {
                window_usd,
                week_usd,
            } => vec![("window", Usd(window_usd)), ("week", Usd(week_usd))],
            Reason::Fits {
                plan,
                fullness,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                ("fullness", Percent(fullness)),
                ("headroom", Percent(headroom)),
            ],
            Reason::TooFull {
                plan,
                fullness,
                limit,
                headroom,
            }
            | Reason::NothingFits {
                plan,
                fullness,
                limit,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                (
                    "fullness",
                    PercentAbove {
                        value: fullness,
                        limit: headroom,
                    },
                ),
                ("limit", Limit(limit)),
                ("headroom", Percent(headroom)),
            ],
            Reason::ExtraUsage {
                plan,
                extra_usd,
                total_usd,
                headroom,
            } => vec![
                ("plan", Plan(plan)),
                ("extra", Usd(extra_usd)),
                ("total", Usd(total_usd)),
                ("headroom", Percent(headroom)),
            ],
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
            Reason::OpusHours => vec![],
            Reason::OpusRuleDiffers {
                plan, with_extra, ..
            } => vec![("option", Option(plan, with_extra))],
            Reason::WindowEstimate {
                usd,
                low,
                measured_high,
            } => vec![
                ("usd", Usd(usd)),
                ("low", Usd(low)),
                ("high", Usd(measured_high)),
            ],
            Reason::WindowEdited { usd } => vec![("usd", Usd(usd))],
            Reason::WindowCalibrated { plan, usd, hits } => vec![
                ("plan", Plan(plan)),
                ("usd", Usd(usd)),
                ("hits", Count(hits)),
            ],
            Reason::CalibrationDates { first, last } => {
                vec![("first", Date(first)), ("last", Date(last))]
            }
            Reason::HoldsAcross { plan, low, high } => {
                vec![("plan", Plan(plan)), ("low", Usd(low)), ("high", Usd(high))]
            }
            Reason::ChangesAt {
                window_plan,
                usd,
                plan,
                with_extra,
            } => vec![
                ("window_plan", Plan(window_plan)),
                ("usd", Usd(usd)),
                ("option", Option(plan, with_extra)),
            ],
            Reason::SharedChat { messages } => vec![("messages", Number(messages))],
            Reason::ApiCheaper { usd, low, high } | Reason::ApiDearer { usd, low, high } => {
                vec![("usd", Usd(usd)), ("low", Usd(low)), ("high", Usd(high))]
            }
        }
    }

    /// Whether this reason says what goes wrong (the page shows it as a warning) rather than why.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Reason::NothingFits { .. }
                | Reason::WindowLimitAfter { .. }
                | Reason::WeeklyHoursOver { .. }
        )
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
        Load::Described(w) => alternatives(i, limits, w, rules, core),
        Load::Observed(_) => allow_extra(&core.plans, &choice, rules)
            .into_iter()
            .collect(),
    };
    Recommendation {
        plan: choice.plan,
        with_extra: choice.with_extra,
        monthly_usd: choice.cost,
        verdict: rec.verdict,
        fits: choice.fits,
        reasons: reasons(i, limits, load, rules, core, what_if),
        alternatives,
    }
}

fn reasons(
    i: &Inputs,
    limits: &Limits,
    load: &Load,
    rules: &Rules,
    core: &Core,
    what_if: &WhatIf,
) -> Vec<Reason> {
    let mut out = Vec::with_capacity(12);
    let (plans, choice) = (&core.plans, &core.choice);
    let rec = choice.plan.of(plans);
    let headroom = rules.headroom;
    if let Load::Observed(o) = load {
        out.push(Reason::Observed {
            window_usd: o.window_usd,
            week_usd: o.week_usd,
        });
    }
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
            headroom,
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
            headroom,
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
    let (share, chat) = match load {
        Load::Described(w) => (w.share, w.chat),
        Load::Observed(o) => (o.opus_share, 0.0),
    };
    if share > 0.0 {
        out.push(if rules.opus_rule {
            Reason::OpusHours
        } else {
            Reason::OpusWeight {
                weight: rules.opus_weight,
            }
        });
    }
    if let Some(other) = what_if.other_opus_rule {
        out.push(Reason::OpusRuleDiffers {
            plan: other.plan,
            with_extra: other.with_extra,
            by_hours: !rules.opus_rule,
        });
    }
    match (i.calibration, limits.window_source, load) {
        (Some(c), _, _) => {
            out.push(Reason::WindowCalibrated {
                plan: c.plan,
                usd: c.window_usd,
                hits: f64::from(c.hits),
            });
            if let Some((first, last)) = c.span_ms {
                out.push(Reason::CalibrationDates { first, last });
            }
        }
        (None, WindowSource::Edited, _) => out.push(Reason::WindowEdited {
            usd: i.assumptions.window_usd,
        }),
        (None, _, Load::Observed(_)) => out.push(Reason::WindowEstimate {
            usd: i.assumptions.window_usd,
            low: super::assumptions::WINDOW_USD_LOW,
            measured_high: WINDOW_USD_MEASURED_HIGH,
        }),
        _ => {}
    }
    if let Some(r) = what_if.window_range {
        let changes: Vec<Reason> = [(r.low, r.at_low), (r.high, r.at_high)]
            .into_iter()
            .filter(|(_, c)| !c.same_answer(choice))
            .map(|(usd, c)| Reason::ChangesAt {
                window_plan: r.plan,
                usd,
                plan: c.plan,
                with_extra: c.with_extra,
            })
            .collect();
        if changes.is_empty() {
            out.push(Reason::HoldsAcross {
                plan: r.plan,
                low: r.low,
                high: r.high,
            });
        }
        out.extend(changes);
    }
    if chat > 0.0 {
        out.push(Reason::SharedChat { messages: chat });
    }
    let api = core.api_monthly;
    // A described workload's dollars are priced with the estimated window: across the public
    // measurements, the API cost moves with it. Imported usage is priced exactly.
    let (low, high) = match (load, limits.window_source) {
        (Load::Described(_), WindowSource::Estimate | WindowSource::Calibrated(_))
            if !i.assumptions.is_edited(super::AssumptionKey::WindowUsd) =>
        {
            let scale = |x: f64| api * x / i.assumptions.window_usd;
            (
                scale(super::assumptions::WINDOW_USD_LOW),
                scale(super::assumptions::WINDOW_USD_HIGH),
            )
        }
        _ => (api, api),
    };
    out.push(if api < choice.cost {
        Reason::ApiCheaper {
            usd: api,
            low,
            high,
        }
    } else {
        Reason::ApiDearer {
            usd: api,
            low,
            high,
        }
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
fn allow_extra(plans: &[PlanEval; 3], choice: &Choice, rules: &Rules) -> Option<Alternative> {
    if rules.extra_usage {
        return None;
    }
    let c = choose(plans, true);
    (c.cost < choice.cost - COST_EPS).then_some(Alternative::AllowExtra {
        plan: c.plan,
        usd: c.cost,
    })
}

fn alternatives(
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
