//! "Your real usage": import Claude Code logs or a ccusage export (or the sample logs), read in a
//! Web Worker (see `usage::browser`), which keeps the import and writes its report
//! (`ui::report`) whenever the inputs, the language or the plan the visitor was on change. The
//! page's one answer follows the import until an input changes (see `PageState::eval`).
//! Nothing is uploaded: the worker reads the files locally.
use super::prelude::*;

use super::format;
use super::markup::{attrs, flag, Html, Markup};
use super::result::{button_attrs, hundredths, plan_name, tag};
use super::{Imported, PageState};
use crate::i18n::{fill, k, Lang};
use crate::model::{Inputs, Plan};
use crate::usage::browser::{self, First, FromWorker, View};

/// Where the import is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    Idle,
    Running {
        bytes: f64,
        total: f64,
        files: f64,
        count: f64,
    },
    /// The worker holds the import and writes its report.
    Done,
    Failed,
}

fn mb(l: Lang, bytes: f64) -> String {
    format::dec1(l, bytes / 1_000_000.0)
}

/// Starts an import of `first` (`count` files).
pub fn start(s: PageState, first: First, count: f64) {
    s.imported.set(None);
    s.import.set(Progress::Running {
        bytes: 0.0,
        total: 0.0,
        files: 0.0,
        count,
    });
    let on_message = move |msg: FromWorker| match msg {
        FromWorker::Ready => {}
        FromWorker::Progress {
            bytes,
            total,
            files,
        } => s.import.set(Progress::Running {
            bytes,
            total,
            files,
            count,
        }),
        FromWorker::Done => {
            s.import_at.set_value(Some(s.inputs.get_untracked()));
            s.import.set(Progress::Done);
        }
        FromWorker::View(view) => apply(s, view),
    };
    if !browser::start(first, on_message, move || s.import.set(Progress::Failed)) {
        s.import.set(Progress::Failed);
    }
}

/// Ends the import (Cancel).
pub fn cancel(s: PageState) {
    browser::stop();
    s.imported.set(None);
    s.import.set(Progress::Idle);
}

/// Whether the page's answer follows the import now.
pub fn leads(s: PageState) -> bool {
    s.imported.with(|m| match m {
        Some(m) => s.inputs.with(|i| m.leads(i)),
        None => s.import.with(|p| *p == Progress::Done),
    })
}

/// Makes the import's answer the page's answer again, with the inputs as they are.
pub fn lead_again(s: PageState) {
    let now = s.inputs.get_untracked();
    s.imported.update(|m| {
        if let Some(m) = m {
            m.at = now;
        }
    });
}

/// Sets the inputs, keeping the answer on the import if it was there (for changes the import's
/// own controls make: the plan the visitor was on, and the calibration it gives).
fn set_keeping_lead(s: PageState, change: impl FnOnce(&mut Inputs)) {
    let was = s.imported.with_untracked(|m| {
        m.as_ref()
            .is_some_and(|m| s.inputs.with_untracked(|i| m.leads(i)))
    });
    s.inputs.update(change);
    if was {
        lead_again(s);
    }
}

/// A report from the worker: the page's import takes it (keeping when its answer started to
/// lead); with a plan chosen, the calibration of that plan's hits becomes the inputs'.
fn apply(s: PageState, view: View) {
    let calibration = view.calibration;
    s.imported.update(|m| match m {
        Some(m) => m.view = view,
        None => {
            *m = Some(Imported {
                view,
                at: s
                    .import_at
                    .get_value()
                    .unwrap_or_else(|| s.inputs.get_untracked()),
            })
        }
    });
    // A calibration that came with a link (no hits counted here) stays unless replaced.
    let from_import = s
        .inputs
        .with_untracked(|i| i.calibration.is_none_or(|c| c.hits > 0));
    if s.current.get_untracked().is_some()
        && from_import
        && s.inputs.with_untracked(|i| i.calibration != calibration)
    {
        set_keeping_lead(s, |i| i.calibration = calibration);
    }
}

/// The plan the visitor says they were on (`None`: they do not know). Not knowing drops a
/// calibration that came from these hits.
pub fn choose_plan(s: PageState, plan: Option<Plan>) {
    s.current.set(plan);
    if plan.is_none()
        && s.inputs
            .with_untracked(|i| i.calibration.is_some_and(|c| c.hits > 0))
    {
        set_keeping_lead(s, |i| i.calibration = None);
    }
}

/// "Use these numbers in the calculator": the inputs the worker suggested.
pub fn use_numbers(s: PageState) {
    let query = s
        .imported
        .with_untracked(|m| m.as_ref().map(|m| m.view.suggested.clone()));
    if let Some(q) = query {
        s.inputs.set(crate::share::decode(&q).0);
    }
}

/// Asks the worker for the report whenever what it shows changes (an effect: it talks to the
/// worker). `leads` is a memo, so that a new report, which changes `imported`, does not ask for
/// another one.
pub fn keep_report_current(s: PageState) {
    let leads = Memo::new(move |_| leads(s));
    super::effect(Box::new(move || {
        if s.import.with(|p| *p == Progress::Done) {
            let query = s.inputs.with(|i| crate::share::encode(i, None));
            browser::render(
                &query,
                s.lang.get().tag(),
                s.current.get().map(Plan::id),
                leads.get(),
            );
        }
    }));
}

/// The import section: its controls, and its regions (`import-status`, `import-report`,
/// `import-link`, `import-actions`).
pub fn import_section(h: &mut Html, l: Lang, v: &super::page::View<'_>) {
    let disabled = flag(!v.importer);
    h.wrap(
        "section",
        &[("class", "panel"), ("aria-labelledby", "import-title")],
        |h| {
            h.wrap("h2", &[("id", "import-title")], |h| {
                h.text(l.t(k::IMPORT_TITLE)).text(" ");
                tag(h, l, "data");
            })
            .el("p", &[("class", "muted")], l.t(k::IMPORT_INTRO))
            .wrap("div", &[("class", "drop"), ("data-testid", "drop")], |h| {
                h.wrap("p", &[], |h| {
                    h.el("label", &[("for", "import-files")], l.t(k::IMPORT_FILES))
                        .text(" ")
                        .void(
                            "input",
                            &attrs(
                                &[
                                    ("id", "import-files"),
                                    ("type", "file"),
                                    ("multiple", ""),
                                    ("accept", ".jsonl,.json"),
                                    ("data-testid", "import-input"),
                                ],
                                &[("disabled", disabled)],
                            ),
                        );
                })
                .wrap("p", &[], |h| {
                    h.el("label", &[("for", "import-folder")], l.t(k::IMPORT_FOLDER))
                        .text(" ")
                        .void(
                            "input",
                            &attrs(
                                &[
                                    ("id", "import-folder"),
                                    ("type", "file"),
                                    ("multiple", ""),
                                    ("webkitdirectory", ""),
                                    ("data-testid", "import-folder"),
                                ],
                                &[("disabled", disabled)],
                            ),
                        );
                })
                .el("p", &[("class", "muted")], l.t(k::IMPORT_DROP));
                if v.sample {
                    h.wrap("p", &[], |h| {
                        h.el(
                            "button",
                            &attrs(
                                &[("type", "button"), ("data-testid", "import-sample")],
                                &[("disabled", disabled)],
                            ),
                            l.t(k::IMPORT_SAMPLE),
                        );
                    });
                }
            })
            .wrap("p", &[("class", "field-inline")], |h| {
                h.el(
                    "label",
                    &[("for", "current-plan")],
                    l.t(k::IMPORT_CURRENT_PLAN),
                )
                .text(" ")
                .wrap(
                    "select",
                    &[("id", "current-plan"), ("data-testid", "current-plan")],
                    |h| {
                        let option = |h: &mut Html, value: &str, text: &str, on: bool| {
                            h.el(
                                "option",
                                &attrs(&[("value", value)], &[("selected", flag(on))]),
                                text,
                            );
                        };
                        option(
                            h,
                            "unknown",
                            l.t(k::IMPORT_PLAN_UNKNOWN),
                            v.current.is_none(),
                        );
                        for p in Plan::ALL {
                            option(h, p.id(), plan_name(l, p), v.current == Some(p));
                        }
                    },
                );
            })
            .wrap(
                "div",
                &[("id", "import-status"), ("aria-live", "polite")],
                |h| {
                    h.markup(&status(l, v.progress));
                },
            )
            .wrap("div", &[("id", "import-report")], |h| {
                h.markup(&report(v.imported));
            })
            .wrap("div", &[("id", "import-link")], |h| {
                h.markup(&link_calibration(l, v.inputs, v.imported.is_some()));
            })
            .wrap("p", &[("id", "import-actions"), ("class", "share")], |h| {
                h.markup(&actions(
                    l,
                    v.progress,
                    v.imported.is_some(),
                    v.leads,
                    v.inputs,
                ));
            });
        },
    );
}

/// Region `import-report`: the worker's report.
pub fn report(imported: Option<&Imported>) -> Markup {
    imported
        .map(|m| Markup::from_import_worker(m.view.html.clone()))
        .unwrap_or_default()
}

/// Region `import-actions`: cancel while reading; with a report, use its numbers or make the
/// answer follow it again; with a link's calibration, forget it.
pub fn actions(l: Lang, p: Progress, has_report: bool, leads: bool, i: &Inputs) -> Markup {
    let running = matches!(p, Progress::Running { .. });
    let link_calibration = i.calibration.is_some_and(|c| c.hits == 0);
    let mut h = Html::new();
    h.el(
        "button",
        &button_attrs("import-cancel", None, !running),
        l.t(k::IMPORT_CANCEL),
    )
    .el(
        "button",
        &button_attrs("use-data", Some("primary"), !has_report),
        l.t(k::IMPORT_USE),
    )
    .el(
        "button",
        &button_attrs("answer-from-data", None, !has_report || leads),
        l.t(k::IMPORT_LEAD_AGAIN),
    )
    .el(
        "button",
        &button_attrs("calibration-forget", None, !link_calibration),
        l.t(k::IMPORT_CALIBRATION_FORGET),
    );
    h.finish()
}

/// Region `import-link`: a calibration that came with a link (no limit hits counted in this
/// page), said with the test hooks of the import's calibration.
pub fn link_calibration(l: Lang, i: &Inputs, imported: bool) -> Markup {
    let mut h = Html::new();
    if let Some(c) = i.calibration.filter(|c| c.hits == 0 && !imported) {
        let usd = hundredths(c.window_usd);
        h.wrap(
            "div",
            &[
                ("data-testid", "calibration"),
                ("data-source", "data"),
                ("class", "calibration"),
                ("data-plan", c.plan.id()),
                ("data-window-usd", &usd),
                ("data-window-usd-min", &usd),
                ("data-window-usd-max", &usd),
            ],
            |h| {
                h.wrap("p", &[], |h| {
                    tag(h, l, "data");
                    h.text(" ").text(&fill(
                        l.t(k::IMPORT_CALIBRATION_LINK),
                        &[
                            ("plan", plan_name(l, c.plan)),
                            ("usd", &format::usd(l, c.window_usd)),
                        ],
                    ));
                });
            },
        );
    }
    h.finish()
}

/// Region `import-status`: nothing yet, reading (with a progress bar), or failed.
pub fn status(l: Lang, p: Progress) -> Markup {
    let mut h = Html::new();
    match p {
        Progress::Idle | Progress::Done => {}
        Progress::Failed => {
            h.el("p", &[("class", "warning")], l.t(k::IMPORT_FAILED));
        }
        Progress::Running {
            bytes,
            total,
            files,
            count,
        } => {
            h.wrap("p", &[], |h| {
                h.el(
                    "progress",
                    &[
                        ("max", &crate::num::text(total.max(1.0))),
                        ("value", &crate::num::text(bytes)),
                        ("aria-label", l.t(k::IMPORT_PROGRESS)),
                    ],
                    "",
                )
                .text(" ")
                .text(&fill(
                    l.t(k::IMPORT_READ),
                    &[
                        ("done", &mb(l, bytes)),
                        ("total", &mb(l, total)),
                        ("files", &format::int(l, files)),
                        ("count", &format::int(l, count)),
                    ],
                ));
            });
        }
    }
    h.finish()
}
