//! The `list` table: one message a line.

use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint, Table, Width};

use super::table::{header_row, new_table, one_line_row};
use super::text::{escape_untrusted, format_age, format_size};
use crate::queue::{QueueEntry, QueueName};

/// One message as the table shows it; untrusted text already escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    pub id: String,
    pub queue: QueueName,
    pub age: i64,
    pub size: u64,
    pub sender: String,
    pub recipients: String,
    pub reason: String,
}

impl ListRow {
    pub fn new(entry: &QueueEntry<'_>, now: i64) -> ListRow {
        let recipients = match entry.recipients.as_slice() {
            [] => String::new(),
            [only] => escape_untrusted(&only.address).into_owned(),
            [first, rest @ ..] => {
                format!("{} +{} more", escape_untrusted(&first.address), rest.len())
            }
        };
        ListRow {
            id: entry.id.to_string(),
            queue: entry.queue,
            age: entry.age(now),
            size: entry.size,
            sender: escape_untrusted(&entry.sender).into_owned(),
            recipients,
            reason: entry
                .first_reason()
                .map(|reason| escape_untrusted(reason).into_owned())
                .unwrap_or_default(),
        }
    }
}

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TableLayout {
    pub color: bool,
    /// Fit to this many columns (a terminal); None: every cell whole, lines as long as needed.
    pub width: Option<usize>,
}

pub fn render_list_table(rows: &[ListRow], layout: TableLayout) -> String {
    let mut table = new_table(layout.color, layout.width);
    let header = [
        "ID",
        "QUEUE",
        "AGE",
        "SIZE",
        "SENDER",
        "RECIPIENTS",
        "REASON",
    ];
    table.set_header(header_row(&header, layout.color));
    for row in rows {
        table.add_row(one_line_row(vec![
            Cell::new(&row.id),
            queue_cell(row.queue, layout.color),
            Cell::new(format_age(row.age)).set_alignment(CellAlignment::Right),
            Cell::new(format_size(row.size)).set_alignment(CellAlignment::Right),
            Cell::new(&row.sender),
            Cell::new(&row.recipients),
            Cell::new(&row.reason),
        ]));
    }
    let flexible = layout.width.map(|width| fit_text_columns(&table, width));
    let last = header.len() - 1;
    for (index, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if index == last { 0 } else { GAP }));
        let constraint = match (index, &flexible) {
            // ID, queue, age and size are never cut.
            (0..=3, _) => ColumnConstraint::ContentWidth,
            (_, Some(widths)) => ColumnConstraint::Absolute(Width::Fixed(widths[index - 4])),
            (_, None) => ColumnConstraint::ContentWidth,
        };
        column.set_constraint(constraint);
        if index == 2 || index == 3 {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut text = String::new();
    for line in table.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// Columns between cells.
const GAP: u16 = 2;

/// Widths for sender, recipients and reason on a terminal of `width` columns (padding
/// included): sender and recipients first, in proportion; the reason takes the rest.
fn fit_text_columns(table: &Table, width: usize) -> [u16; 3] {
    let natural = table.column_max_content_widths();
    let fixed: usize = natural[..4].iter().map(|&w| usize::from(w)).sum();
    let gap = usize::from(GAP);
    let available = width.saturating_sub(fixed + 6 * gap);
    let [sender, recipients, reason] = [natural[4], natural[5], natural[6]].map(usize::from);
    let reason_min = reason.min(12);
    let for_addresses = available.saturating_sub(reason_min);
    let (sender_fit, recipients_fit) = if sender + recipients <= for_addresses {
        (sender, recipients)
    } else {
        let sender_fit = (for_addresses * sender / (sender + recipients).max(1)).max(sender.min(8));
        (
            sender_fit,
            for_addresses
                .saturating_sub(sender_fit)
                .max(recipients.min(8)),
        )
    };
    let reason_fit = available
        .saturating_sub(sender_fit + recipients_fit)
        .clamp(reason_min, reason.max(reason_min));
    [sender_fit + gap, recipients_fit + gap, reason_fit].map(to_u16)
}

fn to_u16(width: usize) -> u16 {
    u16::try_from(width).unwrap_or(u16::MAX)
}

fn queue_cell(queue: QueueName, color: bool) -> Cell {
    let cell = Cell::new(queue.as_str());
    if !color {
        return cell;
    }
    match queue {
        QueueName::Deferred => cell.fg(Color::Yellow),
        QueueName::Hold => cell.fg(Color::Magenta),
        QueueName::Active => cell.fg(Color::Green),
        QueueName::Incoming | QueueName::Maildrop => cell.fg(Color::Cyan),
    }
}
