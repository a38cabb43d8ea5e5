//! `baton connections add|list|verify|rotate|disable|enable`: connected agents on
//! other platforms, through a running server's API (admin token).

use std::io::BufRead as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::handoff::Target;

#[derive(Debug, Args)]
pub struct SecretArg {
    /// The secret the other side issued; read from stdin (one line) when absent.
    #[arg(long, env = "BATON_CONNECTION_SECRET", hide_env_values = true)]
    pub secret: Option<String>,
}

impl SecretArg {
    fn get(&self) -> anyhow::Result<String> {
        if let Some(s) = &self.secret {
            return Ok(s.trim().to_owned());
        }
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the secret from stdin")?;
        let line = line.trim().to_owned();
        if line.is_empty() {
            bail!("no secret: pass --secret, set BATON_CONNECTION_SECRET or write it on stdin");
        }
        Ok(line)
    }
}

#[derive(Debug, Subcommand)]
pub enum ConnectionsCommand {
    /// Register an agent on another Baton (or any A2A agent); saved only if a live
    /// handshake (or, for A2A, reading its card) succeeds.
    Add {
        /// What routing files call it (`{agent: NAME}`).
        name: String,
        /// The agent ID the other side issued (optional for `--kind a2a`).
        #[arg(long, default_value = "")]
        agent_id: String,
        /// The other side's domain (https) or base URL; for A2A, its card URL.
        #[arg(long)]
        domain: String,
        /// `baton` (another Baton) or `a2a` (any A2A agent; the secret is an optional Bearer token).
        #[arg(long, default_value = "baton")]
        kind: String,
        #[command(flatten)]
        secret: SecretArg,
        #[command(flatten)]
        target: Target,
    },
    /// List connections.
    List {
        #[command(flatten)]
        target: Target,
    },
    /// Run the handshake again with the stored secret.
    Verify {
        name: String,
        #[command(flatten)]
        target: Target,
    },
    /// Replace the secret (checked by a handshake first).
    Rotate {
        name: String,
        #[command(flatten)]
        secret: SecretArg,
        #[command(flatten)]
        target: Target,
    },
    /// Stop offering it work.
    Disable {
        name: String,
        #[command(flatten)]
        target: Target,
    },
    /// Offer it work again (after a handshake).
    Enable {
        name: String,
        #[command(flatten)]
        target: Target,
    },
}

fn line(c: &Value) -> String {
    format!(
        "{:<24} {:<8} {:<9} agent {}  {}  verified {}",
        c["name"].as_str().unwrap_or("?"),
        c["kind"].as_str().unwrap_or("?"),
        c["state"].as_str().unwrap_or("?"),
        c["agent_id"].as_str().unwrap_or("?"),
        c["url"].as_str().unwrap_or("?"),
        c["verified_at"].as_str().unwrap_or("never"),
    )
}

pub fn run(cmd: ConnectionsCommand) -> anyhow::Result<ExitCode> {
    let (method, path, body, target) = match &cmd {
        ConnectionsCommand::Add {
            name,
            agent_id,
            domain,
            kind,
            secret,
            target,
        } => {
            // An A2A agent may need no token: stdin is only read for a Baton.
            let secret = match (kind.as_str(), &secret.secret) {
                ("a2a", None) => String::new(),
                _ => secret.get()?,
            };
            (
                "POST",
                "/v1/connections".to_owned(),
                Some(
                    json!({"name": name, "kind": kind, "agent_id": agent_id, "domain": domain, "secret": secret}),
                ),
                target,
            )
        }
        ConnectionsCommand::List { target } => ("GET", "/v1/connections".to_owned(), None, target),
        ConnectionsCommand::Verify { name, target } => (
            "POST",
            format!("/v1/connections/{name}/verify"),
            None,
            target,
        ),
        ConnectionsCommand::Rotate {
            name,
            secret,
            target,
        } => (
            "POST",
            format!("/v1/connections/{name}/rotate"),
            Some(json!({"secret": secret.get()?})),
            target,
        ),
        ConnectionsCommand::Disable { name, target } => (
            "POST",
            format!("/v1/connections/{name}/disable"),
            None,
            target,
        ),
        ConnectionsCommand::Enable { name, target } => (
            "POST",
            format!("/v1/connections/{name}/enable"),
            None,
            target,
        ),
    };
    super::runtime()?.block_on(async {
        let http = reqwest::Client::new();
        let url = format!("{}{path}", target.url.trim_end_matches('/'));
        let req = if method == "GET" {
            http.get(url)
        } else {
            http.post(url).json(&body.unwrap_or_else(|| json!({})))
        };
        let res = req
            .bearer_auth(&target.token)
            .send()
            .await
            .context("calling the server")?;
        let status = res.status();
        let v: Value = res.json().await.unwrap_or_default();
        if !status.is_success() {
            let field = v["field"]
                .as_str()
                .map(|f| format!(" (field `{f}`)"))
                .unwrap_or_default();
            bail!(
                "{status}: {}{field}",
                v["detail"].as_str().unwrap_or(&v.to_string())
            );
        }
        match cmd {
            ConnectionsCommand::List { .. } => {
                let list = v["connections"].as_array().cloned().unwrap_or_default();
                for c in &list {
                    println!("{}", line(c));
                }
                println!("{} connections", list.len());
            }
            _ => println!("{}", line(&v)),
        }
        Ok(ExitCode::SUCCESS)
    })
}
