//! Ask in your own words: students' questions, in wordings the phrasings
//! file does not hold (lay and clinical, typos, warning signs, the
//! interview's topics), each with the item or items it must match.

use std::collections::BTreeSet;
use std::time::Instant;

use intake::practice::{Index, Phrasings};

/// A question and what it asks: the best match must be one of these,
/// every one of them covered, and nothing else.
const TABLE: &[(&str, &[&str])] = &[
    // History of the complaint.
    ("What age are you now?", &["age"]),
    ("how old r you now", &["age"]),
    ("When were you born?", &["age"]),
    ("Whereabouts on your body is the pain?", &["main_area"]),
    ("Which bit of your back hurts?", &["main_area"]),
    ("Where exactly are you feeling it?", &["main_area"]),
    ("When did all this start?", &["duration"]),
    (
        "For how many months have you been suffering?",
        &["duration"],
    ),
    ("how lnog has the pain been going on", &["duration"]),
    ("Did it come on all of a sudden?", &["onset"]),
    ("Was it gradual or sudden onset?", &["onset"]),
    ("What were you up to when the pain began?", &["onset"]),
    (
        "Have you ever had an episode like this previously?",
        &["before"],
    ),
    (
        "Is this the first time you've had back trouble?",
        &["before"],
    ),
    ("How would you describe the pain?", &["character"]),
    ("Is the pain sharp or more of an ache?", &["character"]),
    ("What's the pain like?", &["character"]),
    (
        "On a scale of 0 to 10 how bad is it right now?",
        &["pain_now"],
    ),
    ("How severe is your pain at the moment?", &["pain_now"]),
    (
        "What would you score the pain on average over the past week?",
        &["pain_average"],
    ),
    (
        "What's the worst the pain has been this week?",
        &["pain_worst"],
    ),
    ("Is the pain there constantly?", &["pattern"]),
    ("Does it come and go or is it always there?", &["pattern"]),
    // Where it spreads, and the feelings.
    ("Does the pain shoot down your leg?", &["leg_spread"]),
    ("Do you have sciatica down the leg?", &["leg_spread"]),
    ("Does it go past your knee?", &["leg_spread"]),
    ("Which side is the leg pain?", &["leg_spread_side"]),
    ("Does it hurt when you cough?", &["cough_sneeze"]),
    ("Is it worse when you sneeze?", &["cough_sneeze"]),
    ("Does the pain radiate into your arm?", &["arm_spread"]),
    ("Does your neck pain spread to your hand?", &["arm_spread"]),
    ("Have you noticed any numb patches?", &["numbness"]),
    ("Is there anywhere you can't feel properly?", &["numbness"]),
    ("Are you getting pins and needles anywhere?", &["tingling"]),
    ("Any paraesthesia in the legs?", &["tingling"]),
    ("any tinglng in your hands", &["tingling"]),
    (
        "Does it hurt if your clothes brush the skin?",
        &["touch_sensitive"],
    ),
    (
        "Can you show me where it is on this body diagram?",
        &["body_map"],
    ),
    // Strength.
    ("Have your legs gone weak?", &["leg_weak"]),
    (
        "Has the weakness been getting any worse?",
        &["weak_change", "rf_weakness_worse"],
    ),
    (
        "So what do you do for a living these days?",
        &["topic.work"],
    ),
    ("Where exactly is it numb?", &["numbness"]),
    ("Do your legs feel weak at all?", &["leg_weak"]),
    ("Has your leg ever given way?", &["leg_weak"]),
    ("Any weaknes in either leg?", &["leg_weak"]),
    ("Which leg feels weaker?", &["leg_weak_side"]),
    ("Are your hands weak at all?", &["arm_weak"]),
    ("Does your knee ever buckle?", &["knee_weak"]),
    ("Do you trip over your toes when walking?", &["foot_drop"]),
    ("Does your foot drag along the floor?", &["foot_drop"]),
    (
        "Can you lift your big toe up against resistance?",
        &["big_toe"],
    ),
    ("Do you turn your ankle on rough ground?", &["ankle_roll"]),
    ("Can you walk on your heels for me?", &["heel_walk"]),
    ("Is your grip strong?", &["grip"]),
    ("Do you struggle doing up buttons?", &["grip"]),
    (
        "Can you lift your arm above shoulder height?",
        &["arm_lift"],
    ),
    // Movement.
    ("What aggravates it?", &["moves_hurt"]),
    ("Is it worse when you bend?", &["moves_hurt"]),
    ("Can you bend down and touch your toes?", &["bend_reach"]),
    ("How long are you able to sit for?", &["sit_time"]),
    ("How far are you able to walk?", &["walk_time"]),
    ("Does anything relieve it?", &["eases"]),
    ("What makes it feel better?", &["eases"]),
    (
        "Does sitting down relieve the leg pain when walking?",
        &["walk_relief"],
    ),
    // Warning signs.
    ("Any trouble with the waterworks lately?", &["rf_bladder"]),
    ("Have you wet yourself at all?", &["rf_bladder"]),
    ("Have you had any urinary leaking?", &["rf_bladder"]),
    ("Any bladder problems?", &["rf_bladder"]),
    ("any bladdr problems", &["rf_bladder"]),
    (
        "Have you had urinary retention since this began?",
        &["rf_retention"],
    ),
    ("Is your stream weak when you pass water?", &["rf_stream"]),
    ("Any difficulty starting to urinate?", &["rf_stream"]),
    ("Any bladder or bowel trouble?", &["rf_bladder", "rf_bowel"]),
    ("Any change in your bowel habit or control?", &["rf_bowel"]),
    ("Any faecal incontinence recently?", &["rf_bowel"]),
    ("Any accidents with your bowels?", &["rf_bowel"]),
    (
        "Can you feel when you open your bowels?",
        &["rf_stool_feel"],
    ),
    ("Any numbness around your back passage?", &["rf_saddle"]),
    ("Any sexual dysfunction?", &["rf_sexual"]),
    ("Has it spread to both legs?", &["rf_both_legs"]),
    ("Is it in both legs?", &["rf_both_legs"]),
    ("Do you feel unsteady when walking?", &["rf_unsteady"]),
    ("Have you been losing your balance?", &["rf_unsteady"]),
    ("Any fevers lately?", &["rf_fever"]),
    ("have you had a temprature", &["rf_fever"]),
    ("Any night sweats or chills?", &["rf_fever"]),
    ("Any history of cancer in the past?", &["rf_cancer"]),
    ("Have you ever been diagnosed with a tumor?", &["rf_cancer"]),
    ("Have you lost any weight recently?", &["rf_weight_loss"]),
    ("Any unintentional weight loss?", &["rf_weight_loss"]),
    ("Did you have a fall or accident?", &["rf_injury"]),
    ("Is it bad at night even when resting?", &["rf_night_pain"]),
    ("Have you been feeling unwell in yourself?", &["rf_unwell"]),
    ("Any IV drug use?", &["rf_drugs"]),
    ("Do you inject any street drugs?", &["rf_drugs"]),
    ("Are you immunocompromised?", &["rf_immune"]),
    ("Have you been on steroids long term?", &["rf_steroids"]),
    (
        "Any history of osteoporosis or thin bones?",
        &["rf_osteoporosis"],
    ),
    // Tests and treatment.
    ("Have you had an MRI scan?", &["imaging"]),
    ("Have you had any x-rays?", &["imaging"]),
    ("What did the MRI show?", &["imaging_result"]),
    ("When was your MRI taken?", &["imaging_when"]),
    ("What have you tried so far to help?", &["tried"]),
    ("Did the tablets help at all?", &["helped_medicine"]),
    (
        "Have you seen a physio and did it help?",
        &["helped_physio"],
    ),
    ("When was your back operation?", &["surgery_when"]),
    ("Are you taking any medication for it?", &["medicines_now"]),
    ("What painkillers are you on?", &["medicines_now"]),
    // Impact and goals.
    ("Are you getting enough sleep?", &["sleep"]),
    ("Is the pain stopping you sleeping?", &["sleep"]),
    (
        "How is this affecting your day to day activities?",
        &["fn_activity"],
    ),
    ("What are you hoping to get back to doing?", &["goal"]),
    // Calgary-Cambridge: structure and ideas, concerns, expectations.
    ("Hi, what's brought you in to see us?", &["topic.opening"]),
    ("How can I help you today?", &["topic.opening"]),
    ("What do you think might be going on?", &["topic.ideas"]),
    (
        "Have you got any ideas about what's causing this?",
        &["topic.ideas"],
    ),
    (
        "Is there anything in particular you're worried about?",
        &["topic.concerns"],
    ),
    ("Do you have any concerns?", &["topic.concerns"]),
    (
        "What were you expecting from today's appointment?",
        &["topic.expectations"],
    ),
    ("Who's at home with you?", &["topic.home"]),
    ("Do you live on your own?", &["topic.home"]),
    (
        "So just to summarise what you've told me",
        &["topic.summary"],
    ),
    ("Let me recap what you've said", &["topic.summary"]),
    ("Any questions you'd like to ask?", &["questions"]),
    // A summary names what it sums up, warning signs too, and is a summary.
    (
        "So to sum up, you hurt your back lifting three weeks ago and the pain goes down your left leg, is that right?",
        &["topic.summary"],
    ),
    (
        "Just to recap: it started after gardening and your right foot is numb now, have I got that right?",
        &["topic.summary"],
    ),
    (
        "In summary, no bladder or bowel changes and no fever. Is that correct?",
        &["topic.summary"],
    ),
    (
        "Right, those are all my questions, thanks.",
        &["topic.closing"],
    ),
    ("Thanks for your time today.", &["topic.closing"]),
    // Seen going astray in the tryout.
    ("any numbness or tingling?", &["numbness", "tingling"]),
    (
        "Do you get any tingling or numbness in your legs?",
        &["tingling", "numbness"],
    ),
    ("does it go down your leg?", &["leg_spread"]),
    (
        "Does the pain spread down your leg at all?",
        &["leg_spread"],
    ),
    ("how are your bowels?", &["rf_bowel"]),
    ("And your bowels, how are they?", &["rf_bowel"]),
    ("Have you noticed your leg getting weaker?", &["leg_weak"]),
    ("Which side is the weak leg on?", &["leg_weak_side"]),
    ("Which leg has gone weak?", &["leg_weak_side"]),
];

/// Questions that ask one of two near items, either rightly: the best match
/// must be one of these, and nothing else covered.
const EITHER: &[(&str, &[&str])] = &[
    (
        "Has the weakness been getting worse?",
        &["weak_change", "rf_weakness_worse"],
    ),
    ("Can you stand on your tiptoes?", &["push_off", "toe_walk"]),
    (
        "Does the pain wake you up at night?",
        &["rf_night_pain", "sleep"],
    ),
    ("Has this affected your job?", &["work", "topic.work"]),
    ("Are you off work at the moment?", &["work", "topic.work"]),
    ("What's your job these days?", &["topic.work", "work"]),
    (
        "Is there anything else you'd like to tell me?",
        &["anything_else", "topic.closing"],
    ),
    ("Are you able to pee?", &["rf_retention", "rf_urine"]),
    ("Any numbness in your groin?", &["numbness", "rf_saddle"]),
    (
        "Any numbness in the saddle area?",
        &["rf_saddle", "numbness"],
    ),
    // Lay body words.
    (
        "Does the pain go into your buttock?",
        &["leg_spread", "main_area"],
    ),
    ("Does it go into your bottom?", &["leg_spread", "main_area"]),
    ("Is there pain in your thigh?", &["leg_spread", "main_area"]),
    ("Any pain in your groin?", &["main_area", "leg_spread"]),
    (
        "Does it hurt down into your calf?",
        &["leg_spread", "main_area"],
    ),
    ("Any numbness in your feet?", &["numbness"]),
    ("Any tingling in your feet?", &["tingling"]),
    (
        "Is it one leg or both?",
        &["rf_both_legs", "leg_spread_side"],
    ),
    (
        "Is it only the one leg, or are both bad?",
        &["rf_both_legs", "leg_spread_side"],
    ),
];

/// Questions too general to name an item surely: each must not be sure
/// of, nor cover, the items given (a prefix ends in `_`), though the
/// screen may offer them to confirm.
const NOT_SURE_OF: &[(&str, &[&str])] = &[
    ("Any trouble with your feet?", &["rf_"]),
    ("any problems with your legs?", &["rf_"]),
    ("any weight changes?", &["rf_"]),
    ("any weakness?", &["rf_"]),
    ("any other symptoms?", &["rf_"]),
    ("Any problems at all?", &["rf_"]),
    ("Are your legs affected?", &["rf_both_legs"]),
    ("Any medical conditions?", &["rf_immune"]),
    ("Any pain in your groin?", &["rf_saddle"]),
    ("Does it go into your bottom?", &["rf_saddle"]),
    ("Any numbness in your feet?", &["rf_unsteady"]),
    ("Any tingling in your feet?", &["rf_unsteady"]),
    ("Does the pain go into your buttock?", &["grip"]),
    ("Is there pain in your thigh?", &["hip_lift"]),
    ("Does it hurt to walk?", &["main_area"]),
    // A summary's or a closing's cue swallows no ordinary question.
    (
        "Does the pain come up your back when you sit up?",
        &["topic.summary", "topic.closing"],
    ),
    (
        "Thank you. Does it hurt when you cough?",
        &["topic.closing", "topic.summary"],
    ),
    ("Can you sum the pain up in a word?", &["topic.summary"]),
];

fn index() -> Index {
    let q = intake::content::questionnaire();
    let p = intake::content::phrasings_for(&q).expect("the built-in phrasings are valid");
    Index::new(&p)
}

/// Each phrasing's terms as a question's are read (synonyms, typos put
/// right), to hold the table out from the phrasings.
fn phrasing_terms() -> Vec<(String, BTreeSet<String>)> {
    let q = intake::content::questionnaire();
    let p = Phrasings::parse(
        intake::content::PHRASINGS_PATH,
        intake::content::PHRASINGS,
        &q,
    )
    .unwrap();
    let words = p.words();
    p.phrasings
        .values()
        .flatten()
        .map(|t| (t.clone(), words.terms(t).into_iter().collect()))
        .collect()
}

#[test]
fn the_table_is_held_out_from_the_phrasings() {
    let q = intake::content::questionnaire();
    let p = Phrasings::parse(
        intake::content::PHRASINGS_PATH,
        intake::content::PHRASINGS,
        &q,
    )
    .unwrap();
    let words = p.words();
    let known = phrasing_terms();
    let copied: Vec<String> = TABLE
        .iter()
        .chain(EITHER)
        .map(|(question, _)| *question)
        .filter_map(|question| {
            let terms: BTreeSet<String> = words.terms(question).into_iter().collect();
            known
                .iter()
                .find(|(_, k)| *k == terms)
                .map(|(t, _)| format!("{question:?} reads as the phrasing {t:?}"))
        })
        .collect();
    assert!(copied.is_empty(), "{}", copied.join("\n"));
}

#[test]
fn students_questions_match_their_items() {
    let index = index();
    let (mut wrong, mut unsure) = (Vec::new(), 0);
    let rows = TABLE.iter().map(|r| (r, true));
    for (&(question, expected), all) in rows.chain(EITHER.iter().map(|r| (r, false))) {
        let m = index.ask(question);
        let top = m.ranked.first().map(|t| t.id.as_str());
        let right = top.is_some_and(|t| expected.contains(&t))
            && (!all || expected.iter().all(|e| m.covered.iter().any(|c| c == e)))
            && m.covered.iter().all(|c| expected.contains(&c.as_str()));
        if !right {
            wrong.push(format!(
                "{question:?} -> {:?} covers {:?} (want {expected:?})",
                &m.ranked[..m.ranked.len().min(3)],
                m.covered
            ));
        }
        if !m.sure {
            unsure += 1;
            let best: Vec<&str> = m.ranked.iter().take(3).map(|t| t.id.as_str()).collect();
            println!("unsure, to confirm: {question:?} -> {best:?}");
        }
    }
    let n = TABLE.len() + EITHER.len();
    println!(
        "matched {}/{n} ({:.1}%), {unsure} unsure (the screen asks to confirm)",
        n - wrong.len(),
        100.0 * (n - wrong.len()) as f64 / n as f64
    );
    assert!(n >= 100);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn general_questions_name_no_item_surely() {
    let index = index();
    let mut wrong = Vec::new();
    for &(question, not) in NOT_SURE_OF {
        let m = index.ask(question);
        let named = |id: &str| {
            not.iter()
                .any(|n| id == *n || (n.ends_with('_') && id.starts_with(n)))
        };
        let top = m.ranked.first().map(|t| t.id.as_str());
        if (m.sure && top.is_some_and(named)) || m.covered.iter().any(|c| named(c)) {
            wrong.push(format!(
                "{question:?} -> {:?} sure {} covers {:?}",
                &m.ranked[..m.ranked.len().min(3)],
                m.sure,
                m.covered
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A vague question offers to confirm only what it shares a specific
/// word with, at `offer` or above; below it, nothing is offered.
#[test]
fn a_match_is_offered_only_through_a_specific_word_and_at_the_offer() {
    let index = index();
    let offered = |q: &str| index.ask(q).offered;
    for q in ["trouble with ur foot?", "Has either leg become weak?"] {
        let o = offered(q);
        assert!(!o.is_empty(), "{q}");
        assert!(o.iter().all(|id| !id.starts_with("rf_")), "{q}: {o:?}");
    }
    for q in ["What's your favourite colour?", "the weather is nice"] {
        assert!(offered(q).is_empty(), "{q}: {:?}", index.ask(q));
    }
}

/// The items the patient's questionnaire shows only to check an answer
/// against the drawing are never asked, listed or offered in practice.
#[test]
fn practice_never_asks_the_drawing_checks() {
    let q = intake::content::questionnaire();
    let p = intake::content::phrasings_for(&q).unwrap();
    let index = index();
    assert!(!p.not_in_practice.is_empty());
    for id in &p.not_in_practice {
        let item = q.item(id).unwrap();
        assert!(!intake::practice::askable(item), "{id}");
        for question in [
            item.interviewer_prompt(),
            item.prompt.as_str(),
            "which leg?",
        ] {
            let m = index.ask(question);
            assert!(m.ranked.iter().all(|r| &r.id != id), "{id}: {question}");
        }
    }
}

#[test]
fn a_two_item_question_covers_both_surely() {
    for (q, ids) in [
        (
            "Have you had any trouble with your bladder or your bowels?",
            ["rf_bladder", "rf_bowel"],
        ),
        (
            "Do you have numbness or tingling?",
            ["numbness", "tingling"],
        ),
    ] {
        let m = index().ask(q);
        // Sure: the margin is over the best item it does not ask.
        assert!(m.sure, "{q}: {m:?}");
        for id in ids {
            assert!(m.covered.iter().any(|c| c == id), "{m:?}");
        }
    }
}

#[test]
fn nonsense_matches_nothing_sure() {
    let index = index();
    for q in [
        "What's your favourite colour?",
        "",
        "!!!",
        "the and of",
        "zzzz qqqq",
    ] {
        let m = index.ask(q);
        assert!(!m.sure && m.covered.is_empty(), "{q:?}: {m:?}");
    }
}

#[test]
fn matching_is_timed_and_fast() {
    let index = index();
    let start = Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        for (q, _) in TABLE.iter().chain(EITHER) {
            std::hint::black_box(index.ask(q));
        }
    }
    let each = start.elapsed() / (rounds * (TABLE.len() + EITHER.len())) as u32;
    println!("matching takes {each:?} a question on the whole questionnaire");
    // Far above what it takes, even unoptimised on a busy machine: a
    // quadratic slip would still be caught.
    assert!(each.as_millis() < 20, "{each:?}");
    let start = Instant::now();
    std::hint::black_box(self::index());
    println!("the index takes {:?} to build", start.elapsed());
}
