//! Imported usage against the plans, and calibration from limit hits.
use super::*;

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
