//! Webhook subscriptions and deliveries, as the store keeps them.

use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

/// The event types a webhook can subscribe to.
pub const EVENT_TYPES: [&str; 8] = [
    "handoff.requested",
    "handoff.offered",
    "handoff.accepted",
    "handoff.rejected",
    "handoff.resolved",
    "handoff.handed_back",
    "handoff.canceled",
    "handoff.failed",
];

/// The steps of a voice handoff's transfer (`--sip`), also subscribable: `started` (a
/// REFER, OPTIONS probe or INVITE went out), `progress` (202, NOTIFY 1xx), `briefing`
/// (bot and person talk, the caller is held), `failed` (one definition), `fallback` (the
/// next definition is tried), `exhausted` (none is left; the caller stays with the bot),
/// `succeeded` (the call belongs to the target, or a `bye` ended it).
pub const TRANSFER_EVENT_TYPES: [&str; 7] = [
    "handoff.transfer.started",
    "handoff.transfer.progress",
    "handoff.transfer.briefing",
    "handoff.transfer.failed",
    "handoff.transfer.fallback",
    "handoff.transfer.exhausted",
    "handoff.transfer.succeeded",
];

/// A signing secret, sealed (encrypted) by the caller; the store never sees it in clear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedSecret {
    pub sealed: Vec<u8>,
    /// `None` for the current secret; previous secrets keep signing until they expire.
    pub expires_at: Option<OffsetDateTime>,
}

/// Whether an endpoint receives deliveries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WebhookState {
    Active,
    /// Answered `410 Gone`, or disabled by an operator.
    Disabled,
}

/// A webhook subscription.
#[derive(Clone, Debug)]
pub struct Webhook {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<String>,
    /// Current first, then previous ones still valid during a rotation.
    pub secrets: Vec<SealedSecret>,
    pub state: WebhookState,
    pub disabled_reason: Option<String>,
    pub created_at: OffsetDateTime,
}

/// A subscription to create.
#[derive(Clone, Debug)]
pub struct NewWebhook {
    pub url: String,
    pub events: Vec<String>,
    pub secret: Vec<u8>,
}

/// Where a delivery stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    Pending,
    Delivered,
    /// Given up on after the last retry, or its endpoint is gone; an operator may retry it.
    Dead,
}

impl DeliveryState {
    pub const fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Dead => "dead",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(Self::Pending),
            "delivered" => Some(Self::Delivered),
            "dead" => Some(Self::Dead),
            _ => None,
        }
    }
}

/// One event on its way to one endpoint. `id` is the `webhook-id` header: stable
/// across retries, the receiver's idempotency key.
#[derive(Clone, Debug, Serialize)]
pub struct Delivery {
    pub id: String,
    pub webhook_id: Uuid,
    pub topic: String,
    pub conversation_id: String,
    /// The exact body that is signed and sent.
    #[serde(skip)]
    pub payload: String,
    pub state: DeliveryState,
    pub attempts: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub next_attempt_at: OffsetDateTime,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub delivered_at: Option<OffsetDateTime>,
}

/// What happened when a delivery was attempted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Delivered {
        status: u16,
    },
    /// Try again at `at`.
    Retry {
        at: OffsetDateTime,
        status: Option<u16>,
        error: String,
    },
    /// No more retries.
    Dead {
        status: Option<u16>,
        error: String,
    },
    /// The endpoint answered `410 Gone`: disable it and stop.
    Gone,
}
