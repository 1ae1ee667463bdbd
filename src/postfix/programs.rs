//! The real adapter: Postfix's own programs, run with duct. Each runs supervised: a
//! signal to postq can stop it (see `signals`), and one that says nothing for the stall
//! timeout is stopped and reported.

use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use duct::ReaderHandle;

use super::{
    IdList, Invocation, Listing, MessageParts, Operation, Origins, Postfix, PostfixError,
    PostsuperLine, PostsuperRun, QueueFiles, parse_postsuper_line,
};
use crate::queue::QueueName;

#[derive(Clone)]
pub struct PostfixPrograms {
    config_dir: Option<PathBuf>,
    timeout: Duration,
    /// The host the programs run on over ssh; this machine when `None`.
    host: Option<String>,
}

/// `postqueue -i` runs at once for a flush of a selection.
const FLUSH_PARALLEL: usize = 8;

/// A program's time without output before it counts as stalled, unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

impl PostfixPrograms {
    pub fn new(config_dir: Option<PathBuf>, timeout: Duration) -> PostfixPrograms {
        PostfixPrograms {
            config_dir,
            timeout,
            host: None,
        }
    }

    /// The same programs, run on `host` over ssh.
    pub fn on_host(mut self, host: Option<String>) -> PostfixPrograms {
        self.host = host;
        self
    }

    /// The instances `postmulti -l` lists where these programs run (postmulti reads only
    /// the default configuration directory's list).
    pub fn instances(&self) -> Result<Vec<(String, PathBuf)>, PostfixError> {
        let invocation = Invocation::new("postmulti", None, &["-l"]).on(self.host.as_deref());
        let output = self.run_captured(&invocation)?;
        Ok(super::fleet::parse_postmulti(&String::from_utf8_lossy(
            &output.stdout,
        )))
    }

    fn invocation(&self, program: &str, args: &[&str]) -> Invocation {
        Invocation::new(program, self.config_dir.as_deref(), args).on(self.host.as_deref())
    }

    /// Runs postsuper with `stdin`, reading what it says as it says it: its stderr (merged
    /// into stdout, which it leaves empty) is drained while IDs are still being written, so
    /// 100k IDs and 100k answers never fill a pipe and deadlock.
    fn run_postsuper(&self, operation: Operation, args: &[&str], stdin: Vec<u8>) -> PostsuperRun {
        let invocation = self.invocation("postsuper", args);
        let mut run = PostsuperRun::default();
        // A process group of its own: Ctrl-C or a closed session reaches postq, which stops
        // between steps, and never a postsuper half-way through its IDs (it could hold a
        // message and die before saying so).
        let reader = match invocation
            .expression()
            .before_spawn(|command| {
                use std::os::unix::process::CommandExt;
                command.process_group(0);
                Ok(())
            })
            .stdin_bytes(stdin)
            .stderr_to_stdout()
            .unchecked()
            .reader()
        {
            Ok(reader) => Arc::new(reader),
            Err(err) => {
                run.failure = Some(PostfixError::spawn(&invocation, err));
                return run;
            }
        };
        let supervision = Supervision::start(&reader, self.timeout);
        let mut lines = BufReader::new(&*reader);
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = lines.read_until(b'\n', &mut line);
            supervision.progress();
            match read {
                Ok(0) => break,
                Ok(_) => match parse_postsuper_line(operation, &String::from_utf8_lossy(&line)) {
                    PostsuperLine::Done(id) => {
                        crate::progress::POSTSUPER_DONE.fetch_add(1, Ordering::Relaxed);
                        run.done.push(id);
                    }
                    PostsuperLine::Total(count) => run.total = Some(count),
                    PostsuperLine::Other(text) if text.trim().is_empty() => {}
                    PostsuperLine::Other(text) => run.other.push(text),
                },
                Err(source) => {
                    run.failure = Some(PostfixError::Read {
                        invocation: Box::new(invocation.clone()),
                        source,
                    });
                    let _ = reader.kill();
                    return run;
                }
            }
        }
        if supervision.stalled() {
            run.failure = Some(PostfixError::Stalled {
                invocation: Box::new(invocation.clone()),
                after: self.timeout,
            });
            return run;
        }
        run.failure = match reader.try_wait() {
            Ok(Some(output)) if output.status.success() => None,
            Ok(Some(output)) => Some(PostfixError::Failed {
                invocation: Box::new(invocation.clone()),
                status: super::describe_status(output.status),
                stderr: run.other.join("\n"),
            }),
            Ok(None) => Some(PostfixError::Unexpected {
                invocation: Box::new(invocation.clone()),
                problem: "closed its output but did not exit".into(),
                stderr: run.other.join("\n"),
            }),
            Err(source) => Some(PostfixError::Read {
                invocation: Box::new(invocation.clone()),
                source,
            }),
        };
        run
    }
}

impl Postfix for PostfixPrograms {
    fn list_queue(&self) -> Result<Box<dyn Listing>, PostfixError> {
        let invocation = self.invocation("postqueue", &["-j"]);
        // stdout is streamed to the reader; stderr is collected on duct's own thread.
        let handle = invocation
            .expression()
            .stdin_null()
            .stderr_capture()
            .unchecked()
            .reader()
            .map_err(|err| PostfixError::spawn(&invocation, err))?;
        let handle = Arc::new(handle);
        let supervision = Supervision::start(&handle, self.timeout);
        Ok(Box::new(CommandListing {
            invocation,
            handle,
            supervision,
            timeout: self.timeout,
        }))
    }

    fn postsuper(&self, operation: Operation, ids: &IdList, queues: &[QueueName]) -> PostsuperRun {
        let mut args = vec![operation.flag(), "-"];
        args.extend(queues.iter().map(|queue| queue.as_str()));
        let stdin: Vec<u8> = ids.chunks().flat_map(str::bytes).collect();
        self.run_postsuper(operation, &args, stdin)
    }

    fn purge(&self, queues: &[QueueName]) -> PostsuperRun {
        let mut args = vec!["-d", "ALL"];
        args.extend(queues.iter().map(|queue| queue.as_str()));
        self.run_postsuper(Operation::Delete, &args, Vec::new())
    }

    fn show(&self, id: &str, parts: MessageParts) -> Result<Vec<u8>, PostfixError> {
        let mut args = vec!["-q"];
        for (wanted, flag) in [
            (parts.envelope, "-e"),
            (parts.headers, "-h"),
            (parts.body, "-b"),
        ] {
            if wanted {
                args.push(flag);
            }
        }
        args.push(id);
        let invocation = self.invocation("postcat", &args);
        let output = self.run_captured(&invocation)?;
        Ok(output.stdout)
    }

    fn origins(&self) -> Result<Box<dyn Origins>, PostfixError> {
        if self.host.is_some() {
            return Ok(Box::new(super::remote_origins::RemoteOrigins::read(self)?));
        }
        let invocation = self.invocation("postconf", &["-h", "queue_directory"]);
        let output = self.run_captured(&invocation)?;
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        let files =
            QueueFiles::walk(&dir).map_err(|source| PostfixError::QueueFiles { dir, source })?;
        Ok(Box::new(files))
    }

    fn flush_all(&self) -> Result<(), PostfixError> {
        self.run_captured(&self.invocation("postqueue", &["-f"]))
            .map(|_| ())
    }

    /// Several `postqueue -i` at once: each waits on the flush daemon's round trip, not on
    /// the CPU (2,000 one by one took 34-43 s).
    fn flush_each(&self, ids: &[String], done: &AtomicU64) -> Result<(), PostfixError> {
        let next = AtomicUsize::new(0);
        let failure: Mutex<Option<PostfixError>> = Mutex::new(None);
        std::thread::scope(|scope| {
            for _ in 0..FLUSH_PARALLEL.min(ids.len()) {
                scope.spawn(|| {
                    while failure.lock().is_ok_and(|failure| failure.is_none()) {
                        let Some(id) = ids.get(next.fetch_add(1, Ordering::SeqCst)) else {
                            break;
                        };
                        match self.flush_one(id) {
                            Ok(()) => {
                                done.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(err) => {
                                if let Ok(mut failure) = failure.lock() {
                                    failure.get_or_insert(err);
                                }
                            }
                        }
                    }
                });
            }
        });
        match failure.into_inner().ok().flatten() {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    fn flush_one(&self, id: &str) -> Result<(), PostfixError> {
        self.run_captured(&self.invocation("postqueue", &["-i", id]))
            .map(|_| ())
    }

    fn mail_version(&self) -> Option<String> {
        let invocation = self.invocation("postconf", &["-d", "-h", "mail_version"]);
        let output = invocation
            .expression()
            .stdin_null()
            .stdout_capture()
            .stderr_null()
            .unchecked()
            .run()
            .ok()?;
        let version = String::from_utf8_lossy(&output.stdout).trim().to_string();
        (output.status.success() && !version.is_empty()).then_some(version)
    }
}

impl PostfixPrograms {
    /// Runs to the end with stdout and stderr captured; a non-zero exit is an error, and so
    /// is a run longer than the stall timeout (these programs say everything at the end).
    fn run_captured(&self, invocation: &Invocation) -> Result<std::process::Output, PostfixError> {
        let output = self.run_to_end(invocation)?;
        if output.status.success() {
            Ok(output)
        } else {
            Err(PostfixError::failed(invocation, &output))
        }
    }

    /// Runs `invocation` to its end, output captured, whatever its exit status (stalls
    /// are still stopped and said).
    pub(super) fn run_to_end(
        &self,
        invocation: &Invocation,
    ) -> Result<std::process::Output, PostfixError> {
        let handle = invocation
            .expression()
            .stdin_null()
            .stdout_capture()
            .stderr_capture()
            .unchecked()
            .start()
            .map_err(|err| PostfixError::spawn(invocation, err))?;
        let handle = Arc::new(handle);
        let stop = Arc::clone(&handle);
        let supervision = Supervision::watch(move || drop(stop.kill()), self.timeout);
        let output = handle
            .wait()
            .map_err(|err| PostfixError::spawn(invocation, err))?
            .clone();
        if supervision.stalled() {
            return Err(PostfixError::Stalled {
                invocation: Box::new(invocation.clone()),
                after: self.timeout,
            });
        }
        Ok(output)
    }

    /// `postcat -e -h -q ID...`: the envelope and headers of these messages. postcat stops
    /// at an ID whose message has left the queue: that is no failure here.
    pub(super) fn postcat_headers(
        &self,
        ids: &[&str],
    ) -> Result<std::process::Output, PostfixError> {
        let mut args = vec!["-e", "-h", "-q"];
        args.extend(ids);
        let invocation = self.invocation("postcat", &args);
        let output = self.run_to_end(&invocation)?;
        let gone = String::from_utf8_lossy(&output.stderr).contains("open queue file");
        if output.status.success() || gone {
            Ok(output)
        } else {
            Err(PostfixError::failed(&invocation, &output))
        }
    }

    /// `postqueue -j`, as it would run, for what is said of reading its output.
    pub(super) fn listing_invocation(&self) -> Invocation {
        self.invocation("postqueue", &["-j"])
    }
}

/// Watches a running program: registered with the signal watcher while it runs, stopped
/// when it says nothing for the timeout.
struct Supervision {
    started: Instant,
    /// Milliseconds from `started` to the last output.
    last: Arc<AtomicU64>,
    stalled: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
    _child: crate::signals::Child,
}

impl Supervision {
    fn start(handle: &Arc<ReaderHandle>, timeout: Duration) -> Supervision {
        let stop = Arc::clone(handle);
        Supervision::watch(move || drop(stop.kill()), timeout)
    }

    fn watch(stop: impl Fn() + Send + Sync + Clone + 'static, timeout: Duration) -> Supervision {
        let started = Instant::now();
        let last = Arc::new(AtomicU64::new(0));
        let stalled = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicBool::new(false));
        let child = crate::signals::child(Box::new(stop.clone()));
        let (watch_last, watch_stalled, watch_done) =
            (Arc::clone(&last), Arc::clone(&stalled), Arc::clone(&done));
        let limit = timeout.as_millis() as u64;
        // A watchdog, not synchronisation: it polls a clock and never blocks the work.
        std::thread::spawn(move || {
            let tick = Duration::from_millis((limit / 20).clamp(10, 250));
            while !watch_done.load(Ordering::SeqCst) {
                let now = started.elapsed().as_millis() as u64;
                if now.saturating_sub(watch_last.load(Ordering::SeqCst)) > limit {
                    watch_stalled.store(true, Ordering::SeqCst);
                    stop();
                    return;
                }
                std::thread::sleep(tick);
            }
        });
        Supervision {
            started,
            last,
            stalled,
            done,
            _child: child,
        }
    }

    /// The program said something.
    fn progress(&self) {
        self.last
            .store(self.started.elapsed().as_millis() as u64, Ordering::SeqCst);
    }

    fn stalled(&self) -> bool {
        self.stalled.load(Ordering::SeqCst)
    }
}

impl Drop for Supervision {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
    }
}

struct CommandListing {
    invocation: Invocation,
    handle: Arc<ReaderHandle>,
    supervision: Supervision,
    timeout: Duration,
}

impl Read for CommandListing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = (&*self.handle).read(buf);
        self.supervision.progress();
        read.map_err(|err| io::Error::new(err.kind(), format!("{}: {err}", self.invocation)))
    }
}

impl Listing for CommandListing {
    fn finish(self: Box<Self>, read_to_end: bool) -> Result<Vec<String>, PostfixError> {
        if self.supervision.stalled() {
            return Err(PostfixError::Stalled {
                invocation: Box::new(self.invocation.clone()),
                after: self.timeout,
            });
        }
        if !read_to_end {
            // The caller has what it wanted (`list --limit`, a closed pipe): stop postqueue.
            let _ = self.handle.kill();
            return Ok(Vec::new());
        }
        let output = match self.handle.try_wait() {
            Ok(Some(output)) => output,
            Ok(None) => {
                return Err(PostfixError::Unexpected {
                    invocation: Box::new(self.invocation.clone()),
                    problem: "closed its output but did not exit".into(),
                    stderr: String::new(),
                });
            }
            Err(source) => {
                return Err(PostfixError::Read {
                    invocation: Box::new(self.invocation.clone()),
                    source,
                });
            }
        };
        if !output.status.success() {
            return Err(PostfixError::failed(&self.invocation, output));
        }
        Ok(String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| format!("{}: {line}", self.invocation))
            .collect())
    }
}
