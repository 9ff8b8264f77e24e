//! Every patient-facing sentence of the built-in Spanish reads as plain
//! Spanish: INFLESZ "normal" or easier, the grade-8 plain language that
//! tests/readability.rs asks of the English, over the same texts.

mod common;

use common::prose::{miscounted, prose, sentences, words};

/// INFLESZ "normal" (55 to 65) is what Spanish readers meet in general
/// newspapers and patient leaflets; below it is "somewhat difficult".
const MIN_INFLESZ: f64 = 55.0;

/// As in English: a short text swings by whole bands on one long word.
const MIN_WORDS: usize = 8;

/// Szigriszt-Pazos perspicuity, read on the INFLESZ scale:
/// P = 206.835 − 62.3 × syllables / words − words / sentences.
/// Sources: F. Szigriszt Pazos, "Sistemas predictivos de legibilidad del
/// mensaje escrito: fórmula de perspicuidad" (thesis, Universidad
/// Complutense de Madrid, 1993); the scale: I. M. Barrio-Cantalejo et al.,
/// "Validación de la Escala INFLESZ para evaluar la legibilidad de los
/// textos dirigidos a pacientes", An. Sist. Sanit. Navar. 2008;31(2):135-52
/// (below 40 very hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly
/// easy, above 80 very easy).
fn inflesz(text: &str) -> f64 {
    let words = words(text);
    let n = words.len().max(1) as f64;
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    206.835 - 62.3 * (syllables as f64 / n) - n / sentences(text) as f64
}

/// Syllables of a Spanish word, counted roughly by vowel groups: two
/// vowels side by side are one syllable (a diphthong) when one is a weak
/// vowel (i, u, ü, or y ending a word) without a written accent, and two
/// (a hiatus) when both are strong (a, e, o, or any accented vowel). So
/// "cuidado" 3, "día" 2, "muy" 1, "poeta" 3. A silent "h" between vowels
/// and other rare cases are not handled. A number counts as one; each
/// part of a hyphenated word on its own.
fn syllables(word: &str) -> usize {
    let lower = word.to_lowercase();
    let parts = lower
        .split(['-', '/'])
        .map(part_syllables)
        .filter(|&n| n > 0);
    let sum: usize = parts.sum();
    sum.max(1)
}

fn part_syllables(part: &str) -> usize {
    let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
    let vowel = |i: usize| {
        let c = letters[i];
        "aeiouáéíóúü".contains(c) || (c == 'y' && i > 0 && i + 1 == letters.len())
    };
    let weak = |c: char| "iuüy".contains(c);
    let mut groups = 0;
    for i in 0..letters.len() {
        let joins = i > 0 && vowel(i - 1) && (weak(letters[i - 1]) || weak(letters[i]));
        if vowel(i) && !joins {
            groups += 1;
        }
    }
    groups
}

#[test]
fn spanish_syllables_follow_the_rule_of_thumb() {
    let cases = [
        ("pie", 1),
        ("muy", 1),
        ("cuidado", 3),
        ("día", 2),
        ("poeta", 3),
        ("debilidad", 4),
        ("hormigueo", 4),
        ("adormecimiento", 6),
        ("pierna", 2),
        ("orinar", 3),
        ("¿Le", 1),
        ("10", 1),
        ("rayos", 2),
        ("ayuda", 3),
        ("hoy", 1),
        ("anti-inflamatorio", 7),
    ];
    let wrong = miscounted(&cases, syllables);
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn the_measure_tells_plain_from_dense_spanish() {
    let plain = "¿Le duele de noche? ¿No lo deja dormir cuando está quieto?";
    let dense = "¿Ha notado adormecimiento o una sensación diferente entre las piernas, \
alrededor de los glúteos o en la zona que tocaría el asiento de una bicicleta?";
    assert!(inflesz(plain) > 80.0, "{}", inflesz(plain));
    assert!(inflesz(dense) < MIN_INFLESZ, "{}", inflesz(dense));
}

#[test]
fn every_spanish_patient_sentence_reads_as_plain_spanish() {
    let texts = prose(&intake::languages::bundle("es").unwrap());
    let measured: Vec<_> = texts
        .iter()
        .filter(|t| words(&t.text).len() >= MIN_WORDS)
        .map(|t| (inflesz(&t.text), t))
        .collect();
    let mean = measured.iter().map(|(p, _)| p).sum::<f64>() / measured.len() as f64;
    println!(
        "{} Spanish texts measured, mean INFLESZ {mean:.1}",
        measured.len()
    );
    let hard: Vec<String> = measured
        .iter()
        .filter(|(p, _)| *p < MIN_INFLESZ)
        .map(|(p, t)| format!("{p:5.1}  {}: {}", t.at, t.text))
        .collect();
    assert!(
        hard.is_empty(),
        "{} of {} Spanish texts read below INFLESZ {MIN_INFLESZ}:\n{}",
        hard.len(),
        measured.len(),
        hard.join("\n")
    );
}
