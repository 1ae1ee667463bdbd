//! Actions on the queue: a pure plan, the consent it needs, and its execution through the
//! adapter.

mod confirm;
mod execute;
mod plan;

pub use confirm::{
    Consent, Prompter, TYPE_COUNT_ABOVE, TerminalPrompter, ask_consent, consent,
    typed_count_matches,
};
pub use execute::{Outcome, execute};
pub use plan::{Identity, Plan, PlannedMessage, Skip, Tally};
