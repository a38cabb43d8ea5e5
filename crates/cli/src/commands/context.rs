//! `baton context schema` and `baton context check FILE` (receivers: redaction and mapping).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use baton_core::{ContextConfigError, Receivers};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ContextCommand {
    /// Print the JSON Schema of `baton.context/v1`.
    Schema,
    /// Validate a receivers file (redaction policies and field mappings per receiver).
    Check {
        /// The receivers file (YAML).
        file: PathBuf,
    },
}

pub fn run(cmd: ContextCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        ContextCommand::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&baton_core::context_json_schema())?
            );
            Ok(ExitCode::SUCCESS)
        }
        ContextCommand::Check { file } => match load_receivers(&file) {
            Ok(_) => {
                println!("{}: valid", file.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("{e:#}");
                Ok(ExitCode::FAILURE)
            }
        },
    }
}

/// Loads a receivers file; errors name the file, the line and the field.
pub fn load_receivers(path: &Path) -> anyhow::Result<Receivers> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Receivers::from_yaml(&text).map_err(|e| {
        let line = line_of(&text, &e)
            .map(|l| format!(":{l}"))
            .unwrap_or_default();
        anyhow::anyhow!("{}{line}: {e}", path.display())
    })
}

/// The line a configuration error is about: the parser's own position for syntax
/// errors, else the line where the field's path leads in the YAML text.
fn line_of(text: &str, e: &ContextConfigError) -> Option<usize> {
    if let ContextConfigError::Parse { message, .. } = e
        && let Some(l) = message.split("line ").nth(1).and_then(|r| {
            r.split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
        })
    {
        return Some(l);
    }
    // Walk `receivers.desk.redaction.patterns[0].regex` key by key through the text.
    let mut from = 0;
    let mut found = None;
    let lines: Vec<&str> = text.lines().collect();
    for seg in e.field().split('.') {
        let key = seg.split('[').next().unwrap_or(seg).trim_matches('"');
        if key.is_empty() {
            continue;
        }
        let hit = lines.iter().enumerate().skip(from).find(|(_, l)| {
            let t = l
                .trim_start()
                .trim_start_matches("- ")
                .trim_start_matches('{')
                .trim_start();
            t.starts_with(&format!("{key}:"))
                || t.starts_with(&format!("\"{key}\":"))
                || l.contains(&format!(" {key}:"))
                || l.contains(&format!("{{{key}:"))
        });
        if let Some((i, _)) = hit {
            found = Some(i + 1);
            from = i;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_of_the_field() {
        let text = "receivers:\n  desk:\n    redaction:\n      patterns:\n        - name: x\n          regex: \"([\"\n";
        let e = Receivers::from_yaml(text).unwrap_err();
        assert_eq!(line_of(text, &e), Some(6), "{e}");
    }
}
