//! The controls' events: one listener per event type on the document, which finds the control by
//! its `data-testid` (or its id) and writes the state through the model's own setters, which
//! clamp. Regions may be rewritten at any time; listeners on the document never need rebinding.
use std::cell::Cell;

use super::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::import;
use super::share_box::Status;
use super::{inputs, PageState};
use crate::i18n::{k, Lang};
use crate::model::{AssumptionKey, Inputs, ModelChoice, NumInput, Plan};
use crate::usage::browser::{self, First};

type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// The page's listeners: removed when dropped.
pub struct Listeners(Vec<(web_sys::EventTarget, &'static str, Handler)>);

impl Drop for Listeners {
    fn drop(&mut self) {
        for (target, kind, handler) in &self.0 {
            let _ =
                target.remove_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        }
    }
}

thread_local! {
    /// The language last clicked in the switch: the last click wins over a fetch still running.
    static LAST_CHOICE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The element an event happened on (or inside), and its `data-testid`.
fn control(ev: &web_sys::Event) -> Option<(web_sys::Element, String)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let el = el.closest("[data-testid]").ok()??;
    let id = el.get_attribute("data-testid")?;
    Some((el, id))
}

fn input_of(el: &web_sys::Element) -> Option<web_sys::HtmlInputElement> {
    el.clone().dyn_into().ok()
}

/// Listens to the page's events.
pub fn listen(s: PageState) -> Listeners {
    let mut out = Vec::new();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Listeners(out);
    };
    let target: web_sys::EventTarget = document.into();
    let mut add = |kind: &'static str, f: Box<dyn FnMut(web_sys::Event)>| {
        let handler = Closure::<dyn FnMut(web_sys::Event)>::wrap(f);
        let _ = target.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        out.push((target.clone(), kind, handler));
    };
    add("click", Box::new(move |ev| on_click(s, &ev)));
    add("change", Box::new(move |ev| on_change(s, &ev)));
    add("input", Box::new(move |ev| on_input(s, &ev)));
    add("dragover", Box::new(move |ev| drag(&ev, true)));
    add("dragleave", Box::new(move |ev| drag(&ev, false)));
    add("drop", Box::new(move |ev| on_drop(s, &ev)));
    Listeners(out)
}

fn on_click(s: PageState, ev: &web_sys::Event) {
    let Some((el, id)) = control(ev) else { return };
    match id.as_str() {
        "lang-fr" | "lang-en" => {
            if let Some(l) = Lang::from_tag(&id[5..]) {
                choose_language(s, l, el);
            }
        }
        "copy-link" => copy_link(s),
        "share" => {
            let url = crate::share::browser::url_with_query(&s.link.get_untracked());
            let title = s.lang.get_untracked().t(k::APP_TITLE);
            wasm_bindgen_futures::spawn_local(async move {
                // Dismissing the share sheet is not an error: nothing to report.
                let _ = crate::share::browser::share(title, &url).await;
            });
        }
        "opus-switch" => s.inputs.update(|i| {
            let on = i.assumptions.opus_hours_rule;
            i.assumptions
                .set(AssumptionKey::OpusHoursRule, if on { 0.0 } else { 1.0 });
        }),
        "reset-assumptions" => s.inputs.update(|i| i.assumptions = Default::default()),
        "dismiss-notice" => s.notice.set(Vec::new()),
        "use-data" => import::use_numbers(s),
        "answer-from-data" => import::lead_again(s),
        "import-cancel" => import::cancel(s),
        "import-sample" => {
            if let Some(url) = browser::sample_url() {
                import::start(s, First::Url(url), 1.0);
            }
        }
        "calibration-forget" => s.inputs.update(|i| i.calibration = None),
        _ => {}
    }
}

fn on_change(s: PageState, ev: &web_sys::Event) {
    let Some((el, id)) = control(ev) else { return };
    if let Some(input) = NumInput::ALL.into_iter().find(|n| n.key() == id) {
        let Some(field) = input_of(&el) else { return };
        let typed = field.value();
        // A number (with a comma or a dot) is set; anything else is ignored.
        if let Some(x) = crate::num::parse_typed(&typed) {
            s.inputs.update(|i| i.set_num(input, x));
        }
        // Show what the model kept: clamped, rounded, or the previous value (a call into the
        // DOM only when it differs from what was typed, which it seldom does).
        let kept = crate::num::text(s.inputs.with_untracked(|i| i.num(input)));
        if kept != typed {
            field.set_value(&kept);
        }
        return;
    }
    if let Some(key) = AssumptionKey::ALL
        .into_iter()
        .find(|a| id.strip_prefix("assume-") == Some(a.id()))
    {
        let Some(field) = input_of(&el) else { return };
        if let Some(x) = crate::num::parse_typed(&field.value()) {
            s.inputs.update(|i| i.assumptions.set(key, x));
        }
        field.set_value(&super::panels::shown(
            s.inputs.with_untracked(|i| i.assumptions.get(key)),
        ));
        return;
    }
    match id.as_str() {
        "aa" | "xu" => {
            let on = input_of(&el).is_some_and(|c| c.checked());
            s.inputs.update(|i| {
                if id == "aa" {
                    i.auto_accept = on;
                } else {
                    i.extra_usage = on;
                }
            });
        }
        "current-plan" => {
            let value = el
                .dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            import::choose_plan(s, Plan::from_id(&value));
        }
        "import-input" | "import-folder" => {
            let Some(field) = input_of(&el) else { return };
            if let Some(list) = field.files() {
                start_files(s, js_sys::Array::from(&list));
            }
            // Choosing the same files again must import again.
            field.set_value("");
        }
        _ => {
            if let Some(m) = id.strip_prefix("model-").and_then(ModelChoice::from_id) {
                s.inputs.update(|i| i.model = m);
            }
        }
    }
}

/// A slider moved: its value is set at once (the number field beside it follows).
fn on_input(s: PageState, ev: &web_sys::Event) {
    let Some(slider) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let id = slider.id();
    let Some(input) = NumInput::ALL
        .into_iter()
        .find(|n| id.strip_prefix("in-") == Some(n.key()))
    else {
        return;
    };
    let x = slider.value_as_number();
    if x.is_finite() {
        let v = if input == NumInput::Loc {
            inputs::pos_to_loc(x)
        } else {
            x
        };
        s.inputs.update(|i| i.set_num(input, v));
    }
}

fn drop_zone(ev: &web_sys::Event) -> Option<web_sys::Element> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(".drop").ok()?
}

fn drag(ev: &web_sys::Event, over: bool) {
    if let Some(zone) = drop_zone(ev) {
        if over {
            ev.prevent_default();
        }
        let _ = zone.class_list().toggle_with_force("over", over);
    }
}

fn start_files(s: PageState, files: js_sys::Array) {
    if files.length() > 0 {
        let count = f64::from(files.length());
        import::start(s, First::Files(files), count);
    }
}

fn on_drop(s: PageState, ev: &web_sys::Event) {
    let Some(zone) = drop_zone(ev) else { return };
    ev.prevent_default();
    let _ = zone.class_list().remove_1("over");
    let Some(data) = ev
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
    else {
        return;
    };
    let entries = browser::dropped_entries(&data);
    if entries.is_empty() {
        // No entry API: the plain file list (folders are not walked then).
        if let Some(list) = data.files() {
            start_files(s, js_sys::Array::from(&list));
        }
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        start_files(s, browser::files_of_entries(entries).await);
    });
}

/// FR or EN: a language whose texts are not loaded yet is fetched first (its button is
/// `aria-busy` meanwhile); if that fails the page stays as it is and says so.
fn choose_language(s: PageState, l: Lang, button: web_sys::Element) {
    super::set_text("lang-status", "");
    LAST_CHOICE.set(Some(l));
    if l.is_ready() {
        s.lang.set(l);
        return;
    }
    if button.has_attribute("aria-busy") {
        return;
    }
    let _ = button.set_attribute("aria-busy", "true");
    wasm_bindgen_futures::spawn_local(async move {
        if super::load_french().await {
            if LAST_CHOICE.get() == Some(l) {
                s.lang.set(l);
            }
        } else {
            super::set_text("lang-status", s.lang.get_untracked().t(k::LANG_UNAVAILABLE));
        }
        let _ = button.remove_attribute("aria-busy");
    });
}

fn copy_link(s: PageState) {
    let query = s.link.get_untracked();
    let text = crate::share::browser::url_with_query(&query);
    wasm_bindgen_futures::spawn_local(async move {
        let status = if crate::share::browser::copy_text(&text).await
            == crate::share::browser::Copied::Failed
        {
            Status::Failed
        } else {
            Status::Copied
        };
        s.copy.set(Some((query, status)));
    });
}

/// Reads what the visitor set in the prerendered controls before the wasm took the page over,
/// into the state. `true` if anything differed from the defaults.
pub fn read_typed(s: PageState) -> bool {
    let defaults = Inputs::default();
    let mut i = defaults.clone();
    let field = |id: &str| -> Option<web_sys::HtmlInputElement> {
        super::page::by_id(id).and_then(|e| e.dyn_into().ok())
    };
    for input in NumInput::ALL {
        if let Some(x) =
            field(&["num-", input.key()].concat()).and_then(|f| crate::num::parse_typed(&f.value()))
        {
            i.set_num(input, x);
        }
    }
    let checked = |testid: &str| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&["[data-testid=", testid, "]"].concat())
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|c| c.checked())
    };
    i.auto_accept = checked("aa");
    i.extra_usage = checked("xu");
    if let Some(m) = ModelChoice::ALL
        .into_iter()
        .find(|m| checked(&["model-", m.id()].concat()))
    {
        i.model = m;
    }
    if i == defaults {
        return false;
    }
    s.inputs.set(i);
    true
}
