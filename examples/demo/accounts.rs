//! The demo's accounts: a login typed with a Polish letter, a new login, and
//! a weak password of a fictional teacher, Anna Nowak.

use edurules::login::{LoginGenerator, normalize_with, skeleton_directory};
use edurules::password::{Password, UserContext, check};
use edurules::{Locale, RulesConfig, nouns};
use serde_json::json;

use crate::Section;

/// Logins: one typed with a Polish letter, one generated next to taken ones.
pub(crate) fn login(config: &RulesConfig, l: Locale) -> Section {
    let title = l.pick("Loginy", "Потребителски имена", "Logins");
    let Some(login) = config.login.as_ref() else {
        return Section::absent("login", title, l);
    };
    let mut s = Section::new("login", title);
    let cl = l;
    let typed = "ŁUKZOL1";
    let refused = match normalize_with(typed, &login.policy) {
        Ok(normal) => normal.to_string(),
        Err(e) => e.message(cl),
    };
    s.lines.push(format!("{}: {refused}", l.quote(typed)));
    let taken = ["LUKZOL1", "LUKZOL2"];
    let generated = LoginGenerator::new(login.clone())
        .and_then(|g| g.generate("Łukasz", "Żółkiewski", &skeleton_directory(&taken)));
    let new = match &generated {
        Ok(g) => g.to_string(),
        Err(e) => e.message(cl),
    };
    let (person, taken_q) = (l.quote("Łukasz Żółkiewski"), l.quote_list(taken));
    s.lines.push(l.pick(
        format!("Nowy login dla {person} (zajęte: {taken_q}): {new}"),
        format!("Ново име за {person} (заети: {taken_q}): {new}"),
        format!("New login for {person} (taken: {taken_q}): {new}"),
    ));
    s.data = json!({
        "typed": typed,
        "refused": refused,
        "taken": taken,
        "generated": generated.ok().map(|g| g.to_string()),
    });
    s
}

/// Passwords: a weak candidate, every rule it breaks.
pub(crate) fn password(config: &RulesConfig, l: Locale) -> Section {
    let title = l.pick("Hasła", "Пароли", "Passwords");
    let Some(policy) = config.password.as_ref() else {
        return Section::absent("password", title, l);
    };
    let mut s = Section::new("password", title);
    let cl = l;
    let user = UserContext::default()
        .with_login("anowak")
        .with_name("Anna Nowak");
    let chars = l.count(5, nouns::CHARACTER);
    let violations = check(policy, &Password::new("nowak"), &user)
        .err()
        .unwrap_or_default();
    s.lines.push(l.pick(
        format!("Anna Nowak proponuje hasło ze swoim nazwiskiem ({chars}); zasady odmawiają:"),
        format!("Анна Новак предлага парола с фамилията си ({chars}); правилата отказват:"),
        format!("Anna Nowak proposes her surname as a password ({chars}); the rules refuse:"),
    ));
    for v in &violations {
        s.lines.push(format!("- {}", v.message(cl)));
    }
    s.data = json!({
        "accepted": violations.is_empty(),
        "violations": violations.iter().map(|v| v.code()).collect::<Vec<_>>(),
    });
    s
}
