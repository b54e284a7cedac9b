//! A byte trie of the gazetteer's aliases, walked from one position for the longest alias there.
//!
//! Matches are only looked for at word starts, so no failure links are needed: an Aho-Corasick
//! automaton spent most of its build time (a quarter of loading the gazetteer) computing them.
//! The trie is built from the sorted aliases in one pass, each node's children stored together.

/// No alias ends at this node.
const NONE: u32 = u32::MAX;

/// Nodes with more children than this get a table indexed by byte: the few nodes near the root
/// that most walks pass through.
const DENSE: u32 = 6;

/// A node as its parent stores it: the byte leading to it, the alias ending at it, and where its
/// children are. Keeping all of this in the parent's child list means each step of a walk reads
/// one list, not a list and then a separate node.
#[derive(Clone, Copy)]
struct Slot {
    byte: u8,
    /// The alias ending here, if any.
    pattern: u32,
    /// Its children are `slots[first..first + len]`, sorted by byte, or, when there are more
    /// than [`DENSE`], `tables[first]` maps each byte to a child's slot index plus one (0: none).
    first: u32,
    len: u32,
}

/// The trie of the (ASCII-lower-cased) aliases; pattern `i` is the `i`-th alias given to
/// [`Trie::new`].
pub(super) struct Trie {
    root: Slot,
    slots: Vec<Slot>,
    tables: Vec<[u32; 256]>,
}

impl std::fmt::Debug for Trie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Trie({} nodes)", self.slots.len() + 1)
    }
}

impl Trie {
    /// Builds the trie of `patterns` (non-empty, ASCII-lower-cased, distinct).
    pub(super) fn new(patterns: &[String]) -> Trie {
        let bytes = |i: u32| patterns[i as usize].as_bytes();
        // Patterns fit in u32: the gazetteer files are far smaller than 4 GB.
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| bytes(a).cmp(bytes(b)).then(a.cmp(&b)));
        let empty = Slot { byte: 0, pattern: NONE, first: 0, len: 0 };
        let mut root = empty;
        let mut slots: Vec<Slot> = Vec::new();
        // (the node's slot, `None` for the root; the sorted patterns `order[lo..hi]` that pass
        // through it; its depth)
        let mut stack = vec![(None, 0usize, order.len(), 0usize)];
        while let Some((node, lo, hi, depth)) = stack.pop() {
            let mut i = lo;
            let mut pattern = NONE;
            // A pattern ending at this node sorts before the longer ones sharing its bytes.
            while i < hi && bytes(order[i]).len() == depth {
                if pattern == NONE {
                    pattern = order[i];
                }
                i += 1;
            }
            let first = slots.len() as u32;
            while i < hi {
                let b = bytes(order[i])[depth];
                let mut j = i + 1;
                while j < hi && bytes(order[j])[depth] == b {
                    j += 1;
                }
                stack.push((Some(slots.len()), i, j, depth + 1));
                slots.push(Slot { byte: b, ..empty });
                i = j;
            }
            let len = slots.len() as u32 - first;
            let slot = match node {
                Some(k) => &mut slots[k],
                None => &mut root,
            };
            slot.pattern = pattern;
            slot.first = first;
            slot.len = len;
        }
        let mut tables = Vec::new();
        let mut densify = |slot: &mut Slot, slots: &[Slot]| {
            if slot.len > DENSE {
                let mut table = [0u32; 256];
                for (k, child) in slots.iter().enumerate().skip(slot.first as usize).take(slot.len as usize) {
                    table[usize::from(child.byte)] = k as u32 + 1;
                }
                slot.first = tables.len() as u32;
                tables.push(table);
            }
        };
        densify(&mut root, &slots);
        for k in 0..slots.len() {
            let mut slot = slots[k];
            densify(&mut slot, &slots);
            slots[k] = slot;
        }
        Trie { root, slots, tables }
    }

    /// The longest alias that `bytes[at..]` starts with, comparing ASCII case-insensitively, as
    /// its end and pattern index.
    pub(super) fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut best = None;
        let mut node = self.root;
        for (i, &b) in bytes.get(at..)?.iter().enumerate() {
            let b = b.to_ascii_lowercase();
            let child = if node.len > DENSE {
                match self.tables[node.first as usize][usize::from(b)] {
                    0 => None,
                    k => Some(self.slots[k as usize - 1]),
                }
            } else {
                let children = &self.slots[node.first as usize..(node.first + node.len) as usize];
                children.iter().find(|c| c.byte == b).copied()
            };
            let Some(child) = child else { break };
            node = child;
            if node.pattern != NONE {
                best = Some((at + i + 1, node.pattern as usize));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_alias_at_a_position() {
        let aliases: Vec<String> =
            ["un", "united states", "united", "us"].iter().map(|s| s.to_string()).collect();
        let t = Trie::new(&aliases);
        let text = b"The United States and US";
        assert_eq!(t.longest_at(text, 4), Some((17, 1)));
        assert_eq!(t.longest_at(text, 22), Some((24, 3)));
        assert_eq!(t.longest_at(text, 0), None);
        assert_eq!(t.longest_at(b"Unite", 0), Some((2, 0)), "a prefix of a longer alias only");
        assert_eq!(t.longest_at(text, text.len()), None);
    }
}
