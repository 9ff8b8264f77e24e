//! Read-aloud: at a kiosk with headphones, the screen is spoken on a key
//! press, in the patient's language: enough to answer without reading it
//! (the question, its answers, how to give one, and the answer so far).
//! Only where the runtime found a speech program (`speech`); never needed
//! to go on.

use super::{App, Effect, Notice, Pick, Screen};
use crate::answers::Answer;
use crate::questionnaire::{Choice, Item, Kind};
use crate::text::{Text, fill};
use crate::tui::editor::Editor;

impl App {
    /// Asks the runtime to speak what is on screen, if anything reads.
    pub(super) fn read_aloud(&mut self) {
        if !self.speech {
            return;
        }
        if let Some(text) = self.aloud() {
            let language = self.content.text.language.clone();
            self.effects.push(Effect::Speak { text, language });
        }
    }

    /// What the screen says, as sentences to hear: the welcome, a question,
    /// or the summary.
    pub fn aloud(&self) -> Option<String> {
        let parts = match self.screen {
            Screen::Welcome => self.welcome_aloud(),
            Screen::Item(n) => self.item_aloud(self.item(n)),
            Screen::Summary => vec![self.said(&self.content.text.aloud.summary, &[])],
            Screen::Alert => self.alert_aloud(),
            Screen::Interview => self.interview_aloud(),
            _ => return None,
        };
        Some(parts.join(" "))
    }

    /// The languages offered, each by its own name, the warning, what this
    /// is, and how to start.
    fn welcome_aloud(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if self.offers_languages() {
            let texts = self.languages.iter().filter_map(|c| Text::builtin_in(c));
            let names = texts
                .enumerate()
                .map(|(n, t)| format!("{}: {}.", n + 1, t.name));
            parts.extend(names);
            let last = self.languages.len().to_string();
            let keys = &self.content.text.translation.choose_keys;
            parts.push(fill(keys, &[("first", "1"), ("last", &last)]));
        }
        let q = &self.questionnaire;
        parts.extend(q.welcome_warning.iter().cloned());
        parts.push(q.description.clone());
        parts.push(self.said(&self.words().welcome.start, &[]));
        parts
    }

    /// The practice interview: what a question may have meant, or the
    /// patient's last reply.
    fn interview_aloud(&self) -> Vec<String> {
        let Some(p) = self.practice.as_deref() else {
            return Vec::new();
        };
        let talk = &self.content.text.practice.talk;
        if let Some(Pick::Meant(_)) = p.pick {
            let ids = self.candidates();
            let named = ids.iter().enumerate();
            let mut parts = vec![talk.meant.clone()];
            parts.extend(named.map(|(n, id)| format!("{}: {}", n + 1, self.meant_words(id))));
            parts.push(format!("{}.", talk.none));
            return parts;
        }
        p.interview
            .turns
            .last()
            .map(|t| t.reply.clone())
            .into_iter()
            .collect()
    }

    /// The emergency alert as the screen shows it, then how to go on.
    fn alert_aloud(&self) -> Vec<String> {
        let alerts = &self.rules().alerts;
        let mut parts = vec![format!("{}.", alerts.emergency_title)];
        parts.push(alerts.emergency.clone());
        let titles = self.alert.iter().flat_map(|a| &a.titles);
        parts.extend(titles.map(|t| format!("{}.", t.trim_end_matches('.'))));
        parts.push(self.said(&self.content.text.aloud.alert, &[]));
        parts
    }

    /// A problem shown under the answer first, then the question, its
    /// answers in the order shown, how to answer, where the cursor is or
    /// what is typed, and the answer given so far.
    fn item_aloud(&self, item: &Item) -> Vec<String> {
        let mut parts: Vec<String> = match &self.notice {
            Some(Notice::Error(problem)) => vec![problem.clone()],
            _ => Vec::new(),
        };
        parts.push(item.prompt.clone());
        if let Kind::Scale {
            min,
            max,
            min_label,
            max_label,
        } = &item.kind
        {
            parts.push(format!("{min}: {min_label}."));
            parts.push(format!("{max}: {max_label}."));
        }
        let choices = item.kind.choices(Some(&self.content.text.answers));
        parts.extend(choices.iter().map(|c| format!("{}.", c.label)));
        parts.extend(self.how_to_answer(&item.kind));
        parts.extend(self.at_cursor(&item.kind, &choices));
        if let Some(answer) = self.session.get(&item.id) {
            let answer = answer.display(&item.kind, &self.content);
            parts.push(fill(
                &self.content.text.aloud.chosen,
                &[("answer", &answer)],
            ));
        }
        parts
    }

    /// The answer or place the cursor is on, or what is typed so far.
    fn at_cursor(&self, kind: &Kind, choices: &[Choice]) -> Option<String> {
        let w = &self.content.text.aloud;
        let (template, answer) = match &self.editor {
            Editor::Choice { cursor: Some(c) } => (&w.cursor, choices.get(*c)?.label.clone()),
            Editor::Body { cursor, .. } => {
                let region = self.content.regions.regions.get(*cursor)?;
                (&w.cursor, region.spoken(&self.body_words()))
            }
            Editor::Duration { input, unit } => {
                let amount = input.value().trim().parse().ok()?;
                let typed = Answer::Duration {
                    amount,
                    unit: *unit,
                };
                (&w.typed, typed.display(kind, &self.content))
            }
            Editor::Number { input } | Editor::Text { input, .. } => {
                let typed = input.value().trim();
                (&w.typed, (!typed.is_empty()).then(|| typed.to_string())?)
            }
            _ => return None,
        };
        Some(fill(template, &[("answer", &answer)]))
    }

    /// How to give an answer of `kind`, with the keys that give it here.
    fn how_to_answer(&self, kind: &Kind) -> Option<String> {
        let w = &self.content.text.aloud;
        let said = match kind {
            Kind::Info => return None,
            Kind::YesNo | Kind::Side | Kind::Single { .. } => self.said(&w.choose_one, &[]),
            Kind::Multi { .. } => self.said(&w.choose_some, &[]),
            Kind::Scale { min, max, .. } => {
                let (min, max) = (min.to_string(), max.to_string());
                self.said(&w.scale, &[("min", &min), ("max", &max)])
            }
            Kind::Number { min, max, unit, .. } => {
                let (min, max) = (min.to_string(), max.to_string());
                self.said(&w.number, &[("min", &min), ("max", &max), ("unit", unit)])
            }
            Kind::Duration { .. } => self.said(&w.duration, &[]),
            Kind::Text { .. } => self.said(&w.text, &[]),
            Kind::BodyMap => self.said(&w.body, &[]),
        };
        Some(said)
    }

    /// `template` with its keys said as they are bound where the keyboard is.
    fn said(&self, template: &str, values: &[(&str, &str)]) -> String {
        self.keyed_aloud(template, self.focus(), values)
    }
}
