//! No message a person reads is missing in any language: every error,
//! violation, status and explanation we can construct has a non-empty text in
//! Polish, Bulgarian and English, the Polish and Bulgarian texts are
//! translations (they differ from the English one), and each passes
//! `edurules_locale::lint` (no words of another language, no backticks, raw
//! identifiers or plural shortcuts).

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use edurules::{ConfigError, ConfigProblem, Error, Format, Locale};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Collects the texts of one message in the three languages and remembers
/// every one that is empty or untranslated.
#[derive(Default)]
struct Messages {
    checked: usize,
    missing: Vec<String>,
}

impl Messages {
    fn check(&mut self, what: &str, message: impl Fn(Locale) -> String) {
        self.checked += 1;
        let [pl, bg, en] = Locale::ALL.map(&message);
        for (locale, text) in [("pl", &pl), ("bg", &bg), ("en", &en)] {
            if text.trim().is_empty() {
                self.missing.push(format!("{what}: empty in {locale}"));
            }
        }
        for (locale, text) in [(Locale::Pl, &pl), (Locale::Bg, &bg), (Locale::En, &en)] {
            for problem in edurules::lint::problems(locale, text) {
                self.missing
                    .push(format!("{what} ({locale}): {problem}: {text}"));
            }
        }
        if pl == en {
            self.missing.push(format!("{what}: Polish = English: {en}"));
        }
        if bg == en {
            self.missing
                .push(format!("{what}: Bulgarian = English: {en}"));
        }
    }

    fn error(&mut self, e: impl Into<Error>) {
        let e = e.into();
        let what = e.code();
        self.check(what, |l| e.message(l));
    }

    fn assert_complete(&self, at_least: usize) {
        assert!(
            self.checked >= at_least,
            "only {} messages checked",
            self.checked
        );
        assert!(self.missing.is_empty(), "{:#?}", self.missing);
    }
}

#[test]
fn every_crate_takes_the_one_locale() {
    // The same type everywhere: these compile only if they are.
    let l: Locale = Locale::Bg;
    let _: edurules::login::Locale = l;
    let _: edurules::password::Locale = l;
    let _: edurules::delegation::Locale = l;
    let _: edurules::deadline::Locale = l;
    let _: edurules::absence::Locale = l;
    assert_eq!(serde_json::to_string(&l).unwrap(), "\"bg\"");
}

#[test]
fn config_messages_exist_in_every_language() {
    let mut m = Messages::default();
    m.error(ConfigError::UnknownPreset {
        name: "atlantis".into(),
    });
    m.error(ConfigError::UnknownLocale {
        locale: "de".into(),
    });
    m.error(ConfigError::Io {
        path: "x.toml".into(),
        reason: "No such file".into(),
    });
    m.error(ConfigError::UnknownFormat {
        path: "x.yaml".into(),
    });
    m.error(ConfigError::NotAFile {
        path: "/dev/zero".into(),
    });
    m.error(ConfigError::FileTooLarge {
        path: "art30.json".into(),
        max_bytes: 1 << 20,
    });
    m.error(ConfigError::TextTooLarge {
        bytes: 2 << 20,
        max_bytes: 1 << 20,
    });
    m.error(ConfigError::NotUtf8 {
        path: "x.toml".into(),
    });
    m.error(ConfigError::MissingSection {
        section: "password",
    });
    m.error(ConfigError::Syntax {
        format: Format::Toml,
        path: "password.min_lenght".into(),
        line: Some(3),
        column: Some(1),
        reason: "unknown field".into(),
    });
    let mut c = edurules::RulesConfig::poland_sio();
    c.password.as_mut().unwrap().min_length = 0;
    let Err(Error::Config(ConfigError::Invalid { problems })) = c.validate() else {
        panic!("expected problems");
    };
    let first: &ConfigProblem = &problems[0];
    m.check("config problem", |l| first.message(l));
    m.error(ConfigError::Invalid { problems });
    m.assert_complete(7);
}

#[test]
fn login_messages_exist_in_every_language() {
    use edurules::login::{
        ConsolidationPlan, Egn, LegacyAccount, LoginError, LoginGenerator, LoginPolicy, Pesel,
        normalize, plan_consolidation, skeleton_directory,
    };
    let mut m = Messages::default();
    for input in [
        "",
        "   ",
        "AB",
        &"A".repeat(40),
        "Łukasz",
        "\u{410}NNA1",
        "\u{391}NNA1",
        "Renée1",
        "JAN KOW",
        "jan.kow",
    ] {
        m.error(normalize(input).unwrap_err());
    }
    for id in ["123", "0227080362X", "02270803625", "02330000000"] {
        m.error(id.parse::<Pesel>().unwrap_err());
        m.error(id.parse::<Egn>().unwrap_err());
    }
    m.error(LoginPolicy::new(0, 100).unwrap_err());
    let gen_err = LoginGenerator::default()
        .generate("", "", &skeleton_directory(Vec::<String>::new()))
        .unwrap_err();
    m.error(gen_err);
    m.error(LoginError::Blocked {
        base: "KURWA".into(),
        word: "KURW".into(),
    });
    m.error(LoginError::CandidatesExhausted {
        base: "JANKOW".into(),
        attempts: 3,
    });
    m.error(LoginError::NotACandidate {
        login: "JANKOW5".into(),
    });
    let plans: Vec<ConsolidationPlan> = vec![
        plan_consolidation(&[LegacyAccount::new("JANKOW1", true, ["A"])]),
        plan_consolidation(&[
            LegacyAccount::new("JANKOW1", true, ["A"]),
            LegacyAccount::new("JANKOW2", true, ["B"]),
        ]),
        plan_consolidation(&[
            LegacyAccount::new("JANKOW1", true, ["A"]),
            LegacyAccount::new("JanKow5", true, ["B"]),
            LegacyAccount::new("JANKOW5", true, ["C"]),
            LegacyAccount::new("JANKOWI", true, ["D"]),
        ]),
        plan_consolidation(&[LegacyAccount::new("JanKow5", true, ["A"])]),
        plan_consolidation(&[LegacyAccount::new("jan.kow", true, ["A"])]),
        plan_consolidation(&[]),
    ];
    for plan in &plans {
        m.check("consolidation case", |l| plan.case.message(l));
        for c in &plan.conflicts {
            m.check("consolidation conflict", |l| c.message(l));
        }
    }
    m.assert_complete(30);
}

#[test]
fn password_messages_exist_in_every_language() {
    use edurules::password::{
        AccountState, MustChangeReason, Normalization, Password, PasswordError, PasswordPolicy,
        StoredHash, UserContext, check, status,
    };
    let mut m = Messages::default();
    let user = UserContext::default()
        .with_login("anowak")
        .with_name("Anna Nowak");
    let mut strict = PasswordPolicy::sio_2022();
    strict.max_repeated = Some(2);
    strict.max_length = 20;
    strict.min_zxcvbn_score = Some(4);
    strict.blocklist.push("Haslo#Haslo#Haslo".into());
    for candidate in [
        "kot",
        "anowak",
        "1aaaaaaaaaaaaaaa!",
        "Haslo#Haslo#Haslo",
        "Ab\u{7}defghijklmn#x",
        &"Ab#".repeat(20),
        "Wiosna#Opole#Lato",
    ] {
        for policy in [
            &PasswordPolicy::opolska_eszkola(),
            &PasswordPolicy::nist_800_63b(),
            &strict,
        ] {
            if let Err(violations) = check(policy, &Password::new(candidate), &user) {
                for v in &violations {
                    m.check(v.code(), |l| v.message(l));
                }
            }
        }
    }
    let mut bad = PasswordPolicy::opolska_eszkola();
    bad.min_length = 0;
    bad.max_length = 2000;
    bad.history_depth = 99;
    bad.max_repeated = Some(0);
    bad.min_zxcvbn_score = Some(9);
    bad.blocklist.push(" ".into());
    bad.expiry_warning_days = 100;
    for p in bad.problems() {
        m.check(p.code(), |l| p.message(l));
    }
    m.error(bad.validate().unwrap_err());
    m.error(PasswordPolicy::from_json("{").unwrap_err());
    m.error(PasswordError::InvalidCredentials);
    m.error(PasswordError::Reused {
        position: 2,
        depth: 4,
    });
    m.error(PasswordError::TooSoon {
        min_age_days: 1,
        allowed_from: Utc.with_ymd_and_hms(2026, 9, 2, 0, 0, 0).unwrap(),
        zone: edurules::SchoolZone::EuropeWarsaw,
    });
    m.error(PasswordError::InvalidHash {
        reason: "bad".into(),
    });
    m.error(StoredHash::new("not a phc string", Normalization::Nfkc).unwrap_err());
    let policy = PasswordPolicy::opolska_eszkola();
    let t0 = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
    let mut state = AccountState::new(
        StoredHash::new(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
            Normalization::Nfkc,
        )
        .unwrap(),
        t0,
    );
    for days in [1, 55, 60] {
        let s = status(&policy, &state, t0 + Duration::days(days));
        m.check(s.code(), |l| s.message(l));
    }
    let s = status(&PasswordPolicy::nist_800_63b(), &state, t0);
    m.check(s.code(), |l| s.message(l));
    for reason in [MustChangeReason::FirstLogin, MustChangeReason::AdminReset] {
        state.must_change = Some(reason);
        let s = status(&policy, &state, t0);
        m.check(s.code(), |l| s.message(l));
    }
    m.assert_complete(30);
}

#[test]
fn delegation_messages_exist_in_every_language() {
    use edurules::delegation::{
        Appointment, AppointmentId, Authorization, AuthorizationId, Decision, DocumentRef,
        EntityId, Event, Login, Permission, Policy, Registry,
    };
    let mut m = Messages::default();
    m.error(Login::new("").unwrap_err());
    m.error(Event::log_from_json("[{").unwrap_err());
    let mut bad = Policy::sio();
    bad.max_depth = 0;
    m.error(bad.validate().unwrap_err());

    let sp7 = EntityId::new("SP7").unwrap();
    let dyr = Login::new("dyr").unwrap();
    let anna = Login::new("anna").unwrap();
    let read = Permission::parse("pupils:read").unwrap();
    let mut policy = Policy::sio();
    policy.require_request = false;
    let mut reg = Registry::new(policy).unwrap();
    reg.apply(Event::AppointmentRecorded {
        on: day(2025, 9, 1),
        appointment: Appointment::new(
            AppointmentId::new("ap-1").unwrap(),
            dyr.clone(),
            sp7.clone(),
            day(2025, 9, 1),
            day(2026, 8, 31),
        ),
    })
    .unwrap();
    // A grant without the written document is refused: its violations.
    let grant = Authorization::new(
        AuthorizationId::new("auth-1").unwrap(),
        dyr.clone(),
        anna.clone(),
        sp7.clone(),
        vec![read.clone()],
        day(2025, 9, 2),
        day(2035, 8, 31),
    );
    let err = reg
        .apply(Event::AuthorizationGranted {
            authorization: grant.clone(),
            on: day(2025, 9, 2),
        })
        .unwrap_err();
    for r in reg.rejected() {
        for v in &r.violations {
            m.check(v.code(), |l| v.message(l));
        }
    }
    m.error(err);
    let _ = DocumentRef::new("upoważnienie 1/2025");
    // Decisions: allowed (the head), denied for several reasons.
    for (who, perm, at) in [
        (&dyr, &read, day(2026, 3, 3)),
        (&dyr, &read, day(2026, 9, 1)),
        (&dyr, &read, day(2025, 8, 1)),
        (&anna, &read, day(2026, 3, 3)),
        (
            &dyr,
            &Permission::parse("nothing:here").unwrap(),
            day(2026, 3, 3),
        ),
    ] {
        let d = reg.decide(who, perm, &sp7, at);
        for (i, _) in d.explain(Locale::En).iter().enumerate() {
            m.check("decision explanation", |l| {
                d.explain(l).get(i).cloned().unwrap_or_default()
            });
        }
        match &d {
            Decision::Denied { reasons } => {
                for r in reasons {
                    m.check(r.code(), |l| r.message(l));
                }
            }
            Decision::Allowed { chain } => {
                for link in &chain.links {
                    m.check("chain link", |l| link.message(l));
                }
            }
        }
    }
    m.assert_complete(10);
}

#[test]
fn deadline_messages_exist_in_every_language() {
    use edurules::deadline::calendar::holidays;
    use edurules::deadline::{DeadlineError, Rules, submission_deadline};
    let mut m = Messages::default();
    m.error(submission_deadline("art. 8 pkt 1 lit. d", day(2012, 4, 29)).unwrap_err());
    m.error(submission_deadline("art. 99", day(2025, 3, 3)).unwrap_err());
    m.error(submission_deadline("art. 8 pkt 2", day(2025, 12, 19)).unwrap_err());
    m.error(submission_deadline("art. 8 pkt 1 lit. d", day(2100, 12, 30)).unwrap_err());
    m.error(Rules::from_json("{}").unwrap_err());
    m.error(DeadlineError::NoVersionInForce {
        date: day(2200, 1, 1),
    });
    let mut file = Rules::builtin().unwrap().file().clone();
    file.versions.swap(0, 1);
    m.error(Rules::from_file(file).unwrap_err());
    for (category, date) in [
        ("art. 8 pkt 1 lit. d", day(2025, 12, 19)),
        ("art. 8 pkt 1 lit. d", day(2016, 12, 17)),
    ] {
        let d = submission_deadline(category, date).unwrap();
        m.check("deadline explanation", |l| d.explain(l));
        m.check("deadline legal basis", |l| d.legal_basis(l));
    }
    let mut kinds = Vec::new();
    for year in [1955, 1960, 1985, 2018, 2025] {
        for h in holidays(year).unwrap() {
            if !kinds.contains(&h.kind) {
                kinds.push(h.kind);
            }
        }
    }
    for kind in kinds {
        m.check("holiday name", |l| kind.name(l).to_owned());
    }
    m.assert_complete(20);
}

#[test]
fn absence_messages_exist_in_every_language() {
    use edurules::absence::{
        AbsenceError, AbsenceKind, AbsenceRecord, Evaluator, Level, Planned, Pupil, PupilId,
        Quantity, Roster, RuleProfile, SchoolId, StatusBook, Unit, Window,
    };
    let mut m = Messages::default();
    let pupil = |id, level| Pupil::new(PupilId(id), SchoolId("SU-7".into()), level);
    let roster = Roster::new(vec![
        pupil(1, Level::School),
        pupil(2, Level::School),
        pupil(3, Level::Preschool),
    ])
    .unwrap();
    let window = Window::school_year(day(2017, 9, 15), day(2018, 6, 1)).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let record = |p, h, unit, kind| {
        AbsenceRecord::new(PupilId(p), day(2018, 2, 1), Quantity::whole(h), unit, kind)
    };
    let mut acc = ev.accumulator();
    acc.push(record(1, 131, Unit::Hours, AbsenceKind::Excused))
        .unwrap();
    acc.push(record(2, 41, Unit::Hours, AbsenceKind::Unexcused))
        .unwrap();
    acc.push(record(3, 26, Unit::Days, AbsenceKind::Unexcused))
        .unwrap();
    let report = ev.evaluate(&acc);
    assert!(report.flags.len() >= 3);
    for f in &report.flags {
        m.check("absence flag", |l| f.message(l));
        for finding in &f.findings {
            m.check("absence finding", |l| finding.message(l));
        }
    }
    for s in report.signals(day(2018, 6, 12)).unwrap() {
        m.check("absence signal", |l| s.message(l));
    }
    let mut book = StatusBook::default();
    for t in book.update(&report, day(2018, 6, 12)) {
        m.check("absence transition", |l| t.message(l));
    }
    m.error(Window::school_year(day(2018, 6, 1), day(2017, 9, 15)).unwrap_err());
    m.error(Roster::new(vec![pupil(1, Level::School), pupil(1, Level::School)]).unwrap_err());
    let mut bad = RuleProfile::bg_isrm();
    bad.rules.clear();
    m.error(bad.validate().unwrap_err());
    m.error(AbsenceError::InvalidQuantity {
        value: "1.5e3".into(),
    });
    m.error(AbsenceError::CsvHeader {
        column: "pupil_id".into(),
    });
    m.error(AbsenceError::Io {
        path: Some("absences.csv".into()),
        kind: std::io::ErrorKind::NotFound,
        reason: "no such file".into(),
    });
    m.error(AbsenceError::CsvQuote { line: 3 });
    m.error(AbsenceError::CsvDuplicateColumn {
        column: "date".into(),
    });
    m.error(AbsenceError::CsvSeparator { found: ';' });
    m.error(AbsenceError::CsvLineTooLong {
        line: 7,
        limit: 65_536,
    });
    m.error(AbsenceError::LateWithoutDelay {
        pupil: PupilId(1),
        date: day(2018, 2, 1),
    });
    m.assert_complete(17);
}
