//! A fake Postfix for unit tests of the logic: a queue in memory that postsuper's operations
//! change as Postfix would, and a record of every call. The real thing is tested end to end
//! against throwaway instances (tests/postq/*_postfix.rs).

use std::cell::{Cell, RefCell};
use std::io::Cursor;

use serde_json::Value;

use super::{
    IdList, Listing, MessageParts, Operation, Postfix, PostfixError, PostsuperRun, SavedListing,
};
use crate::queue::QueueName;

type Hook = Box<dyn FnOnce(&mut Vec<Value>)>;

pub struct FakePostfix {
    pub queue: RefCell<Vec<Value>>,
    /// Every call, e.g. `list`, `postsuper -h -: A1 A2`, `postsuper -d - hold: A1`.
    pub calls: RefCell<Vec<String>>,
    pub long_ids: bool,
    /// The postsuper flag that fails like a non-root run, if any.
    pub failing: Option<&'static str>,
    /// Runs once, after the first listing: the queue changing between plan and action.
    pub after_first_list: RefCell<Option<Hook>>,
    /// A line appended to every listing after the first (a damaged re-read).
    pub garbage_after_first: Cell<bool>,
    lists: Cell<u32>,
}

impl FakePostfix {
    pub fn new(lines: &[String]) -> FakePostfix {
        FakePostfix {
            queue: RefCell::new(
                lines
                    .iter()
                    .map(|line| serde_json::from_str(line).unwrap())
                    .collect(),
            ),
            calls: RefCell::new(Vec::new()),
            long_ids: false,
            failing: None,
            after_first_list: RefCell::new(None),
            garbage_after_first: Cell::new(false),
            lists: Cell::new(0),
        }
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

    pub fn queue_of(&self, id: &str) -> Option<String> {
        self.queue
            .borrow()
            .iter()
            .find(|e| e["queue_id"] == id)
            .map(|e| e["queue_name"].as_str().unwrap().to_string())
    }

    pub fn ids(&self) -> Vec<String> {
        self.queue
            .borrow()
            .iter()
            .map(|e| e["queue_id"].as_str().unwrap().to_string())
            .collect()
    }
}

impl Postfix for FakePostfix {
    fn list_queue(&self) -> Result<Box<dyn Listing>, PostfixError> {
        self.calls.borrow_mut().push("list".into());
        let mut text = String::new();
        for entry in self.queue.borrow().iter() {
            text.push_str(&entry.to_string());
            text.push('\n');
        }
        let count = self.lists.get() + 1;
        self.lists.set(count);
        if count > 1 && self.garbage_after_first.get() {
            text.push_str("{\"queue_name\": \"hold\", \"queue_id\": \n");
        }
        if count == 1
            && let Some(hook) = self.after_first_list.borrow_mut().take()
        {
            hook(&mut self.queue.borrow_mut());
        }
        Ok(Box::new(SavedListing(Cursor::new(text))))
    }

    fn mail_version(&self) -> Option<String> {
        Some("3.7.11".into())
    }

    fn long_queue_ids(&self) -> Result<bool, PostfixError> {
        Ok(self.long_ids)
    }

    fn postsuper(&self, operation: Operation, ids: &IdList, queues: &[QueueName]) -> PostsuperRun {
        let listed: Vec<&str> = ids.iter().collect();
        let restrict = queues.iter().map(|q| format!(" {q}")).collect::<String>();
        self.calls.borrow_mut().push(format!(
            "postsuper {} -{restrict}: {}",
            operation.flag(),
            listed.join(" ")
        ));
        let mut run = PostsuperRun::default();
        if self.failing == Some(operation.flag()) {
            run.failure = Some(PostfixError::Failed {
                invocation: super::Invocation::new("postsuper", None, &[operation.flag(), "-"]),
                status: "exit status 1".into(),
                stderr: "postsuper: fatal: use of this command is reserved for the superuser"
                    .into(),
            });
            return run;
        }
        let allowed: &[QueueName] = if queues.is_empty() {
            operation.default_queues()
        } else {
            queues
        };
        let mut queue = self.queue.borrow_mut();
        for id in listed {
            let Some(position) = queue.iter().position(|e| e["queue_id"] == id) else {
                continue;
            };
            let name = QueueName::parse(queue[position]["queue_name"].as_str().unwrap()).unwrap();
            if !allowed.contains(&name) {
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

    fn show(&self, id: &str, _parts: MessageParts) -> Result<Vec<u8>, PostfixError> {
        self.calls.borrow_mut().push(format!("postcat -q {id}"));
        Ok(format!("*** ENVELOPE RECORDS {id} ***\n").into_bytes())
    }

    fn flush_all(&self) -> Result<(), PostfixError> {
        self.calls.borrow_mut().push("postqueue -f".into());
        Ok(())
    }

    fn flush_one(&self, id: &str) -> Result<(), PostfixError> {
        self.calls.borrow_mut().push(format!("postqueue -i {id}"));
        Ok(())
    }

    fn purge(&self, queues: &[QueueName]) -> PostsuperRun {
        let restrict = queues.iter().map(|q| format!(" {q}")).collect::<String>();
        self.calls
            .borrow_mut()
            .push(format!("postsuper -d ALL{restrict}"));
        let allowed: &[QueueName] = if queues.is_empty() {
            Operation::Delete.default_queues()
        } else {
            queues
        };
        let mut queue = self.queue.borrow_mut();
        let before = queue.len();
        queue.retain(|e| {
            let name = QueueName::parse(e["queue_name"].as_str().unwrap()).unwrap();
            !allowed.contains(&name)
        });
        PostsuperRun {
            total: Some((before - queue.len()) as u64),
            ..PostsuperRun::default()
        }
    }
}
