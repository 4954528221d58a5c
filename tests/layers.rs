//! The floors of the code hold: the panels (`src/ui`) stand on the context layer and never
//! reach up into the app.

use std::path::Path;

fn rust_files(folder: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("lists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_panel_names_the_app() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut files,
    );
    assert!(
        files.len() > 20,
        "the panels are where they were: {}",
        files.len()
    );
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("reads");
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            // Comments may say what the rule is; code may not break it.
            if code.starts_with("//") {
                continue;
            }
            if code.contains("crate::app") || code.contains("super::super::app") {
                offenders.push(format!("{}:{}: {code}", file.display(), number + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "src/ui reaches into the app:\n{}",
        offenders.join("\n")
    );
}
