//! Progress on a terminal for work that takes seconds (reading 100k queue files): a count
//! and a rate on stderr, rewritten in place, gone when the work ends. Nothing when stderr is
//! not a terminal.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::render::format_count;

pub struct Progress {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// How often the line is rewritten; the first after this too, so quick work shows nothing.
const EVERY: Duration = Duration::from_millis(250);

impl Progress {
    /// Shows `what` with the count in `counter` while the returned value lives.
    pub fn show(enabled: bool, what: &'static str, counter: Arc<AtomicU64>) -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        let thread = enabled.then(|| {
            let done = Arc::clone(&done);
            std::thread::spawn(move || {
                let started = Instant::now();
                let mut shown = false;
                loop {
                    std::thread::sleep(EVERY);
                    if done.load(Ordering::SeqCst) {
                        break;
                    }
                    let count = counter.load(Ordering::Relaxed);
                    let line = progress_line(what, count, started.elapsed());
                    let _ = write!(std::io::stderr(), "\r\x1b[K{line}");
                    shown = true;
                }
                if shown {
                    let _ = write!(std::io::stderr(), "\r\x1b[K");
                }
            })
        });
        Progress { done, thread }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// `postq: reading who sent each message: 12,345 (24,690/s)`.
fn progress_line(what: &str, count: u64, elapsed: Duration) -> String {
    let rate = count as f64 / elapsed.as_secs_f64().max(0.001);
    format!(
        "postq: {what}: {} ({}/s)",
        format_count(count),
        format_count(rate as u64)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_and_a_rate() {
        assert_eq!(
            progress_line("reading", 12_345, Duration::from_millis(500)),
            "postq: reading: 12,345 (24,690/s)"
        );
    }
}
