//! The messages of [`DeadlineError`], whole in each language.

use edurules_locale::{Locale, nouns};

use super::DeadlineError;
use crate::text::{CATEGORY_ACC, PROBLEM, cited, quoted_rule};

/// How many of a rules file's problems a message shows; the rest are counted.
const SHOWN_PROBLEMS: usize = 3;

fn count(l: Locale, n: usize, noun: edurules_locale::Noun) -> String {
    l.count(u64::try_from(n).unwrap_or(u64::MAX), noun)
}

pub(super) fn message(e: &DeadlineError, l: Locale) -> String {
    match e {
        DeadlineError::DateOutOfRange { date, min, max } => {
            let (d, a, b) = (l.date(*date), l.date(*min), l.date(*max));
            l.pick(
                format!("data {d} wykracza poza kalendarz, który obejmuje dni od {a} do {b}"),
                format!("датата {d} е извън календара, който обхваща дните от {a} до {b}"),
                format!("the date {d} is outside the calendar, which covers {a} to {b}"),
            )
        }
        DeadlineError::BeforeAct { date, applies_from } => {
            let (d, a) = (l.date(*date), l.date(*applies_from));
            l.pick(
                format!("zmiana z {d} nastąpiła, zanim zaczął obowiązywać art. 30 ustawy o systemie informacji oświatowej (stosowany od {a})"),
                format!("промяната от {d} е настъпила преди да започне да се прилага чл. 30 от полския Закон за системата за образователна информация (прилага се от {a})"),
                format!("the change on {d} happened before art. 30 of the SIO act applied (it applies from {a})"),
            )
        }
        DeadlineError::NoVersionInForce { date } => {
            let d = l.date(*date);
            l.pick(
                format!("żadna wersja art. 30 zapisana w regułach nie obowiązuje w dniu {d}"),
                format!("никоя редакция на чл. 30, записана в правилата, не е в сила на {d}"),
                format!("no version of art. 30 in the rules is in force on {d}"),
            )
        }
        DeadlineError::UnknownCategory {
            category,
            closest,
            example,
            known,
        } => unknown_category(l, category, closest, example.as_deref(), *known),
        DeadlineError::AmbiguousCategory {
            category,
            candidates,
        } => {
            let (q, list) = (l.quote(category), alternatives(l, candidates));
            l.pick(
                format!("kategoria {q} pasuje do kilku kategorii ({list}); podaj ją dokładnie"),
                format!(
                    "категорията {q} съответства на няколко категории ({list}); посочете я точно"
                ),
                format!("the category {q} matches several categories ({list}); give it exactly"),
            )
        }
        DeadlineError::UnknownExceptionTerm {
            category,
            provision,
            version_source,
        } => {
            let (c, p, s) = (
                quoted_rule(l, category),
                crate::text::provision(l, provision),
                cited(l, version_source),
            );
            l.pick(
                format!("dane kategorii {c} są wyłączone z ogólnego terminu 7 dni na mocy {p} (tekst stosowany: {s}), a ich własny termin nie jest zapisany w regułach"),
                format!("данните от категория {c} са изключени от общия 7-дневен срок по силата на {p} (приложен текст: {s}), а собственият им срок не е записан в правилата"),
                format!("data of category {c} are excepted from the general 7-day term by {p} (text applied: {s}), and their own term is not in the rules"),
            )
        }
        DeadlineError::ContestedTerm {
            category,
            change_date,
            contest,
        } => {
            let (c, d, r) = (
                quoted_rule(l, category),
                l.date(*change_date),
                contest.readings(l),
            );
            l.pick(
                format!("termin dla kategorii {c} przy zmianie z {d} jest sporny: {r}"),
                format!("срокът за категория {c} при промяна от {d} е спорен: {r}"),
                format!("the deadline of category {c} for a change on {d} is contested: {r}"),
            )
        }
        DeadlineError::RulesSyntax {
            message,
            line,
            column,
        } => {
            let int = |n: usize| l.integer(i128::try_from(n).unwrap_or(i128::MAX));
            let (line_n, co) = (int(*line), int(*column));
            l.pick(
                format!("nie można odczytać pliku reguł: nie jest to poprawny plik reguł w formacie JSON (błąd w wierszu {line_n}, w kolumnie {co})"),
                format!("файлът с правила не може да бъде прочетен: не е валиден файл с правила във формат JSON (грешка на ред {line_n}, колона {co})"),
                format!("the rules file cannot be read: it is not a valid rules file in JSON (line {line_n}, column {co}: {})", l.quote(message)),
            )
        }
        DeadlineError::RulesTooLarge { bytes, limit } => {
            let (b, m) = (count(l, *bytes, nouns::BYTE), count(l, *limit, nouns::BYTE));
            l.pick(
                format!("plik reguł ma {b}, a może mieć najwyżej {m}"),
                format!("файлът с правила е с размер {b}, а може да е най-много {m}"),
                format!("the rules file has {b}, more than the limit of {m}"),
            )
        }
        DeadlineError::InvalidRules { problems } => {
            let shown: Vec<String> = problems
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|p| p.message(l))
                .collect();
            let shown = shown.join("; ");
            let rest = problems.len().saturating_sub(SHOWN_PROBLEMS);
            let more = if rest == 0 {
                String::new()
            } else {
                let n = count(l, rest, PROBLEM);
                l.pick(
                    format!("; i jeszcze {n}"),
                    format!("; и още {n}"),
                    format!("; and {n} more"),
                )
            };
            l.pick(
                format!("plik reguł jest nieprawidłowy: {shown}{more}"),
                format!("файлът с правила е невалиден: {shown}{more}"),
                format!("the rules file is invalid: {shown}{more}"),
            )
        }
        DeadlineError::SubmittedBeforeChange {
            submitted_on,
            change_date,
        } => {
            let (s, c) = (l.date(*submitted_on), l.date(*change_date));
            l.pick(
                format!("data wysłania ({s}) jest wcześniejsza niż zmiana, której dotyczą dane ({c}): nie można ocenić, czy wysłano je w terminie"),
                format!("датата на изпращане ({s}) е преди промяната, за която се отнасят данните ({c}): не може да се прецени дали са изпратени в срок"),
                format!("the submission date ({s}) is before the change it reports ({c}), so whether it was on time has no answer"),
            )
        }
    }
}

fn unknown_category(
    l: Locale,
    category: &str,
    closest: &[String],
    example: Option<&str>,
    known: usize,
) -> String {
    let q = l.quote(category);
    let k = count(l, known, CATEGORY_ACC);
    let list = alternatives(l, closest);
    match (closest.len(), example) {
        (0, Some(e)) => {
            let e = quoted_rule(l, e);
            l.pick(
                format!("nieznana kategoria danych {q}; reguły znają {k}, np. {e}"),
                format!("неизвестна категория данни {q}; правилата познават {k}, напр. {e}"),
                format!("unknown data category {q}; the rules know {k}, e.g. {e}"),
            )
        }
        (0, None) => l.pick(
            format!("nieznana kategoria danych {q}; reguły nie znają żadnej kategorii"),
            format!("неизвестна категория данни {q}; правилата не познават нито една категория"),
            format!("unknown data category {q}; the rules know no category"),
        ),
        (1, _) => l.pick(
            format!("nieznana kategoria danych {q}; reguły znają {k}, najbliższa to {list}"),
            format!(
                "неизвестна категория данни {q}; правилата познават {k}, най-близката е {list}"
            ),
            format!("unknown data category {q}; the rules know {k}, the closest is {list}"),
        ),
        _ => l.pick(
            format!("nieznana kategoria danych {q}; reguły znają {k}, najbliższe to {list}"),
            format!(
                "неизвестна категория данни {q}; правилата познават {k}, най-близките са {list}"
            ),
            format!("unknown data category {q}; the rules know {k}, the closest are {list}"),
        ),
    }
}

/// Known categories (the rules' own ids) quoted and joined with "or".
fn alternatives(l: Locale, ids: &[String]) -> String {
    let mut quoted: Vec<String> = ids.iter().take(5).map(|c| quoted_rule(l, c)).collect();
    let Some(last) = quoted.pop() else {
        return String::new();
    };
    if quoted.is_empty() {
        return last;
    }
    format!(
        "{} {} {last}",
        quoted.join(", "),
        l.pick("lub", "или", "or")
    )
}
