//! Tests of the model: the article's ranges, SPEC §3's worked examples, designed scenarios with
//! hand-computed numbers, and properties (monotonicity, ordering, robustness).

use super::*;

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[track_caller]
fn assert_close(a: f64, b: f64, tol: f64) {
    assert!(close(a, b, tol), "{a} != {b} (± {tol})");
}

/// SPEC §3's defaults with a few changes.
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
            assert_eq!(
                p.prompts_capacity,
                pick(f.prompts_5h),
                "{plan:?} prompts at {loc}"
            );
            assert_eq!(
                p.weekly_capacity_hours,
                pick(f.sonnet_week_hours),
                "{plan:?} week at {loc}"
            );
            assert_eq!(p.messages_capacity, f.messages_5h);
            if let Some(opus) = f.opus_week_hours {
                assert_eq!(
                    p.weekly_opus_capacity_hours,
                    pick(opus),
                    "{plan:?} opus at {loc}"
                );
            }
        }
    }
    // The figures themselves (SPEC §2).
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
            FactValue::Range(a, b) => vec![a, b],
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
            (Some("prompts"), FactValue::Range(a, b)) => assert_eq!((a, b), p.prompts_5h),
            (Some("sonnet"), FactValue::Range(a, b)) => assert_eq!((a, b), p.sonnet_week_hours),
            (Some("opus"), FactValue::Range(a, b)) => assert_eq!(Some((a, b)), p.opus_week_hours),
            (Some("best"), _) => {}
            other => panic!("unchecked fact {} {other:?}", f.label),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Translation keys: every key the model can return exists in both languages, same placeholders.

fn locale(lang: &str) -> Vec<(String, String)> {
    let path = format!("{}/locales/{lang}/model.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // Flat {"key": "text"} objects written one pair per line.
    text.lines()
        .filter_map(|l| {
            let l = l.trim().trim_end_matches(',');
            let (k, v) = l.split_once("\": \"")?;
            Some((
                k.trim_start_matches('"').to_string(),
                v.trim_end_matches('"').to_string(),
            ))
        })
        .collect()
}

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

#[test]
fn translation_keys_exist_with_placeholders() {
    let en = locale("en");
    let fr = locale("fr");
    assert!(en.len() > 100);
    let en_keys: Vec<&String> = en.iter().map(|(k, _)| k).collect();
    let fr_keys: Vec<&String> = fr.iter().map(|(k, _)| k).collect();
    assert_eq!(en_keys, fr_keys);
    let text = |k: &str| en.iter().find(|(key, _)| key == k).map(|(_, t)| t.clone());
    let mut keys: Vec<(&str, Vec<&str>)> = Vec::new();
    for f in FACTS {
        keys.push((f.label, vec![]));
        keys.push((f.quote, vec![]));
        keys.push((f.section.key(), vec![]));
    }
    for p in Plan::ALL {
        keys.push((p.name_key(), vec![]));
    }
    for l in [Limit::Window, Limit::Week] {
        keys.push((l.key(), vec![]));
    }
    for k in AssumptionKey::ALL {
        let m = k.meta();
        keys.push((m.label, vec![]));
        keys.push((m.why, vec![]));
        keys.push((m.source, vec![]));
    }
    let (p, f, u, n) = (Plan::Pro, 0.5, 10.0, 2.0);
    let reasons = [
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
        },
        Reason::ExtraUsage {
            plan: p,
            extra_usd: u,
            total_usd: u,
        },
        Reason::ExtraBeats {
            other: p,
            other_usd: u,
        },
        Reason::WindowLimitAfter { plan: p, hours: n },
        Reason::WeeklyHoursOver { plan: p, hours: n },
        Reason::Tight { plan: p },
        Reason::OpusWeight { weight: n },
        Reason::SharedChat { messages: n },
        Reason::ApiCheaper { usd: u },
        Reason::ApiDearer { usd: u },
    ];
    let alts = [
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
        Alternative::FewerInstances {
            plan: p,
            instances: 1.0,
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
        Alternative::FewerDays {
            plan: p,
            days: 1.0,
            current: n,
        },
        Alternative::FewerHours {
            plan: p,
            hours: 1.0,
            current: n,
        },
        Alternative::SlowerPace {
            plan: p,
            pace: n,
            current: n,
        },
        Alternative::SlowerPace {
            plan: p,
            pace: 1.0,
            current: n,
        },
        Alternative::LessChat {
            plan: p,
            chat: n,
            current: n,
        },
        Alternative::LessChat {
            plan: p,
            chat: 1.0,
            current: n,
        },
        Alternative::LessChat {
            plan: p,
            chat: 0.0,
            current: n,
        },
        Alternative::AllowExtra { plan: p, usd: u },
    ];
    let reason_args: Vec<(&str, Vec<&str>)> = reasons
        .iter()
        .map(|r| (r.key(), r.args().iter().map(|a| a.0).collect()))
        .collect();
    let alt_args: Vec<(&str, Vec<&str>)> = alts
        .iter()
        .map(|r| (r.key(), r.args().iter().map(|a| a.0).collect()))
        .collect();
    keys.extend(reason_args);
    keys.extend(alt_args);
    for (key, args) in keys {
        let t = text(key).unwrap_or_else(|| panic!("missing translation {key}"));
        for ph in placeholders(&t) {
            assert!(
                args.contains(&ph.as_str()),
                "{key}: placeholder {{{ph}}} not provided by args {args:?}"
            );
        }
    }
    for (k, v) in &en {
        let fr_v = fr
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, t)| t.as_str())
            .unwrap_or("");
        assert_eq!(placeholders(v), placeholders(fr_v), "{k}");
    }
}

#[test]
fn link_keys_are_short_and_distinct() {
    let spec = [
        "loc", "model", "opus", "n", "h", "d", "pace", "aa", "chat", "xu", "lang", "v",
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
// SPEC §3's worked examples.

#[test]
fn spec_example_small_sonnet_is_pro() {
    // 500 lines → η = 0 (below 1,000): Pro allows 40 prompts per 5 h. Demand 1 × 6 × 4 = 24
    // prompts → 60 % of the window; week 4 × 5 = 20 h of 80 → 25 %.
    let e = evaluate(&inputs(|i| i.loc = 500.0));
    let r = &e.recommendation;
    assert_eq!(
        (r.plan, r.with_extra, r.fits, r.verdict),
        (Plan::Pro, false, true, Verdict::Comfortable)
    );
    assert_eq!(r.monthly_usd, 20.0);
    let pro = pe(&e, Plan::Pro);
    assert_close(pro.window_fullness, 0.60, EPS);
    assert_close(pro.weekly_fullness, 0.25, EPS);
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
fn spec_example_huge_opus_nothing_fits() {
    // 1M lines → η = 1: Max 20x allows 200 prompts per 5 h and 240 h a week. Demand: 5 × 6 × 5 h
    // × 5/3 = 250 prompts → window 125 %; week 5 × 8 × 5 × 5/3 = 333.3 h → 138.9 %.
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
    assert_close(m.window_fullness, 1.25, EPS);
    assert_close(m.weekly_fullness, 1000.0 / 720.0, EPS);
    // Limit after 5 h / 1.25 = 4 h; weekly: 40 h × (1 − 720/1000) = 11.2 h past the cap.
    assert_close(m.time_to_limit_hours.unwrap_or(0.0), 4.0, EPS);
    assert_close(m.weekly_hours_over, 11.2, 1e-9);
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
    // With Sonnet: window 150/200 = 0.75, week 200/240 = 0.83 → Max 20x fits.
    assert!(r
        .alternatives
        .contains(&Alternative::UseSonnet { plan: Plan::Max20 }));
    // 3 instances: week 3 × 8 × 5 × 5/3 = 200 h / 240 = 0.83; 4 instances: 1.11.
    assert!(r.alternatives.contains(&Alternative::FewerInstances {
        plan: Plan::Max20,
        instances: 3.0,
        current: 5.0
    }));
}

// ---------------------------------------------------------------------------------------------
// Designed scenarios (hand-computed numbers in the comments).

#[test]
fn scenario_defaults_max5() {
    // 20,000 lines: η = log10(20)/3 = 0.43368. Pro: 40 × 0.25^0.43368 = 21.926 prompts; demand
    // 24 → 1.0946, exceeds. Max 5x: 109.63 → 0.2189 → Max 5x at $100, comfortable.
    let e = evaluate(&Inputs::default());
    assert_close(e.demand.heaviness, 20f64.log10() / 3.0, EPS);
    assert_close(pe(&e, Plan::Pro).prompts_capacity, 21.926, 1e-3);
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
    // API: 24 prompts/day × 5 × 52/12 = 520 prompts × $0.10 × 4^0.43368 ($0.18243) = $94.86.
    assert_close(e.api_monthly_usd, 94.864, 1e-2);
    assert!(r.reasons.contains(&Reason::ApiCheaper {
        usd: e.api_monthly_usd
    }));
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
    // Allowing extra usage: Pro + $94.86 × (1 − 1/1.0946) = $28.20.
    let ax = r.alternatives.iter().find_map(|a| match a {
        Alternative::AllowExtra { plan, usd } => Some((*plan, *usd)),
        _ => None,
    });
    assert_eq!(ax.map(|x| x.0), Some(Plan::Pro));
    assert_close(ax.map_or(0.0, |x| x.1), 28.198, 1e-2);
}

#[test]
fn scenario_defaults_with_extra_usage_pro_plus_extra() {
    // Same as above with xu: Pro + $8.20 overflow = $28.20 < Max 5x $100.
    let e = evaluate(&inputs(|i| i.extra_usage = true));
    let r = &e.recommendation;
    assert_eq!((r.plan, r.with_extra, r.fits), (Plan::Pro, true, false));
    assert_close(r.monthly_usd, 28.198, 1e-2);
    assert!(matches!(
        r.reasons[0],
        Reason::ExtraUsage {
            plan: Plan::Pro,
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
    assert_close(pe(&e, Plan::Pro).prompts_capacity, 28.2843, 1e-3);
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
}

#[test]
fn scenario_weekly_cap_binds() {
    // 1,000 lines, pace 1, 16 h a day, 7 days: window 5/40 = 0.125, but week 112 h / 80 = 1.4:
    // Pro exceeds its weekly cap (112 × (1 − 1/1.4) = 32 h of the week past it) → Max 5x
    // (112/280 = 0.4). Pro fits with 4 days (64/80 = 0.8; 5 days 1.0) or 9.5 h (66.5/80 = 0.83).
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000.0;
        i.pace = 1.0;
        i.hours = 16.0;
        i.days = 7;
    }));
    let pro = pe(&e, Plan::Pro);
    assert_eq!(pro.binding, Limit::Week);
    assert_close(pro.weekly_fullness, 1.4, EPS);
    assert_close(pro.weekly_hours_over, 32.0, 1e-9);
    assert_eq!(pro.time_to_limit_hours, None);
    let r = &e.recommendation;
    assert_eq!(r.plan, Plan::Max5);
    assert!(r.reasons.contains(&Reason::TooFull {
        plan: Plan::Pro,
        fullness: 1.4,
        limit: Limit::Week,
        headroom: 0.85
    }));
    assert!(r.alternatives.contains(&Alternative::FewerDays {
        plan: Plan::Pro,
        days: 4.0,
        current: 7.0
    }));
    assert!(r.alternatives.contains(&Alternative::FewerHours {
        plan: Plan::Pro,
        hours: 9.5,
        current: 16.0
    }));
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
    // at 60 %: 1.4 → 0.84 → Pro; at 70 %: 1.4667 → 0.88 → Max 5x, and Pro fits with ≤ 61 % Opus
    // (1 + 2/3 × 0.61 = 1.4067 → 0.844; 62 % → 0.848; 63 % → 0.852).
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
fn scenario_max5_with_two_instances_instead_of_three() {
    // 100,000 lines: η = 2/3; Max 5x: 200 × 0.25^(2/3) = 79.37 prompts; 3 instances × 24 = 72 →
    // 0.907 > 0.85 → Max 20x (72/317.5 = 0.227). With 2 instances: 48/79.37 = 0.605 → Max 5x.
    let e = evaluate(&inputs(|i| {
        i.loc = 100_000.0;
        i.instances = 3;
    }));
    assert_close(pe(&e, Plan::Max5).prompts_capacity, 79.37, 1e-2);
    assert_close(pe(&e, Plan::Max5).window_fullness, 0.9071, 1e-3);
    assert_eq!(e.recommendation.plan, Plan::Max20);
    assert!(e
        .recommendation
        .alternatives
        .contains(&Alternative::FewerInstances {
            plan: Plan::Max5,
            instances: 2.0,
            current: 3.0
        }));
    assert_eq!(
        Alternative::FewerInstances {
            plan: Plan::Max5,
            instances: 2.0,
            current: 3.0
        }
        .key(),
        "alt.fewer_instances"
    );
    assert_eq!(
        Alternative::FewerInstances {
            plan: Plan::Max5,
            instances: 1.0,
            current: 3.0
        }
        .key(),
        "alt.fewer_instances_one"
    );
}

#[test]
fn alternatives_of_one_read_in_the_singular() {
    let p = Plan::Pro;
    let keys = |v: f64| {
        [
            Alternative::FewerHours {
                plan: p,
                hours: v,
                current: 4.0,
            }
            .key(),
            Alternative::SlowerPace {
                plan: p,
                pace: v,
                current: 6.0,
            }
            .key(),
            Alternative::LessChat {
                plan: p,
                chat: v,
                current: 20.0,
            }
            .key(),
        ]
    };
    assert_eq!(
        keys(1.0),
        [
            "alt.fewer_hours_one",
            "alt.slower_pace_one",
            "alt.less_chat_one"
        ]
    );
    // Half an hour is plural in English ("0.5 active hours"), as are 2 or more.
    assert_eq!(
        keys(0.5),
        ["alt.fewer_hours", "alt.slower_pace", "alt.less_chat"]
    );
    assert_eq!(
        keys(2.0),
        ["alt.fewer_hours", "alt.slower_pace", "alt.less_chat"]
    );
}

#[test]
fn scenario_tiny_use_api_cheaper() {
    // 500 lines, 1 prompt/h, 0.5 h, 1 day: 0.5 prompt a week × $0.10 × 52/12 = $0.217 a month on
    // the API, less than Pro's $20.
    let e = evaluate(&inputs(|i| {
        i.loc = 500.0;
        i.pace = 1.0;
        i.hours = 0.5;
        i.days = 1;
    }));
    assert_close(e.api_monthly_usd, 0.5 * 0.1 * 52.0 / 12.0, 1e-12);
    assert_eq!(e.recommendation.plan, Plan::Pro);
    assert!(e.recommendation.reasons.contains(&Reason::ApiCheaper {
        usd: e.api_monthly_usd
    }));
}

#[test]
fn scenario_nothing_fits_with_extra_usage() {
    // SPEC's second example with xu. API: 8,666.7 Sonnet-eq prompts/month × $0.40 = $3,466.67.
    // Max 20x: 200 + 3,466.67 × (1 − 1/1.3889) = 200 + 970.67 = $1,170.67; Max 5x: 100 + 3,466.67
    // × (1 − 1/5) = $2,873.33; Pro: 20 + 3,466.67 × 0.96 = $3,348 → Max 20x + extra usage.
    let e = evaluate(&inputs(|i| {
        i.loc = 1_000_000.0;
        i.model = ModelChoice::Opus;
        i.instances = 5;
        i.hours = 8.0;
        i.extra_usage = true;
    }));
    assert_close(e.api_monthly_usd, 3466.667, 1e-2);
    assert_close(pe(&e, Plan::Max5).with_extra_monthly_usd, 2873.333, 1e-2);
    assert_close(pe(&e, Plan::Pro).with_extra_monthly_usd, 3348.0, 1e-2);
    let r = &e.recommendation;
    assert_eq!((r.plan, r.with_extra, r.fits), (Plan::Max20, true, false));
    assert_close(r.monthly_usd, 1170.667, 1e-2);
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
    // 1,000 lines, Opus, 4 h × 5 d = 20 h of Opus. Weight rule: Max 5x week 20 × 5/3 / 280 = 0.119.
    // Opus-hours rule: 20 / 35 = 0.571; Pro (estimated 10 h) 2.0; Max 20x 20/40 = 0.5.
    let mut i = inputs(|i| {
        i.loc = 1_000.0;
        i.model = ModelChoice::Opus;
    });
    assert_close(
        pe(&evaluate(&i), Plan::Max5).weekly_fullness,
        20.0 * 5.0 / 3.0 / 280.0,
        EPS,
    );
    i.assumptions.set(AssumptionKey::OpusHoursRule, 1.0);
    let e = evaluate(&i);
    assert_close(pe(&e, Plan::Max5).weekly_fullness, 20.0 / 35.0, EPS);
    assert_close(pe(&e, Plan::Pro).weekly_fullness, 2.0, EPS);
    assert_close(pe(&e, Plan::Max20).weekly_fullness, 0.5, EPS);
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
    a.set(AssumptionKey::PromptUsdLight, f64::INFINITY);
    assert_eq!(a.prompt_usd_light, 0.10);
    let wild = Inputs {
        loc: f64::INFINITY,
        opus_pct: -3.0,
        hours: 99.0,
        pace: f64::NAN,
        days: 0,
        ..Inputs::default()
    }
    .clamped();
    assert_eq!(
        (wild.loc, wild.opus_pct, wild.hours, wild.pace, wild.days),
        (20_000.0, 0.0, 16.0, 6.0, 1)
    );
}

#[test]
fn replay_budgets() {
    // Window budgets: √(10 × 40) × √(0.1 × 0.4) = 20 × 0.2 = $4; Max 5x 100 × 0.2 = $20; Max 20x
    // 400 × 0.2 = $80. Week: √(40 × 80) × 6 × 0.2 = 56.57 × 1.2 = $67.88; Max 5x 197.99 × 1.2 =
    // $237.59; Max 20x 339.41 × 1.2 = $407.29.
    let a = Assumptions::default();
    let b: Vec<(f64, f64)> = Plan::ALL
        .iter()
        .map(|&p| (window_budget_usd(p, &a), weekly_budget_usd(p, &a)))
        .collect();
    assert_close(b[0].0, 4.0, 1e-9);
    assert_close(b[1].0, 20.0, 1e-9);
    assert_close(b[2].0, 80.0, 1e-9);
    assert_close(b[0].1, 67.882, 1e-3);
    assert_close(b[1].1, 237.588, 1e-3);
    assert_close(b[2].1, 407.294, 1e-3);
    // The window budget is the same at every heaviness with the default costs.
    for eta in [0.0, 0.3, 0.7, 1.0] {
        for p in Plan::ALL {
            assert_close(
                interpolate(p.facts().prompts_5h, eta) * a.prompt_usd(eta),
                window_budget_usd(p, &a),
                1e-9,
            );
        }
    }
    // $4 in the busiest window, $30 in the busiest week: Pro 1.0 (tight, over 0.85) → Max 5x
    // (0.2 window, 30/237.6 = 0.126 week).
    let r = replay(4.0, 30.0, &a);
    assert_eq!(r.plans[0].verdict, Verdict::Tight);
    assert_eq!((r.recommended, r.fits), (Plan::Max5, true));
    assert_close(r.plans[1].fullness, 0.2, 1e-12);
    // $100 in a window: nothing fits (Max 20x 1.25) → Max 20x, not fitting.
    let r = replay(100.0, 100.0, &a);
    assert_eq!(
        (r.recommended, r.fits, r.plans[2].verdict),
        (Plan::Max20, false, Verdict::Exceeds)
    );
    // Garbage in, finite out.
    let r = replay(
        f64::NAN,
        f64::INFINITY,
        &Assumptions {
            headroom: f64::NAN,
            ..a
        },
    );
    assert!(format!("{r:?}").find("NaN").is_none() && !format!("{r:?}").contains("inf"));
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
        fn arb_inputs()(loc in 2.0f64..7.0, model in arb_model(), opus in 0.0f64..=100.0, n in 1u32..=20,
                        h in 0.5f64..=16.0, d in 1u32..=7, pace in 1.0f64..=30.0, aa in any::<bool>(),
                        chat in prop_oneof![Just(0u32), 0u32..=500], xu in any::<bool>(), a in arb_assumptions()) -> Inputs {
            Inputs { loc: 10f64.powf(loc), model, opus_pct: opus, instances: n, hours: h, days: d, pace,
                     auto_accept: aa, chat, extra_usage: xu, assumptions: a }.clamped()
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
                opus_hours_rule: rule, headroom: nums[9], prompt_usd_light: nums[10], prompt_usd_heavy: nums[11],
            };
            let i = Inputs { loc: nums[0], model, opus_pct: nums[1], instances: ints[0], hours: nums[2],
                             days: ints[1], pace: nums[3], auto_accept: aa, chat: ints[2], extra_usage: xu,
                             assumptions: assumptions.clone() };
            let e = evaluate(&i);
            prop_assert!(finite(&e), "{e:?}");
            let r = replay(nums[4], nums[0], &assumptions);
            let s = format!("{r:?}");
            prop_assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
            let c = i.clamped();
            prop_assert!(finite(&evaluate(&c)));
            prop_assert_eq!(c.clone().clamped(), c);
        }

        #[test]
        fn replay_monotone(w in 0.0f64..500.0, k in 0.0f64..5000.0, dw in 0.0f64..100.0, dk in 0.0f64..1000.0, a in arb_assumptions()) {
            let (x, y) = (replay(w, k, &a), replay(w + dw, k + dk, &a));
            prop_assert!(y.recommended.index() >= x.recommended.index());
            for p in 0..3 {
                prop_assert!(y.plans[p].fullness >= x.plans[p].fullness);
            }
            prop_assert!(x.plans[0].fullness >= x.plans[1].fullness && x.plans[1].fullness >= x.plans[2].fullness);
        }
    }
}
