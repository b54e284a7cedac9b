//! The manifest: what the index holds, file by file, so a rerun does only the work that changed.
//!
//! A manifest is written to a new file (`manifest-<n>.json`) before each commit, and the commit's
//! payload names it: the index and the manifest it points to change together in one atomic
//! commit, and a crash between the two leaves the previous pair in force.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// What the index holds of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Size in bytes when read.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch when read (0 when unknown).
    pub mtime_ns: i128,
    /// BLAKE3 hash of the content.
    pub hash: ContentHash,
    /// Ids of the articles the file produced and the index holds.
    ///
    /// A boxed slice, not a `Vec`: it never grows, and holds no spare room (serde grows a `Vec` to
    /// room for four ids, 72 bytes wasted for the usual file of one article).
    pub ids: Box<[String]>,
    /// Passages indexed for those articles.
    pub passages: u64,
    /// Ids of articles in the file that were not indexed because another file holds them: when
    /// that file lets go of one (it is deleted or changed), this file is read again.
    #[serde(default, skip_serializing_if = "<[String]>::is_empty")]
    pub shadowed: Box<[String]>,
}

/// The index's manifest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Fingerprint of the index-config the index was built with.
    pub config: String,
    /// Every file the index holds, by path.
    #[serde(deserialize_with = "files_packed")]
    pub files: BTreeMap<String, FileEntry>,
}

/// Reads the files into a map whose nodes are full.
///
/// Serde inserts entries one by one, and a `BTreeMap` filled in ascending order (as a manifest is
/// written) leaves its nodes about half empty, some 100 bytes per file for the whole run; built
/// from the whole list at once it packs them. The list is held only while the map is built.
fn files_packed<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<BTreeMap<String, FileEntry>, D::Error> {
    struct FilesVisitor;
    impl<'de> de::Visitor<'de> for FilesVisitor {
        type Value = BTreeMap<String, FileEntry>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map of files")
        }

        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
            let mut files = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(file) = map.next_entry::<String, FileEntry>()? {
                files.push(file);
            }
            // Sorts the list (one pass when it is sorted already) and, like inserting one by one,
            // keeps the last of equal keys.
            Ok(files.into_iter().collect())
        }
    }
    deserializer.deserialize_map(FilesVisitor)
}

impl Manifest {
    /// Reads a manifest file.
    ///
    /// # Errors
    /// When the file cannot be read or parsed.
    pub fn read(path: &Path) -> Result<Manifest> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        // Parsed as it is read: a manifest of a large archive is tens of MB, which would otherwise
        // sit in memory beside the manifest parsed from it. (Parsing from a reader is slower, some
        // 60 ms for 200,000 files, which the smaller manifest more than wins back.)
        let reader = std::io::BufReader::with_capacity(1 << 16, file);
        serde_json::from_reader(reader).map_err(|e| {
            if e.is_io() {
                return Error::io(path, e.into());
            }
            Error::Invalid(format!(
                "{}: corrupt manifest ({e}); rebuild with `casefile index --full`",
                path.display()
            ))
        })
    }

    /// Writes the manifest to `path` (fsynced), replacing nothing: the caller names a new file.
    ///
    /// # Errors
    /// On I/O errors.
    pub fn write(&self, path: &Path) -> Result<()> {
        use std::io::Write;
        let tmp = path.with_extension("tmp");
        let file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        // Streamed: a manifest of a large archive is tens of MB, not worth holding twice.
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer(&mut out, self).map_err(|e| Error::Invalid(e.to_string()))?;
        out.flush().map_err(|e| Error::io(&tmp, e))?;
        let file = out.into_inner().map_err(|e| Error::io(&tmp, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    }

    /// Number of articles held.
    pub fn articles(&self) -> u64 {
        self.files.values().map(|f| f.ids.len() as u64).sum()
    }

    /// Number of passages held.
    pub fn passages(&self) -> u64 {
        self.files.values().map(|f| f.passages).sum()
    }
}

/// The BLAKE3 hash of a file's content.
///
/// Held as its 32 bytes where a hex `String` took 88 (64 on the heap, 24 beside), and written in
/// the manifest as the 64 lower-case hex digits it always was there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash([u8; blake3::OUT_LEN]);

impl ContentHash {
    /// The hash of `content`.
    pub fn of(content: &[u8]) -> ContentHash {
        ContentHash(*blake3::hash(content).as_bytes())
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&blake3::Hash::from_bytes(self.0).to_hex())
    }
}

impl std::str::FromStr for ContentHash {
    type Err = blake3::HexError;

    /// Parses 64 hex digits.
    fn from_str(hex: &str) -> std::result::Result<ContentHash, blake3::HexError> {
        blake3::Hash::from_hex(hex).map(|hash| ContentHash(*hash.as_bytes()))
    }
}

impl Serialize for ContentHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&blake3::Hash::from_bytes(self.0).to_hex())
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<ContentHash, D::Error> {
        // A visitor rather than `<&str>::deserialize`: a manifest parsed from a reader hands out
        // strings it does not let us borrow.
        struct HexVisitor;
        impl de::Visitor<'_> for HexVisitor {
            type Value = ContentHash;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a BLAKE3 hash as 64 hex digits")
            }

            fn visit_str<E: de::Error>(self, hex: &str) -> std::result::Result<ContentHash, E> {
                hex.parse().map_err(|_| E::invalid_value(de::Unexpected::Str(hex), &self))
            }
        }
        deserializer.deserialize_str(HexVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HELLO: &str = "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f";

    #[test]
    fn a_content_hash_is_the_blake3_hex_string_in_json() {
        let hash = ContentHash::of(b"hello");
        assert_eq!(hash.to_string(), blake3::hash(b"hello").to_hex().as_str());
        assert_eq!(hash.to_string(), HELLO);
        let json = serde_json::to_string(&hash).unwrap();
        assert_eq!(json, format!("\"{HELLO}\""));
        assert_eq!(serde_json::from_str::<ContentHash>(&json).unwrap(), hash);
        assert_eq!(serde_json::from_reader::<_, ContentHash>(json.as_bytes()).unwrap(), hash);
    }

    #[test]
    fn a_content_hash_that_is_not_64_hex_digits_is_refused() {
        for bad in ["\"\"", "\"abc\"", &format!("\"{}\"", &HELLO[..63]), &format!("\"{HELLO}0\""), "42"] {
            assert!(serde_json::from_str::<ContentHash>(bad).is_err(), "{bad}");
        }
        let not_hex = HELLO.replace('e', "g");
        assert!(not_hex.parse::<ContentHash>().is_err());
    }

    #[test]
    fn a_manifest_reads_and_writes_byte_for_byte_as_before() {
        // The layout of a manifest written before hashes were held as bytes.
        let before = format!(
            "{{\"config\":\"abc-layout2\",\"files\":{{\"/a/b.txt\":{{\"size\":12,\"mtime_ns\":-5,\
             \"hash\":\"{HELLO}\",\"ids\":[\"x\",\"y\"],\"passages\":3}},\"/a/c.md\":{{\"size\":0,\
             \"mtime_ns\":1795871575662849341,\"hash\":\"{HELLO}\",\"ids\":[],\"passages\":0}}}}}}"
        );
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("manifest-1-1.json");
        std::fs::write(&old, &before).unwrap();
        let manifest = Manifest::read(&old).unwrap();
        assert_eq!(manifest.files["/a/b.txt"].hash, ContentHash::of(b"hello"));
        assert_eq!((manifest.articles(), manifest.passages()), (2, 3));
        let new = dir.path().join("manifest-2-1.json");
        manifest.write(&new).unwrap();
        assert_eq!(std::fs::read_to_string(&new).unwrap(), before);
    }

    #[test]
    fn files_read_in_any_order_and_the_last_of_a_repeated_path_wins_as_before() {
        let entry = |size: u64| {
            format!("{{\"size\":{size},\"mtime_ns\":1,\"hash\":\"{HELLO}\",\"ids\":[\"i{size}\"],\"passages\":1}}")
        };
        let json = format!(
            "{{\"config\":\"c\",\"files\":{{\"/b\":{},\"/a\":{},\"/c\":{},\"/a\":{}}}}}",
            entry(1),
            entry(2),
            entry(3),
            entry(4)
        );
        let manifest: Manifest = serde_json::from_str(&json).unwrap();
        let sizes: Vec<(&str, u64)> = manifest.files.iter().map(|(k, e)| (k.as_str(), e.size)).collect();
        assert_eq!(sizes, [("/a", 4), ("/b", 1), ("/c", 3)]);
        // The same as serde's own map, entry by entry.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let by_serde: BTreeMap<String, FileEntry> = serde_json::from_value(value["files"].clone()).unwrap();
        assert_eq!(manifest.files, by_serde);
        // Built from a large list, the map still finds, adds and removes files.
        let many: BTreeMap<String, FileEntry> = (0..5_000)
            .map(|i| (format!("/f{i:05}"), by_serde["/b"].clone()))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let json = serde_json::to_string(&Manifest { config: "c".into(), files: many.clone() }).unwrap();
        let mut read: Manifest = serde_json::from_str(&json).unwrap();
        assert_eq!(read.files, many);
        read.files.insert("/f02500x".into(), by_serde["/a"].clone());
        assert!(read.files.remove("/f00007").is_some());
        assert_eq!(read.files.len(), 5_000);
        assert_eq!(
            read.files.range("/f024".to_string()..).nth(101).map(|(k, _)| k.as_str()),
            Some("/f02500x")
        );
    }

    #[test]
    fn a_damaged_manifest_is_reported_as_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest-1-1.json");
        std::fs::write(&path, "{\"config\":\"x\",\"files\":{\"/a\":{\"size\":1,").unwrap();
        let err = Manifest::read(&path).unwrap_err().to_string();
        assert!(err.contains("corrupt manifest"), "{err}");
        let err = Manifest::read(&dir.path().join("missing.json")).unwrap_err();
        assert!(matches!(err, Error::Io { .. }), "{err}");
    }
}
