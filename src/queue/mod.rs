//! The queue model and the streaming reader of `postqueue -j` output.

mod ids;
mod model;
mod origin;
mod reader;

pub use ids::IdSet;
pub use model::{NULL_SENDER, QueueEntry, QueueName, check_queue_id, domain_of, is_null_address};
pub use origin::Origin;
#[cfg(test)]
pub use reader::BLOCK_SIZE;
pub use reader::LINES_READ;
pub use reader::{
    Block, BlockReader, LineError, ParsedLine, ReadEnd, parse_block, parse_line, read_entries,
};

/// Queue lines for unit tests.
#[cfg(test)]
pub mod testing {
    /// A `postqueue -j` line: one recipient, deferred for "deferred transport", arrived at
    /// 1000.
    pub fn line(queue: &str, id: &str, sender: &str, size: u64) -> String {
        format!(
            r#"{{"queue_name": "{queue}", "queue_id": "{id}", "arrival_time": 1000, "message_size": {size}, "sender": "{sender}", "recipients": [{{"address": "r@x.example", "delay_reason": "deferred transport"}}]}}"#
        )
    }
}
