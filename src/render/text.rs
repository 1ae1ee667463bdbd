//! Small text forms shared by every renderer: escaping of untrusted text, shell quoting, ages,
//! sizes, counts.

use std::borrow::Cow;
use std::fmt::Write;

/// Senders, recipients and delay reasons come from strangers on the internet. Control
/// characters (which could move the cursor, recolour or retitle the terminal) and the
/// invisible bidirectional and zero-width characters (which can make text read differently
/// from what it is) are shown as escapes: `\x1b`, `\u{202e}`. A backslash stays as it is.
pub fn escape_untrusted(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            if (c as u32) < 0x100 {
                let _ = write!(escaped, "\\x{:02x}", c as u32);
            } else {
                let _ = write!(escaped, "\\u{{{:x}}}", c as u32);
            }
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// Control characters; every format character (Unicode's Cf: soft hyphen, bidi controls,
/// zero-width characters, tags, interlinear annotations...); line and paragraph separators;
/// and the blank letters that render as nothing (Hangul fillers, the combining grapheme
/// joiner, the Braille blank).
fn needs_escape(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.is_control()
        || matches!(
            c.general_category(),
            GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
        || matches!(
            c,
            '\u{034f}' | '\u{115f}' | '\u{1160}' | '\u{2800}' | '\u{3164}' | '\u{ffa0}'
        )
}

/// A block of untrusted text for a terminal: lines and tabs kept, every other control or
/// invisible character escaped.
pub fn escape_text_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push('\t');
            }
            out.push_str(&escape_untrusted(part));
        }
    }
    out
}

/// A compact age: `45s`, `12m`, `3h05m`, `2d04h`, `3w2d`, `1y040d`.
pub fn format_age(seconds: i64) -> String {
    let s = seconds.max(0);
    let (m, h, d) = (s / 60, s / 3600, s / 86400);
    if s < 60 {
        format!("{s}s")
    } else if s < 3600 {
        format!("{m}m")
    } else if s < 86400 {
        format!("{h}h{:02}m", m % 60)
    } else if d < 14 {
        format!("{d}d{:02}h", h % 24)
    } else if d < 365 {
        format!("{}w{}d", d / 7, d % 7)
    } else {
        format!("{}y{:03}d", d / 365, d % 365)
    }
}

/// A size in 1024-based units: `512 B`, `1.5 KiB`, `23 MiB`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A count with thousands separators: `21,873`.
pub fn format_count(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `1 message`, `2 messages`.
pub fn plural(count: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        format_count(count),
        if count == 1 { one } else { many }
    )
}

/// The line that ends every dry run.
pub const DRY_RUN_DONE: &str = "Dry run: nothing was changed.";

/// `text` as one shell word: bare when a shell would not split or expand it, else in single
/// quotes. For commands shown to the user to copy.
pub fn shell_quote(text: &str) -> Cow<'_, str> {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@.-_+=:,/%".contains(c));
    if plain {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("'{}'", text.replace('\'', r"'\''")))
    }
}

/// `delete` -> `Delete`.
pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(shell_quote("<>"), "'<>'");
        assert_eq!(shell_quote("a@b.example"), "a@b.example");
        assert_eq!(shell_quote("\"john doe\"@x"), "'\"john doe\"@x'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(capitalize("delete"), "Delete");
    }

    #[test]
    fn escapes_what_could_fool_a_terminal_and_nothing_else() {
        let cases = [
            ("user@example.com", "user@example.com"),
            ("j\u{e9}r\u{f4}me@example.fr", "j\u{e9}r\u{f4}me@example.fr"),
            ("a\x1b[31mred", "a\\x1b[31mred"),
            ("line\nbreak\ttab\r", "line\\x0abreak\\x09tab\\x0d"),
            ("evil\u{202e}moc.elgoog", "evil\\u{202e}moc.elgoog"),
            ("zero\u{200b}width", "zero\\u{200b}width"),
            ("c1\u{9b}csi", "c1\\x9bcsi"),
            ("back\\slash", "back\\slash"),
            ("ad\u{ad}min@bank.example", "ad\\xadmin@bank.example"),
            (
                "a\u{180e}b\u{206a}c\u{fff9}d",
                "a\\u{180e}b\\u{206a}c\\u{fff9}d",
            ),
            ("tag\u{e0041}\u{e007f}", "tag\\u{e0041}\\u{e007f}"),
            ("\u{3164}filler", "\\u{3164}filler"),
        ];
        for (raw, shown) in cases {
            assert_eq!(escape_untrusted(raw), shown, "{raw:?}");
        }
        assert!(matches!(escape_untrusted("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_blocks_keep_lines_and_tabs_only() {
        assert_eq!(
            escape_text_block("Subject: hi\n\tfolded\x1b[2J\r\nend\u{202e}"),
            "Subject: hi\n\tfolded\\x1b[2J\\x0d\nend\\u{202e}"
        );
    }

    #[test]
    fn ages_are_compact() {
        let cases = [
            (-5, "0s"),
            (0, "0s"),
            (59, "59s"),
            (60, "1m"),
            (3599, "59m"),
            (3600, "1h00m"),
            (3600 + 5 * 60, "1h05m"),
            (86400 + 4 * 3600, "1d04h"),
            (13 * 86400, "13d00h"),
            (17 * 86400, "2w3d"),
            (364 * 86400, "52w0d"),
            (365 * 86400, "1y000d"),
            (4 * 365 * 86400 + 310 * 86400, "4y310d"),
        ];
        for (seconds, shown) in cases {
            assert_eq!(format_age(seconds), shown, "{seconds}");
        }
    }

    #[test]
    fn sizes_are_1024_based() {
        let cases = [
            (0, "0 B"),
            (1023, "1023 B"),
            (1024, "1.0 KiB"),
            (1536, "1.5 KiB"),
            (10 * 1024, "10 KiB"),
            (5 * 1024 * 1024, "5.0 MiB"),
            (3 * 1024 * 1024 * 1024, "3.0 GiB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(format_size(bytes), shown, "{bytes}");
        }
    }

    #[test]
    fn counts_have_separators() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1000), "1,000");
        assert_eq!(format_count(21873), "21,873");
        assert_eq!(format_count(1234567), "1,234,567");
        assert_eq!(plural(1, "message", "messages"), "1 message");
        assert_eq!(plural(2000, "message", "messages"), "2,000 messages");
    }
}
