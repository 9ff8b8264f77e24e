//! A view's shapes drawn on a grid of cells: for each dot (a cell, or half a
//! cell in half blocks) the region there, for each cell the region a click
//! on it hits, and each region's centre. Every region gets at least one
//! cell of its own wherever the figure has room for that.

use super::View;
use super::shape::Drawing;
use super::shape::fill::{self, BODY, Grid, OUTSIDE};

/// Samples across and down each dot: its region is the one most of them
/// fall in.
const SUB: usize = 4;

/// How many rows of the figure one cell carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// One row a cell, drawn with whole glyphs.
    OneRow,
    /// Two rows a cell, drawn with the half blocks `▀ ▄`.
    HalfBlocks,
}

impl Mode {
    pub fn rows(self) -> usize {
        match self {
            Mode::OneRow => 1,
            Mode::HalfBlocks => 2,
        }
    }
}

/// What a dot of the figure shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dot {
    Outside,
    /// Inside the outline, in no region.
    Body,
    /// A region, by its index in the region table.
    Region(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    pub view: View,
    /// Cells across and down.
    pub width: u16,
    pub height: u16,
    pub mode: Mode,
    /// Row by row, `mode.rows()` dot rows a cell row.
    dots: Vec<Dot>,
    /// Each dot's place among its region's dots, in reading order.
    places: Vec<u32>,
    /// The region a click on each cell hits.
    hits: Vec<Option<usize>>,
    /// Each region's centre in cells (x, y), in the drawing's order.
    centres: Vec<(usize, (f32, f32))>,
}

impl Raster {
    pub(super) fn new(d: &Drawing, width: u16, height: u16, mode: Mode) -> Self {
        let (w, rows) = (usize::from(width), mode.rows());
        let dh = usize::from(height) * rows;
        let mut grid = Grid::new(w * SUB, dh * SUB);
        grid.fill(&d.outline, BODY, |_, _, _| {});
        for (r, polygon) in &d.regions {
            grid.fill(polygon, *r as u16, |_, _, _| {});
        }
        let mut raster = Raster {
            view: d.view,
            width,
            height,
            mode,
            dots: (0..w * dh).map(|k| majority(&grid, k % w, k / w)).collect(),
            places: Vec::new(),
            hits: Vec::new(),
            centres: Vec::new(),
        };
        let cover = Coverage::new(&grid, w, usize::from(height), rows);
        raster.give_each_region_a_cell(d, &cover);
        raster.places = places(&raster.dots);
        raster.hits = (0..w * usize::from(height))
            .map(|c| raster.hit_of(c, &cover))
            .collect();
        raster.centres = d
            .regions
            .iter()
            .map(|(r, p)| (*r, raster.centre_of(*r, p)))
            .collect();
        raster
    }

    /// The dot at (x, y): x in cells, y in dot rows (`mode.rows()` a cell).
    pub fn dot(&self, x: u16, y: u16) -> Dot {
        let (x, y) = (usize::from(x), usize::from(y));
        if x >= usize::from(self.width) || y >= self.dot_rows() {
            return Dot::Outside;
        }
        self.dots[y * usize::from(self.width) + x]
    }

    /// The place of dot (x, y) (as for `dot`) among its region's dots, in reading order:
    /// marks take turns by it, so two symptoms alternate even along a
    /// slanted limb.
    pub fn place(&self, x: u16, y: u16) -> usize {
        let k = usize::from(y) * usize::from(self.width) + usize::from(x);
        self.places.get(k).map_or(0, |p| *p as usize)
    }

    /// The region a click on cell (x, y) hits.
    pub fn hit(&self, x: u16, y: u16) -> Option<usize> {
        if x >= self.width || y >= self.height {
            return None;
        }
        self.hits[usize::from(y) * usize::from(self.width) + usize::from(x)]
    }

    /// Every region on this figure, by table index.
    pub fn regions(&self) -> impl Iterator<Item = usize> + '_ {
        self.centres.iter().map(|(r, _)| *r)
    }

    /// The middle of a region in cells, `None` when it is not on this figure.
    pub fn centre(&self, region: usize) -> Option<(f32, f32)> {
        self.centres
            .iter()
            .find(|(r, _)| *r == region)
            .map(|(_, c)| *c)
    }

    /// The cells wholly of `region`.
    pub fn own_cells(&self, region: usize) -> usize {
        (0..self.cells())
            .filter(|c| self.owner(*c) == Some(region))
            .count()
    }

    fn cells(&self) -> usize {
        usize::from(self.width) * usize::from(self.height)
    }

    fn dot_rows(&self) -> usize {
        usize::from(self.height) * self.mode.rows()
    }

    /// The dots of cell `c`, by index into `dots`.
    fn cell_dots(&self, c: usize) -> impl Iterator<Item = usize> + use<> {
        let (w, rows) = (usize::from(self.width), self.mode.rows());
        let (x, y) = (c % w, c / w);
        (0..rows).map(move |k| (y * rows + k) * w + x)
    }

    /// The region all of cell `c` shows, if one does.
    fn owner(&self, c: usize) -> Option<usize> {
        let mut dots = self.cell_dots(c).map(|k| self.dots[k]);
        let first = dots.next()?;
        match first {
            Dot::Region(r) if dots.all(|d| d == first) => Some(r),
            _ => None,
        }
    }

    /// Each region with no cell of its own takes one (see `cell_for`).
    fn give_each_region_a_cell(&mut self, d: &Drawing, cover: &Coverage) {
        let mut owned = vec![0usize; d.regions.iter().map(|(r, _)| r + 1).max().unwrap_or(0)];
        for c in 0..self.cells() {
            if let Some(r) = self.owner(c) {
                owned[r] += 1;
            }
        }
        // The smallest regions choose first: they have the fewest cells to choose from.
        let mut missing: Vec<&(usize, Vec<fill::Point>)> =
            d.regions.iter().filter(|(r, _)| owned[*r] == 0).collect();
        missing.sort_by_key(|(r, _)| cover.total(*r));
        for (r, polygon) in missing {
            let Some(c) = self.cell_for(*r, polygon, cover, &owned) else {
                continue;
            };
            if let Some(o) = self.owner(c) {
                owned[o] -= 1;
            }
            for k in self.cell_dots(c).collect::<Vec<_>>() {
                self.dots[k] = Dot::Region(*r);
            }
            owned[*r] += 1;
        }
    }

    /// The cell `r` takes: of those that can be spared (outside, or of a
    /// region with more than one), the one it covers most, or else the
    /// nearest to the middle of its shape.
    fn cell_for(
        &self,
        r: usize,
        polygon: &[fill::Point],
        cover: &Coverage,
        owned: &[usize],
    ) -> Option<usize> {
        let spare = |c: &usize| self.owner(*c).is_none_or(|o| owned[o] > 1);
        let covered = (0..self.cells()).filter(|c| cover.of(*c, r) > 0 && spare(c));
        let best = covered.max_by_key(|&c| (cover.of(c, r), std::cmp::Reverse(c)));
        let (cx, cy) = self.in_cells(fill::centroid(polygon));
        let w = usize::from(self.width);
        let far = |c: &usize| {
            let (x, y) = ((c % w) as f32 + 0.5, (c / w) as f32 + 0.5);
            (x - cx).powi(2) + (y - cy).powi(2)
        };
        best.or_else(|| {
            (0..self.cells())
                .filter(spare)
                .min_by(|a, b| far(a).total_cmp(&far(b)))
        })
    }

    /// A cell hits its own region, or of the regions it shows the one
    /// covering most of it; a cell showing none hits nothing.
    fn hit_of(&self, c: usize, cover: &Coverage) -> Option<usize> {
        let shown: Vec<usize> = self
            .cell_dots(c)
            .filter_map(|k| match self.dots[k] {
                Dot::Region(r) => Some(r),
                _ => None,
            })
            .collect();
        shown
            .iter()
            .copied()
            .max_by_key(|r| (cover.of(c, *r), std::cmp::Reverse(*r)))
    }

    /// The mean of a region's dots, in cells; its shape's middle if it has none.
    fn centre_of(&self, region: usize, polygon: &[fill::Point]) -> (f32, f32) {
        let (w, rows) = (usize::from(self.width), self.mode.rows() as f32);
        let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
        for (k, d) in self.dots.iter().enumerate() {
            if *d == Dot::Region(region) {
                sx += (k % w) as f32 + 0.5;
                sy += ((k / w) as f32 + 0.5) / rows;
                n += 1.0;
            }
        }
        if n > 0.0 {
            (sx / n, sy / n)
        } else {
            self.in_cells(fill::centroid(polygon))
        }
    }

    fn in_cells(&self, (x, y): fill::Point) -> (f32, f32) {
        (
            x as f32 * f32::from(self.width),
            y as f32 * f32::from(self.height),
        )
    }
}

/// Each dot's place among the dots of its region, in reading order.
fn places(dots: &[Dot]) -> Vec<u32> {
    let mut seen: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
    dots.iter()
        .map(|d| match d {
            Dot::Region(r) => {
                let n = seen.entry(*r).or_default();
                *n += 1;
                *n - 1
            }
            _ => 0,
        })
        .collect()
}

/// The region most of a dot's samples fall in; outside and the bare body
/// count like regions, so a thin shape does not swell.
fn majority(grid: &Grid, x: usize, y: usize) -> Dot {
    let mut counts: Vec<(u16, usize)> = Vec::with_capacity(4);
    for j in y * SUB..(y + 1) * SUB {
        for i in x * SUB..(x + 1) * SUB {
            let s = grid.get(i, j);
            match counts.iter_mut().find(|(v, _)| *v == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    let (value, _) = counts
        .iter()
        .copied()
        .max_by_key(|(v, n)| (*n, std::cmp::Reverse(*v)))
        .unwrap_or((OUTSIDE, 0));
    match value {
        OUTSIDE => Dot::Outside,
        BODY => Dot::Body,
        r => Dot::Region(usize::from(r)),
    }
}

/// How many samples of each cell each region covers.
struct Coverage {
    /// By cell: (region, samples), a few a cell.
    cells: Vec<Vec<(usize, u16)>>,
}

impl Coverage {
    fn new(grid: &Grid, w: usize, h: usize, rows: usize) -> Self {
        let mut cells: Vec<Vec<(usize, u16)>> = vec![Vec::new(); w * h];
        for j in 0..grid.height {
            for i in 0..grid.width {
                let s = grid.get(i, j);
                if s == OUTSIDE || s == BODY {
                    continue;
                }
                let cell = &mut cells[(j / (SUB * rows)) * w + i / SUB];
                match cell.iter_mut().find(|(r, _)| *r == usize::from(s)) {
                    Some((_, n)) => *n += 1,
                    None => cell.push((usize::from(s), 1)),
                }
            }
        }
        Coverage { cells }
    }

    fn of(&self, cell: usize, region: usize) -> u16 {
        self.cells[cell]
            .iter()
            .find(|(r, _)| *r == region)
            .map_or(0, |(_, n)| *n)
    }

    fn total(&self, region: usize) -> usize {
        self.cells
            .iter()
            .map(|c| {
                c.iter()
                    .filter(|(r, _)| *r == region)
                    .map(|(_, n)| usize::from(*n))
                    .sum::<usize>()
            })
            .sum()
    }
}
