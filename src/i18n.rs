//! Translations: the texts live in `locales/<lang>/*.json`; `build.rs` compiles them into tables
//! (checked at build time: same keys and same `{placeholders}` in every language).
//! Pure: no browser API here, so the lookups are tested natively.

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

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

    fn table(self) -> &'static [&'static str; COUNT] {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }

    /// The text of a key known at compile time: `lang.t(k::RESULT_TITLE)`.
    pub fn t(self, key: usize) -> &'static str {
        self.table().get(key).copied().unwrap_or("")
    }

    /// The text of a key given as a string (keys that the model returns, e.g. `reason.fits`).
    /// An unknown key yields the key itself, so a gap shows instead of breaking the page;
    /// a native test checks that every key the model can return exists.
    pub fn tk(self, key: &str) -> &'static str {
        match KEYS.binary_search(&key) {
            Ok(i) => self.t(i),
            Err(_) => "",
        }
    }
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
                assert!(!lang.t(i).is_empty(), "{key} is empty in {lang:?}");
            }
            assert_eq!(Lang::En.tk(key), Lang::En.t(i));
        }
        assert!(
            KEYS.windows(2).all(|w| w[0] < w[1]),
            "keys must be sorted for binary search"
        );
        assert_eq!(Lang::Fr.tk("no.such.key"), "");
    }
}
