//! Browser tests (wasm-bindgen-test in headless Chromium): the components mounted in a real DOM,
//! driven through the data-testid hooks of docs/test-hooks.md, checked against the model.
#![cfg(target_arch = "wasm32")]

use ccplan::i18n::{k, Lang};
use ccplan::model::{evaluate, Inputs, ModelChoice, NumInput};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    // Leptos schedules render effects on the microtask queue; a macrotask lets them all run.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// One page mounted in its own container; dropping it unmounts the page (cancelling its pending
/// address-bar update) and removes the container, so tests do not see each other's state.
struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl std::ops::Deref for Mounted {
    type Target = HtmlElement;
    fn deref(&self) -> &HtmlElement {
        &self.root
    }
}

/// Mounts a fresh page (at a clean URL) in its own copy of index.html's static shell, as the
/// page does, and waits for every part of it and the first render.
async fn mount() -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?"))
        .unwrap();
    let document = window.document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    root.set_inner_html(
        r##"<a id="skip" href="#result"></a><header><div id="langs"></div></header>
        <main><h1 id="title"></h1><p id="lede"></p><div id="app"></div></main>"##,
    );
    document.body().unwrap().append_child(&root).unwrap();
    let handle = ccplan::ui::mount_page().await;
    settle().await;
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

fn find(root: &HtmlElement, testid: &str) -> Element {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
}

fn attr(root: &HtmlElement, testid: &str, name: &str) -> String {
    find(root, testid).get_attribute(name).unwrap_or_default()
}

async fn type_number(root: &HtmlElement, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, testid).dyn_into().unwrap();
    input.set_value(value);
    // As a browser fires it: `change` bubbles (the page listens on the document).
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
}

async fn click(root: &HtmlElement, testid: &str) {
    find(root, testid)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
}

/// The markup as the parser reads it, up to the escapes the serializer writes otherwise.
fn canonical(html: &str) -> String {
    html.replace("&nbsp;", "\u{a0}")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The summary of the limit-hits fixture (`tests/data/usage/limits`), imported here.
fn limits_summary() -> ccplan::usage::summary::Summary {
    let mut importer = ccplan::usage::Importer::new();
    for (name, text) in [
        (
            "a.jsonl",
            include_str!("data/usage/limits/projects/-home-dev-shop/1c0ffee0-000a-4000-8000-00000000000a.jsonl"),
        ),
        (
            "c.jsonl",
            include_str!("data/usage/limits/projects/-home-dev-api/1c0ffee0-000c-4000-8000-00000000000c.jsonl"),
        ),
    ] {
        importer.begin_file(name);
        importer.feed(text.as_bytes());
        importer.end_file();
    }
    ccplan::usage::summary::Summary::from_report(&importer.finish())
}

/// Every region is well-formed: the page's markup, parsed by the browser and written back, is the
/// same markup (an element left open, closed twice or put where HTML does not allow it would
/// come back nested otherwise).
#[wasm_bindgen_test]
fn the_page_markup_parses_back_to_itself() {
    use ccplan::share::Warning;
    let document = web_sys::window().unwrap().document().unwrap();
    let mut busy = Inputs::default();
    busy.set_num(NumInput::Instances, 6.0);
    busy.set_num(NumInput::Hours, 8.0);
    busy.model = ModelChoice::Mix;
    busy.extra_usage = true;
    let mut opus = Inputs::default();
    opus.model = ModelChoice::Opus;
    opus.set_num(NumInput::Loc, 1_000_000.0);
    let warnings = vec![
        Warning::Unknown("<b>&\"'".into()),
        Warning::Adjusted("n".into()),
    ];
    // The check can fail: markup the parser nests otherwise does not come back the same.
    for broken in [
        "<p><div></div></p>",
        "<div><span></div>",
        "<ul><li>a</ul></li>",
    ] {
        let div = document.create_element("div").unwrap();
        ccplan::ui::markup::Markup::from_import_worker(broken.into()).set_into(&div);
        assert_ne!(canonical(&div.inner_html()), broken);
    }
    // The import's report (written by the worker, same code): with limit hits and a plan.
    let summary = limits_summary();
    for lang in Lang::ALL {
        for plan in [None, Some(ccplan::model::Plan::Pro)] {
            let view = ccplan::ui::report::import_view(lang, &summary, &busy, plan, true, false);
            let div = document.create_element("div").unwrap();
            div.set_inner_html(&view.html);
            assert!(div.child_element_count() > 0);
            assert_eq!(
                canonical(&div.inner_html()),
                canonical(&view.html),
                "{lang:?}"
            );
        }
    }
    for lang in Lang::ALL {
        for (inputs, warnings) in [
            (Inputs::default(), Vec::new()),
            (busy.clone(), warnings.clone()),
            (opus.clone(), Vec::new()),
        ] {
            let (langs, app) = ccplan::ui::render(inputs, lang, warnings);
            for markup in [langs, app] {
                let div = document.create_element("div").unwrap();
                markup.set_into(&div);
                assert!(div.child_element_count() > 0);
                assert_eq!(
                    canonical(&div.inner_html()),
                    canonical(markup.as_str()),
                    "{lang:?}"
                );
            }
        }
    }
}

/// A region patched in place (`ui::patch`: the texts, attributes and elements that differ, set by
/// the page's JavaScript) reads as the region written whole, from one state of the page to
/// another, in both languages; and the patches are used, not refused.
#[wasm_bindgen_test]
fn a_patched_page_reads_as_the_page_written_whole() {
    use ccplan::ui::patch;
    let document = web_sys::window().unwrap().document().unwrap();
    let states: Vec<Inputs> = [
        (1.0, 4.0),
        (3.0, 4.0),
        (4.0, 4.0),
        (5.0, 2.5),
        (8.0, 8.0),
        (2.0, 0.5),
    ]
    .into_iter()
    .enumerate()
    .map(|(at, (n, h))| {
        let mut i = Inputs::default();
        i.set_num(NumInput::Instances, n);
        i.set_num(NumInput::Hours, h);
        i.model = ModelChoice::ALL[at % ModelChoice::ALL.len()];
        i.extra_usage = at % 2 == 1;
        i
    })
    .collect();
    let (mut patched, mut inserted, mut removed) = (0, 0, 0);
    for lang in Lang::ALL {
        for pair in states.windows(2) {
            let (_, old) = ccplan::ui::render(pair[0].clone(), lang, Vec::new());
            let (_, new) = ccplan::ui::render(pair[1].clone(), lang, Vec::new());
            let div = document.create_element("div").unwrap();
            old.set_into(&div);
            let p = patch::diff(old.as_str(), new.as_str()).expect("the page's own elements stay");
            assert!(patch::apply(&div, &p), "{lang:?}");
            assert_eq!(
                canonical(&div.inner_html()),
                canonical(new.as_str()),
                "{lang:?}"
            );
            patched += p.edits.len();
            for e in &p.edits {
                inserted += usize::from(matches!(e, patch::Edit::Insert { .. }));
                removed += usize::from(matches!(e, patch::Edit::Remove { .. }));
            }
            // A page that no longer holds what the patch expects is refused, to be written whole.
            div.append_child(&document.create_element("i").unwrap())
                .unwrap();
            assert!(!patch::apply(&div, &p));
        }
    }
    assert!(patched > 100, "{patched} edits");
    // Children inserted and removed (a card's badge, a list's items) by the page's JavaScript.
    assert!(
        inserted > 4 && removed > 4,
        "{inserted} inserted, {removed} removed"
    );
    // An element written again, or inserted, that the parser builds otherwise (a row outside a
    // table is dropped) is refused too.
    let div = document.create_element("div").unwrap();
    for (old, new) in [
        ("<div><i></i></div>", "<div><tr></tr></div>"),
        ("<div><i></i></div>", "<div><tr></tr><i></i></div>"),
    ] {
        div.set_inner_html(old);
        let p = patch::diff(old, new).unwrap();
        assert!(!patch::apply(&div, &p), "{old} → {new}");
    }
}

/// Children inserted by a patch are parsed where they go: inside an `<svg>`, SVG elements (as
/// `innerHTML` would build them); and children removed are the ones the patch names.
#[wasm_bindgen_test]
fn inserted_children_are_parsed_in_their_parent() {
    use ccplan::ui::patch;
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    let old = "<svg><rect></rect></svg><p>a<b>b</b>c<i>d</i></p>";
    let new = "<svg><line></line><rect></rect></svg><p>a<i>d</i></p>";
    div.set_inner_html(old);
    let p = patch::diff(old, new).unwrap();
    assert!(
        p.edits
            .iter()
            .any(|e| matches!(e, patch::Edit::Insert { .. }))
            && p.edits
                .iter()
                .any(|e| matches!(e, patch::Edit::Remove { .. })),
        "{p:?}"
    );
    assert!(patch::apply(&div, &p));
    assert_eq!(div.inner_html(), new);
    let line = div.query_selector("line").unwrap().unwrap();
    assert_eq!(
        line.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
}

/// Every region and attribute effect finds its element: an id renamed in the markup but not in
/// the binding (or the other way round) would leave a part of the page frozen without a word.
#[wasm_bindgen_test]
async fn every_bound_region_is_on_the_page() {
    let root = mount().await;
    let ids = ccplan::ui::page::bound_ids();
    assert!(ids.len() > 20, "{} ids bound", ids.len());
    let find = |id: &str| root.query_selector(&format!("[id=\"{id}\"]")).unwrap();
    for (id, _) in &ids {
        assert!(find(id).is_some(), "no element with id {id:?} on the page");
    }
    // No region inside another (each keeps its element, which the other's update would replace).
    let regions: Vec<Element> = ids
        .iter()
        .filter(|(_, r)| *r)
        .filter_map(|(id, _)| find(id))
        .collect();
    assert!(regions.len() > 15);
    for a in &regions {
        for b in &regions {
            assert!(
                a == b || !a.contains(Some(b)),
                "{} holds {}",
                a.id(),
                b.id()
            );
        }
    }
}

#[wasm_bindgen_test]
async fn default_page_shows_the_models_recommendation_and_three_cards() {
    let root = mount().await;
    let expected = evaluate(&Inputs::default());
    assert_eq!(
        attr(&root, "recommended-plan", "data-plan"),
        expected.recommendation.plan.id()
    );
    let usd: f64 = attr(&root, "monthly-cost", "data-usd").parse().unwrap();
    assert!((usd - expected.recommendation.monthly_usd).abs() < 0.01);
    for p in &expected.plans {
        let id = format!("plan-{}", p.plan.id());
        assert_eq!(attr(&root, &id, "data-verdict"), p.verdict.id());
        let shown: f64 = attr(&root, &id, "data-fullness").parse().unwrap();
        assert!(
            (shown - p.fullness).abs() <= 0.005,
            "{id}: {shown} shown for {}",
            p.fullness
        );
    }
}

#[wasm_bindgen_test]
async fn typing_instances_updates_recommendation_and_cards() {
    let root = mount().await;
    let before: f64 = attr(&root, "plan-pro", "data-fullness").parse().unwrap();
    type_number(&root, "n", "6").await;
    let mut inputs = Inputs::default();
    inputs.set_num(NumInput::Instances, 6.0);
    let expected = evaluate(&inputs);
    assert_eq!(
        attr(&root, "recommended-plan", "data-plan"),
        expected.recommendation.plan.id()
    );
    let after: f64 = attr(&root, "plan-pro", "data-fullness").parse().unwrap();
    assert!(
        after > before,
        "six instances fill Pro more than one ({after} vs {before})"
    );
    // The field shows what the model kept.
    let n: HtmlInputElement = find(&root, "n").dyn_into().unwrap();
    assert_eq!(n.value(), "6");
}

#[wasm_bindgen_test]
async fn out_of_range_and_garbage_are_clamped_not_broken() {
    let root = mount().await;
    type_number(&root, "n", "999").await;
    let n: HtmlInputElement = find(&root, "n").dyn_into().unwrap();
    assert_eq!(n.value(), "20", "instances are clamped to 20");
    type_number(&root, "h", "abc").await;
    let h: HtmlInputElement = find(&root, "h").dyn_into().unwrap();
    assert_eq!(h.value(), "4", "an unreadable value keeps the previous one");
    assert!(!attr(&root, "recommended-plan", "data-plan").is_empty());
}

#[wasm_bindgen_test]
async fn choosing_opus_and_mix() {
    let root = mount().await;
    click(&root, "model-opus").await;
    let mut inputs = Inputs {
        model: ModelChoice::Opus,
        ..Inputs::default()
    };
    assert_eq!(
        attr(&root, "recommended-plan", "data-plan"),
        evaluate(&inputs).recommendation.plan.id()
    );
    let opus_shown = |root: &HtmlElement| {
        root.query_selector("[data-testid='opus']")
            .unwrap()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .is_some_and(|e| e.offset_parent().is_some())
    };
    assert!(!opus_shown(&root), "no Opus share unless mixing");
    click(&root, "model-mix").await;
    inputs.model = ModelChoice::Mix;
    assert_eq!(
        attr(&root, "recommended-plan", "data-plan"),
        evaluate(&inputs).recommendation.plan.id()
    );
    assert!(opus_shown(&root), "the Opus share shows when mixing");
}

#[wasm_bindgen_test]
async fn switching_language_translates_and_sets_html_lang() {
    let root = mount().await;
    click(&root, "lang-fr").await;
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("fr"));
    let title = root
        .query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title, Lang::Fr.t(k::APP_TITLE));
    assert_eq!(attr(&root, "lang-fr", "aria-pressed"), "true");
    click(&root, "lang-en").await;
    let title = root
        .query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title, Lang::En.t(k::APP_TITLE));
}

#[wasm_bindgen_test]
async fn toggles_follow_the_model() {
    let root = mount().await;
    type_number(&root, "n", "3").await;
    click(&root, "xu").await;
    let mut inputs = Inputs::default();
    inputs.set_num(NumInput::Instances, 3.0);
    inputs.extra_usage = true;
    let expected = evaluate(&inputs);
    assert_eq!(
        attr(&root, "recommended-plan", "data-plan"),
        expected.recommendation.plan.id()
    );
    let usd: f64 = attr(&root, "monthly-cost", "data-usd").parse().unwrap();
    assert!((usd - expected.recommendation.monthly_usd).abs() < 0.01);
}

/// In the browser, numbers in links and fields are written and read by JavaScript's `Number`:
/// it must agree with Rust (shortest text, exact round trip) on the values the page uses.
#[wasm_bindgen_test]
fn numbers_round_trip_through_javascript() {
    let mut x = 0.001f64;
    while x < 2.0e7 {
        for v in [x, x / 3.0, -x, x * 1.000_000_1] {
            let text = ccplan::num::text(v);
            assert_eq!(text, format!("{v}"), "JavaScript writes {v} as {text}");
            assert_eq!(ccplan::num::parse(&text), Some(v), "{text}");
        }
        x *= 1.37;
    }
    // Numbers of a few decimals are written in Rust (`num::text`): as JavaScript writes them.
    for m in (-30_000i32..30_000).step_by(7) {
        for k in 0..5 {
            let v = f64::from(m) / 10f64.powi(k) + f64::from(m % 3) * 1e6;
            let js = js_sys::Number::from(v + 0.0)
                .to_string_with_radix(10)
                .unwrap();
            assert_eq!(ccplan::num::text(v), String::from(js), "{v}");
        }
    }
    for bad in [
        "", "-", ".", "e5", "1e", "1.2.3", "+-1", "NaN", "Infinity", "0x10", "1e999",
    ] {
        assert_eq!(ccplan::num::parse(bad), None, "{bad:?}");
    }
    assert_eq!(ccplan::num::parse("1."), Some(1.0));
    assert_eq!(ccplan::num::parse("+.5e1"), Some(5.0));
}

/// The page formats numbers by hand (creating an `Intl.NumberFormat` costs 30–80 ms at start):
/// it must write exactly what `Intl.NumberFormat` writes, in both languages.
#[wasm_bindgen_test]
fn number_formats_match_intl() {
    use ccplan::ui::format;
    use js_sys::{Array, Intl, Object, Reflect};
    let intl = |lang: Lang, options: &[(&str, wasm_bindgen::JsValue)], x: f64| -> String {
        let o = Object::new();
        for (k, v) in options {
            Reflect::set(&o, &(*k).into(), v).unwrap();
        }
        let f = Intl::NumberFormat::new(&Array::of1(&lang.tag().into()), &o);
        f.format()
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &x.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    let mut values = vec![0.0, 0.005, 0.05, 0.5, 1.0, 2.5, 4.2, 99.99, 100.0, 999.5];
    let mut x = 0.013f64;
    while x < 2.0e7 {
        values.push(x);
        values.push((x * 100.0).round() / 100.0);
        x *= 1.9;
    }
    for lang in Lang::ALL {
        for &v in &values {
            let max = |d: u32| vec![("maximumFractionDigits", d.into())];
            assert_eq!(format::int(lang, v), intl(lang, &max(0), v), "int {v}");
            assert_eq!(format::dec1(lang, v), intl(lang, &max(1), v), "dec1 {v}");
            assert_eq!(format::dec2(lang, v), intl(lang, &max(2), v), "dec2 {v}");
            let pct = [
                ("style", "percent".into()),
                ("maximumFractionDigits", 0.into()),
            ];
            assert_eq!(
                format::percent(lang, v / 1000.0),
                intl(lang, &pct, v / 1000.0)
            );
            let cents = if v >= 100.0 || v.fract() == 0.0 { 0 } else { 2 };
            let usd = [
                ("style", "currency".into()),
                ("currency", "USD".into()),
                ("minimumFractionDigits", cents.into()),
                ("maximumFractionDigits", cents.into()),
            ];
            assert_eq!(format::usd(lang, v), intl(lang, &usd, v), "usd {v}");
        }
    }
}
