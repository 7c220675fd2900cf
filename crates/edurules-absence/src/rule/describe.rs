//! Rules in words, in the reader's language: what a condition selects, built from its data
//! (a profile's `description` is one text in the language of its source).

use edurules_locale::{Locale, Noun};

use crate::{Condition, Counted, Level, Limit, Per, Rule, Threshold, text};

/// How many parts of an `any`/`all` a description lists; it counts the rest.
const LISTED_PARTS: usize = 8;

/// warunek / условие / condition.
const CONDITION: Noun = Noun::new(
    ["warunek", "warunki", "warunków", "warunku"],
    ["условие", "условия"],
    ["condition", "conditions"],
);

impl Threshold {
    /// The threshold in words: what is counted, for whom, over which period, and the limit.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{Condition, Locale, RuleProfile};
    /// let p = RuleProfile::pl_compulsory_schooling();
    /// let Condition::Threshold(t) = &p.rules[0].when else { unreachable!() };
    /// assert_eq!(
    ///     t.message(Locale::Pl),
    ///     "nieobecności nieusprawiedliwione w którymkolwiek miesiącu: co najmniej 50% planowanych dni"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let counted = match (self.counts, l) {
            (Counted::All, Locale::Pl) => "wszystkie nieobecności",
            (Counted::All, Locale::Bg) => "всички отсъствия",
            (Counted::All, _) => "all absences",
            (Counted::Unexcused, Locale::Pl) => "nieobecności nieusprawiedliwione",
            (Counted::Unexcused, Locale::Bg) => "неизвинени отсъствия",
            (Counted::Unexcused, _) => "unexcused absences",
            (Counted::Excused, Locale::Pl) => "nieobecności usprawiedliwione",
            (Counted::Excused, Locale::Bg) => "извинени отсъствия",
            (Counted::Excused, _) => "excused absences",
        };
        let whom = match (self.level, l) {
            (None, _) => "",
            (Some(Level::School), Locale::Pl) => " uczniów szkół",
            (Some(Level::School), Locale::Bg) => " на ученици в училище",
            (Some(Level::School), _) => " of school pupils",
            (Some(Level::Preschool), Locale::Pl) => " dzieci w przygotowaniu przedszkolnym",
            (Some(Level::Preschool), Locale::Bg) => " на деца в предучилищна група",
            (Some(Level::Preschool), _) => " of preschool children",
        };
        let per = match (self.per, l) {
            (Per::Window, Locale::Pl) => "w całym okresie",
            (Per::Window, Locale::Bg) => "за целия период",
            (Per::Window, _) => "over the whole period",
            (Per::Month, Locale::Pl) => "w którymkolwiek miesiącu",
            (Per::Month, Locale::Bg) => "в който и да е месец",
            (Per::Month, _) => "in any calendar month",
        };
        let op = text::operator(l, self.operator);
        let limit = match self.limit {
            Limit::Amount(q) => text::amount(l, q, self.unit),
            Limit::Share(p) => {
                let p = text::percent(l, p);
                let planned = match (self.unit, l) {
                    (crate::Unit::Hours, Locale::Pl) => "planowanych godzin lekcyjnych",
                    (crate::Unit::Days, Locale::Pl) => "planowanych dni",
                    (crate::Unit::Minutes, Locale::Pl) => "planowanych minut",
                    (crate::Unit::Hours, Locale::Bg) => "от планираните учебни часове",
                    (crate::Unit::Days, Locale::Bg) => "от планираните дни",
                    (crate::Unit::Minutes, Locale::Bg) => "от планираните минути",
                    (crate::Unit::Hours, _) => "of the hours planned",
                    (crate::Unit::Days, _) => "of the days planned",
                    (crate::Unit::Minutes, _) => "of the minutes planned",
                };
                format!("{p} {planned}")
            }
        };
        format!("{counted}{whom} {per}: {op} {limit}")
    }
}

impl Condition {
    /// The condition in words; the parts of `any` are joined by "or", of `all` by "and",
    /// nested groups in parentheses. At most eight parts of a group are listed and at most
    /// [`crate::MAX_CONDITION_DEPTH`] levels, the rest counted.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{Locale, RuleProfile};
    /// let p = RuleProfile::bg_isrm();
    /// assert_eq!(
    ///     p.rules[1].when.message(Locale::Bg),
    ///     "неизвинени отсъствия на ученици в училище за целия период: над 40 учебни часа или \
    ///      неизвинени отсъствия на деца в предучилищна група за целия период: над 25 дни"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        self.words(l, 1)
    }

    fn words(&self, l: Locale, depth: usize) -> String {
        match self {
            Self::Threshold(t) => t.message(l),
            Self::Any(parts) | Self::All(parts) => {
                if depth > crate::MAX_CONDITION_DEPTH {
                    return "…".to_owned();
                }
                let any = matches!(self, Self::Any(_));
                let mut words: Vec<String> = parts
                    .iter()
                    .take(LISTED_PARTS)
                    .map(|c| match c {
                        Self::Threshold(_) => c.words(l, depth + 1),
                        _ => format!("({})", c.words(l, depth + 1)),
                    })
                    .collect();
                let more = parts.len().saturating_sub(LISTED_PARTS);
                if more > 0 {
                    let n = l.count(u64::try_from(more).unwrap_or(u64::MAX), CONDITION);
                    words.push(l.pick(
                        format!("jeszcze {n}"),
                        format!("още {n}"),
                        format!("{n} more"),
                    ));
                }
                if words.is_empty() {
                    return l
                        .pick("brak warunków", "няма условия", "no conditions")
                        .to_owned();
                }
                let sep = match (any, l) {
                    (true, Locale::Pl) => " lub ",
                    (true, Locale::Bg) => " или ",
                    (true, _) => " or ",
                    (false, Locale::Pl) => " oraz ",
                    (false, Locale::Bg) => " и ",
                    (false, _) => " and ",
                };
                words.join(sep)
            }
        }
    }
}

impl Rule {
    /// What the rule selects, in the reader's language, built from its condition (the
    /// `description` field is the profile's own text, in the language of its source).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{Locale, RuleProfile};
    /// let p = RuleProfile::bg_isrm();
    /// assert_eq!(
    ///     p.rules[0].message(Locale::Pl),
    ///     "wszystkie nieobecności uczniów szkół w całym okresie: więcej niż 130 godzin lekcyjnych"
    /// );
    /// assert_eq!(
    ///     p.rules[0].message(Locale::En),
    ///     "all absences of school pupils over the whole period: more than 130 hours"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        self.when.message(l)
    }
}
