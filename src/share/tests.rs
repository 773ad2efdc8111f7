use super::*;
use crate::model::{AssumptionKey, Inputs, ModelChoice, NumInput};

fn decoded(q: &str) -> Inputs {
    decode(q).0
}

#[test]
fn a_link_without_query_gives_the_defaults_and_no_warning() {
    assert_eq!(decode(""), (Inputs::default(), None, vec![]));
    assert_eq!(decode("?"), (Inputs::default(), None, vec![]));
}

#[test]
fn encode_writes_every_stable_key_with_the_version_first() {
    let q = encode(&Inputs::default(), Some(Lang::Fr));
    assert!(q.starts_with("v=1&"), "{q}");
    for key in [
        "model=sonnet",
        "loc=20000",
        "opus=30",
        "n=1",
        "h=4",
        "d=5",
        "pace=6",
        "aa=0",
        "chat=0",
        "xu=0",
        "lang=fr",
    ] {
        assert!(q.split('&').any(|p| p == key), "{key} missing from {q}");
    }
    for a in AssumptionKey::ALL {
        assert!(
            q.split('&')
                .any(|p| p.starts_with(&format!("{}=", a.key()))),
            "{} missing",
            a.key()
        );
    }
}

#[test]
fn spec_example_link_restores_each_input() {
    let (i, lang, w) =
        decode("?v=1&loc=1000000&model=opus&n=5&h=8&d=5&pace=6&aa=1&chat=40&xu=1&lang=en");
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(lang, Some(Lang::En));
    assert_eq!(
        (i.loc, i.model, i.instances, i.hours, i.days, i.pace),
        (1e6, ModelChoice::Opus, 5, 8.0, 5, 6.0)
    );
    assert!(i.auto_accept && i.extra_usage);
    assert_eq!(i.chat, 40);
}

#[test]
fn out_of_range_is_clamped_and_reported() {
    let (i, _, w) = decode("n=99&h=-3&loc=1e12");
    assert_eq!(i.instances, 20);
    assert_eq!(i.hours, 0.5);
    assert_eq!(i.loc, 10_000_000.0);
    assert_eq!(
        w,
        vec![
            Warning::Adjusted("n".into()),
            Warning::Adjusted("h".into()),
            Warning::Adjusted("loc".into())
        ]
    );
}

#[test]
fn unreadable_values_fall_back_to_defaults() {
    let (i, lang, w) = decode("n=NaN&h=inf&d=&pace=0x10&model=gpt&aa=yes&lang=de&chat=%zz");
    let d = Inputs::default();
    assert_eq!(
        (
            i.instances,
            i.hours,
            i.days,
            i.pace,
            i.model,
            i.auto_accept,
            i.chat
        ),
        (d.instances, d.hours, d.days, d.pace, d.model, false, d.chat)
    );
    assert_eq!(lang, None);
    for key in ["n", "h", "d", "pace", "model", "aa", "lang", "chat"] {
        assert!(w.contains(&Warning::Unreadable(key.into())), "{key}: {w:?}");
    }
}

#[test]
fn unknown_keys_are_ignored_and_named() {
    let (i, _, w) = decode("utm_source=x&n=2&<script>=1");
    assert_eq!(i.instances, 2);
    assert_eq!(
        w,
        vec![
            Warning::Unknown("utm_source".into()),
            Warning::Unknown("<script>".into())
        ]
    );
}

#[test]
fn the_last_duplicate_wins_and_earlier_complaints_are_dropped() {
    let (i, _, w) = decode("n=abc&n=3&n=4");
    assert_eq!(i.instances, 4);
    assert!(w.is_empty(), "{w:?}");
    let (i, _, w) = decode("n=4&n=abc");
    assert_eq!(i.instances, Inputs::default().instances);
    assert_eq!(w, vec![Warning::Unreadable("n".into())]);
}

#[test]
fn an_over_long_query_is_ignored_as_a_whole() {
    let q = format!("n=5&x={}", "a".repeat(MAX_QUERY_BYTES));
    assert_eq!(
        decode(&q),
        (Inputs::default(), None, vec![Warning::TooLong])
    );
}

#[test]
fn percent_encoding_and_plus_are_decoded() {
    assert_eq!(decoded("%6E=%33").instances, 3);
    assert_eq!(decoded("model=%4Fpus").model, ModelChoice::Opus);
    assert_eq!(decoded("h=+2.5").hours, 2.5);
    assert_eq!(percent_decode("%E2%82%AC"), Some("€".into()));
    assert_eq!(percent_decode("%FF"), None, "invalid UTF-8");
    assert_eq!(percent_decode("%4"), None, "truncated escape");
}

#[test]
fn a_newer_version_is_read_as_well_as_possible() {
    let (i, _, w) = decode("v=2&n=3");
    assert_eq!(i.instances, 3);
    assert_eq!(w, vec![Warning::NewerVersion]);
}

#[test]
fn echoed_keys_are_short_and_printable() {
    let (_, _, w) = decode(&format!("{}=1", "k".repeat(100)));
    match &w[..] {
        [Warning::Unknown(k)] => {
            assert!(k.chars().count() <= MAX_ECHOED_KEY + 1 && k.ends_with('…'))
        }
        other => panic!("{other:?}"),
    }
    let (_, _, w) = decode("a%0Ab=1");
    assert_eq!(w, vec![Warning::Unknown("ab".into())]);
}

#[test]
fn edited_assumptions_travel() {
    let mut i = Inputs::default();
    i.assumptions.set(AssumptionKey::Headroom, 0.7);
    i.assumptions.set(AssumptionKey::OpusWeight, 2.5);
    assert_eq!(decoded(&encode(&i, None)), i);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_model() -> impl Strategy<Value = ModelChoice> {
        prop_oneof![
            Just(ModelChoice::Sonnet),
            Just(ModelChoice::Opus),
            Just(ModelChoice::Mix)
        ]
    }

    /// Any valid inputs: every number anywhere in its range (rounded to its step by the model),
    /// every assumption anywhere in its range.
    fn any_inputs() -> impl Strategy<Value = Inputs> {
        (
            prop::array::uniform7(0.0f64..=1.0),
            prop::array::uniform8(0.0f64..=1.0),
            any_model(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(nums, assume, model, aa, xu)| {
                let mut i = Inputs {
                    model,
                    auto_accept: aa,
                    extra_usage: xu,
                    ..Inputs::default()
                };
                for (input, t) in NumInput::ALL.into_iter().zip(nums) {
                    let (min, max, _, _) = input.range();
                    i.set_num(input, min + t * (max - min));
                }
                for (key, t) in AssumptionKey::ALL.into_iter().zip(assume) {
                    let m = key.meta();
                    i.assumptions.set(key, m.min + t * (m.max - m.min));
                }
                i
            })
    }

    proptest! {
        #[test]
        fn decode_of_encode_is_identity(i in any_inputs(), fr in any::<bool>()) {
            let lang = if fr { Lang::Fr } else { Lang::En };
            let (back, l, w) = decode(&encode(&i, Some(lang)));
            prop_assert_eq!(back, i);
            prop_assert_eq!(l, Some(lang));
            prop_assert!(w.is_empty(), "{:?}", w);
        }

        #[test]
        fn decode_never_panics_and_always_yields_valid_inputs(q in ".{0,300}") {
            let (i, _, _) = decode(&q);
            prop_assert_eq!(i.clone().clamped(), i);
        }

        #[test]
        fn decode_of_plausible_garbage_yields_valid_inputs(
            pairs in prop::collection::vec(("(v|n|h|d|loc|pace|chat|opus|model|aa|xu|lang|hr|ow|zz)", "[-+0-9.eEa-z%]{0,12}"), 0..20)
        ) {
            let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let (i, _, _) = decode(&q.join("&"));
            prop_assert_eq!(i.clone().clamped(), i);
        }
    }
}

#[test]
fn a_calibration_travels_as_its_plan_and_two_numbers() {
    use crate::model::{Calibration, Plan};
    let i = Inputs {
        calibration: Some(Calibration {
            plan: Plan::Max5,
            window_usd: 42.5,
            week_usd: Some(480.0),
            // What the link does not carry: the hits' range, count and dates.
            window_range: Some((30.0, 50.0)),
            hits: 4,
            span_ms: Some((1.0, 2.0)),
        }),
        ..Inputs::default()
    };
    let q = encode(&i, None);
    assert!(q.ends_with("&cp=max5&cw=42.5&ck=480"), "{q}");
    let (back, _, w) = decode(&q);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(
        back.calibration,
        Some(Calibration {
            plan: Plan::Max5,
            window_usd: 42.5,
            week_usd: Some(480.0),
            window_range: None,
            hits: 0,
            span_ms: None,
        })
    );
    // Without a week; in any order.
    let c = decoded("cw=7&cp=pro").calibration;
    assert_eq!(
        c.map(|c| (c.plan, c.window_usd, c.week_usd)),
        Some((Plan::Pro, 7.0, None))
    );
    // Half a calibration, or a nonsense one, is none, and the page says so.
    for (q, key) in [
        ("cp=max5", "cp"),
        ("cw=40", "cw"),
        ("cp=ultra&cw=40", "cp"),
        ("cp=pro&cw=-3", "cw"),
    ] {
        let (i, _, w) = decode(q);
        assert_eq!(i.calibration, None, "{q}");
        assert!(w.contains(&Warning::Unreadable(key.into())), "{q}: {w:?}");
    }
    // Out of range: clamped.
    assert_eq!(
        decoded("cp=pro&cw=1e9").calibration.map(|c| c.window_usd),
        Some(10_000.0)
    );
}

#[test]
fn links_from_before_the_window_assumption_keep_their_prompt_price() {
    // pl/ph were the API price of a light and a heavy prompt: their middle, times the 100 prompts
    // Max 5x's window holds at the middle heaviness, is the window: $0.20 × 100 = $20.
    let (i, _, w) = decode("v=1&pl=0.1&ph=0.4");
    assert!(w.is_empty(), "{w:?}");
    assert!((i.assumptions.window_usd - 20.0).abs() < 1e-9);
    // A link that also carries the window keeps it.
    assert_eq!(decoded("pl=0.1&ph=0.4&wu=50").assumptions.window_usd, 50.0);
    // One of the two alone changes nothing.
    assert_eq!(decoded("pl=0.3").assumptions.window_usd, 35.0);
}
