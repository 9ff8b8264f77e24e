//! Time to draw one frame of each screen kind on TestBackend, at the smallest
//! supported size and a large one.

use criterion::{Criterion, criterion_group, criterion_main};
use intake::answers::Session;
use intake::questionnaire;
use intake::tui::app::App;
use intake::tui::message::Msg;
use intake::tui::theme::Theme;
use intake::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::hint::black_box;

fn app(width: u16, height: u16) -> App {
    let source = include_str!("../questionnaires/back-pain-intake.ron");
    let q = questionnaire::parse_str("back-pain-intake.ron", source).unwrap();
    let session = Session::new(&q, 0);
    App::new(
        q,
        session,
        Theme::default_theme(),
        Rect::new(0, 0, width, height),
    )
}

fn draw(c: &mut Criterion) {
    let screens: &[(&str, Option<&str>)] = &[
        ("welcome", None),
        ("choice", Some("main_area")),
        ("scale", Some("pain_now")),
        ("text", Some("goal")),
        ("body", Some("body_map")),
        ("review", Some("anything_else")),
        ("summary", Some("anything_else")),
        ("summary for the doctor", Some("anything_else")),
    ];
    for (w, h) in [(80, 24), (200, 60)] {
        for (name, item) in screens {
            let mut app = app(w, h);
            if let Some(id) = item {
                let n = app.questionnaire.index_of(id).unwrap();
                app.open_item(n);
                let summary = name.starts_with("summary");
                if *name == "review" || summary {
                    app.update(Msg::Confirm);
                }
                if summary {
                    // A complete session: Finish opens its summary.
                    let text = include_str!("../examples/sessions/l5-radiculopathy-foot-drop.ron");
                    app.set_session(Session::from_ron("l5.ron", text).unwrap());
                    app.update(Msg::End);
                    app.update(Msg::Confirm);
                    assert!(app.findings.is_some(), "the summary is open");
                }
                if *name == "summary for the doctor" {
                    app.update(Msg::NextField);
                }
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("draw {name} {w}x{h}"), |b| {
                b.iter(|| {
                    terminal.draw(|f| view(black_box(&app), f)).unwrap();
                })
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(300)).measurement_time(std::time::Duration::from_secs(1));
    targets = draw
}
criterion_main!(benches);
