//! `baton handoffs check FILE`: validate a `handoffs.yaml`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use baton_voice::Handoffs;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum HandoffsCommand {
    /// Validate a handoffs file and print one line per definition (exit 1 with file, line, column and field on an error).
    Check {
        /// The handoffs file (YAML).
        file: PathBuf,
    },
}

pub fn run(cmd: HandoffsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        HandoffsCommand::Check { file } => match Handoffs::load(&file) {
            Ok(h) => {
                for d in h.definitions() {
                    let mut line = format!("{{{{ho:{}}}}}: {}", d.name, d.target.describe());
                    if d.is_default {
                        line.push_str(", the default");
                    }
                    if !d.sip_headers.is_empty() {
                        let keys: Vec<&str> =
                            d.sip_headers.iter().map(|h| h.key.as_str()).collect();
                        line.push_str(&format!(", headers {}", keys.join(", ")));
                    }
                    if let Some(f) = &d.fallback {
                        line.push_str(&format!(", falls back to {{{{ho:{f}}}}}"));
                    }
                    println!("{line}");
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
        },
    }
}

/// The definitions `serve` uses: a file when given, else none.
pub fn load(file: Option<&Path>) -> anyhow::Result<Handoffs> {
    match file {
        Some(path) => Handoffs::load(path).map_err(|e| anyhow::anyhow!("{e}")),
        None => Ok(Handoffs::none()),
    }
}
