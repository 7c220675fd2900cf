//! Ready to publish: every crate carries its licence files, keywords and
//! categories, and the README that is its documentation front page has no
//! relative link (which would break on a documentation site).

#![cfg(test)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The facade and every domain crate, by directory.
fn crates() -> Vec<PathBuf> {
    let mut dirs = vec![root()];
    let mut domain: Vec<PathBuf> = std::fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    domain.sort();
    dirs.extend(domain);
    dirs
}

fn manifest(dir: &Path) -> toml::Table {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap()
}

/// The targets of Markdown links `[text](target)` that are not absolute URLs,
/// anchors or rustdoc intra-doc links (`LoginError::code`).
fn relative_links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = markdown;
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        let target = &rest[..end];
        if !(target.starts_with("https://")
            || target.starts_with("http://")
            || target.starts_with('#')
            || target.starts_with("mailto:")
            || is_rust_path(target))
        {
            found.push(target.to_owned());
        }
    }
    found
}

/// `Type::item` or `item`: a path rustdoc resolves, not a file.
fn is_rust_path(target: &str) -> bool {
    target.contains("::")
        && target
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':')
}

#[test]
fn relative_links_are_found() {
    assert_eq!(
        relative_links("[a](docs/x.md) [b](https://e.org) [c](#top) [d](Error::code)"),
        ["docs/x.md"]
    );
}

#[test]
fn every_crate_is_ready_to_publish() {
    for dir in crates() {
        let name = dir.display();
        for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
            assert!(dir.join(licence).is_file(), "{name} has no {licence}");
        }
        let table = manifest(&dir);
        let package = table["package"].as_table().unwrap();
        for key in ["description", "keywords", "categories", "readme"] {
            assert!(package.contains_key(key), "{name}: no `{key}`");
        }
        let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
        assert_eq!(
            relative_links(&readme),
            Vec::<String>::new(),
            "{name}/README.md is a documentation front page: make its links absolute"
        );
    }
}
