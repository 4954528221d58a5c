//! Files nobody vouches for: special files that would hang or exhaust the loader, models that
//! try to write to the terminal or open something outside the program, and the small ways a
//! bad file used to be misreported.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use townscope::i18n::Lang;

fn townscope(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_townscope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn check(path: &Path) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let output = townscope(&["check".as_ref(), path.as_os_str()]);
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.code(), text, started.elapsed())
}

/// A small valid model, with `extra` spliced into its entity.
fn model_with(entity_extra: &str, id: &str) -> String {
    format!(
        r#"(
    format_version: 1,
    name: (en: "Town"),
    sources: [(id: "doc", title: "Doc")],
    entities: [(id: "{id}", kind: Enterprise, name: (en: "Firm"){entity_extra}, sources: [(source: "doc")])],
)"#
    )
}

#[cfg(unix)]
#[test]
fn a_named_pipe_and_an_endless_device_are_refused_at_once() {
    let folder = tempfile::tempdir().expect("temp folder");
    let fifo = folder.path().join("pipe.ron");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (code, text, took) = check(&fifo);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("named pipe"), "{text}");
    assert!(took < Duration::from_secs(1), "took {took:?}");

    for device in ["/dev/zero", "/dev/urandom"] {
        let (code, text, took) = check(Path::new(device));
        assert_eq!(code, Some(2), "{text}");
        assert!(text.contains("a device, not a file"), "{text}");
        assert!(took < Duration::from_secs(1), "{device} took {took:?}");
    }
    // The library refuses them the same way, for the app's open, fmt and diff.
    assert!(townscope::io::load_file(&fifo).is_err());
}

#[test]
fn empty_utf16_and_too_new_files_say_what_they_are() {
    let folder = tempfile::tempdir().expect("temp folder");
    let empty = folder.path().join("empty.ron");
    std::fs::write(&empty, "\n  \n").expect("writes");
    let (code, text, _) = check(&empty);
    assert_eq!(code, Some(2));
    assert!(text.contains(": error: the file is empty"), "{text}");

    let utf16 = folder.path().join("utf16.ron");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in model_with("", "firm").encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&utf16, &bytes).expect("writes");
    let (code, text, _) = check(&utf16);
    assert_eq!(code, Some(2));
    assert!(text.contains("is UTF-16 text; save it as UTF-8"), "{text}");

    let newer = folder.path().join("newer.ron");
    std::fs::write(
        &newer,
        model_with("", "firm").replace("format_version: 1", "format_version: 99"),
    )
    .expect("writes");
    let (code, text, _) = check(&newer);
    assert_eq!(code, Some(2));
    assert!(
        text.contains("newer.ron: error: format version 99 is newer"),
        "{text}"
    );
}

#[test]
fn a_model_cannot_write_to_the_terminal() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("hostile.ron");
    // An id that, printed raw, would erase the line and print a fake verdict.
    let id = r"x\r\u{1b}[2Kmodel.ron: ok: 1 entities";
    let text = model_with(r#", location: "nowhere""#, id);
    std::fs::write(&path, text).expect("writes");
    let (code, output, _) = check(&path);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        !output.bytes().any(|b| b == 0x1b || b == b'\r'),
        "raw control bytes reached the terminal: {output:?}"
    );
    assert!(output.contains(r"\u{1b}[2K"), "{output}");
    assert!(
        output.contains("id holds control or bidi-override characters"),
        "{output}"
    );
    // One line per problem.
    assert!(
        output
            .lines()
            .all(|l| l.starts_with(&*path.to_string_lossy())),
        "{output}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_with_a_line_break_is_one_line() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("two\nlines.ron");
    std::fs::write(&path, model_with("", "firm")).expect("writes");
    let (code, text, _) = check(&path);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(text.lines().count(), 1, "{text:?}");
    assert!(text.contains(r"two\u{a}lines.ron: ok: "), "{text}");
}

#[test]
fn a_website_that_is_not_a_web_page_is_a_warning_and_never_a_link() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("links.ron");
    let text = model_with(r#", website: "javascript:alert(1)""#, "firm");
    std::fs::write(&path, &text).expect("writes");
    let (code, output, _) = check(&path);
    assert_eq!(code, Some(0), "a warning, not an error: {output}");
    assert!(
        output.contains("website is not an http or https address; it will not be opened"),
        "{output}"
    );
    // In the app the details show it as text, not as a link to click.
    let mut harness = common::app(Some(&path), Lang::En, common::WINDOW);
    common::wait_until(&mut harness, |app| !app.is_opening());
    common::search_and_select(&mut harness, "Firm", "Firm");
    assert!(harness.query_by_label("javascript:alert(1)").is_some());
    assert!(
        harness
            .query_by_role_and_label(eframe::egui::accesskit::Role::Link, "javascript:alert(1)")
            .is_none()
    );
}

#[test]
fn a_slide_year_out_of_range_is_an_error() {
    let text = model_with("", "firm").replace(
        "\n)",
        "\n    story: [(title: (en: \"Long ago\"), year: -2147483648)],\n)",
    );
    let model = townscope::io::parse(text.as_bytes()).expect("parses");
    let problems = townscope::model::validate(&model);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("year -2147483648 is outside 1000–9999")),
        "{problems:?}"
    );
}
