//! Small editors shared by the entity, indicator and model windows: values typed as text that
//! must parse, bilingual text, citations and figures. Each edits a value in place and reports
//! what changed in an [`Outcome`]; the caller turns that into one undoable edit.

use std::collections::HashMap;

use eframe::egui;

use super::View;
use crate::model::{Cite, Date, Figure, Measure, Qualifier, Text, Unit};

/// What an editor did this frame. Typing into a field is merged with the typing before it
/// (one undo step per field, not per letter); adding or deleting something is a step of its own.
#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    /// The field typed into, when the change was typing.
    pub merge: Option<String>,
    step: bool,
}

impl Outcome {
    pub fn typed(&mut self, key: impl Into<String>) {
        self.changed = true;
        if !self.step {
            self.merge = Some(key.into());
        }
    }

    pub fn step(&mut self) {
        self.changed = true;
        self.step = true;
        self.merge = None;
    }

    /// Removes the row the user asked to go (by its place in this frame's list) from `list`:
    /// one undo step. A place past the end (a list changed meanwhile) removes nothing.
    pub fn remove_from<T>(&mut self, list: &mut Vec<T>, at: Option<usize>) {
        if let Some(at) = at.filter(|&at| at < list.len()) {
            list.remove(at);
            self.step();
        }
    }
}

/// Field state between frames: the text of values that do not parse yet, and half-entered new
/// figures. Keys are paths such as `acme/figures/2/value`.
#[derive(Default)]
pub struct Forms {
    /// Per field: the text shown, and the model's value (as text) it was last in step with.
    texts: HashMap<String, (String, String)>,
    new_figures: HashMap<String, NewFigure>,
}

/// A figure being typed in: it joins the model only once its value is a number, so no figure
/// ever enters the model as a placeholder.
struct NewFigure {
    measure: Measure,
    unit: Unit,
    value: String,
}

impl Default for NewFigure {
    fn default() -> Self {
        Self {
            measure: Measure::Staff,
            unit: Unit::People,
            value: String::new(),
        }
    }
}

impl Forms {
    /// A text field for a value that must parse. The model keeps its last good value while the
    /// text does not parse (the field is outlined in red, the hover says what is expected); when
    /// the model changes under the field (undo, say) the field shows the model's value again.
    #[allow(clippy::too_many_arguments)]
    pub fn parsed<T: PartialEq>(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut T,
        show: impl Fn(&T) -> String,
        parse: impl Fn(&str) -> Option<T>,
        hint: &str,
        width: f32,
        label: egui::Id,
    ) -> bool {
        let stored = show(value);
        let (text, synced) = self
            .texts
            .entry(key.to_owned())
            .or_insert_with(|| (stored.clone(), stored.clone()));
        if *synced != stored {
            *text = stored.clone();
            *synced = stored;
        }
        // Sized, not just desired: in a grid a text field is otherwise squeezed to the width
        // its column had on the first frame.
        let size = egui::vec2(width, ui.spacing().interact_size.y);
        let response = ui
            .add_sized(size, egui::TextEdit::singleline(text).hint_text(hint))
            .labelled_by(label);
        match parse(text.trim()) {
            Some(parsed) => {
                if response.changed() && parsed != *value {
                    *synced = show(&parsed);
                    *value = parsed;
                    return true;
                }
            }
            None => {
                ui.painter().rect_stroke(
                    response.rect,
                    2.0,
                    egui::Stroke::new(1.5, ui.visuals().error_fg_color),
                    egui::StrokeKind::Outside,
                );
                response.on_hover_text(hint);
            }
        }
        false
    }

    /// A date that may be empty.
    pub fn date(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut Option<Date>,
        label: egui::Id,
    ) -> bool {
        self.parsed(
            ui,
            key,
            value,
            |d| d.map(|d| d.to_string()).unwrap_or_default(),
            |t| {
                if t.is_empty() {
                    Some(None)
                } else {
                    t.parse::<Date>().ok().map(Some)
                }
            },
            "YYYY-MM-DD",
            110.0,
            label,
        )
    }

    /// A date that must be there.
    pub fn required_date(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut Date,
        label: egui::Id,
    ) -> bool {
        self.parsed(
            ui,
            key,
            value,
            Date::to_string,
            |t| t.parse::<Date>().ok(),
            "YYYY-MM-DD",
            110.0,
            label,
        )
    }

    /// A finite number, as typed (commas allowed as thousands separators).
    pub fn number(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut f64,
        hint: &str,
        label: egui::Id,
    ) -> bool {
        self.parsed(
            ui,
            key,
            value,
            |v| format!("{v}"),
            parse_number,
            hint,
            120.0,
            label,
        )
    }
}

/// A number as an editor types it: `3000000000`, `3,000,000,000`, `21.45`.
pub fn parse_number(text: &str) -> Option<f64> {
    text.replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// One labelled text row of a two-column grid (the caller ends the row).
pub fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, multiline: bool) -> bool {
    let label = ui.label(label);
    let editor = if multiline {
        egui::TextEdit::multiline(text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(text)
    };
    ui.add(editor.desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
}

/// A bilingual text as two grid rows labelled `labels` (Chinese first); whether each changed.
pub fn text_rows(
    ui: &mut egui::Ui,
    labels: (impl AsRef<str>, impl AsRef<str>),
    text: &mut Text,
    multiline: bool,
) -> (bool, bool) {
    let zh = text_row(ui, labels.0.as_ref(), &mut text.zh, multiline);
    ui.end_row();
    let en = text_row(ui, labels.1.as_ref(), &mut text.en, multiline);
    ui.end_row();
    (zh, en)
}

/// A labelled field for the name of something new and the button that adds it: the name,
/// trimmed, when the button is pressed with one typed.
pub fn new_item(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    text: &mut String,
    width: f32,
    button: &str,
) -> Option<String> {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(width),
    )
    .labelled_by(label.id);
    let name = text.trim().to_owned();
    let pressed = ui
        .add_enabled(!name.is_empty(), egui::Button::new(button))
        .clicked();
    (pressed && !name.is_empty()).then_some(name)
}

/// Both languages of `text` as two rows labelled as [`bilingual`] says; typing in either is one
/// step, merged by `key` and the language typed in.
pub fn bilingual_text(
    ui: &mut egui::Ui,
    view: &View<'_>,
    label: &str,
    text: &mut Text,
    multiline: bool,
    key: &str,
    outcome: &mut Outcome,
) {
    typed_text(ui, bilingual(view, label), text, multiline, key, outcome);
}

/// Both languages of `text` as two rows labelled `labels`; typing in either is one step,
/// merged by `key` and the language typed in.
pub fn typed_text(
    ui: &mut egui::Ui,
    labels: (impl AsRef<str>, impl AsRef<str>),
    text: &mut Text,
    multiline: bool,
    key: &str,
    outcome: &mut Outcome,
) {
    let (zh, en) = text_rows(ui, labels, text, multiline);
    if zh || en {
        outcome.typed(format!("{key}/{zh}"));
    }
}

/// "LABEL（中文）" / "LABEL (Chinese)" and the English one, for the rows of [`text_rows`].
pub fn bilingual(view: &View<'_>, label: &str) -> (String, String) {
    let s = view.s();
    let with = |language: &str| {
        if view.zh() {
            format!("{label}（{language}）")
        } else {
            format!("{label} ({language})")
        }
    };
    (with(s.editing.text_zh), with(s.editing.text_en))
}

/// The sources something cites, each with where in the source; remove one, or cite another.
pub fn cites(
    ui: &mut egui::Ui,
    view: &View<'_>,
    key: &str,
    cites: &mut Vec<Cite>,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let sources = &view.model().sources;
    let mut remove = None;
    for (c, cite) in cites.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(s.editing.remove_cite)
                .clicked()
            {
                remove = Some(c);
            }
            let title = sources
                .iter()
                .find(|known| known.id == cite.source)
                .map_or(cite.source.as_str(), |known| known.display_name());
            let label = ui.label(s.views.source);
            let mut chosen = cite.source.clone();
            egui::ComboBox::from_id_salt((key, c, "source"))
                .selected_text(title)
                .width(ui.available_width())
                .truncate()
                .show_ui(ui, |ui| {
                    for known in sources {
                        ui.selectable_value(&mut chosen, known.id.clone(), known.display_name());
                    }
                })
                .response
                .labelled_by(label.id);
            if chosen != cite.source {
                cite.source = chosen;
                outcome.step();
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(ui.spacing().indent);
            let at = ui.label(s.editing.point_at);
            if ui
                .add(egui::TextEdit::singleline(&mut cite.at).desired_width(ui.available_width()))
                .labelled_by(at.id)
                .changed()
            {
                outcome.typed(format!("{key}/{c}/at"));
            }
        });
    }
    outcome.remove_from(cites, remove);
    let mut cited = None;
    ui.horizontal(|ui| {
        let label = ui.label(s.editing.add_citation);
        egui::ComboBox::from_id_salt((key, "cite"))
            .selected_text(s.editing.cite_a_source)
            .width(ui.available_width().min(240.0))
            .truncate()
            .show_ui(ui, |ui| {
                for known in sources {
                    if ui.selectable_label(false, known.display_name()).clicked() {
                        cited = Some(known.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(source) = cited {
        cites.push(Cite {
            source,
            at: String::new(),
        });
        outcome.step();
    }
}

/// Figures: measure, value, unit, how exact, as of when, and their sources; delete one, or add
/// one once its value is a number.
pub fn figures(
    ui: &mut egui::Ui,
    view: &View<'_>,
    forms: &mut Forms,
    key: &str,
    figures: &mut Vec<Figure>,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let mut remove = None;
    for (f, figure) in figures.iter_mut().enumerate() {
        let key = format!("{key}/{f}");
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui
                    .small_button("×")
                    .on_hover_text(s.editing.delete_figure)
                    .clicked()
                {
                    remove = Some(f);
                }
                if choice(
                    ui,
                    (&key, "measure"),
                    s.editing.measure,
                    &mut figure.measure,
                    &Measure::ALL,
                    |m| crate::i18n::measure(m, view.lang),
                ) {
                    outcome.step();
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(s.editing.point_value);
                if forms.number(
                    ui,
                    &format!("{key}/value"),
                    &mut figure.value,
                    s.editing.number_hint,
                    label.id,
                ) {
                    outcome.typed(format!("{key}/value"));
                }
                if choice(
                    ui,
                    (&key, "unit"),
                    s.editing.unit,
                    &mut figure.unit,
                    &Unit::ALL,
                    |u| crate::i18n::unit(u, view.lang),
                ) {
                    outcome.step();
                }
            });
            ui.horizontal(|ui| {
                if choice(
                    ui,
                    (&key, "qualifier"),
                    s.editing.point_qualifier,
                    &mut figure.qualifier,
                    &Qualifier::ALL,
                    |q| crate::i18n::qualifier(q, view.lang),
                ) {
                    outcome.step();
                }
                let label = ui.label(s.editing.as_of);
                if forms.date(ui, &format!("{key}/date"), &mut figure.date, label.id) {
                    outcome.typed(format!("{key}/date"));
                }
            });
            ui.label(format!(
                "= {}",
                crate::i18n::format_figure(figure.value, figure.unit, figure.qualifier, view.lang)
            ));
            cites(
                ui,
                view,
                &format!("{key}/sources"),
                &mut figure.sources,
                outcome,
            );
        });
    }
    outcome.remove_from(figures, remove);
    let draft = forms.new_figures.entry(key.to_owned()).or_default();
    ui.horizontal_wrapped(|ui| new_figure(ui, view, key, draft, figures, outcome));
}

/// The row that adds a figure: measure, unit and value; it is added once the value reads as a
/// number.
fn new_figure(
    ui: &mut egui::Ui,
    view: &View<'_>,
    key: &str,
    draft: &mut NewFigure,
    figures: &mut Vec<Figure>,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let new_figure = ui.label(s.editing.new_figure);
    choice(
        ui,
        (key, "new-measure"),
        s.editing.measure,
        &mut draft.measure,
        &Measure::ALL,
        |m| crate::i18n::measure(m, view.lang),
    );
    choice(
        ui,
        (key, "new-unit"),
        s.editing.unit,
        &mut draft.unit,
        &Unit::ALL,
        |u| crate::i18n::unit(u, view.lang),
    );
    ui.add(
        egui::TextEdit::singleline(&mut draft.value)
            .hint_text(s.editing.number_hint)
            .desired_width(120.0),
    )
    .labelled_by(new_figure.id);
    let value = parse_number(draft.value.trim());
    if ui
        .add_enabled(value.is_some(), egui::Button::new(s.editing.add_figure))
        .on_disabled_hover_text(s.editing.number_hint)
        .clicked()
        && let Some(value) = value
    {
        figures.push(Figure {
            measure: draft.measure,
            value,
            unit: draft.unit,
            qualifier: Qualifier::Exact,
            date: None,
            note: Text::default(),
            sources: Vec::new(),
            disputed: None,
            inferred: Vec::new(),
        });
        draft.value.clear();
        outcome.step();
    }
}

/// A labelled drop-down of fixed choices; true when the choice changed.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> bool {
    let before = *value;
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for option in all {
                ui.selectable_value(value, *option, name(*option));
            }
        })
        .response
        .labelled_by(label.id);
    *value != before
}
