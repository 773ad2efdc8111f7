//! Browser glue for the link codec: read `location.search`, write the address bar with
//! `history.replaceState` (no history entry per slider step), and copy the link.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The current query string, without `?` ("" when the page has none or it cannot be read).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the address bar's query, keeping the path (the page may live under a sub-path).
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("?{query}");
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// The full URL of the page with this query.
pub fn url_with_query(query: &str) -> String {
    let Some(window) = web_sys::window() else {
        return format!("?{query}");
    };
    let location = window.location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// How a copy went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// Written by the asynchronous Clipboard API.
    Clipboard,
    /// The Clipboard API was missing or refused; copied by selecting a text field.
    Fallback,
    /// Neither worked: the page shows the link for the visitor to copy by hand.
    Failed,
}

/// Copies `text`: the Clipboard API first, then the old select-and-copy way.
pub async fn copy_text(text: &str) -> Copied {
    if let Some(window) = web_sys::window() {
        let clipboard = window.navigator().clipboard();
        // `navigator.clipboard` is undefined on insecure origins: check before calling.
        if !clipboard.is_undefined() && JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return Copied::Clipboard;
        }
        if copy_with_selection(&window, text) {
            return Copied::Fallback;
        }
    }
    Copied::Failed
}

fn copy_with_selection(window: &web_sys::Window, text: &str) -> bool {
    let Some(document) = window.document() else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(el) = document.create_element("textarea") else {
        return false;
    };
    let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("class", "offscreen");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let ok = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    ok
}

/// Opens the device's share sheet where there is one (Web Share API). `false` when absent or
/// dismissed, so the caller can fall back to copying.
pub async fn share(title: &str, url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if !has_share {
        return false;
    }
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    JsFuture::from(navigator.share_with_data(&data))
        .await
        .is_ok()
}

/// Whether the device offers a share sheet.
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}
