//! The link codec (SPEC §4): the page's inputs ⇄ a query string with stable keys and `v=1`.
//!
//! Pure, so it is tested natively. [`decode`] never fails: unknown keys are ignored, values out
//! of range are clamped, unreadable values fall back to the default, a query over 2 KB is ignored
//! as a whole, the last duplicate wins, and every such case is reported as a [`Warning`] so the
//! page can say, discreetly, what it could not use. Only inputs travel in a link — never logs.
//! The browser glue (address bar, clipboard) is in `browser.rs`.

pub mod browser;

use crate::i18n::Lang;
use crate::model::{AssumptionKey, Inputs, ModelChoice, NumInput};

/// The link format's version; a link without `v` is read as version 1.
pub const VERSION: &str = "1";
/// A query longer than this is ignored as a whole (SPEC §4).
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
    if let Some(lang) = lang {
        put("lang", lang.tag());
    }
    q
}

/// Reads a query string (with or without its leading `?`). Never fails; see the module docs.
pub fn decode(query: &str) -> (Inputs, Option<Lang>, Vec<Warning>) {
    let mut inputs = Inputs::default();
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
        let outcome = apply(&mut inputs, &mut lang, &key, value);
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

fn apply(inputs: &mut Inputs, lang: &mut Option<Lang>, key: &str, value: Option<&str>) -> Outcome {
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
