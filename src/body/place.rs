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
