//! The routing file (`routing.yaml`) as people write it: parsed strictly, every error
//! naming the file, line and field.

use std::collections::BTreeMap;
use std::fmt;

use baton_core::{Channel, Reason};
use serde::{Deserialize, Deserializer};

use crate::error::RouteConfigError;

/// A whole routing file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutingFile {
    /// Where a handoff waits when every target was tried (default `failsafe`).
    #[serde(default)]
    pub failsafe: Option<String>,
    /// How long one offer stays open when its queue does not say (default 30 s).
    #[serde(default)]
    pub offer_timeout: Option<Span>,
    /// Reasons that jump the queue (default: urgency, regulated, critical_action).
    #[serde(default)]
    pub urgent_reasons: Option<Vec<Reason>>,
    /// Added to an urgent handoff's priority (default 1000).
    #[serde(default)]
    pub urgent_boost: Option<i32>,
    #[serde(default)]
    pub queues: Vec<QueueSpec>,
    /// Ordered: the first filter that matches decides the targets.
    #[serde(default)]
    pub filters: Vec<FilterSpec>,
    /// The targets when no filter matches.
    #[serde(default)]
    pub default: Option<RouteSpec>,
    /// Desk users.
    #[serde(default)]
    pub users: Vec<UserSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueSpec {
    pub name: String,
    /// Skills a receiver needs, all of them, to be offered work from this queue.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Added to the priority of handoffs waiting here.
    #[serde(default)]
    pub priority: i32,
    #[serde(default)]
    pub mode: OfferMode,
    /// How long one offer from this queue stays open.
    #[serde(default)]
    pub offer_timeout: Option<Span>,
}

/// Whom an offer goes to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferMode {
    /// One eligible receiver at a time; a reject or a timeout moves to the next.
    #[default]
    OneAtATime,
    /// Every eligible receiver at once; the first to accept wins.
    Broadcast,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilterSpec {
    pub name: String,
    #[serde(default)]
    pub when: Match,
    /// Added to the handoff's priority when this filter routes it.
    #[serde(default)]
    pub priority: i32,
    pub targets: Vec<TargetSpec>,
}

/// Conditions that must all hold; a list holds when the value is one of its items.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Match {
    #[serde(default)]
    pub reason: Option<Vec<Reason>>,
    /// The latest intent seen in the conversation.
    #[serde(default)]
    pub intent: Option<Vec<String>>,
    /// The queue or definition the request (or the rule) named.
    #[serde(default)]
    pub destination: Option<Vec<String>>,
    #[serde(default)]
    pub channel: Option<Vec<Channel>>,
    /// `customer.data.language` (or `locale`, `lang`); compared by primary tag, case-insensitive.
    #[serde(default)]
    pub language: Option<Vec<String>>,
    /// `customer.data.tier`, or `crm.tier`.
    #[serde(default)]
    pub tier: Option<Vec<String>>,
    /// Any field of the context package by dotted path (`customer.data.country`,
    /// `crm.segment`, `metadata.channel`), equal to the value given.
    #[serde(default)]
    pub fields: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteSpec {
    pub targets: Vec<TargetSpec>,
}

/// One stop of a route: a queue, one desk user by name, or a connected agent on
/// another platform by its connection name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    #[serde(default)]
    pub queue: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
    /// A connection's name (`baton connections add`), or an A2A agent's card URL
    /// (`https://host/.well-known/agent-card.json`): the package is pushed to that
    /// agent, which accepts or refuses within the stop's timeout.
    #[serde(default)]
    pub agent: Option<String>,
    /// For an agent given by its card URL: the environment variable holding the Bearer
    /// token Baton sends it. Without it, Baton sends no credentials.
    #[serde(default)]
    pub bearer_env: Option<String>,
    /// How long the handoff waits at this target before moving on (default 5 min).
    #[serde(default)]
    pub timeout: Option<Span>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSpec {
    pub username: String,
    #[serde(default)]
    pub name: Option<String>,
    /// An argon2 PHC string (`baton desk hash-password` prints one). Without it the
    /// user cannot log in.
    #[serde(default)]
    pub password_hash: Option<String>,
    #[serde(default)]
    pub queues: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// Conversations held at once, per channel (default: chat 3, every other channel 1).
    #[serde(default)]
    pub capacity: BTreeMap<Channel, u32>,
}

/// A duration written as `30s`, `500ms`, `5m`, `1h` or a number of seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span(pub std::time::Duration);

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}ms", self.0.as_millis())
    }
}

impl Span {
    pub fn parse(s: &str) -> Result<Span, String> {
        let s = s.trim();
        let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (num, unit) = s.split_at(split);
        let n: u64 = num
            .parse()
            .map_err(|_| format!("`{s}` is not a duration; write e.g. 30s, 500ms, 5m or 1h"))?;
        let ms = match unit.trim() {
            "ms" => Some(n),
            "" | "s" => n.checked_mul(1000),
            "m" => n.checked_mul(60_000),
            "h" => n.checked_mul(3_600_000),
            other => {
                return Err(format!(
                    "unknown unit `{other}` in `{s}`; use ms, s, m or h"
                ));
            }
        };
        match ms {
            Some(0) => Err("a duration must be more than zero".to_owned()),
            Some(ms) if ms <= 7 * 24 * 3_600_000 => Ok(Span(std::time::Duration::from_millis(ms))),
            _ => Err(format!("`{s}` is longer than a week")),
        }
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Secs(u64),
            Text(String),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Secs(n) => n.to_string(),
            Raw::Text(t) => t,
        };
        Span::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Parses the YAML, naming the line and field of the first problem.
pub(crate) fn parse(file: &str, text: &str) -> Result<RoutingFile, RouteConfigError> {
    if text.trim().is_empty() {
        return Ok(RoutingFile::default());
    }
    let de = yaml_serde::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = inner.location().map_or((0, 0), |l| (l.line(), l.column()));
        let message = inner.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        let hint = if message.contains("unknown field") {
            "remove the field or fix its spelling; the README's routing section lists every field"
        } else if message.contains("unknown variant") {
            "check the spelling of the value"
        } else {
            "see the routing section of the README for the format"
        };
        RouteConfigError::Invalid {
            file: file.to_owned(),
            line,
            column,
            field: if field == "." { String::new() } else { field },
            message,
            hint: hint.to_owned(),
        }
    })
}

/// The 1-based line and column of the first occurrence of `needle`, or (0, 0).
pub(crate) fn line_of(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, c + 1)))
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_like_people_write_them() {
        assert_eq!(Span::parse("30s").unwrap().0.as_secs(), 30);
        assert_eq!(Span::parse("500ms").unwrap().0.as_millis(), 500);
        assert_eq!(Span::parse("5m").unwrap().0.as_secs(), 300);
        assert_eq!(Span::parse("2h").unwrap().0.as_secs(), 7200);
        assert_eq!(Span::parse("45").unwrap().0.as_secs(), 45);
        assert!(Span::parse("0s").is_err());
        assert!(Span::parse("3 days").unwrap_err().contains("unit"));
        assert!(Span::parse("soon").is_err());
        assert!(Span::parse("99999999999999999999h").is_err());
    }
}
