//! The article's ranges and figures, and the translation keys the model returns.
use super::*;

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
