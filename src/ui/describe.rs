//! Turns the model's structured reasons and alternatives into sentences of the page's language:
//! the sentence is a translation template, its `{placeholders}` are the model's typed arguments.
use super::format;
use crate::i18n::{fill, k, Lang};
use crate::model::{Alternative, Arg, Evaluation, PlanEval, Reason};

fn arg(l: Lang, a: Arg) -> String {
    match a {
        Arg::Plan(p) => l.tk(p.name_key()).to_string(),
        Arg::Limit(x) => l.tk(x.key()).to_string(),
        Arg::Percent(f) => format::int(l, f * 100.0),
        Arg::Usd(x) => format::usd(l, x),
        Arg::Duration(h) => format::duration(l, h),
        Arg::Number(x) => format::dec2(l, x),
    }
}

fn sentence(l: Lang, key: &str, args: Vec<(&'static str, Arg)>) -> String {
    let values: Vec<(&str, String)> = args
        .into_iter()
        .map(|(name, a)| (name, arg(l, a)))
        .collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    fill(l.tk(key), &pairs)
}

/// Whether a reason says what goes wrong (shown in the warning box) rather than why.
pub fn is_warning(r: &Reason) -> bool {
    matches!(
        r,
        Reason::NothingFits { .. }
            | Reason::WindowLimitAfter { .. }
            | Reason::WeeklyHoursOver { .. }
    )
}

pub fn reason(l: Lang, r: &Reason) -> String {
    sentence(l, r.key(), r.args())
}

pub fn alternative(l: Lang, a: &Alternative) -> String {
    sentence(l, a.key(), a.args())
}

/// The reasons of the recommendation, split into (why, warnings).
pub fn reasons(l: Lang, e: &Evaluation) -> (Vec<String>, Vec<String>) {
    let (warn, why): (Vec<&Reason>, Vec<&Reason>) =
        e.recommendation.reasons.iter().partition(|r| is_warning(r));
    (
        why.into_iter().map(|r| reason(l, r)).collect(),
        warn.into_iter().map(|r| reason(l, r)).collect(),
    )
}

/// One line under a plan card: what the limits are at this workload's heaviness.
pub fn card_detail(l: Lang, p: &PlanEval) -> String {
    let detail = fill(
        l.t(k::CARD_CAPACITY),
        &[
            ("prompts", &format::int(l, p.prompts_capacity)),
            ("hours", &format::int(l, p.weekly_capacity_hours)),
        ],
    );
    match p.time_to_limit_hours {
        Some(h) => format!(
            "{detail} {}",
            fill(
                l.t(k::CARD_LIMIT_AFTER),
                &[("time", &format::duration(l, h))]
            )
        ),
        None => detail,
    }
}
