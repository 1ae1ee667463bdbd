//! Several Postfix instances, here (postmulti) or on hosts over ssh, read as one queue: the
//! listings run at once (up to `--parallel`), each streamed as it arrives, and every line
//! names where it comes from (`"host"`, `"instance"` members, first in the line), so a
//! message is known by (host, instance, queue ID) from the listing on.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::{
    IdList, Listing, MessageParts, Operation, OriginRead, Origins, Postfix, PostfixError,
    PostfixPrograms, PostsuperRun,
};
use crate::queue::QueueName;

/// Where one Postfix instance runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The host, reached over ssh; this machine when `None`.
    pub host: Option<String>,
    /// Its configuration directory, when not the default.
    pub config_dir: Option<PathBuf>,
    /// Its name in `postmulti -l`, when found there.
    pub instance: Option<String>,
}

impl Target {
    /// How rows, reports and errors name it: `relay1`, `relay1:/etc/postfix-out`,
    /// `postfix-out`, `relay1:postfix-out`.
    pub fn label(&self) -> String {
        let instance = self.instance_label();
        match (&self.host, instance) {
            (Some(host), Some(instance)) => format!("{host}:{instance}"),
            (Some(host), None) => host.clone(),
            (None, Some(instance)) => instance,
            (None, None) => "localhost".to_string(),
        }
    }

    /// The instance as rows show it: its postmulti name, else its directory.
    pub fn instance_label(&self) -> Option<String> {
        self.instance
            .clone()
            .or_else(|| self.config_dir.as_ref().map(|d| d.display().to_string()))
    }

    /// The members put first in each of its listing's lines: `"host": "relay1", `.
    fn members(&self) -> Vec<u8> {
        let mut members = String::new();
        let json = |text: &str| serde_json::Value::from(text).to_string();
        if let Some(host) = &self.host {
            members.push_str(&format!("\"host\": {}, ", json(host)));
        }
        if let Some(instance) = self.instance_label() {
            members.push_str(&format!("\"instance\": {}, ", json(&instance)));
        }
        members.into_bytes()
    }
}

/// A `--host`/`--hosts` entry: `HOST` or `HOST:CONFIG_DIR` (an absolute directory).
pub fn parse_host(text: &str) -> Option<(String, Option<PathBuf>)> {
    let text = text.trim();
    let (host, dir) = match text.find(":/") {
        Some(at) => (&text[..at], Some(PathBuf::from(&text[at + 1..]))),
        None => (text, None),
    };
    let valid = !host.is_empty()
        && !host.starts_with('-')
        && !host.chars().any(|c| c.is_whitespace() || c.is_control());
    valid.then(|| (host.to_string(), dir))
}

/// The entries of a `--hosts` file with their line numbers: one a line; blank lines and
/// `#` comments skipped.
pub fn hosts_file_entries(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(at, line)| (at + 1, line.split('#').next().unwrap_or("").trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The instances `postmulti -l` lists: name (`-` is the primary) and directory.
pub fn parse_postmulti(text: &str) -> Vec<(String, PathBuf)> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                [name, _group, _enabled, dir, ..] if dir.starts_with('/') => {
                    Some((name.to_string(), PathBuf::from(dir)))
                }
                _ => None,
            }
        })
        .collect()
}

/// One instance and the programs that reach it.
struct Member {
    target: Target,
    programs: PostfixPrograms,
}

/// Several instances read as one queue.
pub struct Fleet {
    members: Arc<Vec<Member>>,
    parallel: usize,
    /// Read commands go on without a member whose listing failed (`lenient`); what failed
    /// is kept here, said at the end, and makes the exit status 1. Otherwise a failed
    /// member fails the listing, before anything changes.
    lenient: bool,
    failures: Arc<Mutex<Vec<PostfixError>>>,
}

impl Fleet {
    pub fn new(targets: Vec<(Target, PostfixPrograms)>, parallel: usize, lenient: bool) -> Fleet {
        let members = targets
            .into_iter()
            .map(|(target, programs)| Member { target, programs })
            .collect();
        Fleet {
            members: Arc::new(members),
            parallel: parallel.max(1),
            lenient,
            failures: Arc::new(Mutex::new(Vec::new())),
        }
    }

    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        self.members.iter().map(|member| &member.target)
    }

    /// The members whose listing failed (read commands), each with its error.
    pub fn take_failures(&self) -> Vec<PostfixError> {
        self.failures
            .lock()
            .map(|mut failures| std::mem::take(&mut *failures))
            .unwrap_or_default()
    }

    /// The one member, for what acts on one instance; else why not.
    fn single(&self) -> Result<&PostfixPrograms, Box<PostfixError>> {
        match self.members.as_slice() {
            [member] => Ok(&member.programs),
            _ => Err(Box::new(PostfixError::Several {
                count: self.members.len(),
            })),
        }
    }

    /// The member a label (or its host alone, when it has one instance) names.
    fn member(&self, name: &str) -> Option<&PostfixPrograms> {
        self.members
            .iter()
            .find(|m| m.target.label() == name)
            .or_else(|| {
                let mut on_host = self
                    .members
                    .iter()
                    .filter(|m| m.target.host.as_deref() == Some(name));
                match (on_host.next(), on_host.next()) {
                    (Some(member), None) => Some(member),
                    _ => None,
                }
            })
            .map(|m| &m.programs)
    }
}

impl Postfix for Fleet {
    fn list_queue(&self) -> Result<Box<dyn Listing>, PostfixError> {
        Ok(Box::new(FleetListing::start(self)))
    }

    fn mail_version(&self) -> Option<String> {
        self.members.first()?.programs.mail_version()
    }

    fn postsuper(&self, operation: Operation, ids: &IdList, queues: &[QueueName]) -> PostsuperRun {
        match self.single() {
            Ok(programs) => programs.postsuper(operation, ids, queues),
            Err(failure) => PostsuperRun {
                failure: Some(*failure),
                ..PostsuperRun::default()
            },
        }
    }

    fn purge(&self, queues: &[QueueName]) -> PostsuperRun {
        match self.single() {
            Ok(programs) => programs.purge(queues),
            Err(failure) => PostsuperRun {
                failure: Some(*failure),
                ..PostsuperRun::default()
            },
        }
    }

    fn show(&self, id: &str, parts: MessageParts) -> Result<Vec<u8>, PostfixError> {
        self.single().map_err(|e| *e)?.show(id, parts)
    }

    /// Each place's origins (read at once, up to --parallel), looked up by the place each
    /// line names.
    fn origins(&self) -> Result<Box<dyn Origins>, PostfixError> {
        if let [member] = self.members.as_slice() {
            return member.programs.origins();
        }
        let mut by_place = HashMap::new();
        for batch in self.members.chunks(self.parallel) {
            let read: Vec<Result<Box<dyn Origins>, PostfixError>> = std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .iter()
                    .map(|member| scope.spawn(|| member.programs.origins()))
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| handle.join().expect("reading origins panicked"))
                    .collect()
            });
            for (member, origins) in batch.iter().zip(read) {
                by_place.insert(member.target.label(), origins?);
            }
        }
        Ok(Box::new(PlacedOrigins { by_place }))
    }

    fn members(&self) -> Vec<(&Target, &PostfixPrograms)> {
        self.members
            .iter()
            .map(|member| (&member.target, &member.programs))
            .collect()
    }

    fn at(&self, place: &str) -> Option<&dyn Postfix> {
        self.member(place).map(|programs| programs as &dyn Postfix)
    }

    fn flush_all(&self) -> Result<(), PostfixError> {
        self.single().map_err(|e| *e)?.flush_all()
    }

    fn flush_one(&self, id: &str) -> Result<(), PostfixError> {
        self.single().map_err(|e| *e)?.flush_one(id)
    }
}

/// Origins across places: each line's own place's.
struct PlacedOrigins {
    by_place: HashMap<String, Box<dyn Origins>>,
}

impl Origins for PlacedOrigins {
    fn origin(&self, _id: &str, _queue: QueueName) -> OriginRead {
        // Only ever asked with the entry (origin_of): an ID alone names no place.
        OriginRead::Skipped
    }

    fn origin_of(&self, entry: &crate::queue::QueueEntry<'_>) -> OriginRead {
        let place = entry.place().unwrap_or_default();
        match self.by_place.get(&place) {
            Some(origins) => origins.origin(&entry.id, entry.queue),
            None => OriginRead::Skipped,
        }
    }

    fn count(&self) -> usize {
        self.by_place.values().map(|origins| origins.count()).sum()
    }
}

/// Lines gathered before they are handed on: a bound on what waits per member.
const BATCH: usize = 64 * 1024;

/// Per member that ended (by its place in the fleet): its warnings, or why it failed.
type Ended = Arc<Mutex<Vec<(usize, Result<Vec<String>, PostfixError>)>>>;

/// The members' listings as one stream of whole lines.
struct FleetListing {
    batches: Option<Receiver<Vec<u8>>>,
    current: Vec<u8>,
    at: usize,
    readers: Vec<JoinHandle<()>>,
    ended: Ended,
    lenient: bool,
    failures: Arc<Mutex<Vec<PostfixError>>>,
    members: Arc<Vec<Member>>,
}

impl FleetListing {
    fn start(fleet: &Fleet) -> FleetListing {
        // A few batches in flight per reader: memory does not grow with the hosts' queues.
        let (sender, batches) = sync_channel::<Vec<u8>>(fleet.parallel * 2);
        let next = Arc::new(AtomicUsize::new(0));
        let ended: Ended = Arc::new(Mutex::new(Vec::new()));
        let readers = (0..fleet.parallel.min(fleet.members.len()))
            .map(|_| {
                let (members, next, ended, sender) = (
                    Arc::clone(&fleet.members),
                    Arc::clone(&next),
                    Arc::clone(&ended),
                    sender.clone(),
                );
                std::thread::spawn(move || {
                    loop {
                        let at = next.fetch_add(1, Ordering::SeqCst);
                        let Some(member) = members.get(at) else {
                            break;
                        };
                        let result = relay(member, &sender);
                        if let Ok(mut ended) = ended.lock() {
                            ended.push((at, result));
                        }
                    }
                })
            })
            .collect();
        FleetListing {
            batches: Some(batches),
            current: Vec::new(),
            at: 0,
            readers,
            ended,
            lenient: fleet.lenient,
            failures: Arc::clone(&fleet.failures),
            members: Arc::clone(&fleet.members),
        }
    }
}

/// Streams one member's listing into `sender`, each line naming the member; its warnings,
/// or why it failed.
fn relay(member: &Member, sender: &SyncSender<Vec<u8>>) -> Result<Vec<String>, PostfixError> {
    let listing = member.programs.list_queue()?;
    let members = member.target.members();
    let mut reader = BufReader::with_capacity(BATCH, listing);
    let mut batch = Vec::with_capacity(BATCH);
    let mut line = Vec::new();
    let mut whole = true;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(_) => {
                // The listing's own end says why (finish, below).
                break;
            }
        }
        match line.split_first() {
            Some((b'{', rest)) => {
                batch.push(b'{');
                batch.extend_from_slice(&members);
                batch.extend_from_slice(rest);
            }
            _ => batch.extend_from_slice(&line),
        }
        if batch.last() != Some(&b'\n') {
            batch.push(b'\n');
        }
        if batch.len() >= BATCH && sender.send(std::mem::take(&mut batch)).is_err() {
            // The reader stopped (list --limit, a closed pipe): stop this listing too.
            whole = false;
            break;
        }
    }
    if whole && !batch.is_empty() && sender.send(batch).is_err() {
        whole = false;
    }
    reader.into_inner().finish(whole)
}

impl Read for FleetListing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.current.len() {
            let Some(batches) = &self.batches else {
                return Ok(0);
            };
            match batches.recv() {
                Ok(batch) => {
                    self.current = batch;
                    self.at = 0;
                }
                // Every member ended.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len() - self.at);
        buf[..n].copy_from_slice(&self.current[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

impl Listing for FleetListing {
    fn finish(mut self: Box<Self>, _read_to_end: bool) -> Result<Vec<String>, PostfixError> {
        // Dropping the receiver stops members still sending (the reader stopped early).
        self.batches = None;
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        let mut ended = self
            .ended
            .lock()
            .map(|mut ended| std::mem::take(&mut *ended))
            .unwrap_or_default();
        ended.sort_by_key(|(at, _)| *at);
        let mut warnings = Vec::new();
        let mut failures = Vec::new();
        for (at, result) in ended {
            let label = self.members[at].target.label();
            match result {
                Ok(said) => warnings.extend(said.into_iter().map(|w| format!("{label}: {w}"))),
                Err(err) => failures.push(err),
            }
        }
        if self.lenient {
            if let Ok(mut kept) = self.failures.lock() {
                kept.extend(failures);
            }
            Ok(warnings)
        } else {
            match failures.into_iter().next() {
                Some(failure) => Err(failure),
                None => Ok(warnings),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_entries_files_and_postmulti_are_read() {
        assert_eq!(parse_host("relay1"), Some(("relay1".into(), None)));
        assert_eq!(
            parse_host(" relay1:/etc/postfix-out "),
            Some(("relay1".into(), Some(PathBuf::from("/etc/postfix-out"))))
        );
        assert_eq!(
            parse_host("root@mx.example.org:/etc/postfix"),
            Some((
                "root@mx.example.org".into(),
                Some(PathBuf::from("/etc/postfix"))
            ))
        );
        for bad in ["", "-oProxyCommand=x", "a b", ":/etc/postfix"] {
            assert_eq!(parse_host(bad), None, "{bad}");
        }
        assert_eq!(
            hosts_file_entries("# relays\nrelay1\n\n  relay2:/etc/postfix-out  # the second\n"),
            [(2, "relay1"), (4, "relay2:/etc/postfix-out")]
        );
        let listed = "-               -               y         /etc/postfix\n\
                      postfix-out     mta             n         /etc/postfix-out\n";
        assert_eq!(
            parse_postmulti(listed),
            [
                ("-".to_string(), PathBuf::from("/etc/postfix")),
                ("postfix-out".to_string(), PathBuf::from("/etc/postfix-out"))
            ]
        );
    }

    #[test]
    fn each_line_names_its_host_and_instance() {
        let target = Target {
            host: Some("relay\"1".into()),
            config_dir: Some(PathBuf::from("/etc/postfix-out")),
            instance: None,
        };
        assert_eq!(
            String::from_utf8(target.members()).unwrap(),
            r#""host": "relay\"1", "instance": "/etc/postfix-out", "#
        );
        assert_eq!(target.label(), "relay\"1:/etc/postfix-out");
    }
}
