//! [`LoginGenerator`]: new canonical logins from a given name and a surname.

mod config;
mod directory;
mod translit;

pub use config::{GeneratorConfig, LoginPattern, NameOrder};
pub use directory::{LoginDirectory, skeleton_directory};

use crate::{Login, LoginError, SkeletonKey};
use aho_corasick::AhoCorasick;
use translit::Transliterated;

/// Builds new canonical logins from a given name and a surname.
///
/// Names are transliterated (Polish letters by an explicit table, Bulgarian
/// Cyrillic by the 2009 Transliteration Act, other Latin letters without their
/// diacritics); hyphens, apostrophes, spaces and anything else are dropped.
/// The base is `pattern.given_letters` letters of the given name and
/// `pattern.surname_letters` of the surname (fewer if a name is shorter);
/// then the smallest number from `pattern.first_number` is appended such that
/// the login is free in the directory (compared by [`SkeletonKey`]:
/// case-insensitively, and `0`/`O`, `1`/`I` as equal) and contains no blocked
/// word. If the base contains a blocked word, shorter bases are tried (fewer
/// surname letters first, then fewer given-name letters). A login shorter than
/// the policy's minimum gets its number zero-padded (`A` + `01`); a longer one
/// has its base cut. Deterministic: the same input and directory give the same
/// login.
///
/// # Example
///
/// ```
/// use edurules_login::{LoginGenerator, skeleton_directory};
///
/// let generator = LoginGenerator::default();
/// let dir = skeleton_directory(["JANKOW1", "JanKow2"]);
/// assert_eq!(generator.generate("Jan", "Kowalski", &dir).unwrap().as_str(), "JANKOW3");
/// let dir = skeleton_directory(["LUKZOL1"]);
/// assert_eq!(generator.generate("Łukasz", "Żółkiewski", &dir).unwrap().as_str(), "LUKZOL2");
/// assert_eq!(generator.generate("Мария", "Щерева", &dir).unwrap().as_str(), "MARSHTER1");
/// ```
#[derive(Debug, Clone, Default)]
pub struct LoginGenerator {
    config: GeneratorConfig,
    /// The blocklist's skeletons, in the configuration's order.
    blocked: Vec<SkeletonKey>,
    /// All of `blocked` in one automaton: a candidate is searched once, not
    /// once per word (1,024 words × 1,000,000 numbers at the limits). `None`
    /// with no blocklist (or, never seen, if it could not be built: then the
    /// words are tried one by one).
    matcher: Option<AhoCorasick>,
}

/// Two generators are equal when their configurations are (the rest is
/// derived from it).
impl PartialEq for LoginGenerator {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config
    }
}

impl Eq for LoginGenerator {}

impl LoginGenerator {
    /// A generator with the given configuration.
    ///
    /// # Errors
    ///
    /// [`LoginError::InvalidConfig`] listing every problem.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{GeneratorConfig, LoginGenerator, NameOrder};
    ///
    /// let mut config = GeneratorConfig::default();
    /// config.pattern.order = NameOrder::SurnameFirst;
    /// let g = LoginGenerator::new(config).unwrap();
    /// let dir = edurules_login::skeleton_directory(Vec::<String>::new());
    /// assert_eq!(g.generate("Jan", "Kowalski", &dir).unwrap().as_str(), "KOWJAN1");
    /// assert!(LoginGenerator::new(GeneratorConfig::default().with_max_attempts(0)).is_err());
    /// ```
    pub fn new(config: GeneratorConfig) -> Result<Self, LoginError> {
        config.validate()?;
        let blocked: Vec<SkeletonKey> = config
            .blocklist
            .iter()
            .map(|w| SkeletonKey::of(w))
            .collect();
        let matcher = if blocked.is_empty() {
            None
        } else {
            AhoCorasick::new(blocked.iter().map(SkeletonKey::as_str)).ok()
        };
        Ok(Self {
            config,
            blocked,
            matcher,
        })
    }

    /// The configuration.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_login::LoginGenerator::default().config().pattern.given_letters, 3);
    /// ```
    #[must_use]
    pub fn config(&self) -> &GeneratorConfig {
        &self.config
    }

    /// Generates a free login for the person.
    ///
    /// # Errors
    ///
    /// [`LoginError::NameUnusable`] when neither name has a usable letter,
    /// [`LoginError::Blocked`] when every base contains a blocked word,
    /// [`LoginError::CandidatesExhausted`] when `max_attempts` numbers were all
    /// taken (or the number no longer fits the maximum length).
    ///
    /// # Panics
    ///
    /// Never, on any input.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{LoginGenerator, skeleton_directory};
    ///
    /// let g = LoginGenerator::default();
    /// let dir = skeleton_directory(["JANKOWI"]);
    /// // `JANKOW1` would look like the existing `JANKOWI`.
    /// assert_eq!(g.generate("Jan", "Kowalski", &dir).unwrap().as_str(), "JANKOW2");
    /// assert_eq!(g.generate("123", "!!", &dir).unwrap_err().code(), "login.name_unusable");
    /// ```
    pub fn generate<D>(
        &self,
        given: &str,
        surname: &str,
        directory: &D,
    ) -> Result<Login, LoginError>
    where
        D: LoginDirectory + ?Sized,
    {
        // No name contributes more letters than a login can hold.
        let p = &self.config.pattern;
        let max = self.config.policy.max_length();
        let g = translit::transliterate(given, p.given_letters.min(max));
        let s = translit::transliterate(surname, p.surname_letters.min(max));
        if g.is_empty() && s.is_empty() {
            return Err(LoginError::NameUnusable {
                given: given.to_owned(),
                surname: surname.to_owned(),
            });
        }
        let base = self.base(&g, &s).map_err(|e| match e {
            LoginError::NameUnusable { .. } => LoginError::NameUnusable {
                given: given.to_owned(),
                surname: surname.to_owned(),
            },
            e => e,
        })?;
        self.number(&base, directory)
    }

    /// The first base of the pattern that contains no blocked word.
    fn base(&self, g: &Transliterated, s: &Transliterated) -> Result<String, LoginError> {
        let p = &self.config.pattern;
        let gn = p.given_letters.min(g.letters());
        let sn = p.surname_letters.min(s.letters());
        let build = |gk: usize, sk: usize| {
            let (gp, sp) = (g.prefix(gk), s.prefix(sk));
            match p.order {
                NameOrder::GivenFirst => format!("{gp}{sp}"),
                NameOrder::SurnameFirst => format!("{sp}{gp}"),
            }
        };
        let first = build(gn, sn);
        let mut first_block = None;
        for gk in (0..=gn).rev() {
            for sk in (0..=sn).rev() {
                if gk == 0 && sk == 0 {
                    continue;
                }
                let base = build(gk, sk);
                if self.blocked.is_empty() {
                    return Ok(base);
                }
                match self.blocked_word(&SkeletonKey::of(&base)) {
                    None => return Ok(base),
                    Some(w) => {
                        first_block.get_or_insert_with(|| w.to_string());
                    }
                }
            }
        }
        // Both names have letters here or the pattern takes letters from the
        // non-empty one; an empty base only arises when the pattern takes no
        // letter from the one usable name.
        Err(match first_block {
            Some(word) => LoginError::Blocked { base: first, word },
            None => LoginError::NameUnusable {
                given: g.prefix(usize::MAX).to_owned(),
                surname: s.prefix(usize::MAX).to_owned(),
            },
        })
    }

    fn blocked_word(&self, key: &SkeletonKey) -> Option<&SkeletonKey> {
        self.blocked
            .iter()
            .find(|w| key.as_str().contains(w.as_str()))
    }

    /// Appends the smallest free number to `base`.
    fn number<D>(&self, base: &str, directory: &D) -> Result<Login, LoginError>
    where
        D: LoginDirectory + ?Sized,
    {
        let policy = &self.config.policy;
        let (min, max) = (policy.min_length(), policy.max_length());
        let p = &self.config.pattern;
        let exhausted = |attempts: u32| LoginError::CandidatesExhausted {
            base: base.to_owned(),
            attempts,
        };
        let mut candidate = String::with_capacity(max);
        let mut key = SkeletonKey::with_capacity(max);
        if !p.always_number && (min..=max).contains(&base.len()) {
            candidate.push_str(base);
            if self.is_free(&candidate, &mut key, directory) {
                return Ok(Login::from_canonical_unchecked(candidate));
            }
        }
        let last = p
            .first_number
            .saturating_add(self.config.max_attempts.saturating_sub(1));
        for n in p.first_number..=last {
            let width = decimal_width(n);
            if width >= max {
                // The numbers from here on leave no room for the base: only
                // those before `n` were tried.
                return Err(exhausted(n.saturating_sub(p.first_number)));
            }
            let keep = base.len().min(max - width);
            let cut = base.get(..keep).unwrap_or(base);
            let pad = min.saturating_sub(cut.len() + width);
            candidate.clear();
            candidate.push_str(cut);
            candidate.extend(std::iter::repeat_n('0', pad));
            push_decimal(&mut candidate, n);
            if self.is_free(&candidate, &mut key, directory) {
                return Ok(Login::from_canonical_unchecked(candidate));
            }
        }
        // Every number from the first to `last` was tried (fewer than `max_attempts` when the
        // range stops at `u32::MAX`).
        Err(exhausted(
            last.saturating_sub(p.first_number).saturating_add(1),
        ))
    }

    fn is_free<D>(&self, candidate: &str, key: &mut SkeletonKey, directory: &D) -> bool
    where
        D: LoginDirectory + ?Sized,
    {
        key.refill(candidate);
        let blocked = match &self.matcher {
            Some(matcher) => matcher.is_match(key.as_str()),
            None => self.blocked_word(key).is_some(),
        };
        !blocked && !directory.contains_key(key)
    }
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, n: u32) {
    let mut digits = [b'0'; 10];
    let mut rest = n;
    let mut start = digits.len();
    for slot in digits.iter_mut().rev() {
        // `rest % 10` is below 10, so the cast keeps it.
        *slot = b'0' + (rest % 10) as u8;
        start -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits.iter().skip(start).map(|&b| char::from(b)));
}

/// The number of decimal digits of `n`.
fn decimal_width(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LoginPolicy;
    use std::collections::HashSet;

    fn empty() -> HashSet<SkeletonKey> {
        HashSet::new()
    }

    #[test]
    fn short_names_are_padded_to_the_minimum() {
        let g = LoginGenerator::default();
        assert_eq!(g.generate("", "A", &empty()).unwrap().as_str(), "A01");
        assert_eq!(g.generate("Ed", "Li", &empty()).unwrap().as_str(), "EDLI1");
        assert_eq!(g.generate("Jo", "", &empty()).unwrap().as_str(), "JO1");
    }

    #[test]
    fn long_bases_are_cut_to_the_maximum() {
        let config = GeneratorConfig {
            policy: LoginPolicy::new(3, 6).unwrap(),
            pattern: LoginPattern {
                given_letters: 5,
                surname_letters: 5,
                ..LoginPattern::default()
            },
            ..GeneratorConfig::default()
        };
        let g = LoginGenerator::new(config).unwrap();
        assert_eq!(
            g.generate("Janusz", "Kowalski", &empty()).unwrap().as_str(),
            "JANUS1"
        );
        let dir: HashSet<SkeletonKey> = (1..=9)
            .map(|n| SkeletonKey::of(&format!("JANUS{n}")))
            .collect();
        assert_eq!(
            g.generate("Janusz", "Kowalski", &dir).unwrap().as_str(),
            "JANU10"
        );
    }

    #[test]
    fn blocklist_shortens_the_base_and_skips_numbers() {
        let config = GeneratorConfig {
            blocklist: vec!["KUR".into(), "JANKOW2".into()],
            ..GeneratorConfig::default()
        };
        let g = LoginGenerator::new(config).unwrap();
        // KUR + TOM = KURTOM contains KUR; KU + TOM does not.
        assert_eq!(
            g.generate("Kurt", "Tomasz", &empty()).unwrap().as_str(),
            "KUTOM1"
        );
        let dir: HashSet<SkeletonKey> = [SkeletonKey::of("JANKOW1")].into();
        // JANKOW1 is taken and JANKOW2 is blocked.
        assert_eq!(
            g.generate("Jan", "Kowalski", &dir).unwrap().as_str(),
            "JANKOW3"
        );
        let all = LoginGenerator::new(GeneratorConfig {
            blocklist: vec!["A".into()],
            ..GeneratorConfig::default()
        })
        .unwrap();
        assert_eq!(
            all.generate("Ana", "Alba", &empty()).unwrap_err().code(),
            "login.blocked"
        );
    }

    #[test]
    fn bare_base_first_when_numbers_are_optional() {
        let config = GeneratorConfig {
            pattern: LoginPattern {
                always_number: false,
                ..LoginPattern::default()
            },
            ..GeneratorConfig::default()
        };
        let g = LoginGenerator::new(config).unwrap();
        assert_eq!(
            g.generate("Jan", "Kowalski", &empty()).unwrap().as_str(),
            "JANKOW"
        );
        let dir: HashSet<SkeletonKey> = [SkeletonKey::of("jankow")].into();
        assert_eq!(
            g.generate("Jan", "Kowalski", &dir).unwrap().as_str(),
            "JANKOW1"
        );
    }

    #[test]
    fn configuration_has_a_json_schema() {
        let schema = serde_json::to_string(&schemars::schema_for!(GeneratorConfig)).unwrap();
        for field in [
            "policy",
            "pattern",
            "blocklist",
            "max_attempts",
            "given_letters",
            "min_length",
        ] {
            assert!(schema.contains(field), "{field} missing from {schema}");
        }
    }

    #[test]
    fn decimal_numbers() {
        for n in [0, 1, 9, 10, 99, 100, 4_294_967_295] {
            let mut s = String::from("A");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("A{n}"));
            assert_eq!(decimal_width(n), n.to_string().len());
        }
    }

    /// The automaton says "blocked" exactly when one of the words, tried one by one, is
    /// inside the candidate (both on skeletons: `K0T` blocks `KOT`).
    #[test]
    fn the_automaton_blocks_what_the_words_one_by_one_block() {
        let words = ["KOT", "PIES", "X1", "7", "ANNAA"];
        let g = LoginGenerator::new(GeneratorConfig::default().with_blocklist(words)).unwrap();
        let matcher = g.matcher.as_ref().unwrap();
        for candidate in [
            "JANKOW1", "KOTEK1", "K0TEK1", "PIESEK", "P1ESEK", "ABCX1", "ABCXI", "ABC7", "ANNAA2",
            "ANNA2", "KO", "XKOTX", "AB12", "",
        ] {
            let key = SkeletonKey::of(candidate);
            assert_eq!(
                matcher.is_match(key.as_str()),
                g.blocked_word(&key).is_some(),
                "{candidate}"
            );
        }
        assert!(
            LoginGenerator::new(GeneratorConfig::default())
                .unwrap()
                .matcher
                .is_none()
        );
    }

    #[test]
    fn exhaustion_is_an_error() {
        let g = LoginGenerator::new(GeneratorConfig {
            max_attempts: 3,
            ..GeneratorConfig::default()
        })
        .unwrap();
        let dir: HashSet<SkeletonKey> = (1..=3)
            .map(|n| SkeletonKey::of(&format!("JANKOW{n}")))
            .collect();
        assert!(matches!(
            g.generate("Jan", "Kowalski", &dir),
            Err(LoginError::CandidatesExhausted { attempts: 3, .. })
        ));
    }
}
