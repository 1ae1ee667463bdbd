//! The journal of an action: before anything changes, what postq is about to do (the
//! operation, the planned messages with their identities) is written and synced to a file
//! of the Postfix instance's own, and each step after it. The file is removed when the
//! action ends cleanly; a killed postq leaves it for `postq recover`.
//!
//! A running action holds a lock on its journal (released by the kernel however postq
//! ends), so a journal nobody holds is one of an interrupted action.
//!
//! Format: JSON lines. A header, one line a planned message, then the steps:
//! `{"step":"hold"}` before holding, `{"step":"held","ids":[...]}` with what postsuper put
//! on hold, `{"step":"delete"}`, `{"step":"release"}`...

use std::borrow::Cow;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::{HashMap, HashSet};
use serde::{Deserialize, Serialize};

use super::outcome::Seen;
use super::plan::Plan;
use crate::postfix::Operation;
use crate::queue::QueueName;

/// The journal of a running action.
pub struct Journal {
    /// None where nothing is journaled (tests of the logic).
    file: Option<(PathBuf, File)>,
    /// Why the last write failed, once.
    pub problem: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    journal: String,
    operation: String,
    config_dir: Option<PathBuf>,
    pid: u32,
    started: i64,
    planned: u64,
}

#[derive(Serialize, Deserialize)]
struct Planned<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    queue: QueueName,
    arrival_time: i64,
    #[serde(borrow)]
    sender: Cow<'a, str>,
    size: u64,
}

#[derive(Serialize, Deserialize)]
struct Step {
    step: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ids: Vec<String>,
    /// With `release`: what postq is releasing, as it last saw each (an ID that changed
    /// hands names the other message).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    messages: Vec<Released>,
}

#[derive(Serialize, Deserialize)]
struct Released {
    id: String,
    arrival_time: i64,
    sender: String,
    size: u64,
}

const MAGIC: &str = "postq action journal 1";

impl Journal {
    /// No journal.
    #[cfg(test)]
    pub fn none() -> Journal {
        Journal {
            file: None,
            problem: None,
        }
    }

    /// Writes the plan to a new journal in `dir` (made if missing, root's only) and syncs
    /// it. An error here stops the action before anything changed.
    pub fn begin(
        dir: &Path,
        config_dir: Option<&Path>,
        plan: &Plan,
        now: i64,
    ) -> io::Result<Journal> {
        create_private_dir(dir)?;
        // Unique to this action: several may run in one process (rounds, tests).
        static ACTIONS: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "{}-{}-{now}-{}",
            instance_key(config_dir),
            std::process::id(),
            ACTIONS.fetch_add(1, Ordering::SeqCst)
        );
        let partial = dir.join(format!(".{name}.partial"));
        let path = dir.join(format!("{name}.journal"));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&partial)?;
        file.try_lock().map_err(io::Error::other)?;
        let mut out = BufWriter::new(&file);
        let header = Header {
            journal: MAGIC.into(),
            operation: plan.operation().verb().into(),
            config_dir: config_dir.map(Path::to_path_buf),
            pid: std::process::id(),
            started: now,
            planned: plan.len() as u64,
        };
        serde_json::to_writer(&mut out, &header)?;
        out.write_all(b"\n")?;
        for message in plan.messages() {
            let line = Planned {
                id: Cow::Borrowed(message.id),
                queue: message.queue,
                arrival_time: message.identity.arrival_time,
                sender: Cow::Borrowed(message.identity.sender),
                size: message.identity.size,
            };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        drop(out);
        file.sync_all()?;
        // Seen by others only whole, and locked.
        fs::rename(&partial, &path)?;
        File::open(dir)?.sync_all()?;
        Ok(Journal {
            file: Some((path, file)),
            problem: None,
        })
    }

    /// Records that a step is about to run.
    pub fn step(&mut self, step: &str) {
        self.append(&Step {
            step: step.into(),
            ids: Vec::new(),
            messages: Vec::new(),
        });
    }

    /// Records what postsuper put on hold.
    pub fn held(&mut self, ids: &[String]) {
        self.append(&Step {
            step: "held".into(),
            ids: ids.to_vec(),
            messages: Vec::new(),
        });
    }

    /// Records what is about to be released, as postq last saw each message.
    pub fn releasing(&mut self, messages: &[(&str, &Seen)]) {
        self.append(&Step {
            step: "release".into(),
            ids: Vec::new(),
            messages: messages
                .iter()
                .map(|(id, seen)| Released {
                    id: id.to_string(),
                    arrival_time: seen.arrival_time,
                    sender: seen.sender.to_string(),
                    size: seen.size,
                })
                .collect(),
        });
    }

    fn append(&mut self, step: &Step) {
        let Some((_, file)) = &mut self.file else {
            return;
        };
        let result = serde_json::to_vec(step)
            .map_err(io::Error::other)
            .and_then(|mut line| {
                line.push(b'\n');
                file.write_all(&line)?;
                file.sync_data()
            });
        if let Err(err) = result
            && self.problem.is_none()
        {
            self.problem = Some(format!("writing the journal: {err}"));
        }
    }

    /// Where it is, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|(path, _)| path.as_path())
    }

    /// The action ended: nothing to recover.
    pub fn finish(self) {
        if let Some((path, _)) = self.file {
            let _ = fs::remove_file(path);
        }
    }
}

/// A journal left by an action that did not end.
#[derive(Debug)]
pub struct Interrupted {
    pub path: PathBuf,
    pub operation: Operation,
    pub pid: u32,
    pub started: i64,
    /// The planned messages: ID, the queue planned from, identity.
    pub planned: Vec<(String, QueueName, Seen)>,
    /// What postsuper put on hold, when the journal got to say it.
    pub held: Option<Vec<String>>,
    /// Whether the hold step had begun.
    pub holding: bool,
    /// What the release step was releasing, as last seen (changed hands included).
    pub releasing: Vec<(String, Seen)>,
    /// The last step begun.
    pub last_step: Option<String>,
}

impl Interrupted {
    /// The identity each message the action may have held is expected to have on hold:
    /// as planned, or as seen when it was being released.
    pub fn expected_on_hold(&self) -> HashMap<&str, &Seen> {
        let maybe_held: HashSet<&str> = self.maybe_held().into_iter().collect();
        let mut expected: HashMap<&str, &Seen> = self
            .planned
            .iter()
            .filter(|(id, _, _)| maybe_held.contains(id.as_str()))
            .map(|(id, _, seen)| (id.as_str(), seen))
            .collect();
        for (id, seen) in &self.releasing {
            if maybe_held.contains(id.as_str()) {
                expected.insert(id.as_str(), seen);
            }
        }
        expected
    }

    /// The messages the action may have put on hold: what postsuper said it held, or, when
    /// the journal stops before that, every planned message not already on hold.
    pub fn maybe_held(&self) -> Vec<&str> {
        match &self.held {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None if self.holding => self
                .planned
                .iter()
                .filter(|(_, queue, _)| *queue != QueueName::Hold)
                .map(|(id, _, _)| id.as_str())
                .collect(),
            None => Vec::new(),
        }
    }
}

/// The journals of interrupted actions on this instance, oldest first. Journals of actions
/// still running (locked) are left out.
pub fn interrupted(dir: &Path, config_dir: Option<&Path>) -> Vec<PathBuf> {
    let prefix = format!("{}-", instance_key(config_dir));
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(&prefix) && name.ends_with(".journal"))
        })
        .filter(|path| File::open(path).is_ok_and(|file| file.try_lock().is_ok()))
        .collect();
    found.sort();
    found
}

/// Reads an interrupted action's journal.
pub fn read(path: &Path) -> io::Result<Interrupted> {
    let invalid = |why: String| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {why}", path.display()),
        )
    };
    let mut lines = BufReader::new(File::open(path)?).lines();
    let header: Header = match lines.next() {
        Some(line) => serde_json::from_str(&line?).map_err(|err| invalid(err.to_string()))?,
        None => return Err(invalid("empty".into())),
    };
    let operation = [
        Operation::Delete,
        Operation::Hold,
        Operation::Release,
        Operation::Requeue,
    ]
    .into_iter()
    .find(|op| op.verb() == header.operation)
    .filter(|_| header.journal == MAGIC)
    .ok_or_else(|| invalid(format!("not a postq journal ({})", header.operation)))?;
    let mut interrupted = Interrupted {
        path: path.to_path_buf(),
        operation,
        pid: header.pid,
        started: header.started,
        planned: Vec::with_capacity(header.planned.min(1 << 20) as usize),
        held: None,
        holding: false,
        releasing: Vec::new(),
        last_step: None,
    };
    for line in lines {
        let line = line?;
        if line.starts_with("{\"step\"") {
            let Ok(step) = serde_json::from_str::<Step>(&line) else {
                continue;
            };
            match step.step.as_str() {
                "held" => interrupted.held = Some(step.ids),
                "hold" => interrupted.holding = true,
                "release" => {
                    interrupted.releasing = step
                        .messages
                        .into_iter()
                        .map(|m| {
                            let seen = Seen {
                                arrival_time: m.arrival_time,
                                sender: m.sender.into(),
                                size: m.size,
                            };
                            (m.id, seen)
                        })
                        .collect();
                }
                _ => {}
            }
            interrupted.last_step = Some(step.step);
        } else if let Ok(planned) = serde_json::from_str::<Planned<'_>>(&line) {
            interrupted.planned.push((
                planned.id.to_string(),
                planned.queue,
                Seen {
                    arrival_time: planned.arrival_time,
                    sender: planned.sender.into(),
                    size: planned.size,
                },
            ));
        }
        // A line cut short by the crash is the last one: nothing after it was done.
    }
    Ok(interrupted)
}

/// The file-name prefix of an instance's files here: its configuration directory, readable,
/// and a hash of it, so that `/a/b` and `/a_b` differ.
pub fn instance_key(config_dir: Option<&Path>) -> String {
    let Some(dir) = config_dir else {
        return "default".into();
    };
    let text = dir.to_string_lossy();
    let readable: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    // FNV-1a: stable across runs and versions, unlike std's hasher.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{readable}_{:08x}", hash as u32)
}

/// The state directory, made if missing, readable by root only (it names senders).
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    match fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
    {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}
