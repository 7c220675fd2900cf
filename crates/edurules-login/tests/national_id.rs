//! `Pesel` and `Egn`, table-driven from `tests/data/pesel.json` and `egn.json`.

use edurules_login::{Egn, LoginError, Pesel, Sex};

use crate::support::data;

fn sex(s: &str) -> Sex {
    match s {
        "male" => Sex::Male,
        "female" => Sex::Female,
        other => panic!("sex {other}"),
    }
}

#[test]
fn pesel_table() {
    let table = data("pesel.json");
    for case in table["valid"].as_array().unwrap() {
        let text = case["pesel"].as_str().unwrap();
        let pesel: Pesel = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            pesel.birth_date().to_string(),
            case["date"].as_str().unwrap(),
            "{text}"
        );
        assert_eq!(pesel.sex(), sex(case["sex"].as_str().unwrap()), "{text}");
        assert_eq!(pesel.to_string(), text);
        let json = serde_json::to_string(&pesel).unwrap();
        assert_eq!(serde_json::from_str::<Pesel>(&json).unwrap(), pesel);
    }
    for case in table["invalid"].as_array().unwrap() {
        let text = case["pesel"].as_str().unwrap();
        let err = text.parse::<Pesel>().expect_err(text);
        assert_eq!(err.code(), case["code"].as_str().unwrap(), "{text}: {err}");
        assert!(serde_json::from_value::<Pesel>(serde_json::json!(text)).is_err());
    }
}

#[test]
fn egn_table() {
    let table = data("egn.json");
    for case in table["valid"].as_array().unwrap() {
        let text = case["egn"].as_str().unwrap();
        let egn: Egn = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            egn.birth_date().to_string(),
            case["date"].as_str().unwrap(),
            "{text}"
        );
        assert_eq!(egn.sex(), sex(case["sex"].as_str().unwrap()), "{text}");
        assert_eq!(egn.to_string(), text);
        let json = serde_json::to_string(&egn).unwrap();
        assert_eq!(serde_json::from_str::<Egn>(&json).unwrap(), egn);
    }
    for case in table["invalid"].as_array().unwrap() {
        let text = case["egn"].as_str().unwrap();
        let err = text.parse::<Egn>().expect_err(text);
        assert_eq!(err.code(), case["code"].as_str().unwrap(), "{text}: {err}");
    }
}

#[test]
fn errors_carry_what_a_caller_needs() {
    assert!(matches!(
        "44051401459".parse::<Pesel>(),
        Err(LoginError::IdChecksum {
            expected: 8,
            found: 9,
            ..
        })
    ));
    assert!(matches!(
        "61-1047500".parse::<Egn>(),
        Err(LoginError::IdNonDigit {
            character: '-',
            position: 3,
            ..
        })
    ));
    assert!(matches!(
        "ąęó".parse::<Egn>(),
        Err(LoginError::IdLength {
            length: 3,
            expected: 10,
            ..
        })
    ));
    assert!(matches!(
        "0242293579".parse::<Egn>(),
        Err(LoginError::IdImpossibleDate {
            year_digits: 2,
            month_code: 42,
            day: 29,
            ..
        })
    ));
}
