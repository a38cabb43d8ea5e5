//! The human desk: the page (embedded, no CDN), its session login, its API and the
//! live feed over WebSocket. A desk user sees only what their queues route to them.

pub(crate) mod api;
mod card;
mod feed;
pub(crate) mod session;
mod throttle;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};

pub use card::Card;
pub use feed::{Feed, announce_turn, announce_typing};
pub use session::{hash_password, new_token};
pub use throttle::{Refused, SignInThrottle};

use crate::AppState;

const INDEX_HTML: &str = include_str!("../../../../web/desk/index.html");
const DESK_JS: &str = include_str!("../../../../web/desk/desk.js");
const DESK_CSS: &str = include_str!("../../../../web/desk/desk.css");

/// Headers every desk page response carries: nothing from elsewhere may load, and the
/// page may not be framed.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/desk",
            get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/desk/",
            get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/desk/desk.js",
            get(|| async { asset("text/javascript; charset=utf-8", DESK_JS) }),
        )
        .route(
            "/desk/desk.css",
            get(|| async { asset("text/css; charset=utf-8", DESK_CSS) }),
        )
        .route("/desk/api/login", post(session::login))
        .route("/desk/api/logout", post(session::logout))
        .route("/desk/api/me", get(session::me))
        .route("/desk/api/presence", post(session::presence))
        .route("/desk/api/handoffs", get(api::list))
        .route("/desk/api/handoffs/{id}", get(api::open))
        .route("/desk/api/handoffs/{id}/read", post(api::confirm_read))
        .route("/desk/api/handoffs/{id}/turns", get(api::turns))
        .route("/desk/api/handoffs/{id}/accept", post(api::accept))
        .route("/desk/api/handoffs/{id}/reject", post(api::reject))
        .route("/desk/api/handoffs/{id}/reply", post(api::reply))
        .route("/desk/api/handoffs/{id}/edit", post(api::edit))
        .route("/desk/api/handoffs/{id}/resolve", post(api::resolve))
        .route("/desk/api/handoffs/{id}/handback", post(api::handback))
        .route("/desk/api/handoffs/{id}/feedback", post(api::feedback))
        .route("/desk/ws", get(feed::socket))
}
