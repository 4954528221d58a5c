//! The cache of parsed models: a file opened again is read from it only when its bytes are the
//! ones the entry was made from and the entry is intact; anything else parses the file.

use std::path::{Path, PathBuf};

use townscope::io::cache::{KEEP, ModelCache, Source};
use townscope::io::{self, load_file_with};

/// A cache in a folder of its own that keeps models of any size (the default keeps only large
/// files, which would make these tests slow).
fn cache_in(folder: &Path) -> ModelCache {
    let mut cache = ModelCache::in_folder(folder.join("models"));
    cache.min_bytes = 0;
    cache
}

fn entries(cache: &ModelCache) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(cache.folder())
        .map(|listing| listing.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

fn yunqi_copy(folder: &Path) -> PathBuf {
    let path = folder.join("yunqi.ron");
    std::fs::write(&path, io::EMBEDDED_YUNQI).expect("writes");
    path
}

#[test]
fn a_file_opened_again_comes_from_the_cache_and_equals_the_parse() {
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = cache_in(folder.path());
    let path = yunqi_copy(folder.path());
    let parsed = io::parse(io::EMBEDDED_YUNQI.as_bytes()).expect("parses");

    let (first, source) = load_file_with(&path, Some(&cache)).expect("opens");
    assert_eq!(source, Source::Parsed);
    assert_eq!(first, parsed);
    assert_eq!(entries(&cache).len(), 1, "one entry written");

    let (again, source) = load_file_with(&path, Some(&cache)).expect("opens again");
    assert_eq!(source, Source::Cache);
    assert_eq!(
        again, parsed,
        "the cached model is the parsed one, field for field"
    );
}

#[test]
fn a_file_changed_by_one_byte_is_parsed_not_taken_from_the_cache() {
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = cache_in(folder.path());
    let path = yunqi_copy(folder.path());
    load_file_with(&path, Some(&cache)).expect("opens");

    // One byte of one name: 云栖小镇's English name, same length.
    let text = io::EMBEDDED_YUNQI.replacen("en: \"Yunqi Town\"", "en: \"Yunqi Towm\"", 1);
    assert_ne!(text, io::EMBEDDED_YUNQI);
    assert_eq!(text.len(), io::EMBEDDED_YUNQI.len());
    std::fs::write(&path, &text).expect("writes");

    let (model, source) = load_file_with(&path, Some(&cache)).expect("opens");
    assert_eq!(source, Source::Parsed, "the entry is for other bytes");
    assert_eq!(model, io::parse(text.as_bytes()).expect("parses"));
    assert!(
        model.entities.iter().any(|e| e.name.en == "Yunqi Towm"),
        "the edit is what was opened"
    );
}

#[test]
fn a_damaged_entry_is_not_trusted_and_is_written_anew() {
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = cache_in(folder.path());
    let path = yunqi_copy(folder.path());
    let parsed = io::parse(io::EMBEDDED_YUNQI.as_bytes()).expect("parses");
    load_file_with(&path, Some(&cache)).expect("opens");
    let entry = entries(&cache).pop().expect("an entry");
    let intact = std::fs::read(&entry).expect("reads");

    // A byte in the middle of the payload, the entry cut short, the entry emptied, garbage.
    let middle = intact.len() / 2;
    let mut flipped = intact.clone();
    flipped[middle] ^= 0x20;
    let damaged: [Vec<u8>; 4] = [
        flipped,
        intact[..intact.len() - 10].to_vec(),
        Vec::new(),
        b"not a cache entry at all".to_vec(),
    ];
    for bytes in damaged {
        std::fs::write(&entry, &bytes).expect("writes");
        let (model, source) = load_file_with(&path, Some(&cache)).expect("opens");
        assert_eq!(source, Source::Parsed, "a damaged entry is not used");
        assert_eq!(model, parsed);
        assert_eq!(
            std::fs::read(&entry).expect("written anew"),
            intact,
            "the parse wrote the entry again"
        );
        let (_, source) = load_file_with(&path, Some(&cache)).expect("opens");
        assert_eq!(source, Source::Cache, "and the next open uses it");
    }
}

#[cfg(unix)]
#[test]
fn entries_are_readable_by_the_user_alone() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = cache_in(folder.path());
    let path = yunqi_copy(folder.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    load_file_with(&path, Some(&cache)).expect("opens");
    let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(cache.folder()), 0o700);
    let entry = entries(&cache).pop().expect("an entry");
    assert_eq!(mode(&entry), 0o600);
    assert_eq!(mode(&path), 0o644, "the user's file is as it was");
    assert_eq!(
        std::fs::read_to_string(&path).expect("reads"),
        io::EMBEDDED_YUNQI,
        "and holds what it held"
    );
}

#[test]
fn the_folder_keeps_the_most_recently_used_models() {
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = cache_in(folder.path());
    let mut paths = Vec::new();
    for n in 0..KEEP + 3 {
        let path = folder.path().join(format!("town-{n}.ron"));
        // Each file different: a comment with its number.
        std::fs::write(&path, format!("// {n}\n{}", io::EMBEDDED_YUNQI)).expect("writes");
        load_file_with(&path, Some(&cache)).expect("opens");
        paths.push(path);
        // Modification times a whole step apart, whatever the file system's resolution.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(entries(&cache).len(), KEEP);
    let (_, newest) = load_file_with(&paths[KEEP + 2], Some(&cache)).expect("opens");
    assert_eq!(newest, Source::Cache);
    let (_, oldest) = load_file_with(&paths[0], Some(&cache)).expect("opens");
    assert_eq!(oldest, Source::Parsed, "the first file's entry was removed");
}

#[test]
fn the_folder_keeps_to_its_size() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut cache = cache_in(folder.path());
    let mut paths = Vec::new();
    for n in 0..4 {
        let path = folder.path().join(format!("town-{n}.ron"));
        std::fs::write(&path, format!("// {n}\n{}", io::EMBEDDED_YUNQI)).expect("writes");
        paths.push(path);
    }
    load_file_with(&paths[0], Some(&cache)).expect("opens");
    let entry_size = std::fs::metadata(&entries(&cache)[0])
        .expect("an entry")
        .len();
    // Room for two entries and a half.
    cache.keep_bytes = entry_size * 5 / 2;
    for path in &paths[1..] {
        std::thread::sleep(std::time::Duration::from_millis(20));
        load_file_with(path, Some(&cache)).expect("opens");
    }
    assert_eq!(entries(&cache).len(), 2, "the two most recent fit");
    let (_, newest) = load_file_with(&paths[3], Some(&cache)).expect("opens");
    assert_eq!(newest, Source::Cache);
    let (_, older) = load_file_with(&paths[1], Some(&cache)).expect("opens");
    assert_eq!(older, Source::Parsed);
    // One entry larger than the whole allowance is still kept: it is the one just used.
    cache.keep_bytes = 1;
    std::thread::sleep(std::time::Duration::from_millis(20));
    load_file_with(&paths[0], Some(&cache)).expect("opens");
    assert_eq!(entries(&cache).len(), 1);
    let (_, again) = load_file_with(&paths[0], Some(&cache)).expect("opens");
    assert_eq!(again, Source::Cache);
}

#[test]
fn a_file_that_does_not_parse_says_where_and_is_not_cached() {
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = cache_in(folder.path());
    let path = folder.path().join("broken.ron");
    std::fs::write(
        &path,
        io::EMBEDDED_YUNQI.replacen("kind: Enterprise,", "kind: Enterprize,", 1),
    )
    .expect("writes");
    let error = load_file_with(&path, Some(&cache)).expect_err("does not parse");
    assert!(error.error.position().is_some(), "{error}");
    assert!(entries(&cache).is_empty());
}

#[test]
fn a_cache_that_cannot_be_written_does_not_stop_the_open() {
    let folder = tempfile::tempdir().expect("temp folder");
    // A file where the cache folder should be.
    let blocked = folder.path().join("blocked");
    std::fs::write(&blocked, b"").expect("writes");
    let mut cache = ModelCache::in_folder(blocked.join("models"));
    cache.min_bytes = 0;
    let path = yunqi_copy(folder.path());
    for _ in 0..2 {
        let (model, source) = load_file_with(&path, Some(&cache)).expect("opens");
        assert_eq!(source, Source::Parsed);
        assert_eq!(
            model.entities.len(),
            io::parse(io::EMBEDDED_YUNQI.as_bytes())
                .expect("parses")
                .entities
                .len()
        );
    }
}

#[test]
fn small_files_are_left_out_of_the_default_cache() {
    let folder = tempfile::tempdir().expect("temp folder");
    let cache = ModelCache::in_folder(folder.path().join("models"));
    let path = yunqi_copy(folder.path());
    assert!(io::EMBEDDED_YUNQI.len() < cache.min_bytes);
    for _ in 0..2 {
        let (_, source) = load_file_with(&path, Some(&cache)).expect("opens");
        assert_eq!(source, Source::Parsed);
    }
    assert!(entries(&cache).is_empty());
}
