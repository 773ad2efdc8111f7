//! The inputs panel: each number is a slider with a number field beside it, both bound to the
//! one `RwSignal<Inputs>`; the model clamps, so nothing typed can put the page in a bad state.
use leptos::prelude::*;

use super::format;
use super::tr;
use crate::i18n::{fill, k, Lang};
use crate::model::{log10, pow, Inputs, ModelChoice, NumInput};
use crate::num;

/// The codebase slider is logarithmic: position 0..=LOG_STEPS maps to 10^2..10^7 lines.
const LOG_STEPS: f64 = 500.0;
const LOG_MIN: f64 = 2.0;
const LOG_MAX: f64 = 7.0;

fn loc_to_pos(loc: f64) -> f64 {
    ((log10(loc.max(1.0)) - LOG_MIN) / (LOG_MAX - LOG_MIN) * LOG_STEPS).clamp(0.0, LOG_STEPS)
}

/// A slider position → a round number of lines (two significant digits).
fn pos_to_loc(pos: f64) -> f64 {
    let raw = pow(10.0, LOG_MIN + pos / LOG_STEPS * (LOG_MAX - LOG_MIN));
    let magnitude = 10f64.powi(log10(raw).floor() as i32 - 1);
    (raw / magnitude).round() * magnitude
}

/// What each numeric input shows: its label, its unit (for aria-valuetext) and a hint.
fn texts(input: NumInput) -> (usize, usize, Option<usize>) {
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

/// "20,000 lines of code", "2.5 hours a day": the value with its unit, in the page's language.
fn value_text(lang: Lang, input: NumInput, value: f64) -> String {
    let (_, unit, _) = texts(input);
    let shown = if input == NumInput::Hours {
        format::dec1(lang, value)
    } else {
        format::int(lang, value)
    };
    fill(lang.t(unit), &[("v", &shown)])
}

#[component]
pub fn NumberField(input: NumInput, inputs: RwSignal<Inputs>, lang: Signal<Lang>) -> impl IntoView {
    let (min, max, step, _) = input.range();
    let (label, _, hint) = texts(input);
    let key = input.key();
    let is_log = input == NumInput::Loc;
    // A memo, not a plain closure: the slider's position must only be set when the kept value
    // changes. (The codebase slider rounds to two significant digits: re-setting its position
    // after every step would pull it back to the rounded value, and arrow keys would stall.)
    let value = Memo::new(move |_| inputs.with(|i| i.num(input)));
    let slider_id = format!("in-{key}");
    let number_id = format!("num-{key}");
    let (smin, smax, sstep) = if is_log {
        (0.0, LOG_STEPS, 1.0)
    } else {
        (min, max, step)
    };
    let set = move |x: f64| inputs.update(|i| i.set_num(input, x));
    view! {
        <div class="field">
            <label for=slider_id.clone()>
                <span>{tr(lang, label)}</span>
                {hint.map(|h| view! { <span class="hint">{tr(lang, h)}</span> })}
            </label>
            <input
                type="range"
                id=slider_id
                min=num::text(smin)
                max=num::text(smax)
                step=num::text(sstep)
                prop:value=move || if is_log { loc_to_pos(value.get()) } else { value.get() }
                aria-valuetext=move || value_text(lang.get(), input, value.get())
                on:input:target=move |ev| {
                    let x = ev.target().value_as_number();
                    if x.is_finite() {
                        set(if is_log { pos_to_loc(x) } else { x });
                    }
                }
            />
            <input
                type="number"
                id=number_id
                data-testid=key
                min=num::text(min)
                max=num::text(max)
                step=if is_log { "any".to_string() } else { num::text(step) }
                inputmode="decimal"
                aria-label=tr(lang, label)
                prop:value=move || value.get()
                on:change:target=move |ev| {
                    let target = ev.target();
                    // A number (with a comma or a dot) is set; anything else is ignored.
                    if let Some(x) = num::parse_typed(&target.value()) {
                        set(x);
                    }
                    // Show what the model kept: clamped, rounded, or the previous value.
                    target.set_value(&num::text(inputs.with_untracked(|i| i.num(input))));
                }
            />
            {is_log.then(|| view! {
                <div class="ticks" aria-hidden="true">
                    <span>"100"</span><span>"1k"</span><span>"10k"</span><span>"100k"</span><span>"1M"</span><span>"10M"</span>
                </div>
            })}
        </div>
    }
}

#[component]
pub fn ModelPicker(inputs: RwSignal<Inputs>, lang: Signal<Lang>) -> impl IntoView {
    let choice = move || inputs.with(|i| i.model);
    let option = move |m: ModelChoice, label: usize| {
        let id = format!("model-{}", m.id());
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="model"
                    value=m.id()
                    data-testid=id
                    prop:checked=move || choice() == m
                    on:change=move |_| inputs.update(|i| i.model = m)
                />
                <span>{tr(lang, label)}</span>
            </label>
        }
    };
    view! {
        <fieldset>
            <legend>{tr(lang, k::INPUT_MODEL_LABEL)}</legend>
            <div class="choices">
                {option(ModelChoice::Sonnet, k::MODEL_SONNET)}
                {option(ModelChoice::Opus, k::MODEL_OPUS)}
                {option(ModelChoice::Mix, k::MODEL_MIX)}
            </div>
            <div hidden=move || choice() != ModelChoice::Mix>
                <NumberField input=NumInput::OpusPct inputs lang />
            </div>
        </fieldset>
    }
}

#[component]
pub fn Toggle(
    testid: &'static str,
    label: usize,
    hint: usize,
    get: fn(&Inputs) -> bool,
    set: fn(&mut Inputs, bool),
    inputs: RwSignal<Inputs>,
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || inputs.with(get)
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    inputs.update(|i| set(i, on));
                }
            />
            <span>
                {tr(lang, label)}
                <small>{tr(lang, hint)}</small>
            </span>
        </label>
    }
}

#[component]
pub fn InputsPanel(inputs: RwSignal<Inputs>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="inputs-title">
            <h2 id="inputs-title">{tr(lang, k::INPUTS_TITLE)}</h2>
            <NumberField input=NumInput::Loc inputs lang />
            <ModelPicker inputs lang />
            <NumberField input=NumInput::Instances inputs lang />
            <fieldset>
                <legend>{tr(lang, k::INPUTS_PATTERN)}</legend>
                <NumberField input=NumInput::Hours inputs lang />
                <NumberField input=NumInput::Days inputs lang />
                <NumberField input=NumInput::Pace inputs lang />
                <NumberField input=NumInput::Chat inputs lang />
                <Toggle
                    testid="aa"
                    label=k::INPUT_AA_LABEL
                    hint=k::INPUT_AA_HINT
                    get=|i| i.auto_accept
                    set=|i, on| i.auto_accept = on
                    inputs
                    lang
                />
                <Toggle
                    testid="xu"
                    label=k::INPUT_XU_LABEL
                    hint=k::INPUT_XU_HINT
                    get=|i| i.extra_usage
                    set=|i, on| i.extra_usage = on
                    inputs
                    lang
                />
            </fieldset>
        </section>
    }
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
}
