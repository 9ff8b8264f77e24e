//! A translation checked against the English it translates: every text
//! given, none unknown, none empty, each with the English's `{names}`.

use super::file::locate;
use super::{Key, Texts, Words, dotted, placeholders};
use crate::diagnostic::{Diagnostic, Locator};

/// Every problem of the overlay `given` (read from `source`) against the
/// English texts `english`, each where it is (a missing text at the
/// nearest part of its key that is there).
pub fn check(path: &str, source: &str, english: &Texts, given: &Texts) -> Vec<Diagnostic> {
    let loc = Locator::new(source);
    let mut found = Vec::new();
    let mut at = |key: &Key, message: String| {
        found.push(loc.diagnostic(path, locate(&loc, key).0, message));
    };
    for (key, words) in &english.0 {
        if let (Words::One(text), None) = (words, given.0.get(key)) {
            let message = format!("missing `{}` (in English: \"{text}\")", dotted(key));
            at(key, message);
        }
    }
    for (key, words) in &given.0 {
        match (english.0.get(key), words) {
            (None, _) | (Some(Words::Many(_)), Words::One(_)) => {
                at(
                    key,
                    format!("unknown `{}`: the English has no such text", dotted(key)),
                );
            }
            (Some(Words::One(_)), Words::Many(_)) => {
                at(
                    key,
                    format!("`{}` must be one text, not a list", dotted(key)),
                );
            }
            (Some(Words::One(original)), Words::One(text)) => {
                if let Some(problem) = compare(original, text) {
                    at(key, format!("`{}`: {problem}", dotted(key)));
                }
            }
            (Some(Words::Many(_)), Words::Many(words)) => {
                if words.iter().any(|w| w.trim().is_empty()) {
                    at(key, format!("`{}`: an empty word", dotted(key)));
                }
            }
        }
    }
    found.sort_by_key(|d| d.pos);
    found
}

/// What is wrong with a translated text, if anything.
fn compare(original: &str, text: &str) -> Option<String> {
    if text.trim().is_empty() && !original.trim().is_empty() {
        return Some("the text is empty".into());
    }
    let mut want = placeholders(original);
    let mut have = placeholders(text);
    want.sort_unstable();
    have.sort_unstable();
    if want == have {
        return None;
    }
    let show = |names: &[&str]| {
        let braced: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
        if braced.is_empty() {
            "none".to_string()
        } else {
            braced.join(" ")
        }
    };
    Some(format!(
        "fills {} but the English fills {}",
        show(&have),
        show(&want)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        let one = |(k, v): &(&str, &str)| {
            let key = k.split('.').map(String::from).collect();
            (key, Words::One(v.to_string()))
        };
        Texts(pairs.iter().map(one).collect())
    }

    #[test]
    fn missing_unknown_empty_and_mismatched_texts_are_each_placed() {
        let english = texts(&[
            ("items.age.prompt", "How old are you?"),
            ("items.age.why", "Age changes what we look for."),
            ("answers.scale", "{value} out of {max}"),
        ]);
        let source = "Translation(texts: (\n  items: {\"age\": (prompt: \"\")},\n  answers: (scale: \"{value} de {maximo}\"),\n  extra: \"x\",\n))";
        let given = texts(&[
            ("items.age.prompt", ""),
            ("answers.scale", "{value} de {maximo}"),
            ("extra", "x"),
        ]);
        let found: Vec<String> = check("t.ron", source, &english, &given)
            .iter()
            .map(|d| format!("{}:{}: {}", d.pos.line, d.pos.col, d.message))
            .collect();
        assert_eq!(
            found,
            [
                "2:11: missing `items.age.why` (in English: \"Age changes what we look for.\")",
                "2:19: `items.age.prompt`: the text is empty",
                "3:13: `answers.scale`: fills {maximo} {value} but the English fills {max} {value}",
                "4:3: unknown `extra`: the English has no such text",
            ]
        );
    }
}
