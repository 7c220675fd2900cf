//! `check`: every rule of a policy applied to a candidate password.

mod context;
mod strength;
mod violation;

pub use context::{
    MAX_FIELD_BYTES, MAX_TOKEN_CHARS, MAX_TOKENS, MIN_TOKEN_CHARS, PersonalField, UserContext,
};
pub use strength::StrengthWarning;
pub use violation::{Edge, Violation};

use unicode_normalization::char::is_combining_mark;
use zeroize::Zeroizing;

use crate::class::{CharClass, is_refused};
use crate::error::PasswordError;
use crate::policy::PasswordPolicy;
use crate::secret::Password;

/// Inputs longer than this many code points (before normalization) get only
/// the `too_long` violation: nothing else is computed on them, which bounds
/// the time of a check.
pub const MAX_CHECKED_CHARS: usize = 4096;
/// zxcvbn reads at most this many code points of a password (zxcvbn 3.1.1
/// truncates there itself), so scoring the first 100 is scoring the whole.
pub const ZXCVBN_MAX_CHARS: usize = 100;
/// The largest predicted cost (n² × (1 + substitution tables), see the
/// README's "Strength score bound") for which zxcvbn is run; costlier
/// passwords are scored 0 ([`StrengthWarning::NotRated`]). Calibrated in a
/// release build here so that zxcvbn takes under 10 ms on any such input.
pub const ZXCVBN_COST_BUDGET: u64 = 8_000;

/// Checks a candidate password against every rule of `policy` and returns
/// **all** violations, in a fixed order: length, control characters, classes,
/// edges, repeats, personal data, blocklist, strength.
///
/// Length is counted in code points after NFKC. The personal data of `user`
/// is refused when `policy.forbid_personal_data` and is always given to
/// zxcvbn as user inputs. `check` never hashes and never panics; its time is
/// bounded (see [`MAX_CHECKED_CHARS`], [`ZXCVBN_COST_BUDGET`]). It assumes a
/// valid policy ([`PasswordPolicy::validate`]) but does not fail on an
/// invalid one.
///
/// # Errors
/// The list of [`Violation`]s when the password breaks the policy.
///
/// # Example
/// ```
/// use edurules_password::{check, Password, PasswordPolicy, UserContext, Violation};
/// let policy = PasswordPolicy::opolska_eszkola();
/// let user = UserContext::default();
/// assert!(check(&policy, &Password::new("Opole-2026"), &user).is_ok());
/// let violations = check(&policy, &Password::new("abc"), &user).unwrap_err();
/// assert_eq!(violations[0], Violation::TooShort { min: 8, actual: 3 });
/// assert_eq!(violations.len(), 3); // too short, no upper case, no digit or special
/// ```
pub fn check(
    policy: &PasswordPolicy,
    candidate: &Password,
    user: &UserContext,
) -> Result<(), Vec<Violation>> {
    let mut out = Vec::new();
    // Sizes first: bytes as typed, then bytes after NFKC (counted before
    // anything is allocated), then code points.
    let too_long = |actual: usize| {
        Err(vec![Violation::TooLong {
            max: policy.max_length,
            actual: saturate(actual),
        }])
    };
    let normalized = match candidate.nfkc_within(&policy.limits) {
        Ok(normalized) => normalized,
        // Too many bytes. The length reported is the real one: as typed when
        // the text is too large as typed (it is not normalized then), else
        // after NFKC (counted, not kept: the text as typed is within the
        // limit). Within `max_length`, the maximum reported is as many of its
        // characters as fit in the bytes: never "17 characters, at most 128".
        Err(PasswordError::InputTooLong {
            max_bytes,
            after_normalization,
        }) => {
            let count = if after_normalization {
                candidate.normalized_char_count()
            } else {
                candidate.char_count()
            };
            if saturate(count) > policy.max_length {
                return too_long(count);
            }
            let fit = candidate.chars_within(max_bytes, after_normalization);
            return Err(vec![Violation::TooLong {
                max: saturate(fit),
                actual: saturate(count),
            }]);
        }
        Err(_) => return too_long(candidate.char_count()),
    };
    let raw_count = candidate.char_count();
    if raw_count > MAX_CHECKED_CHARS {
        return too_long(raw_count);
    }
    // Exact capacities: no reallocation leaves a partial copy unwiped.
    let mut chars: Zeroizing<Vec<char>> =
        Zeroizing::new(Vec::with_capacity(normalized.chars().count()));
    chars.extend(normalized.chars());
    let length = saturate(chars.len());
    if length < policy.min_length {
        out.push(Violation::TooShort {
            min: policy.min_length,
            actual: length,
        });
    }
    if length > policy.max_length {
        out.push(Violation::TooLong {
            max: policy.max_length,
            actual: length,
        });
    }
    // Control characters, invisible ones (zero-width space, soft hyphen, direction
    // marks), line separators, private-use and unassigned code points: PRECIS (RFC 8264)
    // disallows them all. "Abcdefg" with a zero-width space is not eight characters with
    // a special one.
    if chars.iter().any(|&c| is_refused(c)) {
        out.push(Violation::ControlCharacter);
    }

    let mut present: Vec<CharClass> = Vec::new();
    for c in chars.iter() {
        // A combining mark still separate after NFKC (`h` + U+0301 has no composed form)
        // is part of the letter before it: it counts towards the length (NIST counts code
        // points) but is not a special character. A refused one counts as no class.
        if is_combining_mark(*c) || is_refused(*c) {
            continue;
        }
        let class = CharClass::of(*c);
        if !present.contains(&class) {
            present.push(class);
        }
    }
    for req in &policy.character_classes {
        if !req.is_met_by(&present) {
            out.push(Violation::MissingClasses {
                classes: req.classes.clone(),
                min_present: req.min_present,
                present: req.count_present(&present),
            });
        }
    }

    for (edge, c) in [(Edge::First, chars.first()), (Edge::Last, chars.last())] {
        if let Some(c) = c {
            let class = CharClass::of(*c);
            if policy.forbidden_at_edges.contains(&class) {
                out.push(Violation::ForbiddenAtEdge { edge, class });
            }
        }
    }

    if let Some(max) = policy.max_repeated {
        let run = longest_run(&chars);
        if run > max {
            out.push(Violation::TooManyRepeated { max, actual: run });
        }
    }

    let lower_size: usize = normalized
        .chars()
        .flat_map(char::to_lowercase)
        .map(char::len_utf8)
        .sum();
    let mut lower = Zeroizing::new(String::with_capacity(lower_size));
    lower.extend(normalized.chars().flat_map(char::to_lowercase));
    if policy.forbid_personal_data {
        for field in user.fields_found_in(&lower) {
            out.push(Violation::ContainsPersonalData { field });
        }
    }

    // Entries were normalized when the list was loaded: one look-up.
    if policy.blocklist.contains_normalized(&normalized, &lower) {
        out.push(Violation::Blocklisted);
    }

    // Without the `strength` feature a policy with a minimum score is refused
    // at validation (`PolicyProblem::StrengthUnavailable`).
    #[cfg(feature = "strength")]
    if let Some(min_score) = policy.min_zxcvbn_score {
        let (score, warning) = strength::score(&chars, user);
        if score < min_score {
            out.push(Violation::TooWeak {
                min_score,
                score,
                warning,
            });
        }
    }

    if out.is_empty() { Ok(()) } else { Err(out) }
}

/// Loads zxcvbn's dictionaries now (the first zxcvbn call otherwise takes
/// 10–20 ms more than the others). Call it once at start-up in services whose
/// policy has a `min_zxcvbn_score`, so that no user's request pays for it.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// edurules_password::warm_up();
/// ```
pub fn warm_up() {
    #[cfg(feature = "strength")]
    let _ = std::hint::black_box(zxcvbn::zxcvbn("warm-up", &[]));
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn longest_run(chars: &[char]) -> u32 {
    let mut best = 0_u32;
    let mut run = 0_u32;
    let mut prev: Option<char> = None;
    for &c in chars {
        run = if prev == Some(c) {
            run.saturating_add(1)
        } else {
            1
        };
        best = best.max(run);
        prev = Some(c);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::ClassRequirement;

    fn codes(r: Result<(), Vec<Violation>>) -> Vec<&'static str> {
        r.err()
            .unwrap_or_default()
            .iter()
            .map(Violation::code)
            .collect()
    }

    #[test]
    fn longest_run_counts_code_points() {
        assert_eq!(longest_run(&[]), 0);
        assert_eq!(longest_run(&['a', 'ż', 'ż', 'ż', 'b']), 3);
    }

    #[test]
    fn length_is_counted_after_nfkc() {
        let p = PasswordPolicy::opolska_eszkola();
        // "ﬃ" (one code point) becomes "ffi" (three): 6 raw code points, 8 after NFKC.
        let candidate = Password::new("Ab1\u{FB03}cd");
        assert_eq!(candidate.char_count(), 6);
        assert!(check(&p, &candidate, &UserContext::default()).is_ok());
    }

    #[test]
    fn three_of_four_classes() {
        let mut p = PasswordPolicy::nist_800_63b();
        p.min_length = 8;
        p.min_zxcvbn_score = None; // classes only
        p.character_classes = vec![ClassRequirement::n_of(
            3,
            &[
                CharClass::Upper,
                CharClass::Lower,
                CharClass::Digit,
                CharClass::Special,
            ],
        )];
        let u = UserContext::default();
        assert!(check(&p, &Password::new("abcdefg1!"), &u).is_ok());
        assert_eq!(
            codes(check(&p, &Password::new("abcdefgh1"), &u)),
            ["password.missing_classes"]
        );
    }

    #[test]
    fn huge_input_only_too_long() {
        let p = PasswordPolicy::opolska_eszkola();
        let big = Password::new("a".repeat(MAX_CHECKED_CHARS + 1));
        assert_eq!(
            check(&p, &big, &UserContext::default()).unwrap_err(),
            [Violation::TooLong {
                max: 128,
                actual: 4097
            }]
        );
    }

    #[test]
    fn control_characters_and_repeats() {
        let mut p = PasswordPolicy::opolska_eszkola();
        p.max_repeated = Some(2);
        assert_eq!(
            codes(check(
                &p,
                &Password::new("Abc\u{7}dddd1"),
                &UserContext::default()
            )),
            ["password.control_character", "password.too_many_repeated"]
        );
    }

    #[test]
    fn invisible_characters_are_refused_and_marks_are_not_special() {
        let p = PasswordPolicy::opolska_eszkola();
        let none = UserContext::default();
        // Shown as "Abcdefg": seven letters. Each invisible character (zero-width space,
        // soft hyphen, right-to-left override, word joiner, tag letter) is refused, and none
        // stands for the special character the seed asks for beside the letters.
        // Found in review: the line and paragraph separators, the interlinear annotation
        // characters (format, not default-ignorable), a private-use and an unassigned code
        // point counted as that special character.
        for invisible in [
            '\u{200b}',
            '\u{ad}',
            '\u{202e}',
            '\u{2060}',
            '\u{e0041}',
            '\u{2028}',
            '\u{2029}',
            '\u{fff9}',
            '\u{e000}',
            '\u{378}',
        ] {
            let candidate = Password::new(format!("Abcdefg{invisible}"));
            assert_eq!(
                codes(check(&p, &candidate, &none)),
                ["password.control_character", "password.missing_classes"],
                "{:?}",
                invisible
            );
        }
        // `h` + U+0301 has no composed form, so NFKC keeps the mark: eight code points, but
        // an accented letter, not a special character.
        assert_eq!(
            codes(check(&p, &Password::new("Abcdefh\u{301}"), &none)),
            ["password.missing_classes"]
        );
        // A symbol that looks like a capital letter (U+1F170, `So`) is a special character,
        // not the upper-case letter the seed asks for.
        assert_eq!(
            codes(check(&p, &Password::new("\u{1F170}bcdefg1"), &none)),
            ["password.missing_classes"]
        );
        assert!(check(&p, &Password::new("\u{1F170}Abcdefg"), &none).is_ok());
        // With a digit, the same password passes: the mark itself is allowed.
        assert!(check(&p, &Password::new("Abcdef1h\u{301}"), &none).is_ok());
        // A mark that composes (`e` + U+0301 = `é`) is one letter after NFKC: seven.
        assert_eq!(
            codes(check(&p, &Password::new("Abcde1e\u{301}"), &none)),
            ["password.too_short"]
        );
    }
}
