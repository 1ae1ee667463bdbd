//! Queue IDs as postsuper reads them on stdin, "ID\n" after "ID\n", kept in fixed-size
//! chunks: a million IDs never reallocate (and so never briefly double) the whole list.

/// Bytes in a chunk; an ID never straddles two.
const CHUNK: usize = 1 << 20;

#[derive(Debug, Default, Clone)]
pub struct IdList {
    chunks: Vec<String>,
    len: usize,
}

impl IdList {
    pub fn new() -> IdList {
        IdList::default()
    }

    /// Appends `id`; returns where it starts, for [`IdList::get`].
    pub fn push(&mut self, id: &str) -> u32 {
        let needed = id.len() + 1;
        let room = self
            .chunks
            .last()
            .is_some_and(|chunk| chunk.len() + needed <= chunk.capacity());
        if !room {
            self.chunks.push(String::with_capacity(CHUNK.max(needed)));
        }
        let index = self.chunks.len() - 1;
        let chunk = &mut self.chunks[index];
        let position = index * CHUNK + chunk.len();
        chunk.push_str(id);
        chunk.push('\n');
        self.len += 1;
        u32::try_from(position).expect("more than 4 GiB of queue IDs")
    }

    /// The ID that starts at `position`.
    pub fn get(&self, position: u32) -> &str {
        let position = position as usize;
        let chunk = &self.chunks[position / CHUNK];
        let rest = &chunk[position % CHUNK..];
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        &rest[..end]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The IDs, a newline after each, in chunks: together exactly postsuper's stdin.
    pub fn chunks(&self) -> impl Iterator<Item = &str> {
        self.chunks.iter().map(String::as_str)
    }

    /// The IDs one by one.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.chunks().flat_map(|chunk| chunk.lines())
    }
}

impl<'a> FromIterator<&'a str> for IdList {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> IdList {
        let mut list = IdList::new();
        for id in ids {
            list.push(id);
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kept_in_order_and_found_again() {
        let mut list = IdList::new();
        let a = list.push("85F4B98C0F4");
        let b = list.push("4Jgt2V6BKNz1xy5");
        assert_eq!(list.get(a), "85F4B98C0F4");
        assert_eq!(list.get(b), "4Jgt2V6BKNz1xy5");
        assert_eq!(
            list.chunks().collect::<String>(),
            "85F4B98C0F4\n4Jgt2V6BKNz1xy5\n"
        );
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            ["85F4B98C0F4", "4Jgt2V6BKNz1xy5"]
        );
    }

    #[test]
    fn many_ids_fill_chunks_without_straddling() {
        let ids: Vec<String> = (0..200_000).map(|i| format!("A{i:010X}")).collect();
        let mut list = IdList::new();
        let positions: Vec<u32> = ids.iter().map(|id| list.push(id)).collect();
        assert!(list.chunks().count() > 1);
        for (id, position) in ids.iter().zip(positions) {
            assert_eq!(list.get(position), id);
        }
        assert_eq!(list.iter().count(), ids.len());
        assert!(list.chunks().all(|chunk| chunk.ends_with('\n')));
    }
}
