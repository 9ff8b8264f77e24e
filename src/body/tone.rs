//! A tone for each region, so that a figure without colour still shows where
//! one region ends and the next begins: regions that touch get different
//! tones (a map colouring with `TONES` colours).

use std::collections::BTreeSet;

use super::shape::fill::{Grid, OUTSIDE};
use super::shape::{Drawing, TONES};

/// Each region of `d` with its tone. Regions touch when they are side by
/// side somewhere on a fine grid; a corner alone is no touch.
pub fn tones(d: &Drawing, count: usize) -> Vec<(usize, u8)> {
    let mut grid = Grid::new(256, 512);
    for (r, polygon) in &d.regions {
        grid.fill(polygon, *r as u16, |_, _, _| {});
    }
    let mut touching: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); count];
    let mut touch = |a: u16, b: u16| {
        if a != b && a != OUTSIDE && b != OUTSIDE && usize::from(a.max(b)) < count {
            touching[usize::from(a)].insert(usize::from(b));
            touching[usize::from(b)].insert(usize::from(a));
        }
    };
    for j in 0..grid.height {
        for i in 0..grid.width {
            let here = grid.get(i, j);
            if i + 1 < grid.width {
                touch(here, grid.get(i + 1, j));
            }
            if j + 1 < grid.height {
                touch(here, grid.get(i, j + 1));
            }
        }
    }
    let regions: Vec<usize> = d.regions.iter().map(|(r, _)| *r).collect();
    colour(&regions, &touching)
}

/// A colouring in `TONES` colours where one exists (found by trying, most
/// connected regions first); otherwise each takes the tone its neighbours
/// use least, which keeps most of them apart.
fn colour(regions: &[usize], touching: &[BTreeSet<usize>]) -> Vec<(usize, u8)> {
    let mut order = regions.to_vec();
    order.sort_by_key(|r| std::cmp::Reverse(touching[*r].len()));
    let mut tone: Vec<Option<u8>> = vec![None; touching.len()];
    // A planar map of a few dozen regions: the search ends at once in practice,
    // and the step limit keeps a pathological file from hanging the screen.
    let mut steps = 0;
    if !search(&order, touching, &mut tone, &mut steps) {
        tone.fill(None);
        for &r in &order {
            let used = |t: u8| touching[r].iter().filter(|n| tone[**n] == Some(t)).count();
            tone[r] = (0..TONES).min_by_key(|t| used(*t));
        }
    }
    regions
        .iter()
        .map(|r| (*r, tone[*r].unwrap_or(0)))
        .collect()
}

fn search(
    order: &[usize],
    touching: &[BTreeSet<usize>],
    tone: &mut [Option<u8>],
    steps: &mut u32,
) -> bool {
    let Some((&r, rest)) = order.split_first() else {
        return true;
    };
    for t in 0..TONES {
        *steps += 1;
        if *steps > 100_000 {
            return false;
        }
        if touching[r].iter().all(|n| tone[*n] != Some(t)) {
            tone[r] = Some(t);
            if search(rest, touching, tone, steps) {
                return true;
            }
        }
    }
    tone[r] = None;
    false
}
