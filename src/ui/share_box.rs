//! "Copy link" (and the device's share sheet where there is one), with an announced result.
use leptos::prelude::*;

use super::tr;

use crate::i18n::{k, Lang};
use crate::share::browser::{can_share, copy_text, share, url_with_query, Copied};

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn ShareBox(lang: Signal<Lang>, link: Memo<String>) -> impl IntoView {
    // The last copy: which link, and how it went. The status is derived from it, so any change
    // of the inputs (a new link) makes an old confirmation disappear by itself.
    let (last_copy, set_last_copy) = signal(None::<(String, Status)>);
    let status = Memo::new(move |_| {
        last_copy.with(|c| match c {
            Some((copied, status)) if link.with(|l| l == copied) => *status,
            _ => Status::Idle,
        })
    });
    let full_url = move || url_with_query(&link.get());
    let copy = move |_| {
        let query = link.get_untracked();
        let text = url_with_query(&query);
        leptos::task::spawn_local(async move {
            let status = if copy_text(&text).await == Copied::Failed {
                Status::Failed
            } else {
                Status::Copied
            };
            set_last_copy.set(Some((query, status)));
        });
    };
    let share = move |_| {
        let text = full_url();
        let title = lang.get_untracked().t(k::APP_TITLE);
        leptos::task::spawn_local(async move {
            // Dismissing the share sheet is not an error: nothing to report.
            let _ = share(title, &text).await;
        });
    };
    view! {
        <div class="share">
            <button type="button" class="primary" data-testid="copy-link" on:click=copy>
                {tr(lang, k::SHARE_COPY)}
            </button>
            {can_share().then(|| view! {
                <button type="button" data-testid="share" on:click=share>{tr(lang, k::SHARE_SHARE)}</button>
            })}
            <span class="status" role="status" aria-live="polite" data-testid="copy-status">
                {move || match status.get() {
                    Status::Idle => "",
                    Status::Copied => lang.get().t(k::SHARE_COPIED),
                    Status::Failed => lang.get().t(k::SHARE_FAILED),
                }}
            </span>
            <input class="manual" type="text" readonly hidden=move || status.get() != Status::Failed
                aria-label=tr(lang, k::SHARE_MANUAL) prop:value=full_url />
        </div>
    }
}
