//! Who sent each message on a host reached over ssh: its queue files are read there, by
//! Postfix's own postcat (`postcat -e -h -q ID...`, a batch of IDs a run), and only the
//! attributes and headers postq uses are kept here.

use std::io::{BufRead, BufReader};

use hashbrown::HashMap;

use super::queue_file::{Headers, OriginRead, Origins, named_attribute};
use super::{PostfixError, PostfixPrograms};
use crate::queue::{Origin, QueueName, parse_line};

/// IDs a postcat run reads: a command line of about 20 KB.
const BATCH: usize = 1_000;

/// postcat runs at once on one host (each its own ssh session).
const AT_ONCE: usize = 4;

pub struct RemoteOrigins {
    programs: PostfixPrograms,
    /// What postcat said of the messages listed when this was made.
    found: HashMap<Box<str>, Origin>,
    listed: usize,
}

impl RemoteOrigins {
    /// Lists the host's queue, then reads every listed message's origin with postcat.
    pub fn read(programs: &PostfixPrograms) -> Result<RemoteOrigins, PostfixError> {
        use super::Postfix as _;
        let listing = programs.list_queue()?;
        let mut reader = BufReader::new(listing);
        let mut ids: Vec<String> = Vec::new();
        let mut line = String::new();
        let failed = |source| PostfixError::Read {
            invocation: Box::new(programs.listing_invocation()),
            source,
        };
        while reader.read_line(&mut line).map_err(failed)? > 0 {
            if let Ok(parsed) = parse_line(0, line.trim_end()) {
                ids.push(parsed.entry.id.into_owned());
            }
            line.clear();
        }
        reader.into_inner().finish(true)?;
        let found = fetch(programs, &ids)?;
        Ok(RemoteOrigins {
            programs: programs.clone(),
            found,
            listed: ids.len(),
        })
    }
}

/// The origins of `ids` on the host: batches, [`AT_ONCE`] at a time.
fn fetch(
    programs: &PostfixPrograms,
    ids: &[String],
) -> Result<HashMap<Box<str>, Origin>, PostfixError> {
    let mut found = HashMap::new();
    for round in ids.chunks(BATCH * AT_ONCE) {
        let read: Vec<Result<HashMap<Box<str>, Origin>, PostfixError>> =
            std::thread::scope(|scope| {
                let handles: Vec<_> = round
                    .chunks(BATCH)
                    .map(|batch| scope.spawn(move || fetch_batch(programs, batch)))
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| handle.join().expect("postcat reader panicked"))
                    .collect()
            });
        for part in read {
            found.extend(part?);
        }
    }
    Ok(found)
}

/// The origins of one batch. A message that left the queue stops postcat at its ID: the
/// batch goes on after it, and it is simply not found.
fn fetch_batch(
    programs: &PostfixPrograms,
    ids: &[String],
) -> Result<HashMap<Box<str>, Origin>, PostfixError> {
    let mut found = HashMap::new();
    let mut rest: Vec<&str> = ids.iter().map(String::as_str).collect();
    while !rest.is_empty() {
        let batch: Vec<&str> = rest.clone();
        let output = programs.postcat_headers(&batch)?;
        let read = parse_postcat(&String::from_utf8_lossy(&output.stdout));
        let done = read.len();
        found.extend(read);
        if done < batch.len() {
            // batch[done] has left the queue: go on after it.
            rest.drain(..=done);
        } else {
            rest.drain(..done);
        }
    }
    Ok(found)
}

/// Each whole message postcat printed (`*** ENVELOPE RECORDS q/x/ID ***` to
/// `*** MESSAGE FILE END ... ***`), in order.
fn parse_postcat(text: &str) -> Vec<(Box<str>, Origin)> {
    let mut messages = Vec::new();
    let mut current: Option<(Box<str>, Origin, Headers, bool)> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("*** ENVELOPE RECORDS ") {
            let path = rest.trim_end_matches(" ***");
            let id = path.rsplit('/').next().unwrap_or(path);
            current = Some((id.into(), Origin::default(), Headers::default(), false));
            continue;
        }
        let Some((_, origin, headers, in_headers)) = &mut current else {
            continue;
        };
        if line.starts_with("*** MESSAGE CONTENTS ") {
            *in_headers = true;
        } else if line.starts_with("*** HEADER EXTRACTED ") {
            *in_headers = false;
        } else if line.starts_with("*** MESSAGE FILE END ") {
            if let Some((id, mut origin, headers, _)) = current.take() {
                headers.finish(&mut origin);
                messages.push((id, origin));
            }
        } else if *in_headers {
            headers.line(line);
        } else if let Some(attribute) = line.strip_prefix("named_attribute: ") {
            named_attribute(origin, attribute.as_bytes());
        }
    }
    messages
}

impl Origins for RemoteOrigins {
    fn origin(&self, id: &str, _queue: QueueName) -> OriginRead {
        if let Some(origin) = self.found.get(id) {
            return OriginRead::Found(Box::new(origin.clone()));
        }
        // Arrived since: read it alone (rare), or it has left.
        match fetch(&self.programs, &[id.to_string()]) {
            Ok(mut found) => match found.remove(id) {
                Some(origin) => OriginRead::Found(Box::new(origin)),
                None => OriginRead::Gone,
            },
            Err(err) => OriginRead::Failed(std::io::Error::other(err.to_string())),
        }
    }

    fn count(&self) -> usize {
        self.listed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcat_output_gives_each_whole_message_its_origin() {
        let text = "*** ENVELOPE RECORDS deferred/3/3333B9C830F ***\n\
            message_size:             986             770               1               0             986               0\n\
            named_attribute: sasl_method=XCLIENT\n\
            named_attribute: sasl_username=compromised@customer.example\n\
            sender: info@brand25.example\n\
            named_attribute: client_address=203.0.113.8\n\
            *** MESSAGE CONTENTS deferred/3/3333B9C830F ***\n\
            Received: from client.postq.test (localhost [203.0.113.8])\n\
            \tby sandbox.postq.test (Postfix) with ESMTPA id 3333B9C830F\n\
            Subject: Your parcel\n\
            \x20is waiting\n\
            *** HEADER EXTRACTED deferred/3/3333B9C830F ***\n\
            *** MESSAGE FILE END deferred/3/3333B9C830F ***\n\
            *** ENVELOPE RECORDS deferred/1/1234 ***\n\
            named_attribute: sasl_username=cut@short.example\n";
        let messages = parse_postcat(text);
        assert_eq!(messages.len(), 1, "the cut one is not whole");
        let (id, origin) = &messages[0];
        assert_eq!(&**id, "3333B9C830F");
        assert_eq!(origin.who(), "sasl:compromised@customer.example");
        assert_eq!(origin.client_address.as_deref(), Some("203.0.113.8"));
        assert_eq!(origin.subject.as_deref(), Some("Your parcel is waiting"));
    }
}
