//! The queue model and the streaming reader of `postqueue -j` output.

mod ids;
mod model;
mod reader;

pub use ids::IdSet;
pub use model::{
    NULL_SENDER, QueueEntry, QueueName, Recipient, domain_of, is_null_address, queue_id_problem,
};
pub use reader::{
    BLOCK_SIZE, Block, BlockReader, LineError, ParsedLine, ReadEnd, parse_block, parse_line,
    read_entries,
};
