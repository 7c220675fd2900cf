//! Pieces of sentences shared by the crate's messages: amounts with their unit, percentages,
//! the names of kinds, units and levels, and the quoting of legal citations.

use edurules_locale::{Locale, Noun, nouns};

use crate::{AbsenceKind, Level, Operator, PARTS_PER_UNIT, Percent, Quantity, Unit};

/// The noun counting `unit`.
const fn unit_noun(unit: Unit) -> Noun {
    match unit {
        Unit::Hours => crate::nouns::LESSON_HOUR,
        Unit::Days => nouns::DAY,
        Unit::Minutes => nouns::MINUTE,
    }
}

/// An amount with its unit, in the plural form the number takes: `41,5 godziny lekcyjnej`,
/// `1 учебен час`, `25 days`. An amount not exact in hundredths (a third of an hour) is
/// rounded to hundredths and said to be approximate.
pub(crate) fn amount(locale: Locale, q: Quantity, unit: Unit) -> String {
    let noun = unit_noun(unit);
    let s = q.sixtieths();
    let (whole, rest) = (s / PARTS_PER_UNIT, s % PARTS_PER_UNIT);
    if rest == 0 {
        return locale.count(whole, noun);
    }
    let exact = (rest * 5).is_multiple_of(3);
    let hundredths = (rest * 100 + PARTS_PER_UNIT / 2) / PARTS_PER_UNIT;
    let (mantissa, digits) = if exact && hundredths.is_multiple_of(10) {
        (
            whole
                .checked_mul(10)
                .and_then(|w| w.checked_add(hundredths / 10)),
            1,
        )
    } else {
        (
            whole
                .checked_mul(100)
                .and_then(|w| w.checked_add(hundredths)),
            2,
        )
    };
    let Some(mantissa) = mantissa.and_then(|m| i64::try_from(m).ok()) else {
        return locale.count(whole, noun);
    };
    let text = locale.count_decimal(mantissa, digits, noun);
    if exact {
        text
    } else {
        format!("{} {text}", locale.pick("około", "около", "about"))
    }
}

/// A comparison with a limit: `więcej niż`, `поне`, `at least`.
pub(crate) const fn operator(locale: Locale, op: Operator) -> &'static str {
    match (op, locale) {
        (Operator::Gt, Locale::Pl) => "więcej niż",
        (Operator::Gt, Locale::Bg) => "над",
        (Operator::Gt, _) => "more than",
        (Operator::Ge, Locale::Pl) => "co najmniej",
        (Operator::Ge, Locale::Bg) => "поне",
        (Operator::Ge, _) => "at least",
    }
}

/// A percentage with the locale's decimal separator: `12,75%`, `50%`.
pub(crate) fn percent(locale: Locale, p: Percent) -> String {
    let bp = i64::from(p.basis_points());
    let number = if bp % 100 == 0 {
        locale.decimal(bp / 100, 0)
    } else if bp % 10 == 0 {
        locale.decimal(bp / 10, 1)
    } else {
        locale.decimal(bp, 2)
    };
    format!("{number}%")
}

/// The name of a unit as a plural noun standing alone: `godziny lekcyjne`, `дни`, `minutes`.
pub(crate) const fn unit_plural(locale: Locale, unit: Unit) -> &'static str {
    match (unit, locale) {
        (Unit::Hours, Locale::Pl) => "godziny lekcyjne",
        (Unit::Hours, Locale::Bg) => "учебни часове",
        (Unit::Days, Locale::Pl) => "dni",
        (Unit::Days, Locale::Bg) => "дни",
        (Unit::Minutes, Locale::Pl) => "minuty",
        (Unit::Minutes, Locale::Bg) => "минути",
        (Unit::Hours, _) => "hours",
        (Unit::Days, _) => "days",
        (Unit::Minutes, _) => "minutes",
    }
}

/// A kind of record in the singular: `spóźnienie`, `извинено отсъствие`, `late arrival`.
pub(crate) const fn kind_name(locale: Locale, kind: AbsenceKind) -> &'static str {
    match (kind, locale) {
        (AbsenceKind::Excused, Locale::Pl) => "nieobecność usprawiedliwiona",
        (AbsenceKind::Unexcused, Locale::Pl) => "nieobecność nieusprawiedliwiona",
        (AbsenceKind::Late, Locale::Pl) => "spóźnienie",
        (AbsenceKind::Excused, Locale::Bg) => "извинено отсъствие",
        (AbsenceKind::Unexcused, Locale::Bg) => "неизвинено отсъствие",
        (AbsenceKind::Late, Locale::Bg) => "закъснение",
        (AbsenceKind::Excused, _) => "excused absence",
        (AbsenceKind::Unexcused, _) => "unexcused absence",
        (AbsenceKind::Late, _) => "late arrival",
    }
}

/// A kind of record in the plural, as a subject: `nieobecności usprawiedliwione`,
/// `закъсненията`, `late arrivals`.
pub(crate) const fn kind_plural(locale: Locale, kind: AbsenceKind) -> &'static str {
    match (kind, locale) {
        (AbsenceKind::Excused, Locale::Pl) => "nieobecności usprawiedliwione",
        (AbsenceKind::Unexcused, Locale::Pl) => "nieobecności nieusprawiedliwione",
        (AbsenceKind::Late, Locale::Pl) => "spóźnienia",
        (AbsenceKind::Excused, Locale::Bg) => "извинените отсъствия",
        (AbsenceKind::Unexcused, Locale::Bg) => "неизвинените отсъствия",
        (AbsenceKind::Late, Locale::Bg) => "закъсненията",
        (AbsenceKind::Excused, _) => "excused absences",
        (AbsenceKind::Unexcused, _) => "unexcused absences",
        (AbsenceKind::Late, _) => "late arrivals",
    }
}

/// A level of education: `przygotowanie przedszkolne`, `училище`, `preschool`.
pub(crate) const fn level_name(locale: Locale, level: Level) -> &'static str {
    match (level, locale) {
        (Level::Preschool, Locale::Pl) => "przygotowanie przedszkolne",
        (Level::School, Locale::Pl) => "szkoła",
        (Level::Preschool, Locale::Bg) => "предучилищна група",
        (Level::School, Locale::Bg) => "училище",
        (Level::Preschool, _) => "preschool",
        (Level::School, _) => "school",
    }
}

/// The most characters of a legal citation a message quotes: citations come from the
/// profile (configuration, not a pupil's data) and are longer than the 64 characters
/// [`Locale::quote`] keeps, so they are quoted here with a larger bound.
pub(crate) const MAX_CITATION_CHARS: usize = 240;

/// A legal citation between the locale's quotation marks, at most [`MAX_CITATION_CHARS`]
/// characters (then `…`), without control characters; quotation marks inside the citation
/// („…“ of a Bulgarian title, say) become the locale's inner marks (« » in Polish and
/// Bulgarian, ‘ ’ in English), so that the quote cannot be closed early.
pub(crate) fn citation(locale: Locale, text: &str) -> String {
    let (open, close) = locale.quotation_marks();
    let (inner_open, inner_close) = match locale {
        Locale::Pl | Locale::Bg => ('«', '»'),
        _ => ('‘', '’'),
    };
    let mut body = String::with_capacity(text.len().min(MAX_CITATION_CHARS * 4) + 8);
    let mut previous = ' ';
    for (kept, c) in text
        .chars()
        .filter(|&c| !edurules_locale::needs_escape(c))
        .enumerate()
    {
        if kept == MAX_CITATION_CHARS {
            body.push('…');
            break;
        }
        let c = if matches!(c, '„' | '“' | '”' | '«' | '»' | '"') {
            if previous.is_whitespace() || previous == '(' {
                inner_open
            } else {
                inner_close
            }
        } else {
            c
        };
        body.push(c);
        previous = c;
    }
    format!("{open}{body}{close}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_take_the_plural_and_the_separator() {
        let h = |s| Quantity::from_sixtieths(s);
        assert_eq!(
            amount(Locale::Pl, h(2490), Unit::Hours),
            "41,5 godziny lekcyjnej"
        );
        assert_eq!(amount(Locale::Pl, h(60), Unit::Hours), "1 godzina lekcyjna");
        assert_eq!(
            amount(Locale::Pl, h(120), Unit::Hours),
            "2 godziny lekcyjne"
        );
        assert_eq!(
            amount(Locale::Pl, h(300), Unit::Hours),
            "5 godzin lekcyjnych"
        );
        assert_eq!(amount(Locale::Bg, h(90), Unit::Hours), "1,5 учебни часа");
        assert_eq!(amount(Locale::En, h(75), Unit::Days), "1.25 days");
        assert_eq!(amount(Locale::En, h(20), Unit::Hours), "about 0.33 hours");
        assert_eq!(
            percent(Locale::Pl, Percent::from_basis_points(1275)),
            "12,75%"
        );
        assert_eq!(
            percent(Locale::En, Percent::from_basis_points(1250)),
            "12.5%"
        );
    }

    #[test]
    fn citations_are_bounded_and_cannot_close_the_quote() {
        let c = citation(Locale::Pl, &format!("a”\n{}", "b".repeat(1000)));
        assert!(c.starts_with("„a»b"));
        assert!(c.chars().count() <= MAX_CITATION_CHARS + 3);
        assert_eq!(c.matches('”').count(), 1);
        assert_eq!(
            citation(Locale::En, "изх. № 1 „Посещаемо училище“ (ПМС)"),
            "“изх. № 1 ‘Посещаемо училище’ (ПМС)”"
        );
    }
}
