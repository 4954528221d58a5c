//! The loader on arbitrary bytes: it must give a model or an error, never panic; a model it
//! gives must survive everything the app does on opening it (index, validation, graph, links),
//! and its canonical form must read back and write out byte-identically.

#![no_main]

use libfuzzer_sys::fuzz_target;
use townscope::document::Document;
use townscope::io::{Origin, parse, to_canonical_string};

fuzz_target!(|bytes: &[u8]| {
    let Ok(model) = parse(bytes) else {
        return;
    };
    let Ok(canonical) = to_canonical_string(&model) else {
        return;
    };
    let _ = Document::new(model, Origin::Embedded);
    let again = parse(canonical.as_bytes()).expect("the canonical form of a model loads");
    let twice = to_canonical_string(&again).expect("and writes");
    assert_eq!(canonical, twice, "canonical form is stable");
});
