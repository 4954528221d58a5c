//! Saving and rewriting files as a user and a hostile world do it: `townscope fmt` and `diff`
//! from the command line, saves into folders that are gone or not folders, and a saving process
//! killed at random moments — the file on disk is always whole.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::yunqi_path;
use rand::{Rng, SeedableRng};
use townscope::io::{Backup, backup_path, load_file, save, to_canonical_string, write_atomically};

fn townscope(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_townscope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The Yunqi model written compactly: the same model, not in canonical form.
fn compact_yunqi() -> String {
    let model = townscope::io::embedded_yunqi().expect("loads");
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .to_string(&model)
        .expect("writes")
}

#[test]
fn fmt_check_names_files_not_in_canonical_form_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp folder");
    let messy = folder.path().join("messy.ron");
    std::fs::write(&messy, compact_yunqi()).expect("writes");
    let before = std::fs::read(&messy).expect("reads");
    let output = townscope(&[
        Path::new("fmt"),
        Path::new("--check"),
        &messy,
        &yunqi_path(),
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert_eq!(
        text,
        format!("{}: not in canonical form\n", messy.display())
    );
    assert_eq!(std::fs::read(&messy).expect("reads"), before);
}

#[test]
fn fmt_rewrites_canonically_and_leaves_a_broken_file_byte_for_byte() {
    let folder = tempfile::tempdir().expect("temp folder");
    let messy = folder.path().join("messy.ron");
    let broken = folder.path().join("broken.ron");
    std::fs::write(&messy, compact_yunqi()).expect("writes");
    let broken_bytes = b"(format_version: 1, name: (zh: \"\xE9\x95\x87\"), entities: [".to_vec();
    std::fs::write(&broken, &broken_bytes).expect("writes");
    let output = townscope(&[Path::new("fmt"), &messy, &broken]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!("{}: formatted", messy.display())),
        "{text}"
    );
    assert!(text.contains(&format!("{}:1:", broken.display())), "{text}");
    assert_eq!(std::fs::read(&broken).expect("reads"), broken_bytes);
    // The rewritten file is the shipped file byte for byte (which is canonical), and a second
    // run finds nothing to do.
    assert_eq!(
        std::fs::read(&messy).expect("reads"),
        std::fs::read(yunqi_path()).expect("reads")
    );
    let again = townscope(&[Path::new("fmt"), Path::new("--check"), &messy]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    // fmt keeps no .bak and no temporary files behind.
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn diff_lists_field_changes_additions_and_removals() {
    let folder = tempfile::tempdir().expect("temp folder");
    let old = folder.path().join("old.ron");
    let new = folder.path().join("new.ron");
    let model = townscope::io::embedded_yunqi().expect("loads");
    save(&old, &model).expect("saves");
    assert_eq!(
        townscope(&[Path::new("diff"), &old, &old]).status.code(),
        Some(0)
    );

    let mut changed = model.clone();
    let aliyun = changed
        .entities
        .iter_mut()
        .find(|e| e.id == "aliyun")
        .expect("aliyun");
    aliyun.name.en = "Alibaba Cloud Intelligence".into();
    let mut member = townscope::model::Entity::new(
        "new-member",
        townscope::model::EntityKind::Enterprise,
        townscope::model::Text::new("新成员", "New member"),
    );
    member.sources = aliyun.sources.clone();
    changed.entities.push(member);
    let removed = changed.relations.remove(0);
    save(&new, &changed).expect("saves");

    let output = townscope(&[Path::new("diff"), &old, &new]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.contains(
            &"~ entity aliyun: name: (zh:\"阿里云\",en:\"Alibaba Cloud\") → (zh:\"阿里云\",en:\"Alibaba Cloud Intelligence\")"
        ),
        "{text}"
    );
    assert!(lines.contains(&"+ entity new-member"), "{text}");
    let gone = format!(
        "- relation {} {:?} {}",
        removed.from, removed.kind, removed.to
    );
    assert!(lines.iter().any(|l| l.starts_with(&gone)), "{text}");
    assert_eq!(lines.len(), 3, "{text}");

    let missing = folder.path().join("missing.ron");
    assert_eq!(
        townscope(&[Path::new("diff"), &old, &missing])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn saving_keeps_the_previous_version_beside_the_file() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("town.ron");
    let mut model = townscope::io::embedded_yunqi().expect("loads");
    save(&path, &model).expect("first save");
    assert!(
        !backup_path(&path).exists(),
        "nothing to back up the first time"
    );
    let first = std::fs::read(&path).expect("reads");
    model.name.en = "Renamed".into();
    save(&path, &model).expect("second save");
    assert_eq!(std::fs::read(backup_path(&path)).expect("backup"), first);
    assert_eq!(load_file(&path).expect("loads"), model);
}

#[test]
fn a_save_into_a_missing_folder_or_onto_a_file_fails_clearly_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp folder");
    let model = townscope::io::embedded_yunqi().expect("loads");
    let gone = folder.path().join("gone");
    std::fs::create_dir(&gone).expect("creates");
    std::fs::remove_dir(&gone).expect("removes");
    let error = save(&gone.join("town.ron"), &model).expect_err("the folder is gone");
    let message = error.to_string();
    assert!(message.contains("does not exist"), "{message}");
    assert!(message.contains("town.ron"), "{message}");

    let file = folder.path().join("plain.txt");
    std::fs::write(&file, "not a folder").expect("writes");
    let error = save(&file.join("town.ron"), &model).expect_err("a file is not a folder");
    assert!(error.to_string().contains("is not a folder"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("reads"),
        "not a folder"
    );
    let names = std::fs::read_dir(folder.path()).expect("lists").count();
    assert_eq!(names, 1, "no temporary file is left behind");
}

#[test]
fn a_save_into_a_read_only_folder_fails_clearly_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("town.ron");
    std::fs::write(&path, "old").expect("writes");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = folder.path().join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        // Root writes anyway: there is no read-only folder to test against here.
        let _ = std::fs::remove_file(&probe);
        eprintln!("skipped: running as a user who can write to read-only folders (root)");
    } else {
        let model = townscope::io::embedded_yunqi().expect("loads");
        let error = save(&path, &model).expect_err("read-only");
        assert!(error.to_string().contains("no permission"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "old");
    }
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod back");
}

#[test]
fn a_saving_process_killed_at_random_moments_never_leaves_a_torn_file() {
    // A model big enough that writing it takes a while: the Yunqi model with many copies of its
    // entities under new ids.
    let mut model = townscope::io::embedded_yunqi().expect("loads");
    let originals = model.entities.clone();
    for copy in 1..25 {
        for entity in &originals {
            let mut entity = entity.clone();
            entity.id = format!("{}-{copy}", entity.id);
            model.entities.push(entity);
        }
    }
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("big.ron");
    let messy = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .to_string(&model)
        .expect("writes");
    let canonical = to_canonical_string(&model).expect("writes");
    assert_ne!(messy, canonical);
    let mut random = rand::rngs::StdRng::seed_from_u64(0x5A7E);
    // How long an uninterrupted rewrite takes, to spread the kills over it.
    std::fs::write(&path, &messy).expect("writes");
    let started = std::time::Instant::now();
    let full = townscope(&[Path::new("fmt"), &path]);
    assert_eq!(full.status.code(), Some(0), "{}", stdout(&full));
    let span = started.elapsed().as_micros() as u64;
    let mut outcomes = [0usize; 2];
    // A file the user's group may write: every rewrite keeps that.
    set_mode(&path, 0o664);
    for _ in 0..200 {
        write_atomically(&path, messy.as_bytes(), Backup::None).expect("resets");
        let mut child = Command::new(env!("CARGO_BIN_EXE_townscope"))
            .arg("fmt")
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("starts");
        let wait = random.gen_range(0..span.max(1) * 6 / 5);
        std::thread::sleep(std::time::Duration::from_micros(wait));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let bytes = std::fs::read_to_string(&path).expect("the file is still there");
        if bytes == messy {
            outcomes[0] += 1;
        } else if bytes == canonical {
            outcomes[1] += 1;
        } else {
            panic!("torn file: {} bytes", bytes.len());
        }
        assert_eq!(
            mode(&path),
            0o664,
            "a killed save changed who can read the file"
        );
        load_file(&path).expect("whatever survived loads");
    }
    // Kills between writing and renaming leave temporary files; the next save removes them.
    write_atomically(&path, canonical.as_bytes(), Backup::None).expect("saves");
    assert_eq!(leftovers(folder.path()), Vec::<String>::new());
    eprintln!(
        "killed before the rename {} times, after it {} times",
        outcomes[0], outcomes[1]
    );
    assert!(
        outcomes[0] > 0,
        "no kill landed before the rename: {outcomes:?}"
    );
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Temporary files left in a folder.
fn leftovers(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("lists")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[cfg(unix)]
#[test]
fn saving_keeps_who_can_read_the_file_and_its_backup() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("shared.ron");
    let mut model = townscope::io::embedded_yunqi().expect("loads");
    save(&path, &model).expect("first save");
    set_mode(&path, 0o664);
    model.name.en = "Renamed".into();
    save(&path, &model).expect("second save");
    assert_eq!(mode(&path), 0o664, "colleagues keep their access");
    assert_eq!(mode(&backup_path(&path)), 0o664, "so does the .bak");
    set_mode(&path, 0o640);
    save(&path, &model).expect("third save");
    assert_eq!(mode(&path), 0o640, "and nobody gains any");
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_mode_new_files_get_and_a_recovery_copy_stays_private() {
    let folder = tempfile::tempdir().expect("temp folder");
    let picture = folder.path().join("view.png");
    write_atomically(&picture, b"png", Backup::None).expect("writes");
    let umask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022);
    assert_eq!(
        mode(&picture),
        0o666 & !umask,
        "not the temporary file's 0600"
    );
    let copy = folder.path().join("recovery.ron");
    townscope::io::write_private(&copy, b"unsaved").expect("writes");
    assert_eq!(mode(&copy), 0o600);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let folder = tempfile::tempdir().expect("temp folder");
    let real = folder.path().join("models").join("town.ron");
    std::fs::create_dir(real.parent().expect("parent")).expect("mkdir");
    let model = townscope::io::embedded_yunqi().expect("loads");
    save(&real, &model).expect("saves the real file");
    let link = folder.path().join("link.ron");
    std::os::unix::fs::symlink("models/town.ron", &link).expect("links");
    let mut renamed = model.clone();
    renamed.name.en = "Through the link".into();
    save(&link, &renamed).expect("saves through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("still there")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(load_file(&real).expect("loads").name.en, "Through the link");
    assert!(backup_path(&real).exists(), "the .bak is beside the target");
    assert!(!backup_path(&link).exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("locked.ron");
    let mut model = townscope::io::embedded_yunqi().expect("loads");
    save(&path, &model).expect("first save");
    set_mode(&path, 0o444);
    let before = std::fs::read(&path).expect("reads");
    model.name.en = "Changed".into();
    let error = save(&path, &model).expect_err("refused, even for root");
    assert!(
        matches!(error, townscope::io::SaveError::ReadOnly { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(std::fs::read(&path).expect("reads"), before);
    assert_eq!(mode(&path), 0o444);
    assert_eq!(leftovers(folder.path()), Vec::<String>::new());
}

#[test]
fn a_temporary_file_a_killed_save_left_is_removed_by_the_next_save() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("town.ron");
    let model = townscope::io::embedded_yunqi().expect("loads");
    save(&path, &model).expect("first save");
    std::fs::write(folder.path().join(".town.ron.a1B2c3.tmp"), b"half a model").expect("writes");
    std::fs::write(folder.path().join(".town.ron.bak.Zz9yX8.tmp"), b"half").expect("writes");
    // Someone else's temporary file is not ours to remove.
    std::fs::write(folder.path().join(".other.ron.a1B2c3.tmp"), b"theirs").expect("writes");
    save(&path, &model).expect("second save");
    assert_eq!(
        leftovers(folder.path()),
        vec![".other.ron.a1B2c3.tmp".to_owned()]
    );
}

#[cfg(unix)]
#[test]
fn every_name_of_a_hard_linked_file_sees_the_saved_text() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("town.ron");
    let other = folder.path().join("same-town.ron");
    let mut model = townscope::io::embedded_yunqi().expect("loads");
    save(&path, &model).expect("first save");
    std::fs::hard_link(&path, &other).expect("links");
    model.name.en = "Saved through one name".into();
    save(&path, &model).expect("saves");
    assert_eq!(
        load_file(&other).expect("loads").name.en,
        "Saved through one name"
    );
    assert!(
        backup_path(&path).exists(),
        "the previous version is kept first"
    );
    assert_eq!(leftovers(folder.path()), Vec::<String>::new());
}
