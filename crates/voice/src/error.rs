//! Errors of the voice crate. A problem in a handoffs file names the file, the line, the
//! column and the field, with a hint on how to fix it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    /// A handoffs file could not be read at all.
    #[error("{path}: cannot read the handoffs file: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A handoffs file was read but is not valid.
    #[error("{file}:{line}:{column}: `{field}`: {message}\n  hint: {hint}")]
    Invalid {
        file: String,
        /// 1-based; 0 when it could not be told.
        line: usize,
        /// 1-based; 0 when it could not be told.
        column: usize,
        /// The dotted path of the field, e.g. `handoffs[2].sip_config.phone_number`.
        field: String,
        message: String,
        hint: String,
    },
    /// The definitions could not be written back as YAML.
    #[error("cannot write the handoffs file: {0}")]
    Write(String),
}

impl VoiceError {
    /// The field an error is about, if it is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            VoiceError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}
