//! The pages written as PDF with krilla: the bundled font embedded once and subset to the
//! characters used, text as real text (selectable, searchable), shapes as vector paths, and an
//! outline of the sections for the reader's side bar.

use std::sync::Arc;

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::sheet::{Mark, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb};
use crate::i18n::NOTO_SANS_SC_SUBSET;

/// The font's ascent as a share of its size: a text's top at `y` has its baseline here below.
const ASCENT: f32 = 0.88;

/// What the document says of itself.
pub struct About {
    pub title: String,
    pub subject: String,
    /// `zh-CN` or `en`.
    pub language: String,
    pub prepared: crate::model::Date,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the bundled font could not be read")]
    Font,
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// `pages` as a PDF; each section's first page is an entry of the outline.
pub fn pdf(pages: &[Page], about: &About) -> Result<Vec<u8>, RenderError> {
    let data: krilla::Data = Arc::new(NOTO_SANS_SC_SUBSET.to_vec()).into();
    let font = Font::new(data, 0).ok_or(RenderError::Font)?;
    let mut document = Document::new();
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(RenderError::Font)?;
    for page in pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for mark in &page.marks {
            draw(&mut surface, mark, &font);
        }
        surface.finish();
        pdf_page.finish();
    }
    let mut outline = Outline::new();
    let mut last_heading = None;
    for (index, page) in pages.iter().enumerate() {
        if last_heading != Some(&page.heading) && !page.heading.is_empty() {
            outline.push_child(OutlineNode::new(
                page.heading.clone(),
                XyzDestination::new(index, Point::from_xy(0.0, 0.0)),
            ));
        }
        last_heading = Some(&page.heading);
    }
    document.set_outline(outline);
    let date = about.prepared;
    let mut created = DateTime::new(u16::try_from(date.year).unwrap_or(2000));
    if let Some(month) = date.month {
        created = created.month(month);
        if let Some(day) = date.day {
            created = created.day(day);
        }
    }
    document.set_metadata(
        Metadata::new()
            .title(about.title.clone())
            .description(about.subject.clone())
            .language(about.language.clone())
            .creator("Townscope".to_owned())
            .creation_date(created),
    );
    document
        .finish()
        .map_err(|error| RenderError::Pdf(format!("{error:?}")))
}

fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

fn fill(c: Rgb, opacity: f32) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface<'_>, mark: &Mark, font: &Font) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            colour: c,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*c, 1.0)));
            surface.draw_text(
                Point::from_xy(*x, y + size * ASCENT),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Mark::Line {
            points,
            width,
            colour: c,
            opacity,
        } => {
            let mut path = PathBuilder::new();
            let mut points = points.iter();
            let Some(first) = points.next() else {
                return;
            };
            path.move_to(first[0], first[1]);
            for p in points {
                path.line_to(p[0], p[1]);
            }
            let Some(path) = path.finish() else {
                return;
            };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: colour(*c).into(),
                width: *width,
                line_cap: LineCap::Round,
                line_join: LineJoin::Round,
                opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE),
                ..Default::default()
            }));
            surface.draw_path(&path);
        }
        Mark::Circle {
            centre,
            radius,
            fill: c,
            outline,
        } => {
            let Some(path) = circle(*centre, *radius) else {
                return;
            };
            surface.set_fill(Some(fill(*c, 1.0)));
            surface.set_stroke(outline.map(|o| Stroke {
                paint: colour(o).into(),
                width: 0.6,
                ..Default::default()
            }));
            surface.draw_path(&path);
        }
        Mark::Rect {
            x,
            y,
            width,
            height,
            fill: c,
        } => {
            let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *width, *height) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            let Some(path) = path.finish() else {
                return;
            };
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*c, 1.0)));
            surface.draw_path(&path);
        }
    }
}

/// A circle as four cubic Béziers (the usual 0.5523 handle length).
fn circle(centre: [f32; 2], radius: f32) -> Option<krilla::geom::Path> {
    const K: f32 = 0.552_284_8;
    let [cx, cy] = centre;
    let (r, k) = (radius, radius * K);
    let mut path = PathBuilder::new();
    path.move_to(cx + r, cy);
    path.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    path.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    path.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    path.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    path.close();
    path.finish()
}
