//! Rendering: values to text for people (tables, previews, reports) and programs (JSON).

mod action_text;
mod exposition;
mod list_table;
mod outcome_json;
mod summary_json;
mod summary_table;
mod text;

pub use action_text::{
    PREVIEW_SENDERS, render_nothing_to_do, render_preview, render_report, render_senders,
    render_still_queued,
};
pub use exposition::Exposition;
pub use list_table::{ListRow, TableLayout, TableWriter, write_list_table};
pub use outcome_json::render_outcome_json;
pub use summary_json::render_summary_json;
pub use summary_table::{SummaryLayout, render_summary};
pub use text::{
    DRY_RUN_DONE, capitalize, escape_text_block, escape_untrusted, format_age, format_count,
    format_size, plural, shell_quote,
};
