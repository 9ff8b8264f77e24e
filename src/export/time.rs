//! Dates for summaries and file names, from Unix seconds. People read local
//! time, with its offset from UTC, so staff can match a file to the clock on
//! the wall; programs read UTC (JSON, FHIR). The offset comes from the
//! system's time zone (TZ, or /etc/localtime); the calendar arithmetic is ours.

use crate::text::{DateWords, fill};

/// (year, month, day, hour, minute, second) of a Unix time, in UTC.
fn parts(secs: u64) -> (i64, u32, u32, u32, u32, u32) {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Days to civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        (rem / 3600) as u32,
        (rem % 3600 / 60) as u32,
        (rem % 60) as u32,
    )
}

/// The local time zone's offset from UTC at `secs`, in seconds east (0 when
/// the system names no zone or the zone cannot be read).
pub fn local_offset(secs: u64) -> i32 {
    let Ok(at) = jiff::Timestamp::from_second(secs.min(i64::MAX as u64) as i64) else {
        return 0;
    };
    jiff::tz::TimeZone::try_system()
        .map(|tz| tz.to_offset(at).seconds())
        .unwrap_or(0)
}

/// `secs` moved by `offset` seconds, for showing a local time.
fn shifted(secs: u64, offset: i32) -> u64 {
    secs.saturating_add_signed(i64::from(offset))
}

/// `+01:00`, `-05:30`, with `sep` between hours and minutes.
fn offset_text(offset: i32, sep: &str) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let m = offset.unsigned_abs() / 60;
    format!("{sign}{:02}{sep}{:02}", m / 60, m % 60)
}

/// `2026-11-25T10:30:00Z`
pub fn rfc3339(secs: u64) -> String {
    let (y, mo, d, h, mi, s) = parts(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `2026-11-25T11:30:00+01:00`: local time with its offset, for staff logs.
pub fn rfc3339_local(secs: u64) -> String {
    let offset = local_offset(secs);
    let (y, mo, d, h, mi, s) = parts(shifted(secs, offset));
    let off = offset_text(offset, ":");
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{off}")
}

/// `25 November 2026, 11:30 (UTC+01:00)`, in local time.
pub fn readable(secs: u64, words: &DateWords) -> String {
    readable_at(secs, local_offset(secs), words)
}

/// `25 November 2026, 11:30 (UTC+01:00)`, at `offset` seconds east of UTC.
pub fn readable_at(secs: u64, offset: i32, words: &DateWords) -> String {
    let (y, mo, d, h, mi, _) = parts(shifted(secs, offset));
    let zone = match offset {
        0 => "UTC".to_string(),
        _ => format!("UTC{}", offset_text(offset, ":")),
    };
    let (day, year, time) = (d.to_string(), y.to_string(), format!("{h:02}:{mi:02}"));
    let values = [
        ("day", day.as_str()),
        ("month", words.months.get(mo)),
        ("year", &year),
        ("time", &time),
        ("zone", &zone),
    ];
    fill(&words.readable, &values)
}

/// When something happened, as said to a patient: "today at 10:42",
/// "yesterday at 18:05", else the day in words, all in local time.
pub fn spoken(secs: u64, now: u64, words: &DateWords) -> String {
    spoken_at(secs, now, local_offset(secs), words)
}

fn spoken_at(secs: u64, now: u64, offset: i32, words: &DateWords) -> String {
    let day = |t: u64| shifted(t, offset) / 86_400;
    let (y, mo, d, h, mi, _) = parts(shifted(secs, offset));
    let time = format!("{h:02}:{mi:02}");
    let template = match day(now).checked_sub(day(secs)) {
        Some(0) => &words.today,
        Some(1) => &words.yesterday,
        _ => &words.on_day,
    };
    let (day, year) = (d.to_string(), y.to_string());
    let values = [
        ("day", day.as_str()),
        ("month", words.months.get(mo)),
        ("year", &year),
        ("time", &time),
    ];
    fill(template, &values)
}

/// `20261125-113000+0100`, local time for file names.
pub fn compact(secs: u64) -> String {
    compact_at(secs, local_offset(secs))
}

fn compact_at(secs: u64, offset: i32) -> String {
    let (y, mo, d, h, mi, s) = parts(shifted(secs, offset));
    let off = offset_text(offset, "");
    format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}{off}")
}

pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_dates() {
        let words = &crate::text::Text::builtin().dates;
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_602_600), "2026-11-25T10:30:00Z");
        assert_eq!(
            readable_at(1_795_602_600, 0, words),
            "25 November 2026, 10:30 (UTC)"
        );
        assert_eq!(
            readable_at(1_795_602_600, 3600, words),
            "25 November 2026, 11:30 (UTC+01:00)"
        );
        // Across midnight and the date line, west of UTC, half-hour zones.
        assert_eq!(
            readable_at(1_795_602_600, -11 * 3600, words),
            "24 November 2026, 23:30 (UTC-11:00)"
        );
        assert_eq!(compact_at(1_795_602_600, 0), "20261125-103000+0000");
        assert_eq!(compact_at(1_795_602_600, 19_800), "20261125-160000+0530");
    }

    #[test]
    fn a_time_is_said_as_today_yesterday_or_its_day() {
        let at = 1_795_602_600; // 25 November 2026, 10:30 UTC
        for (language, today, yesterday, earlier) in [
            (
                "en",
                "today at 10:30",
                "yesterday at 10:30",
                "on 25 November 2026 at 10:30",
            ),
            (
                "es",
                "hoy a las 10:30",
                "ayer a las 10:30",
                "el 25 de noviembre de 2026 a las 10:30",
            ),
        ] {
            let words = &crate::text::Text::builtin_in(language).unwrap().dates;
            let said = |now| spoken_at(at, now, 0, words);
            assert_eq!(said(at + 3600), today);
            assert_eq!(said(at + 86_400), yesterday);
            assert_eq!(said(at + 2 * 86_400), earlier);
            // A clock set back: the day in words, never a panic.
            assert!(spoken_at(at + 2 * 86_400, at, 0, words).contains("2026"));
        }
        // Local midnight decides, not UTC's: 23:30 the day before at UTC-11.
        let words = &crate::text::Text::builtin().dates;
        assert_eq!(
            spoken_at(1_795_602_600, 1_795_602_600 + 3600, -11 * 3600, words),
            "yesterday at 23:30"
        );
    }

    #[test]
    fn the_local_offset_is_the_one_the_system_date_command_gives() {
        // An independent reading of the same zone (TZ or /etc/localtime).
        for secs in [1_795_602_600u64, 1_785_000_000] {
            let out = std::process::Command::new("date")
                .args(["-d", &format!("@{secs}"), "+%z"])
                .output()
                .expect("date runs");
            let z = String::from_utf8(out.stdout).unwrap();
            let (sign, hhmm) = z.trim().split_at(1);
            let minutes =
                hhmm[..2].parse::<i32>().unwrap() * 60 + hhmm[2..].parse::<i32>().unwrap();
            let expected = if sign == "-" { -minutes } else { minutes } * 60;
            assert_eq!(local_offset(secs), expected, "{z}");
        }
    }
}
