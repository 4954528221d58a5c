//! The window shown when a spreadsheet has been read: what merging it into the open model
//! would add and change (the lines of a comparison), and the choice to merge it (one step
//! that Undo takes back), open it as a model of its own, or leave it.

use eframe::egui;

use crate::context::{Command, ImportPreview, View};
use crate::i18n::Lang;
use crate::model::diff::Change;

pub fn window(
    ctx: &egui::Context,
    view: &View<'_>,
    preview: &ImportPreview,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    let added = preview
        .changes
        .iter()
        .filter(|c| matches!(c, Change::Added { .. }))
        .count();
    let changed = preview.changes.len() - added;
    egui::Window::new(lang.pick("导入", "Import"))
        .id(egui::Id::unique("import-preview"))
        .collapsible(false)
        .resizable(true)
        .default_size([660.0, 540.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.strong(&preview.file);
            if let Some(read_as) = preview.encoding {
                // Detected, and offered: Big5 text also decodes as GBK, into the wrong words.
                ui.horizontal(|ui| {
                    ui.label(lang.pick("文本编码：", "Text encoding:"));
                    for encoding in crate::io::import::TextEncoding::ALL {
                        if ui
                            .selectable_label(encoding == read_as, encoding.name())
                            .on_hover_text(lang.pick(
                                "文字显示不对时，换一种编码重新读取",
                                "Read the file again in this encoding if its text looks wrong",
                            ))
                            .clicked()
                            && encoding != read_as
                        {
                            commands.push(Command::ImportAs(encoding));
                        }
                    }
                });
                if !preview.sample_names.is_empty() {
                    ui.label(format!(
                        "{}{}",
                        lang.pick("读到的名称：", "Names as read: "),
                        preview.sample_names.join(lang.pick("、", ", "))
                    ));
                }
            }
            ui.label(match lang {
                Lang::Zh => format!("并入当前模型：新增 {added} 项，修改 {changed} 项。"),
                Lang::En => {
                    format!("Merged into the open model: {added} added, {changed} changed.")
                }
            });
            ui.weak(lang.pick(
                "新增的实体和关系都以这个文件（工作表和行，或行号）为来源。",
                "Every entity and relation added cites this file (its sheet and row, or its line).",
            ));
            if !preview.notes.is_empty() {
                // Another program's file: how its columns were read, and what was not — never
                // left out in silence.
                egui::CollapsingHeader::new(match lang {
                    Lang::Zh => format!("如何读取（{} 条说明）", preview.notes.len()),
                    Lang::En => format!("How it was read ({} notes)", preview.notes.len()),
                })
                .default_open(true)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("import-notes")
                        .max_height(120.0)
                        .show(ui, |ui| {
                            for note in &preview.notes {
                                let text = egui::RichText::new(note.text(lang)).small();
                                ui.label(if note.is_warning() {
                                    text.color(ui.visuals().warn_fg_color)
                                } else {
                                    text
                                });
                            }
                        });
                });
            }
            types_ui(ui, lang, preview, commands);
            ui.separator();
            let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 48.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, preview.changes.len(), |ui, range| {
                    for change in preview.changes.get(range).unwrap_or_default() {
                        let colour = match change {
                            Change::Added { .. } => egui::Color32::from_rgb(0x00, 0x9E, 0x73),
                            Change::Removed { .. } => ui.visuals().error_fg_color,
                            Change::Changed { .. } => ui.visuals().warn_fg_color,
                        };
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(change.to_string())
                                    .monospace()
                                    .color(colour),
                            )
                            .truncate(),
                        );
                    }
                });
            if preview.changes.is_empty() {
                ui.weak(lang.pick(
                    "表格里的内容当前模型都已有。",
                    "The open model has everything the workbook holds.",
                ));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let merge = ui.add_enabled(
                    !preview.changes.is_empty(),
                    egui::Button::new(lang.pick("并入当前模型", "Merge into this model")),
                );
                if merge.clicked() {
                    commands.push(Command::MergeImport);
                }
                if ui
                    .button(lang.pick("作为新模型打开", "Open as a model of its own"))
                    .clicked()
                {
                    commands.push(Command::OpenImport);
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    commands.push(Command::CancelImport);
                }
            });
        });
}

/// The file's types that name no kind of the schema's, each with the kind to read it as: the
/// default until the user chooses (then the file is read again).
fn types_ui(ui: &mut egui::Ui, lang: Lang, preview: &ImportPreview, commands: &mut Vec<Command>) {
    use crate::model::{EntityKind, RelationKind};
    if preview.unknown_types.is_empty() && preview.unknown_relation_types.is_empty() {
        return;
    }
    ui.label(lang.pick(
        "文件中的这些类型没有对应的类型，请选择按什么读入：",
        "These types of the file's have no kind of Townscope's; choose what to read them as:",
    ));
    let shown = |given: &str| {
        if given.is_empty() {
            lang.pick("（无类型）", "(no type)").to_owned()
        } else {
            given.to_owned()
        }
    };
    egui::Grid::new("import-types")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for given in &preview.unknown_types {
                let current = preview
                    .choices
                    .entities
                    .get(given)
                    .copied()
                    .unwrap_or(EntityKind::Enterprise);
                ui.label(format!("{} →", shown(given)));
                egui::ComboBox::from_id_salt(("import-entity-type", given))
                    .selected_text(crate::i18n::entity_kind(current, lang))
                    .show_ui(ui, |ui| {
                        for kind in EntityKind::ALL {
                            if ui
                                .selectable_label(
                                    kind == current,
                                    crate::i18n::entity_kind(kind, lang),
                                )
                                .clicked()
                                && kind != current
                            {
                                let mut choices = preview.choices.clone();
                                choices.entities.insert(given.clone(), kind);
                                commands.push(Command::ImportWithTypes(choices));
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, shown(given))
                    });
                ui.end_row();
            }
            let automatic = lang.pick(
                "自动：两端允许的最宽泛关系",
                "Automatic: the vaguest the ends allow",
            );
            for given in &preview.unknown_relation_types {
                let current = preview.choices.relations.get(given).copied();
                ui.label(format!("{} →", shown(given)));
                egui::ComboBox::from_id_salt(("import-relation-type", given))
                    .selected_text(
                        current.map_or(automatic, |k| crate::i18n::relation_kind(k, true, lang)),
                    )
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), automatic).clicked()
                            && current.is_some()
                        {
                            let mut choices = preview.choices.clone();
                            choices.relations.remove(given);
                            commands.push(Command::ImportWithTypes(choices));
                        }
                        for kind in RelationKind::ALL {
                            if ui
                                .selectable_label(
                                    current == Some(kind),
                                    crate::i18n::relation_kind(kind, true, lang),
                                )
                                .clicked()
                                && current != Some(kind)
                            {
                                let mut choices = preview.choices.clone();
                                choices.relations.insert(given.clone(), kind);
                                commands.push(Command::ImportWithTypes(choices));
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, shown(given))
                    });
                ui.end_row();
            }
        });
}
