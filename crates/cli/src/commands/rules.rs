//! `baton rules check [FILE]` and `baton rules schema`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate a rules file and print what each rule will do (exit 1 with file, line and field on an error).
    Check {
        /// The rules file (YAML); the built-in rules when absent.
        file: Option<PathBuf>,
    },
    /// Print the JSON Schema of the rules file.
    Schema,
}

pub fn run(cmd: RulesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        RulesCommand::Check { file } => match file.as_deref().map_or_else(
            || Ok(baton_rules::RuleSet::builtin().describe()),
            baton_rules::check,
        ) {
            Ok(rules) => {
                let name = file.as_ref().map_or_else(
                    || "the built-in rules".to_owned(),
                    |f| f.display().to_string(),
                );
                println!("{name}: {} rules, in the order of precedence", rules.len());
                println!("precedence: {}", baton_rules::PRECEDENCE);
                println!("every rule that fires is listed in the decision, the winner first");
                for r in rules {
                    println!("{r}");
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
        },
        RulesCommand::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&baton_rules::rules_json_schema())?
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The rule set `serve` and `replay` use: a file when given, else the built-in one.
pub fn load(file: Option<&std::path::Path>) -> anyhow::Result<baton_rules::RuleSet> {
    match file {
        Some(path) => baton_rules::RuleSet::load(path).map_err(|e| anyhow::anyhow!("{e}")),
        None => Ok(baton_rules::RuleSet::builtin()),
    }
}
