//! Work that would stall a frame, run on a worker thread: graph metrics (one answer, a
//! [`Task`]) and the force layout of the open model (a stream of positions as it improves).

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use eframe::egui;

use super::task::{Poll, Task};
use crate::layout::{Naming, TownFit};
use crate::model::Metrics;
use crate::model::metrics::Progress;

/// The metrics of the open model: being computed, or ready.
pub enum MetricsJob {
    Running {
        result: Task<Metrics>,
        /// Source nodes done, out of `total`; cancelled when the job is dropped.
        progress: Arc<Progress>,
        total: usize,
    },
    Ready(Arc<Metrics>),
    /// The worker stopped without an answer (it panicked); the table shows no metrics.
    Failed,
}

impl MetricsJob {
    /// Starts computing the metrics of `model` on a worker thread, which asks for a repaint
    /// when it is done. Dropping the job abandons the result.
    pub fn start(graph: Arc<Vec<Vec<usize>>>, ctx: &egui::Context) -> Self {
        let total = graph.len();
        // One core stays with the window: on a large model betweenness runs for minutes.
        let cores = std::thread::available_parallelism().map_or(1, |t| t.get());
        let progress = Arc::new(Progress {
            threads: cores.saturating_sub(1).max(1),
            ..Progress::default()
        });
        let counter = Arc::clone(&progress);
        let result = Task::spawn(ctx, move || {
            if graph.len() > crate::model::metrics::ESTIMATE_ABOVE {
                // Sampled: seconds instead of most of an hour; the table says it is an estimate.
                Metrics::of_graph_approx(&graph, crate::model::metrics::APP_EPSILON).0
            } else {
                Metrics::of_graph_with_progress(&graph, Some(&counter))
            }
        });
        Self::Running {
            result,
            progress,
            total,
        }
    }

    /// Takes the result if the worker has finished.
    pub fn poll(&mut self) {
        if let Self::Running { result, .. } = self {
            match result.poll() {
                Poll::Done(metrics) => *self = Self::Ready(Arc::new(metrics)),
                Poll::Lost => *self = Self::Failed,
                Poll::Running => {}
            }
        }
    }

    pub fn ready(&self) -> Option<&Metrics> {
        match self {
            Self::Ready(metrics) => Some(metrics),
            _ => None,
        }
    }

    /// The metrics, shared, once they are ready (for a frame's context, which must not borrow
    /// the app while its panels are drawn).
    pub fn shared(&self) -> Option<Arc<Metrics>> {
        match self {
            Self::Ready(metrics) => Some(Arc::clone(metrics)),
            _ => None,
        }
    }

    /// How far the computation is, 0–1, while it runs.
    pub fn progress(&self) -> Option<f32> {
        match self {
            Self::Running {
                progress, total, ..
            } => Some(progress.done.load(Ordering::Relaxed) as f32 / (*total).max(1) as f32),
            _ => None,
        }
    }
}

impl Drop for MetricsJob {
    /// A model closed before its metrics are done stops their worker rather than leaving it to
    /// burn a core for minutes.
    fn drop(&mut self) {
        if let Self::Running { progress, .. } = self {
            progress.cancelled.store(true, Ordering::Relaxed);
        }
    }
}

/// The force layout of the open model, improving on a worker thread: each message is a newer
/// set of positions; the thread ends when the layout settles or the job is dropped.
pub struct LayoutJob {
    positions: mpsc::Receiver<Laid>,
    latest: Option<Arc<Vec<crate::layout::Point>>>,
    /// A town layout's: where each entity's name has room (with `latest`).
    sides: Option<Arc<Vec<Naming>>>,
    settled: bool,
    /// What the layout was made for: a town layout's canvas and footprints; none for the force
    /// layout alone.
    made_for: MadeFor,
}

/// One message of a layout worker: newer positions, where a town layout made room for the
/// names, and whether it has settled.
struct Laid {
    positions: Arc<Vec<crate::layout::Point>>,
    sides: Option<Arc<Vec<Naming>>>,
    settled: bool,
}

/// Positions drawn until a new layout is done, with where the names had room.
pub type Meanwhile = (Arc<Vec<crate::layout::Point>>, Option<Arc<Vec<Naming>>>);

/// What a layout was made for.
#[derive(Clone, Debug)]
pub enum MadeFor {
    /// The force layout alone (a large model, or one not yet seen).
    Force,
    /// A town layout for this canvas and these footprints.
    Town(TownFit),
    /// Positions handed in as they are (another window's, a benchmark's): kept.
    Given,
}

impl LayoutJob {
    /// Starts the layout of `graph` with the user's `pins` held in place, from where the nodes
    /// were before (`known`, per node; empty for a new model).
    pub fn start(
        graph: Arc<Vec<Vec<usize>>>,
        pins: Vec<Option<crate::layout::Point>>,
        known: Vec<Option<crate::layout::Point>>,
        ctx: &egui::Context,
    ) -> Self {
        let (sender, positions) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // From scratch a large graph is laid out level by level; after an edit, or with
            // pins, the force layout adjusts what was there.
            let mut layout = if known.iter().chain(&pins).all(Option::is_none) {
                crate::layout::Settling::from_scratch(&graph)
            } else {
                let mut layout = crate::layout::ForceLayout::new(&graph);
                layout.warm_start(&graph, &known);
                for (node, pin) in pins.into_iter().enumerate() {
                    if let Some(at) = pin {
                        layout.pin(node, at);
                    }
                }
                crate::layout::Settling::Single(layout)
            };
            // A picture of a large graph costs a mesh rebuild and a large upload: fewer of them.
            let between_pictures =
                std::time::Duration::from_millis(if graph.len() > 20_000 { 1000 } else { 30 });
            loop {
                let started = std::time::Instant::now();
                while !layout.is_settled() && started.elapsed() < between_pictures {
                    layout.step(&graph);
                }
                let settled = layout.is_settled();
                if sender
                    .send(Laid {
                        positions: Arc::new(layout.positions()),
                        sides: None,
                        settled,
                    })
                    .is_err()
                {
                    return; // the model was closed
                }
                ctx.request_repaint();
                if settled {
                    return;
                }
            }
        });
        Self {
            positions,
            latest: None,
            sides: None,
            settled: false,
            made_for: MadeFor::Force,
        }
    }

    /// Starts a town layout of `graph` for `fit` on a worker thread: from scratch, or from the
    /// `earlier` positions (and the canvas size they were made for) after an edit or a resize.
    /// Until it is done the view keeps drawing `meanwhile`.
    pub fn start_town(
        graph: Arc<Vec<Vec<usize>>>,
        pins: Vec<Option<crate::layout::Point>>,
        earlier: Option<(Vec<Option<crate::layout::Point>>, [f32; 2])>,
        fit: TownFit,
        meanwhile: Option<Meanwhile>,
        ctx: &egui::Context,
    ) -> Self {
        let (sender, positions) = mpsc::channel();
        let ctx = ctx.clone();
        let made_for = fit.clone();
        std::thread::spawn(move || {
            let earlier = earlier
                .as_ref()
                .map(|(positions, canvas)| crate::layout::Earlier {
                    positions,
                    canvas: *canvas,
                });
            let laid_out =
                crate::layout::town(&graph, &fit.footprints, &fit.canvas, earlier, &pins);
            let laid = Laid {
                positions: Arc::new(laid_out.positions),
                sides: Some(Arc::new(laid_out.sides)),
                settled: true,
            };
            if sender.send(laid).is_ok() {
                ctx.request_repaint();
            }
        });
        let (latest, sides) = meanwhile.map_or((None, None), |(p, s)| (Some(p), s));
        Self {
            positions,
            latest,
            sides,
            settled: false,
            made_for: MadeFor::Town(made_for),
        }
    }

    /// What the layout was made for.
    pub fn made_for(&self) -> &MadeFor {
        &self.made_for
    }

    /// A layout that is already done (benchmarks, tests).
    pub fn settled(positions: Vec<crate::layout::Point>) -> Self {
        Self::settled_at(Arc::new(positions))
    }

    /// A layout that is already done, shared with the window that computed it.
    pub fn settled_at(positions: Arc<Vec<crate::layout::Point>>) -> Self {
        let (_, receiver) = mpsc::channel();
        Self {
            positions: receiver,
            latest: Some(positions),
            sides: None,
            settled: true,
            made_for: MadeFor::Given,
        }
    }

    /// Takes the newest positions the worker has sent.
    pub fn poll(&mut self) {
        while let Ok(laid) = self.positions.try_recv() {
            self.latest = Some(laid.positions);
            self.sides = laid.sides;
            self.settled = laid.settled;
        }
    }

    pub fn positions(&self) -> Option<&Arc<Vec<crate::layout::Point>>> {
        self.latest.as_ref()
    }

    /// Where a town layout made room for each entity's name.
    pub fn name_sides(&self) -> Option<&Arc<Vec<Naming>>> {
        self.sides.as_ref()
    }

    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Stops improving the layout: it stays as it is now (the worker ends at its next picture).
    pub fn stop(&mut self) {
        self.poll();
        let (_, receiver) = mpsc::channel();
        self.positions = receiver;
        self.settled = true;
    }

    /// Moves one node of the latest layout (the user dragged it there).
    pub fn set_position(&mut self, node: usize, at: crate::layout::Point) {
        if let Some(p) = self
            .latest
            .as_mut()
            .and_then(|l| Arc::make_mut(l).get_mut(node))
        {
            *p = at;
        }
    }
}
