//! Details of the selected entity: every attribute, its sources, and its relations as links.

use eframe::egui;

use super::provenance::{dispute_mark, inferred_field, translated_mark};
use super::{View, kind_swatch};
use crate::context::{AppCommand, Command};
use crate::i18n::{entity_kind, format_figure, founded_label, measure, relation_kind};
use crate::model::{Cite, Entity, Figure};

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editing: bool,
    editor: &mut super::entity_editor::EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    ui.add_space(4.0);
    let Some(index) = view.selected else {
        history_buttons(ui, view, commands);
        ui.heading(s.views.details);
        ui.weak(s.views.nothing_selected);
        return;
    };
    let Some(entity) = view.model().entities.get(index) else {
        return;
    };
    ui.horizontal(|ui| {
        history_buttons(ui, view, commands);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let text = if editing {
                s.views.done_editing
            } else {
                s.views.edit_entity
            };
            if ui.selectable_label(editing, text).clicked() {
                commands.push(Command::SetEditing(!editing));
            }
        });
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header(ui, view, entity);
            ui.separator();
            if editing {
                super::entity_editor::ui(ui, view, index, editor, commands);
                ui.separator();
            }
            fields(ui, view, entity, commands);
            if !entity.figures.is_empty() {
                section(ui, s.views.figures);
                figures(ui, view, &entity.figures);
            }
            if let Some(policy) = &entity.policy {
                if !policy.number.is_empty() {
                    section(ui, s.views.policy_number);
                    ui.label(&policy.number);
                }
                if !policy.goals.is_empty() {
                    section(ui, s.views.goals);
                    for goal in &policy.goals {
                        ui.horizontal_wrapped(|ui| {
                            ui.add(egui::Label::new(format!("• {}", goal.get(view.lang))).wrap());
                            translated_mark(ui, view, goal);
                        });
                    }
                }
            }
            if !entity.editions.is_empty() {
                section(ui, s.views.editions);
                for edition in &entity.editions {
                    let mut line = crate::i18n::date(edition.date, view.lang);
                    if let Some(end) = edition.end {
                        line.push_str(&format!(" – {}", crate::i18n::date(end, view.lang)));
                    }
                    let name = edition.name.get(view.lang);
                    if !name.is_empty() {
                        line.push_str(&format!("  {name}"));
                    }
                    let note = edition.note.get(view.lang);
                    if !note.is_empty() {
                        line.push_str(&format!("  ({note})"));
                    }
                    ui.label(line)
                        .on_hover_ui(|ui| cites(ui, view, &edition.sources));
                    if !edition.figures.is_empty() {
                        ui.indent(("edition", edition.date), |ui| {
                            figures(ui, view, &edition.figures)
                        });
                    }
                }
            }
            if !entity.description.get(view.lang).is_empty() || entity.disputed.is_some() {
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    ui.strong(s.views.description);
                    if let Some(dispute) = &entity.disputed {
                        dispute_mark(ui, view, dispute, &entity.sources);
                    }
                    inferred_field(ui, view, &entity.inferred, "description");
                });
                super::provenance::text(ui, view, &entity.description);
            }
            relations(ui, view, index, commands);
            let contents = view.doc.index().contents_of(index);
            if !contents.is_empty() {
                section(ui, s.views.contains);
                ui.horizontal_wrapped(|ui| {
                    for entity in contents
                        .iter()
                        .filter_map(|&i| view.model().entities.get(i))
                    {
                        entity_link(ui, view, entity, commands);
                    }
                });
            }
            if !entity.sources.is_empty() {
                section(ui, s.views.sources);
                for cite in &entity.sources {
                    source_line(ui, view, cite);
                }
            }
        });
}

/// ← → like a browser's, with their shortcuts on hover.
fn history_buttons(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        for (command, arrow, enabled) in [
            (AppCommand::Back, "←", view.can_go_back),
            (AppCommand::Forward, "→", view.can_go_forward),
        ] {
            let mut hint = command.label(view.lang).to_owned();
            if let Some(shortcut) = command.shortcut() {
                hint.push_str(&format!(
                    " ({})",
                    crate::context::shortcut_text(ui.ctx(), &shortcut)
                ));
            }
            let button = ui
                .add_enabled(enabled, egui::Button::new(arrow))
                .on_hover_text(&hint);
            if button.clicked() {
                commands.push(Command::App(command));
            }
        }
    });
}

fn header(ui: &mut egui::Ui, view: &View<'_>, entity: &Entity) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(view.name(entity));
        translated_mark(ui, view, &entity.name);
        // The whole entity, or its name.
        inferred_field(ui, view, &entity.inferred, "");
        inferred_field(ui, view, &entity.inferred, "name");
    });
    let other = entity.name.get(view.lang.other());
    if other != view.name(entity) && !other.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(other);
            super::provenance::translated_mark_in(ui, view, &entity.name, view.lang.other());
        });
    }
    ui.horizontal(|ui| {
        kind_swatch(ui, entity.kind);
        let mut kind = entity_kind(entity.kind, view.lang).to_owned();
        if !entity.subkind.is_empty() {
            kind.push_str(&format!(
                " · {}",
                crate::i18n::subkind(&entity.subkind, view.lang)
            ));
        }
        ui.label(kind);
        inferred_field(ui, view, &entity.inferred, "kind");
        inferred_field(ui, view, &entity.inferred, "subkind");
        ui.weak(egui::RichText::new(&entity.id).monospace().small());
    });
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.strong(title);
}

fn fields(ui: &mut egui::Ui, view: &View<'_>, entity: &Entity, commands: &mut Vec<Command>) {
    let s = view.s();
    if !entity.sectors.is_empty() {
        field(ui, s.views.sectors, |ui| {
            let names: Vec<&str> = entity
                .sectors
                .iter()
                .map(|id| view.model().sector_name(id, view.lang))
                .collect();
            ui.add(egui::Label::new(names.join(if view.zh() { "、" } else { ", " })).wrap());
            inferred_field(ui, view, &entity.inferred, "sectors");
        });
    }
    let dates = [
        (
            founded_label(entity.kind, view.lang),
            entity.founded,
            "founded",
        ),
        (s.views.joined, entity.joined, "joined"),
        (s.views.ended, entity.ended, "ended"),
    ];
    for (label, date, name) in dates {
        if let Some(date) = date {
            field(ui, label, |ui| {
                ui.label(crate::i18n::date(date, view.lang));
                inferred_field(ui, view, &entity.inferred, name);
            });
        }
    }
    if let Some(place) = &entity.location {
        field(ui, s.views.location, |ui| {
            match view
                .doc
                .index()
                .get(place)
                .and_then(|i| view.model().entities.get(i))
            {
                Some(place) => {
                    entity_link(ui, view, place, commands);
                }
                None => {
                    ui.label(place);
                }
            }
            inferred_field(ui, view, &entity.inferred, "location");
        });
    }
    if let Some(c) = entity.coordinates {
        let mut text = format!("{} {}", dms(c.lat, 'N', 'S'), dms(c.lon, 'E', 'W'));
        if c.approximate {
            text.push_str(s.views.approximate);
        }
        field(ui, s.views.coordinates, |ui| {
            ui.label(text);
            inferred_field(ui, view, &entity.inferred, "coordinates");
        });
    }
    if !entity.website.is_empty() {
        field(ui, s.views.website, |ui| {
            // Only web pages open: a model is untrusted, and a file: or javascript: link
            // handed to the system would reach outside the program.
            if crate::model::safety::is_web_link(&entity.website) {
                ui.hyperlink(entity.website.trim());
            } else {
                ui.label(crate::model::safety::escaped(&entity.website))
                    .on_hover_text(view.lang.pick(
                        "不是 http/https 网址，不会打开",
                        "Not an http or https address: it is not opened",
                    ));
            }
            inferred_field(ui, view, &entity.inferred, "website");
        });
    }
}

/// The width of the label column of the details' fields.
const FIELD_LABEL_WIDTH: f32 = 110.0;

/// One `label  value` row; the value wraps within the panel instead of widening it.
fn field(ui: &mut egui::Ui, label: &str, value: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_top(|ui| {
        let layout = egui::Layout::left_to_right(egui::Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(FIELD_LABEL_WIDTH, 0.0), layout, |ui| {
            ui.set_width(FIELD_LABEL_WIDTH);
            ui.add(egui::Label::new(egui::RichText::new(label).weak()).truncate());
        });
        // Wrapped within the panel: a long value (a park's English name) must not widen it.
        ui.horizontal_wrapped(value);
    });
}

fn figures(ui: &mut egui::Ui, view: &View<'_>, figures: &[Figure]) {
    let s = view.s();
    for figure in figures {
        let value = format_figure(figure.value, figure.unit, figure.qualifier, view.lang);
        let when = figure.date.map_or_else(
            || s.views.year_unknown.to_owned(),
            |d| crate::i18n::date(d, view.lang),
        );
        let text = format!("{}: {value}  ({when})", measure(figure.measure, view.lang));
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::Label::new(text).wrap()).on_hover_ui(|ui| {
                let note = figure.note.get(view.lang);
                if !note.is_empty() {
                    ui.label(note);
                }
                cites(ui, view, &figure.sources);
            });
            if let Some(dispute) = &figure.disputed {
                dispute_mark(ui, view, dispute, &figure.sources);
            }
            for inference in &figure.inferred {
                super::provenance::inferred_mark(ui, view, inference);
            }
        });
    }
}

/// Lists citations in a tooltip.
pub fn cites(ui: &mut egui::Ui, view: &View<'_>, cites: &[Cite]) {
    ui.strong(view.s().views.sources);
    for cite in cites {
        ui.label(view.cite_text(cite));
    }
}

fn source_line(ui: &mut egui::Ui, view: &View<'_>, cite: &Cite) {
    let text = view.cite_text(cite);
    let locator = view
        .model()
        .sources
        .iter()
        .find(|s| s.id == cite.source)
        .map(|s| s.locator.as_str())
        .unwrap_or("");
    let response = ui.add(egui::Label::new(format!("• {text}")).wrap());
    if !locator.is_empty() {
        response.on_hover_text(locator);
    }
}

fn relations(ui: &mut egui::Ui, view: &View<'_>, index: usize, commands: &mut Vec<Command>) {
    let s = view.s();
    section(ui, s.views.relations);
    if view.doc.index().relations_of(index).is_empty() {
        ui.weak(s.views.no_relations);
        return;
    }
    for (end, relation, other) in view.relations_of(index) {
        ui.horizontal_wrapped(|ui| {
            let arrow = if !relation.kind.is_directed() {
                "↔"
            } else if end.outgoing {
                "→"
            } else {
                "←"
            };
            ui.weak(format!(
                "{arrow} {}",
                relation_kind(relation.kind, end.outgoing, view.lang)
            ));
            kind_swatch(ui, other.kind);
            let link = entity_link(ui, view, other, commands);
            let mut when = String::new();
            if let Some(since) = relation.since {
                when.push_str(&crate::i18n::date(since, view.lang));
            }
            if let Some(until) = relation.until {
                when.push_str(&format!(" – {}", crate::i18n::date(until, view.lang)));
            }
            if !when.is_empty() {
                // A date moves to the next line whole rather than breaking inside.
                ui.add(egui::Label::new(egui::RichText::new(when).weak()).extend());
            }
            for inference in &relation.inferred {
                super::provenance::inferred_mark(ui, view, inference);
            }
            if let Some(dispute) = &relation.disputed {
                dispute_mark(ui, view, dispute, &relation.sources);
            }
            link.on_hover_ui(|ui| {
                let note = relation.note.get(view.lang);
                if !note.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(note);
                        translated_mark(ui, view, &relation.note);
                    });
                }
                cites(ui, view, &relation.sources);
                if let Some(dispute) = &relation.disputed {
                    ui.separator();
                    super::provenance::dispute_accounts(ui, view, dispute, &relation.sources);
                }
            });
        });
    }
}

/// A link that selects the entity; returns its response for a tooltip.
fn entity_link(
    ui: &mut egui::Ui,
    view: &View<'_>,
    entity: &Entity,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let response = ui.link(view.name(entity));
    if response.clicked() {
        commands.push(Command::Select(entity.id.clone()));
    }
    response
}

/// Degrees as the sources write them, `30°16′N`: whole seconds only when they are not zero,
/// and the decimal degrees exactly when they are not a whole number of seconds.
fn dms(value: f64, positive: char, negative: char) -> String {
    let hemisphere = if value < 0.0 { negative } else { positive };
    let total_seconds = value.abs() * 3600.0;
    let rounded = total_seconds.round();
    if (total_seconds - rounded).abs() > 1e-6 {
        return format!("{}°{hemisphere}", value.abs());
    }
    let seconds = rounded as u64;
    let (degrees, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if seconds == 0 {
        format!("{degrees}°{minutes:02}′{hemisphere}")
    } else {
        format!("{degrees}°{minutes:02}′{seconds:02}″{hemisphere}")
    }
}

#[cfg(test)]
mod tests {
    use super::dms;

    #[test]
    fn coordinates_read_as_the_source_wrote_them() {
        assert_eq!(dms(30.266666666666666, 'N', 'S'), "30°16′N");
        assert_eq!(dms(120.2, 'E', 'W'), "120°12′E");
        assert_eq!(dms(-0.5, 'N', 'S'), "0°30′S");
        assert_eq!(dms(30.123456, 'N', 'S'), "30.123456°N");
    }
}
