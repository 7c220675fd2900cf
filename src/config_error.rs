//! [`ConfigError`]: the errors of loading a [`crate::RulesConfig`], each
//! with a message entirely in Polish, Bulgarian or English.

use std::path::{Path, PathBuf};

use edurules_locale::{Locale, Message, nouns};

use crate::error::{ConfigProblem, Format};

/// An error of loading a [`crate::RulesConfig`], or of naming a preset or a
/// locale. Each variant has a stable [`code`](ConfigError::code) and a
/// [`message`](ConfigError::message) entirely in Polish, Bulgarian or
/// English; technical explanations in English (the system's, the parser's)
/// stay in their own fields and in the English message only.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No preset has this name (see [`crate::RulesConfig::PRESETS`]).
    #[error("{}", Message::message(self, Locale::En))]
    UnknownPreset {
        /// The name asked for.
        name: String,
    },
    /// Not `pl`, `bg` or `en`.
    #[error("{}", Message::message(self, Locale::En))]
    UnknownLocale {
        /// The text given.
        locale: String,
    },
    /// A file could not be read.
    #[error("{}", Message::message(self, Locale::En))]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's explanation (English), for logs: only the English
        /// message repeats it.
        reason: String,
    },
    /// The path names something other than a regular file (a directory, a
    /// FIFO, a device), which is not read.
    #[error("{}", Message::message(self, Locale::En))]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A file is larger than [`crate::RulesConfig::MAX_FILE_BYTES`]; it is
    /// not read past the limit.
    #[error("{}", Message::message(self, Locale::En))]
    FileTooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        max_bytes: u64,
    },
    /// A configuration text is larger than
    /// [`crate::RulesConfig::MAX_FILE_BYTES`]; it is not parsed.
    #[error("{}", Message::message(self, Locale::En))]
    TextTooLarge {
        /// Its length.
        bytes: usize,
        /// The limit.
        max_bytes: u64,
    },
    /// A file is not UTF-8 text.
    #[error("{}", Message::message(self, Locale::En))]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// The configuration has no section for a crate the caller asked for.
    #[error("{}", Message::message(self, Locale::En))]
    MissingSection {
        /// The section's key (`password`).
        section: &'static str,
    },
    /// A configuration file's name ends neither in `.toml` nor in `.json`.
    #[error("{}", Message::message(self, Locale::En))]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The text is not a configuration: bad syntax, a value of the wrong
    /// type, a missing or unknown field. `path` names the field, `line` and
    /// `column` the place.
    #[error("{}", Message::message(self, Locale::En))]
    Syntax {
        /// TOML or JSON.
        format: Format,
        /// The dotted path of the field (`password.min_length`); empty at
        /// the top level.
        path: String,
        /// The line (from 1), where the parser knows it.
        line: Option<usize>,
        /// The column (from 1), where the parser knows it.
        column: Option<usize>,
        /// The parser's explanation (English), for logs: only the English
        /// message repeats it.
        reason: String,
    },
    /// The configuration parsed but breaks the domain crates' rules; every
    /// problem is listed.
    #[error("{}", Message::message(self, Locale::En))]
    Invalid {
        /// Every problem found, each with its path.
        problems: Vec<ConfigProblem>,
    },
}

/// A path quoted in `locale`, bounded like any user input.
fn quoted(locale: Locale, path: &Path) -> String {
    locale.quote(&path.display().to_string())
}

impl ConfigError {
    /// The stable machine code: `config.unknown_preset`,
    /// `config.unknown_locale`, `config.io`, `config.not_a_file`,
    /// `config.file_too_large`, `config.text_too_large`, `config.not_utf8`,
    /// `config.missing_section`, `config.unknown_format`, `config.syntax` or
    /// `config.invalid`.
    ///
    /// # Example
    ///
    /// ```
    /// let err = edurules::RulesConfig::from_toml_str("colour = 1").unwrap_err();
    /// assert_eq!(err.code(), "config.syntax");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownPreset { .. } => "config.unknown_preset",
            Self::UnknownLocale { .. } => "config.unknown_locale",
            Self::Io { .. } => "config.io",
            Self::NotAFile { .. } => "config.not_a_file",
            Self::FileTooLarge { .. } => "config.file_too_large",
            Self::TextTooLarge { .. } => "config.text_too_large",
            Self::NotUtf8 { .. } => "config.not_utf8",
            Self::MissingSection { .. } => "config.missing_section",
            Self::UnknownFormat { .. } => "config.unknown_format",
            Self::Syntax { .. } => "config.syntax",
            Self::Invalid { .. } => "config.invalid",
        }
    }

    /// The message for a person, entirely in `locale`. The parser's and the
    /// system's own explanations (English) appear in the English message
    /// only; they stay in the `reason` fields for programs and logs.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules::{ConfigError, Locale};
    ///
    /// let err = ConfigError::UnknownLocale { locale: "de".into() };
    /// assert_eq!(err.message(Locale::Pl), "Nieznany język „de”: dostępne są „pl”, „bg” lub „en”.");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        match self {
            Self::UnknownPreset { name } => {
                let name = l.quote(name);
                let presets = l.quote_alternatives(crate::RulesConfig::PRESETS.iter().copied());
                l.pick(
                    format!("Nieznany zestaw reguł {name}: dostępne są {presets}."),
                    format!("Непознат набор от правила {name}: наличните са {presets}."),
                    format!("Unknown preset {name}: the presets are {presets}."),
                )
            }
            Self::UnknownLocale { locale: given } => {
                let given = l.quote(given);
                let codes = l.quote_alternatives(Locale::ALL.map(Locale::code));
                l.pick(
                    format!("Nieznany język {given}: dostępne są {codes}."),
                    format!("Непознат език {given}: възможни са {codes}."),
                    format!("Unknown language {given}: the choices are {codes}."),
                )
            }
            Self::Io { path, reason } => {
                let p = quoted(l, path);
                l.pick(
                    format!("Nie można odczytać pliku {p}."),
                    format!("Файлът {p} не може да бъде прочетен."),
                    format!("Cannot read the file {p} ({reason})."),
                )
            }
            Self::NotAFile { path } => {
                let p = quoted(l, path);
                l.pick(
                    format!("{p} nie jest zwykłym plikiem."),
                    format!("{p} не е обикновен файл."),
                    format!("{p} is not a regular file."),
                )
            }
            Self::FileTooLarge { path, max_bytes } => {
                let p = quoted(l, path);
                let max = l.count(*max_bytes, nouns::BYTE);
                l.pick(
                    format!("Plik {p} jest większy niż dopuszczalne {max}."),
                    format!("Файлът {p} е по-голям от допустимите {max}."),
                    format!("The file {p} is larger than the {max} allowed."),
                )
            }
            Self::TextTooLarge { bytes, max_bytes } => {
                let n = l.count(u64::try_from(*bytes).unwrap_or(u64::MAX), nouns::BYTE);
                let max = l.count(*max_bytes, nouns::BYTE);
                l.pick(
                    format!("Konfiguracja ma {n}, więcej niż dopuszczalne {max}."),
                    format!("Конфигурацията е {n}, повече от допустимите {max}."),
                    format!("The configuration has {n}, more than the {max} allowed."),
                )
            }
            Self::NotUtf8 { path } => {
                let p = quoted(l, path);
                l.pick(
                    format!("Plik {p} nie jest tekstem w kodowaniu UTF-8."),
                    format!("Файлът {p} не е текст в кодиране UTF-8."),
                    format!("The file {p} is not UTF-8 text."),
                )
            }
            Self::MissingSection { section } => {
                let s = l.quote(section);
                l.pick(
                    format!("Konfiguracja nie ma sekcji {s}."),
                    format!("Конфигурацията няма раздел {s}."),
                    format!("The configuration has no section {s}."),
                )
            }
            Self::UnknownFormat { path } => {
                let p = quoted(l, path);
                let (toml, json) = (l.quote(".toml"), l.quote(".json"));
                l.pick(
                    format!("Nazwa pliku {p} nie kończy się na {toml} ani na {json}."),
                    format!("Името на файла {p} не завършва нито на {toml}, нито на {json}."),
                    format!("The name of the file {p} ends neither in {toml} nor in {json}."),
                )
            }
            Self::Syntax {
                format,
                path,
                line,
                column,
                reason,
            } => syntax(l, *format, path, *line, *column, reason),
            Self::Invalid { problems } => {
                let list = problems
                    .iter()
                    .map(|p| p.message_at(l))
                    .collect::<Vec<_>>()
                    .join("; ");
                let n = l.count(u64::try_from(problems.len()).unwrap_or(u64::MAX), PROBLEM);
                l.pick(
                    format!("Konfiguracja jest nieprawidłowa ({n}): {list}"),
                    format!("Конфигурацията е невалидна ({n}): {list}"),
                    format!("The configuration is invalid ({n}): {list}"),
                )
            }
        }
    }
}

/// „problem”: not among the shared nouns.
const PROBLEM: edurules_locale::Noun = edurules_locale::Noun::new(
    ["problem", "problemy", "problemów", "problemu"],
    ["проблем", "проблема"],
    ["problem", "problems"],
);

/// The message of [`ConfigError::Syntax`]: a translated frame with the
/// field and the place; the parser's English words in English only.
fn syntax(
    l: Locale,
    format: Format,
    path: &str,
    line: Option<usize>,
    column: Option<usize>,
    reason: &str,
) -> String {
    let field = if path.is_empty() {
        l.pick(
            "na najwyższym poziomie".to_owned(),
            "на най-горното ниво".to_owned(),
            "at the top level".to_owned(),
        )
    } else {
        let p = l.quote(path);
        l.pick(
            format!("w polu {p}"),
            format!("в полето {p}"),
            format!("at the field {p}"),
        )
    };
    let place = match (line, column) {
        (Some(line), Some(column)) => {
            let (line, column) = (l.integer(line as i128), l.integer(column as i128));
            l.pick(
                format!(" (wiersz {line}, kolumna {column})"),
                format!(" (ред {line}, колона {column})"),
                format!(" (line {line}, column {column})"),
            )
        }
        (Some(line), None) => {
            let line = l.integer(line as i128);
            l.pick(
                format!(" (wiersz {line})"),
                format!(" (ред {line})"),
                format!(" (line {line})"),
            )
        }
        _ => String::new(),
    };
    let [pl, bg] = match SyntaxKind::of(reason) {
        SyntaxKind::UnknownField => ["takie pole nie istnieje", "такова поле не съществува"],
        SyntaxKind::MissingField => ["brakuje wymaganego pola", "липсва задължително поле"],
        SyntaxKind::WrongValue => [
            "wartość ma zły typ albo jest spoza dozwolonych",
            "стойността е от грешен тип или не е от допустимите",
        ],
        SyntaxKind::Syntax => ["błąd składni", "синтактична грешка"],
    };
    l.pick(
        format!("Konfiguracja {format} jest błędna {field}{place}: {pl}."),
        format!("Конфигурацията {format} е грешна {field}{place}: {bg}."),
        format!(
            "The {format} configuration is wrong {field}{place}: {}.",
            english_quotes(reason)
        ),
    )
}

/// What a parser's explanation says, for the Polish and Bulgarian frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SyntaxKind {
    /// A field the configuration does not have.
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// A value of the wrong type, or not one of the allowed ones.
    WrongValue,
    /// Anything else: the text is not TOML or JSON.
    Syntax,
}

impl SyntaxKind {
    /// The kind of serde's and the parsers' English explanations.
    fn of(reason: &str) -> Self {
        if reason.starts_with("unknown field") {
            Self::UnknownField
        } else if reason.starts_with("missing field") {
            Self::MissingField
        } else if reason.starts_with("invalid type")
            || reason.starts_with("invalid value")
            || reason.starts_with("unknown variant")
            || reason.starts_with("invalid length")
            || reason.starts_with("wanted ")
        {
            Self::WrongValue
        } else {
            Self::Syntax
        }
    }
}

/// The longest parser explanation repeated in an English message.
const MAX_REASON_CHARS: usize = 400;

/// The parser's English words with its Markdown backticks turned into
/// quotation marks (`` `colour` `` → “colour”), cut to a readable length.
fn english_quotes(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len().min(MAX_REASON_CHARS * 4));
    let mut open = true;
    for c in reason.chars().take(MAX_REASON_CHARS) {
        if edurules_locale::needs_escape(c) {
            out.push(' ');
        } else if c == '`' {
            out.push(if open { '“' } else { '”' });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out.trim_end_matches('.').to_owned()
}

impl Message for ConfigError {
    fn code(&self) -> &'static str {
        ConfigError::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        ConfigError::message(self, locale)
    }
}
