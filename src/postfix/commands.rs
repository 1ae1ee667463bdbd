//! The real adapter: Postfix's own programs, run with duct.

use std::io::{self, Read};
use std::path::PathBuf;

use duct::ReaderHandle;

use super::{Invocation, Listing, Postfix, PostfixError};

pub struct PostfixCommands {
    config_dir: Option<PathBuf>,
}

impl PostfixCommands {
    pub fn new(config_dir: Option<PathBuf>) -> PostfixCommands {
        PostfixCommands { config_dir }
    }

    fn invocation(&self, program: &str, args: &[&str]) -> Invocation {
        Invocation::new(program, self.config_dir.as_deref(), args)
    }
}

impl Postfix for PostfixCommands {
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
