//! The body diagram's figures at the sizes the screen lays them out: every
//! region has a cell of its own at 80 x 24, 120 x 40 and 200 x 60, drawn one
//! row a cell or in half blocks.

mod common;

use common::Harness;
use intake::body::{BodyRegions, Mode, Shapes, View};
use intake::tui::layout::BodyLayout;

#[test]
fn every_region_has_a_cell_of_its_own_at_the_sizes_the_screen_draws() {
    let table = BodyRegions::builtin();
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut h = Harness::new(width, height);
        h.goto("body_map");
        let n = h.app.questionnaire.index_of("body_map").unwrap();
        let widget = h.app.item_body(n).widget;
        let layout = BodyLayout::new(widget, View::Front, Shapes::builtin(), Mode::HalfBlocks);
        assert!(
            layout.figures.iter().all(Option::is_some),
            "both figures at {width}x{height}"
        );
        let (w, fh) = layout.size;
        assert!(
            fh >= BodyLayout::FIGURE_MIN_HEIGHT,
            "{width}x{height}: {w}x{fh}"
        );
        for mode in [Mode::OneRow, Mode::HalfBlocks] {
            for view in [View::Front, View::Back] {
                let raster = Shapes::builtin().raster(view, w, fh, mode);
                let drawn: Vec<usize> = raster.regions().collect();
                let on_view = table.regions.iter().filter(|r| r.view == view).count();
                assert_eq!(drawn.len(), on_view);
                for r in drawn {
                    let id = &table.regions[r].id;
                    assert!(
                        raster.own_cells(r) > 0,
                        "{id} at {width}x{height} ({w}x{fh}, {mode:?})"
                    );
                }
            }
        }
    }
}
