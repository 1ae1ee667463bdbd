//! `summary`: where the queue's weight is, in one streaming pass.

mod aggregate;
mod culprit;
mod reason;

pub use aggregate::{
    AGE_BUCKETS, Aggregator, BUCKET_COUNT, Group, Grouping, Stats, Summary, age_bucket,
    bucket_label,
};
pub use culprit::{CULPRIT_MIN_MESSAGES, CULPRIT_SHARE, Culprit, find_culprit, shell_quote};
pub use reason::normalize_reason;
