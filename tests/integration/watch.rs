//! `arsrapport watch`: rebuilds after a save and serves the new output; a broken save keeps the
//! last good output with the finding in the banner; Ctrl-C ends it cleanly. Every wait is
//! bounded (polling, at most [`WAIT`]); the server runs on a free port (`--port 0`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest any step may take (a cold first build in a debug binary on a loaded machine).
const WAIT: Duration = Duration::from_secs(60);

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The running `watch`, killed when the test ends however it ends.
struct Watching {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watching {
    fn start(dir: &Path, out: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_arsrapport"))
            .arg("watch")
            .arg(dir)
            .args(["--port", "0", "--out"])
            .arg(out)
            .env("ARSRAPPORT_COLOR", "never")
            .env("ARSRAPPORT_LANG", "en")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().expect("stderr");
        let log = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut log = log.lock().expect("log");
                log.push_str(&line);
                log.push('\n');
            }
        });
        Watching { child, stderr }
    }

    fn log(&self) -> String {
        self.stderr.lock().expect("log").clone()
    }

    /// Polls `f` until it gives a value, for at most [`WAIT`].
    fn until<T>(&self, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
        let start = Instant::now();
        loop {
            if let Some(value) = f() {
                return value;
            }
            assert!(start.elapsed() < WAIT, "waited {WAIT:?} for {what}; stderr:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn address(&self) -> String {
        self.until("the address", || {
            let log = self.log();
            let start = log.find("http://127.0.0.1:")? + "http://".len();
            let end = start + log[start..].find('/')?;
            Some(log[start..end].to_string())
        })
    }
}

/// GET `path` from `address`: the status code and the body.
fn get(address: &str, path: &str) -> Option<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let end = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&response[..end]);
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, response[end + 4..].to_vec()))
}

fn page(address: &str, path: &str) -> Option<String> {
    match get(address, path)? {
        (200, body) => Some(String::from_utf8_lossy(&body).into_owned()),
        _ => None,
    }
}

#[test]
fn watch_rebuilds_after_a_save_and_keeps_the_last_good_output_after_a_broken_one() {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path().join("rapport");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/clean"), &dir);
    let out = work.path().join("out");
    let watching = Watching::start(&dir, &out);
    let address = watching.address();

    // The first build: the site with the banner, and the PDF.
    let index = watching.until("the first build", || {
        page(&address, "/").filter(|p| p.contains("<strong>Live preview</strong>"))
    });
    assert!(index.contains("Økonomi"), "{index}");
    assert!(index.contains("src=\"/__arsrapport/live.js\""), "{index}");
    assert!(index.contains("connect-src 'self'; default-src 'none'"), "{index}");
    let viewer = page(&address, "/__arsrapport/pdf").expect("the PDF viewer");
    let frame = viewer.find("<iframe").expect("the PDF's frame");
    let start = frame + viewer[frame..].find("src=\"").expect("its source") + "src=\"".len();
    let pdf_path = viewer[start..].split('?').next().expect("path").to_string();
    let first_pdf = get(&address, &pdf_path).expect("the PDF").1;
    assert!(first_pdf.starts_with(b"%PDF"), "{pdf_path}");
    // Published into --out as `build` does, without the banner.
    let published = std::fs::read_to_string(out.join("html/index.html")).expect("published");
    assert!(!published.contains("arsrapport-live"), "the built site is not changed");
    assert!(get(&address, "/../Cargo.toml").is_some_and(|(status, _)| status == 400));

    // A save: the chapter gets a new title.
    let chapter = dir.join("kapitler/01.yaml");
    let text = std::fs::read_to_string(&chapter).expect("chapter");
    std::fs::write(&chapter, text.replacen("title: Økonomi", "title: Økonomi og drift", 1))
        .expect("save");
    watching.until("the rebuilt site", || {
        page(&address, "/").filter(|p| p.contains("Økonomi og drift"))
    });
    let second_pdf = watching.until("the rebuilt PDF", || {
        get(&address, &pdf_path).map(|r| r.1).filter(|pdf| *pdf != first_pdf)
    });
    assert!(second_pdf.starts_with(b"%PDF"));

    // A broken save: a sum that does not add up. The last good output stays, with the finding.
    let table = dir.join("tabeller/oversikt.csv");
    let csv = std::fs::read_to_string(&table).expect("table");
    std::fs::write(&table, csv.replacen("drift;13 000;", "drift;13 999;", 1)).expect("save");
    let index = watching.until("the finding in the banner", || {
        page(&address, "/").filter(|p| p.contains("Not rebuilt"))
    });
    assert!(index.contains("error[AR102/sum-row]"), "{index}");
    assert!(index.contains("Showing the last good build"), "{index}");
    assert!(index.contains("Økonomi og drift"), "the last good site is still served");
    assert_eq!(get(&address, &pdf_path).expect("the PDF").1, second_pdf, "the last good PDF");
    let log = watching.log();
    assert!(log.contains("error[AR102/sum-row]"), "the terminal shows the finding too: {log}");
    assert!(log.contains("still serving the last good build"), "{log}");

    // Fixed again: rebuilt, the banner clean.
    std::fs::write(&table, csv).expect("save");
    watching.until("the fixed build", || {
        page(&address, "/").filter(|p| p.contains("<strong>Live preview</strong>"))
    });
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_watch_cleanly() {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path().join("rapport");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/clean"), &dir);
    let mut watching = Watching::start(&dir, &work.path().join("out"));
    let address = watching.address();
    watching.until("the first build", || page(&address, "/"));
    let pid = watching.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().expect("kill runs");
    assert!(sent.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = watching.child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < WAIT, "watch did not stop: {}", watching.log());
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}: {}", watching.log());
    watching.until("the last line", || watching.log().contains("Stopped watching").then_some(()));
}

#[test]
fn watch_refuses_a_missing_folder() {
    let work = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = super::check::run_in(work.path(), &["watch", "nowhere", "--port", "0"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the report folder nowhere does not exist"), "{stderr}");
}
