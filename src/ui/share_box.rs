//! "Copy link" (and the device's share sheet where there is one), with an announced result.
//! Region `share`; the clicks are handled in `events`.
use super::markup::{Html, Markup};
use crate::i18n::{k, Lang};

/// How the last copy of the current link went. Derived in the page from the last copy and the
/// current link, so a change of the inputs (a new link) makes an old confirmation go by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Idle,
    Copied,
    Failed,
}

/// Region `share`: the buttons, the status, and the link to copy by hand when copying failed.
pub fn share_box(l: Lang, status: Status, can_share: bool, url: &str) -> Markup {
    let mut h = Html::new();
    h.el(
        "button",
        &[
            ("type", "button"),
            ("class", "primary"),
            ("data-testid", "copy-link"),
        ],
        l.t(k::SHARE_COPY),
    );
    if can_share {
        h.el(
            "button",
            &[("type", "button"), ("data-testid", "share")],
            l.t(k::SHARE_SHARE),
        );
    }
    h.el(
        "span",
        &[
            ("class", "status"),
            ("role", "status"),
            ("data-testid", "copy-status"),
        ],
        match status {
            Status::Idle => "",
            Status::Copied => l.t(k::SHARE_COPIED),
            Status::Failed => l.t(k::SHARE_FAILED),
        },
    );
    if status == Status::Failed {
        h.void(
            "input",
            &[
                ("class", "manual"),
                ("type", "text"),
                ("readonly", ""),
                ("aria-label", l.t(k::SHARE_MANUAL)),
                ("value", url),
            ],
        );
    }
    h.finish()
}
