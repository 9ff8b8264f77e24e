//! The body figures: text art with a region map of the same size, and what
//! the diagram needs from them: which region a cell belongs to, where each
//! region's middle is, and which region lies in a direction from another.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{BodyRegions, View};
use crate::diagnostic::{Diagnostic, Locator};

/// The widest and tallest a figure may be, in cells.
const MAX_SIDE: usize = 500;

/// The figures shipped with the program.
pub const BUILTIN_FIGURES: &str = include_str!("../../assets/body/figures.ron");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Figure")]
struct FigureFile {
    view: View,
    art: Vec<String>,
    map: Vec<String>,
    codes: BTreeMap<char, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Figures")]
struct FiguresFile {
    compact: Vec<FigureFile>,
    large: Vec<FigureFile>,
}

/// One figure, ready to draw and to hit-test.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub view: View,
    pub width: u16,
    pub height: u16,
    /// Rows of characters to draw.
    pub art: Vec<Vec<char>>,
    /// For each cell, the index of its region in the region table.
    cells: Vec<Vec<Option<usize>>>,
    /// The regions on this figure, by table index, with the middle of their cells.
    centres: Vec<(usize, (f32, f32))>,
}

impl Figure {
    /// The region drawn at (x, y), figure coordinates.
    pub fn region_at(&self, x: u16, y: u16) -> Option<usize> {
        *self.cells.get(y as usize)?.get(x as usize)?
    }

    /// Every region index that appears in this figure, in table order.
    pub fn regions(&self) -> impl Iterator<Item = usize> + '_ {
        self.centres.iter().map(|(r, _)| *r)
    }

    /// The middle of a region's cells, or `None` when it is not in this figure.
    pub fn centre(&self, region: usize) -> Option<(f32, f32)> {
        self.centres
            .iter()
            .find(|(r, _)| *r == region)
            .map(|(_, c)| *c)
    }

    /// The figure as text with the marks drawn in: a marked region shows the
    /// symbols of its symptoms (alternating over its cells), others their art.
    pub fn render_marks(&self, marks: &super::BodyMarks, table: &BodyRegions) -> Vec<String> {
        (0..self.height as usize)
            .map(|y| {
                (0..self.width as usize)
                    .map(|x| {
                        let art = self.art[y][x];
                        let Some(r) = self.cells[y][x] else {
                            return art;
                        };
                        let symptoms: Vec<_> = marks
                            .symptoms(&table.regions[r].id)
                            .map(|s| s.iter().collect())
                            .unwrap_or_default();
                        if symptoms.is_empty() {
                            art
                        } else {
                            symptoms[(x + y) % symptoms.len()].symbol()
                        }
                    })
                    .collect()
            })
            .collect()
    }

    fn new(view: View, art: Vec<Vec<char>>, cells: Vec<Vec<Option<usize>>>) -> Self {
        let mut sums: BTreeMap<usize, (f32, f32, f32)> = BTreeMap::new();
        for (y, row) in cells.iter().enumerate() {
            for (x, cell) in row.iter().enumerate() {
                if let Some(r) = cell {
                    let s = sums.entry(*r).or_default();
                    *s = (s.0 + x as f32, s.1 + y as f32, s.2 + 1.0);
                }
            }
        }
        let centres = sums
            .into_iter()
            .map(|(r, (x, y, n))| (r, (x / n, y / n)))
            .collect();
        Self {
            view,
            width: cells.first().map_or(0, |r| r.len() as u16),
            height: cells.len() as u16,
            art,
            cells,
            centres,
        }
    }
}

/// Front and back, in a compact size for 80 × 24 and a large one.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub compact: [Figure; 2],
    pub large: [Figure; 2],
}

impl Figures {
    /// The built-in figures, loaded once; the tests check them.
    pub fn builtin() -> &'static Figures {
        static FIGURES: OnceLock<Figures> = OnceLock::new();
        FIGURES.get_or_init(|| {
            Figures::parse(
                "assets/body/figures.ron",
                BUILTIN_FIGURES,
                BodyRegions::builtin(),
            )
            .unwrap_or_else(|e| panic!("assets/body/figures.ron is valid (tested): {e}"))
        })
    }

    /// Reads and checks a figures file against the region table.
    pub fn parse(path: &str, source: &str, table: &BodyRegions) -> Result<Figures, Diagnostic> {
        let file: FiguresFile = crate::questionnaire::parse_ron(path, source)?;
        let check = Check {
            path,
            source,
            loc: Locator::new(source),
            table,
        };
        Ok(Figures {
            compact: check.pair(&file.compact, "compact")?,
            large: check.pair(&file.large, "large")?,
        })
    }
}

/// Figures placed on screen: each with its top-left corner.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub figure: &'a Figure,
    pub x: u16,
    pub y: u16,
}

/// The region at a screen cell, if any.
pub fn hit(placed: &[Placed], column: u16, row: u16) -> Option<usize> {
    placed.iter().find_map(|p| {
        let (x, y) = (column.checked_sub(p.x)?, row.checked_sub(p.y)?);
        p.figure.region_at(x, y)
    })
}

/// A figures file being read: each problem placed at what it is about.
struct Check<'a> {
    path: &'a str,
    source: &'a str,
    loc: Locator<'a>,
    table: &'a BodyRegions,
}

impl Check<'_> {
    fn error(&self, needle: &str, message: String) -> Diagnostic {
        let at = self.loc.after(0, needle).unwrap_or(0);
        Diagnostic::new(self.path, self.source, self.loc.pos(at), message)
    }

    /// One Front and one Back figure of a size.
    fn pair(&self, figs: &[FigureFile], size: &str) -> Result<[Figure; 2], Diagnostic> {
        let front = figs.iter().find(|f| f.view == View::Front);
        let back = figs.iter().find(|f| f.view == View::Back);
        match (front, back, figs.len()) {
            (Some(front), Some(back), 2) => Ok([self.build(front, size)?, self.build(back, size)?]),
            _ => Err(self.error(
                &format!("{size}:"),
                format!("`{size}` needs one Front and one Back figure"),
            )),
        }
    }

    fn build(&self, f: &FigureFile, size: &str) -> Result<Figure, Diagnostic> {
        self.same_size(f, size)?;
        let cells = f
            .map
            .iter()
            .map(|row| self.row(f, size, row))
            .collect::<Result<Vec<_>, _>>()?;
        self.codes_used(f, size)?;
        let art = f.art.iter().map(|r| r.chars().collect()).collect();
        let figure = Figure::new(f.view, art, cells);
        self.all_regions(&figure, f, size)?;
        Ok(figure)
    }

    /// Art and map the same size, every row as wide, not too large.
    fn same_size(&self, f: &FigureFile, size: &str) -> Result<(), Diagnostic> {
        let width = f.map.first().map_or(0, |r| r.chars().count());
        let art_w = f.art.first().map_or(0, |r| r.chars().count());
        let same = f.art.len() == f.map.len()
            && f.map
                .iter()
                .chain(&f.art)
                .all(|r| r.chars().count() == width)
            && art_w == width;
        // Sizes are u16 on screen; no terminal is this large anyway.
        let too_large = width > MAX_SIDE || f.map.len() > MAX_SIDE;
        if !same || width == 0 || too_large {
            return Err(self.error(
                "art:",
                format!(
                    "{size} {:?} figure: art and map must be the same size, every row as wide, at most {MAX_SIDE} a side",
                    f.view
                ),
            ));
        }
        Ok(())
    }

    /// A map row's cells: the region under each, or none for `.`.
    fn row(&self, f: &FigureFile, size: &str, row: &str) -> Result<Vec<Option<usize>>, Diagnostic> {
        let table = self.table;
        row.chars()
            .map(|c| {
                if c == '.' {
                    return Ok(None);
                }
                let id = f.codes.get(&c).ok_or_else(|| {
                    let message = format!(
                        "{size} {:?} figure: map code '{c}' has no entry in `codes`",
                        f.view
                    );
                    self.error(row, message)
                })?;
                let quoted = format!("\"{id}\"");
                let index = table.regions.iter().position(|r| &r.id == id);
                let index = index
                    .ok_or_else(|| self.error(&quoted, format!("unknown body region \"{id}\"")))?;
                let view = table.regions[index].view;
                if view != f.view {
                    let message = format!("region \"{id}\" belongs to the {view:?} view");
                    return Err(self.error(&quoted, message));
                }
                Ok(Some(index))
            })
            .collect()
    }

    /// Every code of `codes` is used in the map.
    fn codes_used(&self, f: &FigureFile, size: &str) -> Result<(), Diagnostic> {
        match f
            .codes
            .iter()
            .find(|(c, _)| !f.map.iter().any(|r| r.contains(**c)))
        {
            Some((c, id)) => Err(self.error(
                &format!("\"{id}\""),
                format!(
                    "{size} {:?} figure: code '{c}' ({id}) is not used in the map",
                    f.view
                ),
            )),
            None => Ok(()),
        }
    }

    /// Every region of this view is somewhere on the figure.
    fn all_regions(&self, figure: &Figure, f: &FigureFile, size: &str) -> Result<(), Diagnostic> {
        let table = self.table;
        let present: Vec<usize> = figure.regions().collect();
        match (0..table.regions.len())
            .find(|i| table.regions[*i].view == f.view && !present.contains(i))
        {
            Some(missing) => Err(self.error(
                "map:",
                format!(
                    "{size} {:?} figure: region \"{}\" is not on the map",
                    f.view, table.regions[missing].id
                ),
            )),
            None => Ok(()),
        }
    }
}
