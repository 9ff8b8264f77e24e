use super::*;
use crate::body::{BodyMarks, Dot, Symptom, svg};

fn builtin() -> (&'static Shapes, &'static BodyRegions) {
    (Shapes::builtin(), BodyRegions::builtin())
}

fn index(id: &str) -> usize {
    let table = BodyRegions::builtin();
    table.regions.iter().position(|r| r.id == id).unwrap()
}

/// Sizes from the smallest the screen draws (80 x 24) up.
const SIZES: [(u16, u16); 4] = [(15, 14), (17, 15), (33, 30), (46, 41)];

#[test]
fn the_built_in_shapes_draw_every_region_once_on_its_view() {
    let (shapes, table) = builtin();
    let e = Shapes::parse("s.ron", BUILTIN_SHAPES, table);
    assert!(e.is_ok(), "{}", e.unwrap_err());
    let mut drawn: Vec<usize> = [View::Front, View::Back]
        .iter()
        .flat_map(|v| {
            let d = shapes.drawing(*v);
            assert!(d.regions.iter().all(|(r, _)| table.regions[*r].view == *v));
            d.regions.iter().map(|(r, _)| *r)
        })
        .collect();
    drawn.sort_unstable();
    assert_eq!(drawn, (0..table.regions.len()).collect::<Vec<_>>());
}

#[test]
fn every_region_has_a_cell_of_its_own_that_a_click_hits() {
    let (shapes, table) = builtin();
    for (w, h) in SIZES {
        for mode in [Mode::OneRow, Mode::HalfBlocks] {
            for view in [View::Front, View::Back] {
                let raster = shapes.raster(view, w, h, mode);
                for r in raster.regions() {
                    let id = &table.regions[r].id;
                    assert!(raster.own_cells(r) > 0, "{id} at {w}x{h} {mode:?}");
                    let own = (0..h)
                        .flat_map(|y| (0..w).map(move |x| (x, y)))
                        .find(|&(x, y)| {
                            (0..mode.rows() as u16).all(|k| {
                                raster.dot(x, y * mode.rows() as u16 + k) == Dot::Region(r)
                            })
                        })
                        .unwrap();
                    assert_eq!(
                        raster.hit(own.0, own.1),
                        Some(r),
                        "{id} at {w}x{h} {mode:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_patients_sides_fall_where_a_viewer_expects() {
    let (shapes, _) = builtin();
    let (w, h) = (46, 41);
    let front = shapes.raster(View::Front, w, h, Mode::HalfBlocks);
    let back = shapes.raster(View::Back, w, h, Mode::HalfBlocks);
    let x = |r: &Raster, id: &str| r.centre(index(id)).unwrap().0;
    // Facing us, the patient's left is on our right; from behind, on our left.
    assert!(x(&front, "left_thigh_front") > x(&front, "right_thigh_front"));
    assert!(x(&back, "left_thigh_back") < x(&back, "right_thigh_back"));
    assert!(x(&back, "left_calf") < x(&back, "right_calf"));
    // Palms forward: the thumb is on the outside of the little finger.
    assert!(x(&front, "right_thumb") < x(&front, "right_little_finger"));
    assert!(x(&front, "left_thumb") > x(&front, "left_little_finger"));
    // The big toe is on the inside of the foot, the outer calf outside the calf.
    assert!(x(&front, "left_big_toe") < x(&front, "left_foot_top"));
    assert!(x(&front, "right_big_toe") > x(&front, "right_foot_top"));
    assert!(x(&back, "left_calf_outer") < x(&back, "left_calf"));
    assert!(x(&front, "left_thigh_inner") < x(&front, "left_thigh_outer"));
}

#[test]
fn regions_that_touch_have_different_tones() {
    let (shapes, table) = builtin();
    for view in [View::Front, View::Back] {
        let raster = shapes.raster(view, 150, 140, Mode::HalfBlocks);
        let rows = 140 * 2;
        for y in 0..rows {
            for x in 0..150 {
                let here = raster.dot(x, y);
                for there in [raster.dot(x + 1, y), raster.dot(x, y + 1)] {
                    if let (Dot::Region(a), Dot::Region(b)) = (here, there) {
                        let (ia, ib) = (&table.regions[a].id, &table.regions[b].id);
                        assert!(a == b || shapes.tone(a) != shapes.tone(b), "{ia} and {ib}");
                        assert!(shapes.tone(a) < TONES);
                    }
                }
            }
        }
    }
}

#[test]
fn fit_keeps_the_proportions_and_the_area() {
    let (shapes, _) = builtin();
    for (width, height) in [(24, 14), (46, 50), (100, 10), (10, 100)] {
        let (w, h) = shapes.fit(width, height);
        assert!(w <= width && h <= height);
        // Two cells' height make a width of one: the figure's aspect kept.
        let aspect = f64::from(w) / (2.0 * f64::from(h));
        assert!((aspect - shapes.aspect).abs() < 0.05, "{w}x{h}: {aspect}");
    }
}

#[test]
fn a_raster_is_made_once_per_size() {
    let (shapes, _) = builtin();
    let a = shapes.raster(View::Front, 20, 18, Mode::OneRow);
    let b = shapes.raster(View::Front, 20, 18, Mode::OneRow);
    assert!(Arc::ptr_eq(&a, &b));
    let c = shapes.raster(View::Front, 20, 18, Mode::HalfBlocks);
    assert!(!Arc::ptr_eq(&a, &c));
}

/// Tags opened and closed in order, attributes quoted: enough of XML to
/// catch a broken element.
fn well_formed(svg: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find('<') {
        let text = &rest[..at];
        if text.contains('>') || text.contains('&') && !text.contains(';') {
            return Err(format!("stray character in {text:?}"));
        }
        let end = rest[at..].find('>').ok_or("unclosed tag")? + at;
        let tag = &rest[at + 1..end];
        if tag.matches('"').count() % 2 == 1 {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        if let Some(closing) = tag.strip_prefix('/') {
            let top = open.pop().ok_or(format!("</{closing}> closes nothing"))?;
            if top != name {
                return Err(format!("</{name}> closes <{top}>"));
            }
        } else if !tag.ends_with('/') {
            open.push(name);
        }
        rest = &rest[end + 1..];
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {open:?}"))
    }
}

#[test]
fn the_svg_is_well_formed_and_shows_every_marked_region() {
    let (shapes, table) = builtin();
    let mut words = crate::text::Text::builtin().body.clone();
    words.figure.your_left = "<YOUR & LEFT>".into();
    let mut marks = BodyMarks::new();
    marks.set("left_calf", Symptom::Pain);
    marks.set("left_calf", Symptom::Tingling);
    marks.set("left_big_toe", Symptom::Weakness);
    let front = svg(shapes, View::Front, &marks, table, &words);
    let back = svg(shapes, View::Back, &marks, table, &words);
    for s in [&front, &back] {
        well_formed(s).unwrap_or_else(|e| panic!("{e}\n{s}"));
        assert!(s.contains("&lt;YOUR &amp; LEFT&gt;") && !s.contains("<script"));
    }
    assert!(
        front.contains(r#"data-region="left_big_toe""#) && front.contains("url(#front-weakness)")
    );
    assert!(back.contains(r#"data-region="left_calf""#));
    // Two symptoms on one region: both patterns, layered.
    assert!(back.contains("url(#back-pain)") && back.contains("url(#back-tingling)"));
    assert!(
        !front.contains("url(#front-pain)"),
        "nothing marked pain on the front"
    );
    assert!(back.contains("<title>Left calf: pain, tingling</title>"));
    assert!(well_formed("<svg><g></svg>").is_err() && well_formed("<a x=\"1></a>").is_err());
}

#[test]
fn a_mirror_on_the_other_figure_and_a_region_past_the_outline_are_told() {
    let table = BodyRegions::builtin();
    let error = |from: &str, to: &str| {
        assert!(BUILTIN_SHAPES.contains(from), "{from}");
        let source = BUILTIN_SHAPES.replacen(from, to, 1);
        Shapes::parse("s.ron", &source, table)
            .unwrap_err()
            .to_string()
    };
    let e = error("mirror: \"left_groin\"", "mirror: \"left_buttock\"");
    assert!(
        e.contains("region \"left_buttock\" belongs to the Back figure"),
        "{e}"
    );
    let e = error("mirror: \"left_groin\"", "mirror: \"chest\"");
    assert!(e.contains("must be the other side's twin"), "{e}");
    // The outline's top point lowered: the head sticks out above it.
    let e = error(
        "outline: [\n            (0.5, 0.01)",
        "outline: [\n            (0.5, 0.05)",
    );
    assert!(
        e.contains("region \"head_front\" goes outside the outline"),
        "{e}"
    );
    // Raised instead: part of the outline is in no region.
    let e = error(
        "outline: [\n            (0.5, 0.01)",
        "outline: [\n            (0.5, 0.0)",
    );
    assert!(
        e.contains("part of the outline near (0.50, 0.00) is in no region"),
        "{e}"
    );
}
