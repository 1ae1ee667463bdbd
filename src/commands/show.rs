//! `postq show ID`: the message as postcat shows it.

use crate::cli::ShowArgs;
use crate::console::Console;
use crate::error::{Error, Result};
use crate::postfix::{MessageParts, Postfix, PostfixError};
use crate::render::escape_text_block;
use crate::settings::Settings;

pub fn run(
    settings: &Settings,
    args: &ShowArgs,
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
) -> Result<()> {
    if settings.input.is_some() {
        return Err(Error::usage_with_hint(
            "show reads the message from the queue; a saved listing (--input) has no contents",
            "drop --input (give -c DIR for another Postfix instance)",
        ));
    }
    let parts = MessageParts {
        envelope: args.envelope,
        headers: args.headers,
        body: args.body,
    };
    let message = postfix
        .show(&args.id, parts)
        .map_err(|err| missing(err, &args.id))?;
    // A message is a stranger's text: on a terminal, its control characters are escaped.
    if settings.terminal.stdout {
        let text = String::from_utf8_lossy(&message);
        console.out.write_all(escape_text_block(&text).as_bytes())?;
    } else {
        console.out.write_all(&message)?;
    }
    Ok(())
}

/// postcat's "open queue file ID: No such file or directory" means the message is gone.
fn missing(err: PostfixError, id: &str) -> Error {
    let gone = matches!(&err, PostfixError::Failed { stderr, .. }
        if stderr.contains("open queue file") && stderr.contains("No such file or directory"));
    if gone {
        Error::QueueData(format!(
            "no message with queue ID {id} in the queue (delivered, deleted or never there)"
        ))
    } else {
        err.into()
    }
}
