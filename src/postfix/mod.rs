//! The adapter: everything that touches Postfix goes through [`Postfix`], so the core stays
//! pure. [`PostfixCommands`] runs the real programs with duct.

mod commands;
mod error;
mod invocation;

use std::io::Read;

pub use commands::PostfixCommands;
pub use error::{PostfixError, describe_status};
pub use invocation::Invocation;

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
