//! Turning the importer's compact state into a [`Report`].

use super::export::Export;
use super::hits::{self, busiest_window, Timeline, WEEK_MS};
use super::importer::{Exports, Importer};
use super::rows::{Block, DayTotals, FileReport, ModelTotals, Report, Tokens, WeekTotals};
use super::time::{date_string, iso_string, iso_week, DAY_MS, HOUR_MS};
use super::BLOCK_MS;

impl Exports {
    pub(super) fn add(&mut self, e: Export) {
        self.rows += e.rows;
        self.tokens.add(&e.tokens);
        self.cost += e.cost;
        self.days.extend(e.days);
        self.models.extend(e.models);
        self.blocks.extend(e.blocks);
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

struct BlockAcc {
    start: i64,
    last: i64,
    entries: u64,
    tokens: Tokens,
    cost: f64,
}

impl BlockAcc {
    fn done(self) -> Block {
        Block {
            start: iso_string(self.start),
            start_ms: self.start,
            end_ms: self.start + BLOCK_MS,
            last_ms: self.last,
            entries: self.entries,
            tokens: self.tokens,
            cost_usd: self.cost,
        }
    }
}

pub(super) fn build(imp: &Importer) -> Report {
    let mut tokens = Tokens::default();
    let mut cost = 0.0;
    let mut entries = 0u64;
    // per model: entries, tokens, cost
    let mut per_model: Vec<(u64, Tokens, f64)> =
        vec![(0, Tokens::default(), 0.0); imp.models.len()];
    let is_synthetic = |m: u32| {
        imp.models
            .get(m as usize)
            .is_some_and(|m| m.name == super::SYNTHETIC)
    };
    for e in &imp.entries {
        let t = e.tokens();
        tokens.add(&t);
        cost += e.cost;
        if !is_synthetic(e.model) {
            entries += 1;
        }
        if let Some(pm) = per_model.get_mut(e.model as usize) {
            pm.0 += 1;
            pm.1.add(&t);
            pm.2 += e.cost;
        }
    }

    // models, with export breakdowns merged by name
    let mut models: Vec<ModelTotals> = Vec::new();
    for (m, (n, t, c)) in imp.models.iter().zip(per_model) {
        if m.counted && n > 0 {
            models.push(ModelTotals {
                model: m.name.clone(),
                entries: n,
                tokens: t,
                cost_usd: c,
                priced: m.price.is_some(),
            });
        }
    }
    for (name, t, c) in &imp.exports.models {
        match models.iter_mut().find(|m| m.model == *name) {
            Some(m) => {
                m.tokens.add(t);
                m.cost_usd += c;
            }
            None => models.push(ModelTotals {
                model: name.clone(),
                entries: 0,
                tokens: *t,
                cost_usd: *c,
                priced: super::price::price_for_model(name).is_some(),
            }),
        }
    }
    insertion_sort(&mut models, |a, b| {
        a.cost_usd > b.cost_usd || (a.cost_usd == b.cost_usd && a.model < b.model)
    });
    let opus = |name: &str| name.contains("opus");
    let opus_cost: f64 = models
        .iter()
        .filter(|m| opus(&m.model))
        .map(|m| m.cost_usd)
        .sum();
    let model_cost: f64 = models.iter().map(|m| m.cost_usd).sum();

    // entries in time order (ties by arrival, so the result never depends on the sort)
    let mut order: Vec<(i64, u32)> = imp
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.ms, i as u32))
        .collect();
    order.sort_unstable();
    let sorted = || {
        order
            .iter()
            .filter_map(|&(_, i)| imp.entries.get(i as usize))
    };

    // days, active hours
    let new_day = |day: i64| DayTotals {
        date: date_string(day),
        day,
        entries: 0,
        tokens: Tokens::default(),
        cost_usd: 0.0,
        active_hours: 0,
    };
    let mut days: Vec<DayTotals> = Vec::new();
    let mut last_hour = None;
    let mut active_hours = 0u64;
    for e in sorted() {
        let day = e.ms.div_euclid(DAY_MS);
        if days.last().map(|d| d.day) != Some(day) {
            days.push(new_day(day));
        }
        let Some(d) = days.last_mut() else { continue };
        if !is_synthetic(e.model) {
            d.entries += 1;
        }
        d.tokens.add(&e.tokens());
        d.cost_usd += e.cost;
        let hour = e.ms.div_euclid(HOUR_MS);
        if last_hour != Some(hour) {
            last_hour = Some(hour);
            active_hours += 1;
            d.active_hours += 1;
        }
    }
    // days from daily exports, merged in
    for &(day, t, c) in &imp.exports.days {
        let at = days.partition_point(|d| d.day < day);
        if days.get(at).map(|d| d.day) != Some(day) {
            days.insert(at, new_day(day));
        }
        if let Some(d) = days.get_mut(at) {
            d.tokens.add(&t);
            d.cost_usd += c;
        }
    }

    let mut weeks: Vec<WeekTotals> = Vec::new();
    let mut week_keys: Vec<(i64, u32)> = Vec::new();
    for d in &days {
        let (y, w, monday) = iso_week(d.day);
        if week_keys.last() != Some(&(y, w)) {
            week_keys.push((y, w));
            weeks.push(WeekTotals {
                label: format!("{y:04}-W{w:02}"),
                monday: date_string(monday),
                entries: 0,
                tokens: Tokens::default(),
                cost_usd: 0.0,
                active_days: 0,
                active_hours: 0,
            });
        }
        if let Some(wk) = weeks.last_mut() {
            wk.entries += d.entries;
            wk.tokens.add(&d.tokens);
            wk.cost_usd += d.cost_usd;
            wk.active_days += 1;
            wk.active_hours += d.active_hours;
        }
    }
    let active_days = days.len() as u64;
    let weeks_spanned = match (days.first(), days.last()) {
        (Some(a), Some(b)) => (iso_week(b.day).2 - iso_week(a.day).2) / 7 + 1,
        _ => 0,
    };

    // blocks, as ccusage's identifySessionBlocks
    let mut blocks: Vec<Block> = Vec::new();
    // each log block's start and its entries' range in `order`
    let mut ranges: Vec<(i64, usize, usize)> = Vec::new();
    let mut cur: Option<BlockAcc> = None;
    for (ix, e) in sorted().enumerate() {
        let start_new = match &cur {
            None => true,
            Some(b) => e.ms - b.start > BLOCK_MS || e.ms - b.last > BLOCK_MS,
        };
        if start_new {
            if let Some(b) = cur.take() {
                blocks.push(b.done());
            }
            if let Some(r) = ranges.last_mut() {
                r.2 = ix;
            }
            ranges.push((e.ms.div_euclid(HOUR_MS) * HOUR_MS, ix, order.len()));
            cur = Some(BlockAcc {
                start: e.ms.div_euclid(HOUR_MS) * HOUR_MS,
                last: e.ms,
                entries: 0,
                tokens: Tokens::default(),
                cost: 0.0,
            });
        }
        if let Some(b) = cur.as_mut() {
            b.last = e.ms;
            if !is_synthetic(e.model) {
                b.entries += 1;
            }
            b.tokens.add(&e.tokens());
            b.cost += e.cost;
        }
    }
    if let Some(b) = cur.take() {
        blocks.push(b.done());
    }
    blocks.extend(imp.exports.blocks.iter().cloned());
    insertion_sort(&mut blocks, |a, b| a.start_ms < b.start_ms);

    let busiest_block = blocks
        .iter()
        .max_by(|a, b| a.cost_usd.total_cmp(&b.cost_usd))
        .cloned();
    let busiest_week = weeks
        .iter()
        .max_by(|a, b| a.cost_usd.total_cmp(&b.cost_usd))
        .cloned();

    // running sums over the entries in time order: limit windows, busiest 7 days
    let times: Vec<i64> = order.iter().map(|&(ms, _)| ms).collect();
    let opus_model: Vec<bool> = imp.models.iter().map(|m| opus(&m.name)).collect();
    let mut prefix = Vec::with_capacity(times.len() + 1);
    let mut opus_prefix = Vec::with_capacity(times.len() + 1);
    let (mut run, mut run_opus) = (0.0, 0.0);
    prefix.push(run);
    opus_prefix.push(run_opus);
    for e in sorted() {
        run += e.cost;
        if opus_model.get(e.model as usize) == Some(&true) {
            run_opus += e.cost;
        }
        prefix.push(run);
        opus_prefix.push(run_opus);
    }
    let busiest_7_days = if imp.exports.days.is_empty() && imp.exports.blocks.is_empty() {
        busiest_window(&times, &prefix, WEEK_MS)
    } else {
        // export rows have no entry times: a day counts at its midnight, a block at its start
        let costs: Vec<f64> = order
            .iter()
            .filter_map(|&(_, i)| Some(imp.entries.get(i as usize)?.cost))
            .chain(imp.exports.days.iter().map(|d| d.2))
            .chain(imp.exports.blocks.iter().map(|b| b.cost_usd))
            .collect();
        let times = order
            .iter()
            .map(|p| p.0)
            .chain(imp.exports.days.iter().map(|d| d.0 * DAY_MS))
            .chain(imp.exports.blocks.iter().map(|b| b.start_ms));
        // (time, index into `costs`), sorted like `order` (the same sort's code)
        let mut points: Vec<(i64, u32)> = times.zip(0u32..).collect();
        points.sort_unstable();
        let t: Vec<i64> = points.iter().map(|p| p.0).collect();
        let mut p = vec![0.0];
        for &(_, i) in &points {
            let c = costs.get(i as usize).copied().unwrap_or(0.0);
            p.push(p.last().copied().unwrap_or(0.0) + c);
        }
        busiest_window(&t, &p, WEEK_MS)
    };
    let timeline = Timeline {
        times: &times,
        prefix,
        opus_prefix,
        blocks: ranges,
    };
    let limit_events = hits::events(&imp.hits, &timeline);

    tokens.add(&imp.exports.tokens);
    cost += imp.exports.cost;
    let count_files =
        |keep: &dyn Fn(&FileReport) -> bool| imp.files.iter().filter(|f| keep(f)).count() as u64;
    Report {
        entries,
        tokens,
        cost_usd: cost,
        skipped_lines: imp.skipped,
        lines: imp.lines,
        duplicate_lines: imp.duplicates,
        bytes: imp.bytes,
        files_read: imp.files.len() as u64,
        files_with_skipped_lines: count_files(&|f| f.skipped_lines > 0),
        unreadable_files: count_files(&|f| f.status.unreadable()),
        files: imp.files.clone(),
        models,
        opus_cost_share: share(opus_cost, model_cost),
        active_hours,
        active_days,
        active_hours_per_active_day: share_ratio(active_hours as f64, active_days as f64),
        active_days_per_week: share_ratio(active_days as f64, weeks_spanned as f64),
        first_ms: order.first().map(|&(ms, _)| ms),
        last_ms: order.last().map(|&(ms, _)| ms),
        days,
        weeks,
        blocks,
        busiest_block,
        busiest_week,
        busiest_7_days,
        limit_events,
        limit_lines: imp.hit_lines,
        limit_lines_dropped: imp.hits_dropped,
        export_rows: imp.exports.rows,
        refused_rows: imp.exports.refused.clone(),
        refused_rows_count: imp.exports.refused_count,
    }
}

fn share_ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

/// Stable insertion sort (short lists; keeps the wasm small): `before(a, b)` if a goes first.
fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            match (v.get(j), v.get(j - 1)) {
                (Some(a), Some(b)) if before(a, b) => v.swap(j, j - 1),
                _ => break,
            }
            j -= 1;
        }
    }
}
