//! Finding a category by how a person writes it: exactly, or ignoring case,
//! spacing, `_`, `-`, `.`, `:` and `,` when that leaves one candidate; the
//! closest known categories for one that is not found.

use edurules_locale::clip;

use super::Rules;
use crate::DeadlineError;

/// The most known categories an unknown-category error suggests.
pub const MAX_SUGGESTIONS: usize = 3;

/// The longest category text (in bytes) that is normalized and compared; a
/// longer one cannot be a category and is refused without further work.
pub(crate) const MAX_CATEGORY_BYTES: usize = 512;

/// The characters compared when ranking suggestions.
const RANKED_CHARS: usize = 96;

/// `text` in lower case with each run of spaces, `_`, `-`, `.`, `:` and `,`
/// as one space, trimmed: `Art_8-PKT 1` and `art. 8 pkt 1` both give
/// `art 8 pkt 1`.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '_' | '-' | '.' | ':' | ',') {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The rules' id and index of `category`, or why there is none.
pub(crate) fn resolve<'r>(
    rules: &'r Rules,
    category: &str,
) -> Result<(&'r str, usize), DeadlineError> {
    if let Some(found) = rules.category_index(category) {
        return Ok(found);
    }
    let key = (category.len() <= MAX_CATEGORY_BYTES).then(|| normalize(category));
    let candidates = key
        .as_deref()
        .and_then(|k| rules.normalized.get(k))
        .map(Vec::as_slice)
        .unwrap_or_default();
    let id = |i: &usize| rules.file.categories.get(*i).map(|c| c.id.as_str());
    match candidates {
        [one] => id(one)
            .map(|s| (s, *one))
            .ok_or_else(|| unknown(rules, category)),
        [] => Err(unknown(rules, category)),
        many => Err(DeadlineError::AmbiguousCategory {
            category: clip(category),
            candidates: many.iter().filter_map(id).map(str::to_owned).collect(),
        }),
    }
}

fn unknown(rules: &Rules, category: &str) -> DeadlineError {
    let closest = closest(rules, category);
    DeadlineError::UnknownCategory {
        category: category.to_owned(),
        example: closest
            .is_empty()
            .then(|| rules.file.categories.first().map(|c| c.id.clone()))
            .flatten(),
        closest,
        known: rules.file.categories.len(),
    }
}

/// The known categories near `category` by edit distance over their
/// normalized forms (at most [`RANKED_CHARS`] characters of each): within
/// half the given length (at least 3 edits), best first, ties in the file's
/// order.
fn closest(rules: &Rules, category: &str) -> Vec<String> {
    let given: Vec<char> = normalize(&clip(category))
        .chars()
        .take(RANKED_CHARS)
        .collect();
    let mut ranked: Vec<(usize, usize)> = rules
        .file
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let known: Vec<char> = normalize(&clip(&c.id)).chars().take(RANKED_CHARS).collect();
            (distance(&given, &known), i)
        })
        .collect();
    ranked.sort_unstable();
    let near = (given.len() / 2).max(3);
    ranked
        .into_iter()
        .filter(|&(d, _)| d <= near)
        .take(MAX_SUGGESTIONS)
        .filter_map(|(_, i)| rules.file.categories.get(i).map(|c| c.id.clone()))
        .collect()
}

/// Levenshtein distance (insertions, deletions, substitutions).
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = i;
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let best = if ca == cb {
                diagonal
            } else {
                diagonal.min(left).min(up).saturating_add(1)
            };
            diagonal = up;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = best;
            }
        }
    }
    row.last().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_and_separators() {
        assert_eq!(normalize("  Art_8-PKT   1.. lit.D "), "art 8 pkt 1 lit d");
        assert_eq!(normalize("Change Of School"), normalize("change-of-school"));
        assert_eq!(normalize("change_of_school"), "change of school");
    }

    #[test]
    fn distance_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(distance(&c(""), &c("abc")), 3);
        assert_eq!(distance(&c("abc"), &c("abc")), 0);
    }
}

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn a_near_miss_is_suggested() {
        let rules = Rules::builtin().unwrap();
        let e = resolve(rules, "art. 8 pkt 1 lit. z").unwrap_err();
        let DeadlineError::UnknownCategory {
            closest, example, ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!(closest.len(), MAX_SUGGESTIONS);
        assert!(
            closest.iter().all(|c| c.starts_with("art. 8 pkt 1 lit. ")),
            "{closest:?}"
        );
        assert_eq!(example, None);
    }
}
