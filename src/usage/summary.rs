//! What the page shows of an import, and what it can do with it: a compact [`Summary`] of a
//! [`Report`] (small enough to post from the import worker to the page as a flat array), the
//! replay against each plan, and the calculator inputs that reproduce the observed usage.
use super::Report;
use crate::model::{Inputs, ModelChoice, NumInput};

/// The figures of an import that the page displays and replays.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub entries: f64,
    pub input_tokens: f64,
    pub output_tokens: f64,
    pub cache_creation_tokens: f64,
    pub cache_read_tokens: f64,
    pub cost_usd: f64,
    pub skipped_lines: f64,
    pub files_read: f64,
    pub bad_files: f64,
    pub bytes: f64,
    /// API-equivalent cost of the busiest 5-hour block.
    pub busiest_block_usd: f64,
    /// API-equivalent cost of the busiest ISO week.
    pub busiest_week_usd: f64,
    pub opus_cost_share: f64,
    pub hours_per_active_day: f64,
    pub active_days_per_week: f64,
    pub active_days: f64,
    pub weeks: f64,
    /// Cost per UTC day, in order: (YYYY-MM-DD, USD).
    pub days: Vec<(String, f64)>,
}

/// Number of scalar fields in [`Summary::to_array`].
pub const FIELDS: usize = 17;

impl Summary {
    pub fn from_report(r: &Report) -> Summary {
        Summary {
            entries: r.entries as f64,
            input_tokens: r.tokens.input as f64,
            output_tokens: r.tokens.output as f64,
            cache_creation_tokens: r.tokens.cache_creation as f64,
            cache_read_tokens: r.tokens.cache_read as f64,
            cost_usd: r.cost_usd,
            skipped_lines: r.skipped_lines as f64,
            files_read: r.files_read as f64,
            bad_files: r.bad_files as f64,
            bytes: r.bytes as f64,
            busiest_block_usd: r.busiest_block.as_ref().map_or(0.0, |b| b.cost_usd),
            busiest_week_usd: r.busiest_week.as_ref().map_or(0.0, |w| w.cost_usd),
            opus_cost_share: r.opus_cost_share,
            hours_per_active_day: r.active_hours_per_active_day,
            active_days_per_week: r.active_days_per_week,
            active_days: r.active_days as f64,
            weeks: r.weeks.len() as f64,
            days: r
                .days
                .iter()
                .map(|d| (d.date.clone(), d.cost_usd))
                .collect(),
        }
    }

    /// The scalar fields in a fixed order (the worker posts them as a `Float64Array`).
    pub fn to_array(&self) -> [f64; FIELDS] {
        [
            self.entries,
            self.input_tokens,
            self.output_tokens,
            self.cache_creation_tokens,
            self.cache_read_tokens,
            self.cost_usd,
            self.skipped_lines,
            self.files_read,
            self.bad_files,
            self.bytes,
            self.busiest_block_usd,
            self.busiest_week_usd,
            self.opus_cost_share,
            self.hours_per_active_day,
            self.active_days_per_week,
            self.active_days,
            self.weeks,
        ]
    }

    /// The inverse of [`Summary::to_array`]; `None` unless there are exactly [`FIELDS`] finite
    /// numbers (a message from elsewhere is not trusted).
    pub fn from_array(a: &[f64], days: Vec<(String, f64)>) -> Option<Summary> {
        let a: &[f64; FIELDS] = a.try_into().ok()?;
        if a.iter().any(|x| !x.is_finite() || *x < 0.0) {
            return None;
        }
        let [entries, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_usd, skipped_lines, files_read, bad_files, bytes, busiest_block_usd, busiest_week_usd, opus_cost_share, hours_per_active_day, active_days_per_week, active_days, weeks] =
            *a;
        Some(Summary {
            entries,
            input_tokens,
            output_tokens,
            cache_creation_tokens,
            cache_read_tokens,
            cost_usd,
            skipped_lines,
            files_read,
            bad_files,
            bytes,
            busiest_block_usd,
            busiest_week_usd,
            opus_cost_share,
            hours_per_active_day,
            active_days_per_week,
            active_days,
            weeks,
            days,
        })
    }

    /// Whether anything was counted.
    pub fn is_empty(&self) -> bool {
        self.entries == 0.0 && self.cost_usd == 0.0
    }

    /// The calculator's inputs that reproduce this usage, keeping what the logs cannot tell
    /// (codebase size, auto-accept, chat, extra usage, assumptions) from `base`:
    /// - hours per day and days per week: the active hours and days observed;
    /// - model: Sonnet or Opus when one has (nearly) all the cost, else a mix with Opus's share;
    /// - pace (and, beyond 30 prompts an hour, instances): so that the calculator's busiest
    ///   5-hour window costs what the busiest observed block cost at the model's per-prompt
    ///   API cost for this codebase size.
    pub fn suggested_inputs(&self, base: &Inputs) -> Inputs {
        let mut i = base.clone();
        i.set_num(NumInput::Hours, self.hours_per_active_day);
        i.set_num(NumInput::Days, self.active_days_per_week.round());
        let share = self.opus_cost_share.clamp(0.0, 1.0);
        i.model = if share >= 0.95 {
            ModelChoice::Opus
        } else if share <= 0.05 {
            ModelChoice::Sonnet
        } else {
            i.set_num(NumInput::OpusPct, share * 100.0);
            ModelChoice::Mix
        };
        let a = &i.assumptions;
        let eta = a.heaviness(i.loc, i.auto_accept);
        let weight = 1.0 + share * (a.opus_weight - 1.0);
        let per_window = i.hours.min(5.0) * weight * a.prompt_usd(eta);
        let prompts_per_hour = if per_window > 0.0 {
            self.busiest_block_usd / per_window
        } else {
            0.0
        };
        let max_pace = NumInput::Pace.range().1.max(1.0);
        let instances = (prompts_per_hour / max_pace).ceil().max(1.0);
        i.set_num(NumInput::Instances, instances);
        i.set_num(
            NumInput::Pace,
            prompts_per_hour / f64::from(i.instances.max(1)),
        );
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;

    fn sample() -> Summary {
        Summary {
            entries: 160.0,
            cost_usd: 19.97,
            busiest_block_usd: 6.0,
            busiest_week_usd: 15.0,
            opus_cost_share: 0.7034,
            hours_per_active_day: 2.3,
            active_days_per_week: 3.6,
            days: vec![("2026-10-05".into(), 1.5)],
            ..Summary::default()
        }
    }

    #[test]
    fn the_array_form_round_trips_and_rejects_bad_messages() {
        let s = sample();
        assert_eq!(
            Summary::from_array(&s.to_array(), s.days.clone()),
            Some(s.clone())
        );
        assert_eq!(
            Summary::from_array(&s.to_array()[1..], vec![]),
            None,
            "wrong length"
        );
        let mut bad = s.to_array();
        bad[3] = f64::NAN;
        assert_eq!(Summary::from_array(&bad, vec![]), None, "NaN");
        bad[3] = -1.0;
        assert_eq!(Summary::from_array(&bad, vec![]), None, "negative");
    }

    #[test]
    fn suggested_inputs_reproduce_the_busiest_block() {
        let base = Inputs::default();
        let i = sample().suggested_inputs(&base);
        assert_eq!(i.model, ModelChoice::Mix);
        assert_eq!(i.opus_pct, 70.0);
        assert_eq!(i.hours, 2.5, "2.3 h rounds to the 0.5 h step");
        assert_eq!(i.days, 4);
        assert_eq!(
            (i.loc, i.chat, i.auto_accept),
            (base.loc, base.chat, base.auto_accept),
            "what logs cannot tell is kept"
        );
        // The calculator's busiest window then costs about what the block cost.
        let d = evaluate(&i).demand;
        let window_usd = d.window_prompts * d.prompt_usd;
        assert!(
            (window_usd - 6.0).abs() / 6.0 < 0.2,
            "window {window_usd} vs block 6"
        );
    }

    #[test]
    fn heavy_usage_spreads_over_instances_and_nothing_breaks_on_zeros() {
        let heavy = Summary {
            busiest_block_usd: 5000.0,
            hours_per_active_day: 10.0,
            active_days_per_week: 7.0,
            ..sample()
        };
        let i = heavy.suggested_inputs(&Inputs::default());
        assert!(i.instances > 1);
        assert_eq!(i.clone().clamped(), i);
        let empty = Summary::default().suggested_inputs(&Inputs::default());
        assert_eq!(empty.clone().clamped(), empty);
    }
}
