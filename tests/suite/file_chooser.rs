//! Files on a machine with no native file dialog: Save As, Open and New model through
//! Townscope's own chooser, as a user does it — the chooser opens in the folder last used, the
//! file is written, a file that exists is replaced only when the user says so.

use crate::common;

use std::path::Path;

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use townscope::app::{TownscopeApp, UiState};
use townscope::i18n::Lang;

type App = Harness<'static, TownscopeApp>;

/// The app on the built-in model, its last folder `folder`, no native dialog.
fn app_in(folder: &Path, lang: Lang) -> App {
    app_with(folder, lang, false)
}

/// As [`app_in`]; with `tofu`, characters no bundled font has are drawn as boxes instead of
/// failing the test (text read in the wrong encoding is full of them).
fn app_with(folder: &Path, lang: Lang, tofu: bool) -> App {
    let folder = folder.to_path_buf();
    // egui_file's path and file-name fields carry no accessible name (a screen reader hears
    // "text field"): the crate's, not ours to label, so the check the harness makes of every
    // widget is off here.
    let mut builder = Harness::builder()
        .with_size(common::WINDOW)
        .with_accessibility_check(false);
    if tofu {
        builder = builder.allow_missing_glyphs();
    }
    let mut harness = builder.build_eframe(move |cc| {
        let state = UiState {
            lang,
            last_folder: Some(folder.clone()),
            ..UiState::default()
        };
        let mut app = TownscopeApp::with_state(&cc.egui_ctx, state, None);
        app.use_own_file_chooser();
        app
    });
    harness.run();
    harness
}

fn save_as(harness: &mut App) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
}

#[test]
fn save_as_through_the_own_chooser_writes_the_file_and_asks_before_replacing_it() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app_in(folder.path(), Lang::En);
    save_as(&mut harness);
    assert!(harness.state().is_choosing_file(), "the chooser is open");
    assert!(harness.query_by_label("💾  Save as").is_some(), "its title");
    // The built-in model's name is proposed; Save writes it into the folder last used.
    harness.get_by_label("Save").click();
    harness.run();
    let written = folder.path().join("yunqi.ron");
    assert!(written.exists(), "Save As wrote {}", written.display());
    assert!(!harness.state().is_choosing_file());
    assert!(!harness.state().doc.is_modified());
    assert_eq!(
        townscope::io::load_file(&written).expect("it loads"),
        *harness.state().doc.model()
    );

    // Again: the file exists, so the chooser asks; Cancel leaves it as it was.
    std::fs::write(&written, "kept").expect("written");
    save_as(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.query_by_label("Replace the file?").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&written).expect("read"), "kept");
    // And Replace replaces it.
    save_as(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
    assert!(
        townscope::io::load_file(&written).is_ok(),
        "replaced by the model"
    );
}

#[test]
fn a_new_model_is_saved_and_opened_again_through_the_own_chooser() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app_in(folder.path(), Lang::Zh);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    let model = harness.state().doc.model().clone();
    assert!(model.entities.is_empty());
    assert_eq!(model.sources.len(), 1, "its first source, to fill in");
    assert!(
        harness.query_by_label("来源").is_some(),
        "the model editor is open on the sources"
    );
    save_as(&mut harness);
    assert!(
        harness.query_by_label("💾  另存为").is_some(),
        "the chooser, in Chinese"
    );
    harness.get_by_label("保存").click();
    harness.run();
    let written = folder.path().join("model.ron");
    assert!(written.exists());

    // Back to the built-in model, then File → Open through the chooser, in the same folder.
    harness.state_mut().open_path(&common::yunqi_path());
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert!(harness.state().is_choosing_file());
    harness.get_by_label_contains("model.ron").click();
    harness.run();
    harness.get_by_label("打开").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_opening());
    assert_eq!(harness.state().doc.model().entities.len(), 0);
    assert_eq!(
        harness.state().doc.origin(),
        &townscope::io::Origin::File(written.clone())
    );
}

/// Where the native dialog cannot be shown (no desktop portal, no zenity: this test's machine),
/// asking for a file opens the own chooser instead of reporting "no file chosen".
#[test]
fn the_own_chooser_opens_where_the_native_dialog_cannot() {
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join("zenity").exists()));
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || zenity {
        eprintln!("a native dialog may be shown here: not tried");
        return;
    }
    let folder = tempfile::tempdir().expect("a temporary folder");
    let folder_path = folder.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(common::WINDOW)
        .with_accessibility_check(false)
        .build_eframe(move |cc| {
            let state = UiState {
                lang: Lang::En,
                last_folder: Some(folder_path.clone()),
                ..UiState::default()
            };
            TownscopeApp::with_state(&cc.egui_ctx, state, None)
        });
    harness.run();
    save_as(&mut harness);
    common::wait_until(&mut harness, |app| {
        app.is_choosing_file() && !app.is_waiting_for_native_dialog()
    });
    harness.run();
    assert!(harness.query_by_label("💾  Save as").is_some());
    harness.get_by_label("Save").click();
    harness.run();
    assert!(folder.path().join("yunqi.ron").exists());
}

/// File → Import…: the chooser, the preview of what merging adds, Merge, and one
/// Undo that leaves the model as it was.
#[test]
fn an_imported_member_list_is_previewed_merged_and_undone_in_one_step() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    common::member_list(&folder.path().join("members.xlsx"), "2016");
    let mut harness = app_in(folder.path(), Lang::En);
    let before = harness.state().doc.model().clone();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Import a table or a network")
            .is_some()
    );
    harness.get_by_label_contains("members.xlsx").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_importing());
    harness.run();
    assert!(
        harness
            .query_by_label("Merged into the open model: 4 added, 0 changed.")
            .is_some(),
        "the preview counts what merging adds: the workbook as a source, two entities, a relation"
    );
    assert_eq!(*harness.state().doc.model(), before, "nothing changed yet");
    harness.get_by_label("Merge into this model").click();
    harness.run();
    let model = harness.state().doc.model();
    assert_eq!(model.entities.len(), before.entities.len() + 2);
    assert!(
        model
            .entities
            .iter()
            .any(|e| e.name.en == "Hangzhou AI Co.")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        *harness.state().doc.model(),
        before,
        "one Undo takes the import back"
    );
}

/// File → Export network… (for Gephi, yEd): the chooser proposes NAME.gexf; the file written
/// holds every entity as a node.
#[test]
fn the_network_is_exported_for_gephi_through_the_own_chooser() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app_in(folder.path(), Lang::En);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export network…").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.step();
    // Written on a worker thread (a province's layout would hold the window for minutes).
    common::wait_until(&mut harness, |app| !app.is_exporting_file());
    let written = folder.path().join("yunqi.gexf");
    let text = std::fs::read_to_string(&written).expect("the GEXF file");
    assert!(text.starts_with("<?xml"));
    assert_eq!(
        text.matches("<node ").count(),
        harness.state().doc.model().entities.len()
    );
    assert!(text.contains("label=\"阿里云\""));
}

/// File → Export PDF briefing… in Chinese: the chooser proposes NAME.pdf; the briefing written
/// is a PDF in the language shown.
#[test]
fn the_briefing_is_exported_as_pdf_through_the_own_chooser() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app_in(folder.path(), Lang::Zh);
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出 PDF 简报…").click();
    harness.run();
    harness.get_by_label("保存").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_exporting_file());
    let written = folder.path().join("yunqi.pdf");
    let bytes = std::fs::read(&written).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    // Its words, where poppler is installed (`.ci/run` installs it): Chinese, as shown.
    if let Ok(output) = std::process::Command::new("pdftotext")
        .arg(&written)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("核心数据") && text.contains("云栖小镇"),
            "{text}"
        );
    }
}

/// File → Import… with a GEXF written by networkx: the preview says how the file was read —
/// the guessed type and what was left out — and Merge brings its nodes in.
#[test]
fn a_graph_file_is_previewed_with_what_was_guessed_and_merged() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/graphs/networkx.gexf"),
        folder.path().join("networkx.gexf"),
    )
    .expect("copied");
    let mut harness = app_in(folder.path(), Lang::En);
    let before = harness.state().doc.model().entities.len();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    harness.get_by_label_contains("networkx.gexf").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_importing());
    harness.run();
    assert!(harness.query_by_label_contains("How it was read").is_some());
    assert!(
        harness
            .query_by_label_contains("type \"Robot\" names no kind Townscope has")
            .is_some()
    );
    // "Robot" read as an institution instead of the default enterprise: the file read again.
    harness.get_by_label("Robot").click();
    harness.run();
    harness.get_by_label("Institution").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_importing());
    harness.run();
    assert!(
        harness
            .query_by_label_contains("type \"Robot\" read as Institution, as chosen")
            .is_some()
    );
    harness.get_by_label("Merge into this model").click();
    harness.run();
    let model = harness.state().doc.model();
    assert_eq!(model.entities.len(), before + 5);
    let robot = model
        .entities
        .iter()
        .find(|e| e.id == "robot")
        .expect("imported");
    assert_eq!(robot.kind, townscope::model::EntityKind::Institution);
    assert!(
        robot
            .inferred
            .iter()
            .any(|i| i.note.en.contains("as chosen at import"))
    );
}

/// A CSV from a Traditional Chinese Windows (Big5) reads as GBK without an error, into the
/// wrong characters: the preview shows the names as read and offers the encodings; Big5 reads
/// them right, and Merge brings in the right name.
#[test]
fn a_big5_csv_is_read_again_in_the_encoding_the_user_chooses() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let text = "id,kind,name_zh\ntw-cloud,Enterprise,臺灣雲端科技\n";
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(text);
    assert!(!unmappable);
    std::fs::write(folder.path().join("members.csv"), &bytes).expect("written");
    // The bundled font is cut to GB2312: Traditional characters (臺, 灣, 雲) fall back to the
    // system's fonts on a desktop, to boxes here.
    let mut harness = app_with(folder.path(), Lang::En, true);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    harness.get_by_label_contains("members.csv").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_importing());
    harness.run();
    assert!(harness.query_by_label_contains("Names as read: ").is_some());
    assert!(
        harness.query_by_label_contains("臺灣雲端科技").is_none(),
        "read as GBK, the name is not the Big5 one"
    );
    harness.get_by_label("Big5").click();
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_importing());
    harness.run();
    assert!(
        harness
            .query_by_label("Names as read: 臺灣雲端科技")
            .is_some()
    );
    harness.get_by_label("Merge into this model").click();
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .model()
            .entities
            .iter()
            .any(|e| e.name.zh == "臺灣雲端科技")
    );
}
