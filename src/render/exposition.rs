//! The Prometheus text exposition format (and OpenMetrics', which differs here only in its
//! closing `# EOF`): families of gauges with their HELP and TYPE, label values escaped.

use std::fmt::Write as _;

pub struct Exposition {
    text: String,
    openmetrics: bool,
}

impl Exposition {
    pub fn new(openmetrics: bool) -> Exposition {
        Exposition {
            text: String::new(),
            openmetrics,
        }
    }

    /// Starts a family of gauges: its HELP and TYPE lines (the samples follow).
    pub fn gauge(&mut self, name: &str, help: &str) {
        let help = help.replace('\\', "\\\\").replace('\n', "\\n");
        let _ = writeln!(self.text, "# HELP {name} {help}\n# TYPE {name} gauge");
    }

    /// One sample of the family just started.
    pub fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: f64) {
        self.text.push_str(name);
        if !labels.is_empty() {
            self.text.push('{');
            for (at, (label, value)) in labels.iter().enumerate() {
                if at > 0 {
                    self.text.push(',');
                }
                let _ = write!(self.text, "{label}=\"");
                escape_label_value(value, &mut self.text);
                self.text.push('"');
            }
            self.text.push('}');
        }
        let _ = writeln!(self.text, " {value}");
    }

    pub fn finish(mut self) -> String {
        if self.openmetrics {
            self.text.push_str("# EOF\n");
        }
        self.text
    }
}

/// Both formats escape a backslash, a double quote and a line feed in label values; any
/// other text (senders are the attacker's) is allowed as it is.
fn escape_label_value(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped_and_openmetrics_ends_with_eof() {
        let mut text = Exposition::new(true);
        text.gauge("postq_x", "A \\ help\nline.");
        text.sample(
            "postq_x",
            &[("sender", "a\"b\\c\nd"), ("queue", "hold")],
            2.0,
        );
        text.sample("postq_x", &[], 0.25);
        assert_eq!(
            text.finish(),
            "# HELP postq_x A \\\\ help\\nline.\n# TYPE postq_x gauge\n\
             postq_x{sender=\"a\\\"b\\\\c\\nd\",queue=\"hold\"} 2\npostq_x 0.25\n# EOF\n"
        );
        let mut text = Exposition::new(false);
        text.gauge("postq_y", "Y.");
        assert!(!text.finish().contains("# EOF"));
    }
}
