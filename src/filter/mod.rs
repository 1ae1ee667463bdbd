//! The selection language: a lexer and parser to an AST with spans, a compiler that checks
//! and compiles every value once, and a pure evaluator `filter.matches(&entry, now)`.
//! The selection flags compile into the same [`Filter`]: one evaluator, one truth.

mod compile;
mod error;
mod eval;
mod lexer;
mod parser;
mod pattern;
mod units;

#[cfg(test)]
mod tests;

pub use compile::compile_expression;
pub use error::{FilterError, Span};
pub use eval::{Cmp, Filter, IdMatcher, QueueSet, Test};
pub use parser::Field;
pub use pattern::{ADDRESS_FORMS, TextMatcher};
pub use units::{DURATION_FORMS, SIZE_FORMS, parse_duration, parse_size};
