//! Where the arrow keys go on the body diagram: each region's neighbours on
//! screen, as data in the region table, and the checks that keep them
//! usable (the sides mirror, every arrow has a way back, nothing is out of
//! reach). Drawing plays no part, so arrows go the same way at every size.

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

use super::{BodyRegions, BodySide};
use crate::diagnostic::Problems;

/// A direction of the arrow keys, on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Direction {
    pub const ALL: [Direction; 4] = [
        Direction::Up,
        Direction::Down,
        Direction::Left,
        Direction::Right,
    ];

    fn opposite(self) -> Direction {
        match self {
            Direction::Up => Direction::Down,
            Direction::Down => Direction::Up,
            Direction::Left => Direction::Right,
            Direction::Right => Direction::Left,
        }
    }

    /// The same arrow seen in a mirror: left and right swap.
    fn mirrored(self) -> Direction {
        match self {
            Direction::Left => Direction::Right,
            Direction::Right => Direction::Left,
            vertical => vertical,
        }
    }
}

/// A region's neighbours: the region each arrow goes to, if any.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Near {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<String>,
}

impl Near {
    pub fn get(&self, dir: Direction) -> Option<&str> {
        match dir {
            Direction::Up => self.up.as_deref(),
            Direction::Down => self.down.as_deref(),
            Direction::Left => self.left.as_deref(),
            Direction::Right => self.right.as_deref(),
        }
    }
}

impl BodyRegions {
    /// The region an arrow goes to from region `from` (table indices).
    pub fn neighbour(&self, from: usize, dir: Direction) -> Option<usize> {
        let id = self.neighbours.get(&self.regions.get(from)?.id)?.get(dir)?;
        self.index(id)
    }

    /// The region's mirror: the same part on the other side (none in the
    /// middle, or when the table has no twin).
    pub fn mirror(&self, id: &str) -> Option<&super::Region> {
        let i = self.index(id)?;
        let twin = self.twin(i).filter(|t| *t != i)?;
        self.regions.get(twin)
    }

    /// The region's twin on the other side (itself in the middle).
    fn twin(&self, i: usize) -> Option<usize> {
        let id = &self.regions[i].id;
        let other = match self.regions[i].side {
            BodySide::Center => return Some(i),
            BodySide::Left => id.replacen("left_", "right_", 1),
            BodySide::Right => id.replacen("right_", "left_", 1),
        };
        self.index(&other)
    }
}

/// Checks the `neighbours` map of a table whose ids are known to be sound.
pub(super) fn check(table: &BodyRegions, problems: &mut Problems) {
    if !names(table, problems) {
        return;
    }
    mirrored(table, problems);
    ways_back(table, problems);
    reachable(table, problems);
}

/// Every region has an entry, and every entry and arrow names a region.
fn names(table: &BodyRegions, problems: &mut Problems) -> bool {
    let mut sound = true;
    let mut at = |problems: &mut Problems, id: &str, message: String| {
        sound = false;
        let key = problems.locator().key_after(0, id).unwrap_or(0);
        problems.at_offset(key, message);
    };
    for r in table
        .regions
        .iter()
        .filter(|r| !table.neighbours.contains_key(&r.id))
    {
        at(
            problems,
            &r.id,
            format!("region \"{}\" has no entry in `neighbours`", r.id),
        );
    }
    for (id, near) in &table.neighbours {
        if !table.contains(id) {
            at(
                problems,
                id,
                format!("`neighbours` names unknown region \"{id}\""),
            );
        }
        for to in Direction::ALL.iter().filter_map(|d| near.get(*d)) {
            if !table.contains(to) {
                at(
                    problems,
                    to,
                    format!("`neighbours` of \"{id}\" names unknown region \"{to}\""),
                );
            }
        }
    }
    sound
}

/// Each side's arrows mirror the other's: Right from the left knee goes
/// where Left from the right knee goes, on the other side. A middle region
/// may lead to either side of a pair (Down from the belly to one groin).
fn mirrored(table: &BodyRegions, problems: &mut Problems) {
    for (i, r) in table.regions.iter().enumerate() {
        let Some(twin) = table.twin(i) else {
            let message = format!("region \"{}\" has no twin on the other side", r.id);
            problems.at_id(&r.id, 0, message);
            continue;
        };
        for dir in Direction::ALL {
            let here = table.neighbour(i, dir).and_then(|n| table.twin(n));
            let there = table.neighbour(twin, dir.mirrored());
            let pair = |a: Option<usize>| a.map(|a| a.min(table.twin(a).unwrap_or(a)));
            let same = here == there
                || (r.side == BodySide::Center
                    && dir.mirrored() == dir
                    && pair(here) == pair(there));
            if !same {
                let message = format!(
                    "`neighbours`: {dir:?} from \"{}\" does not mirror {:?} from \"{}\"",
                    r.id,
                    dir.mirrored(),
                    table.regions[twin].id
                );
                let key = problems.locator().key_after(0, &r.id).unwrap_or(0);
                problems.at_offset(key, message);
            }
        }
    }
}

/// An arrow from a region leads to one that has the opposite arrow, so a
/// patient who overshoots can always go back.
fn ways_back(table: &BodyRegions, problems: &mut Problems) {
    for (i, r) in table.regions.iter().enumerate() {
        for dir in Direction::ALL {
            let Some(to) = table.neighbour(i, dir) else {
                continue;
            };
            if table.neighbour(to, dir.opposite()).is_none() {
                let message = format!(
                    "`neighbours`: {dir:?} from \"{}\" reaches \"{}\", which has no {:?} arrow back",
                    r.id,
                    table.regions[to].id,
                    dir.opposite()
                );
                let key = problems.locator().key_after(0, &r.id).unwrap_or(0);
                problems.at_offset(key, message);
            }
        }
    }
}

/// The arrows reach every region from every other.
fn reachable(table: &BodyRegions, problems: &mut Problems) {
    for start in 0..table.regions.len() {
        if let Some(lost) = distances(table, start).iter().position(Option::is_none) {
            let message = format!(
                "`neighbours`: the arrows never reach \"{}\" from \"{}\"",
                table.regions[lost].id, table.regions[start].id
            );
            problems.at_id(&table.regions[start].id, 0, message);
            return;
        }
    }
}

/// The regions the arrows reach from `start`, and how many key presses each takes.
pub fn distances(table: &BodyRegions, start: usize) -> Vec<Option<usize>> {
    let mut dist = vec![None; table.regions.len()];
    let mut queue = VecDeque::from([start]);
    dist[start] = Some(0);
    while let Some(r) = queue.pop_front() {
        for dir in Direction::ALL {
            if let Some(to) = table.neighbour(r, dir)
                && dist[to].is_none()
            {
                dist[to] = dist[r].map(|d| d + 1);
                queue.push_back(to);
            }
        }
    }
    dist
}

/// The `neighbours` field of a region table.
pub type Neighbours = BTreeMap<String, Near>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::BUILTIN_REGIONS;

    fn go(from: &str, keys: &[Direction]) -> String {
        let t = BodyRegions::builtin();
        let mut at = t.index(from).unwrap();
        for k in keys {
            at = t.neighbour(at, *k).unwrap_or(at);
        }
        t.regions[at].id.clone()
    }

    #[test]
    fn the_built_in_neighbours_pass_their_checks() {
        BodyRegions::parse("regions.ron", BUILTIN_REGIONS).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn arrows_follow_the_body() {
        use Direction::*;
        assert_eq!(go("left_knee_back", &[Down]), "left_calf");
        assert_eq!(go("head_back", &[Down]), "neck_back");
        assert_eq!(
            go("head_back", &[Up]),
            "head_back",
            "nothing above the head"
        );
        assert_eq!(go("left_big_toe", &[Right]), "left_foot_top");
        assert_eq!(go("left_big_toe", &[Up]), "left_ankle_inner");
        // Off the front figure's right edge onto the back figure, same side.
        assert_eq!(go("left_thumb", &[Right]), "left_hand_back");
        assert_eq!(go("left_hand_back", &[Left]), "left_thumb");
        // The back of the right calf took 13 keys from the start; now 8.
        assert!(
            distances(BodyRegions::builtin(), 0)
                [BodyRegions::builtin().index("right_calf").unwrap()]
            .unwrap()
                <= 8
        );
    }

    fn broken(from: &str, to: &str) -> String {
        let source = BUILTIN_REGIONS.replacen(from, to, 1);
        assert_ne!(source, BUILTIN_REGIONS, "{from}");
        BodyRegions::parse("r.ron", &source)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn broken_neighbours_get_positioned_errors() {
        let e = broken(
            "\"left_calf\": (up: \"left_knee_back\", down: \"left_heel\"",
            "\"left_calf\": (up: \"left_knee_back\", down: \"left_sole\"",
        );
        assert!(
            e.contains("Down from \"left_calf\" does not mirror Down"),
            "{e}"
        );
        assert!(e.starts_with("r.ron:"), "{e}");
        let e = broken("down: \"neck_front\",", "down: \"neck_fronts\",");
        assert!(e.contains("unknown region \"neck_fronts\""), "{e}");
        let e = broken(
            "        \"saddle\": (up: \"sacrum\", down: \"left_thigh_back\"),\n",
            "",
        );
        assert!(e.contains("\"saddle\" has no entry"), "{e}");
    }

    #[test]
    fn an_arrow_with_no_way_back_or_a_region_out_of_reach_is_refused() {
        let e = broken(
            "\"saddle\": (up: \"sacrum\", down: \"left_thigh_back\")",
            "\"saddle\": (down: \"left_thigh_back\")",
        );
        assert!(
            e.contains("which has no Up arrow back") || e.contains("never reach"),
            "{e}"
        );
        let e = broken(
            "\"sacrum\": (up: \"mid_back\", down: \"saddle\",",
            "\"sacrum\": (up: \"mid_back\",",
        );
        assert!(e.contains("never reach \"saddle\""), "{e}");
    }
}
