//! Findings in words: the evidence of warning signs and root levels as a
//! clinician's note ("Numbness: left top of the foot; left big toe (L5)"),
//! reasons for next steps, weakness. Every word comes from the text
//! catalogue or the content files; this only puts them together.

use crate::answers::Session;
use crate::body::Symptom;
use crate::content::Content;
use crate::findings::{
    DisagreementFinding, Evidence, FlagFinding, Mark, Radicular, Reason, RootFinding, Rules,
    Weakness,
};
use crate::questionnaire::Questionnaire;
use crate::text::{ReportWords, capitalised, fill};
use crate::translation::Review;

pub struct Wording<'a> {
    pub q: &'a Questionnaire,
    pub session: &'a Session,
    pub rules: &'a Rules,
    /// The report's group of the content's words.
    pub words: &'a ReportWords,
    pub content: &'a Content<'a>,
    /// The patient's words, when they answered in another language than
    /// this view's: their typed answers are then marked as their own.
    pub typed_in: Option<&'a crate::text::Text>,
    /// The patient's words, in the clinician's view: when they are a
    /// translation, its review status is told.
    pub answered_in: Option<&'a crate::text::Text>,
}

impl Wording<'_> {
    /// A warning sign as listed: its title and level.
    pub fn flag(&self, f: &FlagFinding) -> String {
        let level = self.words.levels.get(f.level);
        fill(&self.words.flag, &[("title", &f.title), ("level", level)])
    }

    /// Evidence in order, answers one a line, marks grouped by symptom.
    pub fn evidence(&self, list: &[Evidence]) -> Vec<String> {
        let marks: Vec<&Mark> = list
            .iter()
            .filter_map(|e| match e {
                Evidence::Marked(m) => Some(m),
                Evidence::Answer(_) => None,
            })
            .collect();
        let first_mark = list.iter().position(|e| matches!(e, Evidence::Marked(_)));
        let mut out = Vec::new();
        for (n, e) in list.iter().enumerate() {
            match e {
                Evidence::Answer(id) => out.extend(self.answer(id)),
                Evidence::Marked(_) if Some(n) == first_mark => {
                    let template = &self.words.evidence.marked;
                    out.extend(self.by_symptom(&marks, |symptom, places| {
                        fill(template, &[("symptom", symptom), ("places", places)])
                    }));
                }
                Evidence::Marked(_) => {}
            }
        }
        out
    }

    /// An answer in this view's words; a typed one as typed, marked as the
    /// patient's own words when they wrote in another language.
    pub fn shown(
        &self,
        answer: &crate::answers::Answer,
        kind: &crate::questionnaire::Kind,
    ) -> String {
        let text = answer.display(kind, self.content);
        self.typed(text, matches!(answer, crate::answers::Answer::Text(_)))
    }

    /// A value shown to the clinician, marked as the patient's own words
    /// when it is `typed` and they wrote in another language.
    pub fn typed(&self, text: String, typed: bool) -> String {
        match self.typed_in {
            Some(_) if typed => {
                let words = &self.content.text.translation;
                fill(&words.patient_words, &[("text", &text)])
            }
            _ => text,
        }
    }

    /// The clinician's note that the patient answered in a translation,
    /// with the review status of each part of it they saw.
    pub fn language_note(&self) -> Option<String> {
        let patient = self.answered_in?;
        let screen = patient.review.clone()?;
        let words = &self.content.text.translation;
        let p = &words.parts;
        let mut parts: Vec<(&str, Review)> = match crate::languages::reviews(&patient.language) {
            Some([q, f, r]) => vec![(&p.questionnaire, q), (&p.findings, f), (&p.regions, r)],
            None => Vec::new(),
        };
        parts.push((&p.screen, screen));
        // The patient's language named in the clinician's.
        let name = words.names.get(&patient.language).unwrap_or(&patient.name);
        Some(fill(
            &words.patient_language,
            &[("language", name), ("reviews", &self.reviews(parts))],
        ))
    }

    /// Each review status with the parts it holds for, parts with the same
    /// status named together.
    fn reviews(&self, parts: Vec<(&str, Review)>) -> String {
        let mut grouped: Vec<(Vec<&str>, Review)> = Vec::new();
        for (part, review) in parts {
            match grouped.iter_mut().find(|(_, r)| *r == review) {
                Some((names, _)) => names.push(part),
                None => grouped.push((vec![part], review)),
            }
        }
        let words = &self.content.text.translation;
        let said = grouped.iter().map(|(names, review)| {
            let names = names.join(&words.parts.between);
            fill(
                &words.review_of,
                &[("parts", &names), ("review", &review.words(words))],
            )
        });
        said.collect::<Vec<_>>().join(" ")
    }

    /// An item's clinical label, or its question without instructions.
    pub fn label<'b>(&'b self, id: &'b str) -> &'b str {
        match self.rules.labels.get(id) {
            Some(label) => label,
            None => self.q.item(id).map_or(id, |i| i.question()),
        }
    }

    /// "Label: answer" (or "Question? Answer" for an item with no label).
    pub fn answer(&self, id: &str) -> Option<String> {
        let item = self.q.item(id)?;
        let answer = self.shown(self.session.get(id)?, &item.kind);
        let e = &self.words.evidence;
        Some(match self.rules.labels.get(id) {
            Some(label) => fill(&e.labelled, &[("label", label), ("answer", &answer)]),
            None => fill(
                &e.question,
                &[("question", item.question()), ("answer", &answer)],
            ),
        })
    }

    /// A root level's evidence: its marked places by symptom, then its signs.
    pub fn root_evidence(&self, r: &RootFinding) -> Vec<String> {
        let e = &self.words.evidence;
        let root = r.level.as_str();
        let marks: Vec<&Mark> = r.marks.iter().collect();
        let mut out = self.by_symptom(&marks, |symptom, places| {
            fill(
                &e.marks,
                &[("symptom", symptom), ("places", places), ("root", root)],
            )
        });
        for &n in &r.signs {
            let says = &self.rules.signs[n].says;
            out.push(fill(&e.sign, &[("sign", says), ("root", root)]));
        }
        out
    }

    /// A root level with its side and score.
    pub fn root(&self, r: &RootFinding) -> String {
        let c = &self.words.clinician;
        let score = r.score.to_string();
        let values = [("root", r.level.as_str()), ("score", score.as_str())];
        match r.side {
            Some(side) => {
                let side = c.sides.get(Some(side));
                fill(&c.root, &[values[0], values[1], ("side", side)])
            }
            None => fill(&c.root_no_side, &values),
        }
    }

    /// Weakness for the clinician: the places marked weak in one line, then
    /// each strength sign with the levels it points to.
    pub fn weakness(&self, list: &[Weakness]) -> Vec<String> {
        let c = &self.words.clinician;
        let mut out = Vec::new();
        let marked = self.marked_weak(list);
        if !marked.is_empty() {
            out.push(fill(&c.marked_weak, &[("places", &marked)]));
        }
        for w in list {
            if let Weakness::Sign(n) = w {
                let sign = &self.rules.signs[*n];
                out.push(if sign.roots.is_empty() {
                    sign.says.clone()
                } else {
                    let roots = sign.roots.join(&self.words.evidence.levels);
                    fill(&c.sign, &[("sign", &sign.says), ("roots", &roots)])
                });
            }
        }
        out
    }

    /// The places marked weak, as a list ("" for none).
    pub fn marked_weak(&self, list: &[Weakness]) -> String {
        let places: Vec<String> = list
            .iter()
            .filter_map(|w| match w {
                Weakness::Marked(region) => Some(self.place(region)),
                Weakness::Sign(_) => None,
            })
            .collect();
        places.join(&self.words.evidence.list)
    }

    pub fn radicular(&self, r: &Radicular) -> Vec<String> {
        let c = &self.words.clinician;
        match r {
            Radicular::Shown(e) => self.evidence(std::slice::from_ref(e)),
            Radicular::Dermatome(root) => vec![fill(&c.dermatome, &[("root", root)])],
            Radicular::OneSided => vec![c.one_sided.clone()],
        }
    }

    /// What was said and marked that does not match, then the check
    /// question's answer, or that it was not answered.
    pub fn disagreement(&self, d: &DisagreementFinding) -> Vec<String> {
        let mut out = self.evidence(&d.evidence);
        out.extend(self.answer(&d.check).or_else(|| {
            let question = self.q.item(&d.check)?.question();
            Some(fill(
                &self.words.clinician.unasked,
                &[("question", question)],
            ))
        }));
        out
    }

    /// Why a step applies, one reason a line; weakness grouped as in `weakness`.
    pub fn reasons(&self, list: &[Reason]) -> Vec<String> {
        let c = &self.words.clinician;
        let weak: Vec<Weakness> = list
            .iter()
            .filter_map(|r| match r {
                Reason::Weakness(w) => Some(w.clone()),
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        let mut weak_said = false;
        for r in list {
            match r {
                Reason::Flag(id) => {
                    let flag = self.rules.flags.iter().find(|f| &f.id == id);
                    out.extend(flag.map(|f| f.title.clone()))
                }
                Reason::Unasked(id) => out.extend(
                    self.q
                        .item(id)
                        .map(|i| fill(&c.unasked, &[("question", i.question())])),
                ),
                Reason::Weakness(_) if !weak_said => {
                    weak_said = true;
                    out.extend(self.weakness(&weak));
                }
                Reason::Weakness(_) => {}
                Reason::NoWeakness => out.push(c.no_weakness.clone()),
                Reason::Radicular(r) => out.extend(
                    self.radicular(r)
                        .iter()
                        .map(|x| fill(&c.reason_radicular, &[("reason", x)])),
                ),
                Reason::NotRadicular => out.push(c.reason_not_radicular.clone()),
                Reason::Shown(e) => out.extend(self.evidence(std::slice::from_ref(e))),
            }
        }
        out
    }

    /// A region's name inside a sentence: its label, lower-cased at the start.
    pub fn place(&self, region: &str) -> String {
        let label = self
            .content
            .regions
            .get(region)
            .map_or(region, |r| r.label.as_str());
        let mut chars = label.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// One line per symptom marked, naming the places with that symptom.
    fn by_symptom(&self, marks: &[&Mark], line: impl Fn(&str, &str) -> String) -> Vec<String> {
        let list = &self.words.evidence.list;
        let symptoms = &self.content.text.body.symptoms;
        Symptom::ALL
            .iter()
            .filter_map(|s| {
                let places: Vec<String> = marks
                    .iter()
                    .filter(|m| m.symptoms.contains(s))
                    .map(|m| self.place(&m.region))
                    .collect();
                let symptom = capitalised(symptoms.get(*s));
                (!places.is_empty()).then(|| line(&symptom, &places.join(list)))
            })
            .collect()
    }
}
