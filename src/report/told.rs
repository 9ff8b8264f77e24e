//! The findings as told: each with the line it is listed as, the lines under
//! it (evidence, reasons), and the finding itself for its ids. Worded once,
//! here; the views list these and the files carry them, so no reader is told
//! a warning sign, root level or step in other words.

use super::Wording;
use crate::findings::{DisagreementFinding, Findings, FlagFinding, RootFinding, StepFinding};

#[derive(Debug, Clone, PartialEq)]
pub struct Told {
    /// Each warning sign as "title (level)", its evidence under it.
    pub flags: Vec<Entry<FlagFinding>>,
    pub unasked: Vec<Unasked>,
    /// What the patient said, then what was said and marked against it.
    pub disagreements: Vec<Entry<DisagreementFinding>>,
    /// Why the answers fit a radicular pattern, one reason a line.
    pub radicular: Vec<String>,
    /// Each root level with side and score, its evidence under it.
    pub roots: Vec<Entry<RootFinding>>,
    pub weakness: Vec<String>,
    /// Each step's text, its reasons under it.
    pub steps: Vec<Entry<StepFinding>>,
}

/// A finding with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    pub of: T,
    pub text: String,
    pub details: Vec<String>,
}

/// A warning-sign question left unanswered: the patient reads the
/// question, the clinician its clinical label.
#[derive(Debug, Clone, PartialEq)]
pub struct Unasked {
    pub id: String,
    pub question: String,
    pub label: String,
}

fn entry<T: Clone>(of: &T, text: String, details: Vec<String>) -> Entry<T> {
    Entry {
        of: of.clone(),
        text,
        details,
    }
}

impl Told {
    pub(super) fn new(w: &Wording, f: &Findings) -> Self {
        Self {
            flags: f
                .flags
                .iter()
                .map(|x| entry(x, w.flag(x), w.evidence(&x.evidence)))
                .collect(),
            unasked: f
                .unasked
                .iter()
                .filter_map(|id| {
                    Some(Unasked {
                        id: id.clone(),
                        question: w.q.item(id)?.question().to_string(),
                        label: w.label(id).to_string(),
                    })
                })
                .collect(),
            disagreements: f
                .disagreements
                .iter()
                .map(|d| entry(d, d.says.clone(), w.disagreement(d)))
                .collect(),
            radicular: f.radicular.iter().flat_map(|r| w.radicular(r)).collect(),
            roots: f
                .roots
                .iter()
                .map(|r| entry(r, w.root(r), w.root_evidence(r)))
                .collect(),
            weakness: w.weakness(&f.weakness),
            steps: f
                .steps
                .iter()
                .map(|s| entry(s, s.text.clone(), w.reasons(&s.because)))
                .collect(),
        }
    }
}
