//! Nouns this crate counts with that the shared `edurules_locale::nouns` lacks.

use edurules_locale::Noun;

/// godzina lekcyjna / учебен час / hour (of lessons).
pub(crate) const LESSON_HOUR: Noun = Noun::new(
    [
        "godzina lekcyjna",
        "godziny lekcyjne",
        "godzin lekcyjnych",
        "godziny lekcyjnej",
    ],
    ["учебен час", "учебни часа"],
    ["hour", "hours"],
);

/// pole / поле / field (of a CSV line).
pub(crate) const FIELD: Noun = Noun::new(
    ["pole", "pola", "pól", "pola"],
    ["поле", "полета"],
    ["field", "fields"],
);

/// problem / проблем / problem.
pub(crate) const PROBLEM: Noun = Noun::new(
    ["problem", "problemy", "problemów", "problemu"],
    ["проблем", "проблема"],
    ["problem", "problems"],
);

/// reguła / правило / rule.
pub(crate) const RULE: Noun = Noun::new(
    ["reguła", "reguły", "reguł", "reguły"],
    ["правило", "правила"],
    ["rule", "rules"],
);
