//! Connections of kind `a2a`: any agent that speaks Agent2Agent (v1.0, JSON-RPC),
//! found by its agent card. Baton is the A2A client: it sends the package as a
//! message (a text part with the summary, a data part `{"baton_handoff": package}`),
//! follows the task it starts — over the stream of `SendStreamingMessage` when the
//! card offers streaming, else by polling `GetTask` with backoff — forwards the
//! customer's later turns as messages on that task, and maps the task's states onto
//! the handoff.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::client::{PeerError, base_url};
use crate::a2a::jsonrpc::{self, Request, Response};
use crate::a2a::{
    AGENT_CARD_PATH, AgentCard, Artifact, GetTaskRequest, Message, PROTOCOL_VERSION, Part, Role,
    SendMessageRequest, SendMessageResponse, StreamResponse, Task, TaskIdRequest, TaskState,
    VERSION_HEADER,
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

/// A task as its stream told it so far: each event applied to the last view.
pub fn apply_event(task: &mut Task, event: StreamResponse) {
    match event {
        StreamResponse::Task(t) => *task = t,
        StreamResponse::Message(m) => task.history.push(m),
        StreamResponse::StatusUpdate(u) => {
            // The message of the status it leaves stays in the history.
            if let Some(m) = task.status.message.take()
                && !task.history.iter().any(|h| h.message_id == m.message_id)
            {
                task.history.push(m);
            }
            task.status = u.status;
        }
        StreamResponse::ArtifactUpdate(v) => {
            let Some(a) = v
                .get("artifact")
                .and_then(|a| serde_json::from_value::<Artifact>(a.clone()).ok())
            else {
                return;
            };
            let append = v.get("append").and_then(Value::as_bool).unwrap_or(false);
            match task
                .artifacts
                .iter_mut()
                .find(|x| x.artifact_id == a.artifact_id)
            {
                Some(x) if append => x.parts.extend(a.parts),
                Some(x) => *x = a,
                None => task.artifacts.push(a),
            }
        }
    }
}

/// The events of one `SendStreamingMessage` answer (server-sent events, each a
/// JSON-RPC response whose result is a [`StreamResponse`]).
pub struct EventStream {
    res: reqwest::Response,
    buf: Vec<u8>,
    url: String,
}

impl EventStream {
    /// The next event; `None` when the stream ended.
    pub async fn next(&mut self) -> Option<Result<StreamResponse, PeerError>> {
        loop {
            if let Some(end) = event_end(&self.buf) {
                let block: Vec<u8> = self.buf.drain(..end).collect();
                let text = String::from_utf8_lossy(&block);
                let data: Vec<&str> = text
                    .lines()
                    .filter_map(|l| l.strip_prefix("data:"))
                    .map(|d| d.strip_prefix(' ').unwrap_or(d))
                    .collect();
                if data.is_empty() {
                    continue;
                }
                return Some(self.parse(&data.join("\n")));
            }
            match self.res.chunk().await {
                Ok(Some(bytes)) => self.buf.extend_from_slice(&bytes),
                Ok(None) => return None,
                Err(e) => {
                    return Some(Err(PeerError::Unreachable {
                        url: self.url.clone(),
                        why: super::client::chain(&e),
                    }));
                }
            }
        }
    }

    fn parse(&self, data: &str) -> Result<StreamResponse, PeerError> {
        let failed = |detail: String| PeerError::Failed {
            url: self.url.clone(),
            status: 200,
            detail,
        };
        let parsed: Response = serde_json::from_str(data)
            .map_err(|_| failed("a stream event is not a JSON-RPC response".to_owned()))?;
        let result = parsed.into_result().map_err(|e| PeerError::Refused {
            status: 200,
            slug: format!("a2a{}", e.code),
            what: "the A2A agent refused",
            detail: e.message,
        })?;
        serde_json::from_value(result)
            .map_err(|e| failed(format!("SendStreamingMessage: an unexpected event: {e}")))
    }
}

/// Where the first event in `buf` ends (past its blank line), if it is complete.
fn event_end(buf: &[u8]) -> Option<usize> {
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// What the cache keeps of a card.
#[derive(Clone, Debug)]
struct CachedCard {
    endpoint: String,
    streaming: bool,
    at: Instant,
}

/// An A2A JSON-RPC client behind the SSRF guard, with a card cache.
#[derive(Debug)]
pub struct A2aClient {
    http: reqwest::Client,
    /// For streams: no limit on the whole answer, only on the silence between events.
    streams: reqwest::Client,
    allow_private: bool,
    cards: Mutex<HashMap<String, CachedCard>>,
}

/// How long a stream may stay silent before Baton stops listening (and polls).
const STREAM_SILENCE: Duration = Duration::from_secs(300);

impl A2aClient {
    pub fn new(allow_private: bool, timeout: Duration) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .dns_resolver(GuardedResolver::shared(allow_private))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(timeout)
            .user_agent(concat!("Baton/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let streams = reqwest::Client::builder()
            .dns_resolver(GuardedResolver::shared(allow_private))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .connect_timeout(timeout)
            .read_timeout(STREAM_SILENCE)
            .user_agent(concat!("Baton/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            streams,
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
        let streaming = card.capabilities.streaming.unwrap_or(false);
        if let Ok(mut cache) = self.cards.lock() {
            cache.insert(
                domain.to_owned(),
                CachedCard {
                    endpoint: endpoint.clone(),
                    streaming,
                    at: Instant::now(),
                },
            );
        }
        Ok((card, endpoint))
    }

    /// The JSON-RPC endpoint of the agent at `domain`, from the cached card.
    pub async fn endpoint(&self, domain: &str) -> Result<String, PeerError> {
        Ok(self.endpoint_and_streaming(domain).await?.0)
    }

    /// The JSON-RPC endpoint of the agent at `domain` and whether its card offers
    /// streaming, from the cached card.
    pub async fn endpoint_and_streaming(&self, domain: &str) -> Result<(String, bool), PeerError> {
        let cached = self.cards.lock().ok().and_then(|c| {
            c.get(domain)
                .filter(|c| c.at.elapsed() < CARD_TTL)
                .map(|c| (c.endpoint.clone(), c.streaming))
        });
        if let Some(c) = cached {
            return Ok(c);
        }
        self.card(domain).await?;
        self.cards
            .lock()
            .ok()
            .and_then(|c| c.get(domain).map(|c| (c.endpoint.clone(), c.streaming)))
            .ok_or_else(|| PeerError::NotA2a {
                url: domain.to_owned(),
                why: "the card could not be kept".to_owned(),
            })
    }

    /// `SendStreamingMessage`: the first event (the task, or a direct message), and
    /// the stream of the ones that follow.
    pub async fn send_streaming(
        &self,
        endpoint: &str,
        token: &str,
        message: Message,
    ) -> Result<(StreamResponse, EventStream), PeerError> {
        let res = post_rpc(
            self.streams
                .post(endpoint)
                .header("accept", "text/event-stream"),
            endpoint,
            token,
            jsonrpc::method::SEND_STREAMING_MESSAGE,
            SendMessageRequest {
                message,
                ..SendMessageRequest::default()
            },
        )
        .await?;
        let status = res.status();
        let is_stream = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        if !is_stream {
            // An error comes as one JSON-RPC response.
            let text = res.text().await.unwrap_or_default();
            let detail = match serde_json::from_str::<Response>(&text).map(Response::into_result) {
                Ok(Err(e)) => {
                    return Err(PeerError::Refused {
                        status: status.as_u16(),
                        slug: format!("a2a{}", e.code),
                        what: "the A2A agent refused",
                        detail: e.message,
                    });
                }
                _ => format!(
                    "SendStreamingMessage: not an event stream: {}",
                    text.chars().take(200).collect::<String>()
                ),
            };
            return Err(PeerError::Failed {
                url: endpoint.to_owned(),
                status: status.as_u16(),
                detail,
            });
        }
        let mut stream = EventStream {
            res,
            buf: Vec::new(),
            url: endpoint.to_owned(),
        };
        match stream.next().await {
            Some(Ok(first)) => Ok((first, stream)),
            Some(Err(e)) => Err(e),
            None => Err(PeerError::Failed {
                url: endpoint.to_owned(),
                status: status.as_u16(),
                detail: "SendStreamingMessage: the stream ended before its first event".to_owned(),
            }),
        }
    }

    async fn rpc<T: DeserializeOwned>(
        &self,
        endpoint: &str,
        token: &str,
        method: &str,
        params: impl Serialize,
    ) -> Result<T, PeerError> {
        let res = post_rpc(self.http.post(endpoint), endpoint, token, method, params).await?;
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

/// Sends one JSON-RPC request of `method` with the A2A version header and, when there is
/// one, the Bearer token; a connection failure names the endpoint.
async fn post_rpc(
    req: reqwest::RequestBuilder,
    endpoint: &str,
    token: &str,
    method: &str,
    params: impl Serialize,
) -> Result<reqwest::Response, PeerError> {
    let id = uuid::Uuid::now_v7().to_string();
    let mut req = req
        .header(VERSION_HEADER, PROTOCOL_VERSION)
        .json(&Request::new(id, method, params));
    if !token.is_empty() {
        req = req.bearer_auth(token);
    }
    req.send().await.map_err(|e| PeerError::Unreachable {
        url: endpoint.to_owned(),
        why: super::client::chain(&e),
    })
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

    #[test]
    fn stream_events_build_the_task_and_frames_split_on_blank_lines() {
        assert_eq!(event_end(b"data: {}\n\ndata: x"), Some(10));
        assert_eq!(event_end(b"data: {}\r\n\r\n"), Some(12));
        assert_eq!(event_end(b"data: {\"partial\""), None);
        let said = |id: &str, text: &str| Message {
            message_id: id.into(),
            role: Role::Agent,
            parts: vec![Part::text(text)],
            ..Message::default()
        };
        let mut task = Task {
            id: "t".into(),
            status: TaskStatus {
                state: TaskState::Submitted,
                ..TaskStatus::default()
            },
            ..Task::default()
        };
        let update = |state, message| {
            StreamResponse::StatusUpdate(crate::a2a::TaskStatusUpdateEvent {
                task_id: "t".into(),
                status: TaskStatus {
                    state,
                    message,
                    timestamp: None,
                },
                ..Default::default()
            })
        };
        apply_event(
            &mut task,
            update(TaskState::Working, Some(said("1", "Looking"))),
        );
        apply_event(
            &mut task,
            update(TaskState::InputRequired, Some(said("2", "Which one?"))),
        );
        apply_event(
            &mut task,
            StreamResponse::ArtifactUpdate(serde_json::json!({
                "taskId": "t", "artifact": {"artifactId": "a", "parts": [{"text": "resolution"}]}
            })),
        );
        apply_event(&mut task, update(TaskState::Completed, None));
        assert_eq!(task.status.state, TaskState::Completed);
        assert_eq!(
            agent_messages(&task),
            ["Looking", "Which one?", "resolution"]
        );
    }
}
