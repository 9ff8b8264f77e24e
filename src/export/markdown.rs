//! The summary as Markdown, for people: the doctor, the patient, the file.

use std::fmt::{self, Write};

use super::Summary;
use super::time::readable_at;
use crate::answers::Answer;
use crate::body::{BodyRegions, Figures, Symptom};
use crate::findings::{Level, Line};

pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    write_summary(s, &mut out).expect("writing to a String cannot fail");
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn write_summary(s: &Summary, w: &mut String) -> fmt::Result {
    let q = s.questionnaire;
    let f = &s.findings;
    writeln!(w, "# Summary for your doctor\n\n{}\n", q.title)?;
    writeln!(
        w,
        "Questionnaire `{}` version {}. Summary made {}.",
        q.id,
        q.version,
        readable_at(s.authored, s.utc_offset)
    )?;
    if !s.complete {
        writeln!(
            w,
            "\n**Not finished:** some required questions were not answered."
        )?;
    }
    writeln!(
        w,
        "\n> **This is not a diagnosis.** Please bring this summary to your doctor.\n"
    )?;

    if let Some(level) = f.top_level() {
        let banner = match level {
            Level::Emergency => "EMERGENCY: seek emergency care now",
            Level::Urgent => "URGENT: see a doctor today or tomorrow",
            Level::Soon => "Please point these out to your doctor",
        };
        writeln!(w, "## Warning signs: {banner}\n")?;
        for flag in &f.flags {
            writeln!(w, "- **{}** ({})", flag.title, flag.level.word())?;
            for e in &flag.evidence {
                writeln!(w, "  - {e}")?;
            }
        }
        writeln!(w)?;
    }
    let words = &s.alerts;
    if !f.unasked.is_empty() {
        writeln!(w, "**{}**\n", words.not_answered)?;
        for p in &f.unasked {
            writeln!(w, "- {p}")?;
        }
        writeln!(w)?;
    } else if f.flags.is_empty() && !words.none_reported.is_empty() {
        writeln!(w, "{}\n", words.none_reported)?;
    }
    if !f.disagreements.is_empty() {
        writeln!(w, "**{}**\n", words.not_matching)?;
        for d in &f.disagreements {
            writeln!(w, "- **{}**", d.says)?;
            for e in &d.evidence {
                writeln!(w, "  - {e}")?;
            }
        }
        writeln!(w)?;
    }

    writeln!(w, "## Findings\n")?;
    if f.radicular.is_empty() {
        writeln!(
            w,
            "Your answers do not show the pattern of a pressed nerve root.\n"
        )?;
    } else {
        writeln!(w, "The answers fit a nerve-root (radicular) pattern:\n")?;
        for r in &f.radicular {
            writeln!(w, "- {r}")?;
        }
        writeln!(w)?;
        if !f.roots.is_empty() {
            writeln!(
                w,
                "Nerve-root levels the answers point to, most likely first:\n"
            )?;
            for (n, r) in f.roots.iter().enumerate() {
                let side = if r.side.is_empty() {
                    String::new()
                } else {
                    format!(", {}", r.side)
                };
                writeln!(
                    w,
                    "{}. **{}**{side}: {}",
                    n + 1,
                    r.level,
                    r.evidence.join("; ")
                )?;
            }
            writeln!(w)?;
        }
    }
    section(w, "Weakness", &f.weakness)?;
    table(w, "Pain", &f.pain)?;
    table(w, "Scores", &f.scores)?;
    table(w, "Treatments tried", &f.tried)?;
    table(w, "Scans", &f.imaging)?;

    let diagrams = s.session.live_answers(q).filter_map(|(_, a)| match a {
        Answer::Body(m) => Some(m),
        _ => None,
    });
    for marks in diagrams {
        let regions = BodyRegions::builtin();
        let [front, back] = &Figures::builtin().compact;
        writeln!(w, "## Body diagram\n")?;
        writeln!(
            w,
            "Left and right are the patient's own (R, L on the figures).\n"
        )?;
        writeln!(w, "```text")?;
        for (a, b) in front
            .render_marks(marks, regions)
            .iter()
            .zip(back.render_marks(marks, regions))
        {
            writeln!(w, "{a}    {b}")?;
        }
        let legend: Vec<String> = Symptom::ALL
            .iter()
            .map(|s| format!("{} {}", s.symbol(), s.word()))
            .collect();
        writeln!(w, "\n{}", legend.join("   "))?;
        writeln!(w, "```\n")?;
        for d in marks.describe(regions) {
            writeln!(w, "- {d}")?;
        }
        writeln!(w)?;
    }

    writeln!(w, "## Next steps\n")?;
    for (n, step) in f.steps.iter().enumerate() {
        writeln!(w, "{}. {}", n + 1, step.text)?;
        if !step.because.is_empty() {
            writeln!(w, "   - Because: {}", step.because.join("; "))?;
        }
    }
    writeln!(w)?;

    writeln!(w, "## All answers\n")?;
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
        writeln!(w, "### {}\n", section.title)?;
        for item in items {
            let answer = s.session.get(&item.id).expect("live answers exist");
            writeln!(
                w,
                "- {} **{}**",
                item.prompt,
                answer.display(&item.kind, BodyRegions::builtin())
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}

fn section(w: &mut String, title: &str, lines: &[String]) -> fmt::Result {
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(w, "### {title}\n")?;
    for l in lines {
        writeln!(w, "- {l}")?;
    }
    writeln!(w)
}

fn table(w: &mut String, title: &str, lines: &[Line]) -> fmt::Result {
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(w, "### {title}\n")?;
    writeln!(w, "| Question | Answer |\n|---|---|")?;
    for l in lines {
        writeln!(w, "| {} | {} |", cell(&l.label), cell(&l.value))?;
    }
    writeln!(w)
}

/// Text that cannot break a table row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
