//! F1: every keyboard shortcut, read from the one command list, by menu; then the keys of the
//! network and of presenting.

use eframe::egui;

use super::View;
use crate::context::{AppCommand, CommandGroup};

pub fn window(ctx: &egui::Context, view: &View<'_>, open: &mut bool) {
    let s = view.s();
    egui::Window::new(s.menus.shortcuts_title)
        .open(open)
        .default_pos(egui::pos2(260.0, 72.0))
        .default_width(520.0)
        .default_height(620.0)
        .vscroll(true)
        .show(ctx, |ui| {
            for (group, title) in [
                (CommandGroup::File, s.menus.group_file),
                (CommandGroup::Edit, s.menus.group_edit),
                (CommandGroup::View, s.menus.group_view),
                (CommandGroup::Story, s.menus.group_story),
                (CommandGroup::Help, s.menus.group_help),
            ] {
                ui.strong(title);
                egui::Grid::new(("shortcuts", title))
                    .num_columns(2)
                    .striped(true)
                    .min_col_width(200.0)
                    .show(ui, |ui| {
                        for command in AppCommand::ALL.iter().filter(|c| c.group() == group) {
                            let keys: Vec<String> = [command.shortcut(), command.other_shortcut()]
                                .into_iter()
                                .flatten()
                                .map(|k| crate::context::shortcut_text(ui.ctx(), &k))
                                .collect();
                            ui.label(command.label(view.lang))
                                .on_hover_text(command.hint(view.lang));
                            if keys.is_empty() {
                                ui.weak("—");
                            } else {
                                ui.monospace(keys.join("  /  "));
                            }
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
            }
            ui.separator();
            ui.label(s.menus.keys_network);
            ui.add_space(4.0);
            ui.label(AppCommand::Present.hint(view.lang));
            ui.add_space(4.0);
            ui.weak(s.menus.keys_typing);
        });
}
