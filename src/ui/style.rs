//! Colours with meaning and one type scale, used by every panel.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

use crate::model::{EntityKind, RelationKind};

/// One colour per entity kind (Okabe–Ito, colour-blind safe, plus two greys), the same in the
/// browser, the charts, the details and later the network.
pub fn kind_colour(kind: EntityKind) -> Color32 {
    match kind {
        EntityKind::Enterprise => Color32::from_rgb(0x00, 0x72, 0xB2),
        EntityKind::Alliance => Color32::from_rgb(0xE6, 0x9F, 0x00),
        EntityKind::Fund => Color32::from_rgb(0x00, 0x9E, 0x73),
        EntityKind::Institution => Color32::from_rgb(0xCC, 0x79, 0xA7),
        EntityKind::Government => Color32::from_rgb(0xD5, 0x5E, 0x00),
        EntityKind::Event => Color32::from_rgb(0x56, 0xB4, 0xE9),
        EntityKind::Policy => Color32::from_rgb(0xF0, 0xE4, 0x42),
        EntityKind::Place => Color32::from_rgb(0x99, 0x99, 0x99),
        EntityKind::Person => Color32::from_rgb(0xDD, 0xDD, 0xDD),
    }
}

/// The outline of a node in the network, one per entity kind, so kinds read apart even in grey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeShape {
    Circle,
    Hexagon,
    Diamond,
    Square,
    Pentagon,
    Star,
    /// A standing rectangle, like a sheet of paper.
    Sheet,
    TriangleUp,
    TriangleDown,
}

pub fn kind_shape(kind: EntityKind) -> NodeShape {
    match kind {
        EntityKind::Enterprise => NodeShape::Circle,
        EntityKind::Alliance => NodeShape::Hexagon,
        EntityKind::Fund => NodeShape::Diamond,
        EntityKind::Institution => NodeShape::Square,
        EntityKind::Government => NodeShape::Pentagon,
        EntityKind::Event => NodeShape::Star,
        EntityKind::Policy => NodeShape::Sheet,
        EntityKind::Place => NodeShape::TriangleUp,
        EntityKind::Person => NodeShape::TriangleDown,
    }
}

/// Relations drawn in one colour per family: belonging, founding, money, working together,
/// place, policy. Translucent, so crossings stay readable.
pub fn relation_colour(kind: RelationKind) -> Color32 {
    use RelationKind as R;
    let (r, g, b) = match kind {
        R::MemberOf | R::Leads | R::HonoraryHeadOf => (0xE6, 0x9F, 0x00),
        R::Founded | R::CoFounded | R::PredecessorOf => (0xD5, 0x5E, 0x00),
        R::InvestsIn | R::Sponsors => (0x00, 0x9E, 0x73),
        R::PartnersWith | R::Serves | R::Supports | R::Recognises | R::Visited => {
            (0x56, 0xB4, 0xE9)
        }
        R::LocatedIn | R::PartOf | R::Hosts => (0x99, 0x99, 0x99),
        R::Issued | R::Signed => (0xCC, 0x79, 0xA7),
    };
    Color32::from_rgba_unmultiplied(r, g, b, 110)
}

/// The headline-figure size, for the numbers on the overview's cards.
pub fn figure_style() -> TextStyle {
    TextStyle::Name("Figure".into())
}

/// Sets the type scale: headline figures, headings, body, captions.
pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (figure_style(), FontId::new(28.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.5, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}
