//! Errors of the routing crate.

/// A routing file that cannot be used, with where and how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum RouteConfigError {
    #[error("{file}:{line}:{column}: `{field}`: {message}\n  hint: {hint}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        field: String,
        message: String,
        hint: String,
    },
    #[error("{file}: {message}")]
    Io { file: String, message: String },
}
