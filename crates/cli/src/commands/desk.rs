//! `baton desk hash-password`, `baton routing check FILE` and `baton feedback export`.

use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Subcommand;

use super::handoff::Target;

#[derive(Debug, Subcommand)]
pub enum DeskCommand {
    /// Read a password on standard input and print its argon2 hash for a routing file's
    /// `password_hash`.
    HashPassword,
}

#[derive(Debug, Subcommand)]
pub enum RoutingCommand {
    /// Validate a routing file: exit 0 with a summary, or 1 naming file, line and field.
    Check { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum FeedbackCommand {
    /// Write every feedback entry (verdicts, resolution codes, edits) with its handoff's
    /// facts as JSON Lines, through a running server (admin token).
    Export {
        /// Only feedback received at or after this time (RFC 3339).
        #[arg(long)]
        since: Option<String>,
        /// Where to write; standard output when absent.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[command(flatten)]
        target: Target,
    },
}

pub fn desk(cmd: DeskCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DeskCommand::HashPassword => {
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            if password.chars().count() < 8 {
                bail!("the password is shorter than 8 characters; choose a longer one");
            }
            let hash = baton_server::desk::hash_password(password)
                .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
            println!("{hash}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn routing(cmd: RoutingCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        RoutingCommand::Check { file } => match baton_route::Routing::load(&file) {
            Ok(r) => {
                println!(
                    "{}: ok — {} queues, {} desk users, failsafe queue `{}`",
                    file.display(),
                    r.queues().count(),
                    r.users().len(),
                    r.failsafe
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
        },
    }
}

pub fn feedback(cmd: FeedbackCommand) -> anyhow::Result<ExitCode> {
    let FeedbackCommand::Export { since, out, target } = cmd;
    super::runtime()?.block_on(async {
        let mut path = "/v1/feedback/export".to_owned();
        if let Some(since) = &since {
            time::OffsetDateTime::parse(since, &time::format_description::well_known::Rfc3339)
                .with_context(|| format!("--since {since} is not an RFC 3339 time"))?;
            path = format!("{path}?since={}", since.replace('+', "%2B"));
        }
        let body = target.get(&path).await?;
        match out {
            Some(path) => {
                std::fs::write(&path, &body)
                    .with_context(|| format!("writing {}", path.display()))?;
                eprintln!(
                    "wrote {} entries to {}",
                    body.lines().count(),
                    path.display()
                );
            }
            None => print!("{body}"),
        }
        Ok(ExitCode::SUCCESS)
    })
}
