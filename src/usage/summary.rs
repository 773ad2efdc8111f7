//! What the page shows of an import, and what it can do with it: a compact [`Summary`] of a
//! [`Report`] (small enough to post from the import worker to the page as a flat array), the
//! replay against each plan (`model::evaluate_observed`).
use super::Report;

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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
