//! Durations (`90s`, `2h`, `1h30m`) and sizes (`512`, `10k`, `5M`), as users type them.

use super::error::ValueError;

/// Accepted duration forms, for error messages.
pub const DURATION_FORMS: &str = "a number and a unit (s, m, h, d or w; or seconds, minutes, \
     hours, days, weeks), or several: 90s, 30m, 2h, 2d, 2D, 2days, 2 days, 1w, 1h30m";

/// Accepted size forms, for error messages.
pub const SIZE_FORMS: &str =
    "bytes, or a number with k, M or G (1024-based): 512, 10k, 1.5M, 2G (KB, KiB, MB... too)";

/// Seconds in a duration such as `1h30m`, `2D`, `2days` or `2 days`. Every number needs a
/// unit: a bare `5` could mean seconds or days, and a delete by age must not guess. `M`
/// alone is refused: minutes or months?
pub fn parse_duration(text: &str) -> Result<i64, ValueError> {
    let invalid = |why: &str| {
        ValueError(format!(
            "invalid duration '{text}': {why}; use {DURATION_FORMS}"
        ))
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(invalid("it is empty"));
    }
    let mut total: i64 = 0;
    let mut rest = trimmed;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(invalid("expected a number"));
        }
        let number: i64 = rest[..digits]
            .parse()
            .map_err(|_| invalid("the number is too large"))?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .char_indices()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(rest.len(), |(at, _)| at);
        let unit = &rest[..unit_len];
        if unit.is_empty() {
            return Err(if total == 0 {
                invalid("the number has no unit")
            } else {
                invalid("the last number has no unit")
            });
        }
        let seconds = unit_seconds(unit).ok_or_else(|| {
            if unit == "M" {
                invalid("'M' could be minutes or months: write m or min for minutes")
            } else {
                invalid(&format!("unknown unit '{unit}'"))
            }
        })?;
        rest = rest[unit_len..].trim_start();
        total = number
            .checked_mul(seconds)
            .and_then(|part| total.checked_add(part))
            .ok_or_else(|| invalid("it is too long"))?;
    }
    Ok(total)
}

/// Seconds in one of a unit, as people write units.
fn unit_seconds(unit: &str) -> Option<i64> {
    if unit == "M" {
        return None;
    }
    Some(match unit.to_ascii_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        "w" | "wk" | "wks" | "week" | "weeks" => 604_800,
        _ => return None,
    })
}

/// Bytes in a size such as `10k` or `1.5M` (1024-based).
pub fn parse_size(text: &str) -> Result<u64, ValueError> {
    let invalid = |why: &str| ValueError(format!("invalid size '{text}': {why}; use {SIZE_FORMS}"));
    let trimmed = text.trim();
    let number_len = trimmed
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let (number, unit) = trimmed.split_at(number_len);
    if number.is_empty() {
        return Err(invalid("expected a number"));
    }
    let multiplier: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => return Err(invalid(&format!("unknown unit '{unit}'"))),
    };
    if let Ok(whole) = number.parse::<u64>() {
        return whole
            .checked_mul(multiplier)
            .ok_or_else(|| invalid("it is too large"));
    }
    let fraction: f64 = number
        .parse()
        .map_err(|_| invalid("the number is not valid"))?;
    let bytes = (fraction * multiplier as f64).round();
    if bytes.is_finite() && bytes >= 0.0 && bytes < u64::MAX as f64 {
        Ok(bytes as u64)
    } else {
        Err(invalid("it is too large"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let good = [
            ("90s", 90),
            ("30m", 1800),
            ("2h", 7200),
            ("3d", 259_200),
            ("1w", 604_800),
            ("1h30m", 5400),
            ("1d12h", 129_600),
            ("0s", 0),
            (" 5m ", 300),
            ("2D", 172_800),
            ("2H", 7200),
            ("2days", 172_800),
            ("2 days", 172_800),
            ("1 day", 86_400),
            ("48h", 172_800),
            ("1h 30m", 5400),
            ("90 sec", 90),
            ("2 Weeks", 1_209_600),
            ("10min", 600),
        ];
        for (text, seconds) in good {
            assert_eq!(parse_duration(text), Ok(seconds), "{text}");
        }
        let bad = [
            ("", "it is empty"),
            ("5", "has no unit"),
            ("1h30", "the last number has no unit"),
            ("2x", "unknown unit 'x'"),
            ("2M", "minutes or months"),
            ("2 fortnights", "unknown unit 'fortnights'"),
            ("h", "expected a number"),
            ("-2h", "expected a number"),
            ("1.5h", "has no unit"),
            ("99999999999999999999s", "too large"),
            ("99999999999999w", "too long"),
        ];
        for (text, why) in bad {
            let err = parse_duration(text).unwrap_err();
            assert!(err.0.contains(why), "{text}: {err}");
            assert!(err.0.contains(&format!("'{text}'")), "{text}: {err}");
        }
    }

    #[test]
    fn sizes() {
        let good = [
            ("512", 512),
            ("0", 0),
            ("10k", 10_240),
            ("10K", 10_240),
            ("10KB", 10_240),
            ("10KiB", 10_240),
            ("5M", 5 << 20),
            ("1.5M", 1_572_864),
            ("2G", 2 << 30),
            ("100b", 100),
        ];
        for (text, bytes) in good {
            assert_eq!(parse_size(text), Ok(bytes), "{text}");
        }
        let bad = [
            ("", "expected a number"),
            ("k", "expected a number"),
            ("10x", "unknown unit 'x'"),
            ("-5", "expected a number"),
            ("1.2.3k", "not valid"),
            ("99999999999G", "too large"),
        ];
        for (text, why) in bad {
            let err = parse_size(text).unwrap_err();
            assert!(err.0.contains(why), "{text}: {err}");
        }
    }
}
