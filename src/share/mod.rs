//! The link codec: the page's inputs ⇄ a query string with stable keys and `v=1`. The format and
//! its compatibility promise are in `docs/link-format.md`.
//!
//! Pure, so it is tested natively. [`decode`] never fails: unknown keys are ignored, values out
//! of range are clamped, unreadable values fall back to the default, a query over 2 KB is ignored
//! as a whole, the last duplicate wins, and every such case is reported as a [`Warning`] so the
//! page can say, discreetly, what it could not use. Only inputs travel in a link — never logs: a
//! calibration from imported limit hits travels as its plan and two dollar figures.
//! The browser glue (address bar, clipboard) is in `browser.rs`.

pub mod browser;

use crate::i18n::Lang;
use crate::model::{AssumptionKey, Calibration, Inputs, ModelChoice, NumInput, Plan};

/// The link format's version; a link without `v` is read as version 1.
pub const VERSION: &str = "1";
/// A query longer than this is ignored as a whole.
pub const MAX_QUERY_BYTES: usize = 2048;
/// Keys are echoed back to the visitor in warnings: cut them to a readable length.
const MAX_ECHOED_KEY: usize = 24;

/// What a link had that the page could not use as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The whole query was longer than [`MAX_QUERY_BYTES`] and was ignored.
    TooLong,
    /// The link was written by a later version of the format; read as well as possible.
    NewerVersion,
    /// A key this version does not know; ignored.
    Unknown(String),
    /// A value that could not be read; the default was used.
    Unreadable(String),
    /// A value out of range; the nearest allowed value was used.
    Adjusted(String),
}

/// The query string (without `?`) for these inputs and language. Every input is written, so a
/// link keeps meaning what its sender saw even if a later version changes a default.
pub fn encode(inputs: &Inputs, lang: Option<Lang>) -> String {
    let mut q = format!("v={VERSION}");
    let mut put = |key: &str, value: &str| {
        q.push('&');
        q.push_str(key);
        q.push('=');
        q.push_str(value);
    };
    put("model", inputs.model.id());
    for input in NumInput::ALL {
        put(input.key(), &number(inputs.num(input)));
    }
    put("aa", flag(inputs.auto_accept));
    put("xu", flag(inputs.extra_usage));
    for key in AssumptionKey::ALL {
        put(key.key(), &number(inputs.assumptions.get(key)));
    }
    if let Some(c) = &inputs.calibration {
        put(CAL_PLAN, c.plan.id());
        put(CAL_WINDOW, &number(c.window_usd));
        if let Some(week) = c.week_usd {
            put(CAL_WEEK, &number(week));
        }
    }
    if let Some(lang) = lang {
        put("lang", lang.tag());
    }
    q
}

/// The calibration's keys: the plan, its window and its week in dollars.
const CAL_PLAN: &str = "cp";
const CAL_WINDOW: &str = "cw";
const CAL_WEEK: &str = "ck";
/// Keys of links written before the window's dollars were an assumption of their own: the API
/// price of a light and of a heavy prompt. Read as the same price at the middle heaviness.
const LEGACY_PROMPT_LIGHT: &str = "pl";
const LEGACY_PROMPT_HEAVY: &str = "ph";

/// Values that only mean something together, gathered while the query is read.
#[derive(Default)]
struct Pending {
    plan: Option<Plan>,
    window: Option<f64>,
    week: Option<f64>,
    window_set: bool,
    prompt_light: Option<f64>,
    prompt_heavy: Option<f64>,
}

impl Pending {
    fn apply(self, inputs: &mut Inputs, warnings: &mut Vec<Warning>) {
        match (self.plan, self.window) {
            (Some(plan), Some(window_usd)) => {
                inputs.calibration = Calibration {
                    plan,
                    window_usd,
                    week_usd: self.week,
                    window_range: None,
                    hits: 0,
                    span_ms: None,
                }
                .clamped();
            }
            (None, None) => {}
            // Half a calibration is no calibration.
            (Some(_), None) => warnings.push(Warning::Unreadable(CAL_PLAN.into())),
            (None, Some(_)) => warnings.push(Warning::Unreadable(CAL_WINDOW.into())),
        }
        if let (false, Some(light), Some(heavy)) =
            (self.window_set, self.prompt_light, self.prompt_heavy)
        {
            // Max 5x's window at the middle heaviness holds √(50 × 200) = 100 prompts.
            let middle = Plan::Max5.facts().prompts_5h;
            let prompts = (middle.0 * middle.1).sqrt();
            inputs.assumptions.set(
                AssumptionKey::WindowUsd,
                (light * heavy.max(light)).sqrt() * prompts,
            );
        }
    }
}

/// Reads a query string (with or without its leading `?`). Never fails; see the module docs.
pub fn decode(query: &str) -> (Inputs, Option<Lang>, Vec<Warning>) {
    let mut inputs = Inputs::default();
    let mut pending = Pending::default();
    let mut lang = None;
    let mut warnings = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY_BYTES {
        return (inputs, lang, vec![Warning::TooLong]);
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = match percent_decode(raw_key) {
            Some(k) => k,
            None => {
                warnings.push(Warning::Unknown(echo(raw_key)));
                continue;
            }
        };
        let value = percent_decode(raw_value);
        let value = value.as_deref().map(str::trim);
        let outcome = apply(&mut inputs, &mut pending, &mut lang, &key, value);
        // The last duplicate wins: drop what an earlier copy of this key reported.
        let echoed = echo(&key);
        warnings.retain(
            |w| !matches!(w, Warning::Unreadable(k) | Warning::Adjusted(k) if *k == echoed),
        );
        match outcome {
            Outcome::Ok => {}
            Outcome::Unknown => warnings.push(Warning::Unknown(echoed)),
            Outcome::Unreadable => warnings.push(Warning::Unreadable(echoed)),
            Outcome::Adjusted => warnings.push(Warning::Adjusted(echoed)),
            Outcome::Newer => warnings.push(Warning::NewerVersion),
        }
    }
    pending.apply(&mut inputs, &mut warnings);
    warnings.dedup();
    (inputs, lang, warnings)
}

enum Outcome {
    Ok,
    Unknown,
    Unreadable,
    Adjusted,
    Newer,
}

fn apply(
    inputs: &mut Inputs,
    pending: &mut Pending,
    lang: &mut Option<Lang>,
    key: &str,
    value: Option<&str>,
) -> Outcome {
    let Some(value) = value else {
        return if is_known(key) {
            Outcome::Unreadable
        } else {
            Outcome::Unknown
        };
    };
    match key {
        "v" => {
            if value == VERSION {
                Outcome::Ok
            } else {
                Outcome::Newer
            }
        }
        "lang" => match Lang::from_tag(value) {
            Some(l) => {
                *lang = Some(l);
                Outcome::Ok
            }
            None => Outcome::Unreadable,
        },
        "model" => match ModelChoice::from_id(&value.to_ascii_lowercase()) {
            Some(m) => {
                inputs.model = m;
                Outcome::Ok
            }
            None => {
                inputs.model = Inputs::default().model;
                Outcome::Unreadable
            }
        },
        CAL_PLAN => match Plan::from_id(&value.to_ascii_lowercase()) {
            Some(p) => {
                pending.plan = Some(p);
                Outcome::Ok
            }
            None => {
                pending.plan = None;
                Outcome::Unreadable
            }
        },
        CAL_WINDOW | CAL_WEEK | LEGACY_PROMPT_LIGHT | LEGACY_PROMPT_HEAVY => {
            let x = crate::num::parse(value).filter(|x| *x > 0.0);
            let slot = match key {
                CAL_WINDOW => &mut pending.window,
                CAL_WEEK => &mut pending.week,
                LEGACY_PROMPT_LIGHT => &mut pending.prompt_light,
                _ => &mut pending.prompt_heavy,
            };
            *slot = x;
            if x.is_some() {
                Outcome::Ok
            } else {
                Outcome::Unreadable
            }
        }
        "aa" | "xu" => {
            let slot = if key == "aa" {
                &mut inputs.auto_accept
            } else {
                &mut inputs.extra_usage
            };
            match value {
                "1" | "true" => *slot = true,
                "0" | "false" => *slot = false,
                _ => {
                    *slot = false;
                    return Outcome::Unreadable;
                }
            }
            Outcome::Ok
        }
        _ => {
            if let Some(input) = NumInput::ALL.into_iter().find(|i| i.key() == key) {
                let (min, max, _, default) = input.range();
                match crate::num::parse(value) {
                    Some(x) => {
                        inputs.set_num(input, x);
                        if x < min || x > max {
                            Outcome::Adjusted
                        } else {
                            Outcome::Ok
                        }
                    }
                    None => {
                        inputs.set_num(input, default);
                        Outcome::Unreadable
                    }
                }
            } else if let Some(a) = AssumptionKey::ALL.into_iter().find(|a| a.key() == key) {
                pending.window_set |= a == AssumptionKey::WindowUsd;
                let meta = a.meta();
                match crate::num::parse(value) {
                    Some(x) => {
                        inputs.assumptions.set(a, x);
                        if x < meta.min || x > meta.max {
                            Outcome::Adjusted
                        } else {
                            Outcome::Ok
                        }
                    }
                    None => {
                        inputs.assumptions.set(a, meta.default);
                        Outcome::Unreadable
                    }
                }
            } else {
                Outcome::Unknown
            }
        }
    }
}

fn is_known(key: &str) -> bool {
    matches!(key, "v" | "lang" | "model" | "aa" | "xu")
        || [
            CAL_PLAN,
            CAL_WINDOW,
            CAL_WEEK,
            LEGACY_PROMPT_LIGHT,
            LEGACY_PROMPT_HEAVY,
        ]
        .contains(&key)
        || NumInput::ALL.iter().any(|i| i.key() == key)
        || AssumptionKey::ALL.iter().any(|a| a.key() == key)
}

/// Shortest text that reads back to the same `f64`.
fn number(x: f64) -> String {
    crate::num::text(x)
}

fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

/// `application/x-www-form-urlencoded` decoding; `None` for broken escapes or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hi = (hex[0] as char).to_digit(16)?;
                let lo = (hex[1] as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A key as it may be shown back to the visitor: printable, short.
fn echo(key: &str) -> String {
    let mut s: String = key
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_ECHOED_KEY)
        .collect();
    if key.chars().count() > MAX_ECHOED_KEY {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
