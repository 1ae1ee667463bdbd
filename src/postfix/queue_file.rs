//! The origin of a queued message, read from its queue file (read-only): the named
//! attributes smtpd wrote in the envelope (who logged in, from where), the user ID pickup
//! wrote in the first `Received:` header of local submissions, and three headers. The body
//! is never read: reading stops at the end of the headers.
//!
//! Written here rather than run through `postcat`: a queue file is a plain sequence of
//! records (a type byte, a length in 7-bit groups, the data; `src/global/record.c`), and
//! reading the few records needed directly is several times faster than a postcat process
//! parsing and printing every record (measured in docs/performance.md). The tests compare
//! every field with what postcat shows, on real queues.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::queue::QueueEntry;
use crate::queue::{Origin, QueueName};
use hashbrown::HashMap;

/// What reading a message's origin came to.
#[derive(Debug)]
pub enum OriginRead {
    Found(Box<Origin>),
    /// The message left the queue before it was read (delivered, expired, deleted).
    Gone,
    Failed(io::Error),
    /// Not read: outside the sample being read (monitoring).
    Skipped,
}

/// Origins of the messages in the queue: the real files, or a test's.
pub trait Origins: Sync + Send {
    fn origin(&self, id: &str, queue: QueueName) -> OriginRead;

    /// The origin of `entry`; across hosts and instances, of its place's queue files.
    fn origin_of(&self, entry: &QueueEntry<'_>) -> OriginRead {
        self.origin(&entry.id, entry.queue)
    }

    /// How many messages the queue holds (as found when looking).
    fn count(&self) -> usize;
}

/// The queue files of one instance, found by one walk of its queue directories.
pub struct QueueFiles {
    root: PathBuf,
    /// Each message's directory, as an index into `dirs` (one allocation a message, not two).
    paths: HashMap<Box<str>, u32>,
    dirs: Vec<PathBuf>,
}

/// The queues that hold messages, as directories of `queue_directory`.
const QUEUES: [QueueName; 5] = [
    QueueName::Incoming,
    QueueName::Active,
    QueueName::Deferred,
    QueueName::Hold,
    QueueName::Maildrop,
];

impl QueueFiles {
    /// Walks the queue directories under `root` (two levels: hashed queues have one or two
    /// levels of subdirectories). A directory that cannot be read is an error: reading
    /// origins needs root, or the postfix user.
    pub fn walk(root: &Path) -> io::Result<QueueFiles> {
        let mut files = QueueFiles {
            root: root.to_path_buf(),
            paths: HashMap::new(),
            dirs: Vec::new(),
        };
        for queue in QUEUES {
            files.walk_dir(root.join(queue.as_str()), 0)?;
        }
        Ok(files)
    }

    fn walk_dir(&mut self, dir: PathBuf, depth: u32) -> io::Result<()> {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(err) => {
                return Err(io::Error::new(
                    err.kind(),
                    format!("{}: {err}", dir.display()),
                ));
            }
        };
        let index = self.dirs.len() as u32;
        self.dirs.push(dir);
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && depth < 2 {
                self.walk_dir(entry.path(), depth + 1)?;
            } else if kind.is_file()
                && let Some(name) = entry.file_name().to_str()
            {
                self.paths.insert(name.into(), index);
            }
        }
        Ok(())
    }

    /// Where a message's file is now, looked for in every queue (it moved since the walk).
    fn find(&self, id: &str) -> Option<PathBuf> {
        QUEUES.iter().find_map(|queue| {
            let dir = self.root.join(queue.as_str());
            let flat = dir.join(id);
            if flat.exists() {
                return Some(flat);
            }
            std::fs::read_dir(&dir).ok()?.flatten().find_map(|sub| {
                let path = sub.path().join(id);
                path.exists().then_some(path)
            })
        })
    }
}

impl Origins for QueueFiles {
    fn count(&self) -> usize {
        self.paths.len()
    }

    fn origin(&self, id: &str, queue: QueueName) -> OriginRead {
        // Where the walk found it; a message moves between queues while postq reads, so
        // it is looked for again before it counts as gone.
        let mut path = self
            .paths
            .get(id)
            .map(|&dir| self.dirs[dir as usize].join(id));
        for _ in 0..3 {
            let Some(candidate) = path.take().or_else(|| self.find(id)) else {
                return OriginRead::Gone;
            };
            match File::open(&candidate) {
                Ok(file) => {
                    let owner = (queue == QueueName::Maildrop)
                        .then(|| file_owner(&file))
                        .flatten();
                    return match read_origin(BufReader::with_capacity(8192, file), owner) {
                        Ok(origin) => OriginRead::Found(Box::new(origin)),
                        Err(err) => OriginRead::Failed(io::Error::new(
                            err.kind(),
                            format!("{}: {err}", candidate.display()),
                        )),
                    };
                }
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => {
                    return OriginRead::Failed(io::Error::new(
                        err.kind(),
                        format!("{}: {err}", candidate.display()),
                    ));
                }
            }
        }
        OriginRead::Gone
    }
}

/// The owner of a maildrop file is the user who submitted it (pickup has not yet written
/// its `Received:` header).
fn file_owner(file: &File) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().ok().map(|meta| meta.uid())
}

// Record types (Postfix's src/global/rec_type.h).
const REC_MESG: u8 = b'M';
const REC_NORM: u8 = b'N';
const REC_CONT: u8 = b'L';
const REC_ATTR: u8 = b'A';
const REC_PTR: u8 = b'p';
const REC_XTRA: u8 = b'X';
const REC_END: u8 = b'E';

/// Longest record postq reads whole; longer header lines are cut (their start is kept).
const MAX_RECORD: usize = 1 << 20;

/// Reads one record: its type and data. None at the end of the file.
fn read_record<R: BufRead>(input: &mut R, data: &mut Vec<u8>) -> io::Result<Option<u8>> {
    let mut kind = [0u8];
    if input.read(&mut kind)? == 0 {
        return Ok(None);
    }
    let mut len: usize = 0;
    let mut shift = 0;
    loop {
        let mut byte = [0u8];
        input.read_exact(&mut byte)?;
        len |= usize::from(byte[0] & 0x7f) << shift;
        if byte[0] & 0x80 == 0 {
            break;
        }
        shift += 7;
        if shift > 35 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "bad record length",
            ));
        }
    }
    data.clear();
    let keep = len.min(MAX_RECORD);
    data.resize(keep, 0);
    input.read_exact(data)?;
    if len > keep {
        io::copy(
            &mut input.by_ref().take((len - keep) as u64),
            &mut io::sink(),
        )?;
    }
    Ok(Some(kind[0]))
}

/// Reads the envelope's named attributes and the headers; stops at the first empty line of
/// the content (the end of the headers), or at the end of the envelope for a file without
/// content yet. `owner` is the owner of a maildrop file: the submitting user, for a
/// message pickup has not yet given its `Received:` header.
pub fn read_origin<R: BufRead + Seek>(mut input: R, owner: Option<u32>) -> io::Result<Origin> {
    let mut origin = Origin::default();
    let mut data = Vec::new();
    let mut in_content = false;
    let mut headers = Headers::default();
    let mut line: Vec<u8> = Vec::new();
    while let Some(kind) = read_record(&mut input, &mut data)? {
        match kind {
            REC_ATTR if !in_content => named_attribute(&mut origin, &data),
            REC_PTR => {
                // A pointer to where the records go on (cleanup's edits): follow it.
                let offset: u64 = std::str::from_utf8(&data)
                    .ok()
                    .and_then(|text| text.trim().parse().ok())
                    .unwrap_or(0);
                if offset > 0 {
                    input.seek(SeekFrom::Start(offset))?;
                }
            }
            REC_MESG => in_content = true,
            REC_CONT if in_content => line.extend_from_slice(&data),
            REC_NORM if in_content => {
                line.extend_from_slice(&data);
                if line.is_empty() {
                    break;
                }
                headers.line(&String::from_utf8_lossy(&line));
                line.clear();
            }
            REC_XTRA | REC_END => break,
            _ => {}
        }
    }
    headers.finish(&mut origin);
    if origin.local_uid.is_none() {
        origin.local_uid = owner;
    }
    if let Some(uid) = origin.local_uid {
        origin.local_user =
            uzers::get_user_by_uid(uid).and_then(|user| user.name().to_str().map(Into::into));
    }
    Ok(origin)
}

pub(super) fn named_attribute(origin: &mut Origin, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Some((name, value)) = text.split_once('=') else {
        return;
    };
    let slot = match name {
        "sasl_method" => &mut origin.sasl_method,
        "sasl_username" => &mut origin.sasl_username,
        "sasl_sender" => &mut origin.sasl_sender,
        "client_address" => &mut origin.client_address,
        "client_name" => &mut origin.client_name,
        "reverse_client_name" => &mut origin.reverse_client_name,
        "helo_name" => &mut origin.helo_name,
        "protocol_name" => &mut origin.protocol_name,
        "log_ident" => &mut origin.log_ident,
        _ => return,
    };
    if !value.is_empty() {
        *slot = Some(value.into());
    }
}

/// The headers postq keeps, unfolded, first of each.
#[derive(Default)]
pub(super) struct Headers {
    /// The header being read (folded lines joined).
    current: String,
    received_uid: Option<u32>,
    seen_received: bool,
    subject: Option<String>,
    from: Option<String>,
    message_id: Option<String>,
}

impl Headers {
    pub(super) fn line(&mut self, text: &str) {
        if text.starts_with([' ', '\t']) {
            self.current.push(' ');
            self.current.push_str(text.trim());
            return;
        }
        self.flush();
        self.current = text.to_string();
    }

    fn flush(&mut self) {
        let header = std::mem::take(&mut self.current);
        let Some((name, value)) = header.split_once(':') else {
            return;
        };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "received" if !self.seen_received => {
                // The first Received: header; pickup writes `(Postfix, from userid 33)`.
                self.seen_received = true;
                self.received_uid = value
                    .split_once("(Postfix, from userid ")
                    .and_then(|(_, rest)| rest.split(')').next())
                    .and_then(|uid| uid.trim().parse().ok());
            }
            "subject" if self.subject.is_none() => self.subject = Some(value.to_string()),
            "from" if self.from.is_none() => self.from = Some(value.to_string()),
            "message-id" if self.message_id.is_none() => {
                self.message_id = Some(value.to_string());
            }
            _ => {}
        }
    }

    pub(super) fn finish(mut self, origin: &mut Origin) {
        self.flush();
        origin.local_uid = self.received_uid;
        origin.subject = self.subject.map(Into::into);
        origin.header_from = self.from.map(Into::into);
        origin.message_id = self.message_id.map(Into::into);
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn record(kind: u8, data: &[u8]) -> Vec<u8> {
        let mut out = vec![kind];
        let mut len = data.len();
        loop {
            let mut byte = (len & 0x7f) as u8;
            len >>= 7;
            if len > 0 {
                byte |= 0x80;
            }
            out.push(byte);
            if len == 0 {
                break;
            }
        }
        out.extend_from_slice(data);
        out
    }

    fn file(records: &[(u8, &[u8])]) -> Vec<u8> {
        records
            .iter()
            .flat_map(|(kind, data)| record(*kind, data))
            .collect()
    }

    #[test]
    fn an_authenticated_smtp_message() {
        let long_subject = format!("Subject: {}", "x".repeat(300));
        let bytes = file(&[
            (b'C', b"             958 678 1 0"),
            (b'T', b"1795779038 210416"),
            (b'A', b"log_ident=33B3898ECA9"),
            (b'A', b"sasl_method=XCLIENT"),
            (b'A', b"sasl_username=compromised@customer.example"),
            (b'S', b"forged@elsewhere.example"),
            (b'A', b"client_address=203.0.113.7"),
            (b'A', b"client_name=unknown"),
            (b'A', b"helo_name=client.postq.test"),
            (b'R', b"victim@example.org"),
            (b'M', b""),
            (
                b'N',
                b"Received: from client.postq.test (unknown [203.0.113.7])",
            ),
            (b'N', b"\tby mx (Postfix) with ESMTPA id 33B3898ECA9"),
            (b'L', &long_subject.as_bytes()[..100]),
            (b'N', &long_subject.as_bytes()[100..]),
            (b'N', b"From: \"Bank\" <no-reply@bank.example>"),
            (b'N', b"Message-ID: <1@x>"),
            (b'N', b""),
            (b'N', b"Secret body: never read"),
            (b'X', b""),
            (b'E', b""),
        ]);
        let origin = read_origin(Cursor::new(bytes), None).unwrap();
        assert_eq!(
            origin.sasl_username.as_deref(),
            Some("compromised@customer.example")
        );
        assert_eq!(origin.sasl_method.as_deref(), Some("XCLIENT"));
        assert_eq!(origin.client_address.as_deref(), Some("203.0.113.7"));
        assert_eq!(origin.client_name.as_deref(), Some("unknown"));
        assert_eq!(origin.helo_name.as_deref(), Some("client.postq.test"));
        assert_eq!(origin.log_ident.as_deref(), Some("33B3898ECA9"));
        assert_eq!(origin.subject.as_deref(), Some(&long_subject[9..]));
        assert_eq!(
            origin.header_from.as_deref(),
            Some("\"Bank\" <no-reply@bank.example>")
        );
        assert_eq!(origin.message_id.as_deref(), Some("<1@x>"));
        assert_eq!(origin.local_uid, None);
        assert_eq!(origin.who(), "sasl:compromised@customer.example");
    }

    #[test]
    fn a_local_submission_names_its_user() {
        let bytes = file(&[
            (b'T', b"1795779038 210416"),
            (b'S', b"www-data@host"),
            (b'M', b""),
            (b'N', b"Received: by host.example (Postfix, from userid 0)"),
            (b'N', b"\tid 1A2B3C; Fri, 27 Nov 2026 11:30:38 +0000 (UTC)"),
            (b'N', b"Subject: cron"),
            (b'N', b""),
            (b'E', b""),
        ]);
        // Picked up already: the Received: header names the user, not the file's owner.
        let origin = read_origin(Cursor::new(bytes), Some(1000)).unwrap();
        assert_eq!(origin.local_uid, Some(0));
        assert_eq!(origin.local_user.as_deref(), Some("root"));
        assert_eq!(origin.who(), "local:root");
    }

    #[test]
    fn pointers_are_followed_and_lengths_span_bytes() {
        // A 'p' record jumps over a dead region to the headers.
        let head = file(&[(b'T', b"1 2"), (b'M', b"")]);
        let dead = file(&[(b'N', b"Subject: dead")]);
        let live = file(&[(b'N', &[b'S'; 200]), (b'N', b"Subject: live"), (b'N', b"")]);
        let pointer_at = head.len();
        let target = pointer_at + record(b'p', b"00000000000000000000").len() + dead.len();
        let pointer = record(b'p', format!("{target:020}").as_bytes());
        let mut bytes = head;
        bytes.extend(pointer);
        bytes.extend(dead);
        bytes.extend(live);
        let origin = read_origin(Cursor::new(bytes), None).unwrap();
        assert_eq!(origin.subject.as_deref(), Some("live"));
    }

    #[test]
    fn maildrop_files_take_their_owner() {
        let bytes = file(&[
            (b'T', b"1 2"),
            (b'S', b"app@host"),
            (b'M', b""),
            (b'N', b"Subject: from a web application"),
            (b'N', b""),
            (b'X', b""),
            (b'E', b""),
        ]);
        let origin = read_origin(Cursor::new(bytes), Some(0)).unwrap();
        assert_eq!(origin.who(), "local:root");
    }
}
