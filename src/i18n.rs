//! Translations: the texts live in `locales/<lang>/*.json`; `build.rs` compiles them into tables
//! (checked at build time: same keys and same `{placeholders}` in every language).
//! Pure: no browser API here, so the lookups are tested natively.
//!
//! With the feature `split-locales` (the page's release build) only English is compiled in, plus
//! the few French texts shown in English too (`FR_KEPT`); the page fetches the rest
//! (`fr-<hash>.txt`, see build.rs) and hands it to [`install_fr`]. Until then French is not
//! [ready](Lang::is_ready) and the page stays in English.

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// A translation key known at compile time (`k::RESULT_TITLE` for `result.title`): the index of
/// its text in every language's table. Only `build.rs`'s constants and [`Lang::tk`] make one, so
/// a text is never looked up by a number that is not a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(usize);

/// The page's two languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 tag, also the link value and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// `fr`, `fr-CA`, `FR` … → French; `en…` → English; anything else → `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of the browser's preference list, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    fn table(self) -> Option<&'static [&'static str]> {
        match self {
            Lang::En => Some(&EN),
            #[cfg(not(feature = "split-locales"))]
            Lang::Fr => Some(&FR),
            #[cfg(feature = "split-locales")]
            Lang::Fr => FR_LOADED.get().map(Vec::as_slice),
        }
    }

    /// Whether this language's texts are all there (French may still have to be fetched).
    pub fn is_ready(self) -> bool {
        self.table().is_some()
    }

    /// The text of a key known at compile time: `lang.t(k::RESULT_TITLE)`. French not loaded
    /// yet: the texts kept in the wasm, else English.
    pub fn t(self, key: Key) -> &'static str {
        let Key(key) = key;
        let kept = || {
            FR_KEPT
                .binary_search_by_key(&key, |&(i, _)| i)
                .ok()
                .and_then(|j| FR_KEPT.get(j))
                .map(|&(_, text)| text)
        };
        match self.table() {
            Some(table) => table.get(key).copied(),
            None => kept().or_else(|| EN.get(key).copied()),
        }
        .unwrap_or("")
    }

    /// The text of a key given as a string (keys that the model returns, e.g. `reason.fits`).
    /// An unknown key yields the empty text rather than breaking the page (the key itself
    /// would show the visitor an identifier); a native test checks that every key the model
    /// can return exists, so this never happens on a released page.
    pub fn tk(self, key: &str) -> &'static str {
        match KEYS.binary_search(&key) {
            Ok(i) => self.t(Key(i)),
            Err(_) => "",
        }
    }
}

#[cfg(feature = "split-locales")]
static FR_LOADED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// Reads a French texts file: the line [`FR_HEADER`] (same key list as this build), then exactly
/// one non-empty text per key, in key order. Anything else is refused (`None`).
pub fn parse_fr(file: &str) -> Option<Vec<&str>> {
    let mut lines = file.lines();
    if lines.next()? != FR_HEADER {
        return None;
    }
    let texts: Vec<&str> = lines.collect();
    (texts.len() == COUNT && texts.iter().all(|t| !t.trim().is_empty())).then_some(texts)
}

/// Installs the fetched French texts; false (and French stays unavailable) if the file is refused.
#[cfg(feature = "split-locales")]
pub fn install_fr(file: String) -> bool {
    if parse_fr(&file).is_none() {
        return false;
    }
    if let Some(texts) = parse_fr(file.leak()) {
        let _ = FR_LOADED.set(texts);
    }
    Lang::Fr.is_ready()
}

/// Without `split-locales` French is compiled in: nothing to install.
#[cfg(not(feature = "split-locales"))]
pub fn install_fr(_file: String) -> bool {
    true
}

/// Replaces each `{name}` in `template` by its value; unknown placeholders stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill("Max 5x fits with {n} instances", &[("n", "2")]),
            "Max 5x fits with 2 instances"
        );
        assert_eq!(fill("{a} and {b}", &[("a", "x")]), "x and {b}");
        assert_eq!(
            fill("unclosed {brace", &[("brace", "x")]),
            "unclosed {brace"
        );
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn languages_are_negotiated_from_browser_tags() {
        assert_eq!(Lang::negotiate(["de-DE", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(["ja"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::from_tag("FR"), Some(Lang::Fr));
    }

    #[test]
    fn every_key_has_a_text_in_both_languages() {
        for (i, key) in KEYS.iter().enumerate() {
            for lang in Lang::ALL {
                assert!(!lang.t(Key(i)).is_empty(), "{key} is empty in {lang:?}");
            }
            assert_eq!(Lang::En.tk(key), Lang::En.t(Key(i)));
        }
        assert!(
            KEYS.windows(2).all(|w| w[0] < w[1]),
            "keys must be sorted for binary search"
        );
        assert_eq!(Lang::Fr.tk("no.such.key"), "");
    }

    #[test]
    fn french_signs_stay_with_their_words() {
        // No line may start with `:`, `;`, `?`, `!`, `»`, `$` or `%`, nor end with `«`: French
        // puts a no-break space there. The article's quotes (`.quote`) keep its own spacing.
        assert_eq!(KEYS.len(), FR.len());
        for (key, text) in KEYS.iter().zip(FR.iter()) {
            if key.ends_with(".quote") {
                continue;
            }
            for bad in [" :", " ;", " ?", " !", " »", "« ", " $", " %"] {
                assert!(
                    !text.contains(bad),
                    "{key}: no-break space before or after {bad:?}"
                );
            }
        }
    }

    /// The French texts file as scripts/postbuild.mjs writes it.
    fn fr_file() -> String {
        format!("{FR_HEADER}\n{}\n", FR.join("\n"))
    }

    #[test]
    fn the_french_file_is_read_only_when_it_matches_the_keys() {
        let file = fr_file();
        assert_eq!(parse_fr(&file).as_deref(), Some(&FR[..]));
        assert!(parse_fr(&file.replace('\n', "\r\n")).is_some());
        // Another key list, a missing or extra text, an empty text, garbage: refused.
        let header = FR_HEADER.trim_end_matches(|c: char| c.is_ascii_hexdigit());
        let other = file.replacen(FR_HEADER, &format!("{header}00000000"), 1);
        assert!(parse_fr(&other).is_none());
        let (short, _) = file.trim_end().rsplit_once('\n').unwrap();
        assert!(parse_fr(short).is_none());
        assert!(parse_fr(&format!("{file}extra\n")).is_none());
        assert!(parse_fr(&file.replacen(FR[0], " ", 1)).is_none());
        for bad in [
            "",
            "\n",
            FR_HEADER,
            "<!doctype html>\n<p>not found</p>",
            "\u{0}\u{ff}",
        ] {
            assert!(parse_fr(bad).is_none(), "{bad:?}");
        }
        // build.rs computes the fingerprint; scripts/postbuild.mjs reads the header out of the
        // page's wasm as `ccplan-texts-fr` and 8 lowercase hex digits.
        let digits = FR_HEADER.strip_prefix("ccplan-texts-fr ").unwrap();
        let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
        assert!(digits.len() == 8 && digits.bytes().all(hex), "{FR_HEADER}");
    }

    #[test]
    fn french_texts_kept_in_the_wasm_are_the_french_ones() {
        assert!(!FR_KEPT.is_empty());
        assert!(FR_KEPT.windows(2).all(|w| w[0].0 < w[1].0));
        for &(i, text) in &FR_KEPT {
            assert_eq!(FR[i], text);
        }
        assert_eq!(FR[k::LANG_NAME.0], "Français");
    }

    /// `cargo test --features split-locales --lib i18n` (make test-native).
    #[cfg(feature = "split-locales")]
    #[test]
    fn french_is_english_until_a_valid_file_is_installed() {
        assert!(!Lang::Fr.is_ready());
        assert!(Lang::En.is_ready());
        assert_eq!(Lang::Fr.t(k::LANG_NAME), "Français");
        assert_eq!(Lang::Fr.t(k::APP_TITLE), EN[k::APP_TITLE.0]);
        assert_eq!(Lang::Fr.t(Key(COUNT)), "");
        assert!(!install_fr("ccplan-texts-fr 00000000\nx\n".into()));
        assert!(!install_fr(fr_file().replacen('\n', "\n\n", 2)));
        assert!(!Lang::Fr.is_ready());
        assert!(install_fr(fr_file()));
        assert!(Lang::Fr.is_ready());
        for i in 0..COUNT {
            assert_eq!(Lang::Fr.t(Key(i)), FR[i]);
            assert_eq!(Lang::En.t(Key(i)), EN[i]);
        }
    }
}
