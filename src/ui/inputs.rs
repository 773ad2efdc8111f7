//! The inputs panel: each number is a slider with a number field beside it, both bound to the
//! one `RwSignal<Inputs>` (see `events` and `page`); the model clamps, so nothing typed can put
//! the page in a bad state.
use super::format;
use super::markup::{attrs, flag, Html};
use crate::i18n::{fill, k, Key, Lang};
use crate::model::{log10, pow, Inputs, ModelChoice, NumInput};
use crate::num;

/// The codebase slider is logarithmic: position 0..=LOG_STEPS maps to 10^2..10^7 lines.
const LOG_STEPS: f64 = 500.0;
const LOG_MIN: f64 = 2.0;
const LOG_MAX: f64 = 7.0;

pub fn loc_to_pos(loc: f64) -> f64 {
    ((log10(loc.max(1.0)) - LOG_MIN) / (LOG_MAX - LOG_MIN) * LOG_STEPS).clamp(0.0, LOG_STEPS)
}

/// A slider position → a round number of lines (two significant digits).
pub fn pos_to_loc(pos: f64) -> f64 {
    let raw = pow(10.0, LOG_MIN + pos / LOG_STEPS * (LOG_MAX - LOG_MIN));
    let magnitude = 10f64.powi(log10(raw).floor() as i32 - 1);
    (raw / magnitude).round() * magnitude
}

/// What each numeric input shows: its label, its unit (for aria-valuetext) and a hint.
fn texts(input: NumInput) -> (Key, Key, Option<Key>) {
    match input {
        NumInput::Loc => (
            k::INPUT_LOC_LABEL,
            k::INPUT_LOC_UNIT,
            Some(k::INPUT_LOC_HINT),
        ),
        NumInput::OpusPct => (k::INPUT_OPUS_LABEL, k::INPUT_OPUS_UNIT, None),
        NumInput::Instances => (k::INPUT_N_LABEL, k::INPUT_N_UNIT, Some(k::INPUT_N_HINT)),
        NumInput::Hours => (k::INPUT_H_LABEL, k::INPUT_H_UNIT, None),
        NumInput::Days => (k::INPUT_D_LABEL, k::INPUT_D_UNIT, None),
        NumInput::Pace => (
            k::INPUT_PACE_LABEL,
            k::INPUT_PACE_UNIT,
            Some(k::INPUT_PACE_HINT),
        ),
        NumInput::Chat => (
            k::INPUT_CHAT_LABEL,
            k::INPUT_CHAT_UNIT,
            Some(k::INPUT_CHAT_HINT),
        ),
    }
}

/// The unit's singular form, for the inputs that count things.
fn unit_one(input: NumInput) -> Option<Key> {
    match input {
        NumInput::Instances => Some(k::INPUT_N_UNIT_ONE),
        NumInput::Hours => Some(k::INPUT_H_UNIT_ONE),
        NumInput::Days => Some(k::INPUT_D_UNIT_ONE),
        NumInput::Pace => Some(k::INPUT_PACE_UNIT_ONE),
        NumInput::Chat => Some(k::INPUT_CHAT_UNIT_ONE),
        NumInput::Loc | NumInput::OpusPct => None,
    }
}

/// "20,000 lines of code", "2.5 hours a day", "1 instance": the value with its unit, in the
/// page's language (singular for 1 in English, below 2 in French: « 0,5 heure »).
pub fn value_text(lang: Lang, input: NumInput, value: f64) -> String {
    let (_, unit, _) = texts(input);
    let shown = if input == NumInput::Hours {
        format::dec1(lang, value)
    } else {
        format::int(lang, value)
    };
    let singular = match lang {
        Lang::En => value == 1.0,
        Lang::Fr => value < 2.0,
    };
    let unit = unit_one(input).filter(|_| singular).unwrap_or(unit);
    fill(lang.t(unit), &[("v", &shown)])
}

/// The slider's position for a value (the codebase slider is logarithmic).
pub fn slider_value(input: NumInput, value: f64) -> f64 {
    if input == NumInput::Loc {
        loc_to_pos(value)
    } else {
        value
    }
}

/// A slider with a number field beside it. The slider's id is `in-<key>`, the field's
/// `num-<key>` (its `data-testid` is the key).
fn number_field(h: &mut Html, l: Lang, input: NumInput, i: &Inputs) {
    let (min, max, step, _) = input.range();
    let (label, _, hint) = texts(input);
    let key = input.key();
    let is_log = input == NumInput::Loc;
    let value = i.num(input);
    let slider_id = ["in-", key].concat();
    let number_id = ["num-", key].concat();
    let number_step = if is_log {
        "any".to_string()
    } else {
        num::text(step)
    };
    let (smin, smax, sstep) = if is_log {
        (0.0, LOG_STEPS, 1.0)
    } else {
        (min, max, step)
    };
    h.wrap("div", &[("class", "field")], |h| {
        h.wrap("label", &[("for", &slider_id)], |h| {
            h.el("span", &[], l.t(label));
            if let Some(hint) = hint {
                h.el("span", &[("class", "hint")], l.t(hint));
            }
        })
        .void(
            "input",
            &[
                ("type", "range"),
                ("id", &slider_id),
                ("min", &num::text(smin)),
                ("max", &num::text(smax)),
                ("step", &num::text(sstep)),
                ("value", &num::text(slider_value(input, value))),
                ("aria-valuetext", &value_text(l, input, value)),
            ],
        )
        .void(
            "input",
            &[
                ("type", "number"),
                ("id", &number_id),
                ("data-testid", key),
                ("min", &num::text(min)),
                ("max", &num::text(max)),
                ("step", &number_step),
                ("inputmode", "decimal"),
                ("aria-label", l.t(label)),
                ("value", &num::text(value)),
            ],
        );
        if is_log {
            h.wrap("div", &[("class", "ticks"), ("aria-hidden", "true")], |h| {
                for t in ["100", "1k", "10k", "100k", "1M", "10M"] {
                    h.el("span", &[], t);
                }
            });
        }
    });
}

fn model_picker(h: &mut Html, l: Lang, i: &Inputs) {
    h.wrap("fieldset", &[], |h| {
        h.el("legend", &[], l.t(k::INPUT_MODEL_LABEL))
            .wrap("div", &[("class", "choices")], |h| {
                for (m, label) in [
                    (ModelChoice::Sonnet, k::MODEL_SONNET),
                    (ModelChoice::Opus, k::MODEL_OPUS),
                    (ModelChoice::Mix, k::MODEL_MIX),
                ] {
                    let testid = ["model-", m.id()].concat();
                    h.wrap("label", &[("class", "choice")], |h| {
                        h.void(
                            "input",
                            &attrs(
                                &[
                                    ("type", "radio"),
                                    ("name", "model"),
                                    ("value", m.id()),
                                    ("data-testid", &testid),
                                ],
                                &[("checked", flag(i.model == m))],
                            ),
                        )
                        .el("span", &[], l.t(label));
                    });
                }
            })
            .wrap(
                "div",
                &attrs(
                    &[("id", "opus-share")],
                    &[("hidden", flag(i.model != ModelChoice::Mix))],
                ),
                |h| number_field(h, l, NumInput::OpusPct, i),
            );
    });
}

fn toggle(h: &mut Html, l: Lang, testid: &'static str, label: Key, hint: Key, on: bool) {
    h.wrap("label", &[("class", "toggle")], |h| {
        h.void(
            "input",
            &attrs(
                &[("type", "checkbox"), ("data-testid", testid)],
                &[("checked", flag(on))],
            ),
        )
        .wrap("span", &[], |h| {
            h.text(l.t(label)).el("small", &[], l.t(hint));
        });
    });
}

/// The inputs panel.
pub fn inputs_section(h: &mut Html, l: Lang, i: &Inputs) {
    h.wrap(
        "section",
        &[("class", "panel"), ("aria-labelledby", "inputs-title")],
        |h| {
            h.el("h2", &[("id", "inputs-title")], l.t(k::INPUTS_TITLE));
            number_field(h, l, NumInput::Loc, i);
            model_picker(h, l, i);
            number_field(h, l, NumInput::Instances, i);
            h.wrap("fieldset", &[], |h| {
                h.el("legend", &[], l.t(k::INPUTS_PATTERN));
                for input in [
                    NumInput::Hours,
                    NumInput::Days,
                    NumInput::Pace,
                    NumInput::Chat,
                ] {
                    number_field(h, l, input, i);
                }
                toggle(
                    h,
                    l,
                    "aa",
                    k::INPUT_AA_LABEL,
                    k::INPUT_AA_HINT,
                    i.auto_accept,
                );
                toggle(
                    h,
                    l,
                    "xu",
                    k::INPUT_XU_LABEL,
                    k::INPUT_XU_HINT,
                    i.extra_usage,
                );
            });
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_slider_covers_the_range_with_round_numbers() {
        assert_eq!(pos_to_loc(0.0), 100.0);
        assert_eq!(pos_to_loc(LOG_STEPS), 10_000_000.0);
        assert_eq!(pos_to_loc(loc_to_pos(20_000.0)), 20_000.0);
        assert_eq!(pos_to_loc(loc_to_pos(1_000.0)), 1_000.0);
        let mut last = 0.0;
        for p in 0..=LOG_STEPS as u32 {
            let loc = pos_to_loc(p as f64);
            assert!(loc >= last, "the slider is monotonic");
            last = loc;
        }
    }

    #[test]
    fn slider_values_read_in_the_singular_for_one() {
        assert_eq!(value_text(Lang::En, NumInput::Instances, 1.0), "1 instance");
        assert_eq!(
            value_text(Lang::En, NumInput::Instances, 6.0),
            "6 instances"
        );
        assert_eq!(
            value_text(Lang::En, NumInput::Hours, 0.5),
            "0.5 hours a day"
        );
        assert_eq!(value_text(Lang::En, NumInput::Days, 1.0), "1 day a week");
        assert_eq!(
            value_text(Lang::Fr, NumInput::Hours, 1.5),
            "1,5 heure par jour"
        );
        assert_eq!(
            value_text(Lang::Fr, NumInput::Instances, 2.0),
            "2 instances"
        );
    }
}
