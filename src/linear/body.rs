//! The body diagram in lines: a part of the body, then a place in it (by
//! number, or by name through the diagram's own search), then the
//! symptoms there by number, read back at once. The answer is the same
//! `BodyMarks` the visual diagram gives.

use super::item::{numbered, numbers, pick};
use super::{Linear, Stage};
use crate::answers::Answer;
use crate::body::{BodyMarks, Symptom, search};
use crate::text::{capitalised, fill, same};

/// Where in the diagram the patient is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Step {
    Parts,
    /// The places of the part at this index of the table's `areas`.
    Places(usize),
    /// Places found by name, as region indexes.
    Found(Vec<usize>),
    /// The symptoms at the region of this index.
    Symptoms(usize),
}

/// How many places found by name are told.
const FOUND_MAX: usize = 9;

impl Linear {
    /// The diagram's first lines: how it works, what is marked, the parts.
    pub(super) fn body_start(&mut self, n: usize, out: &mut Vec<String>) {
        let w = &self.words();
        let c = &w.commands;
        out.push(fill(
            &w.body.intro,
            &[("done", &c.done), ("list", &c.list), ("clear", &c.clear)],
        ));
        out.push(self.text().screen.diagram.own_sides.clone());
        self.list_marks(n, out);
        self.body_step(n, Step::Parts, out);
    }

    fn marks(&self, n: usize) -> BodyMarks {
        let id = &self.app.item(n).id;
        let answer = self.app.session.get(id).and_then(Answer::marks);
        answer.cloned().unwrap_or_default()
    }

    fn list_marks(&self, n: usize, out: &mut Vec<String>) {
        let marks = self.marks(n);
        if marks.is_empty() {
            return out.push(self.text().screen.diagram.nothing_yet.clone());
        }
        out.push(self.text().screen.diagram.marked.clone());
        out.extend(marks.read_back(self.app.content.regions, &self.text().body));
    }

    /// Tells a step's list and waits there.
    pub(super) fn body_step(&mut self, n: usize, step: Step, out: &mut Vec<String>) {
        let table = self.app.content.regions;
        let w = &self.words().body;
        match &step {
            Step::Parts => {
                out.push(w.parts.clone());
                let parts: Vec<String> = table.areas.iter().map(|a| a.label.clone()).collect();
                out.extend(numbered(&parts));
            }
            Step::Places(a) => {
                out.push(fill(&w.places, &[("part", &table.areas[*a].label)]));
                out.extend(numbered(&self.names(&self.places(*a))));
            }
            Step::Found(found) => {
                out.push(w.several.clone());
                out.extend(numbered(&self.names(found)));
                out.push(w.several_how.clone());
            }
            Step::Symptoms(r) => {
                let place = table.regions[*r].spoken(&self.text().body);
                out.push(fill(&w.symptoms, &[("place", &place)]));
                out.extend(numbered(&self.symptom_words()));
                let marks = self.marks(n);
                let here = marks.symptoms(&table.regions[*r].id);
                if let Some(here) = here.filter(|s| !s.is_empty()) {
                    let said = self.said(&table.regions[*r].id, here.iter().copied());
                    out.push(fill(&self.words().current, &[("answer", &said)]));
                }
            }
        }
        self.stage = Stage::Body(n, step);
    }

    /// The regions of part `a`, head to toe, as indexes.
    fn places(&self, a: usize) -> Vec<usize> {
        let table = self.app.content.regions;
        let area = &table.areas[a].id;
        let of_area = |(i, r): (usize, &crate::body::Region)| (&r.area == area).then_some(i);
        table
            .regions
            .iter()
            .enumerate()
            .filter_map(of_area)
            .collect()
    }

    fn names(&self, regions: &[usize]) -> Vec<String> {
        let table = self.app.content.regions;
        let words = &self.text().body;
        regions
            .iter()
            .map(|&r| table.regions[r].spoken(words))
            .collect()
    }

    fn symptom_words(&self) -> Vec<String> {
        let words = &self.text().body.symptoms;
        Symptom::ALL
            .iter()
            .map(|s| capitalised(words.get(*s)))
            .collect()
    }

    /// A line typed on the diagram.
    pub(super) fn body_input(&mut self, n: usize, step: Step, line: &str, out: &mut Vec<String>) {
        if self.body_command(n, &step, line, out) {
            return;
        }
        let table = self.app.content.regions;
        let listed = match &step {
            Step::Parts => Vec::new(),
            Step::Places(a) => self.places(*a),
            Step::Found(found) => found.clone(),
            Step::Symptoms(r) => return self.mark(n, *r, line, out),
        };
        if let Ok(number) = line.parse::<usize>() {
            let parts: Vec<String> = table.areas.iter().map(|a| a.label.clone()).collect();
            let chosen = match step {
                Step::Parts => pick(line, &parts).map(Step::Places),
                _ => listed
                    .get(number.wrapping_sub(1))
                    .copied()
                    .map(Step::Symptoms),
            };
            return match chosen {
                Some(next) => self.body_step(n, next, out),
                None => out.push(self.words().body.bad_place.clone()),
            };
        }
        // Numbers that are not one number from the list ("1 2"): asked
        // again for one, not searched for as a name.
        if line.starts_with(|c: char| c.is_ascii_digit()) {
            return out.push(self.words().body.bad_place.clone());
        }
        let mut found = search(table, line);
        found.truncate(FOUND_MAX);
        match found.as_slice() {
            [] => out.push(self.text().screen.diagram.find_none.clone()),
            [one] => self.body_step(n, Step::Symptoms(*one), out),
            _ => self.body_step(n, Step::Found(found), out),
        }
    }

    /// done, list, clear, back, and the item's commands; whether it was one.
    fn body_command(&mut self, n: usize, step: &Step, line: &str, out: &mut Vec<String>) -> bool {
        let c = &self.words().commands;
        let l = line.to_lowercase();
        if same(&l, &c.done) {
            self.body_done(n, out);
        } else if same(&l, &c.list) {
            self.list_marks(n, out);
        } else if same(&l, &c.back) && *step != Step::Parts {
            self.body_step(n, Step::Parts, out);
        } else if l.is_empty() {
            out.push(self.words().body.bad_place.clone());
        } else if same(&l, &c.clear)
            && let Step::Symptoms(r) = step
        {
            self.set_marks(n, *r, &[], out);
        } else if [&c.why, &c.back, &c.skip, &c.help, &c.quit].contains(&&l) {
            self.item_input(n, line, out);
        } else {
            return false;
        }
        true
    }

    fn body_done(&mut self, n: usize, out: &mut Vec<String>) {
        let item = self.app.item(n);
        if item.required && self.marks(n).is_empty() {
            return out.push(self.text().screen.item.mark_some.clone());
        }
        self.forward(n, out);
    }

    /// The symptoms typed for region `r`: they replace what was marked there.
    fn mark(&mut self, n: usize, r: usize, line: &str, out: &mut Vec<String>) {
        let Some(picked) = numbers(line, Symptom::ALL.len()) else {
            let max = Symptom::ALL.len().to_string();
            return out.push(fill(&self.words().bad_some, &[("max", &max)]));
        };
        let symptoms: Vec<Symptom> = picked.into_iter().map(|i| Symptom::ALL[i]).collect();
        self.set_marks(n, r, &symptoms, out);
    }

    /// Region `r` marked with exactly `symptoms` (none clears it), stored
    /// through the app, read back, and any warning sign told.
    fn set_marks(&mut self, n: usize, r: usize, symptoms: &[Symptom], out: &mut Vec<String>) {
        let region = &self.app.content.regions.regions[r];
        let mut marks = self.marks(n);
        marks.clear_region(&region.id);
        for s in symptoms {
            marks.set(&region.id, *s);
        }
        self.app.answer(n, Answer::Body(marks));
        out.push(match symptoms {
            [] => fill(
                &self.words().body.cleared,
                &[("place", &region.spoken(&self.text().body))],
            ),
            _ => self.said(&region.id, symptoms.iter().copied()),
        });
        if self.tell_warning_signs(out) {
            return self.hold(Stage::Body(n, Step::Parts), out);
        }
        self.body_step(n, Step::Parts, out);
    }

    /// "YOUR LEFT calf, outer side: numbness", as the diagram reads back.
    fn said(&self, region: &str, symptoms: impl Iterator<Item = Symptom>) -> String {
        let mut one = BodyMarks::new();
        symptoms.for_each(|s| one.set(region, s));
        let lines = one.read_back(self.app.content.regions, &self.text().body);
        lines.into_iter().next().unwrap_or_default()
    }
}
