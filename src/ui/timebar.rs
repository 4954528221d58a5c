//! The year control: "the ecosystem as of year Y" for the whole window — a switch, a slider over
//! the model's dated years, Play (a year a second), and what changed in the year shown.

use eframe::egui;

use super::View;
use crate::context::{AppCommand, Command};
use crate::model::time::join_spans;

/// How long Play shows each year.
const SECONDS_PER_YEAR: f64 = 1.2;

/// Play's state: when the year shown last advanced, while playing.
#[derive(Default)]
pub struct TimeBar {
    playing_since: Option<f64>,
    /// The model's year span, per document revision: the bar shows in every view, and walking
    /// 10^5 entities each frame for it would cost milliseconds a frame.
    span: Option<(u64, Option<(i32, i32)>)>,
    /// The span of the relations' dates alone, per relations revision.
    relations_span: Option<(u64, Option<(i32, i32)>)>,
    /// What changed in the year shown, per revision and year: (arrived, relations, milestones).
    changes: Option<(u64, i32, [usize; 3])>,
}

impl TimeBar {
    pub fn is_playing(&self) -> bool {
        self.playing_since.is_some()
    }
}

/// The switch "As of year"; when it is on, the model's first and last years (for
/// [`controls`]). Nothing for a model with no dates.
pub fn switch(
    ui: &mut egui::Ui,
    view: &View<'_>,
    bar: &mut TimeBar,
    commands: &mut Vec<Command>,
) -> Option<(i32, i32)> {
    // The relations' dates (most of them) are read again only when a relation's facts may
    // have changed; the rest once per revision.
    let revision = view.doc.revision();
    let relations = view.doc.relations_revision();
    if bar.relations_span.is_none_or(|(r, _)| r != relations) {
        bar.relations_span = Some((relations, view.model().year_span_of_relations()));
    }
    if bar.span.is_none_or(|(r, _)| r != revision) {
        let of_relations = bar.relations_span.and_then(|(_, span)| span);
        let span = join_spans(of_relations, view.model().year_span_without_relations());
        bar.span = Some((revision, span));
    }
    let (first, last) = bar.span.and_then(|(_, span)| span)?;
    let mut on = view.year.is_some();
    if ui
        .checkbox(&mut on, AppCommand::ToggleYear.label(view.lang))
        .on_hover_text(AppCommand::ToggleYear.hover_text(ui.ctx(), view.lang))
        .changed()
    {
        commands.push(Command::SetYear(on.then_some(last)));
        bar.playing_since = None;
    }
    view.year.map(|_| (first, last))
}

/// The year shown, its slider, Play, and what was new that year.
pub fn controls(
    ui: &mut egui::Ui,
    view: &View<'_>,
    bar: &mut TimeBar,
    (first, last): (i32, i32),
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let revision = view.doc.revision();
    let now = ui.input(|i| i.time);
    let Some(year) = view.year else {
        return;
    };
    let mut shown = year.clamp(first, last);
    let label = ui.label(s.views.year);
    if ui
        .add(egui::Slider::new(&mut shown, first..=last).integer())
        .labelled_by(label.id)
        .changed()
    {
        commands.push(Command::SetYear(Some(shown)));
        bar.playing_since = None;
    }
    let playing = bar.playing_since.is_some();
    if ui
        .button(if playing { s.views.pause } else { s.views.play })
        .on_hover_text(s.views.play_hint)
        .clicked()
    {
        if playing {
            bar.playing_since = None;
        } else {
            // From the start when at the end, as a presenter expects.
            if year >= last {
                commands.push(Command::SetYear(Some(first)));
            }
            bar.playing_since = Some(now);
        }
    }
    if let Some(since) = bar.playing_since {
        if now - since >= SECONDS_PER_YEAR {
            if year < last {
                commands.push(Command::SetYear(Some(year + 1)));
                bar.playing_since = Some(now);
            } else {
                bar.playing_since = None;
            }
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(SECONDS_PER_YEAR / 4.0));
    }
    if bar
        .changes
        .is_none_or(|(r, y, _)| r != revision || y != year)
    {
        let changes = view.model().changes_in(year);
        let counts = [
            changes.arrived.len(),
            changes.relations_begun.len(),
            changes.milestones.len(),
        ];
        bar.changes = Some((revision, year, counts));
    }
    let [arrived, relations, milestones] = bar.changes.map_or([0; 3], |(_, _, c)| c);
    ui.weak(crate::i18n::year_changes(
        arrived, relations, milestones, view.lang,
    ));
}
