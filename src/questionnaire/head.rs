//! A questionnaire's head (id, title, words of the welcome screen) read
//! without its items: the welcome screen is drawn from it while the whole
//! file is read and checked. Parsing stops at the first field that holds
//! items, so its cost does not grow with them; one plain scan of the text
//! makes sure no welcome field comes after them.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::Questionnaire;

/// The head of questionnaire text, as a questionnaire with no sections;
/// `None` when the text does not give id, title, version and language
/// before its items, or may give a welcome field after them (the caller
/// then reads the whole file first).
pub fn head(source: &str) -> Option<Questionnaire> {
    let mut head = Questionnaire {
        id: String::new(),
        title: String::new(),
        version: String::new(),
        language: String::new(),
        description: String::new(),
        welcome_warning: None,
        sections: Vec::new(),
        scores: Vec::new(),
        ids: Default::default(),
    };
    let mut de =
        ron::Deserializer::from_str_with_options(source, &super::load::ron_options()).ok()?;
    // Stopping at the items is an error to the parser: what was read is kept.
    let _ = Head(&mut head).deserialize(&mut de);
    let given = [&head.id, &head.title, &head.version, &head.language];
    let whole = given.iter().all(|f| !f.is_empty()) && !said_later(source, &head);
    whole.then_some(head)
}

/// Whether the text may give a welcome field after the items (the head
/// stopped there): the welcome would be drawn without it. The field's name
/// as a word before a colon anywhere (a comment too) is enough to read
/// the whole file first.
fn said_later(source: &str, head: &Questionnaire) -> bool {
    let unread = [
        ("description", head.description.is_empty()),
        ("welcome_warning", head.welcome_warning.is_none()),
    ];
    unread
        .iter()
        .any(|&(field, unread)| unread && names_field(source, field))
}

/// Whether `field` stands in `source` as a field name: a whole word
/// followed by a colon.
fn names_field(source: &str, field: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(field).any(|(at, _)| {
        let before = source[..at].chars().next_back();
        let after = source[at + field.len()..].trim_start();
        !before.is_some_and(word) && after.starts_with(':')
    })
}

/// Fills the questionnaire's head fields until the first field with items.
struct Head<'q>(&'q mut Questionnaire);

const FIELDS: &[&str] = &[
    "id",
    "title",
    "version",
    "language",
    "description",
    "welcome_warning",
];

impl<'de> DeserializeSeed<'de> for Head<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_struct("Questionnaire", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for Head<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a questionnaire")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let q = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => q.id = map.next_value()?,
                "title" => q.title = map.next_value()?,
                "version" => q.version = map.next_value()?,
                "language" => q.language = map.next_value()?,
                "description" => q.description = map.next_value()?,
                "welcome_warning" => q.welcome_warning = map.next_value()?,
                _ => return Err(de::Error::custom("the items begin")),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::head;

    #[test]
    fn the_head_is_what_the_whole_file_says() {
        let whole = crate::content::questionnaire();
        let h = head(crate::content::QUESTIONNAIRE).unwrap();
        assert_eq!(
            (&h.id, &h.title, &h.version),
            (&whole.id, &whole.title, &whole.version)
        );
        assert_eq!(
            (&h.language, &h.description),
            (&whole.language, &whole.description)
        );
        assert_eq!(h.welcome_warning, whole.welcome_warning);
        assert!(h.sections.is_empty());
    }

    #[test]
    fn no_head_before_the_items_or_in_bad_text_is_none() {
        assert!(head("Questionnaire(id: \"a\", sections: [], title: \"T\")").is_none());
        assert!(head("Questionnaire(id: \"a\", title: 3").is_none());
        assert!(head("").is_none());
        let short =
            "Questionnaire(id: \"a\", title: \"T\", version: \"1\", language: \"en\", sections: [";
        assert_eq!(head(short).unwrap().title, "T");
    }

    #[test]
    fn a_welcome_field_after_the_items_means_no_head() {
        let later = "Questionnaire(id: \"a\", title: \"T\", version: \"1\", language: \"en\", \
                     sections: [], welcome_warning: Some(\"Call 911\"))";
        assert!(head(later).is_none());
        let before = "Questionnaire(id: \"a\", title: \"T\", version: \"1\", language: \"en\", \
                      welcome_warning: Some(\"Call 911\"), sections: [])";
        assert_eq!(
            head(before).unwrap().welcome_warning.as_deref(),
            Some("Call 911")
        );
        // The word in an item's text or id is not the field.
        let words = "Questionnaire(id: \"a\", title: \"T\", version: \"1\", language: \"en\", \
                     sections: [(id: \"pain_description\", prompt: \"A description here\")])";
        assert!(head(words).is_some());
    }
}
