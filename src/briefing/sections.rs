//! The briefing's sections laid out as pages: headline figures, the network, how the town grew
//! and its milestones, the indicators, the key entities and the sources.

use rustc_hash::FxHashMap;

use super::sheet::{
    ACCENT, CONTENT_BOTTOM, CONTENT_TOP, FAINT, INK, LINE_SPACING, MARGIN, MUTED, Mark, PAGE_WIDTH,
    Page, Rgb, Typeface, WARNING,
};
use crate::context::headline::{Card, name_of};
use crate::document::Document;
use crate::i18n::{Lang, Strings, format_figure};
use crate::io::graph_files::Drawing;
use crate::model::Cite;

const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const CARD_BACKGROUND: Rgb = [0xf1, 0xf4, 0xf8];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/// What every section reads: the model, the words, the font, and each source's number.
pub struct Setting<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub words: &'static Strings,
    pub face: &'a Typeface,
    /// Source id → its number in the list of sources (from 1).
    pub numbers: FxHashMap<&'a str, usize>,
}

impl<'a> Setting<'a> {
    pub fn new(doc: &'a Document, lang: Lang, face: &'a Typeface) -> Self {
        let numbers = doc
            .model()
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i + 1))
            .collect();
        Self {
            doc,
            lang,
            words: crate::i18n::strings(lang),
            face,
            numbers,
        }
    }

    /// Citations as the reader follows them: `[3] 三、成效; [5]`.
    fn cites(&self, cites: &[Cite]) -> String {
        cites
            .iter()
            .map(|cite| {
                let number = self
                    .numbers
                    .get(cite.source.as_str())
                    .map_or_else(|| cite.source.clone(), |n| n.to_string());
                if cite.at.is_empty() {
                    format!("[{number}]")
                } else {
                    format!("[{number}] {}", cite.at)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// `label: text` with the language's colon.
    fn labelled(&self, label: &str, text: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{label}：{text}"),
            Lang::En => format!("{label}: {text}"),
        }
    }

    /// `text` in the language's quotation marks.
    fn quoted(&self, text: &str) -> String {
        match self.lang {
            Lang::Zh => format!("“{text}”"),
            Lang::En => format!("\"{text}\""),
        }
    }

    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        self.face.wrap(&self.face.printable(text), size, width)
    }

    fn fit(&self, text: &str, size: f32, width: f32) -> String {
        self.face.fit(&self.face.printable(text), size, width)
    }
}

/// Pages of one section: a new page, headed "(continued)", wherever the next block would run
/// past the bottom.
pub struct Flow {
    pub pages: Vec<Page>,
    heading: String,
    continued: &'static str,
    pub y: f32,
}

impl Flow {
    pub fn new(heading: &str, words: &Strings) -> Self {
        Self {
            pages: vec![Page {
                heading: heading.to_owned(),
                marks: Vec::new(),
            }],
            heading: heading.to_owned(),
            continued: words.briefing.continued,
            y: CONTENT_TOP,
        }
    }

    /// The page to draw on, with room for `height` more from `y` (a new page when there is
    /// not, unless this page is still empty: a block taller than a page is drawn anyway).
    pub fn room(&mut self, height: f32) -> &mut Page {
        let empty = self.pages.last().is_none_or(|p| p.marks.is_empty());
        if self.y + height > CONTENT_BOTTOM && !empty {
            self.pages.push(Page {
                heading: format!("{} {}", self.heading, self.continued),
                marks: Vec::new(),
            });
            self.y = CONTENT_TOP;
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }
}

/// The headline figures as cards, three to a row, each with its unit, date and sources.
pub fn figures(setting: &Setting<'_>, cards: &[Card]) -> Vec<Page> {
    let words = setting.words;
    let mut flow = Flow::new(words.briefing.headline_figures, words);
    let intro = setting.wrap(words.briefing.headline_intro, 9.5, CONTENT_WIDTH);
    let page = flow.room(0.0);
    flow.y = page.lines(MARGIN, CONTENT_TOP, 9.5, MUTED, &intro) + 6.0;
    if cards.is_empty() {
        let y = flow.y;
        flow.room(20.0)
            .text(MARGIN, y, 11.0, MUTED, words.briefing.no_figures);
        return flow.pages;
    }
    let gap = 12.0;
    let columns = 3;
    let width = (CONTENT_WIDTH - gap * (columns as f32 - 1.0)) / columns as f32;
    for row in cards.chunks(columns) {
        let drawn: Vec<Vec<Mark>> = row
            .iter()
            .map(|card| card_marks(setting, card, width))
            .collect();
        let height = drawn.iter().map(|m| marks_bottom(m)).fold(0.0, f32::max) + 10.0;
        let y = flow.y;
        let page = flow.room(height);
        let y = if page.marks.is_empty() {
            CONTENT_TOP
        } else {
            y
        };
        for (column, marks) in drawn.into_iter().enumerate() {
            let x = MARGIN + column as f32 * (width + gap);
            page.rect(x, y, width, height, CARD_BACKGROUND);
            page.rect(x, y, 3.0, height, ACCENT);
            page.marks
                .extend(marks.into_iter().map(|m| offset(m, x, y)));
        }
        flow.y = y + height + gap;
    }
    flow.pages
}

/// A card's marks from (0, 0); its text starts 12 points in.
fn card_marks(setting: &Setting<'_>, card: &Card, width: f32) -> Vec<Mark> {
    let words = &setting.words.briefing;
    let inner = width - 22.0;
    let mut page = Page::default();
    let x = 12.0;
    let mut y = 9.0;
    y = page.lines(x, y, 9.5, MUTED, &setting.wrap(&card.title, 9.5, inner)) + 2.0;
    let value = setting.face.printable(&card.value);
    let mut size = 22.0;
    while size > 13.0 && setting.face.width(&value, size) > inner {
        size -= 1.0;
    }
    y = page.lines(x, y, size, ACCENT, &setting.wrap(&value, size, inner));
    y = page.lines(x, y + 1.0, 9.5, INK, &setting.wrap(&card.when, 9.5, inner));
    let small = 8.0;
    if !card.note.is_empty() && card.note != card.value {
        let note = setting.quoted(&card.note);
        y = page.lines(x, y, small, MUTED, &setting.wrap(&note, small, inner));
    }
    if let Some(named) = card.named {
        let text = crate::i18n::provenance::named(named, setting.lang);
        y = page.lines(x, y, small, MUTED, &setting.wrap(&text, small, inner));
    }
    let cites = format!("{} {}", words.sources, setting.cites(&card.cites));
    y = page.lines(x, y, small, MUTED, &setting.wrap(&cites, small, inner));
    if let Some(dispute) = &card.disputed {
        let text = setting.labelled(
            words.disputed,
            &format!(
                "{} {}",
                dispute.note.get(setting.lang),
                setting.cites(&dispute.sources)
            ),
        );
        y = page.lines(x, y, small, WARNING, &setting.wrap(&text, small, inner));
    }
    for inference in &card.inferred {
        let text = setting.labelled(words.inferred, inference.note.get(setting.lang));
        y = page.lines(x, y, small, MUTED, &setting.wrap(&text, small, inner));
    }
    let _ = y;
    page.marks
}

/// The lowest point any of `marks` reaches (text by its line height).
fn marks_bottom(marks: &[Mark]) -> f32 {
    marks
        .iter()
        .map(|mark| match mark {
            Mark::Text { y, size, .. } => y + size * LINE_SPACING,
            Mark::Line { points, .. } => points.iter().map(|p| p[1]).fold(0.0, f32::max),
            Mark::Circle { centre, radius, .. } => centre[1] + radius,
            Mark::Rect { y, height, .. } => y + height,
        })
        .fold(0.0, f32::max)
}

fn offset(mark: Mark, dx: f32, dy: f32) -> Mark {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            colour,
            text,
        } => Mark::Text {
            x: x + dx,
            y: y + dy,
            size,
            colour,
            text,
        },
        Mark::Line {
            points,
            width,
            colour,
            opacity,
        } => Mark::Line {
            points: points.iter().map(|p| [p[0] + dx, p[1] + dy]).collect(),
            width,
            colour,
            opacity,
        },
        Mark::Circle {
            centre,
            radius,
            fill,
            outline,
        } => Mark::Circle {
            centre: [centre[0] + dx, centre[1] + dy],
            radius,
            fill,
            outline,
        },
        Mark::Rect {
            x,
            y,
            width,
            height,
            fill,
        } => Mark::Rect {
            x: x + dx,
            y: y + dy,
            width,
            height,
            fill,
        },
    }
}

/// How many entities the network page names at most (the most connected first).
const NETWORK_LABELS: usize = 45;
const LEGEND_WIDTH: f32 = 150.0;

/// The network as vectors: every link a line, every entity a circle in its kind's colour,
/// the most connected named where their names fit; a legend of the kinds.
pub fn network(setting: &Setting<'_>, drawing: &Drawing) -> Page {
    let words = &setting.words.briefing;
    let mut page = Page {
        heading: words.network.to_owned(),
        marks: Vec::new(),
    };
    page.text(MARGIN, CONTENT_TOP, 9.5, MUTED, words.network_intro);
    let model = setting.doc.model();
    let graph = setting.doc.graph();
    let area = [
        MARGIN,
        CONTENT_TOP + 22.0,
        PAGE_WIDTH - MARGIN - LEGEND_WIDTH - 10.0,
        CONTENT_BOTTOM,
    ];
    let count = drawing.positions.len().min(model.entities.len());
    if count == 0 {
        return page;
    }
    let degree = |i: usize| graph.get(i).map_or(0, Vec::len);
    // Entities with no link drift to the layout's edges and would shrink the picture to a
    // corner: they are drawn in a row of their own under it instead.
    let isolated: Vec<usize> = (0..count).filter(|&i| degree(i) == 0).collect();
    let strip = if isolated.is_empty() { 0.0 } else { 34.0 };
    let area = [area[0], area[1], area[2], area[3] - strip];
    let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for (i, p) in drawing.positions.iter().enumerate().take(count) {
        if degree(i) == 0 && isolated.len() < count {
            continue;
        }
        for axis in 0..2 {
            min[axis] = min[axis].min(p[axis]);
            max[axis] = max[axis].max(p[axis]);
        }
    }
    let pad = 14.0;
    let span = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
    let scale =
        ((area[2] - area[0] - 2.0 * pad) / span[0]).min((area[3] - area[1] - 2.0 * pad) / span[1]);
    let centre = [(area[0] + area[2]) / 2.0, (area[1] + area[3]) / 2.0];
    let middle = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    let strip_y = area[3] + strip / 2.0 + 4.0;
    let isolated_gap = ((area[2] - area[0] - 120.0) / isolated.len().max(1) as f32).min(110.0);
    let place = |i: usize| -> [f32; 2] {
        if let Some(k) = isolated
            .iter()
            .position(|&j| j == i)
            .filter(|_| isolated.len() < count)
        {
            return [area[0] + 120.0 + k as f32 * isolated_gap, strip_y];
        }
        let p = drawing.positions.get(i).copied().unwrap_or(middle);
        [
            centre[0] + (p[0] - middle[0]) * scale,
            centre[1] + (p[1] - middle[1]) * scale,
        ]
    };
    let radius =
        |i: usize| -> f32 { (drawing.sizes.get(i).copied().unwrap_or(4.0) * 0.42).clamp(2.2, 9.0) };
    if !isolated.is_empty() && isolated.len() < count {
        page.line(
            [area[0], area[3] + 4.0],
            [area[2], area[3] + 4.0],
            0.5,
            FAINT,
        );
        let label = setting.labelled(
            setting.words.briefing.unconnected,
            &isolated.len().to_string(),
        );
        page.text(
            area[0],
            strip_y - 4.0,
            8.0,
            MUTED,
            setting.fit(&label, 8.0, 110.0),
        );
        // Named beside their dots where the row leaves room.
        if isolated_gap >= 36.0 {
            for (k, &i) in isolated.iter().enumerate() {
                let Some(entity) = model.entities.get(i) else {
                    continue;
                };
                let x = area[0] + 120.0 + k as f32 * isolated_gap + 5.0;
                let name = setting.fit(name_of(entity, setting.lang), 6.5, isolated_gap - 9.0);
                page.text(x, strip_y - 3.5, 6.5, INK, name);
            }
        }
    }
    for (i, neighbours) in graph.iter().enumerate().take(count) {
        for &j in neighbours.iter().filter(|&&j| j > i && j < count) {
            page.marks.push(Mark::Line {
                points: vec![place(i), place(j)],
                width: 0.45,
                colour: [0x9a, 0xa3, 0xad],
                opacity: 0.7,
            });
        }
    }
    for i in 0..count {
        let fill = drawing.colours.get(i).copied().unwrap_or(MUTED);
        page.marks.push(Mark::Circle {
            centre: place(i),
            radius: radius(i),
            fill,
            outline: Some(WHITE),
        });
    }
    // Names: the most connected first, each to the right of its entity (else the left), where
    // it covers no name already placed and stays inside the picture.
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(graph.get(i).map_or(0, Vec::len)));
    let size = 7.0;
    // Every entity's circle is taken: a name covers no other entity.
    let circles: Vec<[f32; 4]> = (0..count)
        .map(|i| {
            let ([x, y], r) = (place(i), radius(i));
            [x - r, y - r, x + r, y + r]
        })
        .collect();
    let mut taken: Vec<[f32; 4]> = Vec::new();
    for &i in order.iter().take(NETWORK_LABELS) {
        let Some(entity) = model.entities.get(i) else {
            continue;
        };
        let name = setting.fit(name_of(entity, setting.lang), size, 120.0);
        let width = setting.face.width(&name, size);
        let [x, y] = place(i);
        let r = radius(i);
        let top = y - size * 0.6;
        let candidates = [x + r + 2.0, x - r - 2.0 - width];
        let free = candidates.into_iter().find_map(|left| {
            let rect = [left - 1.0, top, left + width + 1.0, top + size * 1.2];
            let inside = rect[0] >= area[0]
                && rect[2] <= area[2]
                && rect[1] >= area[1]
                && rect[3] <= area[3];
            let apart =
                |t: &[f32; 4]| rect[2] < t[0] || rect[0] > t[2] || rect[3] < t[1] || rect[1] > t[3];
            let clear = taken.iter().all(apart)
                && circles.iter().enumerate().all(|(j, c)| j == i || apart(c));
            (inside && clear).then_some(rect)
        });
        if let Some(rect) = free {
            page.rect(
                rect[0],
                rect[1],
                rect[2] - rect[0],
                rect[3] - rect[1],
                WHITE,
            );
            page.text(rect[0] + 1.0, top + size * 0.08, size, INK, name);
            taken.push(rect);
        }
    }
    // The legend: each kind present, with how many.
    let mut kinds: Vec<(crate::model::EntityKind, usize, Rgb)> = Vec::new();
    for (i, entity) in model.entities.iter().enumerate().take(count) {
        match kinds.iter_mut().find(|(k, ..)| *k == entity.kind) {
            Some((_, n, _)) => *n += 1,
            None => kinds.push((
                entity.kind,
                1,
                drawing.colours.get(i).copied().unwrap_or(MUTED),
            )),
        }
    }
    kinds.sort_by_key(|(kind, ..)| *kind);
    let x = PAGE_WIDTH - MARGIN - LEGEND_WIDTH;
    let mut y = CONTENT_TOP + 24.0;
    for (kind, n, colour) in kinds {
        page.marks.push(Mark::Circle {
            centre: [x + 5.0, y + 5.0],
            radius: 4.5,
            fill: colour,
            outline: None,
        });
        let label = format!(
            "{} {n}",
            crate::i18n::entity_kind_plural(kind, setting.lang)
        );
        page.text(
            x + 15.0,
            y,
            9.0,
            INK,
            setting.fit(&label, 9.0, LEGEND_WIDTH - 15.0),
        );
        y += 16.0;
    }
    let links = crate::i18n::count(
        setting.doc.links().len(),
        crate::i18n::Counted::Link,
        setting.lang,
    );
    page.text(x, y + 6.0, 9.0, MUTED, links);
    page
}

/// How the town grew: entities arriving each year as bars, then every milestone by date.
pub fn growth(setting: &Setting<'_>) -> Vec<Page> {
    let words = setting.words;
    let model = setting.doc.model();
    let mut flow = Flow::new(words.briefing.growth, words);
    let mut by_year: std::collections::BTreeMap<i32, usize> = Default::default();
    let mut unknown = 0;
    for entity in &model.entities {
        match entity.arrival() {
            Some(date) => *by_year.entry(date.year).or_default() += 1,
            None => unknown += 1,
        }
    }
    let chart_height = 170.0;
    if let (Some((&first, _)), Some((&last, _))) =
        (by_year.first_key_value(), by_year.last_key_value())
    {
        let page = flow.room(chart_height + 40.0);
        page.text(MARGIN, CONTENT_TOP, 11.0, INK, words.briefing.arrivals);
        let top = CONTENT_TOP + 22.0;
        let bottom = top + chart_height - 20.0;
        let years = (last - first + 1).max(1) as f32;
        let slot = CONTENT_WIDTH / years;
        let most = by_year.values().copied().max().unwrap_or(1).max(1) as f32;
        page.line(
            [MARGIN, bottom],
            [MARGIN + CONTENT_WIDTH, bottom],
            0.6,
            FAINT,
        );
        let label_every = if slot < 22.0 { 2 } else { 1 };
        for year in first..=last {
            let n = by_year.get(&year).copied().unwrap_or(0);
            let x = MARGIN + (year - first) as f32 * slot;
            let height = (bottom - top - 14.0) * n as f32 / most;
            if n > 0 {
                page.rect(
                    x + slot * 0.18,
                    bottom - height,
                    slot * 0.64,
                    height,
                    ACCENT,
                );
                let label = n.to_string();
                let w = setting.face.width(&label, 8.0);
                page.text(
                    x + (slot - w) / 2.0,
                    bottom - height - 11.0,
                    8.0,
                    INK,
                    label,
                );
            }
            if (year - first) % label_every == 0 {
                let label = year.to_string();
                let w = setting.face.width(&label, 7.5);
                page.text(x + (slot - w) / 2.0, bottom + 3.0, 7.5, MUTED, label);
            }
        }
        let note = crate::i18n::arrivals_recorded(by_year.values().sum(), unknown, setting.lang);
        page.text(MARGIN, bottom + 15.0, 8.5, MUTED, note);
        flow.y = top + chart_height + 14.0;
    }
    let y = flow.y;
    flow.room(40.0)
        .text(MARGIN, y, 13.0, INK, words.briefing.milestones);
    flow.y += 22.0;
    let mut milestones: Vec<_> = model.milestones.iter().collect();
    milestones.sort_by(|a, b| a.date.midpoint().total_cmp(&b.date.midpoint()));
    if milestones.is_empty() {
        let y = flow.y;
        flow.room(16.0)
            .text(MARGIN, y, 10.0, MUTED, words.briefing.no_milestones);
    }
    let date_width = 92.0;
    let text_width = CONTENT_WIDTH - date_width;
    for milestone in milestones {
        let title = setting.wrap(milestone.title.get(setting.lang), 10.0, text_width);
        let names: Vec<&str> = milestone
            .entities
            .iter()
            .filter_map(|id| setting.doc.index().get(id))
            .filter_map(|i| model.entities.get(i))
            .map(|e| name_of(e, setting.lang))
            .collect();
        let mut detail = names.join("、");
        let cites = setting.cites(&milestone.sources);
        if !cites.is_empty() {
            detail = if detail.is_empty() {
                cites
            } else {
                format!("{detail} · {cites}")
            };
        }
        let detail = setting.wrap(&detail, 8.0, text_width);
        let disputed = milestone.disputed.as_ref().map(|d| {
            setting.wrap(
                &setting.labelled(
                    words.briefing.disputed,
                    &format!("{} {}", d.note.get(setting.lang), setting.cites(&d.sources)),
                ),
                8.0,
                text_width,
            )
        });
        let height = title.len() as f32 * 10.0 * LINE_SPACING
            + detail.len() as f32 * 8.0 * LINE_SPACING
            + disputed
                .as_ref()
                .map_or(0.0, |d| d.len() as f32 * 8.0 * LINE_SPACING)
            + 6.0;
        let y = flow.y;
        let page = flow.room(height);
        let y = if page.marks.is_empty() {
            CONTENT_TOP
        } else {
            y
        };
        page.text(
            MARGIN,
            y,
            10.0,
            ACCENT,
            crate::i18n::date(milestone.date, setting.lang),
        );
        let mut below = page.lines(MARGIN + date_width, y, 10.0, INK, &title);
        below = page.lines(MARGIN + date_width, below, 8.0, MUTED, &detail);
        if let Some(disputed) = &disputed {
            below = page.lines(MARGIN + date_width, below, 8.0, WARNING, disputed);
        }
        flow.y = below + 6.0;
    }
    flow.pages
}

/// Every indicator with two values or more as a line chart, four to a page.
pub fn indicators(setting: &Setting<'_>) -> Vec<Page> {
    let words = setting.words;
    let model = setting.doc.model();
    let charted: Vec<_> = model
        .indicators
        .iter()
        .filter(|i| i.points.len() >= 2)
        .collect();
    let mut pages = Vec::new();
    let gap = 20.0;
    let width = (CONTENT_WIDTH - gap) / 2.0;
    let height = (CONTENT_BOTTOM - CONTENT_TOP - 16.0 - gap) / 2.0;
    if charted.is_empty() {
        let mut page = Page {
            heading: words.briefing.indicators.to_owned(),
            marks: Vec::new(),
        };
        page.text(
            MARGIN,
            CONTENT_TOP,
            11.0,
            MUTED,
            words.briefing.no_indicators,
        );
        return vec![page];
    }
    for (n, group) in charted.chunks(4).enumerate() {
        let heading = if n == 0 {
            words.briefing.indicators.to_owned()
        } else {
            format!("{} {}", words.briefing.indicators, words.briefing.continued)
        };
        let mut page = Page {
            heading,
            marks: Vec::new(),
        };
        page.text(
            MARGIN,
            CONTENT_TOP,
            9.0,
            MUTED,
            words.briefing.single_values,
        );
        for (k, indicator) in group.iter().enumerate() {
            let x = MARGIN + (k % 2) as f32 * (width + gap);
            let y = CONTENT_TOP + 16.0 + (k / 2) as f32 * (height + gap);
            chart(setting, &mut page, indicator, [x, y, width, height]);
        }
        pages.push(page);
    }
    pages
}

/// One indicator's chart in `frame` (x, y, width, height): its name and unit, the values as a
/// line with each value written, the years below, the sources under it.
fn chart(
    setting: &Setting<'_>,
    page: &mut Page,
    indicator: &crate::model::Indicator,
    frame: [f32; 4],
) {
    let lang = setting.lang;
    let [x, y, width, height] = frame;
    page.rect(x, y, width, height, CARD_BACKGROUND);
    let title = setting.fit(indicator.name.get(lang), 11.0, width - 20.0);
    page.text(x + 10.0, y + 8.0, 11.0, INK, title);
    let scope = setting
        .doc
        .index()
        .get(&indicator.scope)
        .and_then(|i| setting.doc.model().entities.get(i))
        .map_or(indicator.scope.as_str(), |e| name_of(e, lang));
    let subtitle = format!("{} · {}", crate::i18n::unit(indicator.unit, lang), scope);
    page.text(
        x + 10.0,
        y + 24.0,
        8.0,
        MUTED,
        setting.fit(&subtitle, 8.0, width - 20.0),
    );
    let mut points: Vec<_> = indicator.points.iter().collect();
    points.sort_by(|a, b| a.date.midpoint().total_cmp(&b.date.midpoint()));
    let mut cites: Vec<Cite> = Vec::new();
    for point in &points {
        for cite in &point.sources {
            if !cites.contains(cite) {
                cites.push(cite.clone());
            }
        }
    }
    let mut source_lines = setting.wrap(
        &format!(
            "{} {}",
            setting.words.briefing.sources,
            setting.cites(&cites)
        ),
        7.5,
        width - 20.0,
    );
    source_lines.truncate(2);
    let cited_lines = source_lines.len();
    for point in &points {
        if let Some(dispute) = &point.disputed {
            let text = setting.labelled(
                setting.words.briefing.disputed,
                &format!(
                    "{} — {} {}",
                    crate::i18n::date(point.date, lang),
                    dispute.note.get(lang),
                    setting.cites(&dispute.sources)
                ),
            );
            source_lines.extend(setting.wrap(&text, 7.5, width - 20.0).into_iter().take(2));
        }
    }
    let plot = [
        x + 16.0,
        y + 52.0,
        x + width - 16.0,
        y + height - 26.0 - source_lines.len() as f32 * 7.5 * LINE_SPACING,
    ];
    let first = points.first().map_or(0.0, |p| p.date.midpoint());
    let last = points.last().map_or(1.0, |p| p.date.midpoint());
    let span = (last - first).max(1e-9);
    let top = points.iter().map(|p| p.value).fold(0.0_f64, f64::max);
    // From zero, so that the heights compare as the values do (a share can be negative).
    let bottom_value = points.iter().map(|p| p.value).fold(0.0_f64, f64::min);
    let range = (top - bottom_value).max(1e-12);
    let at = |date: f64, value: f64| -> [f32; 2] {
        [
            plot[0] + ((date - first) / span) as f32 * (plot[2] - plot[0]),
            plot[3] - ((value - bottom_value) / range) as f32 * (plot[3] - plot[1]),
        ]
    };
    page.line([plot[0], plot[3]], [plot[2], plot[3]], 0.6, FAINT);
    let line: Vec<[f32; 2]> = points
        .iter()
        .map(|p| at(p.date.midpoint(), p.value))
        .collect();
    page.marks.push(Mark::Line {
        points: line.clone(),
        width: 1.6,
        colour: ACCENT,
        opacity: 1.0,
    });
    let mut last_year_right = f32::NEG_INFINITY;
    // Each value is written above its point, else below, else beside — wherever it covers no
    // other value and no point; one with no room anywhere is left out (the workbook has them all).
    let mut taken: Vec<[f32; 4]> = line
        .iter()
        .map(|p| [p[0] - 3.0, p[1] - 3.0, p[0] + 3.0, p[1] + 3.0])
        .collect();
    for (point, p) in points.iter().zip(&line) {
        let colour = if point.disputed.is_some() {
            WARNING
        } else {
            ACCENT
        };
        page.marks.push(Mark::Circle {
            centre: *p,
            radius: 2.6,
            fill: colour,
            outline: Some(WHITE),
        });
        let value = setting.face.printable(&format_figure(
            point.value,
            indicator.unit,
            point.qualifier,
            lang,
        ));
        let w = setting.face.width(&value, 7.5);
        let h = 7.5 * 1.2;
        let inside = |left: f32| left.clamp(x + 4.0, x + width - 4.0 - w);
        let candidates = [
            [inside(p[0] - w / 2.0), p[1] - 5.0 - h],
            [inside(p[0] - w / 2.0), p[1] + 5.0],
            [inside(p[0] + 6.0), p[1] - h / 2.0],
            [inside(p[0] - 6.0 - w), p[1] - h / 2.0],
        ];
        let free = candidates.into_iter().find(|[left, top]| {
            let rect = [*left, *top, left + w, top + h];
            rect[1] > y + 34.0
                && rect[3] < plot[3]
                && taken
                    .iter()
                    .all(|t| rect[2] < t[0] || rect[0] > t[2] || rect[3] < t[1] || rect[1] > t[3])
        });
        if let Some([left, top]) = free {
            page.text(left, top, 7.5, colour_of_value(point), value);
            taken.push([left, top, left + w, top + h]);
        }
        let year = crate::i18n::date(point.date, lang);
        let w = setting.face.width(&year, 7.0);
        let left = (p[0] - w / 2.0).clamp(x + 4.0, x + width - 4.0 - w);
        if left > last_year_right + 3.0 {
            page.text(left, plot[3] + 4.0, 7.0, MUTED, year);
            last_year_right = left + w;
        }
    }
    let below = page.lines(
        x + 10.0,
        y + height - 6.0 - source_lines.len() as f32 * 7.5 * LINE_SPACING,
        7.5,
        MUTED,
        source_lines.get(..cited_lines).unwrap_or_default(),
    );
    page.lines(
        x + 10.0,
        below,
        7.5,
        WARNING,
        source_lines.get(cited_lines..).unwrap_or_default(),
    );
}

/// A disputed value is written in the warning colour, as its point is drawn.
fn colour_of_value(point: &crate::model::Point) -> Rgb {
    if point.disputed.is_some() {
        WARNING
    } else {
        INK
    }
}

/// How many entities the list of key entities holds.
const KEY_ENTITIES: usize = 24;

/// The most connected entities as a table: name, kind, sector, since when in the town, links.
pub fn key_entities(setting: &Setting<'_>) -> Page {
    let words = &setting.words.briefing;
    let model = setting.doc.model();
    let graph = setting.doc.graph();
    let mut page = Page {
        heading: words.key_entities.to_owned(),
        marks: Vec::new(),
    };
    page.text(MARGIN, CONTENT_TOP, 9.5, MUTED, words.key_entities_intro);
    let mut order: Vec<usize> = (0..model.entities.len()).collect();
    order.sort_by(|&a, &b| {
        let degree = |i: usize| graph.get(i).map_or(0, Vec::len);
        degree(b).cmp(&degree(a)).then(a.cmp(&b))
    });
    let columns: [(f32, &str); 6] = [
        (24.0, "#"),
        (250.0, words.name_column),
        (110.0, words.kind_column),
        (200.0, words.sector_column),
        (110.0, words.since_column),
        (64.0, words.connections_column),
    ];
    let size = 9.0;
    let row_height = 16.5;
    let mut y = CONTENT_TOP + 22.0;
    let mut x = MARGIN;
    for (width, title) in columns {
        page.text(x, y, 8.5, MUTED, title);
        x += width;
    }
    y += 14.0;
    page.line([MARGIN, y], [PAGE_WIDTH - MARGIN, y], 0.6, FAINT);
    y += 4.0;
    for (rank, &i) in order.iter().take(KEY_ENTITIES).enumerate() {
        let Some(entity) = model.entities.get(i) else {
            continue;
        };
        if rank % 2 == 1 {
            page.rect(MARGIN, y - 2.5, CONTENT_WIDTH, row_height, CARD_BACKGROUND);
        }
        let sectors: Vec<&str> = entity
            .sectors
            .iter()
            .map(|s| model.sector_name(s, setting.lang))
            .collect();
        let since = entity
            .arrival()
            .map(|d| crate::i18n::date(d, setting.lang))
            .unwrap_or_default();
        let cells = [
            (rank + 1).to_string(),
            name_of(entity, setting.lang).to_owned(),
            crate::i18n::entity_kind(entity.kind, setting.lang).to_owned(),
            sectors.join(", "),
            since,
            graph.get(i).map_or(0, Vec::len).to_string(),
        ];
        let mut x = MARGIN;
        for ((width, _), cell) in columns.iter().zip(cells) {
            page.text(x, y, size, INK, setting.fit(&cell, size, width - 8.0));
            x += width;
        }
        y += row_height;
    }
    page
}

/// Every source, numbered as the citations give them, with publisher, date and where to find it.
pub fn sources(setting: &Setting<'_>) -> Vec<Page> {
    let words = setting.words;
    let model = setting.doc.model();
    let mut flow = Flow::new(words.briefing.sources, words);
    let page = flow.room(0.0);
    page.text(
        MARGIN,
        CONTENT_TOP,
        9.5,
        MUTED,
        words.briefing.sources_intro,
    );
    flow.y = CONTENT_TOP + 20.0;
    let number_width = 28.0;
    let width = CONTENT_WIDTH - number_width;
    for (i, source) in model.sources.iter().enumerate() {
        let title = setting.wrap(source.display_name(), 9.5, width);
        let mut detail: Vec<String> = Vec::new();
        if !source.publisher.is_empty() && source.publisher != source.display_name() {
            detail.push(source.publisher.clone());
        }
        if let Some(date) = source.date {
            detail.push(crate::i18n::date(date, setting.lang));
        }
        if !source.locator.is_empty() && source.locator != source.display_name() {
            detail.push(source.locator.clone());
        }
        let detail = setting.wrap(&detail.join(" · "), 8.0, width);
        let note = setting.wrap(&source.note, 7.5, width);
        let height = title.len() as f32 * 9.5 * LINE_SPACING
            + detail.len() as f32 * 8.0 * LINE_SPACING
            + note.len() as f32 * 7.5 * LINE_SPACING
            + 5.0;
        let y = flow.y;
        let page = flow.room(height);
        let y = if page.marks.is_empty() {
            CONTENT_TOP
        } else {
            y
        };
        page.text(MARGIN, y, 9.5, ACCENT, format!("[{}]", i + 1));
        let mut below = page.lines(MARGIN + number_width, y, 9.5, INK, &title);
        below = page.lines(MARGIN + number_width, below, 8.0, MUTED, &detail);
        below = page.lines(MARGIN + number_width, below, 7.5, MUTED, &note);
        flow.y = below + 5.0;
    }
    flow.pages
}
