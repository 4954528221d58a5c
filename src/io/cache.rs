//! A cache of parsed models, so that a large file opens again without the RON parse.
//!
//! Each entry is keyed by a 128-bit hash (XXH3) of the file's bytes and lives in the app's cache
//! folder (`~/.cache/townscope/models` on Linux), one file per model, readable by the user only
//! (the models may be confidential). An entry is used only when the bytes just read from the
//! user's file hash to the key it was written for, it was written by a program with the same
//! model types (a fingerprint of the source that defines them) and its own contents hash to
//! the checksum in its header; anything else — stale, torn, truncated, from another version —
//! is removed and the file is parsed as if there were no cache, and written anew. The user's
//! file is never written; errors in it are reported by the parse, as before (a file that does
//! not parse is never cached).
//!
//! The payload is JSON (serde_json is already here; of the formats tried it decoded this model
//! fastest — MessagePack took twice as long) cut into pieces, entities and relations in several
//! each, so that every core decodes a share.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::model::{Entity, Model, Relation};

/// Smaller files parse in well under a second: caching them would only fill the folder.
pub const DEFAULT_MIN_BYTES: usize = 1 << 20;
/// How many models the folder keeps; the least recently used go first.
pub const KEEP: usize = 8;
/// And how many bytes they may take together (the most recently used is always kept).
pub const KEEP_BYTES: u64 = 2 << 30;

const MAGIC: &[u8; 16] = b"townscope-cache\n";
/// Changes when the layout of an entry below changes.
const LAYOUT_VERSION: u32 = 1;
/// Each list is cut into this many pieces, whatever the cores of the machine that wrote it.
const PIECES: usize = 8;

/// The sources of every type a model file holds: an entry written by a program whose model
/// types differ in any way (a field added, a default changed) is not read.
fn model_fingerprint() -> u128 {
    static FINGERPRINT: OnceLock<u128> = OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let sources: [&str; 7] = [
            include_str!("../model/mod.rs"),
            include_str!("../model/date.rs"),
            include_str!("../model/figure.rs"),
            include_str!("../model/kinds.rs"),
            include_str!("../model/provenance.rs"),
            include_str!("../model/filter.rs"),
            include_str!("cache.rs"),
        ];
        let mut all = Vec::new();
        for source in sources {
            all.extend_from_slice(source.as_bytes());
            all.push(0);
        }
        xxhash_rust::xxh3::xxh3_128(&all)
    })
}

/// The key of a file's bytes.
pub fn key_of(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Where a model came from on this open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Parsed from the file's text (and written to the cache if it is large enough).
    Parsed,
    /// Read from the cache: the file's bytes are the ones it was made from.
    Cache,
}

/// A folder of cached models.
#[derive(Clone, Debug)]
pub struct ModelCache {
    folder: PathBuf,
    /// Files smaller than this are neither looked up nor cached.
    pub min_bytes: usize,
    /// The entries may take this many bytes together.
    pub keep_bytes: u64,
}

/// The cache the running program uses, if it was given one (the app and the command line do;
/// tests and benches open files without one unless they ask).
static IN_USE: OnceLock<ModelCache> = OnceLock::new();

impl ModelCache {
    /// The app's cache folder, if the system has one.
    pub fn in_cache_folder() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "Townscope")?;
        Some(Self::in_folder(dirs.cache_dir().join("models")))
    }

    pub fn in_folder(folder: PathBuf) -> Self {
        Self {
            folder,
            min_bytes: DEFAULT_MIN_BYTES,
            keep_bytes: KEEP_BYTES,
        }
    }

    /// Makes this the cache every later [`super::load_file`] of this process uses.
    pub fn use_for_this_process(self) {
        let _ = IN_USE.set(self);
    }

    /// The cache this process uses, if any.
    pub fn in_use() -> Option<&'static Self> {
        IN_USE.get()
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn entry_path(&self, key: u128) -> PathBuf {
        self.folder.join(format!("{key:032x}.model"))
    }

    /// The model whose file's bytes are `bytes`, from the cache if an intact entry for exactly
    /// these bytes is there. `None` when there is none (an entry that is not intact is removed).
    pub fn get(&self, bytes: &[u8]) -> Option<Model> {
        if bytes.len() < self.min_bytes {
            return None;
        }
        let key = key_of(bytes);
        let path = self.entry_path(key);
        let entry = super::read_limited(&path, super::MAX_FILE_BYTES.saturating_mul(2)).ok()?;
        match decode(&entry, key) {
            Some(model) => {
                // Most recently used: the last to be pruned.
                if let Ok(file) = std::fs::File::options().append(true).open(&path) {
                    let _ = file.set_modified(std::time::SystemTime::now());
                }
                Some(model)
            }
            None => {
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Keeps `model`, parsed from `bytes`, for the next open of the same bytes; the least
    /// recently used entries beyond [`KEEP`] or `keep_bytes` are removed. Failing to write is not an error of the open: the
    /// next open parses again.
    pub fn put(&self, bytes: &[u8], model: &Model) {
        if bytes.len() < self.min_bytes {
            return;
        }
        let key = key_of(bytes);
        let Some(entry) = encode(model, key) else {
            return;
        };
        if create_private_folder(&self.folder).is_ok()
            && write_entry(&self.folder, &self.entry_path(key), &entry).is_ok()
        {
            self.prune();
        }
    }

    /// Removes the least recently used entries beyond [`KEEP`] or `keep_bytes`, and anything else in the folder
    /// that is not an entry (a temporary file left by a write that was cut off).
    fn prune(&self) {
        let Ok(listing) = std::fs::read_dir(&self.folder) else {
            return;
        };
        let mut entries = Vec::new();
        for item in listing.flatten() {
            let path = item.path();
            let is_entry = path.extension().is_some_and(|e| e == "model");
            let modified = item.metadata().and_then(|m| m.modified()).ok();
            let size = item.metadata().map_or(0, |m| m.len());
            match (is_entry, modified) {
                (true, Some(modified)) => entries.push((modified, size, path)),
                // A write in progress in another instance is minutes old at most.
                (false, Some(modified))
                    if modified.elapsed().is_ok_and(|age| age.as_secs() > 3600) =>
                {
                    let _ = std::fs::remove_file(&path);
                }
                _ => {}
            }
        }
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.0));
        let mut total = 0u64;
        for (n, (_, size, path)) in entries.into_iter().enumerate() {
            total = total.saturating_add(size);
            if n >= KEEP || (n > 0 && total > self.keep_bytes) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Writes an entry whole under its name: a temporary file (mode 0600, as `tempfile` makes them)
/// renamed over it. Not flushed to the disk: an entry torn by a crash fails its checksum and is
/// written again, which is cheaper than making every first open wait for the disk.
fn write_entry(folder: &Path, path: &Path, entry: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut temporary = tempfile::Builder::new()
        .prefix(".writing-")
        .tempfile_in(folder)?;
    temporary.write_all(entry)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The cache folder, created readable by the user only.
fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// An entry: the magic, the layout version, the model fingerprint, the key, the payload's
/// checksum, the number of parts and each part's length, then the parts — the model without its
/// entities and relations, then [`PIECES`] pieces of each, all JSON.
fn encode(model: &Model, key: u128) -> Option<Vec<u8>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let pieces: Vec<Piece<'_>> = cut(&model.entities)
        .into_iter()
        .map(Piece::Entities)
        .chain(cut(&model.relations).into_iter().map(Piece::Relations))
        .collect();
    let per_thread = pieces.len().div_ceil(threads.max(1)).max(1);
    let encoded: Option<Vec<Vec<u8>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .chunks(per_thread)
            .map(|group| {
                scope.spawn(move || group.iter().map(Piece::json).collect::<Option<Vec<_>>>())
            })
            .collect();
        let mut all = Vec::with_capacity(pieces.len());
        for handle in handles {
            all.extend(handle.join().ok()??);
        }
        Some(all)
    });
    let mut parts: Vec<Vec<u8>> = vec![serde_json::to_vec(&skeleton_of(model)).ok()?];
    parts.extend(encoded?);

    let mut payload = Vec::new();
    payload.extend_from_slice(&u32::try_from(parts.len()).ok()?.to_le_bytes());
    for part in &parts {
        payload.extend_from_slice(&(part.len() as u64).to_le_bytes());
    }
    for part in &parts {
        payload.extend_from_slice(part);
    }
    let mut entry = Vec::with_capacity(payload.len() + 72);
    entry.extend_from_slice(MAGIC);
    entry.extend_from_slice(&LAYOUT_VERSION.to_le_bytes());
    entry.extend_from_slice(&model_fingerprint().to_le_bytes());
    entry.extend_from_slice(&key.to_le_bytes());
    entry.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&payload).to_le_bytes());
    entry.extend_from_slice(&payload);
    Some(entry)
}

/// The model in `entry`, if it is intact and was written for the bytes whose key is `key` by a
/// program with these model types.
fn decode(entry: &[u8], key: u128) -> Option<Model> {
    let mut reader = Reader(entry);
    if reader.take(MAGIC.len())? != MAGIC
        || reader.u32()? != LAYOUT_VERSION
        || reader.u128()? != model_fingerprint()
        || reader.u128()? != key
    {
        return None;
    }
    let checksum = reader.u128()?;
    let payload = reader.0;
    if xxhash_rust::xxh3::xxh3_128(payload) != checksum {
        return None;
    }
    let count = usize::try_from(reader.u32()?).ok()?;
    if count != 1 + 2 * PIECES {
        return None;
    }
    let mut lengths = Vec::with_capacity(count);
    for _ in 0..count {
        lengths.push(usize::try_from(reader.u64()?).ok()?);
    }
    let mut parts = Vec::with_capacity(count);
    for length in lengths {
        parts.push(reader.take(length)?);
    }
    if !reader.0.is_empty() {
        return None;
    }
    let (skeleton, pieces) = parts.split_first()?;
    let (entity_parts, relation_parts) = pieces.split_at(PIECES);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    super::parallel::assemble(
        || serde_json::from_slice::<Model>(skeleton).ok(),
        (entity_parts, relation_parts),
        threads,
        |part| serde_json::from_slice(part).ok(),
        |part| serde_json::from_slice(part).ok(),
    )
}

/// A run of one of the model's two long lists.
enum Piece<'a> {
    Entities(&'a [Entity]),
    Relations(&'a [Relation]),
}

impl Piece<'_> {
    fn json(&self) -> Option<Vec<u8>> {
        match self {
            Self::Entities(items) => serde_json::to_vec(items).ok(),
            Self::Relations(items) => serde_json::to_vec(items).ok(),
        }
    }
}

/// The model without its entities and relations. Every field is named, so that a field added to
/// the model cannot be left out of the cache unnoticed.
fn skeleton_of(model: &Model) -> Model {
    let Model {
        format_version,
        name,
        description,
        focus,
        sources,
        sectors,
        entities: _,
        relations: _,
        indicators,
        milestones,
        story,
        layout,
    } = model;
    Model {
        format_version: *format_version,
        name: name.clone(),
        description: description.clone(),
        focus: focus.clone(),
        sources: sources.clone(),
        sectors: sectors.clone(),
        entities: Vec::new(),
        relations: Vec::new(),
        indicators: indicators.clone(),
        milestones: milestones.clone(),
        story: story.clone(),
        layout: layout.clone(),
    }
}

/// `items` in [`PIECES`] runs of about equal length (some empty when there are fewer).
fn cut<T>(items: &[T]) -> Vec<&[T]> {
    let per_piece = items.len().div_ceil(PIECES);
    (0..PIECES)
        .map(|i| {
            let start = (i * per_piece).min(items.len());
            let end = ((i + 1) * per_piece).min(items.len());
            items.get(start..end).unwrap_or(&[])
        })
        .collect()
}

/// Reads little-endian numbers and runs of bytes off the front of an entry.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(taken)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_decodes_only_for_its_key_and_intact() {
        let model = crate::io::embedded_yunqi().expect("built-in model");
        let entry = encode(&model, 7).expect("encodes");
        assert_eq!(decode(&entry, 7).as_ref(), Some(&model));
        assert_eq!(decode(&entry, 8), None, "another file's bytes");
        for at in [0, 20, 60, 100, entry.len() / 2, entry.len() - 1] {
            let mut torn = entry.clone();
            torn[at] ^= 1;
            assert_eq!(decode(&torn, 7), None, "byte {at} changed");
        }
        assert_eq!(decode(&entry[..entry.len() - 1], 7), None, "cut short");
        let mut longer = entry.clone();
        longer.push(b' ');
        assert_eq!(decode(&longer, 7), None, "a byte added");
    }
}
