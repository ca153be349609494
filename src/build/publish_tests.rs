use super::*;

fn site(text: &str) -> Vec<SiteFile> {
    vec![
        SiteFile { path: "index.html".into(), bytes: text.as_bytes().to_vec() },
        SiteFile { path: "assets/site.css".into(), bytes: b"css".to_vec() },
    ]
}

fn both<'a>(pdf: &'a [u8], site: &'a [SiteFile]) -> Publication<'a> {
    Publication { pdf_name: "r.pdf", pdf: Some(pdf), site: Some(site) }
}

fn read(path: &Path) -> String {
    String::from_utf8(fs::read(path).expect("read")).expect("utf-8")
}

fn state_entries(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out.join(STATE_DIR))
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn site_paths_must_stay_inside() {
    assert!(safe_relative("index.html"));
    assert!(safe_relative("assets/site.css"));
    assert!(!safe_relative("../x"));
    assert!(!safe_relative("/etc/x"));
    assert!(!safe_relative(""));
}

#[test]
fn a_build_replaces_the_pair_and_removes_the_previous_generation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let first = site("one");
    let published = publish(&out, &both(b"pdf one", &first)).expect("first");
    assert!(published.warnings.is_empty(), "{:?}", published.warnings);
    assert_eq!(published.paths, vec![out.join("r.pdf"), out.join("html")]);
    assert_eq!(read(&out.join("r.pdf")), "pdf one");
    assert_eq!(read(&out.join("html/index.html")), "one");
    let second = site("two");
    publish(&out, &both(b"pdf two", &second)).expect("second");
    assert_eq!(read(&out.join("r.pdf")), "pdf two");
    assert_eq!(read(&out.join("html/index.html")), "two");
    assert_eq!(state_entries(&out), ["gen-2", "lock"]);
    assert_eq!(fs::read_link(out.join("current")).expect("link"), Path::new(".arsrapport/gen-2"));
}

#[test]
fn a_failed_build_keeps_the_old_pair_and_leaves_no_staging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let first = site("old");
    publish(&out, &both(b"old pdf", &first)).expect("first");
    let bad = [
        SiteFile { path: "index.html".into(), bytes: b"new".to_vec() },
        SiteFile { path: "../escape.html".into(), bytes: b"x".to_vec() },
    ];
    assert!(publish(&out, &both(b"new pdf", &bad)).is_err());
    assert_eq!(read(&out.join("r.pdf")), "old pdf");
    assert_eq!(read(&out.join("html/index.html")), "old");
    assert_eq!(state_entries(&out), ["gen-1", "lock"]);
    assert!(!dir.path().join("escape.html").exists());
}

#[test]
fn staging_left_by_a_killed_build_is_removed_by_the_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let first = site("one");
    publish(&out, &both(b"one", &first)).expect("first");
    // What a build killed while writing, or just after switching, leaves behind.
    fs::create_dir_all(out.join(".arsrapport/gen-7/html")).expect("mkdir");
    fs::write(out.join(".arsrapport/gen-7/html/index.html"), "partial").expect("write");
    fs::create_dir_all(out.join(".arsrapport/old-html")).expect("mkdir");
    symlink(Path::new("nowhere"), &out.join(".current.link-99"), true).expect("link");
    let second = site("two");
    publish(&out, &both(b"two", &second)).expect("second");
    assert_eq!(state_entries(&out), ["gen-2", "lock"]);
    assert!(fs::symlink_metadata(out.join(".current.link-99")).is_err());
    assert_eq!(read(&out.join("html/index.html")), "two");
}

#[test]
fn the_output_of_an_older_arsrapport_is_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("html")).expect("mkdir");
    fs::write(out.join("html/index.html"), "legacy").expect("write");
    fs::write(out.join("r.pdf"), "legacy pdf").expect("write");
    let new = site("new");
    publish(&out, &both(b"new pdf", &new)).expect("build");
    assert!(fs::symlink_metadata(out.join("html")).expect("html").file_type().is_symlink());
    assert!(fs::symlink_metadata(out.join("r.pdf")).expect("pdf").file_type().is_symlink());
    assert_eq!(read(&out.join("r.pdf")), "new pdf");
    assert_eq!(read(&out.join("html/index.html")), "new");
    assert_eq!(state_entries(&out), ["gen-1", "lock"]);
}

#[test]
fn a_pdf_only_build_withdraws_the_site_of_an_older_arsrapport() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("html")).expect("mkdir");
    fs::write(out.join("html/index.html"), "legacy").expect("write");
    fs::write(out.join("r.pdf"), "legacy pdf").expect("write");
    let pdf_only = Publication { pdf_name: "r.pdf", pdf: Some(b"new pdf"), site: None };
    publish(&out, &pdf_only).expect("build");
    assert_eq!(read(&out.join("r.pdf")), "new pdf");
    assert!(fs::symlink_metadata(out.join("html")).is_err(), "no old site beside the new PDF");
    assert_eq!(state_entries(&out), ["gen-1", "lock"]);

    fs::write(out.join("s.pdf"), "legacy pdf").expect("write");
    let s = site("new");
    let html_only = Publication { pdf_name: "s.pdf", pdf: None, site: Some(&s) };
    publish(&out, &html_only).expect("build");
    assert_eq!(read(&out.join("html/index.html")), "new");
    assert!(fs::symlink_metadata(out.join("s.pdf")).is_err(), "no old PDF beside the new site");
}

#[test]
fn a_pdf_only_build_withdraws_the_old_site_and_a_renamed_pdf_its_old_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let first = site("one");
    publish(&out, &both(b"one", &first)).expect("first");
    let pdf_only = Publication { pdf_name: "s.pdf", pdf: Some(b"two"), site: None };
    publish(&out, &pdf_only).expect("second");
    assert_eq!(read(&out.join("s.pdf")), "two");
    // The old site would not match the new PDF, and r.pdf is no longer built.
    assert!(fs::symlink_metadata(out.join("html")).is_err());
    assert!(fs::symlink_metadata(out.join("r.pdf")).is_err());
}

#[test]
fn things_in_the_way_get_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("file");
    fs::write(&file, "x").expect("write");
    let s = site("x");
    let error = publish(&file, &both(b"x", &s)).expect_err("a file");
    assert!(format!("{error:#}").contains("is a file, not a folder"), "{error:#}");

    let out = dir.path().join("out");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("html"), "not a site").expect("write");
    let error = publish(&out, &both(b"x", &s)).expect_err("site path is a file");
    assert!(format!("{error:#}").contains("site path"), "{error:#}");
    assert_eq!(read(&out.join("html")), "not a site");
    // Building the PDF only is fine.
    let pdf_only = Publication { pdf_name: "r.pdf", pdf: Some(b"x"), site: None };
    publish(&out, &pdf_only).expect("pdf only");
    assert_eq!(read(&out.join("html")), "not a site", "a file that is not a site stays");
    fs::remove_file(out.join("html")).expect("rm");

    fs::create_dir_all(out.join("q.pdf")).expect("mkdir");
    let in_the_way = Publication { pdf_name: "q.pdf", pdf: Some(b"x"), site: None };
    let error = publish(&out, &in_the_way).expect_err("pdf path is a folder");
    assert!(format!("{error:#}").contains("is a folder"), "{error:#}");
}

#[test]
fn a_held_lock_makes_the_next_build_wait() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    prepare_folder(&out).expect("prepare");
    let held = lock(&out.join(STATE_DIR), &out).expect("lock");
    let out2 = out.clone();
    let waiting = std::thread::spawn(move || {
        let s = site("second");
        publish(&out2, &both(b"second", &s)).map(|_| ())
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!waiting.is_finished(), "the second build waits for the lock");
    assert!(fs::symlink_metadata(out.join(CURRENT)).is_err(), "nothing published yet");
    drop(held);
    waiting.join().expect("thread").expect("publishes once the lock is free");
    assert_eq!(read(&out.join("r.pdf")), "second");
}
