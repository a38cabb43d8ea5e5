//! `baton bench --desk`: how fast an offer reaches the desk.
//!
//! Starts a server with a routing file of N desk users (one queue, big capacity),
//! signs every user in and opens one desk WebSocket each, then triggers handoffs with
//! a customer turn the rules escalate. Each handoff is timed from just before its
//! turn is sent to the first upsert carrying an offer on its receiver's socket, and
//! to the moment every socket has received its offered card (the fan-out). The
//! receiver then accepts it on the desk API, and a customer turn posted to the
//! conversation is timed until it reaches the receiver's socket (the live chat).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use futures_util::StreamExt as _;
use hdrhistogram::Histogram;
use serde::Deserialize;
use serde::Serialize;
use serde::de::IgnoredAny;
use serde_json::json;
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::{HeaderValue, header};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use super::bench::{BenchArgs, Client, id_of, ms, rss_mb, start_server};

const PASSWORD: &str = "bench-desk-password";
/// A line the built-in rules escalate at once.
const TRIGGER: &str = "I want to talk to a human agent now";
/// Handoffs triggered first and left out of the figures (caches, prepared statements).
const WARMUP: usize = 10;
/// How long one handoff may take to reach every desk before the run fails.
const PATIENCE: Duration = Duration::from_secs(10);

/// What `--desk` measured.
#[derive(Debug, Serialize)]
pub struct DeskReport {
    pub sessions: usize,
    pub handoffs: usize,
    pub concurrency: usize,
    pub seconds: f64,
    /// Turn sent → the offer's upsert on its receiver's WebSocket.
    pub desk_offer_p50_ms: f64,
    pub desk_offer_p99_ms: f64,
    pub desk_offer_max_ms: f64,
    /// Turn sent → every session has received the offered card.
    pub desk_fanout_p50_ms: f64,
    pub desk_fanout_p99_ms: f64,
    pub desk_fanout_max_ms: f64,
    /// A customer turn posted after the accept → that turn on the socket of the desk
    /// holding the conversation.
    pub desk_turn_p50_ms: f64,
    pub desk_turn_p99_ms: f64,
    pub desk_turn_max_ms: f64,
    /// Turn sent → the first upsert of the handoff on any session (listed, before the offer).
    pub desk_listed_p50_ms: f64,
    pub desk_listed_p99_ms: f64,
    /// The turn's HTTP response.
    pub turn_p50_ms: f64,
    pub turn_p99_ms: f64,
    /// CPU (user + system) per measured handoff (its offer, accept and one customer
    /// turn), of the server and of this client (which reads every session's socket):
    /// on a small machine the two compete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_cpu_ms_per_handoff: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_cpu_ms_per_handoff: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_loaded_rss_mb: Option<f64>,
}

impl fmt::Display for DeskReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "desk: {} sessions, {} handoffs, {} at a time, {:.2} s",
            self.sessions, self.handoffs, self.concurrency, self.seconds
        )?;
        writeln!(
            f,
            "{:<26} {:>9} {:>9} {:>9}",
            "from the turn to", "p50 ms", "p99 ms", "max ms"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, p50: f64, p99: f64, max: Option<f64>| {
            let max = max.map_or_else(|| "-".to_owned(), |m| format!("{m:.3}"));
            writeln!(f, "{name:<26} {p50:>9.3} {p99:>9.3} {max:>9}")
        };
        row(f, "turn response", self.turn_p50_ms, self.turn_p99_ms, None)?;
        row(
            f,
            "listed on a desk",
            self.desk_listed_p50_ms,
            self.desk_listed_p99_ms,
            None,
        )?;
        row(
            f,
            "offer on its desk",
            self.desk_offer_p50_ms,
            self.desk_offer_p99_ms,
            Some(self.desk_offer_max_ms),
        )?;
        row(
            f,
            "customer turn on its desk",
            self.desk_turn_p50_ms,
            self.desk_turn_p99_ms,
            Some(self.desk_turn_max_ms),
        )?;
        row(
            f,
            "on every desk",
            self.desk_fanout_p50_ms,
            self.desk_fanout_p99_ms,
            Some(self.desk_fanout_max_ms),
        )?;
        if let Some(cpu) = self.server_cpu_ms_per_handoff {
            write!(f, "CPU per handoff: server {cpu:.2} ms")?;
        }
        if let Some(cpu) = self.client_cpu_ms_per_handoff {
            write!(f, ", bench client {cpu:.2} ms")?;
        }
        if let Some(rss) = self.server_loaded_rss_mb {
            write!(f, "; server RSS after the run: {rss:.1} MB")?;
        }
        Ok(())
    }
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.desk_sessions > 0 && args.desk_handoffs > 0 && args.desk_concurrency > 0,
        "--desk-sessions, --desk-handoffs and --desk-concurrency must be at least 1"
    );
    let report = super::runtime()?.block_on(measure(args))?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}

/// When a handoff reached the desks, as the sockets saw it.
#[derive(Default)]
struct Track {
    /// The first upsert on any session.
    listed: Option<Instant>,
    /// The first upsert with an offer (on the receiver's session).
    offer: Option<Instant>,
    /// The session the offer went to.
    receiver: Option<usize>,
    /// Sessions that have received the card in state `offered`.
    offered_on: usize,
    latest: Option<Instant>,
    /// When the last of them did.
    everywhere: Option<Instant>,
}

struct Tracker {
    sessions: usize,
    tracks: Mutex<HashMap<String, Track>>,
    /// When each (handoff, turn seq) first reached a desk.
    turns: Mutex<HashMap<(String, i64), Instant>>,
    done: Notify,
}

#[derive(Deserialize)]
struct FeedMessage {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    item: Option<CardView>,
    #[serde(default)]
    handoff_id: Option<String>,
    #[serde(default)]
    turn: Option<TurnView>,
}

#[derive(Deserialize)]
struct TurnView {
    seq: i64,
}

#[derive(Deserialize)]
struct CardView {
    id: String,
    state: String,
    #[serde(default)]
    offer: Option<IgnoredAny>,
}

impl Tracker {
    fn seen(&self, session: usize, card: CardView, at: Instant, counted: &mut HashSet<String>) {
        let Ok(mut tracks) = self.tracks.lock() else {
            return;
        };
        let first_offered = card.state == "offered" && counted.insert(card.id.clone());
        let t = tracks.entry(card.id).or_default();
        t.listed = Some(t.listed.map_or(at, |l| l.min(at)));
        let mut wake = false;
        if card.offer.is_some() && t.offer.is_none_or(|o| at < o) {
            wake = t.offer.is_none();
            t.offer = Some(at);
            t.receiver = Some(session);
        }
        if first_offered {
            t.offered_on += 1;
            t.latest = Some(t.latest.map_or(at, |l| l.max(at)));
            if t.offered_on == self.sessions {
                t.everywhere = t.latest;
                wake = true;
            }
        }
        drop(tracks);
        if wake {
            self.done.notify_waiters();
        }
    }

    fn turn(&self, handoff: String, seq: i64, at: Instant) {
        if let Ok(mut turns) = self.turns.lock() {
            turns.entry((handoff, seq)).or_insert(at);
        }
        self.done.notify_waiters();
    }

    /// The session the handoff was offered to.
    fn receiver(&self, id: &str) -> Option<usize> {
        self.tracks.lock().ok()?.get(id)?.receiver
    }

    /// When the turn `seq` of `handoff` reached a desk.
    async fn wait_turn(&self, handoff: &str, seq: i64) -> anyhow::Result<Instant> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        let key = (handoff.to_owned(), seq);
        loop {
            let notified = self.done.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(at) = self
                .turns
                .lock()
                .map_err(|_| anyhow::anyhow!("tracker poisoned"))?
                .get(&key)
            {
                return Ok(*at);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                bail!(
                    "turn {seq} of handoff {handoff} did not reach the desk holding it within {} s",
                    PATIENCE.as_secs()
                );
            }
        }
    }

    /// The handoff's offer and fan-out instants, once both happened.
    async fn wait(&self, id: &str) -> anyhow::Result<(Instant, Instant, Instant)> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let notified = self.done.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            {
                let tracks = self
                    .tracks
                    .lock()
                    .map_err(|_| anyhow::anyhow!("tracker poisoned"))?;
                if let Some(t) = tracks.get(id)
                    && let (Some(listed), Some(offer), Some(all)) =
                        (t.listed, t.offer, t.everywhere)
                {
                    return Ok((listed, offer, all));
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let tracks = self
                    .tracks
                    .lock()
                    .map_err(|_| anyhow::anyhow!("tracker poisoned"))?;
                let t = tracks.get(id);
                bail!(
                    "handoff {id} did not reach every desk within {} s: offer seen {}, \
                     offered card on {} of {} sessions",
                    PATIENCE.as_secs(),
                    t.is_some_and(|t| t.offer.is_some()),
                    t.map_or(0, |t| t.offered_on),
                    self.sessions
                );
            }
        }
    }
}

fn routing_file(users: usize, hash: &str) -> String {
    let mut yaml = String::from(
        "offer_timeout: 1h\nqueues: [{name: support}]\n\
         default: {targets: [{queue: support, timeout: 1h}]}\nusers:\n",
    );
    for i in 0..users {
        yaml.push_str(&format!(
            "  - username: u{i:03}\n    password_hash: \"{hash}\"\n    queues: [support]\n    \
             capacity: {{chat: 100000}}\n"
        ));
    }
    yaml
}

/// A signed-in desk session: its cookie's value and its CSRF token.
struct Session {
    cookie: String,
    csrf: String,
}

/// Signs a desk user in.
async fn sign_in(c: &Client, username: &str) -> anyhow::Result<Session> {
    let res = c
        .http
        .post(format!("{}/desk/api/login", c.base))
        .json(&json!({"username": username, "password": PASSWORD}))
        .send()
        .await?;
    let status = res.status();
    if !status.is_success() {
        bail!("desk sign-in of {username} → {status}");
    }
    let cookie = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.split(';')
                .next()?
                .trim()
                .strip_prefix("baton_desk=")
                .map(str::to_owned)
        })
        .context("desk sign-in without a session cookie")?;
    let body: serde_json::Value = res.json().await?;
    let csrf = body["csrf"]
        .as_str()
        .context("desk sign-in without a CSRF token")?
        .to_owned();
    Ok(Session { cookie, csrf })
}

/// `POST /desk/api/{path}` as a signed-in desk session.
async fn desk_post(c: &Client, s: &Session, path: &str) -> anyhow::Result<()> {
    let res = c
        .http
        .post(format!("{}/desk/api/{path}", c.base))
        .header(header::COOKIE, format!("baton_desk={}", s.cookie))
        .header("x-csrf-token", &s.csrf)
        .send()
        .await?;
    let status = res.status();
    if !status.is_success() {
        bail!("POST /desk/api/{path} → {status}: {}", res.text().await?);
    }
    Ok(())
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens a desk WebSocket and waits for its snapshot: from then on it hears every change.
async fn open_feed(base: &str, cookie: &str) -> anyhow::Result<Socket> {
    let ws_url = format!(
        "ws{}/desk/ws",
        base.strip_prefix("http")
            .context("the server's URL is not http")?
    );
    let mut request = ws_url.into_client_request()?;
    request.headers_mut().insert(
        header::COOKIE,
        HeaderValue::from_str(&format!("baton_desk={cookie}"))?,
    );
    // tungstenite zero-fills its whole read buffer (128 KiB by default) before every
    // read; desk messages are small, and 200 sockets share this machine's CPUs.
    let config = WebSocketConfig::default().read_buffer_size(8 * 1024);
    let (mut ws, _) = tokio_tungstenite::connect_async_with_config(request, Some(config), true)
        .await
        .context("opening the desk WebSocket")?;
    let first = tokio::time::timeout(Duration::from_secs(10), ws.next())
        .await
        .context("no snapshot within 10 s")?
        .context("the desk WebSocket closed")??;
    let Message::Text(text) = first else {
        bail!("the desk WebSocket's first message is not text");
    };
    let m: FeedMessage = serde_json::from_str(&text)?;
    anyhow::ensure!(
        m.kind == "snapshot",
        "the desk WebSocket began with {}",
        m.kind
    );
    Ok(ws)
}

/// Reads one desk's feed until it closes, noting when each card and turn arrives.
async fn follow(session: usize, mut ws: Socket, tracker: Arc<Tracker>) {
    let mut counted = HashSet::new();
    while let Some(Ok(message)) = ws.next().await {
        let at = Instant::now();
        let Message::Text(text) = message else {
            continue;
        };
        let Ok(m) = serde_json::from_str::<FeedMessage>(&text) else {
            continue;
        };
        if m.kind == "upsert"
            && let Some(card) = m.item
        {
            tracker.seen(session, card, at, &mut counted);
        } else if m.kind == "turn"
            && let (Some(h), Some(t)) = (m.handoff_id, m.turn)
        {
            tracker.turn(h, t.seq, at);
        }
    }
}

/// Runs `f(i)` for every `i < n`, `width` at a time.
async fn each<F, Fut, T>(n: usize, width: usize, f: F) -> anyhow::Result<Vec<T>>
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = anyhow::Result<T>> + Send,
    T: Send + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for _ in 0..width.min(n) {
        let (next, f) = (next.clone(), f.clone());
        set.spawn(async move {
            let mut out = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return anyhow::Ok(out);
                }
                out.push((i, f(i).await?));
            }
        });
    }
    let mut all = Vec::with_capacity(n);
    while let Some(done) = set.join_next().await {
        all.extend(done??);
    }
    all.sort_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, t)| t).collect())
}

#[derive(Default)]
struct Samples {
    turn: Vec<u64>,
    listed: Vec<u64>,
    offer: Vec<u64>,
    fanout: Vec<u64>,
    live: Vec<u64>,
}

fn us(from: Instant, to: Instant) -> u64 {
    u64::try_from(to.saturating_duration_since(from).as_micros())
        .unwrap_or(u64::MAX)
        .max(1)
}

/// Triggers one handoff and waits until it is on every desk; its receiver accepts it,
/// and a customer turn is timed to the receiver's desk.
async fn one_handoff(
    c: &Client,
    bot: &str,
    sessions: &[Session],
    tracker: &Tracker,
    samples: &mut Samples,
) -> anyhow::Result<()> {
    let conv = c
        .post(
            "/v1/conversations",
            bot,
            &json!({"channel": "chat", "customer": {"name": "Bench Customer"}}),
        )
        .await?;
    let cid = id_of(&conv)?;
    let body = json!({"role": "customer", "text": TRIGGER});
    let t0 = Instant::now();
    let turn = c
        .post(&format!("/v1/conversations/{cid}/turns"), bot, &body)
        .await?;
    let answered = Instant::now();
    let hid = turn["handoff_id"]
        .as_str()
        .with_context(|| format!("the trigger turn started no handoff: {turn}"))?
        .to_owned();
    let (listed, offer, all) = tracker.wait(&hid).await?;
    samples.turn.push(us(t0, answered));
    samples.listed.push(us(t0, listed));
    samples.offer.push(us(t0, offer));
    samples.fanout.push(us(t0, all));

    let receiver = tracker
        .receiver(&hid)
        .context("no session received the offer")?;
    let session = &sessions[receiver];
    desk_post(c, session, &format!("handoffs/{hid}/read")).await?;
    desk_post(c, session, &format!("handoffs/{hid}/accept")).await?;
    let body = json!({"role": "customer", "text": "Are you still there? I am waiting."});
    let t1 = Instant::now();
    let turn = c
        .post(&format!("/v1/conversations/{cid}/turns"), bot, &body)
        .await?;
    let seq = turn["turn"]["seq"]
        .as_i64()
        .with_context(|| format!("the customer turn has no seq: {turn}"))?;
    let reached = tracker.wait_turn(&hid, seq).await?;
    samples.live.push(us(t1, reached));
    Ok(())
}

fn quantiles(samples: &[u64]) -> anyhow::Result<(f64, f64, f64)> {
    let mut h = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).context("histogram bounds")?;
    for &s in samples {
        h.record(s.min(60_000_000))?;
    }
    Ok((
        ms(h.value_at_quantile(0.5)),
        ms(h.value_at_quantile(0.99)),
        ms(h.max()),
    ))
}

/// User plus system CPU time of a process (all its threads), in milliseconds.
fn cpu_ms(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Clock ticks are 100 per second on every Linux Baton runs on.
    Some((utime + stime) * 10.0)
}

async fn measure(args: &BenchArgs) -> anyhow::Result<DeskReport> {
    let sessions = args.desk_sessions;
    let token = baton_server::auth::new_admin_token();
    let hash = tokio::task::spawn_blocking(|| baton_server::desk::hash_password(PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!("hashing the bench password: {e}"))?;
    let dir = tempfile::tempdir()?;
    let routing = dir.path().join("routing.yaml");
    std::fs::write(&routing, routing_file(sessions, &hash))?;
    let server = start_server(&token, false, Some(&routing)).await?;
    let pid = server.child.id();
    let client = Arc::new(Client {
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(64)
            .build()?,
        base: server.url.clone(),
    });
    let bot = client.register(&token, "bench-bot", "ai").await?;

    // Sign everyone in (argon2: a few at a time) and open their desks.
    let c = client.clone();
    let signed_in = each(sessions, 8, move |i| {
        let c = c.clone();
        async move { sign_in(&c, &format!("u{i:03}")).await }
    })
    .await?;
    let signed_in = Arc::new(signed_in);
    let (base, cs) = (client.base.clone(), signed_in.clone());
    let sockets = each(sessions, 16, move |i| {
        let (base, cs) = (base.clone(), cs.clone());
        async move { open_feed(&base, &cs[i].cookie).await }
    })
    .await?;
    let tracker = Arc::new(Tracker {
        sessions,
        tracks: Mutex::new(HashMap::new()),
        turns: Mutex::new(HashMap::new()),
        done: Notify::new(),
    });
    let mut readers = JoinSet::new();
    for (i, ws) in sockets.into_iter().enumerate() {
        readers.spawn(follow(i, ws, tracker.clone()));
    }

    let mut warm = Samples::default();
    for _ in 0..WARMUP.min(args.desk_handoffs) {
        one_handoff(&client, &bot, &signed_in, &tracker, &mut warm).await?;
    }

    let cpu_before = pid.and_then(cpu_ms);
    let own_before = cpu_ms(std::process::id());
    let started = Instant::now();
    let (c, b, t, ss) = (
        client.clone(),
        bot.clone(),
        tracker.clone(),
        signed_in.clone(),
    );
    let next = Arc::new(AtomicUsize::new(0));
    let n = args.desk_handoffs;
    let workers = args.desk_concurrency.min(n);
    let per_worker = each(workers, workers, move |_| {
        let (c, b, t, ss, next) = (c.clone(), b.clone(), t.clone(), ss.clone(), next.clone());
        async move {
            let mut samples = Samples::default();
            while next.fetch_add(1, Ordering::Relaxed) < n {
                one_handoff(&c, &b, &ss, &t, &mut samples).await?;
            }
            anyhow::Ok(samples)
        }
    })
    .await?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = match (cpu_before, pid.and_then(cpu_ms)) {
        (Some(a), Some(b)) => Some((b - a) / n as f64),
        _ => None,
    };
    let own = match (own_before, cpu_ms(std::process::id())) {
        (Some(a), Some(b)) => Some((b - a) / n as f64),
        _ => None,
    };
    let rss = pid.and_then(rss_mb);
    readers.abort_all();
    drop(server);

    let mut all = Samples::default();
    for s in per_worker {
        all.turn.extend(s.turn);
        all.listed.extend(s.listed);
        all.offer.extend(s.offer);
        all.fanout.extend(s.fanout);
        all.live.extend(s.live);
    }
    let (turn_p50, turn_p99, _) = quantiles(&all.turn)?;
    let (listed_p50, listed_p99, _) = quantiles(&all.listed)?;
    let (offer_p50, offer_p99, offer_max) = quantiles(&all.offer)?;
    let (fan_p50, fan_p99, fan_max) = quantiles(&all.fanout)?;
    let (live_p50, live_p99, live_max) = quantiles(&all.live)?;
    Ok(DeskReport {
        sessions,
        handoffs: n,
        concurrency: args.desk_concurrency.min(n),
        seconds,
        desk_offer_p50_ms: offer_p50,
        desk_offer_p99_ms: offer_p99,
        desk_offer_max_ms: offer_max,
        desk_fanout_p50_ms: fan_p50,
        desk_fanout_p99_ms: fan_p99,
        desk_fanout_max_ms: fan_max,
        desk_turn_p50_ms: live_p50,
        desk_turn_p99_ms: live_p99,
        desk_turn_max_ms: live_max,
        desk_listed_p50_ms: listed_p50,
        desk_listed_p99_ms: listed_p99,
        turn_p50_ms: turn_p50,
        turn_p99_ms: turn_p99,
        server_cpu_ms_per_handoff: cpu,
        client_cpu_ms_per_handoff: own,
        server_loaded_rss_mb: rss,
    })
}
