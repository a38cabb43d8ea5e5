//! Desk sign-in: argon2 passwords, a session cookie (HttpOnly, SameSite=Strict,
//! Secure behind HTTPS) and a CSRF token every state-changing call must echo.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use baton_core::{Actor, AgentId, AgentKind, Presence};
use rand::RngCore as _;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq as _;
use utoipa::ToSchema;

use super::throttle::Refused;
use crate::AppState;
use crate::auth::{random_part, sha256};
use crate::extract::ApiJson;
use crate::problem::Problem;

pub(super) const COOKIE: &str = "baton_desk";
const CSRF_HEADER: &str = "x-csrf-token";
/// How long a desk session lasts: one long shift.
const SESSION_HOURS: i64 = 12;

/// A fresh random token (256 bits, URL-safe base64).
pub fn new_token() -> String {
    random_part()
}

/// An argon2id PHC string for `password`, with a random salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt)?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a PHC string; a malformed hash never matches.
fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

type Check = (String, String, tokio::sync::oneshot::Sender<bool>);

/// Password checks run on two dedicated threads. Argon2 takes 19 MiB per check; on
/// tokio's blocking pool each of up to hundreds of threads kept its own copy in its
/// allocator arena (900 MB after 200 sign-ins). Two threads also cap the CPU a burst
/// of sign-ins can take from everything else.
fn checker() -> &'static std::sync::mpsc::SyncSender<Check> {
    static CHECKER: std::sync::OnceLock<std::sync::mpsc::SyncSender<Check>> =
        std::sync::OnceLock::new();
    CHECKER.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Check>(256);
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..2 {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("baton-password-{i}"))
                .spawn(move || {
                    loop {
                        let job = match rx.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => return,
                        };
                        let Ok((password, phc, reply)) = job else {
                            return;
                        };
                        let _ = reply.send(verify_password(&password, &phc));
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a password-check thread");
            }
        }
        tx
    })
}

/// Whether `password` matches `phc`, checked off the async runtime.
async fn check_password(password: String, phc: String) -> bool {
    let (reply, answer) = tokio::sync::oneshot::channel();
    let queue = checker().clone();
    let queued = match queue.try_send((password, phc, reply)) {
        Ok(()) => true,
        // A flood of sign-ins: wait for room on a blocking thread, not here.
        Err(std::sync::mpsc::TrySendError::Full(job)) => {
            tokio::task::spawn_blocking(move || queue.send(job).is_ok())
                .await
                .unwrap_or(false)
        }
        Err(std::sync::mpsc::TrySendError::Disconnected(_)) => false,
    };
    queued && answer.await.unwrap_or(false)
}

/// The signed-in desk user behind a request. State-changing requests must also carry
/// the session's CSRF token in `X-CSRF-Token`.
#[derive(Clone, Debug)]
pub struct DeskCaller {
    pub username: String,
    pub name: String,
    pub agent: AgentId,
    pub presence: Presence,
    pub csrf: String,
    pub expires_at: time::OffsetDateTime,
    pub(super) token_hash: [u8; 32],
}

impl DeskCaller {
    pub fn actor(&self) -> Actor {
        Actor::Agent {
            id: self.agent,
            kind: AgentKind::Human,
        }
    }
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == COOKIE && !v.is_empty()).then(|| v.to_owned())
        })
}

fn signed_out() -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "desk-signed-out",
        "Signed out",
        "no desk session, or it expired",
    )
    .hint("sign in at /desk")
}

impl FromRequestParts<AppState> for DeskCaller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let token = session_token(&parts.headers).ok_or_else(signed_out)?;
        let token_hash = sha256(&token);
        let session = state
            .store
            .desk_session(token_hash)
            .await?
            .ok_or_else(signed_out)?;
        // A user removed from the routing file (no password any more) is signed out.
        let user = state
            .store
            .desk_user(&session.username)
            .await?
            .filter(|u| u.password_hash.is_some())
            .ok_or_else(signed_out)?;
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .map(HeaderValue::as_bytes)
                .unwrap_or_default();
            if !bool::from(sent.ct_eq(session.csrf.as_bytes())) {
                return Err(Problem::forbidden(
                    "the request lacks this session's CSRF token",
                )
                .hint("send the `csrf` value from /desk/api/login or /desk/api/me in an `X-CSRF-Token` header"));
            }
        }
        Ok(DeskCaller {
            username: user.username,
            name: user.name,
            agent: user.agent_id,
            presence: user.presence,
            csrf: session.csrf,
            expires_at: session.expires_at,
            token_hash,
        })
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeskUserView {
    pub username: String,
    pub name: String,
    pub queues: Vec<String>,
    pub presence: Presence,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignedIn {
    pub user: DeskUserView,
    pub csrf: String,
}

fn view(state: &AppState, username: &str, name: &str, presence: Presence) -> DeskUserView {
    DeskUserView {
        username: username.to_owned(),
        name: name.to_owned(),
        queues: state
            .router
            .routing()
            .user(username)
            .map(|u| u.queues.clone())
            .unwrap_or_default(),
        presence,
    }
}

fn cookie(state: &AppState, value: &str, max_age: i64) -> Result<HeaderValue, Problem> {
    let secure = state
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    let text = format!(
        "{COOKIE}={value}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    );
    // The value is Baton's own base64url token, so this holds; were it ever not to,
    // the sign-in fails loudly instead of sending an empty cookie.
    HeaderValue::from_str(&text).map_err(|e| {
        tracing::error!(error = %e, "a session cookie could not be encoded");
        Problem::internal()
    })
}

/// A verification that takes as long as a real one, for unknown users.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$8JvB7mOsJZr3e1OybI2cV5ktFV8cDTVHiuRkZ0uqD2k";

/// Signs a desk user in: sets the session cookie, returns the CSRF token to send
/// back in `X-CSRF-Token`, and sets the user online.
#[utoipa::path(post, path = "/desk/api/login", tag = "desk", request_body = Login,
    responses((status = 200, body = SignedIn), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn login(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Login>,
) -> Result<Response, Problem> {
    let username = body.username.trim().to_owned();
    // The slot is taken before the password is checked: parallel guesses count.
    let attempt = state.sign_in_throttle.begin(&username).map_err(|refused| {
        let (detail, wait) = match refused {
            Refused::Locked(wait) => ("too many failed sign-ins for this username", wait),
            Refused::Busy(wait) => ("too many failed sign-ins on this server", wait),
        };
        Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "desk-sign-in-throttled",
            "Too many failed sign-ins",
            format!("{detail}; try again in {} s", wait.as_secs().max(1)),
        )
    })?;
    let user = state.store.desk_user(&username).await?;
    let phc = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_owned());
    let ok = check_password(body.password, phc).await;
    let user = match user {
        Some(u) if ok && u.password_hash.is_some() => u,
        _ => {
            attempt.failed();
            tracing::info!("desk sign-in refused");
            return Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "desk-sign-in-failed",
                "Sign-in failed",
                "wrong username or password",
            ));
        }
    };
    attempt.succeeded();
    let token = new_token();
    let csrf = new_token();
    let expires = baton_core::now() + time::Duration::hours(SESSION_HOURS);
    state
        .store
        .create_desk_session(sha256(&token), &user.username, &csrf, expires)
        .await?;
    state
        .store
        .set_presence(
            user.agent_id,
            Presence::Online,
            Actor::Agent {
                id: user.agent_id,
                kind: AgentKind::Human,
            },
        )
        .await?;
    state
        .router
        .presence_changed(user.agent_id, Presence::Online);
    tracing::info!(user = %user.username, "desk user signed in");
    let body = SignedIn {
        user: view(&state, &user.username, &user.name, Presence::Online),
        csrf,
    };
    Ok((
        [(
            header::SET_COOKIE,
            cookie(&state, &token, SESSION_HOURS * 3600)?,
        )],
        Json(body),
    )
        .into_response())
}

/// The signed-in desk user and the session's CSRF token.
#[utoipa::path(get, path = "/desk/api/me", tag = "desk", security(("desk_session" = [])),
    responses((status = 200, body = SignedIn), (status = 401, body = Problem)))]
pub async fn me(State(state): State<AppState>, caller: DeskCaller) -> Json<SignedIn> {
    Json(SignedIn {
        user: view(&state, &caller.username, &caller.name, caller.presence),
        csrf: caller.csrf,
    })
}

/// Ends the session and sets the user offline (their pending offers move on).
#[utoipa::path(post, path = "/desk/api/logout", tag = "desk", security(("desk_session" = [])),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn logout(
    State(state): State<AppState>,
    caller: DeskCaller,
) -> Result<Response, Problem> {
    state.store.delete_desk_session(caller.token_hash).await?;
    step(&state, &caller, Presence::Offline).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cookie(&state, "", 0)?)],
    )
        .into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPresence {
    pub presence: Presence,
}

/// Online, away or offline; stepping away withdraws the offers pending for the user.
#[utoipa::path(post, path = "/desk/api/presence", tag = "desk", security(("desk_session" = [])),
    request_body = SetPresence,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn presence(
    State(state): State<AppState>,
    caller: DeskCaller,
    ApiJson(body): ApiJson<SetPresence>,
) -> Result<StatusCode, Problem> {
    step(&state, &caller, body.presence).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records a presence change and lets the router and the desks know, including the
/// handoffs whose offers were withdrawn because the user stepped away.
async fn step(state: &AppState, caller: &DeskCaller, presence: Presence) -> Result<(), Problem> {
    let withdrawn = state
        .store
        .set_presence(caller.agent, presence, caller.actor())
        .await?;
    for id in withdrawn {
        state.router.changed(id);
    }
    state.router.presence_changed(caller.agent, presence);
    Ok(())
}
