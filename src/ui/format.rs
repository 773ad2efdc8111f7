//! Numbers for people: Intl.NumberFormat through js-sys, one cached formatter per language and
//! style, so a slider step costs a lookup and a call, not a formatter construction.
use std::cell::RefCell;

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n::{fill, k, Lang};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Usd0,
    Usd2,
    Int,
    Dec1,
    Dec2,
    Percent,
}

thread_local! {
    static CACHE: RefCell<Vec<((Lang, Style), Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
}

fn formatter(lang: Lang, style: Style) -> Intl::NumberFormat {
    CACHE.with(|cache| {
        if let Some((_, f)) = cache.borrow().iter().find(|(key, _)| *key == (lang, style)) {
            return f.clone();
        }
        let options = Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = Reflect::set(&options, &k.into(), &v);
        };
        match style {
            Style::Usd0 | Style::Usd2 => {
                set("style", "currency".into());
                set("currency", "USD".into());
                let digits = if style == Style::Usd0 { 0 } else { 2 };
                set("minimumFractionDigits", digits.into());
                set("maximumFractionDigits", digits.into());
            }
            Style::Int => set("maximumFractionDigits", 0.into()),
            Style::Dec1 => set("maximumFractionDigits", 1.into()),
            Style::Dec2 => set("maximumFractionDigits", 2.into()),
            Style::Percent => {
                set("style", "percent".into());
                set("maximumFractionDigits", 0.into());
            }
        }
        let locales = Array::of1(&lang.tag().into());
        let f = Intl::NumberFormat::new(&locales, &options);
        cache.borrow_mut().push(((lang, style), f.clone()));
        f
    })
}

fn run(lang: Lang, style: Style, x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    formatter(lang, style)
        .format()
        .call1(&JsValue::UNDEFINED, &x.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| crate::num::text(x))
}

/// US dollars: whole dollars from $100 up, cents below (so "$4.20" but "$1,234").
pub fn usd(lang: Lang, x: f64) -> String {
    let style = if x.abs() >= 100.0 || (x.fract() == 0.0) {
        Style::Usd0
    } else {
        Style::Usd2
    };
    run(lang, style, x)
}

/// A whole number with the language's grouping ("20,000" / "20 000").
pub fn int(lang: Lang, x: f64) -> String {
    run(lang, Style::Int, x)
}

/// At most one decimal ("2.5" / "2,5").
pub fn dec1(lang: Lang, x: f64) -> String {
    run(lang, Style::Dec1, x)
}

/// At most two decimals ("1.67" / "1,67").
pub fn dec2(lang: Lang, x: f64) -> String {
    run(lang, Style::Dec2, x)
}

/// A ratio as a percentage (0.62 → "62%" / "62 %").
pub fn percent(lang: Lang, ratio: f64) -> String {
    run(lang, Style::Percent, ratio)
}

/// A duration in hours as "1 h 40 min" (or "40 min").
pub fn duration(lang: Lang, hours: f64) -> String {
    let minutes = (hours.max(0.0) * 60.0).round() as u64;
    let (h, m) = (minutes / 60, minutes % 60);
    let (h, m) = (h.to_string(), m.to_string());
    if h == "0" {
        fill(lang.t(k::UNIT_MIN), &[("m", &m)])
    } else {
        fill(lang.t(k::UNIT_H_MIN), &[("h", &h), ("m", &m)])
    }
}
