//! The patient's view: plain words, no root levels. The banner, the warning
//! signs and those not answered, what the answers show, what to do now.

use super::{Block, Bullet, Section, Told, View, Wording, opening, warning_signs};
use crate::findings::{Findings, Weakness};
use crate::text::fill;

pub(super) fn view(w: &Wording, f: &Findings, t: &Told) -> View {
    let p = &w.words.patient;
    let mut sections: Vec<Section> = opening(&w.words.banners, f, Some(&p.not_diagnosis))
        .into_iter()
        .chain(warning_signs(w, f, t, &p.warning_signs, false))
        .collect();
    let shown = shows(w, f);
    if !shown.is_empty() {
        sections.push(Section::new(&p.shows, shown));
    }
    if !t.steps.is_empty() {
        let steps = t.steps.iter().map(|s| Bullet::new(&s.text));
        sections.push(Section::new(
            &p.do_now,
            vec![Block::Numbered(steps.collect())],
        ));
    }
    View {
        name: p.name.clone(),
        sections,
    }
}

/// Whether the answers fit a pressed nerve, on which side, and the weakness
/// the patient told of, in their own words.
fn shows(w: &Wording, f: &Findings) -> Vec<Block> {
    let p = &w.words.patient;
    // "No pressed nerve" next to a warning sign would reassure against it.
    let fit = match (f.radicular.is_empty(), f.pattern_open) {
        _ if !f.pattern_judged => None,
        (false, _) => Some(p.fits.get(f.side_told)),
        (true, true) => Some(p.fit_open.as_str()),
        (true, false) if f.flags.is_empty() => Some(p.no_fit.as_str()),
        (true, false) => None,
    };
    let mut blocks: Vec<Block> = fit
        .map(|t| Block::Paragraph(t.to_string()))
        .into_iter()
        .collect();
    let mut weak: Vec<Bullet> = f
        .weakness
        .iter()
        .filter_map(|x| match x {
            Weakness::Sign(n) => Some(Bullet::new(&w.rules.signs[*n].says)),
            Weakness::Marked(_) => None,
        })
        .collect();
    let marked = w.marked_weak(&f.weakness);
    if !marked.is_empty() {
        weak.push(Bullet::new(fill(&p.marked_weak, &[("places", &marked)])));
    }
    if !weak.is_empty() {
        blocks.push(Block::Paragraph(p.weakness.clone()));
        blocks.push(Block::Bullets(weak));
    }
    blocks
}
