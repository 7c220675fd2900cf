//! Transliteration of names to `A-Z` for generated logins: Polish letters by
//! an explicit table, Bulgarian Cyrillic by the Bulgarian Transliteration Act
//! (Закон за транслитерацията, ДВ бр. 19 от 13.03.2009), other Latin letters
//! with diacritics by dropping the diacritic.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::login::{is_invisible, polish_ascii};

/// Latin letters with no Unicode decomposition, written as in passports'
/// machine-readable zone (ICAO Doc 9303, part 3, section 6).
fn latin_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "SS",
        'Æ' | 'æ' => "AE",
        'Œ' | 'œ' => "OE",
        'Ø' | 'ø' => "OE",
        'Þ' | 'þ' => "TH",
        'Ð' | 'ð' | 'Đ' | 'đ' => "D",
        'Ħ' | 'ħ' => "H",
        'ı' => "I",
        'Ŋ' | 'ŋ' => "N",
        'Ŧ' | 'ŧ' => "T",
        _ => return None,
    })
}

/// Whether `c` is ignored inside a name: a combining mark left after NFC
/// (no precomposed letter exists, e.g. a stress mark on `и`) or an invisible
/// character (soft hyphen, zero-width space). Neither splits a word.
fn ignored(c: char) -> bool {
    is_combining_mark(c) || is_invisible(c)
}

/// Art. 4 of the Transliteration Act: the Bulgarian letter, upper-cased Latin.
fn bulgarian(c: char) -> Option<&'static str> {
    Some(match c {
        'А' | 'а' => "A",
        'Б' | 'б' => "B",
        'В' | 'в' => "V",
        'Г' | 'г' => "G",
        'Д' | 'д' => "D",
        'Е' | 'е' => "E",
        'Ж' | 'ж' => "ZH",
        'З' | 'з' => "Z",
        'И' | 'и' => "I",
        'Й' | 'й' => "Y",
        'К' | 'к' => "K",
        'Л' | 'л' => "L",
        'М' | 'м' => "M",
        'Н' | 'н' => "N",
        'О' | 'о' => "O",
        'П' | 'п' => "P",
        'Р' | 'р' => "R",
        'С' | 'с' => "S",
        'Т' | 'т' => "T",
        'У' | 'у' => "U",
        'Ф' | 'ф' => "F",
        'Х' | 'х' => "H",
        'Ц' | 'ц' => "TS",
        'Ч' | 'ч' => "CH",
        'Ш' | 'ш' => "SH",
        'Щ' | 'щ' => "SHT",
        'Ъ' | 'ъ' => "A",
        'Ь' | 'ь' => "Y",
        'Ю' | 'ю' => "YU",
        'Я' | 'я' => "YA",
        _ => return None,
    })
}

/// A transliterated name: upper-case ASCII letters, with where each source
/// letter's output ends (`Жечко` → `ZHECHKO`, ends 2, 3, 5, 6, 7), so that "the
/// first three letters" means three letters of the name as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Transliterated {
    text: String,
    ends: Vec<usize>,
}

impl Transliterated {
    /// The number of source letters that produced output.
    pub(crate) fn letters(&self) -> usize {
        self.ends.len()
    }

    /// Whether no letter produced output.
    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The output of the first `n` source letters (all of them if fewer).
    pub(crate) fn prefix(&self, n: usize) -> &str {
        let end = match n.checked_sub(1) {
            None => 0,
            Some(i) => self.ends.get(i).or(self.ends.last()).copied().unwrap_or(0),
        };
        self.text.get(..end).unwrap_or("")
    }

    /// The whole text.
    #[cfg(test)]
    fn text(&self) -> &str {
        &self.text
    }

    fn push(&mut self, s: &str) {
        if !s.is_empty() {
            self.text.push_str(s);
            self.ends.push(self.text.len());
        }
    }

    fn push_char(&mut self, c: char) {
        self.text.push(c);
        self.ends.push(self.text.len());
    }

    /// Transliterates one word (a run of letters), stopping once `limit`
    /// letters have produced output.
    fn word(&mut self, w: &str, limit: usize) {
        // Art. 6: the name of the state keeps its traditional form, Bulgaria
        // (ъ is written U, the final "ия" IA by art. 5).
        let bulgaria = w.len() == "българия".len()
            && w.chars()
                .flat_map(char::to_lowercase)
                .eq("българия".chars());
        let mut prev = None;
        let mut chars = w.chars();
        while let Some(c) = chars.next() {
            if self.ends.len() >= limit {
                return;
            }
            if ignored(c) {
                continue;
            }
            // Art. 5: "ия" at the end of a word is written "ia".
            if matches!(c, 'я' | 'Я')
                && matches!(prev, Some('и' | 'И'))
                && chars.clone().all(ignored)
            {
                self.push("A");
            } else if bulgaria && matches!(c, 'ъ' | 'Ъ') {
                self.push("U");
            } else if c.is_ascii_alphabetic() {
                self.push_char(c.to_ascii_uppercase());
            } else if let Some(l) = polish_ascii(c) {
                self.push_char(l);
            } else if let Some(l) = bulgarian(c).or_else(|| latin_special(c)) {
                self.push(l);
            } else {
                // Other letters with diacritics (é, ü, full-width forms,
                // Cyrillic ѝ, ѐ): the base letter, transliterated; anything
                // else is dropped.
                match std::iter::once(c).nfkd().next() {
                    Some(b) if b.is_ascii_alphabetic() => self.push_char(b.to_ascii_uppercase()),
                    Some(b) => self.push(bulgarian(b).unwrap_or("")),
                    None => {}
                }
            }
            prev = Some(c);
        }
    }
}

/// The first `limit` letters of the name in upper-case ASCII letters only:
/// hyphens, apostrophes, spaces, digits and letters of other scripts are
/// dropped. NFC first, so decomposed input (`И` + U+0306) reads as the
/// composed letter (`Й`); combining marks that remain and invisible
/// characters are ignored without splitting the word. Work past the first
/// `limit` letters is skipped, so a huge name costs only its NFC check.
pub(crate) fn transliterate(name: &str, limit: usize) -> Transliterated {
    let composed;
    let name = if is_nfc_quick(name.chars()) == IsNormalized::Yes {
        name
    } else {
        composed = name.nfc().collect::<String>();
        &composed
    };
    let mut out = Transliterated {
        text: String::with_capacity(limit.min(name.len()).saturating_add(4)),
        ends: Vec::with_capacity(limit.min(name.len())),
    };
    for w in name.split(|c: char| !(c.is_alphabetic() || ignored(c))) {
        if out.ends.len() >= limit {
            break;
        }
        out.word(w, limit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::transliterate;

    fn t(name: &str) -> String {
        transliterate(name, usize::MAX).text().to_owned()
    }

    #[test]
    fn prefixes_count_letters_of_the_name() {
        let z = transliterate("Жечко", usize::MAX);
        assert_eq!(z.letters(), 5);
        assert_eq!(z.prefix(0), "");
        assert_eq!(z.prefix(1), "ZH");
        assert_eq!(z.prefix(3), "ZHECH");
        assert_eq!(z.prefix(9), "ZHECHKO");
        assert_eq!(transliterate("Щ-Ия", usize::MAX).prefix(2), "SHTI");
        assert!(transliterate("!?", usize::MAX).is_empty());
        let cut = transliterate("Мария Иванова", 4);
        assert_eq!((cut.letters(), cut.prefix(9)), (4, "MARI"));
        assert_eq!(transliterate("Ия", 2).prefix(2), "IA");
        assert!(transliterate("Ия", 0).is_empty());
    }

    #[test]
    fn polish() {
        assert_eq!(t("Łukasz"), "LUKASZ");
        assert_eq!(t("Żółkiewski"), "ZOLKIEWSKI");
        assert_eq!(t("Gęślą Jaźń Ćma Ńż"), "GESLAJAZNCMANZ");
        assert_eq!(t("z\u{307}ona"), "ZONA", "decomposed ż");
    }

    #[test]
    fn bulgarian_act_article_4() {
        assert_eq!(t("Жечко Цветков"), "ZHECHKOTSVETKOV");
        assert_eq!(t("Щерьо Юлиянов"), "SHTERYOYULIYANOV");
        assert_eq!(t("Ъглен Ямбол"), "AGLENYAMBOL");
        assert_eq!(t("Йордан Шишков"), "YORDANSHISHKOV");
        assert_eq!(t("Джуров Дзинго"), "DZHUROVDZINGO");
        assert_eq!(t("И\u{306}о"), "YO", "decomposed й");
    }

    #[test]
    fn bulgarian_act_articles_5_and_6() {
        assert_eq!(t("Мария"), "MARIA");
        assert_eq!(t("Марияна"), "MARIYANA", "ия inside a word");
        assert_eq!(t("Мария-Магдалена"), "MARIAMAGDALENA");
        assert_eq!(t("София"), "SOFIA");
        assert_eq!(t("България"), "BULGARIA");
        assert_eq!(t("БЪЛГАРИЯ"), "BULGARIA");
        assert_eq!(t("Българиян"), "BALGARIYAN");
    }

    #[test]
    fn separators_and_other_letters() {
        assert_eq!(t("O'Brien"), "OBRIEN");
        assert_eq!(t("Anna-Maria  Nowak"), "ANNAMARIANOWAK");
        assert_eq!(t("Renée Müller"), "RENEEMULLER");
        assert_eq!(t("Ｊａｎ"), "JAN");
        assert_eq!(t("李 123 !"), "");
    }
}
