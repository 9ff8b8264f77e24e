//! Polygons filled onto a grid of sample points, row by row (scanline,
//! even-odd). Rasters, the file checks and the shading all sample this way,
//! so they agree on which region a point belongs to.

/// A point of the frame: x and y from 0 to 1, from the top left corner.
pub type Point = (f64, f64);

/// A sample that lies in no shape.
pub const OUTSIDE: u16 = u16::MAX;
/// A sample inside the outline but in no region.
pub const BODY: u16 = u16::MAX - 1;

/// `width` x `height` samples over the frame; sample (i, j) sits at
/// ((i + 0.5) / width, (j + 0.5) / height). Each holds a region's index, or
/// `OUTSIDE` or `BODY`.
pub struct Grid {
    pub width: usize,
    pub height: usize,
    pub samples: Vec<u16>,
}

impl Grid {
    pub fn new(width: usize, height: usize) -> Self {
        Grid {
            width,
            height,
            samples: vec![OUTSIDE; width * height],
        }
    }

    pub fn get(&self, i: usize, j: usize) -> u16 {
        self.samples[j * self.width + i]
    }

    /// Sets every sample inside `polygon` to `value`; `seen` is told each
    /// sample's value before, so a caller can find overlaps.
    pub fn fill(&mut self, polygon: &[Point], value: u16, mut seen: impl FnMut(u16, usize, usize)) {
        let width = self.width;
        spans(polygon, width, self.height, |j, from, to| {
            for i in from..to {
                let s = &mut self.samples[j * width + i];
                seen(*s, i, j);
                *s = value;
            }
        });
    }
}

/// Calls `span(row, from, to)` for each run of samples of `row` inside
/// `polygon`, on a grid of `width` x `height` samples.
pub fn spans(
    polygon: &[Point],
    width: usize,
    height: usize,
    mut span: impl FnMut(usize, usize, usize),
) {
    let (top, bottom) = polygon
        .iter()
        .fold((f64::MAX, f64::MIN), |(t, b), p| (t.min(p.1), b.max(p.1)));
    let first = ((top * height as f64 - 0.5).ceil().max(0.0)) as usize;
    let last = ((bottom * height as f64 - 0.5).ceil().max(0.0) as usize).min(height);
    let mut xs: Vec<f64> = Vec::new();
    for j in first..last {
        let y = (j as f64 + 0.5) / height as f64;
        xs.clear();
        for (n, a) in polygon.iter().enumerate() {
            let b = &polygon[(n + 1) % polygon.len()];
            if (a.1 > y) != (b.1 > y) {
                xs.push(crossing(*a, *b, y));
            }
        }
        xs.sort_by(f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            let column = |x: f64| ((x * width as f64 - 0.5).ceil().max(0.0) as usize).min(width);
            let (from, to) = (column(pair[0]), column(pair[1]));
            if from < to {
                span(j, from, to);
            }
        }
    }
}

/// Where the edge a-b crosses the line at height `y`. Worked out from the
/// upper end whichever way the edge runs, so two shapes that share an edge
/// find the very same crossing and neither overlap nor leave a gap there.
fn crossing(a: Point, b: Point, y: f64) -> f64 {
    let (p, q) = if (a.1, a.0) < (b.1, b.0) {
        (a, b)
    } else {
        (b, a)
    };
    p.0 + (y - p.1) * (q.0 - p.0) / (q.1 - p.1)
}

/// Twice the signed area of a polygon (shoelace).
pub fn area2(polygon: &[Point]) -> f64 {
    (0..polygon.len())
        .map(|n| {
            let (a, b) = (polygon[n], polygon[(n + 1) % polygon.len()]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// The centre of mass of a polygon's area (its first point when it has none).
pub fn centroid(polygon: &[Point]) -> Point {
    let a2 = area2(polygon);
    if a2.abs() < 1e-12 {
        return polygon.first().copied().unwrap_or((0.5, 0.5));
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for n in 0..polygon.len() {
        let (a, b) = (polygon[n], polygon[(n + 1) % polygon.len()]);
        let cross = a.0 * b.1 - b.0 * a.1;
        cx += (a.0 + b.0) * cross;
        cy += (a.1 + b.1) * cross;
    }
    (cx / (3.0 * a2), cy / (3.0 * a2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_shapes_sharing_an_edge_neither_overlap_nor_leave_a_gap() {
        // Two triangles that split a square along a slanted diagonal, drawn
        // in opposite directions.
        let a = [(0.1, 0.1), (0.9, 0.1), (0.1, 0.9)];
        let b = [(0.1, 0.9), (0.9, 0.1), (0.9, 0.9)];
        let mut grid = Grid::new(64, 64);
        grid.fill(&a, 0, |_, _, _| {});
        let mut overlaps = 0;
        grid.fill(&b, 1, |was, _, _| overlaps += usize::from(was != OUTSIDE));
        assert_eq!(overlaps, 0);
        let mut square = Grid::new(64, 64);
        square.fill(
            &[(0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9)],
            0,
            |_, _, _| {},
        );
        let count = |g: &Grid| g.samples.iter().filter(|s| **s != OUTSIDE).count();
        assert_eq!(count(&grid), count(&square), "no gap along the diagonal");
    }

    #[test]
    fn the_centroid_of_a_square_is_its_middle() {
        let c = centroid(&[(0.2, 0.2), (0.4, 0.2), (0.4, 0.6), (0.2, 0.6)]);
        assert!(
            (c.0 - 0.3).abs() < 1e-9 && (c.1 - 0.4).abs() < 1e-9,
            "{c:?}"
        );
    }
}
