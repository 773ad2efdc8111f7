//! The import's report: what an import of real usage shows, written as markup by a plain function
//! of the summary, the inputs and the plan the visitor says they were on.
//!
//! The import worker runs it (see `usage::browser`): the worker keeps the summary after an import
//! and answers each render request with this markup and the few figures the page's answer needs
//! (the observed usage, the calibration, the suggested inputs). So none of this code is in the
//! page's first load. It is pure, and tested natively.
use super::format;
use super::markup::Html;
use super::result::{hundredths, option_name, plan_name, tag};
use crate::i18n::{fill, k, Lang};
use crate::model::{
    calibrate, evaluate_observed, suggested_inputs, Calibration, Inputs, Observed, Plan,
    WEEKS_PER_MONTH,
};
use crate::usage::summary::Summary;
use crate::usage::{FileStatus, LimitKind};

/// What the worker answers a render request with.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportView {
    /// The report's markup, escaped.
    pub html: String,
    /// The import's usage in the model's terms.
    pub observed: Observed,
    /// The calibration from the hits, for the plan the visitor says they were on.
    pub calibration: Option<Calibration>,
    /// The query string of the calculator inputs that reproduce the import.
    pub suggested: String,
}

/// The import's usage in the model's terms. Its monthly cost is its total over the days it spans
/// (at least a week), times 52/12 weeks.
pub fn observed(s: &Summary) -> Observed {
    let span_days = match (s.first_ms, s.last_ms) {
        (Some(a), Some(b)) => ((b - a) / 86_400_000.0).ceil().max(7.0),
        _ => 7.0,
    };
    Observed {
        window_usd: s.busiest_block_usd,
        week_usd: s.busiest_week_usd,
        monthly_usd: s.cost_usd / (span_days / 7.0) * WEEKS_PER_MONTH,
        opus_share: s.opus_cost_share,
        hours_per_day: s.hours_per_active_day,
        days_per_week: s.active_days_per_week,
    }
}

/// The calibration from the summary's hits for `plan`: the 5-hour hits that had usage in their
/// block, the weekly (all-model) hits, the dates of those it rests on.
pub fn calibration(s: &Summary, plan: Plan) -> Option<Calibration> {
    let used = |h: &&crate::usage::summary::LimitHit| match h.kind {
        LimitKind::FiveHour => !h.outside_block,
        LimitKind::Weekly => true,
        LimitKind::OpusWeekly => false,
    };
    let hits: Vec<_> = s.limit_hits.iter().filter(used).collect();
    let of = |kind| -> Vec<f64> {
        hits.iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.usd)
            .collect()
    };
    let span = match (hits.first(), hits.last()) {
        (Some(a), Some(b)) => Some((a.at_ms, b.at_ms)),
        _ => None,
    };
    calibrate(plan, &of(LimitKind::FiveHour), &of(LimitKind::Weekly), span)
}

/// Whole numbers (token counts) for data attributes: exact up to 2^53.
fn count(x: f64) -> String {
    crate::num::text(x.round())
}

/// `key`, or its `_one` form for a count of one.
fn one(l: Lang, key: &str, n: f64) -> &'static str {
    let single = if n == 1.0 {
        l.tk(&[key, "_one"].concat())
    } else {
        ""
    };
    if single.is_empty() {
        l.tk(key)
    } else {
        single
    }
}

/// A moment as `2026-10-05 14:32 UTC`.
fn when(ms: f64) -> String {
    let minutes = (ms.rem_euclid(86_400_000.0) / 60_000.0).floor() as u32;
    let two = |n: u32| [if n < 10 { "0" } else { "" }, &n.to_string()].concat();
    [
        format::date(ms).as_str(),
        " ",
        &two(minutes / 60),
        ":",
        &two(minutes % 60),
        " UTC",
    ]
    .concat()
}

/// The report for `summary`, with the page's `inputs` (for its answer and the suggested inputs),
/// the plan the visitor says they were on (`None`: they do not know), and whether the page's
/// answer follows the import. `sample`: the summary is of the bundled sample logs.
pub fn import_view(
    l: Lang,
    s: &Summary,
    inputs: &Inputs,
    current: Option<Plan>,
    leads: bool,
    sample: bool,
) -> ImportView {
    let observed = observed(s);
    let calibration = current.and_then(|p| calibration(s, p));
    let e = evaluate_observed(inputs, &observed);
    let r = &e.recommendation;
    let suggested = crate::share::encode(&suggested_inputs(inputs, &observed), None);
    let tokens = s.input_tokens + s.output_tokens + s.cache_creation_tokens + s.cache_read_tokens;
    let hits_total = count(s.five_hour_hits + s.weekly_hits + s.opus_weekly_hits);
    let hits_weekly = count(s.weekly_hits + s.opus_weekly_hits);
    let attributes = [
        ("data-testid", "import-summary"),
        ("data-source", "data"),
        ("data-entries", &count(s.entries)),
        ("data-input-tokens", &count(s.input_tokens)),
        ("data-output-tokens", &count(s.output_tokens)),
        (
            "data-cache-creation-tokens",
            &count(s.cache_creation_tokens),
        ),
        ("data-cache-read-tokens", &count(s.cache_read_tokens)),
        ("data-cost-usd", &hundredths(s.cost_usd)),
        ("data-skipped-lines", &count(s.skipped_lines)),
        ("data-limit-hits", &hits_total),
        ("data-limit-hits-5h", &count(s.five_hour_hits)),
        ("data-limit-hits-weekly", &hits_weekly),
        ("data-plan", r.plan.id()),
    ];
    let verdict = fill(
        l.t(if r.fits || r.with_extra {
            k::IMPORT_VERDICT
        } else {
            k::IMPORT_VERDICT_NONE
        }),
        &[("plan", &option_name(l, r.plan, r.with_extra))],
    );
    let mut h = Html::new();
    h.wrap("div", &attributes, |h| {
        if sample {
            h.el("p", &[("class", "notice")], l.t(k::IMPORT_SAMPLE_NOTE));
        }
        h.wrap("p", &[("class", "plan-data")], |h| {
            tag(h, l, "data");
            h.text(" ")
                .el("strong", &[], &verdict)
                .text(" ")
                .text(l.t(if leads {
                    k::IMPORT_LEADS
                } else {
                    k::IMPORT_DOES_NOT_LEAD
                }));
        })
        .el(
            "p",
            &[],
            &fill(
                l.t(k::IMPORT_TOTALS),
                &[
                    ("entries", &format::int(l, s.entries)),
                    ("tokens", &format::int(l, tokens)),
                    ("cost", &format::usd(l, s.cost_usd)),
                    ("days", &format::int(l, s.active_days)),
                    ("files", &format::int(l, s.files_read)),
                ],
            ),
        )
        .el(
            "p",
            &[],
            &fill(
                l.t(k::IMPORT_BUSIEST),
                &[
                    ("block", &format::usd(l, s.busiest_block_usd)),
                    ("week", &format::usd(l, s.busiest_week_usd)),
                    ("opus", &format::percent(l, s.opus_cost_share)),
                    ("hours", &format::dec1(l, s.hours_per_active_day)),
                    ("days", &format::dec1(l, s.active_days_per_week)),
                ],
            ),
        );
        hits(h, l, s, current, calibration.as_ref());
        problems(h, l, s);
        if s.is_empty() {
            h.el("p", &[("class", "warning")], l.t(k::IMPORT_EMPTY));
        }
        daily_chart(h, l, &s.days);
    });
    ImportView {
        html: h.finish().as_str().to_string(),
        observed,
        calibration,
        suggested,
    }
}

/// The limit hits: how many of each kind, the calibration they give (or why none), and the list.
fn hits(h: &mut Html, l: Lang, s: &Summary, current: Option<Plan>, cal: Option<&Calibration>) {
    let total = s.five_hour_hits + s.weekly_hits + s.opus_weekly_hits;
    if total == 0.0 {
        h.el("p", &[], l.t(k::IMPORT_NO_HITS));
        return;
    }
    h.el(
        "p",
        &[],
        &fill(
            l.t(k::IMPORT_HITS),
            &[
                ("five", &format::int(l, s.five_hour_hits)),
                ("weekly", &format::int(l, s.weekly_hits)),
                ("opus", &format::int(l, s.opus_weekly_hits)),
            ],
        ),
    );
    match (current, cal) {
        (None, _) => {
            h.el("p", &[("class", "notice")], l.t(k::IMPORT_HITS_NO_PLAN));
        }
        (Some(_), None) => {
            h.el("p", &[("class", "notice")], l.t(k::IMPORT_HITS_NO_WINDOW));
        }
        (Some(_), Some(c)) => calibration_block(h, l, c),
    }
    h.wrap("details", &[], |h| {
        h.el("summary", &[], l.t(k::IMPORT_HITS_LIST))
            .wrap("ul", &[("class", "hits")], |h| hit_list(h, l, s));
    });
}

/// The latest limit hits, one line each.
fn hit_list(h: &mut Html, l: Lang, s: &Summary) {
    for hit in s.limit_hits.iter().rev().take(50) {
        let key = match (hit.kind, hit.outside_block) {
            (LimitKind::FiveHour, true) => k::IMPORT_HIT_OUTSIDE,
            (LimitKind::FiveHour, false) => k::IMPORT_HIT_5H,
            (LimitKind::Weekly, _) => k::IMPORT_HIT_WEEK,
            (LimitKind::OpusWeekly, _) => k::IMPORT_HIT_OPUS,
        };
        let mut line = fill(
            l.t(key),
            &[
                ("when", &when(hit.at_ms)),
                ("usd", &format::usd(l, hit.usd)),
            ],
        );
        if let Some(reset) = hit.resets_at_ms {
            line = [
                &line,
                " ",
                &fill(l.t(k::IMPORT_RESETS), &[("when", &when(reset))]),
            ]
            .concat();
        } else if let Some(text) = &hit.reset_text {
            line = [&line, " ", &fill(l.t(k::IMPORT_RESETS), &[("when", text)])].concat();
        }
        h.el("li", &[], &line);
    }
}

/// The calibration: the plan's window from the hits (median, lowest, highest, dates), and the
/// week when weekly hits gave one. Its data attributes are the test hooks of `docs/test-hooks.md`.
pub fn calibration_block(h: &mut Html, l: Lang, c: &Calibration) {
    let (lo, hi) = c.window_range.unwrap_or((c.window_usd, c.window_usd));
    let (first, last) = c.span_ms.unwrap_or((0.0, 0.0));
    let (median, low, high) = (hundredths(c.window_usd), hundredths(lo), hundredths(hi));
    let attributes = [
        ("data-testid", "calibration"),
        ("data-source", "data"),
        ("class", "calibration"),
        ("data-plan", c.plan.id()),
        ("data-window-usd", median.as_str()),
        ("data-window-usd-min", low.as_str()),
        ("data-window-usd-max", high.as_str()),
    ];
    h.wrap("div", &attributes, |h| {
        h.wrap("p", &[], |h| {
            tag(h, l, "data");
            h.text(" ").text(&fill(
                one(l, "import.calibration", f64::from(c.hits)),
                &[
                    ("plan", plan_name(l, c.plan)),
                    ("hits", &format::int(l, f64::from(c.hits))),
                    ("first", &format::date(first)),
                    ("last", &format::date(last)),
                    ("median", &format::usd(l, c.window_usd)),
                    ("min", &format::usd(l, lo)),
                    ("max", &format::usd(l, hi)),
                ],
            ));
        });
        if let Some(week) = c.week_usd {
            h.el(
                "p",
                &[],
                &fill(
                    l.t(k::IMPORT_CALIBRATION_WEEK),
                    &[
                        ("plan", plan_name(l, c.plan)),
                        ("usd", &format::usd(l, week)),
                    ],
                ),
            );
        }
    });
}

/// What could not be counted: skipped lines and their files, unreadable files, models with no
/// price, refused export rows.
fn problems(h: &mut Html, l: Lang, s: &Summary) {
    if s.skipped_lines > 0.0 {
        h.el(
            "p",
            &[("class", "notice")],
            &fill(
                one(l, "import.skipped", s.skipped_lines),
                &[
                    ("lines", &format::int(l, s.skipped_lines)),
                    ("files", &format::int(l, s.files_with_skipped_lines)),
                ],
            ),
        );
    }
    let list = |h: &mut Html, intro: String, items: Vec<String>| {
        h.wrap("div", &[("class", "notice")], |h| {
            h.el("p", &[], &intro).wrap("ul", &[], |h| {
                for item in &items {
                    h.el("li", &[], item);
                }
            });
        });
    };
    if s.unreadable_files > 0.0 {
        let items = s
            .unreadable
            .iter()
            .map(|f| {
                let why = match f.status {
                    FileStatus::Empty => k::IMPORT_STATUS_EMPTY,
                    FileStatus::Binary => k::IMPORT_STATUS_BINARY,
                    FileStatus::TooLarge => k::IMPORT_STATUS_TOO_LARGE,
                    _ => k::IMPORT_STATUS_UNRECOGNISED,
                };
                [f.name.as_str(), " — ", l.t(why)].concat()
            })
            .collect();
        let intro = fill(
            one(l, "import.unreadable", s.unreadable_files),
            &[("count", &format::int(l, s.unreadable_files))],
        );
        list(h, intro, items);
    }
    for m in &s.unpriced {
        h.el(
            "p",
            &[("class", "notice")],
            &fill(
                one(l, "import.unpriced", m.entries),
                &[
                    ("entries", &format::int(l, m.entries)),
                    ("model", &m.model),
                    ("tokens", &format::int(l, m.tokens)),
                    ("zero", &format::usd(l, 0.0)),
                ],
            ),
        );
    }
    if s.refused_rows > 0.0 {
        let items = s
            .refused
            .iter()
            .map(|r| {
                fill(
                    l.t(k::IMPORT_REFUSED_ROW),
                    &[
                        ("file", &r.file),
                        ("row", &format::int(l, r.row)),
                        ("field", &r.field),
                    ],
                )
            })
            .collect();
        let intro = fill(
            one(l, "import.refused", s.refused_rows),
            &[("count", &format::int(l, s.refused_rows))],
        );
        list(h, intro, items);
    }
}

/// API-equivalent cost per day, as bars (the last 60 active days), with its axis: the highest
/// value and zero on the left, the first and last date below. Each bar gives its day and cost
/// on hover and to screen readers.
fn daily_chart(h: &mut Html, l: Lang, days: &[(String, f64)]) {
    use crate::num::coord;
    const LEFT: f64 = 64.0;
    const WIDTH: f64 = 600.0;
    const BASE: f64 = 110.0;
    const TALL: f64 = 100.0;
    let shown = &days[days.len().saturating_sub(60)..];
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return;
    };
    let max = shown.iter().map(|(_, c)| *c).fold(0.01, f64::max);
    let bar = (WIDTH - LEFT) / shown.len() as f64;
    let title = fill(
        l.t(k::IMPORT_CHART),
        &[
            ("days", &format::int(l, shown.len() as f64)),
            ("max", &format::usd(l, max)),
        ],
    );
    h.el("h3", &[("id", "daily-title")], l.t(k::IMPORT_CHART_TITLE))
        .el("p", &[("class", "muted")], &title);
    let svg = [
        ("class", "chart"),
        ("viewBox", "0 0 600 128"),
        ("role", "group"),
        ("aria-labelledby", "daily-title"),
    ];
    h.wrap("svg", &svg, |h| {
        for (i, (date, cost)) in shown.iter().enumerate() {
            let bar_h = (cost / max * TALL).max(1.0);
            let label = [date, ": ", &format::usd(l, *cost)].concat();
            h.wrap("g", &[("role", "img"), ("aria-label", &label)], |h| {
                h.wrap(
                    "rect",
                    &[
                        ("class", "bar"),
                        ("x", &coord(LEFT + i as f64 * bar)),
                        ("y", &coord(BASE - bar_h)),
                        ("width", &coord((bar - 1.0).max(1.0))),
                        ("height", &coord(bar_h)),
                    ],
                    |h| {
                        h.el("title", &[], &label);
                    },
                );
            });
        }
        for y in [BASE, BASE - TALL] {
            h.shape(
                "line",
                &[
                    ("class", "axis"),
                    ("x1", &coord(LEFT - 4.0)),
                    ("x2", &coord(WIDTH)),
                    ("y1", &coord(y)),
                    ("y2", &coord(y)),
                ],
            );
        }
        let label_x = coord(LEFT - 8.0);
        h.wrap("g", &[("aria-hidden", "true")], |h| {
            h.el(
                "text",
                &[
                    ("x", &label_x),
                    ("y", &coord(BASE - TALL + 4.0)),
                    ("text-anchor", "end"),
                ],
                &format::usd(l, max),
            )
            .el(
                "text",
                &[
                    ("x", &label_x),
                    ("y", &coord(BASE + 4.0)),
                    ("text-anchor", "end"),
                ],
                &format::usd(l, 0.0),
            )
            .el("text", &[("x", &coord(LEFT)), ("y", "124")], &first.0)
            .el(
                "text",
                &[("x", &coord(WIDTH)), ("y", "124"), ("text-anchor", "end")],
                &last.0,
            );
        });
    });
}
