//! The article's advice where it applies, and the transparency panel: every official fact with
//! its source, every estimate editable with its rationale and a reset.
use leptos::prelude::*;

use super::format;
use super::markup::Html;
use super::tr;
use crate::i18n::{fill, k, Lang};
use crate::model::{
    AssumptionKey, Evaluation, FactValue, Inputs, Plan, Unit, Verdict, FACTS, FACTS_CHECKED,
};

/// Which pieces of the article's advice apply to this situation, most useful first.
fn advice_for(e: &Evaluation, i: &Inputs) -> Vec<usize> {
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
    if i.model != crate::model::ModelChoice::Sonnet {
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
    if i.model == crate::model::ModelChoice::Sonnet {
        out.push(k::ADVICE_MODEL);
    }
    if r.verdict == Verdict::Comfortable {
        out.push(status);
    }
    out
}

#[component]
pub fn Advice(
    eval: Memo<Evaluation>,
    inputs: RwSignal<Inputs>,
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <section class="panel advice" aria-labelledby="advice-title">
            <h2 id="advice-title">{tr(lang, k::ADVICE_TITLE)}</h2>
            <ul data-testid="advice" inner_html=move || {
                let l = lang.get();
                let mut h = Html::new();
                for key in eval.with(|e| inputs.with(|i| advice_for(e, i))) {
                    h.open("li", &[]).with_code(l.t(key)).close("li");
                }
                h.finish()
            }></ul>
        </section>
    }
}

fn fact_value(l: Lang, v: FactValue) -> String {
    match v {
        FactValue::Usd(x) => format::usd(l, x),
        FactValue::Multiple(x) => format!("{}×", format::int(l, x)),
        FactValue::About(x) => format!("≈ {}", format::int(l, x)),
        FactValue::Range(a, b) => format!("{}–{}", format::int(l, a), format::int(l, b)),
        FactValue::AboutRange(a, b) => format!("≈ {}–{}", format::int(l, a), format::int(l, b)),
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
fn shown(x: f64) -> String {
    crate::num::text((x * 1e4).round() / 1e4)
}

/// The facts table's rows: every official fact, its value, and its source in the article.
fn fact_rows(l: Lang) -> String {
    let mut h = Html::new();
    for f in FACTS {
        h.open("tr", &[])
            .open("td", &[])
            .el("span", &[("class", "tag official")], l.t(k::TAG_OFFICIAL))
            .text(" ")
            .text(l.tk(f.label))
            .close("td")
            .el("td", &[], &fact_value(l, f.value))
            .open("td", &[])
            .el("q", &[("lang", "fr")], Lang::Fr.tk(f.quote))
            .text(" — ")
            .text(l.tk(f.section.key()))
            .close("td")
            .close("tr");
    }
    h.finish()
}

#[component]
fn AssumptionRow(
    key: AssumptionKey,
    inputs: RwSignal<Inputs>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let meta = key.meta();
    // A plain closure, not a memo: it re-runs on every change of the inputs, re-setting the field
    // to the same value and rebuilding the label (a few microseconds for the eight rows); a memo
    // of the assumptions measured 0.5 KB brotli more.
    let value = move || inputs.with(|i| i.assumptions.get(key));
    let id = format!("assume-{}", key.id());
    let edited = move || (value() - meta.default).abs() > f64::EPSILON;
    // The label and the explanation are plain markup: they change only with the language
    // (and the "edited" tag with the value).
    let label = move || {
        let l = lang.get();
        let mut h = Html::new();
        h.el("span", &[("class", "tag estimate")], l.t(k::TAG_ESTIMATE))
            .text(" ")
            .text(l.tk(meta.label));
        if edited() {
            h.text(" ")
                .el("span", &[("class", "tag data")], l.t(k::TAG_EDITED));
        }
        h.finish()
    };
    let about = move || {
        let l = lang.get();
        let mut h = Html::new();
        h.el(
            "p",
            &[],
            &[
                l.tk(meta.why),
                " ",
                &fill(
                    l.t(k::ASSUME_RANGE),
                    &[
                        ("min", &format::dec2(l, meta.min)),
                        ("max", &format::dec2(l, meta.max)),
                        ("default", &format::dec2(l, meta.default)),
                        ("unit", unit_text(l, meta.unit)),
                    ],
                ),
            ]
            .concat(),
        )
        .el(
            "p",
            &[],
            &[l.t(k::ASSUME_SOURCE), " ", l.tk(meta.source)].concat(),
        );
        h.finish()
    };
    view! {
        <div class="assume" data-source="estimate">
            <label for=id.clone() inner_html=label></label>
            <input
                type="number"
                id=id.clone()
                data-testid=id
                min=crate::num::text(meta.min)
                max=crate::num::text(meta.max)
                step=crate::num::text(meta.step)
                inputmode="decimal"
                prop:value=move || shown(value())
                on:change:target=move |ev| {
                    let target = ev.target();
                    if let Some(x) = crate::num::parse_typed(&target.value()) {
                        inputs.update(|i| i.assumptions.set(key, x));
                    }
                    target.set_value(&shown(inputs.with_untracked(|i| i.assumptions.get(key))));
                }
            />
            <div inner_html=about></div>
        </div>
    }
}

#[component]
pub fn Assumptions(inputs: RwSignal<Inputs>, lang: Signal<Lang>) -> impl IntoView {
    let reset = move |_| inputs.update(|i| i.assumptions = Default::default());
    view! {
        <section class="panel" aria-labelledby="assume-title">
            <h2 id="assume-title">{tr(lang, k::ASSUME_TITLE)}</h2>
            <p class="muted">{tr(lang, k::ASSUME_INTRO)}</p>
            <details>
                <summary>{move || fill(lang.get().t(k::FACTS_SUMMARY), &[("date", FACTS_CHECKED)])}</summary>
                <p class="muted" data-source="official">{move || lang.get().tk("fact.as_of")}</p>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{tr(lang, k::FACTS_COL_FACT)}</th>
                                <th scope="col">{tr(lang, k::FACTS_COL_VALUE)}</th>
                                <th scope="col">{tr(lang, k::FACTS_COL_SOURCE)}</th>
                            </tr>
                        </thead>
                        <tbody data-source="official" inner_html=move || fact_rows(lang.get())></tbody>
                    </table>
                </div>
            </details>
            <details open>
                <summary>{tr(lang, k::ASSUME_SUMMARY)}</summary>
                {AssumptionKey::ALL.into_iter().map(|key| view! { <AssumptionRow key inputs lang /> }).collect_view()}
                <p class="share">
                    <button type="button" data-testid="reset-assumptions" on:click=reset>
                        {tr(lang, k::ASSUME_RESET)}
                    </button>
                </p>
            </details>
        </section>
    }
}
