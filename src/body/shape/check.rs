//! A shapes file checked against the region table, each problem told where
//! it stands: first what can be read from the text (polygons, region names),
//! then what only drawing shows (overlaps, a region outside the outline, a
//! part of the outline no region covers), sampled on a fine grid.

use std::collections::BTreeSet;

use super::fill::{self, BODY, Grid, OUTSIDE, Point};
use super::{Drawing, FigureFile, ShapesFile};
use crate::body::{BodyRegions, BodySide, View};
use crate::diagnostic::{Diagnostics, Problems};

/// Samples across and down the frame: fine enough to catch an overlap a
/// hundredth of the figure wide.
const SAMPLES: (usize, usize) = (512, 1024);

pub(super) fn check(
    path: &str,
    source: &str,
    file: &ShapesFile,
    table: &BodyRegions,
) -> Result<[Drawing; 2], Diagnostics> {
    let mut p = Problems::new(path, source);
    if !(file.aspect > 0.0 && file.aspect <= 10.0) {
        p.at(
            "aspect:",
            "`aspect` (width over height) must be above 0 and at most 10".into(),
        );
    }
    let mut check = Check {
        p,
        table,
        drawn: BTreeSet::new(),
    };
    let front = check.figure(View::Front, "front:", &file.front);
    let back = check.figure(View::Back, "back:", &file.back);
    let mut p = check.p;
    // Sampling a file with broken shapes would only repeat its problems.
    for (drawing, places) in [&front, &back] {
        if p.is_empty() {
            sampled(&mut p, drawing, places, table);
        }
    }
    p.into_result([front.0, back.0])
}

struct Check<'a> {
    p: Problems<'a>,
    table: &'a BodyRegions,
    /// Regions drawn so far, to find one drawn twice.
    drawn: BTreeSet<usize>,
}

/// Where a view's polygons are written: the outline, and each region's
/// name (or its mirror's), in the order of `Drawing::regions`.
struct Places {
    outline: usize,
    regions: Vec<usize>,
}

impl Check<'_> {
    /// One view: its outline, each shape, and every region of the view drawn.
    fn figure(&mut self, view: View, key: &str, f: &FigureFile) -> (Drawing, Places) {
        let start = self.p.locator().after(0, key).unwrap_or(0);
        let outline_at = self.p.locator().after(start, "outline:").unwrap_or(start);
        self.polygon(&f.outline, outline_at, "the outline");
        let mut regions = Vec::new();
        let mut places = Places {
            outline: outline_at,
            regions: Vec::new(),
        };
        for s in &f.shapes {
            let at = self
                .p
                .locator()
                .string_after(start, &s.region)
                .unwrap_or(start);
            let points_at = self.p.locator().after(at, "points:").unwrap_or(at);
            self.polygon(&s.points, points_at, &format!("region \"{}\"", s.region));
            let own = self.region(view, &s.region, at, None);
            let twin = s.mirror.as_ref().map(|m| {
                let m_at = self.p.locator().string_after(at, m).unwrap_or(at);
                (self.region(view, m, m_at, own), m_at)
            });
            if let Some(r) = own {
                regions.push((r, snapped(s.points.clone())));
                places.regions.push(at);
            }
            if let Some((Some(r), m_at)) = twin {
                regions.push((r, snapped(mirrored(&s.points))));
                places.regions.push(m_at);
            }
        }
        let shapes_at = self.p.locator().after(start, "shapes:").unwrap_or(start);
        for (n, r) in self.table.regions.iter().enumerate() {
            if r.view == view && !self.drawn.contains(&n) {
                let message = format!("region \"{}\" ({view:?}) is not drawn", r.id);
                self.p.at_offset(shapes_at, message);
            }
        }
        let outline = snapped(f.outline.clone());
        let drawing = Drawing {
            view,
            outline,
            regions,
        };
        (drawing, places)
    }

    /// At least three points, all inside the frame, enclosing some area.
    fn polygon(&mut self, points: &[Point], at: usize, what: &str) {
        let outside = points
            .iter()
            .position(|&(x, y)| !((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
        if let Some(k) = outside {
            let (x, y) = points[k];
            let message = format!("{what}: point ({x}, {y}) is outside the frame (0 to 1)");
            let point_at = self.nth_point(at, k);
            self.p.at_offset(point_at, message);
        }
        if points.len() < 3 || fill::area2(points).abs() < 1e-9 {
            let message = format!("{what}: a shape needs at least 3 points around some area");
            self.p.at_offset(at, message);
        }
    }

    /// The offset of the `k`th point `(x, y)` after `points_at`.
    fn nth_point(&self, points_at: usize, k: usize) -> usize {
        let loc = self.p.locator();
        (0..=k)
            .try_fold(points_at, |at, _| loc.after(at + 1, "("))
            .unwrap_or(points_at)
    }

    /// The region named `id` at `at`: known, on this view, drawn once; a
    /// mirror (with `twin_of`) on the other side of its twin.
    fn region(&mut self, view: View, id: &str, at: usize, twin_of: Option<usize>) -> Option<usize> {
        let Some(n) = self.table.regions.iter().position(|r| r.id == id) else {
            self.p
                .at_offset(at, format!("unknown body region \"{id}\""));
            return None;
        };
        let r = &self.table.regions[n];
        if r.view != view {
            let message = format!("region \"{id}\" belongs to the {:?} figure", r.view);
            self.p.at_offset(at, message);
        }
        if let Some(twin) = twin_of.map(|t| &self.table.regions[t]) {
            let sides = [r.side, twin.side];
            if sides != [BodySide::Left, BodySide::Right]
                && sides != [BodySide::Right, BodySide::Left]
            {
                let message = format!(
                    "mirror \"{id}\" must be the other side's twin of \"{}\"",
                    twin.id
                );
                self.p.at_offset(at, message);
            }
        }
        if !self.drawn.insert(n) {
            self.p
                .at_offset(at, format!("region \"{id}\" is drawn more than once"));
        }
        Some(n)
    }
}

/// What drawing shows: regions overlapping, a region outside the outline,
/// part of the outline in no region. Each told once, near where it is.
fn sampled(p: &mut Problems, d: &Drawing, places: &Places, table: &BodyRegions) {
    let (w, h) = SAMPLES;
    let mut grid = Grid::new(w, h);
    grid.fill(&d.outline, BODY, |_, _, _| {});
    let near = |i: usize, j: usize| {
        format!(
            "({:.2}, {:.2})",
            (i as f64 + 0.5) / w as f64,
            (j as f64 + 0.5) / h as f64
        )
    };
    let mut told = BTreeSet::new();
    for ((r, polygon), &at) in d.regions.iter().zip(&places.regions) {
        let mut found: Vec<(u16, String)> = Vec::new();
        grid.fill(polygon, *r as u16, |was, i, j| {
            if was != BODY && !found.iter().any(|(f, _)| *f == was) {
                found.push((was, near(i, j)));
            }
        });
        let id = &table.regions[*r].id;
        for (was, spot) in found {
            let message = if was == OUTSIDE {
                format!("region \"{id}\" goes outside the outline near {spot}")
            } else {
                let other = &table.regions[usize::from(was)].id;
                format!("regions \"{other}\" and \"{id}\" overlap near {spot}")
            };
            if told.insert(message.clone()) {
                p.at_offset(at, message);
            }
        }
    }
    if let Some(k) = grid.samples.iter().position(|s| *s == BODY) {
        let message = format!(
            "part of the outline near {} is in no region",
            near(k % w, k / w)
        );
        p.at_offset(places.outline, message);
    }
}

/// A shape flipped left to right: its twin on the other side.
fn mirrored(points: &[Point]) -> Vec<Point> {
    points.iter().map(|&(x, y)| (1.0 - x, y)).collect()
}

/// Points on a grid of a millionth: a mirrored point (1 - x) is then the very
/// number written for the same corner of a shape in the middle, so the two
/// share their edge exactly.
fn snapped(points: Vec<Point>) -> Vec<Point> {
    let snap = |v: f64| (v * 1e6).round() / 1e6;
    points
        .into_iter()
        .map(|(x, y)| (snap(x), snap(y)))
        .collect()
}
