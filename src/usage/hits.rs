//! From raw limit hits to distinct events, and the API-equivalent dollars each event's window
//! held when the plan said no:
//! - a 5-hour hit: the deduplicated entries (all projects and sessions) of the 5-hour block
//!   that holds the hit, up to the hit. A hit outside every block's span (its block started
//!   more than 5 hours earlier, or nothing was logged before it) is marked so, and its dollars
//!   are those of the 5 hours before it;
//! - a weekly hit: the 7 days (7 × 24 hours) before the hit; for the Opus weekly limit, the
//!   Opus models' entries only.
//!
//! Copies of one refusal (parallel sessions each log it) are one event: hits of the same kind
//! within [`SAME_EVENT_MS`] of the event's first hit, or naming the same exact reset instant
//! before it comes (retries while the window is spent). The event's dollars are counted up to
//! its last copy within [`SAME_EVENT_MS`].

use super::limits::{LimitKind, RawHit, SAME_EVENT_MS};
use super::rows::{LimitEvent, Span};
use super::time::DAY_MS;
use super::BLOCK_MS;

/// Length of the weekly window.
pub const WEEK_MS: i64 = 7 * DAY_MS;

/// The entries in time order, with running sums of their cost.
pub struct Timeline<'a> {
    /// Entry times, sorted.
    pub times: &'a [i64],
    /// `prefix[i]`: cost of the first `i` entries (length `times.len() + 1`).
    pub prefix: Vec<f64>,
    /// The same for the Opus models only.
    pub opus_prefix: Vec<f64>,
    /// Log blocks: start (ms), and their entries' range `first..end` in `times`.
    pub blocks: Vec<(i64, usize, usize)>,
}

impl Timeline<'_> {
    /// Number of entries at or before `ms`.
    fn upto(&self, ms: i64) -> usize {
        self.times.partition_point(|&t| t <= ms)
    }

    fn sum(prefix: &[f64], from: usize, to: usize) -> f64 {
        if to <= from {
            return 0.0;
        }
        match (prefix.get(from), prefix.get(to)) {
            (Some(a), Some(b)) => (b - a).max(0.0),
            _ => 0.0,
        }
    }

    /// Cost of the entries in `(after, upto]`.
    fn between(&self, prefix: &[f64], after: i64, upto: i64) -> f64 {
        Self::sum(prefix, self.upto(after), self.upto(upto))
    }

    /// (dollars, window start, outside every block) for a hit of `kind` counted up to `ms`.
    fn window(&self, kind: LimitKind, at: i64, upto: i64) -> (f64, i64, bool) {
        match kind {
            LimitKind::FiveHour => {
                let k = self.blocks.partition_point(|b| b.0 <= at);
                match k.checked_sub(1).and_then(|k| self.blocks.get(k)) {
                    Some(&(start, first, end)) if at <= start + BLOCK_MS => {
                        let to = self.upto(upto).min(end);
                        (Self::sum(&self.prefix, first, to), start, false)
                    }
                    _ => (
                        self.between(&self.prefix, at - BLOCK_MS, upto),
                        at - BLOCK_MS,
                        true,
                    ),
                }
            }
            LimitKind::Weekly => (
                self.between(&self.prefix, at - WEEK_MS, upto),
                at - WEEK_MS,
                false,
            ),
            LimitKind::OpusWeekly => (
                self.between(&self.opus_prefix, at - WEEK_MS, upto),
                at - WEEK_MS,
                false,
            ),
        }
    }
}

/// The dearest window of `len` ms, `(end - len, end]`, over points at `times` (sorted) whose
/// running cost sums are `prefix`. The dearest window always ends at a point, so each point is
/// tried as an end (two pointers, linear).
pub fn busiest_window(times: &[i64], prefix: &[f64], len: i64) -> Option<Span> {
    let mut best: Option<Span> = None;
    let mut from = 0;
    for (j, &end) in times.iter().enumerate() {
        while times.get(from).is_some_and(|&t| t <= end - len) {
            from += 1;
        }
        let cost = Timeline::sum(prefix, from, j + 1);
        if best.as_ref().is_none_or(|b| cost > b.cost_usd) {
            best = Some(Span {
                start_ms: end - len,
                end_ms: end,
                cost_usd: cost,
            });
        }
    }
    best
}

/// The distinct events of `hits` (any order), in time order, with their dollars.
pub fn events(hits: &[RawHit], tl: &Timeline<'_>) -> Vec<LimitEvent> {
    // in time order (ties in arrival order; an unstable sort on a unique key keeps the
    // worker free of the stable sort's code)
    let mut order: Vec<(i64, u32)> = hits.iter().map(|h| h.ms).zip(0u32..).collect();
    order.sort_unstable();
    let sorted = order.iter().filter_map(|&(_, i)| hits.get(i as usize));
    let mut out: Vec<LimitEvent> = Vec::new();
    // per event: the last copy within SAME_EVENT_MS of its first
    let mut upto: Vec<i64> = Vec::new();
    let mut last_of_kind: [Option<usize>; 3] = [None; 3];
    for h in sorted {
        let slot = LimitKind::ALL
            .iter()
            .position(|&k| k == h.kind)
            .unwrap_or(0);
        if let Some(ix) = last_of_kind.get(slot).copied().flatten() {
            if let Some(e) = out.get_mut(ix) {
                let near = h.ms - e.at_ms <= SAME_EVENT_MS;
                let same_reset = h
                    .resets_ms
                    .is_some_and(|r| e.resets_at_ms == Some(r) && h.ms < r);
                if near || same_reset {
                    e.copies += 1;
                    e.resets_at_ms = e.resets_at_ms.or(h.resets_ms);
                    if e.reset_text.is_none() {
                        e.reset_text = h.reset_text.as_deref().map(str::to_owned);
                    }
                    if near {
                        if let Some(u) = upto.get_mut(ix) {
                            *u = h.ms;
                        }
                    }
                    continue;
                }
            }
        }
        if let Some(s) = last_of_kind.get_mut(slot) {
            *s = Some(out.len());
        }
        upto.push(h.ms);
        out.push(LimitEvent {
            at_ms: h.ms,
            kind: h.kind,
            copies: 1,
            resets_at_ms: h.resets_ms,
            reset_text: h.reset_text.as_deref().map(str::to_owned),
            usd: 0.0,
            window_start_ms: h.ms,
            outside_block: false,
        });
    }
    for (e, &u) in out.iter_mut().zip(&upto) {
        (e.usd, e.window_start_ms, e.outside_block) = tl.window(e.kind, e.at_ms, u);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;
    const M: i64 = 60_000;

    fn hit(ms: i64, kind: LimitKind, resets: Option<i64>) -> RawHit {
        RawHit {
            ms,
            kind,
            resets_ms: resets,
            reset_text: None,
        }
    }

    /// Entries of $1 at 0 h, 1 h, 2 h (one block from 0 h) and of $10 at 10 h, 11 h (a block
    /// from 10 h); the entry at 11 h is Opus.
    fn timeline(times: &[i64]) -> Timeline<'_> {
        let costs = [1.0, 1.0, 1.0, 10.0, 10.0];
        let opus = [0.0, 0.0, 0.0, 0.0, 10.0];
        let run = |c: &[f64]| {
            let mut p = vec![0.0];
            for x in c {
                p.push(p.last().unwrap() + x);
            }
            p
        };
        Timeline {
            times,
            prefix: run(&costs),
            opus_prefix: run(&opus),
            blocks: vec![(0, 0, 3), (10 * H, 3, 5)],
        }
    }

    #[test]
    fn windows() {
        let times = [0, H, 2 * H, 10 * H, 11 * H];
        let tl = timeline(&times);
        let ev = |hits: &[RawHit]| events(hits, &tl);
        let five = LimitKind::FiveHour;
        // in the first block, after its second entry: $2
        let e = ev(&[hit(H + M, five, None)]);
        assert_eq!(
            (e[0].usd, e[0].window_start_ms, e[0].outside_block),
            (2.0, 0, false)
        );
        // at the end of the first block's span: all three
        assert_eq!(ev(&[hit(5 * H, five, None)])[0].usd, 3.0);
        // between the blocks, outside both spans: the 5 hours before it (2 h is within)
        let e = ev(&[hit(6 * H, five, None)]);
        assert_eq!((e[0].usd, e[0].outside_block), (1.0, true));
        // before any entry
        let e = ev(&[hit(-H, five, None)]);
        assert_eq!((e[0].usd, e[0].outside_block), (0.0, true));
        // weekly: everything in the 7 days before; Opus weekly: the Opus entry only
        assert_eq!(ev(&[hit(12 * H, LimitKind::Weekly, None)])[0].usd, 23.0);
        assert_eq!(
            ev(&[hit(7 * 24 * H + H / 2, LimitKind::Weekly, None)])[0].usd,
            22.0
        );
        assert_eq!(ev(&[hit(12 * H, LimitKind::OpusWeekly, None)])[0].usd, 10.0);
    }

    #[test]
    fn copies_of_one_refusal_are_one_event() {
        let times = [0, H, 2 * H, 10 * H, 11 * H];
        let tl = timeline(&times);
        let five = LimitKind::FiveHour;
        let hits = [
            hit(H + 2 * M, five, None),
            hit(H + 30_000, five, None),
            hit(H + 3 * M, LimitKind::Weekly, None),
            hit(H + 150_000, five, None), // 2 min after the first: same event
            hit(H + 5 * M, five, None),   // later: another
        ];
        let e = events(&hits, &tl);
        let got: Vec<_> = e.iter().map(|e| (e.at_ms, e.kind, e.copies)).collect();
        assert_eq!(
            got,
            vec![
                (H + 30_000, five, 3),
                (H + 3 * M, LimitKind::Weekly, 1),
                (H + 5 * M, five, 1)
            ]
        );
        // retries naming the same reset are the same event, until the reset
        let r = 4 * H;
        let hits = [
            hit(2 * H, five, Some(r)),
            hit(3 * H, five, Some(r)),
            hit(5 * H, five, Some(r)),
        ];
        let e = events(&hits, &tl);
        assert_eq!(e.iter().map(|e| e.copies).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(
            e[0].usd, 3.0,
            "counted up to the first copy (the entry at 2 h)"
        );
    }
}
