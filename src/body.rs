//! Body regions, dermatomes and the marks a patient puts on the body diagram.
//!
//! The region table is data (assets/body/regions.ron); the built-in copy is
//! compiled into the binary so a kiosk needs no files beside it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The region table shipped with the program.
pub const BUILTIN_REGIONS: &str = include_str!("../assets/body/regions.ron");

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

    pub fn word(self) -> &'static str {
        match self {
            Symptom::Pain => "pain",
            Symptom::Numbness => "numbness",
            Symptom::Tingling => "tingling",
            Symptom::Weakness => "weakness",
            Symptom::Sensitive => "sensitive to touch",
        }
    }
}

impl fmt::Display for Symptom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
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
    pub label: String,
    pub view: View,
    pub side: BodySide,
    pub dermatomes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BodyRegions {
    /// The dermatome chart the `dermatomes` fields follow.
    pub chart: String,
    pub regions: Vec<Region>,
}

impl BodyRegions {
    /// The built-in table, parsed once. It is checked by the tests, so a
    /// failure here is a build defect, not bad user input.
    pub fn builtin() -> &'static Self {
        static TABLE: OnceLock<BodyRegions> = OnceLock::new();
        TABLE.get_or_init(|| {
            ron::from_str(BUILTIN_REGIONS).expect("assets/body/regions.ron is valid (tested)")
        })
    }

    pub fn get(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
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

    /// One line per marked region, in words: "Left calf, outer side: pain, tingling".
    pub fn describe(&self, table: &BodyRegions) -> Vec<String> {
        self.iter()
            .map(|(id, symptoms)| {
                let label = table.get(id).map_or(id, |r| r.label.as_str());
                let words: Vec<&str> = symptoms.iter().map(|s| s.word()).collect();
                format!("{label}: {}", words.join(", "))
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
        assert!(t.regions.len() >= 50, "{} regions", t.regions.len());
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
        assert_eq!(m.describe(t), ["Left calf, outer side: pain, tingling"]);
    }
}
