//! `baton outbox list|retry`: the operator's view of webhook deliveries, through
//! a running server's API.

use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Subcommand;

use super::handoff::Target;

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// List deliveries, newest first (dead ones by default).
    List {
        /// pending, delivered or dead.
        #[arg(long, default_value = "dead")]
        state: String,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[command(flatten)]
        target: Target,
    },
    /// Send a dead delivery again, now, with the same webhook-id.
    Retry {
        /// The delivery id (`msg_…`).
        id: String,
        #[command(flatten)]
        target: Target,
    },
}

pub fn run(cmd: OutboxCommand) -> anyhow::Result<ExitCode> {
    super::runtime()?.block_on(async {
        let http = reqwest::Client::new();
        let (req, target) = match &cmd {
            OutboxCommand::List {
                state,
                limit,
                target,
            } => (
                http.get(format!(
                    "{}/v1/deliveries?state={state}&limit={limit}",
                    target.url.trim_end_matches('/')
                )),
                target,
            ),
            OutboxCommand::Retry { id, target } => (
                http.post(format!(
                    "{}/v1/deliveries/{id}/retry",
                    target.url.trim_end_matches('/')
                )),
                target,
            ),
        };
        let res = req
            .bearer_auth(&target.token)
            .send()
            .await
            .context("calling the server")?;
        let status = res.status();
        let v: serde_json::Value = res.json().await.unwrap_or_default();
        if !status.is_success() {
            bail!(
                "{status}: {}",
                v["detail"].as_str().unwrap_or(&v.to_string())
            );
        }
        match cmd {
            OutboxCommand::List { .. } => {
                let list = v["deliveries"].as_array().cloned().unwrap_or_default();
                for d in &list {
                    println!(
                        "{}  {:<20} {:<9} attempts {:<2} {}",
                        d["id"].as_str().unwrap_or("?"),
                        d["topic"].as_str().unwrap_or("?"),
                        d["state"].as_str().unwrap_or("?"),
                        d["attempts"],
                        d["last_error"].as_str().unwrap_or("")
                    );
                }
                println!("{} deliveries", list.len());
            }
            OutboxCommand::Retry { id, .. } => println!("{id} queued again"),
        }
        Ok(ExitCode::SUCCESS)
    })
}
