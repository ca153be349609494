# arsrapport — common tasks. `just ci` is what CI runs (.ci/run).

# Build the report in report-data/ into out/ (PDF + HTML).
build:
    cargo run --release -- build

# Check report-data/ only.
check:
    cargo run --release -- check

# Run the test suite.
test:
    cargo test --locked

# Formatting and lints.
lint:
    cargo fmt --all -- --check
    cargo clippy --locked --all-targets -- -D warnings

# Accessibility test of the built sites: tests/fixtures/valid/sample-site, report-data and the
# examples, as the HTML tests write them to target/tmp/ (needs chromium and node; see
# tests/a11y/README.md).
a11y:
    cargo test --locked --test integration html::
    cd tests/a11y && npm ci --no-audit --no-fund
    node tests/a11y/check.mjs target/tmp/html-sample-site target/tmp/html-report-data target/tmp/html-example-minimal

# Benchmarks (print timings).
bench:
    cargo bench --bench check
    cargo bench --bench pdf
    cargo bench --bench html
    cargo bench --bench multi
    cargo bench --bench watch
    cargo bench --bench scale

# Everything CI runs.
ci:
    bash .ci/run
