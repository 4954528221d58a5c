//! The PDF briefing: its pages laid out inside the paper with every character in the embedded
//! font and every headline figure as the app shows it; the PDF itself read back by poppler
//! (`pdffonts`: the CJK font embedded and subset; `pdftotext`: the town's name and every
//! figure found as text) where poppler is installed — `.ci/run` installs it.

use std::process::Command;

use townscope::briefing::sheet::{MARGIN, Mark, PAGE_HEIGHT, PAGE_WIDTH, Typeface};
use townscope::context::headline::cards;
use townscope::document::Document;
use townscope::i18n::Lang;
use townscope::io::Origin;
use townscope::model::Date;

fn yunqi() -> Document {
    Document::new(
        townscope::io::embedded_yunqi().expect("loads"),
        Origin::Embedded,
    )
}

const PREPARED: Date = Date {
    year: 2026,
    month: Some(12),
    day: Some(1),
    period: None,
};

#[test]
fn every_page_stays_on_the_paper_and_every_figure_is_in_it() {
    let doc = yunqi();
    let drawing = townscope::app::headless::drawing(&doc, None);
    let face = Typeface::bundled().expect("the font parses");
    for lang in [Lang::Zh, Lang::En] {
        let pages = townscope::briefing::pages(&doc, &drawing, lang, PREPARED);
        assert!(pages.len() >= 7, "{lang:?}: {} pages", pages.len());
        let mut texts = Vec::new();
        for (number, page) in pages.iter().enumerate() {
            for mark in &page.marks {
                let Mark::Text {
                    x, y, size, text, ..
                } = mark
                else {
                    continue;
                };
                let right = x + face.width(text, *size);
                assert!(
                    *x >= MARGIN - 0.5 && right <= PAGE_WIDTH - MARGIN + 0.5,
                    "{lang:?} page {}: {text:?} runs from {x} to {right}",
                    number + 1
                );
                assert!(
                    *y >= MARGIN - 0.5 && y + size <= PAGE_HEIGHT - MARGIN + 12.0,
                    "{lang:?} page {}: {text:?} at {y} is off the page",
                    number + 1
                );
                let missing: Vec<char> = text.chars().filter(|&c| !face.has(c)).collect();
                assert!(missing.is_empty(), "{lang:?}: {text:?} lacks {missing:?}");
                texts.push(text.clone());
            }
        }
        // Every headline figure, written as the overview's cards write it.
        let figures = cards(&doc, lang, None);
        assert!(figures.len() >= 8);
        for card in &figures {
            assert!(
                texts.iter().any(|t| t == &card.value),
                "{lang:?}: {} is not in the briefing",
                card.value
            );
        }
        // Every source listed under its number.
        let sources = doc.model().sources.len();
        for n in 1..=sources {
            let number = format!("[{n}]");
            assert!(
                texts.iter().any(|t| t == &number),
                "{lang:?}: no source {n}"
            );
        }
        // The network: a circle per entity (and the legend's), a line per link.
        let network = pages
            .iter()
            .find(|p| p.heading == townscope::i18n::strings(lang).briefing.network)
            .expect("a network page");
        let circles = network
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Circle { .. }))
            .count();
        let lines = network
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Line { .. }))
            .count();
        assert!(circles >= doc.model().entities.len(), "{circles} circles");
        assert!(lines >= 90, "{lines} links drawn");
    }
}

#[test]
fn a_model_with_nothing_in_it_still_makes_a_briefing() {
    let doc = Document::new(townscope::model::Model::blank(), Origin::New);
    let drawing = townscope::app::headless::drawing(&doc, None);
    let bytes = townscope::briefing::pdf(&doc, &drawing, Lang::En, PREPARED).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
}

/// `program args…`'s output, or None where the program is not installed.
fn run(program: &str, args: &[&std::ffi::OsStr]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    assert!(output.status.success(), "{program} failed: {output:?}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn poppler_finds_the_font_embedded_and_subset_and_every_figure_as_text() {
    let folder = tempfile::tempdir().expect("a folder");
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let path = folder.path().join(format!("briefing-{code}.pdf"));
        let mut err = Vec::new();
        let status = townscope::cli::export(None, &path, "entities", lang, &mut err).expect("ran");
        assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
        let Some(fonts) = run("pdffonts", &[path.as_os_str()]) else {
            eprintln!("poppler-utils not installed: skipping the pdffonts/pdftotext check");
            return;
        };
        // name, type, encoding, emb, sub, uni: the one font embedded, subset, with a ToUnicode map.
        let noto: Vec<&str> = fonts.lines().filter(|l| l.contains("NotoSans")).collect();
        assert_eq!(noto.len(), 1, "{fonts}");
        assert!(
            noto.iter().all(|l| l.contains("yes yes yes")),
            "not embedded and subset: {fonts}"
        );
        // A subset: far smaller than the 1.6 MB font.
        let size = std::fs::metadata(&path).expect("written").len();
        assert!(size < 400_000, "{size} bytes");
        let text = run("pdftotext", &[path.as_os_str(), "-".as_ref()]).expect("poppler");
        let town = match lang {
            Lang::Zh => "云栖小镇",
            Lang::En => "Yunqi Town",
        };
        assert!(text.contains(town), "{lang:?}: no {town}");
        for card in cards(&yunqi(), lang, None) {
            assert!(
                text.contains(&card.value),
                "{lang:?}: {} not found",
                card.value
            );
        }
    }
}
