//! `baton`: the handoff broker for AI agents.

mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // One TLS stack, ring-based, for every outbound HTTPS client (webhooks, bench).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
