//! What a page of the briefing holds, before any PDF is written: text at a place and size, lines,
//! circles and boxes, in points from the page's top left. Laying out into this list first lets
//! the pages be counted (for "3 / 9") and checked by tests without reading a PDF back.

use crate::i18n::NOTO_SANS_SC_SUBSET;

/// A4 landscape, in points.
pub const PAGE_WIDTH: f32 = 841.89;
pub const PAGE_HEIGHT: f32 = 595.28;
/// Every page's margin; the header and footer sit inside it.
pub const MARGIN: f32 = 42.0;
/// Where a page's content starts below its heading.
pub const CONTENT_TOP: f32 = MARGIN + 46.0;
/// Where a page's content must end, above the footer.
pub const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 10.0;
/// Lines of text are this many times their size apart.
pub const LINE_SPACING: f32 = 1.4;

pub type Rgb = [u8; 3];

pub const INK: Rgb = [0x1f, 0x24, 0x2b];
pub const MUTED: Rgb = [0x5c, 0x64, 0x70];
pub const FAINT: Rgb = [0xc4, 0xc9, 0xd0];
pub const ACCENT: Rgb = [0x1f, 0x6f, 0xb2];
pub const WARNING: Rgb = [0xb0, 0x5a, 0x00];

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// `text` on one line, its top at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        colour: Rgb,
        text: String,
    },
    /// A polyline.
    Line {
        points: Vec<[f32; 2]>,
        width: f32,
        colour: Rgb,
        opacity: f32,
    },
    Circle {
        centre: [f32; 2],
        radius: f32,
        fill: Rgb,
        outline: Option<Rgb>,
    },
    /// A filled box.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Rgb,
    },
}

/// A page's marks, in the order drawn.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// The section heading (repeated, marked continued, on the section's later pages).
    pub heading: String,
    pub marks: Vec<Mark>,
}

impl Page {
    pub fn text(&mut self, x: f32, y: f32, size: f32, colour: Rgb, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.marks.push(Mark::Text {
                x,
                y,
                size,
                colour,
                text,
            });
        }
    }

    pub fn line(&mut self, from: [f32; 2], to: [f32; 2], width: f32, colour: Rgb) {
        self.marks.push(Mark::Line {
            points: vec![from, to],
            width,
            colour,
            opacity: 1.0,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb) {
        self.marks.push(Mark::Rect {
            x,
            y,
            width,
            height,
            fill,
        });
    }

    /// Writes `lines` (from [`Typeface::wrap`]) from `y` down; returns the `y` below them.
    pub fn lines(&mut self, x: f32, y: f32, size: f32, colour: Rgb, lines: &[String]) -> f32 {
        let mut y = y;
        for line in lines {
            self.text(x, y, size, colour, line.clone());
            y += size * LINE_SPACING;
        }
        y
    }
}

/// The briefing's one font, measured: Latin and Chinese alike, so a mixed line is one run.
pub struct Typeface {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Typeface {
    pub fn bundled() -> Option<Self> {
        let face = ttf_parser::Face::parse(NOTO_SANS_SC_SUBSET, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        Some(Self { face, units_per_em })
    }

    /// Whether the font draws `c` (a character it lacks would print as an empty box).
    pub fn has(&self, c: char) -> bool {
        c.is_control() || self.face.glyph_index(c).is_some()
    }

    /// `text` with every character the font lacks replaced by one it has: dashes and quotes by
    /// their plain forms, anything else by a question mark — never an empty box.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| {
                if self.has(c) {
                    return c;
                }
                let plain = match c {
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                    '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
                    '\u{201c}' | '\u{201d}' | '\u{2033}' => '"',
                    '\u{00a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' => ' ',
                    _ => '?',
                };
                if self.has(plain) { plain } else { ' ' }
            })
            .collect()
    }

    /// How wide `text` is at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0))
            })
            .sum();
        units * size / self.units_per_em
    }

    /// `text` broken into lines no wider than `width` at `size`: between words, and between any
    /// two Chinese characters; a word wider than a line is broken where it must be. A line break
    /// in `text` starts a new line.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for piece in pieces(paragraph) {
                let candidate = format!("{line}{piece}");
                if line.is_empty() || self.width(candidate.trim_end(), size) <= width {
                    line = candidate;
                    // A single piece wider than the line: cut it by characters.
                    while self.width(line.trim_end(), size) > width && line.chars().count() > 1 {
                        let (head, tail) = self.split_at_width(&line, size, width);
                        lines.push(head);
                        line = tail;
                    }
                    continue;
                }
                lines.push(line.trim_end().to_owned());
                line = piece.trim_start().to_owned();
                while self.width(line.trim_end(), size) > width && line.chars().count() > 1 {
                    let (head, tail) = self.split_at_width(&line, size, width);
                    lines.push(head);
                    line = tail;
                }
            }
            let line = line.trim_end();
            if !line.is_empty() {
                lines.push(line.to_owned());
            }
        }
        lines
    }

    /// `text` on one line of `width`: whole, or cut with "…" where it would run over.
    pub fn fit(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_owned();
        }
        let mut cut = String::new();
        for c in text.chars() {
            let next = format!("{cut}{c}…");
            if self.width(&next, size) > width {
                break;
            }
            cut.push(c);
        }
        format!("{}…", cut.trim_end())
    }

    /// The most of `text` that fits in `width` (at least one character), and the rest.
    fn split_at_width(&self, text: &str, size: f32, width: f32) -> (String, String) {
        let mut head = String::new();
        let mut chars = text.chars().peekable();
        while let Some(&c) = chars.peek() {
            let next = format!("{head}{c}");
            if !head.is_empty() && self.width(&next, size) > width {
                break;
            }
            head = next;
            chars.next();
        }
        (head, chars.collect::<String>().trim_start().to_owned())
    }
}

/// Where a line may break: after a run of spaces, and around every Chinese character or
/// full-width mark (which keeps a closing mark with the character before it).
fn pieces(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let wide = is_wide(c);
        let closes = matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '）'
                | '」'
                | '』'
                | '”'
                | '’'
                | '！'
                | '？'
                | '〕'
                | '》'
        );
        if closes && current.is_empty() {
            // Kept with the character before it: a line never starts with "，" or "）".
            if let Some(last) = pieces.last_mut() {
                last.push(c);
                continue;
            }
        }
        if wide && !closes && !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
        if current.ends_with(' ') && c != ' ' {
            pieces.push(std::mem::take(&mut current));
        }
        current.push(c);
        if wide && !matches!(c, '（' | '「' | '『' | '“' | '‘' | '〔' | '《') {
            pieces.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_their_width_and_keep_every_character() {
        let face = Typeface::bundled().expect("the bundled font parses");
        let text = "云栖小镇是以云计算为核心、以大数据和智能硬件产业为产业特色的特色小镇，\
                    Yunqi Town grew around Alibaba Cloud's developer conference.";
        let lines = face.wrap(text, 10.0, 120.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(face.width(line, 10.0) <= 120.0 + 0.01, "{line} runs over");
            assert!(!line.starts_with('，') && !line.starts_with('、'), "{line}");
        }
        let joined: String = lines.concat();
        let without_spaces = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
        assert_eq!(without_spaces(&joined), without_spaces(text));
    }

    #[test]
    fn characters_the_font_lacks_become_ones_it_has() {
        let face = Typeface::bundled().expect("the bundled font parses");
        assert!(face.has('云') && face.has('A') && face.has('·'));
        let printed = face.printable("a\u{1F600}b");
        assert!(printed.chars().all(|c| face.has(c)), "{printed}");
        assert_eq!(
            face.fit("Zhejiang Provincial Government", 10.0, 60.0)
                .chars()
                .last(),
            Some('…')
        );
        assert!(
            face.width(
                &face.fit("Zhejiang Provincial Government", 10.0, 60.0),
                10.0
            ) <= 60.0
        );
    }
}
