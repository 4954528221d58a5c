//! Pictures of the screen, compared with the ones under `tests/snapshots/`. They need a wgpu
//! adapter (Mesa's lavapipe on a machine without a GPU), so they run only with
//! `--features snapshots`; `UPDATE_SNAPSHOTS=1` writes new pictures after a deliberate change.
#![cfg(feature = "snapshots")]

mod common;

use common::{WINDOW, app, drop_file, search_and_select, wait_until};
use egui_kittest::kittest::Queryable;
use townscope::i18n::Lang;

const LAPTOP: [f32; 2] = [1280.0, 720.0];

fn overview(lang: Lang, size: [f32; 2], name: &str) {
    let mut harness = app(None, lang, size);
    harness.snapshot(name);
}

#[test]
fn overview_chinese_default_window() {
    overview(Lang::Zh, WINDOW, "overview_zh_default");
}

#[test]
fn overview_english_default_window() {
    overview(Lang::En, WINDOW, "overview_en_default");
}

#[test]
fn overview_chinese_laptop() {
    overview(Lang::Zh, LAPTOP, "overview_zh_laptop");
}

#[test]
fn overview_english_laptop() {
    overview(Lang::En, LAPTOP, "overview_en_laptop");
}

#[test]
fn details_of_an_enterprise() {
    let mut harness = app(None, Lang::En, WINDOW);
    search_and_select(&mut harness, "Alibaba Cloud", "Alibaba Cloud");
    harness.snapshot("details_aliyun_en");
}

#[test]
fn load_error_dialog() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    // A relative path, so the picture is the same wherever the repository is cloned.
    drop_file(
        &mut harness,
        std::path::Path::new("tests/data/syntax-error.ron"),
    );
    harness.run();
    harness.snapshot("load_error_zh");
}

#[test]
fn entity_table_with_metrics() {
    let mut harness = app(None, Lang::Zh, LAPTOP);
    harness.get_by_label("实体表").click();
    harness.run();
    wait_until(&mut harness, |app| app.metrics().is_some());
    harness.get_by_label("度").click();
    harness.run();
    harness.snapshot("table_zh_laptop");
}

/// The default arrangement of Yunqi: its places as areas.
#[test]
fn network_settled() {
    let mut harness = app(None, Lang::Zh, LAPTOP);
    harness.get_by_label("关系网络").click();
    // One frame, not `run`: the layout worker asks for frames until it settles.
    harness.step();
    wait_until(&mut harness, |app| app.layout_settled());
    harness.snapshot("network_zh_laptop");
}

/// The town layout, every entity named.
fn force_directed(lang: Lang, tab: &str, list: &str, force: &str, name: &str) {
    let mut harness = app(None, lang, LAPTOP);
    harness.get_by_label(tab).click();
    harness.step();
    common::choose_arrangement(&mut harness, list, force);
    harness.snapshot(name);
}

#[test]
fn network_force_directed_zh() {
    force_directed(
        Lang::Zh,
        "关系网络",
        "布局",
        "力导向",
        "network_force_zh_laptop",
    );
}

#[test]
fn network_force_directed_en() {
    force_directed(
        Lang::En,
        "Network",
        "Layout",
        "Force-directed",
        "network_force_en_laptop",
    );
}

/// The timeline with a word beside every dot.
fn timeline(lang: Lang, name: &str) {
    let mut harness = app(None, lang, LAPTOP);
    harness.state_mut().state.central = townscope::app::CentralView::Timeline;
    harness.run();
    harness.snapshot(name);
}

#[test]
fn timeline_zh() {
    timeline(Lang::Zh, "timeline_zh_laptop");
}

#[test]
fn timeline_en() {
    timeline(Lang::En, "timeline_en_laptop");
}

/// A slide on a 1920×1080 screen: names of 24 px and more in full contrast, lines of 2.5 px.
#[test]
fn a_slide_on_a_full_hd_screen() {
    let mut harness = app(None, Lang::Zh, [1920.0, 1080.0]);
    harness.key_press(eframe::egui::Key::F5);
    harness.run();
    harness.key_press(eframe::egui::Key::PageDown);
    harness.run();
    wait_until(&mut harness, |app| {
        app.state.year == Some(2014) && app.layout_settled() && !app.network().is_moving()
    });
    harness.snapshot("present_slide2_zh_1080");
}

/// The first two slides of the Yunqi story as the audience sees them.
#[test]
fn presentation_first_two_slides() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    harness.key_press(eframe::egui::Key::F5);
    harness.run();
    // The slide's faint context shows every entity where the town layout put it: wait until
    // the layout made for the presentation's canvas (not one made for a frame before the
    // canvas had its size) has settled, or the picture depends on the machine's speed.
    for _ in 0..3 {
        harness.step();
        wait_until(&mut harness, |app| {
            app.layout_settled() && !app.network().is_moving()
        });
    }
    harness.snapshot("present_slide1_zh");
    harness.key_press(eframe::egui::Key::PageDown);
    harness.run();
    for _ in 0..3 {
        harness.step();
        wait_until(&mut harness, |app| {
            app.state.year == Some(2014) && app.layout_settled() && !app.network().is_moving()
        });
    }
    harness.snapshot("present_slide2_zh");
}

/// B blanks the screen to the edges: no panel frame, caption or margin is left grey.
#[test]
fn a_blanked_presentation_is_black_to_the_edges() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    harness.key_press(eframe::egui::Key::F5);
    harness.run();
    harness.key_press(eframe::egui::Key::B);
    harness.run();
    let image = harness.render().expect("renders");
    let lit = image
        .pixels()
        .filter(|p| p.0[0] > 8 || p.0[1] > 8 || p.0[2] > 8)
        .count();
    assert_eq!(
        lit,
        0,
        "{lit} of {} pixels are not black",
        image.pixels().len()
    );
}

/// `export-slides` without a window: one PNG per slide of the Yunqi story, at the scale asked.
#[test]
fn export_slides_writes_one_picture_per_slide() {
    let folder = tempfile::tempdir().expect("temp folder");
    let written = townscope::app::headless::export_slides(
        None,
        folder.path(),
        Lang::Zh,
        1.0,
        townscope::app::headless::SlideShape::default(),
    )
    .expect("renders");
    assert_eq!(written.len(), 7);
    for path in &written {
        let bytes = std::fs::read(path).expect("written");
        assert_eq!(&bytes[1..4], b"PNG", "{}", path.display());
        // Width and height from the IHDR chunk.
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        assert_eq!((width, height), (1440, 900), "{}", path.display());
    }
}

/// 16:9 slides for a projector or PowerPoint: 1920×1080 at scale 1.25.
#[test]
fn export_slides_in_sixteen_by_nine() {
    let folder = tempfile::tempdir().expect("temp folder");
    let written = townscope::app::headless::export_slides(
        None,
        folder.path(),
        Lang::En,
        1.25,
        townscope::app::headless::SlideShape::Wide16x9,
    )
    .expect("renders");
    assert_eq!(written.len(), 7);
    for path in &written {
        let picture = image::open(path).expect("a picture");
        assert_eq!(
            (picture.width(), picture.height()),
            (1920, 1080),
            "{}",
            path.display()
        );
    }
}

/// File → Export view as PNG: the centre of the window, not the menus and panels around it, at
/// twice the pixels, looking as it does on screen (the network from the same camera).
#[test]
fn export_view_draws_the_centre_again_at_twice_the_pixels() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("view.png");
    let mut harness = app(None, Lang::En, WINDOW);
    harness.get_by_label("Network").click();
    wait_until(&mut harness, |app| {
        app.layout_settled() && !app.network().is_moving()
    });
    // Somewhere other than where the view starts: the camera must come along.
    harness.key_press(eframe::egui::Key::Plus);
    harness.key_press(eframe::egui::Key::ArrowRight);
    harness.run();
    let centre = harness.state().central_rect().expect("drawn");
    let on_screen = harness.render().expect("renders");
    harness.state_mut().export_view_to(path.clone());
    wait_until(&mut harness, |app| !app.is_exporting_view());
    let picture = image::open(&path).expect("a PNG").to_rgba8();
    assert_eq!(
        (picture.width(), picture.height()),
        (
            (centre.width() * 2.0).round() as u32,
            (centre.height() * 2.0).round() as u32
        )
    );
    assert!(picture.width() < 2 * 1440 && picture.height() < 2 * 900);
    // Block by block, the picture is what the screen shows of the centre.
    let screen = image::imageops::crop_imm(
        &on_screen,
        centre.min.x.round() as u32,
        centre.min.y.round() as u32,
        centre.width().round() as u32,
        centre.height().round() as u32,
    )
    .to_image();
    let (a, b) = (blocks(&screen), blocks(&picture));
    let worst = a
        .iter()
        .zip(&b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0_f32, f32::max);
    eprintln!("blocks differ by up to {worst}");
    assert!(
        worst < 12.0,
        "blocks differ by up to {worst}: {a:?} vs {b:?}"
    );
    let spread =
        b.iter().fold(0.0_f32, |m, &v| m.max(v)) - b.iter().fold(255.0_f32, |m, &v| m.min(v));
    assert!(spread > 3.0, "the picture is not blank: {b:?}");
}

/// The mean brightness of each of 8×8 blocks of `image`.
fn blocks(image: &image::RgbaImage) -> Vec<f32> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let mut sums = vec![(0.0_f32, 0_u32); 64];
    for (x, y, pixel) in image.enumerate_pixels() {
        let cell = (y as usize * 8 / h) * 8 + x as usize * 8 / w;
        let [r, g, b, _] = pixel.0;
        sums[cell].0 += (f32::from(r) + f32::from(g) + f32::from(b)) / 3.0;
        sums[cell].1 += 1;
    }
    sums.into_iter()
        .map(|(sum, n)| sum / n.max(1) as f32)
        .collect()
}

/// The story as a PowerPoint deck: one 16:9 slide per story slide, the view as a picture, the
/// title as the slide's title, the caption as text, the sources in the notes — read back by
/// python-pptx and converted to PDF by LibreOffice where they are installed (`.ci/run`
/// installs both).
#[test]
fn the_story_becomes_a_deck_powerpoint_and_libreoffice_open() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("yunqi.pptx");
    let mut err = Vec::new();
    let status = townscope::cli::export(None, &path, "entities", Lang::Zh, &mut err).expect("ran");
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
    let model = townscope::io::embedded_yunqi().expect("loads");
    let bytes = std::fs::read(&path).expect("written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let pictures = (1..=model.story.len())
        .map(|n| {
            let mut png = Vec::new();
            std::io::Read::read_to_end(
                &mut archive
                    .by_name(&format!("ppt/media/view{n}.png"))
                    .expect("a picture per slide"),
                &mut png,
            )
            .expect("reads");
            image::load_from_memory(&png).expect("a PNG")
        })
        .collect::<Vec<_>>();
    for picture in &pictures {
        assert_eq!((picture.width(), picture.height()), (1920, 800));
    }
    let script = r#"
import sys
from pptx import Presentation
deck = Presentation(sys.argv[1])
print(deck.slide_width, deck.slide_height)
for slide in deck.slides:
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    print(slide.shapes.title.text + "\t" + notes.replace("\n", " / "))
"#;
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
    {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout);
            let mut lines = text.lines();
            assert_eq!(lines.next(), Some("12192000 6858000"), "16:9");
            let slides: Vec<&str> = lines.collect();
            assert_eq!(slides.len(), model.story.len());
            for (line, slide) in slides.iter().zip(&model.story) {
                let (title, notes) = line.split_once('\t').expect("title and notes");
                assert_eq!(title, slide.title.zh);
                assert!(notes.starts_with("来源："), "{notes}");
            }
        }
        Ok(output) => eprintln!(
            "python-pptx not installed: skipping its check ({})",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(_) => eprintln!("no python3: skipping the python-pptx check"),
    }
    let converted = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(folder.path())
        .arg(&path)
        .env("HOME", folder.path())
        .output();
    match converted {
        Ok(output) => {
            assert!(output.status.success(), "LibreOffice: {output:?}");
            let pdf = folder.path().join("yunqi.pdf");
            assert!(pdf.exists(), "LibreOffice wrote no PDF: {output:?}");
            if let Ok(info) = std::process::Command::new("pdfinfo").arg(&pdf).output() {
                let info = String::from_utf8_lossy(&info.stdout);
                let pages = format!("Pages:           {}", model.story.len());
                assert!(info.contains(&pages), "{info}");
            }
        }
        Err(_) => eprintln!("LibreOffice not installed: skipping the conversion check"),
    }
}

/// How the network's lines and nodes reach the screen in [`network_picture`].
#[derive(Clone, Copy, PartialEq)]
enum MeshPath {
    /// egui's own mesh, copied every frame.
    Egui,
    /// The GPU path: the mesh in buffers of its own, drawn by a paint callback.
    Gpu,
    /// The paint callback without the GPU path set up: draws nothing (proves the others differ
    /// only in how, not in whether, the lines and nodes are drawn).
    CallbackWithoutPipeline,
}

/// Yunqi's network (places as areas) at 1280×720 in Chinese, rendered by wgpu (lavapipe here),
/// after `pan` presses of the right arrow key.
fn network_picture(path: MeshPath, pan: usize) -> image::RgbaImage {
    let mut harness = network_harness(path);
    for _ in 0..pan {
        harness.key_press(eframe::egui::Key::ArrowRight);
        harness.step();
    }
    harness.render().expect("renders")
}

/// The app on Yunqi's network, laid out, at 1280×720 in Chinese, drawn by wgpu, the pointer off
/// the canvas.
fn network_harness(path: MeshPath) -> egui_kittest::Harness<'static, townscope::app::TownscopeApp> {
    use egui_kittest::Harness;
    use townscope::app::{TownscopeApp, UiState};
    let mut harness = Harness::builder()
        .with_size(LAPTOP)
        .wgpu()
        .build_eframe(move |cc| {
            let state = UiState {
                lang: Lang::Zh,
                ..UiState::default()
            };
            let mut app = TownscopeApp::with_state(&cc.egui_ctx, state, None);
            match path {
                MeshPath::Egui => {}
                MeshPath::Gpu => {
                    let render_state = cc.wgpu_render_state.as_ref().expect("a wgpu harness");
                    // Every mesh, however small, through the GPU; kittest's renderer does not dither.
                    app.use_gpu_network(render_state, false, 0);
                }
                MeshPath::CallbackWithoutPipeline => app.pretend_gpu_network(0),
            }
            app
        });
    harness.run();
    harness.get_by_label("关系网络").click();
    harness.step();
    wait_until(&mut harness, |app| app.layout_settled());
    // Off the canvas, so no node is hovered.
    harness.hover_at(eframe::egui::pos2(5.0, 715.0));
    harness.run();
    harness
}

/// A pan moves what the network kept (the lines and nodes, the regions' frames) instead of
/// building it again: the picture is the one built from nothing where the view now is.
#[test]
fn a_panned_network_looks_as_one_drawn_there_from_nothing() {
    let mut harness = network_harness(MeshPath::Egui);
    let before = harness.render().expect("renders");
    // Two steps: the view moves without coming to rest in between.
    for _ in 0..2 {
        harness.key_press(eframe::egui::Key::ArrowDown);
        harness.step();
    }
    let moved = harness.render().expect("renders");
    harness.state_mut().redraw_network_from_nothing();
    harness.step();
    let from_nothing = harness.render().expect("renders");
    assert!(
        differing_pixels(&before, &moved, 2) > 10_000,
        "the view moved"
    );
    // Measured here: none.
    let differing = differing_pixels(&moved, &from_nothing, 2);
    assert!(differing < 50, "{differing} pixels differ");
}

/// Pixels whose colour differs by more than `tolerance` in some channel.
fn differing_pixels(a: &image::RgbaImage, b: &image::RgbaImage, tolerance: u8) -> usize {
    assert_eq!(a.dimensions(), b.dimensions());
    a.pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > tolerance))
        .count()
}

#[test]
fn the_gpu_path_draws_the_picture_the_mesh_path_draws() {
    let through_egui = network_picture(MeshPath::Egui, 0);
    let through_gpu = network_picture(MeshPath::Gpu, 0);
    let nothing = network_picture(MeshPath::CallbackWithoutPipeline, 0);
    let drawn = differing_pixels(&through_egui, &nothing, 2);
    // Measured here: 21,352 pixels drawn, none differing by more than 2 of 255 (6 by 1).
    assert!(
        drawn > 15_000,
        "the lines and nodes cover {drawn} pixels: too few to tell the paths apart"
    );
    let differing = differing_pixels(&through_egui, &through_gpu, 2);
    assert!(
        differing * 1000 <= drawn,
        "{differing} of the {drawn} pixels the lines and nodes cover differ between the paths"
    );
    egui_kittest::image_snapshot(&through_gpu, "network_gpu_zh_laptop");
}

#[test]
fn the_gpu_path_pans_as_the_mesh_path_does() {
    let through_egui = network_picture(MeshPath::Egui, 3);
    let through_gpu = network_picture(MeshPath::Gpu, 3);
    let unpanned = network_picture(MeshPath::Gpu, 0);
    assert!(
        differing_pixels(&through_gpu, &unpanned, 2) > 10_000,
        "the view moved"
    );
    // Measured here: none.
    let differing = differing_pixels(&through_egui, &through_gpu, 2);
    assert!(
        differing < 100,
        "{differing} pixels differ after the same pan"
    );
}
