//! The page, as small Leptos components. State is one `RwSignal<Inputs>` (plus the language and
//! the last import); the evaluation is one `Memo` derived from them; the view only reads them.
//! Effects only talk to the outside world: the address bar, `<html lang>`.
use leptos::prelude::*;

mod chart;
mod describe;
pub mod format;
mod import;
mod inputs;
mod markup;
mod panels;
pub mod report;
mod result;
mod share_box;

use crate::i18n::{k, Lang};
use crate::model::{evaluate, evaluate_observed, Evaluation, Inputs};
use crate::share::{self, Warning};

/// A translated text that follows the language. One function (so one closure type) for every
/// text of the page: the view code for it is compiled once, not once per call site.
pub fn tr(
    lang: Signal<Lang>,
    key: usize,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || lang.get().t(key)
}

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

/// The page's state: one `RwSignal<Inputs>`, the language and the last import, started from the
/// link.
#[derive(Clone, Copy)]
pub struct PageState {
    pub inputs: RwSignal<Inputs>,
    pub lang: RwSignal<Lang>,
    pub imported: RwSignal<Option<Imported>>,
    /// The one answer every region reads: the import's while the inputs are those it was shown
    /// with, else the calculator's.
    pub eval: Memo<Evaluation>,
    /// The query string that reopens the page as it is (the address bar and the share box).
    pub link: Memo<String>,
    warnings: StoredValue<Vec<Warning>>,
}

impl PageState {
    /// Reads the link the page was opened with (and the browser's languages). Also returns the
    /// language wanted there: the state starts in English when its texts are not loaded yet.
    pub fn from_location() -> (PageState, Lang) {
        let (start, link_lang, warnings) = share::decode(&share::browser::current_query());
        let wanted = link_lang.unwrap_or_else(|| {
            let tags = browser_languages();
            Lang::negotiate(tags.iter().map(String::as_str))
        });
        let lang = if wanted.is_ready() { wanted } else { Lang::En };
        let inputs = RwSignal::new(start);
        let lang = RwSignal::new(lang);
        let imported = RwSignal::new(None::<Imported>);
        let state = PageState {
            inputs,
            lang,
            imported,
            eval: Memo::new(move |_| {
                inputs.with(|i| {
                    imported.with(|m| match m {
                        Some(m) if m.leads(i) => evaluate_observed(i, &m.view.observed),
                        _ => evaluate(i),
                    })
                })
            }),
            link: Memo::new(move |_| inputs.with(|i| share::encode(i, Some(lang.get())))),
            warnings: StoredValue::new(warnings),
        };
        (state, wanted)
    }
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

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()
}

/// Mounts the page over the static shell of index.html (see [`mount_page`]). The mounted page
/// lives as long as the page.
pub fn mount() {
    // Not leptos' spawn_local: its executor is set up by the first mount.
    wasm_bindgen_futures::spawn_local(async {
        if let (Some(langs), Some(app)) = (element("langs"), element("app")) {
            std::mem::forget(mount_page(langs, app).await);
        }
    });
}

/// A mounted page: dropping it unmounts every part.
pub type Mounted = Vec<Box<dyn std::any::Any>>;

/// Mounts the page, started from the link, into the static shell: the title and the lede stay
/// where they were painted (so the first paint is also the largest one), the language switch
/// goes into `langs`, the calculator into `app`.
///
/// Each part is mounted in its own task, so no task blocks the main thread for long: the inputs,
/// the answer, the plan cards and the charts beside it, then below the fold the import and the
/// advice, the assumptions and the footer, and last the service worker's registration.
pub async fn mount_page(langs: web_sys::HtmlElement, app: web_sys::HtmlElement) -> Mounted {
    let (state, wanted) = PageState::from_location();
    // French wanted but not compiled in: fetched before the calculator is mounted (the static
    // shell is painted meanwhile); if that fails the page works in English.
    if !wanted.is_ready() && load_french().await {
        state.lang.set(wanted);
    }
    let PageState {
        inputs,
        imported,
        eval,
        link,
        ..
    } = state;
    let lang: Signal<Lang> = state.lang.into();
    let mut parts: Mounted = vec![
        part(langs, move || view! { <LangSwitch lang=state.lang /> }),
        part(app.clone(), move || view! { <Calculator state /> }),
    ];
    next_task().await;
    if let Some(answer) = element("answer") {
        parts.push(part(answer.clone(), move || {
            view! { <result::Recommendation eval inputs lang link /> }
        }));
        next_task().await;
        parts.push(part(answer, move || view! { <Details state /> }));
    }
    next_task().await;
    parts.push(part(app, move || {
        view! {
            <div class="stack" id="more">
                <import::Import inputs imported lang />
                <panels::Advice eval inputs lang />
            </div>
        }
    }));
    next_task().await;
    if let Some(more) = element("more") {
        parts.push(part(more, move || {
            view! {
                <panels::Assumptions inputs lang />
                <footer>
                    <p>{tr(lang, k::FOOTER_SOURCE)}</p>
                    <p>{tr(lang, k::FOOTER_PRIVACY)}</p>
                </footer>
            }
        }));
    }
    next_task().await;
    register_service_worker();
    parts
}

/// Mounts a view at the end of `parent`; dropping the box unmounts it.
fn part<N: IntoView + 'static>(
    parent: web_sys::HtmlElement,
    view: impl FnOnce() -> N + 'static,
) -> Box<dyn std::any::Any> {
    Box::new(leptos::mount::mount_to(parent, view))
}

/// Resolves in a later task (`setTimeout(0)`): the browser may paint and handle input meanwhile.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window();
        if window.is_none_or(|w| w.set_timeout_with_callback(&resolve).is_err()) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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

/// Sets the text of a static element of the shell, if it is there and differs.
fn set_shell_text(id: &str, text: &str) {
    if let Some(el) = element(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// Under the title: the inputs, and the column the answer is mounted in (and the page's effects
/// to the outside world).
#[component]
fn Calculator(state: PageState) -> impl IntoView {
    let PageState {
        inputs,
        lang,
        link,
        warnings,
        ..
    } = state;
    let lang_signal: Signal<Lang> = lang.into();

    // <html lang> and the shell's static texts follow the language.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", l.tag());
        }
        set_shell_text("title", l.t(k::APP_TITLE));
        set_shell_text("lede", l.t(k::APP_LEDE));
        set_shell_text("skip", l.t(k::SKIP_TO_RESULT));
    });
    // The address bar follows the inputs, debounced: one rewrite after the slider stops.
    let pending = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    Effect::new(move |_| {
        let query = link.get();
        let timeout = gloo_timers::callback::Timeout::new(URL_DEBOUNCE_MS, move || {
            share::browser::replace_query(&query)
        });
        // Dropping the previous timeout cancels it.
        pending.set_value(Some(timeout));
    });
    view! {
        <LinkNotice warnings=warnings.get_value() lang=lang_signal />
        <div class="layout">
            <inputs::InputsPanel inputs lang=lang_signal />
            <div class="stack" id="answer"></div>
        </div>
    }
}

/// Beside the answer (mounted after it): the plan cards, the costs and the demand chart.
#[component]
fn Details(state: PageState) -> impl IntoView {
    let PageState {
        inputs, lang, eval, ..
    } = state;
    let lang: Signal<Lang> = lang.into();
    view! {
        <result::PlanCards eval lang />
        <result::Costs eval inputs lang />
        <chart::DemandChart eval lang />
    }
}

thread_local! {
    /// The language last clicked in the switch.
    static LAST_CHOICE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// FR and EN buttons. A language whose texts are not loaded yet is fetched first (its button
/// is `aria-busy` meanwhile); if that fails the page stays as it is and says so. Plain DOM calls
/// rather than more reactive nodes: each of those costs generic code in the wasm.
#[component]
fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let choose = move |l: Lang, button: Option<web_sys::Element>| {
        set_shell_text("lang-status", "");
        // The last click wins, even over a fetch still running for an earlier one.
        LAST_CHOICE.set(Some(l));
        if l.is_ready() {
            lang.set(l);
            return;
        }
        let Some(button) = button.filter(|b| !b.has_attribute("aria-busy")) else {
            return;
        };
        let _ = button.set_attribute("aria-busy", "true");
        leptos::task::spawn_local(async move {
            if load_french().await {
                if LAST_CHOICE.get() == Some(l) {
                    lang.set(l);
                }
            } else {
                set_shell_text("lang-status", lang.get_untracked().t(k::LANG_UNAVAILABLE));
            }
            let _ = button.remove_attribute("aria-busy");
        });
    };
    let button = move |l: Lang, label: &'static str, name: usize| {
        view! {
            <button
                type="button"
                data-testid=format!("lang-{}", l.tag())
                lang=l.tag()
                aria-pressed=move || (lang.get() == l).to_string()
                aria-label=move || [label, " ", l.t(name)].concat()
                on:click=move |ev| {
                    let target = ev.current_target();
                    choose(l, target.and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok()))
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="langs" aria-label=tr(lang.into(), k::LANG_SWITCH)>
            {button(Lang::Fr, "FR", k::LANG_NAME)}
            {button(Lang::En, "EN", k::LANG_NAME)}
            <span class="lang-status" id="lang-status" role="status" data-testid="lang-status"></span>
        </nav>
    }
}

/// Says, discreetly, which values of the link that opened the page could not be used.
#[component]
fn LinkNotice(warnings: Vec<Warning>, lang: Signal<Lang>) -> impl IntoView {
    if warnings.is_empty() {
        return None;
    }
    let (dismissed, set_dismissed) = signal(false);
    let describe = move |l: Lang| -> String {
        let items: Vec<String> = warnings
            .iter()
            .map(|w| match w {
                Warning::TooLong => l.t(k::LINK_TOO_LONG).to_string(),
                Warning::NewerVersion => l.t(k::LINK_NEWER).to_string(),
                Warning::Unknown(key) => crate::i18n::fill(l.t(k::LINK_UNKNOWN), &[("key", key)]),
                Warning::Unreadable(key) => {
                    crate::i18n::fill(l.t(k::LINK_UNREADABLE), &[("key", key)])
                }
                Warning::Adjusted(key) => crate::i18n::fill(l.t(k::LINK_ADJUSTED), &[("key", key)]),
            })
            .collect();
        items.join(l.t(k::LIST_SEPARATOR))
    };
    Some(view! {
        <p class="notice" role="status" data-testid="link-notice" hidden=move || dismissed.get()>
            {tr(lang, k::LINK_NOTICE)}" "
            {move || describe(lang.get())}" "
            <button type="button" on:click=move |_| set_dismissed.set(true)>
                {tr(lang, k::DISMISS)}
            </button>
        </p>
    })
}

/// Offline support (B8): the service worker precaches the build. Skipped where unsupported.
fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            let registration = navigator.service_worker().register("sw.js");
            // A refused registration (private mode, file://) is not an error for the page.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
            });
        }
    }
}
