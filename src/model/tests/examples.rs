//! The worked examples of docs/model.md.
use super::*;

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
