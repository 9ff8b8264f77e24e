//! Positioned error messages in the style of rustc:
//! `path:line:col: message`, then the offending line with a caret under the spot.

use std::collections::HashMap;
use std::fmt;

mod groups;
mod lines;
mod literals;

use groups::Groups;
use lines::Lines;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub pos: Pos,
    pub message: String,
    /// The source line at `pos`, for the caret display (a window of it when
    /// the line is very long).
    pub line_text: String,
    /// Characters of the line left out before `line_text`.
    shown_from: usize,
}

impl Diagnostic {
    /// A diagnostic quoting line `pos.line` of `source`. It walks the source
    /// to that line: for many diagnostics in one file use `Locator::diagnostic`.
    pub fn new(path: &str, source: &str, pos: Pos, message: impl Into<String>) -> Self {
        let line = source.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
        Self::quoting(path, line, pos, (0, 0), message.into())
    }

    /// Quotes at most a window of `line` around the column: a mutated file
    /// may hold a megabyte on one line, and thousands of problems on it.
    /// `known` is a byte of the line and its characters before it, from
    /// which the window is found without walking the line from its start.
    fn quoting(path: &str, line: &str, pos: Pos, known: (usize, usize), message: String) -> Self {
        const WIDE: usize = 200;
        let skip = pos.col.saturating_sub(WIDE / 2 + 1);
        let line_text = if line.len() <= WIDE {
            line.to_string()
        } else {
            line[char_byte(line, skip, known)..]
                .chars()
                .take(WIDE)
                .collect()
        };
        Self {
            path: path.to_string(),
            pos,
            message,
            line_text,
            shown_from: if line.len() <= WIDE { 0 } else { skip },
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Pos { line, col } = self.pos;
        writeln!(f, "{}:{line}:{col}: {}", self.path, self.message)?;
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        // Tabs would shift the caret; show them as single spaces.
        let text = self.line_text.replace('\t', " ");
        writeln!(f, "{pad} |")?;
        writeln!(f, "{line} | {text}")?;
        let caret = (col.saturating_sub(1).saturating_sub(self.shown_from))
            .min(self.line_text.chars().count());
        write!(f, "{pad} | {}^", " ".repeat(caret))
    }
}

/// A list of diagnostics for one file, shown one after another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, d) in self.0.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Problems found in a file after parsing, each placed at the first
/// occurrence of a piece of text (a field name, a quoted id).
pub struct Problems<'a> {
    path: &'a str,
    loc: Locator<'a>,
    /// Where each unquoted needle was first found: a file with thousands of
    /// problems must not search the whole text for each.
    first: HashMap<String, usize>,
    found: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    pub fn new(path: &'a str, source: &'a str) -> Self {
        Self {
            path,
            loc: Locator::new(source),
            first: HashMap::new(),
            found: Vec::new(),
        }
    }

    /// Records `message` at the first `needle` in the file (its start if
    /// none). A quoted needle (`"\"x\""`) means the string literal `"x"`.
    pub fn at(&mut self, needle: &str, message: String) {
        let at = match needle.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
            Some(value) => self.loc.string_after(0, value).unwrap_or(0),
            None => match self.first.get(needle) {
                Some(&at) => at,
                None => {
                    let at = self.loc.after(0, needle).unwrap_or(0);
                    self.first.insert(needle.to_string(), at);
                    at
                }
            },
        };
        let d = self.loc.diagnostic(self.path, at, message);
        self.found.push(d);
    }

    /// Records `message` at a byte offset.
    pub fn at_offset(&mut self, at: usize, message: String) {
        let d = self.loc.diagnostic(self.path, at, message);
        self.found.push(d);
    }

    /// Where things are in the file, to find an offset for `at_offset`.
    pub fn locator(&self) -> &Locator<'a> {
        &self.loc
    }

    /// Records `message` at the `nth` (0-based) `id: "value"` field, or at
    /// the first `"value"` when there are not that many.
    pub fn at_id(&mut self, value: &str, nth: usize, message: String) {
        let at = self.loc.id_field(value, nth);
        let at = at.or_else(|| self.loc.string_after(0, value)).unwrap_or(0);
        let d = self.loc.diagnostic(self.path, at, message);
        self.found.push(d);
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// `value` when nothing was found, else every problem.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.found.is_empty() {
            Ok(value)
        } else {
            Err(Diagnostics(self.found))
        }
    }
}

/// Finds where things are in a RON source, so that errors found after parsing
/// (duplicate ids, bad references) can still point at a line and column.
/// Everything is indexed in one pass, so each lookup is a hash or a binary
/// search: thousands of errors in a large file stay linear.
pub struct Locator<'a> {
    source: &'a str,
    lines: Lines<'a>,
    /// Every string literal's text (between the quotes) to the byte offsets
    /// of its opening quote, in source order.
    strings: Groups<&'a str>,
    /// Every `id: "value"` field: value to quote offsets, in source order.
    ids: Groups<&'a str>,
    /// The same, by the name of the struct that holds the field (`Item`).
    named_ids: Groups<(&'a str, &'a str)>,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        let literals = literals::scan(source);
        let ids = || literals.iter().filter(|l| l.is_id);
        Self {
            source,
            lines: Lines::new(source),
            strings: Groups::new(literals.iter().map(|l| (l.text, l.quote))),
            ids: Groups::new(ids().map(|l| (l.text, l.quote))),
            named_ids: Groups::new(ids().map(|l| ((l.owner, l.text), l.quote))),
        }
    }

    /// A locator that knows the lines but no strings: every search for a
    /// string finds nothing. Enough to tell whether a file has problems,
    /// for a fraction of the cost of `new`.
    pub fn lines_only(source: &'a str) -> Self {
        Self {
            source,
            lines: Lines::new(source),
            strings: Groups::new(std::iter::empty()),
            ids: Groups::new(std::iter::empty()),
            named_ids: Groups::new(std::iter::empty()),
        }
    }

    /// Byte offset of the `nth` (0-based) `id: "value"` field with this value.
    pub fn id_field(&self, value: &str, nth: usize) -> Option<usize> {
        self.ids.get(&value)?.get(nth).copied()
    }

    /// Byte offset of the `id` field of the struct `name` (e.g. `Item`) whose id
    /// is `value`, searching from `from`. Falls back to any `id: "value"` when
    /// the file leaves struct names out.
    pub fn struct_id(&self, name: &str, value: &str, from: usize) -> Option<usize> {
        first_from(self.named_ids.get(&(name, value)), from)
            .or_else(|| first_from(self.ids.get(&value), from))
            .or_else(|| self.id_field(value, 0))
    }

    /// Byte offset of the first `needle` at or after `from`.
    pub fn after(&self, from: usize, needle: &str) -> Option<usize> {
        self.source.get(from..)?.find(needle).map(|rel| from + rel)
    }

    /// Byte offset of the first `needle` in `from..to`: a search that stays
    /// inside one item costs that item's length, not the rest of the file.
    pub fn within(&self, from: usize, to: usize, needle: &str) -> Option<usize> {
        let to = to.min(self.source.len());
        let hay = self.source.get(from..to)?;
        hay.find(needle).map(|rel| from + rel)
    }

    /// Byte offset of the string literal `"value"` at or after `from`.
    pub fn string_after(&self, from: usize, value: &str) -> Option<usize> {
        first_from(self.strings.get(&value), from)
    }

    /// Byte offset of the string literal `"value"` at or after `from` that is
    /// a map key (followed by `:`), or of the first such literal at all.
    pub fn key_after(&self, from: usize, value: &str) -> Option<usize> {
        let offsets = self.strings.get(&value)?;
        let after = &offsets[offsets.partition_point(|&at| at < from)..];
        let end = |at: usize| at + 2 + value.len();
        after
            .iter()
            .find(|&&at| {
                let rest = self.source.get(end(at)..).unwrap_or("");
                rest.trim_start().starts_with(':')
            })
            .or(after.first())
            .copied()
    }

    /// Byte offset of the last `id: "value"` field with this value.
    pub fn last_id_field(&self, value: &str) -> Option<usize> {
        self.ids.get(&value)?.last().copied()
    }

    /// Byte offset of a position (clamped to the source).
    pub fn offset(&self, pos: Pos) -> usize {
        let n = pos.line.saturating_sub(1);
        let Some(start) = self.lines.start(n) else {
            return self.source.len();
        };
        let line = self.lines.text(n);
        start
            + line
                .char_indices()
                .nth(pos.col.saturating_sub(1))
                .map_or(line.len(), |(n, _)| n)
    }

    /// Just after the last non-blank character before `offset`: where a
    /// missing comma or bracket belongs.
    pub fn end_of_previous_token(&self, offset: usize) -> usize {
        let offset = floor_char_boundary(self.source, offset);
        self.source[..offset].trim_end().len()
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = floor_char_boundary(self.source, offset);
        let n = self.lines.line_of(offset);
        Pos {
            line: n + 1,
            col: self.lines.chars_before(n, offset) + 1,
        }
    }

    /// A diagnostic at a byte offset, quoting its line.
    pub fn diagnostic(&self, path: &str, offset: usize, message: String) -> Diagnostic {
        let offset = floor_char_boundary(self.source, offset);
        let pos = self.pos(offset);
        let n = pos.line - 1;
        let start = self.lines.start(n).unwrap_or(0);
        let known = (offset - start, pos.col - 1);
        Diagnostic::quoting(path, self.lines.text(n), pos, known, message)
    }
}

/// The first offset at or after `from` in a sorted list.
fn first_from(offsets: Option<&[usize]>, from: usize) -> Option<usize> {
    let offsets = offsets?;
    offsets
        .get(offsets.partition_point(|&at| at < from))
        .copied()
}

/// The byte where character `chars` of `line` starts (the line's end if
/// it is shorter), counted from `known`: a byte and its characters before.
fn char_byte(line: &str, chars: usize, (at, before): (usize, usize)) -> usize {
    if chars >= before {
        let ahead = line[at..].char_indices().nth(chars - before);
        return ahead.map_or(line.len(), |(n, _)| at + n);
    }
    let back = line[..at].char_indices().rev().nth(before - chars - 1);
    back.map_or(0, |(n, _)| n)
}

/// The largest char boundary at or below `offset` (clamped to the text).
fn floor_char_boundary(s: &str, offset: usize) -> usize {
    let mut at = offset.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_path_line_col_and_caret() {
        let src = "a\n  bad: 1,\n";
        let d = Diagnostic::new("f.ron", src, Pos { line: 2, col: 3 }, "no good");
        assert_eq!(
            d.to_string(),
            "f.ron:2:3: no good\n  |\n2 |   bad: 1,\n  |   ^"
        );
    }

    #[test]
    fn finds_id_fields_but_not_lookalikes() {
        let src = r#"(item_id: "x", id: "x", other: "x", id : "x")"#;
        let l = Locator::new(src);
        assert_eq!(l.id_field("x", 0), Some(19));
        assert_eq!(l.id_field("x", 1), Some(41));
        assert_eq!(l.id_field("x", 2), None);
    }

    #[test]
    fn positions_are_one_based_in_characters() {
        let src = "é\nab";
        let l = Locator::new(src);
        assert_eq!(l.pos(src.len() - 1), Pos { line: 2, col: 2 });
        assert_eq!(l.pos(0), Pos { line: 1, col: 1 });
    }

    #[test]
    fn comments_and_char_literals_hide_no_string_and_make_none() {
        let src = "// id: \"x\"\n(codes: {'\"': \"a\"}, /* \"x\" */ Item(id: \"x\"))";
        let l = Locator::new(src);
        let at = src.rfind("\"x\"").unwrap();
        assert_eq!(l.string_after(0, "x"), Some(at));
        assert_eq!(l.struct_id("Item", "x", 0), Some(at));
        assert_eq!(l.string_after(0, "a"), Some(src.find("\"a\"").unwrap()));
    }

    #[test]
    fn a_very_long_line_is_quoted_around_the_spot() {
        let src = format!("{}bad{}", "x".repeat(5_000), "y".repeat(5_000));
        let l = Locator::new(&src);
        let d = l.diagnostic("f.ron", 5_000, "here".into());
        assert_eq!(
            d.pos,
            Pos {
                line: 1,
                col: 5_001
            }
        );
        let shown = d.to_string();
        let text = shown.lines().nth(2).unwrap();
        let caret = shown.lines().nth(3).unwrap();
        assert!(text.len() < 300, "{text}");
        assert_eq!(&text[caret.len() - 1..caret.len() + 2], "bad");
    }
}
