//! The page. Its state is one `RwSignal<Inputs>` (plus the language, the import and two bits of
//! interface state); the answer is one `Memo<Evaluation>` derived from them. The page is written
//! as markup by plain functions (`page`): at build time, into `index.html`, for the default
//! inputs in English; in the browser, the wasm takes that page over as it is, and each region
//! (an element with an id) is rewritten by an effect when what it shows changes. The controls'
//! events go to one listener per event type (`events`), which writes the state. Other effects
//! only talk to the outside world: the address bar, `<html lang>`, the import worker.
//!
//! Why not Leptos views: one view tree per region and control cost the first load about 60 KB
//! brotli of the 90 KB budget; written as markup, the page wasm is about a third of that
//! (`docs/architecture.md`, "Size"). The reactive graph (signals, memos, effects) is Leptos'.
/// What the page uses of Leptos' reactive system (`reactive_graph`, re-exported by the leptos
/// crate as `leptos::reactive`): the same types and traits as `leptos::prelude`.
pub mod prelude {
    pub use reactive_graph::computed::Memo;
    pub use reactive_graph::effect::Effect;
    pub use reactive_graph::graph::untrack;
    pub use reactive_graph::owner::{Owner, StoredValue};
    pub use reactive_graph::prelude::*;
    pub use reactive_graph::signal::RwSignal;
}
use prelude::*;

/// An effect, its function boxed: every effect of the page then shares one compiled
/// `Effect::new` (compiled once per closure type, each cost the wasm 1 to 2 KB). What an effect
/// keeps from one run to the next lives in its closure.
pub fn effect(f: Box<dyn FnMut()>) {
    Effect::new(f);
}

mod chart;
mod describe;
mod events;
pub mod format;
mod import;
mod inputs;
pub mod markup;
pub mod page;
mod panels;
pub mod patch;
pub mod report;
mod result;
mod share_box;

use crate::i18n::Lang;
use crate::model::{evaluate, evaluate_observed, Evaluation, Inputs, Plan};
use crate::share::{self, Warning};

/// How long the address bar waits after the last change before it is rewritten.
const URL_DEBOUNCE_MS: u32 = 250;

/// The last import of real usage, and the inputs the page had when its answer was last based on
/// it. While the inputs are still those, the page's one answer is the import's (see
/// [`PageState::eval`]); once the visitor changes an input, it is the calculator's again.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The worker's last report on it (the summary itself stays in the worker).
    pub view: crate::usage::browser::View,
    /// The inputs the import's answer was shown with.
    pub at: Inputs,
}

impl Imported {
    /// Whether the answer follows the import with these inputs.
    pub fn leads(&self, inputs: &Inputs) -> bool {
        self.at == *inputs
    }
}

/// The page's state.
#[derive(Clone, Copy)]
pub struct PageState {
    pub inputs: RwSignal<Inputs>,
    pub lang: RwSignal<Lang>,
    pub imported: RwSignal<Option<Imported>>,
    pub import: RwSignal<import::Progress>,
    /// The plan the visitor says they were on when the limits cut them off.
    pub current: RwSignal<Option<Plan>>,
    /// The inputs when the last import finished: its answer leads from then on.
    pub import_at: StoredValue<Option<Inputs>>,
    /// The one answer every region reads: the import's while the inputs are those it was shown
    /// with, else the calculator's.
    pub eval: Memo<Evaluation>,
    /// The query string that reopens the page as it is (the address bar and "Copy link").
    pub link: Memo<String>,
    /// The last copy of the link: which link, and how it went.
    pub copy: RwSignal<Option<(String, share_box::Status)>>,
    /// What the opening link had that could not be used, until dismissed.
    pub notice: RwSignal<Vec<Warning>>,
    /// The device has a share sheet.
    pub can_share: bool,
    /// The page has an import worker, and sample logs to try it with.
    pub importer: bool,
    pub sample: bool,
}

impl PageState {
    /// The state for `inputs` and `lang`, with the link's warnings.
    pub fn new(inputs: Inputs, lang: Lang, warnings: Vec<Warning>, env: Environment) -> PageState {
        let inputs = RwSignal::new(inputs);
        let lang = RwSignal::new(lang);
        let imported = RwSignal::new(None::<Imported>);
        PageState {
            inputs,
            lang,
            imported,
            import: RwSignal::new(import::Progress::Idle),
            current: RwSignal::new(None),
            import_at: StoredValue::new(None),
            eval: Memo::new(move |_| {
                inputs.with(|i| {
                    imported.with(|m| match m {
                        Some(m) if m.leads(i) => evaluate_observed(i, &m.view.observed),
                        _ => evaluate(i),
                    })
                })
            }),
            // `follow_address` tracks the same two signals, to encode the link only when it
            // rewrites the address.
            link: Memo::new(move |_| inputs.with(|i| share::encode(i, Some(lang.get())))),
            copy: RwSignal::new(None),
            notice: RwSignal::new(warnings),
            can_share: env.can_share,
            importer: env.importer,
            sample: env.sample,
        }
    }

    /// The view of the state one render of the whole page needs (read without tracking).
    fn render_all(self, url: &str) -> (markup::Markup, markup::Markup) {
        let l = self.lang.get_untracked();
        let app = self.inputs.with_untracked(|i| {
            self.eval.with_untracked(|e| {
                self.notice.with_untracked(|warnings| {
                    self.imported.with_untracked(|imported| {
                        page::app(&page::View {
                            l,
                            inputs: i,
                            eval: e,
                            warnings,
                            share: untrack(|| page::share_status(self)),
                            can_share: self.can_share,
                            importer: self.importer,
                            sample: self.sample,
                            url,
                            progress: self.import.get_untracked(),
                            imported: imported.as_ref(),
                            current: self.current.get_untracked(),
                            leads: imported.as_ref().is_some_and(|m| m.leads(i)),
                        })
                    })
                })
            })
        });
        (page::langs(l), app)
    }
}

/// What the page can do where it runs.
#[derive(Clone, Copy, Debug)]
pub struct Environment {
    /// The device has a share sheet.
    pub can_share: bool,
    /// The build has the import worker.
    pub importer: bool,
    /// The build has sample logs.
    pub sample: bool,
}

impl Environment {
    /// The browser's.
    fn here() -> Environment {
        Environment {
            can_share: share::browser::can_share(),
            importer: crate::usage::browser::worker_url().is_some(),
            sample: crate::usage::browser::sample_url().is_some(),
        }
    }
}

/// The page as the build prerenders it: the default inputs, in English, no link, no import, for
/// a browser without a share sheet (the build makes the importer and the sample).
pub fn prerendered() -> (markup::Markup, markup::Markup) {
    render(Inputs::default(), Lang::En, Vec::new())
}

/// The whole page (the language switch, everything under `#app`) for a state, as the build and
/// a change of language write it; the browser tests parse it back.
pub fn render(
    inputs: Inputs,
    lang: Lang,
    warnings: Vec<Warning>,
) -> (markup::Markup, markup::Markup) {
    let owner = Owner::new();
    let env = Environment {
        can_share: false,
        importer: true,
        sample: true,
    };
    owner.with(|| PageState::new(inputs, lang, warnings, env).render_all(""))
}

/// Fetches the French texts (the build names their file in `<meta name="ccplan-texts-fr">`) and
/// installs them; false when they cannot be had (offline without cache, missing, refused).
async fn load_french() -> bool {
    use wasm_bindgen::JsCast;
    async fn fetch() -> Option<String> {
        let window = web_sys::window()?;
        let url = window
            .document()?
            .query_selector("meta[name='ccplan-texts-fr']")
            .ok()??
            .get_attribute("content")?;
        let await_js = |p| wasm_bindgen_futures::JsFuture::from(p);
        let response: web_sys::Response = await_js(window.fetch_with_str(&url))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        if !response.ok() {
            return None;
        }
        await_js(response.text().ok()?).await.ok()?.as_string()
    }
    fetch().await.is_some_and(crate::i18n::install_fr)
}

/// Start-up: takes the page over (see [`mount_page`]) for as long as the page lives.
pub fn mount() {
    wasm_bindgen_futures::spawn_local(async {
        std::mem::forget(mount_page().await);
    });
}

/// A page taken over: dropping it ends its effects and event listeners (the browser tests mount
/// several pages one after the other).
pub struct Mounted {
    owner: Owner,
    _events: events::Listeners,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.owner.cleanup();
    }
}

/// The browser's preferred languages, most wanted first.
fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if let Some(l) = nav.language() {
        tags.push(l);
    }
    tags
}

/// Sets the text of an element of the page, if it is there and differs.
fn set_text(id: &str, text: &str) {
    if let Some(el) = page::by_id(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// Takes the page over: reads the link and the browser's languages; fetches the French texts
/// when French is wanted; keeps the prerendered page as it is when it already shows this state
/// (the default inputs in English), else writes it whole; then binds the regions, the controls
/// and the events, and says the answer is no longer pending.
pub async fn mount_page() -> Mounted {
    // Leptos' task executor (a page that mounts no Leptos view sets it up itself); a second
    // page mounted by the browser tests finds it set.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let (start, link_lang, warnings) = share::decode(&share::browser::current_query());
    let wanted = link_lang.unwrap_or_else(|| {
        let tags = browser_languages();
        Lang::negotiate(tags.iter().map(String::as_str))
    });
    // French wanted but not compiled in: fetched first (the page stays pending meanwhile); if
    // that fails the page works in English.
    let lang = if wanted.is_ready() || load_french().await {
        wanted
    } else {
        set_text("lang-status", Lang::En.t(crate::i18n::k::LANG_UNAVAILABLE));
        Lang::En
    };
    let owner = Owner::new();
    let env = Environment::here();
    let prerendered = page::by_id(page::APP).is_some_and(|a| a.has_attribute("data-prerendered"));
    let (state, fresh) = owner.with(|| {
        let state = PageState::new(start, lang, warnings, env);
        // Values typed into the prerendered fields before the wasm arrived are kept.
        let default = state.inputs.with_untracked(|i| *i == Inputs::default());
        let typed = prerendered && default && events::read_typed(state);
        let same = prerendered
            && lang == Lang::En
            && env.importer
            && env.sample
            && state.notice.with_untracked(Vec::is_empty)
            && state.inputs.with_untracked(|i| *i == Inputs::default());
        if !same && !typed {
            let (langs, app) = state.render_all("");
            page::write_page(&langs, &app);
        }
        (state, !typed)
    });
    // In two tasks: each region's first run computes its markup (and calls much of the wasm for
    // the first time), which in one task blocked the main thread about twice as long. Nothing
    // can change the state in between: the page listens to events only at the end.
    owner.with(|| page::bind_answer(state, fresh));
    // A new task of the event loop (a `setTimeout` of 0).
    gloo_timers::future::TimeoutFuture::new(0).await;
    let events = owner.with(|| {
        page::bind_below(state, fresh);
        page::sync_controls(state);
        import::keep_report_current(state);
        follow_language(state);
        follow_address(state);
        events::listen(state)
    });
    // The answer on the page is now this state's (it was the default's while pending).
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.class_list().remove_1("pending");
        let _ = html.remove_attribute("aria-busy");
        // For tests and scripts: the page is the wasm's now.
        let _ = html.set_attribute("data-ready", "");
    }
    register_service_worker();
    Mounted {
        owner,
        _events: events,
    }
}

/// `<html lang>`, the shell's texts, and on a change of language the whole page in it.
fn follow_language(s: PageState) {
    let mut prev: Option<Lang> = None;
    effect(Box::new(move || {
        let l = s.lang.get();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", l.tag());
        }
        for (id, text) in page::shell_texts(l) {
            set_text(id, text);
        }
        if prev.is_some_and(|p| p != l) {
            let url = share::browser::url_with_query(&s.link.get_untracked());
            let (langs, app) = s.render_all(&url);
            // The control that had the focus (the language button just pressed) has it again.
            let focused = focused_control();
            page::write_page(&langs, &app);
            if let Some(selector) = focused {
                refocus(&selector);
            }
        }
        prev = Some(l);
    }));
}

/// A selector for the focused control (by its `data-testid`, else its id), if one has the focus.
fn focused_control() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    if let Some(testid) = active.get_attribute("data-testid") {
        return Some(["[data-testid=\"", &testid, "\"]"].concat());
    }
    let id = active.id();
    (!id.is_empty()).then(|| ["[id=\"", &id, "\"]"].concat())
}

/// Focuses the element the selector finds, if the page has it.
fn refocus(selector: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// The address bar follows the inputs, debounced: rewritten once they have not changed for
/// `URL_DEBOUNCE_MS` (so between that and twice that after the last change). One wait runs at a
/// time, and a change meanwhile is only counted: a change costs no call to the browser's
/// timers, and the link is encoded once per rewrite, not once per change.
fn follow_address(s: PageState) {
    use std::cell::Cell;
    use std::rc::Rc;
    let changes = Rc::new(Cell::new(0u32));
    let waiting = Rc::new(Cell::new(false));
    effect(Box::new(move || {
        // What the link is made of (`PageState::link`: the inputs and the language).
        s.inputs.track();
        s.lang.track();
        changes.set(changes.get().wrapping_add(1));
        if waiting.replace(true) {
            return;
        }
        let (changes, waiting) = (changes.clone(), waiting.clone());
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let seen = changes.get();
                gloo_timers::future::TimeoutFuture::new(URL_DEBOUNCE_MS).await;
                if changes.get() == seen {
                    break;
                }
            }
            waiting.set(false);
            // None once the page is unmounted (the browser tests).
            if let Some(query) = s.link.try_get_untracked() {
                share::browser::replace_query(&query);
            }
        });
    }));
}

/// Offline support: the service worker precaches the build. Skipped where unsupported.
fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            let registration = navigator.service_worker().register("sw.js");
            // A refused registration (private mode, file://) is not an error for the page.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
            });
        }
    }
}
