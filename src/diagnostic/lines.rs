//! Lines of a source, indexed in one pass: which line a byte is on and its
//! column in characters, each a binary search and a short count, so that
//! thousands of errors on one long line (a file squeezed onto one line)
//! cost no more than thousands spread over many.

/// Long non-ASCII lines get a mark about this often (bytes), so a column
/// is counted from the nearest mark, not from the line's start.
const STEP: usize = 1024;

pub struct Lines<'a> {
    source: &'a str,
    /// Byte offset where each line starts, and whether the line is ASCII
    /// (then a column is a byte difference, not a count of characters).
    starts: Vec<(usize, bool)>,
    /// In long non-ASCII lines: a byte offset and its line's characters before it.
    marks: Vec<(usize, usize)>,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut lines = Self {
            source,
            starts: starts(source),
            marks: Vec::new(),
        };
        for n in 0..lines.starts.len() {
            let (start, ascii) = lines.starts[n];
            let text = lines.text(n);
            if !ascii && text.len() > STEP {
                lines.mark(start, text);
            }
        }
        lines
    }

    fn mark(&mut self, start: usize, text: &str) {
        let mut last = 0;
        for (chars, (at, _)) in text.char_indices().enumerate() {
            if at - last >= STEP {
                self.marks.push((start + at, chars));
                last = at;
            }
        }
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let n = self.starts.partition_point(|&(start, _)| start <= offset);
        n.saturating_sub(1)
    }

    /// Where line `n` starts, if there is such a line.
    pub fn start(&self, n: usize) -> Option<usize> {
        self.starts.get(n).map(|&(start, _)| start)
    }

    /// Line `n`'s text without its line break.
    pub fn text(&self, n: usize) -> &'a str {
        let Some(start) = self.start(n) else {
            return "";
        };
        let end = self.start(n + 1).map_or(self.source.len(), |next| next - 1);
        let line = &self.source[start..end];
        line.strip_suffix('\r').unwrap_or(line)
    }

    /// Characters between the start of line `n` and byte `offset` on it
    /// (a char boundary).
    pub fn chars_before(&self, n: usize, offset: usize) -> usize {
        let (start, ascii) = self.starts[n];
        if ascii {
            return offset - start;
        }
        let i = self.marks.partition_point(|&(at, _)| at <= offset);
        let (from, chars) = match i.checked_sub(1).map(|i| self.marks[i]) {
            Some(mark) if mark.0 >= start => mark,
            _ => (start, 0),
        };
        chars + self.source[from..offset].chars().count()
    }
}

/// Where each line starts, and whether it is all ASCII.
fn starts(source: &str) -> Vec<(usize, bool)> {
    let mut lines = vec![(0, true)];
    for (n, &b) in source.as_bytes().iter().enumerate() {
        if b == b'\n' {
            lines.push((n + 1, true));
        } else if !b.is_ascii() {
            lines.last_mut().expect("never empty").1 = false;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_counted_from_marks_match_counting_from_the_start() {
        let source = format!("ab\n{}\r\nz", "é-x".repeat(2_000));
        let lines = Lines::new(&source);
        assert!(!lines.marks.is_empty());
        assert_eq!(lines.text(1), "é-x".repeat(2_000));
        let start = lines.start(1).unwrap();
        for (at, _) in source[start..].char_indices().step_by(7) {
            let offset = start + at;
            let n = lines.line_of(offset);
            let slow = source[source[..offset].rfind('\n').unwrap() + 1..offset]
                .chars()
                .count();
            assert_eq!(
                (n, lines.chars_before(n, offset)),
                (slow_line(&source, offset), slow)
            );
        }
    }

    fn slow_line(source: &str, offset: usize) -> usize {
        source[..offset].matches('\n').count()
    }
}
