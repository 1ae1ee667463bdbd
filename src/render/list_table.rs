//! The `list` table: one message a line, written straight to the output. Kept rows are
//! compact (one string a row); in postqueue's order the table streams, its column widths
//! taken from the first thousand rows.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::text::{escape_untrusted, format_age, format_size};
use crate::queue::{QueueEntry, QueueName};

/// One message as the table shows it; untrusted text already escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// ID, sender, recipients and reason, one after the other.
    text: String,
    /// Where the ID, sender and recipients end in `text`.
    ends: [u32; 3],
    pub queue: QueueName,
    pub age: i64,
    pub size: u64,
    /// Its host and instance, when several are read (the HOST column).
    pub place: Option<Box<str>>,
}

impl ListRow {
    pub fn new(entry: &QueueEntry<'_>, now: i64) -> ListRow {
        let mut text = String::with_capacity(
            entry.id.len() + entry.sender.len() + entry.first_reason().map_or(0, str::len) + 40,
        );
        let end = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
        text.push_str(&entry.id);
        let id_end = end(&text);
        text.push_str(&escape_untrusted(&entry.sender));
        let sender_end = end(&text);
        match entry.recipients.as_slice() {
            [] => {}
            [only] => text.push_str(&escape_untrusted(&only.address)),
            [first, rest @ ..] => {
                text.push_str(&escape_untrusted(&first.address));
                text.push_str(&format!(" +{} more", rest.len()));
            }
        }
        let recipients_end = end(&text);
        if let Some(reason) = entry.first_reason() {
            text.push_str(&escape_untrusted(reason));
        }
        ListRow {
            text,
            ends: [id_end, sender_end, recipients_end],
            queue: entry.queue,
            age: entry.age(now),
            size: entry.size,
            place: entry.place().map(|place| escape_untrusted(&place).into()),
        }
    }

    fn part(&self, index: usize) -> &str {
        let start = if index == 0 {
            0
        } else {
            self.ends[index - 1] as usize
        };
        let end = self
            .ends
            .get(index)
            .map_or(self.text.len(), |&e| e as usize);
        &self.text[start..end]
    }

    pub fn id(&self) -> &str {
        self.part(0)
    }

    pub fn sender(&self) -> &str {
        self.part(1)
    }

    pub fn recipients(&self) -> &str {
        self.part(2)
    }

    pub fn reason(&self) -> &str {
        self.part(3)
    }
}

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TableLayout {
    pub color: bool,
    /// Fit to this many columns (a terminal); None: every cell whole, lines as long as needed.
    pub width: Option<usize>,
    /// Several hosts or instances are read: a HOST column first.
    pub places: bool,
}

/// The HOST column's title.
const PLACE_HEADER: &str = "HOST";

const HEADER: [&str; 7] = [
    "ID",
    "QUEUE",
    "AGE",
    "SIZE",
    "SENDER",
    "RECIPIENTS",
    "REASON",
];
/// Columns between cells.
const GAP: usize = 2;

/// The cells of a row, as shown.
fn cells(row: &ListRow) -> [std::borrow::Cow<'_, str>; 7] {
    [
        row.id().into(),
        row.queue.as_str().into(),
        format_age(row.age).into(),
        format_size(row.size).into(),
        row.sender().into(),
        row.recipients().into(),
        row.reason().into(),
    ]
}

/// Writes the table: widths taken from a sample of rows (all of them, or the first
/// thousand when streaming), then the header and a line for each row.
pub struct TableWriter {
    widths: [usize; 7],
    /// The HOST column's width, when there is one (never cut).
    place_width: Option<usize>,
    /// Fitted to a terminal: widths are fixed and cells cut. Otherwise a cell wider than
    /// its column widens it for the rows after it: nothing is ever cut.
    fitted: bool,
    color: bool,
    line: String,
}

impl TableWriter {
    pub fn new(sample: &[ListRow], layout: TableLayout) -> TableWriter {
        let mut natural: [usize; 7] = HEADER.map(UnicodeWidthStr::width);
        for row in sample {
            for (width, cell) in natural.iter_mut().zip(cells(row)) {
                *width = (*width).max(cell.width());
            }
        }
        let place_width = layout.places.then(|| {
            sample
                .iter()
                .filter_map(|row| row.place.as_deref())
                .map(UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
                .max(PLACE_HEADER.len())
        });
        let beside = place_width.map_or(0, |width| width + GAP);
        TableWriter {
            widths: match layout.width {
                Some(terminal) => fit_text_columns(natural, terminal.saturating_sub(beside)),
                None => natural,
            },
            place_width,
            fitted: layout.width.is_some(),
            color: layout.color,
            line: String::new(),
        }
    }

    pub fn write_header(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.line.clear();
        if self.color && self.place_width.is_some() {
            self.line.push_str("\x1b[1m");
        }
        self.push_place(PLACE_HEADER);
        write_line(
            &mut self.line,
            &HEADER.map(Into::into),
            &self.widths,
            self.color,
            true,
        );
        out.write_all(self.line.as_bytes())
    }

    pub fn write_row(&mut self, out: &mut dyn Write, row: &ListRow) -> io::Result<()> {
        let cells = cells(row);
        if !self.fitted {
            for (width, cell) in self.widths.iter_mut().zip(&cells) {
                *width = (*width).max(cell.width());
            }
        }
        self.line.clear();
        let beside = self.push_place(row.place.as_deref().unwrap_or(""));
        write_line(&mut self.line, &cells, &self.widths, self.color, false);
        if self.color {
            // Colour the queue cell: it starts after the HOST and ID columns.
            let start = beside + self.widths[0] + GAP;
            let end = start + row.queue.as_str().len();
            if end <= self.line.len()
                && self.line.is_char_boundary(start)
                && self.line.is_char_boundary(end)
            {
                self.line.insert_str(end, "\x1b[0m");
                self.line.insert_str(start, queue_color(row.queue));
            }
        }
        out.write_all(self.line.as_bytes())
    }
}

impl TableWriter {
    /// The HOST cell, padded, where there is the column; its columns on the line.
    fn push_place(&mut self, place: &str) -> usize {
        let Some(width) = &mut self.place_width else {
            return 0;
        };
        if !self.fitted {
            *width = (*width).max(place.width());
        }
        let shown = fit(place, *width);
        self.line.push_str(&shown);
        let pad = width.saturating_sub(shown.width()) + GAP;
        self.line.extend(std::iter::repeat_n(' ', pad));
        self.line.len()
    }
}

/// The whole table at once.
pub fn write_list_table(
    out: &mut dyn Write,
    rows: &[ListRow],
    layout: TableLayout,
) -> io::Result<()> {
    let mut writer = TableWriter::new(rows, layout);
    writer.write_header(out)?;
    for row in rows {
        writer.write_row(out, row)?;
    }
    Ok(())
}

fn write_line(
    line: &mut String,
    cells: &[std::borrow::Cow<'_, str>; 7],
    widths: &[usize; 7],
    color: bool,
    header: bool,
) {
    if header && color {
        line.push_str("\x1b[1m");
    }
    let last = cells.len() - 1;
    for (index, cell) in cells.iter().enumerate() {
        let width = widths[index];
        // Addresses lose their middle, not their domain.
        let shown = if matches!(index, 4 | 5) {
            fit_address(cell, width)
        } else {
            fit(cell, width)
        };
        let pad = width.saturating_sub(shown.width());
        // Age and size are numbers: right-aligned.
        if matches!(index, 2 | 3) {
            line.extend(std::iter::repeat_n(' ', pad));
            line.push_str(&shown);
        } else {
            line.push_str(&shown);
            if index != last {
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        if index != last {
            line.extend(std::iter::repeat_n(' ', GAP));
        }
    }
    let trimmed = line.trim_end().len();
    line.truncate(trimmed);
    if header && color {
        line.push_str("\x1b[0m");
    }
    line.push('\n');
}

/// `text` cut to `width` display columns, with `…` where it was cut.
fn fit(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return text.into();
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        shown.push(c);
        used += w;
    }
    if width > 0 {
        shown.push('…');
    }
    shown.into()
}

/// An address (or `address +N more`) cut to `width` columns in the middle of its local part,
/// so that the domain stays: `compro…@customer.example`; where even the domain does not
/// fit, the middle of the whole.
fn fit_address(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return text.into();
    }
    let tail_from = text.rfind('@').unwrap_or(text.len());
    let tail = &text[tail_from..];
    if tail.width() + 2 <= width {
        let head = take_columns(&text[..tail_from], width - tail.width() - 1);
        return format!("{head}…{tail}").into();
    }
    if width < 3 {
        return fit(text, width);
    }
    let keep = width - 1;
    let head = take_columns(text, keep / 2 + keep % 2);
    let tail = take_last_columns(text, keep / 2);
    format!("{head}…{tail}").into()
}

/// The first characters of `text` that fit in `width` columns.
fn take_columns(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &text[..at];
        }
    }
    text
}

/// The last characters of `text` that fit in `width` columns.
fn take_last_columns(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &text[at + c.len_utf8()..];
        }
    }
    text
}

/// Widths on a terminal of `terminal` columns: ID, queue, age and size are never cut;
/// sender and recipients get theirs first, in proportion (at least 6 each); the reason
/// takes the rest.
fn fit_text_columns(natural: [usize; 7], terminal: usize) -> [usize; 7] {
    let fixed: usize = natural[..4].iter().sum();
    let available = terminal.saturating_sub(fixed + 6 * GAP);
    let [sender, recipients, reason] = [natural[4], natural[5], natural[6]];
    let for_addresses = available.saturating_sub(reason.min(12));
    // By need: a column narrower than half the room keeps its width, the other takes the
    // rest; both wider, they share it.
    let half = for_addresses / 2;
    let (sender_fit, recipients_fit) = if sender + recipients <= for_addresses {
        (sender, recipients)
    } else if recipients <= half {
        (for_addresses - recipients, recipients)
    } else if sender <= half {
        (sender, for_addresses - sender)
    } else {
        (half, for_addresses - half)
    };
    let (sender_fit, recipients_fit) = (
        sender_fit.max(sender.min(6)),
        recipients_fit.max(recipients.min(6)),
    );
    let reason_fit = available
        .saturating_sub(sender_fit + recipients_fit)
        .min(reason);
    let mut widths = natural;
    widths[4] = sender_fit;
    widths[5] = recipients_fit;
    widths[6] = reason_fit;
    widths
}

fn queue_color(queue: QueueName) -> &'static str {
    match queue {
        QueueName::Deferred => "\x1b[33m",
        QueueName::Hold => "\x1b[35m",
        QueueName::Active => "\x1b[32m",
        QueueName::Incoming | QueueName::Maildrop => "\x1b[36m",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::parse_line;

    fn row(sender: &str, recipients: &str) -> ListRow {
        let line = format!(
            r#"{{"queue_name": "deferred", "queue_id": "85F4B98C0F4", "arrival_time": 1000, "message_size": 2048, "sender": "{sender}", "recipients": [{recipients}]}}"#
        );
        ListRow::new(&parse_line(1, &line).unwrap().entry, 1000 + 3700)
    }

    fn table(rows: &[ListRow], width: Option<usize>) -> String {
        let mut out = Vec::new();
        write_list_table(
            &mut out,
            rows,
            TableLayout {
                color: false,
                width,
                places: false,
            },
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn rows_keep_their_parts_apart() {
        let row = row(
            "a@b.example",
            r#"{"address": "x@y.example", "delay_reason": "refused"}, {"address": "z@y.example"}"#,
        );
        assert_eq!(row.id(), "85F4B98C0F4");
        assert_eq!(row.sender(), "a@b.example");
        assert_eq!(row.recipients(), "x@y.example +1 more");
        assert_eq!(row.reason(), "refused");
    }

    #[test]
    fn not_on_a_terminal_nothing_is_cut_and_columns_align() {
        let long_reason = "x".repeat(300);
        let rows = [
            row(
                "a@b.example",
                &format!(r#"{{"address": "r@y.example", "delay_reason": "{long_reason}"}}"#),
            ),
            row("someone.longer@b.example", r#"{"address": "r@y.example"}"#),
        ];
        let text = table(&rows, None);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "ID           QUEUE       AGE     SIZE  SENDER                    RECIPIENTS   REASON"
        );
        assert_eq!(
            lines[1],
            format!(
                "85F4B98C0F4  deferred  1h01m  2.0 KiB  a@b.example               r@y.example  {long_reason}"
            )
        );
        assert_eq!(
            lines[2],
            "85F4B98C0F4  deferred  1h01m  2.0 KiB  someone.longer@b.example  r@y.example"
        );
    }

    #[test]
    fn on_a_terminal_lines_fit_and_cut_cells_end_in_an_ellipsis() {
        let reason = "connect to mx.example.com[192.0.2.1]:25: Connection refused";
        let rows = [row(
            "a.rather.long.sender@somewhere.example",
            &format!(
                r#"{{"address": "a.long.recipient@elsewhere.example", "delay_reason": "{reason}"}}"#
            ),
        )];
        for width in [60, 80, 100] {
            let text = table(&rows, Some(width));
            for line in text.lines() {
                assert!(line.width() <= width, "{width}: {line}");
            }
            assert!(text.contains('…'), "{width}: {text}");
            assert!(text.contains("85F4B98C0F4  deferred  1h01m  2.0 KiB"));
        }
        let text = table(&rows, Some(400));
        assert!(!text.contains('…'));
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(fit("日本語のアドレス", 7), "日本語…");
        assert_eq!(fit("abc", 3), "abc");
    }

    #[test]
    fn addresses_keep_their_domain_when_cut() {
        assert_eq!(
            fit_address("compromised@customer.example", 40),
            "compromised@customer.example"
        );
        assert_eq!(
            fit_address("compromised@customer.example", 22),
            "comp…@customer.example"
        );
        assert_eq!(
            fit_address("alice@customer.example +3 more", 28),
            "al…@customer.example +3 more"
        );
        // Too narrow for the domain: the middle of the whole goes.
        assert_eq!(fit_address("compromised@customer.example", 9), "comp…mple");
        assert_eq!(fit_address("compromised@customer.example", 9).width(), 9);
    }
}
