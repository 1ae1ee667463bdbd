//! The summary for people: one screen of tables (comfy-table), no borders; on a terminal
//! fitted to its width with cut cells marked `…`; elsewhere nothing cut; one line a row;
//! bold headers in colour.

use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Row, Table, Width,
};

use super::text::{escape_untrusted, format_age, format_count, format_size, plural};
use crate::summary::{AGE_BUCKETS, BUCKET_COUNT, Culprit, Group, Grouping, Summary, bucket_label};

/// How the tables are laid out.
#[derive(Debug, Clone, Copy)]
pub struct SummaryLayout {
    pub color: bool,
    /// Fit to this many columns (a terminal); None: nothing cut.
    pub width: Option<usize>,
    pub top: usize,
}

fn title(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Queue => "QUEUE",
        Grouping::Sender => "SENDER",
        Grouping::SenderDomain => "SENDER DOMAIN",
        Grouping::Recipient => "RECIPIENT",
        Grouping::RecipientDomain => "RECIPIENT DOMAIN",
        Grouping::Reason => "DELAY REASON",
        Grouping::Age => "AGE",
        Grouping::Account => "ACCOUNT",
        Grouping::Client => "CLIENT",
        Grouping::Origin => "ORIGIN",
        Grouping::Subject => "SUBJECT",
        Grouping::Host => "HOST",
    }
}

/// Characters of a key laid out at most: a table's layout grows with what it is given, and
/// a sender can be 20 MB long in a hostile queue.
const KEY_CHARS: usize = 512;

fn shown_key(grouping: Grouping, key: &str) -> String {
    match (grouping, key) {
        (Grouping::SenderDomain, "") => "(null sender)".into(),
        (Grouping::Account, "") => "(not logged in)".into(),
        (Grouping::Client, "") => "(none: submitted locally)".into(),
        (Grouping::Origin, "") => "(unknown)".into(),
        (Grouping::Subject, "") => "(no subject)".into(),
        (Grouping::RecipientDomain, "") => "(no domain)".into(),
        _ => match key.char_indices().nth(KEY_CHARS) {
            Some((cut, _)) => format!("{}…", escape_untrusted(&key[..cut])),
            None => escape_untrusted(key).into_owned(),
        },
    }
}

/// `part` of `total`, 0 to 1.
pub(super) fn share(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 / total as f64
    }
}

fn percent(part: u64, total: u64) -> String {
    let percent = share(part, total) * 100.0;
    if part > 0 && percent < 0.05 {
        // 1 of 2,031 is not nothing.
        "<0.1%".to_string()
    } else {
        format!("{percent:.1}%")
    }
}

/// Lines of the table, trimmed, indented by two.
fn push_table(text: &mut String, table: &Table) {
    for line in table.lines() {
        text.push_str("  ");
        text.push_str(line.trim_end());
        text.push('\n');
    }
}

/// Numbers are never cut; the last column (a name) takes what they leave on a terminal.
/// With `name_first`, the first column is the name instead (the age histogram).
fn finish_columns(table: &mut Table, layout: &SummaryLayout, name_first: bool) {
    let widths = table.column_max_content_widths();
    let count = widths.len();
    let name = if name_first { 0 } else { count - 1 };
    let numbers: usize = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != name)
        .map(|(_, &w)| usize::from(w) + 2)
        .sum();
    for (index, column) in table.column_iter_mut().enumerate() {
        let padding = if index + 1 == count { 0 } else { 2 };
        column.set_padding((0, padding));
        if index == name {
            if let Some(width) = layout.width {
                let room = width.saturating_sub(numbers + 2).max(12);
                let fit = usize::from(widths[index]).min(room) + usize::from(padding);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
                    u16::try_from(fit).unwrap_or(u16::MAX),
                )));
            }
        } else {
            column.set_constraint(ColumnConstraint::ContentWidth);
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn group_table(
    grouping: Grouping,
    groups: &[Group],
    summary: &Summary,
    layout: &SummaryLayout,
) -> Table {
    let mut table = new_table(layout.color, layout.width);
    table.set_header(header_row(
        &["MESSAGES", "SHARE", "SIZE", "OLDEST", title(grouping)],
        layout.color,
    ));
    // Age buckets read best in order; every other grouping largest first.
    let mut rows: Vec<&Group> = groups.iter().take(layout.top).collect();
    if grouping == Grouping::Age {
        rows.sort_by_key(|g| bucket_of_label(&g.key));
    }
    for group in rows {
        table.add_row(one_line_row(vec![
            Cell::new(format_count(group.stats.count)),
            Cell::new(percent(group.stats.count, summary.total.count)),
            Cell::new(format_size(group.stats.bytes)),
            Cell::new(format_age(group.stats.oldest_age(summary.now))),
            Cell::new(shown_key(grouping, &group.key)),
        ]));
    }
    finish_columns(&mut table, layout, false);
    table
}

pub(super) fn bucket_of_label(label: &str) -> usize {
    (0..BUCKET_COUNT)
        .find(|&b| bucket_label(b) == label)
        .unwrap_or(BUCKET_COUNT)
}

/// qshape's view: messages per age bucket, for the whole selection and the top sender
/// domains.
fn histogram_table(summary: &Summary, layout: &SummaryLayout) -> Table {
    let mut table = new_table(layout.color, layout.width);
    let mut titles = vec!["MINUTES".to_string(), "T".to_string()];
    titles.extend(AGE_BUCKETS.iter().map(|b| b.to_string()));
    titles.push(format!("{}+", AGE_BUCKETS[AGE_BUCKETS.len() - 1]));
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    table.set_header(header_row(&titles, layout.color));
    let mut add = |name: String, counts: &[u64]| {
        let total: u64 = counts.iter().sum();
        let mut cells = vec![Cell::new(name), Cell::new(format_count(total))];
        cells.extend(counts.iter().map(|c| Cell::new(format_count(*c))));
        table.add_row(one_line_row(cells));
    };
    add("TOTAL".into(), &summary.age_histogram());
    if let Some(domains) = summary.grouping(Grouping::SenderDomain) {
        for group in domains.iter().take(layout.top) {
            add(
                shown_key(Grouping::SenderDomain, &group.key),
                &group.histogram,
            );
        }
    }
    finish_columns(&mut table, layout, true);
    table
}

/// The text summary.
pub fn render_summary(
    summary: &Summary,
    culprit: Option<(&Culprit, &str)>,
    layout: &SummaryLayout,
) -> String {
    let mut text = String::new();
    let total = &summary.total;
    if total.count == 0 {
        return text;
    }
    text.push_str(&format!(
        "{}, {}, {}; the oldest {} old\n",
        plural(total.count, "message", "messages"),
        format_size(total.bytes),
        plural(total.recipients, "recipient", "recipients"),
        format_age(total.oldest_age(summary.now))
    ));
    for (grouping, groups) in &summary.groupings {
        text.push('\n');
        push_table(&mut text, &group_table(*grouping, groups, summary, layout));
        if groups.len() > layout.top && *grouping != Grouping::Age {
            text.push_str(&format!(
                "  ... and {} more\n",
                format_count((groups.len() - layout.top) as u64)
            ));
        }
        if *grouping == Grouping::Age && summary.grouping(Grouping::SenderDomain).is_some() {
            text.push('\n');
            push_table(&mut text, &histogram_table(summary, layout));
        }
    }
    if let Some((culprit, command)) = culprit {
        text.push('\n');
        text.push_str(&render_culprit(culprit, total.count));
        text.push_str(&format!("Preview their removal:  {command}\n"));
    }
    let (filtered, attributed) = summary.filtered;
    if filtered > 0 {
        let how = if attributed == filtered {
            "all attributed from the mail log".to_string()
        } else if attributed > 0 {
            format!(
                "{} attributed from the mail log, the rest not found in it",
                format_count(attributed)
            )
        } else {
            "who sent them is in the mail log: give --maillog FILE (- for stdin, e.g. \
             journalctl -t postfix/smtpd -o cat)"
                .to_string()
        };
        text.push_str(&format!(
            "\n{} came back through a content filter (their log_ident names their first queue \
             ID): {how}.\n",
            plural(filtered, "message", "messages")
        ));
    }
    if let Some(why) = &summary.origins_not_read {
        text.push_str(&format!(
            "\nWho sent them (accounts, clients, local users) was not read: {why}.\n"
        ));
    }
    text
}

/// Who holds the weight, how many, and for an origin, how it spread and what stops it.
fn render_culprit(culprit: &Culprit, total: u64) -> String {
    let count = format_count(culprit.count);
    let of = format!(
        "{count} of {} messages ({})",
        format_count(total),
        percent(culprit.count, total)
    );
    let key = &culprit.key;
    let spread = culprit
        .spread
        .map(|(senders, clients)| {
            let mut text = format!(
                " under {}",
                plural(senders as u64, "sender address", "sender addresses")
            );
            if clients > 0 {
                text.push_str(&format!(
                    " from {}",
                    plural(clients as u64, "client address", "client addresses")
                ));
            }
            text
        })
        .unwrap_or_default();
    match super::summary_json::culprit_kind(culprit) {
        "account" => format!(
            "The account {} sent {of}{spread}.\nStop the source first: the account still has \
             its password (change it, or disable the account).\n",
            escape_untrusted(&key["sasl:".len()..])
        ),
        "local_user" => format!(
            "The local user {} submitted {of}{spread}.\nStop the source first: what runs as \
             that user (a web application, a cron job) still sends.\n",
            escape_untrusted(&key["local:".len()..])
        ),
        "client" => format!(
            "The client {}, not logged in, sent {of}{spread}.\nStop the source first: block \
             the client (firewall, smtpd_client_restrictions).\n",
            escape_untrusted(&key["client:".len()..])
        ),
        "sender_domain" => format!(
            "The sender domain {} holds {of}.\n",
            shown_key(Grouping::SenderDomain, key)
        ),
        _ => format!("The sender {} holds {of}.\n", escape_untrusted(key)),
    }
}

/// A borderless table, fitted to `width` columns when given (a terminal).
pub fn new_table(color: bool, width: Option<usize>) -> Table {
    let mut table = Table::new();
    table.load_style(comfy_table::presets::NOTHING);
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    match width {
        Some(width) => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(width).unwrap_or(u16::MAX))
                .set_truncation_indicator("…");
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table
}

/// A header row, bold in colour, never wrapped.
pub fn header_row(titles: &[&str], color: bool) -> Row {
    let mut row = Row::from(titles.iter().map(|title| {
        let cell = Cell::new(title);
        if color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    row.max_height(1);
    row
}

/// A row of cells, never wrapped: on a terminal, what does not fit is cut.
pub fn one_line_row(cells: Vec<Cell>) -> Row {
    let mut row = Row::from(cells);
    row.max_height(1);
    row
}
