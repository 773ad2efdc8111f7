//! Properties (proptest): monotonicity, ordering, robustness, the calculator and the replay of
//! imported usage agreeing.
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
