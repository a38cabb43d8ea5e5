//! The subcommands, one module each.

pub mod audit;
pub mod bench;
pub mod bench_a2a;
pub mod bench_desk;
pub mod bench_sip;
pub mod bench_webhooks;
pub mod connections;
pub mod context;
pub mod desk;
pub mod eval;
pub mod handoff;
pub mod handoffs;
pub mod outbox;
pub mod rules;
pub mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "baton", version, about = "The handoff broker for AI agents")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the broker: HTTP API, docs page and rule engine.
    Serve(Box<serve::ServeArgs>),
    /// Drive simulated conversations through request → accept → resolve and report throughput and latency.
    Bench(bench::BenchArgs),
    /// Check the tamper-evident audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Validate rules files and print their schema.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Replay transcripts through the rules: decisions, and precision/recall/F1 against `expect` labels.
    Replay(eval::ReplayArgs),
    /// Measure a signal on a labelled data set.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Webhook deliveries: list them, retry a dead one.
    #[command(subcommand)]
    Outbox(outbox::OutboxCommand),
    /// Export a handoff to a `handoff.json`, or import one.
    #[command(subcommand)]
    Handoff(handoff::HandoffCommand),
    /// The context package: its schema, and checking receivers files.
    #[command(subcommand)]
    Context(context::ContextCommand),
    /// The human desk: password hashes for the routing file.
    #[command(subcommand)]
    Desk(desk::DeskCommand),
    /// Validate routing files (queues, filters, targets, desk users).
    #[command(subcommand)]
    Routing(desk::RoutingCommand),
    /// Feedback on handoffs, exported as JSON Lines for tuning.
    #[command(subcommand)]
    Feedback(desk::FeedbackCommand),
    /// Connected agents on other platforms (another Baton): add, list, verify, rotate, disable.
    #[command(subcommand)]
    Connections(connections::ConnectionsCommand),
    /// Handoff definitions (`handoffs.yaml`): validate a file.
    #[command(subcommand)]
    Handoffs(handoffs::HandoffsCommand),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve(args) => serve::run(*args),
        Command::Bench(args) => bench::run(args),
        Command::Audit(cmd) => audit::run(cmd),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Replay(args) => eval::replay(args),
        Command::Eval(cmd) => eval::eval(cmd),
        Command::Context(cmd) => context::run(cmd),
        Command::Handoff(cmd) => handoff::run(cmd),
        Command::Outbox(cmd) => outbox::run(cmd),
        Command::Desk(cmd) => desk::desk(cmd),
        Command::Routing(cmd) => desk::routing(cmd),
        Command::Feedback(cmd) => desk::feedback(cmd),
        Command::Connections(cmd) => connections::run(cmd),
        Command::Handoffs(cmd) => handoffs::run(cmd),
    }
}

/// A multi-threaded runtime sized for the machine.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}
