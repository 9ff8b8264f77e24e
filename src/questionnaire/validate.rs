//! Semantic checks of a parsed questionnaire, each reported at a source position.

use std::collections::HashMap;

use super::{Condition, Item, Kind, Questionnaire};
use crate::body::BodyRegions;
use crate::condition::{Names, Within};
use crate::diagnostic::{Diagnostic, Locator};

/// Every semantic problem of `q`, in source order. `source` is the text `q`
/// was parsed from, used to point at the offending spot.
pub fn validate(
    q: &Questionnaire,
    path: &str,
    source: &str,
    regions: &BodyRegions,
) -> Vec<Diagnostic> {
    // Most files have no problem, and then no position is wanted. A first
    // pass without the index of the file's strings (a quarter of loading a
    // large file: no check depends on where a thing is, only its message)
    // tells whether a second pass, with it, is needed.
    let check = |loc| {
        let mut v = Validator {
            loc,
            path,
            source,
            out: Vec::new(),
        };
        v.run(q, regions);
        v.out
    };
    if check(Locator::lines_only(source)).is_empty() {
        return Vec::new();
    }
    let mut out = check(Locator::new(source));
    out.sort_by_key(|d| d.pos);
    out
}

struct Validator<'a> {
    loc: Locator<'a>,
    path: &'a str,
    source: &'a str,
    out: Vec<Diagnostic>,
}

/// Where an item sits in the source: its `id` field and where the next item starts.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// The sections and items of a questionnaire, found in its source.
struct Places<'q> {
    /// Where each section starts.
    sections: Vec<usize>,
    items: Vec<(&'q Item, Span)>,
    /// Where the scores begin, or the end of the source.
    end_of_items: usize,
}

impl Validator<'_> {
    fn error(&mut self, at: usize, message: String) {
        let d = self.loc.diagnostic(self.path, at, message);
        self.out.push(d);
    }

    /// The first `needle` inside `span`, or the span's start.
    fn find(&self, span: Span, needle: &str) -> usize {
        self.loc
            .within(span.start, span.end, needle)
            .unwrap_or(span.start)
    }

    fn run(&mut self, q: &Questionnaire, regions: &BodyRegions) {
        self.check_header(q);
        let places = self.locate(q);
        let mut seen = self.check_sections_and_items(q, &places);
        let names = Names::new(q, regions);
        self.check_conditions(q, &names, &places);
        self.check_scores(q, &names, places.end_of_items, &mut seen);
    }

    fn check_header(&mut self, q: &Questionnaire) {
        for (field, value) in [("id", &q.id), ("title", &q.title), ("version", &q.version)] {
            if value.trim().is_empty() {
                let at = self.loc.after(0, &format!("{field}:")).unwrap_or(0);
                self.error(at, format!("the questionnaire {field} is empty"));
            }
        }
        if q.items().next().is_none() {
            let at = self.loc.after(0, "sections:").unwrap_or(0);
            self.error(at, "the questionnaire has no items".to_string());
        }
    }

    /// Every section and item, located in document order.
    fn locate<'q>(&self, q: &'q Questionnaire) -> Places<'q> {
        let mut cursor = 0;
        let mut sections = Vec::new();
        let mut starts: Vec<(&Item, usize)> = Vec::new();
        for s in &q.sections {
            let at = self
                .loc
                .struct_id("Section", &s.id, cursor)
                .unwrap_or(cursor);
            cursor = at + 1;
            sections.push(at);
            for i in &s.items {
                let at = self.loc.struct_id("Item", &i.id, cursor).unwrap_or(cursor);
                cursor = at + 1;
                starts.push((i, at));
            }
        }
        let end_of_items = self
            .loc
            .after(cursor, "scores:")
            .unwrap_or(self.source.len());
        let items = (0..starts.len())
            .map(|n| {
                let end = starts.get(n + 1).map_or(end_of_items, |x| x.1);
                let (item, start) = starts[n];
                (item, Span { start, end })
            })
            .collect();
        Places {
            sections,
            items,
            end_of_items,
        }
    }

    /// Ids: unique among sections, and among items and scores (which share
    /// one namespace because both appear as ids in exports). Returns the
    /// items' ids for the scores' check.
    fn check_sections_and_items<'q>(
        &mut self,
        q: &'q Questionnaire,
        places: &Places<'q>,
    ) -> HashMap<&'q str, usize> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (s, &at) in q.sections.iter().zip(&places.sections) {
            self.check_id("section", &s.id, at, &mut seen);
            if s.items.is_empty() {
                self.error(at, format!("section \"{}\" has no items", s.id));
            }
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for &(item, span) in &places.items {
            self.check_id("item", &item.id, span.start, &mut seen);
            self.check_item(item, span);
        }
        seen
    }

    /// Conditions may only look back: an item's condition (and its
    /// section's) can refer to items before it. This also rules out cycles.
    fn check_conditions(&mut self, q: &Questionnaire, names: &Names, places: &Places) {
        let mut first_item = 0;
        for (s, &at) in q.sections.iter().zip(&places.sections) {
            if let Some(c) = &s.enable_when {
                let end = places
                    .items
                    .get(first_item)
                    .map_or(self.source.len(), |(_, span)| span.start);
                let owner = format!("section \"{}\"", s.id);
                self.check_condition(names, c, &owner, first_item, at..end);
            }
            first_item += s.items.len();
        }
        for (n, &(item, span)) in places.items.iter().enumerate() {
            if let Some(c) = &item.enable_when {
                let start = self.find(span, "enable_when");
                let owner = format!("item \"{}\"", item.id);
                self.check_condition(names, c, &owner, n, start..span.end);
            }
        }
    }

    /// Scores name scale and number items; their ids share the items' namespace.
    fn check_scores<'q>(
        &mut self,
        q: &'q Questionnaire,
        names: &Names,
        end_of_items: usize,
        seen: &mut HashMap<&'q str, usize>,
    ) {
        let mut cursor = self
            .loc
            .after(end_of_items, "scores:")
            .unwrap_or(end_of_items);
        for score in &q.scores {
            let at = self
                .loc
                .struct_id("Score", &score.id, cursor)
                .unwrap_or(cursor);
            cursor = at + 1;
            self.check_id("score", &score.id, at, seen);
            if score.items.is_empty() {
                self.error(at, format!("score \"{}\" lists no items", score.id));
            }
            for id in &score.items {
                let ref_at = self.loc.string_after(at, id).unwrap_or(at);
                match names.item(id) {
                    Err(m) => self.error(ref_at, format!("score \"{}\" uses {m}", score.id)),
                    Ok(i) if !i.kind.is_numeric() => self.error(
                        ref_at,
                        format!(
                            "score \"{}\" uses \"{id}\", a {} item; scores can only use scale and number items",
                            score.id,
                            i.kind.name()
                        ),
                    ),
                    Ok(_) => {}
                }
            }
        }
    }

    /// A condition's names, checked by the one reference checker.
    fn check_condition(
        &mut self,
        names: &Names,
        c: &Condition,
        owner: &str,
        before: usize,
        span: std::ops::Range<usize>,
    ) {
        let within = Within {
            loc: &self.loc,
            span,
            owner,
            before: Some(before),
        };
        for (at, message) in names.condition(c, &within) {
            self.error(at, message);
        }
    }

    fn check_id<'q>(
        &mut self,
        what: &str,
        id: &'q str,
        at: usize,
        seen: &mut HashMap<&'q str, usize>,
    ) {
        if id.trim().is_empty() {
            self.error(at, format!("{what} id is empty"));
        } else if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.error(
                at,
                format!("{what} id \"{id}\" may only use letters, digits, '_' and '-'"),
            );
        } else if let Some(&first) = seen.get(id) {
            let line = self.loc.pos(first).line;
            self.error(
                at,
                format!("duplicate id \"{id}\" (first used on line {line})"),
            );
        } else {
            seen.insert(id, at);
        }
    }

    fn check_item(&mut self, item: &Item, span: Span) {
        if item.prompt.trim().is_empty() {
            let at = self.find(span, "prompt");
            self.error(at, format!("item \"{}\" has an empty prompt", item.id));
        }
        item.kind.validate(&mut ItemCheck {
            v: self,
            span,
            id: &item.id,
        });
        if matches!(item.kind, Kind::Info) && item.required {
            let at = self.find(span, "required");
            let message = format!(
                "information item \"{}\" takes no answer and cannot be required",
                item.id
            );
            self.error(at, message);
        }
    }
}

/// One item in the source, for its kind's checks to point into.
pub(super) struct ItemCheck<'v, 'a> {
    v: &'v mut Validator<'a>,
    span: Span,
    pub id: &'v str,
}

impl ItemCheck<'_, '_> {
    pub fn error(&mut self, at: usize, message: String) {
        self.v.error(at, message);
    }

    /// Reports `message` at the item's first `field` (or at its start).
    pub fn at(&mut self, field: &str, message: String) {
        let at = self.v.find(self.span, field);
        self.v.error(at, message);
    }

    /// Where the item's `kind` is, from which its values are looked for.
    pub fn kind_at(&self) -> usize {
        self.v.find(self.span, "kind")
    }

    /// The first string `needle` inside the item from offset `from`.
    pub fn string_after(&self, from: usize, needle: &str) -> Option<usize> {
        let end = self.span.end;
        self.v.loc.string_after(from, needle).filter(|&a| a < end)
    }
}
