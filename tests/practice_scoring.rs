//! Scoring as an examiner would: each rule of assets/practice/scoring.ron
//! can fail, and a perfect interview of every case scores 100.

use std::fs;

use insta::assert_snapshot;
use intake::answers::Answer;
use intake::body::BodyMarks;
use intake::content::{self, Content};
use intake::findings::{Rules, evaluate};
use intake::practice::scoring::SCORING_PATH;
use intake::practice::{Case, Interview, Made, Scorecard, Scoring, Turn, score};
use intake::questionnaire::Questionnaire;

fn case(id: &str) -> Case {
    let q = content::questionnaire();
    let name = format!("cases/{id}.ron");
    Case::parse(&name, &fs::read_to_string(&name).unwrap(), &q).unwrap()
}

fn all_cases() -> Vec<Case> {
    let mut ids: Vec<String> = fs::read_dir("cases")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids.iter().map(|id| case(id)).collect()
}

struct Station {
    q: Questionnaire,
    rules: Rules,
}

impl Station {
    fn new() -> Self {
        let q = content::questionnaire();
        let rules = content::rules_for(&q).unwrap();
        Station { q, rules }
    }

    fn interview(&self, case: Case) -> Interview {
        let words = &intake::text::Text::builtin().practice;
        Interview::new(case, &self.rules, false, words)
    }

    fn score(&self, i: &Interview, seconds: u64) -> Scorecard {
        score(i, seconds, &self.q, &self.rules, &Content::builtin())
    }

    /// Every core item, essential item and warning sign of the case, in
    /// the order the questionnaire has them.
    fn essential(&self, i: &Interview) -> Vec<String> {
        let core = &Scoring::builtin().core;
        let items = self.q.items().filter(|item| {
            item.red_flag || i.case.essential.contains(&item.id) || core.contains(&item.id)
        });
        items.map(|i| i.id.clone()).collect()
    }

    /// A perfect interview: an open question first, every essential item
    /// and warning sign, ideas, concerns and expectations, a summary, a
    /// close; the case's own map, the key, and a reasoning that names the
    /// level, the side, a warning sign when there is one, and the rules'
    /// evidence.
    fn perfect(&self, case: Case) -> Interview {
        let mut i = self.interview(case);
        asked(&mut i, &["topic.opening"]);
        for id in self.essential(&i) {
            asked(&mut i, &[&id]);
        }
        asked(&mut i, &["topic.ideas", "topic.concerns"]);
        asked(&mut i, &["topic.expectations"]);
        asked(&mut i, &["topic.work"]);
        asked(&mut i, &["topic.summary"]);
        asked(&mut i, &["topic.closing"]);
        i.map = i.case.body_map();
        let key = i.case.key.clone();
        i.impression.red_flags = Some(key.red_flags);
        i.impression.level = Some(key.level.clone());
        i.impression.side = Some(key.side.clone());
        i.impression.next_step = Some(key.next_step.clone());
        i.reasoning = self.reasoning(&i.case);
        i
    }

    fn reasoning(&self, case: &Case) -> String {
        let f = evaluate(
            &self.q,
            &case.session(&self.q),
            &self.rules,
            &Content::builtin(),
        );
        let regions = Content::builtin().regions;
        let evidence = f.roots.first().and_then(|r| r.marks.first());
        let evidence = evidence.map_or(String::new(), |m| {
            format!(" from the {}", regions.get(&m.region).unwrap().label)
        });
        let key = &case.key;
        // The patient's own warning sign, in the rules' clinical words.
        let has = |id: &&String| case.answers.get(*id) == Some(&Answer::YesNo(true));
        let sign = self
            .rules
            .labels
            .iter()
            .find(|(id, _)| id.starts_with("rf_") && has(id));
        let warning = sign.map_or("none", |(_, label)| label.as_str());
        format!(
            "The {} root on the {} side{evidence}, with {warning} to act on.",
            key.level, key.side
        )
    }
}

/// The trainee asked `ids` in one question, in their own words.
fn asked(i: &mut Interview, ids: &[&str]) {
    for id in ids {
        *i.times.entry(id.to_string()).or_default() += 1;
        if !i.was_asked(id) {
            i.asked.push(id.to_string());
        }
    }
    i.turns.push(Turn {
        question: ids.join(" "),
        asked: ids.iter().map(|s| s.to_string()).collect(),
        reply: String::new(),
        hint: false,
    });
}

fn got(card: &Scorecard, skill: &str) -> (u32, u32) {
    let s = card.skill(skill).unwrap();
    (s.got, s.of)
}

fn markdown(st: &Station, i: &Interview, card: &Scorecard) -> String {
    let made = Made {
        interview: i,
        q: &st.q,
        rules: &st.rules,
        card,
        recorded: None,
    };
    intake::export::markdown::view(&made.view(&Content::builtin()), &Content::builtin())
}

#[test]
fn the_weights_sum_to_100_or_the_file_is_refused_where_they_are() {
    let source = fs::read_to_string(SCORING_PATH).unwrap();
    let s = Scoring::parse(SCORING_PATH, &source).unwrap();
    assert_eq!(s.skills.iter().map(|s| s.weight).sum::<u32>(), 100);
    let bad = source.replacen("weight: 25", "weight: 24", 1);
    let err = Scoring::parse(SCORING_PATH, &bad).unwrap_err().to_string();
    let line = source.lines().position(|l| l.contains("skills:")).unwrap() + 1;
    let at = format!("{SCORING_PATH}:{line}:5: the skills' weights sum to 99, not 100");
    assert!(err.contains(&at), "{err}");
    let unknown = source.replacen("id: \"time\"", "id: \"speed\"", 1);
    let err = Scoring::parse(SCORING_PATH, &unknown)
        .unwrap_err()
        .to_string();
    assert!(err.contains("skill \"speed\" unknown"), "{err}");
    assert!(err.contains("skill \"time\" has no weight"), "{err}");
}

#[test]
fn the_core_items_and_topics_are_checked_against_the_questionnaire() {
    let source = fs::read_to_string(SCORING_PATH).unwrap();
    let bad = source.replacen("\"pain_worst\"]", "\"worst_pain\"]", 1);
    let line = bad.lines().position(|l| l.contains("worst_pain")).unwrap() + 1;
    let err = Scoring::parse(SCORING_PATH, &bad).unwrap_err().to_string();
    assert!(err.contains(&format!("{SCORING_PATH}:{line}:")), "{err}");
    assert!(err.contains("\"worst_pain\" is no item"), "{err}");
    let bad = source.replacen("id: \"topic.work\"", "id: \"topic.job\"", 1);
    let err = Scoring::parse(SCORING_PATH, &bad).unwrap_err().to_string();
    assert!(
        err.contains("topic \"topic.job\" has no phrasings"),
        "{err}"
    );
    let bad = source.replacen("\"topic.home\"]", "\"topic.house\"]", 1);
    let err = Scoring::parse(SCORING_PATH, &bad).unwrap_err().to_string();
    assert!(
        err.contains("\"topic.house\" is no item nor topic"),
        "{err}"
    );
}

#[test]
fn a_history_that_skips_the_core_loses_history_points() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    i.turns.retain(|t| t.asked != ["onset"]);
    i.asked.retain(|a| a != "onset");
    let card = st.score(&i, 0);
    assert_eq!(card.right("history", "onset"), Some(false));
    assert!(got(&card, "history").0 < 25);
}

#[test]
fn a_perfect_interview_of_every_case_scores_100() {
    let st = Station::new();
    let cases = all_cases();
    assert_eq!(cases.len(), 12);
    for case in cases {
        let id = case.id.clone();
        let card = st.score(&st.perfect(case), 0);
        assert_eq!(card.total(), 100, "{id}: {:?}", card.skills());
        assert!(card.missed_warning_signs().is_empty() && card.mirrored().is_empty());
    }
}

#[test]
fn a_missed_warning_sign_caps_the_impression_and_is_named() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    i.asked.retain(|id| id != "rf_steroids");
    i.turns.retain(|t| t.asked != ["rf_steroids"]);
    let card = st.score(&i, 0);
    assert_eq!(card.missed_warning_signs(), ["rf_steroids"]);
    // "No warning signs" is the key's, but not right unasked; the rest of
    // the impression is capped at half of its 15 points.
    assert_eq!(card.right("impression", "red_flags"), Some(false));
    assert_eq!(card.right("impression", "level"), Some(true));
    assert_eq!(got(&card, "impression"), (8, 15));
    assert!(card.critical.is_empty(), "the patient does not have it");
    let (ws, of) = got(&card, "warning_signs");
    assert!(ws < of);
    let md = markdown(&st, &i, &card);
    assert!(
        md.contains("**Missed: Any long-term oral steroids?**"),
        "{md}"
    );
    assert!(md.contains("The patient would have said: \""), "{md}");
    assert!(md.contains("counts at most 50%"), "{md}");
    assert!(
        md.contains("Not asked: \"Any long-term oral steroids?\""),
        "{md}"
    );
    assert!(
        md.contains("you said No, which is the key's answer, but not earned: you asked 20 of 21"),
        "{md}"
    );
}

#[test]
fn no_warning_signs_is_right_when_every_one_was_asked_in_a_case_with_none() {
    let st = Station::new();
    let i = st.perfect(case("mechanical-back-pain"));
    assert!(!i.case.key.red_flags);
    let card = st.score(&i, 0);
    assert_eq!(card.right("impression", "red_flags"), Some(true));
    assert_eq!(got(&card, "impression"), (15, 15));
}

#[test]
fn a_left_right_error_is_named() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    let mut map = BodyMarks::new();
    for (region, symptoms) in i.map.iter() {
        let region = region.replacen("left_calf", "right_calf", 1);
        let region = region.replacen("left_shin_outer", "right_shin_outer", 1);
        for s in symptoms {
            map.set(&region, *s);
        }
    }
    i.map = map;
    let card = st.score(&i, 0);
    assert_eq!(card.mirrored().len(), 1, "{:?}", card.mirrored());
    assert_eq!(card.mirrored()[0].marked, "right_shin_outer");
    assert_eq!(card.mirrored()[0].truth, "left_shin_outer");
    // The wrong side costs its share of the points besides the overlap.
    let mut free = Scoring::builtin().clone();
    free.mirror_cost = 0;
    let content = Content::builtin();
    let uncosted = intake::practice::scoring::score_with(&free, &i, 0, &st.q, &st.rules, &content);
    let cost = Scoring::builtin().mirror_cost / 10;
    assert_eq!(got(&card, "map").0, got(&uncosted, "map").0 - cost);
    let md = markdown(&st, &i, &card);
    assert!(md.contains("costs 50% of the diagram's points"), "{md}");
    assert!(md.contains("Not marked: left shin, outer side ("), "{md}");
    assert!(
        md.contains("**Wrong side: you marked Right shin, outer side; the patient's is Left shin, outer side.**"),
        "{md}"
    );
    // A middle place has no mirror, so it is no left/right error.
    let mut i = st.perfect(case("l5-radiculopathy"));
    i.map.set("abdomen", intake::body::Symptom::Pain);
    assert!(st.score(&i, 0).mirrored().is_empty());
}

#[test]
fn time_has_full_marks_then_a_straight_line_then_none() {
    let st = Station::new();
    let i = st.perfect(case("s1-radiculopathy"));
    let band = Scoring::builtin().time;
    let time = |s: u64| got(&st.score(&i, s), "time").0;
    assert_eq!(time(band.full), 10);
    assert_eq!(time((band.full + band.none) / 2), 5);
    assert_eq!(time(band.none), 0);
    assert_eq!(time(band.none * 3), 0);
}

#[test]
fn an_item_asked_only_from_the_list_counts_its_share_and_a_repeat_costs_nothing() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    let voices = intake::practice::Voices::builtin();
    // Asked in one's own words, then again from the list: no cost.
    i.ask_listed("foot_drop", "Does your foot drag?", true, voices);
    asked(&mut i, &["topic.closing"]); // the close is at the end again
    assert_eq!(st.score(&i, 0).total(), 100);
    // Asked only from the list: half its worth, more than not asking.
    let only_listed = |id: &str| {
        let mut i = st.perfect(case("l5-radiculopathy"));
        i.turns.retain(|t| t.asked != [id]);
        i.ask_listed(id, "From the list", true, voices);
        i.ask_listed(id, "From the list", true, voices);
        asked(&mut i, &["topic.closing"]);
        st.score(&i, 0)
    };
    let n = st.perfect(case("l5-radiculopathy")).case.essential.len() as f64;
    let card = only_listed("foot_drop");
    let hinted = got(&card, "history").0;
    let mut missed = st.perfect(case("l5-radiculopathy"));
    missed.turns.retain(|t| t.asked != ["foot_drop"]);
    missed.asked.retain(|a| a != "foot_drop");
    let unasked = got(&st.score(&missed, 0), "history").0;
    assert!(unasked < hinted && hinted < 25, "{unasked} {hinted}");
    assert!(f64::from(hinted) >= (25.0 * (1.0 - 0.5 / n)).floor());
    assert_eq!(card.right("history", "foot_drop"), Some(false));
    let card = only_listed("rf_saddle");
    assert_eq!(got(&card, "warning_signs"), (24, 25), "half of one of 21");
}

#[test]
fn a_missed_warning_sign_the_patient_has_is_a_critical_error() {
    let st = Station::new();
    let mut i = st.perfect(case("cauda-equina"));
    i.asked.retain(|id| id != "rf_saddle");
    i.turns.retain(|t| t.asked != ["rf_saddle"]);
    let card = st.score(&i, 0);
    assert_eq!(card.critical.len(), 1, "{:?}", card.critical);
    assert_eq!(card.critical[0].id, "rf_saddle");
    assert!(card.critical[0].said.is_some());
    assert_eq!(got(&card, "impression").0, 0);
    assert_eq!(card.total(), Scoring::builtin().critical_cap);
    // Named first, and the sign the patient has comes before the others.
    let md = markdown(&st, &i, &card);
    let critical = md.find("Critical error: a warning sign").unwrap();
    assert!(critical < md.find("## History").unwrap(), "{md}");
    let ws = &card.skill("warning_signs").unwrap().points;
    assert_eq!(ws[0].id, "rf_saddle");
    assert!(
        ws[0].text.starts_with("Missed, and the patient HAS"),
        "{}",
        ws[0].text
    );
    // A wrong next step in a case with warning signs is one too.
    let mut i = st.perfect(case("cauda-equina"));
    i.impression.next_step = Some("self_care".into());
    let card = st.score(&i, 0);
    assert_eq!(
        card.critical
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["next_step"]
    );
    assert!(card.total() <= Scoring::builtin().critical_cap);
    // Without a next-step question there is no next step to get wrong.
    i.questions.clear();
    i.impression.next_step = None;
    assert!(st.score(&i, 0).critical.is_empty());
    // A sign the patient does not have, unasked, is no critical error.
    let mut i = st.perfect(case("cauda-equina"));
    i.turns.retain(|t| t.asked != ["rf_steroids"]);
    i.asked.retain(|id| id != "rf_steroids");
    assert!(st.score(&i, 0).critical.is_empty());
}

#[test]
fn why_it_matters_is_written_for_the_trainee_not_the_patient() {
    let st = Station::new();
    let i = st.interview(case("l5-radiculopathy"));
    let card = st.score(&i, 0);
    let why = |skill: &str, id: &str| {
        let points = &card.skill(skill).unwrap().points;
        let p = points.iter().find(|p| p.id == id).unwrap();
        p.why.clone().unwrap()
    };
    let teaching = &Scoring::builtin().teaching;
    let drugs = why("warning_signs", "rf_drugs");
    assert!(!drugs.contains("Your answer"), "{drugs}");
    assert_eq!(drugs, teaching["rf_drugs"]);
    assert_eq!(why("history", "onset"), teaching["onset"]);
    // Each warning sign teaches what it points to, in a line of its own.
    let signs: Vec<String> =
        st.q.items()
            .filter(|i| i.red_flag)
            .map(|i| why("warning_signs", &i.id))
            .collect();
    let mut distinct = signs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), signs.len(), "{signs:#?}");
}

#[test]
fn an_empty_interview_earns_no_time() {
    let st = Station::new();
    let mut i = st.interview(case("l5-radiculopathy"));
    asked(&mut i, &["topic.opening"]);
    let card = st.score(&i, 60);
    assert_eq!(got(&card, "time").0, 0);
    assert!(card.skill("time").unwrap().notes[0].contains("you asked 0%"));
}

#[test]
fn the_structure_wants_an_open_start_a_summary_after_history_and_a_close_at_the_end() {
    let st = Station::new();
    let topics = |i: &Interview| {
        let card = st.score(i, 0);
        ["topic.opening", "topic.summary", "topic.closing"].map(|t| card.right("structure", t))
    };
    let good = st.perfect(case("c6-radiculopathy"));
    assert_eq!(topics(&good), [Some(true); 3]);
    // The opening asked second, the summary before any history, the
    // close followed by more questions.
    let mut i = good.clone();
    let opening = i.turns.remove(0);
    i.turns.insert(1, opening);
    let summary = i
        .turns
        .iter()
        .position(|t| t.asked == ["topic.summary"])
        .unwrap();
    let summary = i.turns.remove(summary);
    i.turns.insert(0, summary);
    let closing = i
        .turns
        .iter()
        .position(|t| t.asked == ["topic.closing"])
        .unwrap();
    let closing = i.turns.remove(closing);
    i.turns.insert(closing.asked.len() + 5, closing);
    assert_eq!(topics(&i), [Some(false); 3]);
    assert_eq!(got(&st.score(&i, 0), "structure").0, 6, "4 of 7 topics");
}

#[test]
fn the_reasoning_names_the_level_the_side_and_the_evidence() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    assert_eq!(got(&st.score(&i, 0), "reasoning"), (5, 5));
    let parts = |i: &Interview| {
        let card = st.score(i, 0);
        ["wrote", "level", "side", "evidence"].map(|p| card.right("reasoning", p))
    };
    // Lowercase, accents and plurals aside, the evidence still counts.
    i.reasoning = "An l5 problem on the LEFT, with numbness in the big toes.".into();
    assert_eq!(parts(&i), [Some(true); 4]);
    // A sentence that names nothing of the case is no reason at all.
    i.reasoning = "It is the S1 root on the right, I think, from the calf.".into();
    assert_eq!(parts(&i), [Some(false); 4]);
    i.reasoning = "L5".into();
    assert_eq!(parts(&i)[0], Some(false), "one word is no reasoning");
    // A warning sign is asked for only where the case has one.
    assert_eq!(st.score(&i, 0).right("reasoning", "warning"), None);
    let mut ce = st.perfect(case("cauda-equina"));
    ce.reasoning = "Saddle numbness and a new bladder problem: act now.".into();
    assert_eq!(st.score(&ce, 0).right("reasoning", "warning"), Some(true));
}

#[test]
fn the_reasoning_is_not_a_bag_of_words() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    let parts = |i: &Interview| {
        let card = st.score(i, 0);
        ["level", "side", "evidence"].map(|p| card.right("reasoning", p))
    };
    // Every level, both sides and only common words name nothing.
    i.reasoning = "L4 or L5 or S1, on the left or right, with pain in the leg.".into();
    assert_eq!(parts(&i), [Some(false); 3]);
    i.reasoning = "The L5 root on the left: the big toe is weak.".into();
    assert_eq!(parts(&i), [Some(true); 3]);
    // The case's own warning sign, not "a red flag"; a denial earns nothing.
    let mut ce = st.perfect(case("cauda-equina"));
    let warning = |ce: &Interview| st.score(ce, 0).right("reasoning", "warning");
    ce.reasoning = "There is a red flag, so this is an emergency.".into();
    assert_eq!(warning(&ce), Some(false));
    ce.reasoning = "No red flags: saddle numbness is from sitting.".into();
    assert_eq!(warning(&ce), Some(false));
    ce.reasoning = "Saddle numbness or altered feeling: an emergency.".into();
    assert_eq!(warning(&ce), Some(true));
    // A long reason that names nothing the case has earns nothing at all.
    ce.reasoning = "Mechanical back pain from lifting, both legs. No red flags.".into();
    assert_eq!(got(&st.score(&ce, 0), "reasoning").0, 0);
}

#[test]
fn the_debrief_in_markdown() {
    let st = Station::new();
    let mut i = st.perfect(case("l5-radiculopathy"));
    // A history with the usual slips: a warning sign unasked, a hint, the
    // shin marked on the wrong side, no summary, and a short reasoning.
    i.asked.retain(|id| id != "rf_weight_loss");
    i.turns
        .retain(|t| t.asked != ["rf_weight_loss"] && t.asked != ["topic.summary"]);
    i.ask_listed(
        "big_toe",
        "Can you lift your big toe?",
        true,
        intake::practice::Voices::builtin(),
    );
    let shin = i.map.symptoms("left_shin_outer").unwrap().clone();
    i.map.clear_region("left_shin_outer");
    for s in shin {
        i.map.set("right_shin_outer", s);
    }
    i.reasoning = "L5 on the left, foot drop.".into();
    let card = st.score(&i, 17 * 60 + 30);
    assert_snapshot!("practice_debrief_markdown", markdown(&st, &i, &card));
}
