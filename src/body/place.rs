//! Figures placed on a screen: which region a cell shows.

use std::sync::Arc;

use super::raster::Raster;

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
}
