//! How cost grows with the content (issue 17): load + validate, the first
//! frame, one answer and the review screen at 1k, 5k and 20k generated items,
//! and validation of files with 1k and 10k mistakes.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, criterion_group, criterion_main};
use intake::answers::Session;
use intake::questionnaire::{self, Kind, Questionnaire};
use intake::tui::app::{App, Screen};
use intake::tui::message::Msg;
use intake::tui::theme::Theme;
use intake::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SIZES: [usize; 3] = [1_000, 5_000, 20_000];
const W: u16 = 100;
const H: u16 = 30;

fn app(q: Questionnaire) -> App {
    let session = Session::new(&q, 0);
    App::new(q, session, Theme::default_theme(), Rect::new(0, 0, W, H))
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).unwrap()
}

fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    for n in SIZES {
        let source = generate::questionnaire(n, 0, 17);
        let q = questionnaire::parse_str("gen.ron", &source).expect("generated files are valid");
        g.bench_function(format!("load+validate {n}"), |b| {
            b.iter(|| questionnaire::parse_str("gen.ron", black_box(&source)).unwrap())
        });
        first_frame(&mut g, n, &q);
        one_answer(&mut g, n, &q);
        review(&mut g, n, &q);
    }
    for k in [1_000, 10_000] {
        let source = generate::questionnaire(20_000, k, 17);
        g.bench_function(format!("validate 20000 with {k} mistakes"), |b| {
            b.iter(|| questionnaire::parse_str("gen.ron", black_box(&source)).unwrap_err())
        });
    }
    g.finish();
}

/// The app built from a parsed questionnaire and its first frame drawn.
fn first_frame(g: &mut BenchmarkGroup<WallTime>, n: usize, q: &Questionnaire) {
    let mut terminal = terminal();
    g.bench_function(format!("first frame {n}"), |b| {
        b.iter_batched(
            || q.clone(),
            |q| {
                let app = app(q);
                terminal.draw(|f| view(&app, f)).unwrap();
                app
            },
            BatchSize::LargeInput,
        )
    });
}

/// Answering the first question, which later conditions read: enable
/// logic, progress and findings follow. Yes and no in turn, so each changes
/// it. Then the last yes/no question, found by id at the far end.
fn one_answer(g: &mut BenchmarkGroup<WallTime>, n: usize, q: &Questionnaire) {
    let yes_no = q.items().enumerate().filter(|(_, i)| i.kind == Kind::YesNo);
    let last = yes_no.last().map(|(n, _)| n).unwrap();
    for (name, at) in [("one answer", 0), ("one answer, last", last)] {
        let mut app = app(q.clone());
        let mut yes = true;
        g.bench_function(format!("{name} {n}"), |b| {
            b.iter(|| {
                app.open_item(at);
                app.update(if yes { Msg::Yes } else { Msg::No });
                yes = !yes;
            })
        });
    }
}

/// Drawing the review screen (every answer listed) at the end.
fn review(g: &mut BenchmarkGroup<WallTime>, n: usize, q: &Questionnaire) {
    let mut app = app(q.clone());
    app.open_item(q.items().count() - 1);
    app.update(Msg::Confirm);
    assert_eq!(app.screen, Screen::Review, "the review is open");
    let mut terminal = terminal();
    g.bench_function(format!("review {n}"), |b| {
        b.iter(|| {
            terminal.draw(|f| view(black_box(&app), f)).unwrap();
        })
    });
}

criterion_group!(benches, scale);
criterion_main!(benches);
