//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The folder `../shared/data` beside the repository, when present.
///
/// When it is absent the test says so and is skipped, unless `CASEFILE_REQUIRE_SHARED=1` (as in
/// `.ci/run`), which makes its absence a failure.
pub fn shared_data(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CASEFILE_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
        panic!("{test}: ../shared/data is missing and CASEFILE_REQUIRE_SHARED=1");
    }
    eprintln!(
        "{test}: skipped: ../shared/data is absent (set CASEFILE_REQUIRE_SHARED=1 to make this a failure)"
    );
    None
}

/// The casefile binary built for the tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_casefile"))
}
