//! A whole session in Spanish on TestBackend: the language chosen first on
//! the welcome screen (a number, the arrows, a click), every screen in
//! Spanish, and a summary whose patient's view is in Spanish and whose
//! clinician's view is in English, the clinic's language.

mod common;

use common::{Harness, answer_on_screen};
use insta::assert_snapshot;
use intake::tui::app::{Screen, SummaryTab};
use intake::tui::message::Msg;
use ratatui::crossterm::event::KeyCode;

fn offered() -> Harness {
    let mut h = Harness::new(80, 24);
    h.app = h.app.clone().with_languages(vec!["en".into(), "es".into()]);
    h
}

#[test]
fn the_welcome_screen_asks_the_language_first() {
    let mut h = offered();
    assert_snapshot!("welcome_english", h.screen());
    h.keys("2");
    assert_eq!(h.app.content.text.language, "es");
    assert_eq!(h.app.session.language.as_deref(), Some("es"));
    assert_snapshot!("welcome_spanish", h.screen());
    h.key(KeyCode::Up);
    assert_eq!(h.app.questionnaire.language, "en");
    assert_eq!(h.app.session.language, None);
    h.key(KeyCode::Down);
    assert_eq!(h.app.questionnaire.language, "es");
    let (column, row) = h.find("English");
    h.app.update(Msg::Click { column, row });
    assert_eq!(h.app.questionnaire.language, "en");
    let (column, row) = h.find("Español");
    h.app.update(Msg::Click { column, row });
    assert_eq!(h.app.questionnaire.language, "es");
    // A number with no language does nothing; Enter starts, in Spanish.
    h.keys("9");
    assert_eq!(h.app.screen, Screen::Welcome);
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("age"));
    assert!(h.screen().contains("¿Cuántos años tiene?"));
}

#[test]
fn one_language_offered_asks_nothing() {
    let mut h = Harness::new(80, 24);
    h.app = h.app.clone().with_languages(vec!["es".into()]);
    let screen = h.screen();
    assert!(!screen.contains("Idioma"), "{screen}");
    assert!(screen.contains("Esto no es un diagnóstico"), "{screen}");
}

#[test]
fn a_whole_session_in_spanish() {
    let mut h = offered();
    h.keys("2");
    h.enter();
    let mut steps = 0;
    let mut shown = Vec::new();
    while let Some(item) = h.app.current_item() {
        let id = item.id.clone();
        if ["age", "rf_bladder", "pain_now", "body_map", "onset"].contains(&id.as_str()) {
            assert_snapshot!(format!("item_{id}"), h.screen());
            shown.push(id);
        }
        answer_on_screen(&mut h);
        h.screen();
        steps += 1;
        assert!(steps < 200, "stuck on {:?}", h.current_id());
    }
    assert_eq!(shown.len(), 5, "{shown:?}");
    assert_eq!(h.app.screen, Screen::Review);
    assert_snapshot!("review", h.screen());
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Summary);
    assert_snapshot!("summary_patient", h.screen());
    let report = h.app.summary_report().into_owned();
    assert_eq!(report.patient.name, "Para usted");
    assert_eq!(report.clinician.name, "For your doctor");
    let text = format!("{report:?}");
    assert!(text.contains("Caminar al trabajo, sin dolor (in the patient's words)"));
    h.key(KeyCode::Tab);
    assert_eq!(h.app.summary_tab, SummaryTab::Clinician);
    assert_snapshot!("summary_clinician", h.screen());
    // The answers are the same ids and codes as in English.
    let q = intake::content::questionnaire();
    assert!(h.app.session.check(&q).is_empty());
}

#[test]
fn a_continued_session_comes_back_in_its_language_and_the_next_patient_in_the_first() {
    let mut h = offered();
    h.keys("2");
    h.enter();
    h.keys("52");
    h.enter();
    let earlier = h.app.session.clone();
    assert_eq!(earlier.language.as_deref(), Some("es"));
    let mut h = offered();
    assert_eq!(h.app.content.text.language, "en");
    h.app.set_session(earlier);
    assert_eq!(h.app.content.text.language, "es");
    assert!(h.app.questionnaire.title.starts_with("Dolor de espalda"));
    h.app.reset();
    assert_eq!(h.app.content.text.language, "en");
    assert_eq!(h.app.session.language, None);
}

/// Linear mode speaks the language chosen, and reads its typed words.
#[test]
fn linear_mode_in_spanish() {
    let h = Harness::new(80, 24);
    let app = h.app.with_languages(vec!["es".into()]);
    let mut l = intake::linear::Linear::new(app);
    let opening = l.start().join("\n");
    assert!(opening.contains("Modo lineal"), "{opening}");
    assert!(opening.contains("¿Cuántos años tiene?"), "{opening}");
    let told = l.input("52").join("\n");
    assert!(told.contains("Usted respondió: 52 años"), "{told}");
    assert!(told.contains("¿Dónde están los síntomas"), "{told}");
    let told = l.input("razon").join("\n");
    assert!(told.contains("Esto le dice al médico"), "{told}");
}

/// The hints line under each screen speaks the patient's language: every
/// label the built-in keymap shows has its Spanish words.
#[test]
fn every_hint_is_in_spanish() {
    use intake::tui::keymap::{HintScreen, Keymap};
    let keymap = Keymap::builtin();
    let es = intake::text::Text::builtin_in("es").unwrap();
    let en = intake::text::Text::builtin();
    let screens = [
        HintScreen::Welcome,
        HintScreen::Review,
        HintScreen::Summary,
        HintScreen::Alert,
        HintScreen::Text,
        HintScreen::Duration,
        HintScreen::Scale,
        HintScreen::Choice,
        HintScreen::Multi,
        HintScreen::Body,
        HintScreen::Find,
        HintScreen::Info,
        HintScreen::Opening,
        HintScreen::Interview,
        HintScreen::Pick,
        HintScreen::Impression,
        HintScreen::Reasoning,
        HintScreen::Debrief,
    ];
    let labels = screens
        .iter()
        .flat_map(|s| keymap.hints(*s))
        .map(|h| h.label.as_str());
    for label in labels.chain([keymap.quit_at_kiosk.as_str()]) {
        if label != "{tab}" {
            assert!(
                es.screen.hints.contains_key(label),
                "no Spanish for the hint {label:?}"
            );
            assert_eq!(en.screen.hints.get(label).map(String::as_str), Some(label));
        }
    }
    let mut h = offered();
    h.app.use_language(1);
    let rows = h.rows();
    let last = rows.last().unwrap();
    assert!(
        last.contains("empezar") && !last.contains("start"),
        "{last}"
    );
}

/// Typed on a keyboard without accents, Spanish answers still count: "si"
/// is "Sí" on a warning-sign question, "3 dias" is three days.
#[test]
fn spanish_typed_without_accents() {
    let h = Harness::new(80, 24);
    let app = h.app.with_languages(vec!["es".into()]);
    let mut l = intake::linear::Linear::new(app);
    l.start();
    l.ask_item("rf_bladder");
    let told = l.input("si").join("\n");
    assert!(told.contains("Usted respondió: Sí"), "{told}");
    l.ask_item("duration");
    let told = l.input("3 dias").join("\n");
    assert!(told.contains("Usted respondió: 3 días"), "{told}");
}

/// Linear mode offers the kiosk's languages first, each by its own name,
/// as the welcome screen does, and goes on in the one chosen.
#[test]
fn linear_mode_asks_the_language_first() {
    let h = offered();
    let mut l = intake::linear::Linear::new(h.app);
    let opening = l.start();
    // How to choose, said in each language, before the languages.
    assert_eq!(
        opening,
        [
            "Type the number of your language, then press Enter.",
            "Escriba el número de su idioma y pulse Enter.",
            "1. English",
            "2. Español"
        ]
    );
    let told = l.input("3").join("\n");
    assert!(told.contains("1. English"), "asked again: {told}");
    let told = l.input("2").join("\n");
    assert!(told.contains("Modo lineal"), "{told}");
    assert!(told.contains("¿Cuántos años tiene?"), "{told}");
}

/// The resume question says when the earlier session was left in plain
/// words of the patient's language, on the screen and in linear mode alike.
#[test]
fn the_resume_question_says_when_in_plain_words() {
    const NOW: u64 = 1_795_602_600;
    let mut h = Harness::new(80, 24);
    h.app = h.app.clone().with_languages(vec!["es".into()]);
    h.app.clock = || NOW;
    let q = h.app.questionnaire.clone();
    let mut earlier = intake::answers::Session::new(&q, NOW - 60);
    earlier
        .set(&q, "age", intake::answers::Answer::Number(52.0))
        .unwrap();
    earlier.updated = NOW - 60;
    h.app.offer_resume(earlier.clone());
    let asked = h.app.resume_question();
    assert!(asked.contains("hoy a las "), "{asked}");
    assert!(h.screen().contains("hoy a las "), "{}", h.screen());
    let mut app = Harness::new(80, 24).app.with_languages(vec!["es".into()]);
    app.clock = || NOW;
    app.offer_resume(earlier);
    let opening = intake::linear::Linear::new(app).start().join("\n");
    assert!(opening.contains(&asked.replace('\n', " ")), "{opening}");
}

/// A place and its side combine by each language's template: Spanish puts
/// the side after the place, agreeing with "lado"; English keeps YOUR LEFT.
#[test]
fn a_place_is_named_with_its_side_in_each_languages_order() {
    for (language, left, right) in [
        ("en", "YOUR LEFT calf", "YOUR RIGHT calf, outer side"),
        (
            "es",
            "pantorrilla, su lado izquierdo",
            "pantorrilla, lado de afuera, su lado derecho",
        ),
    ] {
        let content = intake::languages::content(language).unwrap();
        let spoken = |id| content.regions.get(id).unwrap().spoken(&content.text.body);
        assert_eq!(spoken("left_calf"), left);
        assert_eq!(spoken("right_calf_outer"), right);
    }
}

/// Places found by name that differ only in their side still look
/// different at 80 columns: a long name is cut in the middle, keeping the
/// side at its end in Spanish.
#[test]
fn places_found_by_name_keep_their_side_at_80_columns() {
    let mut h = offered();
    h.keys("2");
    h.enter();
    h.goto("body_map");
    h.screen();
    h.keys("/pantorrilla");
    let screen = h.screen();
    let found: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" lado"))
        .filter_map(|l| {
            l.split_once(" pantorrilla")
                .map(|(_, name)| name.trim_end())
        })
        .map(|name| name.trim_end_matches('"').trim_end())
        .collect();
    assert_eq!(found.len(), 4, "{screen}");
    let distinct: std::collections::BTreeSet<_> = found.iter().collect();
    assert_eq!(distinct.len(), 4, "two look the same:\n{screen}");
    assert!(
        found
            .iter()
            .all(|n| n.contains("lado derecho") || n.contains("lado izquierdo"))
    );
}

/// At 80 columns, in both languages and at a kiosk (where Esc starts over,
/// in longer words), the hints line shows Esc on every screen where it does
/// something: others are dropped first.
#[test]
fn the_esc_hint_is_shown_on_every_screen_at_80_columns() {
    let text = format!(
        "Kiosk(export_dir: \"/nonexistent/e\", state_dir: \"/nonexistent/s\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, staff_pin_hash: \"{}\")",
        intake::kiosk::hash_pin("1357"),
    );
    let kiosk = intake::kiosk::KioskConfig::parse("kiosk.ron", &text).unwrap();
    for at_kiosk in [false, true] {
        for language in [0, 1] {
            let mut h = offered();
            h.app.kiosk = at_kiosk.then(|| kiosk.clone());
            h.app.use_language(language);
            let items = h.app.questionnaire.items().count();
            // At a kiosk Esc does nothing on the welcome screen: no hint.
            let screens = [Screen::Review, Screen::Summary]
                .into_iter()
                .chain((!at_kiosk).then_some(Screen::Welcome))
                .chain((0..items).map(Screen::Item));
            for screen in screens {
                match screen {
                    Screen::Item(n) => h.app.open_item(n),
                    other => h.app.screen = other,
                }
                let rows = h.rows();
                let last = rows.last().unwrap();
                assert!(
                    last.contains("Esc"),
                    "{screen:?} {language} {at_kiosk}: {last}"
                );
            }
            h.goto("body_map");
            h.keys("/");
            let rows = h.rows();
            assert!(rows.last().unwrap().contains("Esc"), "find: {rows:#?}");
        }
    }
}

/// With the languages offered, the whole welcome screen fits at 80x24 in
/// both languages, the read-aloud line too: blank lines give way first.
#[test]
fn the_welcome_screen_fits_at_80x24_and_120x40_in_both_languages() {
    for (language, warning, privacy, start) in [
        (
            0,
            "This is not a diagnosis",
            "Your answers stay",
            "Press Enter to start.",
        ),
        (
            1,
            "Esto no es un diagnóstico",
            "Sus respuestas se quedan",
            "Pulse Enter para empezar.",
        ),
    ] {
        for speech in [false, true] {
            let mut h = offered();
            h.app.speech = speech;
            h.app.use_language(language);
            let screen = h.screen();
            for line in [warning, privacy, start] {
                assert!(screen.contains(line), "{speech}: {screen}");
            }
            assert_eq!(screen.contains("F3"), speech, "{screen}");
        }
        let mut h = offered();
        h.resize(120, 40);
        h.app.use_language(language);
        let name = ["english", "spanish"][language];
        assert_snapshot!(format!("welcome_{name}_120x40"), h.screen());
    }
}

/// In Spanish the letters are Spanish: "s" answers sí, "a" picks años, and
/// the screen says so; English keeps y, n, d/w/m/y.
#[test]
fn the_letters_are_the_patients_languages() {
    use intake::answers::{Answer, DurationUnit};
    let mut h = offered();
    h.app.use_language(1);
    // A keymap file given in Spanish is written with English's letters.
    let keymap = (*intake::tui::keymap::Keymap::builtin()).clone();
    h.app = h.app.clone().with_keymap(keymap);
    h.goto("duration");
    assert!(
        h.screen().contains("d/s/m/a para la unidad"),
        "{}",
        h.screen()
    );
    h.keys("3a");
    h.enter();
    let years = Answer::Duration {
        amount: 3,
        unit: DurationUnit::Years,
    };
    assert_eq!(h.answer("duration"), Some(&years));
    h.goto("cough_sneeze");
    h.keys("s");
    assert_eq!(h.answer("cough_sneeze"), Some(&Answer::YesNo(true)));
    // Read aloud, the diagram's letters are the Spanish ones too.
    h.app.speech = true;
    h.goto("body_map");
    h.key(KeyCode::F(3));
    let said = format!("{:?}", h.app.effects);
    assert!(said.contains("pulse d si es dolor"), "{said}");
    h.app.use_language(0);
    h.goto("cough_sneeze");
    h.keys("n");
    assert_eq!(h.answer("cough_sneeze"), Some(&Answer::YesNo(false)));
    h.goto("cough_sneeze");
    h.keys("y");
    assert_eq!(h.answer("cough_sneeze"), Some(&Answer::YesNo(true)));
    h.goto("duration");
    assert!(
        h.screen().contains("d/w/m/y for the unit"),
        "{}",
        h.screen()
    );
}

/// Every two-button dialog's labels fit their buttons whole in Spanish,
/// whose words are longer ("Empezar de nuevo" was cut at 80 columns).
#[test]
fn dialog_buttons_show_their_whole_labels_in_spanish() {
    use intake::tui::app::Dialog;
    let mut h = offered();
    h.keys("2");
    h.enter();
    let d = &h.app.words().dialogs.clone();
    for (dialog, labels) in [
        (Dialog::StartOver, [&d.start_over_yes, &d.start_over_no]),
        (Dialog::ConfirmQuit, [&d.leave, &d.stay]),
        (Dialog::ConfirmClearAll, [&d.clear_yes, &d.clear_no]),
        (Dialog::Resume, [&d.resume_yes, &d.resume_no]),
    ] {
        h.app.dialog = Some(dialog);
        let screen = h.screen();
        for label in labels {
            assert!(screen.contains(&format!("{label} ]")), "{label}:\n{screen}");
        }
    }
}
