use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, wrapped};
use crate::answers::Answer;
use crate::body::{BodyRegions, Figures, Symptom};
use crate::findings::{Findings, Level};
use crate::tui::app::{App, DONE, REVIEW};
use crate::tui::layout::Frame;

/// The summary as lines for a body `width` wide: warning signs first, then
/// findings, the body diagram, next steps, and every shown answer.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let q = &app.questionnaire;
    let mut out: Vec<Line> = Vec::new();
    let push_wrapped = |out: &mut Vec<Line<'static>>, text: &str, style: Style, indent: &str| {
        let w = width.saturating_sub(indent.len() as u16);
        for (i, l) in wrapped(text, w).into_iter().enumerate() {
            let prefix = if i == 0 {
                indent.to_string()
            } else {
                " ".repeat(indent.chars().count())
            };
            out.push(Line::styled(format!("{prefix}{l}"), style));
        }
    };
    let empty = Findings::default();
    let f = app.findings.as_ref().unwrap_or(&empty);
    if let Some(level) = f.top_level() {
        let banner = match level {
            Level::Emergency => {
                "!! EMERGENCY: seek emergency care now. Tell a member of staff or go to an emergency department."
            }
            Level::Urgent => "! URGENT: please see a doctor today or tomorrow.",
            Level::Soon => "! Please point out the warning signs below to your doctor.",
        };
        push_wrapped(&mut out, banner, t.urgent, "");
        for flag in &f.flags {
            push_wrapped(
                &mut out,
                &format!("{} ({})", flag.title, flag.level.word()),
                t.error,
                "! ",
            );
        }
        out.push(Line::default());
    }
    let words = &app.rules().alerts;
    if !f.unasked.is_empty() {
        push_wrapped(&mut out, &words.not_answered, t.error, "! ");
        for p in &f.unasked {
            push_wrapped(&mut out, p, t.base, "  • ");
        }
        out.push(Line::default());
    } else if f.flags.is_empty() && !words.none_reported.is_empty() {
        push_wrapped(&mut out, &words.none_reported, t.base, "");
        out.push(Line::default());
    }
    if !f.disagreements.is_empty() {
        push_wrapped(&mut out, &words.not_matching, t.error, "! ");
        for d in &f.disagreements {
            let text = format!("{}: {}", d.says, d.evidence.join("; "));
            push_wrapped(&mut out, &text, t.base, "  • ");
        }
        out.push(Line::default());
    }
    push_wrapped(
        &mut out,
        "This summary is not a diagnosis. Please bring it to your doctor.",
        t.prompt,
        "",
    );
    let done = match (&app.kiosk, &app.saves_to) {
        (Some(_), _) => Some(
            "When you press Done, this summary goes to the clinic staff and is cleared from this screen."
                .to_string(),
        ),
        (None, Some(dir)) => Some(format!(
            "When you press Done, this summary is saved in {dir}"
        )),
        (None, None) => None,
    };
    if let Some(done) = done {
        push_wrapped(&mut out, &done, t.dim, "");
    }

    out.push(Line::default());
    out.push(Line::styled("What your answers show", t.section));
    if f.radicular.is_empty() {
        push_wrapped(
            &mut out,
            "Your answers do not show the pattern of a pressed nerve root.",
            t.base,
            "• ",
        );
    } else {
        push_wrapped(
            &mut out,
            &format!("A nerve-root pattern: {}.", f.radicular.join("; ")),
            t.base,
            "• ",
        );
        for r in &f.roots {
            let side = if r.side.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.side)
            };
            push_wrapped(
                &mut out,
                &format!("{}{side}: {}", r.level, r.evidence.join("; ")),
                t.base,
                "  - ",
            );
        }
    }
    if !f.weakness.is_empty() {
        push_wrapped(
            &mut out,
            &format!("Weakness: {}.", f.weakness.join("; ")),
            t.base,
            "• ",
        );
    }
    for l in f.scores.iter().chain(&f.pain) {
        push_wrapped(&mut out, &format!("{} {}", l.label, l.value), t.base, "• ");
    }

    let marks = app.session.live_answers(q).find_map(|(_, a)| match a {
        Answer::Body(m) => Some(m),
        _ => None,
    });
    if let Some(marks) = marks {
        let regions = BodyRegions::builtin();
        let [front, back] = &Figures::builtin().compact;
        out.push(Line::default());
        out.push(Line::styled(
            "Where you marked symptoms (R, L: your right and left)",
            t.section,
        ));
        if width >= front.width + back.width + 4 {
            for (a, b) in front
                .render_marks(marks, regions)
                .iter()
                .zip(back.render_marks(marks, regions))
            {
                out.push(Line::from(format!("{a}    {b}")));
            }
        }
        let legend: Vec<String> = Symptom::ALL
            .iter()
            .map(|s| format!("{} {}", s.symbol(), s.word()))
            .collect();
        push_wrapped(&mut out, &legend.join("   "), t.dim, "");
        for d in marks.describe(regions) {
            push_wrapped(&mut out, &d, t.base, "• ");
        }
    }

    if !f.steps.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(
            "Next steps to discuss with your doctor",
            t.section,
        ));
        for (n, step) in f.steps.iter().enumerate() {
            push_wrapped(&mut out, &step.text, t.prompt, &format!("{}. ", n + 1));
            if !step.because.is_empty() {
                push_wrapped(
                    &mut out,
                    &format!("Because: {}", step.because.join("; ")),
                    t.dim,
                    "   ",
                );
            }
        }
    }

    for score in &q.scores {
        if app.session.score(q, score).is_none() {
            continue;
        }
        out.push(Line::default());
        push_wrapped(&mut out, &score.explanation, t.dim, "");
    }
    let live: Vec<_> = app
        .session
        .live_answers(q)
        .map(|(i, _)| i.id.clone())
        .collect();
    out.push(Line::default());
    out.push(Line::styled("All your answers", t.section));
    for section in &q.sections {
        let answered: Vec<_> = section
            .items
            .iter()
            .filter(|i| live.contains(&i.id))
            .collect();
        if answered.is_empty() {
            continue;
        }
        out.push(Line::styled(section.title.clone(), t.prompt));
        for item in answered {
            let answer = app.session.get(&item.id).expect("live answers exist");
            let text = format!(
                "{} {}",
                item.prompt,
                answer.display(&item.kind, BodyRegions::builtin())
            );
            push_wrapped(&mut out, &text, t.base, "• ");
        }
    }
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    Chrome {
        title: "Your summary",
        right: String::new(),
        progress: None,
        hints: &[
            ("↑↓ PgUp PgDn", "scroll"),
            ("←", "review"),
            ("Enter", "done"),
            ("Esc", "leave"),
        ],
        back: Some(REVIEW),
        next: Some(DONE),
    }
    .render(app, &frame, buf);
    Paragraph::new(lines(app, frame.body.width))
        .scroll((app.summary_scroll, 0))
        .render(frame.body, buf);
}
