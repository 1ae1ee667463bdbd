//! Actions on the queue: a pure plan, the consent it needs, its journal, and its execution
//! through the adapter on what is still the previewed mail, ending in a truthful outcome.

mod consent;
mod execute;
mod journal;
mod outcome;
mod plan;
mod verified;

pub use consent::{Consent, Prompter, TerminalPrompter, confirm, consent};
pub use execute::{Verify, execute};
pub use journal::{Interrupted, Journal, instance_key, interrupted, read as read_journal};
pub use outcome::{Outcome, Seen};
pub use plan::{Plan, Skip, Tally, most_first};
