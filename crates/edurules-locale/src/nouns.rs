//! Nouns the crates count with, in every language's plural forms.

use crate::Noun;

/// dzień / день / day.
pub const DAY: Noun = Noun::new(
    ["dzień", "dni", "dni", "dnia"],
    ["ден", "дни"],
    ["day", "days"],
);
/// dzień roboczy / работен ден / working day.
pub const WORKING_DAY: Noun = Noun::new(
    [
        "dzień roboczy",
        "dni robocze",
        "dni roboczych",
        "dnia roboczego",
    ],
    ["работен ден", "работни дни"],
    ["working day", "working days"],
);
/// tydzień / седмица / week.
pub const WEEK: Noun = Noun::new(
    ["tydzień", "tygodnie", "tygodni", "tygodnia"],
    ["седмица", "седмици"],
    ["week", "weeks"],
);
/// miesiąc / месец / month.
pub const MONTH: Noun = Noun::new(
    ["miesiąc", "miesiące", "miesięcy", "miesiąca"],
    ["месец", "месеца"],
    ["month", "months"],
);
/// rok / година / year.
pub const YEAR: Noun = Noun::new(
    ["rok", "lata", "lat", "roku"],
    ["година", "години"],
    ["year", "years"],
);
/// rok szkolny / учебна година / school year.
pub const SCHOOL_YEAR: Noun = Noun::new(
    [
        "rok szkolny",
        "lata szkolne",
        "lat szkolnych",
        "roku szkolnego",
    ],
    ["учебна година", "учебни години"],
    ["school year", "school years"],
);
/// godzina / час / hour.
pub const HOUR: Noun = Noun::new(
    ["godzina", "godziny", "godzin", "godziny"],
    ["час", "часа"],
    ["hour", "hours"],
);
/// minuta / минута / minute.
pub const MINUTE: Noun = Noun::new(
    ["minuta", "minuty", "minut", "minuty"],
    ["минута", "минути"],
    ["minute", "minutes"],
);
/// znak / знак / character.
pub const CHARACTER: Noun = Noun::new(
    ["znak", "znaki", "znaków", "znaku"],
    ["знак", "знака"],
    ["character", "characters"],
);
/// bajt / байт / byte.
pub const BYTE: Noun = Noun::new(
    ["bajt", "bajty", "bajtów", "bajtu"],
    ["байт", "байта"],
    ["byte", "bytes"],
);
/// wiersz / ред / line.
pub const LINE: Noun = Noun::new(
    ["wiersz", "wiersze", "wierszy", "wiersza"],
    ["ред", "реда"],
    ["line", "lines"],
);
/// rekord / запис / record.
pub const RECORD: Noun = Noun::new(
    ["rekord", "rekordy", "rekordów", "rekordu"],
    ["запис", "записа"],
    ["record", "records"],
);
/// uczeń / ученик / pupil.
pub const PUPIL: Noun = Noun::new(
    ["uczeń", "uczniów", "uczniów", "ucznia"],
    ["ученик", "ученици"],
    ["pupil", "pupils"],
);
/// poziom / ниво / level.
pub const LEVEL: Noun = Noun::new(
    ["poziom", "poziomy", "poziomów", "poziomu"],
    ["ниво", "нива"],
    ["level", "levels"],
);
/// hasło / парола / password.
pub const PASSWORD: Noun = Noun::new(
    ["hasło", "hasła", "haseł", "hasła"],
    ["парола", "пароли"],
    ["password", "passwords"],
);
/// element / елемент / item.
pub const ITEM: Noun = Noun::new(
    ["element", "elementy", "elementów", "elementu"],
    ["елемент", "елемента"],
    ["item", "items"],
);
/// zajęcia (lekcja) / учебен час / lesson.
pub const LESSON: Noun = Noun::new(
    ["lekcja", "lekcje", "lekcji", "lekcji"],
    ["учебен час", "учебни часа"],
    ["lesson", "lessons"],
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    #[test]
    fn polish_uczen_takes_the_genitive_from_two() {
        // "2 uczniów" is the standard form for masculine-personal nouns.
        assert_eq!(Locale::Pl.count(2, PUPIL), "2 uczniów");
        assert_eq!(Locale::Pl.count(2, YEAR), "2 lata");
        assert_eq!(Locale::Pl.count(5, YEAR), "5 lat");
        assert_eq!(Locale::Pl.count(22, WORKING_DAY), "22 dni robocze");
        assert_eq!(Locale::Bg.count(3, LESSON), "3 учебни часа");
    }
}
