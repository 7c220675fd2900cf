//! The committed header `include/edurules.h` against the `extern "C"`
//! functions of `src/abi.rs`: same names, same return and parameter types,
//! same parameter names. Fails when either changes without the other.

use std::collections::BTreeMap;

type Signature = (String, Vec<(String, String)>);

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The C spelling of a Rust type of the ABI.
fn c_type(rust: &str) -> String {
    match squash(rust).as_str() {
        "" | "()" => "void",
        "u32" => "uint32_t",
        "usize" => "size_t",
        "*const c_char" => "const char *",
        "*mut c_char" => "char *",
        "*mut *mut c_char" => "char **",
        "*const u8" => "const uint8_t *",
        "*mut usize" => "size_t *",
        "*mut Engine" => "edurules_engine *",
        "*const Engine" => "const edurules_engine *",
        other => panic!("no C spelling for the Rust type `{other}`: add it here and to the header"),
    }
    .to_owned()
}

fn rust_functions() -> BTreeMap<String, Signature> {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/abi.rs")).unwrap();
    let mut out = BTreeMap::new();
    for chunk in src.split("extern \"C\" fn ").skip(1) {
        let name = chunk.split('(').next().unwrap().trim().to_owned();
        let open = chunk.find('(').unwrap();
        let close = chunk.find(')').unwrap();
        let params = chunk[open + 1..close]
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                let (n, t) = p.split_once(':').unwrap();
                (n.trim().to_owned(), c_type(t))
            })
            .collect();
        let rest = &chunk[close + 1..chunk.find('{').unwrap()];
        let ret = rest.trim().strip_prefix("->").unwrap_or("");
        out.insert(name, (c_type(ret), params));
    }
    out
}

/// `const char *name` → (`name`, `const char *`).
fn split_c_param(p: &str) -> (String, String) {
    let p = squash(p);
    let at = p.rfind([' ', '*']).unwrap();
    let (ty, name) = p.split_at(at + 1);
    (
        name.trim().to_owned(),
        squash(&ty.replace('*', " *").replace("* *", "**")),
    )
}

fn header_functions() -> BTreeMap<String, Signature> {
    let h = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/edurules.h"))
        .unwrap();
    let mut out = BTreeMap::new();
    for line in h
        .lines()
        .filter(|l| l.contains("edurules_") && l.trim_end().ends_with(");"))
    {
        let open = line.find('(').unwrap();
        let head = &line[..open];
        let name_at = head.rfind("edurules_").unwrap();
        let name = head[name_at..].trim().to_owned();
        let ret = squash(&head[..name_at].replace('*', " *"));
        let inner = &line[open + 1..line.rfind(')').unwrap()];
        let params = if inner.trim() == "void" {
            Vec::new()
        } else {
            inner.split(',').map(split_c_param).collect()
        };
        let ret = if ret.ends_with('*') {
            ret
        } else {
            ret.trim().to_owned()
        };
        out.insert(name, (ret, params));
    }
    out
}

#[test]
fn header_matches_the_code() {
    let rust = rust_functions();
    let header = header_functions();
    assert_eq!(rust.len(), 6, "{rust:?}");
    assert_eq!(header, rust, "include/edurules.h and src/abi.rs disagree");
}

#[test]
fn a_drifted_header_is_caught() {
    let mut header = header_functions();
    header.get_mut("edurules_call").unwrap().1.pop();
    assert_ne!(header, rust_functions());
}

#[test]
fn the_php_declarations_name_the_same_functions() {
    let php = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../bindings/php/edurules.ffi.h"
    ))
    .unwrap();
    let mut names: Vec<String> = php
        .lines()
        .filter(|l| l.trim_end().ends_with(");"))
        .map(|l| {
            let head = &l[..l.find('(').unwrap()];
            head[head.rfind("edurules_").unwrap()..].to_owned()
        })
        .collect();
    names.sort();
    let rust: Vec<String> = rust_functions().into_keys().collect();
    assert_eq!(names, rust);
}
