//! Designed scenarios with hand-computed numbers: the defaults, extra usage, verdict thresholds,
//! the weekly cap.
use super::*;

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
