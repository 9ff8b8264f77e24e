//! The names a rules file uses, checked by the one reference checker, each
//! error at the occurrence it is about (a name used by two flags is
//! reported in each).

use std::slice;

use super::{Rules, StepWhen};
use crate::body::BodyRegions;
use crate::condition::{Condition, Names, Within};
use crate::diagnostic::{Locator, Problems};
use crate::questionnaire::{Item, Kind, Questionnaire};

/// Every unknown or unfit item, option, region or part the rules name.
pub(super) fn names(rules: &Rules, q: &Questionnaire, problems: &mut Problems) {
    let names = Names::new(q, BodyRegions::builtin());
    let mut found = Vec::new();
    let loc = problems.locator();
    for (owner, at, c) in conditions(rules, loc) {
        let within = Within {
            loc,
            // To the end of the file: the condition is the first after `at`.
            span: at..usize::MAX,
            owner: &owner,
            before: None,
        };
        found.extend(names.condition(c, &within));
    }
    for (from, id, fits) in named_items(rules, loc) {
        let message = match names.item(id) {
            Err(m) => Some(m),
            Ok(item) => fits(id, item),
        };
        if let Some(m) = message {
            found.push((loc.string_after(from, id).unwrap_or(0), m));
        }
    }
    for (at, message) in found {
        problems.at_offset(at, message);
    }
}

/// What an item named in a field must be: `None` when it fits, else why not.
type Fits = fn(&str, &Item) -> Option<String>;

/// The items named outside conditions, each with the offset its field
/// starts at and what it must be.
fn named_items<'r>(rules: &'r Rules, loc: &Locator) -> Vec<(usize, &'r String, Fits)> {
    let field = |name: &str| loc.after(0, &format!("{name}:")).unwrap_or(0);
    let any: Fits = |_, _| None;
    let diagram: Fits = |id, item| {
        let kind = item.kind.name();
        (!matches!(item.kind, Kind::BodyMap))
            .then(|| format!("body_item \"{id}\" is a {kind} item, not a body diagram"))
    };
    let check: Fits = |id, item| {
        item.enable_when.is_none().then(|| {
            format!(
                "check \"{id}\" has no enable_when: it must be asked only when the answers disagree"
            )
        })
    };
    let side: Fits = |id, item| {
        let kind = item.kind.name();
        (!matches!(item.kind, Kind::Side))
            .then(|| format!("side item \"{id}\" is a {kind} item, not a side question"))
    };
    let lists: [(&str, &[String], Fits); 5] = [
        ("body_item", slice::from_ref(&rules.body_item), diagram),
        ("pain_items", &rules.pain_items, any),
        ("tried_items", &rules.tried_items, any),
        ("imaging_items", &rules.imaging_items, any),
        ("side_items", &rules.side_items, side),
    ];
    let mut out = Vec::new();
    for (name, ids, fits) in lists {
        out.extend(ids.iter().map(|id| (field(name), id, fits)));
    }
    out.extend(rules.labels.keys().map(|id| (field("labels"), id, any)));
    for d in &rules.disagreements {
        let at = loc.struct_id("Disagreement", &d.id, 0).unwrap_or(0);
        out.push((at, &d.check, check));
    }
    out
}

/// Every condition of the rules, with whose it is (for messages) and the
/// byte offset after which it is written.
fn conditions<'r>(rules: &'r Rules, loc: &Locator) -> Vec<(String, usize, &'r Condition)> {
    // The `field` after where its owner starts (the file's start if lost).
    let after =
        |owner: Option<usize>, field: &str| owner.and_then(|at| loc.after(at, field)).unwrap_or(0);
    let mut out = Vec::new();
    for f in &rules.flags {
        let at = after(loc.struct_id("Flag", &f.id, 0), "when");
        out.push((format!("flag \"{}\"", f.id), at, &f.when));
    }
    for s in &rules.signs {
        let at = after(loc.string_after(0, &s.says), "when");
        out.push((format!("sign \"{}\"", s.says), at, &s.when));
    }
    let at = after(Some(0), "radicular_when");
    out.push(("radicular_when".to_string(), at, &rules.radicular_when));
    for s in &rules.steps {
        let at = after(loc.struct_id("Step", &s.id, 0), "when");
        let mut found = Vec::new();
        step_conditions(&s.when, &mut found);
        out.extend(
            found
                .into_iter()
                .map(|c| (format!("step \"{}\"", s.id), at, c)),
        );
    }
    for d in &rules.disagreements {
        let at = after(loc.struct_id("Disagreement", &d.id, 0), "settled_when");
        out.push((format!("disagreement \"{}\"", d.id), at, &d.settled_when));
    }
    out
}

fn step_conditions<'a>(w: &'a StepWhen, out: &mut Vec<&'a Condition>) {
    match w {
        StepWhen::Answer(c) => out.push(c),
        StepWhen::All(ws) => ws.iter().for_each(|w| step_conditions(w, out)),
        _ => {}
    }
}
