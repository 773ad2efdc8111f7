//! Hashing for the de-duplication index: a fast 64-bit hash of byte strings, and a hasher for
//! maps whose keys are such hashes already.

use std::hash::Hasher;

use super::bytes::word;

/// The golden ratio's fraction in 64 bits, the usual odd multiplier of multiplicative hashing.
pub const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
/// Starting state: the first 64 bits of π's fraction (any odd constant would do).
const SEED: u64 = 0x243F_6A88_85A3_08D3;
/// Rotation between words.
const ROTATE: u32 = 23;
/// Mixed in with each part's length, so that ("ab", "c") and ("a", "bc") differ.
const PART_END: u64 = 0xFF00;
/// murmur3's 64-bit finaliser (`fmix64`) constants.
const FMIX_1: u64 = 0xFF51_AFD7_ED55_8CCD;
const FMIX_2: u64 = 0xC4CE_B9FE_1A85_EC53;

/// A 64-bit hash of a sequence of byte strings (word-wise multiply-rotate, finished with
/// murmur3's `fmix64`). Not for hostile inputs: a collision merges two entries, which a
/// crafted log could cause only for itself.
pub fn hash64(parts: &[&[u8]]) -> u64 {
    let mut h = SEED;
    for part in parts {
        let mut chunks = part.chunks_exact(8);
        for c in &mut chunks {
            h = (h ^ word(c)).rotate_left(ROTATE).wrapping_mul(GOLDEN);
        }
        let mut tail = [0u8; 8];
        let rem = chunks.remainder();
        if let Some(t) = tail.get_mut(..rem.len()) {
            t.copy_from_slice(rem);
        }
        h = (h ^ u64::from_le_bytes(tail))
            .rotate_left(ROTATE)
            .wrapping_mul(GOLDEN);
        h = (h ^ part.len() as u64 ^ PART_END).wrapping_mul(GOLDEN);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(FMIX_1);
    h ^= h >> 33;
    h = h.wrapping_mul(FMIX_2);
    h ^ (h >> 33)
}

/// A hasher for keys that are already hashes ([`hash64`]): it passes them through.
#[derive(Default)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

#[cfg(test)]
mod tests {
    use super::hash64;

    #[test]
    fn parts_are_delimited() {
        assert_ne!(hash64(&[b"ab", b"c"]), hash64(&[b"a", b"bc"]));
        assert_ne!(hash64(&[b"abcdefgh"]), hash64(&[b"abcdefgh", b""]));
        assert_eq!(hash64(&[b"msg_1", b"req_1"]), hash64(&[b"msg_1", b"req_1"]));
    }
}
