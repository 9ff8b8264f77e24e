//! Practice mode: the cases agree with the findings rules, scoring, and a
//! scripted session from the patient's opening words to the debrief, on the
//! one app: practice is a mode of it, with its screens, dialogs and host.

mod common;

use intake::content::Content;
use std::fs;

use common::Harness;
use insta::assert_snapshot;
use intake::answers::{Answer, Side};
use intake::content;
use intake::findings::{Rules, evaluate};
use intake::practice::{Case, Voices};
use intake::tui::app::{App, Effect, Pick, Practice, Screen};
use intake::tui::message::{Focus, Msg};
use intake::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

fn cases() -> Vec<(String, Case)> {
    let q = content::questionnaire();
    let mut out: Vec<(String, Case)> = fs::read_dir("cases")
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.display().to_string();
            let case = Case::parse(&name, &fs::read_to_string(&p).unwrap(), &q)
                .unwrap_or_else(|e| panic!("{e}"));
            (name, case)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn twelve_cases_cover_the_issue() {
    let ids: Vec<String> = cases().into_iter().map(|(_, c)| c.id).collect();
    for wanted in [
        "l4-radiculopathy",
        "l5-radiculopathy",
        "s1-radiculopathy",
        "cauda-equina",
        "mechanical-back-pain",
        "c6-radiculopathy",
        "c5-radiculopathy",
        "mixed-picture",
        "post-operative",
        "cancer-warning-signs",
        "infection-warning-signs",
        "l2-radiculopathy",
    ] {
        assert!(
            ids.iter().any(|i| i == wanted),
            "{wanted} missing from {ids:?}"
        );
    }
}

#[test]
fn the_cases_teach_every_root_the_rules_offer_and_both_sides() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut levels = std::collections::BTreeSet::new();
    let mut sides = std::collections::BTreeSet::new();
    for (_, case) in cases() {
        let f = evaluate(&q, &case.session(&q), &rules, &Content::builtin());
        if let Some(root) = f.roots.first().filter(|_| case.key.level != "none") {
            levels.insert(root.level.clone());
            sides.insert(format!("{:?}", root.side));
        }
    }
    for level in &rules.practice.levels {
        assert!(
            levels.contains(level),
            "no case teaches {level}: {levels:?}"
        );
    }
    for side in ["Some(Left)", "Some(Right)"] {
        assert!(sides.contains(side), "no case on the {side}: {sides:?}");
    }
}

#[test]
fn every_case_speaks_every_item_in_its_own_words() {
    let voices = Voices::builtin();
    for (name, case) in cases() {
        for id in case.says.keys() {
            // Asked twice, every patient gives the real answer, perhaps
            // with a hedge or a worry.
            let reply = case.reply(id, 2, voices);
            assert!(reply.contains(case.says[id].as_str()), "{name}: {reply}");
        }
        assert_ne!(case.reply("topic.opening", 1, voices), voices.not_sure);
        assert!(
            case.script.len() >= 5,
            "{name}: ideas, concerns, expectations, work, home"
        );
    }
}

#[test]
fn every_patient_agrees_with_a_summary_and_closes_plausibly() {
    let voices = Voices::builtin();
    for (name, case) in cases() {
        for id in ["topic.summary", "topic.closing"] {
            let reply = case.reply(id, 1, voices);
            assert!(
                reply.contains(&voices.unscripted[id]),
                "{name}: {id}: {reply}"
            );
        }
    }
}

/// A vague first answer is for the ordinary items: a topic, or a warning
/// sign ("I can't really remember. No."), is answered the first time.
#[test]
fn no_patient_answers_a_topic_or_a_warning_sign_vaguely_at_first() {
    let q = content::questionnaire();
    let voices = Voices::builtin();
    let warning = q.items().filter(|i| i.red_flag).map(|i| i.id.clone());
    let topics = voices.topics.iter().chain(voices.unscripted.keys());
    let ids: Vec<String> = warning.chain(topics.cloned()).collect();
    for (name, case) in cases() {
        for personality in voices.voices.keys() {
            let mut case = case.clone();
            case.personality = *personality;
            for id in &ids {
                let first = case.reply(id, 1, voices);
                assert_eq!(
                    first,
                    case.reply(id, 2, voices),
                    "{name} as {personality:?}: {id}"
                );
            }
        }
    }
}

#[test]
fn the_bowels_are_answered_in_words_an_open_question_fits() {
    let voices = Voices::builtin();
    for (name, case) in cases() {
        let reply = case.reply("rf_bowel", 2, voices);
        assert!(
            words(&reply).len() > 2,
            "{name}: \"{reply}\" to \"how are your bowels?\""
        );
    }
}

#[test]
fn a_case_that_leaves_an_item_unspoken_or_volunteers_a_warning_sign_fails() {
    let q = content::questionnaire();
    let good = fs::read_to_string("cases/l5-radiculopathy.ron").unwrap();
    let spoken = "        \"rf_fever\": \"No fevers.\",\n";
    assert!(good.contains(spoken));
    for (from, to, message) in [
        (spoken, "", "says nothing to \"rf_fever\""),
        (
            "foot keeps catching on the stairs.",
            "foot keeps catching, and I've wet myself.",
            "the opening words mention \"wet myself\"",
        ),
        (
            "\"tingling\": \"Yes, pins",
            "\"tingling\": \"Yes, and a Fever, pins",
            "what is said to \"tingling\" mention \"fever\"",
        ),
        (
            "\"topic.home\":",
            "\"topic.hobbies\":",
            "unknown topic \"topic.hobbies\"",
        ),
        // A warning sign said in answer to another warning sign's question
        // is volunteered all the same.
        (
            "\"rf_bowel\": \"My bowels are fine.",
            "\"rf_bowel\": \"My bowels are fine, and my bladder.",
            "what is said to \"rf_bowel\" mention \"bladder\"",
        ),
        (
            "\"rf_cancer\": \"No, never.\"",
            "\"rf_cancer\": \"No, never. I've had night sweats though.\"",
            "what is said to \"rf_cancer\" mention \"sweats\"",
        ),
        // The scripted topics are not warning signs, nor say one without
        // its name: a past illness come back is named all the same.
        (
            "\"topic.concerns\": \"That the foot",
            "\"topic.concerns\": \"That it's come back. That the foot",
            "what is said to \"topic.concerns\" mention \"it's come back\"",
        ),
        (
            "I'm a postman,",
            "I'm a postman, off sick since the chemo,",
            "what is said to \"topic.work\" mention \"chemo\"",
        ),
        (
            "\"tried\": \"Ibuprofen,",
            "\"tried\": \"Steroids, ibuprofen,",
            "what is said to \"tried\" mention \"steroids\"",
        ),
    ] {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "{from}");
        let e = Case::parse("c.ron", &bad, &q).unwrap_err().to_string();
        assert!(e.contains(message), "{e}");
        assert!(e.starts_with("c.ron:"), "{e}");
    }
    // A warning sign said when asked for is the answer, not volunteered.
    let told = good.replacen(
        "\"rf_fever\": \"No fevers.\"",
        "\"rf_fever\": \"No fever.\"",
        1,
    );
    assert!(Case::parse("c.ron", &told, &q).is_ok());
    // Where a warning word has an everyday meaning in another answer, the
    // personalities file allows it there: an injury onset's accident, a
    // steroid injection among the treatments tried.
    for (from, to) in [
        (
            "I was lifting a box",
            "It was an accident: I was lifting a box",
        ),
        (
            "\"tried\": \"Ibuprofen,",
            "\"tried\": \"A steroid injection, ibuprofen,",
        ),
    ] {
        let fine = good.replacen(from, to, 1);
        assert_ne!(fine, good, "{from}");
        Case::parse("c.ron", &fine, &q).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_warning_words_belong_to_warning_signs_and_their_exceptions_to_items() {
    let q = content::questionnaire();
    let voices = Voices::builtin();
    for group in &voices.warning_words {
        for id in &group.items {
            assert!(
                q.item(id).is_some_and(|i| i.red_flag),
                "{id}: not a warning sign"
            );
        }
    }
    for (word, ids) in &voices.also_said_in {
        assert!(
            voices.warning_words.iter().any(|g| g.words.contains(word)),
            "{word}: not a warning word"
        );
        for id in ids {
            assert!(
                q.item(id).is_some_and(|i| !i.red_flag) || voices.topics.contains(id),
                "{word}: {id} is not an everyday item or topic"
            );
        }
    }
}

#[test]
fn every_case_key_agrees_with_what_the_rules_find_in_its_answers() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for (name, case) in cases() {
        let source = fs::read_to_string(&name).unwrap();
        case.check_key(&name, &source, &q, &rules, &Content::builtin())
            .unwrap_or_else(|e| panic!("{e}"));
        let f = evaluate(&q, &case.session(&q), &rules, &Content::builtin());
        let urgent = f
            .flags
            .iter()
            .any(|x| x.level <= intake::findings::Level::Urgent);
        assert_eq!(urgent, case.key.red_flags, "{name}: red flags");
        if case.key.level != "none" {
            assert_eq!(
                f.roots.first().map(|r| r.level.as_str()),
                Some(case.key.level.as_str()),
                "{name}: level"
            );
        }
        // The key is the first step the rules give: the debrief shows them
        // side by side, and a trainee who picks the rules' first must be right.
        assert_eq!(
            f.steps.first().map(|s| s.id.as_str()),
            Some(case.key.next_step.as_str()),
            "{name}: next step"
        );
        assert!(
            rules.steps.iter().any(|s| s.id == case.key.next_step),
            "{name}"
        );
        // The trainee can give the key's impression.
        let p = &rules.practice;
        assert!(
            case.key.level == "none" || p.levels.contains(&case.key.level),
            "{name}"
        );
        assert!(
            p.steps.iter().any(|(id, _)| *id == case.key.next_step),
            "{name}"
        );
    }
}

#[test]
fn validate_checks_cases_against_the_questionnaire() {
    let bin = env!("CARGO_BIN_EXE_intake");
    let ok = std::process::Command::new(bin)
        .arg("validate")
        .args(fs::read_dir("cases").unwrap().map(|e| e.unwrap().path()))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let q = content::questionnaire();
    let good = fs::read_to_string("cases/l5-radiculopathy.ron").unwrap();
    for (from, to, message) in [
        (
            "\"onset\": Choice(\"lifting\")",
            "\"onset\": Choice(\"lifted\")",
            "there is no option \"lifted\"",
        ),
        (
            "\"left_big_toe\": [Numbness, Weakness]",
            "\"left_big_toes\": [Numbness]",
            "unknown body region \"left_big_toes\"",
        ),
        (
            "essential: [",
            "essential: [\"pain_level\", ",
            "unknown item \"pain_level\"",
        ),
        (
            "\"rf_fever\": YesNo(false),",
            "",
            "no answer to \"rf_fever\"",
        ),
        (
            "side: \"left\"",
            "side: \"lefty\"",
            "the key's side \"lefty\" is not one of left, right, both, none",
        ),
    ] {
        let bad = good.replacen(from, to, 1);
        let e = Case::parse("c.ron", &bad, &q).unwrap_err().to_string();
        assert!(e.contains(message), "{e}");
        assert!(e.starts_with("c.ron:"), "{e}");
    }
    // An educator's case whose key is not what the rules conclude fails
    // `intake validate`, at the key's field.
    let dir = std::env::temp_dir().join(format!("intake-key-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    for (from, to, field, message) in [
        (
            "level: \"L5\"",
            "level: \"S1\"",
            "level:",
            "first root level is \"L5\"",
        ),
        (
            "red_flags: false",
            "red_flags: true",
            "red_flags:",
            "no urgent warning sign",
        ),
        (
            "side: \"left\"",
            "side: \"right\"",
            "side:",
            "the findings rules' first root is on \"left\"",
        ),
        (
            "next_step: \"",
            "next_step: \"x",
            "next_step:",
            "the key says next_step \"x",
        ),
    ] {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "{from}");
        let path = dir.join("my-case.ron");
        fs::write(&path, &bad).unwrap();
        let out = std::process::Command::new(bin)
            .arg("validate")
            .arg(&path)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{from}");
        let e = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(e.contains(message), "{e}");
        let key = bad.find("key:").unwrap();
        let at = key + bad[key..].find(field).unwrap();
        let line = bad[..at].lines().count() + usize::from(bad[..at].ends_with('\n'));
        let col = at - bad[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
        let place = format!("{}:{line}:{col}", path.display());
        assert!(e.contains(&place), "{place}: {e}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn warning_signs_are_always_essential() {
    let q = content::questionnaire();
    let (_, case) = cases()
        .into_iter()
        .find(|(_, c)| c.id == "l5-radiculopathy")
        .unwrap();
    let essential: Vec<String> = case.essential(&q).iter().map(|i| i.id.clone()).collect();
    assert!(essential.contains(&"rf_bladder".to_string()));
    assert!(essential.contains(&"foot_drop".to_string()));
}

/// The case `id` of cases/ on an 80 x 24 practice screen.
fn practice(id: &str, manual: bool) -> Harness {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let (_, case) = cases().into_iter().find(|(_, c)| c.id == id).unwrap();
    let area = Rect::new(0, 0, 80, 24);
    Harness {
        app: App::practice(q, rules, case, manual, Theme::mono(), area),
        terminal: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    }
}

fn state(h: &Harness) -> &Practice {
    h.app.practice.as_deref().unwrap()
}

/// Asks item `id` from the list of questions (a hint): opens the list,
/// puts its cursor on the item and presses Enter; guided, that goes back
/// to typing (recording by hand, the list stays for Enter to record).
fn ask(h: &mut Harness, id: &str) {
    let n = h.app.interview_items().iter().position(|i| i.id == id);
    if !matches!(state(h).pick, Some(Pick::List(_))) {
        h.key(KeyCode::F(5));
    }
    h.app.practice.as_deref_mut().unwrap().pick = Some(Pick::List(n.unwrap()));
    h.enter();
}

/// The debrief as the Markdown file has it.
fn debrief_markdown(h: &Harness) -> String {
    intake::export::markdown::view(state(h).debrief.as_ref().unwrap(), &h.app.content)
}

#[test]
fn a_scripted_practice_session_from_the_opening_words_to_the_debrief() {
    let q = content::questionnaire();
    let mut h = practice("l5-radiculopathy", false);
    h.app.clock = || 1_000;
    let intro = h.screen();
    assert!(intro.contains("Daniel Mercer, 42 years old"), "{intro}");
    h.enter();
    assert_eq!(h.app.screen, Screen::Interview);
    h.app.clock = || 1_000 + 7 * 60 + 5;

    // Ask whatever matters for this patient, in the trainee's own order.
    for id in [
        "leg_spread",
        "body_map",
        "leg_weak",
        "heel_walk",
        "foot_drop",
        "big_toe",
        "numbness",
    ] {
        ask(&mut h, id);
    }
    let screen = h.screen();
    // The patient answers in their own words, not the option's.
    assert!(
        screen.contains("Patient: \"Yes, the top of my left"),
        "{screen}"
    );
    assert_eq!(h.answer("foot_drop"), Some(&Answer::Side(Side::Left)));
    assert_snapshot!("practice_interview_80x24", screen);
    // Every warning sign but one.
    for item in q.items().filter(|i| i.red_flag && i.id != "rf_steroids") {
        ask(&mut h, &item.id);
    }

    // The impression: no warning signs, L5, prompt review.
    h.key(KeyCode::F(7));
    // Enter alone picks nothing: the trainee must point at an answer.
    h.enter();
    assert_eq!(h.app.screen, Screen::Impression(0));
    assert!(h.screen().contains("Choose an answer with"));
    h.key(KeyCode::Down); // Yes
    h.key(KeyCode::Down); // No
    h.enter();
    let levels = &state(&h).interview.questions[1].choices;
    let n = levels.iter().position(|(id, _)| id == "L5").unwrap();
    for _ in 0..=n {
        h.key(KeyCode::Down); // none ... L5
    }
    h.enter();
    let sides = &state(&h).interview.questions[2].choices;
    let n = sides.iter().position(|(id, _)| id == "left").unwrap();
    for _ in 0..=n {
        h.key(KeyCode::Down);
    }
    h.enter();
    let steps = &state(&h).interview.questions[3].choices;
    let n = steps
        .iter()
        .position(|(id, _)| id == "compression")
        .unwrap();
    for _ in 0..=n {
        h.key(KeyCode::Down);
    }
    h.enter();
    // Then why, in the trainee's words, in a text box.
    assert_eq!(h.app.screen, Screen::Reasoning);
    assert_eq!(h.app.focus(), Focus::Text);
    h.keys("Weak big toe and heel walking on the left: L5.");
    h.enter();
    assert_eq!(h.app.screen, Screen::Debrief);
    assert_eq!(
        state(&h).interview.reasoning,
        "Weak big toe and heel walking on the left: L5."
    );
    let d = state(&h).scored.clone().unwrap();
    // One warning sign unasked: "no warning signs" is not right.
    let right = Some(true);
    assert_eq!(
        ["red_flags", "level", "side", "next_step"].map(|id| d.right("impression", id)),
        [Some(false), right, right, right],
        "{d:?}"
    );
    assert_eq!(d.missed_warning_signs(), ["rf_steroids"]);
    assert_eq!(d.seconds, 425);
    let md = debrief_markdown(&h);
    assert!(
        md.contains("**Missed: Any long-term oral steroids?**"),
        "{md}"
    );
    assert!(md.contains("Time taken: 7 min 5 s"));
    assert_snapshot!("practice_debrief_80x24", h.screen());

    // The debrief is saved as Markdown, privately, by the one host.
    let dir = std::env::temp_dir().join(format!("intake-practice-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    // Reaching it kept it, with its scores, in the student's history.
    let history = dir.join("history");
    let mut host = intake::tui::Host::practice(dir.clone(), history.clone());
    assert!(matches!(
        h.app.effects.as_slice(),
        [Effect::KeepDebrief { .. }]
    ));
    assert!(!host.apply_or_report(&mut h.app));
    let (records, _) = intake::practice::history::load(&history).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].total, state(&h).scored.as_ref().unwrap().total());
    let kept = fs::read_dir(&history).unwrap().map(|e| e.unwrap().path());
    let kept: Vec<_> = kept.filter(|p| p.extension().unwrap() == "md").collect();
    assert_eq!(fs::read_to_string(&kept[0]).unwrap(), md);
    h.key(KeyCode::Char('e'));
    assert!(matches!(
        h.app.effects.as_slice(),
        [Effect::SaveDebrief { .. }]
    ));
    assert!(!host.apply_or_report(&mut h.app));
    let saved: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert!(h.screen().contains("Saved "), "{:?}", h.app.notice);
    assert_eq!(fs::read_to_string(&saved[0]).unwrap(), md);
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&fs::metadata(&saved[0]).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    fs::remove_dir_all(&dir).unwrap();

    h.key(KeyCode::Esc);
    assert!(!h.app.running());
}

#[test]
fn interviewer_mode_shows_the_interviewer_wording_and_why() {
    let mut h = common::Harness::new(80, 24);
    h.app.interviewer = true;
    h.goto("rf_saddle");
    let screen = h.screen();
    assert!(
        screen.contains("Any numbness in the groin, between the legs or around the back passage?"),
        "{screen}"
    );
    assert!(screen.contains("Why we ask"), "{screen}");
}

#[test]
fn recording_by_hand_uses_the_questionnaire_screens_and_the_debrief_checks_it() {
    let mut h = practice("l5-radiculopathy", true);
    h.enter();

    // Ask how it began: the reply shows, nothing is recorded yet.
    ask(&mut h, "onset");
    assert!(h.answer("onset").is_none());
    assert!(h.screen().contains("Press Enter again to record"));
    // Enter again opens the questionnaire's screen, in interviewer wording.
    h.enter();
    assert!(matches!(h.app.screen, Screen::Item(_)));
    assert!(h.screen().contains("How did it begin?"));
    h.key(KeyCode::Down);
    h.key(KeyCode::Down); // "Suddenly, while lifting..."
    h.enter();
    assert_eq!(
        h.app.screen,
        Screen::Interview,
        "leaving the item ends the recording"
    );
    assert_eq!(h.answer("onset"), Some(&Answer::Choice("lifting".into())));

    // The age, typed into the item's own field (letters are text there).
    ask(&mut h, "age");
    h.enter();
    assert_eq!(h.app.focus(), Focus::Text);
    h.keys("24");
    h.enter();
    assert_eq!(h.answer("age"), Some(&Answer::Number(24.0)));

    // Esc while recording cancels without changing anything.
    ask(&mut h, "before");
    h.enter();
    h.key(KeyCode::Esc);
    assert_eq!(h.app.screen, Screen::Interview);
    assert!(h.answer("before").is_none());
    // An answer changed on the item screen is put back as it was.
    ask(&mut h, "onset"); // asked before: Enter records
    h.key(KeyCode::Down);
    h.key(KeyCode::Char(' '));
    assert_ne!(h.answer("onset"), Some(&Answer::Choice("lifting".into())));
    h.key(KeyCode::Esc);
    assert_eq!(h.answer("onset"), Some(&Answer::Choice("lifting".into())));

    h.key(KeyCode::F(7));
    for _ in 0..4 {
        h.key(KeyCode::Down);
        h.enter();
    }
    h.enter(); // no reasoning
    assert_eq!(h.app.screen, Screen::Debrief);
    let md = debrief_markdown(&h);
    // Onset right, age wrong (the patient is 42), "before" never recorded.
    assert!(
        md.contains("Answers recorded as the patient gave them: 1 of 3."),
        "{md}"
    );
    assert!(
        md.contains(
            "**Recorded differently: How old are you? (the patient said \"I'm forty-two.\")**"
        ),
        "{md}"
    );
}

/// The tiny questionnaire and its case: no findings rules, so the
/// impression has nothing to ask.
fn tiny_practice() -> Harness {
    let q =
        intake::questionnaire::load_file(std::path::Path::new("tests/fixtures/tiny.ron")).unwrap();
    let source = fs::read_to_string("tests/fixtures/tiny-case.ron").unwrap();
    let case = Case::parse("tiny-case.ron", &source, &q).unwrap();
    let rules = Rules::none(&q);
    let area = Rect::new(0, 0, 80, 24);
    Harness {
        app: App::practice(q, rules, case, false, Theme::mono(), area),
        terminal: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    }
}

#[test]
fn a_questionnaire_without_findings_rules_practises_to_the_debrief() {
    let mut h = tiny_practice();
    h.enter();
    // Without phrasings typed questions cannot be matched: the list asks,
    // and the screen says so.
    assert!(h.screen().contains("at no cost"));
    h.keys("does it hurt?");
    h.enter(); // the list opens
    h.enter(); // ask the first question
    h.key(KeyCode::F(7));
    // Nothing to choose from: no question is asked, none panics.
    for _ in 0..3 {
        h.key(KeyCode::Down);
        h.enter();
    }
    assert_eq!(h.app.screen, Screen::Debrief);
    let d = state(&h).scored.clone().unwrap();
    // Nothing was asked, so nothing in the impression is marked.
    assert!(d.skill("impression").unwrap().points.is_empty());
    h.key(KeyCode::Home); // the Downs scrolled the debrief
    let screen = h.screen();
    assert!(screen.contains("Questions asked: 1."), "{screen}");
    assert!(!screen.contains("Warning signs: you said"), "{screen}");
    // No rules, so no heading over findings that are not there.
    let debrief = state(&h).debrief.clone().unwrap();
    let words = &intake::text::Text::builtin().practice;
    assert!(debrief.sections.iter().all(|s| s.heading != words.findings));
}

/// A whole interview as messages through the one app's `update`, with no
/// terminal: the trainee asks every essential question and gives the key's
/// impression.
#[test]
fn a_whole_practice_interview_runs_through_update_to_the_debrief() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let (_, case) = cases()
        .into_iter()
        .find(|(_, c)| c.id == "cauda-equina")
        .unwrap();
    let essential: Vec<String> = case.essential(&q).iter().map(|i| i.id.clone()).collect();
    let key = case.key.clone();
    let area = Rect::new(0, 0, 100, 30);
    let mut app = App::practice(q, rules, case, false, Theme::mono(), area);
    app.update(Msg::Confirm);
    // Each essential question from the list: Enter asks it and goes back
    // to the conversation, where the reply shows.
    let items: Vec<String> = app.interview_items().iter().map(|i| i.id.clone()).collect();
    for (n, id) in items.iter().enumerate() {
        if essential.contains(id) {
            app.update(Msg::QuestionList);
            app.update(Msg::Home);
            (0..n).for_each(|_| app.update(Msg::Down));
            app.update(Msg::Confirm);
            let p = app.practice.as_deref().unwrap();
            assert!(p.pick.is_none() && p.interview.was_asked(id));
        }
    }
    app.update(Msg::Impression);
    let questions = app.practice.as_deref().unwrap().interview.questions.clone();
    let wanted = [
        if key.red_flags { "yes" } else { "no" },
        key.level.as_str(),
        key.side.as_str(),
        key.next_step.as_str(),
    ];
    for (question, value) in questions.iter().zip(wanted) {
        let at = question
            .choices
            .iter()
            .position(|(v, _)| v == value)
            .unwrap();
        for _ in 0..=at {
            app.update(Msg::Down);
        }
        app.update(Msg::Confirm);
    }
    assert_eq!(app.screen, Screen::Reasoning);
    app.update(Msg::Confirm);
    assert_eq!(app.screen, Screen::Debrief);
    let p = app.practice.as_deref().unwrap();
    let d = p.scored.clone().unwrap();
    assert!(d.missed_warning_signs().is_empty(), "{d:?}");
    // The impression in full; every question asked was asked from the
    // list, so each counts a hint's share (the rest:
    // tests/practice_scoring.rs).
    let impression = d.skill("impression").unwrap();
    assert_eq!(impression.got, impression.of, "{d:?}");
    let history = d.skill("history").unwrap();
    let hint = f64::from(intake::practice::Scoring::builtin().hint) / 100.0;
    let listed = history.points.iter().filter(|p| p.said.is_none()).count() as f64;
    let share = listed * hint / history.points.len() as f64;
    let want = (f64::from(history.of) * share).round() as u32;
    assert_eq!(history.got, want, "{d:?}");
    // The debrief shows what the rules find, as the summary words it.
    let text = intake::export::markdown::view(p.debrief.as_ref().unwrap(), &app.content);
    let banner = &intake::text::Text::builtin()
        .report
        .clinician
        .banners
        .emergency;
    assert!(text.contains(banner.as_str()), "{text}");
    // The answers were recorded as the patient gave them, nobody alerted;
    // the debrief alone goes to the student's history.
    assert!(app.alert.is_none());
    match app.effects.as_slice() {
        [Effect::KeepDebrief { record, text: md }] => {
            assert_eq!(record.total, d.total());
            assert_eq!(record.case, p.interview.case.id);
            assert_eq!(*md, text);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(app.screen, Screen::Debrief);
}

/// The impression's choices answer a click, as every list does.
#[test]
fn a_click_on_an_impression_choice_chooses_it() {
    let mut h = practice("l5-radiculopathy", false);
    h.enter(); // past the opening words
    h.key(KeyCode::F(7));
    assert_eq!(h.app.screen, Screen::Impression(0));
    let (x, y) = h.find("No");
    h.app.update(Msg::Click { column: x, row: y });
    assert_eq!(h.app.screen, Screen::Impression(1));
    assert_eq!(state(&h).interview.impression.red_flags, Some(false));
    // A click beside the list chooses nothing.
    h.app.update(Msg::Click { column: 1, row: 22 });
    assert_eq!(h.app.screen, Screen::Impression(1));
}

#[test]
fn the_personalities_file_validates_and_a_mistake_in_it_is_placed() {
    let path = intake::practice::PERSONALITIES_PATH;
    let ok = intake::check::check_file(std::path::Path::new(path)).unwrap();
    assert!(ok.contains("ok (practice personalities: 4 voices"), "{ok}");
    let good = fs::read_to_string(path).unwrap();
    let bad = good.replacen("Anxious: Voice(", "Anxous: Voice(", 1);
    let e = Voices::parse("p.ron", &bad).unwrap_err().to_string();
    assert!(e.starts_with("p.ron:") && e.contains("Anxous"), "{e}");
}

/// What a patient says agrees with their answer where words can show it, as
/// written and as their personality says it: a yes does not open with a no
/// nor a no with a yes, a side is named and the other side is not, and both
/// sides are said as both or each.
#[test]
fn what_each_patient_says_agrees_with_their_answers() {
    let voices = Voices::builtin();
    let first = |p| {
        voices
            .voices
            .get(&p)
            .map(|v| v.first.clone())
            .unwrap_or_default()
    };
    for (name, case) in cases() {
        let vague = first(case.personality);
        for id in case.says.keys() {
            for times in [1, 2] {
                let said = case.reply(id, times, voices);
                if vague.contains(&said) {
                    continue; // a poor historian's "I can't remember"
                }
                let named = |w: &str| words(&said).iter().any(|x| x == w);
                let ok = match case.answers.get(id) {
                    Some(Answer::YesNo(true)) => opens_with(&said, DISAGREEING).is_none(),
                    Some(Answer::YesNo(false)) => opens_with(&said, AGREEING).is_none(),
                    Some(Answer::Side(Side::Left)) => one_side(&said, "left", "right"),
                    Some(Answer::Side(Side::Right)) => one_side(&said, "right", "left"),
                    Some(Answer::Side(Side::Both)) => named("both") || named("each"),
                    _ => true,
                };
                assert!(
                    ok,
                    "{name}: {id} is {:?}, said \"{said}\"",
                    case.answers.get(id)
                );
            }
        }
    }
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `said` names `side` as affected, and names `other` only as unaffected
/// ("the right one is fine"), clause by clause.
fn one_side(said: &str, side: &str, other: &str) -> bool {
    const FINE: &[&str] = &["fine", "normal", "ok", "okay", "alright", "strong", "good"];
    let clauses: Vec<Vec<String>> = said.split([',', ';', '.', ':']).map(words).collect();
    let names = |c: &Vec<String>, w: &str| c.iter().any(|x| x == w);
    clauses.iter().any(|c| names(c, side))
        && clauses
            .iter()
            .filter(|c| names(c, other))
            .all(|c| c.iter().any(|w| FINE.contains(&w.as_str())))
}

/// Openers that say yes or no by themselves: a personality's words before a
/// yes/no answer must not start with the opposite of what the patient means.
const AGREEING: &[&str] = &[
    "yes",
    "yeah",
    "yep",
    "i think so",
    "i suppose",
    "i guess",
    "probably",
    "maybe",
    "sure",
    "definitely",
    "i do",
    "it does",
    "it is",
    "i have",
];
const DISAGREEING: &[&str] = &[
    "no",
    "nope",
    "not really",
    "i don't think so",
    "i dont think so",
    "never",
    "nothing",
    "i don't",
    "it doesn't",
    "i haven't",
];

fn opens_with(reply: &str, openers: &[&str]) -> Option<String> {
    let lower = reply.to_lowercase();
    openers
        .iter()
        .find(|o| {
            lower.starts_with(*o) && !lower[o.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map(|o| o.to_string())
}

#[test]
fn no_personality_contradicts_a_yes_or_no_answer() {
    let voices = Voices::builtin();
    for (name, case) in cases() {
        for personality in voices.voices.keys() {
            let mut case = case.clone();
            case.personality = *personality;
            for (id, answer) in &case.answers {
                let Answer::YesNo(yes) = answer else { continue };
                for times in [1, 2] {
                    let reply = case.reply(id, times, voices);
                    let wrong = if *yes { DISAGREEING } else { AGREEING };
                    assert_eq!(
                        opens_with(&reply, wrong),
                        None,
                        "{name} as {personality:?}: {id} is {yes}, said \"{reply}\""
                    );
                }
            }
        }
    }
}

#[test]
fn every_line_of_every_voice_can_be_said() {
    let q = content::questionnaire();
    let voices = Voices::builtin();
    let ids: Vec<&str> = q.items().map(|i| i.id.as_str()).collect();
    for (personality, voice) in &voices.voices {
        let case = Case {
            personality: *personality,
            says: ids
                .iter()
                .map(|id| (id.to_string(), "S.".to_string()))
                .collect(),
            ..cases().remove(0).1
        };
        let said: Vec<String> = ids.iter().map(|id| case.reply(id, 1, voices)).collect();
        for line in &voice.before {
            assert!(
                said.iter().any(|s| s.starts_with(line.as_str())),
                "{personality:?}: {line}"
            );
        }
        for line in &voice.after {
            assert!(
                said.iter().any(|s| s.ends_with(line.as_str())),
                "{personality:?}: {line}"
            );
        }
        for line in &voice.first {
            assert!(said.contains(line), "{personality:?}: {line}");
        }
    }
}

/// Typed while "Did you mean" is open, a letter, Space, Backspace or a
/// paste is nothing: only the list's own keys answer it.
#[test]
fn keys_typed_while_did_you_mean_is_open_choose_nothing() {
    let mut h = practice("l5-radiculopathy", false);
    h.enter();
    h.keys("anything else about your leg?");
    h.enter();
    assert!(matches!(state(&h).pick, Some(Pick::Meant(0))));
    let turns = state(&h).interview.turns.len();
    h.keys("which leg is it? ");
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Left);
    h.key(KeyCode::F(7));
    h.app.update(Msg::Paste("which leg".into()));
    let p = state(&h);
    assert_eq!(h.app.screen, Screen::Interview);
    assert!(matches!(p.pick, Some(Pick::Meant(_))), "{:?}", p.pick);
    assert!(p.interview.pending.is_some());
    assert_eq!(p.interview.turns.len(), turns);
    // The list's keys still answer: Down, then Enter asks the second.
    h.key(KeyCode::Home);
    h.key(KeyCode::Down);
    let second = state(&h).interview.pending.as_ref().unwrap().candidates[1].clone();
    h.enter();
    assert!(state(&h).interview.was_asked(&second));
}

/// Pasted reasoning is held to the question box's length.
#[test]
fn pasted_reasoning_is_no_longer_than_a_typed_question() {
    let mut h = practice("l5-radiculopathy", false);
    h.enter();
    h.key(KeyCode::F(7));
    for _ in 0..4 {
        h.key(KeyCode::Down);
        h.enter();
    }
    assert_eq!(h.app.screen, Screen::Reasoning);
    h.app.update(Msg::Paste("x".repeat(5_000)));
    let typed = state(&h).reasoning.typed().unwrap().chars().count();
    assert_eq!(typed, intake::tui::app::TYPED_CHARS);
}

/// Leaving before the impression: the dialog says nothing is scored or kept.
#[test]
fn the_leave_dialog_says_leaving_early_scores_and_saves_nothing() {
    let mut h = practice("l5-radiculopathy", false);
    h.enter();
    h.key(KeyCode::Esc);
    let screen = h.screen();
    assert!(screen.contains("scores nothing"), "{screen}");
    assert!(screen.contains("saves nothing"), "{screen}");
}

/// The impression's keys: Up first points at the first choice (it chooses
/// nothing), Home and End go to the ends, going back shows the choice
/// given, and a long choice wraps whole at 80 columns.
#[test]
fn the_impression_moves_like_a_list_remembers_and_wraps() {
    let mut h = practice("l5-radiculopathy", false);
    h.enter();
    h.key(KeyCode::F(7));
    h.key(KeyCode::Up);
    assert_eq!(state(&h).choice, Some(0));
    assert_eq!(h.app.screen, Screen::Impression(0));
    h.key(KeyCode::End);
    assert_eq!(state(&h).choice, Some(1));
    h.key(KeyCode::Home);
    assert_eq!(state(&h).choice, Some(0));
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Impression(1));
    h.key(KeyCode::Left);
    assert_eq!(state(&h).choice, Some(1), "the choice given before");
    h.enter();
    for _ in 1..3 {
        h.key(KeyCode::Down);
        h.enter();
    }
    assert_eq!(h.app.screen, Screen::Impression(3));
    let screen = h.screen();
    assert!(!screen.contains('…'), "{screen}");
    let q = &state(&h).interview.questions[3];
    let (_, longest) = q.choices.iter().max_by_key(|(_, w)| w.len()).unwrap();
    let last = longest.split_whitespace().last().unwrap();
    assert!(screen.contains(last), "{last}: {screen}");
    assert_snapshot!("practice_impression_wrapped_80x24", screen);
}

/// The list of questions hides the questionnaire's sections: in the
/// alphabetical order of its wording, the warning signs are not together.
#[test]
fn the_list_of_questions_is_in_alphabetical_order() {
    let h = practice("l5-radiculopathy", false);
    let words: Vec<String> = h
        .app
        .interview_items()
        .iter()
        .map(|i| intake::text::fold(i.interviewer_prompt()))
        .collect();
    let mut sorted = words.clone();
    sorted.sort();
    assert_eq!(words, sorted);
}

/// The map (F6) is the trainee's, marking the patient's body: its own
/// title, the patient's sides, no progress, why, buttons or "leave".
#[test]
fn the_trainees_map_is_theirs_not_the_questionnaires() {
    let mut h = practice("l5-radiculopathy", false);
    h.enter();
    h.key(KeyCode::F(6));
    let screen = h.screen();
    assert!(
        screen.contains("Mark where the patient feels it"),
        "{screen}"
    );
    assert!(screen.contains("the patient's"), "{screen}");
    assert!(screen.contains("Esc back to the conversation"), "{screen}");
    for furniture in [
        "Part ",
        "Question ",
        "YOUR LEFT",
        "your own",
        "Why we ask",
        "◀ Back",
        "Next ▶",
        "Esc leave",
    ] {
        assert!(!screen.contains(furniture), "{furniture}: {screen}");
    }
    assert_snapshot!("practice_map_80x24", screen);
    // Where a Back button would be, a click does not leave the map.
    let n = h.app.map_item().unwrap();
    h.app.update(Msg::Click { column: 2, row: 21 });
    assert_eq!(h.app.screen, Screen::Item(n));
    // The keys still mark, and Esc keeps the map.
    h.key(KeyCode::Char('p'));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.screen, Screen::Interview);
    h.key(KeyCode::F(6));
    assert!(h.screen().contains("pain"));
    // A place with a side names it as the patient's.
    h.key(KeyCode::Char('/'));
    h.keys("calf");
    h.enter();
    assert!(h.screen().contains("PATIENT'S"), "{}", h.screen());
}
