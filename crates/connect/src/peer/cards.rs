//! A2A agents a routing file names by their card URL (`{agent: https://…/agent-card.json}`):
//! Baton keeps each as a connection of kind `a2a`, so the router offers to it and the
//! peer worker pushes and follows exactly as for a connection made with
//! `baton connections add --kind a2a`. It is saved at start without a handshake (the
//! agent may be down then); its card is fetched, checked and cached at the first push.

use baton_core::Actor;
use baton_store::{Connection, ConnectionChange, NewConnection, Store, StoreError};

use super::worker::A2A;
use crate::secrets::SecretBox;

/// Why a card agent could not be kept as a connection.
#[derive(Debug, thiserror::Error)]
pub enum CardAgentError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "connection `{0}` exists and is not the A2A agent at this card URL; remove it or rename it"
    )]
    Taken(String),
}

/// Saves (or brings up to date) the connection `name` for the agent whose card is at
/// `url`, with `token` as its Bearer token (empty: no credentials). The token is
/// sealed at rest; a changed token is stored as a rotation (audited).
pub async fn ensure_card_agent(
    store: &dyn Store,
    secrets: &SecretBox,
    name: &str,
    url: &str,
    token: &str,
) -> Result<Connection, CardAgentError> {
    match store.connection(name).await? {
        Some(c) if c.kind != A2A || c.url != url => Err(CardAgentError::Taken(name.to_owned())),
        Some(c) => {
            let same = secrets
                .open(&c.secret)
                .is_ok_and(|s| s.as_slice() == token.as_bytes());
            if same {
                return Ok(c);
            }
            Ok(store
                .update_connection(
                    name,
                    ConnectionChange::Rotated(secrets.seal(token.as_bytes())),
                    Actor::System,
                )
                .await?)
        }
        None => Ok(store
            .create_connection(
                NewConnection {
                    name: name.to_owned(),
                    kind: A2A.to_owned(),
                    remote_agent: url.to_owned(),
                    url: url.to_owned(),
                    secret: secrets.seal(token.as_bytes()),
                },
                Actor::System,
            )
            .await?),
    }
}
