//! Errors of the rules crate. Every problem in a rules file names the file, the line, the
//! column and the field, with a hint on how to fix it.

use std::path::PathBuf;

/// Why rules could not be loaded, or an evaluation input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// A rules file could not be read at all.
    #[error("{path}: cannot read the rules file: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A rules file was read but is not valid.
    #[error("{file}:{line}:{column}: `{field}`: {message}\n  hint: {hint}")]
    Invalid {
        file: String,
        /// 1-based; 0 when the parser could not tell.
        line: usize,
        /// 1-based; 0 when the parser could not tell.
        column: usize,
        /// The dotted path of the field, e.g. `rules[2].when[0].regex`.
        field: String,
        message: String,
        hint: String,
    },
    /// An evaluation input (transcript, TSV) has a malformed line.
    #[error("line {line}: {message}")]
    Input { line: u64, message: String },
    /// An evaluation input could not be read.
    #[error("reading the input: {0}")]
    Io(#[from] std::io::Error),
}

impl RulesError {
    /// The field a rules-file error is about, if it is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            RulesError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The 1-based line the error is about, when known.
    pub fn line(&self) -> Option<u64> {
        match self {
            RulesError::Invalid { line, .. } => Some(*line as u64),
            RulesError::Input { line, .. } => Some(*line),
            _ => None,
        }
    }
}
