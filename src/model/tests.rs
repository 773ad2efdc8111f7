//! Tests of the model: the article's ranges, the worked examples of `docs/model.md`, designed
//! scenarios with hand-computed numbers, and properties (monotonicity, ordering, robustness, the
//! calculator and the replay of imported usage agreeing).
//!
//! Hand computations use the defaults: a prompt costs `35 / (200 × 0.25^η)` dollars ($0.175
//! light, $0.70 heavy), and an hour of Sonnet 4 holds `6 × 2^(0.5 − η)` prompts (8.485 light,
//! 4.243 heavy).

use super::*;

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[track_caller]
fn assert_close(a: f64, b: f64, tol: f64) {
    assert!(close(a, b, tol), "{a} != {b} (± {tol})");
}

/// The defaults with a few changes.
fn inputs(f: impl FnOnce(&mut Inputs)) -> Inputs {
    let mut i = Inputs::default();
    f(&mut i);
    i
}

fn pe(e: &Evaluation, p: Plan) -> &PlanEval {
    e.plan(p)
}

// ---------------------------------------------------------------------------------------------
// The article's ranges, exactly, at both ends of heaviness.

#[test]
fn article_ranges_exact_at_both_ends() {
    for (loc, end) in [
        (1_000.0, 1),
        (100.0, 1),
        (1_000_000.0, 0),
        (10_000_000.0, 0),
    ] {
        let e = evaluate(&inputs(|i| i.loc = loc));
        for plan in Plan::ALL {
            let f = plan.facts();
            let p = pe(&e, plan);
            // end 1: light (high figure), end 0: heavy (low figure).
            let pick = |r: (f64, f64)| if end == 1 { r.1 } else { r.0 };
            let c = &p.capacity;
            assert_eq!(c.prompts, pick(f.prompts_5h), "{plan:?} prompts at {loc}");
            assert_eq!(
                c.week_hours,
                pick(f.sonnet_week_hours),
                "{plan:?} week at {loc}"
            );
            assert_eq!(c.messages, f.messages_5h);
            if let Some(opus) = f.opus_week_hours {
                assert_eq!(c.opus_week_hours, pick(opus), "{plan:?} opus at {loc}");
            }
        }
    }
    // The figures themselves (docs/model.md, "Facts").
    type Row = (f64, f64, (f64, f64), (f64, f64));
    let table: [Row; 3] = [
        (20.0, 45.0, (10.0, 40.0), (40.0, 80.0)),
        (100.0, 225.0, (50.0, 200.0), (140.0, 280.0)),
        (200.0, 900.0, (200.0, 800.0), (240.0, 480.0)),
    ];
    for (plan, (price, msgs, prompts, week)) in Plan::ALL.into_iter().zip(table) {
        let f = plan.facts();
        assert_eq!(
            (
                plan.price_usd(),
                f.messages_5h,
                f.prompts_5h,
                f.sonnet_week_hours
            ),
            (price, msgs, prompts, week)
        );
    }
    assert_eq!(Plan::Max5.facts().opus_week_hours, Some((15.0, 35.0)));
    assert_eq!(Plan::Max20.facts().opus_week_hours, Some((24.0, 40.0)));
    assert_eq!(Plan::Pro.facts().opus_week_hours, None);
}

#[test]
fn heaviness_formula() {
    let a = Assumptions::default();
    assert_eq!(a.heaviness(1_000.0, false), 0.0);
    assert_eq!(a.heaviness(1_000_000.0, false), 1.0);
    assert_close(a.heaviness(10_000.0, false), 1.0 / 3.0, EPS);
    assert_close(a.heaviness(10_000.0, true), 1.0 / 3.0 + 0.25, EPS);
    assert_eq!(a.heaviness(500_000.0, true), 1.0);
    assert_eq!(a.heaviness(100.0, false), 0.0);
}

#[test]
fn every_article_figure_is_a_fact() {
    // Every number of the seed article appears in FACTS (or in PLANS, which FACTS mirrors).
    let values: Vec<f64> = FACTS
        .iter()
        .flat_map(|f| match f.value {
            FactValue::Usd(x)
            | FactValue::Multiple(x)
            | FactValue::About(x)
            | FactValue::Hours(x)
            | FactValue::UnderLines(x) => {
                vec![x]
            }
            FactValue::Range(a, b) | FactValue::AboutRange(a, b) => vec![a, b],
            FactValue::Statement => vec![],
        })
        .collect();
    for x in [
        20.0, 100.0, 200.0, 5.0, 20.0, 45.0, 225.0, 900.0, 10.0, 40.0, 50.0, 200.0, 800.0, 80.0,
        140.0, 280.0, 240.0, 480.0, 15.0, 35.0, 24.0, 1_000.0,
    ] {
        assert!(values.contains(&x), "{x} missing from FACTS");
    }
    // FACTS and PLANS agree.
    for f in FACTS {
        let Some(plan) = f.plan else { continue };
        let p = plan.facts();
        match (f.label.rsplit('.').next(), f.value) {
            (Some("price"), FactValue::Usd(x)) => assert_eq!(x, p.price_usd),
            (Some("multiple"), FactValue::Multiple(x)) => assert_eq!(x, p.multiple),
            (Some("messages"), FactValue::About(x)) => assert_eq!(x, p.messages_5h),
            (Some("prompts"), FactValue::AboutRange(a, b)) => assert_eq!((a, b), p.prompts_5h),
            (Some("sonnet"), FactValue::Range(a, b)) => assert_eq!((a, b), p.sonnet_week_hours),
            (Some("opus"), FactValue::Range(a, b)) => assert_eq!(Some((a, b)), p.opus_week_hours),
            (Some("best"), _) => {}
            other => panic!("unchecked fact {} {other:?}", f.label),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Translation keys: every key the model can return exists in both languages (read from the
// compiled tables, see `i18n`), with the placeholders its arguments fill.

fn placeholders(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|r| r.split_once('}').map(|(n, _)| n.to_string()))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// One of every reason and alternative, with sample arguments.
pub(crate) fn every_reason_and_alternative() -> (Vec<Reason>, Vec<Alternative>) {
    let (p, f, u, n) = (Plan::Pro, 0.5, 10.0, 2.0);
    let reasons = vec![
        Reason::Observed {
            window_usd: u,
            week_usd: u,
        },
        Reason::Fits {
            plan: p,
            fullness: f,
            headroom: f,
        },
        Reason::TooFull {
            plan: p,
            fullness: f,
            limit: Limit::Week,
            headroom: f,
        },
        Reason::NothingFits {
            plan: p,
            fullness: f,
            limit: Limit::Window,
            headroom: f,
        },
        Reason::ExtraUsage {
            plan: p,
            extra_usd: u,
            total_usd: u,
            headroom: f,
        },
        Reason::ExtraBeats {
            other: p,
            other_usd: u,
        },
        Reason::WindowLimitAfter { plan: p, hours: n },
        Reason::WeeklyHoursOver { plan: p, hours: n },
        Reason::Tight { plan: p },
        Reason::OpusWeight { weight: n },
        Reason::OpusHours,
        Reason::OpusRuleDiffers {
            plan: p,
            with_extra: true,
            by_hours: true,
        },
        Reason::OpusRuleDiffers {
            plan: p,
            with_extra: false,
            by_hours: false,
        },
        Reason::WindowEstimate {
            usd: u,
            low: u,
            measured_high: u,
        },
        Reason::WindowEdited { usd: u },
        Reason::WindowCalibrated {
            plan: p,
            usd: u,
            hits: n,
        },
        Reason::CalibrationDates {
            first: 1.0e12,
            last: 1.1e12,
        },
        Reason::HoldsAcross {
            plan: p,
            low: u,
            high: u,
        },
        Reason::ChangesAt {
            window_plan: p,
            usd: u,
            plan: p,
            with_extra: false,
        },
        Reason::SharedChat { messages: n },
        Reason::ApiCheaper {
            usd: u,
            low: u,
            high: u,
        },
        Reason::ApiCheaper {
            usd: u,
            low: u,
            high: 2.0 * u,
        },
        Reason::ApiDearer {
            usd: u,
            low: u,
            high: u,
        },
        Reason::ApiDearer {
            usd: u,
            low: u,
            high: 2.0 * u,
        },
    ];
    let alts = vec![
        Alternative::UseSonnet { plan: p },
        Alternative::LessOpus {
            plan: p,
            opus_pct: n,
            current: n,
        },
        Alternative::NoAutoAccept { plan: p },
        Alternative::FewerInstances {
            plan: p,
            instances: n,
            current: n,
        },
        Alternative::FewerHours {
            plan: p,
            hours: n,
            current: n,
        },
        Alternative::FewerDays {
            plan: p,
            days: n,
            current: n,
        },
        Alternative::SlowerPace {
            plan: p,
            pace: n,
            current: n,
        },
        Alternative::LessChat {
            plan: p,
            chat: n,
            current: n,
        },
        Alternative::LessChat {
            plan: p,
            chat: 0.0,
            current: n,
        },
        Alternative::AllowExtra { plan: p, usd: u },
    ];
    (reasons, alts)
}

#[test]
fn translation_keys_exist_with_placeholders() {
    use crate::i18n::Lang;
    let text = |key: &str| -> Option<&'static str> {
        let t = Lang::En.tk(key);
        assert_eq!(t.is_empty(), Lang::Fr.tk(key).is_empty(), "{key}");
        (!t.is_empty()).then_some(t)
    };
    let mut keys: Vec<(String, Vec<&str>)> = Vec::new();
    for f in FACTS {
        for k in [f.label, f.quote, f.section.key()] {
            keys.push((k.to_string(), vec![]));
        }
    }
    for p in Plan::ALL {
        keys.push((p.name_key().to_string(), vec![]));
    }
    for l in [Limit::Window, Limit::Week] {
        keys.push((l.key().to_string(), vec![]));
    }
    for k in AssumptionKey::ALL {
        let m = k.meta();
        for key in [m.label, m.why, m.source] {
            keys.push((key.to_string(), vec![]));
        }
    }
    let (reasons, alts) = every_reason_and_alternative();
    for r in &reasons {
        let args: Vec<&str> = r.args().iter().map(|a| a.0).collect();
        keys.push((r.key().to_string(), args));
    }
    for a in &alts {
        let args: Vec<&str> = a.args().iter().map(|a| a.0).collect();
        keys.push((a.key().to_string(), args));
    }
    for (key, args) in keys {
        let t = text(&key).unwrap_or_else(|| panic!("missing translation {key}"));
        for lang in crate::i18n::Lang::ALL {
            for ph in placeholders(lang.tk(&key)) {
                assert!(
                    args.contains(&ph.as_str()),
                    "{key}: placeholder {{{ph}}} not provided by args {args:?}"
                );
            }
        }
        // Every singular or variant form (`<key>_one`, `<key>_link`) takes the same arguments.
        for suffix in ["_one", "_link"] {
            let variant = [key.as_str(), suffix].concat();
            if let Some(v) = text(&variant) {
                for ph in placeholders(v) {
                    assert!(args.contains(&ph.as_str()), "{variant}: {{{ph}}}");
                }
            }
        }
        assert!(!t.is_empty());
    }
}

#[test]
fn link_keys_are_short_and_distinct() {
    // The inputs' keys, the calibration's and the legacy ones (docs/link-format.md).
    let spec = [
        "loc", "model", "opus", "n", "h", "d", "pace", "aa", "chat", "xu", "lang", "v", "cp", "cw",
        "ck", "pl", "ph",
    ];
    let mut seen: Vec<&str> = spec.to_vec();
    for k in AssumptionKey::ALL {
        let key = k.key();
        assert!((2..=4).contains(&key.len()), "{key}");
        assert!(!seen.contains(&key), "{key} collides");
        seen.push(key);
        let m = k.meta();
        assert!(
            m.min <= m.default && m.default <= m.max && m.step > 0.0,
            "{key}"
        );
        assert!(!m.source.is_empty());
    }
    let keys: Vec<&str> = NumInput::ALL.iter().map(|i| i.key()).collect();
    assert_eq!(keys, ["loc", "opus", "n", "h", "d", "pace", "chat"]);
    for i in NumInput::ALL {
        let (min, max, step, default) = i.range();
        assert!(min <= default && default <= max && step > 0.0);
        assert_eq!(Inputs::default().num(i), default);
    }
    assert_eq!(ModelChoice::from_id("opus"), Some(ModelChoice::Opus));
    assert_eq!(ModelChoice::from_id("gpt"), None);
}

// ---------------------------------------------------------------------------------------------
// The worked examples of docs/model.md.

#[test]
fn example_small_sonnet_is_pro() {
    // 500 lines → η = 0 (below 1,000): Pro allows 40 prompts per 5 h. Demand 1 × 6 × 4 = 24
    // prompts → 60 % of the window. Week: 120 prompts / 8.485 a Sonnet-4 hour = 14.1 h of 80
    // → 17.7 %.
    let e = evaluate(&inputs(|i| i.loc = 500.0));
    let r = &e.recommendation;
    assert_eq!(
        (r.plan, r.with_extra, r.fits, r.verdict),
        (Plan::Pro, false, true, Verdict::Comfortable)
    );
    assert_eq!(r.monthly_usd, 20.0);
    let pro = pe(&e, Plan::Pro);
    assert_close(pro.window_fullness, 0.60, EPS);
    assert_close(pro.weekly_fullness, 120.0 / (6.0 * 2f64.sqrt()) / 80.0, EPS);
    assert_close(pro.weekly_fullness, 0.17678, 1e-5);
    assert_eq!(
        r.reasons.first(),
        Some(&Reason::Fits {
            plan: Plan::Pro,
            fullness: pro.fullness,
            headroom: 0.85
        })
    );
    assert!(r.alternatives.is_empty());
}

#[test]
fn example_huge_opus_nothing_fits() {
    // 1M lines → η = 1: Max 20x allows 200 prompts per 5 h and 240 h a week. Demand: 5 × 6 × 5 h
    // × 5/3 = 250 prompts → window 125 %; week 5 × 6 × 8 × 5 = 1,200 prompts × 5/3 = 2,000
    // Sonnet-equivalent prompts / 4.243 an hour = 471.4 h → 196.4 %.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000_000.0;
        i.model = ModelChoice::Opus;
        i.instances = 5;
        i.hours = 8.0;
    }));
    let r = &e.recommendation;
    assert_eq!(
        (r.plan, r.fits, r.verdict, r.with_extra),
        (Plan::Max20, false, Verdict::Exceeds, false)
    );
    assert_eq!(r.monthly_usd, 200.0);
    let m = pe(&e, Plan::Max20);
    let ref_pace = 6.0 / 2f64.sqrt();
    assert_close(m.window_fullness, 1.25, EPS);
    assert_close(m.weekly_fullness, 2000.0 / ref_pace / 240.0, 1e-9);
    // Limit after 5 h / 1.25 = 4 h; weekly: 40 h × (1 − 1/1.964) = 19.6 h past the cap.
    assert_close(m.time_to_limit_hours.unwrap_or(0.0), 4.0, EPS);
    assert_close(
        m.weekly_hours_over,
        40.0 * (1.0 - 1.0 / m.weekly_fullness),
        1e-9,
    );
    assert_close(m.weekly_hours_over, 19.635, 1e-3);
    assert!(matches!(
        r.reasons[0],
        Reason::NothingFits {
            plan: Plan::Max20,
            limit: Limit::Week,
            ..
        }
    ));
    assert!(r.reasons.contains(&Reason::WindowLimitAfter {
        plan: Plan::Max20,
        hours: m.time_to_limit_hours.unwrap_or(0.0)
    }));
    // Two instances: window 100/200 = 0.5, week 800/4.243/240 = 0.786 → Max 20x fits; three
    // do not (week 1.18).
    assert!(r.alternatives.contains(&Alternative::FewerInstances {
        plan: Plan::Max20,
        instances: 2.0,
        current: 5.0
    }));
    // Sonnet alone is not enough: its week is still 1,200 / 4.243 / 240 = 1.18.
    assert!(!r
        .alternatives
        .iter()
        .any(|a| matches!(a, Alternative::UseSonnet { .. })));
}

// ---------------------------------------------------------------------------------------------
// Designed scenarios (hand-computed numbers in the comments).

#[test]
fn scenario_defaults_max5() {
    // 20,000 lines: η = log10(20)/3 = 0.43368. Pro: 40 × 0.25^0.43368 = 21.926 prompts; demand
    // 24 → 1.0946, exceeds. Max 5x: 109.63 → 0.2189 → Max 5x at $100, comfortable.
    let e = evaluate(&Inputs::default());
    assert_close(e.demand.heaviness, 20f64.log10() / 3.0, EPS);
    assert_close(pe(&e, Plan::Pro).capacity.prompts, 21.926, 1e-3);
    assert_close(pe(&e, Plan::Pro).window_fullness, 1.0946, 1e-4);
    // Pro would hit its window after 4 h / 1.0946 = 3.654 h.
    assert_close(
        pe(&e, Plan::Pro).time_to_limit_hours.unwrap_or(0.0),
        3.6543,
        1e-3,
    );
    let r = &e.recommendation;
    assert_eq!(
        (r.plan, r.verdict, r.monthly_usd),
        (Plan::Max5, Verdict::Comfortable, 100.0)
    );
    assert!(r.reasons.iter().any(|x| matches!(
        x,
        Reason::TooFull {
            plan: Plan::Pro,
            limit: Limit::Window,
            ..
        }
    )));
    // A prompt: $35 / 109.63 = $0.31925. API: 24 prompts/day × 5 × 52/12 = 520 prompts → $166.01,
    // between $142.30 and $332.02 across the window's range ($30 to $70).
    assert_close(e.demand.prompt_usd, 0.31925, 1e-5);
    assert_close(e.api_monthly_usd, 166.012, 1e-2);
    let api = e.api_monthly_usd;
    assert!(r.reasons.iter().any(|x| matches!(
        *x,
        Reason::ApiDearer { usd, low, high }
            if usd == api && close(low, api * 30.0 / 35.0, 1e-9) && close(high, api * 2.0, 1e-9)
    )));
    // Week: 120 prompts / (6 × 2^0.06632 = 6.2823 an hour) = 19.10 h of 59.19 → 32.2 %.
    assert_close(pe(&e, Plan::Pro).weekly_fullness, 0.32250, 1e-4);
    // Pro fits at 3 h a day (18/21.93 = 0.82) but not 3.5 h (0.96); at pace 4 (0.73), not 5 (0.91).
    assert!(r.alternatives.contains(&Alternative::FewerHours {
        plan: Plan::Pro,
        hours: 3.0,
        current: 4.0
    }));
    assert!(r.alternatives.contains(&Alternative::SlowerPace {
        plan: Plan::Pro,
        pace: 4.0,
        current: 6.0
    }));
    // Allowing extra usage: Pro + the work above the 85 % line, $166.01 × (1 − 0.85/1.0946)
    // = $37.10, so $57.10 in all.
    let ax = r.alternatives.iter().find_map(|a| match a {
        Alternative::AllowExtra { plan, usd } => Some((*plan, *usd)),
        _ => None,
    });
    assert_eq!(ax.map(|x| x.0), Some(Plan::Pro));
    assert_close(ax.map_or(0.0, |x| x.1), 57.096, 1e-2);
}

#[test]
fn scenario_defaults_with_extra_usage_pro_plus_extra() {
    // Same as above with xu: Pro + $37.10 overflow = $57.10 < Max 5x $100.
    let e = evaluate(&inputs(|i| i.extra_usage = true));
    let r = &e.recommendation;
    assert_eq!((r.plan, r.with_extra, r.fits), (Plan::Pro, true, false));
    assert_close(r.monthly_usd, 57.096, 1e-2);
    assert!(matches!(
        r.reasons[0],
        Reason::ExtraUsage {
            plan: Plan::Pro,
            headroom: 0.85,
            ..
        }
    ));
    assert!(r.reasons.contains(&Reason::ExtraBeats {
        other: Plan::Max5,
        other_usd: 100.0
    }));
    assert!(!r
        .alternatives
        .iter()
        .any(|a| matches!(a, Alternative::AllowExtra { .. })));
}

#[test]
fn scenario_tight_plan_with_extra_usage_costs_more_than_its_price() {
    // 1,000 lines, pace 9, 4 h, extra usage on: Pro's window is 36/40 = 0.9, above the 85 %
    // target but within the limit. The overflow is planned from the target line: API 9 × 4 × 5
    // × 52/12 = 780 prompts × $0.175 = $136.50 × (1 − 0.85/0.9) = $7.58 → Pro + extra $27.58,
    // not Pro at $20 with "$0 of overflow".
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.pace = 9.0;
        i.extra_usage = true;
    }));
    let pro = pe(&e, Plan::Pro);
    assert_close(pro.fullness, 0.9, EPS);
    assert_eq!(pro.verdict, Verdict::Tight);
    assert_close(e.api_monthly_usd, 136.5, 1e-9);
    assert_close(pro.extra_monthly_usd, 136.5 * (1.0 - 0.85 / 0.9), 1e-9);
    let r = &e.recommendation;
    assert_eq!((r.plan, r.with_extra), (Plan::Pro, true));
    assert_close(r.monthly_usd, 20.0 + 7.5833, 1e-3);
    assert!(r.monthly_usd > Plan::Pro.price_usd());
    // A plan that fits is never "+ extra usage", and costs its price.
    let max5 = pe(&e, Plan::Max5);
    assert!(max5.fits);
    assert_eq!(max5.extra_monthly_usd, 0.0);
}

#[test]
fn scenario_full_window_is_tight_not_fitting() {
    // 1,000 lines (η = 0), pace 8, 5 h: 40 prompts = Pro's 40 → fullness 1.0: tight but above the
    // 0.85 target → Max 5x (40/200 = 0.2).
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.pace = 8.0;
        i.hours = 5.0;
    }));
    assert_close(pe(&e, Plan::Pro).fullness, 1.0, EPS);
    assert_eq!(pe(&e, Plan::Pro).verdict, Verdict::Tight);
    assert_eq!(pe(&e, Plan::Pro).time_to_limit_hours, None);
    assert_eq!(e.recommendation.plan, Plan::Max5);
    assert_close(pe(&e, Plan::Max5).fullness, 0.2, EPS);
}

#[test]
fn scenario_three_quarters_is_comfortable() {
    // 1,000 lines, pace 6, 5 h: 30/40 = 0.75 exactly → comfortable, Pro.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.hours = 5.0;
    }));
    assert_close(pe(&e, Plan::Pro).window_fullness, 0.75, EPS);
    assert_eq!(pe(&e, Plan::Pro).verdict, Verdict::Comfortable);
    assert_eq!(e.recommendation.plan, Plan::Pro);
}

#[test]
fn scenario_auto_accept_tight_pro() {
    // 1,000 lines + auto-accept: η = 0.25; Pro: 40 × 0.25^0.25 = 28.284 prompts; 24 → 0.8485 ≤ 0.85:
    // Pro fits, but tight (> 0.75) → a /status reminder.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.auto_accept = true;
    }));
    assert_close(e.demand.heaviness, 0.25, EPS);
    assert_close(pe(&e, Plan::Pro).capacity.prompts, 28.2843, 1e-3);
    assert_close(pe(&e, Plan::Pro).fullness, 0.84853, 1e-4);
    let r = &e.recommendation;
    assert_eq!(
        (r.plan, r.verdict, r.fits),
        (Plan::Pro, Verdict::Tight, true)
    );
    assert!(r.reasons.contains(&Reason::Tight { plan: Plan::Pro }));
}

#[test]
fn scenario_chat_alone_pushes_to_max5() {
    // 1,000 lines, 1 prompt/h for 0.5 h, 40 chat messages: Pro window = 0.5/40 + 40/45 = 0.9014
    // → too full; Max 5x = 0.5/200 + 40/225 = 0.18. With 37 messages Pro: 0.0125 + 0.8222 = 0.835.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.pace = 1.0;
        i.hours = 0.5;
        i.chat = 40;
    }));
    assert_close(pe(&e, Plan::Pro).window_fullness, 0.0125 + 40.0 / 45.0, EPS);
    assert_eq!(e.recommendation.plan, Plan::Max5);
    assert!(e
        .recommendation
        .reasons
        .contains(&Reason::SharedChat { messages: 40.0 }));
    assert!(e
        .recommendation
        .alternatives
        .contains(&Alternative::LessChat {
            plan: Plan::Pro,
            chat: 37.0,
            current: 40.0
        }));
    // The chat counts against the week too: 40 × 5 messages × $35/225 = $31.11, plus 2.5 prompts
    // × $0.175, over Pro's week of 80 h × 8.485 × $0.175 = $118.79 → 26.6 %.
    assert_close(
        pe(&e, Plan::Pro).weekly_fullness,
        (200.0 * 35.0 / 225.0 + 2.5 * 0.175) / (80.0 * 6.0 * 2f64.sqrt() * 0.175),
        1e-9,
    );
}

#[test]
fn scenario_weekly_cap_binds() {
    // 1,000 lines, pace 6, 16 h a day, 7 days: window 30/40 = 0.75, but the week is 672 prompts
    // / 8.485 an hour = 79.2 h of Pro's 80 → 0.99: Pro is too full on its weekly limit → Max 5x
    // (79.2/280 = 0.283). Pro fits with 6 days (0.8485) or 13.5 h a day (0.835).
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.hours = 16.0;
        i.days = 7;
    }));
    let pro = pe(&e, Plan::Pro);
    assert_eq!(pro.binding, Limit::Week);
    assert_close(pro.weekly_fullness, 672.0 / (6.0 * 2f64.sqrt()) / 80.0, EPS);
    assert_close(pro.weekly_fullness, 0.98995, 1e-5);
    assert_eq!(pro.weekly_hours_over, 0.0);
    let r = &e.recommendation;
    assert_eq!(r.plan, Plan::Max5);
    assert!(r.reasons.contains(&Reason::TooFull {
        plan: Plan::Pro,
        fullness: pro.weekly_fullness,
        limit: Limit::Week,
        headroom: 0.85
    }));
    assert!(r.alternatives.contains(&Alternative::FewerDays {
        plan: Plan::Pro,
        days: 6.0,
        current: 7.0
    }));
    assert!(r.alternatives.contains(&Alternative::FewerHours {
        plan: Plan::Pro,
        hours: 13.5,
        current: 16.0
    }));
}

#[test]
fn weekly_demand_grows_with_pace_and_chat() {
    // Six instances at one prompt an hour no longer cost the week what six at twenty do.
    let week = |pace: f64, chat: u32| {
        pe(
            &evaluate(&inputs(|i| {
                i.instances = 6;
                i.pace = pace;
                i.chat = chat;
            })),
            Plan::Max20,
        )
        .weekly_fullness
    };
    assert_close(week(20.0, 0) / week(1.0, 0), 20.0, 1e-9);
    assert!(week(1.0, 50) > week(1.0, 0));
    // The replay of imported usage assumed a pace of 6: at pace 6 both read the same week.
    let e = evaluate(&Inputs::default());
    let o = evaluate_observed(
        &Inputs::default(),
        &Observed {
            window_usd: e.demand.window_usd,
            week_usd: e.demand.week_usd,
            monthly_usd: e.api_monthly_usd,
            ..Observed::default()
        },
    );
    for p in Plan::ALL {
        assert_close(pe(&o, p).weekly_fullness, pe(&e, p).weekly_fullness, 1e-12);
        assert_close(pe(&o, p).window_fullness, pe(&e, p).window_fullness, 1e-12);
    }
}

#[test]
fn weekly_and_window_dollars_are_the_same_at_every_heaviness() {
    // Windows: Max 5x $35, Pro a fifth ($7), Max 20x four times ($140). Weeks: the article's
    // middle hours × 6 prompts × the middle prompt ($0.35): Pro √(40 × 80) × 2.1 = $118.79,
    // Max 5x √(140 × 280) × 2.1 = $415.78, Max 20x √(240 × 480) × 2.1 = $712.76.
    let a = Assumptions::default();
    for eta in [0.0, 0.2, 0.5, 0.8, 1.0] {
        let l = capacity::Limits::new(eta, &a, None);
        for (p, window, week) in [
            (Plan::Pro, 7.0, 118.794),
            (Plan::Max5, 35.0, 415.779),
            (Plan::Max20, 140.0, 712.764),
        ] {
            let c = l.plan(p);
            assert_close(c.window_usd, window, 1e-9);
            assert_close(c.week_usd, week, 1e-3);
            assert_close(c.prompts * l.prompt_usd, window, 1e-9);
            assert_close(c.messages * l.message_usd, window, 1e-9);
            assert_close(c.week_hours * l.ref_pace * l.prompt_usd, week, 1e-3);
        }
    }
}

#[test]
fn scenario_opus_weight_and_use_sonnet() {
    // 1,000 lines, Opus: 24 × 5/3 = 40 prompts → Pro 1.0 → Max 5x; with Sonnet Pro is 0.6.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.model = ModelChoice::Opus;
    }));
    assert_close(pe(&e, Plan::Pro).window_fullness, 1.0, 1e-12);
    assert_eq!(e.recommendation.plan, Plan::Max5);
    assert!(e
        .recommendation
        .alternatives
        .contains(&Alternative::UseSonnet { plan: Plan::Pro }));
    assert!(e
        .recommendation
        .reasons
        .iter()
        .any(|r| matches!(r, Reason::OpusWeight { .. })));
    // Mix at 30 %: weight 1 + 2/3 × 0.3 = 1.2 → 28.8/40 = 0.72 → Pro. At 50 %: 1.333 → 0.8 → Pro;
    // at 60 %: 1.4 → 0.84 → Pro; at 70 %: 1.4667 → 0.88 → Max 5x, and Pro fits with ≤ 62 % Opus
    // (1 + 2/3 × 0.62 = 1.4133 → 0.848; 63 % → 0.852).
    let mix = |pct: f64| {
        evaluate(&inputs(|i| {
            i.loc = 1_000.0;
            i.model = ModelChoice::Mix;
            i.opus_pct = pct;
        }))
    };
    assert_close(mix(30.0).demand.weight, 1.2, EPS);
    assert_eq!(mix(30.0).recommendation.plan, Plan::Pro);
    assert_eq!(mix(60.0).recommendation.plan, Plan::Pro);
    let e = mix(70.0);
    assert_eq!(e.recommendation.plan, Plan::Max5);
    assert!(e
        .recommendation
        .alternatives
        .contains(&Alternative::LessOpus {
            plan: Plan::Pro,
            opus_pct: 62.0,
            current: 70.0
        }));
}

#[test]
fn opus_readings_that_disagree_are_both_said() {
    // 20,000 lines, Opus, 8 h a day. By the weight: window 6 × 5 × 5/3 = 50 prompts of Max 5x's
    // 109.6 (0.456), week 240 × 5/3 = 400 prompts / 6.282 = 63.7 h of 207.2 (0.307) → Max 5x,
    // comfortable. By the article's Opus 4 hours: 240 prompts / 6.282 = 38.2 h of Opus against
    // Max 5x's 35 × (15/35)^0.4337 = 24.2 h (1.58) and Max 20x's 40 × 0.6^0.4337 = 32.0 h (1.19):
    // even Max 20x exceeds.
    let mut i = inputs(|i| {
        i.model = ModelChoice::Opus;
        i.hours = 8.0;
    });
    let e = evaluate(&i);
    let r = &e.recommendation;
    assert_eq!(
        (r.plan, r.verdict, r.fits),
        (Plan::Max5, Verdict::Comfortable, true)
    );
    assert!(r.reasons.contains(&Reason::OpusRuleDiffers {
        plan: Plan::Max20,
        with_extra: false,
        by_hours: true
    }));
    assert!(r
        .reasons
        .iter()
        .any(|x| matches!(x, Reason::OpusWeight { .. })));
    i.assumptions.set(AssumptionKey::OpusHoursRule, 1.0);
    let e = evaluate(&i);
    let r = &e.recommendation;
    assert_eq!((r.plan, r.fits), (Plan::Max20, false));
    assert_close(pe(&e, Plan::Max20).weekly_fullness, 1.1916, 1e-3);
    // With the rule on, the weight is not given as a reason; the other reading is.
    assert!(!r
        .reasons
        .iter()
        .any(|x| matches!(x, Reason::OpusWeight { .. })));
    assert!(r.reasons.contains(&Reason::OpusHours));
    assert!(r.reasons.contains(&Reason::OpusRuleDiffers {
        plan: Plan::Max5,
        with_extra: false,
        by_hours: false
    }));
    // When both readings agree, neither line appears.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.model = ModelChoice::Opus;
        i.hours = 1.0;
    }));
    assert!(!e
        .recommendation
        .reasons
        .iter()
        .any(|x| matches!(x, Reason::OpusRuleDiffers { .. })));
}

#[test]
fn scenario_max5_with_two_instances_instead_of_three() {
    // 100,000 lines: η = 2/3; Max 5x: 200 × 0.25^(2/3) = 79.37 prompts; 3 instances × 24 = 72 →
    // 0.907 > 0.85 → Max 20x (72/317.5 = 0.227). With 2 instances: 48/79.37 = 0.605 → Max 5x.
    let e = evaluate(&inputs(|i| {
        i.loc = 100_000.0;
        i.instances = 3;
    }));
    assert_close(pe(&e, Plan::Max5).capacity.prompts, 79.37, 1e-2);
    assert_close(pe(&e, Plan::Max5).window_fullness, 0.9071, 1e-3);
    assert_eq!(e.recommendation.plan, Plan::Max20);
    let alt = Alternative::FewerInstances {
        plan: Plan::Max5,
        instances: 2.0,
        current: 3.0,
    };
    assert!(e.recommendation.alternatives.contains(&alt));
    // Singular forms are the page's choice: the model gives the base key and the value.
    assert_eq!(alt.key(), "alt.fewer_instances");
    assert_eq!(alt.value(), Some(2.0));
}

#[test]
fn scenario_tiny_use_api_cheaper() {
    // 500 lines, 1 prompt/h, 0.5 h, 1 day: 0.5 prompt a week × $0.175 × 52/12 = $0.379 a month on
    // the API, less than Pro's $20.
    let e = evaluate(&inputs(|i| {
        i.loc = 500.0;
        i.pace = 1.0;
        i.hours = 0.5;
        i.days = 1;
    }));
    let api = 0.5 * 0.175 * 52.0 / 12.0;
    assert_close(e.api_monthly_usd, api, 1e-12);
    assert_eq!(e.recommendation.plan, Plan::Pro);
    assert!(e.recommendation.reasons.iter().any(|r| matches!(
        *r,
        Reason::ApiCheaper { usd, low, high }
            if close(usd, api, 1e-12) && close(low, api * 30.0 / 35.0, 1e-12)
                && close(high, api * 2.0, 1e-12)
    )));
}

#[test]
fn scenario_nothing_fits_with_extra_usage() {
    // The second example with xu. API: 1,200 prompts a week × 5/3 × $0.70 = $1,400 × 52/12 =
    // $6,066.67. Max 20x (1.964): 200 + 6,066.67 × (1 − 0.85/1.964) = $3,641.30; Max 5x (window
    // 250/50 = 5.0): 100 + 6,066.67 × 0.83 = $5,135.33; Pro (25.0): 20 + 6,066.67 × 0.966 =
    // $5,880.40 → Max 20x + extra usage.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000_000.0;
        i.model = ModelChoice::Opus;
        i.instances = 5;
        i.hours = 8.0;
        i.extra_usage = true;
    }));
    assert_close(e.api_monthly_usd, 6066.667, 1e-2);
    assert_close(pe(&e, Plan::Max5).with_extra_monthly_usd, 5135.333, 1e-2);
    assert_close(pe(&e, Plan::Pro).with_extra_monthly_usd, 5880.4, 1e-2);
    let r = &e.recommendation;
    assert_eq!((r.plan, r.with_extra, r.fits), (Plan::Max20, true, false));
    let f = pe(&e, Plan::Max20).fullness;
    assert_close(r.monthly_usd, 200.0 + 6066.667 * (1.0 - 0.85 / f), 1e-2);
}

#[test]
fn scenario_time_to_limit_one_hour_forty() {
    // 1,000 lines, 24 prompts/h for 5 h: 120 prompts vs Pro's 40 → 3.0 → limit after 5/3 h =
    // 1 h 40. Max 5x: 120/200 = 0.6 → recommended.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.pace = 24.0;
        i.hours = 5.0;
    }));
    let t = pe(&e, Plan::Pro).time_to_limit_hours.unwrap_or(0.0);
    assert_close(t, 5.0 / 3.0, EPS);
    assert_eq!(hours_minutes(t), (1, 40));
    assert_eq!(hours_minutes(1.67), (1, 40));
    assert_eq!(hours_minutes(f64::NAN), (0, 0));
    assert_eq!(e.recommendation.plan, Plan::Max5);
}

#[test]
fn scenario_opus_hours_rule() {
    // 1,000 lines, Opus, 4 h × 5 d at 6 prompts: 120 prompts. Weight rule: Max 5x week 120 × 5/3
    // / 8.485 = 23.6 h of 280 → 0.084. Opus-hours rule: 120 / 8.485 = 14.1 h of Opus against
    // Max 5x's 35 h → 0.404; Pro (estimated 10 h) 1.414; Max 20x 40 h → 0.354.
    let mut i = inputs(|i| {
        i.loc = 1_000.0;
        i.model = ModelChoice::Opus;
    });
    let hours = 120.0 / (6.0 * 2f64.sqrt());
    assert_close(
        pe(&evaluate(&i), Plan::Max5).weekly_fullness,
        hours * 5.0 / 3.0 / 280.0,
        EPS,
    );
    i.assumptions.set(AssumptionKey::OpusHoursRule, 1.0);
    let e = evaluate(&i);
    assert_close(pe(&e, Plan::Max5).weekly_fullness, hours / 35.0, EPS);
    assert_close(pe(&e, Plan::Pro).weekly_fullness, hours / 10.0, EPS);
    assert_close(pe(&e, Plan::Max20).weekly_fullness, hours / 40.0, EPS);
    assert_eq!(e.recommendation.plan, Plan::Max5);
}

#[test]
fn scenario_headroom_assumption() {
    // Defaults but headroom 1.0 and loc 1,000 with pace 7, 5 h: 35/40 = 0.875 — above 0.85 (Max 5x)
    // but within 1.0 (Pro).
    let mut i = inputs(|i| {
        i.loc = 1_000.0;
        i.pace = 7.0;
        i.hours = 5.0;
    });
    assert_eq!(evaluate(&i).recommendation.plan, Plan::Max5);
    i.assumptions.set(AssumptionKey::Headroom, 1.0);
    assert_eq!(evaluate(&i).recommendation.plan, Plan::Pro);
}

#[test]
fn clamping() {
    let mut i = Inputs::default();
    i.set_num(NumInput::Hours, 4.3); // → 4.5 (step 0.5)
    assert_eq!(i.hours, 4.5);
    i.set_num(NumInput::Loc, -5.0);
    assert_eq!(i.loc, 100.0);
    i.set_num(NumInput::Loc, f64::NAN);
    assert_eq!(i.loc, 20_000.0);
    i.set_num(NumInput::Instances, 1e300);
    assert_eq!(i.instances, 20);
    i.set_num(NumInput::Chat, f64::NEG_INFINITY);
    assert_eq!(i.chat, 0);
    i.set_num(NumInput::Pace, 6.6);
    assert_eq!(i.pace, 7.0);
    let mut a = Assumptions::default();
    assert_close(a.opus_weight, 5.0 / 3.0, EPS);
    a.set(AssumptionKey::Headroom, 7.0);
    assert_eq!(a.headroom, 1.0);
    a.set(AssumptionKey::WindowUsd, f64::INFINITY);
    assert_eq!(a.window_usd, 35.0);
    let wild = Inputs {
        loc: f64::INFINITY,
        opus_pct: -3.0,
        hours: 99.0,
        pace: f64::NAN,
        days: 0,
        calibration: Some(Calibration {
            plan: Plan::Pro,
            window_usd: f64::NAN,
            week_usd: None,
            window_range: None,
            hits: 1,
            span_ms: None,
        }),
        ..Inputs::default()
    }
    .clamped();
    assert_eq!(
        (wild.loc, wild.opus_pct, wild.hours, wild.pace, wild.days),
        (20_000.0, 0.0, 16.0, 6.0, 1)
    );
    assert_eq!(
        wild.calibration, None,
        "a calibration without a window is none"
    );
}

// ---------------------------------------------------------------------------------------------
// Imported usage, and calibration from limit hits.

#[test]
fn observed_usage_against_the_plans() {
    // $7 in the busiest block is Pro's whole window (1.0: tight, above 85 %) → Max 5x
    // (7/35 = 0.2; week 30/415.8 = 0.072).
    let o = Observed {
        window_usd: 7.0,
        week_usd: 30.0,
        monthly_usd: 90.0,
        ..Observed::default()
    };
    let e = evaluate_observed(&Inputs::default(), &o);
    assert_eq!(e.basis, Basis::Observed);
    assert_close(pe(&e, Plan::Pro).window_fullness, 1.0, EPS);
    assert_eq!(pe(&e, Plan::Pro).verdict, Verdict::Tight);
    assert_eq!(e.recommendation.plan, Plan::Max5);
    assert_close(pe(&e, Plan::Max5).fullness, 0.2, EPS);
    assert_eq!(e.api_monthly_usd, 90.0);
    let r = &e.recommendation.reasons;
    assert_eq!(
        r[0],
        Reason::Observed {
            window_usd: 7.0,
            week_usd: 30.0
        }
    );
    // The estimate the verdicts rest on is said, with its range: at $30 for Max 5x (Pro $6) the
    // answer stays Max 5x; at $70 (Pro $14, 0.5) it would be Pro.
    assert!(r.contains(&Reason::WindowEstimate {
        usd: 35.0,
        low: 30.0,
        measured_high: 50.0
    }));
    assert!(r.contains(&Reason::ChangesAt {
        window_plan: Plan::Max5,
        usd: 70.0,
        plan: Plan::Pro,
        with_extra: false
    }));
    assert!(!r.iter().any(|x| matches!(x, Reason::HoldsAcross { .. })));
    // $200 in a window: nothing fits (Max 20x 200/140 = 1.43).
    let big = evaluate_observed(
        &Inputs::default(),
        &Observed {
            window_usd: 200.0,
            monthly_usd: 4000.0,
            ..o
        },
    );
    assert_eq!(
        (big.recommendation.plan, big.recommendation.fits),
        (Plan::Max20, false)
    );
    assert!(big.recommendation.alternatives.is_empty());
    // Garbage in, finite out.
    let g = evaluate_observed(
        &Inputs::default(),
        &Observed {
            window_usd: f64::NAN,
            week_usd: f64::INFINITY,
            monthly_usd: -1.0,
            opus_share: 7.0,
            hours_per_day: f64::NAN,
            days_per_week: -3.0,
        },
    );
    assert!(!format!("{g:?}").contains("NaN") && !format!("{g:?}").contains("inf"));
}

#[test]
fn calibration_from_limit_hits() {
    // Three five-hour hits on Max 5x at $30, $40 and $50, one weekly hit after $400 in 7 days.
    let c = calibrate(
        Plan::Max5,
        &[40.0, 30.0, 50.0, 0.0],
        &[400.0],
        Some((2.0, 1.0)),
    );
    let c = c.expect("a calibration");
    assert_eq!(c.plan, Plan::Max5);
    assert_eq!(c.window_usd, 40.0, "median");
    assert_eq!(c.window_range, Some((30.0, 50.0)));
    assert_eq!(c.week_usd, Some(400.0));
    assert_eq!(c.hits, 4, "the hit that spent nothing is left out");
    assert_eq!(c.span_ms, Some((1.0, 2.0)));
    assert_eq!(
        calibrate(Plan::Pro, &[1.0, 2.0, 3.0, 10.0], &[], None).map(|c| c.window_usd),
        Some(2.5),
        "the median of an even count is the mean of the middle two"
    );
    assert_eq!(calibrate(Plan::Pro, &[], &[100.0], None), None);
    assert_eq!(calibrate(Plan::Pro, &[f64::NAN, -1.0], &[], None), None);

    // The other plans follow by the article's multiples (window) and weekly hours (week).
    let i = inputs(|i| i.calibration = Some(c));
    let e = evaluate(&i);
    let w = |p| pe(&e, p).capacity.window_usd;
    assert_close(w(Plan::Pro), 8.0, 1e-9);
    assert_close(w(Plan::Max5), 40.0, 1e-9);
    assert_close(w(Plan::Max20), 160.0, 1e-9);
    let k = |p| pe(&e, p).capacity.week_usd;
    assert_close(k(Plan::Max5), 400.0, 1e-9);
    assert_close(k(Plan::Pro), 400.0 * 80.0 / 280.0, 1e-9);
    assert_close(k(Plan::Max20), 400.0 * 480.0 / 280.0, 1e-9);
    // A calibrated window holds more prompts: Pro 21.93 × 40/35 = 25.06 → 24/25.06 = 0.958.
    assert_close(
        pe(&e, Plan::Pro).capacity.prompts,
        21.926 * 40.0 / 35.0,
        1e-3,
    );
    assert_eq!(
        e.window_source,
        capacity::WindowSource::Calibrated(Plan::Max5)
    );
    assert!(e.week_calibrated);
    let r = &e.recommendation.reasons;
    assert!(r.contains(&Reason::WindowCalibrated {
        plan: Plan::Max5,
        usd: 40.0,
        hits: 4.0
    }));
    assert!(r.contains(&Reason::CalibrationDates {
        first: 1.0,
        last: 2.0
    }));
    // The hits' range: at $30 (Pro 0.958 × 40/30 = 1.28) and $50 (0.77) → Pro fits at $50.
    assert!(r.contains(&Reason::ChangesAt {
        window_plan: Plan::Max5,
        usd: 50.0,
        plan: Plan::Pro,
        with_extra: false
    }));
}

#[test]
fn suggested_inputs_reproduce_the_imported_answer() {
    // A busiest block of $6 and 7 days of $15, 70 % of it on Opus, 2.3 h a day, 3.6 days a week.
    let o = Observed {
        window_usd: 6.0,
        week_usd: 15.0,
        monthly_usd: 50.0,
        opus_share: 0.7034,
        hours_per_day: 2.3,
        days_per_week: 3.6,
    };
    let base = Inputs::default();
    let i = suggested_inputs(&base, &o);
    assert_eq!(i.model, ModelChoice::Mix);
    assert_eq!(i.opus_pct, 70.0);
    assert_eq!(
        (i.loc, i.chat, i.auto_accept),
        (base.loc, base.chat, base.auto_accept),
        "what logs cannot tell is kept"
    );
    let (want, got) = (evaluate_observed(&base, &o), evaluate(&i));
    assert_eq!(got.recommendation.plan, want.recommendation.plan);
    for p in Plan::ALL {
        assert_eq!(pe(&got, p).verdict, pe(&want, p).verdict, "{p:?}");
    }
    assert_eq!(i.clone().clamped(), i);
    // Heavy usage spreads over instances; nothing breaks on zeros.
    let heavy = suggested_inputs(
        &base,
        &Observed {
            window_usd: 500.0,
            week_usd: 3000.0,
            ..o
        },
    );
    assert!(heavy.instances > 1);
    let empty = suggested_inputs(&base, &Observed::default());
    assert_eq!(empty.clone().clamped(), empty);
}

// ---------------------------------------------------------------------------------------------
// Properties.

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn arb_model() -> impl Strategy<Value = ModelChoice> {
        prop_oneof![
            Just(ModelChoice::Sonnet),
            Just(ModelChoice::Opus),
            Just(ModelChoice::Mix)
        ]
    }

    prop_compose! {
        fn arb_assumptions()(v in proptest::collection::vec(0.0f64..=1.0, 8), default in any::<bool>()) -> Assumptions {
            let mut a = Assumptions::default();
            if !default {
                for (k, x) in AssumptionKey::ALL.into_iter().zip(v) {
                    let m = k.meta();
                    a.set(k, m.min + x * (m.max - m.min));
                }
            }
            a
        }
    }

    prop_compose! {
        fn arb_calibration()(some in any::<bool>(), plan in proptest::sample::select(Plan::ALL.to_vec()),
                             window in 1.0f64..500.0, week in proptest::option::of(10.0f64..5000.0)) -> Option<Calibration> {
            some.then_some(Calibration { plan, window_usd: window, week_usd: week, window_range: None, hits: 1, span_ms: None })
        }
    }

    prop_compose! {
        fn arb_inputs()(loc in 2.0f64..7.0, model in arb_model(), opus in 0.0f64..=100.0, n in 1u32..=20,
                        h in 0.5f64..=16.0, d in 1u32..=7, pace in 1.0f64..=30.0, aa in any::<bool>(),
                        chat in prop_oneof![Just(0u32), 0u32..=500], xu in any::<bool>(), a in arb_assumptions(),
                        calibration in arb_calibration()) -> Inputs {
            Inputs { loc: 10f64.powf(loc), model, opus_pct: opus, instances: n, hours: h, days: d, pace,
                     auto_accept: aa, chat, extra_usage: xu, assumptions: a, calibration }.clamped()
        }
    }

    /// One way of asking for more.
    #[derive(Clone, Copy, Debug)]
    enum More {
        Num(NumInput),
        Model,
        AutoAccept,
    }

    fn arb_more() -> impl Strategy<Value = More> {
        prop_oneof![
            proptest::sample::select(NumInput::ALL.to_vec()).prop_map(More::Num),
            Just(More::Model),
            Just(More::AutoAccept),
        ]
    }

    /// `base` with more of `more` (a fraction `t` of the way to the maximum).
    fn more(base: &Inputs, more: More, t: f64) -> Inputs {
        let mut i = base.clone();
        match more {
            More::Num(n) => {
                let (_, max, _, _) = n.range();
                let v = i.num(n);
                i.set_num(n, v + (max - v) * t);
                // Opus share only counts in Mix; elsewhere it changes nothing (also fine).
            }
            More::Model => {
                i.model = match i.model {
                    ModelChoice::Sonnet => ModelChoice::Mix,
                    _ => ModelChoice::Opus,
                };
            }
            More::AutoAccept => i.auto_accept = true,
        }
        i
    }

    fn finite(e: &Evaluation) -> bool {
        let s = format!("{e:?}");
        !s.contains("NaN") && !s.contains("inf")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn more_demand_never_cheaper(base in arb_inputs(), m in arb_more(), t in 0.0f64..=1.0) {
            let bigger = more(&base, m, t);
            let (a, b) = (evaluate(&base), evaluate(&bigger));
            let (ra, rb) = (&a.recommendation, &b.recommendation);
            prop_assert!(rb.monthly_usd >= ra.monthly_usd - 0.01, "{m:?}: {} → {}", ra.monthly_usd, rb.monthly_usd);
            if !base.extra_usage {
                prop_assert!(rb.plan.index() >= ra.plan.index());
            }
            // Fullness never drops either.
            for p in Plan::ALL {
                prop_assert!(b.plan(p).window_fullness >= a.plan(p).window_fullness - 1e-9);
                prop_assert!(b.plan(p).weekly_fullness >= a.plan(p).weekly_fullness - 1e-9);
            }
            prop_assert!(b.api_monthly_usd >= a.api_monthly_usd - 1e-9);
        }

        #[test]
        fn fullness_ordered(i in arb_inputs()) {
            let e = evaluate(&i);
            let [pro, m5, m20] = &e.plans;
            for (x, y) in [(pro, m5), (m5, m20)] {
                prop_assert!(x.window_fullness >= y.window_fullness);
                prop_assert!(x.weekly_fullness >= y.weekly_fullness);
                prop_assert!(x.fullness >= y.fullness);
            }
            prop_assert_eq!(e.plans.map(|p| p.plan), Plan::ALL);
        }

        #[test]
        fn recommendation_is_consistent(i in arb_inputs()) {
            let e = evaluate(&i);
            let r = &e.recommendation;
            let p = e.plan(r.plan);
            prop_assert_eq!(r.fits, p.fits);
            prop_assert_eq!(r.verdict, p.verdict);
            if r.fits {
                // The cheapest plan that fits.
                prop_assert!(Plan::ALL.iter().all(|&q| q.price_usd() >= r.plan.price_usd() || !e.plan(q).fits));
                prop_assert!(!r.with_extra);
                prop_assert_eq!(r.monthly_usd, r.plan.price_usd());
            } else if r.with_extra {
                prop_assert!(i.extra_usage);
                prop_assert!((r.monthly_usd - p.with_extra_monthly_usd).abs() < 1e-9);
            } else {
                prop_assert_eq!(r.plan, Plan::Max20);
                prop_assert!(Plan::ALL.iter().all(|&q| !e.plan(q).fits));
            }
            // Every alternative, applied, makes its plan fit; and it is cheaper (or makes one fit).
            for alt in &r.alternatives {
                let mut j = i.clone();
                match *alt {
                    Alternative::UseSonnet { .. } => j.model = ModelChoice::Sonnet,
                    Alternative::LessOpus { opus_pct, .. } => j.opus_pct = opus_pct,
                    Alternative::NoAutoAccept { .. } => j.auto_accept = false,
                    Alternative::FewerInstances { instances, .. } => j.set_num(NumInput::Instances, instances),
                    Alternative::FewerHours { hours, .. } => j.hours = hours,
                    Alternative::FewerDays { days, .. } => j.set_num(NumInput::Days, days),
                    Alternative::SlowerPace { pace, .. } => j.pace = pace,
                    Alternative::LessChat { chat, .. } => j.set_num(NumInput::Chat, chat),
                    Alternative::AllowExtra { usd, .. } => {
                        j.extra_usage = true;
                        prop_assert!(usd < r.monthly_usd);
                        prop_assert!((evaluate(&j).recommendation.monthly_usd - usd).abs() < 1e-6);
                        continue;
                    }
                }
                let ej = evaluate(&j);
                prop_assert!(ej.plan(alt.plan()).fits, "{alt:?} does not fit");
                prop_assert!(alt.plan().price_usd() < r.monthly_usd || !r.fits, "{alt:?}");
            }
        }

        #[test]
        fn no_panic_no_nan_anywhere(
            nums in proptest::collection::vec(prop_oneof![
                any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
                Just(0.0), Just(-1.0), Just(1e308), Just(-1e308), Just(f64::MIN_POSITIVE)], 12),
            ints in proptest::collection::vec(any::<u32>(), 3),
            model in arb_model(), aa in any::<bool>(), xu in any::<bool>(), rule in any::<bool>(),
        ) {
            let assumptions = Assumptions {
                light_loc: nums[5], heavy_loc: nums[6], auto_accept_boost: nums[7], opus_weight: nums[8],
                opus_hours_rule: rule, headroom: nums[9], window_usd: nums[10], hour_prompts: nums[11],
            };
            let calibration = Some(Calibration { plan: Plan::Pro, window_usd: nums[4], week_usd: Some(nums[3]),
                                                 window_range: Some((nums[2], nums[1])), hits: ints[0], span_ms: Some((nums[0], nums[4])) });
            let i = Inputs { loc: nums[0], model, opus_pct: nums[1], instances: ints[0], hours: nums[2],
                             days: ints[1], pace: nums[3], auto_accept: aa, chat: ints[2], extra_usage: xu,
                             assumptions: assumptions.clone(), calibration };
            let e = evaluate(&i);
            prop_assert!(finite(&e), "{e:?}");
            let o = Observed { window_usd: nums[4], week_usd: nums[0], monthly_usd: nums[1], opus_share: nums[2],
                               hours_per_day: nums[3], days_per_week: nums[5] };
            let r = evaluate_observed(&i, &o);
            prop_assert!(finite(&r), "{r:?}");
            let s = suggested_inputs(&i, &o);
            prop_assert_eq!(s.clone().clamped(), s);
            let c = i.clamped();
            prop_assert!(finite(&evaluate(&c)));
            prop_assert_eq!(c.clone().clamped(), c);
        }

        #[test]
        fn observed_monotone(w in 0.0f64..500.0, k in 0.0f64..5000.0, dw in 0.0f64..100.0, dk in 0.0f64..1000.0,
                             i in arb_inputs()) {
            let i = Inputs { extra_usage: false, ..i };
            let o = |w, k| evaluate_observed(&i, &Observed { window_usd: w, week_usd: k, monthly_usd: 50.0, ..Observed::default() });
            let (x, y) = (o(w, k), o(w + dw, k + dk));
            prop_assert!(y.recommendation.plan.index() >= x.recommendation.plan.index());
            for p in 0..3 {
                prop_assert!(y.plans[p].fullness >= x.plans[p].fullness);
            }
            prop_assert!(x.plans[0].fullness >= x.plans[1].fullness && x.plans[1].fullness >= x.plans[2].fullness);
        }

        /// The calculator and the replay of imported usage read the same dollars the same way:
        /// the described workload, replayed as if it had been imported, gives every plan the same
        /// fullness and the same answer.
        #[test]
        fn calculator_and_replay_agree(i in arb_inputs()) {
            let e = evaluate(&i);
            let d = &e.demand;
            // Opus's share of the dollars (chat is never Opus).
            let opus_usd = if d.weight > 0.0 {
                (d.week_usd - i.chat as f64 * i.days as f64 * d.message_usd).max(0.0) * d.opus_share
                    * i.assumptions.opus_weight / d.weight
            } else { 0.0 };
            let o = Observed {
                window_usd: d.window_usd,
                week_usd: d.week_usd,
                monthly_usd: e.api_monthly_usd,
                opus_share: if d.week_usd > 0.0 { opus_usd / d.week_usd } else { 0.0 },
                ..Observed::default()
            };
            let r = evaluate_observed(&i, &o);
            for p in Plan::ALL {
                let (a, b) = (e.plan(p), r.plan(p));
                prop_assert!(close(a.window_fullness, b.window_fullness, 1e-9 * a.window_fullness.max(1.0)), "{p:?} window {} {}", a.window_fullness, b.window_fullness);
                prop_assert!(close(a.weekly_fullness, b.weekly_fullness, 1e-9 * a.weekly_fullness.max(1.0)), "{p:?} week {} {}", a.weekly_fullness, b.weekly_fullness);
            }
            prop_assert_eq!(e.recommendation.plan, r.recommendation.plan);
            prop_assert_eq!(e.recommendation.with_extra, r.recommendation.with_extra);
        }

        /// "Use these numbers in the calculator" gives the import's answer: the same
        /// recommendation, for any usage. (Each plan's verdict too, as closely as the inputs'
        /// steps allow: near a threshold, a prompt more or less can cross it; the import tests
        /// check them on real trees.)
        #[test]
        fn suggested_inputs_reproduce_the_replay(w in 0.05f64..300.0, weeks in 1.0f64..30.0, share in 0.0f64..=1.0,
                                                h in 0.5f64..12.0, d in 1.0f64..7.0, i in arb_inputs()) {
            // The logs hold Claude Code only: claude.ai chat the visitor adds comes on top.
            let i = Inputs { calibration: None, chat: 0, extra_usage: false, ..i };
            let o = Observed { window_usd: w, week_usd: w * weeks, monthly_usd: w * weeks * WEEKS_PER_MONTH,
                               opus_share: share, hours_per_day: h, days_per_week: d };
            let want = evaluate_observed(&i, &o);
            let got = evaluate(&suggested_inputs(&i, &o));
            prop_assert_eq!(got.recommendation.plan, want.recommendation.plan);
            prop_assert_eq!(got.recommendation.fits, want.recommendation.fits);
        }
    }
}
