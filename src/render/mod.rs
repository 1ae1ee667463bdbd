//! Rendering: values to text for people (tables) and programs (JSON lines, ID lists).

mod list_table;
mod text;

pub use list_table::{ListRow, TableLayout, render_list_table};
pub use text::{escape_untrusted, format_age, format_count, format_size, plural};
