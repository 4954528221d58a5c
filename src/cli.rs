//! Headless commands: `townscope check`.

use std::path::PathBuf;

use crate::io::{self, FileError};
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
            .map(|path| (path.display().to_string(), io::load_file(path)))
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
                for problem in &problems {
                    writeln!(out, "{name}: {problem}")?;
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
            csv_field(&entity.id),
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
