//! Designed scenarios about what the answer says: the two Opus readings, the alternatives, the
//! time to the limit, the headroom assumption, clamping.
use super::*;

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
