//! `postq show ID`: the message as postcat shows it.

use super::Context;
use crate::cli::ShowArgs;
use crate::error::{Error, Result};
use crate::postfix::{MessageParts, PostfixError};
use crate::render::escape_text_block;

pub fn run(ctx: &mut Context<'_>, args: &ShowArgs) -> Result<()> {
    if ctx.settings.input.is_some() {
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
    // Across hosts and instances, rows show PLACE:ID: the place picks the instance.
    let (postfix, id) = match args.id.rsplit_once(':') {
        Some((place, id)) if ctx.settings.fleet() => match ctx.postfix.at(place) {
            Some(postfix) => (postfix, id),
            None => {
                return Err(Error::usage_with_hint(
                    format!("no host or instance '{place}' among those given"),
                    "give the ID as the list shows it: HOST:ID (or HOST:INSTANCE:ID)",
                ));
            }
        },
        _ => (ctx.postfix, args.id.as_str()),
    };
    let message = postfix
        .show(id, parts)
        .map_err(|err| missing(err, &args.id))?;
    // A message is a stranger's text: on a terminal, its control characters are escaped.
    if ctx.settings.terminal.stdout {
        let text = String::from_utf8_lossy(&message);
        ctx.console
            .out
            .write_all(escape_text_block(&text).as_bytes())
    } else {
        ctx.console.out.write_all(&message)
    }
}

/// postcat's "open queue file ID: No such file or directory" means the message is gone.
fn missing(err: PostfixError, id: &str) -> Error {
    let gone = matches!(&err, PostfixError::Failed { stderr, .. }
        if stderr.contains("open queue file") && stderr.contains("No such file or directory"));
    if gone {
        Error::NoSuchMessage { id: id.to_string() }
    } else {
        err.into()
    }
}
