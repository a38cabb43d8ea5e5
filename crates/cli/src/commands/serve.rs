//! `baton serve`: the broker.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use baton_connect::secrets::SecretBox;
use baton_connect::webhook::{DeliveryWorker, WorkerConfig};
use baton_core::{Agent, AgentId, AgentKind, Channel, Customer};
use baton_server::auth::{new_admin_token, new_agent_secret, sha256};
use baton_server::{AppState, NoRules, TurnEvaluator};
use baton_store::{Durability, NewConversation, SqliteStore, Store};
use clap::{Args, ValueEnum};
use tokio::net::TcpListener;

/// The database file inside the data directory.
pub const DB_FILE: &str = "baton.db";
const ADMIN_HASH_KEY: &str = "admin_token_sha256";
/// How often handoffs pushed to other Batons are followed.
const PEER_POLL: std::time::Duration = std::time::Duration::from_millis(250);

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DurabilityArg {
    /// An acknowledged write survives a crash or kill of the Baton process (default).
    ProcessCrash,
    /// An acknowledged write also survives an OS crash or power loss (fsync per commit).
    PowerLoss,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "BATON_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Directory for the database (created if missing).
    #[arg(long, env = "BATON_DATA", default_value = ".")]
    pub data: PathBuf,
    /// Also create a demo AI agent, a demo desk agent and a demo conversation, and print curl commands.
    #[arg(long, env = "BATON_DEMO")]
    pub demo: bool,
    /// What an acknowledged write survives.
    #[arg(
        long,
        env = "BATON_DURABILITY",
        value_enum,
        default_value = "process-crash"
    )]
    pub durability: DurabilityArg,
    /// Rules file deciding handoffs on every turn; the built-in customer-support rules when absent.
    #[arg(long, env = "BATON_RULES")]
    pub rules: Option<PathBuf>,
    /// Routing file: queues, filters, targets and desk users (YAML); one `default` queue when absent.
    #[arg(long, env = "BATON_ROUTING")]
    pub routing: Option<PathBuf>,
    /// Redaction policies and field mappings per receiver (YAML); the strict default when absent.
    #[arg(long, env = "BATON_RECEIVERS")]
    pub receivers: Option<PathBuf>,
    /// Baton's public URL, for links in context packages; `http://LISTEN` when absent.
    #[arg(long, env = "BATON_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Largest artifact accepted, in bytes.
    #[arg(long, env = "BATON_ARTIFACT_MAX_BYTES", default_value_t = 10 * 1024 * 1024)]
    pub artifact_max_bytes: usize,
    /// Open connections allowed per client IP address; more are closed at once.
    #[arg(long, env = "BATON_MAX_CONNECTIONS_PER_IP", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections_per_ip: u32,
    /// Seconds a client has to send a request head; idle kept-alive connections close after it too.
    #[arg(long, env = "BATON_HEADER_TIMEOUT", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
    /// Turn off the rule engine: only explicit handoff requests start handoffs.
    #[arg(long, env = "BATON_NO_RULES", conflicts_with = "rules")]
    pub no_rules: bool,
    /// Let webhooks target private and loopback addresses (tests, internal networks).
    #[arg(long, env = "BATON_ALLOW_PRIVATE_WEBHOOKS")]
    pub allow_private_webhooks: bool,
    /// Seconds one webhook attempt may take.
    #[arg(long, env = "BATON_WEBHOOK_TIMEOUT", default_value_t = 10.0)]
    pub webhook_timeout: f64,
    /// Multiplies the webhook retry schedule (tests use a small factor).
    #[arg(
        long,
        env = "BATON_WEBHOOK_RETRY_SCALE",
        default_value_t = 1.0,
        hide = true
    )]
    pub webhook_retry_scale: f64,
    /// Milliseconds to wait for a database lock held by another process before answering 503.
    #[arg(
        long,
        env = "BATON_DB_BUSY_TIMEOUT_MS",
        default_value_t = 5000,
        hide = true
    )]
    pub db_busy_timeout_ms: u64,
    /// Cap the database file at this many pages (4 KiB each): a quota, or a full disk in tests.
    #[arg(long, env = "BATON_DB_MAX_PAGES", hide = true)]
    pub db_max_pages: Option<u64>,
    /// Handoff definitions (`handoffs.yaml`) that `{{ho:name}}` destinations and rules name.
    #[arg(long, env = "BATON_HANDOFFS")]
    pub handoffs: Option<PathBuf>,
    /// SIP listener (UDP and TCP) for voice calls, e.g. `0.0.0.0:5060`; port 0 picks a free port.
    #[arg(long, env = "BATON_SIP", requires = "voice_bot")]
    pub sip: Option<SocketAddr>,
    /// Where incoming calls are bridged: the voice bot's SIP URI, e.g. `sip:bot@10.0.0.5:5070`.
    #[arg(long, env = "BATON_VOICE_BOT")]
    pub voice_bot: Option<String>,
    /// Milliseconds a REFER may take to reach a final NOTIFY before the fallback is tried.
    #[arg(
        long,
        env = "BATON_SIP_NOTIFY_TIMEOUT_MS",
        default_value_t = 30_000,
        hide = true
    )]
    pub sip_notify_timeout_ms: u64,
    /// Log format on stderr.
    #[arg(long, env = "BATON_LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format);
    // A typo in the MCP tool list must not silently switch tools off.
    baton_server::mcp::enabled_tools(std::env::var(baton_server::mcp::TOOLS_ENV).ok().as_deref())
        .map_err(anyhow::Error::msg)?;
    super::runtime()?.block_on(serve(args))?;
    Ok(ExitCode::SUCCESS)
}

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("BATON_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// An artifact's file is written before its row, so a crash (or a refused row) can
/// leave a file nothing refers to. At each start, in the background, files without a
/// row that are older than an hour are removed.
fn collect_orphan_artifacts(store: Arc<dyn Store>, blobs: baton_store::blobs::BlobStore) {
    tokio::spawn(async move {
        let referenced = match store.artifact_digests().await {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, "could not list artifacts; orphans kept");
                return;
            }
        };
        let min_age = std::time::Duration::from_secs(3600);
        match tokio::task::spawn_blocking(move || blobs.collect_orphans(&referenced, min_age)).await
        {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::info!(
                removed = n,
                "removed artifact files no attachment refers to"
            ),
            Ok(Err(e)) => tracing::warn!(error = %e, "collecting orphan artifacts failed"),
            Err(e) => tracing::warn!(error = %e, "collecting orphan artifacts failed"),
        }
    });
}

/// Creates the data directory readable by its owner only (0700): it holds every
/// conversation. An existing directory others can read is left as it is, with a
/// warning, since the operator may have chosen that on purpose.
fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("creating data directory {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            tracing::warn!(
                dir = %dir.display(),
                mode = format!("{:o}", mode & 0o777),
                "the data directory can be read by other local users; `chmod 700` it"
            );
        }
    }
    Ok(())
}

/// Creates `path` as an empty owner-only (0600) file if it does not exist yet.
fn create_private_file(path: &Path) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    Ok(())
}

/// Holds an exclusive lock on the data directory: two Baton processes on one
/// SQLite file would each believe they are its only writer.
fn lock_data_dir(data: &Path) -> anyhow::Result<std::fs::File> {
    let path = data.join("baton.lock");
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    file.try_lock().map_err(|_| {
        anyhow::anyhow!(
            "another Baton process is using {}; stop it or pass a different --data directory",
            data.display()
        )
    })?;
    Ok(file)
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let receivers = Arc::new(match &args.receivers {
        Some(path) => super::context::load_receivers(path)?,
        None => baton_core::Receivers::default(),
    });
    let mut routing = match &args.routing {
        Some(path) => baton_route::Routing::load_with(
            path,
            baton_route::LoadOptions {
                allow_plain_http: args.allow_private_webhooks,
            },
        )?,
        None => baton_route::Routing::default(),
    };
    // A desk user to log in as, with a fresh password each start.
    let demo_password = if args.demo {
        let password = baton_server::desk::new_token();
        routing.add_user(baton_route::DeskUserConfig {
            username: "demo".into(),
            name: "Demo Agent".into(),
            password_hash: Some(baton_server::desk::hash_password(&password)?),
            queues: routing.queues().map(|q| q.name.clone()).collect(),
            skills: routing
                .queues()
                .flat_map(|q| q.skills.iter().cloned())
                .collect(),
            capacity: Default::default(),
        });
        Some(password)
    } else {
        None
    };
    let routing = Arc::new(routing);
    // Refuse a bad rules file before touching anything else.
    let evaluator: Arc<dyn TurnEvaluator> = if args.no_rules {
        Arc::new(NoRules)
    } else {
        // The signals' tables build in the background while the server starts.
        std::thread::spawn(baton_rules::warm_up);
        Arc::new(super::rules::load(args.rules.as_deref())?)
    };
    let handoffs = Arc::new(super::handoffs::load(args.handoffs.as_deref())?);
    // A rules file's `{{ho:name}}` targets must name a definition.
    if let (Some(rules), false, false) = (&args.rules, args.no_rules, handoffs.is_empty()) {
        let text = std::fs::read_to_string(rules)
            .with_context(|| format!("reading {}", rules.display()))?;
        baton_rules::config::check_handoff_refs(&rules.display().to_string(), &text, &|name| {
            handoffs.get(name).is_some()
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    create_private_dir(&args.data)?;
    let _lock = lock_data_dir(&args.data)?;
    let db = args.data.join(DB_FILE);
    // SQLite gives the WAL and shared-memory files the database file's mode, so
    // creating the file owner-only first keeps all three private.
    create_private_file(&db)?;
    let durability = match args.durability {
        DurabilityArg::ProcessCrash => Durability::ProcessCrash,
        DurabilityArg::PowerLoss => Durability::PowerLoss,
    };
    let busy = std::time::Duration::from_millis(args.db_busy_timeout_ms);
    let sqlite = SqliteStore::open_limited(&db, durability, busy, args.db_max_pages)
        .await
        .with_context(|| format!("opening database {}", db.display()))?;
    let store: Arc<dyn Store> = Arc::new(sqlite.clone());

    let admin_token_hash = admin_token(store.as_ref()).await?;
    let secrets = Arc::new(
        SecretBox::load_or_create(
            &args.data,
            std::env::var("BATON_SECRET_KEY").ok().as_deref(),
        )
        .context("loading the sealing key for webhook secrets")?,
    );
    // A2A agents the routing file names by card URL are kept as connections.
    for (url, var) in routing.card_agents() {
        let token = match var {
            Some(var) => std::env::var(var)
                .ok()
                .filter(|t| !t.trim().is_empty())
                .with_context(|| {
                    format!(
                        "the routing file gives {url} a Bearer token in ${var}, which is not set"
                    )
                })?,
            None => String::new(),
        };
        let name = baton_route::card_connection_name(url);
        baton_connect::peer::cards::ensure_card_agent(store.as_ref(), &secrets, &name, url, &token)
            .await
            .with_context(|| format!("keeping the A2A agent at {url} as connection {name}"))?;
    }
    anyhow::ensure!(
        args.webhook_timeout > 0.0 && args.webhook_timeout <= 300.0,
        "--webhook-timeout must be between 0 and 300 seconds"
    );
    anyhow::ensure!(
        args.webhook_retry_scale.is_finite() && (0.0..=1000.0).contains(&args.webhook_retry_scale),
        "BATON_WEBHOOK_RETRY_SCALE must be a number between 0 and 1000"
    );
    let worker = DeliveryWorker::new(
        store.clone(),
        secrets.clone(),
        WorkerConfig {
            allow_private: args.allow_private_webhooks,
            request_timeout: std::time::Duration::from_secs_f64(args.webhook_timeout),
            retry_scale: args.webhook_retry_scale,
            ..WorkerConfig::default()
        },
    )
    .context("building the webhook client")?;
    let deliveries = worker.waker();
    let router = baton_route::Router::new(store.clone(), routing);
    router
        .sync_desk_users()
        .await
        .context("storing the routing file's desk users")?;

    let blobs =
        baton_store::blobs::BlobStore::new(&args.data.join("artifacts"), args.artifact_max_bytes);
    collect_orphan_artifacts(store.clone(), blobs.clone());
    let listener = TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    let addr = listener.local_addr()?;
    let calls = Arc::new(baton_voice::runtime::CallDirectory::default());
    let voice = match (args.sip, &args.voice_bot) {
        (Some(sip), Some(bot)) => Some(
            start_voice(
                sip,
                bot,
                args.sip_notify_timeout_ms,
                store.clone(),
                router.clone(),
                handoffs.clone(),
                calls.clone(),
                deliveries.clone(),
            )
            .await?,
        ),
        _ => None,
    };
    let state = AppState {
        store: store.clone(),
        admin_token_hash,
        evaluator,
        secrets,
        allow_private_webhooks: args.allow_private_webhooks,
        deliveries,
        receivers: receivers.clone(),
        blobs: blobs.clone(),
        public_url: Some(
            args.public_url
                .clone()
                .unwrap_or_else(|| format!("http://{addr}"))
                .trim_end_matches('/')
                .to_owned(),
        ),
        feed: baton_server::desk::Feed::start(store.clone(), router.clone(), receivers.clone()),
        router: router.clone(),
        sign_in_throttle: Arc::default(),
        handoffs: handoffs.clone(),
        calls: calls.clone(),
    };
    println!("listening on http://{addr}");
    println!("desk:         http://{addr}/desk");
    println!("API docs:     http://{addr}/docs  (OpenAPI: http://{addr}/openapi.json)");
    println!("database:     {}", db.display());
    if let Some((sip, agent, secret)) = &voice {
        println!("sip:          {sip} (UDP and TCP)");
        match secret {
            Some(secret) => println!(
                "voice agent:  {agent} secret {secret}\n              (shown once; the voice bot posts turns with it)"
            ),
            None => println!("voice agent:  {agent}"),
        }
    }
    if args.demo {
        demo(store.as_ref(), &router, addr, demo_password.as_deref()).await?;
    }
    tracing::info!(%addr, "serving");

    // Baton to Baton: pushes offers made to connected agents and follows them.
    let peer_worker = baton_connect::peer::worker::PeerWorker::new(
        store.clone(),
        state.secrets.clone(),
        baton_connect::peer::client::PeerClient::new(
            args.allow_private_webhooks,
            std::time::Duration::from_secs_f64(args.webhook_timeout),
        )
        .context("building the Baton-to-Baton client")?,
        baton_connect::peer::a2a::A2aClient::new(
            args.allow_private_webhooks,
            std::time::Duration::from_secs_f64(args.webhook_timeout),
        )
        .context("building the A2A client")?,
        Arc::new(baton_server::Packages(state.clone())),
        {
            let router = router.clone();
            Arc::new(move |id| router.changed(id))
        },
        PEER_POLL,
    );
    // A changed handoff may be an offer to a connected agent: push it now.
    let peer_wake = peer_worker.waker();
    let mut routed = router.subscribe();
    tokio::spawn(async move {
        loop {
            match routed.recv().await {
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    peer_wake.notify_one();
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    });
    let (stop_peers, peers_stopped) = tokio::sync::oneshot::channel::<()>();
    let peers = tokio::spawn(peer_worker.run(async {
        let _ = peers_stopped.await;
    }));
    // Webhook events carry the handoff's summary, redacted per endpoint.
    let worker = worker.with_summaries(Arc::new(baton_server::Packages(state.clone())));
    let app = baton_server::router(state);
    let (stop_worker, worker_stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(worker.run(async {
        let _ = worker_stopped.await;
    }));
    let (stop_router, router_stopped) = tokio::sync::watch::channel(false);
    let routing_task = tokio::spawn(router.clone().run(router_stopped));
    let limits = baton_server::listen::ConnectionLimits {
        head_timeout: std::time::Duration::from_secs(args.header_timeout),
        per_address: args.max_connections_per_ip as usize,
    };
    baton_server::listen::serve(listener, app, limits, shutdown_signal()).await?;
    // Requests are drained; let the webhook attempts in flight finish and be recorded.
    let _ = stop_worker.send(());
    let _ = stop_router.send(true);
    let _ = stop_peers.send(());
    let _ = worker.await;
    let _ = routing_task.await;
    let _ = peers.await;
    sqlite.close().await;
    tracing::info!("shut down; in-flight requests finished");
    Ok(())
}

/// The admin token's hash: from `BATON_ADMIN_TOKEN`, or generated on first start and
/// printed once. Only the hash is stored.
async fn admin_token(store: &dyn Store) -> anyhow::Result<[u8; 32]> {
    if let Ok(token) = std::env::var("BATON_ADMIN_TOKEN") {
        anyhow::ensure!(
            token.len() >= 16,
            "BATON_ADMIN_TOKEN is shorter than 16 characters; use a long random value"
        );
        return Ok(sha256(&token));
    }
    if let Some(hex) = store.setting(ADMIN_HASH_KEY).await? {
        println!(
            "admin token:  set at first start (only its hash is stored); set BATON_ADMIN_TOKEN to use another"
        );
        return decode_hex32(&hex).context("the stored admin token hash is corrupt");
    }
    let token = new_admin_token();
    let hex = encode_hex(&sha256(&token));
    let stored = store.init_setting(ADMIN_HASH_KEY, &hex).await?;
    anyhow::ensure!(
        stored == hex,
        "another process initialised the admin token concurrently"
    );
    println!("admin token:  {token}");
    println!("              (shown once; only its hash is stored)");
    Ok(sha256(&token))
}

fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode_hex32(hex: &str) -> anyhow::Result<[u8; 32]> {
    anyhow::ensure!(hex.len() == 64, "expected 64 hex digits");
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16)?;
    }
    Ok(out)
}

/// Demo agents and a conversation, with commands to try.
async fn demo(
    store: &dyn Store,
    router: &baton_route::Router,
    addr: SocketAddr,
    password: Option<&str>,
) -> anyhow::Result<()> {
    let bot = register(store, "demo-bot", AgentKind::Ai).await?;
    let desk = register(store, "demo-desk", AgentKind::Human).await?;
    store
        .set_memberships(desk.0, router.routing().default_queues())
        .await?;
    let conv = store
        .create_conversation(NewConversation {
            channel: Channel::Chat,
            customer: Customer {
                id: Some("cust-42".into()),
                name: Some("Ada Lovelace".into()),
                data: serde_json::Map::from_iter([("plan".to_owned(), "pro".into())]),
            },
            ai_agent: bot.0,
        })
        .await?;
    let base = format!("http://{addr}/v1");
    println!();
    println!("demo AI agent:   {} (secret {})", bot.0, bot.1);
    println!("demo desk agent: {} (secret {})", desk.0, desk.1);
    if let Some(password) = password {
        println!("demo desk login: http://{addr}/desk  user `demo`, password `{password}`");
    }
    println!();
    println!("# the customer asks for a person; the rules decide a handoff:");
    println!(
        "curl -s -X POST {base}/conversations/{}/turns -H 'Authorization: Bearer {}' -H 'Content-Type: application/json' -d '{{\"role\":\"customer\",\"text\":\"this is useless, let me talk to a real person\"}}'",
        conv.id, bot.1
    );
    println!("# or the AI hands off explicitly:");
    println!(
        "curl -s -X POST {base}/conversations/{}/handoffs -H 'Authorization: Bearer {}' -H 'Content-Type: application/json' -d '{{\"reason\":\"manual\",\"destination\":\"support\",\"utterance\":\"Let me get you a colleague.\"}}'",
        conv.id, bot.1
    );
    println!("# the desk sees it and accepts it:");
    println!(
        "curl -s '{base}/handoffs?state=requested' -H 'Authorization: Bearer {}'",
        desk.1
    );
    println!(
        "curl -s -X POST {base}/handoffs/HANDOFF_ID/accept -H 'Authorization: Bearer {}'",
        desk.1
    );
    println!();
    Ok(())
}

async fn register(
    store: &dyn Store,
    name: &str,
    kind: AgentKind,
) -> anyhow::Result<(AgentId, String)> {
    let agent = Agent {
        id: AgentId::new(),
        name: name.to_owned(),
        kind,
        created_at: baton_core::now(),
    };
    let secret = new_agent_secret(agent.id);
    store
        .create_agent(&agent, sha256(&secret), Vec::new())
        .await?;
    Ok((agent.id, secret))
}

/// Resolves on SIGINT or SIGTERM; axum then stops accepting and drains in-flight requests.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}

/// Starts the SIP side: the B2BUA on `sip`, bridging calls to `bot`, and the runtime that
/// turns calls into conversations and voice handoffs into transfers. Returns the SIP
/// address, the voice agent and, on the first start, its secret.
#[allow(clippy::too_many_arguments)]
async fn start_voice(
    sip: SocketAddr,
    bot: &str,
    notify_timeout_ms: u64,
    store: Arc<dyn Store>,
    router: Arc<baton_route::Router>,
    handoffs: Arc<baton_voice::Handoffs>,
    directory: Arc<baton_voice::runtime::CallDirectory>,
    deliveries: Arc<tokio::sync::Notify>,
) -> anyhow::Result<(SocketAddr, AgentId, Option<String>)> {
    const KEY: &str = "voice.agent_id";
    let (voice_agent, secret) = match store.setting(KEY).await? {
        Some(id) => (id.parse().context("the stored voice agent id")?, None),
        None => {
            let agent = Agent {
                id: AgentId::new(),
                name: "voice-bot".into(),
                kind: AgentKind::Ai,
                created_at: baton_core::now(),
            };
            let secret = new_agent_secret(agent.id);
            store
                .create_agent(&agent, sha256(&secret), Vec::new())
                .await?;
            store.init_setting(KEY, &agent.id.to_string()).await?;
            (agent.id, Some(secret))
        }
    };
    let (events_tx, events) = tokio::sync::mpsc::channel(4096);
    let b2bua = baton_voice::sip::b2bua::start(
        sip,
        baton_voice::sip::b2bua::Config {
            bot_uri: bot.to_owned(),
            notify_timeout: std::time::Duration::from_millis(notify_timeout_ms),
        },
        events_tx,
    )
    .await
    .with_context(|| format!("starting the SIP listener on {sip}"))?;
    let local = b2bua.local;
    let runtime = baton_voice::runtime::Voice {
        store,
        router,
        handoffs,
        directory,
        b2bua,
        voice_agent,
        deliveries,
    };
    tokio::spawn(runtime.run(events));
    Ok((local, voice_agent, secret))
}
