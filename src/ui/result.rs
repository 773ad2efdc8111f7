//! The answer: the recommended plan with its monthly cost and why, the answer bar, the three plans
//! side by side, and what the month costs on each option. Every figure says where it comes from,
//! visibly (a tag: official, estimate, your data) and in `data-source` (`docs/test-hooks.md`).
//!
//! Plain functions of the evaluation, each writing one region of the page (see `page`).
use super::describe;
use super::format;
use super::markup::{attrs, flag, Html, Markup};
use crate::i18n::{fill, k, Key, Lang};
use crate::model::capacity::WindowSource;
use crate::model::{Basis, Evaluation, Plan, PlanEval, Reason, Verdict};

pub fn plan_name(lang: Lang, plan: Plan) -> &'static str {
    lang.tk(plan.name_key())
}

/// A plan, or a plan carried by extra usage ("Pro + extra usage").
pub fn option_name(lang: Lang, plan: Plan, with_extra: bool) -> String {
    if with_extra {
        fill(
            lang.t(k::RESULT_PLAN_WITH_EXTRA),
            &[("plan", plan_name(lang, plan))],
        )
    } else {
        plan_name(lang, plan).to_string()
    }
}

pub fn verdict_text(lang: Lang, verdict: Verdict) -> &'static str {
    lang.t(match verdict {
        Verdict::Comfortable => k::VERDICT_COMFORTABLE,
        Verdict::Tight => k::VERDICT_TIGHT,
        Verdict::Exceeds => k::VERDICT_EXCEEDS,
    })
}

/// A number for a data attribute, to two decimals: `data-usd` "137.5", `data-fullness` "0.62".
pub fn hundredths(x: f64) -> String {
    crate::num::text((x * 100.0).round() / 100.0)
}

/// The visible label of a figure's source: `official`, `estimate` or `data`.
pub fn tag(h: &mut Html, l: Lang, source: &'static str) {
    let (class, text) = match source {
        "official" => ("tag official", k::TAG_OFFICIAL),
        "data" => ("tag data", k::TAG_DATA),
        _ => ("tag estimate", k::TAG_ESTIMATE),
    };
    h.el("span", &[("class", class)], l.t(text));
}

fn pill(h: &mut Html, l: Lang, v: Verdict) {
    let class = match v {
        Verdict::Comfortable => "pill comfortable",
        Verdict::Tight => "pill tight",
        Verdict::Exceeds => "pill exceeds",
    };
    h.el("span", &[("class", class)], verdict_text(l, v));
}

/// Where the plans' fullness comes from: the import, a calibration, or estimates.
fn fullness_source(e: &Evaluation, limit_window: bool) -> &'static str {
    let calibrated = if limit_window {
        matches!(e.window_source, WindowSource::Calibrated(_))
    } else {
        e.week_calibrated
    };
    if e.basis == Basis::Observed || calibrated {
        "data"
    } else {
        "estimate"
    }
}

/// Where the monthly cost comes from: a plan's price is the article's; with extra usage the
/// overflow is an estimate.
fn cost_source(with_extra: bool) -> &'static str {
    if with_extra {
        "estimate"
    } else {
        "official"
    }
}

/// A paragraph of text followed by its source's tag.
fn tagged(
    h: &mut Html,
    l: Lang,
    attributes: &[(&'static str, &str)],
    text: &str,
    source: &'static str,
) {
    h.wrap("p", attributes, |h| {
        h.text(text).text(" ");
        tag(h, l, source);
    });
}

/// Region `headline`: the recommended plan and its monthly cost.
pub fn headline(l: Lang, e: &Evaluation) -> Markup {
    let r = &e.recommendation;
    let cost = fill(
        l.t(k::RESULT_PER_MONTH),
        &[("cost", &format::usd(l, r.monthly_usd))],
    );
    let plan_source = fullness_source(e, true);
    let cost_source = cost_source(r.with_extra);
    let mut h = Html::new();
    if e.basis == Basis::Observed {
        h.el("p", &[("class", "basis")], l.t(k::RESULT_FROM_DATA));
    }
    tagged(
        &mut h,
        l,
        &[
            ("class", "plan"),
            ("data-testid", "recommended-plan"),
            ("data-plan", r.plan.id()),
            ("data-source", plan_source),
        ],
        &option_name(l, r.plan, r.with_extra),
        plan_source,
    );
    tagged(
        &mut h,
        l,
        &[
            ("class", "cost"),
            ("data-testid", "monthly-cost"),
            ("data-usd", &hundredths(r.monthly_usd)),
            ("data-source", cost_source),
        ],
        &cost,
        cost_source,
    );
    h.finish()
}

/// One reason, with its source.
fn reason_line(h: &mut Html, l: Lang, e: &Evaluation, reason: &Reason) {
    let source = describe::reason_source(e, reason);
    h.wrap("p", &[("data-source", source)], |h| {
        tag(h, l, source);
        h.text(" ").text(&describe::reason(l, reason));
    });
}

/// Region `explanation`: the verdict, why, what goes wrong, and what would change the answer.
pub fn explanation(l: Lang, e: &Evaluation) -> Markup {
    let r = &e.recommendation;
    let mut h = Html::new();
    h.wrap("p", &[("class", "row")], |h| pill(h, l, r.verdict));
    h.wrap("div", &[("class", "why")], |h| {
        for reason in r.reasons.iter().filter(|x| !x.is_warning()) {
            reason_line(h, l, e, reason);
        }
    });
    if r.reasons.iter().any(|x| x.is_warning()) {
        h.wrap(
            "div",
            &[("class", "warning"), ("data-testid", "limit-warning")],
            |h| {
                for reason in r.reasons.iter().filter(|x| x.is_warning()) {
                    reason_line(h, l, e, reason);
                }
            },
        );
    }
    if !r.alternatives.is_empty() {
        h.el("h3", &[], l.t(k::RESULT_WHAT_WOULD_CHANGE));
        h.wrap(
            "ul",
            &[("class", "alts"), ("data-source", "estimate")],
            |h| {
                for a in &r.alternatives {
                    h.el("li", &[], &describe::alternative(l, a));
                }
            },
        );
    }
    h.finish()
}

/// The other reading of Opus, when it gives another answer: `Some(true)` when switching turns
/// the article's Opus 4 hours on.
pub fn opus_switch(e: &Evaluation) -> Option<bool> {
    e.recommendation.reasons.iter().find_map(|r| match r {
        Reason::OpusRuleDiffers { by_hours, .. } => Some(*by_hours),
        _ => None,
    })
}

/// Region `opus`: the one-click switch between the two readings of Opus, when they disagree.
pub fn opus_button(l: Lang, e: &Evaluation) -> Markup {
    let mut h = Html::new();
    if let Some(by_hours) = opus_switch(e) {
        let label = if by_hours {
            k::OPUS_USE_HOURS
        } else {
            k::OPUS_USE_WEIGHT
        };
        h.el(
            "button",
            &[("type", "button"), ("data-testid", "opus-switch")],
            l.t(label),
        );
    }
    h.finish()
}

/// Region `bar`: the answer in one line. The page's one live region (announced politely); on a
/// narrow screen it stays at the bottom while the form scrolls, and tapping it goes to the whole
/// answer; on a wide screen, where the answer sits beside the inputs, it is only heard.
pub fn answer_bar(l: Lang, e: &Evaluation) -> Markup {
    let r = &e.recommendation;
    let mut h = Html::new();
    let source = cost_source(r.with_extra);
    h.wrap("span", &[("class", "bar-text")], |h| {
        h.el("strong", &[], &option_name(l, r.plan, r.with_extra))
            .text(" · ")
            .wrap("span", &[("data-source", source)], |h| {
                h.text(&fill(
                    l.t(k::RESULT_PER_MONTH),
                    &[("cost", &format::usd(l, r.monthly_usd))],
                ))
                .text(" ");
                tag(h, l, source);
            })
            .text(" · ");
        pill(h, l, r.verdict);
    })
    .el(
        "a",
        &[("class", "bar-go"), ("href", "#result")],
        l.t(k::RESULT_SEE_ALL),
    );
    h.finish()
}

/// A horizontal gauge up to 150 %, with the limit marked at 100 %. Only the fill is drawn here:
/// the track and the limit mark are the stylesheet's (`.gauge svg`, `.gauge::after`).
fn gauge(h: &mut Html, l: Lang, label: Key, fullness: f64, source: &'static str) {
    const SCALE: f64 = 1.5;
    let width = crate::num::coord((fullness / SCALE).clamp(0.0, 1.0) * 150.0);
    let text = if fullness > 1.0 {
        format::percent_above(l, fullness, 1.0)
    } else {
        format::percent(l, fullness)
    };
    let fill_class = match Verdict::of(fullness) {
        Verdict::Comfortable => "fill comfortable",
        Verdict::Tight => "fill tight",
        Verdict::Exceeds => "fill exceeds",
    };
    h.wrap("div", &[("class", "gauge"), ("data-source", source)], |h| {
        h.wrap("div", &[("class", "label")], |h| {
            h.wrap("span", &[], |h| {
                h.text(l.t(label)).text(" ");
                tag(h, l, source);
            })
            .el("span", &[], &text);
        })
        // The bar only draws the figure written above it: hidden from screen readers, which
        // read the label and the figure beside it.
        .wrap(
            "svg",
            &[
                ("viewBox", "0 0 150 10"),
                ("preserveAspectRatio", "none"),
                ("aria-hidden", "true"),
            ],
            |h| {
                h.shape(
                    "rect",
                    &[("class", fill_class), ("width", &width), ("height", "10")],
                );
            },
        );
    });
}

fn card(h: &mut Html, l: Lang, e: &Evaluation, p: &PlanEval, recommended: bool) {
    let (window_source, week_source) = (fullness_source(e, true), fullness_source(e, false));
    let card_source = if window_source == "data" || week_source == "data" {
        "data"
    } else {
        "estimate"
    };
    let testid = ["plan-", p.plan.id()].concat();
    let fullness = hundredths(p.fullness);
    let class = if recommended {
        "card recommended"
    } else {
        "card"
    };
    let attributes = [
        ("class", class),
        ("data-testid", testid.as_str()),
        ("data-verdict", p.verdict.id()),
        ("data-fullness", fullness.as_str()),
        ("data-source", card_source),
    ];
    h.wrap("article", &attributes, |h| {
        if recommended {
            h.el("span", &[("class", "badge")], l.t(k::CARD_RECOMMENDED));
        }
        h.el("h3", &[], plan_name(l, p.plan)).wrap(
            "p",
            &[("class", "price"), ("data-source", "official")],
            |h| {
                h.text(&format::usd(l, p.plan.price_usd()))
                    .el("small", &[], l.t(k::CARD_PER_MONTH))
                    .text(" ");
                tag(h, l, "official");
            },
        );
        pill(h, l, p.verdict);
        gauge(h, l, k::CARD_WINDOW, p.window_fullness, window_source);
        gauge(h, l, k::CARD_WEEK, p.weekly_fullness, week_source);
        h.el(
            "p",
            &[("class", "muted"), ("data-source", window_source)],
            &describe::card_detail(l, p),
        );
    });
}

/// Region `cards`: Pro, Max 5x and Max 20x side by side.
pub fn cards(l: Lang, e: &Evaluation) -> Markup {
    let mut h = Html::new();
    for p in &e.plans {
        card(&mut h, l, e, p, p.plan == e.recommendation.plan);
    }
    h.finish()
}

/// Region `costs`: the month's cost of every option, as a table with a bar per row.
pub fn costs(l: Lang, e: &Evaluation, xu: bool) -> Markup {
    // (label, monthly USD, bar class, source)
    let mut rows: Vec<(String, f64, &str, &'static str)> = Vec::new();
    for p in &e.plans {
        rows.push((
            plan_name(l, p.plan).to_string(),
            p.monthly_usd,
            "bar",
            "official",
        ));
        if xu && p.with_extra_monthly_usd > p.monthly_usd + 0.005 {
            rows.push((
                option_name(l, p.plan, true),
                p.with_extra_monthly_usd,
                "bar alt",
                "estimate",
            ));
        }
    }
    let api_source = if e.basis == Basis::Observed {
        "data"
    } else {
        "estimate"
    };
    rows.push((
        l.t(k::COSTS_API).to_string(),
        e.api_monthly_usd,
        "bar alt",
        api_source,
    ));
    let max = rows.iter().map(|r| r.1).fold(1.0, f64::max);
    let mut h = Html::new();
    h.wrap("table", &[("class", "costs")], |h| {
        h.el("caption", &[("class", "sr-only")], l.t(k::COSTS_TITLE))
            .wrap("tbody", &[], |h| {
                for (label, usd, class, source) in &rows {
                    let width = crate::num::coord((usd / max * 300.0).max(2.0));
                    h.wrap("tr", &[("data-source", source)], |h| {
                        h.el("th", &[("scope", "row")], label)
                            .wrap("td", &[("class", "bar-cell")], |h| {
                                h.wrap(
                                    "svg",
                                    &[
                                        ("viewBox", "0 0 300 16"),
                                        ("preserveAspectRatio", "none"),
                                        ("aria-hidden", "true"),
                                    ],
                                    |h| {
                                        h.shape(
                                            "rect",
                                            &[
                                                ("class", class),
                                                ("width", &width),
                                                ("height", "16"),
                                                ("rx", "3"),
                                            ],
                                        );
                                    },
                                );
                            })
                            .wrap("td", &[("class", "usd")], |h| {
                                h.text(&format::usd(l, *usd)).text(" ");
                                tag(h, l, source);
                            });
                    });
                }
            });
    });
    h.finish()
}

/// The answer section: its title and its regions (`headline`, `explanation`, `opus`, `share`),
/// then the answer bar, the plan cards, the costs and the demand chart.
pub fn answer_section(h: &mut Html, v: &super::page::View<'_>) {
    let (l, e) = (v.l, v.eval);
    h.wrap(
        "section",
        &[
            ("id", "result"),
            ("class", "panel result"),
            ("aria-labelledby", "result-title"),
            ("tabindex", "-1"),
        ],
        |h| {
            h.el("h2", &[("id", "result-title")], l.t(k::RESULT_TITLE))
                .wrap("div", &[("id", "headline")], |h| {
                    h.markup(&headline(l, e));
                })
                .wrap("div", &[("id", "explanation")], |h| {
                    h.markup(&explanation(l, e));
                })
                .wrap("p", &[("id", "opus"), ("class", "share")], |h| {
                    h.markup(&opus_button(l, e));
                })
                .wrap("div", &[("id", "share"), ("class", "share")], |h| {
                    h.markup(&super::share_box::share_box(l, v.share, v.can_share, v.url));
                });
        },
    );
    h.wrap(
        "div",
        &[
            ("id", "bar"),
            ("class", "answer-bar"),
            ("role", "status"),
            ("data-testid", "answer-bar"),
            ("data-plan", e.recommendation.plan.id()),
        ],
        |h| {
            h.markup(&answer_bar(l, e));
        },
    );
    h.wrap("section", &[("aria-labelledby", "cards-title")], |h| {
        h.el("h2", &[("id", "cards-title")], l.t(k::CARDS_TITLE))
            .wrap("div", &[("id", "cards"), ("class", "cards")], |h| {
                h.markup(&cards(l, e));
            });
    });
    h.wrap(
        "section",
        &[("class", "panel"), ("aria-labelledby", "costs-title")],
        |h| {
            h.el("h2", &[("id", "costs-title")], l.t(k::COSTS_TITLE))
                .el("p", &[("class", "muted")], l.t(k::COSTS_NOTE))
                .wrap("div", &[("id", "costs"), ("class", "table-scroll")], |h| {
                    h.markup(&costs(l, e, v.inputs.extra_usage));
                });
        },
    );
    super::chart::chart_section(h, l, e);
}

/// Attributes of a button that may be hidden.
pub fn button_attrs<'a>(
    testid: &'a str,
    class: Option<&'a str>,
    hidden: bool,
) -> Vec<(&'static str, &'a str)> {
    attrs(
        &[("type", "button"), ("data-testid", testid)],
        &[("class", class), ("hidden", flag(hidden))],
    )
}
