//! The audit chain: each entry's hash covers its own fields and the previous
//! entry's hash, so editing or deleting any entry breaks every hash after it.

use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: [u8; 32] = [0; 32];

/// The fields an audit entry's hash covers.
pub struct AuditFields<'a> {
    pub seq: i64,
    pub at_us: i64,
    pub actor: &'a str,
    pub action: &'a str,
    pub subject: &'a str,
    pub detail: &'a str,
}

/// `sha256(prev ‖ seq ‖ at ‖ len-prefixed actor, action, subject, detail)`.
/// Length prefixes keep field boundaries unambiguous.
pub fn entry_hash(prev: &[u8; 32], f: &AuditFields<'_>) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(f.seq.to_be_bytes());
    h.update(f.at_us.to_be_bytes());
    for part in [f.actor, f.action, f.subject, f.detail] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(detail: &str) -> AuditFields<'_> {
        AuditFields {
            seq: 1,
            at_us: 5,
            actor: "admin",
            action: "a",
            subject: "s",
            detail,
        }
    }

    #[test]
    fn any_change_changes_the_hash() {
        let base = entry_hash(&GENESIS, &fields("{}"));
        assert_ne!(base, entry_hash(&GENESIS, &fields("{ }")));
        assert_ne!(base, entry_hash(&[1; 32], &fields("{}")));
        let shifted = AuditFields {
            actor: "admi",
            action: "na",
            ..fields("{}")
        };
        assert_ne!(base, entry_hash(&GENESIS, &shifted));
    }
}
