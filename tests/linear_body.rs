//! The body diagram in linear mode gives the same answer, and the same
//! findings, as the visual diagram marked by keys for the same places.

mod common;

use common::Harness;
use intake::findings::evaluate;
use intake::linear::Linear;
use ratatui::crossterm::event::KeyCode;

#[test]
fn linear_and_visual_diagrams_give_the_same_marks_and_findings() {
    let mut visual = Harness::new(100, 30);
    visual.goto("body_map");
    // The right calf: numbness and weakness; between the legs: tingling;
    // the left thigh's front: pain.
    visual.keys("/cal2nw");
    visual.keys("/saddle");
    visual.key(KeyCode::Enter);
    visual.keys("t/ltf");
    visual.key(KeyCode::Enter);
    visual.keys("p");

    let mut linear = Linear::new(Harness::new(100, 30).app);
    linear.ask_item("body_map");
    // Tingling between the legs is an emergency: Enter once it is read.
    let typed = ["calf", "2", "2 4", "saddle", "3", "", "4", "1", "1", "done"];
    let mut said = Vec::new();
    for line in typed {
        said.extend(linear.input(line));
    }
    let said = said.join("\n");
    assert!(
        said.contains("YOUR RIGHT calf: numbness, weakness"),
        "{said}"
    );
    assert!(said.contains("YOUR LEFT thigh, front: pain"), "{said}");

    let (a, b) = (&visual.app, &linear.app);
    assert!(a.session.get("body_map").is_some());
    assert_eq!(a.session.get("body_map"), b.session.get("body_map"));
    let findings = |app: &intake::tui::App| {
        evaluate(&app.questionnaire, &app.session, app.rules(), &app.content)
    };
    assert_eq!(findings(a), findings(b));
    // The emergency of numb or tingling between the legs, in both.
    assert!(findings(b).flags.iter().any(|f| f.id == "cauda_equina"));
}
