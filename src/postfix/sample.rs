//! Who sent a sample of the messages, for monitoring: reading every queue file of a large
//! queue each minute costs as much as the listing itself (docs/performance.md), while the
//! share of a flooding account shows as well in a sample of thousands.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use super::queue_file::{OriginRead, Origins};
use crate::queue::QueueName;

/// Every message's origin up to this many messages; past it, about this many.
pub const SAMPLE_SIZE: usize = 10_000;

/// [`Origins`] that reads one message in `one_in` (chosen by the queue ID's hash: the same
/// messages whichever thread reads them) and counts those read.
pub struct Sampled {
    origins: Box<dyn Origins>,
    one_in: u64,
    found: AtomicU64,
}

impl Sampled {
    pub fn new(origins: Box<dyn Origins>) -> Sampled {
        let one_in = origins.count().div_ceil(SAMPLE_SIZE).max(1) as u64;
        Sampled {
            origins,
            one_in,
            found: AtomicU64::new(0),
        }
    }

    /// Whether every message's origin is read.
    pub fn is_whole(&self) -> bool {
        self.one_in == 1
    }

    /// How many messages' origins were read.
    pub fn found(&self) -> u64 {
        self.found.load(Ordering::Relaxed)
    }
}

impl Origins for Sampled {
    fn origin(&self, id: &str, queue: QueueName) -> OriginRead {
        if self.one_in > 1 {
            let mut hasher = DefaultHasher::new();
            id.hash(&mut hasher);
            if !hasher.finish().is_multiple_of(self.one_in) {
                return OriginRead::Skipped;
            }
        }
        let read = self.origins.origin(id, queue);
        if matches!(read, OriginRead::Found(_)) {
            self.found.fetch_add(1, Ordering::Relaxed);
        }
        read
    }

    fn count(&self) -> usize {
        self.origins.count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Every(usize);

    impl Origins for Every {
        fn origin(&self, _id: &str, _queue: QueueName) -> OriginRead {
            OriginRead::Found(Box::default())
        }
        fn count(&self) -> usize {
            self.0
        }
    }

    fn reads(sample: &Sampled, ids: usize) -> usize {
        (0..ids)
            .filter(|n| {
                matches!(
                    sample.origin(&format!("4Jgt2V6BK{n:06}"), QueueName::Deferred),
                    OriginRead::Found(_)
                )
            })
            .count()
    }

    #[test]
    fn small_queues_are_read_whole_and_large_ones_in_a_sample() {
        let whole = Sampled::new(Box::new(Every(SAMPLE_SIZE)));
        assert!(whole.is_whole());
        assert_eq!(reads(&whole, SAMPLE_SIZE), SAMPLE_SIZE);
        assert_eq!(whole.found(), SAMPLE_SIZE as u64);

        let large = Sampled::new(Box::new(Every(100_000)));
        assert!(!large.is_whole());
        let read = reads(&large, 100_000);
        assert!((9_000..11_000).contains(&read), "{read}");
        assert_eq!(large.found(), read as u64);
        // The same messages each time.
        assert_eq!(reads(&large, 100_000), read);
    }
}
