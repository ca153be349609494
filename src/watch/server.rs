//! The preview server of `watch`: the last good site and PDF, from memory, on 127.0.0.1 only.
//!
//! A small HTTP/1.1 server on `std::net`, one thread per connection (at most
//! [`MAX_CONNECTIONS`] at a time). It answers `GET` and `HEAD`, nothing else, and only requests
//! addressed to `127.0.0.1:PORT` or `localhost:PORT` (a page on another site cannot reach it
//! through a name of its own that resolves to 127.0.0.1). Every HTML page gets the banner and
//! the reload script ([`super::page`]); `/__arsrapport/events` is a Server-Sent Events stream
//! that sends the build counter whenever it changes.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::page::{self, BannerState, PREFIX};
use super::session::Findings;
use crate::render::SiteFile;
use crate::tr;

/// Connections served at once; more are answered 503.
pub const MAX_CONNECTIONS: usize = 64;
/// How often an idle event stream gets a comment line (to notice a closed tab).
const KEEPALIVE: Duration = Duration::from_secs(15);
/// The longest request head read.
const MAX_HEAD: u64 = 16 * 1024;

/// A good build to serve.
#[derive(Debug, Default)]
pub struct Site {
    /// The site's files by path (`index.html`, `assets/site.css`, the PDF).
    pub files: HashMap<String, Vec<u8>>,
    /// The PDF's file name, if there is a PDF.
    pub pdf: Option<String>,
    /// When it was built (`HH:MM:SS`).
    pub built_at: String,
}

impl Site {
    /// The site from the rendered files.
    pub fn new(files: Vec<SiteFile>, pdf: Option<String>, built_at: String) -> Self {
        Site { files: files.into_iter().map(|f| (f.path, f.bytes)).collect(), pdf, built_at }
    }
}

#[derive(Default)]
struct State {
    generation: u64,
    site: Option<Arc<Site>>,
    findings: Findings,
    banner: Arc<String>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    connections: AtomicUsize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The running server; dropping it does not stop it (the process ends it).
pub struct Server {
    shared: Arc<Shared>,
    addr: SocketAddr,
}

impl Server {
    /// Listens on 127.0.0.1:`port` (0: a free port) and serves in background threads.
    pub fn start(port: u16) -> io::Result<Server> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let accepting = Arc::clone(&shared);
        std::thread::Builder::new().name("watch-server".into()).spawn(move || {
            for stream in listener.incoming().flatten() {
                accept(&accepting, stream, addr.port());
            }
        })?;
        Ok(Server { shared, addr })
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Publishes a rebuild: its findings, and its site if it built one (else the last good site
    /// stays). Open pages reload.
    pub fn update(&self, site: Option<Site>, findings: Findings) {
        let mut state = self.shared.lock();
        state.generation += 1;
        if let Some(site) = site {
            state.site = Some(Arc::new(site));
        }
        state.findings = findings;
        let banner = {
            let site = state.site.as_deref();
            let banner_state = BannerState {
                generation: state.generation,
                built_at: site.map(|s| s.built_at.as_str()),
                pdf: site.and_then(|s| s.pdf.as_deref()),
            };
            page::banner(&state.findings, banner_state)
        };
        state.banner = Arc::new(banner);
        drop(state);
        self.shared.changed.notify_all();
    }
}

fn accept(shared: &Arc<Shared>, stream: TcpStream, port: u16) {
    let shared = Arc::clone(shared);
    let active = shared.connections.fetch_add(1, Ordering::SeqCst);
    let spawned = std::thread::Builder::new().name("watch-connection".into()).spawn({
        let shared = Arc::clone(&shared);
        move || {
            let mut stream = stream;
            if active >= MAX_CONNECTIONS {
                let _ = respond(
                    &mut stream,
                    503,
                    PLAIN,
                    format!("{}\n", tr!(watch_http_too_many)).as_bytes(),
                    false,
                );
            } else {
                let _ = serve(&shared, &mut stream, port);
            }
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    });
    if spawned.is_err() {
        shared.connections.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One request: its method, path (decoded, without query) and Host header.
struct Request {
    method: String,
    path: String,
    host: Option<String>,
}

fn read_request(stream: &TcpStream) -> io::Result<Option<Request>> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.take(MAX_HEAD));
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else { return Ok(None) };
    let (method, target) = (method.to_string(), target.to_string());
    let mut host = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("host")
        {
            host = Some(value.trim().to_ascii_lowercase());
        }
    }
    let raw = target.split(['?', '#']).next().unwrap_or("/");
    let Some(path) = percent_decode(raw) else { return Ok(None) };
    Ok(Some(Request { method, path, host }))
}

fn serve(shared: &Shared, stream: &mut TcpStream, port: u16) -> io::Result<()> {
    let Some(request) = read_request(stream)? else {
        return respond(
            stream,
            400,
            PLAIN,
            format!("{}\n", tr!(watch_http_bad_request)).as_bytes(),
            false,
        );
    };
    let head = request.method == "HEAD";
    if request.method != "GET" && !head {
        return respond(
            stream,
            405,
            PLAIN,
            format!("{}\n", tr!(watch_http_only_get)).as_bytes(),
            false,
        );
    }
    let allowed = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if request.host.as_ref().is_some_and(|h| !allowed.contains(h)) {
        return respond(
            stream,
            403,
            PLAIN,
            format!("{}\n", tr!(watch_http_only_local)).as_bytes(),
            head,
        );
    }
    let path = request.path.as_str();
    if let Some(own) = path.strip_prefix(PREFIX) {
        return match own {
            "live.js" => respond(stream, 200, "text/javascript", page::LIVE_JS.as_bytes(), head),
            "live.css" => respond(stream, 200, "text/css", page::LIVE_CSS.as_bytes(), head),
            "events" if !head => events(shared, stream),
            "pdf" => pdf_viewer(shared, stream, head),
            _ => not_found(shared, stream, head),
        };
    }
    let (site, banner) = {
        let state = shared.lock();
        (state.site.clone(), Arc::clone(&state.banner))
    };
    let name = match path.trim_start_matches('/') {
        "" => "index.html",
        name => name,
    };
    let Some(site) = site else {
        let body = format!("<main><p>{}</p></main>", tr!(watch_page_waiting));
        let html = page::standalone("arsrapport watch", &banner, &body);
        return respond(stream, 200, "text/html; charset=utf-8", html.as_bytes(), head);
    };
    let Some(bytes) = site.files.get(name) else { return not_found(shared, stream, head) };
    let kind = content_type(name);
    if kind.starts_with("text/html") {
        let html = page::inject(&String::from_utf8_lossy(bytes), &banner);
        respond(stream, 200, kind, html.as_bytes(), head)
    } else {
        respond(stream, 200, kind, bytes, head)
    }
}

fn pdf_viewer(shared: &Shared, stream: &mut TcpStream, head: bool) -> io::Result<()> {
    let (pdf, generation, banner) = {
        let state = shared.lock();
        let pdf = state.site.as_ref().and_then(|s| s.pdf.clone());
        (pdf, state.generation, Arc::clone(&state.banner))
    };
    let body = match pdf {
        Some(pdf) => page::viewer(&pdf, generation),
        None => format!("<main><p>{}</p></main>", tr!(watch_page_no_pdf)),
    };
    let html = page::standalone("PDF – arsrapport watch", &banner, &body);
    respond(stream, 200, "text/html; charset=utf-8", html.as_bytes(), head)
}

fn not_found(shared: &Shared, stream: &mut TcpStream, head: bool) -> io::Result<()> {
    let banner = Arc::clone(&shared.lock().banner);
    let body = format!("<main><p>{}</p></main>", tr!(watch_page_no_such_page));
    let html = page::standalone(&tr!(watch_page_not_found), &banner, &body);
    respond(stream, 404, "text/html; charset=utf-8", html.as_bytes(), head)
}

/// Plain-text answers (the tool's own messages, in the chosen language).
const PLAIN: &str = "text/plain; charset=utf-8";

/// The event stream: the build counter now and after every change, until the page goes away.
fn events(shared: &Shared, stream: &mut TcpStream) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
    )?;
    let mut state = shared.lock();
    let mut sent = state.generation;
    drop(state);
    stream.write_all(format!("retry: 1000\ndata: {sent}\n\n").as_bytes())?;
    stream.flush()?;
    loop {
        state = shared.lock();
        let (guard, timeout) = shared
            .changed
            .wait_timeout_while(state, KEEPALIVE, |s| s.generation == sent)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let generation = guard.generation;
        drop(guard);
        if timeout.timed_out() {
            stream.write_all(b": keep-alive\n\n")?;
        } else {
            sent = generation;
            stream.write_all(format!("data: {sent}\n\n").as_bytes())?;
        }
        stream.flush()?;
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    head: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `%XX` decoded; `None` for a path that is not UTF-8 or climbs out (`..`).
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).ok()?;
    if path.split(['/', '\\']).any(|segment| segment == "..") {
        return None;
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_decoded_and_kept_inside() {
        assert_eq!(percent_decode("/a%20b.pdf").as_deref(), Some("/a b.pdf"));
        assert_eq!(percent_decode("/%C3%A5r.html").as_deref(), Some("/år.html"));
        assert_eq!(percent_decode("/../etc/passwd"), None);
        assert_eq!(percent_decode("/%2e%2e/x"), None);
        assert_eq!(percent_decode("/x%2"), None);
        assert_eq!(percent_decode("/x%zz"), None);
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a/b.PDF"), "application/pdf");
        assert_eq!(content_type("x"), "application/octet-stream");
    }
}
