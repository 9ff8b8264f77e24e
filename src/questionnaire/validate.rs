//! Semantic checks of a parsed questionnaire, each reported at a source position.

use std::collections::{HashMap, HashSet};

use super::{Condition, Item, Kind, Questionnaire};
use crate::body::{BodyRegions, BodySide};
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

    /// The first string literal `text` inside `span`, or the span's start.
    fn string_in(&self, span: Span, text: &str) -> usize {
        self.loc
            .string_after(span.start, text)
            .filter(|&a| a < span.end)
            .unwrap_or(span.start)
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
        let index: HashMap<&str, usize> = items
            .iter()
            .enumerate()
            .map(|(n, (i, _))| (i.id.as_str(), n))
            .collect();
        let mut first_item = 0;
        for (s, &at) in q.sections.iter().zip(&sections) {
            if let Some(c) = &s.enable_when {
                let span = Span {
                    start: at,
                    end: spans.get(first_item).map_or(self.source.len(), |x| x.start),
                };
                self.check_condition(
                    c,
                    &format!("section \"{}\"", s.id),
                    first_item,
                    span,
                    &items,
                    &index,
                    regions,
                );
            }
            first_item += s.items.len();
        }
        for (n, (&(item, _), &span)) in items.iter().zip(&spans).enumerate() {
            if let Some(c) = &item.enable_when {
                let span = Span {
                    start: self.find(span, "enable_when"),
                    end: span.end,
                };
                self.check_condition(
                    c,
                    &format!("item \"{}\"", item.id),
                    n,
                    span,
                    &items,
                    &index,
                    regions,
                );
            }
        }

        // Scores.
        let scores_at = self
            .loc
            .after(end_of_items, "scores:")
            .unwrap_or(end_of_items);
        let mut cursor = scores_at;
        for score in &q.scores {
            let at = self
                .loc
                .struct_id("Score", &score.id, cursor)
                .unwrap_or(cursor);
            cursor = at + 1;
            self.check_id("score", &score.id, at, &mut seen);
            if score.items.is_empty() {
                self.error(at, format!("score \"{}\" lists no items", score.id));
            }
            for id in &score.items {
                let ref_at = self.loc.string_after(at, id).unwrap_or(at);
                match index.get(id.as_str()).map(|&n| items[n].0) {
                    None => self.error(ref_at, format!("score \"{}\" uses unknown item \"{id}\"", score.id)),
                    Some(i) if !i.kind.is_numeric() => self.error(
                        ref_at,
                        format!(
                            "score \"{}\" uses \"{id}\", a {} item; scores can only use scale and number items",
                            score.id,
                            i.kind.name()
                        ),
                    ),
                    Some(_) => {}
                }
            }
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

    #[allow(clippy::too_many_arguments)]
    fn check_condition(
        &mut self,
        c: &Condition,
        owner: &str,
        position: usize,
        span: Span,
        items: &[(&Item, usize)],
        index: &HashMap<&str, usize>,
        regions: &BodyRegions,
    ) {
        let mut cursor = span.start;
        let mut reported = HashSet::new();
        for (id, value) in c.references() {
            let at = self
                .loc
                .string_after(cursor, id)
                .filter(|&a| a < span.end)
                .unwrap_or(span.start);
            cursor = at;
            let Some(&n) = index.get(id) else {
                if reported.insert(id) {
                    self.error(
                        at,
                        format!("{owner}: condition refers to unknown item \"{id}\""),
                    );
                }
                continue;
            };
            if n >= position {
                if !reported.insert(id) {
                    continue;
                }
                self.error(
                    at,
                    format!("{owner}: condition refers to \"{id}\", which does not come before it; conditions may only use earlier items"),
                );
                continue;
            }
            let target = items[n].0;
            if let Some(value) = value {
                let vat = self
                    .loc
                    .string_after(at, value)
                    .filter(|&a| a < span.end)
                    .unwrap_or(at);
                match target.kind.condition_values() {
                    Some(allowed) if !allowed.contains(&value) => self.error(
                        vat,
                        format!(
                            "{owner}: \"{id}\" has no option \"{value}\" (it has: {})",
                            allowed.join(", ")
                        ),
                    ),
                    None => self.error(
                        vat,
                        format!(
                            "{owner}: \"{id}\" is a {} item; compare it with AtLeast or Answered",
                            target.kind.name()
                        ),
                    ),
                    _ => {}
                }
            }
        }
        self.check_condition_kinds(c, owner, span, index, items, regions);
    }

    /// AtLeast needs a numeric item, Marked a body diagram with known regions.
    fn check_condition_kinds(
        &mut self,
        c: &Condition,
        owner: &str,
        span: Span,
        index: &HashMap<&str, usize>,
        items: &[(&Item, usize)],
        regions: &BodyRegions,
    ) {
        let kind_of = |id: &str| index.get(id).map(|&n| &items[n].0.kind);
        match c {
            Condition::AtLeast(id, _) => {
                if let Some(k) = kind_of(id).filter(|k| !k.is_numeric()) {
                    let at = self.find(span, "AtLeast(");
                    self.error(
                        at,
                        format!(
                            "{owner}: AtLeast needs a scale or number item, \"{id}\" is a {} item",
                            k.name()
                        ),
                    );
                }
            }
            Condition::Marked {
                item: id,
                regions: listed,
                side,
                part,
                ..
            } => {
                if let Some(k) = kind_of(id).filter(|k| !matches!(k, Kind::BodyMap)) {
                    let at = self.find(span, "Marked");
                    self.error(
                        at,
                        format!(
                            "{owner}: Marked needs a body diagram item, \"{id}\" is a {} item",
                            k.name()
                        ),
                    );
                }
                if !listed.is_empty() && (side.is_some() || part.is_some()) {
                    let at = self.find(span, "Marked");
                    let message = "Marked names regions, or a side and part, not both";
                    self.error(at, format!("{owner}: {message}"));
                }
                for r in c.regions() {
                    if !regions.contains(r) {
                        let at = self.string_in(span, r);
                        self.error(at, format!("{owner}: unknown body region \"{r}\""));
                    }
                }
                for (side, part) in c.parts() {
                    if regions.part(side, part).next().is_none() {
                        let at = self.string_in(span, part);
                        self.error(at, format!("{owner}: {}", unknown_part(side, part)));
                    }
                }
            }
            Condition::Not(inner) => {
                self.check_condition_kinds(inner, owner, span, index, items, regions)
            }
            Condition::AtLeastOf(n, cs) => {
                if *n == 0 || *n > cs.len() {
                    let at = self.find(span, "AtLeastOf");
                    let message = format!(
                        "{owner}: AtLeastOf needs a count from 1 to {}, the number of conditions it lists",
                        cs.len()
                    );
                    self.error(at, message);
                }
                for inner in cs {
                    self.check_condition_kinds(inner, owner, span, index, items, regions);
                }
            }
            Condition::All(cs) | Condition::Any(cs) => {
                for inner in cs {
                    self.check_condition_kinds(inner, owner, span, index, items, regions);
                }
            }
            _ => {}
        }
    }
}

/// The message for a `Marked` part that no region (of that side) has.
pub(crate) fn unknown_part(side: Option<BodySide>, part: &str) -> String {
    let on = side.map_or(String::new(), |s| format!(" on the {s:?} side"));
    format!("no body region{on} has the part \"{part}\" (see `parts` in the region table)")
}
