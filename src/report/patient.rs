//! The patient's view: plain words, no root levels. The banner, the warning
//! signs and those not answered, what the answers show, what to do now.

use super::{Block, Bullet, Section, View, Wording, fill, opening, warning_signs};
use crate::findings::{Findings, Weakness};

pub(super) fn view(w: &Wording, f: &Findings) -> View {
    let p = &w.words.patient;
    let mut sections: Vec<Section> = opening(w, f, Some(&p.not_diagnosis))
        .into_iter()
        .chain(warning_signs(w, f, &p.warning_signs, false))
        .collect();
    sections.push(Section::new(&p.shows, shows(w, f)));
    if !f.steps.is_empty() {
        let steps = f.steps.iter().map(|s| Bullet::new(&s.text));
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
    let fit = if f.radicular.is_empty() {
        &p.no_fit
    } else {
        p.fits.get(f.roots.first().and_then(|r| r.side))
    };
    let mut blocks = vec![Block::Paragraph(fit.to_string())];
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
