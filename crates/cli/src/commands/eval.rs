//! `baton replay` and `baton eval`: measure the rule engine on data.

use std::fs::File;
use std::io::{BufReader, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    #[default]
    Text,
    /// JSON: one object per line, the summary object last.
    Json,
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// Transcripts, JSON Lines: one conversation per line.
    pub file: PathBuf,
    /// A rules file; the built-in rules when absent.
    #[arg(long, env = "BATON_RULES")]
    pub rules: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Explicit-request detection over `intent<TAB>flags<TAB>instruction` lines.
    Intents {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Sentiment against a VADER ground-truth file (`id<TAB>mean<TAB>text`).
    Sentiment {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn open(path: &PathBuf) -> anyhow::Result<(BufReader<File>, u64)> {
    let f = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    Ok((BufReader::new(f), len))
}

pub fn replay(args: ReplayArgs) -> anyhow::Result<ExitCode> {
    let rules = super::rules::load(args.rules.as_deref())?;
    let (reader, len) = open(&args.file)?;
    // The bar draws on stderr and hides itself when stderr is not a terminal.
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let report = baton_rules::replay(&rules, reader, |read| bar.set_position(read))
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    bar.finish_and_clear();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => write!(out, "{report}")?,
        Format::Json => {
            for row in &report.conversations {
                writeln!(out, "{}", serde_json::to_string(row)?)?;
            }
            writeln!(out, "{}", serde_json::to_string(&report.summary)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match cmd {
        EvalCommand::Intents { file, format } => {
            let report = baton_rules::eval_intents(open(&file)?.0)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            match format {
                Format::Text => write!(out, "{report}")?,
                Format::Json => writeln!(out, "{}", serde_json::to_string(&report)?)?,
            }
        }
        EvalCommand::Sentiment { file, format } => {
            let report = baton_rules::eval_sentiment(open(&file)?.0)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            match format {
                Format::Text => write!(out, "{report}")?,
                Format::Json => writeln!(out, "{}", serde_json::to_string(&report)?)?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
