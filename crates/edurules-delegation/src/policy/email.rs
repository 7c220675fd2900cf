//! The personal e-mail rule (seed 000): what makes an address institutional.

/// The role mailboxes the SIO preset treats as institutional, whatever their domain: the
/// RFC 2142 role names (`info`, `postmaster`, `webmaster`, …), generic office names, and the
/// offices of a Polish school (its secretariat, head, deputy head, office, accounts, staff
/// office…). Seed 000 asks for a personal address, "not the school's"; a mailbox named for an
/// office is the school's, also at a free provider (`sekretariat.sp7@gmail.com`).
pub(crate) const SIO_INSTITUTIONAL_MAILBOXES: [&str; 30] = [
    // RFC 2142 (Mailbox names for common services, roles and functions), sections 3–5.
    "info",
    "marketing",
    "sales",
    "support",
    "abuse",
    "noc",
    "security",
    "postmaster",
    "hostmaster",
    "usenet",
    "news",
    "webmaster",
    "www",
    "uucp",
    "ftp",
    // Generic office mailboxes.
    "admin",
    "office",
    "contact",
    "kontakt",
    "biuro",
    // A Polish school's offices (Prawo oświatowe art. 68: dyrektor; art. 97: wicedyrektor).
    "sekretariat",
    "dyrektor",
    "dyrekcja",
    "wicedyrektor",
    "kancelaria",
    "szkola",
    "przedszkole",
    "kadry",
    "ksiegowosc",
    "administracja",
];

/// The SIO preset's mailbox names, owned.
pub(crate) fn sio_institutional_mailboxes() -> Vec<String> {
    SIO_INSTITUTIONAL_MAILBOXES
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// Whether the local part (before `@`, any case) names one of `mailboxes`: equal to it, or
/// it followed by a separator or digit (`sekretariat.sp7`, `dyrektor-zs1`, `info2`).
pub(crate) fn is_role_mailbox(local: &str, mailboxes: &[String]) -> bool {
    let local = local.to_ascii_lowercase();
    mailboxes.iter().any(|m| {
        local.strip_prefix(m.as_str()).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | '-' | '_' | '+') || c.is_ascii_digit())
        })
    })
}

/// Whether a mailbox name is usable in the policy: lowercase ASCII letters and digits.
pub(crate) fn is_mailbox_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_mailboxes_are_recognised_with_suffixes_only() {
        let m = sio_institutional_mailboxes();
        for local in [
            "sekretariat",
            "Sekretariat.SP7",
            "dyrektor-zs1",
            "info2",
            "biuro_x",
        ] {
            assert!(is_role_mailbox(local, &m), "{local}");
        }
        for local in ["anna.nowak", "informatyk", "newsome", "adminowicz"] {
            assert!(!is_role_mailbox(local, &m), "{local}");
        }
        assert!(m.iter().all(|n| is_mailbox_name(n)));
    }
}
