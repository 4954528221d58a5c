//! The loader never panics: mutated versions of the Yunqi file (bytes flipped, cut, duplicated,
//! spliced) give a model or an error, never a crash.

use crate::common::yunqi_path;

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(original: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = bytes.len();
        let at = rng.below(len);
        match rng.below(5) {
            0 => bytes[at] = rng.next() as u8,
            1 => bytes.truncate(at),
            2 => {
                let end = (at + rng.below(200)).min(len);
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, copy);
            }
            3 => {
                let end = (at + rng.below(200)).min(len);
                bytes.drain(at..end);
            }
            _ => {
                let from = rng.below(original.len());
                let end = (from + rng.below(400)).min(original.len());
                let piece = original[from..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, piece);
            }
        }
        if bytes.is_empty() {
            break;
        }
    }
    bytes
}

#[test]
fn thousands_of_mutations_never_panic() {
    let original = std::fs::read(yunqi_path()).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut models, mut errors) = (0, 0);
    for _ in 0..2000 {
        let bytes = mutate(&original, &mut rng);
        match townscope::io::parse(&bytes) {
            Ok(model) => {
                // A model that loads can be validated and written without panicking either.
                let _ = townscope::model::validate(&model);
                let _ = townscope::io::to_canonical_string(&model);
                models += 1;
            }
            Err(error) => {
                assert!(!error.to_string().is_empty());
                errors += 1;
            }
        }
    }
    assert_eq!(models + errors, 2000);
    assert!(
        errors > 1000,
        "most mutations should break the file: {errors} errors"
    );
}
