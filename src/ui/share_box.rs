//! "Copy link" (and the device's share sheet where there is one), with an announced result.
use leptos::prelude::*;

use super::tr;

use crate::i18n::{k, Lang};
use crate::model::Inputs;
use crate::share::browser::{can_share, copy_text, share, url_with_query, Copied};

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn ShareBox(lang: Signal<Lang>, link: Memo<String>, inputs: RwSignal<Inputs>) -> impl IntoView {
    let (status, set_status) = signal(Status::Idle);
    // Any change after a copy makes the old confirmation stale.
    Effect::watch(
        move || inputs.track(),
        move |_, _, _| set_status.set(Status::Idle),
        false,
    );
    let full_url = move || url_with_query(&link.get());
    let copy = move |_| {
        let text = full_url();
        leptos::task::spawn_local(async move {
            let copied = copy_text(&text).await;
            set_status.set(if copied == Copied::Failed {
                Status::Failed
            } else {
                Status::Copied
            });
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
            <Show when=move || status.get() == Status::Failed>
                <input class="manual" type="text" readonly aria-label=tr(lang, k::SHARE_MANUAL) prop:value=full_url />
            </Show>
        </div>
    }
}
