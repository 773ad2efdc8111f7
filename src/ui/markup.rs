//! The page's markup, written by plain functions: the whole page at build time (the prerendered
//! `index.html`) and each region again in the browser when what it shows changes.
//!
//! Wrong markup is hard to write here: tag and attribute names are `&'static str`; an element is
//! written whole ([`Html::el`], [`Html::wrap`] with a closure for its children, [`Html::void`],
//! [`Html::shape`]), so what is opened is always closed; every text and attribute value is
//! escaped, so nothing read from a link or a file can become markup; the writer returns a
//! [`Markup`], and `innerHTML` is set only from one: by [`Markup::set_into`], or by a region's
//! patch (`ui/patch.rs`), with the part of a `Markup` between an element's tags. A browser test
//! parses every region back and checks its elements (`tests/web.rs`).

/// Escaped, well-formed markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    /// Markup this program's writer wrote in another thread: the import worker's report, posted
    /// as a string (the worker runs this same code; the page's CSP refuses scripts anyway).
    pub fn from_import_worker(markup: String) -> Markup {
        Markup(markup)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Sets an element's content to this markup (a region's patch sets a part of one).
    pub fn set_into(&self, element: &web_sys::Element) {
        element.set_inner_html(&self.0);
    }
}

/// The writer.
#[derive(Default)]
pub struct Html(String);

/// An attribute: a static name and an escaped value.
pub type Attr<'a> = (&'static str, &'a str);

impl Html {
    pub fn new() -> Html {
        Html(String::with_capacity(1024))
    }

    fn open(&mut self, tag: &'static str, attrs: &[Attr<'_>]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
    }

    fn close(&mut self, tag: &'static str) {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// `<tag …>children</tag>`, the children written by `inner`.
    pub fn wrap(
        &mut self,
        tag: &'static str,
        attrs: &[Attr<'_>],
        inner: impl FnOnce(&mut Html),
    ) -> &mut Html {
        self.open(tag, attrs);
        inner(self);
        self.close(tag);
        self
    }

    /// `<tag …>text</tag>`, the text escaped.
    pub fn el(&mut self, tag: &'static str, attrs: &[Attr<'_>], text: &str) -> &mut Html {
        self.open(tag, attrs);
        escape(&mut self.0, text);
        self.close(tag);
        self
    }

    /// `<tag …>` for HTML's void elements (`input`), which have no end tag.
    pub fn void(&mut self, tag: &'static str, attrs: &[Attr<'_>]) -> &mut Html {
        self.open(tag, attrs);
        self
    }

    /// `<tag …></tag>`: an SVG shape without children (written the way the browser serializes
    /// it).
    pub fn shape(&mut self, tag: &'static str, attrs: &[Attr<'_>]) -> &mut Html {
        self.open(tag, attrs);
        self.close(tag);
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape(&mut self.0, text);
        self
    }

    /// Markup written by another function.
    pub fn markup(&mut self, m: &Markup) -> &mut Html {
        self.0.push_str(&m.0);
        self
    }

    /// A translated text where `code` spans are written between backticks.
    pub fn with_code(&mut self, text: &str) -> &mut Html {
        for (i, part) in text.split('`').enumerate() {
            if i % 2 == 1 {
                self.el("code", &[], part);
            } else {
                self.text(part);
            }
        }
        self
    }

    pub fn finish(self) -> Markup {
        Markup(self.0)
    }
}

fn escape(out: &mut String, s: &str) {
    // Runs without a special character are copied whole (most texts have none).
    let mut from = 0;
    for (at, b) in s.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[from..at]);
        out.push_str(with);
        from = at + 1;
    }
    out.push_str(&s[from..]);
}

/// An attribute that is present or not (`hidden`, `checked`, `disabled`): `Some` empty value.
pub fn flag(on: bool) -> Option<&'static str> {
    on.then_some("")
}

/// The attributes with the optional ones that are present.
pub fn attrs<'a>(
    fixed: &[Attr<'a>],
    optional: &[(&'static str, Option<&'a str>)],
) -> Vec<Attr<'a>> {
    let mut out = fixed.to_vec();
    out.extend(
        optional
            .iter()
            .filter_map(|(name, value)| value.map(|v| (*name, v))),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_whole_and_escapes_everything() {
        let mut h = Html::new();
        h.wrap("p", &[("class", "a\"b")], |h| {
            h.text("1 < 2 & 3");
        })
        .shape("rect", &[("x", "0")])
        .el("span", &[], "<script>")
        .void("input", &[("value", "'x'")]);
        assert_eq!(
            h.finish().as_str(),
            "<p class=\"a&quot;b\">1 &lt; 2 &amp; 3</p><rect x=\"0\"></rect><span>&lt;script&gt;</span><input value=\"&#39;x&#39;\">"
        );
    }

    #[test]
    fn backticks_become_code() {
        let mut h = Html::new();
        h.with_code("set `A` then `B`");
        assert_eq!(
            h.finish().as_str(),
            "set <code>A</code> then <code>B</code>"
        );
    }

    #[test]
    fn optional_attributes() {
        let a = attrs(
            &[("type", "checkbox")],
            &[("checked", flag(true)), ("disabled", flag(false))],
        );
        assert_eq!(a, vec![("type", "checkbox"), ("checked", "")]);
    }
}
