//! Headless commands: `townscope check`, `metrics`, `fmt`, `diff`.

use std::path::PathBuf;

use crate::io::workbook::csv_field;
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
/// With `approx`, betweenness is estimated within that ε (the bound on networkx's scale is said
/// on stderr).
pub fn metrics(
    file: Option<&std::path::Path>,
    approx: Option<f64>,
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
    let metrics = match approx {
        None => Metrics::of_model(&model),
        Some(epsilon) if epsilon > 0.0 && epsilon < 1.0 => {
            let graph = crate::model::metrics::simple_graph(&model);
            let (metrics, estimate) = Metrics::of_graph_approx(&graph, epsilon);
            eprintln!(
                "betweenness estimated from {} sampled shortest paths (vertex diameter at most {}): \
                 each value within ±{:.6} of the exact one with probability {:.0} %",
                estimate.samples,
                estimate.vertex_diameter,
                estimate.bound,
                (1.0 - estimate.delta) * 100.0
            );
            metrics
        }
        Some(epsilon) => {
            eprintln!("--approx takes an ε between 0 and 1, such as 0.01, not {epsilon}");
            return Ok(EXIT_UNREADABLE);
        }
    };
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

/// Writes `file`'s model (the built-in one without a file) to `out` in the format its
/// extension names; for `.csv`, the table named `table`; a `.pdf` briefing in `lang`. Errors go
/// to `err`.
pub fn export(
    file: Option<&std::path::Path>,
    out: &std::path::Path,
    table: &str,
    lang: crate::i18n::Lang,
    err: &mut impl std::io::Write,
) -> std::io::Result<i32> {
    use io::workbook;
    let extension = out
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let target = escaped(&out.display().to_string()).into_owned();
    if !["xlsx", "csv", "gexf", "graphml", "json", "pdf", "pptx"].contains(&extension.as_str()) {
        writeln!(
            err,
            "cannot export {target}: the file's extension says which format, and this \
             program writes .xlsx, .csv, .gexf, .graphml, .json (Cytoscape.js), .pdf and .pptx"
        )?;
        return Ok(EXIT_UNREADABLE);
    }
    let model = match file.map_or_else(io::embedded_yunqi, io::load_file) {
        Ok(model) => model,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(EXIT_UNREADABLE);
        }
    };
    let written = match extension.as_str() {
        "gexf" | "graphml" | "json" => {
            let doc = crate::document::Document::new(model, io::Origin::New);
            let drawing = crate::app::headless::drawing(&doc, None);
            io::graph_files::write_graph_file(out, doc.model(), &drawing).map_err(|e| e.to_string())
        }
        "pdf" => {
            let doc = crate::document::Document::new(model, io::Origin::New);
            let drawing = crate::app::headless::drawing(&doc, None);
            crate::briefing::write_pdf(out, &doc, &drawing, lang, crate::briefing::today())
                .map_err(|e| e.to_string())
        }
        "xlsx" => workbook::write_xlsx(out, &model).map_err(|e| e.to_string()),
        "pptx" => {
            let origin = file.map_or(io::Origin::Embedded, |f| io::Origin::File(f.to_path_buf()));
            crate::app::headless::write_deck(model, origin, out, lang)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        _ => {
            let Some(table) = workbook::Table::parse(table) else {
                writeln!(
                    err,
                    "--table takes entities, relations or indicators, not {}",
                    escaped(table)
                )?;
                return Ok(EXIT_UNREADABLE);
            };
            workbook::write_csv(out, &model, table).map_err(|e| e.to_string())
        }
    };
    match written {
        Ok(()) => Ok(EXIT_OK),
        Err(error) => {
            writeln!(err, "cannot export {target}: {error}")?;
            Ok(EXIT_UNREADABLE)
        }
    }
}

/// Reads the workbooks `files` (Townscope's layout; CSV tables too) into a new model file
/// `out`, each after the first merged into what the ones before made (a member list, then its
/// relations, say); never over a file that exists. Prints what was added and changed, and the
/// new model's problems. One file that does not read stops it all: nothing is written.
pub fn import(
    files: &[PathBuf],
    out: &std::path::Path,
    report: &mut impl std::io::Write,
) -> std::io::Result<i32> {
    let target = escaped(&out.display().to_string()).into_owned();
    if out.exists() {
        writeln!(
            report,
            "{target} exists: import writes a new model file; choose another --out"
        )?;
        return Ok(EXIT_UNREADABLE);
    }
    let mut imported: Option<io::import::Imported> = None;
    for file in files {
        let read = io::import::read_workbook_into(file, imported.as_ref().map(|i| &i.model));
        match read {
            Ok(next) => {
                let (added, changed) = imported.as_ref().map_or((0, 0), |i| (i.added, i.changed));
                let mut notes = imported.map_or_else(Vec::new, |i| i.notes);
                notes.extend(next.notes.iter().cloned());
                imported = Some(io::import::Imported {
                    added: added + next.added,
                    changed: changed + next.changed,
                    model: next.model,
                    notes,
                    unknown_types: next.unknown_types,
                    unknown_relation_types: next.unknown_relation_types,
                });
            }
            Err(error) => {
                writeln!(report, "{}", escaped(&error.to_string()))?;
                return Ok(EXIT_UNREADABLE);
            }
        }
    }
    let Some(imported) = imported else {
        writeln!(report, "no file to import")?;
        return Ok(EXIT_UNREADABLE);
    };
    if let Err(error) = io::save(out, &imported.model) {
        writeln!(report, "{}", escaped(&error.to_string()))?;
        return Ok(EXIT_UNREADABLE);
    }
    writeln!(
        report,
        "{target}: {} added, {} changed; {}",
        imported.added,
        imported.changed,
        imported.model.summary()
    )?;
    // What another program's file held that was guessed or left out: warnings, not silence.
    for note in &imported.notes {
        writeln!(report, "{}", escaped(&note.text(crate::i18n::Lang::En)))?;
    }
    let problems = validate(&imported.model);
    for problem in &problems {
        writeln!(report, "{target}: {}", escaped(&problem.to_string()))?;
    }
    let guessed_or_left_out = imported.notes.iter().any(|n| n.is_warning());
    Ok(if problems.is_empty() && !guessed_or_left_out {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    })
}
