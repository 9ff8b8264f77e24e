//! Figures placed on a screen: which region a cell shows, and which region
//! lies in a direction from another (the arrow keys).

use std::sync::Arc;

use super::raster::Raster;

/// A direction of the arrow keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// A figure placed on screen: its raster and its top-left cell.
#[derive(Debug, Clone)]
pub struct Placed {
    pub raster: Arc<Raster>,
    pub x: u16,
    pub y: u16,
}

/// The region at a screen cell, if any.
pub fn hit(placed: &[Placed], column: u16, row: u16) -> Option<usize> {
    placed.iter().find_map(|p| {
        let (x, y) = (column.checked_sub(p.x)?, row.checked_sub(p.y)?);
        p.raster.hit(x, y)
    })
}

/// The nearest region from `from` in direction `dir`, among the placed
/// figures; `None` when there is none that way. Distance across the direction
/// counts double, so Down from the left knee finds the left shin before the
/// right one.
pub fn neighbour(placed: &[Placed], from: usize, dir: Direction) -> Option<usize> {
    let centre = |r: usize| {
        placed.iter().find_map(|p| {
            let (x, y) = p.raster.centre(r)?;
            Some((x + f32::from(p.x), y + f32::from(p.y)))
        })
    };
    let (fx, fy) = centre(from)?;
    let mut best: Option<(f32, usize)> = None;
    for r in placed.iter().flat_map(|p| p.raster.regions()) {
        let Some((x, y)) = centre(r).filter(|_| r != from) else {
            continue;
        };
        let (dx, dy) = (x - fx, y - fy);
        let (along, across) = match dir {
            Direction::Up => (-dy, dx),
            Direction::Down => (dy, dx),
            Direction::Left => (-dx, dy),
            Direction::Right => (dx, dy),
        };
        if along <= 0.25 {
            continue;
        }
        let score = along + 2.0 * across.abs();
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, r));
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::{BodyRegions, Mode, Shapes, View};

    fn placed(view: View, x: u16, y: u16) -> Placed {
        let raster = Shapes::builtin().raster(view, 17, 15, Mode::OneRow);
        Placed { raster, x, y }
    }

    fn id(r: Option<usize>) -> Option<&'static str> {
        r.map(|r| BodyRegions::builtin().regions[r].id.as_str())
    }

    #[test]
    fn clicks_hit_the_region_under_them() {
        let front = [placed(View::Front, 10, 5)];
        // The head is in the middle of the top row.
        assert_eq!(id(hit(&front, 10 + 8, 5)), Some("head_front"));
        assert_eq!(hit(&front, 10, 5), None, "beside the head");
        assert_eq!(hit(&front, 3, 3), None, "outside the figure");
    }

    #[test]
    fn arrows_move_to_another_region_or_stay() {
        let both = [placed(View::Front, 0, 0), placed(View::Back, 19, 0)];
        let head = both[0].raster.hit(8, 0).unwrap();
        assert_eq!(
            id(neighbour(&both, head, Direction::Down)),
            Some("neck_front")
        );
        assert_eq!(neighbour(&both, head, Direction::Up), None);
        for p in &both {
            for r in p.raster.regions() {
                for d in [
                    Direction::Up,
                    Direction::Down,
                    Direction::Left,
                    Direction::Right,
                ] {
                    assert_ne!(neighbour(&both, r, d), Some(r));
                }
            }
        }
        // Left from the back figure reaches the front one.
        let back_hand = BodyRegions::builtin()
            .regions
            .iter()
            .position(|r| r.id == "left_hand_back");
        let next = neighbour(&both, back_hand.unwrap(), Direction::Left).unwrap();
        assert_eq!(BodyRegions::builtin().regions[next].view, View::Front);
    }
}
