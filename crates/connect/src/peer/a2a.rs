//! Connections of kind `a2a`: any agent that speaks Agent2Agent (v1.0, JSON-RPC),
//! found by its agent card. Baton is the A2A client: it sends the package as a
//! message (a text part with the summary, a data part `{"baton_handoff": package}`),
//! follows the task it starts by polling `GetTask`, forwards the customer's later
//! turns as messages on that task, and maps the task's states onto the handoff.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::client::{PeerError, base_url};
use crate::a2a::jsonrpc::{self, Request, Response};
use crate::a2a::{
    AGENT_CARD_PATH, AgentCard, GetTaskRequest, Message, PROTOCOL_VERSION, Part, Role,
    SendMessageRequest, SendMessageResponse, Task, TaskIdRequest, TaskState, VERSION_HEADER,
};
use crate::webhook::guard::GuardedResolver;

/// How long a fetched card is trusted before it is fetched again.
const CARD_TTL: Duration = Duration::from_secs(300);

/// The card URL of a domain or URL as people write it: a URL ending in `.json` is the
/// card itself; otherwise the card is at the well-known path under it.
pub fn card_url(domain: &str, allow_private: bool) -> Result<String, PeerError> {
    let base = base_url(domain, allow_private)?;
    Ok(if base.ends_with(".json") {
        base
    } else {
        format!("{base}{AGENT_CARD_PATH}")
    })
}

/// What the handoff's state becomes, given the task's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mapped {
    /// Not taken yet.
    Waiting,
    /// The agent works on it (or waits for the customer): the offer is accepted.
    Taken,
    /// Done: the handoff is resolved.
    Done,
    /// Refused, failed or canceled: the offer is declined (or, once taken, handed back).
    Ended,
}

pub fn map_state(state: TaskState) -> Mapped {
    match state {
        TaskState::Unspecified | TaskState::Submitted => Mapped::Waiting,
        TaskState::Working | TaskState::InputRequired | TaskState::AuthRequired => Mapped::Taken,
        TaskState::Completed => Mapped::Done,
        TaskState::Failed | TaskState::Canceled | TaskState::Rejected => Mapped::Ended,
    }
}

/// The agent's words on a task, oldest first, each once: its messages in the
/// history, the status message, and (once finished) its artifacts' text.
pub fn agent_messages(task: &Task) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let status = task.status.message.iter();
    for m in task.history.iter().chain(status) {
        if m.role == Role::Agent && seen.insert(m.message_id.clone()) {
            let text = m.text();
            if !text.trim().is_empty() {
                out.push(text);
            }
        }
    }
    if task.status.state.is_terminal() {
        for a in &task.artifacts {
            let text: Vec<&str> = a.parts.iter().filter_map(|p| p.text.as_deref()).collect();
            if !text.is_empty() {
                out.push(text.join("\n"));
            }
        }
    }
    out
}

/// The message that carries a handoff to an A2A agent.
pub fn handoff_message(handoff: &str, summary: Option<&str>, package: Value) -> Message {
    Message {
        message_id: format!("baton-{}", uuid::Uuid::now_v7()),
        role: Role::User,
        parts: vec![
            Part::text(
                summary.unwrap_or("A conversation handed over by Baton; the package is attached."),
            ),
            Part::data(json!({ "baton_handoff": package })),
        ],
        metadata: Some(serde_json::Map::from_iter([(
            "baton_handoff_id".to_owned(),
            Value::String(handoff.to_owned()),
        )])),
        ..Message::default()
    }
}

/// An A2A JSON-RPC client behind the SSRF guard, with a card cache.
#[derive(Debug)]
pub struct A2aClient {
    http: reqwest::Client,
    allow_private: bool,
    cards: Mutex<HashMap<String, (String, Instant)>>,
}

impl A2aClient {
    pub fn new(allow_private: bool, timeout: Duration) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .dns_resolver(GuardedResolver::shared(allow_private))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(timeout)
            .user_agent(concat!("Baton/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            allow_private,
            cards: Mutex::default(),
        })
    }

    /// Fetches and checks an agent card: it must offer JSON-RPC for A2A 1.x at an
    /// address this deployment may reach.
    pub async fn card(&self, domain: &str) -> Result<(AgentCard, String), PeerError> {
        let url = card_url(domain, self.allow_private)?;
        let not_a2a = |why: String| PeerError::NotA2a {
            url: url.clone(),
            why,
        };
        let res = self
            .http
            .get(&url)
            .header(VERSION_HEADER, PROTOCOL_VERSION)
            .send()
            .await
            .map_err(|e| PeerError::Unreachable {
                url: url.clone(),
                why: super::client::chain(&e),
            })?;
        let status = res.status();
        if !status.is_success() {
            return Err(not_a2a(format!("the card URL answered {status}")));
        }
        let card: AgentCard = res
            .json()
            .await
            .map_err(|e| not_a2a(format!("the card cannot be read: {e}")))?;
        let endpoint = card
            .jsonrpc_url()
            .ok_or_else(|| not_a2a("the card offers no JSON-RPC interface for A2A 1.x".into()))?;
        let endpoint = base_url(endpoint, self.allow_private)?;
        if let Ok(mut cache) = self.cards.lock() {
            cache.insert(domain.to_owned(), (endpoint.clone(), Instant::now()));
        }
        Ok((card, endpoint))
    }

    /// The JSON-RPC endpoint of the agent at `domain`, from the cached card.
    pub async fn endpoint(&self, domain: &str) -> Result<String, PeerError> {
        let cached = self.cards.lock().ok().and_then(|c| {
            c.get(domain)
                .filter(|(_, at)| at.elapsed() < CARD_TTL)
                .map(|(e, _)| e.clone())
        });
        match cached {
            Some(e) => Ok(e),
            None => Ok(self.card(domain).await?.1),
        }
    }

    async fn rpc<T: DeserializeOwned>(
        &self,
        endpoint: &str,
        token: &str,
        method: &str,
        params: impl Serialize,
    ) -> Result<T, PeerError> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut req = self
            .http
            .post(endpoint)
            .header(VERSION_HEADER, PROTOCOL_VERSION)
            .json(&Request::new(id, method, params));
        if !token.is_empty() {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.map_err(|e| PeerError::Unreachable {
            url: endpoint.to_owned(),
            why: super::client::chain(&e),
        })?;
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        let parsed: Response = serde_json::from_str(&text).map_err(|_| PeerError::Failed {
            url: endpoint.to_owned(),
            status: status.as_u16(),
            detail: format!(
                "not a JSON-RPC response: {}",
                text.chars().take(200).collect::<String>()
            ),
        })?;
        let result = parsed.into_result().map_err(|e| PeerError::Refused {
            status: status.as_u16(),
            slug: format!("a2a{}", e.code),
            what: match e.kind() {
                Some(jsonrpc::ErrorCode::TaskNotFound) => "task not found",
                _ => "the A2A agent refused",
            },
            detail: e.message,
        })?;
        serde_json::from_value(result).map_err(|e| PeerError::Failed {
            url: endpoint.to_owned(),
            status: status.as_u16(),
            detail: format!("{method}: an unexpected result: {e}"),
        })
    }

    pub async fn send(
        &self,
        endpoint: &str,
        token: &str,
        message: Message,
    ) -> Result<SendMessageResponse, PeerError> {
        self.rpc(
            endpoint,
            token,
            jsonrpc::method::SEND_MESSAGE,
            SendMessageRequest {
                message,
                ..SendMessageRequest::default()
            },
        )
        .await
    }

    pub async fn get_task(&self, endpoint: &str, token: &str, id: &str) -> Result<Task, PeerError> {
        self.rpc(
            endpoint,
            token,
            jsonrpc::method::GET_TASK,
            GetTaskRequest {
                id: id.to_owned(),
                ..GetTaskRequest::default()
            },
        )
        .await
    }

    pub async fn cancel(&self, endpoint: &str, token: &str, id: &str) -> Result<Value, PeerError> {
        self.rpc(
            endpoint,
            token,
            jsonrpc::method::CANCEL_TASK,
            TaskIdRequest {
                id: id.to_owned(),
                ..TaskIdRequest::default()
            },
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::a2a::TaskStatus;

    #[test]
    fn card_urls_states_and_agent_words() {
        assert_eq!(
            card_url("agents.example.com", false).unwrap(),
            "https://agents.example.com/.well-known/agent-card.json"
        );
        assert_eq!(
            card_url("https://agents.example.com/bots/card.json", false).unwrap(),
            "https://agents.example.com/bots/card.json"
        );
        assert!(card_url("http://10.0.0.1/", false).is_err());
        assert_eq!(map_state(TaskState::InputRequired), Mapped::Taken);
        assert_eq!(map_state(TaskState::Rejected), Mapped::Ended);
        let said = |id: &str, role, text: &str| Message {
            message_id: id.into(),
            role,
            parts: vec![Part::text(text)],
            ..Message::default()
        };
        let task = Task {
            history: vec![
                said("1", Role::User, "hi"),
                said("2", Role::Agent, "I read it"),
            ],
            status: TaskStatus {
                state: TaskState::Completed,
                message: Some(said("3", Role::Agent, "Done")),
                timestamp: None,
            },
            artifacts: vec![crate::a2a::Artifact {
                artifact_id: "a".into(),
                parts: vec![Part::text("resolution: reset")],
                ..Default::default()
            }],
            ..Task::default()
        };
        assert_eq!(
            agent_messages(&task),
            ["I read it", "Done", "resolution: reset"]
        );
    }
}
