//! The command palette (Ctrl+K, Ctrl+Shift+P): type to find any command and any entity — by
//! Chinese characters, English, full pinyin or pinyin initials — ↑/↓ to choose, Enter to run
//! the command or select the entity, Esc to close.

use eframe::egui;

use super::View;
use crate::context::{AppCommand, Command};
use crate::i18n::search::{SearchKey, normalise};
use crate::i18n::{Lang, entity_kind};

const PALETTE_WIDTH: f32 = 620.0;

/// At most this many rows are listed.
const MAX_HITS: usize = 40;

#[derive(Default)]
pub struct Palette {
    open: bool,
    /// Opened this frame: the text field takes the keyboard.
    opening: bool,
    query: String,
    chosen: usize,
    /// The commands' keys (their labels in both languages).
    command_keys: Vec<(AppCommand, SearchKey)>,
    /// The last answer, per query and revision: scoring 10^5 names each frame would stall typing.
    answered: Option<(String, u64, Vec<Hit>)>,
}

/// One row of the palette.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Hit {
    Command(AppCommand),
    Entity(usize),
}

impl Palette {
    pub fn open_now(&mut self) {
        self.open = true;
        self.opening = true;
        self.query.clear();
        self.chosen = 0;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// What `query` finds, best first: commands and entities together, ties by kind of row
    /// (commands first) and then by their order in the model.
    fn hits(&mut self, view: &View<'_>) -> Vec<Hit> {
        let revision = view.doc.revision();
        if let Some((query, answered_for, hits)) = &self.answered
            && *query == self.query
            && *answered_for == revision
        {
            return hits.clone();
        }
        let hits = self.find(view);
        self.answered = Some((self.query.clone(), revision, hits.clone()));
        hits
    }

    fn find(&mut self, view: &View<'_>) -> Vec<Hit> {
        if self.command_keys.is_empty() {
            self.command_keys = AppCommand::ALL
                .iter()
                .map(|&c| (c, SearchKey::new([c.label(Lang::Zh), c.label(Lang::En)])))
                .collect();
        }
        let query = normalise(&self.query);
        let mut scored: Vec<(u32, usize, Hit)> = self
            .command_keys
            .iter()
            .enumerate()
            .filter_map(|(i, (c, key))| Some((key.score(&query)?, i, Hit::Command(*c))))
            .collect();
        if !query.is_empty() {
            let keys = view.search.keys(view.doc);
            scored.extend(keys.iter().enumerate().filter_map(|(i, key)| {
                // An entity found as well as a command ranks just below it.
                Some((key.score(&query)?, 1000 + i, Hit::Entity(i)))
            }));
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(MAX_HITS);
        scored.into_iter().map(|(_, _, hit)| hit).collect()
    }
}

pub fn ui(
    ctx: &egui::Context,
    view: &View<'_>,
    palette: &mut Palette,
    commands: &mut Vec<Command>,
) {
    if !palette.open {
        return;
    }
    let s = view.s();
    // The keys that move through the list are taken before the text field sees them.
    let (down, up, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
        )
    });
    let mut run = None;
    let modal = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
        ui.set_width(PALETTE_WIDTH);
        ui.set_max_width(PALETTE_WIDTH);
        let field = ui.add(
            egui::TextEdit::singleline(&mut palette.query)
                .hint_text(s.menus.palette_hint)
                .desired_width(f32::INFINITY),
        );
        if palette.opening {
            field.request_focus();
            palette.opening = false;
        }
        if field.changed() {
            palette.chosen = 0;
        }
        // What the text finds now, with this frame's typing in it: Enter runs what is shown.
        let hits = palette.hits(view);
        if down {
            palette.chosen = (palette.chosen + 1).min(hits.len().saturating_sub(1));
        }
        if up {
            palette.chosen = palette.chosen.saturating_sub(1);
        }
        palette.chosen = palette.chosen.min(hits.len().saturating_sub(1));
        if enter {
            run = hits.get(palette.chosen).copied();
        }
        ui.add_space(4.0);
        if hits.is_empty() {
            ui.weak(s.menus.palette_nothing);
        }
        egui::ScrollArea::vertical()
            .max_height(380.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, hit) in hits.iter().enumerate() {
                    let chosen = i == palette.chosen;
                    let response = hit_row(ui, view, *hit, chosen);
                    if chosen && (down || up) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        run = Some(*hit);
                    }
                }
            });
        ui.add_space(2.0);
        ui.weak(s.menus.palette_keys);
    });
    if let Some(hit) = run {
        match hit {
            Hit::Command(command) => commands.push(Command::App(command)),
            Hit::Entity(i) => {
                if let Some(entity) = view.model().entities.get(i) {
                    commands.push(Command::Select(entity.id.clone()));
                }
            }
        }
        palette.open = false;
    } else if modal.should_close() {
        palette.open = false;
    }
}

/// A row: a command with its shortcut, or an entity with its kind and its other name.
fn hit_row(ui: &mut egui::Ui, view: &View<'_>, hit: Hit, chosen: bool) -> egui::Response {
    match hit {
        Hit::Command(command) => {
            let mut text = command.label(view.lang).to_owned();
            if let Some(shortcut) = command.shortcut() {
                text.push_str(&format!(
                    "   {}",
                    crate::context::shortcut_text(ui.ctx(), &shortcut)
                ));
            }
            ui.horizontal(|ui| {
                ui.weak(view.s().menus.palette_command);
                ui.add(egui::Button::selectable(chosen, text).truncate())
                    .on_hover_text(command.hint(view.lang))
            })
            .inner
        }
        Hit::Entity(i) => {
            let Some(entity) = view.model().entities.get(i) else {
                // Found in this frame's model: only a bug can miss it. An empty row, not a crash.
                return ui.label("");
            };
            let other = entity.name.get(view.lang.other());
            let name = view.name(entity);
            let text = if other.is_empty() || other == name {
                name.to_owned()
            } else {
                format!("{name}   {other}")
            };
            ui.horizontal(|ui| {
                ui.weak(entity_kind(entity.kind, view.lang));
                super::kind_swatch(ui, entity.kind);
                ui.add(egui::Button::selectable(chosen, text).truncate())
            })
            .inner
        }
    }
}
