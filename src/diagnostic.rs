//! Positioned error messages in the style of rustc:
//! `path:line:col: message`, then the offending line with a caret under the spot.

use std::fmt;

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
    /// The source line at `pos`, for the caret display.
    pub line_text: String,
}

impl Diagnostic {
    pub fn new(path: &str, source: &str, pos: Pos, message: impl Into<String>) -> Self {
        let line_text = source
            .lines()
            .nth(pos.line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        Self {
            path: path.to_string(),
            pos,
            message: message.into(),
            line_text,
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
        write!(f, "{pad} | {}^", " ".repeat(col.saturating_sub(1)))
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
    source: &'a str,
    loc: Locator<'a>,
    found: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    pub fn new(path: &'a str, source: &'a str) -> Self {
        Self {
            path,
            source,
            loc: Locator::new(source),
            found: Vec::new(),
        }
    }

    /// Records `message` at the first `needle` in the file (its start if none).
    pub fn at(&mut self, needle: &str, message: String) {
        let at = self.loc.after(0, needle).unwrap_or(0);
        self.found.push(Diagnostic::new(
            self.path,
            self.source,
            self.loc.pos(at),
            message,
        ));
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
pub struct Locator<'a> {
    source: &'a str,
    /// Every `id: "value"` field in the source: (value, byte offset of the quote).
    ids: Vec<(&'a str, usize)>,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            ids: id_fields(source),
        }
    }

    /// Byte offset of the `nth` (0-based) `id: "value"` field with this value.
    pub fn id_field(&self, value: &str, nth: usize) -> Option<usize> {
        self.ids
            .iter()
            .filter(|(v, _)| *v == value)
            .nth(nth)
            .map(|(_, at)| *at)
    }

    /// Byte offset of the `id` field of the struct `name` (e.g. `Item`) whose id
    /// is `value`, searching from `from`. Falls back to any `id: "value"` when
    /// the file leaves struct names out.
    pub fn struct_id(&self, name: &str, value: &str, from: usize) -> Option<usize> {
        let mut first_after = None;
        let mut nth = 0;
        while let Some(at) = self.id_field(value, nth) {
            nth += 1;
            if at < from {
                continue;
            }
            first_after.get_or_insert(at);
            let open = self.source[..at].rfind('(').unwrap_or(0);
            if self.source[..open].trim_end().ends_with(name) {
                return Some(at);
            }
        }
        first_after.or_else(|| self.id_field(value, 0))
    }

    /// Byte offset of the first `needle` at or after `from`.
    pub fn after(&self, from: usize, needle: &str) -> Option<usize> {
        self.source.get(from..)?.find(needle).map(|rel| from + rel)
    }

    /// Byte offset of the string literal `"value"` at or after `from`.
    pub fn string_after(&self, from: usize, value: &str) -> Option<usize> {
        self.after(from, &format!("\"{value}\""))
    }

    /// Byte offset of a position (clamped to the source).
    pub fn offset(&self, pos: Pos) -> usize {
        let mut start = 0;
        for _ in 1..pos.line {
            match self.source[start..].find('\n') {
                Some(n) => start += n + 1,
                None => return self.source.len(),
            }
        }
        let line = &self.source[start..];
        start
            + line
                .char_indices()
                .nth(pos.col.saturating_sub(1))
                .map_or(line.len(), |(n, _)| n)
    }

    /// Just after the last non-blank character before `offset`: where a
    /// missing comma or bracket belongs.
    pub fn end_of_previous_token(&self, offset: usize) -> usize {
        self.source[..offset.min(self.source.len())]
            .trim_end()
            .len()
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.source.len());
        let before = &self.source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let col = before[line_start..].chars().count() + 1;
        Pos { line, col }
    }
}

/// All `id: "value"` fields, found in one pass. `id` must stand alone (not
/// the end of `item_id`), and the value must be a plain string without escapes.
fn id_fields(source: &str) -> Vec<(&str, usize)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = source[from..].find("id") {
        let at = from + rel;
        from = at + 2;
        let standalone =
            at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let rest = source[at + 2..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        if !standalone || !rest.starts_with('"') {
            continue;
        }
        let quote = source.len() - rest.len();
        if let Some(len) = rest[1..].find('"') {
            out.push((&rest[1..1 + len], quote));
        }
    }
    out
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
}
