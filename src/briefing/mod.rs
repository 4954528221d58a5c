//! The PDF briefing an official prints or forwards: a cover with the model's name and date and
//! its contents, the headline figures with unit, year and source, the network as vectors, how
//! the town grew and its milestones, the indicator charts, the key entities and every source —
//! A4 landscape, in Chinese or English, the bundled CJK font embedded and subset, every word
//! real text. Knows nothing of the screen: the app and the command line hand it the document
//! and the network's drawing.

mod render;
mod sections;
pub mod sheet;

use std::path::Path;

use crate::document::Document;
use crate::i18n::Lang;
use crate::io::graph_files::Drawing;
use crate::model::Date;

use sections::Setting;
use sheet::{ACCENT, FAINT, INK, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, Page, Typeface};

/// Why no briefing was written; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum BriefingError {
    #[error("{0}")]
    Render(#[from] render::RenderError),
    #[error("{0}")]
    Write(#[from] crate::io::SaveError),
}

/// The briefing's pages, laid out: what the PDF will show, page by page.
pub fn pages(doc: &Document, drawing: &Drawing, lang: Lang, prepared: Date) -> Vec<Page> {
    let Some(face) = Typeface::bundled() else {
        return Vec::new();
    };
    let setting = Setting::new(doc, lang, &face);
    let cards = crate::context::headline::cards(doc, lang, None);
    let mut body: Vec<Page> = Vec::new();
    body.extend(sections::figures(&setting, &cards));
    body.push(sections::network(&setting, drawing));
    body.extend(sections::growth(&setting));
    body.extend(sections::indicators(&setting));
    body.push(sections::key_entities(&setting));
    body.extend(sections::sources(&setting));
    let mut pages = vec![cover(&setting, &body, prepared)];
    pages.extend(body);
    let total = pages.len();
    let title = model_title(doc, lang);
    let words = &setting.words.briefing;
    let footer = format!(
        "{} · {} · {} {}",
        title,
        words.made_with,
        words.prepared,
        crate::i18n::date(prepared, lang)
    );
    for (number, page) in pages.iter_mut().enumerate() {
        if number > 0 {
            let heading = page.heading.clone();
            page.marks.insert(
                0,
                sheet::Mark::Text {
                    x: MARGIN,
                    y: MARGIN,
                    size: 18.0,
                    colour: INK,
                    text: heading,
                },
            );
            page.line(
                [MARGIN, MARGIN + 30.0],
                [PAGE_WIDTH - MARGIN, MARGIN + 30.0],
                0.8,
                FAINT,
            );
        }
        let y = PAGE_HEIGHT - MARGIN + 2.0;
        page.text(MARGIN, y, 7.5, MUTED, face.fit(&footer, 7.5, 600.0));
        let folio = format!("{} / {total}", number + 1);
        let w = face.width(&folio, 7.5);
        page.text(PAGE_WIDTH - MARGIN - w, y, 7.5, MUTED, folio);
        // Whatever the font cannot draw is replaced here, once, for every section.
        for mark in &mut page.marks {
            if let sheet::Mark::Text { text, .. } = mark {
                *text = face.printable(text);
            }
        }
    }
    pages
}

/// The briefing as PDF bytes.
pub fn pdf(
    doc: &Document,
    drawing: &Drawing,
    lang: Lang,
    prepared: Date,
) -> Result<Vec<u8>, BriefingError> {
    let pages = pages(doc, drawing, lang, prepared);
    let words = &crate::i18n::strings(lang).briefing;
    let about = render::About {
        title: format!("{} · {}", model_title(doc, lang), words.briefing),
        subject: doc.model().description.get(lang).to_owned(),
        language: match lang {
            Lang::Zh => "zh-CN".to_owned(),
            Lang::En => "en".to_owned(),
        },
        prepared,
    };
    Ok(render::pdf(&pages, &about)?)
}

/// Writes the briefing to `path` whole or not at all (an existing file keeps who may read it).
pub fn write_pdf(
    path: &Path,
    doc: &Document,
    drawing: &Drawing,
    lang: Lang,
    prepared: Date,
) -> Result<(), BriefingError> {
    let bytes = pdf(doc, drawing, lang, prepared)?;
    crate::io::write_atomically(path, &bytes, crate::io::Backup::None)?;
    Ok(())
}

/// Today's date (UTC) from the system clock, for the cover.
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's days-to-civil, for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(2000),
        month: u8::try_from(month).ok(),
        day: u8::try_from(day).ok(),
        period: None,
    }
}

fn model_title(doc: &Document, lang: Lang) -> String {
    let name = doc.model().name.get(lang);
    if name.is_empty() {
        doc.model().name.get(lang.other()).to_owned()
    } else {
        name.to_owned()
    }
}

/// The cover: the model's name, what the briefing is, its description and size, when it was
/// prepared and how recent its figures are, and the contents with page numbers.
fn cover(setting: &Setting<'_>, body: &[Page], prepared: Date) -> Page {
    let lang = setting.lang;
    let words = &setting.words.briefing;
    let face = setting.face;
    let doc = setting.doc;
    let mut page = Page {
        heading: String::new(),
        marks: Vec::new(),
    };
    page.rect(0.0, 0.0, PAGE_WIDTH, 10.0, ACCENT);
    let width = 520.0;
    let title = model_title(doc, lang);
    let mut size = 34.0;
    while size > 20.0 && face.width(&title, size) > width {
        size -= 1.0;
    }
    let mut y = page.lines(
        MARGIN + 8.0,
        96.0,
        size,
        INK,
        &face.wrap(&title, size, width),
    );
    let other = doc.model().name.get(lang.other());
    if !other.is_empty() && other != title {
        y = page.lines(MARGIN + 8.0, y, 14.0, MUTED, &face.wrap(other, 14.0, width));
    }
    y = page.lines(
        MARGIN + 8.0,
        y + 10.0,
        16.0,
        ACCENT,
        &[words.briefing.to_owned()],
    );
    let description = doc.model().description.get(lang);
    y = page.lines(
        MARGIN + 8.0,
        y + 14.0,
        10.5,
        INK,
        &face.wrap(description, 10.5, width),
    );
    y = page.lines(
        MARGIN + 8.0,
        y + 12.0,
        9.0,
        MUTED,
        &face.wrap(&crate::i18n::model_summary(doc.model(), lang), 9.0, width),
    );
    let mut when = format!("{} {}", words.prepared, crate::i18n::date(prepared, lang));
    let newest = doc
        .model()
        .indicators
        .iter()
        .flat_map(|i| &i.points)
        .map(|p| p.date.year)
        .max();
    if let Some(year) = newest {
        when = format!("{when} · {} {year}", words.figures_up_to);
    }
    page.lines(MARGIN + 8.0, y + 6.0, 9.0, MUTED, &[when]);
    // Contents, on the right: each section's first page.
    let x = MARGIN + 8.0 + width + 50.0;
    let right = PAGE_WIDTH - MARGIN;
    let mut y = 100.0;
    page.text(x, y, 12.0, INK, words.contents);
    y += 24.0;
    let mut last: Option<&str> = None;
    for (index, section) in body.iter().enumerate() {
        if last.is_some_and(|h| section.heading.starts_with(h)) {
            continue;
        }
        last = Some(&section.heading);
        let number = (index + 2).to_string();
        let w = face.width(&number, 10.0);
        page.text(
            x,
            y,
            10.0,
            INK,
            face.fit(&section.heading, 10.0, right - x - 30.0),
        );
        page.text(right - w, y, 10.0, MUTED, number);
        y += 19.0;
    }
    page
}
