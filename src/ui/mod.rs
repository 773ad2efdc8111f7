//! The page, as small Leptos components. State is one `RwSignal<Inputs>` (plus the language);
//! the evaluation is one `Memo` derived from it; the view only reads them. Effects only talk to
//! the outside world: the address bar, `<html lang>`.
use leptos::prelude::*;

mod chart;
mod describe;
mod format;
mod import;
mod inputs;
mod panels;
mod result;
mod share_box;

use crate::i18n::{k, Lang};
use crate::model::{evaluate, Evaluation};
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

/// Mounts the app in `#app`, replacing the static shell (or in `<body>` if there is none).
pub fn mount() {
    let shell = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    match shell {
        Some(el) => {
            el.set_inner_html("");
            leptos::mount::mount_to(el, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
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

#[component]
pub fn App() -> impl IntoView {
    // Start from the link, if the page was opened with one.
    let (start, link_lang, warnings) = share::decode(&share::browser::current_query());
    let inputs = RwSignal::new(start);
    let lang = RwSignal::new(link_lang.unwrap_or_else(|| {
        let tags = browser_languages();
        Lang::negotiate(tags.iter().map(String::as_str))
    }));
    let lang_signal: Signal<Lang> = lang.into();
    let eval: Memo<Evaluation> = Memo::new(move |_| inputs.with(evaluate));
    let link = Memo::new(move |_| inputs.with(|i| share::encode(i, Some(lang.get()))));

    // <html lang> follows the language.
    Effect::new(move |_| {
        let tag = lang.get().tag();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", tag);
        }
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
    register_service_worker();

    view! {
        <a class="skip" href="#result">{tr(lang_signal, k::SKIP_TO_RESULT)}</a>
        <header class="top">
            <div class="brand"><span class="logo" aria-hidden="true">"cc"</span><span>"ccplan"</span></div>
            <LangSwitch lang />
        </header>
        <main>
            <h1>{tr(lang_signal, k::APP_TITLE)}</h1>
            <p class="lede">{tr(lang_signal, k::APP_LEDE)}</p>
            <LinkNotice warnings lang=lang_signal />
            <div class="layout">
                <inputs::InputsPanel inputs lang=lang_signal />
                <div class="stack">
                    <result::Recommendation eval inputs lang=lang_signal link />
                    <result::PlanCards eval lang=lang_signal />
                    <result::Costs eval inputs lang=lang_signal />
                    <chart::DemandChart eval lang=lang_signal />
                </div>
            </div>
            <div class="stack">
                <import::Import inputs lang=lang_signal />
                <panels::Advice eval inputs lang=lang_signal />
                <panels::Assumptions inputs lang=lang_signal />
            </div>
        </main>
        <footer>
            <p>{tr(lang_signal, k::FOOTER_SOURCE)}</p>
            <p>{tr(lang_signal, k::FOOTER_PRIVACY)}</p>
        </footer>
    }
}

#[component]
fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let button = move |l: Lang, label: &'static str, name: usize| {
        view! {
            <button
                type="button"
                data-testid=format!("lang-{}", l.tag())
                lang=l.tag()
                aria-pressed=move || (lang.get() == l).to_string()
                aria-label=move || l.t(name)
                on:click=move |_| lang.set(l)
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="langs" aria-label=tr(lang.into(), k::LANG_SWITCH)>
            {button(Lang::Fr, "FR", k::LANG_NAME)}
            {button(Lang::En, "EN", k::LANG_NAME)}
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
        <Show when=move || !dismissed.get()>
            <p class="notice" role="status" data-testid="link-notice">
                {tr(lang, k::LINK_NOTICE)}" "
                {
                    let describe = describe.clone();
                    move || describe(lang.get())
                }" "
                <button type="button" on:click=move |_| set_dismissed.set(true)>
                    {tr(lang, k::DISMISS)}
                </button>
            </p>
        </Show>
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
