//! Compiles the translation files `locales/<lang>/*.json` (flat `{"key": "text"}` objects) into
//! `$OUT_DIR/i18n.rs`: a sorted key table, one text table per language, and a constant index per
//! key (`k::RESULT_TITLE` for `result.title`). The build fails when the languages do not have the
//! same keys, when a text is empty, or when a text's `{placeholders}` differ between languages.
//!
//! For the page's release build (feature `split-locales`) French is not compiled in: the page
//! fetches `fr-<hash>.txt`, which scripts/postbuild.mjs writes from locales/fr: the line
//! `FR_HEADER`, `ccplan-texts-fr` and a fingerprint of the key list (FNV-1a 32 of each key
//! followed by `\n`, as 8 lowercase hex digits; computed here only: postbuild.mjs reads the line
//! out of the page's wasm), so that the page refuses a file written for other keys; then one
//! text per line in key order. Keys are printable ASCII (so byte order = JavaScript's sort order)
//! and texts hold no line break. See docs/build.md.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LANGS: [&str; 2] = ["en", "fr"];

fn load(lang: &str) -> BTreeMap<String, String> {
    let dir = Path::new("locales").join(lang);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut map = BTreeMap::new();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let obj: BTreeMap<String, String> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (k, v) in obj {
            assert!(
                !k.is_empty() && k.bytes().all(|b| b.is_ascii_graphic()),
                "{}: key {k:?} is not printable ASCII",
                path.display()
            );
            assert!(
                !v.contains(['\n', '\r']),
                "{}: text of {k} has a line break",
                path.display()
            );
            assert!(
                !v.trim().is_empty(),
                "{}: empty text for {k}",
                path.display()
            );
            if map.insert(k.clone(), v).is_some() {
                panic!("{}: key {k} defined twice", path.display());
            }
        }
    }
    map
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn main() {
    let tables: Vec<_> = LANGS.iter().map(|l| load(l)).collect();
    let keys: Vec<&String> = tables[0].keys().collect();
    for (lang, table) in LANGS.iter().zip(&tables).skip(1) {
        let other: Vec<&String> = table.keys().collect();
        let missing: Vec<_> = keys.iter().filter(|k| !table.contains_key(**k)).collect();
        let extra: Vec<_> = other
            .iter()
            .filter(|k| !tables[0].contains_key(**k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{lang}: missing {missing:?}, extra {extra:?} compared with en"
        );
        for k in &keys {
            let (a, b) = (&tables[0][*k], &table[*k]);
            assert_eq!(
                placeholders(a),
                placeholders(b),
                "{k}: placeholders differ between en and {lang}"
            );
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Number of translated texts.\npub const COUNT: usize = {};",
        keys.len()
    );
    let _ = writeln!(
        out,
        "/// The keys, sorted (binary-searchable).\npub static KEYS: [&str; COUNT] = {:?};",
        keys
    );
    for (lang, table) in LANGS.iter().zip(&tables) {
        let texts: Vec<&String> = table.values().collect();
        let _ = writeln!(
            out,
            "#[allow(dead_code)]\nstatic {}: [&str; COUNT] = {:?};",
            lang.to_uppercase(),
            texts
        );
    }
    let mut fingerprint: u32 = 0x811c_9dc5;
    for b in keys.iter().flat_map(|k| k.bytes().chain([b'\n'])) {
        fingerprint = (fingerprint ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    let _ = writeln!(
        out,
        "/// The first line of the French texts file.\npub const FR_HEADER: &str = \"ccplan-texts-fr {fingerprint:08x}\";"
    );
    // French texts the page shows even in English (the article's own sentences in the facts
    // table, the name of the FR button): always compiled in.
    let kept: Vec<(usize, &String)> = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.ends_with(".quote") || k.as_str() == "lang.name")
        .map(|(i, k)| (i, &tables[1][*k]))
        .collect();
    let _ = writeln!(
        out,
        "#[allow(dead_code)]\nstatic FR_KEPT: [(usize, &str); {}] = {:?};",
        kept.len(),
        kept
    );
    let _ = writeln!(
        out,
        "/// One constant per key: the index of its text.\n#[allow(dead_code)]\npub mod k {{\n    use super::Key;"
    );
    for (i, key) in keys.iter().enumerate() {
        let name: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        let _ = writeln!(out, "    pub const {name}: Key = Key({i});");
    }
    out.push_str("}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("i18n.rs");
    std::fs::write(dest, out).expect("write i18n.rs");
}
