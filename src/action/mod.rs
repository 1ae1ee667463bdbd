//! Actions on the queue: a pure plan, the consent it needs, and its execution through the
//! adapter, safe against interruptions.

mod consent;
mod execute;
mod interrupt;
mod plan;
mod verified;

pub use consent::{Consent, Prompter, TerminalPrompter, confirm, consent};
pub use execute::{Outcome, execute};
pub use interrupt::catching_interruptions;
pub use plan::{Plan, Skip, Tally};
