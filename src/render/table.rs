//! What every table of postq shares: no borders; on a terminal fitted to its width with
//! cut cells marked `…`; elsewhere nothing cut; one line a row; bold headers in colour.

use comfy_table::{Attribute, Cell, ContentArrangement, Row, Table};

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
