//! Semantic checks of a parsed questionnaire, each reported at a source position.

use std::collections::{HashMap, HashSet};

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
    let mut v = Validator {
        loc: Locator::new(source),
        path,
        source,
        out: Vec::new(),
    };
    v.run(q, regions);
    v.out.sort_by_key(|d| d.pos);
    v.out
}

/// A scale is drawn as one row of numbers, each picked by a key or a click:
/// 0 to 20 (21 steps) still fits an 80-column screen with room to click.
/// Anything longer is a number item.
const MAX_SCALE_STEPS: i64 = 21;

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

        // Locate every section and item in document order.
        let mut cursor = 0;
        let mut sections = Vec::new();
        let mut items: Vec<(&Item, usize)> = Vec::new();
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
                items.push((i, at));
            }
        }
        let end_of_items = self
            .loc
            .after(cursor, "scores:")
            .unwrap_or(self.source.len());
        let spans: Vec<Span> = (0..items.len())
            .map(|n| Span {
                start: items[n].1,
                end: items.get(n + 1).map_or(end_of_items, |x| x.1),
            })
            .collect();

        // Ids: unique among sections, and among items and scores (which share
        // one namespace because both appear as ids in exports).
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (s, &at) in q.sections.iter().zip(&sections) {
            self.check_id("section", &s.id, at, &mut seen);
            if s.items.is_empty() {
                self.error(at, format!("section \"{}\" has no items", s.id));
            }
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (&(item, _), &span) in items.iter().zip(&spans) {
            self.check_id("item", &item.id, span.start, &mut seen);
            self.check_item(item, span);
        }

        // Conditions may only look back: an item's condition (and its
        // section's) can refer to items before it. This also rules out cycles.
        let names = Names::new(q, regions);
        let mut first_item = 0;
        for (s, &at) in q.sections.iter().zip(&sections) {
            if let Some(c) = &s.enable_when {
                let end = spans.get(first_item).map_or(self.source.len(), |x| x.start);
                let owner = format!("section \"{}\"", s.id);
                self.check_condition(&names, c, &owner, first_item, at..end);
            }
            first_item += s.items.len();
        }
        for (n, (&(item, _), &span)) in items.iter().zip(&spans).enumerate() {
            if let Some(c) = &item.enable_when {
                let start = self.find(span, "enable_when");
                let owner = format!("item \"{}\"", item.id);
                self.check_condition(&names, c, &owner, n, start..span.end);
            }
        }
        self.check_scores(q, &names, end_of_items, &mut seen);
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
        let kind_at = self.find(span, "kind");
        let id = &item.id;
        match &item.kind {
            Kind::Single { options } | Kind::Multi { options } => {
                if options.is_empty() {
                    self.error(kind_at, format!("choice item \"{id}\" has no options"));
                }
                let mut seen = HashSet::new();
                let mut cursor = kind_at;
                for o in options {
                    let found = self
                        .loc
                        .string_after(cursor, &o.id)
                        .filter(|&a| a < span.end);
                    cursor = found.map_or(cursor, |a| a + 1);
                    let at = found.unwrap_or(kind_at);
                    if !seen.insert(o.id.as_str()) {
                        self.error(
                            at,
                            format!("item \"{id}\" has two options with id \"{}\"", o.id),
                        );
                    }
                    if o.label.trim().is_empty() {
                        self.error(
                            at,
                            format!("option \"{}\" of item \"{id}\" has an empty label", o.id),
                        );
                    }
                }
                if matches!(item.kind, Kind::Single { .. }) && options.iter().any(|o| o.exclusive) {
                    let at = self.find(span, "exclusive");
                    self.error(
                        at,
                        format!(
                            "\"exclusive\" only applies to multiple-choice items, not \"{id}\""
                        ),
                    );
                }
            }
            Kind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                // Widened: `max - min` of two i32s overflows (a scale
                // from -2e9 to 2e9 once passed as a short one).
                let steps = i64::from(*max) - i64::from(*min) + 1;
                if min >= max {
                    let at = self.find(span, "min");
                    self.error(
                        at,
                        format!("scale \"{id}\": min ({min}) must be below max ({max})"),
                    );
                } else if steps > MAX_SCALE_STEPS {
                    let at = self.find(span, "max");
                    self.error(
                        at,
                        format!(
                            "scale \"{id}\" has {steps} steps; at most {MAX_SCALE_STEPS} fit on a screen"
                        ),
                    );
                }
                if min_label.trim().is_empty() || max_label.trim().is_empty() {
                    self.error(
                        kind_at,
                        format!("scale \"{id}\" needs a label for both ends"),
                    );
                }
            }
            Kind::Number {
                min, max, decimals, ..
            } => {
                if !min.is_finite() || !max.is_finite() || min >= max {
                    let at = self.find(span, "min");
                    self.error(
                        at,
                        format!("number \"{id}\": min ({min}) must be below max ({max})"),
                    );
                }
                if *decimals > 3 {
                    let at = self.find(span, "decimals");
                    self.error(at, format!("number \"{id}\": at most 3 decimals"));
                }
            }
            Kind::Text { max_len } if *max_len == 0 => {
                let at = self.find(span, "max_len");
                self.error(at, format!("text item \"{id}\" has max_len 0"));
            }
            Kind::Duration { max_years } if *max_years == 0 => {
                let at = self.find(span, "max_years");
                self.error(at, format!("duration item \"{id}\" has max_years 0"));
            }
            _ => {}
        }
        if matches!(item.kind, Kind::Info) && item.required {
            let at = self.find(span, "required");
            self.error(
                at,
                format!("information item \"{id}\" takes no answer and cannot be required"),
            );
        }
    }
}
