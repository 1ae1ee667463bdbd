//! Whether an action may go ahead: the policy (pure) and the prompter (a terminal, or a
//! script in tests). No confirmation, no change.

use std::io::{self, Write};

use crate::console::Console;
use crate::error::{Error, Result};
use crate::render::{capitalize, plural};

/// What stands between the plan and the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// `--dry-run`: show the plan and stop.
    DryRun,
    /// `--yes`.
    Given,
    /// Ask on the terminal; for purges and large selections the user types the count.
    Ask { type_count: bool },
    /// Nobody to ask and no `--yes`: refuse.
    NoTerminal,
}

/// Above this many messages, a yes is not enough: the user types the count.
const TYPE_COUNT_ABOVE: usize = 1000;

pub fn consent(dry_run: bool, yes: bool, interactive: bool, count: usize, purge: bool) -> Consent {
    if dry_run {
        Consent::DryRun
    } else if yes {
        Consent::Given
    } else if !interactive {
        Consent::NoTerminal
    } else {
        Consent::Ask {
            type_count: purge || count > TYPE_COUNT_ABOVE,
        }
    }
}

/// Asks the user. Errors (no terminal after all, Ctrl-C) count as "no".
pub trait Prompter {
    /// A yes/no question whose default is no.
    fn confirm(&mut self, question: &str) -> io::Result<bool>;
    /// A question answered by typing.
    fn ask(&mut self, question: &str) -> io::Result<String>;
}

/// Whether `answer` is `count`: digits, bare or grouped by three with one kind of thousands
/// separator (`21873`, `21,873`, `21 873`, `21_873`, `21.873`, `21'873`).
fn typed_count_matches(answer: &str, count: usize) -> bool {
    let answer = answer.trim();
    let separator = answer.chars().find(|c| !c.is_ascii_digit());
    let groups: Vec<&str> = match separator {
        None => vec![answer],
        Some(separator) if matches!(separator, ',' | '_' | '.' | ' ' | '\'') => {
            answer.split(separator).collect()
        }
        Some(_) => return false,
    };
    let grouped = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1
            || (!groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3)));
    grouped && !answer.is_empty() && groups.concat() == count.to_string()
}

/// Asks once, as the policy says; true only on a clear yes.
/// Asks once, as the policy says: None on a clear yes, else why not.
fn ask_consent(
    prompter: &mut dyn Prompter,
    type_count: bool,
    verb: &str,
    count: usize,
) -> Option<String> {
    let what = plural(count as u64, "message", "messages");
    if type_count {
        let question = format!("To {verb} {what}, type the number of messages ({count})");
        match prompter.ask(&question) {
            Ok(answer) if typed_count_matches(&answer, count) => None,
            Ok(answer) => Some(format!(
                "not confirmed: '{}' is not the count, {count}",
                answer.trim()
            )),
            Err(_) => Some("not confirmed".to_string()),
        }
    } else {
        let question = format!("{} {what}?", capitalize(verb));
        match prompter.confirm(&question) {
            Ok(true) => None,
            _ => Some("not confirmed".to_string()),
        }
    }
}

/// Goes ahead only with consent; `preview` shows what is asked about.
pub fn confirm(
    decision: Consent,
    verb: &str,
    count: usize,
    console: &mut Console<'_>,
    prompter: &mut dyn Prompter,
    preview: impl FnOnce(&mut Console<'_>) -> Result<()>,
) -> Result<()> {
    match decision {
        Consent::Given => Ok(()),
        Consent::DryRun => unreachable!("a dry run stops before confirming"),
        Consent::NoTerminal => {
            preview(console)?;
            Err(Error::NotConfirmed {
                message: format!(
                    "not confirmed, and there is no terminal to ask: nothing was changed ({verb} \
                     needs --yes here)"
                ),
                hint: Some(format!(
                    "preview with --dry-run, then run the same command with --yes to {verb}"
                )),
            })
        }
        Consent::Ask { type_count } => {
            preview(console)?;
            let _ = console.err.flush();
            match ask_consent(prompter, type_count, verb, count) {
                None => Ok(()),
                Some(why) => Err(Error::NotConfirmed {
                    message: format!("{why}: nothing was changed"),
                    hint: None,
                }),
            }
        }
    }
}

/// The real prompter: the question on stderr, a line read from the terminal in its own
/// (cooked) mode. Written here rather than with dialoguer: dialoguer's raw-mode prompts hide
/// the cursor and ignore Ctrl-D, where a line read gives the terminal's own behaviour:
/// Ctrl-D is end of input (a no), Ctrl-C a signal (postq stops, nothing changed), and the
/// cursor is never hidden.
pub struct TerminalPrompter;

impl Prompter for TerminalPrompter {
    fn confirm(&mut self, question: &str) -> io::Result<bool> {
        let answer = self.ask(&format!("{question} [y/N]"))?;
        Ok(matches!(
            answer.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    fn ask(&mut self, question: &str) -> io::Result<String> {
        let mut stderr = io::stderr();
        write!(stderr, "{question}: ")?;
        stderr.flush()?;
        let mut line = String::new();
        if io::stdin().read_line(&mut line)? == 0 {
            // Ctrl-D: a new line for what comes next, and no answer.
            let _ = writeln!(stderr);
            return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
        }
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy() {
        use Consent::*;
        // (dry_run, yes, interactive, count, purge) -> consent
        let cases = [
            ((true, true, true, 5, false), DryRun),
            ((true, false, false, 5, true), DryRun),
            ((false, true, false, 5_000, true), Given),
            ((false, false, false, 1, false), NoTerminal),
            ((false, false, true, 1, false), Ask { type_count: false }),
            ((false, false, true, 1000, false), Ask { type_count: false }),
            ((false, false, true, 1001, false), Ask { type_count: true }),
            ((false, false, true, 1, true), Ask { type_count: true }),
        ];
        for ((dry_run, yes, interactive, count, purge), expected) in cases {
            assert_eq!(
                consent(dry_run, yes, interactive, count, purge),
                expected,
                "{dry_run} {yes} {interactive} {count} {purge}"
            );
        }
    }

    #[test]
    fn typed_counts() {
        assert!(typed_count_matches("21873", 21873));
        assert!(typed_count_matches(" 21,873 ", 21873));
        assert!(typed_count_matches("21_873", 21873));
        assert!(!typed_count_matches("21872", 21873));
        assert!(!typed_count_matches("", 0));
        assert!(!typed_count_matches("y", 1));
        assert!(!typed_count_matches("yes", 3));
        assert!(typed_count_matches("21 873", 21873));
        assert!(typed_count_matches("1,234,567", 1234567));
        assert!(!typed_count_matches("2,1,8,7,3", 21873));
        assert!(!typed_count_matches("21,8.73", 21873));
        assert!(!typed_count_matches("21873x", 21873));
        assert!(!typed_count_matches("+21873", 21873));
        assert!(!typed_count_matches(",873", 873));
    }

    struct Scripted {
        confirm: io::Result<bool>,
        answer: &'static str,
        asked: Vec<String>,
    }

    impl Prompter for Scripted {
        fn confirm(&mut self, question: &str) -> io::Result<bool> {
            self.asked.push(question.to_string());
            match &self.confirm {
                Ok(yes) => Ok(*yes),
                Err(err) => Err(io::Error::new(err.kind(), "scripted")),
            }
        }

        fn ask(&mut self, question: &str) -> io::Result<String> {
            self.asked.push(question.to_string());
            Ok(self.answer.to_string())
        }
    }

    #[test]
    fn asking() {
        let mut yes = Scripted {
            confirm: Ok(true),
            answer: "",
            asked: vec![],
        };
        assert_eq!(ask_consent(&mut yes, false, "delete", 3), None);
        assert_eq!(yes.asked, ["Delete 3 messages?"]);
        let mut interrupted = Scripted {
            confirm: Err(io::Error::from(io::ErrorKind::Interrupted)),
            answer: "",
            asked: vec![],
        };
        assert!(ask_consent(&mut interrupted, false, "delete", 3).is_some());
        let mut typed = Scripted {
            confirm: Ok(true),
            answer: "1,500",
            asked: vec![],
        };
        assert_eq!(ask_consent(&mut typed, true, "delete", 1500), None);
        assert_eq!(
            typed.asked,
            ["To delete 1,500 messages, type the number of messages (1500)"]
        );
        assert_eq!(
            ask_consent(&mut typed, true, "delete", 1501).as_deref(),
            Some("not confirmed: '1,500' is not the count, 1501")
        );
    }
}
