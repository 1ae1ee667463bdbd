//! postq's integration tests: one binary. Tests named *_postfix run the real postqueue,
//! postsuper and postcat against throwaway Postfix instances (scripts/sandbox); they need
//! root and are never skipped.

mod action_postfix;
mod docs;
mod list_input;
mod list_postfix;
mod prompt_postfix;
mod select_input;
mod show_flush_postfix;
mod summary_input;
mod support;
