//! The adapter: everything that touches Postfix goes through [`Postfix`], so the core stays
//! pure. [`PostfixPrograms`] runs the real programs with duct.

mod error;
mod fleet;
mod id_list;
mod invocation;
mod maillog;
mod postsuper;
mod programs;
mod queue_file;
mod remote_origins;
mod sample;

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

pub use error::{PostfixError, describe_status};
pub use fleet::{Fleet, Target, hosts_file_entries, parse_host};
pub use id_list::IdList;
pub use invocation::Invocation;
pub use maillog::{LoggedOrigins, read_maillog};
pub use postsuper::{Operation, PostsuperLine, parse_postsuper_line};
pub use programs::{DEFAULT_TIMEOUT, PostfixPrograms};
pub use queue_file::{OriginRead, Origins, QueueFiles};
pub use sample::Sampled;

use crate::queue::QueueName;

/// A queue listing being read: `postqueue -j` output as it arrives.
pub trait Listing: Read {
    /// Ends the listing. After the whole output was read, checks how the program ended and
    /// returns the warnings it printed; when the reader stopped early, stops the program.
    fn finish(self: Box<Self>, read_to_end: bool) -> Result<Vec<String>, PostfixError>;
}

/// What postq asks of Postfix.
pub trait Postfix {
    /// Start `postqueue -j`.
    fn list_queue(&self) -> Result<Box<dyn Listing>, PostfixError>;

    /// `postconf -d -h mail_version`, when it can be found.
    fn mail_version(&self) -> Option<String>;

    /// One `postsuper -<op> - [QUEUE...]` child, reading `ids` on stdin.
    fn postsuper(&self, operation: Operation, ids: &IdList, queues: &[QueueName]) -> PostsuperRun;

    /// `postsuper -d ALL [QUEUE...]`.
    fn purge(&self, queues: &[QueueName]) -> PostsuperRun;

    /// `postcat -q [-e] [-h] [-b] ID`: the message as postcat shows it.
    fn show(&self, id: &str, parts: MessageParts) -> Result<Vec<u8>, PostfixError>;

    /// The queue files, to read who sent each message (needs root or the postfix user).
    fn origins(&self) -> Result<Box<dyn Origins>, PostfixError>;

    /// Across several hosts or instances: each one's target and programs (empty for one).
    fn members(&self) -> Vec<(&Target, &PostfixPrograms)> {
        Vec::new()
    }

    /// Across several hosts or instances: the one `place` names (as rows show it).
    fn at(&self, _place: &str) -> Option<&dyn Postfix> {
        None
    }

    /// `postqueue -f`: try every deferred message now.
    fn flush_all(&self) -> Result<(), PostfixError>;

    /// `postqueue -i ID`: try this message now.
    fn flush_one(&self, id: &str) -> Result<(), PostfixError>;

    /// `postqueue -i ID` for each, `done` counting the IDs asked for; stops at the first
    /// failure (a failing postqueue fails for every ID).
    fn flush_each(&self, ids: &[String], done: &AtomicU64) -> Result<(), PostfixError> {
        for id in ids {
            self.flush_one(id)?;
            done.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }
}

/// Which parts of a message `show` prints; none means all of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessageParts {
    pub envelope: bool,
    pub headers: bool,
    pub body: bool,
}

/// What a postsuper run said, and how it ended.
#[derive(Debug, Default)]
pub struct PostsuperRun {
    /// The IDs it acted on, in its order.
    pub done: Vec<String>,
    /// Its closing count, when it printed one.
    pub total: Option<u64>,
    /// Its other lines: warnings, errors.
    pub other: Vec<String>,
    /// Set when it could not run or exited non-zero; `done` still holds what it did.
    pub failure: Option<PostfixError>,
}

/// Whether postqueue said the mail system is down among its `warnings`: as root with
/// Postfix stopped, it reads the queue files itself and only warns.
pub fn mail_system_down(warnings: &[String]) -> bool {
    warnings.iter().any(|w| w.contains("Mail system is down"))
}

/// A listing read from a saved `postqueue -j` dump: nothing to check at the end.
pub struct SavedListing<R>(pub R);

impl<R: Read> Read for SavedListing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

impl<R: Read> Listing for SavedListing<R> {
    fn finish(self: Box<Self>, _read_to_end: bool) -> Result<Vec<String>, PostfixError> {
        Ok(Vec::new())
    }
}
