//! The texts of each translated structure, by key. A key follows the
//! overlay file's shape: `items.<id>.options.<id>`, `flags.<id>.title`.
//! Only words are visited; ids, codes and conditions are never touched.

use super::{Key, Slot, Translatable};
use crate::body::BodyRegions;
use crate::findings::Rules;
use crate::questionnaire::{Kind, Questionnaire};

fn key(parts: &[&str]) -> Key {
    parts.iter().map(|p| p.to_string()).collect()
}

impl Translatable for Questionnaire {
    fn walk(&mut self, visit: &mut dyn FnMut(Key, Slot)) {
        visit(key(&["title"]), Slot::One(&mut self.title));
        visit(key(&["description"]), Slot::One(&mut self.description));
        if let Some(warning) = &mut self.welcome_warning {
            visit(key(&["welcome_warning"]), Slot::One(warning));
        }
        for s in &mut self.sections {
            visit(key(&["sections", &s.id, "title"]), Slot::One(&mut s.title));
            visit(key(&["sections", &s.id, "intro"]), Slot::One(&mut s.intro));
            for item in &mut s.items {
                let at = |field: &str| key(&["items", &item.id, field]);
                visit(at("prompt"), Slot::One(&mut item.prompt));
                if let Some(interviewer) = &mut item.interviewer {
                    visit(at("interviewer"), Slot::One(interviewer));
                }
                visit(at("why"), Slot::One(&mut item.why));
                kind(&item.id, &mut item.kind, visit);
            }
        }
        for score in &mut self.scores {
            let at = |field: &str| key(&["scores", &score.id, field]);
            visit(at("label"), Slot::One(&mut score.label));
            visit(at("explanation"), Slot::One(&mut score.explanation));
        }
    }
}

/// An item kind's own words: options, a scale's ends, a number's unit.
fn kind(id: &str, kind: &mut Kind, visit: &mut dyn FnMut(Key, Slot)) {
    match kind {
        Kind::Single { options } | Kind::Multi { options } => {
            for o in options {
                visit(
                    key(&["items", id, "options", &o.id]),
                    Slot::One(&mut o.label),
                );
            }
        }
        Kind::Scale {
            min_label,
            max_label,
            ..
        } => {
            visit(key(&["items", id, "min_label"]), Slot::One(min_label));
            visit(key(&["items", id, "max_label"]), Slot::One(max_label));
        }
        Kind::Number { unit, .. } => visit(key(&["items", id, "unit"]), Slot::One(unit)),
        Kind::Info
        | Kind::YesNo
        | Kind::Duration { .. }
        | Kind::Text { .. }
        | Kind::BodyMap
        | Kind::Side => {}
    }
}

impl Translatable for Rules {
    fn walk(&mut self, visit: &mut dyn FnMut(Key, Slot)) {
        for f in &mut self.flags {
            visit(key(&["flags", &f.id, "title"]), Slot::One(&mut f.title));
        }
        // A strength sign has no id: its English words name it, so a
        // changed sentence shows as a missing translation.
        for s in &mut self.signs {
            let english = s.says.clone();
            visit(key(&["signs", &english]), Slot::One(&mut s.says));
        }
        for s in &mut self.steps {
            visit(key(&["steps", &s.id]), Slot::One(&mut s.text));
        }
        for d in &mut self.disagreements {
            visit(
                key(&["disagreements", &d.id, "says"]),
                Slot::One(&mut d.says),
            );
        }
        let a = &mut self.alerts;
        let alerts = [
            ("emergency_title", &mut a.emergency_title),
            ("emergency", &mut a.emergency),
            ("urgent", &mut a.urgent),
            ("emergency_notice", &mut a.emergency_notice),
            ("resumed", &mut a.resumed),
            ("resumed_emergency", &mut a.resumed_emergency),
            ("none_reported", &mut a.none_reported),
            ("not_answered", &mut a.not_answered),
            ("not_matching", &mut a.not_matching),
        ];
        for (field, text) in alerts {
            visit(key(&["alerts", field]), Slot::One(text));
        }
        for (item, label) in &mut self.labels {
            visit(key(&["labels", item]), Slot::One(label));
        }
        practice(&mut self.practice, visit);
    }
}

fn practice(p: &mut crate::findings::Practice, visit: &mut dyn FnMut(Key, Slot)) {
    let questions = [
        ("red_flags", &mut p.red_flags),
        ("level", &mut p.level),
        ("no_level", &mut p.no_level),
        ("next_step", &mut p.next_step),
    ];
    for (field, text) in questions {
        visit(key(&["practice", field]), Slot::One(text));
    }
    for (id, words) in &mut p.steps {
        visit(key(&["practice", "steps", id]), Slot::One(words));
    }
}

impl Translatable for BodyRegions {
    fn walk(&mut self, visit: &mut dyn FnMut(Key, Slot)) {
        for a in &mut self.areas {
            visit(key(&["areas", &a.id]), Slot::One(&mut a.label));
        }
        for r in &mut self.regions {
            visit(key(&["regions", &r.id, "label"]), Slot::One(&mut r.label));
            visit(key(&["regions", &r.id, "also"]), Slot::Many(&mut r.also));
        }
    }
}
