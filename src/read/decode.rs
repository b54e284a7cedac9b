//! Decoding file bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
//! Windows-1252.

/// Decoded text and how faithfully it maps back to the file's bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Byte offset in the file of `text`'s first byte, when `text` is a verbatim slice of the file
    /// (valid UTF-8, possibly after a BOM); `None` when the text was transcoded.
    pub verbatim: Option<usize>,
    /// A one-line note when the bytes were not valid UTF-8.
    pub note: Option<String>,
}

/// Decodes `bytes`: valid UTF-8 is taken as is (a BOM is dropped); UTF-16 with a byte order mark
/// (what Windows tools call "Unicode") is transcoded; anything else is decoded as Windows-1252,
/// the superset of Latin-1 that legacy news archives use, which maps every byte.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = utf16_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let note = had_errors.then(|| format!("invalid {} sequences replaced by U+FFFD", encoding.name()));
        return Decoded { text: text.into_owned(), verbatim: None, note };
    }
    let (bytes, offset) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_string(), verbatim: Some(offset), note: None },
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Decoded {
                text: text.into_owned(),
                verbatim: None,
                note: Some(format!(
                    "not valid UTF-8 (first bad byte at {}): decoded as Windows-1252/Latin-1",
                    e.valid_up_to() + offset
                )),
            }
        }
    }
}

/// The UTF-16 encoding `bytes` declare with a byte order mark, and the mark's length.
pub fn utf16_bom(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, usize)> {
    encoding_rs::Encoding::for_bom(bytes).filter(|(encoding, _)| *encoding != encoding_rs::UTF_8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_verbatim_and_bom_is_skipped() {
        let d = decode("\u{feff}Café".as_bytes());
        assert_eq!(d.text, "Café");
        assert_eq!(d.verbatim, Some(3));
        assert!(d.note.is_none());
    }

    #[test]
    fn utf16_with_a_bom_is_transcoded() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Café “x”".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Café “x”".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            let d = decode(&bytes);
            assert_eq!(d.text, "Café “x”");
            assert_eq!(d.verbatim, None);
            assert!(d.note.is_none());
        }
        let odd = decode(&[0xFF, 0xFE, b'a', 0, b'b']);
        assert_eq!(odd.text, "a\u{fffd}");
        assert!(odd.note.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn latin1_is_transcoded() {
        let d = decode(b"Caf\xe9 \x93quoted\x94");
        assert_eq!(d.text, "Café “quoted”");
        assert_eq!(d.verbatim, None);
        assert!(d.note.unwrap().contains("Windows-1252"));
    }
}
