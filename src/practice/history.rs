//! A trainee's progress over sessions: each debrief's scores, per skill,
//! saved beside the debrief itself (mode 0600, in a 0700 folder), and read
//! back as a table of sessions and each skill's course.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::{WriteError, private_dir, write_private};

/// One skill's points in one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    pub id: String,
    pub got: u32,
    pub of: u32,
}

impl Skill {
    /// The share scored, 0 to 100; a skill worth nothing counts whole. A
    /// hand-edited record may say anything: no overflow, never over 100.
    pub fn percent(&self) -> u32 {
        let (got, of) = (u64::from(self.got.min(self.of)), u64::from(self.of));
        let percent = (got * 100 + of / 2).checked_div(of).unwrap_or(100);
        percent as u32
    }
}

/// One practice session as the history keeps it: no answers, no words of
/// the trainee's, only the case and the scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub case: String,
    /// When the debrief was made (seconds since the epoch).
    pub when: u64,
    pub seconds: u64,
    pub total: u32,
    pub skills: Vec<Skill>,
}

impl Record {
    /// The record of a session of case `case` scored `card` at `when`.
    pub fn new(case: &str, when: u64, card: &super::Scorecard) -> Record {
        let skills = card.skills.iter().map(|s| Skill {
            id: s.id.clone(),
            got: s.got,
            of: s.of,
        });
        Record {
            case: case.to_string(),
            when,
            seconds: card.seconds,
            total: card.total(),
            skills: skills.collect(),
        }
    }
}

/// Saves a session's record and its debrief (Markdown) in `dir`, each
/// named by the time and the case; returns the debrief's path.
pub fn save(dir: &Path, record: &Record, debrief: &str) -> Result<PathBuf, WriteError> {
    private_dir(dir)?;
    let stem = format!(
        "{}-{}",
        crate::export::time::compact(record.when),
        record.case
    );
    let json = serde_json::to_string_pretty(record).expect("a record serialises");
    let free = free_stem(dir, &stem);
    write_private(&dir.join(format!("{free}.json")), json.as_bytes(), false)?;
    let md = dir.join(format!("{free}.md"));
    write_private(&md, debrief.as_bytes(), false)?;
    Ok(md)
}

/// `stem`, or `stem-2`, `stem-3`...: the first with no record yet.
fn free_stem(dir: &Path, stem: &str) -> String {
    (1..)
        .map(|n| match n {
            1 => stem.to_string(),
            n => format!("{stem}-{n}"),
        })
        .find(|s| !dir.join(format!("{s}.json")).exists())
        .expect("some name is free")
}

/// Every record in `dir` that reads, oldest first, and a warning for each
/// that does not, at its line and column (one bad file hides no others). A
/// folder not made yet holds none.
pub fn load(dir: &Path) -> Result<(Vec<Record>, Vec<String>), String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let (mut records, mut skipped) = (Vec::new(), Vec::new());
    for p in &paths {
        match read(p) {
            Ok(r) => records.push(r),
            Err(e) => skipped.push(e),
        }
    }
    records.sort_by_key(|r| r.when);
    Ok((records, skipped))
}

fn read(path: &Path) -> Result<Record, String> {
    let name = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        // serde_json ends its message with " at line L column C".
        let message = message.split(" at line ").next().unwrap_or(&message);
        format!("{name}:{}:{}: {message}", e.line(), e.column())
    })
}

/// The skills' ids in the order first seen: the columns of the table.
fn skill_ids(records: &[Record]) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for s in records.iter().flat_map(|r| &r.skills) {
        if !ids.contains(&s.id.as_str()) {
            ids.push(&s.id);
        }
    }
    ids
}

/// One skill's course over the sessions that scored it: first, last, mean
/// and best, in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub id: String,
    pub sessions: usize,
    pub first: u32,
    pub last: u32,
    pub mean: u32,
    pub best: u32,
}

/// Each skill's course, in the table's order.
pub fn courses(records: &[Record]) -> Vec<Course> {
    skill_ids(records)
        .into_iter()
        .map(|id| {
            let scores: Vec<u32> = records
                .iter()
                .filter_map(|r| r.skills.iter().find(|s| s.id == id))
                .map(Skill::percent)
                .collect();
            let n = scores.len() as u32;
            Course {
                id: id.to_string(),
                sessions: scores.len(),
                first: scores[0],
                last: scores[scores.len() - 1],
                mean: (scores.iter().sum::<u32>() + n / 2) / n,
                best: scores.iter().copied().max().unwrap_or(0),
            }
        })
        .collect()
}

/// The sessions as rows of cells (when, case, total, each skill's percent,
/// "-" where a session did not score it), under a header row; `name` gives
/// a skill's column heading.
pub fn rows(
    records: &[Record],
    head: [&str; 3],
    name: impl Fn(&str) -> String,
) -> Vec<Vec<String>> {
    let ids = skill_ids(records);
    let mut header: Vec<String> = head.iter().map(|h| h.to_string()).collect();
    header.extend(ids.iter().map(|id| name(id)));
    let body = records.iter().map(|r| {
        let mut row = vec![
            crate::export::time::rfc3339_local(r.when)
                .get(..16)
                .unwrap_or_default()
                .replace('T', " "),
            r.case.clone(),
            r.total.to_string(),
        ];
        row.extend(ids.iter().map(|id| {
            let skill = r.skills.iter().find(|s| s.id == *id);
            skill.map_or("-".into(), |s| s.percent().to_string())
        }));
        row
    });
    std::iter::once(header).chain(body).collect()
}

/// Rows as text, each column as wide as its widest cell; numbers to the right.
pub fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        let cells = rows.iter().filter_map(|r| r.get(c));
        cells.map(|s| s.chars().count()).max().unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let line = |row: &Vec<String>| {
        let cells = row.iter().zip(&widths).map(|(cell, w)| {
            if cell.chars().all(|c| c.is_ascii_digit() || c == '-') {
                format!("{cell:>w$}")
            } else {
                format!("{cell:<w$}")
            }
        });
        cells.collect::<Vec<_>>().join("  ").trim_end().to_string()
    };
    rows.iter().map(line).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn record(case: &str, when: u64, history: (u32, u32), map: Option<(u32, u32)>) -> Record {
        let mut skills = vec![Skill {
            id: "history".into(),
            got: history.0,
            of: history.1,
        }];
        skills.extend(map.map(|(got, of)| Skill {
            id: "map".into(),
            got,
            of,
        }));
        Record {
            case: case.into(),
            when,
            seconds: 300,
            total: history.0 + map.map_or(0, |m| m.0),
            skills,
        }
    }

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("intake-history-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn records_are_saved_private_and_read_back_oldest_first() {
        let dir = temp("save").join("student");
        let late = record("s1", 2_000_000_000, (10, 20), Some((5, 10)));
        let early = record("l5", 1_900_000_000, (20, 20), None);
        let md = save(&dir, &late, "# debrief").unwrap();
        save(&dir, &early, "# debrief").unwrap();
        // The same case in the same second gets a name of its own.
        save(&dir, &late, "# again").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&md), 0o600);
        assert_eq!(std::fs::read_to_string(&md).unwrap(), "# debrief");
        let (back, skipped) = load(&dir).unwrap();
        assert_eq!(back, [early, late.clone(), late]);
        assert!(skipped.is_empty());
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }

    #[test]
    fn a_missing_folder_holds_no_sessions_and_a_broken_record_is_skipped_and_placed() {
        let dir = temp("broken");
        assert_eq!(load(&dir).unwrap(), (vec![], vec![]));
        private_dir(&dir).unwrap();
        std::fs::write(dir.join("x.json"), "{\n  \"case\": 3\n}").unwrap();
        save(&dir, &record("l5", 1, (10, 20), None), "#").unwrap();
        let (records, skipped) = load(&dir).unwrap();
        assert_eq!(records.len(), 1, "the good record still reads");
        assert!(
            skipped[0].ends_with("x.json:2:11: invalid type: integer `3`, expected a string"),
            "{skipped:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_hand_edited_record_neither_overflows_nor_goes_over_100() {
        let huge = Skill {
            id: "map".into(),
            got: u32::MAX,
            of: u32::MAX - 1,
        };
        assert_eq!(huge.percent(), 100);
        let over = Skill {
            id: "map".into(),
            got: 50,
            of: 10,
        };
        assert_eq!(over.percent(), 100);
        let none = Skill { of: 0, ..over };
        assert_eq!(none.percent(), 100);
    }

    #[test]
    fn each_skill_has_a_course_and_a_column() {
        let records = [
            record("l5", 1, (10, 20), None),
            record("s1", 2, (15, 20), Some((2, 10))),
            record("c6", 3, (20, 20), Some((9, 10))),
        ];
        let c = courses(&records);
        assert_eq!(c[0].id, "history");
        assert_eq!(
            (c[0].first, c[0].last, c[0].mean, c[0].best),
            (50, 100, 75, 100)
        );
        assert_eq!((c[1].sessions, c[1].first, c[1].last), (2, 20, 90));
        let rows = rows(&records, ["When", "Case", "Total"], |id| id.to_uppercase());
        assert_eq!(rows[0], ["When", "Case", "Total", "HISTORY", "MAP"]);
        assert_eq!(rows[1][3..], ["50", "-"]);
        let text = aligned(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].ends_with("   50    -"), "{text}");
        assert!(lines[3].ends_with("  100   90"), "{text}");
    }
}
