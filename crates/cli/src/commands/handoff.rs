//! `baton handoff export ID` and `baton handoff import FILE`: a handoff as a
//! `handoff.json` file, through a running server's API (so the file is exactly
//! what the caller may see: redacted for its receiver policy, and audited).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct Target {
    /// The Baton server.
    #[arg(long, env = "BATON_URL", default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// An agent secret or the admin token.
    #[arg(long, env = "BATON_TOKEN", hide_env_values = true)]
    pub token: String,
}

#[derive(Debug, Subcommand)]
pub enum HandoffCommand {
    /// Write a handoff's context package, as you may see it, to a file.
    Export {
        id: String,
        /// Where to write it.
        #[arg(long, short, default_value = "handoff.json")]
        out: PathBuf,
        #[command(flatten)]
        target: Target,
    },
    /// Create a conversation and a handoff from a `handoff.json` (needs an AI agent's secret).
    Import {
        file: PathBuf,
        #[command(flatten)]
        target: Target,
    },
}

impl Target {
    /// GETs `path` (with its query) from the server; the body, or an error naming
    /// the URL, the status and what the server said.
    pub async fn get(&self, path: &str) -> anyhow::Result<String> {
        let url = format!("{}{path}", self.url.trim_end_matches('/'));
        let res = reqwest::Client::new()
            .get(&url)
            .bearer_auth(&self.token)
            .send()
            .await
            .with_context(|| format!("GET {url}"))?;
        let status = res.status();
        let body = res.text().await?;
        if !status.is_success() {
            bail!("GET {url} answered {status}: {body}");
        }
        Ok(body)
    }
}

pub fn run(cmd: HandoffCommand) -> anyhow::Result<ExitCode> {
    super::runtime()?.block_on(async {
        let http = reqwest::Client::new();
        match cmd {
            HandoffCommand::Export { id, out, target } => {
                let body = target.get(&format!("/v1/handoffs/{id}/context")).await?;
                std::fs::write(&out, body).with_context(|| format!("writing {}", out.display()))?;
                println!("wrote {}", out.display());
            }
            HandoffCommand::Import { file, target } => {
                let body =
                    std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
                let url = format!(
                    "{}/v1/conversations/import",
                    target.url.trim_end_matches('/')
                );
                let res = http
                    .post(&url)
                    .bearer_auth(&target.token)
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .with_context(|| format!("POST {url}"))?;
                let status = res.status();
                let v: serde_json::Value = res.json().await.unwrap_or_default();
                if !status.is_success() {
                    bail!("{}: {status}: {}", file.display(), v);
                }
                println!(
                    "imported as conversation {} with handoff {}",
                    v["conversation"]["id"].as_str().unwrap_or("?"),
                    v["handoff"]["id"].as_str().unwrap_or("?")
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
