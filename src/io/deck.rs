//! The story as a PowerPoint deck (.pptx, 16:9) that PowerPoint, WPS and LibreOffice open: one
//! slide per story slide — the view as a picture, the slide's title and caption as real text
//! (editable, in the outline, read by a screen reader), its sources in the speaker notes.
//!
//! A .pptx is a zip of XML parts (ECMA-376, PresentationML). The parts that never change — the
//! theme, the master, the one layout, the notes master — are written here once; the slides, their
//! notes and pictures for each story slide. Every text from the model is escaped by quick-xml.

use std::io::Write;

use quick_xml::escape::escape;

/// One slide of the deck.
pub struct DeckSlide {
    pub title: String,
    pub caption: String,
    /// The speaker notes, one paragraph per line.
    pub notes: Vec<String>,
    /// The view as a PNG, and its size in pixels.
    pub picture: Vec<u8>,
    pub picture_size: [u32; 2],
}

/// The deck as a whole.
pub struct Deck {
    pub title: String,
    /// `zh-CN` or `en-US`: the language PowerPoint checks the text's spelling in.
    pub language: &'static str,
    pub slides: Vec<DeckSlide>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    #[error("the deck has no slides")]
    NoSlides,
    #[error("cannot write the deck: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the deck: {0}")]
    Io(#[from] std::io::Error),
}

/// 16:9 at PowerPoint's default width, 13.333 in × 7.5 in, in EMU (914,400 to the inch).
pub const SLIDE_WIDTH: i64 = 12_192_000;
pub const SLIDE_HEIGHT: i64 = 6_858_000;
/// The share of the slide's height the picture takes; the title and caption are below it.
pub const PICTURE_SHARE: f64 = 0.74;

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument";
const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// The colour behind the slides: the presentation's dark.
const BACKGROUND: &str = "141414";

/// The deck as .pptx bytes.
pub fn pptx_bytes(deck: &Deck) -> Result<Vec<u8>, DeckError> {
    if deck.slides.is_empty() {
        return Err(DeckError::NoSlides);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    // Pictures are PNG already: stored, not compressed again.
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let count = deck.slides.len();
    let part = |zip: &mut zip::ZipWriter<_>, name: &str, text: String| -> Result<(), DeckError> {
        zip.start_file(name, deflated)?;
        zip.write_all(HEADER.as_bytes())?;
        zip.write_all(text.as_bytes())?;
        Ok(())
    };
    part(&mut zip, "[Content_Types].xml", content_types(count))?;
    part(&mut zip, "_rels/.rels", package_relationships())?;
    part(&mut zip, "docProps/core.xml", core_properties(&deck.title))?;
    part(&mut zip, "docProps/app.xml", app_properties(count))?;
    part(&mut zip, "ppt/presentation.xml", presentation(count))?;
    part(
        &mut zip,
        "ppt/_rels/presentation.xml.rels",
        presentation_relationships(count),
    )?;
    part(
        &mut zip,
        "ppt/presProps.xml",
        format!("<p:presentationPr {NS}/>"),
    )?;
    part(
        &mut zip,
        "ppt/viewProps.xml",
        format!("<p:viewPr {NS}><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"),
    )?;
    part(
        &mut zip,
        "ppt/tableStyles.xml",
        "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>"
            .to_owned(),
    )?;
    part(&mut zip, "ppt/theme/theme1.xml", theme())?;
    part(&mut zip, "ppt/theme/theme2.xml", theme())?;
    part(
        &mut zip,
        "ppt/slideMasters/slideMaster1.xml",
        slide_master(),
    )?;
    part(
        &mut zip,
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        relationships(&[
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
            ("rId2", "theme", "../theme/theme1.xml"),
        ]),
    )?;
    part(
        &mut zip,
        "ppt/slideLayouts/slideLayout1.xml",
        slide_layout(),
    )?;
    part(
        &mut zip,
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        relationships(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]),
    )?;
    part(
        &mut zip,
        "ppt/notesMasters/notesMaster1.xml",
        notes_master(),
    )?;
    part(
        &mut zip,
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        relationships(&[("rId1", "theme", "../theme/theme2.xml")]),
    )?;
    for (i, slide) in deck.slides.iter().enumerate() {
        let n = i + 1;
        part(
            &mut zip,
            &format!("ppt/slides/slide{n}.xml"),
            slide_xml(slide, deck.language),
        )?;
        part(
            &mut zip,
            &format!("ppt/slides/_rels/slide{n}.xml.rels"),
            relationships(&[
                ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("rId2", "image", &format!("../media/view{n}.png")),
                (
                    "rId3",
                    "notesSlide",
                    &format!("../notesSlides/notesSlide{n}.xml"),
                ),
            ]),
        )?;
        part(
            &mut zip,
            &format!("ppt/notesSlides/notesSlide{n}.xml"),
            notes_xml(&slide.notes, deck.language),
        )?;
        part(
            &mut zip,
            &format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            relationships(&[
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", &format!("../slides/slide{n}.xml")),
            ]),
        )?;
        zip.start_file(format!("ppt/media/view{n}.png"), stored)?;
        zip.write_all(&slide.picture)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Text as XML character data: escaped, and without the control characters XML cannot hold.
fn text(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|&c| c == '\t' || c == '\n' || !c.is_control())
        .collect();
    escape(clean.as_str()).into_owned()
}

fn relationships(entries: &[(&str, &str, &str)]) -> String {
    let mut xml = String::from(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target) in entries {
        xml.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{REL}/{kind}\" Target=\"{target}\"/>"
        ));
    }
    xml.push_str("</Relationships>");
    xml
}

fn content_types(count: usize) -> String {
    let pml = format!("{CT}.presentationml");
    let mut xml = format!(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>\
         <Override PartName=\"/ppt/presentation.xml\" ContentType=\"{pml}.presentation.main+xml\"/>\
         <Override PartName=\"/ppt/presProps.xml\" ContentType=\"{pml}.presProps+xml\"/>\
         <Override PartName=\"/ppt/viewProps.xml\" ContentType=\"{pml}.viewProps+xml\"/>\
         <Override PartName=\"/ppt/tableStyles.xml\" ContentType=\"{pml}.tableStyles+xml\"/>\
         <Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"{CT}.theme+xml\"/>\
         <Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"{CT}.theme+xml\"/>\
         <Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"{pml}.slideMaster+xml\"/>\
         <Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{pml}.slideLayout+xml\"/>\
         <Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"{pml}.notesMaster+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"{CT}.extended-properties+xml\"/>"
    );
    for n in 1..=count {
        xml.push_str(&format!(
            "<Override PartName=\"/ppt/slides/slide{n}.xml\" ContentType=\"{pml}.slide+xml\"/>\
             <Override PartName=\"/ppt/notesSlides/notesSlide{n}.xml\" ContentType=\"{pml}.notesSlide+xml\"/>"
        ));
    }
    xml.push_str("</Types>");
    xml
}

fn package_relationships() -> String {
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
     <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"ppt/presentation.xml\"/>\
     <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
     <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
     </Relationships>"
        .to_owned()
}

fn core_properties(title: &str) -> String {
    format!(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>Townscope</dc:creator></cp:coreProperties>",
        text(title)
    )
}

fn app_properties(count: usize) -> String {
    format!(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Townscope</Application><Slides>{count}</Slides><Notes>{count}</Notes>\
         <PresentationFormat>16:9</PresentationFormat></Properties>"
    )
}

fn presentation(count: usize) -> String {
    let slides: String = (1..=count)
        .map(|n| format!("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 255 + n, 10 + n))
        .collect();
    format!(
        "<p:presentation {NS} saveSubsetFonts=\"1\">\
         <p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>\
         <p:sldIdLst>{slides}</p:sldIdLst>\
         <p:sldSz cx=\"{SLIDE_WIDTH}\" cy=\"{SLIDE_HEIGHT}\"/>\
         <p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         </p:presentation>"
    )
}

fn presentation_relationships(count: usize) -> String {
    let mut entries: Vec<(String, &str, String)> = vec![
        (
            "rId1".into(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".into(),
        ),
        (
            "rId2".into(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), "theme", "theme/theme1.xml".into()),
        ("rId4".into(), "presProps", "presProps.xml".into()),
        ("rId5".into(), "viewProps", "viewProps.xml".into()),
        ("rId6".into(), "tableStyles", "tableStyles.xml".into()),
    ];
    for n in 1..=count {
        entries.push((
            format!("rId{}", 10 + n),
            "slide",
            format!("slides/slide{n}.xml"),
        ));
    }
    let borrowed: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|(id, kind, target)| (id.as_str(), *kind, target.as_str()))
        .collect();
    relationships(&borrowed)
}

/// An empty shape tree's required group properties.
const TREE_START: &str = "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

const COLOUR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" \
accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" \
hlink=\"hlink\" folHlink=\"folHlink\"/>";

/// Where the title sits: the band under the picture.
fn title_frame() -> (i64, i64, i64, i64) {
    let top = (SLIDE_HEIGHT as f64 * PICTURE_SHARE) as i64;
    (457_200, top + 91_440, SLIDE_WIDTH - 914_400, 594_360)
}

fn caption_frame() -> (i64, i64, i64, i64) {
    let (x, y, w, h) = title_frame();
    let top = y + h;
    (x, top, w, SLIDE_HEIGHT - top - 137_160)
}

fn frame_xml((x, y, w, h): (i64, i64, i64, i64)) -> String {
    format!("<a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm>")
}

fn title_placeholder() -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr>\
         <p:txBody><a:bodyPr anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>",
        frame_xml(title_frame())
    )
}

fn slide_master() -> String {
    format!(
        "<p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"{BACKGROUND}\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>\
         {TREE_START}{}</p:spTree></p:cSld>{COLOUR_MAP}\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
         <p:txStyles>\
         <p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"2800\"><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/><a:ea typeface=\"+mj-ea\"/></a:defRPr></a:lvl1pPr></p:titleStyle>\
         <p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"1600\"><a:solidFill><a:srgbClr val=\"D0D0D0\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/></a:defRPr></a:lvl1pPr></p:bodyStyle>\
         <p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1200\"/></a:lvl1pPr></p:otherStyle>\
         </p:txStyles></p:sldMaster>",
        title_placeholder()
    )
}

fn slide_layout() -> String {
    format!(
        "<p:sldLayout {NS} type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\">{TREE_START}{}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>",
        title_placeholder()
    )
}

fn notes_master() -> String {
    format!(
        "<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>{TREE_START}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>\
         <p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>\
         </p:spTree></p:cSld>{COLOUR_MAP}\
         <p:notesStyle><a:lvl1pPr><a:defRPr sz=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/></a:defRPr></a:lvl1pPr></p:notesStyle>\
         </p:notesMaster>",
        frame_xml((685_800, 1_143_000, 5_486_400, 3_086_100)),
        frame_xml((685_800, 4_400_550, 5_486_400, 3_600_450)),
    )
}

/// A run of text in `language` and `colour` at `size` hundredths of a point.
fn run(value: &str, language: &str, size: u32, colour: &str) -> String {
    format!(
        "<a:r><a:rPr lang=\"{language}\" sz=\"{size}\" dirty=\"0\"><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></a:rPr><a:t>{}</a:t></a:r>",
        text(value)
    )
}

fn slide_xml(slide: &DeckSlide, language: &str) -> String {
    let [width_px, height_px] = slide.picture_size;
    // The picture keeps its shape: as wide as the slide, as tall as that makes it (at most the
    // picture's share of the slide), centred.
    let band = (SLIDE_HEIGHT as f64 * PICTURE_SHARE) as i64;
    let aspect = f64::from(height_px.max(1)) / f64::from(width_px.max(1));
    let (mut cx, mut cy) = (SLIDE_WIDTH, (SLIDE_WIDTH as f64 * aspect) as i64);
    if cy > band {
        cy = band;
        cx = (band as f64 / aspect) as i64;
    }
    let x = (SLIDE_WIDTH - cx) / 2;
    let title = format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr>\
         <p:txBody><a:bodyPr anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p>{}</a:p></p:txBody></p:sp>",
        frame_xml(title_frame()),
        run(&slide.title, language, 2800, "FFFFFF"),
    );
    let caption = if slide.caption.is_empty() {
        String::new()
    } else {
        format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Caption\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>\
             <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
             <p:txBody><a:bodyPr wrap=\"square\" lIns=\"91440\" tIns=\"0\" rIns=\"91440\" bIns=\"0\" anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p>{}</a:p></p:txBody></p:sp>",
            frame_xml(caption_frame()),
            run(&slide.caption, language, 1500, "C8C8C8"),
        )
    };
    format!(
        "<p:sld {NS}><p:cSld>{TREE_START}\
         <p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"View\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
         <p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>\
         {title}{caption}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        text(&slide.title),
        frame_xml((x, 0, cx, cy)),
    )
}

fn notes_xml(notes: &[String], language: &str) -> String {
    let paragraphs: String = if notes.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>".to_owned()
    } else {
        notes
            .iter()
            .map(|line| {
                format!(
                    "<a:p><a:r><a:rPr lang=\"{language}\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
                    text(line)
                )
            })
            .collect()
    };
    format!(
        "<p:notes {NS}><p:cSld>{TREE_START}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/>\
         <p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    )
}

/// The deck's theme: its colours, and fonts that Chinese Windows and macOS both have (Microsoft
/// YaHei, PingFang by fallback) for the East Asian text.
fn theme() -> String {
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!(
            "<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>"
        )
    };
    format!(
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Townscope\"><a:themeElements>\
         <a:clrScheme name=\"Townscope\">\
         <a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>\
         <a:dk2><a:srgbClr val=\"1F242B\"/></a:dk2><a:lt2><a:srgbClr val=\"E7E9EC\"/></a:lt2>\
         <a:accent1><a:srgbClr val=\"1F6FB2\"/></a:accent1><a:accent2><a:srgbClr val=\"E69F00\"/></a:accent2>\
         <a:accent3><a:srgbClr val=\"009E73\"/></a:accent3><a:accent4><a:srgbClr val=\"CC79A7\"/></a:accent4>\
         <a:accent5><a:srgbClr val=\"D55E00\"/></a:accent5><a:accent6><a:srgbClr val=\"56B4E9\"/></a:accent6>\
         <a:hlink><a:srgbClr val=\"56B4E9\"/></a:hlink><a:folHlink><a:srgbClr val=\"CC79A7\"/></a:folHlink>\
         </a:clrScheme>\
         <a:fontScheme name=\"Townscope\">\
         <a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"Microsoft YaHei\"/><a:cs typeface=\"\"/></a:majorFont>\
         <a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"Microsoft YaHei\"/><a:cs typeface=\"\"/></a:minorFont>\
         </a:fontScheme>\
         <a:fmtScheme name=\"Townscope\">\
         <a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
         <a:lnStyleLst>{}{}{}</a:lnStyleLst>\
         <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
         <a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst>\
         </a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        line(6350),
        line(12700),
        line(19050),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slide(title: &str) -> DeckSlide {
        DeckSlide {
            title: title.to_owned(),
            caption: "云栖 & <Yunqi>".to_owned(),
            notes: vec!["[1] source".to_owned()],
            picture: vec![0x89, b'P', b'N', b'G'],
            picture_size: [1920, 800],
        }
    }

    #[test]
    fn every_part_is_well_formed_xml_whatever_the_text_holds() {
        let deck = Deck {
            title: "A & B".into(),
            language: "zh-CN",
            slides: vec![slide("\"1\" <b>"), slide("二\u{7}")],
        };
        let bytes = pptx_bytes(&deck).expect("written");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let names: Vec<String> = archive
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        assert!(names.contains(&"ppt/slides/slide2.xml".to_owned()));
        for name in names
            .iter()
            .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
        {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut archive.by_name(name).expect("part"), &mut text)
                .expect("UTF-8");
            let mut reader = quick_xml::Reader::from_str(&text);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(error) => panic!("{name}: {error}"),
                }
            }
        }
        assert!(matches!(
            pptx_bytes(&Deck {
                title: String::new(),
                language: "en-US",
                slides: Vec::new()
            }),
            Err(DeckError::NoSlides)
        ));
    }
}
