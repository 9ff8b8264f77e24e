//! A question told as lines, and the line typed read as its answer: a
//! number for a choice, numbers for several, a number in range for a
//! scale, and typed text read as the screen's own fields read it.

use super::{Linear, Stage};
use crate::answers::{Answer, DurationUnit};
use crate::questionnaire::Kind;
use crate::text::{Text, capitalised, fill, same};
use crate::tui::editor::Editor;

impl Linear {
    /// Tells item `n`: its section's title when it changes, the question,
    /// its choices numbered, what to type, and its answer so far.
    pub(super) fn ask(&mut self, n: usize, out: &mut Vec<String>) {
        self.stage = Stage::Item(n);
        self.app.open_item(n);
        self.tell_section(n, out);
        let item = self.app.item(n);
        let (at, total) = self.app.position(n);
        let screen = &self.text().screen.item;
        let (at, total) = (at.to_string(), total.to_string());
        out.push(fill(&screen.question, &[("at", &at), ("total", &total)]));
        out.push(self.app.prompt(item).to_string());
        if matches!(item.kind, Kind::BodyMap) {
            return self.body_start(n, out);
        }
        let labels = labels(&item.kind, self.text());
        out.extend(numbered(&labels));
        out.extend(self.hint(n));
        if let Some(answer) = self.app.session.get(&item.id) {
            let answer = answer.display(&item.kind, &self.app.content);
            out.push(fill(&self.words().current, &[("answer", &answer)]));
        }
    }

    /// The section's title and introduction, once as the patient enters it.
    fn tell_section(&mut self, n: usize, out: &mut Vec<String>) {
        let Some((s, section)) = self.app.questionnaire.section_of(n) else {
            return;
        };
        if self.section == Some(s) {
            return;
        }
        self.section = Some(s);
        let count = self.app.questionnaire.sections.len().to_string();
        let part = fill(
            &self.text().screen.item.part,
            &[("n", &(s + 1).to_string()), ("count", &count)],
        );
        out.push(format!("{part}: {}", section.title));
        let intro = self.app.section_intro(n);
        if !intro.is_empty() {
            out.push(intro.to_string());
        }
    }

    /// What to type for item `n`, and that it may be left out.
    fn hint(&self, n: usize) -> Vec<String> {
        let item = self.app.item(n);
        let w = self.words();
        let max = labels(&item.kind, self.text()).len().to_string();
        let hint = match &item.kind {
            Kind::Info | Kind::BodyMap => return Vec::new(),
            Kind::YesNo | Kind::Single { .. } | Kind::Side => fill(&w.choose_one, &[("max", &max)]),
            Kind::Multi { .. } => w.choose_some.clone(),
            Kind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => fill(
                &w.scale,
                &[
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                    ("min_label", min_label),
                    ("max_label", max_label),
                ],
            ),
            Kind::Number { min, max, unit, .. } => fill(
                &w.number,
                &[
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                    ("unit", unit),
                ],
            ),
            Kind::Duration { .. } => w.duration.clone(),
            Kind::Text { max_len } => fill(&w.text, &[("max", &max_len.to_string())]),
        };
        let mut lines = vec![hint];
        if !item.required {
            lines.push(fill(&w.optional, &[("skip", &w.commands.skip)]));
        }
        lines
    }

    /// A line typed at item `n`: a command, or its answer.
    pub(super) fn item_input(&mut self, n: usize, line: &str, out: &mut Vec<String>) {
        if self.item_command(n, line, out) {
            return;
        }
        let item = self.app.item(n);
        if line.is_empty() {
            if matches!(item.kind, Kind::Info) || self.app.session.get(&item.id).is_some() {
                return self.forward(n, out);
            }
            if item.required {
                let words = &self.text().screen.item;
                out.push(crate::tui::kinds::unanswered(&item.kind, words).to_string());
                return;
            }
            out.push(self.words().skipped.clone());
            return self.forward(n, out);
        }
        match self.read(n, line) {
            Ok(answer) => self.give(n, answer, out),
            Err(problem) => out.push(problem),
        }
    }

    /// why, back, skip, help, quit; whether the line was one.
    fn item_command(&mut self, n: usize, line: &str, out: &mut Vec<String>) -> bool {
        let c = &self.words().commands;
        let l = line.to_lowercase();
        let item = self.app.item(n);
        if same(&l, &c.why) {
            out.push(match item.why.is_empty() {
                true => self.words().no_why.clone(),
                false => format!("{}: {}", self.text().screen.item.why, item.why),
            });
        } else if same(&l, &c.back) {
            self.backward(n, out);
        } else if same(&l, &c.skip) && item.required {
            out.push(self.words().cannot_skip.clone());
        } else if same(&l, &c.skip) {
            self.app.clear_answer(n);
            out.push(self.words().skipped.clone());
            self.forward(n, out);
        } else {
            return self.command(line, out);
        }
        true
    }

    /// Stores an answer through the app, reads it back, tells any warning
    /// sign it raised, and goes on.
    pub(super) fn give(&mut self, n: usize, answer: Answer, out: &mut Vec<String>) {
        let item = self.app.item(n);
        if let Err(e) = item.kind.check(&answer) {
            // A sentence, as the screen says it under a typed answer.
            let problem = e.words(&self.text().errors);
            return out.push(format!("{}.", capitalised(&problem)));
        }
        let said = answer.display(&item.kind, &self.app.content);
        self.app.answer(n, answer);
        out.push(fill(&self.words().answered, &[("answer", &said)]));
        if !self.tell_warning_signs(out) {
            return self.forward(n, out);
        }
        // Where the answer goes on to, told once Enter is pressed.
        self.forward(n, &mut Vec::new());
        self.hold(self.stage.clone(), out);
    }

    /// The line typed, as item `n`'s answer, or what to fix.
    fn read(&self, n: usize, line: &str) -> Result<Answer, String> {
        let item = self.app.item(n);
        let text = self.text();
        let count = labels(&item.kind, text).len();
        let bad_one = || fill(&self.words().bad_one, &[("max", &count.to_string())]);
        match &item.kind {
            Kind::YesNo | Kind::Single { .. } | Kind::Side => {
                let at = pick(line, &labels(&item.kind, text)).ok_or_else(bad_one)?;
                let value = &item.kind.choices(None)[at].id;
                item.kind.chosen(value).ok_or_else(bad_one)
            }
            Kind::Multi { options } => {
                let bad = || fill(&self.words().bad_some, &[("max", &count.to_string())]);
                let picked = numbers(line, count).ok_or_else(bad)?;
                Ok(Answer::Choices(
                    picked.into_iter().map(|i| options[i].id.clone()).collect(),
                ))
            }
            Kind::Scale { min, max, .. } => {
                let range = &text.screen.item.scale_range;
                let bad = || {
                    fill(
                        range,
                        &[("min", &min.to_string()), ("max", &max.to_string())],
                    )
                };
                line.parse().map(Answer::Scale).map_err(|_| bad())
            }
            Kind::Duration { .. } => duration(line, text).ok_or(self.words().bad_duration.clone()),
            Kind::Number { .. } | Kind::Text { .. } => {
                // Read as the screen's own field reads what is typed in it.
                let editor = Editor::for_item(item, None, Some(line));
                let read = editor.typed_answer(&text.screen.item);
                read.unwrap_or_else(|| Err(bad_one()))
            }
            Kind::Info | Kind::BodyMap => Err(bad_one()),
        }
    }
}

/// The choices of a kind, in words, in order.
pub(super) fn labels(kind: &Kind, text: &Text) -> Vec<String> {
    let choices = kind.choices(Some(&text.answers));
    choices.into_iter().map(|c| c.label).collect()
}

/// "1. Yes", "2. No".
pub(super) fn numbered(labels: &[String]) -> Vec<String> {
    let at = |(i, l): (usize, &String)| format!("{}. {l}", i + 1);
    labels.iter().enumerate().map(at).collect()
}

/// One choice by its number or its words ("2", "no"), as an index.
pub(super) fn pick(line: &str, labels: &[String]) -> Option<usize> {
    match line.parse::<usize>() {
        Ok(n) => (1..=labels.len()).contains(&n).then(|| n - 1),
        Err(_) => labels.iter().position(|l| same(l, line)),
    }
}

/// Numbers separated by spaces or commas, each from 1 to `count`, as
/// indexes; `None` if any is not.
pub(super) fn numbers(line: &str, count: usize) -> Option<Vec<usize>> {
    let parts = line.split([' ', ',']).filter(|p| !p.is_empty());
    let picked: Option<Vec<usize>> = parts
        .map(|p| pick(p, &vec![String::new(); count]))
        .collect();
    picked.filter(|p| !p.is_empty())
}

/// "3 weeks": a whole number and a unit, the unit by its catalogue words,
/// their beginning or the screen's letter for it ("3 w"), so a translation
/// reads its own units.
fn duration(line: &str, text: &Text) -> Option<Answer> {
    let (amount, unit) = line.split_once(' ')?;
    let amount = amount.trim().parse().ok()?;
    let unit = crate::text::fold(unit);
    if unit.is_empty() {
        return None;
    }
    let units = &text.answers.units;
    let named = |u: &DurationUnit| {
        let word = crate::text::fold(units.get(*u, 2));
        word.starts_with(&unit)
            || same(&unit, units.get(*u, 1))
            || same(&unit, text.letters.unit(*u))
    };
    let unit = *DurationUnit::ALL.iter().find(|u| named(u))?;
    Some(Answer::Duration { amount, unit })
}
