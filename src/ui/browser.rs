//! The entity browser: every entity grouped by kind, with counts and a search over both names.
//! Virtual-scrolled: only the rows on screen are laid out, so 100k entities cost what 30 do.

use std::collections::BTreeSet;

use eframe::egui;

use super::{View, kind_swatch};
use crate::context::Command;
use crate::i18n::entity_kind_plural;
use crate::model::EntityKind;

/// The search field's id, so Ctrl+F can put the keyboard there.
pub const SEARCH_ID: &str = "browser-search";

/// One line of the browser.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Group(EntityKind, usize),
    Entity(usize),
}

/// The rows, kept until the model, the search or the open groups change.
#[derive(Default)]
pub struct BrowserState {
    /// Groups the user has closed.
    closed: BTreeSet<EntityKind>,
    key: Option<(u64, String, BTreeSet<EntityKind>)>,
    rows: Vec<Row>,
}

impl BrowserState {
    fn refresh(&mut self, view: &View<'_>, search: &str) {
        let key = (view.doc.revision(), search.to_owned(), self.closed.clone());
        if self.key.as_ref() != Some(&key) {
            let model = view.model();
            let matches = view.search(search);
            // While searching every group with a match is open, so no match is hidden.
            let searching = !search.trim().is_empty();
            let mut groups: Vec<Vec<usize>> = vec![Vec::new(); EntityKind::ALL.len()];
            for i in matches {
                let Some(entity) = model.entities.get(i) else {
                    continue;
                };
                if let Some(group) = EntityKind::ALL
                    .iter()
                    .position(|k| *k == entity.kind)
                    .and_then(|g| groups.get_mut(g))
                {
                    group.push(i);
                }
            }
            self.rows.clear();
            for (kind, members) in EntityKind::ALL.into_iter().zip(groups) {
                if members.is_empty() {
                    continue;
                }
                self.rows.push(Row::Group(kind, members.len()));
                if searching || !self.closed.contains(&kind) {
                    self.rows.extend(members.into_iter().map(Row::Entity));
                }
            }
            self.key = Some(key);
        }
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    search: &mut String,
    state: &mut BrowserState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    ui.add_space(4.0);
    ui.heading(s.views.entities);
    ui.add(
        egui::TextEdit::singleline(search)
            .id(egui::Id::unique(SEARCH_ID))
            .hint_text(s.views.search_hint)
            .desired_width(f32::INFINITY),
    );
    ui.add_space(4.0);
    let searching = !search.trim().is_empty();
    state.refresh(view, search);
    // Taken out for the frame so the rows can be read while a group is opened or closed.
    let rows = std::mem::take(&mut state.rows);
    if rows.is_empty() {
        ui.weak(s.views.no_match);
        state.rows = rows;
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Button) + 2.0 * 2.0;
    let spacing = ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                match *row {
                    Row::Group(kind, count) => {
                        let open = searching || !state.closed.contains(&kind);
                        let title = format!("{} ({count})", entity_kind_plural(kind, view.lang));
                        if group_row(ui, &title, open, row_height - spacing).clicked() && !searching
                        {
                            if open {
                                state.closed.insert(kind);
                            } else {
                                state.closed.remove(&kind);
                            }
                        }
                    }
                    Row::Entity(i) => entity_row(ui, view, i, row_height - spacing, commands),
                }
            }
        });
    state.rows = rows;
}

/// A group's title with an open/closed triangle, like a collapsing header.
fn group_row(ui: &mut egui::Ui, title: &str, open: bool, height: f32) -> egui::Response {
    let galley = ui.painter().layout_no_wrap(
        title.to_owned(),
        egui::TextStyle::Button.resolve(ui.style()),
        ui.visuals().strong_text_color(),
    );
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, title));
    let icon = egui::Rect::from_center_size(
        rect.left_center() + egui::vec2(7.0, 0.0),
        egui::vec2(10.0, 10.0),
    );
    let icon_response = response.clone().with_new_rect(icon);
    egui::collapsing_header::paint_default_icon(ui, if open { 1.0 } else { 0.0 }, &icon_response);
    ui.painter().galley(
        rect.left_center() + egui::vec2(18.0, -galley.size().y / 2.0),
        galley,
        ui.visuals().strong_text_color(),
    );
    response
}

fn entity_row(
    ui: &mut egui::Ui,
    view: &View<'_>,
    i: usize,
    height: f32,
    commands: &mut Vec<Command>,
) {
    let Some(entity) = view.model().entities.get(i) else {
        return;
    };
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.add_space(12.0);
            kind_swatch(ui, entity.kind);
            let name = view.name(entity);
            let button = egui::Button::selectable(view.selected == Some(i), name).truncate();
            let other = entity.name.get(view.lang.other());
            let hover = if other != name && !other.is_empty() {
                format!("{name}\n{other}")
            } else {
                name.to_owned()
            };
            if ui.add(button).on_hover_text(hover).clicked() {
                commands.push(Command::Select(entity.id.clone()));
            }
        },
    );
}
