//! Once an action runs, Ctrl-C, a closed SSH session (SIGHUP) or a TERM must not kill postq
//! half-way: they set a flag, the action stops at a safe point (after the step under way,
//! releasing what a delete held), and the user is told at once that it was heard.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Runs `work` with the signals caught into the flag it is given.
pub fn catching_interruptions<T>(work: impl FnOnce(&AtomicBool) -> T) -> T {
    let interrupted = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGHUP, SIGTERM] {
        let _ = signal_hook::flag::register(signal, Arc::clone(&interrupted));
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Say at once that the signal was heard: postsuper finishes the step under way.
        scope.spawn(|| {
            while !done.load(Ordering::SeqCst) {
                if interrupted.load(Ordering::SeqCst) {
                    let _ = writeln!(
                        std::io::stderr(),
                        "postq: interrupted: finishing the step under way, then stopping"
                    );
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        let result = work(&interrupted);
        done.store(true, Ordering::SeqCst);
        result
    })
}
