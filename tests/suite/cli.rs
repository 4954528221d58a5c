//! `townscope check` as a user runs it: exit codes and messages on good, bad and hostile input.

use std::process::{Command, Output};

use crate::common::{data, yunqi_path};

fn townscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_townscope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_without_a_file_checks_the_embedded_model() {
    let output = townscope(&["check"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let line = text.lines().last().unwrap_or_default();
    assert!(line.starts_with("yunqi.ron (built in): ok: "), "{text}");
    assert!(
        line.contains(" entities, ") && line.contains(" slides; "),
        "{line}"
    );
    // How many facts the sources dispute, the editors inferred and the editors translated.
    let counts = townscope::model::Model::provenance_counts(
        &townscope::io::parse(include_bytes!("../../data/yunqi.ron")).unwrap(),
    );
    assert!(counts.disputed >= 4 && counts.inferred >= 1 && counts.translated >= 20);
    assert!(
        line.ends_with(&format!(
            "; {} disputed, {} inferred, {} translated",
            counts.disputed, counts.inferred, counts.translated
        )),
        "{line}"
    );
}

#[test]
fn check_of_the_shipped_file_is_ok_with_its_counts() {
    let path = yunqi_path();
    let output = townscope(&["check", path.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let model = townscope::io::load_file(&path).unwrap();
    let expected = format!("{}: ok: {}", path.display(), model.summary());
    assert_eq!(text.trim_end(), expected);
}

#[test]
fn syntax_error_points_at_line_and_column_with_a_caret() {
    let path = data("syntax-error.ron");
    let output = townscope(&["check", path.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{}:5:", path.display())),
        "{text}"
    );
    assert!(lines[0].contains(": error: "), "{text}");
    assert!(lines[1].contains(r#"(zh: "甲" en: "A")"#), "{text}");
    assert!(lines[2].trim_end().ends_with('^'), "{text}");
}

#[test]
fn validation_reports_every_problem_with_its_subject() {
    let path = data("problems.ron");
    let output = townscope(&["check", path.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let file = path.display().to_string();
    for expected in [
        "error: [fund] figure FundSize is negative",
        "error: [fund] duplicate entity id",
        "error: [nameless] has no name",
        "error: [firm] founded date is impossible",
        "error: [firm] location `nowhere` does not exist",
        "error: [firm] figure Staff cites no source",
        "error: [firm] it cites source `ghost`, which does not exist",
        "error: [relation #1 town -InvestsIn-> firm] InvestsIn may not join a Place to a Enterprise",
        "error: [relation #2 firm -MemberOf-> missing] `missing` does not exist",
        "error: [relation #3 firm -LocatedIn-> town] until 2014 is before since 2016",
        "error: [indicator output] point 2015 cites no source",
        "error: [milestone #1 2015-13] its date is impossible",
        "error: [milestone #1 2015-13] it cites no source",
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{file}: {expected}"))),
            "missing `{expected}` in:\n{text}"
        );
    }
    assert!(!text.contains(": ok:"), "{text}");
}

#[test]
fn unreadable_paths_exit_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    for (path, reason) in [
        (missing.as_path(), "cannot read"),
        (dir.path(), "directory"),
    ] {
        let output = townscope(&["check", path.to_str().unwrap()]);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(
            text.starts_with(&format!("{}: error: ", path.display())),
            "{text}"
        );
        assert!(text.contains(reason), "{text}");
    }
}

#[test]
fn hostile_files_are_errors_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.ron", Vec::new()),
        ("binary.ron", (0..=255u8).cycle().take(4096).collect()),
        (
            "latin1.ron",
            b"(format_version: 1, name: (en: \"caf\xe9\"))".to_vec(),
        ),
        (
            "truncated.ron",
            std::fs::read(yunqi_path()).unwrap()[..5000].to_vec(),
        ),
        ("nested.ron", nested.into_bytes()),
        (
            "huge-number.ron",
            b"(format_version: 99999999999999999999999, name: (en: \"x\"))".to_vec(),
        ),
        (
            "newer.ron",
            b"(format_version: 99, name: (en: \"x\"), future_field: 1)".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = townscope(&["check", path.to_str().unwrap()]);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {text}");
        assert!(
            text.starts_with(&path.display().to_string()),
            "{name}: {text}"
        );
        assert!(
            output.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn newer_format_version_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.ron");
    std::fs::write(
        &path,
        "(format_version: 99, name: (en: \"x\"), future_field: 1)",
    )
    .unwrap();
    let text = stdout(&townscope(&["check", path.to_str().unwrap()]));
    assert!(text.contains("format version 99 is newer"), "{text}");
}

#[test]
fn several_files_report_each_and_the_worst_status() {
    let good = yunqi_path();
    let bad = data("problems.ron");
    let output = townscope(&["check", good.to_str().unwrap(), bad.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("{}: ok: ", good.display())),
        "{text}"
    );
}

#[test]
fn help_version_and_bad_usage() {
    let help = townscope(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("check"));
    let version = townscope(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("townscope {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        townscope(&["check", "--no-such-flag"]).status.code(),
        Some(2)
    );
}

/// `export-slides` refuses what it cannot do before it needs a graphics adapter: a model
/// without slides, a scale out of range, a file that does not load — exit 2, one clear line.
#[test]
fn export_slides_reports_what_it_cannot_do() {
    let folder = tempfile::tempdir().expect("temp folder");
    let out = folder.path().join("slides");
    let out = out.to_str().expect("utf-8 path");
    let no_story = data("problems.ron");
    let output = townscope(&["export-slides", no_story.to_str().unwrap(), "--out", out]);
    let error = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{error}");
    assert!(error.contains("no story slides"), "{error}");

    let output = townscope(&["export-slides", "--out", out, "--scale", "9"]);
    let error = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{error}");
    assert!(error.contains("scale 9"), "{error}");

    let output = townscope(&["export-slides", "--out", out, "--aspect", "4:3"]);
    let error = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{error}");
    assert!(error.contains("16:10 or 16:9"), "{error}");

    let broken = data("syntax-error.ron");
    let output = townscope(&["export-slides", broken.to_str().unwrap(), "--out", out]);
    let error = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{error}");
    assert!(error.contains("syntax-error.ron"), "{error}");
}

/// `metrics --approx EPS`: the same table with betweenness estimated (Yunqi's hubs keep their
/// place), and an ε that is not one refused.
#[test]
fn metrics_can_estimate_betweenness_within_a_bound() {
    let mut exact = Vec::new();
    assert_eq!(
        townscope::cli::metrics(None, None, &mut exact).expect("ran"),
        0
    );
    let mut approx = Vec::new();
    assert_eq!(
        townscope::cli::metrics(None, Some(0.05), &mut approx).expect("ran"),
        0
    );
    let rows = |bytes: &[u8]| -> Vec<(String, f64)> {
        String::from_utf8_lossy(bytes)
            .lines()
            .skip(1)
            .map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                (cells[0].to_owned(), cells[2].parse().expect("a number"))
            })
            .collect()
    };
    let (exact, approx) = (rows(&exact), rows(&approx));
    assert_eq!(exact.len(), 82);
    assert_eq!(approx.len(), 82);
    for ((id, e), (_, a)) in exact.iter().zip(&approx) {
        // ε = 0.05 on networkx's scale is 0.05 · 82/80.
        assert!(
            (e - a).abs() <= 0.05 * 82.0 / 80.0,
            "{id}: exact {e}, estimate {a}"
        );
    }
    let mut out = Vec::new();
    assert_eq!(
        townscope::cli::metrics(None, Some(2.0), &mut out).expect("ran"),
        2
    );
}
