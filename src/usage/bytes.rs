//! Byte searches, eight bytes at a time (SWAR: "SIMD within a register"), in portable safe
//! code: a `u64` holds eight bytes and a few arithmetic operations flag which of them match.

/// `0x01` in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` (the top bit) in every byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// Bytes per word.
const WORD: usize = 8;
/// Bytes below this are control characters, which a JSON string may not hold unescaped.
const FIRST_PRINTABLE: u8 = 0x20;

/// The word made of the first eight bytes of `b` (which must hold at least eight).
#[inline(always)]
pub fn word(b: &[u8]) -> u64 {
    let mut a = [0u8; WORD];
    if let Some(src) = b.get(..WORD) {
        a.copy_from_slice(src);
    }
    u64::from_le_bytes(a)
}

/// The top bit set in each byte of `x` that is zero (exact for the lowest such byte, which is
/// the one the searches use).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGH_BITS
}

/// Index of the byte flagged lowest in a mask from [`zero_bytes`].
#[inline(always)]
fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// Position of the first `"`, `\`, control character (< 0x20) or non-ASCII byte: the bytes
/// where a JSON string scanner must stop and look.
#[inline(always)]
pub fn find_special(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(c) = b.get(i..i + WORD) {
        let x = word(c);
        let m = zero_bytes(x ^ (ONES * u64::from(b'"')))
            | zero_bytes(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * u64::from(FIRST_PRINTABLE)) & !x & HIGH_BITS)
            | (x & HIGH_BITS);
        if m != 0 {
            return Some(i + first_flagged(m));
        }
        i += WORD;
    }
    while let Some(&c) = b.get(i) {
        if c == b'"' || c == b'\\' || !(FIRST_PRINTABLE..0x80).contains(&c) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Position of the first `needle` byte.
#[inline(always)]
pub fn find_byte(b: &[u8], needle: u8) -> Option<usize> {
    let pat = ONES * u64::from(needle);
    let mut i = 0;
    while let Some(c) = b.get(i..i + WORD) {
        let m = zero_bytes(word(c) ^ pat);
        if m != 0 {
            return Some(i + first_flagged(m));
        }
        i += WORD;
    }
    while let Some(&c) = b.get(i) {
        if c == needle {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Position of the first occurrence of `needle` (not empty) in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(p) = hay.get(from..).and_then(|h| find_byte(h, first)) {
        let at = from + p;
        if hay.get(at + 1..at + 1 + rest.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_agree_with_a_plain_loop() {
        let text: Vec<u8> = (0u8..=255).chain(b"abc\"def\\".iter().copied()).collect();
        for start in 0..text.len() {
            let t = &text[start..];
            let special = t
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || !(0x20..0x80).contains(&c));
            assert_eq!(find_special(t), special, "from {start}");
            for needle in [0u8, b'\n', b'a', 0x80, 0xFF] {
                assert_eq!(find_byte(t, needle), t.iter().position(|&c| c == needle));
            }
        }
        assert_eq!(find(b"xx limit reached", b"limit"), Some(3));
        assert_eq!(find(b"lim limit", b"limit"), Some(4));
        assert_eq!(find(b"limi", b"limit"), None);
        assert_eq!(find(b"abc", b""), None);
    }
}
