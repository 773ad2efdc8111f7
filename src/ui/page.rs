//! The page as markup, and the regions that follow the state.
//!
//! The whole page is written by [`langs`] and [`app`], plain functions of a [`View`] of the
//! state: at build time for the default inputs in English (`src/bin/prerender.rs` puts it into
//! `index.html`, so the answer is there at first paint), and in the browser when the language
//! changes. Between those, each region (an element with an id) is updated by its own effect
//! when what it shows changes ([`bind_answer`], [`bind_below`]): patched in place where it can
//! be (`ui/patch.rs`), else written again. The controls' values are set where they differ
//! ([`sync_controls`]), so a control being used is never replaced.
use super::prelude::*;

use super::import::{self, Progress};
use super::markup::{Html, Markup};
use super::share_box::{self, Status};
use super::{chart, inputs, panels, patch, result, Imported, PageState};
use crate::i18n::{k, Lang};
use crate::model::{AssumptionKey, Evaluation, Inputs, ModelChoice, NumInput, Plan};
use crate::share::Warning;

/// The two containers the page is mounted into (`index.html` has them empty; the build fills
/// them with the prerendered page, `scripts/postbuild.mjs`).
pub const APP: &str = "app";
pub const LANGS: &str = "langs";

// The ids every region effect and attribute effect is bound to, in debug builds, so a browser
// test can check that each is on the page (`tests/web.rs`): a region whose id is renamed on
// one side only would otherwise be skipped without a word (`by_id` finds nothing). And that no
// region holds another: a region keeps its element, which its parent's update would replace.
#[cfg(debug_assertions)]
thread_local! {
    static BOUND: std::cell::RefCell<Vec<(&'static str, bool)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The ids bound so far, each with whether it is a region (its content written by the page) or
/// an element whose attribute is; debug builds only (release builds do not record them).
pub fn bound_ids() -> Vec<(&'static str, bool)> {
    #[cfg(debug_assertions)]
    {
        BOUND.with(|b| b.borrow().clone())
    }
    #[cfg(not(debug_assertions))]
    {
        Vec::new()
    }
}

fn bound(id: &'static str, region: bool) {
    #[cfg(debug_assertions)]
    BOUND.with(|b| {
        let mut b = b.borrow_mut();
        if !b.contains(&(id, region)) {
            b.push((id, region));
        }
    });
    #[cfg(not(debug_assertions))]
    let _ = (id, region);
}

/// The state as one render of the page sees it.
pub struct View<'a> {
    pub l: Lang,
    pub inputs: &'a Inputs,
    pub eval: &'a Evaluation,
    /// The link's warnings still to show (none once dismissed).
    pub warnings: &'a [Warning],
    pub share: Status,
    pub can_share: bool,
    pub importer: bool,
    pub sample: bool,
    /// The page's full address (shown when copying it failed).
    pub url: &'a str,
    pub progress: Progress,
    pub imported: Option<&'a Imported>,
    pub current: Option<Plan>,
    pub leads: bool,
}

/// The language switch: FR and EN, pressed for the page's language, and a status line.
pub fn langs(l: Lang) -> Markup {
    let mut h = Html::new();
    h.wrap(
        "nav",
        &[("class", "langs"), ("aria-label", l.t(k::LANG_SWITCH))],
        |h| {
            for (lang, label) in [(Lang::Fr, "FR"), (Lang::En, "EN")] {
                let testid = ["lang-", lang.tag()].concat();
                // The name holds the visible text ("FR Français"): voice control finds it.
                let name = [label, " ", lang.t(k::LANG_NAME)].concat();
                h.el(
                    "button",
                    &[
                        ("type", "button"),
                        ("data-testid", &testid),
                        ("lang", lang.tag()),
                        ("aria-pressed", if lang == l { "true" } else { "false" }),
                        ("aria-label", &name),
                    ],
                    label,
                );
            }
            h.el(
                "span",
                &[
                    ("class", "lang-status"),
                    ("id", "lang-status"),
                    ("role", "status"),
                    ("data-testid", "lang-status"),
                ],
                "",
            );
        },
    );
    h.finish()
}

/// Region `notice`: what the link had that could not be used, with a button to dismiss it.
pub fn notice(l: Lang, warnings: &[Warning]) -> Markup {
    let mut h = Html::new();
    if warnings.is_empty() {
        return h.finish();
    }
    let items: Vec<String> = warnings
        .iter()
        .map(|w| match w {
            Warning::TooLong => l.t(k::LINK_TOO_LONG).to_string(),
            Warning::NewerVersion => l.t(k::LINK_NEWER).to_string(),
            Warning::Unknown(key) => crate::i18n::fill(l.t(k::LINK_UNKNOWN), &[("key", key)]),
            Warning::Unreadable(key) => crate::i18n::fill(l.t(k::LINK_UNREADABLE), &[("key", key)]),
            Warning::Adjusted(key) => crate::i18n::fill(l.t(k::LINK_ADJUSTED), &[("key", key)]),
        })
        .collect();
    h.wrap(
        "p",
        &[
            ("class", "notice"),
            ("role", "status"),
            ("data-testid", "link-notice"),
        ],
        |h| {
            h.text(l.t(k::LINK_NOTICE))
                .text(" ")
                .text(&items.join(l.t(k::LIST_SEPARATOR)))
                .text(" ")
                .el(
                    "button",
                    &[("type", "button"), ("data-testid", "dismiss-notice")],
                    l.t(k::DISMISS),
                );
        },
    );
    h.finish()
}

/// Everything under `#app`: the link notice, the inputs and the answer side by side, then the
/// import, the advice, the assumptions and the footer.
pub fn app(v: &View<'_>) -> Markup {
    let l = v.l;
    let mut h = Html::new();
    h.wrap("div", &[("id", "notice")], |h| {
        h.markup(&notice(l, v.warnings));
    })
    .wrap("div", &[("class", "layout")], |h| {
        inputs::inputs_section(h, l, v.inputs);
        h.wrap("div", &[("class", "stack"), ("id", "answer")], |h| {
            result::answer_section(h, v);
        });
    })
    .wrap("div", &[("class", "stack"), ("id", "more")], |h| {
        import::import_section(h, l, v);
        panels::advice_section(h, l, v.eval, v.inputs);
        panels::assumptions_section(h, l, v.inputs);
        h.wrap("footer", &[], |h| {
            h.el("p", &[], l.t(k::FOOTER_SOURCE))
                .el("p", &[], l.t(k::FOOTER_PRIVACY));
        });
    });
    h.finish()
}

/// The page's shell texts (title, lede, skip link) in a language.
pub fn shell_texts(l: Lang) -> [(&'static str, &'static str); 3] {
    [
        ("title", l.t(k::APP_TITLE)),
        ("lede", l.t(k::APP_LEDE)),
        ("skip", l.t(k::SKIP_TO_RESULT)),
    ]
}

thread_local! {
    /// How many times the whole page has been written (a change of language): a region looks
    /// its element up again after that, and keeps it otherwise.
    static WRITTEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Writes the whole page (the language switch and everything under `#app`).
pub fn write_page(langs: &Markup, app: &Markup) {
    if let (Some(l), Some(a)) = (by_id(LANGS), by_id(APP)) {
        langs.set_into(&l);
        app.set_into(&a);
        WRITTEN.with(|w| w.set(w.get().wrapping_add(1)));
    }
}

/// The element with this id, if the page has it.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// An effect that rewrites region `id` with `render`'s markup when it changes. Its first run
/// writes nothing when `fresh` (the region already shows that markup: prerendered, or just
/// rendered with the whole page).
fn region(id: &'static str, fresh: bool, render: impl Fn() -> Markup + 'static) {
    region_boxed(id, fresh, Box::new(render));
}

/// [`region`]'s body, compiled once (a generic effect per region cost the page about 8 KB).
fn region_boxed(id: &'static str, fresh: bool, render: Box<dyn Fn() -> Markup>) {
    bound(id, true);
    let mut skip = fresh;
    let mut last: Option<Markup> = None;
    // The element, and the page it was found in.
    let mut element: Option<(u32, web_sys::Element)> = None;
    super::effect(Box::new(move || {
        let m = render();
        if std::mem::take(&mut skip) || last.as_ref() == Some(&m) {
            last = Some(m);
            return;
        }
        let page = WRITTEN.with(std::cell::Cell::get);
        if element.as_ref().is_none_or(|(p, _)| *p != page) {
            element = by_id(id).map(|e| (page, e));
        }
        if let Some((_, el)) = &element {
            // Patched in place (`patch`: what moved), else written whole.
            let patched = patch::IN_PLACE
                && last
                    .as_ref()
                    .and_then(|last| patch::diff(last.as_str(), m.as_str()))
                    .is_some_and(|p| patch::apply(el, &p));
            if !patched {
                m.set_into(el);
            }
        }
        last = Some(m);
    }));
}

/// An effect that sets attribute `name` of element `id` when its value changes (`None`: removed).
fn attribute(id: &'static str, name: &'static str, value: impl Fn() -> Option<String> + 'static) {
    attribute_boxed(id, name, Box::new(value));
}

fn attribute_boxed(id: &'static str, name: &'static str, value: Box<dyn Fn() -> Option<String>>) {
    bound(id, false);
    let mut last: Option<Option<String>> = None;
    super::effect(Box::new(move || {
        let v = value();
        if last.as_ref() != Some(&v) {
            if let Some(el) = by_id(id) {
                let _ = match &v {
                    Some(v) => el.set_attribute(name, v),
                    None => el.remove_attribute(name),
                };
            }
        }
        last = Some(v);
    }));
}

/// The share status: derived from the last copy and the current link.
pub fn share_status(s: PageState) -> Status {
    s.copy.with(|c| match c {
        Some((copied, status)) if s.link.with(|l| l == copied) => *status,
        _ => Status::Idle,
    })
}

/// Binds the answer's regions to the state (the link notice, the answer, the answer bar, the
/// cards, the costs and the charts). `fresh`: the regions already show the current state.
pub fn bind_answer(s: PageState, fresh: bool) {
    let lang = move || s.lang.get();
    let with_eval = move |f: fn(Lang, &Evaluation) -> Markup| move || s.eval.with(|e| f(lang(), e));
    region("notice", fresh, move || {
        s.notice.with(|w| notice(lang(), w))
    });
    region("headline", fresh, with_eval(result::headline));
    region("explanation", fresh, with_eval(result::explanation));
    region("opus", fresh, with_eval(result::opus_button));
    // The prerendered page has no share button: a device with a share sheet gets one.
    region("share", fresh && !s.can_share, move || {
        let status = share_status(s);
        let url = if status == Status::Failed {
            crate::share::browser::url_with_query(&s.link.get())
        } else {
            String::new()
        };
        share_box::share_box(lang(), status, s.can_share, &url)
    });
    region("bar", fresh, with_eval(result::answer_bar));
    attribute("bar", "data-plan", move || {
        Some(s.eval.with(|e| e.recommendation.plan.id().to_string()))
    });
    region("cards", fresh, with_eval(result::cards));
    region("costs", fresh, move || {
        let xu = s.inputs.with(|i| i.extra_usage);
        s.eval.with(|e| result::costs(lang(), e, xu))
    });
    region("legend", fresh, with_eval(chart::legend));
    for panel in chart::Panel::ALL {
        let (marks, svg) = match panel {
            chart::Panel::Window => ("marks-window", "chart-window"),
            chart::Panel::Week => ("marks-week", "chart-week"),
        };
        region(marks, fresh, move || {
            s.eval.with(|e| chart::marks(lang(), e, panel))
        });
        attribute(svg, "aria-label", move || {
            Some(s.eval.with(|e| chart::summary(lang(), e, panel)))
        });
    }
}

/// Binds the regions below the answer (advice, assumptions, import) to the state: a task of its
/// own at start-up (`ui::mount_page`), so that no single task runs every region's first render.
pub fn bind_below(s: PageState, fresh: bool) {
    let lang = move || s.lang.get();
    region("advice", fresh, move || {
        s.eval
            .with(|e| s.inputs.with(|i| panels::advice(lang(), e, i)))
    });
    for key in AssumptionKey::ALL {
        let id = match key {
            AssumptionKey::LightLoc => "label-light_loc",
            AssumptionKey::HeavyLoc => "label-heavy_loc",
            AssumptionKey::AutoAcceptBoost => "label-auto_accept",
            AssumptionKey::OpusWeight => "label-opus_weight",
            AssumptionKey::OpusHoursRule => "label-opus_rule",
            AssumptionKey::Headroom => "label-headroom",
            AssumptionKey::WindowUsd => "label-window_usd",
            AssumptionKey::HourPrompts => "label-hour_prompts",
        };
        region(id, fresh, move || {
            s.inputs
                .with(|i| panels::assumption_label(lang(), key, i.assumptions.is_edited(key)))
        });
    }
    region("import-status", fresh, move || {
        import::status(lang(), s.import.get())
    });
    region("import-report", fresh, move || {
        s.imported.with(|m| import::report(m.as_ref()))
    });
    region("import-link", fresh, move || {
        let imported = s.imported.with(|m| m.is_some());
        s.inputs
            .with(|i| import::link_calibration(lang(), i, imported))
    });
    region("import-actions", fresh, move || {
        let has = s.imported.with(|m| m.is_some());
        let leads = import::leads(s);
        s.inputs
            .with(|i| import::actions(lang(), s.import.get(), has, leads, i))
    });
}

/// Sets a form control's value where it differs (so a field being typed in keeps its caret).
fn set_value(id: &str, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(input) = by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        if input.value() != value {
            input.set_value(value);
        }
    }
}

/// A slider's position, if the page has it.
fn slider_position(id: &str) -> Option<f64> {
    use wasm_bindgen::JsCast;
    let input = by_id(id)?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    Some(input.value_as_number()).filter(|x| x.is_finite())
}

fn set_checked(selector: &str, on: bool) {
    use wasm_bindgen::JsCast;
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        if input.checked() != on {
            input.set_checked(on);
        }
    }
}

/// Keeps the controls showing the inputs: one effect for them all, which only writes what
/// differs. (They change from a link, "use these numbers", a reset, or another control.)
pub fn sync_controls(s: PageState) {
    // What the controls were last set to: only those whose value changed are touched (each
    // control costs a few calls into the DOM, about 75 in all), all of them when the language
    // changed (the page was written again). A field's own change event writes back what the
    // model kept, so an unchanged value needs nothing here.
    let mut prev: Option<(Inputs, Lang)> = None;
    super::effect(Box::new(move || {
        let l = s.lang.get();
        let shown = s.inputs.with(|i| {
            let was = prev.as_ref().filter(|(_, pl)| *pl == l).map(|(p, _)| p);
            let moved = |f: &dyn Fn(&Inputs) -> bool| was.is_none_or(|p| !f(p));
            for input in NumInput::ALL {
                let v = i.num(input);
                if !moved(&|p| p.num(input) == v) {
                    continue;
                }
                let key = input.key();
                set_value(&["num-", key].concat(), &crate::num::text(v));
                let slider = ["in-", key].concat();
                // The codebase slider's positions round to the same number of lines in steps:
                // a position that already reads as this value stays (else an arrow key that
                // moves it by less than one rounding step would be undone, and it never moves).
                let stays = input == NumInput::Loc
                    && slider_position(&slider).is_some_and(|p| inputs::pos_to_loc(p) == v);
                if !stays {
                    set_value(&slider, &crate::num::text(inputs::slider_value(input, v)));
                }
                if let Some(el) = by_id(&slider) {
                    let _ = el.set_attribute("aria-valuetext", &inputs::value_text(l, input, v));
                }
            }
            if moved(&|p| p.model == i.model) {
                for m in ModelChoice::ALL {
                    set_checked(&["[data-testid=model-", m.id(), "]"].concat(), i.model == m);
                }
                if let Some(el) = by_id("opus-share") {
                    let _ = if i.model == ModelChoice::Mix {
                        el.remove_attribute("hidden")
                    } else {
                        el.set_attribute("hidden", "")
                    };
                }
            }
            if moved(&|p| p.auto_accept == i.auto_accept) {
                set_checked("[data-testid=aa]", i.auto_accept);
            }
            if moved(&|p| p.extra_usage == i.extra_usage) {
                set_checked("[data-testid=xu]", i.extra_usage);
            }
            for key in AssumptionKey::ALL {
                let v = i.assumptions.get(key);
                if moved(&|p| p.assumptions.get(key) == v) {
                    set_value(&["assume-", key.id()].concat(), &panels::shown(v));
                }
            }
            i.clone()
        });
        prev = Some((shown, l));
    }));
}
