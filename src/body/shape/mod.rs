//! The body diagram's figures as shapes (assets/body/shapes.ron): for each
//! view an outline and a polygon for each region, in a frame of a stated
//! aspect. Drawn at any size by the rasteriser, printed as SVG.

mod check;
pub mod fill;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Deserialize;

use super::raster::{Mode, Raster};
use super::{BodyRegions, View};
use crate::diagnostic::Diagnostics;
pub use fill::Point;

/// The shapes shipped with the program.
pub const BUILTIN_SHAPES: &str = include_str!("../../../assets/body/shapes.ron");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Shapes")]
struct ShapesFile {
    aspect: f64,
    front: FigureFile,
    back: FigureFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Figure")]
struct FigureFile {
    outline: Vec<Point>,
    shapes: Vec<ShapeFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Shape")]
struct ShapeFile {
    region: String,
    #[serde(default)]
    mirror: Option<String>,
    points: Vec<Point>,
}

/// One view's shapes, with regions as indices into the region table.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub view: View,
    pub outline: Vec<Point>,
    /// Each region's polygon, mirrored twins written out.
    pub regions: Vec<(usize, Vec<Point>)>,
}

/// Both views' shapes, their rasters as drawn so far, and a tone for each
/// region so that regions that touch are shaded apart.
#[derive(Debug)]
pub struct Shapes {
    /// Width over height of the frame, as seen.
    pub aspect: f64,
    front: Drawing,
    back: Drawing,
    /// By region index; 0 for a region drawn nowhere.
    tones: Vec<u8>,
    /// The screen redraws often, at a few sizes: each raster is made once.
    cache: Mutex<HashMap<RasterKey, Arc<Raster>>>,
}

/// A raster's view, width and height in cells, and mode.
type RasterKey = (View, u16, u16, Mode);

/// The most rasters kept: a few sizes, each in two views and two modes.
const CACHED: usize = 32;

/// How many tones shade regions apart (`░ ▒ █` in text).
pub const TONES: u8 = 3;

impl Shapes {
    /// The built-in shapes, read and checked on first use (a few
    /// milliseconds, not on the first frame); the tests check them too.
    pub fn builtin() -> &'static Shapes {
        static SHAPES: OnceLock<Shapes> = OnceLock::new();
        SHAPES.get_or_init(|| {
            let (path, table) = ("assets/body/shapes.ron", BodyRegions::builtin());
            Shapes::parse(path, BUILTIN_SHAPES, table)
                .unwrap_or_else(|e| panic!("{path} is valid (tested): {e}"))
        })
    }

    /// Reads a shapes file and checks it against the region table: every
    /// region drawn once on its own view, inside the frame and the outline,
    /// none overlapping another.
    pub fn parse(path: &str, source: &str, table: &BodyRegions) -> Result<Shapes, Diagnostics> {
        let file: ShapesFile =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let [front, back] = check::check(path, source, &file, table)?;
        Ok(Shapes::new(file.aspect, front, back, table.regions.len()))
    }

    fn new(aspect: f64, front: Drawing, back: Drawing, count: usize) -> Self {
        let mut tones = vec![0; count];
        for d in [&front, &back] {
            for (r, t) in super::tone::tones(d, count) {
                tones[r] = t;
            }
        }
        Shapes {
            aspect,
            front,
            back,
            tones,
            cache: Mutex::default(),
        }
    }

    pub fn drawing(&self, view: View) -> &Drawing {
        match view {
            View::Front => &self.front,
            View::Back => &self.back,
        }
    }

    /// A region's tone, 0 to `TONES` - 1: regions that touch differ.
    pub fn tone(&self, region: usize) -> u8 {
        self.tones.get(region).copied().unwrap_or(0)
    }

    /// `view` drawn `width` x `height` cells, made once per size and mode.
    pub fn raster(&self, view: View, width: u16, height: u16, mode: Mode) -> Arc<Raster> {
        let key = (view, width, height, mode);
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        // A window dragged through many sizes would otherwise keep them all.
        if cache.len() >= CACHED && !cache.contains_key(&key) {
            cache.clear();
        }
        let made = cache.entry(key);
        made.or_insert_with(|| Arc::new(Raster::new(self.drawing(view), width, height, mode)))
            .clone()
    }

    /// The largest figure, in cells, that fits `width` x `height` cells and
    /// keeps the person's proportions. A cell is about twice as tall as
    /// wide, and so is a pair of half blocks: the mode does not change it.
    pub fn fit(&self, width: u16, height: u16) -> (u16, u16) {
        let per_row = 2.0 * self.aspect;
        let h = f64::from(height).min((f64::from(width) / per_row).floor());
        let w = (h * per_row).round().min(f64::from(width));
        (w as u16, h as u16)
    }
}

#[cfg(test)]
mod tests;
