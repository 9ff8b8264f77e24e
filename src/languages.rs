//! The built-in languages: English, the language the content is written in,
//! and each translation compiled in (its overlays of the questionnaire, the
//! findings rules and the region table, beside the English files, and its
//! text catalogue beside assets/text/en.ron), each registered once, in
//! `TRANSLATIONS`. The test suite checks every one complete, which is why
//! applying them here may skip the checks.

use std::sync::OnceLock;

use crate::body::BodyRegions;
use crate::content::{self, Content};
use crate::findings::Rules;
use crate::questionnaire::Questionnaire;
use crate::text::Text;
use crate::translation::{self, Texts};

/// The language the built-in content is written in.
pub const ENGLISH: &str = "en";

/// A translation compiled in: its language, its three overlays and its
/// text catalogue.
pub struct Builtin {
    pub language: &'static str,
    pub questionnaire: &'static str,
    pub findings: &'static str,
    pub regions: &'static str,
    pub text: &'static str,
}

pub const TRANSLATIONS: &[Builtin] = &[Builtin {
    language: "es",
    questionnaire: include_str!("../questionnaires/back-pain-intake.es.ron"),
    findings: include_str!("../questionnaires/back-pain-findings.es.ron"),
    regions: include_str!("../assets/body/regions.es.ron"),
    text: include_str!("../assets/text/es.ron"),
}];

impl Builtin {
    /// The overlay files' paths in the source tree, as messages name them.
    pub fn paths(&self) -> [String; 3] {
        let l = self.language;
        [
            format!("questionnaires/back-pain-intake.{l}.ron"),
            format!("questionnaires/back-pain-findings.{l}.ron"),
            format!("assets/body/regions.{l}.ron"),
        ]
    }

    fn sources(&self) -> [&'static str; 3] {
        [self.questionnaire, self.findings, self.regions]
    }

    /// One overlay's texts (0 questionnaire, 1 findings, 2 regions).
    fn texts(&self, which: usize) -> Texts {
        self.parsed(which).1
    }

    fn parsed(&self, which: usize) -> (translation::Translation, Texts) {
        let path = &self.paths()[which];
        translation::parse(path, self.sources()[which]).unwrap_or_else(|e| panic!("{e}"))
    }
}

/// Every built-in language, English first.
pub fn all() -> impl Iterator<Item = &'static str> {
    std::iter::once(ENGLISH).chain(TRANSLATIONS.iter().map(|t| t.language))
}

pub fn is_builtin(language: &str) -> bool {
    all().any(|l| l == language)
}

fn builtin(language: &str) -> Option<(usize, &'static Builtin)> {
    TRANSLATIONS
        .iter()
        .enumerate()
        .find(|(_, t)| t.language == language)
}

/// The review status of a built-in translation's overlays: questionnaire,
/// findings, regions (none for English, the original).
pub fn reviews(language: &str) -> Option<[translation::Review; 3]> {
    let (_, t) = builtin(language)?;
    Some([0, 1, 2].map(|n| t.parsed(n).0.review))
}

/// The built-in questionnaire in a built-in language.
pub fn questionnaire(language: &str) -> Option<Questionnaire> {
    let english = content::questionnaire();
    if language == ENGLISH {
        return Some(english);
    }
    let (_, t) = builtin(language)?;
    let mut q = translation::apply(&english, &t.texts(0));
    q.language = language.to_string();
    Some(q)
}

/// The built-in rules in `q`'s language, when they are for `q` (by id).
pub fn rules(q: &Questionnaire) -> Option<Rules> {
    let english = content::rules_for(q)?;
    match builtin(&q.language) {
        Some((_, t)) => Some(translation::apply(&english, &t.texts(1))),
        None => Some(english),
    }
}

/// The built-in region table in a built-in language, made once.
pub fn regions(language: &str) -> Option<&'static BodyRegions> {
    static MADE: [OnceLock<BodyRegions>; TRANSLATIONS.len()] =
        [const { OnceLock::new() }; TRANSLATIONS.len()];
    if language == ENGLISH {
        return Some(BodyRegions::builtin());
    }
    let (n, t) = builtin(language)?;
    Some(MADE[n].get_or_init(|| translation::apply(BodyRegions::builtin(), &t.texts(2))))
}

/// What the core words and draws with, in a built-in language.
pub fn content(language: &str) -> Option<Content<'static>> {
    let text = Text::builtin_in(language)?;
    Some(Content::builtin().with(regions(language)?, text))
}

/// The built-in questionnaire, its rules and the words to show them with,
/// in one language.
#[derive(Debug)]
pub struct Bundle {
    pub questionnaire: Questionnaire,
    pub rules: Rules,
    pub content: Content<'static>,
}

/// A built-in language's bundle, or what is built in when it is not one.
pub fn bundle(language: &str) -> Result<Bundle, String> {
    let (Some(questionnaire), Some(content)) = (questionnaire(language), self::content(language))
    else {
        let known: Vec<&str> = all().collect();
        return Err(format!(
            "no language \"{language}\": the built-in ones are {}",
            known.join(", ")
        ));
    };
    let rules = rules(&questionnaire).unwrap_or_else(|| Rules::none(&questionnaire));
    Ok(Bundle {
        questionnaire,
        rules,
        content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translation::{check, texts};

    fn shown(found: Vec<crate::diagnostic::Diagnostic>) -> String {
        found.iter().map(|d| format!("{d}\n")).collect()
    }

    /// CI fails when any text of any built-in translation is missing,
    /// unknown, empty or fills other `{names}` than the English.
    #[test]
    fn every_built_in_translation_is_complete() {
        let q = content::questionnaire();
        let rules = content::rules_for(&q).unwrap();
        for t in TRANSLATIONS {
            let english = [texts(&q), texts(&rules), texts(BodyRegions::builtin())];
            for (n, path) in t.paths().iter().enumerate() {
                let (header, given) =
                    translation::parse(path, t.sources()[n]).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(header.language, t.language, "{path}");
                let found = check(path, t.sources()[n], &english[n], &given);
                assert!(found.is_empty(), "{}", shown(found));
            }
            let (catalogue, source) = (crate::text::path(t.language), t.text);
            let found = check(
                &catalogue,
                source,
                &translation::catalogue("en", include_str!("../assets/text/en.ron"))
                    .unwrap()
                    .1,
                &translation::catalogue(&catalogue, source).unwrap().1,
            );
            assert!(found.is_empty(), "{}", shown(found));
            assert!(Text::builtin_in(t.language).unwrap().review.is_some());
        }
    }

    #[test]
    fn a_translation_keeps_every_id_code_and_condition() {
        let english = content::questionnaire();
        for language in all() {
            let q = questionnaire(language).unwrap();
            assert_eq!(q.language, language);
            let ids = |q: &Questionnaire| {
                let items = q.items().map(|i| {
                    let options: Vec<_> = i.kind.options().iter().map(|o| o.id.clone()).collect();
                    (i.id.clone(), i.enable_when.clone(), options)
                });
                items.collect::<Vec<_>>()
            };
            assert_eq!(ids(&q), ids(&english));
            let regions = regions(language).unwrap();
            let table = |r: &BodyRegions| {
                let each = r
                    .regions
                    .iter()
                    .map(|r| (r.id.clone(), r.dermatomes.clone()));
                each.collect::<Vec<_>>()
            };
            assert_eq!(table(regions), table(BodyRegions::builtin()));
            let rules = self::rules(&q).unwrap();
            assert_eq!(
                rules.flags.len(),
                content::rules_for(&english).unwrap().flags.len()
            );
        }
        let es = questionnaire("es").unwrap();
        assert_ne!(es.title, english.title);
        assert!(questionnaire("xx").is_none());
    }

    /// A sided region's first word is its side (`Region::spoken` drops it).
    #[test]
    fn translated_sided_labels_start_with_their_side() {
        for language in all() {
            let table = regions(language).unwrap();
            for r in &table.regions {
                assert!(!r.label.trim().is_empty(), "{}", r.id);
                if r.side != crate::body::BodySide::Center {
                    assert!(r.label.trim().contains(' '), "{}: {}", r.id, r.label);
                }
            }
        }
    }
}
