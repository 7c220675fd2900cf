//! The language sweep: every message code of the crate rendered with sample values in every
//! locale and checked by `edurules_locale::lint`. Inside the crate so that the matches below are
//! exhaustive: a new variant without a sample does not compile.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use edurules_locale::{Locale, Message, lint};

use crate::*;

#[cfg(feature = "parquet")]
mod parquet;

/// Counts every counted thing is tried with: the Polish one / few / many forms and their traps.
const COUNTS: [u64; 6] = [1, 2, 5, 12, 22, 65_536];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A value longer than a quote keeps, with control characters.
fn long() -> String {
    format!("x\u{1b}[2J\n{}", "y".repeat(120))
}

/// The index of each variant of the error: exhaustive, so a new variant must be added here.
const fn error_index(e: &AbsenceError) -> usize {
    match e {
        AbsenceError::InvalidQuantity { .. } => 0,
        AbsenceError::InvalidPercent { .. } => 1,
        AbsenceError::InvalidWindow { .. } => 2,
        AbsenceError::InvalidProfile { .. } => 3,
        AbsenceError::DuplicatePupil { .. } => 4,
        AbsenceError::TooManyPupils { .. } => 5,
        AbsenceError::UnitMismatch { .. } => 6,
        AbsenceError::LessonOutOfRange { .. } => 7,
        AbsenceError::LessonAmount { .. } => 8,
        AbsenceError::CsvHeader { .. } => 9,
        AbsenceError::CsvField { .. } => 10,
        AbsenceError::CsvRow { .. } => 11,
        AbsenceError::CsvQuote { .. } => 12,
        AbsenceError::CsvDuplicateColumn { .. } => 13,
        AbsenceError::CsvSeparator { .. } => 14,
        AbsenceError::CsvLineTooLong { .. } => 15,
        AbsenceError::LateWithoutDelay { .. } => 16,
        AbsenceError::Io { .. } => 17,
        AbsenceError::SignalBeforeWindow { .. } => 18,
        AbsenceError::SignalBeforeWindowEnd { .. } => 19,
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowMissingColumn { .. } => 20,
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowColumnType { .. } => 21,
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowNull { .. } => 22,
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowValue { .. } => 23,
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowRecord { .. } => 24,
        #[cfg(feature = "parquet")]
        AbsenceError::ParquetFormat { .. } => 25,
        #[cfg(feature = "parquet")]
        AbsenceError::ParquetMissingColumn { .. } => 26,
        #[cfg(feature = "parquet")]
        AbsenceError::ParquetColumnType { .. } => 27,
        #[cfg(feature = "parquet")]
        AbsenceError::ParquetRowGroup { .. } => 28,
        #[cfg(feature = "parquet")]
        AbsenceError::ParquetRow { .. } => 29,
    }
}
const ERROR_VARIANTS: usize = if cfg!(feature = "parquet") {
    30
} else if cfg!(feature = "arrow") {
    25
} else {
    20
};

const fn profile_index(p: &ProfileProblem) -> usize {
    match p {
        ProfileProblem::EmptyProfileId => 0,
        ProfileProblem::NoRules => 1,
        ProfileProblem::EmptyRuleId => 2,
        ProfileProblem::DuplicateRule { .. } => 3,
        ProfileProblem::EmptyDescription { .. } => 4,
        ProfileProblem::EmptyLegalBasis { .. } => 5,
        ProfileProblem::TooDeep { .. } => 6,
        ProfileProblem::EmptyAny { .. } => 7,
        ProfileProblem::EmptyAll { .. } => 8,
        ProfileProblem::MinutesThreshold { .. } => 9,
        ProfileProblem::AtLeastZero { .. } => 10,
        ProfileProblem::LateBandCount { .. } => 11,
        ProfileProblem::LateBandOpen { .. } => 12,
        ProfileProblem::LateLastBandClosed { .. } => 13,
        ProfileProblem::LateBandOrder { .. } => 14,
        ProfileProblem::LateBandDecreasing { .. } => 15,
    }
}
const PROFILE_VARIANTS: usize = 16;

const fn field_index(f: FieldFormat) -> usize {
    match f {
        FieldFormat::PupilId => 0,
        FieldFormat::Date => 1,
        FieldFormat::Amount => 2,
        FieldFormat::Kind => 3,
        FieldFormat::Level => 4,
        FieldFormat::SmallNumber => 5,
        FieldFormat::Unit => 6,
        FieldFormat::PlannedUnit => 7,
        FieldFormat::Month => 8,
        FieldFormat::SchoolId => 9,
    }
}
const FIELD_FORMATS: [FieldFormat; 10] = [
    FieldFormat::PupilId,
    FieldFormat::Date,
    FieldFormat::Amount,
    FieldFormat::Kind,
    FieldFormat::Level,
    FieldFormat::SmallNumber,
    FieldFormat::Unit,
    FieldFormat::PlannedUnit,
    FieldFormat::Month,
    FieldFormat::SchoolId,
];

const fn window_index(w: &WindowProblem) -> usize {
    match w {
        WindowProblem::Reversed { .. } => 0,
        WindowProblem::TooLong { .. } => 1,
        WindowProblem::NoSuchMonth { .. } => 2,
    }
}

fn profile_problems() -> Vec<ProfileProblem> {
    let rule = long();
    let mut v = vec![
        ProfileProblem::EmptyProfileId,
        ProfileProblem::NoRules,
        ProfileProblem::EmptyRuleId,
        ProfileProblem::DuplicateRule { rule: rule.clone() },
        ProfileProblem::EmptyDescription { rule: rule.clone() },
        ProfileProblem::EmptyLegalBasis { rule: rule.clone() },
        ProfileProblem::EmptyAny { rule: rule.clone() },
        ProfileProblem::EmptyAll { rule: rule.clone() },
        ProfileProblem::MinutesThreshold { rule: rule.clone() },
        ProfileProblem::AtLeastZero {
            rule: "bg.isrm.total".into(),
        },
        ProfileProblem::LateLastBandClosed { band: 3 },
    ];
    for n in COUNTS {
        v.push(ProfileProblem::TooDeep {
            rule: rule.clone(),
            max: n,
        });
        v.push(ProfileProblem::LateBandCount { max: n });
        v.push(ProfileProblem::LateBandOpen { band: n });
        v.push(ProfileProblem::LateBandOrder {
            band: n,
            ends_at: n,
            previous_end: n + 1,
        });
        v.push(ProfileProblem::LateBandDecreasing { band: n });
    }
    v
}

fn errors() -> Vec<AbsenceError> {
    let (long, date) = (long(), d(2026, 12, 7));
    let mut v = vec![
        AbsenceError::InvalidQuantity {
            value: long.clone(),
        },
        AbsenceError::InvalidQuantity {
            value: "1/7".into(),
        },
        AbsenceError::InvalidPercent {
            value: long.clone(),
        },
        AbsenceError::InvalidWindow {
            reason: WindowProblem::Reversed {
                first: d(2018, 6, 1),
                last: d(2017, 9, 15),
            },
        },
        AbsenceError::InvalidWindow {
            reason: WindowProblem::TooLong {
                first: d(2000, 1, 1),
                last: d(2026, 1, 1),
                max_days: 3660,
            },
        },
        AbsenceError::InvalidWindow {
            reason: WindowProblem::NoSuchMonth {
                year: 2024,
                month: 13,
            },
        },
        AbsenceError::DuplicatePupil { pupil: PupilId(9) },
        AbsenceError::LessonOutOfRange {
            pupil: PupilId(1),
            lesson: 16,
        },
        AbsenceError::LessonAmount {
            pupil: PupilId(1),
            date,
            lesson: 3,
        },
        AbsenceError::CsvHeader {
            column: long.clone(),
        },
        AbsenceError::CsvQuote { line: 3 },
        AbsenceError::CsvDuplicateColumn {
            column: long.clone(),
        },
        AbsenceError::CsvSeparator { found: ';' },
        AbsenceError::CsvSeparator { found: '\t' },
        AbsenceError::LateWithoutDelay {
            pupil: PupilId(1),
            date,
        },
        AbsenceError::Io {
            path: None,
            kind: std::io::ErrorKind::Other,
            reason: "Input/output error (os error 5)".into(),
        },
        AbsenceError::SignalBeforeWindow {
            issued_on: d(2017, 9, 1),
            first: d(2017, 9, 15),
        },
        AbsenceError::SignalBeforeWindowEnd {
            issued_on: d(2018, 3, 1),
            last: d(2018, 6, 1),
        },
        AbsenceError::CsvRow {
            line: 4,
            reason: RowProblem::Record(Box::new(AbsenceError::LateWithoutDelay {
                pupil: PupilId(1),
                date,
            })),
        },
    ];
    for kind in [
        AbsenceKind::Excused,
        AbsenceKind::Unexcused,
        AbsenceKind::Late,
    ] {
        for unit in [Unit::Hours, Unit::Days, Unit::Minutes] {
            v.push(AbsenceError::UnitMismatch {
                pupil: PupilId(1),
                kind,
                unit,
            });
        }
    }
    for expected in FIELD_FORMATS {
        v.push(AbsenceError::CsvField {
            line: 2,
            column: long.clone(),
            value: long.clone(),
            expected,
        });
    }
    #[cfg(feature = "arrow")]
    {
        v.push(AbsenceError::ArrowMissingColumn {
            column: long.clone(),
        });
        v.push(AbsenceError::ArrowColumnType {
            column: "kind".into(),
            found: "Int64".into(),
            expected: "Utf8, LargeUtf8, Utf8View, Dictionary(_, Utf8)".into(),
        });
        v.push(AbsenceError::ArrowColumnType {
            column: long.clone(),
            found: long.clone(),
            expected: long.clone(),
        });
        for n in COUNTS {
            v.push(AbsenceError::ArrowNull {
                column: long.clone(),
                row: n,
            });
            v.push(AbsenceError::ArrowRecord {
                row: n,
                problem: Box::new(AbsenceError::LateWithoutDelay {
                    pupil: PupilId(1),
                    date,
                }),
            });
        }
        for expected in FIELD_FORMATS {
            v.push(AbsenceError::ArrowValue {
                column: long.clone(),
                row: 0,
                value: long.clone(),
                expected,
            });
        }
    }
    #[cfg(feature = "parquet")]
    parquet::parquet_errors(&mut v, &long, date);
    let all = profile_problems();
    for n in COUNTS {
        let count = usize::try_from(n).unwrap_or_default();
        v.push(AbsenceError::TooManyPupils { count });
        v.push(AbsenceError::CsvLineTooLong { line: n, limit: n });
        v.push(AbsenceError::CsvRow {
            line: n,
            reason: RowProblem::FieldCount {
                expected: n,
                found: n + 1,
            },
        });
        v.push(AbsenceError::InvalidProfile {
            profile: long.clone(),
            problems: all.iter().cycle().take(count.min(40)).cloned().collect(),
        });
    }
    v
}

/// Flags, findings, signals, transitions and not-counted records, with fractional amounts.
type Render = Box<dyn Fn(Locale) -> String>;

fn explanations() -> Vec<(String, Render)> {
    let mut out: Vec<(String, Render)> = Vec::new();
    let pupil = Pupil::new(PupilId(5), SchoolId::from(long()), Level::School);
    let rule = RuleRef::new(
        "bg.isrm.total",
        "над 130 часа",
        LegalBasis::cite("чл. 347, ал. 1 ЗПУО; Ustawa – Prawo oświatowe, art. 42"),
    );
    let mut findings = Vec::new();
    for (measured, planned, limit) in [
        (2490, None, Limit::Amount(Quantity::whole(40))),
        (60, None, Limit::Amount(Quantity::whole(1))),
        (
            120,
            Some(300),
            Limit::Share(Percent::from_basis_points(1250)),
        ),
        (20, Some(60), Limit::Share(Percent::whole(50))),
    ] {
        for (counts, unit, operator) in [
            (Counted::All, Unit::Hours, Operator::Gt),
            (Counted::Unexcused, Unit::Days, Operator::Ge),
            (Counted::Excused, Unit::Minutes, Operator::Gt),
        ] {
            findings.push(Finding {
                counts,
                unit,
                first: d(2017, 9, 15),
                last: d(2018, 6, 1),
                month: Some(YearMonth::new(2018, 3)),
                measured: Quantity::from_sixtieths(measured),
                operator,
                limit,
                planned: planned.map(Quantity::from_sixtieths),
            });
        }
    }
    for f in findings.clone() {
        out.push(("absence.finding".into(), Box::new(move |l| f.message(l))));
    }
    let flag = Flag::new(&pupil, rule, findings);
    let signal = Signal {
        issued_on: d(2018, 6, 12),
        pupil: PupilId(5),
        school: pupil.school.clone(),
        level: Level::School,
        grade: Some(3),
        first: d(2017, 9, 15),
        last: d(2018, 6, 1),
        basis: Some(LegalBasis::cite("чл. 347 ЗПУО")),
        reasons: vec![flag.clone()],
    };
    let unbased = Signal {
        basis: None,
        ..signal.clone()
    };
    out.push((flag.code().into(), Box::new(move |l| flag.message(l))));
    out.push((signal.code().into(), Box::new(move |l| signal.message(l))));
    out.push((unbased.code().into(), Box::new(move |l| unbased.message(l))));
    for n in COUNTS {
        for (kind, unit, level) in [
            (AbsenceKind::Excused, Unit::Hours, Level::Preschool),
            (AbsenceKind::Unexcused, Unit::Days, Level::School),
            (AbsenceKind::Late, Unit::Minutes, Level::School),
        ] {
            let nc = NotCounted::new(
                PupilId(7),
                level,
                kind,
                unit,
                n,
                Quantity::from_sixtieths(n * 30),
            );
            out.push((nc.code().into(), Box::new(move |l| nc.message(l))));
        }
        let rules: Vec<String> = (0..n.min(30)).map(|i| format!("rule.{i}")).collect();
        for (from, to) in [
            (Status::NotAtRisk, Status::AtRisk),
            (Status::AtRisk, Status::NotAtRisk),
        ] {
            let t = Transition::new(PupilId(3), d(2018, 6, 12), from, to, rules.clone());
            out.push((t.code().into(), Box::new(move |l| t.message(l))));
        }
    }
    let mut nested = RuleProfile::bg_isrm().rules.remove(1);
    let Condition::Any(parts) = &nested.when else {
        return out;
    };
    let parts = parts.clone();
    nested.when = Condition::All(vec![
        Condition::Any(parts.iter().cycle().take(22).cloned().collect()),
        Condition::Any(Vec::new()),
        parts.first().cloned().unwrap_or(Condition::All(Vec::new())),
    ]);
    out.push(("absence.rule".into(), Box::new(move |l| nested.message(l))));
    for profile in [
        RuleProfile::bg_isrm(),
        RuleProfile::pl_compulsory_schooling(),
        RuleProfile::chronic_absence(),
    ] {
        for rule in profile.rules {
            out.push(("absence.rule".into(), Box::new(move |l| rule.message(l))));
        }
    }
    let none = Transition::new(
        PupilId(3),
        d(2018, 6, 12),
        Status::NotAtRisk,
        Status::AtRisk,
        Vec::<String>::new(),
    );
    out.push((none.code().into(), Box::new(move |l| none.message(l))));
    out
}

/// Checks one rendered text; returns what is wrong.
fn check(code: &str, l: Locale, text: &str, english: &str) -> Vec<String> {
    let mut bad: Vec<String> = lint::problems(l, text)
        .into_iter()
        .map(|p| format!("{code} [{l}]: {p}: {text}"))
        .collect();
    if text.trim().is_empty() {
        bad.push(format!("{code} [{l}]: empty"));
    }
    if l != Locale::En && text == english {
        bad.push(format!("{code} [{l}]: same as English: {text}"));
    }
    if text.replace('…', "").contains("..") {
        bad.push(format!("{code} [{l}]: a doubled full stop: {text}"));
    }
    if text.len() > 4_000 {
        bad.push(format!("{code} [{l}]: {} bytes", text.len()));
    }
    bad
}

#[test]
fn every_message_in_every_locale_is_clean() {
    let mut bad = Vec::new();
    let mut error_seen = BTreeSet::new();
    let mut profile_seen = BTreeSet::new();
    let mut window_seen = BTreeSet::new();
    let mut field_seen = BTreeSet::new();
    for e in errors() {
        error_seen.insert(error_index(&e));
        match &e {
            AbsenceError::InvalidProfile { problems, .. } => {
                profile_seen.extend(problems.iter().map(profile_index));
            }
            AbsenceError::InvalidWindow { reason } => {
                window_seen.insert(window_index(reason));
            }
            AbsenceError::CsvField { expected, .. } => {
                field_seen.insert(field_index(*expected));
            }
            _ => {}
        }
        let en = Message::message(&e, Locale::En);
        assert_eq!(en, e.to_string(), "Display is the English message");
        for l in Locale::ALL {
            bad.extend(check(e.code(), l, &e.message(l), &en));
        }
    }
    for p in profile_problems() {
        profile_seen.insert(profile_index(&p));
        let en = p.message(Locale::En);
        for l in Locale::ALL {
            bad.extend(check(p.code(), l, &p.message(l), &en));
        }
    }
    for (code, render) in explanations() {
        let en = render(Locale::En);
        for l in Locale::ALL {
            bad.extend(check(&code, l, &render(l), &en));
        }
    }
    assert_eq!(
        error_seen.len(),
        ERROR_VARIANTS,
        "an error variant has no sample"
    );
    assert_eq!(
        profile_seen.len(),
        PROFILE_VARIANTS,
        "a profile problem has no sample"
    );
    assert_eq!(window_seen.len(), 3, "a window problem has no sample");
    assert_eq!(
        field_seen.len(),
        FIELD_FORMATS.len(),
        "a field format has no sample"
    );
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn codes_are_stable_and_distinct() {
    let mut codes = BTreeSet::new();
    for e in errors() {
        codes.insert(e.code());
    }
    assert_eq!(codes.len(), ERROR_VARIANTS);
    let problems: BTreeSet<&str> = profile_problems().iter().map(Message::code).collect();
    assert_eq!(problems.len(), PROFILE_VARIANTS);
    for c in codes.iter().chain(&problems) {
        assert!(c.starts_with("absence."), "{c}");
        assert!(
            c.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{c}"
        );
    }
}

#[test]
#[ignore = "prints every message for a human reader"]
fn print_all() {
    for e in errors() {
        for l in Locale::ALL {
            println!("{} [{l}] {}", e.code(), e.message(l));
        }
    }
    for (code, render) in explanations() {
        for l in Locale::ALL {
            println!("{code} [{l}] {}", render(l));
        }
    }
}

#[test]
#[ignore = "prints the sizes of a flag and a finding"]
fn print_sizes() {
    println!(
        "Flag {} Finding {} LegalBasis {}",
        std::mem::size_of::<Flag>(),
        std::mem::size_of::<Finding>(),
        std::mem::size_of::<LegalBasis>()
    );
}

#[test]
#[ignore = "prints the size of messages echoing a 100,000-character input"]
fn print_echo_sizes() {
    let huge = "9".repeat(100_000);
    let e = huge.parse::<Quantity>().err();
    let c = AbsenceError::CsvHeader { column: huge };
    for l in Locale::ALL {
        println!(
            "echo {l}: quantity {} bytes, header {} bytes",
            e.as_ref().map_or(0, |e| e.message(l).len()),
            c.message(l).len()
        );
    }
}

#[test]
#[ignore = "prints the JSON schema of a flag"]
fn print_flag_schema() {
    println!(
        "SCHEMA {}",
        serde_json::to_string(&schemars::schema_for!(Flag)).unwrap_or_default()
    );
}
