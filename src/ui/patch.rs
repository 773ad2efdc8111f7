//! A region changed in place: where its new markup has the same elements as the markup it shows
//! (the same tags, in the same places), only the texts and attributes that differ are set,
//! instead of the whole region being parsed and built again through `innerHTML`
//! (`docs/architecture.md`, "Updating a region"). Where children were added or removed (a list
//! one item longer, the badge that moves to another card), those are inserted or removed; where
//! the elements inside one element differ otherwise, only that element's content is written
//! again.
//!
//! [`diff`] is pure and reads only markup this program's writer wrote ([`super::markup::Html`]):
//! every attribute value double-quoted and escaped, texts escaped, no comments, void elements
//! without an end tag. Where a child's start tag differs, it looks for children added before
//! the old child (the new markup has the old child's start tag, or the parent's end tag, after
//! them), then for children removed (the other way round). What it does not expect otherwise (a
//! tag that differs, a text that appears or disappears, a form control's state) has the
//! innermost element around it written again, and the region whole when that is the region
//! itself. [`apply`] checks that the page still holds the elements the old markup describes (and
//! that what is written again or inserted holds those of the new), and says when it could not
//! patch, so that the region is then written whole: a patch is never half-kept. The numbering
//! assumes that the browser builds the tree the tokens describe, which the writer's markup does
//! (`tests/web.rs` parses the page back in several states).

/// Patching on or off: off, every change of a region is written whole (`innerHTML`).
pub const IN_PLACE: bool = true;

/// The edits that turn a region showing the old markup into the new.
#[derive(Debug, PartialEq, Eq)]
pub struct Patch<'a> {
    /// How many elements the region holds in the old markup (a check on the page's copy).
    pub elements: u32,
    pub edits: Vec<Edit<'a>>,
}

/// One edit. Elements are numbered as in the old markup, in document order from 0 (the region's
/// own element is not counted; it is `None` as a parent), as `querySelectorAll("*")` lists them
/// before the patch.
#[derive(Debug, PartialEq, Eq)]
pub enum Edit<'a> {
    /// The text node that is child number `child` of `parent` now reads `text`.
    Text {
        parent: Option<u32>,
        child: u32,
        text: String,
    },
    /// Attribute `name` of `element` is now `value`.
    Attr {
        element: u32,
        name: &'a str,
        value: String,
    },
    /// The content of `element` is now `markup` (the part of the new markup between its tags),
    /// which holds `elements` elements (checked once parsed: markup the parser builds with
    /// other elements, such as a row outside a table, which it drops, has the region written
    /// whole; a block inside a `<p>` keeps the count and is not caught: the writer's markup
    /// parses back to itself, which the browser tests check).
    Inner {
        element: u32,
        markup: &'a str,
        elements: u32,
    },
    /// `markup` (one child or more, the part of the new markup they are) is inserted before
    /// the child node number `child` of `parent`, or after its last when it has `child` nodes;
    /// it holds `elements` elements (checked once parsed, as for [`Edit::Inner`]).
    Insert {
        parent: Option<u32>,
        child: u32,
        markup: &'a str,
        elements: u32,
    },
    /// The `nodes` child nodes of `parent` from number `child` on are removed (the first an
    /// element: checked).
    Remove {
        parent: Option<u32>,
        child: u32,
        nodes: u32,
    },
}

/// HTML's void elements: an element with no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Attributes whose change a patch cannot reproduce: set on a control the visitor has used, they
/// no longer change what it shows, where a control written anew would show them.
const STATEFUL: [&str; 3] = ["value", "checked", "selected"];

#[derive(Clone, Copy)]
enum Token<'a> {
    /// Escaped text between two tags (possibly empty).
    Text(&'a str),
    /// A start tag: its name and its attributes as written (`a="1" b="2"`).
    Open(&'a str, &'a str),
    Close(&'a str),
}

/// The writer's markup as tokens: `None` where it is not markup the writer writes. A copy reads
/// ahead without moving the original.
#[derive(Clone, Copy)]
struct Tokens<'a> {
    rest: &'a str,
    /// A text comes next (between two tags, even an empty one), else a tag.
    text_next: bool,
}

impl<'a> Tokens<'a> {
    fn new(markup: &'a str) -> Tokens<'a> {
        Tokens {
            rest: markup,
            text_next: true,
        }
    }

    /// The next token; `Some(None)` for markup it cannot read. (Only single bytes are searched
    /// for: `str`'s substring search would add about 2 KB to the wasm.)
    fn next(&mut self) -> Option<Option<Token<'a>>> {
        if std::mem::take(&mut self.text_next) {
            let (text, rest) = self.rest.split_at(find(self.rest, b'<'));
            self.rest = rest;
            return Some(Some(Token::Text(text)));
        }
        if self.rest.is_empty() {
            return None;
        }
        self.text_next = true;
        let end = find(self.rest, b'>');
        if end == self.rest.len() {
            return Some(None);
        }
        let tag = &self.rest[1..end];
        self.rest = &self.rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            return Some(Some(Token::Close(name)));
        }
        let space = find(tag, b' ');
        let attrs = tag.get(space + 1..).unwrap_or("");
        Some(Some(Token::Open(&tag[..space], attrs)))
    }
}

/// The next attribute of a start tag's attributes (`name="escaped value"`, separated by one
/// space: a value holds no '"', it is escaped), and the rest after it.
fn next_attr<'a>(attrs: &mut &'a str) -> Option<(&'a str, &'a str)> {
    if attrs.is_empty() {
        return None;
    }
    let eq = find(attrs, b'=');
    let name = &attrs[..eq];
    let value = attrs.get(eq + 2..).unwrap_or("");
    let close = find(value, b'"');
    *attrs = value.get(close + 2..).unwrap_or("");
    Some((name, &value[..close]))
}

/// Where byte `b` (ASCII) first is in `s`, else `s.len()`: the importer's search, eight bytes
/// at a time (`usage::bytes`). The first changes of a page run the browser's first, unoptimized
/// compilation of the wasm, where a loop over the bytes was most of a diff's time in a profile,
/// and `str::find` (which sets up a searcher on every call, most of them over a few bytes) did
/// not do better.
fn find(s: &str, b: u8) -> usize {
    crate::usage::bytes::find_byte(s.as_bytes(), b).unwrap_or(s.len())
}

/// Text or an attribute value as the parser reads it: the writer's escapes undone. `None` for
/// what the parser would change (a carriage return, a NUL), which a patch could not reproduce.
fn unescape(s: &str) -> Option<String> {
    if s.bytes().any(|b| b == b'\r' || b == 0) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let at = find(rest, b'&');
        out.push_str(&rest[..at]);
        if at == rest.len() {
            return Some(out);
        }
        // The writer's five escapes, told apart by their second byte.
        let (c, len) = match rest.as_bytes().get(at + 1) {
            Some(b'a') => ("&", 5),
            Some(b'l') => ("<", 4),
            Some(b'g') => (">", 4),
            Some(b'q') => ("\"", 6),
            Some(b'#') => ("'", 5),
            _ => return None,
        };
        out.push_str(c);
        rest = rest.get(at + len..)?;
    }
}

/// The edits from `old` to `new`; `None` when the region must be written whole.
pub fn diff<'a>(old: &str, new: &'a str) -> Option<Patch<'a>> {
    let (mut a, mut b) = (Tokens::new(old), Tokens::new(new));
    let mut edits = Vec::new();
    // Elements read so far in `old` (the numbering) and in `new`.
    let (mut elements, mut new_elements) = (0u32, 0u32);
    let mut open = vec![Open {
        element: None,
        children: 0,
        start: 0,
        new_elements: 0,
    }];
    let offset = |rest: &str| new.len() - rest.len();
    loop {
        // Where the tokens compared start (a child added or removed reads on from there).
        let (a0, b0) = (a, b);
        let (x, y) = match (a.next(), b.next()) {
            (None, None) => break,
            (Some(Some(x)), Some(Some(y))) => (x, y),
            _ => return None,
        };
        let kept = edits.len();
        let parent = open.last_mut()?;
        let same = match (&x, &y) {
            (Token::Text(x), Token::Text(y)) if x.is_empty() == y.is_empty() => {
                if x != y {
                    edits.push(Edit::Text {
                        parent: parent.element,
                        child: parent.children,
                        text: unescape(y)?,
                    });
                }
                parent.children += u32::from(!y.is_empty());
                true
            }
            (Token::Open(x, xa), Token::Open(y, ya))
                if x == y && (xa == ya || same_attributes(xa, ya, elements, &mut edits)) =>
            {
                parent.children += 1;
                elements += 1;
                new_elements += 1;
                if !VOID.contains(y) {
                    open.push(Open {
                        element: Some(elements - 1),
                        children: 0,
                        start: offset(b.rest),
                        new_elements,
                    });
                }
                true
            }
            (Token::Close(x), Token::Close(y)) if x == y => {
                open.pop();
                !open.is_empty()
            }
            _ => false,
        };
        if same {
            continue;
        }
        // The attributes of an element that is not kept as it is are not set.
        edits.truncate(kept);
        // Children added before the old child (the badge on the recommended card), or after
        // the last (a list one item longer): the new markup has the old child's start tag, or
        // the parent's end tag, after them. Or children removed: the other way round.
        let parent = open.last_mut()?;
        if let Some((after, added, nodes)) = siblings_until(b0, &x) {
            edits.push(Edit::Insert {
                parent: parent.element,
                child: parent.children,
                markup: new.get(offset(b0.rest)..offset(after.rest))?,
                elements: added,
            });
            parent.children += nodes;
            new_elements += added;
            (a, b) = (a0, after);
            continue;
        }
        if let Some((after, removed, nodes)) = siblings_until(a0, &y) {
            edits.push(Edit::Remove {
                parent: parent.element,
                child: parent.children,
                nodes,
            });
            elements += removed;
            (a, b) = (after, b0);
            continue;
        }
        // Otherwise the innermost open element is written again whole, from its content in
        // `new`; `old` is read to its end tag (its elements still count: the page holds them).
        let inner = open.pop()?;
        let (end, opened) = to_end_tag(&mut b, b0.rest, y)?;
        elements += to_end_tag(&mut a, a0.rest, x)?.1;
        new_elements += opened;
        edits.push(Edit::Inner {
            element: inner.element?,
            markup: new.get(inner.start..offset(end))?,
            elements: new_elements - inner.new_elements,
        });
    }
    (open.len() == 1).then_some(Patch { elements, edits })
}

/// How many tokens [`siblings_until`] reads at most: a diff stays linear in the markup's length
/// (a list where every other child went would otherwise be read to its end for each of them).
const READ_AHEAD: u32 = 256;

/// Reads siblings from `tokens` on, until the next token is `next`: the same start tag, or an end
/// tag (their parent's) when `next` is one. Returns the tokens before it, and how many elements
/// and nodes (elements, texts) of their own level were read. `None` when the first is not an
/// element, when the parent (or the region's markup) ends first, or after [`READ_AHEAD`] tokens.
fn siblings_until<'a>(mut tokens: Tokens<'a>, next: &Token<'_>) -> Option<(Tokens<'a>, u32, u32)> {
    let (mut elements, mut nodes, mut depth) = (0u32, 0u32, 0u32);
    let mut before = tokens;
    let mut token = tokens.next()??;
    if !matches!(token, Token::Open(..)) {
        return None;
    }
    for _ in 0..READ_AHEAD {
        match token {
            Token::Open(name, attrs) => {
                if depth == 0 && matches!(next, Token::Open(n, a) if *n == name && *a == attrs) {
                    return (elements > 0).then_some((before, elements, nodes));
                }
                elements += 1;
                nodes += u32::from(depth == 0);
                depth += u32::from(!VOID.contains(&name));
            }
            Token::Close(_) if depth == 0 => {
                return matches!(next, Token::Close(_)).then_some((before, elements, nodes));
            }
            Token::Close(_) => depth -= 1,
            Token::Text(text) => nodes += u32::from(depth == 0 && !text.is_empty()),
        }
        before = tokens;
        token = tokens.next()??;
    }
    None
}

/// An element whose content is being read.
struct Open {
    /// Its number (`None`: the region itself).
    element: Option<u32>,
    /// How many children it has had so far.
    children: u32,
    /// Where its content starts in the new markup.
    start: usize,
    /// How many elements the new markup had there.
    new_elements: u32,
}

/// Pushes the edits for an element's attributes; `false` when they are not the same attributes
/// in the same order, or a form control's state changed (the element must be written again).
fn same_attributes<'a>(
    mut old: &str,
    mut new: &'a str,
    element: u32,
    edits: &mut Vec<Edit<'a>>,
) -> bool {
    loop {
        match (next_attr(&mut old), next_attr(&mut new)) {
            (None, None) => return true,
            (Some((n, v)), Some((name, value))) if n == name => {
                if v != value {
                    match unescape(value) {
                        Some(value) if !STATEFUL.contains(&name) => edits.push(Edit::Attr {
                            element,
                            name,
                            value,
                        }),
                        _ => return false,
                    }
                }
            }
            _ => return false,
        }
    }
}

/// Reads `tokens` past the end tag of the element whose content they are in, `first` (the token
/// just read, which started at `at`) included. Returns the markup from that end tag on, and how
/// many elements were opened on the way.
fn to_end_tag<'a>(
    tokens: &mut Tokens<'a>,
    mut at: &'a str,
    first: Token<'a>,
) -> Option<(&'a str, u32)> {
    let (mut depth, mut opened) = (0u32, 0u32);
    let mut token = first;
    loop {
        match token {
            Token::Open(name, _) => {
                opened += 1;
                depth += u32::from(!VOID.contains(&name));
            }
            Token::Close(_) if depth == 0 => return Some((at, opened)),
            Token::Close(_) => depth -= 1,
            Token::Text(_) => {}
        }
        at = tokens.rest;
        token = tokens.next()??;
    }
}

// The JavaScript half of `apply`.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
// Applies a region's patch: one call from the wasm per region, rather than five calls into the
// DOM per text it changes. The build inlines this module into the wasm's JS glue
// (scripts/postbuild.mjs), so the page loads no file more. `edits` is records of five fields,
// each followed by U+0001: the kind, the element's number in `region.querySelectorAll('*')`
// before any edit ('' for the region itself), two more, and a text:
// T (a text node): its place among the element's children, '', its text;
// A (an attribute): its name, '', its value;
// I (the element's content): '', the number of elements the markup holds, the markup;
// B (children inserted): the place of the child they go before, the elements held, the markup;
// R (children removed): the place of the first, how many, ''.
// Returns false when the region does not hold what the patch expects (the caller then writes
// it whole).
export function patchRegion(region, elements, edits) {
  const all = region.querySelectorAll('*');
  if (all.length !== elements) return false;
  const f = edits.split('\u0001');
  for (let i = 0; i + 5 < f.length; i += 5) {
    const el = f[i + 1] === '' ? region : all[+f[i + 1]];
    if (!el) return false;
    const kind = f[i], at = +f[i + 2], text = f[i + 4];
    if (kind === 'T') {
      const node = el.childNodes[at];
      if (!node || node.nodeType !== 3) return false;
      node.data = text;
    } else if (kind === 'A') {
      el.setAttribute(f[i + 2], text);
    } else if (kind === 'I') {
      el.innerHTML = text;
      if (el.querySelectorAll('*').length !== +f[i + 3]) return false;
    } else if (kind === 'B') {
      // Parsed in the element's context (an SVG shape inside an <svg>, as innerHTML would).
      const range = document.createRange();
      range.selectNodeContents(el);
      const part = range.createContextualFragment(text);
      if (at > el.childNodes.length || part.querySelectorAll('*').length !== +f[i + 3]) return false;
      el.insertBefore(part, el.childNodes[at] || null);
    } else {
      const nodes = el.childNodes, n = +f[i + 3];
      if (nodes.length < at + n || nodes[at].nodeType !== 1) return false;
      for (let k = 0; k < n; k++) nodes[at].remove();
    }
  }
  return true;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = patchRegion)]
    fn patch_region(region: &web_sys::Element, elements: u32, edits: &str) -> bool;
}

/// The separator of the fields of [`program`] (a text or value holding it is written whole).
const SEP: char = '\u{1}';

/// The patch as `patchRegion` reads it: five fields per edit, each followed by [`SEP`]. `None`
/// when a text or value holds the separator.
pub fn program(patch: &Patch<'_>) -> Option<String> {
    /// A field between the element and the text: a number, a name, or nothing.
    enum Field<'a> {
        Number(u32),
        Name(&'a str),
    }
    use Field::{Name, Number};
    let mut out = String::new();
    for edit in &patch.edits {
        let (kind, element, first, second, text) = match edit {
            Edit::Text {
                parent,
                child,
                text,
            } => ('T', *parent, Number(*child), None, text.as_str()),
            Edit::Attr {
                element,
                name,
                value,
            } => ('A', Some(*element), Name(name), None, value.as_str()),
            Edit::Inner {
                element,
                markup,
                elements,
            } => ('I', Some(*element), Name(""), Some(*elements), *markup),
            Edit::Insert {
                parent,
                child,
                markup,
                elements,
            } => ('B', *parent, Number(*child), Some(*elements), *markup),
            Edit::Remove {
                parent,
                child,
                nodes,
            } => ('R', *parent, Number(*child), Some(*nodes), ""),
        };
        if text.contains(SEP) {
            return None;
        }
        out.push(kind);
        out.push(SEP);
        let or_none = |n: Option<u32>| n.map_or(Name(""), Number);
        for field in [or_none(element), first, or_none(second)] {
            match field {
                Number(n) => out.push_str(&number(n)),
                Name(name) => out.push_str(name),
            }
            out.push(SEP);
        }
        out.push_str(text);
        out.push(SEP);
    }
    Some(out)
}

fn number(n: u32) -> String {
    crate::num::text(f64::from(n))
}

/// Applies the patch to the region's element (in JavaScript, `patchRegion` above: one call);
/// `false` (with some edits perhaps made) when the element does not hold what the patch
/// expects: the caller then writes the region whole.
pub fn apply(region: &web_sys::Element, patch: &Patch<'_>) -> bool {
    program(patch).is_some_and(|edits| patch_region(region, patch.elements, &edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::markup::Html;

    fn text(parent: Option<u32>, child: u32, text: &str) -> Edit<'static> {
        Edit::Text {
            parent,
            child,
            text: text.into(),
        }
    }

    fn attr(element: u32, name: &'static str, value: &str) -> Edit<'static> {
        Edit::Attr {
            element,
            name,
            value: value.into(),
        }
    }

    #[test]
    fn the_program_for_javascript() {
        let edits = vec![
            text(None, 0, "a"),
            text(Some(12), 305, "b c"),
            attr(7, "width", "1.5"),
            inner(40, "<b>x</b>", 1),
            insert(Some(3), 2, "<i>y</i>z", 1),
            remove(None, 4, 2),
        ];
        let patch = Patch {
            elements: 50,
            edits,
        };
        assert_eq!(
            program(&patch).as_deref(),
            Some(concat!(
                "T\u{1}\u{1}0\u{1}\u{1}a\u{1}",
                "T\u{1}12\u{1}305\u{1}\u{1}b c\u{1}",
                "A\u{1}7\u{1}width\u{1}\u{1}1.5\u{1}",
                "I\u{1}40\u{1}\u{1}1\u{1}<b>x</b>\u{1}",
                "B\u{1}3\u{1}2\u{1}1\u{1}<i>y</i>z\u{1}",
                "R\u{1}\u{1}4\u{1}2\u{1}\u{1}",
            ))
        );
        let held = Patch {
            elements: 1,
            edits: vec![text(None, 0, "a\u{1}b")],
        };
        assert_eq!(program(&held), None, "a text holding the separator");
    }

    #[test]
    fn the_same_markup_needs_no_edit() {
        let m = "<p class=\"a\">x<b>y</b></p><input value=\"1\">z";
        assert_eq!(
            diff(m, m),
            Some(Patch {
                elements: 3,
                edits: vec![]
            })
        );
    }

    #[test]
    fn texts_are_found_by_their_parent_and_place() {
        let old = "a<p>b<b>c</b>d</p><svg><rect></rect><text>e</text></svg>f";
        let new = "A<p>b<b>C</b>D</p><svg><rect></rect><text>E</text></svg>F";
        assert_eq!(
            diff(old, new),
            Some(Patch {
                elements: 5,
                edits: vec![
                    text(None, 0, "A"),
                    text(Some(1), 0, "C"),
                    text(Some(0), 2, "D"),
                    text(Some(4), 0, "E"),
                    text(None, 3, "F"),
                ]
            })
        );
    }

    #[test]
    fn empty_texts_are_not_nodes() {
        // After the void <input> and the empty <i>, "x" is the <p>'s third child.
        let old = "<p><input><i></i>x</p>";
        let new = "<p><input><i></i>y</p>";
        assert_eq!(
            diff(old, new).map(|p| p.edits),
            Some(vec![text(Some(0), 2, "y")])
        );
    }

    #[test]
    fn attribute_values_are_set() {
        let old = "<p class=\"a\" hidden=\"\"><rect width=\"1\" x=\"0\"></rect></p>";
        let new = "<p class=\"b\" hidden=\"\"><rect width=\"2\" x=\"&amp;\"></rect></p>";
        assert_eq!(
            diff(old, new).map(|p| p.edits),
            Some(vec![
                attr(0, "class", "b"),
                attr(1, "width", "2"),
                attr(1, "x", "&"),
            ])
        );
    }

    fn inner(element: u32, markup: &'static str, elements: u32) -> Edit<'static> {
        Edit::Inner {
            element,
            markup,
            elements,
        }
    }

    fn insert(
        parent: Option<u32>,
        child: u32,
        markup: &'static str,
        elements: u32,
    ) -> Edit<'static> {
        Edit::Insert {
            parent,
            child,
            markup,
            elements,
        }
    }

    fn remove(parent: Option<u32>, child: u32, nodes: u32) -> Edit<'static> {
        Edit::Remove {
            parent,
            child,
            nodes,
        }
    }

    #[test]
    fn children_added_or_removed_at_the_end() {
        // A list one item longer: the item inserted after the last (the list's child 1), and
        // the paragraph after it patched (it is element 2, as in the old markup).
        assert_eq!(
            diff(
                "<ul><li>a</li></ul><p>x</p>",
                "<ul><li>a</li><li>b</li>c<li>d</li></ul><p>y</p>"
            ),
            Some(Patch {
                elements: 3,
                edits: vec![
                    insert(Some(0), 1, "<li>b</li>c<li>d</li>", 2),
                    text(Some(2), 0, "y")
                ]
            })
        );
        // Two items (and the text between them) fewer: the three nodes removed; the element
        // after them keeps its number in the old markup (5).
        assert_eq!(
            diff(
                "<ul>x<li>a</li><li>b</li>c<li><i>d</i></li></ul><p>y</p>",
                "<ul>x<li>a</li></ul><p>z</p>"
            ),
            Some(Patch {
                elements: 6,
                edits: vec![remove(Some(0), 2, 3), text(Some(5), 0, "z")]
            })
        );
    }

    #[test]
    fn the_read_ahead_is_bounded() {
        // Ten children gone before the one kept: removed. Three hundred: the read-ahead stops
        // (a diff stays linear) and the list is written again.
        for (n, removed) in [(10, true), (300, false)] {
            let old = format!("<div>{}<b></b></div>", "<i></i>".repeat(n));
            let edits = diff(&old, "<div><b></b></div>").map(|p| p.edits);
            let expected = if removed {
                remove(Some(0), 0, n as u32)
            } else {
                inner(0, "<b></b>", 1)
            };
            assert_eq!(edits, Some(vec![expected]), "{n}");
        }
    }

    #[test]
    fn one_child_added_or_removed_before_another() {
        // The badge that moves to the recommended card: inserted before the title of one,
        // removed from before the title of the other (with the text after it).
        assert_eq!(
            diff(
                "<article class=\"card\"><h3>Pro</h3></article><article class=\"card recommended\"><b>R</b> <h3>Max</h3></article>",
                "<article class=\"card recommended\"><b>R</b><h3>Pro</h3></article><article class=\"card\"><h3>Max</h3></article>"
            )
            .map(|p| p.edits),
            Some(vec![
                attr(0, "class", "card recommended"),
                insert(Some(0), 0, "<b>R</b>", 1),
                attr(2, "class", "card"),
                remove(Some(2), 0, 2),
            ])
        );
        // Among the region's own children, a void element, and one holding others; a text
        // after the added one goes with it.
        assert_eq!(
            diff("a<p>1</p>c", "a<input>b<p>1</p>d").map(|p| p.edits),
            Some(vec![insert(None, 1, "<input>b", 1), text(None, 4, "d")])
        );
        assert_eq!(
            diff("<div><i><b>x</b></i><p>1</p></div>", "<div><p>2</p></div>").map(|p| p.edits),
            Some(vec![remove(Some(0), 0, 1), text(Some(3), 0, "2")])
        );
    }

    #[test]
    fn a_change_of_elements_writes_the_element_around_it_again() {
        // An element in place of another: the card's content written again.
        assert_eq!(
            diff(
                "<div><article class=\"card\"><i>R</i><h3>Pro</h3></article></div>",
                "<div><article class=\"card recommended\"><b>R</b><h3>Pro</h3></article></div>"
            )
            .map(|p| p.edits),
            Some(vec![
                attr(1, "class", "card recommended"),
                inner(1, "<b>R</b><h3>Pro</h3>", 2)
            ])
        );
        // A text that appears or disappears; nested elements and void ones skipped whole.
        for (old, new, edit) in [
            ("<div><p>a</p></div>", "<div><p></p></div>", inner(1, "", 0)),
            (
                "<div><p></p></div>",
                "<div><p>a</p></div>",
                inner(1, "a", 0),
            ),
            (
                "<div><p><i><input></i>x</p></div>",
                "<div><p><b>y</b></p></div>",
                inner(1, "<b>y</b>", 1),
            ),
            (
                "<div><input value=\"1\"></div>",
                "<div><input value=\"2\"></div>",
                inner(0, "<input value=\"2\">", 1),
            ),
        ] {
            assert_eq!(
                diff(old, new).map(|p| p.edits),
                Some(vec![edit]),
                "{old} → {new}"
            );
        }
        assert_eq!(
            diff(
                "<div><p><i><input></i>x</p></div><a>1</a>",
                "<div><p><b>y</b></p></div><a>2</a>"
            )
            .map(|p| (p.elements, p.edits)),
            Some((5, vec![inner(1, "<b>y</b>", 1), text(Some(4), 0, "2")])),
            "the old elements are counted"
        );
    }

    #[test]
    fn a_change_of_the_regions_own_elements_writes_it_whole() {
        for (old, new) in [
            ("<p>a</p>", "<div>a</div>"),
            ("<p>a</p>", "<p>a</p><p>b</p>"),
            ("<p>a</p>b", "<p>a</p>"),
            ("a", ""),
            // An attribute added, removed, or in another place, on the region's own children.
            ("<p>a</p>", "<p hidden=\"\">a</p>"),
            ("<p hidden=\"\">a</p>", "<p>a</p>"),
            ("<p a=\"1\" b=\"2\">x</p>", "<p b=\"2\" a=\"1\">x</p>"),
            ("<input value=\"1\">", "<input value=\"2\">"),
        ] {
            assert_eq!(diff(old, new), None, "{old} → {new}");
        }
    }

    #[test]
    fn what_the_parser_would_change_writes_the_region_whole() {
        assert_eq!(diff("<p>a</p>", "<p>a\rb</p>"), None);
        assert_eq!(diff("<p>a</p>", "<p>a\0b</p>"), None);
        // Not the writer's markup: an unknown entity, a tag left open.
        assert_eq!(diff("<p>a</p>", "<p>&nbsp;</p>"), None);
        assert_eq!(diff("<p>a", "<p>b"), None);
    }

    #[test]
    fn escapes_are_undone() {
        let mut old = Html::new();
        old.el("p", &[("title", "1")], "1");
        let mut new = Html::new();
        new.el("p", &[("title", "<\"'&>")], "a < b & 'c' \"d\" > e");
        assert_eq!(
            diff(old.finish().as_str(), new.finish().as_str()).map(|p| p.edits),
            Some(vec![
                attr(0, "title", "<\"'&>"),
                text(Some(0), 0, "a < b & 'c' \"d\" > e"),
            ])
        );
    }
}
/// A page in memory for the tests: the writer's markup as a tree, patched as [`apply`] patches the
/// browser's.
#[cfg(test)]
mod tree {
    use super::{Edit, Patch, Token, Tokens, VOID};

    /// A node: an element (name, attributes, children) or a text.
    #[derive(Clone, Debug, PartialEq)]
    pub enum Node {
        Element(String, Vec<(String, String)>, Vec<Node>),
        Text(String),
    }

    /// The markup as the parser reads it.
    pub fn parse(markup: &str) -> Vec<Node> {
        let mut tokens = Tokens::new(markup);
        // The elements being read: name, attributes, children so far.
        let mut stack = vec![(String::new(), vec![], vec![])];
        while let Some(token) = tokens.next() {
            let children = &mut stack.last_mut().unwrap().2;
            match token.expect("the writer's markup") {
                Token::Text("") => {}
                Token::Text(t) => children.push(Node::Text(super::unescape(t).unwrap())),
                Token::Open(name, mut attrs) => {
                    let mut list = vec![];
                    while let Some((n, v)) = super::next_attr(&mut attrs) {
                        list.push((n.to_string(), super::unescape(v).unwrap()));
                    }
                    if VOID.contains(&name) {
                        children.push(Node::Element(name.into(), list, vec![]));
                    } else {
                        stack.push((name.into(), list, vec![]));
                    }
                }
                Token::Close(_) => {
                    let (name, attrs, children) = stack.pop().unwrap();
                    stack
                        .last_mut()
                        .unwrap()
                        .2
                        .push(Node::Element(name, attrs, children));
                }
            }
        }
        assert_eq!(stack.len(), 1);
        stack.pop().unwrap().2
    }

    /// The nodes in document order, each element with its path of child indices from the top.
    fn elements(nodes: &[Node], path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        for (i, n) in nodes.iter().enumerate() {
            if let Node::Element(_, _, children) = n {
                path.push(i);
                out.push(path.clone());
                elements(children, path, out);
                path.pop();
            }
        }
    }

    /// The node at `path` (not empty).
    fn at<'a>(nodes: &'a mut [Node], path: &[usize]) -> Option<&'a mut Node> {
        let (first, rest) = path.split_first()?;
        rest.iter()
            .try_fold(nodes.get_mut(*first)?, |n, &i| match n {
                Node::Element(_, _, children) => children.get_mut(i),
                Node::Text(_) => None,
            })
    }

    /// The children of the element at `path`, or the top's for an empty path.
    fn children<'a>(nodes: &'a mut Vec<Node>, path: &[usize]) -> Option<&'a mut Vec<Node>> {
        if path.is_empty() {
            return Some(nodes);
        }
        match at(nodes, path)? {
            Node::Element(_, _, c) => Some(c),
            Node::Text(_) => None,
        }
    }

    /// Applies the patch as the browser's [`super::apply`] does: elements are found by their
    /// number before any edit (a snapshot, as `querySelectorAll` is: here, their paths, moved
    /// along when children are inserted or removed before them; an element removed is found no
    /// more, and an edit never names an element inside one written again before it).
    pub fn apply(nodes: &mut Vec<Node>, patch: &Patch<'_>) -> bool {
        let mut all = vec![];
        elements(nodes, &mut vec![], &mut all);
        if all.len() != patch.elements as usize {
            return false;
        }
        for edit in &patch.edits {
            // The path of an element (the top for `None`); `None` once it was removed.
            let path_of = |all: &[Vec<usize>], p: &Option<u32>| match p {
                None => Some(vec![]),
                Some(i) => Some(all[*i as usize].clone()).filter(|p| !p.is_empty()),
            };
            let ok = match edit {
                Edit::Text {
                    parent: p,
                    child,
                    text,
                } => match path_of(&all, p)
                    .and_then(|p| children(nodes, &p))
                    .and_then(|c| c.get_mut(*child as usize))
                {
                    Some(Node::Text(t)) => {
                        *t = text.clone();
                        true
                    }
                    _ => false,
                },
                Edit::Attr {
                    element,
                    name,
                    value,
                } => match path_of(&all, &Some(*element)).and_then(|p| at(nodes, &p)) {
                    Some(Node::Element(_, attrs, _)) => {
                        match attrs.iter_mut().find(|(n, _)| n == name) {
                            Some(a) => {
                                a.1 = value.clone();
                                true
                            }
                            None => false,
                        }
                    }
                    _ => false,
                },
                Edit::Inner {
                    element,
                    markup,
                    elements: count,
                } => match path_of(&all, &Some(*element)).and_then(|p| children(nodes, &p)) {
                    Some(c) => {
                        *c = parse(markup);
                        count_elements(c) == *count as usize
                    }
                    None => false,
                },
                Edit::Insert {
                    parent: p,
                    child,
                    markup,
                    elements: count,
                } => {
                    let Some(path) = path_of(&all, p) else {
                        return false;
                    };
                    let part = parse(markup);
                    let (at, added) = (*child as usize, part.len());
                    match children(nodes, &path) {
                        Some(c) if at <= c.len() && count_elements(&part) == *count as usize => {
                            c.splice(at..at, part);
                            shift(&mut all, &path, at, |i| i + added);
                            true
                        }
                        _ => false,
                    }
                }
                Edit::Remove {
                    parent: p,
                    child,
                    nodes: count,
                } => {
                    let Some(path) = path_of(&all, p) else {
                        return false;
                    };
                    let range = *child as usize..(*child + *count) as usize;
                    match children(nodes, &path) {
                        Some(c)
                            if range.end <= c.len()
                                && matches!(c[range.start], Node::Element(..)) =>
                        {
                            c.drain(range.clone());
                            // The elements removed are found no more (an empty path).
                            shift(&mut all, &path, range.start, |i| {
                                if i < range.end {
                                    usize::MAX
                                } else {
                                    i - range.len()
                                }
                            });
                            for p in all.iter_mut() {
                                if p.contains(&usize::MAX) {
                                    p.clear();
                                }
                            }
                            true
                        }
                        _ => false,
                    }
                }
            };
            if !ok {
                return false;
            }
        }
        true
    }

    fn count_elements(nodes: &[Node]) -> usize {
        let mut inside = vec![];
        elements(nodes, &mut vec![], &mut inside);
        inside.len()
    }

    /// Moves the paths that go through a child of `parent` from number `from` on.
    fn shift(all: &mut [Vec<usize>], parent: &[usize], from: usize, to: impl Fn(usize) -> usize) {
        for p in all.iter_mut() {
            if p.len() > parent.len() && p.starts_with(parent) && p[parent.len()] >= from {
                p[parent.len()] = to(p[parent.len()]);
            }
        }
    }
}

#[cfg(test)]
mod patched {
    use super::{diff, tree};
    use crate::i18n::Lang;
    use crate::model::{Inputs, ModelChoice, NumInput};
    use proptest::prelude::*;

    /// What `old` shows once patched towards `new`; `None` when written whole.
    fn patched(old: &str, new: &str) -> Option<Vec<tree::Node>> {
        let patch = diff(old, new)?;
        let mut page = tree::parse(old);
        assert!(tree::apply(&mut page, &patch), "{patch:?}");
        Some(page)
    }

    fn inputs(n: f64, hours: f64, model: usize, extra: bool) -> Inputs {
        let mut i = Inputs::default();
        i.set_num(NumInput::Instances, n);
        i.set_num(NumInput::Hours, hours);
        i.model = ModelChoice::ALL[model % ModelChoice::ALL.len()];
        i.extra_usage = extra;
        i
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// The whole page, from one state to another: the patched page is the new page.
        #[test]
        fn a_patched_page_is_the_new_page(
            a in (1.0..10.0f64, 0.5..12.0f64, 0..3usize, any::<bool>()),
            b in (1.0..10.0f64, 0.5..12.0f64, 0..3usize, any::<bool>()),
            fr in any::<bool>(),
        ) {
            let l = if fr { Lang::Fr } else { Lang::En };
            let (_, old) = crate::ui::render(inputs(a.0.round(), a.1, a.2, a.3), l, vec![]);
            let (_, new) = crate::ui::render(inputs(b.0.round(), b.1, b.2, b.3), l, vec![]);
            // The page's own elements stay: it is patched, never written whole.
            let page = patched(old.as_str(), new.as_str());
            prop_assert!(page.is_some());
            prop_assert_eq!(page, Some(tree::parse(new.as_str())));
        }
    }

    #[test]
    fn the_answer_is_patched_not_written_whole() {
        // From 5 to 6 instances the same plan is recommended, its figures moved; from 3 to 4
        // and from 8 to 2 the recommendation moves to another card (its badge inserted in one,
        // removed from the other), and the explanation's lists gain or lose an item.
        let eval = |n| crate::model::evaluate(&inputs(n, 4.0, 0, false));
        for (from, to) in [(5.0, 6.0), (3.0, 4.0), (8.0, 2.0), (4.0, 5.0)] {
            let (a, b) = (eval(from), eval(to));
            for (old, new) in [
                (
                    crate::ui::result::cards(Lang::En, &a),
                    crate::ui::result::cards(Lang::En, &b),
                ),
                (
                    crate::ui::result::explanation(Lang::En, &a),
                    crate::ui::result::explanation(Lang::En, &b),
                ),
            ] {
                let patch = diff(old.as_str(), new.as_str()).expect("patched");
                assert!(patch.edits.len() > 2, "{from} → {to}: {patch:?}");
                assert!(
                    !patch
                        .edits
                        .iter()
                        .any(|e| matches!(e, super::Edit::Inner { .. })),
                    "{from} → {to}: {patch:?}"
                );
                assert_eq!(
                    patched(old.as_str(), new.as_str()),
                    Some(tree::parse(new.as_str()))
                );
            }
        }
    }
}
