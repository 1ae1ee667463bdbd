//! The one test double of the [`Postfix`] adapter, for unit and integration tests of the
//! logic (not part of postq's interface). It keeps a queue in memory that postsuper's
//! operations change as Postfix would, or passes through to the real programs of a
//! throwaway instance; either way it records every call and runs the hooks a test sets:
//! doctor what a listing shows, change the queue after a listing, fail a postsuper step.
//! End to end, the real Postfix is tested against throwaway instances (tests/postq).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::PathBuf;

use serde_json::Value;

use crate::postfix::{
    IdList, Invocation, Listing, MessageParts, Operation, OriginRead, Origins, Postfix,
    PostfixError, PostfixPrograms, PostsuperRun, SavedListing,
};
use crate::queue::{Origin, QueueName};

/// Doctors what one listing shows: the entries (not the queue), and text appended after them.
type ListingHook = Box<dyn FnOnce(&mut Vec<Value>, &mut String)>;
/// Changes the queue itself (the in-memory one).
type QueueHook = Box<dyn FnOnce(&mut Vec<Value>)>;

/// Origins of the in-memory queue, by queue ID.
struct MemoryOrigins(HashMap<String, Origin>);

impl Origins for MemoryOrigins {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn origin(&self, id: &str, _queue: QueueName) -> OriginRead {
        match self.0.get(id) {
            Some(origin) => OriginRead::Found(Box::new(origin.clone())),
            None => OriginRead::Gone,
        }
    }
}

enum Backend {
    Memory(RefCell<Vec<Value>>),
    Programs(PostfixPrograms),
}

pub struct FakePostfix {
    backend: Backend,
    /// Every call, e.g. `list`, `postsuper -h -: A1 A2`, `postsuper -d - hold: A1`.
    calls: RefCell<Vec<String>>,
    /// A postsuper flag that fails like a non-root run, after acting on this many IDs.
    failing: Cell<Option<(&'static str, usize)>>,
    listing_hooks: RefCell<HashMap<u32, ListingHook>>,
    queue_hooks: RefCell<HashMap<u32, QueueHook>>,
    postsuper_hooks: RefCell<HashMap<&'static str, QueueHook>>,
    lists: Cell<u32>,
}

impl FakePostfix {
    /// A queue in memory holding these `postqueue -j` lines.
    pub fn new(lines: &[String]) -> FakePostfix {
        let queue = lines
            .iter()
            .map(|line| serde_json::from_str(line).expect("a postqueue -j line"))
            .collect();
        FakePostfix::with(Backend::Memory(RefCell::new(queue)))
    }

    /// The real programs, run with `-c config_dir`: the hooks doctor their answers.
    pub fn around_programs(config_dir: PathBuf) -> FakePostfix {
        FakePostfix::with(Backend::Programs(PostfixPrograms::new(
            Some(config_dir),
            crate::postfix::DEFAULT_TIMEOUT,
        )))
    }

    fn with(backend: Backend) -> FakePostfix {
        FakePostfix {
            backend,
            calls: RefCell::new(Vec::new()),
            failing: Cell::new(None),
            listing_hooks: RefCell::new(HashMap::new()),
            queue_hooks: RefCell::new(HashMap::new()),
            postsuper_hooks: RefCell::new(HashMap::new()),
            lists: Cell::new(0),
        }
    }

    /// postsuper with `flag` (`-d`, `-h`, ...) acts on the first `after` IDs, then fails
    /// as a non-root run does.
    pub fn fail_postsuper(&self, flag: &'static str, after: usize) {
        self.failing.set(Some((flag, after)));
    }

    /// Listing number `nth` (from 1) shows what `hook` makes of the queue's entries, and
    /// the text it appends (a damaged line, say). The queue itself is not changed.
    pub fn doctor_listing(
        &self,
        nth: u32,
        hook: impl FnOnce(&mut Vec<Value>, &mut String) + 'static,
    ) {
        self.listing_hooks.borrow_mut().insert(nth, Box::new(hook));
    }

    /// Right after listing number `nth`, the in-memory queue changes: mail delivered,
    /// arrived, or moved by someone else between postq's steps.
    pub fn after_listing(&self, nth: u32, hook: impl FnOnce(&mut Vec<Value>) + 'static) {
        self.queue_hooks.borrow_mut().insert(nth, Box::new(hook));
    }

    /// Right after the first postsuper run with `flag` (`-h`...), the in-memory queue
    /// changes: another admin acting between postq's steps.
    pub fn after_postsuper(
        &self,
        flag: &'static str,
        hook: impl FnOnce(&mut Vec<Value>) + 'static,
    ) {
        self.postsuper_hooks
            .borrow_mut()
            .insert(flag, Box::new(hook));
    }

    pub fn calls(&self) -> Vec<String> {
        self.calls.borrow().clone()
    }

    /// `postsuper` calls only.
    pub fn postsuper_calls(&self) -> Vec<String> {
        self.calls
            .borrow()
            .iter()
            .filter(|call| call.starts_with("postsuper"))
            .cloned()
            .collect()
    }

    /// The queue a message is in (in memory).
    pub fn queue_of(&self, id: &str) -> Option<String> {
        self.memory()
            .borrow()
            .iter()
            .find(|e| e["queue_id"] == id)
            .map(|e| e["queue_name"].as_str().unwrap_or_default().to_string())
    }

    /// Every queue ID (in memory).
    pub fn ids(&self) -> Vec<String> {
        self.memory()
            .borrow()
            .iter()
            .map(|e| e["queue_id"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    fn memory(&self) -> &RefCell<Vec<Value>> {
        match &self.backend {
            Backend::Memory(queue) => queue,
            Backend::Programs(_) => panic!("the queue is Postfix's own: ask postqueue"),
        }
    }

    fn record(&self, call: String) {
        self.calls.borrow_mut().push(call);
    }

    /// The entries the queue holds now.
    fn entries(&self) -> Result<Vec<Value>, PostfixError> {
        match &self.backend {
            Backend::Memory(queue) => Ok(queue.borrow().clone()),
            Backend::Programs(programs) => {
                let mut listing = programs.list_queue()?;
                let mut text = String::new();
                let read = listing.read_to_string(&mut text);
                listing.finish(read.is_ok())?;
                Ok(text
                    .lines()
                    .filter_map(|line| serde_json::from_str(line).ok())
                    .collect())
            }
        }
    }

    fn failure(flag: &str) -> PostfixError {
        PostfixError::Failed {
            invocation: Box::new(Invocation::new("postsuper", None, &[flag, "-"])),
            status: "exit status 1".into(),
            stderr: "postsuper: fatal: use of this command is reserved for the superuser".into(),
        }
    }

    /// postsuper on the in-memory queue.
    fn postsuper_in_memory(
        queue: &mut Vec<Value>,
        operation: Operation,
        ids: &[&str],
        queues: &[QueueName],
    ) -> PostsuperRun {
        let allowed: &[QueueName] = if queues.is_empty() {
            operation.default_queues()
        } else {
            queues
        };
        let mut run = PostsuperRun::default();
        for &id in ids {
            let Some(position) = queue.iter().position(|e| e["queue_id"] == id) else {
                continue;
            };
            let name = queue[position]["queue_name"]
                .as_str()
                .and_then(QueueName::parse);
            if !name.is_some_and(|name| allowed.contains(&name)) {
                continue;
            }
            match operation {
                Operation::Delete => {
                    queue.remove(position);
                }
                Operation::Hold => queue[position]["queue_name"] = "hold".into(),
                Operation::Release => queue[position]["queue_name"] = "deferred".into(),
                Operation::Requeue => queue[position]["queue_name"] = "maildrop".into(),
            }
            run.done.push(id.to_string());
        }
        run.total = Some(run.done.len() as u64);
        run
    }
}

impl Postfix for FakePostfix {
    fn list_queue(&self) -> Result<Box<dyn Listing>, PostfixError> {
        self.record("list".into());
        let nth = self.lists.get() + 1;
        self.lists.set(nth);
        let mut entries = self.entries()?;
        let mut extra = String::new();
        if let Some(hook) = self.listing_hooks.borrow_mut().remove(&nth) {
            hook(&mut entries, &mut extra);
        }
        if let Some(hook) = self.queue_hooks.borrow_mut().remove(&nth) {
            hook(&mut self.memory().borrow_mut());
        }
        let mut text = String::new();
        for entry in &entries {
            let mut shown = entry.clone();
            if let Some(members) = shown.as_object_mut() {
                members.remove("origin");
            }
            text.push_str(&shown.to_string());
            text.push('\n');
        }
        text.push_str(&extra);
        Ok(Box::new(SavedListing(Cursor::new(text))))
    }

    fn mail_version(&self) -> Option<String> {
        match &self.backend {
            Backend::Memory(_) => Some("3.7.11".into()),
            Backend::Programs(programs) => programs.mail_version(),
        }
    }

    fn postsuper(&self, operation: Operation, ids: &IdList, queues: &[QueueName]) -> PostsuperRun {
        let listed: Vec<&str> = ids.iter().collect();
        let restrict: String = queues.iter().map(|q| format!(" {q}")).collect();
        self.record(format!(
            "postsuper {} -{restrict}: {}",
            operation.flag(),
            listed.join(" ")
        ));
        let failing = self
            .failing
            .get()
            .filter(|(flag, _)| *flag == operation.flag());
        let acted_on = failing.map_or(listed.len(), |(_, after)| after.min(listed.len()));
        let mut run = match &self.backend {
            Backend::Memory(queue) => FakePostfix::postsuper_in_memory(
                &mut queue.borrow_mut(),
                operation,
                &listed[..acted_on],
                queues,
            ),
            Backend::Programs(programs) => programs.postsuper(
                operation,
                &listed[..acted_on].iter().copied().collect(),
                queues,
            ),
        };
        if let Some((flag, _)) = failing {
            run.total = None;
            run.failure = Some(FakePostfix::failure(flag));
        }
        if let Some(hook) = self.postsuper_hooks.borrow_mut().remove(operation.flag()) {
            hook(&mut self.memory().borrow_mut());
        }
        run
    }

    fn purge(&self, queues: &[QueueName]) -> PostsuperRun {
        let restrict: String = queues.iter().map(|q| format!(" {q}")).collect();
        self.record(format!("postsuper -d ALL{restrict}"));
        let queue = match &self.backend {
            Backend::Memory(queue) => queue,
            Backend::Programs(programs) => return programs.purge(queues),
        };
        let allowed: &[QueueName] = if queues.is_empty() {
            Operation::Delete.default_queues()
        } else {
            queues
        };
        let mut queue = queue.borrow_mut();
        let before = queue.len();
        queue.retain(|e| {
            let name = e["queue_name"].as_str().and_then(QueueName::parse);
            !name.is_some_and(|name| allowed.contains(&name))
        });
        PostsuperRun {
            total: Some((before - queue.len()) as u64),
            ..PostsuperRun::default()
        }
    }

    fn show(&self, id: &str, parts: MessageParts) -> Result<Vec<u8>, PostfixError> {
        self.record(format!("postcat -q {id}"));
        match &self.backend {
            Backend::Memory(_) => Ok(format!("*** ENVELOPE RECORDS {id} ***\n").into_bytes()),
            Backend::Programs(programs) => programs.show(id, parts),
        }
    }

    fn origins(&self) -> Result<Box<dyn Origins>, PostfixError> {
        self.record("origins".into());
        match &self.backend {
            Backend::Programs(programs) => programs.origins(),
            // Each entry's "origin" member (hidden from listings), as the queue holds now.
            Backend::Memory(queue) => Ok(Box::new(MemoryOrigins(
                queue
                    .borrow()
                    .iter()
                    .map(|entry| {
                        let id = entry["queue_id"].as_str().unwrap_or_default().to_string();
                        let origin =
                            serde_json::from_value(entry["origin"].clone()).unwrap_or_default();
                        (id, origin)
                    })
                    .collect(),
            ))),
        }
    }

    fn flush_all(&self) -> Result<(), PostfixError> {
        self.record("postqueue -f".into());
        match &self.backend {
            Backend::Memory(_) => Ok(()),
            Backend::Programs(programs) => programs.flush_all(),
        }
    }

    fn flush_one(&self, id: &str) -> Result<(), PostfixError> {
        self.record(format!("postqueue -i {id}"));
        match &self.backend {
            Backend::Memory(_) => Ok(()),
            Backend::Programs(programs) => programs.flush_one(id),
        }
    }
}
