//! Progress on a terminal for work that takes seconds (reading 100k queue files, flushing
//! thousands of messages): what is being done, a count and a rate on stderr, drawn by
//! indicatif and cleared when the work ends. Nothing when stderr is not a terminal.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::render::format_count;

/// Messages postsuper has answered for in this process: the adapter counts, an action's
/// progress line shows it.
pub static POSTSUPER_DONE: AtomicU64 = AtomicU64::new(0);

pub struct Progress {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// How often the count is taken; indicatif draws no more often than that.
const EVERY: Duration = Duration::from_millis(200);

impl Progress {
    /// Shows `what` with the count in `counter` while the returned value lives.
    pub fn show(enabled: bool, what: &'static str, counter: Arc<AtomicU64>) -> Progress {
        Progress::watch(enabled, what, move || counter.load(Ordering::Relaxed))
    }

    /// Shows the lines of the listing read from now on, while the returned value lives.
    pub fn listing(enabled: bool) -> Progress {
        use crate::queue::LINES_READ;
        let start = LINES_READ.load(Ordering::Relaxed);
        Progress::watch(enabled, "reading the queue (messages)", move || {
            LINES_READ.load(Ordering::Relaxed).saturating_sub(start)
        })
    }

    /// Shows postsuper's answers from now on, while the returned value lives.
    pub fn postsuper(enabled: bool, what: &'static str) -> Progress {
        let start = POSTSUPER_DONE.load(Ordering::Relaxed);
        Progress::watch(enabled, what, move || {
            POSTSUPER_DONE.load(Ordering::Relaxed).saturating_sub(start)
        })
    }

    fn watch(
        enabled: bool,
        what: &'static str,
        count: impl Fn() -> u64 + Send + 'static,
    ) -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        let thread = enabled.then(|| {
            let done = Arc::clone(&done);
            std::thread::spawn(move || {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                let style = ProgressStyle::with_template("postq: {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner());
                bar.set_style(style);
                let started = std::time::Instant::now();
                while !done.load(Ordering::SeqCst) {
                    std::thread::sleep(EVERY);
                    let count = count();
                    let rate = count as f64 / started.elapsed().as_secs_f64().max(0.001);
                    bar.set_message(format!(
                        "{what}: {} ({}/s)",
                        format_count(count),
                        format_count(rate as u64)
                    ));
                    bar.tick();
                }
                bar.finish_and_clear();
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
