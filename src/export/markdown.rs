//! The summary as Markdown, for people: the doctor, the patient, the file.

use std::fmt::Write;

use super::Summary;
use super::time::readable;
use crate::answers::Answer;
use crate::body::{BodyRegions, Figures, Symptom};
use crate::findings::{Level, Line};

pub fn render(s: &Summary) -> String {
    let q = s.questionnaire;
    let f = &s.findings;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Summary for your doctor\n\n{}\n", q.title);
    let _ = writeln!(
        w,
        "Questionnaire `{}` version {}. Summary made {}.",
        q.id,
        q.version,
        readable(s.authored)
    );
    if !s.complete {
        let _ = writeln!(
            w,
            "\n**Not finished:** some required questions were not answered."
        );
    }
    let _ = writeln!(
        w,
        "\n> **This is not a diagnosis.** Please bring this summary to your doctor.\n"
    );

    if let Some(level) = f.top_level() {
        let banner = match level {
            Level::Emergency => "EMERGENCY: seek emergency care now",
            Level::Urgent => "URGENT: see a doctor today or tomorrow",
            Level::Soon => "Please point these out to your doctor",
        };
        let _ = writeln!(w, "## Warning signs: {banner}\n");
        for flag in &f.flags {
            let _ = writeln!(w, "- **{}** ({})", flag.title, flag.level.word());
            for e in &flag.evidence {
                let _ = writeln!(w, "  - {e}");
            }
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## Findings\n");
    if f.radicular.is_empty() {
        let _ = writeln!(
            w,
            "Your answers do not show the pattern of a pressed nerve root.\n"
        );
    } else {
        let _ = writeln!(w, "The answers fit a nerve-root (radicular) pattern:\n");
        for r in &f.radicular {
            let _ = writeln!(w, "- {r}");
        }
        let _ = writeln!(w);
        if !f.roots.is_empty() {
            let _ = writeln!(
                w,
                "Nerve-root levels the answers point to, most likely first:\n"
            );
            for (n, r) in f.roots.iter().enumerate() {
                let side = if r.side.is_empty() {
                    String::new()
                } else {
                    format!(", {}", r.side)
                };
                let _ = writeln!(
                    w,
                    "{}. **{}**{side}: {}",
                    n + 1,
                    r.level,
                    r.evidence.join("; ")
                );
            }
            let _ = writeln!(w);
        }
    }
    section(
        w,
        "Weakness",
        &f.weakness.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
    );
    table(w, "Pain", &f.pain);
    table(w, "Scores", &f.scores);
    table(w, "Treatments tried", &f.tried);
    table(w, "Scans", &f.imaging);

    let diagrams = s.session.live_answers(q).filter_map(|(_, a)| match a {
        Answer::Body(m) => Some(m),
        _ => None,
    });
    for marks in diagrams {
        let regions = BodyRegions::builtin();
        let [front, back] = &Figures::builtin().compact;
        let _ = writeln!(w, "## Body diagram\n");
        let _ = writeln!(
            w,
            "Left and right are the patient's own (R, L on the figures).\n"
        );
        let _ = writeln!(w, "```text");
        for (a, b) in front
            .render_marks(marks, regions)
            .iter()
            .zip(back.render_marks(marks, regions))
        {
            let _ = writeln!(w, "{a}    {b}");
        }
        let legend: Vec<String> = Symptom::ALL
            .iter()
            .map(|s| format!("{} {}", s.symbol(), s.word()))
            .collect();
        let _ = writeln!(w, "\n{}", legend.join("   "));
        let _ = writeln!(w, "```\n");
        for d in marks.describe(regions) {
            let _ = writeln!(w, "- {d}");
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## Next steps\n");
    for (n, step) in f.steps.iter().enumerate() {
        let _ = writeln!(w, "{}. {}", n + 1, step.text);
        if !step.because.is_empty() {
            let _ = writeln!(w, "   - Because: {}", step.because.join("; "));
        }
    }
    let _ = writeln!(w);

    let _ = writeln!(w, "## All answers\n");
    let live: Vec<&str> = s
        .session
        .live_answers(q)
        .map(|(i, _)| i.id.as_str())
        .collect();
    for section in &q.sections {
        let items: Vec<_> = section
            .items
            .iter()
            .filter(|i| live.contains(&i.id.as_str()))
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(w, "### {}\n", section.title);
        for item in items {
            let answer = s.session.get(&item.id).expect("live answers exist");
            let _ = writeln!(
                w,
                "- {} **{}**",
                item.prompt,
                answer.display(&item.kind, BodyRegions::builtin())
            );
        }
        let _ = writeln!(w);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn section(w: &mut String, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(w, "### {title}\n");
    for l in lines {
        let _ = writeln!(w, "- {l}");
    }
    let _ = writeln!(w);
}

fn table(w: &mut String, title: &str, lines: &[Line]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(w, "### {title}\n");
    let _ = writeln!(w, "| Question | Answer |\n|---|---|");
    for l in lines {
        let _ = writeln!(w, "| {} | {} |", cell(&l.label), cell(&l.value));
    }
    let _ = writeln!(w);
}

/// Text that cannot break a table row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
