//! The real adapter: Postfix's own programs, run with duct.

use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use duct::ReaderHandle;

use super::{
    IdList, Invocation, Listing, MessageParts, Operation, Postfix, PostfixError, PostsuperLine,
    PostsuperRun, parse_postsuper_line,
};
use crate::queue::QueueName;

pub struct PostfixPrograms {
    config_dir: Option<PathBuf>,
}

impl PostfixPrograms {
    pub fn new(config_dir: Option<PathBuf>) -> PostfixPrograms {
        PostfixPrograms { config_dir }
    }

    fn invocation(&self, program: &str, args: &[&str]) -> Invocation {
        Invocation::new(program, self.config_dir.as_deref(), args)
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
            Ok(reader) => reader,
            Err(err) => {
                run.failure = Some(PostfixError::spawn(&invocation, err));
                return run;
            }
        };
        let mut lines = BufReader::new(&reader);
        let mut line = Vec::new();
        loop {
            line.clear();
            match lines.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => match parse_postsuper_line(operation, &String::from_utf8_lossy(&line)) {
                    PostsuperLine::Done(id) => run.done.push(id),
                    PostsuperLine::Total(count) => run.total = Some(count),
                    PostsuperLine::Other(text) if text.trim().is_empty() => {}
                    PostsuperLine::Other(text) => run.other.push(text),
                },
                Err(source) => {
                    run.failure = Some(PostfixError::Read {
                        invocation: invocation.clone(),
                        source,
                    });
                    let _ = reader.kill();
                    return run;
                }
            }
        }
        run.failure = match reader.try_wait() {
            Ok(Some(output)) if output.status.success() => None,
            Ok(Some(output)) => Some(PostfixError::Failed {
                invocation: invocation.clone(),
                status: super::describe_status(output.status),
                stderr: run.other.join("\n"),
            }),
            Ok(None) => Some(PostfixError::Unexpected {
                invocation: invocation.clone(),
                problem: "closed its output but did not exit".into(),
                stderr: run.other.join("\n"),
            }),
            Err(source) => Some(PostfixError::Read {
                invocation: invocation.clone(),
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
        Ok(Box::new(CommandListing { invocation, handle }))
    }

    fn long_queue_ids(&self) -> Result<bool, PostfixError> {
        let invocation = self.invocation("postconf", &["-h", "enable_long_queue_ids"]);
        let output = run_captured(&invocation)?;
        match String::from_utf8_lossy(&output.stdout).trim() {
            "yes" => Ok(true),
            "no" => Ok(false),
            other => Err(PostfixError::Unexpected {
                invocation,
                problem: format!("said '{other}', expected yes or no"),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            }),
        }
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
        let output = run_captured(&invocation)?;
        Ok(output.stdout)
    }

    fn flush_all(&self) -> Result<(), PostfixError> {
        run_captured(&self.invocation("postqueue", &["-f"])).map(|_| ())
    }

    fn flush_one(&self, id: &str) -> Result<(), PostfixError> {
        run_captured(&self.invocation("postqueue", &["-i", id])).map(|_| ())
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

/// Runs to the end with stdout and stderr captured; a non-zero exit is an error.
fn run_captured(invocation: &Invocation) -> Result<std::process::Output, PostfixError> {
    let output = invocation
        .expression()
        .stdin_null()
        .stdout_capture()
        .stderr_capture()
        .unchecked()
        .run()
        .map_err(|err| PostfixError::spawn(invocation, err))?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(PostfixError::failed(invocation, &output))
    }
}

struct CommandListing {
    invocation: Invocation,
    handle: ReaderHandle,
}

impl Read for CommandListing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        (&self.handle)
            .read(buf)
            .map_err(|err| io::Error::new(err.kind(), format!("{}: {err}", self.invocation)))
    }
}

impl Listing for CommandListing {
    fn finish(self: Box<Self>, read_to_end: bool) -> Result<Vec<String>, PostfixError> {
        if !read_to_end {
            // The caller has what it wanted (`list --limit`, a closed pipe): stop postqueue.
            let _ = self.handle.kill();
            return Ok(Vec::new());
        }
        let output = match self.handle.try_wait() {
            Ok(Some(output)) => output,
            Ok(None) => {
                return Err(PostfixError::Unexpected {
                    invocation: self.invocation.clone(),
                    problem: "closed its output but did not exit".into(),
                    stderr: String::new(),
                });
            }
            Err(source) => {
                return Err(PostfixError::Read {
                    invocation: self.invocation.clone(),
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
