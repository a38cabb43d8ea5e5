//! The OpenAPI document at `/openapi.json` and the offline docs page at `/docs`.

use axum::Router;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::AppState;
use crate::desk::{api, session};
use crate::routes::{
    agents, attachments, conversations, handoffs, inbound, system, voice, webhooks,
};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "desk_session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "baton_desk",
                "The desk session cookie from /desk/api/login; changes also need its CSRF token in `X-CSRF-Token`",
            ))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The admin token, or an agent secret (`bat_…`)"))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Baton", description = "The handoff broker for AI agents: decide, package, route, deliver, record."),
    paths(
        system::healthz, system::readyz, system::metrics,
        agents::register, agents::me,
        conversations::create, conversations::import, conversations::read, conversations::list_turns, conversations::append_turn,
        handoffs::request, handoffs::list, handoffs::read, handoffs::context, handoffs::context_schema,
        handoffs::accept, handoffs::reject, handoffs::resolve, handoffs::handback, handoffs::cancel,
        inbound::create_source, inbound::receive, inbound::list, inbound::export, handoffs::offers,
        attachments::upload, attachments::log, attachments::checkpoint, attachments::fetch,
        webhooks::subscribe, webhooks::list, webhooks::delete, webhooks::rotate, webhooks::deliveries, webhooks::retry,
        session::login, session::me, session::logout, session::presence,
        api::list, api::open, api::confirm_read, api::accept, api::reject, api::reply, api::edit,
        api::resolve, api::handback, api::feedback, api::turns, api::typing,
        crate::a2a::card, crate::a2a::rpc, crate::mcp::endpoint_doc,
        voice::by_call_id,
        voice::briefed,
    ),
    components(schemas(webhooks::WebhookEvent, webhooks::WebhookEventData)),
    modifiers(&BearerAuth),
    tags(
        (name = "agents", description = "AI agents and receivers"),
        (name = "conversations", description = "Conversations, turns and rule decisions"),
        (name = "handoffs", description = "The handoff lifecycle"),
        (name = "webhooks", description = "Signed event deliveries (Standard Webhooks)"),
        (name = "system", description = "Health"),
        (name = "desk", description = "The human desk's session and actions (cookie and CSRF token); its live list is the WebSocket at /desk/ws"),
    )
)]
pub struct ApiDoc;

/// Connected agents and Baton to Baton.
#[derive(OpenApi)]
#[openapi(
    paths(
        crate::routes::connections::create, crate::routes::connections::list,
        crate::routes::connections::verify, crate::routes::connections::rotate,
        crate::routes::connections::disable, crate::routes::connections::enable,
        crate::routes::peer::handshake, crate::routes::peer::push, crate::routes::peer::turn,
        crate::routes::peer::sync, crate::routes::peer::withdraw,
    ),
    tags(
        (name = "connections", description = "Connected agents on other platforms (admin)"),
        (name = "peers", description = "Baton to Baton, the receiving side: signed per Standard Webhooks with the agent's secret"),
    )
)]
struct PeersDoc;

/// The whole OpenAPI document.
fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(PeersDoc::openapi());
    doc
}

/// `/openapi.json` and `/docs` (Swagger UI, embedded in the binary: works offline).
pub fn router() -> Router<AppState> {
    Router::new().merge(SwaggerUi::new("/docs").url("/openapi.json", document()))
}
