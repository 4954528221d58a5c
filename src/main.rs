//! The `townscope` program: the desktop app, or a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// egui rebuilds multi-megabyte vertex buffers every frame; mimalloc made the large network
/// frames 2–4× faster than glibc's allocator here (see the README's performance table).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Explore the industry ecosystem of a characteristic town (first: Yunqi Town, Hangzhou).
///
/// With no arguments the app opens on the built-in Yunqi Town model.
#[derive(Parser)]
#[command(name = "townscope", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A model file (.ron) to open in the app.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check model files without opening a window (the built-in model when no file is given).
    ///
    /// Exit status: 0 valid, 1 problems, 2 unreadable file or bad usage.
    Check {
        /// Model files to check.
        files: Vec<PathBuf>,
    },
    /// Print each entity's degree, betweenness, PageRank and community as CSV (the built-in
    /// model when no file is given).
    Metrics {
        /// The model file.
        file: Option<PathBuf>,
        /// Estimate betweenness from sampled shortest paths within this ε (e.g. 0.01) instead
        /// of computing it exactly (Riondato–Kornaropoulos; for 10^5 entities, where the exact
        /// one takes most of an hour). The bound is printed on stderr.
        #[arg(long)]
        approx: Option<f64>,
    },
    /// Rewrite model files in canonical form, like `cargo fmt`.
    ///
    /// Exit status: 0 done (or, with --check, all canonical), 1 with --check some file is not
    /// canonical, 2 some file did not load (it is left untouched).
    Fmt {
        /// Only list the files that are not in canonical form; change nothing.
        #[arg(long)]
        check: bool,
        /// Model files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List what changed between two versions of a model.
    ///
    /// Exit status: 0 identical, 1 different, 2 a file did not load.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
    },
    /// Read spreadsheets in Townscope's layout (.xlsx, .xls, .ods: what `export` writes; or one
    /// table as .csv in UTF-8 or GBK) into a new model file. A workbook Townscope wrote comes back whole; rows added in it become
    /// entities and relations citing the workbook, sheet and row.
    ///
    /// Exit status: 0 imported, 1 imported with problems (listed), 2 not imported (the cell or
    /// the reason named; OUT is not written, and never over a file that exists).
    Import {
        /// The workbooks (or CSV tables), read in order, each merged into what the ones before
        /// made.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The model file to write (it must not exist).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a model as another program reads it, the format from OUT's extension: .xlsx (every
    /// table, both languages, and the model whole for Townscope to read back), .csv (one
    /// table, UTF-8 with a byte-order mark), .gexf (Gephi, networkx) or .graphml (yEd, networkx)
    /// with the force layout's positions, the kinds' colours and sizes by connections, .pdf
    /// (a briefing to print: figures with their sources, the network, the growth, the
    /// indicators, the key entities, every source) or .pptx (the story as a 16:9 deck, sources
    /// in the speaker notes; needs a GPU or Mesa's lavapipe). The built-in model when no file is
    /// given.
    ///
    /// Exit status: 0 written, 2 the model did not load, the format is unknown, or writing
    /// failed (the file is then as it was).
    Export {
        /// The model file.
        file: Option<PathBuf>,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// For .csv: which table, entities, relations or indicators.
        #[arg(long, default_value = "entities")]
        table: String,
        /// For .pdf and .pptx: the language, zh or en.
        #[arg(long, default_value = "zh")]
        lang: String,
    },
    /// Render every slide of a model's story, as presented, to DIR/slide-01.png, … without a
    /// window (the built-in model when no file is given). Needs a GPU or Mesa's lavapipe.
    ///
    /// Exit status: 0 written, 2 the model did not load, has no slides, or could not be rendered.
    ExportSlides {
        /// The model file.
        file: Option<PathBuf>,
        /// The folder for the pictures (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Pixels per point: 2 gives 2880×1800 pictures of the 1440×900 slide.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// The language of the slides: zh or en.
        #[arg(long, default_value = "zh")]
        lang: String,
        /// The slides' shape: 16:10 (1440×900 points) or 16:9 (1536×864 points: with --scale
        /// 1.25, 1920×1080 pictures; with 2.5, 3840×2160).
        #[arg(long, default_value = "16:10")]
        aspect: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A large file opened again is read from the cache of parsed models instead of parsed.
    if let Some(cache) = townscope::io::cache::ModelCache::in_cache_folder() {
        cache.use_for_this_process();
    }
    match cli.command {
        Some(Command::Check { files }) => {
            let mut out = std::io::stdout().lock();
            match townscope::cli::check(&files, &mut out) {
                Ok(status) => ExitCode::from(status as u8),
                Err(error) => {
                    eprintln!("townscope: {error}");
                    ExitCode::from(townscope::cli::EXIT_UNREADABLE as u8)
                }
            }
        }
        Some(Command::Metrics { file, approx }) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match townscope::cli::metrics(file.as_deref(), approx, &mut out) {
                Ok(status) => ExitCode::from(status as u8),
                Err(error) => {
                    eprintln!("townscope: {error}");
                    ExitCode::from(townscope::cli::EXIT_UNREADABLE as u8)
                }
            }
        }
        Some(Command::Fmt { check, files }) => {
            let mut out = std::io::stdout().lock();
            exit(townscope::cli::fmt(&files, check, &mut out))
        }
        Some(Command::Diff { old, new }) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            exit(townscope::cli::diff(&old, &new, &mut out))
        }
        Some(Command::Import { files, out }) => {
            let mut err = std::io::stderr().lock();
            exit(townscope::cli::import(&files, &out, &mut err))
        }
        Some(Command::Export {
            file,
            out,
            table,
            lang,
        }) => {
            let Some(lang) = language(&lang) else {
                return ExitCode::from(townscope::cli::EXIT_UNREADABLE as u8);
            };
            let mut err = std::io::stderr().lock();
            exit(townscope::cli::export(
                file.as_deref(),
                &out,
                &table,
                lang,
                &mut err,
            ))
        }
        Some(Command::ExportSlides {
            file,
            out,
            scale,
            lang,
            aspect,
        }) => {
            let Some(lang) = language(&lang) else {
                return ExitCode::from(townscope::cli::EXIT_UNREADABLE as u8);
            };
            let Some(shape) = townscope::app::headless::SlideShape::parse(&aspect) else {
                eprintln!("townscope: --aspect takes 16:10 or 16:9, not {aspect}");
                return ExitCode::from(2);
            };
            match townscope::app::headless::export_slides(file.as_deref(), &out, lang, scale, shape)
            {
                Ok(written) => {
                    for path in written {
                        println!("{}", path.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("townscope: {error}");
                    ExitCode::from(townscope::cli::EXIT_UNREADABLE as u8)
                }
            }
        }
        None => match townscope::app::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("townscope: cannot open the window: {error}");
                ExitCode::FAILURE
            }
        },
    }
}

/// `zh` or `en` (any case); anything else is refused, said on stderr.
fn language(text: &str) -> Option<townscope::i18n::Lang> {
    match text.trim().to_ascii_lowercase().as_str() {
        "zh" | "zh-cn" | "cn" => Some(townscope::i18n::Lang::Zh),
        "en" => Some(townscope::i18n::Lang::En),
        _ => {
            eprintln!("townscope: --lang takes zh or en, not {text}");
            None
        }
    }
}

/// The exit code of a headless command; writing its output failed is an error too.
fn exit(result: std::io::Result<i32>) -> ExitCode {
    match result {
        Ok(status) => ExitCode::from(status as u8),
        Err(error) => {
            eprintln!("townscope: {error}");
            ExitCode::from(townscope::cli::EXIT_UNREADABLE as u8)
        }
    }
}
