//! `summary`: where the queue's weight is, in one streaming pass.

mod aggregate;
mod culprit;
mod reason;

pub use aggregate::{
    AGE_BUCKETS, Aggregator, BUCKET_COUNT, Group, Grouping, Stats, Summary, bucket_label,
};
pub use culprit::{Culprit, find_culprit, selector_of};
pub use reason::normalize_reason;
