//! `cargo bench --bench scale`: one line per case, `CASE: median X ms (N runs)`, measured on
//! models written by `examples/synth.rs` (its generator is included here so the bench needs no
//! files). Cases whose part of the app does not exist yet are not printed.

use std::time::Instant;

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use townscope::model::{Index, Metrics, metrics, validate};

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

fn report(case: &str, (median, runs): (f64, usize)) {
    println!("{case}: median {median:.1} ms ({runs} runs)");
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
            median_ms(runs, || {
                let model = townscope::io::parse(text.as_bytes()).expect("parses");
                let problems = validate(&model);
                let index = Index::new(&model);
                std::hint::black_box((problems, index));
            }),
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
}
