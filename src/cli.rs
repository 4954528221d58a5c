//! Headless commands: `townscope check`, `metrics`, `fmt`, `diff`.

use std::path::PathBuf;

use crate::io::{self, FileError};
use crate::model::safety::escaped;
use crate::model::{Metrics, Model, Severity, validate};

/// Exit status of `check`: every file valid.
pub const EXIT_OK: i32 = 0;
/// Some file has validation errors.
pub const EXIT_PROBLEMS: i32 = 1;
/// Some file could not be read or parsed, or the command line was wrong.
pub const EXIT_UNREADABLE: i32 = 2;

/// Checks each file (the embedded model when there is none), printing one `ok` line per valid
/// file and one line per problem; returns the exit status.
pub fn check(files: &[PathBuf], out: &mut impl std::io::Write) -> std::io::Result<i32> {
    let mut status = EXIT_OK;
    let loaded: Vec<(String, Result<Model, FileError>)> = if files.is_empty() {
        vec![(io::EMBEDDED_NAME.to_owned(), io::embedded_yunqi())]
    } else {
        files
            .iter()
            .map(|path| {
                (
                    escaped(&path.display().to_string()).into_owned(),
                    io::load_file(path),
                )
            })
            .collect()
    };
    for (name, result) in loaded {
        match result {
            Err(error) => {
                writeln!(out, "{error}")?;
                status = status.max(EXIT_UNREADABLE);
            }
            Ok(model) => {
                let problems = validate(&model);
                // A model's ids and texts are shown as they are, never acted on by the terminal.
                for problem in &problems {
                    writeln!(out, "{name}: {}", escaped(&problem.to_string()))?;
                }
                if problems.iter().any(|p| p.severity == Severity::Error) {
                    status = status.max(EXIT_PROBLEMS);
                } else {
                    writeln!(out, "{name}: ok: {}", model.summary())?;
                }
            }
        }
    }
    Ok(status)
}

/// Prints `id,degree,betweenness,pagerank,community` for every entity, in file order, floats
/// with 17 significant digits (enough to round-trip an f64).
pub fn metrics(
    file: Option<&std::path::Path>,
    out: &mut impl std::io::Write,
) -> std::io::Result<i32> {
    let loaded = match file {
        None => io::embedded_yunqi(),
        Some(path) => io::load_file(path),
    };
    let model = match loaded {
        Ok(model) => model,
        Err(error) => {
            eprintln!("{error}");
            return Ok(EXIT_UNREADABLE);
        }
    };
    let metrics = Metrics::of_model(&model);
    writeln!(out, "id,degree,betweenness,pagerank,community")?;
    for (i, entity) in model.entities.iter().enumerate() {
        writeln!(
            out,
            "{},{},{:.16e},{:.16e},{}",
            csv_field(&escaped(&entity.id)),
            metrics.degree[i],
            metrics.betweenness[i],
            metrics.pagerank[i],
            metrics.community[i]
        )?;
    }
    Ok(EXIT_OK)
}

/// An id as a CSV field: quoted when it holds a comma, quote or line break.
fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// Exit status of `fmt --check` when a file is not in canonical form, and of `diff` when the
/// models differ.
pub const EXIT_DIFFERENT: i32 = 1;

/// Rewrites each file in canonical form (atomically), or with `check` only names those that are
/// not. A file that does not load is reported and left untouched.
pub fn fmt(files: &[PathBuf], check: bool, out: &mut impl std::io::Write) -> std::io::Result<i32> {
    let mut status = EXIT_OK;
    for path in files {
        let name = escaped(&path.display().to_string()).into_owned();
        let model = match io::load_file(path) {
            Ok(model) => model,
            Err(error) => {
                writeln!(out, "{error}")?;
                status = status.max(EXIT_UNREADABLE);
                continue;
            }
        };
        let canonical = match io::to_canonical_string(&model) {
            Ok(text) => text,
            Err(error) => {
                writeln!(
                    out,
                    "{name}: error: cannot write the model as text: {error}"
                )?;
                status = status.max(EXIT_UNREADABLE);
                continue;
            }
        };
        // The file loaded, so it was readable a moment ago.
        let current = std::fs::read(path).unwrap_or_default();
        if current == canonical.as_bytes() {
            continue;
        }
        if check {
            writeln!(out, "{name}: not in canonical form")?;
            status = status.max(EXIT_DIFFERENT);
        } else {
            match io::write_atomically(path, canonical.as_bytes(), io::Backup::None) {
                Ok(()) => writeln!(out, "{name}: formatted")?,
                Err(error) => {
                    writeln!(out, "{error}")?;
                    status = status.max(EXIT_UNREADABLE);
                }
            }
        }
    }
    Ok(status)
}

/// Lists what changed from `old` to `new`, one line each: `+` added, `-` removed, `~` changed
/// (field: old → new). 0 identical, 1 different, 2 a file did not load.
pub fn diff(
    old: &std::path::Path,
    new: &std::path::Path,
    out: &mut impl std::io::Write,
) -> std::io::Result<i32> {
    let (old, new) = match (io::load_file(old), io::load_file(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for error in [old.err(), new.err()].into_iter().flatten() {
                writeln!(out, "{error}")?;
            }
            return Ok(EXIT_UNREADABLE);
        }
    };
    let changes = crate::model::diff::diff(&old, &new);
    for change in &changes {
        writeln!(out, "{}", escaped(&change.to_string()))?;
    }
    Ok(if changes.is_empty() {
        EXIT_OK
    } else {
        EXIT_DIFFERENT
    })
}
