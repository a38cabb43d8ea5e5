//! Time as Baton keeps it: UTC, to the microsecond, and only within years that every
//! store and every RFC 3339 writer can hold.
//!
//! Timestamps from clients are read through [`rfc3339`] / [`rfc3339_opt`], which
//! convert to UTC and refuse anything outside [`EARLIEST`]..=[`LATEST`]: a value such
//! as `0000-01-01T00:00:00+23:59` is a year −1 instant in UTC, which no RFC 3339
//! writer can format, so it must never be stored.

use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::{Duration, OffsetDateTime, UtcOffset};

/// The clock type used across Baton: always UTC.
pub type Timestamp = OffsetDateTime;

/// The earliest instant Baton accepts from anyone.
pub const EARLIEST: Timestamp = datetime!(1970-01-01 00:00:00 UTC);
/// The latest instant Baton accepts from anyone.
pub const LATEST: Timestamp = datetime!(9999-12-31 23:59:59.999999 UTC);

/// How far ahead of the server's clock a turn may be dated (client clock skew).
pub const MAX_AHEAD: Duration = Duration::minutes(5);
/// How far back a turn may be dated (imports of older transcripts fit; typos like
/// `0001-01-01` do not).
pub const MAX_BEHIND: Duration = Duration::days(3653);

/// The current UTC time, truncated to microseconds: the precision every store keeps,
/// so a value read back equals the value written.
pub fn now() -> Timestamp {
    truncate_to_micros(OffsetDateTime::now_utc())
}

/// Drops sub-microsecond precision.
pub fn truncate_to_micros(t: Timestamp) -> Timestamp {
    let micros = t.nanosecond() / 1_000;
    t.replace_nanosecond(micros * 1_000).unwrap_or(t)
}

/// Why a timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeInvalid {
    #[error("`{0}` is not an RFC 3339 date-time; write it like 2026-12-03T10:15:00Z")]
    NotRfc3339(String),
    #[error("`{0}` is outside the years Baton accepts (1970 to 9999, in UTC)")]
    OutOfRange(String),
    #[error(
        "`{at}` is more than 5 minutes ahead of the server's clock ({now}); send the time it was said, in UTC or with its offset"
    )]
    TooFarAhead { at: String, now: String },
    #[error("`{at}` is more than 10 years before the server's clock ({now})")]
    TooOld { at: String, now: String },
}

/// Formats a timestamp as RFC 3339. Every [`Timestamp`] Baton holds is in range, so
/// this cannot fail; the fallback only guards against a value built elsewhere.
pub fn format(t: Timestamp) -> String {
    t.checked_to_offset(UtcOffset::UTC)
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

/// Reads an RFC 3339 date-time into UTC, to the microsecond, within the accepted years.
pub fn parse(s: &str) -> Result<Timestamp, TimeInvalid> {
    let t = OffsetDateTime::parse(s, &Rfc3339)
        .map_err(|_| TimeInvalid::NotRfc3339(shorten(s)))?
        .checked_to_offset(UtcOffset::UTC)
        .filter(|t| (EARLIEST..=LATEST).contains(t))
        .ok_or_else(|| TimeInvalid::OutOfRange(shorten(s)))?;
    Ok(truncate_to_micros(t))
}

/// Checks a client-supplied time against the server's clock (the turn policy).
pub fn check_recent(at: Timestamp, now: Timestamp) -> Result<(), TimeInvalid> {
    if at > now + MAX_AHEAD {
        return Err(TimeInvalid::TooFarAhead {
            at: format(at),
            now: format(now),
        });
    }
    if at < now - MAX_BEHIND {
        return Err(TimeInvalid::TooOld {
            at: format(at),
            now: format(now),
        });
    }
    Ok(())
}

fn shorten(s: &str) -> String {
    s.chars().take(64).collect()
}

/// `#[serde(with = "baton_core::clock::rfc3339")]` for a required client timestamp.
pub mod rfc3339 {
    use serde::{Deserialize as _, Deserializer, Serializer};

    use super::Timestamp;

    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        super::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// `#[serde(with = "baton_core::clock::rfc3339_opt")]` for an optional client timestamp.
pub mod rfc3339_opt {
    use serde::{Deserialize as _, Deserializer, Serializer};

    use super::Timestamp;

    pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&super::format(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        match Option::<std::borrow::Cow<str>>::deserialize(d)? {
            Some(s) => super::parse(&s).map(Some).map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_utc_and_every_accepted_value_formats() {
        let t = parse("2026-03-01T00:30:00+01:00").unwrap();
        assert_eq!(format(t), "2026-02-28T23:30:00Z");
        for s in [
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z",
            "1970-01-01T23:59:00+23:59",
        ] {
            let t = parse(s).unwrap();
            assert_eq!(parse(&format(t)).unwrap(), t, "{s}");
        }
    }

    #[test]
    fn instants_outside_the_years_are_refused() {
        for s in [
            "0000-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59-23:59",
            "9999-12-31T23:59:59.999999-00:01",
            "0001-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
        ] {
            assert!(matches!(parse(s), Err(TimeInvalid::OutOfRange(_))), "{s}");
        }
        assert!(matches!(
            parse("yesterday"),
            Err(TimeInvalid::NotRfc3339(_))
        ));
    }

    #[test]
    fn turns_are_dated_within_the_window() {
        let now = parse("2026-12-03T12:00:00Z").unwrap();
        assert!(check_recent(now + Duration::minutes(4), now).is_ok());
        assert!(check_recent(now - Duration::days(3650), now).is_ok());
        assert!(matches!(
            check_recent(now + Duration::minutes(6), now),
            Err(TimeInvalid::TooFarAhead { .. })
        ));
        assert!(matches!(
            check_recent(parse("2001-01-01T00:00:00Z").unwrap(), now),
            Err(TimeInvalid::TooOld { .. })
        ));
    }

    #[test]
    fn serde_refuses_with_the_reason() {
        #[derive(serde::Deserialize)]
        struct T {
            #[serde(default, with = "rfc3339_opt")]
            at: Option<Timestamp>,
        }
        let e = serde_json::from_str::<T>(r#"{"at":"0000-01-01T00:00:00+23:59"}"#)
            .err()
            .unwrap();
        assert!(e.to_string().contains("outside the years"), "{e}");
        assert!(
            serde_json::from_str::<T>(r#"{"at":null}"#)
                .unwrap()
                .at
                .is_none()
        );
    }
}
