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
        // The reader went away (`baton eval intents … | head`): what it wanted was written,
        // so the command ends quietly, as other command-line tools do.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader has closed.
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
