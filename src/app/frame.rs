//! One frame of the window: background work picked up, the panels laid out around the centre,
//! the windows on top, then the commands they asked for applied.

use super::*;

impl eframe::App for TownscopeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_settings(storage);
    }
}

impl TownscopeApp {
    /// One frame of the whole window. Needs no `eframe::Frame`, so benchmarks can run it headless.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.pick_up_work(&ctx);
        self.keep_recovery_copy(&ctx);
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_modified()
            && !self.runtime.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.runtime.guard = Some(Pending::Close);
        }
        self.presentation_frame(&ctx);
        let mut commands = self.shortcuts_pressed(&ctx);
        commands.extend(self.dropped_files(&ctx).into_iter().map(Command::OpenPath));

        // Presenting: no menus, panels or editing controls; the slide's caption below its view.
        let presenting = self.presentation().map(|p| Presenting {
            slide: p.slide,
            blank: p.blank,
        });
        let compared = self.compared_entities();
        let selected = self.state.selected.clone();
        let work = self.work_shown();
        let search = std::rc::Rc::clone(&self.runtime.search);
        let metrics = self
            .runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::shared);
        let mut view = ui::View::new(
            &self.doc,
            self.state.lang,
            selected.as_deref(),
            self.state.year,
            self.state.theme,
            &search,
        );
        view.can_go_back = !self.runtime.history.back.is_empty();
        view.can_go_forward = !self.runtime.history.forward.is_empty();
        view.metrics = metrics.as_deref();
        view.metrics_progress = self
            .runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::progress);
        view.presenting = presenting.is_some();
        view.compared = &compared;
        view.gpu_network = self.runtime.gpu_network;
        if !view.presenting {
            panels(
                ui,
                &view,
                &mut self.state,
                &mut self.runtime,
                &work,
                &mut commands,
            );
        }
        if let Some(Presenting {
            slide,
            blank: false,
        }) = presenting
            && !self.runtime.deck_pictures
        {
            ui::present::caption(ui, &view, slide);
        }
        centre(
            ui,
            &view,
            presenting,
            &mut self.state,
            &mut self.runtime,
            &mut commands,
        );
        windows(&ctx, &view, &mut self.runtime, &mut commands);

        for command in commands {
            self.apply(&ctx, command);
        }
        self.update_title(&ctx);
    }

    /// Picks up what background work has finished: dialogs' answers, files opened or compared,
    /// pictures drawn, metrics computed.
    fn pick_up_work(&mut self, ctx: &egui::Context) {
        self.poll_choosing(ctx);
        self.poll_open();
        self.poll_compare();
        self.poll_import();
        self.poll_export_file();
        self.poll_picture(ctx);
        if let Some(job) = &mut self.runtime.metrics {
            job.poll();
            if job.progress().is_some() {
                // Keep the progress bar moving; the worker's own repaint ends the wait.
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }

    /// Writes the recovery copy of unsaved changes when one is due; clears it once there are
    /// none (saved, or undone back to the saved state).
    fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &mut self.runtime.recovery else {
            return;
        };
        if !self.doc.is_modified() {
            if recovery.has_copy() {
                recovery.clear();
            }
            return;
        }
        let now = ctx.input(|i| i.time);
        let written = recovery.maybe_write(
            self.doc.model(),
            self.doc.origin(),
            self.doc.revision(),
            now,
        );
        if let recovery::Written::Failed {
            first: true,
            message,
        } = written
        {
            self.runtime.notice = Some(Notice::RecoveryWriteFailed(message));
        }
        // Come back when the next copy is due, even if the user does nothing meanwhile.
        if recovery.is_behind(self.doc.revision()) {
            ctx.request_repaint_after(recovery::DELAY);
        }
    }

    /// The entities a listed comparison says changed, marked in the network.
    fn compared_entities(&self) -> Vec<usize> {
        self.runtime
            .comparison
            .iter()
            .flat_map(|c| c.changes.iter())
            .filter_map(|change| change.entity().and_then(|id| self.doc.index().get(id)))
            .collect()
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{} — {}{} — Townscope",
            self.doc.model().name.get(self.state.lang),
            crate::i18n::origin_name(self.doc.origin(), self.state.lang),
            if self.doc.is_modified() { " *" } else { "" }
        );
        if title != self.runtime.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.runtime.shown_title = title;
        }
    }
}

/// The centre needs this many points for the view tabs and the year control on one line.
const TABS_AND_YEAR_WIDTH: f32 = 900.0;

/// The slide being presented, as this frame draws it.
#[derive(Clone, Copy)]
struct Presenting {
    slide: usize,
    /// Blanked (B): black, nothing else.
    blank: bool,
}

/// The menu bar, the status bar, the comparison and problem lists, the browser and the details.
fn panels(
    ui: &mut egui::Ui,
    view: &ui::View<'_>,
    state: &mut UiState,
    runtime: &mut Runtime,
    work: &[WorkShown],
    commands: &mut Vec<Command>,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| ui::menu::ui(ui, view, &state.recent, commands));
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        let notice = runtime.notice.as_ref().map(|n| n.text(view.lang));
        ui::status::ui(ui, view, notice.as_deref(), work, commands);
    });
    if let Some(comparison) = &runtime.comparison {
        egui::Panel::bottom("comparison")
            .default_size(160.0)
            .size_range(80.0..=400.0)
            .resizable(true)
            .show(ui, |ui| {
                ui::status::comparison(ui, view, comparison, commands)
            });
    }
    if state.problems_open {
        egui::Panel::bottom("problems")
            .default_size(160.0)
            .size_range(80.0..=400.0)
            .resizable(true)
            .show(ui, |ui| ui::status::problems(ui, view, commands));
    }
    if state.side_panels_hidden {
        return;
    }
    egui::Panel::left("browser")
        .default_size(250.0)
        .size_range(180.0..=420.0)
        .resizable(true)
        .show(ui, |ui| {
            ui::browser::ui(ui, view, &mut state.search, &mut runtime.browser, commands)
        });
    egui::Panel::right("details")
        .default_size(380.0)
        .size_range(260.0..=600.0)
        .resizable(true)
        .show(ui, |ui| {
            ui::details::ui(ui, view, state.editing, &mut runtime.editor, commands)
        });
}

/// The centre of the window: the view tabs and the year bar, then the view chosen (or the
/// slide's, presenting).
fn centre(
    ui: &mut egui::Ui,
    view: &ui::View<'_>,
    presenting: Option<Presenting>,
    state: &mut UiState,
    runtime: &mut Runtime,
    commands: &mut Vec<Command>,
) {
    let slide_view = presenting
        .and_then(|p| view.model().story.get(p.slide))
        .map(|slide| slide.view);
    egui::CentralPanel::default().show(ui, |ui| {
        runtime.central_rect = Some(ui.max_rect());
        if presenting.is_some_and(|p| p.blank) {
            // Blanked: the whole screen black, frames and margins too, over every layer.
            let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("blank"));
            let screen = ui.ctx().viewport_rect();
            ui.ctx()
                .layer_painter(layer)
                .rect_filled(screen, 0.0, egui::Color32::BLACK);
            return;
        }
        if !view.presenting {
            // The year control beside the view tabs where there is room for it; where there is
            // not (1280×720 with both side panels), its slider and Play on a line of their own,
            // wrapped there: never under the details panel. The switch stays where it is.
            let one_line = ui.available_width() >= TABS_AND_YEAR_WIDTH;
            let mut span = None;
            ui.horizontal(|ui| {
                for (shown, command) in [
                    (CentralView::Overview, AppCommand::ShowOverview),
                    (CentralView::Network, AppCommand::ShowNetwork),
                    (CentralView::Table, AppCommand::ShowTable),
                    (CentralView::Timeline, AppCommand::ShowTimeline),
                ] {
                    ui.selectable_value(&mut state.central, shown, command.label(view.lang))
                        .on_hover_text(command.hover_text(ui.ctx(), view.lang));
                }
                ui.separator();
                span = ui::timebar::switch(ui, view, &mut runtime.timebar, commands);
                if one_line && let Some(span) = span {
                    ui::timebar::controls(ui, view, &mut runtime.timebar, span, commands);
                }
            });
            if !one_line && let Some(span) = span {
                ui.horizontal_wrapped(|ui| {
                    ui::timebar::controls(ui, view, &mut runtime.timebar, span, commands);
                });
            }
            ui.separator();
        }
        match slide_view {
            Some(crate::model::SlideView::Details) => {
                let mut editor = ui::entity_editor::EditorState::default();
                ui::details::ui(ui, view, false, &mut editor, commands);
                return;
            }
            Some(crate::model::SlideView::Timeline) => {
                ui::timeline::ui(ui, view, &mut runtime.timeline, commands);
                return;
            }
            _ => {}
        }
        match state.central {
            CentralView::Overview => {
                let mut choice = ui::overview::ChartChoice {
                    indicator: state.chart_indicator.clone(),
                    by_sector: state.bars_by_sector,
                };
                ui::overview::ui(ui, view, &mut choice, commands);
                state.chart_indicator = choice.indicator;
                state.bars_by_sector = choice.by_sector;
            }
            CentralView::Network => {
                // A town-sized model waits for the view to say what canvas and footprints its
                // layout is for (`Command::LayOutFor`); a larger one starts the force layout.
                if runtime.layout.is_none() && view.doc.graph().len() > crate::layout::TOWN_LIMIT {
                    runtime.layout = Some(jobs::LayoutJob::start(
                        Arc::clone(view.doc.graph()),
                        view.doc.pins().to_vec(),
                        Vec::new(),
                        ui.ctx(),
                    ));
                }
                if let Some(layout) = &mut runtime.layout {
                    layout.poll();
                }
                let layout = runtime.layout.as_ref();
                let force = ui::network::ForceLayout {
                    positions: layout.and_then(jobs::LayoutJob::positions),
                    settled: layout.is_some_and(jobs::LayoutJob::is_settled),
                    town: layout.and_then(|l| match l.made_for() {
                        jobs::MadeFor::Town(fit) => Some(fit),
                        _ => None,
                    }),
                    given: layout.is_some_and(|l| matches!(l.made_for(), jobs::MadeFor::Given)),
                    name_sides: layout.and_then(jobs::LayoutJob::name_sides),
                };
                ui::network::ui(
                    ui,
                    view,
                    force,
                    &mut state.network,
                    &mut runtime.network,
                    commands,
                );
            }
            CentralView::Timeline => ui::timeline::ui(ui, view, &mut runtime.timeline, commands),
            CentralView::Table => ui::table::ui(
                ui,
                view,
                &mut state.table_sort,
                &mut state.table_filter,
                &mut runtime.table,
                commands,
            ),
        }
    });
}

/// The windows over the panels: errors, questions, editors, About, the palette.
fn windows(
    ctx: &egui::Context,
    view: &ui::View<'_>,
    runtime: &mut Runtime,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    if let Some(trouble) = &runtime.trouble {
        ui::dialogs::trouble(ctx, &trouble.shown(lang), lang, commands);
    }
    if runtime.guard.is_some() {
        ui::dialogs::unsaved(ctx, view.doc, lang, commands);
    }
    if runtime.story.open && !view.presenting {
        ui::story::window(ctx, view, &mut runtime.story, commands);
    }
    if runtime.indicators.open {
        ui::indicator_editor::window(ctx, view, &mut runtime.indicators, commands);
    }
    if runtime.model_editor.open {
        ui::model_editor::window(ctx, view, &mut runtime.model_editor, commands);
    }
    if let Some(found) = &runtime.recovered {
        ui::dialogs::recovery(ctx, found, lang, commands);
    }
    if let Some(preview) = &runtime.import_preview {
        ui::import_preview::window(ctx, view, preview, commands);
    }
    if runtime.about_open {
        ui::dialogs::about(ctx, view.doc, lang, commands);
    }
    if !view.presenting {
        if runtime.shortcuts_open {
            ui::shortcuts::window(ctx, view, &mut runtime.shortcuts_open);
        }
        ui::palette::ui(ctx, view, &mut runtime.palette, commands);
    }
}
