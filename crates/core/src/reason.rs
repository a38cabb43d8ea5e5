//! The canonical set of handoff reasons, shared by rules, API, metrics and replay.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a conversation changes hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    ExplicitRequest,
    LowConfidence,
    NegativeSentiment,
    Loop,
    Regulated,
    HighValue,
    Urgency,
    CriticalAction,
    Error,
    Completion,
    Complex,
    Manual,
}

impl Reason {
    /// Every reason, in canonical order.
    pub const ALL: [Reason; 12] = [
        Reason::ExplicitRequest,
        Reason::LowConfidence,
        Reason::NegativeSentiment,
        Reason::Loop,
        Reason::Regulated,
        Reason::HighValue,
        Reason::Urgency,
        Reason::CriticalAction,
        Reason::Error,
        Reason::Completion,
        Reason::Complex,
        Reason::Manual,
    ];

    /// The snake_case name used on the wire and in rules files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::ExplicitRequest => "explicit_request",
            Reason::LowConfidence => "low_confidence",
            Reason::NegativeSentiment => "negative_sentiment",
            Reason::Loop => "loop",
            Reason::Regulated => "regulated",
            Reason::HighValue => "high_value",
            Reason::Urgency => "urgency",
            Reason::CriticalAction => "critical_action",
            Reason::Error => "error",
            Reason::Completion => "completion",
            Reason::Complex => "complex",
            Reason::Manual => "manual",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A reason name that is not in the canonical set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown reason `{0}`; expected one of: explicit_request, low_confidence, negative_sentiment, loop, regulated, high_value, urgency, critical_action, error, completion, complex, manual"
)]
pub struct UnknownReason(pub String);

impl FromStr for Reason {
    type Err = UnknownReason;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Reason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownReason(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_text_and_json() {
        for r in Reason::ALL {
            assert_eq!(r.as_str().parse::<Reason>().unwrap(), r);
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        let err = "angry".parse::<Reason>().unwrap_err();
        assert!(err.to_string().contains("explicit_request"));
    }
}
