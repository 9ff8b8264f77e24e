//! The one reference checker. Every file that names items, options, body
//! regions or parts (questionnaires, findings rules, practice cases, kiosk
//! configurations, saved sessions) checks its names here, so a bad name is
//! refused in the same words, at the spot it is written, whatever the file.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Condition;
use crate::body::{BodyRegions, BodySide};
use crate::diagnostic::Locator;
use crate::questionnaire::{Item, Kind, Questionnaire};

/// What a file may name: a questionnaire's items and the body regions.
pub struct Names<'a> {
    /// Item id to its position in questionnaire order and the item.
    items: HashMap<&'a str, (usize, &'a Item)>,
    regions: &'a BodyRegions,
}

/// Where a condition is written and what it may name.
pub struct Within<'l> {
    pub loc: &'l Locator<'l>,
    /// The bytes of the source the condition is written in.
    pub span: Range<usize>,
    /// Whose condition it is, for messages: `item "b"`, `flag "fever"`.
    pub owner: &'l str,
    /// Only items before this position may be named (a questionnaire's
    /// conditions look back, which rules out cycles); `None` in files read
    /// after the whole questionnaire.
    pub before: Option<usize>,
}

impl<'a> Names<'a> {
    pub fn new(q: &'a Questionnaire, regions: &'a BodyRegions) -> Self {
        let items = q.items().enumerate().map(|(n, i)| (i.id.as_str(), (n, i)));
        Self {
            items: items.collect(),
            regions,
        }
    }

    /// The item `id` names, or why there is none.
    pub fn item(&self, id: &str) -> Result<&'a Item, String> {
        self.items
            .get(id)
            .map(|&(_, item)| item)
            .ok_or_else(|| format!("unknown item \"{id}\""))
    }

    /// Whether `id` names a body region, or why not.
    pub fn region(&self, id: &str) -> Result<(), String> {
        match self.regions.contains(id) {
            true => Ok(()),
            false => Err(format!("unknown body region \"{id}\"")),
        }
    }

    /// Whether some region (on `side`, when given) has `part`, or why not.
    pub fn part(&self, side: Option<BodySide>, part: &str) -> Result<(), String> {
        if self.regions.part(side, part).next().is_some() {
            return Ok(());
        }
        let on = side.map_or(String::new(), |s| format!(" on the {s:?} side"));
        Err(format!(
            "no body region{on} has the part \"{part}\" (see `parts` in the region table)"
        ))
    }

    /// Every problem with what `c` names or asks, each at its byte offset
    /// in the source: unknown or later items, options an item does not
    /// have, a comparison its kind cannot make, unknown regions and parts.
    pub fn condition(&self, c: &Condition, within: &Within) -> Vec<(usize, String)> {
        let mut walk = Walk {
            names: self,
            within,
            cursor: within.span.start,
            reported: HashSet::new(),
            out: Vec::new(),
        };
        walk.visit(c);
        walk.out
    }
}

/// One condition's check, in source order: each name is looked for after
/// the one before it, so an error points at the occurrence it is about.
struct Walk<'n, 'w, 'c> {
    names: &'n Names<'n>,
    within: &'w Within<'w>,
    cursor: usize,
    /// Items already reported, so that a name used twice is told once.
    reported: HashSet<&'c str>,
    out: Vec<(usize, String)>,
}

impl<'n, 'c> Walk<'n, '_, 'c> {
    fn visit(&mut self, c: &'c Condition) {
        // Where this condition's keyword is looked for, if an error needs it.
        let from = self.cursor;
        match c {
            Condition::Equals(id, v) => self.values(id, std::slice::from_ref(v)),
            Condition::AnyOf(id, vs) => self.values(id, vs),
            Condition::Answered(id) => {
                self.item(id);
            }
            Condition::AtLeast(id, _) => {
                if let Some(k) = self.item(id).map(|i| &i.kind).filter(|k| !k.is_numeric()) {
                    let message = format!(
                        "AtLeast needs a scale or number item, \"{id}\" is a {} item",
                        k.name()
                    );
                    self.at_keyword(from, "AtLeast(", message);
                }
            }
            Condition::Marked {
                item,
                regions,
                side,
                part,
                ..
            } => {
                let kind = self.item(item).map(|i| &i.kind);
                if let Some(k) = kind.filter(|k| !matches!(k, Kind::BodyMap)) {
                    let message = format!(
                        "Marked needs a body diagram item, \"{item}\" is a {} item",
                        k.name()
                    );
                    self.at_keyword(from, "Marked(", message);
                }
                if !regions.is_empty() && (side.is_some() || part.is_some()) {
                    let message = "Marked names regions, or a side and part, not both";
                    self.at_keyword(from, "Marked(", message.to_string());
                }
                for r in regions {
                    if let Err(m) = self.names.region(r) {
                        self.at_literal(r, m);
                    }
                }
                if let Some(part) = part
                    && let Err(m) = self.names.part(*side, part)
                {
                    self.at_literal(part, m);
                }
            }
            Condition::Not(inner) => self.visit(inner),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| self.visit(c)),
            Condition::AtLeastOf(n, cs) => {
                if *n == 0 || *n > cs.len() {
                    let message = format!(
                        "AtLeastOf needs a count from 1 to {}, the number of conditions it lists",
                        cs.len()
                    );
                    self.at_keyword(from, "AtLeastOf(", message);
                }
                cs.iter().for_each(|c| self.visit(c));
            }
        }
    }

    /// The item `id` names, if it may be named here; reports it once if not.
    fn item(&mut self, id: &'c str) -> Option<&'n Item> {
        let at = self.find(id);
        let (before, owner) = (self.within.before, self.within.owner);
        let message = match self.names.items.get(id) {
            Some(&(n, _)) if before.is_some_and(|b| n >= b) => format!(
                "{owner}: condition refers to \"{id}\", which does not come before it; conditions may only use earlier items"
            ),
            Some(&(_, item)) => return Some(item),
            None => format!("{owner}: condition refers to unknown item \"{id}\""),
        };
        if self.reported.insert(id) {
            self.out.push((at, message));
        }
        None
    }

    /// Checks the values compared with item `id`'s answer.
    fn values(&mut self, id: &'c str, values: &[String]) {
        let Some(item) = self.item(id) else {
            return;
        };
        let kind = &item.kind;
        for v in values {
            let problem = match kind.condition_values() {
                Some(allowed) if !allowed.contains(&v.as_str()) => Some(format!(
                    "\"{id}\" has no option \"{v}\" (it has: {})",
                    allowed.join(", ")
                )),
                None => Some(format!(
                    "\"{id}\" is a {} item; compare it with AtLeast or Answered",
                    kind.name()
                )),
                Some(_) => None,
            };
            match problem {
                Some(m) => self.at_literal(v, m),
                None => {
                    self.find(v);
                }
            }
        }
    }

    /// The next string literal `text` in the span, moving past it; the
    /// span's start when it cannot be found.
    fn find(&mut self, text: &str) -> usize {
        let Within { loc, span, .. } = self.within;
        let found = loc
            .string_after(self.cursor, text)
            .filter(|&a| a < span.end);
        match found {
            Some(at) => {
                self.cursor = at + 1;
                at
            }
            None => span.start,
        }
    }

    fn at_literal(&mut self, text: &str, message: String) {
        let at = self.find(text);
        self.push(at, message);
    }

    /// Reports at the first `keyword` from `from`: the condition that has
    /// the problem, not its first name.
    fn at_keyword(&mut self, from: usize, keyword: &str, message: String) {
        let Within { loc, span, .. } = self.within;
        let at = loc.within(from, span.end, keyword).unwrap_or(span.start);
        self.push(at, message);
    }

    fn push(&mut self, at: usize, message: String) {
        let owner = self.within.owner;
        self.out.push((at, format!("{owner}: {message}")));
    }
}
