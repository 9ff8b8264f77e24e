//! Body regions, dermatomes and the marks a patient puts on the body diagram.
//!
//! The region table and the figures' shapes are data (assets/body/regions.ron,
//! shapes.ron); the built-in copies are compiled into the binary so a kiosk
//! needs no files beside it.

mod near;
mod picture;
mod place;
mod raster;
mod search;
mod shape;
mod svg;
mod tone;

pub use near::{Direction, Near, Neighbours, distances};
pub use picture::{Glyph, TONE_GLYPHS, glyph, heading, rows, sides};
pub use place::{Placed, hit};
pub use raster::{Dot, Mode, Raster};
pub use search::search;
pub use shape::{BUILTIN_SHAPES, Drawing, Point, Shapes, TONES};
pub use svg::{legend, svg};

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostics, Problems};
use crate::text::{BodyWords, fill};

/// The region table shipped with the program.
pub const BUILTIN_REGIONS: &str = include_str!("../../assets/body/regions.ron");

/// A kind of symptom a patient can mark on a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Symptom {
    Pain,
    Numbness,
    Tingling,
    Weakness,
    /// Skin that hurts at a light touch (the article's "hypersensitivity to touch").
    Sensitive,
}

impl Symptom {
    pub const ALL: [Symptom; 5] = [
        Symptom::Pain,
        Symptom::Numbness,
        Symptom::Tingling,
        Symptom::Weakness,
        Symptom::Sensitive,
    ];

    /// The mark drawn on the figure: different for each kind, so the marks
    /// read without colour, and close to the usual pain-drawing signs.
    pub fn symbol(self) -> char {
        match self {
            Symptom::Pain => '/',
            Symptom::Numbness => '=',
            Symptom::Tingling => 'o',
            Symptom::Weakness => 'W',
            Symptom::Sensitive => '^',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum View {
    Front,
    Back,
}

/// The patient's own side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum BodySide {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    /// The part of the body it is in (an `Area` id), for PageUp and PageDown.
    pub area: String,
    pub label: String,
    /// More words a patient may search for it by ("bottom", "tummy").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    pub view: View,
    pub side: BodySide,
    pub dermatomes: Vec<String>,
    /// Whether marks here point to particular roots (limbs do; the trunk and
    /// the back itself do not, see the table's comments).
    #[serde(default = "yes")]
    pub localising: bool,
    /// The parts of a limb the region belongs to ("leg", "below_knee"), so a
    /// condition can name a side's leg or arm without listing its regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

impl Region {
    /// The region's name to the patient, its side beyond doubt: "YOUR LEFT
    /// calf, outer side". A sided label's first word is its side (the
    /// region table's check makes sure it has more than one word).
    pub fn spoken(&self, words: &BodyWords) -> String {
        let template = match self.side {
            BodySide::Left => &words.left_place,
            BodySide::Right => &words.right_place,
            BodySide::Center => return self.label.clone(),
        };
        let place = self.label.split_once(' ').map_or("", |(_, rest)| rest);
        fill(template, &[("place", place)])
    }
}

fn yes() -> bool {
    true
}

/// A part of the body that PageUp and PageDown move between.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BodyRegions {
    /// The dermatome chart the `dermatomes` fields follow.
    pub chart: String,
    /// The parts of the body, in the order PageDown visits them.
    pub areas: Vec<Area>,
    pub regions: Vec<Region>,
    /// Where the arrow keys go from each region.
    pub neighbours: Neighbours,
}

impl BodyRegions {
    /// The built-in table, parsed once. It is checked by the tests, so a
    /// failure here is a build defect, not bad user input.
    pub fn builtin() -> &'static Self {
        static TABLE: OnceLock<BodyRegions> = OnceLock::new();
        TABLE.get_or_init(|| {
            crate::questionnaire::parse_ron("assets/body/regions.ron", BUILTIN_REGIONS)
                .expect("assets/body/regions.ron is valid (tested)")
        })
    }

    /// Reads a region table; every id must be a unique plain word, every
    /// label written, as answers and figures refer to them.
    pub fn parse(path: &str, source: &str) -> Result<BodyRegions, Diagnostics> {
        let table: BodyRegions =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut problems = Problems::new(path, source);
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for r in &table.regions {
            let id = r.id.as_str();
            let nth = *seen.entry(id).and_modify(|n| *n += 1).or_default();
            let plain = |c: char| c.is_ascii_alphanumeric() || c == '_';
            if id.is_empty() || !id.chars().all(plain) {
                let message = format!("region id \"{id}\" may only use letters, digits and '_'");
                problems.at_id(id, nth, message);
            } else if nth > 0 {
                problems.at_id(id, nth, format!("duplicate region id \"{id}\""));
            }
            if r.label.trim().is_empty() {
                problems.at_id(id, nth, format!("region \"{id}\" has an empty label"));
            }
            for part in r
                .parts
                .iter()
                .filter(|p| p.is_empty() || !p.chars().all(plain))
            {
                let message = format!(
                    "part \"{part}\" of region \"{id}\" may only use letters, digits and '_'"
                );
                problems.at_id(id, nth, message);
            }
            // Twins are found by these prefixes, and a sided label's first
            // word is its side (`Region::spoken` drops it).
            let sided = id.starts_with("left_") || id.starts_with("right_");
            let named = match r.side {
                BodySide::Left => id.starts_with("left_"),
                BodySide::Right => id.starts_with("right_"),
                BodySide::Center => !sided,
            };
            if !named {
                let message = format!(
                    "region \"{id}\": the id of a Left or Right region starts with left_ or right_, a Center one's with neither"
                );
                problems.at_id(id, nth, message);
            } else if sided && !r.label.trim().contains(' ') {
                let message = format!("region \"{id}\": a sided label is its side, then the place");
                problems.at_id(id, nth, message);
            }
            if !table.areas.iter().any(|a| a.id == r.area) {
                let message = format!("region \"{id}\" is in unknown area \"{}\"", r.area);
                problems.at_id(id, nth, message);
            }
        }
        if table.regions.is_empty() {
            problems.at(
                "regions:",
                "a region table needs at least one region".into(),
            );
        }
        if problems.is_empty() {
            near::check(&table, &mut problems);
        }
        problems.into_result(table)
    }

    pub fn get(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The table index of a region id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.id == id)
    }

    /// The first region of the area after (`forward`) or before the one
    /// region `from` is in, on the same side where the area has that side,
    /// going round from the last area to the first.
    pub fn next_area(&self, from: usize, forward: bool) -> usize {
        let here = &self.regions[from];
        let n = self.areas.len();
        let at = self
            .areas
            .iter()
            .position(|a| a.id == here.area)
            .unwrap_or(0);
        let step = if forward { 1 } else { n - 1 };
        let area = &self.areas[(at + step) % n].id;
        let first = |side: Option<BodySide>| {
            self.regions
                .iter()
                .position(|r| &r.area == area && side.is_none_or(|s| r.side == s))
        };
        first(Some(here.side))
            .or_else(|| first(None))
            .unwrap_or(from)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The regions of `part` on `side` (either side when none), e.g. the left leg.
    pub fn part(&self, side: Option<BodySide>, part: &str) -> impl Iterator<Item = &Region> {
        self.regions
            .iter()
            .filter(move |r| side.is_none_or(|s| r.side == s) && r.parts.iter().any(|p| p == part))
    }
}

/// The answer to a body-diagram item: region id to the symptoms marked there.
/// Regions with no symptoms are never stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct BodyMarks(BTreeMap<String, BTreeSet<Symptom>>);

impl BodyMarks {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn symptoms(&self, region: &str) -> Option<&BTreeSet<Symptom>> {
        self.0.get(region)
    }

    pub fn has(&self, region: &str, symptom: Symptom) -> bool {
        self.0.get(region).is_some_and(|s| s.contains(&symptom))
    }

    /// Marks or unmarks one symptom on a region.
    pub fn toggle(&mut self, region: &str, symptom: Symptom) {
        let set = self.0.entry(region.to_string()).or_default();
        if !set.remove(&symptom) {
            set.insert(symptom);
        }
        if set.is_empty() {
            self.0.remove(region);
        }
    }

    pub fn set(&mut self, region: &str, symptom: Symptom) {
        self.0
            .entry(region.to_string())
            .or_default()
            .insert(symptom);
    }

    pub fn clear_region(&mut self, region: &str) {
        self.0.remove(region);
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &BTreeSet<Symptom>)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The marked regions head to toe, as the region table lists them; ids
    /// the table does not know (an older table) come last.
    pub fn in_order<'a>(
        &'a self,
        table: &'a BodyRegions,
    ) -> impl Iterator<Item = (&'a str, &'a BTreeSet<Symptom>)> {
        let known = table
            .regions
            .iter()
            .filter_map(|r| self.0.get(&r.id).map(|s| (r.id.as_str(), s)));
        known.chain(self.iter().filter(|(id, _)| !table.contains(id)))
    }

    /// One line per marked region, in words, head to toe as the region
    /// table lists them: "Left calf, outer side: pain, tingling".
    pub fn describe(&self, table: &BodyRegions, words: &BodyWords) -> Vec<String> {
        self.lines(table, words, false)
    }

    /// The same, read back to the patient with the side in capitals:
    /// "YOUR LEFT calf, outer side: pain, tingling". A label's first word
    /// is its side (the region table's tests check it).
    pub fn read_back(&self, table: &BodyRegions, words: &BodyWords) -> Vec<String> {
        self.lines(table, words, true)
    }

    fn lines(&self, table: &BodyRegions, words: &BodyWords, sides: bool) -> Vec<String> {
        self.in_order(table)
            .map(|(id, symptoms)| {
                let named: Vec<&str> = symptoms.iter().map(|s| words.symptoms.get(*s)).collect();
                let symptoms = named.join(&words.between);
                // Ids the table does not know still show, by id.
                let place = match table.get(id) {
                    Some(r) if sides => r.spoken(words),
                    Some(r) => r.label.clone(),
                    None => id.to_string(),
                };
                fill(&words.marked, &[("place", &place), ("symptoms", &symptoms)])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_loads_with_unique_ids_and_enough_regions() {
        let t = BodyRegions::builtin();
        assert!(t.regions.len() >= 74, "{} regions", t.regions.len());
        let ids: BTreeSet<&str> = t.regions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), t.regions.len(), "duplicate region ids");
        for r in &t.regions {
            let prefix_ok = match r.side {
                BodySide::Left => r.id.starts_with("left_") && r.label.starts_with("Left "),
                BodySide::Right => r.id.starts_with("right_") && r.label.starts_with("Right "),
                BodySide::Center => !r.id.starts_with("left_") && !r.id.starts_with("right_"),
            };
            assert!(prefix_ok, "side and name disagree for {}", r.id);
        }
    }

    #[test]
    fn limb_parts_are_the_same_on_both_sides_and_nest() {
        let t = BodyRegions::builtin();
        for r in t.regions.iter().filter(|r| r.side == BodySide::Left) {
            let twin = t.get(&r.id.replacen("left_", "right_", 1)).unwrap();
            assert_eq!(r.parts, twin.parts, "{}", r.id);
        }
        for (part, limb) in [("below_knee", "leg"), ("below_elbow", "arm")] {
            let below: Vec<_> = t.part(Some(BodySide::Left), part).collect();
            assert!(below.len() >= 6, "{part}");
            assert!(below.iter().all(|r| r.parts.iter().any(|p| p == limb)));
        }
        assert!(t.part(Some(BodySide::Left), "leg").all(|r| r.localising));
    }

    #[test]
    fn a_side_a_region_id_or_label_does_not_bear_out_is_refused() {
        let check = |from: &str, to: &str| {
            let broken = BUILTIN_REGIONS.replacen(from, to, 1);
            assert_ne!(broken, BUILTIN_REGIONS, "{from}");
            BodyRegions::parse("r.ron", &broken)
                .unwrap_err()
                .to_string()
        };
        let e = check("label: \"Left calf\"", "label: \"Calf\"");
        assert!(e.contains("a sided label is its side"), "{e}");
        let e = check(
            "label: \"Chest\", view: Front, side: Center",
            "label: \"Chest\", view: Front, side: Left",
        );
        assert!(e.contains("\"chest\": the id of a Left"), "{e}");
        let start = BUILTIN_REGIONS.find("    regions: [").unwrap();
        let empty = format!(
            "{}    regions: [],\n    neighbours: {{}},\n)",
            &BUILTIN_REGIONS[..start]
        );
        let e = BodyRegions::parse("r.ron", &empty).unwrap_err().to_string();
        assert!(e.contains("at least one region"), "{e}");
    }

    #[test]
    fn a_bad_part_name_gets_a_positioned_error() {
        let broken = BUILTIN_REGIONS.replacen("parts: [\"arm\"]", "parts: [\"upper arm\"]", 1);
        let e = BodyRegions::parse("r.ron", &broken)
            .unwrap_err()
            .to_string();
        assert!(e.contains("part \"upper arm\" of region"), "{e}");
        assert!(e.starts_with("r.ron:"), "{e}");
    }

    #[test]
    fn toggling_twice_leaves_no_empty_region() {
        let mut m = BodyMarks::new();
        m.toggle("left_calf", Symptom::Pain);
        assert!(m.has("left_calf", Symptom::Pain));
        m.toggle("left_calf", Symptom::Pain);
        assert!(m.is_empty());
    }

    #[test]
    fn describes_marks_in_words() {
        let t = BodyRegions::builtin();
        let mut m = BodyMarks::new();
        m.set("left_calf_outer", Symptom::Tingling);
        m.set("left_calf_outer", Symptom::Pain);
        let words = &crate::text::Text::builtin().body;
        assert_eq!(
            m.describe(t, words),
            ["Left calf, outer side: pain, tingling"]
        );
        m.set("abdomen", Symptom::Pain);
        assert_eq!(
            m.read_back(t, words),
            ["Belly: pain", "YOUR LEFT calf, outer side: pain, tingling"]
        );
    }
}
