//! Ctrl-C, a closed SSH session (SIGHUP) and TERM, and the Postfix programs postq runs.
//!
//! Reading, and before consent: a signal stops postq and its children at once. During an
//! action: the first signal lets the step under way finish and the action stop at a safe
//! point (a delete releases what it held); a second one stops the children now and exits,
//! leaving the journal for `postq recover`.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Stops a running Postfix program.
pub type Stop = Box<dyn Fn() + Send + Sync>;

#[derive(Default)]
struct Watcher {
    /// Actions under way (several at once across hosts): signals are counted, not fatal.
    acting: AtomicUsize,
    /// Set by the first signal during an action.
    interrupted: Arc<AtomicBool>,
    signals: AtomicUsize,
    /// The running Postfix programs.
    children: Mutex<Vec<(u64, Stop)>>,
    next_child: AtomicU64,
    /// What to tell the user when an action is stopped at once.
    recover: Mutex<Option<String>>,
    /// What to put back before exiting on a signal (watch's terminal).
    restore: Mutex<Option<Stop>>,
}

static WATCHER: OnceLock<Watcher> = OnceLock::new();

/// Starts watching the signals (postq's own process only; tests of the logic never do).
pub fn watch() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGHUP, SIGTERM]) else {
        return;
    };
    if WATCHER.set(Watcher::default()).is_err() {
        return;
    }
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if let Some(watcher) = WATCHER.get() {
                watcher.on_signal();
            }
        }
    });
}

impl Watcher {
    fn on_signal(&self) {
        let count = self.signals.fetch_add(1, Ordering::SeqCst) + 1;
        let mut stderr = std::io::stderr();
        if self.acting.load(Ordering::SeqCst) > 0 && count == 1 {
            self.interrupted.store(true, Ordering::SeqCst);
            let _ = writeln!(
                stderr,
                "postq: interrupted: finishing the step under way, then stopping (again to stop now)"
            );
            return;
        }
        self.stop_children();
        if self.acting.load(Ordering::SeqCst) > 0 {
            let recover = self.recover.lock().ok().and_then(|text| text.clone());
            let _ = writeln!(
                stderr,
                "postq: stopped now, in the middle of a step; {}",
                recover.unwrap_or_else(|| "run: postq recover".into())
            );
        } else {
            if let Some(restore) = self.restore.lock().ok().and_then(|mut r| r.take()) {
                restore();
            }
            let _ = writeln!(stderr, "\npostq: interrupted: nothing more was done");
        }
        std::process::exit(130);
    }

    fn stop_children(&self) {
        if let Ok(children) = self.children.lock() {
            for (_, stop) in children.iter() {
                stop();
            }
        }
    }
}

/// A running Postfix program, known to the watcher until dropped.
pub struct Child {
    id: Option<u64>,
}

impl Drop for Child {
    fn drop(&mut self) {
        if let (Some(id), Some(watcher)) = (self.id, WATCHER.get())
            && let Ok(mut children) = watcher.children.lock()
        {
            children.retain(|(child, _)| *child != id);
        }
    }
}

/// Registers a running program: a signal stops it with `stop`.
pub fn child(stop: Stop) -> Child {
    let Some(watcher) = WATCHER.get() else {
        return Child { id: None };
    };
    let id = watcher.next_child.fetch_add(1, Ordering::SeqCst);
    if let Ok(mut children) = watcher.children.lock() {
        children.push((id, stop));
    }
    Child { id: Some(id) }
}

/// What a signal that stops postq puts back first (the terminal watch changed); `None`
/// once it is put back.
pub fn restore_on_exit(restore: Option<Stop>) {
    if let Some(watcher) = WATCHER.get()
        && let Ok(mut slot) = watcher.restore.lock()
    {
        *slot = restore;
    }
}

/// Runs an action's steps with signals counted: `work` gets the flag the first signal
/// sets; `recover` is what to run should a second one stop postq at once.
pub fn during_action<T>(recover: String, work: impl FnOnce(&AtomicBool) -> T) -> T {
    let Some(watcher) = WATCHER.get() else {
        return work(&AtomicBool::new(false));
    };
    if let Ok(mut text) = watcher.recover.lock() {
        *text = Some(recover);
    }
    watcher.acting.fetch_add(1, Ordering::SeqCst);
    let result = work(&watcher.interrupted);
    watcher.acting.fetch_sub(1, Ordering::SeqCst);
    result
}
