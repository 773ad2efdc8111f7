//! The calculator's inputs that reproduce imported usage ("Use these numbers in the
//! calculator"): after the click, the calculator must give the import's answer, plan by plan.

use super::capacity::Limits;
use super::evaluate::{core, Load, Rules, Work};
use super::{evaluate_observed, Inputs, ModelChoice, NumInput, Observed, WINDOW_HOURS};

/// How far a candidate's answer is from the import's: (plans whose verdict differs, plus 3 if
/// the recommendation differs or fits where the import's does not; how far the fullness is, on a log scale; how far the hours and
/// days are from the observed ones). Compared in that order.
type Score = (u32, f64, f64);

/// The inputs, keeping what logs cannot tell from `base` (codebase size, auto-accept, chat,
/// extra usage, the assumptions and the calibration), that give the same verdict for every
/// plan and the same recommendation as the observed usage, as closely as the inputs' steps
/// allow:
/// - the model: Sonnet or Opus when one has (nearly) all the cost, else a mix with Opus's share;
/// - the hours a day and days a week, and the pace (with more instances beyond 30 prompts an
///   hour): searched on the inputs' grid, so that the busiest five-hour window and the week cost
///   what the busiest block and the busiest 7 days cost, nearest the observed hours and days.
pub fn suggested_inputs(base: &Inputs, observed: &Observed) -> Inputs {
    let observed = observed.clamped();
    let mut i = base.clone().clamped();
    let share = observed.opus_share;
    i.model = if share >= 0.95 {
        ModelChoice::Opus
    } else if share <= 0.05 {
        ModelChoice::Sonnet
    } else {
        i.set_num(NumInput::OpusPct, share * 100.0);
        ModelChoice::Mix
    };
    let target = evaluate_observed(&i, &observed);
    let a = &i.assumptions;
    let limits = Limits::new(a.heaviness(i.loc, i.auto_accept), a, i.calibration.as_ref());
    let rules = Rules::new(&i);
    let weight = Work::new(&i).weight;
    // Sonnet-equivalent prompts in the busiest window and in the busiest week.
    let per_prompt = weight * limits.prompt_usd;
    let (window_prompts, week_prompts) = if per_prompt > 0.0 {
        (
            observed.window_usd / per_prompt,
            observed.week_usd / per_prompt,
        )
    } else {
        (0.0, 0.0)
    };
    let score = |c: &Inputs| -> Score {
        let got = core(&limits, &Load::Described(Work::new(c)), &rules);
        let mut differ = 0;
        let mut distance = 0.0;
        for (g, t) in got.plans.iter().zip(&target.plans) {
            differ += u32::from(g.verdict != t.verdict);
            let log = |a: f64, b: f64| ((a + 1e-9) / (b + 1e-9)).ln().abs();
            distance += log(g.window_fullness, t.window_fullness)
                + log(g.weekly_fullness, t.weekly_fullness);
        }
        let rec = &target.recommendation;
        if got.choice.plan != rec.plan
            || got.choice.with_extra != rec.with_extra
            || got.choice.fits != rec.fits
        {
            differ += 3;
        }
        let near = (c.hours - observed.hours_per_day).abs() / 16.0
            + (f64::from(c.days) - observed.days_per_week).abs() / 7.0;
        (differ, distance, near)
    };
    let max_pace = NumInput::Pace.range().1;
    let mut best: Option<(Score, Inputs)> = None;
    for hi in 1..=32 {
        let h = f64::from(hi) * 0.5;
        for d in 1..=7u32 {
            // Prompts an hour across instances: the window's, unless the week asks for more
            // hours than the window allows (then the week's, spread over its hours).
            let by_window = window_prompts / h.min(WINDOW_HOURS);
            let by_week = week_prompts / (h * f64::from(d));
            for rate in [by_window, by_week] {
                let n = (rate / max_pace).ceil().max(1.0);
                for pace in [(rate / n).floor(), (rate / n).ceil()] {
                    let mut c = i.clone();
                    c.set_num(NumInput::Hours, h);
                    c.set_num(NumInput::Days, f64::from(d));
                    c.set_num(NumInput::Instances, n);
                    c.set_num(NumInput::Pace, pace);
                    let s = score(&c);
                    if best.as_ref().is_none_or(|(b, _)| better(&s, b)) {
                        best = Some((s, c));
                    }
                }
            }
        }
    }
    best.map_or(i, |(_, c)| c)
}

fn better(a: &Score, b: &Score) -> bool {
    (a.0, a.1 + a.2 * 0.01) < (b.0, b.1 + b.2 * 0.01)
}
