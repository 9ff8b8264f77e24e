//! Findings and next steps, computed from the answers by rules kept as data
//! (questionnaires/back-pain-findings.ron). The code here is the mechanism:
//! evaluate conditions, collect the evidence that made them true, rank the
//! nerve-root levels the marks and strength signs point to. What counts as a
//! warning sign, which sign points to which root and what to do next is in
//! the rules file, where a clinician can read and change it.

mod rules;

pub use rules::{Alerts, Disagreement, Flag, Level, Rules, Sign, Step, StepWhen, parse_rules};

use std::collections::BTreeMap;

use crate::answers::{Answer, Session};
use crate::body::{BodyRegions, BodySide, Symptom};
use crate::questionnaire::{Condition, Questionnaire};

/// A warning sign that is present, with what showed it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagFinding {
    pub id: String,
    pub level: Level,
    pub title: String,
    pub evidence: Vec<String>,
}

/// A nerve-root level the answers point to, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RootFinding {
    pub level: String,
    pub score: u32,
    /// "left", "right" or "both".
    pub side: &'static str,
    pub evidence: Vec<String>,
}

/// Answers that still disagree with the body diagram after the check.
#[derive(Debug, Clone, PartialEq)]
pub struct DisagreementFinding {
    pub id: String,
    pub says: String,
    /// What was said and what was marked, then the check question's answer.
    pub evidence: Vec<String>,
}

/// A next step, with the findings that led to it.
#[derive(Debug, Clone, PartialEq)]
pub struct StepFinding {
    pub id: String,
    pub text: String,
    pub because: Vec<String>,
}

/// A question and its answer in words, for the profile sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Findings {
    pub flags: Vec<FlagFinding>,
    /// Answers and body-diagram marks that do not match, left unsettled.
    pub disagreements: Vec<DisagreementFinding>,
    /// Why the pattern looks radicular (nerve-root), empty when it does not.
    pub radicular: Vec<String>,
    /// Likely root levels, most likely first.
    pub roots: Vec<RootFinding>,
    /// Signs of weakness, in words.
    pub weakness: Vec<String>,
    pub pain: Vec<Line>,
    pub scores: Vec<Line>,
    pub tried: Vec<Line>,
    pub imaging: Vec<Line>,
    pub steps: Vec<StepFinding>,
    /// Warning-sign questions that were shown (or would be) but not
    /// answered: nothing may be said about their absence.
    pub unasked: Vec<String>,
    /// Strength questions not answered: "no weakness" cannot be said.
    pub strength_unasked: Vec<String>,
}

impl Findings {
    /// The most serious warning level present.
    pub fn top_level(&self) -> Option<Level> {
        self.flags.iter().map(|f| f.level).min()
    }
}

/// The warning signs the shown answers raise now, as (id, level): cheap
/// enough to ask after every answer, so a sign is told the moment it appears.
pub fn raised<'r>(
    q: &Questionnaire,
    session: &Session,
    enabled: &[bool],
    rules: &'r Rules,
) -> Vec<&'r Flag> {
    let live = |id: &str| -> Option<&Answer> {
        let n = q.index_of(id)?;
        if enabled.get(n) == Some(&true) {
            session.get(id)
        } else {
            None
        }
    };
    let ctx = Ctx { q, live: &live };
    rules.flags.iter().filter(|f| ctx.holds(&f.when)).collect()
}

/// Everything the rules find in a session.
pub fn evaluate(q: &Questionnaire, session: &Session, rules: &Rules) -> Findings {
    let table = BodyRegions::builtin();
    let enabled = session.enabled(q);
    let live = |id: &str| -> Option<&Answer> {
        let n = q.index_of(id)?;
        if enabled[n] { session.get(id) } else { None }
    };
    let ctx = Ctx { q, live: &live };

    let mut f = Findings::default();
    for flag in &rules.flags {
        if ctx.holds(&flag.when) {
            f.flags.push(FlagFinding {
                id: flag.id.clone(),
                level: flag.level,
                title: flag.title.clone(),
                evidence: ctx.evidence(&flag.when),
            });
        }
    }
    f.flags.sort_by_key(|x| x.level);
    f.disagreements = rules
        .disagreements
        .iter()
        .filter_map(|d| unsettled(d, &enabled, &ctx))
        .collect();

    // Root levels: sensory marks on localising regions, and strength signs.
    let mut roots: BTreeMap<String, (u32, [bool; 2], Vec<String>)> = BTreeMap::new();
    let mut add = |level: &str, score: u32, side: BodySide, says: String| {
        let e = roots.entry(level.to_string()).or_default();
        e.0 += score;
        match side {
            BodySide::Left => e.1[0] = true,
            BodySide::Right => e.1[1] = true,
            BodySide::Center => {}
        }
        if !e.2.contains(&says) {
            e.2.push(says);
        }
    };
    let mut marked_limb_regions = 0;
    let mut weakness_marks = Vec::new();
    // What the marks alone point to: the diagram's own evidence.
    let mut mark_scores: BTreeMap<&str, u32> = BTreeMap::new();
    if let Some(Answer::Body(marks)) = live(&rules.body_item) {
        for region in table.regions.iter().filter(|r| r.localising) {
            let Some(symptoms) = marks.symptoms(&region.id) else {
                continue;
            };
            marked_limb_regions += 1;
            let weight: u32 = symptoms.iter().map(|s| rules.mark_weight(*s)).sum();
            let words: Vec<&str> = symptoms.iter().map(|s| s.word()).collect();
            // A weakness mark is weakness, as a strength answer is.
            if symptoms.contains(&Symptom::Weakness) {
                weakness_marks.push((region.label.clone(), region.side));
            }
            for level in &region.dermatomes {
                *mark_scores.entry(level.as_str()).or_default() += weight;
                add(
                    level,
                    weight,
                    region.side,
                    format!("{}: {}", region.label, words.join(", ")),
                );
            }
        }
    }
    let mut one_sided_weakness = false;
    for (label, side) in weakness_marks {
        f.weakness
            .push(format!("{label} marked weak on the body diagram"));
        one_sided_weakness |= side != BodySide::Center;
    }
    for sign in &rules.signs {
        if ctx.holds(&sign.when) {
            f.weakness.push(sign.says.clone());
            one_sided_weakness |= sign.side != BodySide::Center;
            for level in &sign.roots {
                add(level, sign.weight, sign.side, sign.says.clone());
            }
        }
    }
    let mut ranked: Vec<RootFinding> = roots
        .into_iter()
        .filter(|(_, (score, _, _))| *score >= rules.root_threshold)
        .map(|(level, (score, sides, evidence))| RootFinding {
            level,
            score,
            side: match sides {
                [true, true] => "both",
                [true, false] => "left",
                [false, true] => "right",
                _ => "",
            },
            evidence,
        })
        .collect();
    ranked.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.level.cmp(&b.level)));
    ranked.truncate(rules.max_roots);

    if ctx.holds(&rules.radicular_when) {
        f.radicular.extend(ctx.evidence(&rules.radicular_when));
    }
    // Named only for a level the marks themselves point to, not one that
    // strength answers put first.
    let by_marks = mark_scores
        .iter()
        .filter(|(_, score)| **score >= rules.root_threshold)
        .max_by_key(|(level, score)| (**score, std::cmp::Reverse(**level)));
    if let (true, Some((level, _))) = (marked_limb_regions >= 2, by_marks) {
        f.radicular.push(format!(
            "the marked places follow the skin areas of {level}"
        ));
    }
    if one_sided_weakness {
        f.radicular.push("weakness on one side".to_string());
    }
    if !f.radicular.is_empty() {
        f.roots = ranked;
    }

    let lines = |ids: &[String]| -> Vec<Line> {
        ids.iter()
            .filter_map(|id| {
                let item = q.item(id)?;
                let answer = live(id)?;
                Some(Line {
                    label: item.question().to_string(),
                    value: answer.display(&item.kind, table),
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
            session.score(q, s).map(|v| Line {
                label: s.label.clone(),
                value: format!("{v:.1} out of 10"),
            })
        })
        .collect();

    let open = |n: usize, id: &str| enabled[n] && session.get(id).is_none();
    f.unasked = q
        .items()
        .enumerate()
        .filter(|(n, i)| i.red_flag && open(*n, &i.id))
        .map(|(_, i)| i.question().to_string())
        .collect();
    let strength: std::collections::BTreeSet<&str> = rules
        .signs
        .iter()
        .flat_map(|s| s.when.references())
        .map(|(id, _)| id)
        .collect();
    f.strength_unasked = q
        .items()
        .enumerate()
        .filter(|(n, i)| strength.contains(i.id.as_str()) && open(*n, &i.id))
        .map(|(_, i)| i.question().to_string())
        .collect();

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
fn unsettled(d: &Disagreement, enabled: &[bool], ctx: &Ctx) -> Option<DisagreementFinding> {
    let n = ctx.q.index_of(&d.check)?;
    let item = ctx.q.item(&d.check)?;
    if !enabled[n] || ctx.holds(&d.settled_when) {
        return None;
    }
    let mut evidence = item
        .enable_when
        .as_ref()
        .map(|c| ctx.evidence(c))
        .unwrap_or_default();
    evidence.push(match (ctx.live)(&d.check) {
        Some(a) => format!(
            "{} {}",
            item.question(),
            a.display(&item.kind, BodyRegions::builtin())
        ),
        None => format!("not answered: {}", item.question()),
    });
    Some(DisagreementFinding {
        id: d.id.clone(),
        says: d.says.clone(),
        evidence,
    })
}

/// Whether a step applies and, if so, the findings that led to it.
fn step_reasons(when: &StepWhen, f: &Findings, ctx: &Ctx) -> Option<Vec<String>> {
    match when {
        StepWhen::Always => Some(Vec::new()),
        StepWhen::Flag(level) => {
            let titles: Vec<String> = f
                .flags
                .iter()
                .filter(|x| x.level == *level)
                .map(|x| x.title.clone())
                .collect();
            (!titles.is_empty()).then_some(titles)
        }
        // Absence is only said of what was asked and answered.
        StepWhen::NoFlag(level) => {
            (f.unasked.is_empty() && f.flags.iter().all(|x| x.level > *level)).then(Vec::new)
        }
        StepWhen::Absent(level) => f.flags.iter().all(|x| x.level > *level).then(Vec::new),
        StepWhen::Unasked => (!f.unasked.is_empty()).then(|| {
            f.unasked
                .iter()
                .map(|p| format!("not answered: {p}"))
                .collect()
        }),
        StepWhen::Weakness => (!f.weakness.is_empty()).then(|| {
            f.weakness
                .iter()
                .map(|w| format!("weakness: {w}"))
                .collect()
        }),
        StepWhen::NoWeakness => (f.weakness.is_empty() && f.strength_unasked.is_empty())
            .then(|| vec!["no sign of weakness".to_string()]),
        StepWhen::Radicular => (!f.radicular.is_empty()).then(|| {
            f.radicular
                .iter()
                .map(|r| format!("nerve-root pattern: {r}"))
                .collect()
        }),
        StepWhen::NotRadicular => f
            .radicular
            .is_empty()
            .then(|| vec!["no sign that a nerve root is pressed on".to_string()]),
        StepWhen::Answer(c) => ctx.holds(c).then(|| ctx.evidence(c)),
        StepWhen::All(list) => {
            let mut out = Vec::new();
            for w in list {
                out.extend(step_reasons(w, f, ctx)?);
            }
            Some(out)
        }
    }
}

/// Conditions over the live (enabled) answers, and the evidence they rest on.
struct Ctx<'a> {
    q: &'a Questionnaire,
    live: &'a dyn Fn(&str) -> Option<&'a Answer>,
}

impl Ctx<'_> {
    fn holds(&self, c: &Condition) -> bool {
        let live = self.live;
        match c {
            Condition::Equals(id, v) => live(id).is_some_and(|a| a.matches(v)),
            Condition::AnyOf(id, vs) => live(id).is_some_and(|a| vs.iter().any(|v| a.matches(v))),
            Condition::Answered(id) => live(id).is_some(),
            Condition::AtLeast(id, min) => live(id)
                .and_then(Answer::as_number)
                .is_some_and(|n| n >= *min),
            Condition::Marked(id, regions) => {
                matches!(live(id), Some(Answer::Body(m)) if m.marked(regions, &[]))
            }
            Condition::MarkedWith(id, symptoms, regions) => {
                matches!(live(id), Some(Answer::Body(m)) if m.marked(regions, symptoms))
            }
            Condition::MarkedOn(id, side, part) => match live(id) {
                Some(Answer::Body(m)) => m.marked_on(BodyRegions::builtin(), *side, part),
                _ => false,
            },
            Condition::Not(inner) => !self.holds(inner),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
        }
    }

    /// The answers that make `c` true, as "question: answer" lines, each
    /// once: an answer can make several branches true.
    fn evidence(&self, c: &Condition) -> Vec<String> {
        let mut out = Vec::new();
        self.collect(c, &mut out);
        let mut seen = std::collections::HashSet::new();
        out.retain(|line| seen.insert(line.clone()));
        out
    }

    fn collect(&self, c: &Condition, out: &mut Vec<String>) {
        match c {
            Condition::Not(_) => {}
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs.iter().filter(|c| self.holds(c)) {
                    self.collect(c, out);
                }
            }
            Condition::Marked(id, regions) if self.holds(c) => {
                out.extend(marked_evidence((self.live)(id), regions, &[]));
            }
            Condition::MarkedWith(id, symptoms, regions) if self.holds(c) => {
                out.extend(marked_evidence((self.live)(id), regions, symptoms));
            }
            Condition::MarkedOn(id, side, part) if self.holds(c) => {
                if let Some(Answer::Body(m)) = (self.live)(id) {
                    let lines = m.describe_in(BodyRegions::builtin().part(*side, part));
                    out.extend(
                        lines
                            .iter()
                            .map(|d| format!("marked on the body diagram: {d}")),
                    );
                }
            }
            leaf if self.holds(leaf) => {
                let id = match leaf {
                    Condition::Equals(id, _)
                    | Condition::AnyOf(id, _)
                    | Condition::Answered(id)
                    | Condition::AtLeast(id, _) => id,
                    _ => return,
                };
                if let (Some(item), Some(answer)) = (self.q.item(id), (self.live)(id)) {
                    out.push(format!(
                        "{} {}",
                        item.question(),
                        answer.display(&item.kind, BodyRegions::builtin())
                    ));
                }
            }
            _ => {}
        }
    }
}

/// The marks a `Marked`/`MarkedWith` condition matched, head to toe, with
/// only the symptoms it asks about: "Left calf: numbness".
fn marked_evidence(
    answer: Option<&Answer>,
    regions: &[String],
    symptoms: &[Symptom],
) -> Vec<String> {
    let Some(Answer::Body(m)) = answer else {
        return Vec::new();
    };
    BodyRegions::builtin()
        .regions
        .iter()
        .filter(|r| regions.is_empty() || regions.contains(&r.id))
        .filter_map(|r| {
            let words: Vec<&str> = m
                .symptoms(&r.id)?
                .iter()
                .filter(|s| symptoms.is_empty() || symptoms.contains(s))
                .map(|s| s.word())
                .collect();
            let words = words.join(", ");
            (!words.is_empty()).then(|| format!("marked on the body diagram: {}: {words}", r.label))
        })
        .collect()
}

impl Rules {
    fn mark_weight(&self, s: Symptom) -> u32 {
        self.mark_weights.get(&s).copied().unwrap_or(0)
    }
}
