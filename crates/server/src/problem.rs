//! RFC 9457 problem details: every error the API returns says what failed,
//! where, and how to fix it.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use baton_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// An RFC 9457 problem document (`application/problem+json`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: &'static str,
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// The request field at fault, as a JSON path (`customer.name`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(
        status: StatusCode,
        slug: &str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            kind: format!("urn:baton:problem:{slug}"),
            title,
            status: status.as_u16(),
            detail: detail.into(),
            field: None,
            hint: None,
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            detail,
        )
    }

    pub fn unprocessable(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-field",
            "Invalid field value",
            detail,
        )
        .field(field)
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
            detail,
        )
        .hint("send `Authorization: Bearer <token>` with the admin token or an agent secret")
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "Not allowed", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", "Not found", detail)
    }

    pub fn conflict(slug: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            slug,
            "Conflict with the current state",
            detail,
        )
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "Baton failed to process the request; the server log has the details",
        )
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut res = (status, axum::Json(self)).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        res
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => Problem::not_found(e.to_string())
                .hint("check the id; list what exists with the matching GET collection route"),
            StoreError::InvalidTurn(t) => Problem::unprocessable(t.field(), t.to_string()),
            StoreError::TurnRefused(r) => Problem::conflict("turn-refused", r.to_string()),
            StoreError::Transition(t) => {
                Problem::conflict("illegal-transition", t.to_string()).field("state")
            }
            StoreError::Forbidden(f) => Problem::forbidden(f.0),
            StoreError::Conflict(c) => Problem::conflict("conflict", c),
            StoreError::Stale => Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "conversation-busy",
                "Conversation busy",
                e.to_string(),
            )
            .hint("nothing was stored; retry"),
            StoreError::Unavailable(_) => {
                tracing::warn!(error = %e, "store unavailable");
                Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "Temporarily unavailable",
                    e.to_string(),
                )
                .hint("nothing from this request was stored; retry with backoff")
            }
            StoreError::Corrupt(_) | StoreError::Backend(_) => {
                tracing::error!(error = %e, "store failure");
                Problem::internal()
            }
        }
    }
}
