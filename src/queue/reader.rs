//! The streaming `postqueue -j` reader: one JSON object a line, read as bytes, decoded
//! lossily, handed to the caller one line at a time while the producer is still writing.

use std::borrow::Cow;
use std::io::{self, Read};
use std::ops::ControlFlow;

use super::model::{QueueEntry, check_queue_id};

/// A parsed line. `text` is the line as read (lossily decoded, without its newline): the
/// exact JSON postqueue printed, every member kept, for pass-through output.
#[derive(Debug)]
pub struct ParsedLine<'a> {
    pub number: u64,
    pub text: &'a str,
    pub entry: QueueEntry<'a>,
}

/// A line that is not a queue entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {number}: {message}")]
pub struct LineError {
    pub number: u64,
    pub message: String,
}

/// Why reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadEnd {
    /// The input ended.
    Complete,
    /// The visitor asked to stop before the end.
    Stopped,
}

/// Read `postqueue -j` lines from `input` and hand each to `visit`, in input order, as soon
/// as they arrive (the producer may still be writing). Blank lines are skipped. A malformed
/// line is handed over as a [`LineError`] and reading goes on.
pub fn read_entries<R, F>(input: R, mut visit: F) -> io::Result<ReadEnd>
where
    R: Read,
    F: FnMut(Result<ParsedLine<'_>, LineError>) -> ControlFlow<()>,
{
    let mut blocks = BlockReader::streaming(input);
    while let Some(block) = blocks.next_block()? {
        if let ControlFlow::Break(()) = visit_block(&block, &mut visit) {
            return Ok(ReadEnd::Stopped);
        }
    }
    Ok(ReadEnd::Complete)
}

/// Hands each line of `block` to `visit`, in order, numbered; blank lines are skipped.
pub fn parse_block<F>(block: &Block, mut visit: F)
where
    F: FnMut(Result<ParsedLine<'_>, LineError>),
{
    let _ = visit_block(block, &mut |parsed| {
        visit(parsed);
        ControlFlow::Continue(())
    });
}

fn visit_block<F>(block: &Block, visit: &mut F) -> ControlFlow<()>
where
    F: FnMut(Result<ParsedLine<'_>, LineError>) -> ControlFlow<()>,
{
    let bytes = &block.bytes;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes)
        .map(|newline| newline + 1)
        .chain((!bytes.ends_with(b"\n")).then_some(bytes.len()));
    for (number, end) in (block.first_line..).zip(ends) {
        visit_line(number, &bytes[start..end], visit)?;
        start = end;
    }
    ControlFlow::Continue(())
}

fn visit_line<F>(number: u64, bytes: &[u8], visit: &mut F) -> ControlFlow<()>
where
    F: FnMut(Result<ParsedLine<'_>, LineError>) -> ControlFlow<()>,
{
    let bytes = trim_line_end(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return ControlFlow::Continue(());
    }
    // Before Postfix 3.9, raw non-UTF-8 bytes can appear in addresses and reasons.
    let text: Cow<'_, str> = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    visit(parse_line(number, &text))
}

/// Whole lines of input, read in blocks to be parsed here or on other threads.
#[derive(Debug)]
pub struct Block {
    /// The number of the block's first line (from 1).
    pub first_line: u64,
    pub bytes: Vec<u8>,
}

/// Cuts a byte stream into blocks of whole lines, numbering them: the one line splitter.
pub struct BlockReader<R> {
    input: R,
    /// The start of a line that the last block did not finish.
    carry: Vec<u8>,
    next_line: u64,
    eof: bool,
    /// Bytes read ahead for a block; a longer line makes a longer block.
    size: usize,
    /// Whether a block ends after the first read that brings a whole line, so that lines
    /// reach the reader while the producer still writes.
    eager: bool,
}

/// Lines of listings read in this process, for progress on a terminal.
pub static LINES_READ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// About this many bytes a block for parsing on other threads.
pub const BLOCK_SIZE: usize = 1 << 20;

/// At most this many bytes a block when streaming: one pipe's worth, about.
const STREAM_BLOCK_SIZE: usize = 1 << 16;

impl<R: Read> BlockReader<R> {
    /// Blocks of about [`BLOCK_SIZE`]: filled before they are handed over.
    pub fn new(input: R) -> BlockReader<R> {
        BlockReader::with(input, BLOCK_SIZE, false)
    }

    /// Blocks of whatever whole lines each read brings.
    pub fn streaming(input: R) -> BlockReader<R> {
        BlockReader::with(input, STREAM_BLOCK_SIZE, true)
    }

    fn with(input: R, size: usize, eager: bool) -> BlockReader<R> {
        BlockReader {
            input,
            carry: Vec::new(),
            next_line: 1,
            eof: false,
            size,
            eager,
        }
    }

    pub fn next_block(&mut self) -> io::Result<Option<Block>> {
        let mut bytes = std::mem::take(&mut self.carry);
        let mut searched = 0;
        loop {
            // Fill to `size` past what is already searched (eager: one read), or to the end.
            let mut filled = bytes.len();
            if !self.eof {
                bytes.resize(filled.max(searched + self.size), 0);
            }
            while !self.eof && filled < bytes.len() {
                match self.input.read(&mut bytes[filled..]) {
                    Ok(0) => self.eof = true,
                    Ok(read) => {
                        filled += read;
                        if self.eager {
                            break;
                        }
                    }
                    Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                    Err(err) => return Err(err),
                }
            }
            bytes.truncate(filled);
            if bytes.is_empty() {
                return Ok(None);
            }
            match memchr::memrchr(b'\n', &bytes[searched..]) {
                Some(offset) => {
                    let end = searched + offset + 1;
                    self.carry = bytes[end..].to_vec();
                    bytes.truncate(end);
                    break;
                }
                // The last line, without a newline.
                None if self.eof => break,
                // No whole line yet: read on.
                None => searched = bytes.len(),
            }
        }
        let mut lines = memchr::memchr_iter(b'\n', &bytes).count() as u64;
        if !bytes.ends_with(b"\n") {
            lines += 1;
        }
        let block = Block {
            first_line: self.next_line,
            bytes,
        };
        self.next_line += lines;
        // For progress on a terminal: how much of a listing has been read.
        LINES_READ.fetch_add(lines, std::sync::atomic::Ordering::Relaxed);
        Ok(Some(block))
    }
}

/// Parse one line (without its newline) into an entry.
pub fn parse_line(number: u64, text: &str) -> Result<ParsedLine<'_>, LineError> {
    let entry: QueueEntry<'_> = serde_json::from_str(text).map_err(|err| LineError {
        number,
        message: describe_json_error(text, &err),
    })?;
    if let Err(problem) = check_queue_id(&entry.id) {
        return Err(LineError {
            number,
            message: format!("invalid queue ID {:?}: {problem}", entry.id),
        });
    }
    Ok(ParsedLine {
        number,
        text,
        entry,
    })
}

fn describe_json_error(text: &str, err: &serde_json::Error) -> String {
    if text.starts_with('\u{feff}') {
        return "the line starts with a byte order mark (U+FEFF), which JSON does not allow".into();
    }
    let full = err.to_string();
    // serde_json appends " at line 1 column N"; each line is its own document here.
    let message = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => full.as_str(),
    };
    match err.classify() {
        serde_json::error::Category::Eof => {
            format!(
                "the line ends early, at column {} ({message})",
                err.column()
            )
        }
        // serde_json reads a number too large for an integer as a float.
        _ if message.starts_with("invalid type: floating point") => {
            let number = message.split('`').nth(1).unwrap_or("?");
            format!(
                "a number too large or not whole ({number}) where a whole number belongs, at column {}",
                err.column()
            )
        }
        _ => format!("{message} at column {}", err.column()),
    }
}

fn trim_line_end(mut bytes: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = bytes {
        bytes = rest;
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::model::QueueName;

    /// Reads everything; returns (line number, ID) of entries and the errors.
    fn read_all(input: &[u8]) -> (Vec<(u64, String)>, Vec<LineError>) {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        let end = read_entries(input, |line| {
            match line {
                Ok(parsed) => entries.push((parsed.number, parsed.entry.id.to_string())),
                Err(err) => errors.push(err),
            }
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(end, ReadEnd::Complete);
        (entries, errors)
    }

    /// Reads byte by byte, to cross every buffer boundary.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.split_first() {
                Some((first, rest)) if !buf.is_empty() => {
                    buf[0] = *first;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    /// Every line of every block, with its number, as the blocks cut them.
    fn lines_of<R: Read>(mut blocks: BlockReader<R>) -> Vec<(u64, String)> {
        let mut seen = Vec::new();
        while let Some(block) = blocks.next_block().unwrap() {
            let text = String::from_utf8(block.bytes).unwrap();
            for (number, line) in (block.first_line..).zip(text.split_inclusive('\n')) {
                seen.push((number, line.to_string()));
            }
        }
        seen
    }

    #[test]
    fn splits_lines_across_reads_and_without_a_final_newline() {
        let input = b"one\ntwo\r\n\nthree";
        for blocks in [
            BlockReader::streaming(Trickle(input)),
            BlockReader::new(Trickle(input)),
        ] {
            let lines = lines_of(blocks);
            let expected = [(1, "one\n"), (2, "two\r\n"), (3, "\n"), (4, "three")]
                .map(|(n, line)| (n, line.to_string()));
            assert_eq!(lines, expected);
        }
    }

    #[test]
    fn a_line_longer_than_a_block_makes_a_longer_block() {
        let long = "x".repeat(BLOCK_SIZE * 2 + 17);
        let input = format!("a\n{long}\nb\n");
        for blocks in [
            BlockReader::streaming(input.as_bytes()),
            BlockReader::new(input.as_bytes()),
        ] {
            let lines = lines_of(blocks);
            let lengths: Vec<usize> = lines.iter().map(|(_, line)| line.len()).collect();
            assert_eq!(lengths, [2, long.len() + 1, 2]);
        }
    }

    #[test]
    fn parses_an_entry_and_keeps_the_raw_line() {
        let line = r#"{"queue_name": "deferred", "queue_id": "85F4B98C0F4", "arrival_time": 1795741416, "message_size": 273, "forced_expire": false, "sender": "bulk@spam.example", "recipients": [{"address": "r1@a.example", "delay_reason": "deferred transport"}]}"#;
        let parsed = parse_line(3, line).unwrap();
        assert_eq!(parsed.number, 3);
        assert_eq!(parsed.text, line);
        let entry = parsed.entry;
        assert_eq!(entry.queue, QueueName::Deferred);
        assert_eq!(entry.id, "85F4B98C0F4");
        assert_eq!(entry.arrival_time, 1795741416);
        assert_eq!(entry.size, 273);
        assert!(!entry.forced_expire);
        assert_eq!(entry.sender, "bulk@spam.example");
        assert_eq!(entry.recipients.len(), 1);
        assert_eq!(entry.recipients[0].address, "r1@a.example");
        assert_eq!(
            entry.recipients[0].delay_reason.as_deref(),
            Some("deferred transport")
        );
        // No escapes: nothing copied.
        assert!(matches!(entry.sender, Cow::Borrowed(_)));
    }

    #[test]
    fn reports_a_malformed_line_by_number_and_goes_on() {
        let input = concat!(
            r#"{"queue_name": "hold", "queue_id": "A1", "arrival_time": 1, "message_size": 2, "sender": "a@b", "recipients": []}"#,
            "\n",
            r#"{"queue_name": "hold", "queue_id": "A2", "arrival_time": 1, "message_size": 2, "sen"#,
            "\n",
            r#"{"queue_name": "hold", "queue_id": "A3", "arrival_time": 1, "message_size": 2, "sender": "a@b", "recipients": []}"#,
            "\n"
        );
        let (entries, errors) = read_all(input.as_bytes());
        assert_eq!(entries, [(1, "A1".to_string()), (3, "A3".to_string())]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].number, 2);
        assert!(errors[0].message.contains("ends early"), "{}", errors[0]);
    }

    #[test]
    fn missing_members_and_wrong_types_are_errors_that_name_them() {
        let cases = [
            (
                r#"{"queue_name": "hold", "queue_id": "A1", "arrival_time": 1, "message_size": 2}"#,
                "missing field `sender`",
            ),
            (
                r#"{"queue_name": "corrupt", "queue_id": "A1", "arrival_time": 1, "message_size": 2, "sender": ""}"#,
                "unknown variant `corrupt`",
            ),
            (
                r#"{"queue_name": "hold", "queue_id": "A1", "arrival_time": 1, "message_size": -2, "sender": ""}"#,
                "invalid value: integer `-2`",
            ),
            (
                r#"{"queue_name": "hold", "queue_id": "A1 B", "arrival_time": 1, "message_size": 2, "sender": ""}"#,
                "invalid queue ID \"A1 B\"",
            ),
            ("not json", "expected ident at column 2"),
            (
                "\u{feff}{\"queue_name\": \"hold\"}",
                "byte order mark (U+FEFF)",
            ),
            (
                r#"{"queue_name": "hold", "queue_id": "A1", "arrival_time": 1, "message_size": 99999999999999999999999, "sender": ""}"#,
                "a number too large or not whole (1e+23)",
            ),
        ];
        for (line, expected) in cases {
            let err = parse_line(1, line).unwrap_err();
            assert!(err.message.contains(expected), "{line}: {err}");
        }
    }

    /// Each member that says which message it is, or how old: never defaulted (a missing
    /// arrival time read as 1970 would make the message the oldest for every
    /// `--older-than` delete).
    #[test]
    fn a_line_without_an_identifying_member_is_malformed() {
        let whole = serde_json::json!({
            "queue_name": "deferred", "queue_id": "A1", "arrival_time": 1000,
            "message_size": 2, "sender": "a@b.example", "recipients": []
        });
        assert!(parse_line(1, &whole.to_string()).is_ok());
        for member in [
            "queue_name",
            "queue_id",
            "arrival_time",
            "message_size",
            "sender",
        ] {
            let mut entry = whole.clone();
            entry.as_object_mut().unwrap().remove(member);
            let err = parse_line(1, &entry.to_string()).unwrap_err();
            assert!(
                err.message.contains(&format!("missing field `{member}`")),
                "{member}: {err}"
            );
        }
    }

    #[test]
    fn non_utf8_bytes_are_replaced_not_fatal() {
        let mut input = br#"{"queue_name": "deferred", "queue_id": "B1", "arrival_time": 1, "message_size": 2, "sender": "j"#.to_vec();
        input.extend_from_slice(b"\xe9r\xf4me@example.fr\", \"recipients\": []}\n");
        let mut senders = Vec::new();
        read_entries(&input[..], |line| {
            senders.push(line.unwrap().entry.sender.into_owned());
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(senders, ["j\u{fffd}r\u{fffd}me@example.fr"]);
    }

    /// `postqueue -j` of the simulated incident, captured from a real Postfix 3.7.
    const INCIDENT: &str = include_str!("../../tests/fixtures/incident.jsonl");

    #[test]
    fn real_lines_of_every_shape_the_incident_has() {
        let entries: Vec<QueueEntry<'_>> = INCIDENT
            .lines()
            .enumerate()
            .map(|(i, line)| parse_line(i as u64 + 1, line).unwrap().entry)
            .collect();
        assert_eq!(entries.len(), 71);
        // The null sender, as postqueue shows it.
        let bounce = entries.iter().find(|e| e.is_null_sender()).unwrap();
        assert_eq!(bounce.sender, "MAILER-DAEMON");
        assert_eq!(bounce.sender_domain(), "");
        // A quoted local part: JSON escapes undone, so the sender had to be copied.
        let quoted = entries.iter().find(|e| e.sender.starts_with('"')).unwrap();
        assert_eq!(quoted.sender, r#""john \"the\" doe"@customer.example"#);
        assert!(matches!(quoted.sender, Cow::Owned(_)));
        assert_eq!(quoted.sender_domain(), "customer.example");
        // Several recipients, each with a reason.
        let team = entries.iter().find(|e| e.recipients.len() == 4).unwrap();
        assert!(team.recipients.iter().all(|r| r.delay_reason.is_some()));
        // On hold: no delay reason at all.
        let held: Vec<_> = entries
            .iter()
            .filter(|e| e.queue == QueueName::Hold)
            .collect();
        assert_eq!(held.len(), 3);
        assert!(held.iter().all(|e| e.first_reason().is_none()));
        // Every ID is Postfix's short, hexadecimal kind here.
        assert!(entries.iter().all(|e| e.id.len() == 11));
    }

    #[test]
    fn blocks_hold_whole_lines_numbered_as_the_stream() {
        let line = r#"{"queue_name": "hold", "queue_id": "A1", "arrival_time": 1, "message_size": 2, "sender": "", "recipients": []}"#;
        // Enough lines for several blocks, one very long line, a blank line, no final newline.
        let mut input = String::new();
        let count = 3 * BLOCK_SIZE / line.len();
        for i in 0..count {
            input.push_str(&line.replace("A1", &format!("B{i}")));
            input.push('\n');
        }
        input.push_str(&format!(
            "{}\n\n",
            line.replace("\"\"", &format!("\"{}\"", "x".repeat(2 * BLOCK_SIZE)))
        ));
        input.push_str(&line.replace("A1", "LAST"));
        let mut sequential = Vec::new();
        read_entries(input.as_bytes(), |parsed| {
            let parsed = parsed.unwrap();
            sequential.push((parsed.number, parsed.entry.id.to_string()));
            ControlFlow::Continue(())
        })
        .unwrap();
        let mut blocks = BlockReader::new(Trickle(input.as_bytes()));
        let mut blockwise = Vec::new();
        let mut block_count = 0;
        while let Some(block) = blocks.next_block().unwrap() {
            block_count += 1;
            parse_block(&block, |parsed| {
                let parsed = parsed.unwrap();
                blockwise.push((parsed.number, parsed.entry.id.to_string()));
            });
        }
        assert!(block_count > 3);
        assert_eq!(blockwise, sequential);
        assert_eq!(
            blockwise.last().unwrap(),
            &((count + 3) as u64, "LAST".to_string())
        );
    }

    #[test]
    fn the_visitor_can_stop_early() {
        let line = r#"{"queue_name": "hold", "queue_id": "A1", "arrival_time": 1, "message_size": 2, "sender": "", "recipients": []}"#;
        let input = format!("{line}\n{line}\n{line}\n");
        let mut seen = 0;
        let end = read_entries(input.as_bytes(), |_| {
            seen += 1;
            ControlFlow::Break(())
        })
        .unwrap();
        assert_eq!((seen, end), (1, ReadEnd::Stopped));
    }
}
