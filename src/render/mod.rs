//! Rendering: values to text for people (tables) and programs (JSON lines, ID lists).

mod list_table;
mod preview;
mod summary;
mod table;
mod text;

pub use list_table::{ListRow, TableLayout, TableWriter, write_list_table};
pub use preview::{render_nothing_to_do, render_preview, render_report, verb};
pub use summary::{SummaryLayout, json_member, render_summary, render_summary_json};
pub use text::{
    escape_text_block, escape_untrusted, format_age, format_count, format_size, plural,
};
