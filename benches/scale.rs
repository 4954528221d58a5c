//! `cargo bench --bench scale`: one line per case, `CASE: median X ms (N runs)`, measured on
//! models written by `examples/synth.rs` (its generator is included here so the bench needs no
//! files). Cases whose part of the app does not exist yet are not printed.

use std::time::Instant;

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use eframe::egui;
use townscope::app::{CentralView, TownscopeApp, UiState};
use townscope::document::Document;
use townscope::io::Origin;
use townscope::model::{Metrics, Model, metrics};

/// As in the app: egui's per-frame vertex buffers are where the allocator shows.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median_ms(runs: usize, mut work: impl FnMut()) -> (f64, usize) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], runs)
}

/// The same for work whose result is dropped after the clock stops: an open is timed, not the
/// close of what it opened.
fn median_ms_kept<T>(runs: usize, mut work: impl FnMut() -> T) -> (f64, usize) {
    let mut kept = Vec::with_capacity(runs);
    let timing = median_ms(runs, || kept.push(work()));
    drop(kept);
    timing
}

fn report(case: &str, (median, runs): (f64, usize)) {
    println!("{case}: median {median:.1} ms ({runs} runs)");
}

/// A headless app on `model` showing `central` in a 1920×1080 window, warmed up so fonts,
/// galleys and caches are in place, like a window that has been open for a moment.
fn headless_app(
    model: Model,
    central: CentralView,
    layout: Option<Vec<[f32; 2]>>,
    gpu: bool,
) -> (egui::Context, TownscopeApp) {
    let ctx = egui::Context::default();
    let state = UiState {
        central,
        ..UiState::default()
    };
    let mut app = TownscopeApp::with_state(&ctx, state, None);
    if gpu {
        app.pretend_gpu_network(townscope::ui::network::gpu::DEFAULT_MIN_VERTICES);
    }
    app.replace_document(Document::new(model, Origin::Embedded));
    // The metrics worker would share the two cores with the frames being timed.
    app.stop_metrics();
    if let Some(positions) = layout {
        app.set_settled_layout(positions);
    }
    for _ in 0..5 {
        frame(&ctx, &mut app, 0.0, false);
    }
    (ctx, app)
}

/// A synthetic model and the layout the app makes of it from scratch, settled (multilevel at
/// 100k).
fn laid_out(entities: usize, relations: usize) -> (Model, Vec<[f32; 2]>) {
    let model = synth::generate(entities, relations, 1);
    let graph = metrics::simple_graph(&model);
    let positions = townscope::layout::Settling::from_scratch(&graph).settle(&graph, 5_000);
    (model, positions)
}

/// A headless app showing `model`'s network laid out at `positions`, drawn through the GPU
/// path's callback (`gpu`) or egui's mesh.
fn network_app(model: &Model, positions: &[[f32; 2]], gpu: bool) -> (egui::Context, TownscopeApp) {
    headless_app(
        model.clone(),
        CentralView::Network,
        Some(positions.to_vec()),
        gpu,
    )
}

/// The edit the entity editor sends when the `typed`th letter is typed into the English name of
/// entity `target`: the whole entity, merged with the letters before.
fn letter_typed(doc: &Document, target: usize, typed: usize) -> Option<townscope::edit::Edit> {
    let mut entity = doc.model().entities.get(target)?.clone();
    entity.name.en.push(char::from(b'a' + (typed % 26) as u8));
    let id = entity.id.clone();
    Some(
        townscope::edit::Edit::set_entity("rename", &id, entity)
            .merging(format!("name-{id}"))
            .built_on(doc.revision()),
    )
}

/// Milliseconds spent in egui's run and in tessellation, summed over frames.
static RUN_AND_TESSELLATE: std::sync::Mutex<(f64, f64)> = std::sync::Mutex::new((0.0, 0.0));

/// One whole app frame at `time`: egui's run over every panel, then tessellation into
/// triangles. With `pan`, the frame carries an arrow-key press, which moves the network's view
/// (right on whole seconds' tenths that are even, left on odd ones, so it stays on the graph).
fn frame(ctx: &egui::Context, app: &mut TownscopeApp, time: f64, pan: bool) {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        time: Some(time),
        ..egui::RawInput::default()
    };
    if pan {
        input.events.push(egui::Event::Key {
            key: if (time * 10.0).round() as i64 % 2 == 0 {
                egui::Key::ArrowRight
            } else {
                egui::Key::ArrowLeft
            },
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
    }
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| app.show(ui));
    let ran = start.elapsed().as_secs_f64() * 1000.0;
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let tessellated = start.elapsed().as_secs_f64() * 1000.0 - ran;
    std::hint::black_box(primitives);
    if let Ok(mut sums) = RUN_AND_TESSELLATE.lock() {
        sums.0 += ran;
        sums.1 += tessellated;
    }
}

/// Reports a frame case with the share of egui's run and of tessellation.
fn report_frames(case: &str, timing: (f64, usize)) {
    let (run, tessellate) = RUN_AND_TESSELLATE
        .lock()
        .map(|mut sums| std::mem::take(&mut *sums))
        .unwrap_or_default();
    let runs = timing.1 as f64;
    println!(
        "{case}: median {:.1} ms ({} runs) — mean egui run {:.1} ms, tessellation {:.1} ms",
        timing.0,
        timing.1,
        run / runs,
        tessellate / runs
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a name filters the cases.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let wanted = |case: &str| filter.as_deref().is_none_or(|f| case.contains(f));

    for (case, entities, relations, runs) in [
        ("load_10k", 10_000, 50_000, 5),
        ("load_100k", 100_000, 500_000, 3),
    ] {
        if !wanted(case) {
            continue;
        }
        let text = townscope::io::to_canonical_string(&synth::generate(entities, relations, 1))
            .expect("writes");
        report(
            case,
            // As the app opens a file: parsed, then the document derives its index,
            // validation, graph and lines.
            median_ms_kept(runs, || {
                let model = townscope::io::parse(text.as_bytes()).expect("parses");
                std::hint::black_box(Document::new(model, Origin::Embedded))
            }),
        );
        // The same file opened again with the cache of parsed models warm: the file read and
        // hashed, the entry read, checked and decoded, then the document derived as above.
        let folder = tempfile::tempdir().expect("temp folder");
        let path = folder.path().join("town.ron");
        std::fs::write(&path, &text).expect("writes");
        let cache = townscope::io::cache::ModelCache::in_folder(folder.path().join("cache"));
        let first = Instant::now();
        let (_, source) = townscope::io::load_file_with(&path, Some(&cache)).expect("opens");
        assert_eq!(source, townscope::io::cache::Source::Parsed);
        println!(
            "{case}_first_open_with_cache (read, parse, cache written; no document): {:.1} ms",
            first.elapsed().as_secs_f64() * 1000.0
        );
        report(
            &case.replace("load", "reopen"),
            median_ms_kept(runs, || {
                let (model, source) =
                    townscope::io::load_file_with(&path, Some(&cache)).expect("opens");
                assert_eq!(source, townscope::io::cache::Source::Cache);
                std::hint::black_box(Document::new(model, Origin::Embedded))
            }),
        );
        // Where the time goes: the parse, and opening it as a document (index, validation,
        // graph, lines).
        report(
            &format!("{case}_parse"),
            median_ms(runs, || {
                drop(std::hint::black_box(
                    townscope::io::parse(text.as_bytes()).expect("parses"),
                ));
            }),
        );
        // The same parse in one go, as before it was shared out among the cores.
        report(
            &format!("{case}_parse_whole"),
            median_ms(runs, || {
                drop(std::hint::black_box(
                    ron::Options::default()
                        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                        .from_str::<Model>(&text),
                ));
            }),
        );
        let model = townscope::io::parse(text.as_bytes()).expect("parses");
        let mut copies: Vec<Model> = (0..runs).map(|_| model.clone()).collect();
        report(
            &format!("{case}_document"),
            median_ms(runs, || {
                if let Some(model) = copies.pop() {
                    drop(std::hint::black_box(Document::new(model, Origin::Embedded)));
                }
            }),
        );
    }

    // One letter typed into an entity's name: the edit applied and everything the document
    // derives from the model brought up to date (the entity editor sends an edit a keystroke).
    for (case, entities, relations, runs) in [
        ("edit_10k", 10_000, 50_000, 50),
        ("edit_100k", 100_000, 500_000, 30),
    ] {
        if !wanted(case) {
            continue;
        }
        let mut doc = Document::new(synth::generate(entities, relations, 1), Origin::Embedded);
        let target = entities / 2;
        let mut typed = 0;
        report(
            case,
            median_ms(runs, || {
                typed += 1;
                if let Some(edit) = letter_typed(&doc, target, typed) {
                    doc.apply(edit).expect("applies");
                }
            }),
        );
    }

    // The same letter, and the whole app frame after it with the network shown: what the user
    // waits for between two keystrokes.
    if wanted("edit_frame_100k") {
        let (model, positions) = laid_out(100_000, 500_000);
        // Through egui's mesh, and as the app runs with a GPU.
        for gpu in [false, true] {
            let (ctx, mut app) = network_app(&model, &positions, gpu);
            let target = 50_000;
            let mut typed = 0;
            RUN_AND_TESSELLATE.lock().map(|mut s| *s = (0.0, 0.0)).ok();
            report_frames(
                if gpu {
                    "edit_frame_100k_gpu"
                } else {
                    "edit_frame_100k"
                },
                median_ms(15, || {
                    typed += 1;
                    if let Some(edit) = letter_typed(app.document(), target, typed) {
                        app.edit(edit);
                    }
                    frame(&ctx, &mut app, 1.0, false);
                }),
            );
        }
    }

    for (case, entities, relations, runs) in [
        ("frame_network_1k", 1_000, 5_000, 30),
        ("frame_network_10k", 10_000, 50_000, 30),
        ("frame_network_100k", 100_000, 500_000, 15),
    ] {
        if !wanted(case) {
            continue;
        }
        let (model, positions) = laid_out(entities, relations);
        // Through egui's mesh, then through the GPU path: its CPU side (the paint callback
        // instead of the mesh; the upload, once per built mesh, and the draw happen in the
        // renderer, which a headless frame does not run).
        for gpu in [false, true] {
            let (ctx, mut app) = network_app(&model, &positions, gpu);
            let case = if gpu {
                format!("{case}_gpu")
            } else {
                case.to_owned()
            };
            RUN_AND_TESSELLATE.lock().map(|mut s| *s = (0.0, 0.0)).ok();
            report_frames(&case, median_ms(runs, || frame(&ctx, &mut app, 1.0, false)));
            // Panning: the view moves every frame (the mesh is moved, or the GPU's offset).
            let mut time = 1.0;
            report_frames(
                &format!("{case}_panning"),
                median_ms(runs, || {
                    time += 0.1;
                    frame(&ctx, &mut app, time, true);
                }),
            );
        }
    }

    if wanted("frame_table_100k") {
        let model = synth::generate(100_000, 500_000, 1);
        let (ctx, mut app) = headless_app(model, CentralView::Table, None, false);
        RUN_AND_TESSELLATE.lock().map(|mut s| *s = (0.0, 0.0)).ok();
        report_frames(
            "frame_table_100k",
            median_ms(30, || frame(&ctx, &mut app, 1.0, false)),
        );
    }

    if wanted("layout_10k") {
        // The whole force layout of a 10k/50k model, from scatter to settled.
        let model = synth::generate(10_000, 50_000, 1);
        let graph = metrics::simple_graph(&model);
        let mut steps = 0;
        let timing = median_ms(3, || {
            let mut layout = townscope::layout::ForceLayout::new(&graph);
            layout.run(1000);
            steps = layout.steps();
        });
        report(&format!("layout_10k ({steps} steps)"), timing);
    }

    // The multilevel layout the app uses from scratch past 20,000 entities.
    for (case, entities, relations, runs) in [
        ("layout_10k_multilevel", 10_000, 50_000, 3),
        ("layout_100k", 100_000, 500_000, 1),
    ] {
        if !wanted(case) {
            continue;
        }
        let model = synth::generate(entities, relations, 1);
        let graph = metrics::simple_graph(&model);
        let mut shape = String::new();
        let timing = median_ms(runs, || {
            let mut layout = townscope::layout::Multilevel::new(&graph);
            while !layout.is_settled() {
                layout.step(&graph);
            }
            shape = format!(
                "levels {:?}, {:.0} whole-graph steps",
                layout.level_sizes(),
                layout.work()
            );
            std::hint::black_box(layout.positions());
        });
        report(&format!("{case} ({shape})"), timing);
    }

    if wanted("metrics_10k") {
        let model = synth::generate(10_000, 50_000, 1);
        let graph = metrics::simple_graph(&model);
        report(
            "metrics_10k",
            median_ms(3, || drop(std::hint::black_box(Metrics::of_graph(&graph)))),
        );
        report(
            "metrics_10k_betweenness",
            median_ms(3, || {
                drop(std::hint::black_box(metrics::betweenness(&graph)))
            }),
        );
        report(
            "metrics_10k_pagerank",
            median_ms(3, || drop(std::hint::black_box(metrics::pagerank(&graph)))),
        );
        report(
            "metrics_10k_louvain",
            median_ms(3, || drop(std::hint::black_box(metrics::louvain(&graph)))),
        );
    }
    // Degree, PageRank, Louvain and betweenness estimated within ±0.01 (Riondato–Kornaropoulos).
    if wanted("metrics_100k_approx") {
        let model = synth::generate(100_000, 500_000, 1);
        let graph = metrics::simple_graph(&model);
        report(
            "metrics_100k_approx",
            median_ms(1, || {
                drop(std::hint::black_box(Metrics::of_graph_approx(&graph, 0.01)))
            }),
        );
        report(
            "metrics_100k_approx_betweenness",
            median_ms(1, || {
                drop(std::hint::black_box(metrics::approx_betweenness(
                    &graph,
                    0.01,
                    metrics::APPROX_DELTA,
                    1,
                )))
            }),
        );
    }
}
