//! The findings rules file: its format and its checks.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::body::Symptom;
use crate::condition::Condition;
use crate::diagnostic::{Diagnostics, Problems};
use crate::questionnaire::Questionnaire;

/// How soon a warning sign needs care. Ordered: the most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Level {
    /// Seek emergency care now.
    Emergency,
    /// See a doctor within a day.
    Urgent,
    /// Tell the doctor at this visit; it changes what they look for.
    Soon,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: String,
    pub level: Level,
    pub title: String,
    pub when: Condition,
}

/// A strength sign that points to nerve roots on its side.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    /// The sign in plain words, e.g. "harder to walk on the left heel".
    pub says: String,
    pub side: SignSide,
    pub roots: Vec<String>,
    #[serde(default = "default_weight")]
    pub weight: u32,
    pub when: Condition,
}

/// The side a strength sign is on. A sign on both sides puts its roots on
/// both; one whose side the answer does not say ("an arm feels weak") on none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum SignSide {
    Left,
    Right,
    Both,
    Unsaid,
}

fn default_weight() -> u32 {
    3
}

/// Answers that can disagree with the body diagram (pain said in the right
/// leg, marks only on the left), checked by asking the patient once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    pub id: String,
    /// What does not match, in plain words, e.g. "Which leg the pain goes down".
    pub says: String,
    /// The check question: its `enable_when` is the disagreement, so it is
    /// shown only when the answers and the diagram do not match.
    pub check: String,
    /// When the check's answer settles the disagreement; until it does (no
    /// answer, "not sure", or an answer the marks still contradict) the
    /// summary shows it.
    pub settled_when: Condition,
}

/// When a next step applies.
#[derive(Debug, Clone, Deserialize)]
pub enum StepWhen {
    Always,
    /// A warning sign of this level is present.
    Flag(Level),
    /// No warning sign of this level or a more urgent one, and every
    /// warning-sign question answered.
    NoFlag(Level),
    /// Some warning-sign questions were not answered.
    Unasked,
    /// No warning sign of this level or a more urgent one was found (some
    /// questions may be unanswered: nothing is said about absence).
    Absent(Level),
    Weakness,
    /// Required strength questions were shown but not answered.
    WeaknessUnasked,
    /// No sign of weakness, and every strength question answered.
    NoWeakness,
    Radicular,
    NotRadicular,
    Answer(Condition),
    All(Vec<StepWhen>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub text: String,
    pub when: StepWhen,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Findings")]
pub struct Rules {
    /// The questionnaire these rules read.
    pub questionnaire: String,
    /// Which edition of the rules made a summary's findings (its FHIR
    /// Provenance names it): changed with every change of the rules.
    pub version: String,
    pub body_item: String,
    pub flags: Vec<Flag>,
    pub signs: Vec<Sign>,
    /// How much each marked symptom counts towards a root level.
    pub mark_weights: BTreeMap<Symptom, u32>,
    /// The least score for a level to be named.
    pub root_threshold: u32,
    pub max_roots: usize,
    /// Answers that make the pattern radicular (e.g. pain below the knee).
    pub radicular_when: Condition,
    pub pain_items: Vec<String>,
    pub tried_items: Vec<String>,
    pub imaging_items: Vec<String>,
    /// Side questions (which leg, which arm): the patient's view names the
    /// side of a root only when every one answered says that side.
    #[serde(default)]
    pub side_items: Vec<String>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub disagreements: Vec<Disagreement>,
    /// What the patient is told the moment an answer raises a warning sign.
    #[serde(default)]
    pub alerts: Alerts,
    /// Short clinical names of items, for evidence ("Saddle numbness: Yes");
    /// an item not named here is quoted by its question.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Practice mode's impression for this questionnaire.
    #[serde(default)]
    pub practice: Practice,
}

/// What a trainee in practice mode is asked after the interview, scored
/// against each case's key. A question with nothing to choose is not asked,
/// so without rules the impression asks nothing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// The item whose answer gives the patient's age.
    #[serde(default)]
    pub age: Option<String>,
    /// Are there warning signs? (yes or no)
    pub red_flags: String,
    /// Which root is involved? (one of `levels`, or none)
    pub level: String,
    /// The words for choosing no root.
    pub no_level: String,
    pub levels: Vec<String>,
    /// What is the next step? (one of `steps`: a step's id, and words
    /// for the trainee)
    pub next_step: String,
    pub steps: Vec<(String, String)>,
}

/// Words for the patient, told on the screen where a warning sign is
/// answered: a full screen for an emergency, a notice for an urgent sign.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alerts {
    /// The heading of the full-screen emergency alert.
    pub emergency_title: String,
    /// The emergency alert's text.
    pub emergency: String,
    /// The notice under an answer that raises an urgent sign.
    pub urgent: String,
    /// The notice under an answer that raises an emergency sign, on its own screen.
    pub emergency_notice: String,
    /// The notice when a continued session's earlier answers raise an
    /// urgent sign, and an emergency one.
    pub resumed: String,
    pub resumed_emergency: String,
    /// The summary's line when every warning-sign question was answered no.
    pub none_reported: String,
    /// The summary's heading over warning-sign questions left unanswered.
    pub not_answered: String,
    /// The summary's heading over answers that still do not match the body
    /// diagram after the check question.
    #[serde(default)]
    pub not_matching: String,
}

impl Rules {
    /// No rules: a summary lists the answers and finds nothing.
    pub fn none(q: &Questionnaire) -> Rules {
        Rules {
            questionnaire: q.id.clone(),
            version: String::new(),
            body_item: String::new(),
            flags: Vec::new(),
            signs: Vec::new(),
            mark_weights: BTreeMap::new(),
            root_threshold: u32::MAX,
            max_roots: 0,
            radicular_when: Condition::Any(Vec::new()),
            pain_items: Vec::new(),
            tried_items: Vec::new(),
            imaging_items: Vec::new(),
            side_items: Vec::new(),
            steps: Vec::new(),
            disagreements: Vec::new(),
            alerts: Alerts::default(),
            labels: BTreeMap::new(),
            practice: Practice::default(),
        }
    }
}

/// Reads a rules file and checks that every item and option it names exists.
pub fn parse_rules(path: &str, source: &str, q: &Questionnaire) -> Result<Rules, Diagnostics> {
    let rules: Rules =
        crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
    let mut problems = Problems::new(path, source);
    if rules.questionnaire != q.id {
        problems.at(
            "questionnaire:",
            format!(
                "these rules are for \"{}\", not \"{}\"",
                rules.questionnaire, q.id
            ),
        );
    }
    if rules.version.trim().is_empty() {
        let why = "version is empty: summaries name the rules' version that made their findings";
        problems.at("version:", why.to_string());
    }
    super::check::names(&rules, q, &mut problems);
    check_alerts(&rules, &mut problems);
    check_practice(&rules, &mut problems);
    problems.into_result(rules)
}

/// The practice impression offers roots some region has and steps of these
/// rules, each reported where the `practice` field names it.
fn check_practice(rules: &Rules, problems: &mut Problems) {
    let p = &rules.practice;
    let table = crate::body::BodyRegions::builtin();
    let mut found = Vec::new();
    let loc = problems.locator();
    let from = loc.after(0, "practice:").unwrap_or(0);
    for level in &p.levels {
        if !table.regions.iter().any(|r| r.dermatomes.contains(level)) {
            let message = format!("no body region has the root \"{level}\"");
            found.push((loc.string_after(from, level), message));
        }
    }
    for (id, _) in &p.steps {
        if !rules.steps.iter().any(|s| &s.id == id) {
            found.push((loc.string_after(from, id), format!("unknown step \"{id}\"")));
        }
    }
    for (at, message) in found {
        problems.at_offset(at.unwrap_or(from), message);
    }
}

/// Words the patient must be told cannot be left out.
fn check_alerts(rules: &Rules, problems: &mut Problems) {
    let a = &rules.alerts;
    let told_at_once = rules.flags.iter().any(|f| f.level <= Level::Urgent);
    let missing = [
        ("emergency_title", &a.emergency_title, told_at_once),
        ("emergency", &a.emergency, told_at_once),
        ("emergency_notice", &a.emergency_notice, told_at_once),
        ("urgent", &a.urgent, told_at_once),
        ("resumed", &a.resumed, told_at_once),
        ("resumed_emergency", &a.resumed_emergency, told_at_once),
        (
            "not_matching",
            &a.not_matching,
            !rules.disagreements.is_empty(),
        ),
    ];
    for (field, text, needed) in missing {
        if needed && text.trim().is_empty() {
            problems.at(
                "alerts:",
                format!("alerts need `{field}`: the patient must be told"),
            );
        }
    }
}
