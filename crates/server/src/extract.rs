//! Request extractors whose every rejection is a problem document naming the field.

use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::problem::Problem;

/// A JSON body: unknown fields, wrong types and malformed JSON are refused with
/// the path of the offending field.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|ct| {
                let ct = ct.split(';').next().unwrap_or("").trim();
                ct.eq_ignore_ascii_case("application/json") || ct.ends_with("+json")
            })
            .unwrap_or(false);
        if !is_json {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "the request body must be JSON",
            )
            .hint("send `Content-Type: application/json`"));
        }
        let body = Bytes::from_request(req, state)
            .await
            .map_err(body_problem)?;
        parse_json(&body).map(ApiJson)
    }
}

/// Parses JSON, naming the path of the first field that does not fit.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Problem> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let field = (path != ".").then_some(path);
        let (status, slug, title) = if inner.is_syntax() || inner.is_eof() {
            (StatusCode::BAD_REQUEST, "malformed-json", "Malformed JSON")
        } else {
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid-field", "Invalid field value")
        };
        let mut p = Problem::new(status, slug, title, inner.to_string());
        if let Some(f) = field {
            p = p.field(f);
        }
        if inner.is_syntax() || inner.is_eof() {
            p = p.hint("the body is not valid JSON; check quotes, commas and brackets at the line and column given");
        } else if inner.to_string().contains("unknown field") {
            p = p.hint("remove the field or check its spelling; the OpenAPI document at /openapi.json lists the accepted fields");
        }
        p
    })
}

fn too_large() -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        "Request body too large",
        format!(
            "the request body exceeds the limit of {} bytes",
            crate::MAX_BODY_BYTES
        ),
    )
    .hint("send less per request: split long histories into several turns")
}

/// Refuses a request whose declared length is over the limit before reading any of
/// it, so a client does not upload megabytes only to be told no.
pub async fn refuse_oversized(
    axum::extract::State(artifact_limit): axum::extract::State<usize>,
    req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // Artifact uploads have their own, larger limit and their own error.
    let limit = if req.uri().path().ends_with("/artifacts") {
        artifact_limit
    } else {
        crate::MAX_BODY_BYTES
    };
    match declared {
        Some(n) if n > limit as u64 && limit == crate::MAX_BODY_BYTES => {
            too_large().into_response()
        }
        Some(n) if n > limit as u64 => Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "artifact-too-large",
            "Artifact too large",
            format!("the artifact is {n} bytes; the limit is {limit} bytes"),
        )
        .into_response(),
        _ => next.run(req).await,
    }
}

fn body_problem(e: BytesRejection) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        Problem::bad_request(format!("could not read the request body: {e}"))
    }
}

/// A path identifier; a malformed one is a 400 naming the segment.
pub struct IdPath<T>(pub T);

impl<S: Send + Sync, T: FromStr> FromRequestParts<S> for IdPath<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw): axum::extract::Path<String> =
            axum::extract::Path::from_request_parts(parts, state)
                .await
                .map_err(|e| Problem::bad_request(e.body_text()))?;
        raw.parse::<T>().map(IdPath).map_err(|_| {
            Problem::bad_request(format!("`{raw}` in the path is not a valid id"))
                .field("id")
                .hint(
                    "ids are UUIDs as returned by Baton, e.g. 019a6b1e-5f2c-7cc0-8a51-2b1c3d4e5f60",
                )
        })
    }
}

/// Query parameters; bad ones are a 400 that quotes the parser.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e: QueryRejection| {
                Problem::bad_request(e.body_text())
                    .hint("check the query parameters against /openapi.json")
            })
    }
}
