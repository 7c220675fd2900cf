//! Errors quote input safely: at most `MAX_QUOTED_CHARS` characters with the count of the rest,
//! control and invisible characters escaped, national ids masked (README, "What errors show").

use edurules_login::{
    Egn, GeneratorConfig, Locale, LoginError, LoginGenerator, MAX_QUOTED_CHARS, Pesel, normalize,
    skeleton_directory,
};
use proptest::prelude::*;

fn all_messages(e: &LoginError) -> Vec<String> {
    Locale::ALL.iter().map(|&l| e.message(l)).collect()
}

fn assert_safe(e: &LoginError) {
    for m in all_messages(e) {
        assert!(
            !m.chars()
                .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')),
            "control character or line separator in {m:?}"
        );
        assert!(m.chars().count() < 600, "message too long: {m}");
    }
}

#[test]
fn long_input_is_cut_with_the_count_of_the_rest() {
    let input = format!("A B{}", "x".repeat(1_000));
    let e = normalize(&input).unwrap_err();
    assert_eq!(e.code(), "login.inner_whitespace");
    assert_safe(&e);
    let more = 1_003 - MAX_QUOTED_CHARS;
    assert!(
        e.to_string()
            .contains(&format!("…” (and {more} more characters)")),
        "{e}"
    );
    assert!(
        e.message(Locale::Pl)
            .contains(&format!("…” (i jeszcze {more} znaków)")),
        "{}",
        e.message(Locale::Pl)
    );
    assert!(
        e.message(Locale::Bg)
            .contains(&format!("…“ (и още {more} знака)")),
        "{}",
        e.message(Locale::Bg)
    );
    // One more character: singular forms.
    let one = format!("A B{}", "x".repeat(MAX_QUOTED_CHARS - 2));
    let e = normalize(&one).unwrap_err();
    assert!(e.to_string().contains("(and 1 more character)"), "{e}");
    assert!(e.message(Locale::Pl).contains("(i jeszcze 1 znak)"));
    assert!(e.message(Locale::Bg).contains("(и още 1 знак)"));
    // Exactly the limit: quoted whole.
    let whole = format!("A B{}", "x".repeat(MAX_QUOTED_CHARS - 3));
    let e = normalize(&whole).unwrap_err();
    assert!(e.to_string().contains(&format!("“{whole}”")), "{e}");
}

#[test]
fn control_characters_are_escaped_not_echoed() {
    let e = normalize("JAN\u{1b}[31mKOW").unwrap_err();
    assert_safe(&e);
    assert!(e.to_string().contains(r"JAN\u{1b}[31mKOW"), "{e}");
    let e = normalize("JAN\nKOW").unwrap_err();
    assert_safe(&e);
    assert!(e.to_string().contains(r"“JAN\nKOW”"), "{e}");
    // Bidi controls reorder what a log shows: escaped too.
    let e = normalize("JAN\u{202e}KOW").unwrap_err();
    assert!(!e.to_string().contains('\u{202e}'), "{e}");
    assert!(e.to_string().contains(r"\u{202e}"), "{e}");
    let g = LoginGenerator::default();
    let e = g
        .generate("1\u{7}", "\r\n", &skeleton_directory(["X"]))
        .unwrap_err();
    assert_safe(&e);
    let mut config = GeneratorConfig::default();
    config.blocklist.push("BAD\u{1b}".into());
    let e = config.validate().unwrap_err();
    assert_safe(&e);
}

#[test]
fn national_ids_are_masked() {
    // A valid-looking PESEL with a wrong check digit: only the first two digits show.
    for text in ["44051401459", "440514014599", "4405140145", "44051401X59"] {
        let e = text.parse::<Pesel>().unwrap_err();
        assert_safe(&e);
        for m in all_messages(&e)
            .into_iter()
            .chain([format!("{e:?}"), serde_json::to_string(&e).unwrap()])
        {
            assert!(!m.contains("051401"), "{text}: {m}");
        }
    }
    let e = "44051401459".parse::<Pesel>().unwrap_err();
    assert!(e.to_string().contains("“44*********”"), "{e}");
    let e = "44051401X59".parse::<Pesel>().unwrap_err();
    assert!(e.to_string().contains("“44******X**”"), "{e}");
    let e = "7501010011".parse::<Egn>().unwrap_err();
    for m in all_messages(&e).into_iter().chain([format!("{e:?}")]) {
        assert!(!m.contains("010100"), "{m}");
    }
    // Digits of other scripts are masked too: full-width and Arabic-Indic.
    for text in ["４４０５１４０１４５８", "٤٤٠٥١٤٠١٤٥٨"] {
        let hidden: String = text.chars().skip(2).take(6).collect();
        for e in [
            text.parse::<Pesel>().unwrap_err(),
            text.parse::<Egn>().unwrap_err(),
        ] {
            assert_safe(&e);
            for m in all_messages(&e)
                .into_iter()
                .chain([format!("{e:?}"), serde_json::to_string(&e).unwrap()])
            {
                assert!(!m.contains(&hidden), "{text}: {m}");
            }
        }
    }
    // A long paste is masked and cut, in the error itself too.
    let e = "1".repeat(5_000).parse::<Pesel>().unwrap_err();
    assert_safe(&e);
    assert!(!e.to_string().contains("111"), "{e}");
    assert!(format!("{e:?}").len() < 400, "{e:?}");
    assert!(
        matches!(e, LoginError::IdLength { length: 5_000, .. }),
        "{e:?}"
    );
}

/// A login too long is counted, and its canonical form kept only as far as a message quotes
/// it: on the ASCII path and on the NFKC path (full-width letters). (Other rejections keep
/// the input as given: they stop at its first wrong character.)
#[test]
fn a_long_login_is_counted_not_copied() {
    for input in ["a".repeat(1_000_000), "Ａ".repeat(1_000_000)] {
        let e = normalize(&input).unwrap_err();
        assert_safe(&e);
        let LoginError::TooLong { login, length, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(*length, 1_000_000);
        assert_eq!(login.chars().count(), MAX_QUOTED_CHARS, "{login}");
        assert!(login.ends_with('…'), "{login}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_login_error_is_short_and_has_no_control_character(s in "\\PC{0,300}|[\\x00-\\x7f]{0,300}") {
        if let Err(e) = normalize(&s) {
            assert_safe(&e);
        }
    }

    #[test]
    fn any_pesel_or_egn_error_shows_at_most_two_digits_of_it(s in "[0-9]{9,12}|[0-9]{5}.[0-9]{5}|[0-9０-９٠-٩]{10,11}") {
        let errors = [s.parse::<Pesel>().err(), s.parse::<Egn>().err()];
        for e in errors.into_iter().flatten() {
            assert_safe(&e);
            // Digits 3–8 (the birth date's month and day and more) appear nowhere, in no
            // language and not in `Debug`.
            let hidden: String = s.chars().skip(2).take(6).collect();
            for m in all_messages(&e).into_iter().chain([format!("{e:?}")]) {
                prop_assert!(!m.contains(&hidden), "{}", m);
            }
        }
    }
}
