//! What the app does for each command the panels, menus and shortcuts ask for: applied once,
//! after the frame's UI; edits go to the document, the one place the model changes.

use super::*;
use crate::ui::file_chooser::Purpose;

impl TownscopeApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::App(AppCommand::Open) => self.guarded(ctx, Pending::OpenDialog),
            Command::App(AppCommand::NewModel) => self.guarded(ctx, Pending::NewModel),
            Command::App(AppCommand::CompareWith) => self.start_compare(None),
            Command::CloseComparison => self.runtime.comparison = None,
            Command::MergeImport => self.merge_import(),
            Command::OpenImport => self.open_import(ctx),
            Command::CancelImport => self.runtime.import_preview = None,
            Command::ImportAs(encoding) => self.import_again_as(encoding),
            Command::ImportWithTypes(choices) => self.import_again_with(choices),
            Command::App(AppCommand::Import) => self.choose_file(Purpose::Import),
            Command::App(AppCommand::ExportWorkbook) => self.choose_file(Purpose::ExportWorkbook),
            Command::App(AppCommand::ExportGraph) => self.choose_file(Purpose::ExportGraph),
            Command::App(AppCommand::ExportBriefing) => self.choose_file(Purpose::ExportBriefing),
            Command::App(AppCommand::ExportDeck) => self.choose_file(Purpose::ExportDeck),
            Command::ExportCsv(table) => self.choose_file(Purpose::ExportCsv(table)),
            Command::App(AppCommand::EditIndicators) => self.runtime.indicators.open = true,
            Command::App(AppCommand::EditModel) => self.runtime.model_editor.open = true,
            Command::SetYear(year) => self.state.year = year,
            Command::App(AppCommand::EditStory) => self.runtime.story.open = true,
            Command::App(AppCommand::ExportView) => self.start_export_view(),
            Command::App(AppCommand::ExportSlides) => self.start_export_slides(),
            Command::App(AppCommand::AddSlide) => self.add_slide(),
            Command::App(AppCommand::ShowOverview) => self.state.central = CentralView::Overview,
            Command::App(AppCommand::ShowNetwork) => self.state.central = CentralView::Network,
            Command::App(AppCommand::ShowTable) => self.state.central = CentralView::Table,
            Command::App(AppCommand::ShowTimeline) => self.state.central = CentralView::Timeline,
            Command::App(AppCommand::Find) => self.focus_search(ctx),
            Command::App(AppCommand::Palette) => self.runtime.palette.open_now(),
            Command::App(AppCommand::Shortcuts) => {
                self.runtime.shortcuts_open = !self.runtime.shortcuts_open;
            }
            Command::App(AppCommand::FitView) => {
                self.state.central = CentralView::Network;
                self.runtime.network.camera.fit_pending = true;
            }
            Command::App(AppCommand::ToggleYear) => {
                self.state.year = match self.state.year {
                    Some(_) => None,
                    None => self.doc.model().year_span().map(|(_, last)| last),
                };
            }
            Command::App(AppCommand::SwitchLanguage) => {
                self.state.lang = match self.state.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
            }
            Command::App(AppCommand::ThemeSystem) => self.set_theme(ctx, ThemeChoice::System),
            Command::App(AppCommand::ThemeLight) => self.set_theme(ctx, ThemeChoice::Light),
            Command::App(AppCommand::ThemeDark) => self.set_theme(ctx, ThemeChoice::Dark),
            Command::App(AppCommand::ZoomIn) => egui::gui_zoom::zoom_in(ctx),
            Command::App(AppCommand::ZoomOut) => egui::gui_zoom::zoom_out(ctx),
            Command::App(AppCommand::ZoomReset) => ctx.set_zoom_factor(1.0),
            Command::ShowSlide(slide) => self.show_slide(ctx, slide),
            Command::PresentFrom(slide) => self.start_presenting(ctx, slide),
            Command::App(AppCommand::Present) => self.start_presenting(ctx, 0),
            Command::App(AppCommand::Quit) => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::App(AppCommand::Save) => {
                self.save();
            }
            Command::App(AppCommand::SaveAs) => self.start_save_as(),
            Command::App(AppCommand::Undo) => self.step_history(false),
            Command::App(AppCommand::Redo) => self.step_history(true),
            Command::Edit(edit) => self.edit(edit),
            Command::Unsaved(answer) => self.answer_unsaved(ctx, answer),
            Command::SetEditing(on) => self.state.editing = on,
            Command::Restore(restore) => self.restore(restore),
            Command::App(AppCommand::ToggleProblems) => {
                self.state.problems_open = !self.state.problems_open;
            }
            Command::App(AppCommand::ToggleSidePanels) => {
                self.state.side_panels_hidden = !self.state.side_panels_hidden;
            }
            Command::App(AppCommand::About) => self.runtime.about_open = true,
            Command::OpenPath(path) => self.guarded(ctx, Pending::Open(path)),
            Command::OpenEmbedded => self.guarded(ctx, Pending::OpenEmbedded),
            Command::SetLang(lang) => self.state.lang = lang,
            Command::Select(id) => {
                self.runtime.history.visit(self.state.selected.take(), &id);
                self.state.selected = Some(id);
            }
            Command::App(AppCommand::Back) => {
                if let Some(previous) = self.runtime.history.back.pop()
                    && let Some(current) = self.state.selected.replace(previous)
                {
                    self.runtime.history.forward.push(current);
                }
            }
            Command::App(AppCommand::Forward) => {
                if let Some(next) = self.runtime.history.forward.pop()
                    && let Some(current) = self.state.selected.replace(next)
                {
                    self.runtime.history.back.push(current);
                }
            }
            Command::Pin(id, at) => {
                let s = strings(self.state.lang);
                let Some(entity) = self.doc.index().get(&id) else {
                    return;
                };
                let name = self
                    .doc
                    .model()
                    .entities
                    .get(entity)
                    .map(|e| e.name.get(self.state.lang).to_owned())
                    .unwrap_or_default();
                if let Some(edit) =
                    self.doc
                        .pin_edit(&id, at, format!("{} {name}", s.editing.verb_move))
                {
                    self.edit(edit);
                    // The edit does not move entities in the list, so the index still holds.
                    if let Some(layout) = &mut self.runtime.layout {
                        layout.set_position(entity, at);
                    }
                }
            }
            Command::LayOutFor(fit) => self.lay_out_for(fit),
            Command::Cancel(work) => self.cancel(work),
            Command::CloseAbout => self.runtime.about_open = false,
            Command::DismissError => self.runtime.trouble = None,
            Command::DismissNotice => self.runtime.notice = None,
        }
    }

    /// Applies an edit to the document, as a panel's request does; restarts the metrics and the
    /// layout if the graph changed. Public for the benchmarks, which time an edit and the frame
    /// after it.
    pub fn edit(&mut self, edit: crate::edit::Edit) {
        // An edit that does not fit (a bug, or one built for an earlier state) is refused.
        self.change(|doc| doc.apply(edit).err().map(Notice::EditRefused));
    }

    /// Runs an edit, undo or redo. When the graph changed, the metrics start over and the layout
    /// restarts from where each entity was drawn (by id, since an edit can shift indices).
    pub(super) fn change(&mut self, change: impl FnOnce(&mut Document) -> Option<Notice>) {
        let graph_before = Arc::clone(self.doc.graph());
        let drawn_before = self
            .runtime
            .layout
            .as_ref()
            .and_then(|layout| layout.positions().map(Arc::clone));
        if let Some(notice) = change(&mut self.doc) {
            self.runtime.notice = Some(notice);
        }
        if Arc::ptr_eq(&graph_before, self.doc.graph()) {
            return;
        }
        self.runtime.metrics = Some(jobs::MetricsJob::start(
            Arc::clone(self.doc.graph()),
            &self.runtime.ctx,
        ));
        let made_for = self.runtime.layout.as_ref().map(|l| l.made_for().clone());
        // The graph changes only with the structure, so the index from before the change says
        // where each entity was drawn.
        let before = self.doc.index_before();
        self.runtime.layout = drawn_before.zip(before).map(|(positions, before)| {
            let known = self
                .doc
                .model()
                .entities
                .iter()
                .map(|e| before.get(&e.id).and_then(|i| positions.get(i).copied()))
                .collect::<Vec<_>>();
            match made_for {
                // A town layout keeps each entity where it was and places the new ones.
                Some(jobs::MadeFor::Town(fit)) => {
                    let frame = fit.frame();
                    let middle = [frame[1][0] / 2.0, frame[1][1] / 2.0];
                    let meanwhile: Vec<_> = known.iter().map(|p| p.unwrap_or(middle)).collect();
                    jobs::LayoutJob::start_town(
                        Arc::clone(self.doc.graph()),
                        self.doc.pins().to_vec(),
                        Some((known, fit.canvas.size)),
                        fit,
                        Some((Arc::new(meanwhile), None)),
                        &self.runtime.ctx,
                    )
                }
                _ => jobs::LayoutJob::start(
                    Arc::clone(self.doc.graph()),
                    self.doc.pins().to_vec(),
                    known,
                    &self.runtime.ctx,
                ),
            }
        });
    }

    /// Lays the town out for the canvas and footprints the network view asks for: from scratch
    /// the first time, from where each entity is drawn after that (a resize keeps the picture).
    fn lay_out_for(&mut self, fit: crate::layout::TownFit) {
        let n = self.doc.model().entities.len();
        let (earlier, meanwhile) = match &self.runtime.layout {
            Some(layout) => {
                let positions = layout.positions().filter(|p| p.len() == n).cloned();
                let earlier = match layout.made_for() {
                    jobs::MadeFor::Town(made) => positions
                        .as_ref()
                        .map(|p| (p.iter().copied().map(Some).collect(), made.canvas.size)),
                    _ => None,
                };
                let sides = layout.name_sides().cloned();
                (earlier, positions.map(|p| (p, sides)))
            }
            None => (None, None),
        };
        self.runtime.layout = Some(jobs::LayoutJob::start_town(
            Arc::clone(self.doc.graph()),
            self.doc.pins().to_vec(),
            earlier,
            fit,
            meanwhile,
            &self.runtime.ctx,
        ));
    }

    /// The commands whose shortcuts were pressed this frame. Presenting, none: the keys drive
    /// the slides. While a text field has the keyboard, only those that mean nothing to text.
    pub(super) fn shortcuts_pressed(&self, ctx: &egui::Context) -> Vec<Command> {
        if self.is_presenting() {
            return Vec::new();
        }
        let typing = ctx.egui_wants_keyboard_input();
        // Those with more modifiers first: Ctrl+Z also matches Ctrl+Shift+Z.
        let mut order = AppCommand::ALL;
        order.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                usize::from(s.modifiers.shift) + usize::from(s.modifiers.alt)
            }))
        });
        order
            .iter()
            .filter(|c| !typing || c.works_while_typing())
            .filter(|c| {
                [c.shortcut(), c.other_shortcut()]
                    .into_iter()
                    .flatten()
                    .any(|s| ctx.input_mut(|i| i.consume_shortcut(&s)))
            })
            .map(|&c| Command::App(c))
            .collect()
    }

    /// Ctrl+F: the keyboard goes to the search field of what the window shows.
    pub(super) fn focus_search(&mut self, ctx: &egui::Context) {
        let field = match self.state.central {
            CentralView::Network => ui::network::SEARCH_ID,
            CentralView::Table => ui::table::FILTER_ID,
            CentralView::Overview | CentralView::Timeline => ui::browser::SEARCH_ID,
        };
        ctx.memory_mut(|m| m.request_focus(egui::Id::unique(field)));
    }

    /// Undo (or redo) one step; a step that cannot apply stays, and the notice says why.
    pub(super) fn step_history(&mut self, redo: bool) {
        self.change(|doc| {
            let history = doc.history();
            let label = if redo {
                history.redo_label()
            } else {
                history.undo_label()
            };
            let label = label.unwrap_or_default().to_owned();
            let result = if redo { doc.redo() } else { doc.undo() };
            result
                .err()
                .map(|error| Notice::HistoryFailed { redo, label, error })
        });
    }

    pub(super) fn set_theme(&mut self, ctx: &egui::Context, choice: ThemeChoice) {
        self.state.theme = choice;
        ctx.set_theme(choice.preference());
    }

    /// Stops `work`: the UI drops its result; a layout stays where it has got to.
    pub(super) fn cancel(&mut self, work: Work) {
        match work {
            Work::Opening => {
                self.runtime.opening = None;
                self.runtime.notice = Some(Notice::OpeningCancelled);
            }
            Work::Metrics => {
                // Dropping the job stops its workers.
                self.runtime.metrics = Some(jobs::MetricsJob::Failed);
                self.runtime.notice = Some(Notice::MetricsCancelled);
            }
            Work::Layout => {
                if let Some(layout) = &mut self.runtime.layout {
                    layout.stop();
                }
            }
        }
    }

    /// The long work under way, for the status bar.
    pub fn work_shown(&self) -> Vec<WorkShown> {
        let s = strings(self.state.lang);
        let mut shown = Vec::new();
        if let Some(Opening { name, .. }) = &self.runtime.opening {
            shown.push(WorkShown {
                work: Work::Opening,
                what: format!("{} {name}…", s.files.opening),
                progress: None,
            });
        }
        if let Some(progress) = self
            .runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::progress)
        {
            shown.push(WorkShown {
                work: Work::Metrics,
                what: s.views.computing_metrics.to_owned(),
                progress: Some(progress),
            });
        }
        if self
            .runtime
            .layout
            .as_ref()
            .is_some_and(|layout| !layout.is_settled())
        {
            shown.push(WorkShown {
                work: Work::Layout,
                what: s.network.computing_layout.to_owned(),
                progress: None,
            });
        }
        shown
    }
}
