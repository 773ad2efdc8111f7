//! The article's advice where it applies, and the transparency panel: every official fact with
//! its source, every estimate editable with its rationale and a reset.
use super::format;
use super::markup::{Html, Markup};
use super::result::tag;
use crate::i18n::{fill, k, Key, Lang};
use crate::model::{
    AssumptionKey, Evaluation, FactValue, Inputs, ModelChoice, Plan, Unit, Verdict, FACTS,
    FACTS_CHECKED,
};

/// Which pieces of the article's advice apply to this situation, most useful first.
pub fn advice_for(e: &Evaluation, i: &Inputs) -> Vec<Key> {
    let r = &e.recommendation;
    let pro = e.plan(Plan::Pro);
    let max5 = e.plan(Plan::Max5);
    let mut out = Vec::new();
    if pro.verdict != Verdict::Comfortable && r.plan != Plan::Pro {
        out.push(k::ADVICE_UPGRADE_PRO);
    }
    if max5.verdict != Verdict::Comfortable && r.plan == Plan::Max20 {
        out.push(k::ADVICE_UPGRADE_MAX5);
    }
    if i.model != ModelChoice::Sonnet {
        out.push(k::ADVICE_MODEL);
    }
    // Never "wait rather than accept API credits" next to an answer that relies on them.
    let status = if r.with_extra {
        k::ADVICE_STATUS_EXTRA
    } else {
        k::ADVICE_STATUS
    };
    if r.verdict != Verdict::Comfortable {
        out.push(status);
    }
    out.push(if i.extra_usage {
        k::ADVICE_EXTRA_USAGE
    } else {
        k::ADVICE_DECLINE_CREDITS
    });
    out.push(k::ADVICE_API_KEY);
    out.push(k::ADVICE_LOGIN);
    if i.model == ModelChoice::Sonnet {
        out.push(k::ADVICE_MODEL);
    }
    if r.verdict == Verdict::Comfortable {
        out.push(status);
    }
    out
}

/// Region `advice`.
pub fn advice(l: Lang, e: &Evaluation, i: &Inputs) -> Markup {
    let mut h = Html::new();
    for key in advice_for(e, i) {
        h.wrap("li", &[], |h| {
            h.with_code(l.t(key));
        });
    }
    h.finish()
}

fn fact_value(l: Lang, v: FactValue) -> String {
    match v {
        FactValue::Usd(x) => format::usd(l, x),
        FactValue::Multiple(x) => [format::int(l, x).as_str(), "×"].concat(),
        FactValue::About(x) => ["≈ ", &format::int(l, x)].concat(),
        FactValue::Range(a, b) => [format::int(l, a), format::int(l, b)].join("–"),
        FactValue::AboutRange(a, b) => {
            ["≈ ", &[format::int(l, a), format::int(l, b)].join("–")].concat()
        }
        FactValue::Hours(h) => fill(l.t(k::UNIT_HOURS), &[("v", &format::int(l, h))]),
        FactValue::UnderLines(n) => fill(l.t(k::UNIT_UNDER_LINES), &[("v", &format::int(l, n))]),
        FactValue::Statement => String::new(),
    }
}

fn unit_text(l: Lang, u: Unit) -> &'static str {
    l.t(match u {
        Unit::Lines => k::UNIT_NAME_LINES,
        Unit::Heaviness => k::UNIT_NAME_HEAVINESS,
        Unit::Ratio => k::UNIT_NAME_RATIO,
        Unit::Toggle => k::UNIT_NAME_TOGGLE,
        Unit::Percent => k::UNIT_NAME_FRACTION,
        Unit::Usd => k::UNIT_NAME_USD,
        Unit::Prompts => k::UNIT_NAME_PROMPTS,
    })
}

/// An assumption's value as its field shows it: at most four decimals (5/3 → "1.6667").
pub fn shown(x: f64) -> String {
    crate::num::text((x * 1e4).round() / 1e4)
}

/// The advice section.
pub fn advice_section(h: &mut Html, l: Lang, e: &Evaluation, i: &Inputs) {
    h.wrap(
        "section",
        &[
            ("class", "panel advice"),
            ("aria-labelledby", "advice-title"),
        ],
        |h| {
            h.el("h2", &[("id", "advice-title")], l.t(k::ADVICE_TITLE))
                .wrap("ul", &[("id", "advice"), ("data-testid", "advice")], |h| {
                    h.markup(&advice(l, e, i));
                });
        },
    );
}

/// Region `label-<id>`: an assumption's label, tagged as an estimate (and as edited).
pub fn assumption_label(l: Lang, key: AssumptionKey, edited: bool) -> Markup {
    let mut h = Html::new();
    tag(&mut h, l, "estimate");
    h.text(" ").text(l.tk(key.meta().label));
    if edited {
        h.text(" ")
            .el("span", &[("class", "tag data")], l.t(k::TAG_EDITED));
    }
    h.finish()
}

/// The transparency panel: the official facts (with the article's quotes), then every
/// assumption with its field, rationale, range and source, and a reset.
pub fn assumptions_section(h: &mut Html, l: Lang, i: &Inputs) {
    h.wrap(
        "section",
        &[("class", "panel"), ("aria-labelledby", "assume-title")],
        |h| {
            h.el("h2", &[("id", "assume-title")], l.t(k::ASSUME_TITLE))
                .el("p", &[("class", "muted")], l.t(k::ASSUME_INTRO))
                .wrap("details", &[], |h| {
                    h.el(
                        "summary",
                        &[],
                        &fill(l.t(k::FACTS_SUMMARY), &[("date", FACTS_CHECKED)]),
                    )
                    .el(
                        "p",
                        &[("class", "muted"), ("data-source", "official")],
                        l.tk("fact.as_of"),
                    )
                    .wrap("div", &[("class", "table-scroll")], |h| {
                        h.wrap("table", &[], |h| {
                            h.wrap("thead", &[], |h| {
                                h.wrap("tr", &[], |h| {
                                    for col in
                                        [k::FACTS_COL_FACT, k::FACTS_COL_VALUE, k::FACTS_COL_SOURCE]
                                    {
                                        h.el("th", &[("scope", "col")], l.t(col));
                                    }
                                });
                            })
                            .wrap(
                                "tbody",
                                &[("data-source", "official")],
                                |h| fact_rows(h, l),
                            );
                        });
                    });
                })
                .wrap("details", &[("open", "")], |h| {
                    h.el("summary", &[], l.t(k::ASSUME_SUMMARY));
                    for key in AssumptionKey::ALL {
                        assumption_row(h, l, key, i);
                    }
                    h.wrap("p", &[("class", "share")], |h| {
                        h.el(
                            "button",
                            &[("type", "button"), ("data-testid", "reset-assumptions")],
                            l.t(k::ASSUME_RESET),
                        );
                    });
                });
        },
    );
}

/// The facts table's rows: every official fact, its value, and its source in the article.
fn fact_rows(h: &mut Html, l: Lang) {
    for f in FACTS {
        h.wrap("tr", &[], |h| {
            h.wrap("td", &[], |h| {
                tag(h, l, "official");
                h.text(" ").text(l.tk(f.label));
            })
            .el("td", &[], &fact_value(l, f.value))
            .wrap("td", &[], |h| {
                h.el("q", &[("lang", "fr")], Lang::Fr.tk(f.quote))
                    .text(" — ")
                    .text(l.tk(f.section.key()));
            });
        });
    }
}

fn assumption_row(h: &mut Html, l: Lang, key: AssumptionKey, i: &Inputs) {
    let meta = key.meta();
    let id = ["assume-", key.id()].concat();
    let label_id = ["label-", key.id()].concat();
    let range = fill(
        l.t(k::ASSUME_RANGE),
        &[
            ("min", &format::dec2(l, meta.min)),
            ("max", &format::dec2(l, meta.max)),
            ("default", &format::dec2(l, meta.default)),
            ("unit", unit_text(l, meta.unit)),
        ],
    );
    h.wrap(
        "div",
        &[("class", "assume"), ("data-source", "estimate")],
        |h| {
            h.wrap("label", &[("for", &id), ("id", &label_id)], |h| {
                h.markup(&assumption_label(l, key, i.assumptions.is_edited(key)));
            })
            .void(
                "input",
                &[
                    ("type", "number"),
                    ("id", &id),
                    ("data-testid", &id),
                    ("min", &crate::num::text(meta.min)),
                    ("max", &crate::num::text(meta.max)),
                    ("step", &crate::num::text(meta.step)),
                    ("inputmode", "decimal"),
                    ("value", &shown(i.assumptions.get(key))),
                ],
            )
            .wrap("div", &[], |h| {
                h.el("p", &[], &[l.tk(meta.why), " ", &range].concat()).el(
                    "p",
                    &[],
                    &[l.t(k::ASSUME_SOURCE), " ", l.tk(meta.source)].concat(),
                );
            });
        },
    );
}
