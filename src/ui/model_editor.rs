//! The parts of a model that belong to no one entity: its sources, its sectors and its
//! milestones. Each tab edits a copy of its list; when the copy differs it becomes one undoable
//! edit of that list.

use eframe::egui;

use super::View;
use super::forms::{self, Forms, Outcome};
use crate::context::Command;
use crate::edit::{Edit, Op};
use crate::model::{Date, Milestone, Sector, Source, Text};

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Sources,
    Sectors,
    Milestones,
}

/// The window's state: its tab, fields being typed, and the items being put together.
#[derive(Default)]
pub struct ModelEditor {
    pub open: bool,
    tab: Tab,
    forms: Forms,
    new_title: String,
    new_date: String,
    /// Per milestone: the text typed to find an entity to add to it.
    entity_query: Vec<String>,
}

impl ModelEditor {
    /// Opens the window on the model's sources (a new model's first is to be filled in).
    pub fn open_on_sources(&mut self) {
        self.open = true;
        self.tab = Tab::Sources;
    }
}

pub fn window(
    ctx: &egui::Context,
    view: &View<'_>,
    editor: &mut ModelEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let mut open = editor.open;
    super::tool_window(s.editing.model_editor_title)
        .open(&mut open)
        .default_width(620.0)
        .default_height(560.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (tab, title) in [
                    (Tab::Sources, s.views.sources),
                    (Tab::Sectors, s.views.sectors),
                    (Tab::Milestones, s.views.milestones),
                ] {
                    if ui.selectable_label(editor.tab == tab, title).clicked() {
                        editor.tab = tab;
                        editor.new_title.clear();
                        editor.new_date.clear();
                    }
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match editor.tab {
                    Tab::Sources => sources(ui, view, editor, commands),
                    Tab::Sectors => sectors(ui, view, editor, commands),
                    Tab::Milestones => milestones(ui, view, editor, commands),
                });
        });
    editor.open = open;
}

/// A list edited as a copy (`draft`): when it differs from the model's, one edit that sets it
/// ("edit sources"), typing merged into one step per field.
fn ask_for_list<T: PartialEq>(
    view: &View<'_>,
    commands: &mut Vec<Command>,
    what: &str,
    draft: Vec<T>,
    original: &[T],
    set: fn(Vec<T>) -> Op,
    outcome: Outcome,
) {
    if outcome.changed && draft.as_slice() != original {
        let label = format!("{} {what}", view.s().editing.verb_edit);
        push_edit(view, commands, label, set(draft), outcome);
    }
}

/// Turns a changed copy of a list into an edit (typing merges into one step per field).
fn push_edit(
    view: &View<'_>,
    commands: &mut Vec<Command>,
    label: String,
    op: Op,
    outcome: Outcome,
) {
    let edit = Edit::new(label, vec![op]);
    commands.push(view.edit(edit.merging_if(outcome.merge)));
}

fn sources(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editor: &mut ModelEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let cited = model.citation_counts();
    let mut draft = model.sources.clone();
    let mut outcome = Outcome::default();
    let mut remove = None;
    ui.horizontal(|ui| {
        if let Some(title) = forms::new_item(
            ui,
            s.editing.source_title,
            "",
            &mut editor.new_title,
            260.0,
            s.editing.add_source,
        ) {
            let id =
                crate::model::fresh_id("source", |id| model.sources.iter().any(|s| s.id == id));
            draft.push(Source {
                id,
                title,
                publisher: String::new(),
                date: None,
                locator: String::new(),
                note: String::new(),
            });
            editor.new_title.clear();
            outcome.step();
        }
    });
    ui.separator();
    for (i, source) in draft.iter_mut().enumerate() {
        let uses = cited.get(source.id.as_str()).copied().unwrap_or(0);
        let key = format!("source/{}", source.id);
        egui::CollapsingHeader::new(format!("{} · {}", source.id, source.display_name()))
            .id_salt(&key)
            .show(ui, |ui| {
                egui::Grid::new((&key, "grid"))
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        for (field, label, text, multiline) in [
                            ("title", s.editing.source_title, &mut source.title, false),
                            ("publisher", s.views.publisher, &mut source.publisher, false),
                            ("locator", s.views.locator, &mut source.locator, false),
                            ("note", s.views.description, &mut source.note, true),
                        ] {
                            if forms::text_row(ui, label, text, multiline) {
                                outcome.typed(format!("{key}/{field}"));
                            }
                            ui.end_row();
                        }
                        let label = ui.label(s.editing.source_date);
                        if editor
                            .forms
                            .date(ui, &format!("{key}/date"), &mut source.date, label.id)
                        {
                            outcome.typed(format!("{key}/date"));
                        }
                        ui.end_row();
                    });
                ui.horizontal(|ui| {
                    ui.weak(crate::i18n::cited_times(uses, view.lang));
                    // A cited source cannot go: its citations would point at nothing.
                    if ui
                        .add_enabled(uses == 0, egui::Button::new(s.editing.delete_source))
                        .on_disabled_hover_text(s.editing.source_in_use)
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            });
    }
    outcome.remove_from(&mut draft, remove);
    ask_for_list(
        view,
        commands,
        s.views.sources,
        draft,
        &model.sources,
        Op::SetSources,
        outcome,
    );
}

fn sectors(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editor: &mut ModelEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let used = model.sector_counts();
    let mut draft = model.sectors.clone();
    let mut outcome = Outcome::default();
    let mut remove = None;
    ui.horizontal(|ui| {
        if let Some(name) = forms::new_item(
            ui,
            s.editing.new_sector_name,
            "",
            &mut editor.new_title,
            200.0,
            s.editing.add_sector,
        ) {
            let id =
                crate::model::fresh_id("sector", |id| model.sectors.iter().any(|s| s.id == id));
            let name = if view.zh() {
                Text::new(&name, "")
            } else {
                Text::new("", &name)
            };
            draft.push(Sector { id, name });
            editor.new_title.clear();
            outcome.step();
        }
    });
    ui.separator();
    egui::Grid::new("sectors-grid")
        .num_columns(4)
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let zh = ui.strong(s.editing.text_zh).id;
            let en = ui.strong(s.editing.text_en).id;
            ui.strong(s.views.entities);
            ui.label("");
            ui.end_row();
            for (i, sector) in draft.iter_mut().enumerate() {
                let uses = used.get(sector.id.as_str()).copied().unwrap_or(0);
                let key = format!("sector/{}", sector.id);
                if ui
                    .add(egui::TextEdit::singleline(&mut sector.name.zh).desired_width(160.0))
                    .labelled_by(zh)
                    .changed()
                {
                    outcome.typed(format!("{key}/zh"));
                }
                if ui
                    .add(egui::TextEdit::singleline(&mut sector.name.en).desired_width(200.0))
                    .labelled_by(en)
                    .changed()
                {
                    outcome.typed(format!("{key}/en"));
                }
                ui.label(uses.to_string());
                // A sector in use cannot go: its entities would name a sector that is not there.
                if ui
                    .add_enabled(uses == 0, egui::Button::new("×").small())
                    .on_hover_text(s.editing.delete_sector)
                    .on_disabled_hover_text(s.editing.sector_in_use)
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    outcome.remove_from(&mut draft, remove);
    ask_for_list(
        view,
        commands,
        s.views.sectors,
        draft,
        &model.sectors,
        Op::SetSectors,
        outcome,
    );
}

fn milestones(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editor: &mut ModelEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let mut draft = model.milestones.clone();
    let mut outcome = Outcome::default();
    let mut remove = None;
    ui.horizontal_wrapped(|ui| new_milestone(ui, view, editor, &mut draft, &mut outcome));
    ui.separator();
    editor.entity_query.resize(draft.len(), String::new());
    for (m, milestone) in draft.iter_mut().enumerate() {
        let key = format!("milestone/{m}");
        let title = format!("{} {}", milestone.date, milestone.title.get(view.lang));
        egui::CollapsingHeader::new(title)
            .id_salt(&key)
            .show(ui, |ui| {
                egui::Grid::new((&key, "grid"))
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        let label = ui.label(s.editing.point_date);
                        if editor.forms.required_date(
                            ui,
                            &format!("{key}/date"),
                            &mut milestone.date,
                            label.id,
                        ) {
                            outcome.typed(format!("{key}/date"));
                        }
                        ui.end_row();
                        forms::bilingual_text(
                            ui,
                            view,
                            s.editing.source_title,
                            &mut milestone.title,
                            false,
                            &format!("{key}/title"),
                            &mut outcome,
                        );
                        forms::bilingual_text(
                            ui,
                            view,
                            s.views.description,
                            &mut milestone.description,
                            true,
                            &format!("{key}/description"),
                            &mut outcome,
                        );
                    });
                ui.strong(s.views.entities);
                // One query per milestone: the list was resized to the milestones above.
                if let Some(query) = editor.entity_query.get_mut(m) {
                    milestone_entities(ui, view, milestone, query, &mut outcome);
                }
                ui.strong(s.views.sources);
                forms::cites(
                    ui,
                    view,
                    &format!("{key}/sources"),
                    &mut milestone.sources,
                    &mut outcome,
                );
                if ui
                    .button(s.editing.delete_milestone)
                    .on_hover_text(s.editing.delete_milestone_hint)
                    .clicked()
                {
                    remove = Some(m);
                }
            });
    }
    if let Some(m) = remove.filter(|&m| m < editor.entity_query.len()) {
        editor.entity_query.remove(m);
    }
    outcome.remove_from(&mut draft, remove);
    ask_for_list(
        view,
        commands,
        s.views.milestones,
        draft,
        &model.milestones,
        Op::SetMilestones,
        outcome,
    );
}

/// A new milestone: its date and title; it is added when both are given.
fn new_milestone(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editor: &mut ModelEditor,
    draft: &mut Vec<Milestone>,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let label = ui.label(s.editing.point_date);
    ui.add(
        egui::TextEdit::singleline(&mut editor.new_date)
            .hint_text("YYYY-MM-DD")
            .desired_width(110.0),
    )
    .labelled_by(label.id);
    let label = ui.label(s.editing.source_title);
    ui.add(egui::TextEdit::singleline(&mut editor.new_title).desired_width(220.0))
        .labelled_by(label.id);
    let date = editor.new_date.trim().parse::<Date>().ok();
    let title = editor.new_title.trim().to_owned();
    if ui
        .add_enabled(
            date.is_some() && !title.is_empty(),
            egui::Button::new(s.editing.add_milestone),
        )
        .on_disabled_hover_text(s.editing.milestone_needs)
        .clicked()
        && let Some(date) = date
    {
        let title = if view.zh() {
            Text::new(&title, "")
        } else {
            Text::new("", &title)
        };
        draft.push(Milestone {
            date,
            title,
            description: Text::default(),
            entities: Vec::new(),
            sources: Vec::new(),
            disputed: None,
            inferred: Vec::new(),
        });
        editor.new_title.clear();
        editor.new_date.clear();
        outcome.step();
    }
}

/// The entities a milestone is about: remove one, or find another by name and add it.
fn milestone_entities(
    ui: &mut egui::Ui,
    view: &View<'_>,
    milestone: &mut Milestone,
    query: &mut String,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let model = view.model();
    let mut gone = None;
    for (e, id) in milestone.entities.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(s.editing.remove_from_milestone)
                .clicked()
            {
                gone = Some(e);
            }
            ui.label(view.name_of_id(id));
        });
    }
    outcome.remove_from(&mut milestone.entities, gone);
    let label = ui.label(s.editing.add_entity_to_milestone);
    ui.add(
        egui::TextEdit::singleline(query)
            .hint_text(s.views.search_hint)
            .desired_width(240.0),
    )
    .labelled_by(label.id);
    if !query.trim().is_empty() {
        let mut added = None;
        for entity in view
            .search(query)
            .into_iter()
            .filter_map(|i| model.entities.get(i))
            .filter(|e| !milestone.entities.contains(&e.id))
            .take(6)
        {
            if ui.selectable_label(false, view.name(entity)).clicked() {
                added = Some(entity.id.clone());
            }
        }
        if let Some(id) = added {
            milestone.entities.push(id);
            query.clear();
            outcome.step();
        }
    }
}
