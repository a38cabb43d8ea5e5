//! Identifiers: UUID v7 (time-ordered) newtypes, so an agent id can never be
//! passed where a handoff id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered identifier.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies a conversation.
    ConversationId
);
id_type!(
    /// Identifies one turn of a conversation.
    TurnId
);
id_type!(
    /// Identifies an agent: AI, human desk user, external agent or phone destination.
    AgentId
);
id_type!(
    /// Identifies a handoff.
    HandoffId
);
id_type!(
    /// Identifies one offer of a handoff to one receiver.
    OfferId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_time_ordered_and_round_trip() {
        let a = HandoffId::new();
        let b = HandoffId::new();
        assert!(a < b, "v7 ids sort by creation time");
        let parsed: HandoffId = a.to_string().parse().unwrap();
        assert_eq!(parsed, a);
        assert!("not-a-uuid".parse::<HandoffId>().is_err());
    }
}
