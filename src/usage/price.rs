//! API list prices: data with a date, and the rule that maps a model id to a row.
//!
//! Model ids are matched by family, not by exact id, as `ccusage` 20 does with its
//! (offline, LiteLLM-derived) table. What `ccusage` 20.0.24 charges was checked with its
//! binary on 1 M tokens of each kind; the rules below reproduce every case checked:
//!
//! | id (examples)                                           | row                |
//! |---------------------------------------------------------|--------------------|
//! | `claude-opus-4-5-…`, `claude-opus-4-6`, `…-4-7`, `opus` | Opus 4.5           |
//! | `claude-opus-4-1-…`, `claude-opus-4-20250514`, `claude-3-opus-…` | Opus 4 / 3 |
//! | `claude-sonnet-4-5-…`, `claude-sonnet-4-20250514`, `sonnet`, `…[1m]` | Sonnet 4 / 4.5 (dearer above 200k) |
//! | `claude-sonnet-4-6`, `claude-3-7-sonnet-…`, `claude-3-5-sonnet-…`, `claude-3-sonnet-…` | Sonnet (flat) |
//! | `claude-haiku-4-5-…`, `haiku`                           | Haiku 4.5          |
//! | `claude-3-5-haiku-…`                                    | Haiku 3.5          |
//! | `claude-3-haiku-…`                                      | Haiku 3            |
//!
//! Anything else (`claude-sonnet-4-7`, `claude-haiku-3-…`, `claude-2`, `gpt-…`, an empty id,
//! `<synthetic>`) has no price and costs 0, as in `ccusage`, unless the line carries its own
//! `costUSD`. Known differences: `ccusage` also prices some odd ids by fuzzy substring
//! search over its whole table (e.g. `claude` alone, `x`); those cost 0 here.
//!
//! The "above 200k" prices apply per entry and per kind of token, to the tokens beyond the
//! first 200 000, exactly as `ccusage` does for the 1 M-context Sonnet models. 1-hour cache
//! writes (`usage.cache_creation.ephemeral_1h_input_tokens`) cost twice the input price,
//! 5-minute ones 1.25 times, as `ccusage` 20 charges them.

/// The date on which these list prices were last checked.
pub const PRICE_TABLE_DATE: &str = "2026-11-26";

/// USD per million tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Price {
    pub input: f64,
    pub output: f64,
    /// 5-minute cache write.
    pub cache_write: f64,
    pub cache_read: f64,
    /// 1-hour cache write (twice the input price).
    pub cache_write_1h: f64,
    /// Prices (input, output, 5-minute write, read, 1-hour write) for the tokens of one kind
    /// beyond the first 200 000 in one entry, if dearer.
    pub above_200k: Option<[f64; 5]>,
}

/// One row of the price table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PriceRow {
    pub name: &'static str,
    pub price: Price,
}

const fn flat(input: f64, output: f64, cache_write: f64, cache_read: f64) -> Price {
    Price {
        input,
        output,
        cache_write,
        cache_read,
        cache_write_1h: 2.0 * input,
        above_200k: None,
    }
}

const OPUS_45: usize = 0;
const OPUS_4: usize = 1;
const SONNET_4: usize = 2;
const SONNET_FLAT: usize = 3;
const HAIKU_45: usize = 4;
const HAIKU_35: usize = 5;
const HAIKU_3: usize = 6;

/// The table (rows are referred to by index in [`price_row`]).
pub const PRICES: [PriceRow; 7] = [
    PriceRow {
        name: "Opus 4.5",
        price: flat(5.0, 25.0, 6.25, 0.50),
    },
    PriceRow {
        name: "Opus 4 / 4.1 / 3",
        price: flat(15.0, 75.0, 18.75, 1.50),
    },
    PriceRow {
        name: "Sonnet 4 / 4.5",
        price: Price {
            input: 3.0,
            output: 15.0,
            cache_write: 3.75,
            cache_read: 0.30,
            cache_write_1h: 6.0,
            above_200k: Some([6.0, 22.5, 7.5, 0.60, 12.0]),
        },
    },
    PriceRow {
        name: "Sonnet 4.6 / 3.x",
        price: flat(3.0, 15.0, 3.75, 0.30),
    },
    PriceRow {
        name: "Haiku 4.5",
        price: flat(1.0, 5.0, 1.25, 0.10),
    },
    PriceRow {
        name: "Haiku 3.5",
        price: flat(0.8, 4.0, 1.0, 0.08),
    },
    PriceRow {
        name: "Haiku 3",
        price: flat(0.25, 1.25, 0.30, 0.03),
    },
];

/// The minor version written right after `family-4` (`-5` in `opus-4-5-2025…`): `Some(0)` for
/// none (`opus-4` alone or followed by a date), `None` if `family-4` is absent.
fn minor_after(m: &str, prefix: &str) -> Option<u32> {
    let at = m.find(prefix)? + prefix.len();
    let rest = m.get(at..)?;
    if rest.is_empty() || rest.starts_with('[') {
        return Some(0);
    }
    let digits = rest.strip_prefix('-')?;
    let run = digits.bytes().take_while(u8::is_ascii_digit).count();
    if run == 0 || run >= 8 {
        return Some(0); // `-20250514`: a date, not a minor version
    }
    digits.bytes().take(run).try_fold(0u32, |a, c| {
        a.checked_mul(10)?.checked_add(u32::from(c - b'0'))
    })
}

/// Index into [`PRICES`] of a model id, or `None` when it has no known price.
pub fn price_row(model: &str) -> Option<usize> {
    let m = model.rsplit('/').next().unwrap_or(model);
    let m = m.split('[').next().unwrap_or(m);
    if m.contains("opus") {
        return match minor_after(m, "opus-4") {
            Some(n) if n >= 5 => Some(OPUS_45),
            Some(_) => Some(OPUS_4),
            None if m.contains("3-opus") => Some(OPUS_4),
            None if m == "opus" => Some(OPUS_45),
            None => None,
        };
    }
    if m.contains("sonnet") {
        return match minor_after(m, "sonnet-4") {
            Some(0 | 5) => Some(SONNET_4),
            Some(6) => Some(SONNET_FLAT),
            Some(_) => None,
            None if m.contains("3-7-sonnet")
                || m.contains("3-5-sonnet")
                || m.contains("3-sonnet") =>
            {
                Some(SONNET_FLAT)
            }
            None if m == "sonnet" => Some(SONNET_4),
            None => None,
        };
    }
    if m.contains("haiku") {
        return match minor_after(m, "haiku-4") {
            Some(5) => Some(HAIKU_45),
            Some(_) => None,
            None if m.contains("3-5-haiku") => Some(HAIKU_35),
            None if m.contains("3-haiku") => Some(HAIKU_3),
            None if m == "haiku" => Some(HAIKU_45),
            None => None,
        };
    }
    None
}

/// The price of a model id, if known.
pub fn price_for_model(model: &str) -> Option<&'static Price> {
    PRICES.get(price_row(model)?).map(|r| &r.price)
}

/// Cost in USD of one entry's tokens `[input, output, cache write, cache read]`, of which
/// `write_1h` cache writes are 1-hour ones (the rest 5-minute ones).
pub fn cost_of(price: &Price, tokens: [u64; 4], write_1h: u64) -> f64 {
    let [input, output, write, read] = tokens;
    let kinds = [
        (input, price.input),
        (output, price.output),
        (write.saturating_sub(write_1h), price.cache_write),
        (read, price.cache_read),
        (write_1h.min(write), price.cache_write_1h),
    ];
    let mut usd = 0.0;
    for (k, &(t, base)) in kinds.iter().enumerate() {
        usd += match price.above_200k {
            Some(tier) if t > 200_000 => {
                200_000.0 * base + (t - 200_000) as f64 * tier.get(k).copied().unwrap_or(base)
            }
            _ => t as f64 * base,
        };
    }
    usd / 1e6
}
