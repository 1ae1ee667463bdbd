//! Errors in what the user typed for a selection: a value (duration, size, pattern, queue
//! name or ID) and a filter expression, shown with the expression and a caret under the fault.

/// A value postq cannot take, with what it accepts: `invalid duration '2x': unknown unit 'x';
/// use ...`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ValueError(pub String);

/// A byte range of the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FilterError {
    pub message: String,
    /// Where in the expression; None for the expression as a whole.
    pub span: Option<Span>,
    pub hint: Option<String>,
}

impl FilterError {
    pub fn at(span: Span, message: impl Into<String>) -> FilterError {
        FilterError {
            message: message.into(),
            span: Some(span),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> FilterError {
        self.hint = Some(hint.into());
        self
    }

    /// The column (1-based, in characters) where the fault starts.
    #[cfg(test)]
    pub fn column(&self, source: &str) -> Option<usize> {
        self.span
            .map(|span| source[..span.start.min(source.len())].chars().count() + 1)
    }

    /// `at column 17: expected a value after '=='` and, below, the expression with carets
    /// under the fault.
    pub fn render(&self, source: &str) -> String {
        let Some(span) = self.span else {
            return self.message.clone();
        };
        let start = span.start.min(source.len());
        let end = span.end.clamp(start, source.len());
        let before = source[..start].chars().count();
        let width = source[start..end].chars().count().max(1);
        let shown = crate::render::escape_untrusted(source);
        format!(
            "at column {}: {}\n  {}\n  {}{}",
            before + 1,
            self.message,
            shown,
            " ".repeat(before),
            "^".repeat(width)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_sit_under_the_fault_in_characters_not_bytes() {
        let err = FilterError::at(Span::new(9, 13), "unknown field 'grö'");
        assert_eq!(
            err.render("size > 1 grö == 3"),
            "at column 10: unknown field 'grö'\n  size > 1 grö == 3\n           ^^^"
        );
        let err = FilterError::at(Span::new(9, 9), "expected a value after '>'");
        assert_eq!(
            err.render("size >   "),
            "at column 10: expected a value after '>'\n  size >   \n           ^"
        );
    }
}
