//! One pass over a RON source that finds its string literals, skipping
//! comments and character literals, so that a later error can point at the
//! literal it is about without searching the text again.

/// A string literal: its text between the quotes, as written.
pub struct Literal<'a> {
    pub text: &'a str,
    /// Byte offset of the opening quote.
    pub quote: usize,
    /// Whether it is the value of an `id:` field.
    pub is_id: bool,
    /// The name of the struct whose parentheses hold it (`""` if none).
    pub owner: &'a str,
}

/// Every string literal of `source`, in order. Malformed input (an
/// unterminated string or comment) ends the scan; it never panics.
pub fn scan(source: &str) -> Vec<Literal<'_>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    // The struct name before each open bracket still open.
    let mut owners: Vec<&str> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = find_from(bytes, at, b"\n").map_or(bytes.len(), |n| n + 1);
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at = find_from(bytes, at + 2, b"*/").map_or(bytes.len(), |n| n + 2);
            }
            b'(' | b'[' | b'{' => {
                let name = if bytes[at] == b'(' {
                    name_before(source, at)
                } else {
                    ""
                };
                owners.push(name);
                at += 1;
            }
            b')' | b']' | b'}' => {
                owners.pop();
                at += 1;
            }
            b'\'' => at = skip_char_literal(bytes, at),
            b'"' => {
                let end = string_end(bytes, at + 1);
                out.push(Literal {
                    text: &source[at + 1..end],
                    quote: at,
                    is_id: is_id_value(source, at),
                    owner: owners.last().copied().unwrap_or(""),
                });
                at = end + 1;
            }
            b'r' if raw_start(bytes, at).is_some() => {
                let (hashes, quote) = raw_start(bytes, at).unwrap_or_default();
                let mut close = vec![b'"'];
                close.extend(std::iter::repeat_n(b'#', hashes));
                let end = find_from(bytes, quote + 1, &close).unwrap_or(bytes.len());
                out.push(Literal {
                    text: &source[quote + 1..end],
                    quote,
                    is_id: false,
                    owner: owners.last().copied().unwrap_or(""),
                });
                at = end + close.len();
            }
            _ => at += 1,
        }
    }
    out
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// The byte offset of the closing quote of a string whose text starts at
/// `from` (the end of the source when there is none).
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// `'x'`, `'\''` or `'é'`: past its closing quote. A lone `'` is skipped alone.
fn skip_char_literal(bytes: &[u8], at: usize) -> usize {
    let inner = at + 1;
    let close = if bytes.get(inner) == Some(&b'\\') {
        bytes
            .get(inner + 2..)
            .and_then(|rest| rest.iter().take(10).position(|&b| b == b'\''))
            .map(|n| inner + 2 + n)
    } else {
        // One UTF-8 character: a lead byte and its continuation bytes.
        let len = bytes.get(inner).map_or(1, |&b| match b {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        });
        Some(inner + len).filter(|&n| bytes.get(n) == Some(&b'\''))
    };
    close.map_or(at + 1, |n| n + 1)
}

/// For `r"` or `r#"`: the number of hashes and the offset of the quote.
fn raw_start(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    if at > 0 && is_ident(bytes[at - 1]) {
        return None;
    }
    let hashes = bytes[at + 1..].iter().take_while(|&&b| b == b'#').count();
    let quote = at + 1 + hashes;
    (bytes.get(quote) == Some(&b'"')).then_some((hashes, quote))
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether the quote at `quote` follows `id:` (`id` standing alone, not the
/// end of `item_id`).
fn is_id_value(source: &str, quote: usize) -> bool {
    let Some(before) = source[..quote].trim_end().strip_suffix(':') else {
        return false;
    };
    let Some(before) = before.trim_end().strip_suffix("id") else {
        return false;
    };
    !before.bytes().next_back().is_some_and(is_ident)
}

/// The identifier just before the bracket at `open` (blanks allowed between).
fn name_before(source: &str, open: usize) -> &str {
    let before = source[..open].trim_end();
    let start = before
        .bytes()
        .rposition(|b| !is_ident(b))
        .map_or(0, |n| n + 1);
    &before[start..]
}
