//! A compact, exact set of queue IDs, to keep each message once when a listing shows it twice
//! (the queue changes while postqueue scans it).

use hashbrown::HashSet;

/// Short queue IDs (Postfix's default) are upper-case hex of at most 15 digits: with their
/// length, they pack exactly into a u64 (8 bytes: half the memory of a 1M-message queue's
/// set). Other IDs are `[A-Za-z0-9_]`: 63 symbols, 6 bits each, so an ID of up to 21
/// characters packs exactly into a u128 (16 bytes, no heap). Longer IDs, which Postfix
/// allows but never makes, go into a set of strings.
#[derive(Debug, Default)]
pub struct IdSet {
    hex: HashSet<u64>,
    packed: HashSet<u128>,
    long: HashSet<Box<str>>,
    /// Across hosts and instances (a queue ID is unique only within one): a set per place,
    /// by host then instance ("" when not named), found without building a key.
    places: hashbrown::HashMap<Box<str>, hashbrown::HashMap<Box<str>, IdSet>>,
}

const PACKED_MAX_LEN: usize = 21;

impl IdSet {
    pub fn new() -> Self {
        IdSet::default()
    }

    /// Adds `id` of the instance on `host` (`None`: the one instance read, when both are
    /// `None`); returns false when it was there already.
    pub fn insert_at(&mut self, host: Option<&str>, instance: Option<&str>, id: &str) -> bool {
        if host.is_none() && instance.is_none() {
            return self.insert(id);
        }
        let (host, instance) = (host.unwrap_or(""), instance.unwrap_or(""));
        let instances = match self.places.get_mut(host) {
            Some(instances) => instances,
            None => self.places.entry(host.into()).or_default(),
        };
        match instances.get_mut(instance) {
            Some(ids) => ids.insert(id),
            None => instances.entry(instance.into()).or_default().insert(id),
        }
    }

    /// Adds `id`; returns false when it was there already.
    pub fn insert(&mut self, id: &str) -> bool {
        if let Some(key) = pack_hex(id) {
            return self.hex.insert(key);
        }
        match pack(id) {
            Some(key) => self.packed.insert(key),
            None => {
                if self.long.contains(id) {
                    false
                } else {
                    self.long.insert(id.into())
                }
            }
        }
    }
}

/// The length in the top 4 bits, the digits below: "0A" and "A" stay apart.
fn pack_hex(id: &str) -> Option<u64> {
    if id.is_empty() || id.len() > 15 {
        return None;
    }
    let mut key = 0u64;
    for byte in id.bytes() {
        let digit = match byte {
            b'0'..=b'9' => byte - b'0',
            b'A'..=b'F' => byte - b'A' + 10,
            _ => return None,
        };
        key = (key << 4) | u64::from(digit);
    }
    Some(key | ((id.len() as u64) << 60))
}

fn pack(id: &str) -> Option<u128> {
    if id.len() > PACKED_MAX_LEN {
        return None;
    }
    let mut key = 0u128;
    for byte in id.bytes() {
        let symbol = match byte {
            b'0'..=b'9' => byte - b'0' + 1,
            b'A'..=b'Z' => byte - b'A' + 11,
            b'a'..=b'z' => byte - b'a' + 37,
            b'_' => 63,
            _ => return None,
        };
        key = (key << 6) | u128::from(symbol);
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_id_once_and_tells_ids_apart() {
        let mut ids = IdSet::new();
        assert!(ids.insert("85F4B98C0F4"));
        assert!(!ids.insert("85F4B98C0F4"));
        // Case matters; "0" is not padding; long IDs and the fallback work the same.
        for id in [
            "85f4b98c0f4",
            "085F4B98C0F4",
            "0085F4B98C0F4",
            "FFFFFFFFFFFFFFF",
            "0FFFFFFFFFFFFFFF",
            "A",
            "0A",
            "4Jgt2V6BKNz1xy5",
            "a_b",
            "ab_",
        ] {
            assert!(ids.insert(id), "{id}");
            assert!(!ids.insert(id), "{id}");
        }
        // The same ID in two places is two messages.
        assert!(ids.insert_at(Some("relay1"), None, "85F4B98C0F4"));
        assert!(ids.insert_at(Some("relay2"), None, "85F4B98C0F4"));
        assert!(!ids.insert_at(Some("relay2"), None, "85F4B98C0F4"));
        assert!(ids.insert_at(Some("relay2"), Some("postfix-out"), "85F4B98C0F4"));
        assert!(ids.insert_at(None, Some("postfix-out"), "85F4B98C0F4"));
        assert!(!ids.insert_at(None, Some("postfix-out"), "85F4B98C0F4"));
        let long = "A".repeat(40);
        assert!(ids.insert(&long));
        assert!(!ids.insert(&long));
        assert!(!ids.insert("a_b"));
        assert!(ids.insert("b_a"));
    }

    #[test]
    fn packing_is_exact_up_to_21_characters() {
        let a = "z".repeat(21);
        let b = format!("{}y", "z".repeat(20));
        assert_ne!(pack(&a), pack(&b));
        assert!(pack(&a).is_some());
        assert!(pack(&"z".repeat(22)).is_none());
    }
}
