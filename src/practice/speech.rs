//! What a case's patient says, and the checks that keep it teachable: speech
//! for every item that applies, scripted topics only from the known list,
//! no warning sign volunteered where the trainee did not ask for one, and
//! a key that is what the findings rules conclude.

use super::{Case, Voices};
use crate::body::BodyRegions;
use crate::diagnostic::Problems;
use crate::questionnaire::Questionnaire;

/// The side of a root as a key names it.
fn root_side(root: Option<&crate::findings::RootFinding>) -> &'static str {
    use crate::answers::Side;
    match root.and_then(|r| r.side) {
        Some(Side::Left) => "left",
        Some(Side::Right) => "right",
        Some(Side::Both) => "both",
        _ => "none",
    }
}

/// Where the key's level is, for a side the key leaves out.
fn level_at(loc: &crate::diagnostic::Locator, key: usize) -> usize {
    loc.after(key, "level:").unwrap_or(key)
}

/// The topic whose answer, unless scripted, is the case's opening words.
const OPENING: &str = "topic.opening";

impl Case {
    /// What the patient says when asked item or topic `id` for the
    /// `times_asked`th time (1 is the first), in their personality's way.
    pub fn reply(&self, id: &str, times_asked: u32, voices: &Voices) -> String {
        let said = self.says.get(id).or_else(|| self.script.get(id));
        let said = said.or((id == OPENING).then_some(&self.opening));
        let said = said.or(voices.unscripted.get(id));
        match said {
            Some(said) => voices.colour(self.personality, id, times_asked, said),
            None => voices.not_sure.clone(),
        }
    }

    pub(super) fn check_speech(&self, q: &Questionnaire, voices: &Voices, p: &mut Problems) {
        let session = self.session(q);
        let on = session.enabled(q, BodyRegions::builtin());
        for (item, on) in q.items().zip(on) {
            if on && super::askable(item) && !self.says.contains_key(&item.id) {
                let message = format!(
                    "the patient says nothing to \"{}\", which applies to the case: add it to `says`",
                    item.id
                );
                p.at("says:", message);
            }
        }
        if let Some(word) = voices.volunteered(OPENING, &self.opening) {
            p.at("opening:", volunteered(word, "the opening words"));
        }
        // Each warning sign is said only in answer to its own question; the
        // scripted topics are not warning signs.
        for (field, spoken) in [("says:", &self.says), ("script:", &self.script)] {
            for (id, said) in spoken {
                if let Some(word) = voices.volunteered(id, said) {
                    let at = key_in(p, field, id);
                    p.at_offset(at, volunteered(word, &format!("what is said to \"{id}\"")));
                }
            }
        }
        for topic in self.script.keys() {
            if !voices.topics.contains(topic) {
                let at = key_in(p, "script:", topic);
                let known = voices.topics.join(", ");
                p.at_offset(at, format!("unknown topic \"{topic}\": one of {known}"));
            }
        }
    }
}

impl Case {
    /// Whether the key is what the findings `rules` conclude from the case's
    /// answers: the warning signs, the first root level and the first next
    /// step (the debrief shows them side by side, so they must agree). An
    /// error is placed at the key's field in `source`.
    pub fn check_key(
        &self,
        path: &str,
        source: &str,
        q: &Questionnaire,
        rules: &crate::findings::Rules,
        content: &crate::content::Content,
    ) -> Result<(), crate::diagnostic::Diagnostics> {
        let f = crate::findings::evaluate(q, &self.session(q), rules, content);
        let mut problems = Problems::new(path, source);
        let (red_flags, level, side, next_step) = {
            let loc = problems.locator();
            let key = loc.after(0, "key:").unwrap_or(0);
            let field = |name: &str| loc.after(key, name).unwrap_or(key);
            let side = loc.after(key, "side:").unwrap_or(level_at(loc, key));
            (
                field("red_flags:"),
                field("level:"),
                side,
                field("next_step:"),
            )
        };
        let fix = "change the answers until the rules find the picture you mean to teach";
        let urgent = f
            .flags
            .iter()
            .any(|x| x.level <= crate::findings::Level::Urgent);
        if urgent != self.key.red_flags {
            problems.at_offset(
                red_flags,
                format!(
                    "the key says red_flags: {}, but the findings rules find {} in the answers: {fix}",
                    self.key.red_flags,
                    if urgent { "an urgent warning sign" } else { "no urgent warning sign" }
                ),
            );
        }
        let root = f.roots.first().map(|r| r.level.as_str());
        if self.key.level != "none" && root != Some(self.key.level.as_str()) {
            problems.at_offset(
                level,
                format!(
                    "the key says level \"{}\", but the findings rules' first root level is \"{}\": {fix}",
                    self.key.level,
                    root.unwrap_or("none")
                ),
            );
        }
        // Without a root level in the key there is no side to name.
        let found = if self.key.level == "none" {
            "none"
        } else {
            root_side(f.roots.first())
        };
        if self.key.side != found {
            problems.at_offset(
                side,
                format!(
                    "the key says side \"{}\", but the findings rules' first root is on \"{found}\": {fix}",
                    self.key.side
                ),
            );
        }
        let step = f.steps.first().map(|s| s.id.as_str());
        if step != Some(self.key.next_step.as_str()) {
            problems.at_offset(
                next_step,
                format!(
                    "the key says next_step \"{}\", but the findings rules' first next step is \"{}\": {fix}",
                    self.key.next_step,
                    step.unwrap_or("none")
                ),
            );
        }
        problems.into_result(())
    }
}

fn volunteered(word: &str, what: &str) -> String {
    format!(
        "{what} mention \"{word}\", a warning sign: the patient tells it only when asked its own warning-sign question"
    )
}

/// Where map key `key` is in the field `field`, for a message.
fn key_in(p: &Problems, field: &str, key: &str) -> usize {
    let loc = p.locator();
    let from = loc.after(0, field).unwrap_or(0);
    loc.key_after(from, key).unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::super::Personality;
    use super::*;

    fn case(personality: &str) -> Case {
        let source = format!(
            r#"Case(id: "t", name: "T", questionnaire: "q", opening: "My back hurts.",
            personality: {personality}, answers: {{}}, key: Key(red_flags: false,
            level: "none", next_step: "first_steps", teaching: ""),
            says: {{"onset": "I bent down to tie a shoelace.", "age": "I'm fifty-one.",
            "duration": "About a month now.", "pain_now": "Six, maybe."}},
            script: {{"topic.work": "I drive a bus."}})"#
        );
        crate::questionnaire::parse_ron("t.ron", &source).unwrap()
    }

    #[test]
    fn a_plain_patient_says_their_words_and_is_unsure_of_unscripted_topics() {
        let v = Voices::builtin();
        let c = case("Plain");
        assert_eq!(c.reply("onset", 1, v), "I bent down to tie a shoelace.");
        assert_eq!(c.reply("topic.work", 1, v), "I drive a bus.");
        assert_eq!(c.reply("topic.opening", 1, v), "My back hurts.");
        assert_eq!(c.reply("topic.ideas", 1, v), v.not_sure);
        assert_eq!(c.reply("no_such_item", 3, v), v.not_sure);
        // Unscripted, a summary is agreed with and a closing closes.
        for topic in ["topic.summary", "topic.closing"] {
            assert_eq!(c.reply(topic, 1, v), v.unscripted[topic]);
        }
    }

    #[test]
    fn a_poor_historian_answers_some_items_only_when_asked_again() {
        let v = Voices::builtin();
        let c = case("PoorHistorian");
        let first = &v.voices[&Personality::PoorHistorian].first;
        let mut vague = 0;
        for (id, said) in &c.says {
            assert_eq!(&c.reply(id, 2, v), said, "{id}: asked again");
            let once = c.reply(id, 1, v);
            if first.contains(&once) {
                vague += 1;
            } else {
                assert_eq!(&once, said);
            }
            assert_eq!(c.reply(id, 0, v), once, "0 counts as the first time");
        }
        assert!(vague > 0 && vague < c.says.len(), "{vague}");
    }

    #[test]
    fn a_vague_patient_hedges_and_an_anxious_one_adds_worries() {
        let v = Voices::builtin();
        for (p, personality) in [
            ("Vague", Personality::Vague),
            ("Anxious", Personality::Anxious),
        ] {
            let c = case(p);
            let voice = &v.voices[&personality];
            let mut coloured = 0;
            for (id, said) in &c.says {
                let reply = c.reply(id, 1, v);
                assert!(reply.contains(said.as_str()), "{p}: {reply}");
                let hedged = voice.before.iter().any(|b| reply.starts_with(b.as_str()));
                let worried = voice.after.iter().any(|a| reply.ends_with(a.as_str()));
                coloured += usize::from(hedged || worried);
            }
            assert!(coloured > 0, "{p}");
        }
    }

    #[test]
    fn warning_words_match_whole_words_in_any_case_and_accent() {
        let v = Voices::builtin();
        assert_eq!(v.warning_word("My BLADDER is fine"), Some("bladder"));
        assert_eq!(v.warning_word("pain down both   legs"), Some("both legs"));
        assert_eq!(v.warning_word("I had a féver"), Some("fever"));
        assert_eq!(v.warning_word("I speed up, then sweat a little"), None);
        assert_eq!(v.warning_word("pins and needles in my toes"), None);
    }

    #[test]
    fn the_personalities_never_volunteer_a_warning_sign_themselves() {
        let v = Voices::builtin();
        for p in [
            Personality::Plain,
            Personality::Vague,
            Personality::Anxious,
            Personality::PoorHistorian,
        ] {
            let voice = v
                .voices
                .get(&p)
                .unwrap_or_else(|| panic!("{p:?} has no voice"));
            for line in voice.before.iter().chain(&voice.after).chain(&voice.first) {
                assert_eq!(v.warning_word(line), None, "{p:?}: {line}");
            }
        }
        assert_eq!(v.warning_word(&v.not_sure), None);
    }
}
