//! Reading and writing model files (RON), with errors that point at the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Model};

pub mod cache;
pub mod deck;
pub mod foreign;
pub mod graph_files;
pub mod graph_read;
pub mod import;
pub mod parallel;
pub mod recovery;
mod save;
pub mod workbook;
pub use save::{Backup, SaveError, backup_path, save, write_atomically, write_private};

/// The Yunqi Town model, built into the binary.
pub const EMBEDDED_YUNQI: &str = include_str!("../../data/yunqi.ron");

/// The name shown for the embedded model where a file name would be.
pub const EMBEDDED_NAME: &str = "yunqi.ron (built in)";
/// What a new model not yet saved is called.
pub const NEW_NAME: &str = "new model (not saved)";

/// Files larger than this are refused rather than read into memory (a 100k-entity model is ~100 MB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Why a file could not be turned into a model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("the file is empty")]
    Empty,
    #[error("is UTF-16 text; save it as UTF-8 (in most editors: Save As → Encoding → UTF-8)")]
    Utf16,
    #[error("is {size} bytes, more than the {max} this program reads")]
    TooLarge { size: u64, max: u64 },
    #[error("{line}:{column}: error: not UTF-8 text (invalid byte at this position)")]
    NotUtf8 { line: usize, column: usize },
    #[error("{line}:{column}: error: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
        line_text: String,
    },
    #[error(
        "format version {found} is newer than this program reads ({FORMAT_VERSION}); update Townscope"
    )]
    NewerVersion { found: u32 },
}

impl LoadError {
    /// The line and column the error points at, if it points somewhere.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column } | Self::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// A load error together with the file it came from, printed `FILE:LINE:COL: error: …`
/// followed by the offending line and a caret under the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub error: LoadError,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file's name as the terminal should show it: one line, nothing it would act on.
        let file = crate::model::safety::escaped(&self.file);
        match &self.error {
            LoadError::NotUtf8 { .. } | LoadError::Syntax { .. } => {
                write!(f, "{file}:{}", self.error)?;
            }
            LoadError::Unreadable(_)
            | LoadError::Empty
            | LoadError::Utf16
            | LoadError::TooLarge { .. }
            | LoadError::NewerVersion { .. } => {
                write!(f, "{file}: error: {}", self.error)?;
            }
        }
        if let LoadError::Syntax {
            column, line_text, ..
        } = &self.error
        {
            write!(f, "\n{}", caret_excerpt(line_text, *column))?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

/// `    line text\n    ^` with the caret under the 1-based character column, counting wide
/// (CJK) characters as two cells and keeping tabs so the caret lines up in a terminal.
pub fn caret_excerpt(line_text: &str, column: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    // A control character in the file is written out (`\u{1b}`), never sent to the terminal;
    // tabs stay, so the caret lines up.
    let mut shown = String::new();
    let mut pad = String::new();
    for (i, c) in line_text.chars().take(200).enumerate() {
        let before_caret = i + 1 < column;
        if c == '\t' {
            shown.push('\t');
            if before_caret {
                pad.push('\t');
            }
        } else if crate::model::safety::is_unsafe_char(c) {
            let written = format!("\\u{{{:x}}}", u32::from(c));
            if before_caret {
                pad.extend(std::iter::repeat_n(' ', written.len()));
            }
            shown.push_str(&written);
        } else {
            shown.push(c);
            if before_caret {
                pad.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0)));
            }
        }
    }
    format!("    {shown}\n    {pad}^")
}

fn read_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses a model from the bytes of a file: a UTF-8 byte-order mark and CRLF line ends are fine.
pub fn parse(bytes: &[u8]) -> Result<Model, LoadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_like_utf16(bytes) {
        return Err(LoadError::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_column(bytes, e.valid_up_to());
            return Err(LoadError::NotUtf8 { line, column });
        }
    };
    // Copied only to turn CRLF into LF: a second copy of a large file would double the memory.
    let text: std::borrow::Cow<'_, str> = if text.contains('\r') {
        text.replace("\r\n", "\n").into()
    } else {
        text.into()
    };
    // A large file is parsed in pieces on every core; one that is not of the plain shape that
    // handles, or does not parse, is parsed in one go, which says where it is wrong.
    let parsed = if text.len() >= parallel::PARALLEL_MIN_BYTES {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        parallel::parse(&text, threads).map(Ok)
    } else {
        None
    };
    match parsed.unwrap_or_else(|| read_options().from_str::<Model>(&text)) {
        Ok(model) if model.format_version > FORMAT_VERSION => Err(LoadError::NewerVersion {
            found: model.format_version,
        }),
        Ok(model) => Ok(model),
        Err(error) => {
            // A newer file may fail on fields this version does not know: say so instead.
            if let Ok(header) = read_options().from_str::<Header>(&text)
                && header.format_version > FORMAT_VERSION
            {
                return Err(LoadError::NewerVersion {
                    found: header.format_version,
                });
            }
            let position = error.span.start;
            let line_text = text
                .lines()
                .nth(position.line.saturating_sub(1))
                .unwrap_or("")
                .to_owned();
            Err(LoadError::Syntax {
                line: position.line,
                column: position.col,
                message: error.code.to_string(),
                line_text,
            })
        }
    }
}

/// UTF-16 without a byte-order mark: ASCII text has a zero byte beside every character.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 8 && head.iter().filter(|&&b| b == 0).count() * 3 >= head.len()
}

#[derive(Deserialize)]
struct Header {
    format_version: u32,
}

/// 1-based line and character column of a byte offset in text that is valid UTF-8 up to it.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Reads and parses a model file, through the cache this process uses, if any.
pub fn load_file(path: &Path) -> Result<Model, FileError> {
    load_file_with(path, cache::ModelCache::in_use()).map(|(model, _)| model)
}

/// Reads a model file; with a cache, a file whose exact bytes were parsed before is read from
/// it, and one parsed now is kept in it.
pub fn load_file_with(
    path: &Path,
    cache: Option<&cache::ModelCache>,
) -> Result<(Model, cache::Source), FileError> {
    let file = path.display().to_string();
    let fail = |error| FileError {
        file: file.clone(),
        error,
    };
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(fail)?;
    if let Some(model) = cache.and_then(|cache| cache.get(&bytes)) {
        return Ok((model, cache::Source::Cache));
    }
    let model = parse(&bytes).map_err(fail)?;
    if let Some(cache) = cache {
        cache.put(&bytes, &model);
    }
    Ok((model, cache::Source::Parsed))
}

/// Why a path is not a file to read, by what it is.
fn not_a_file(file_type: std::fs::FileType) -> LoadError {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if file_type.is_fifo() {
            "a named pipe (FIFO)"
        } else if file_type.is_char_device() || file_type.is_block_device() {
            "a device"
        } else if file_type.is_socket() {
            "a socket"
        } else if file_type.is_dir() {
            "a directory"
        } else {
            "not a regular file"
        };
        LoadError::Unreadable(format!("it is {what}, not a file"))
    }
    #[cfg(not(unix))]
    {
        let what = if file_type.is_dir() {
            "a directory"
        } else {
            "not a regular file"
        };
        LoadError::Unreadable(format!("it is {what}, not a file"))
    }
}

/// The bytes of a regular file of at most `max` bytes. Pipes, devices and sockets are refused
/// before they are read (a FIFO would wait for a writer forever, `/dev/zero` never ends), and at
/// most `max + 1` bytes are read whatever size the file reports.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| LoadError::Unreadable(e.to_string());
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(not_a_file(metadata.file_type()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opened without blocking, so that a file swapped for a FIFO after the check above cannot
    // hang the open; what was opened is checked again below.
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path).map_err(unreadable)?;
    let opened = file.metadata().map_err(unreadable)?;
    if !opened.is_file() {
        return Err(not_a_file(opened.file_type()));
    }
    if opened.len() > max {
        return Err(LoadError::TooLarge {
            size: opened.len(),
            max,
        });
    }
    let capacity = usize::try_from(opened.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > max {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// The embedded Yunqi model.
pub fn embedded_yunqi() -> Result<Model, FileError> {
    parse(EMBEDDED_YUNQI.as_bytes()).map_err(|error| FileError {
        file: EMBEDDED_NAME.into(),
        error,
    })
}

/// The canonical text of a model: pretty, `\n` line ends, entity order kept, Chinese unescaped.
/// The same model always gives the same bytes.
pub fn to_canonical_string(model: &Model) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let mut text = ron::Options::default().to_string_pretty(model, config)?;
    text.push('\n');
    Ok(text)
}

/// Where a model came from: a file, the copy built into the program, or File → New model (not
/// saved anywhere yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    File(PathBuf),
    New,
}

impl Origin {
    /// The name to show in the title bar and messages.
    pub fn display_name(&self) -> String {
        match self {
            Self::Embedded => EMBEDDED_NAME.to_owned(),
            Self::New => NEW_NAME.to_owned(),
            Self::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_column_counting_wide_characters() {
        let excerpt = caret_excerpt("name: (zh: \"阿里云\" x)", 18);
        let lines: Vec<&str> = excerpt.lines().collect();
        // "name: (zh: \"阿里云\" " is 11 + 1 + 6 (three wide) + 1 + 1 = 20 cells before the caret.
        assert_eq!(lines[1], format!("    {}^", " ".repeat(20)));
    }

    #[test]
    fn line_and_column_of_invalid_utf8() {
        assert_eq!(line_column(b"ab\ncd\xff", 5), (2, 3));
    }
}
