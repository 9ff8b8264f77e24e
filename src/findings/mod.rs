//! Findings and next steps, computed from the answers by rules kept as data
//! (questionnaires/back-pain-findings.ron). The code here is the mechanism:
//! evaluate conditions, collect the evidence that made them true, rank the
//! nerve-root levels the marks and strength signs point to. What counts as a
//! warning sign, which sign points to which root and what to do next is in
//! the rules file, where a clinician can read and change it.
//!
//! Findings are data (ids, regions, symptoms, roots, sides): the report
//! (src/report) words them, for the patient and for the clinician.

mod check;
mod roots;
mod rules;

pub use rules::{
    Alerts, Disagreement, Flag, Level, Practice, Rules, Sign, SignSide, Step, StepWhen, parse_rules,
};

use std::collections::BTreeSet;

use crate::answers::{Answer, Session, Side, out_of};
use crate::body::BodyRegions;
use crate::condition::Live;
pub use crate::condition::{Evidence, Mark};
use crate::content::Content;
use crate::questionnaire::Questionnaire;

/// A warning sign that is present, with what showed it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagFinding {
    pub id: String,
    pub level: Level,
    pub title: String,
    pub evidence: Vec<Evidence>,
}

/// A nerve-root level the answers point to, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RootFinding {
    pub level: String,
    pub score: u32,
    /// `None` when only signs of no side point to it.
    pub side: Option<Side>,
    /// Marked regions whose dermatomes include this level.
    pub marks: Vec<Mark>,
    /// Strength signs that point to it, as indexes into the rules' signs.
    pub signs: Vec<usize>,
}

/// Answers that still disagree with the body diagram after the check.
#[derive(Debug, Clone, PartialEq)]
pub struct DisagreementFinding {
    pub id: String,
    /// What does not match, in the rules' plain words.
    pub says: String,
    /// What was said and what was marked.
    pub evidence: Vec<Evidence>,
    /// The check question (item id), answered or not.
    pub check: String,
}

/// A sign of weakness.
#[derive(Debug, Clone, PartialEq)]
pub enum Weakness {
    /// This region was marked weak on the body diagram.
    Marked(String),
    /// A strength sign, as its index into the rules' signs.
    Sign(usize),
}

/// Why the pattern looks radicular (nerve-root).
#[derive(Debug, Clone, PartialEq)]
pub enum Radicular {
    /// An answer the rules' `radicular_when` holds on.
    Shown(Evidence),
    /// Two or more limb regions are marked, following this level's dermatome.
    Dermatome(String),
    /// Weakness on one side.
    OneSided,
}

/// Why a next step applies.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A warning sign, by id.
    Flag(String),
    /// A warning-sign question left unanswered, by item id.
    Unasked(String),
    Weakness(Weakness),
    /// No weakness, and every strength question answered.
    NoWeakness,
    Radicular(Radicular),
    NotRadicular,
    Shown(Evidence),
}

/// A next step, with the findings that led to it.
#[derive(Debug, Clone, PartialEq)]
pub struct StepFinding {
    pub id: String,
    pub text: String,
    pub because: Vec<Reason>,
}

/// A question and its answer in words, for the profile sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    pub value: String,
    /// The value is the patient's typed words, so a view in another
    /// language marks them as theirs.
    pub typed: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Findings {
    pub flags: Vec<FlagFinding>,
    /// Answers and body-diagram marks that do not match, left unsettled.
    pub disagreements: Vec<DisagreementFinding>,
    /// Why the pattern looks radicular (nerve-root), empty when it does not.
    pub radicular: Vec<Radicular>,
    /// Likely root levels, most likely first.
    pub roots: Vec<RootFinding>,
    /// The side the patient may be told: the first root's, when every side
    /// they said agrees with it and no disagreement with the diagram is left.
    pub side_told: Option<Side>,
    /// No pattern found, but answers it rests on are still open (the body
    /// diagram, a strength question, what makes it radicular): nothing can
    /// be said either way yet.
    pub pattern_open: bool,
    /// The rules can judge a pattern at all (a body diagram or signs).
    pub pattern_judged: bool,
    pub weakness: Vec<Weakness>,
    pub pain: Vec<Line>,
    pub scores: Vec<Line>,
    pub tried: Vec<Line>,
    pub imaging: Vec<Line>,
    pub steps: Vec<StepFinding>,
    /// Warning-sign questions (item ids) that were shown (or would be) but
    /// not answered: nothing may be said about their absence.
    pub unasked: Vec<String>,
    /// Warning-sign questions (item ids) answered no: the doctor's pertinent
    /// negatives.
    pub negatives: Vec<String>,
    /// Strength questions (item ids) not answered: "no weakness" cannot be said.
    pub strength_unasked: Vec<String>,
}

impl Findings {
    /// The most serious warning level present.
    pub fn top_level(&self) -> Option<Level> {
        self.flags.iter().map(|f| f.level).min()
    }
}

/// The warning signs the shown answers raise now, as (id, level): cheap
/// enough to ask after every answer, so a sign is told the moment it appears
/// (an item is found by id in constant time, whatever the questionnaire's size).
pub fn raised<'r>(
    q: &Questionnaire,
    session: &Session,
    enabled: &[bool],
    rules: &'r Rules,
    regions: &BodyRegions,
) -> Vec<&'r Flag> {
    let live = |id: &str| -> Option<&Answer> {
        let n = q.index_of(id)?;
        if enabled.get(n) == Some(&true) {
            session.get(id)
        } else {
            None
        }
    };
    let ctx = Live::new(&live, regions);
    rules.flags.iter().filter(|f| ctx.holds(&f.when)).collect()
}

/// Everything the rules find in a session.
pub fn evaluate(
    q: &Questionnaire,
    session: &Session,
    rules: &Rules,
    content: &Content,
) -> Findings {
    let enabled = session.enabled(q, content.regions);
    let live = |id: &str| -> Option<&Answer> {
        let n = q.index_of(id)?;
        if enabled[n] { session.get(id) } else { None }
    };
    let ctx = Live::new(&live, content.regions);

    let mut f = Findings::default();
    for flag in rules.flags.iter().filter(|x| ctx.holds(&x.when)) {
        f.flags.push(FlagFinding {
            id: flag.id.clone(),
            level: flag.level,
            title: flag.title.clone(),
            evidence: ctx.evidence(&flag.when),
        });
    }
    f.flags.sort_by_key(|x| x.level);
    f.disagreements = rules
        .disagreements
        .iter()
        .filter_map(|d| unsettled(d, q, &enabled, &ctx))
        .collect();

    let marks = live(&rules.body_item).and_then(Answer::marks);
    let mut tally = roots::tally(marks, rules, content.regions, |c| ctx.holds(c));
    f.weakness = std::mem::take(&mut tally.weakness);
    f.radicular = ctx
        .evidence(&rules.radicular_when)
        .into_iter()
        .map(Radicular::Shown)
        .collect();
    f.radicular
        .extend(tally.dermatome(rules).map(Radicular::Dermatome));
    if tally.one_sided_weakness() {
        f.radicular.push(Radicular::OneSided);
    }
    if !f.radicular.is_empty() {
        f.roots = tally.ranked(rules);
    }
    f.side_told = side_told(&f, rules, &live);

    profile(&mut f, q, session, rules, content, &live);
    let open = |n: usize, id: &str| enabled[n] && session.get(id).is_none();
    f.unasked = q
        .items()
        .enumerate()
        .filter(|(n, i)| i.red_flag && open(*n, &i.id))
        .map(|(_, i)| i.id.clone())
        .collect();
    f.negatives = q
        .items()
        .enumerate()
        .filter(|(n, i)| i.red_flag && enabled[*n])
        .filter(|(_, i)| session.get(&i.id) == Some(&Answer::YesNo(false)))
        .map(|(_, i)| i.id.clone())
        .collect();
    let strength: BTreeSet<&str> = rules
        .signs
        .iter()
        .flat_map(|s| s.when.references())
        .map(|(id, _)| id)
        .collect();
    f.strength_unasked = q
        .items()
        .enumerate()
        // Optional strength tests (walking on heels) may be skipped: only a
        // required question left open keeps "no weakness" from being said.
        .filter(|(n, i)| i.required && strength.contains(i.id.as_str()) && open(*n, &i.id))
        .map(|(_, i)| i.id.clone())
        .collect();

    f.pattern_judged = !rules.body_item.is_empty() || !rules.signs.is_empty();
    let radicular_open = rules
        .radicular_when
        .references()
        .into_iter()
        .any(|(id, _)| q.index_of(id).is_some_and(|n| open(n, id)));
    let body_open = q
        .index_of(&rules.body_item)
        .is_some_and(|n| open(n, &rules.body_item));
    f.pattern_open =
        f.radicular.is_empty() && (radicular_open || body_open || !f.strength_unasked.is_empty());

    for step in &rules.steps {
        if let Some(because) = step_reasons(&step.when, &f, &ctx) {
            f.steps.push(StepFinding {
                id: step.id.clone(),
                text: step.text.clone(),
                because,
            });
        }
    }
    f
}

/// A disagreement that its check question was shown for (the answers and
/// the diagram did not match) and that its answer did not settle.
fn unsettled(
    d: &Disagreement,
    q: &Questionnaire,
    enabled: &[bool],
    ctx: &Live,
) -> Option<DisagreementFinding> {
    let n = q.index_of(&d.check)?;
    let item = q.item(&d.check)?;
    if !enabled[n] || ctx.holds(&d.settled_when) {
        return None;
    }
    Some(DisagreementFinding {
        id: d.id.clone(),
        says: d.says.clone(),
        evidence: item
            .enable_when
            .as_ref()
            .map(|c| ctx.evidence(c))
            .unwrap_or_default(),
        check: d.check.clone(),
    })
}

/// The pain, treatment, scan and score lines: questions and answers as shown.
fn profile<'a>(
    f: &mut Findings,
    q: &Questionnaire,
    session: &Session,
    rules: &Rules,
    content: &Content,
    live: &dyn Fn(&str) -> Option<&'a Answer>,
) {
    let lines = |ids: &[String]| -> Vec<Line> {
        ids.iter()
            .filter_map(|id| {
                let item = q.item(id)?;
                let answer = live(id)?;
                // The clinician's tables name an item by its clinical label.
                let label = rules.labels.get(id).map(String::as_str);
                Some(Line {
                    label: label.unwrap_or(item.question()).to_string(),
                    value: answer.display(&item.kind, content),
                    typed: matches!(answer, Answer::Text(_)),
                })
            })
            .collect()
    };
    f.pain = lines(&rules.pain_items);
    f.tried = lines(&rules.tried_items);
    f.imaging = lines(&rules.imaging_items);
    f.scores = q
        .scores
        .iter()
        .filter_map(|s| {
            session.score(q, s, content.regions).map(|v| Line {
                label: s.label.clone(),
                value: out_of(&content.text.answers, &format!("{v:.1}"), 10),
                typed: false,
            })
        })
        .collect();
}

/// Whether a step applies and, if so, the findings that led to it.
fn step_reasons(when: &StepWhen, f: &Findings, ctx: &Live) -> Option<Vec<Reason>> {
    let all = |list: Vec<Reason>| (!list.is_empty()).then_some(list);
    match when {
        StepWhen::Always => Some(Vec::new()),
        StepWhen::Flag(level) => all(f
            .flags
            .iter()
            .filter(|x| x.level == *level)
            .map(|x| Reason::Flag(x.id.clone()))
            .collect()),
        // Absence is only said of what was asked and answered.
        StepWhen::NoFlag(level) => {
            (f.unasked.is_empty() && f.flags.iter().all(|x| x.level > *level)).then(Vec::new)
        }
        StepWhen::Absent(level) => f.flags.iter().all(|x| x.level > *level).then(Vec::new),
        StepWhen::Unasked => all(f.unasked.iter().cloned().map(Reason::Unasked).collect()),
        StepWhen::Weakness => all(f.weakness.iter().cloned().map(Reason::Weakness).collect()),
        StepWhen::WeaknessUnasked => all(f
            .strength_unasked
            .iter()
            .cloned()
            .map(Reason::Unasked)
            .collect()),
        StepWhen::NoWeakness => (f.weakness.is_empty() && f.strength_unasked.is_empty())
            .then(|| vec![Reason::NoWeakness]),
        StepWhen::Radicular => all(f.radicular.iter().cloned().map(Reason::Radicular).collect()),
        StepWhen::NotRadicular => f.radicular.is_empty().then(|| vec![Reason::NotRadicular]),
        StepWhen::Answer(c) => ctx
            .holds(c)
            .then(|| ctx.evidence(c).into_iter().map(Reason::Shown).collect()),
        StepWhen::All(list) => {
            let mut out = Vec::new();
            for w in list {
                out.extend(step_reasons(w, f, ctx)?);
            }
            Some(out)
        }
    }
}

/// The first root's side, when it is one side, every side question the
/// patient answered says the same, and nothing disagrees with the diagram.
fn side_told<'a>(
    f: &Findings,
    rules: &Rules,
    live: &dyn Fn(&str) -> Option<&'a Answer>,
) -> Option<Side> {
    let side = f
        .roots
        .first()?
        .side
        .filter(|s| matches!(s, Side::Left | Side::Right))?;
    let said_agrees = rules.side_items.iter().all(|id| match live(id) {
        Some(Answer::Side(said)) => *said == side || *said == Side::Neither,
        _ => true,
    });
    (said_agrees && f.disagreements.is_empty()).then_some(side)
}
