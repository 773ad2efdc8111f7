//! A tiny HTML writer for the read-only regions of the page (the answer, the plan cards, the
//! charts, the advice, the facts, the import summary).
//!
//! Those regions are re-drawn as a whole whenever the evaluation changes, so fine-grained
//! reactivity buys them nothing, while every distinct `view!` tree costs its own generic code
//! in the wasm. Written as markup by plain functions and set with `inner_html`, they cost a few
//! string pushes instead: about a third of the page's size. Interactive parts (inputs, buttons)
//! stay Leptos views. Every text and attribute value is escaped here, so nothing read from a
//! link or a file can become markup.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::with_capacity(1024))
    }

    /// `<tag a="v" …>`, values escaped.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
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
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape(&mut self.0, text);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<tag …/>`: an SVG shape (self-closing is valid inside `<svg>`).
    pub fn shape(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.open(tag, attrs);
        self.0.insert(self.0.len() - 1, '/');
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

    pub fn finish(self) -> String {
        self.0
    }
}

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_and_escapes_everything() {
        let mut h = Html::new();
        h.open("p", &[("class", "a\"b")])
            .text("1 < 2 & 3")
            .close("p")
            .shape("rect", &[("x", "0")])
            .el("span", &[], "<script>");
        assert_eq!(
            h.finish(),
            "<p class=\"a&quot;b\">1 &lt; 2 &amp; 3</p><rect x=\"0\"/><span>&lt;script&gt;</span>"
        );
    }

    #[test]
    fn backticks_become_code() {
        let mut h = Html::new();
        h.with_code("set `A` then `B`");
        assert_eq!(h.finish(), "set <code>A</code> then <code>B</code>");
    }
}
