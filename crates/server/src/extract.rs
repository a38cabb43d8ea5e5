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

/// Parses JSON, naming the path of the first field that does not fit. The whole body
/// must be one JSON document: anything after it is refused, not ignored.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        json_problem(body, (path != ".").then_some(path), &inner)
    })?;
    de.end().map_err(|e| {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed-json",
            "Malformed JSON",
            format!("unexpected content after the JSON document: {e}"),
        )
        .hint("send exactly one JSON value; remove what follows its closing bracket")
    })?;
    Ok(value)
}

fn json_problem(body: &[u8], field: Option<String>, inner: &serde_json::Error) -> Problem {
    // serde_json reports a wrong-typed enum (`{"role": 5}`) as a syntax error; the
    // document is well formed, so it is the field's value that is wrong.
    let well_formed = (inner.is_syntax() || inner.is_eof())
        && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok();
    if (inner.is_syntax() || inner.is_eof()) && !well_formed {
        let mut p = Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed-json",
            "Malformed JSON",
            inner.to_string(),
        )
        .hint("the body is not valid JSON; check quotes, commas and brackets at the line and column given");
        if let Some(f) = field {
            p = p.field(f);
        }
        return p;
    }
    let detail = if well_formed {
        format!(
            "{} has the wrong type or an unknown value",
            field
                .as_deref()
                .map_or("the body".to_owned(), |f| format!("`{f}`"))
        )
    } else {
        inner.to_string()
    };
    let mut p = Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-field",
        "Invalid field value",
        detail,
    );
    if let Some(f) = field {
        p = p.field(f);
    }
    if inner.to_string().contains("unknown field") {
        p = p.hint("remove the field or check its spelling; the OpenAPI document at /openapi.json lists the accepted fields");
    } else {
        p = p.hint("check the field's type and allowed values in /openapi.json");
    }
    p
}

fn too_large() -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        "Request body too large",
        format!(
            "the request body is larger than this route accepts ({} bytes for JSON bodies; artifacts up to BATON_ARTIFACT_MAX_BYTES)",
            crate::MAX_BODY_BYTES
        ),
    )
    .hint("send less per request: split long histories into several turns")
}

/// A safety net under every route: an error that left a layer below the handlers
/// without a body (a body limit hit while streaming, a URL or header block over the
/// limit) still leaves as a problem document.
pub async fn problem_for_bare_errors(res: axum::response::Response) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == b"application/problem+json");
    if is_problem {
        return res;
    }
    match res.status() {
        StatusCode::PAYLOAD_TOO_LARGE => too_large().into_response(),
        StatusCode::URI_TOO_LONG => uri_too_long().into_response(),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => headers_too_large().into_response(),
        // Only the request timeout answers 503 without a body.
        StatusCode::SERVICE_UNAVAILABLE => Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "request-timeout",
            "Request took too long",
            format!(
                "the request was not read and answered within {} s",
                crate::REQUEST_TIMEOUT.as_secs()
            ),
        )
        .hint("send the body without pauses; if the server is busy, retry with backoff")
        .into_response(),
        _ => res,
    }
}

/// Longest request target (path and query) accepted, in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Largest request header block accepted (names and values), in bytes.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

fn uri_too_long() -> Problem {
    Problem::new(
        StatusCode::URI_TOO_LONG,
        "uri-too-long",
        "URL too long",
        format!("the request's path and query exceed {MAX_URI_BYTES} bytes"),
    )
    .hint("send large values in a JSON body instead of the query string")
}

fn headers_too_large() -> Problem {
    Problem::new(
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        "headers-too-large",
        "Request headers too large",
        format!("the request's headers exceed {MAX_HEADER_BYTES} bytes"),
    )
    .hint("send fewer or shorter headers; large values belong in the body")
}

/// Refuses an over-long URL or header block with a problem document. The HTTP layer
/// below accepts somewhat more than these limits, so that the answer can say why.
pub async fn refuse_oversized_head(
    req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return uri_too_long().into_response();
    }
    let header_len: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    if header_len > MAX_HEADER_BYTES {
        return headers_too_large().into_response();
    }
    next.run(req).await
}

/// Reads every request body here, under its route's limit, before any handler runs:
/// one limit and one problem document for every route however the body is framed
/// (declared length or chunked), and a handler that answers early (a bad token, an
/// unknown id) never leaves unread bytes behind — closing a socket with unread
/// input resets it, and the client would lose the answer.
pub async fn read_body_within_limit(
    axum::extract::State(artifact_limit): axum::extract::State<usize>,
    req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    // Artifact uploads have their own, larger limit and their own error.
    let artifact = req.uri().path().ends_with("/artifacts");
    let limit = if artifact {
        artifact_limit
    } else if req.uri().path() == crate::routes::peer::PUSH_PATH {
        // A context package pushed by another Baton may carry megabytes of history.
        crate::routes::peer::MAX_PUSH_BYTES
    } else {
        crate::MAX_BODY_BYTES
    };
    let over = |size: Option<u64>| -> axum::response::Response {
        if artifact {
            Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "artifact-too-large",
                "Artifact too large",
                match size {
                    Some(n) => format!("the artifact is {n} bytes; the limit is {limit} bytes"),
                    None => format!("the artifact is over the limit of {limit} bytes"),
                },
            )
            .hint("store large files elsewhere and attach a link in a checkpoint, or raise BATON_ARTIFACT_MAX_BYTES")
            .into_response()
        } else {
            too_large().into_response()
        }
    };
    // A declared length over the limit is refused before reading any of it, so a
    // client does not upload megabytes only to be told no.
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = declared
        && n > limit as u64
    {
        return over(Some(n));
    }
    let (parts, body) = req.into_parts();
    let bytes =
        match http_body_util::BodyExt::collect(http_body_util::Limited::new(body, limit)).await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => return over(None),
            Err(e) => {
                return Problem::bad_request(format!("could not read the request body: {e}"))
                    .into_response();
            }
        };
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

fn body_problem(e: BytesRejection) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        Problem::bad_request(format!("could not read the request body: {e}"))
    }
}

/// A raw body (artifacts, optional command bodies, signed inbound messages): read
/// under the same limits as JSON bodies, with the same problem document when it is
/// too large or cannot be read.
pub struct ApiBytes(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for ApiBytes {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Bytes::from_request(req, state)
            .await
            .map(ApiBytes)
            .map_err(body_problem)
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
