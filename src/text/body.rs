//! The body diagram in words (the catalogue's `body`).

use serde::Deserialize;

use crate::body::Symptom;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyWords {
    pub symptoms: Symptoms,
    pub marked: String,
    pub between: String,
    pub symptoms_question: String,
    /// A place named with its side beyond doubt, {place} being the label
    /// without its side: a template per side, as a language may put the
    /// side after the place and make it agree ("pantorrilla, su lado
    /// izquierdo").
    pub left_place: String,
    pub right_place: String,
    pub figure: FigureWords,
    /// The sides as a trainee marks them in practice: the patient's.
    pub practice: TraineeSides,
}

/// The words of the patient's sides when someone else marks the map.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraineeSides {
    pub left_place: String,
    pub right_place: String,
    pub your_right: String,
    pub your_left: String,
    pub own_sides: String,
}

impl BodyWords {
    /// These words with the sides the patient's, for a trainee's map.
    pub fn for_trainee(&self) -> BodyWords {
        let p = &self.practice;
        let mut words = self.clone();
        words.left_place.clone_from(&p.left_place);
        words.right_place.clone_from(&p.right_place);
        words.figure.your_right.clone_from(&p.your_right);
        words.figure.your_left.clone_from(&p.your_left);
        words
    }
}

/// The words on a drawn figure: its name, and the patient's sides, short on
/// a text figure and long on a printed one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureWords {
    pub front: String,
    pub back: String,
    pub right: String,
    pub left: String,
    pub your_right: String,
    pub your_left: String,
}

/// One word for each symptom a patient can mark.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Symptoms {
    pub pain: String,
    pub numbness: String,
    pub tingling: String,
    pub weakness: String,
    pub sensitive: String,
}

impl Symptoms {
    pub fn get(&self, s: Symptom) -> &str {
        match s {
            Symptom::Pain => &self.pain,
            Symptom::Numbness => &self.numbness,
            Symptom::Tingling => &self.tingling,
            Symptom::Weakness => &self.weakness,
            Symptom::Sensitive => &self.sensitive,
        }
    }
}
