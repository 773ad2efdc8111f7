//! Turns the model's structured reasons and alternatives into sentences of the page's language:
//! the sentence is a translation template, its `{placeholders}` are the model's typed arguments.
//! Singular forms are chosen here (`<key>_one` when the count is one), not in the model.
use super::format;
use super::result::option_name;
use crate::i18n::{fill, k, Lang};
use crate::model::{Alternative, Arg, Basis, Evaluation, PlanEval, Reason};

fn arg(l: Lang, a: Arg) -> String {
    match a {
        Arg::Plan(p) => l.tk(p.name_key()).to_string(),
        Arg::Option(p, with_extra) => option_name(l, p, with_extra),
        Arg::Limit(x) => l.tk(x.key()).to_string(),
        Arg::Percent(f) => format::percent_number(l, f),
        Arg::PercentAbove { value, limit } => format::percent_number_above(l, value, limit),
        Arg::Usd(x) => format::usd(l, x),
        Arg::Duration(h) => format::duration(l, h),
        Arg::Number(x) => format::dec2(l, x),
        Arg::Count(x) => format::int(l, x),
        Arg::Date(ms) => format::date(ms),
    }
}

/// The sentence of `key` with its arguments; `key_one` instead when `one` and that form exists.
fn sentence(l: Lang, key: &str, suffix: Option<&str>, args: Vec<(&'static str, Arg)>) -> String {
    let values: Vec<(&str, String)> = args
        .into_iter()
        .map(|(name, a)| (name, arg(l, a)))
        .collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let template = suffix
        .map(|s| l.tk(&[key, s].concat()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| l.tk(key));
    fill(template, &pairs)
}

/// The variant of a reason's sentence for its counts: one hit, one date, a link's calibration.
fn reason_suffix(r: &Reason) -> Option<&'static str> {
    match *r {
        Reason::WindowCalibrated { hits: 0.0, .. } => Some("_link"),
        Reason::WindowCalibrated { hits: 1.0, .. } => Some("_one"),
        Reason::CalibrationDates { first, last } if format::date(first) == format::date(last) => {
            Some("_one")
        }
        _ => None,
    }
}

pub fn reason(l: Lang, r: &Reason) -> String {
    sentence(l, r.key(), reason_suffix(r), r.args())
}

pub fn alternative(l: Lang, a: &Alternative) -> String {
    let one = a.value() == Some(1.0);
    sentence(l, a.key(), one.then_some("_one"), a.args())
}

/// Where a reason's figures come from: `data` when they rest on the visitor's import or limit
/// hits, `official` when they are the article's, else `estimate`.
pub fn reason_source(e: &Evaluation, r: &Reason) -> &'static str {
    let observed = e.basis == Basis::Observed;
    let calibrated = matches!(
        e.window_source,
        crate::model::capacity::WindowSource::Calibrated(_)
    );
    match r {
        Reason::Observed { .. } | Reason::WindowCalibrated { .. } => "data",
        Reason::CalibrationDates { .. } => "data",
        Reason::Fits { .. } | Reason::TooFull { .. } | Reason::NothingFits { .. }
            if observed || calibrated =>
        {
            "data"
        }
        Reason::HoldsAcross { .. } | Reason::ChangesAt { .. } if calibrated => "data",
        Reason::ApiCheaper { .. } | Reason::ApiDearer { .. } if observed => "data",
        _ => "estimate",
    }
}

/// One line under a plan card: what the limits are at this workload's heaviness.
pub fn card_detail(l: Lang, p: &PlanEval) -> String {
    let detail = fill(
        l.t(k::CARD_CAPACITY),
        &[
            ("prompts", &format::int(l, p.capacity.prompts)),
            ("hours", &format::int(l, p.capacity.week_hours)),
            ("usd", &format::usd(l, p.capacity.window_usd)),
        ],
    );
    match p.time_to_limit_hours {
        Some(h) => [
            detail.as_str(),
            " ",
            &fill(
                l.t(k::CARD_LIMIT_AFTER),
                &[("time", &format::duration(l, h))],
            ),
        ]
        .concat(),
        None => detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::every_reason_and_alternative;

    /// Each amount is written once, with its currency, in both languages: the French page once
    /// read « environ 94,86 $US $ par mois ».
    #[test]
    fn every_amount_is_written_once_with_its_currency() {
        // Amounts the sentence writes (a sentence may leave an argument out).
        let count = |l: Lang, key: &str, args: &[(&str, Arg)]| {
            let t = l.tk(key);
            args.iter()
                .filter(|a| matches!(a.1, Arg::Usd(_)) && t.contains(&["{", a.0, "}"].concat()))
                .count()
        };
        let (reasons, alts) = every_reason_and_alternative();
        let mut sentences: Vec<(String, usize)> = Vec::new();
        for l in Lang::ALL {
            for r in &reasons {
                let n = count(l, r.key(), &r.args());
                if n > 0 {
                    sentences.push((reason(l, r), n));
                }
            }
            for a in &alts {
                let n = count(l, a.key(), &a.args());
                if n > 0 {
                    sentences.push((alternative(l, a), n));
                }
            }
            // The page's own templates that take amounts.
            let usd = format::usd(l, 94.86);
            for (key, names) in [
                (k::RESULT_PER_MONTH, &["cost"][..]),
                (k::CARD_CAPACITY, &["usd"][..]),
                (k::IMPORT_TOTALS, &["cost"][..]),
                (k::IMPORT_BUSIEST, &["block", "week"][..]),
                (k::IMPORT_CHART, &["max"][..]),
            ] {
                let args: Vec<(&str, &str)> = names.iter().map(|n| (*n, usd.as_str())).collect();
                sentences.push((fill(l.t(key), &args), names.len()));
            }
        }
        assert!(sentences.len() > 20);
        for (s, n) in sentences {
            assert_eq!(s.matches('$').count(), n, "{s}");
            assert!(
                !s.contains("$US $") && !s.contains("$ $") && !s.contains("$$"),
                "{s}"
            );
        }
    }

    /// Every template of both languages, not only those known to take amounts: no template
    /// writes a currency sign beside a placeholder (the formatter writes it), filled with amounts
    /// none doubles one, and every dollar amount a template writes itself is written as the
    /// formatter would (French "20\u{a0}$US", English "$20"). The article's quotes are verbatim.
    #[test]
    fn no_template_writes_a_currency_of_its_own() {
        for l in Lang::ALL {
            let usd = format::usd(l, 94.86);
            for key in crate::i18n::KEYS {
                if key.ends_with(".quote") {
                    continue;
                }
                let t = l.tk(key);
                let names: Vec<&str> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                    .collect();
                for name in &names {
                    let p = ["{", name, "}"].concat();
                    for (i, _) in t.match_indices(&p) {
                        let before = t[..i].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
                        let after =
                            t[i + p.len()..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
                        assert!(
                            !before.ends_with('$') && !before.ends_with("$US"),
                            "{l:?} {key}: a currency sign before {p}: {t}"
                        );
                        assert!(
                            !after.starts_with('$') && !after.starts_with("US$"),
                            "{l:?} {key}: a currency sign after {p}: {t}"
                        );
                    }
                }
                let args: Vec<(&str, &str)> = names.iter().map(|n| (*n, usd.as_str())).collect();
                let filled = fill(t, &args);
                for doubled in ["$US $", "$US\u{a0}$", "$ $", "$\u{a0}$", "$$"] {
                    assert!(!filled.contains(doubled), "{l:?} {key}: {filled}");
                }
                // The template's own amounts, written as the formatter writes them.
                for (i, _) in t.match_indices('$') {
                    let ok = match l {
                        Lang::Fr => t[i..].starts_with("$US") && t[..i].ends_with('\u{a0}'),
                        Lang::En => {
                            t[i + 1..].starts_with(|c: char| c.is_ascii_digit() || c == '{')
                        }
                    };
                    assert!(
                        ok,
                        "{l:?} {key}: an amount not written as the formatter does: {t}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_plan_above_its_target_never_reads_as_the_target() {
        let r = Reason::TooFull {
            plan: crate::model::Plan::Pro,
            fullness: 0.8504,
            limit: crate::model::Limit::Window,
            headroom: 0.85,
        };
        assert!(
            reason(Lang::En, &r).contains("85.04% (target: 85%)"),
            "{}",
            reason(Lang::En, &r)
        );
        assert!(
            reason(Lang::Fr, &r).contains("85,04\u{a0}%"),
            "{}",
            reason(Lang::Fr, &r)
        );
    }

    #[test]
    fn counts_of_one_read_in_the_singular() {
        let p = crate::model::Plan::Pro;
        let one = Alternative::FewerHours {
            plan: p,
            hours: 1.0,
            current: 4.0,
        };
        assert!(alternative(Lang::En, &one).contains("a single active hour"));
        let two = Alternative::FewerHours {
            plan: p,
            hours: 2.0,
            current: 4.0,
        };
        assert!(alternative(Lang::En, &two).contains("2 active hours"));
        let half = Alternative::FewerHours {
            plan: p,
            hours: 0.5,
            current: 4.0,
        };
        assert!(alternative(Lang::En, &half).contains("0.5 active hours"));
        let hits = |n: f64| Reason::WindowCalibrated {
            plan: p,
            usd: 7.0,
            hits: n,
        };
        assert!(reason(Lang::En, &hits(3.0)).contains("3 limit hits"));
        assert!(reason(Lang::En, &hits(1.0)).contains("limit hit on"));
        assert!(reason(Lang::En, &hits(0.0)).contains("carried by the link"));
    }
}
