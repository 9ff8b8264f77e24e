//! Answers: typed values keyed by item id, which items are enabled, progress,
//! computed scores, and the saved-session format.

mod enable;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::body::BodyRegions;
use crate::condition::{Condition, Live, Names};
use crate::diagnostic::Diagnostics;
pub use crate::questionnaire::kinds::{Answer, AnswerError, DurationUnit, Side, out_of};
use crate::questionnaire::{Item, Kind, Questionnaire, Score, ScoreMethod};
pub use enable::EnableIndex;

/// Version of the saved-session format; bump when a change breaks old files.
pub const SESSION_FORMAT: u32 = 1;

/// A patient's answers to one questionnaire, as saved to disk.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub questionnaire: String,
    pub questionnaire_version: String,
    /// The session's random id (see `session_id`), which names its FHIR
    /// response; empty in files from before ids, which are then named by
    /// questionnaire and start.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The code on the patient's check-in slip, when the kiosk asked for
    /// one (see `visit_code`); absent from older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_code: Option<String>,
    /// Seconds since the Unix epoch when the session began.
    #[serde(default)]
    pub started: u64,
    /// When an answer last changed (0 if never recorded).
    #[serde(default)]
    pub updated: u64,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Taken with no one beside the patient (an unattended kiosk): items
    /// that need a helper are not shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unattended: bool,
    /// The language the patient answered in, when not English: the
    /// summary's patient view is in it (absent from older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Answered and required counts among the enabled items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Enabled items that take an answer.
    pub questions: usize,
    pub answered: usize,
    pub required: usize,
    pub required_answered: usize,
}

impl Progress {
    pub fn complete(&self) -> bool {
        self.required_answered == self.required
    }
}

impl Session {
    /// A session with no id: for tests, practice and examples, whose
    /// outputs must be the same on every run. A patient's session is `start`ed.
    pub fn new(q: &Questionnaire, started: u64) -> Self {
        Self {
            format: SESSION_FORMAT,
            questionnaire: q.id.clone(),
            questionnaire_version: q.version.clone(),
            id: String::new(),
            visit_code: None,
            started,
            updated: started,
            answers: BTreeMap::new(),
            unattended: false,
            language: (q.language != crate::languages::ENGLISH).then(|| q.language.clone()),
        }
    }

    /// A patient's new session, with a fresh random id.
    pub fn start(q: &Questionnaire, started: u64) -> Self {
        Self {
            id: crate::session_id::fresh(),
            ..Self::new(q, started)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id)
    }

    /// Stores an answer after checking it fits the item. An empty answer
    /// (blank text, no choices) removes the item's answer instead.
    pub fn set(&mut self, q: &Questionnaire, id: &str, answer: Answer) -> Result<(), AnswerError> {
        let item = q
            .item(id)
            .ok_or_else(|| AnswerError::UnknownItem(id.to_string()))?;
        if matches!(item.kind, Kind::Info) {
            return Err(AnswerError::NotAQuestion);
        }
        answer.check(&item.kind)?;
        if answer.is_given() {
            self.answers.insert(id.to_string(), answer);
        } else {
            self.answers.remove(id);
        }
        Ok(())
    }

    pub fn clear(&mut self, id: &str) {
        self.answers.remove(id);
    }

    /// Which items are enabled, in questionnaire order. Answers of disabled
    /// items are kept (the patient may change their mind back) but count as
    /// unanswered for conditions, progress, scores and summaries. `regions`
    /// are what conditions on the body diagram name. This evaluates every
    /// item; after one answer `update_enabled` evaluates only its readers.
    pub fn enabled(&self, q: &Questionnaire, regions: &BodyRegions) -> Vec<bool> {
        let mut out: Vec<bool> = Vec::new();
        // Items are decided in order: one not yet decided reads as off.
        let decided =
            |out: &[bool], id: &str| q.index_of(id).is_some_and(|m| out.get(m) == Some(&true));
        for section in &q.sections {
            let section_on = self.holds(
                section.enable_when.as_ref(),
                &|id| decided(&out, id),
                regions,
            );
            for item in &section.items {
                let item_on = section_on && self.item_on(item, &|id| decided(&out, id), regions);
                out.push(item_on);
            }
        }
        out
    }

    /// Whether `item` is shown in a shown section; `decided` says which
    /// earlier items are enabled. The one rule, for the full and the
    /// incremental evaluation alike.
    fn item_on(&self, item: &Item, decided: &dyn Fn(&str) -> bool, regions: &BodyRegions) -> bool {
        !(self.unattended && item.needs_helper)
            && self.holds(item.enable_when.as_ref(), decided, regions)
    }

    /// Whether an enable condition (none: always) holds over the answers of
    /// the items `decided` says are enabled.
    fn holds(
        &self,
        c: Option<&Condition>,
        decided: &dyn Fn(&str) -> bool,
        regions: &BodyRegions,
    ) -> bool {
        let answer = |id: &str| decided(id).then(|| self.answers.get(id)).flatten();
        c.is_none_or(|c| Live::new(&answer, regions).holds(c))
    }

    /// The answers of enabled items only: what summaries and exports show.
    pub fn live_answers<'a>(
        &'a self,
        q: &'a Questionnaire,
        regions: &BodyRegions,
    ) -> impl Iterator<Item = (&'a crate::questionnaire::Item, &'a Answer)> {
        q.items()
            .zip(self.enabled(q, regions))
            .filter(|(_, on)| *on)
            .filter_map(|(item, _)| self.answers.get(&item.id).map(|a| (item, a)))
    }

    pub fn progress(&self, q: &Questionnaire, regions: &BodyRegions) -> Progress {
        self.progress_of(q, &self.enabled(q, regions))
    }

    /// Progress when which items are enabled is already known (the screen
    /// keeps it): no condition is evaluated again.
    pub fn progress_of(&self, q: &Questionnaire, enabled: &[bool]) -> Progress {
        let mut p = Progress::default();
        for (item, &on) in q.items().zip(enabled) {
            if !on || matches!(item.kind, Kind::Info) {
                continue;
            }
            let answered = self.answers.contains_key(&item.id);
            p.questions += 1;
            p.answered += usize::from(answered);
            if item.required {
                p.required += 1;
                p.required_answered += usize::from(answered);
            }
        }
        p
    }

    /// A declared score, or `None` until every item it uses is enabled and answered.
    pub fn score(&self, q: &Questionnaire, score: &Score, regions: &BodyRegions) -> Option<f64> {
        let enabled = self.enabled(q, regions);
        let mut values = Vec::with_capacity(score.items.len());
        for id in &score.items {
            let n = q.index_of(id)?;
            if !enabled[n] {
                return None;
            }
            values.push(self.answers.get(id)?.as_number()?);
        }
        let sum: f64 = values.iter().sum();
        match score.method {
            ScoreMethod::Sum => Some(sum),
            ScoreMethod::Mean if values.is_empty() => None,
            ScoreMethod::Mean => Some(sum / values.len() as f64),
        }
    }

    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().depth_limit(4);
        ron::ser::to_string_pretty(self, config).expect("a session always serializes")
    }

    /// Reads a saved session; `path` is only used in messages.
    pub fn from_ron(path: &str, source: &str) -> Result<Session, Diagnostics> {
        let s: Session =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        if s.format != SESSION_FORMAT {
            let loc = crate::diagnostic::Locator::new(source);
            let at = loc.after(0, "format").unwrap_or(0);
            let d = crate::diagnostic::Diagnostic::new(
                path,
                source,
                loc.pos(at),
                format!(
                    "session format {} is not supported (this program reads format {SESSION_FORMAT})",
                    s.format
                ),
            );
            return Err(Diagnostics(vec![d]));
        }
        if !s.id.is_empty() && !crate::session_id::is_valid(&s.id) {
            let loc = crate::diagnostic::Locator::new(source);
            let at = loc.after(0, &s.id).unwrap_or(0);
            let message = format!(
                "session id \"{}\" is not {} lowercase hex characters",
                s.id,
                crate::session_id::LEN
            );
            return Err(Diagnostics(vec![loc.diagnostic(path, at, message)]));
        }
        if let Some(code) = s
            .visit_code
            .as_deref()
            .filter(|c| !crate::visit_code::is_plausible(c))
        {
            let loc = crate::diagnostic::Locator::new(source);
            let at = loc.after(0, "visit_code").unwrap_or(0);
            let message =
                format!("visit code \"{code}\" is not 2 to 16 capital letters and digits");
            return Err(Diagnostics(vec![loc.diagnostic(path, at, message)]));
        }
        Ok(s)
    }

    /// Problems with this session against `q`: another questionnaire, or
    /// answers that no longer fit their items (e.g. after the file changed).
    pub fn check(&self, q: &Questionnaire) -> Vec<String> {
        self.findings(q).into_iter().map(|(_, m)| m).collect()
    }

    /// `check`'s problems, each at the answer's id in `source`, the text the
    /// session was read from (a saved session or a journal).
    pub fn problems(&self, q: &Questionnaire, path: &str, source: &str) -> Diagnostics {
        let loc = crate::diagnostic::Locator::new(source);
        let answers_at = loc.after(0, "answers").unwrap_or(0);
        let found = self.findings(q).into_iter().map(|(id, message)| {
            let at = match id {
                None => loc.after(0, "questionnaire"),
                Some(id) => loc
                    .key_after(answers_at, id)
                    .or_else(|| loc.last_id_field(id))
                    .or_else(|| loc.string_after(0, id)),
            };
            loc.diagnostic(path, at.unwrap_or(0), message)
        });
        Diagnostics(found.collect())
    }

    /// Each problem with the id of the answer it is about (none for the
    /// session as a whole).
    fn findings(&self, q: &Questionnaire) -> Vec<(Option<&str>, String)> {
        if self.questionnaire != q.id {
            let message = format!(
                "these answers belong to questionnaire \"{}\", not \"{}\"",
                self.questionnaire, q.id
            );
            return vec![(None, message)];
        }
        let names = Names::new(q, BodyRegions::builtin());
        let mut out = Vec::new();
        for (id, answer) in &self.answers {
            match names.item(id) {
                Err(m) => out.push((Some(id.as_str()), format!("answer to {m}"))),
                Ok(item) => {
                    if let Err(e) = answer.check(&item.kind) {
                        out.push((Some(id.as_str()), format!("answer to \"{id}\": {e}")));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::{BodyMarks, Symptom};
    use crate::content::Content;
    use crate::questionnaire::parse_str;
    use crate::text::Text;

    const SRC: &str = r#"Questionnaire(
        id: "t", title: "T", version: "1", language: "en",
        sections: [
            Section(id: "s1", title: "S1", items: [
                Item(id: "leg", prompt: "Leg pain?", required: true, kind: YesNo),
                Item(id: "side", prompt: "Which?", required: true, kind: Side, enable_when: Equals("leg", "yes")),
                Item(id: "where", prompt: "Where?", kind: Multi(options: [
                    Choice(id: "calf", label: "Calf"), Choice(id: "foot", label: "Foot"),
                    Choice(id: "none", label: "None", exclusive: true)])),
                Item(id: "foot_q", prompt: "Foot?", kind: YesNo, enable_when: All([Equals("side", "left"), AnyOf("where", ["foot"])])),
                Item(id: "a", prompt: "A", required: true, kind: Scale(min: 0, max: 10, min_label: "lo", max_label: "hi")),
                Item(id: "b", prompt: "B", kind: Scale(min: 0, max: 10, min_label: "lo", max_label: "hi"), enable_when: Not(AtLeast("a", 8))),
                Item(id: "map", prompt: "Map", kind: BodyMap),
                Item(id: "calf_q", prompt: "Calf?", kind: YesNo, enable_when: Marked(item: "map", regions: ["left_calf", "right_calf"])),
                Item(id: "any_q", prompt: "Any?", kind: Info, enable_when: Marked(item: "map")),
                Item(id: "numb_q", prompt: "Numb?", kind: YesNo, enable_when: Marked(item: "map", symptoms: [Numbness, Tingling], regions: ["saddle"])),
                Item(id: "left_leg_q", prompt: "Left leg?", kind: Info, enable_when: Marked(item: "map", side: Left, part: "leg")),
            ]),
            Section(id: "s2", title: "S2", enable_when: Any([Answered("foot_q"), Equals("leg", "no")]), items: [
                Item(id: "kg", prompt: "Weight?", kind: Number(min: 20, max: 300, unit: "kg", decimals: 1)),
            ]),
        ],
        scores: [
            Score(id: "mean", label: "M", method: Mean, items: ["a", "b"]),
            Score(id: "sum", label: "S", method: Sum, items: ["a", "b"]),
        ],
    )"#;

    fn q() -> Questionnaire {
        parse_str("t.ron", SRC).unwrap()
    }

    fn on(s: &Session, q: &Questionnaire, id: &str) -> bool {
        s.enabled(q, BodyRegions::builtin())[q.index_of(id).unwrap()]
    }

    #[test]
    fn equals_enables_and_disables() {
        let q = q();
        let mut s = Session::new(&q, 0);
        assert!(!on(&s, &q, "side"));
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        assert!(on(&s, &q, "side"));
        s.set(&q, "leg", Answer::YesNo(false)).unwrap();
        assert!(!on(&s, &q, "side"));
    }

    #[test]
    fn all_and_any_of_over_multi_choice() {
        let q = q();
        let mut s = Session::new(&q, 0);
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        s.set(&q, "side", Answer::Side(Side::Left)).unwrap();
        s.set(&q, "where", Answer::Choices(["calf".to_string()].into()))
            .unwrap();
        assert!(!on(&s, &q, "foot_q"));
        s.set(
            &q,
            "where",
            Answer::Choices(["calf".to_string(), "foot".to_string()].into()),
        )
        .unwrap();
        assert!(on(&s, &q, "foot_q"));
    }

    #[test]
    fn a_disabled_items_answer_is_kept_but_counts_as_unanswered() {
        let q = q();
        let mut s = Session::new(&q, 0);
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        s.set(&q, "side", Answer::Side(Side::Left)).unwrap();
        s.set(&q, "where", Answer::Choices(["foot".to_string()].into()))
            .unwrap();
        s.set(&q, "foot_q", Answer::YesNo(true)).unwrap();
        assert!(on(&s, &q, "kg"), "section s2 is enabled by foot_q");
        // Turning leg off disables side, which disables foot_q, which disables s2.
        s.set(&q, "leg", Answer::YesNo(false)).unwrap();
        assert!(!on(&s, &q, "foot_q"));
        assert_eq!(s.get("side"), Some(&Answer::Side(Side::Left)), "kept");
        assert!(
            s.live_answers(&q, BodyRegions::builtin())
                .all(|(i, _)| i.id != "side" && i.id != "foot_q")
        );
        // leg = no enables s2 by the other branch of Any.
        assert!(on(&s, &q, "kg"));
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        assert!(on(&s, &q, "foot_q"), "the kept answers come back");
    }

    #[test]
    fn not_at_least() {
        let q = q();
        let mut s = Session::new(&q, 0);
        assert!(on(&s, &q, "b"), "unanswered a is not at least 8");
        s.set(&q, "a", Answer::Scale(8)).unwrap();
        assert!(!on(&s, &q, "b"));
        s.set(&q, "a", Answer::Scale(7)).unwrap();
        assert!(on(&s, &q, "b"));
    }

    #[test]
    fn marked_regions() {
        let q = q();
        let mut s = Session::new(&q, 0);
        let mut m = BodyMarks::new();
        m.set("left_thigh_back", Symptom::Pain);
        s.set(&q, "map", Answer::Body(m.clone())).unwrap();
        assert!(on(&s, &q, "any_q"));
        assert!(!on(&s, &q, "calf_q"));
        m.set("right_calf", Symptom::Numbness);
        s.set(&q, "map", Answer::Body(m)).unwrap();
        assert!(on(&s, &q, "calf_q"));
        s.set(&q, "map", Answer::Body(BodyMarks::new())).unwrap();
        assert!(s.get("map").is_none(), "an empty diagram is no answer");
        assert!(!on(&s, &q, "any_q"));
    }

    #[test]
    fn marked_with_a_symptom_needs_that_symptom_on_that_region() {
        let q = q();
        let mut s = Session::new(&q, 0);
        let mut m = BodyMarks::new();
        m.set("saddle", Symptom::Pain);
        m.set("left_calf", Symptom::Numbness);
        s.set(&q, "map", Answer::Body(m.clone())).unwrap();
        assert!(!on(&s, &q, "numb_q"), "pain there, numbness elsewhere");
        m.set("saddle", Symptom::Tingling);
        s.set(&q, "map", Answer::Body(m)).unwrap();
        assert!(on(&s, &q, "numb_q"));
    }

    #[test]
    fn marked_on_a_side_and_part_of_a_limb() {
        let q = q();
        let mut s = Session::new(&q, 0);
        let mut m = BodyMarks::new();
        m.set("right_calf", Symptom::Pain);
        m.set("left_buttock", Symptom::Pain);
        s.set(&q, "map", Answer::Body(m.clone())).unwrap();
        assert!(
            !on(&s, &q, "left_leg_q"),
            "the right calf is not left, the buttock is not the leg"
        );
        m.set("left_thigh_back", Symptom::Numbness);
        s.set(&q, "map", Answer::Body(m)).unwrap();
        assert!(on(&s, &q, "left_leg_q"));
    }

    #[test]
    fn scores_need_every_item_enabled_and_answered() {
        let q = q();
        let (mean, sum) = (&q.scores[0], &q.scores[1]);
        let mut s = Session::new(&q, 0);
        s.set(&q, "a", Answer::Scale(3)).unwrap();
        assert_eq!(s.score(&q, mean, BodyRegions::builtin()), None);
        s.set(&q, "b", Answer::Scale(6)).unwrap();
        assert_eq!(s.score(&q, mean, BodyRegions::builtin()), Some(4.5));
        assert_eq!(s.score(&q, sum, BodyRegions::builtin()), Some(9.0));
        s.set(&q, "a", Answer::Scale(9)).unwrap();
        assert_eq!(
            s.score(&q, mean, BodyRegions::builtin()),
            None,
            "b is disabled when a >= 8"
        );
    }

    #[test]
    fn answers_are_worded_from_the_text_they_are_given() {
        let mut text = Text::builtin().clone();
        text.answers.yes = "Sí".into();
        text.answers.units.weeks.other = "semanas".into();
        text.errors.zero_duration = "escriba cuánto tiempo".into();
        let builtin = Content::builtin();
        let content = Content::new(builtin.regions, builtin.shapes(), &text);
        let weeks = Answer::Duration {
            amount: 3,
            unit: DurationUnit::Weeks,
        };
        let kind = Kind::Duration { max_years: 80 };
        assert_eq!(Answer::YesNo(true).display(&Kind::YesNo, &content), "Sí");
        assert_eq!(weeks.display(&kind, &content), "3 semanas");
        assert_eq!(
            weeks.display(&kind, &Content::builtin()),
            "3 weeks",
            "the built-in words are untouched"
        );
        let e = AnswerError::ZeroDuration;
        assert_eq!(e.words(&text.errors), "escriba cuánto tiempo");
        assert_eq!(e.to_string(), "please enter how long, more than zero");
    }

    #[test]
    fn answers_are_checked_against_their_items() {
        let q = q();
        let mut s = Session::new(&q, 0);
        assert_eq!(
            s.set(&q, "a", Answer::Scale(11)).unwrap_err().to_string(),
            "please enter a number from 0 to 10"
        );
        assert!(matches!(
            s.set(&q, "a", Answer::YesNo(true)),
            Err(AnswerError::WrongKind("scale"))
        ));
        assert!(matches!(
            s.set(&q, "kg", Answer::Number(70.25)),
            Err(AnswerError::TooManyDecimals(1))
        ));
        // A whole number is asked for in words a patient knows.
        assert_eq!(
            AnswerError::TooManyDecimals(0).to_string(),
            "please enter a whole number"
        );
        assert_eq!(
            AnswerError::TooManyDecimals(1).to_string(),
            "please use at most 1 digit after the decimal point"
        );
        s.set(&q, "kg", Answer::Number(70.5)).unwrap();
        let both = Answer::Choices(["none".to_string(), "calf".to_string()].into());
        assert_eq!(
            s.set(&q, "where", both),
            Err(AnswerError::ExclusiveWithOthers)
        );
        assert!(matches!(
            s.set(&q, "where", Answer::Choices(["knee".to_string()].into())),
            Err(AnswerError::UnknownOption(_))
        ));
        assert!(matches!(
            s.set(&q, "any_q", Answer::YesNo(true)),
            Err(AnswerError::NotAQuestion)
        ));
        assert!(matches!(
            s.set(&q, "zz", Answer::YesNo(true)),
            Err(AnswerError::UnknownItem(_))
        ));
    }

    #[test]
    fn progress_counts_enabled_questions_only() {
        let q = q();
        let mut s = Session::new(&q, 0);
        let p = s.progress(&q, BodyRegions::builtin());
        // leg, where, a, b, map are enabled questions (any_q is info; s2 is off).
        assert_eq!(
            (p.questions, p.answered, p.required, p.required_answered),
            (5, 0, 2, 0)
        );
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        let p = s.progress(&q, BodyRegions::builtin());
        assert_eq!(
            (p.questions, p.answered, p.required, p.required_answered),
            (6, 1, 3, 1)
        );
        assert!(!p.complete());
    }

    #[test]
    fn session_round_trips_through_ron() {
        let q = q();
        let mut s = Session::start(&q, 1_700_000_000);
        assert_eq!(s.id.len(), crate::session_id::LEN);
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        s.set(
            &q,
            "where",
            Answer::Choices(["calf".to_string(), "foot".to_string()].into()),
        )
        .unwrap();
        s.set(&q, "kg", Answer::Number(81.5)).unwrap();
        let mut m = BodyMarks::new();
        m.set("left_calf", Symptom::Tingling);
        s.set(&q, "map", Answer::Body(m)).unwrap();
        let text = s.to_ron();
        let back = Session::from_ron("s.ron", &text).unwrap();
        assert_eq!(back, s);
        assert!(back.check(&q).is_empty());
    }

    #[test]
    fn a_session_without_an_id_loads_and_a_bad_id_is_refused_with_a_position() {
        let old = Session::new(&q(), 0).to_ron();
        assert!(!old.contains("id:"), "{old}");
        assert_eq!(Session::from_ron("s.ron", &old).unwrap().id, "");
        let bad = Session::start(&q(), 0).to_ron();
        let bad = bad.replace(&bad[bad.find("id: \"").unwrap() + 5..][..4], "XYZ!");
        let err = Session::from_ron("s.ron", &bad).unwrap_err().to_string();
        assert!(err.starts_with("s.ron:5:"), "{err}");
        assert!(err.contains("is not 32 lowercase hex characters"), "{err}");
    }

    #[test]
    fn a_visit_code_is_kept_and_a_bad_one_is_refused_with_a_position() {
        let mut s = Session::new(&q(), 0);
        s.visit_code = Some("AB1234".into());
        let text = s.to_ron();
        assert_eq!(
            Session::from_ron("s.ron", &text).unwrap().visit_code,
            s.visit_code
        );
        let bad = text.replace("AB1234", "ab-12");
        let err = Session::from_ron("s.ron", &bad).unwrap_err().to_string();
        assert!(err.starts_with("s.ron:5:"), "{err}");
        assert!(err.contains("visit code \"ab-12\" is not"), "{err}");
    }

    #[test]
    fn a_session_of_another_format_is_refused_with_a_position() {
        let text = Session::new(&q(), 0)
            .to_ron()
            .replace("format: 1", "format: 99");
        let err = Session::from_ron("s.ron", &text).unwrap_err().to_string();
        assert!(
            err.starts_with("s.ron:2:5: session format 99 is not supported"),
            "{err}"
        );
    }

    #[test]
    fn problems_with_answers_point_at_each_answers_id() {
        let q = q();
        let mut s = Session::new(&q, 0);
        s.set(&q, "leg", Answer::YesNo(true)).unwrap();
        let text = s.to_ron().replace(
            "\"leg\": YesNo(true)",
            "\"leg\": Scale(3),\n        \"gone\": YesNo(true)",
        );
        let back = Session::from_ron("s.ron", &text).unwrap();
        let err = back.problems(&q, "s.ron", &text).to_string();
        let line = |id: &str| text.lines().position(|l| l.contains(id)).unwrap() + 1;
        let first = format!("s.ron:{}:9: answer to unknown item \"gone\"", line("gone"));
        let second = format!("s.ron:{}:9: answer to \"leg\": ", line("leg"));
        assert!(err.contains(&first), "{err}");
        assert!(err.contains(&second), "{err}");

        let other = text.replace("questionnaire: \"t\"", "questionnaire: \"u\"");
        let back = Session::from_ron("s.ron", &other).unwrap();
        let err = back.problems(&q, "s.ron", &other).to_string();
        let at = line("questionnaire:");
        assert!(
            err.starts_with(&format!("s.ron:{at}:5: these answers belong")),
            "{err}"
        );
    }
}
