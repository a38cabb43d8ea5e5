//! The package end to end: build, redact per receiver, map, validate against
//! the published schema — and the canary tests proving nothing secret leaves.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use time::Duration;

use super::*;
use crate::agent::AgentKind;
use crate::conversation::{Conversation, ConversationStatus, Customer};
use crate::handoff::{Handoff, HandoffState};
use crate::ids::{AgentId, TurnId};
use crate::turn::Turn;

pub(crate) struct Fixture {
    pub conv: Conversation,
    pub handoff: Handoff,
    pub turns: Vec<Turn>,
}

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

pub(crate) fn fixture(
    customer_data: Value,
    turns: &[(Role, &str, Value, Option<&str>)],
) -> Fixture {
    let start = crate::now() - Duration::minutes(10);
    let ai = AgentId::new();
    let conv = Conversation {
        id: ConversationId::new(),
        channel: Channel::Chat,
        customer: Customer {
            id: Some("cust-42".into()),
            name: Some("Ada Lovelace".into()),
            data: obj(customer_data),
        },
        status: ConversationStatus::Open,
        ai_agent: ai,
        owner: ai,
        owner_kind: AgentKind::Ai,
        open_handoff: None,
        turn_count: turns.len() as i64,
        created_at: start,
        updated_at: start,
    };
    let turns: Vec<Turn> = turns
        .iter()
        .enumerate()
        .map(|(i, (role, text, data, internal))| Turn {
            id: TurnId::new(),
            conversation_id: conv.id,
            seq: i as i64 + 1,
            at: start + Duration::seconds(30 * i as i64),
            role: *role,
            text: (*text).to_owned(),
            confidence: (*role == Role::Ai).then_some(0.9 - 0.1 * i as f64),
            intent: (*role == Role::Customer).then(|| "billing".to_owned()),
            event: None,
            data: obj(data.clone()),
            internal: internal.map(str::to_owned),
            author: Some(ai),
        })
        .collect();
    let handoff = Handoff {
        id: HandoffId::new(),
        conversation_id: conv.id,
        state: HandoffState::Requested,
        reason: Reason::ExplicitRequest,
        source: ai,
        destination: Some("billing".into()),
        utterance: Some("Let me get you a person.".into()),
        parameters: Map::new(),
        priority: 5,
        rule: Some("asks-for-human".into()),
        decision: Some(json!({
            "handoff": true, "reason": "explicit_request", "rule": "asks-for-human",
            "explanation": "the customer asked for a human",
            "detail": {"signals": {"sentiment": -0.4, "negative_turns": 2}, "matched": ["a human"]},
        })),
        queue: None,
        summary: None,
        receiver: None,
        note: None,
        created_at: start + Duration::seconds(30 * turns.len() as i64 + 45),
        updated_at: start,
        accepted_at: None,
        closed_at: None,
    };
    Fixture {
        conv,
        handoff,
        turns,
    }
}

fn validate_schema(v: &Value) {
    let schema = context_json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{v:#}");
}

#[test]
fn internal_notes_never_enter_the_package() {
    let f = fixture(
        json!({"invoice": "INV-7"}),
        &[(
            Role::Customer,
            "my card was charged twice",
            json!({}),
            Some("CANARY-internal-note"),
        )],
    );
    let pkg = ContextPackage::build(&f.conv, &f.handoff, &f.turns);
    let json = serde_json::to_string(&pkg).unwrap();
    assert!(!json.contains("CANARY"), "{json}");
    assert!(json.contains("my card was charged twice"));
    assert_eq!(pkg.version, CONTEXT_VERSION);
    let v = serde_json::to_value(&pkg).unwrap();
    assert_eq!(v["metadata"]["destination"], "billing");
    // The paths the desk and end-to-end tests read.
    assert_eq!(v["customer"]["data"]["invoice"], "INV-7");
    assert_eq!(v["history"].as_array().unwrap().len(), 1);
    validate_schema(&v);
}

#[test]
fn metadata_summary_and_artifacts_are_computed_from_the_turns() {
    let f = fixture(
        json!({"language": "en-GB", "order_number": "ORD-1"}),
        &[
            (Role::Customer, "hi", json!({}), None),
            (Role::Ai, "Hello! How can I help?", json!({}), None),
            (
                Role::Customer,
                "I was charged twice for order ORD-1 and I want a refund please",
                json!({"email": "ada@example.com"}),
                None,
            ),
            (
                Role::Tool,
                "refund_lookup(ORD-1) -> not eligible",
                json!({"eligible": false}),
                None,
            ),
            (Role::Ai, "I'm sorry, I can't refund that.", json!({}), None),
            (Role::Customer, "ok", json!({}), None),
        ],
    );
    let mut turns = f.turns.clone();
    turns[4].event = Some(TurnEvent::Error);
    let sentiment: BTreeMap<i64, f64> = [(1, 0.3), (3, -0.2), (6, -0.7)].into_iter().collect();
    let mut input = PackageInput::new(&f.conv, &f.handoff, &turns);
    input.sentiment = Some(sentiment);
    input.base_url = Some("https://baton.example/".into());
    input.session_id = Some("chat-9".into());
    input.accounts = vec![AccountRef {
        system: "billing".into(),
        id: "B-77".into(),
    }];
    input.artifacts = vec![ArtifactRef {
        name: "screenshot.png".into(),
        media_type: "image/png".into(),
        size: 1234,
        sha256: "ab".repeat(32),
        url: None,
        metadata: Map::new(),
    }];
    let pkg = ContextPackage::build_from(&input);
    let m = pkg.metadata.as_ref().unwrap();
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.session_id.as_deref(), Some("chat-9"));
    assert_eq!(m.sentiment.as_ref().unwrap().trend, Trend::Falling);
    assert_eq!(m.sentiment.as_ref().unwrap().latest, -0.7);
    assert_eq!(m.confidence.as_ref().unwrap().trend, Trend::Falling);
    assert_eq!(m.intents[0].intent, "billing");
    assert_eq!(m.intents[0].count, 3);
    // The customer's last turn is 6 (at +150 s); the handoff is at +225 s.
    assert_eq!(m.idle_seconds, Some(75));
    assert_eq!(pkg.history[2].sentiment, Some(-0.2));
    assert_eq!(
        pkg.artifacts[0].url.as_deref(),
        Some(
            format!(
                "https://baton.example/v1/handoffs/{}/artifacts/{}",
                f.handoff.id,
                "ab".repeat(32)
            )
            .as_str()
        )
    );
    assert_eq!(pkg.actions.len(), 2);
    assert_eq!(pkg.actions[0].kind, ActionKind::Tool);
    assert_eq!(pkg.actions[1].kind, ActionKind::Error);
    let d = pkg.decision.as_ref().unwrap();
    assert_eq!(
        d.explanation.as_deref(),
        Some("the customer asked for a human")
    );
    assert_eq!(d.signals["negative_turns"], 2);

    let s = pkg.summary.as_ref().unwrap();
    assert_eq!(
        s.wants.as_deref(),
        Some("I was charged twice for order ORD-1 and I want a refund please")
    );
    assert_eq!(s.tried.len(), 2, "{s:?}");
    assert!(s.tried[0].starts_with("used a tool: refund_lookup"));
    assert!(s.tried[1].starts_with("ran into an error: "));
    assert!(s.collected.contains(&"email".to_owned()));
    assert!(s.collected.contains(&"account:billing".to_owned()));
    assert!(
        s.text
            .contains("I was charged twice for order ORD-1 and I want a refund please"),
        "{}",
        s.text
    );
    validate_schema(&serde_json::to_value(&pkg).unwrap());
}

#[test]
fn a_summarizer_can_be_plugged_in() {
    struct Fixed;
    impl Summarizer for Fixed {
        fn summarize(&self, pkg: &ContextPackage) -> Summary {
            Summary {
                text: format!("{} turns", pkg.history.len()),
                by: "fixed".into(),
                ..Summary::default()
            }
        }
    }
    let f = fixture(json!({}), &[(Role::Customer, "help", json!({}), None)]);
    let pkg = ContextPackage::build_with(&PackageInput::new(&f.conv, &f.handoff, &f.turns), &Fixed);
    assert_eq!(pkg.summary.unwrap().text, "1 turns");
}

#[test]
fn a_newer_minor_version_with_unknown_fields_still_reads() {
    let f = fixture(json!({}), &[(Role::Customer, "help me", json!({}), None)]);
    let pkg = ContextPackage::build(&f.conv, &f.handoff, &f.turns);
    let mut v = serde_json::to_value(&pkg).unwrap();
    v["version"] = json!("baton.context/v1.3");
    v["brand_new"] = json!({"nested": [1, 2, 3]});
    v["history"][0]["emotion"] = json!("calm");
    v["metadata"]["weather"] = json!("sunny");
    v["customer"]["loyalty"] = json!({"tier": "gold"});
    v["summary"]["bullets"] = json!(["a"]);
    let back: ContextPackage = serde_json::from_value(v.clone()).unwrap();
    assert!(ContextPackage::is_readable_version(&back.version));
    assert!(!ContextPackage::is_readable_version("baton.context/v2"));
    assert!(!ContextPackage::is_readable_version("baton.context/v10"));
    assert_eq!(back.history[0].text, "help me");
    // The published schema accepts it too.
    validate_schema(&v);
    // And unknown fields are redacted like free data.
    v["brand_new"] = json!({"password": "CANARY-new-field", "note": "OTP: 99887766"});
    let out = RedactionPolicy::strict().redact_json(v);
    let text = out.to_string();
    assert!(
        !text.contains("CANARY-new-field") && !text.contains("99887766"),
        "{text}"
    );
}

#[test]
fn the_schema_lists_every_reason_and_field() {
    let s = context_json_schema();
    let text = s.to_string();
    for r in Reason::ALL {
        assert!(text.contains(r.as_str()));
    }
    for f in [
        "history",
        "customer",
        "crm",
        "metadata",
        "summary",
        "artifacts",
        "logs",
        "actions",
        "redactions",
    ] {
        assert!(s["properties"][f].is_object(), "{f}");
    }
    // The enums written by hand in schema.rs match the types.
    for r in ["customer", "ai", "human", "system", "tool"] {
        assert!(Role::parse(r).is_some());
    }
    for c in ["chat", "voice", "email", "task"] {
        assert!(Channel::parse(c).is_some());
    }
    for e in ["error", "critical_action", "completion"] {
        assert!(TurnEvent::parse(e).is_some());
    }
}

// ---- policies: validation -------------------------------------------------

#[test]
fn policies_are_validated_at_load_time() {
    let err = |y: &str| RedactionPolicy::from_yaml(y).unwrap_err();
    let e = err("include: [summary, customer.email]\n");
    assert!(matches!(e, ContextConfigError::UnknownPath { .. }), "{e}");
    assert_eq!(e.field(), "include[1]");
    assert!(
        e.to_string().contains("customer.email") && e.to_string().contains("data"),
        "{e}"
    );
    let e = err("exclude: ['history..text']\n");
    assert!(matches!(e, ContextConfigError::MalformedPath { .. }), "{e}");
    assert_eq!(e.field(), "exclude[0]");
    let e = err("patterns: [{name: a, regex: 'ACME-[0-9'}]\n");
    assert!(matches!(e, ContextConfigError::BadRegex { .. }), "{e}");
    assert_eq!(e.field(), "patterns[0].regex");
    let e = err("patterns: [{name: a, regex: 'x*'}]\n");
    assert_eq!(e.field(), "patterns[0].regex");
    let e = err("patterns: [{name: a, regex: x}, {name: a, regex: y}]\n");
    assert_eq!(e.field(), "patterns[1].name");
    let e = err("cards: {keep_last: 6}\n");
    assert_eq!(e.field(), "cards.keep_last");
    let e = err("cards: {keep: 4}\n");
    assert!(matches!(e, ContextConfigError::Parse { .. }), "{e}");
    assert!(e.to_string().contains("keep"), "{e}");
    let e = err("inclde: [summary]\n");
    assert!(matches!(e, ContextConfigError::Parse { .. }), "{e}");
    let e = Receivers::from_yaml("receivers:\n  desk:\n    redaction:\n      include: [histroy]\n")
        .unwrap_err();
    assert_eq!(e.field(), "receivers.desk.redaction.include[0]");
    let e = Receivers::from_yaml(
        "receivers:\n  crm:\n    mapping:\n      fields: [{from: crm.x, to: a}, {from: crm.y, to: a}]\n",
    )
    .unwrap_err();
    assert_eq!(e.field(), "receivers.crm.mapping.fields[1].to");
    assert!(RedactionPolicy::from_yaml("{}").is_ok());
    assert!(
        RedactionPolicy::from_yaml(r#"{"include": ["summary"], "cards": {"keep_last": 4}}"#)
            .is_ok()
    );
}

// ---- the canaries ---------------------------------------------------------

/// Strings that must never leave Baton, whatever the receiver.
const CANARIES: &[&str] = &[
    "Zq7-hunter2-pw",
    "482913",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
    "c2lnbmF0dXJlY2FuYXJ5",
    "sk_live_51CanaryKeyAbCdEf",
    "4242 4242 4242 4242",
    "4242424242424242",
    "5555555555554444",
    "5555 5555 5555 4444",
    "4111-1111-1111-1111",
    "378282246310005",
    "DE89 3704 0044 0532 0130 00",
    "DE89370400440532013000",
    "GB82WEST12345698765432",
    "123-45-6789",
    "078-05-1120",
    "AB 12 34 56 C",
    "INTERNAL-canary",
    "ACME-SECRET-123456",
    "ACME-SECRET-654321",
    "ACME-SECRET-777777",
    "P@ss-field-canary",
    "sid=canary-cookie",
    "tok-canary-field",
    "pa55-in-url",
    "AKIAIOSFODNN7CANARY0",
    "MIIEcanaryPrivateKeyBody",
    "otp-field-771",
];

const RECEIVERS: &str = r#"
receivers:
  desk:
    redaction:
      cards: { keep_last: 4 }
      bank_accounts: { keep_last: 4 }
      patterns:
        - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
  "webhook:crm":
    redaction:
      include: [summary, customer, crm, metadata, artifacts]
      cards: { keep_last: 0 }
      patterns:
        - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
    mapping:
      fields:
        - { from: customer.data.email, to: contact.Email }
        - { from: customer.data.order_number, to: case.OrderNumber }
        - { from: customer.name, to: contact.Name }
        - { from: summary.text, to: case.Description }
        - { from: crm, to: case.Crm }
        - { from: customer.data, to: case.Data }
        - { from: redactions, to: case.Redactions }
        - { value: baton, to: case.Origin }
  "external:partner":
    redaction:
      include: [summary, history, actions, customer.data.order_number, customer.data.email, artifacts]
      exclude: [history.*.data]
      cards: { keep_last: 0 }
      secret_fields: [mothers_maiden_name]
      patterns:
        - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
"#;

fn canary_input(f: &Fixture) -> PackageInput<'_> {
    let mut input = PackageInput::new(&f.conv, &f.handoff, &f.turns);
    input.crm = obj(json!({
        "tier": "gold",
        "ssn": "078-05-1120",
        "internal_notes": "INTERNAL-canary: VIP, difficult",
        "payment": {"last_card": "4111-1111-1111-1111", "card_number": 5555555555554444u64},
        "note": "customer ref ACME-SECRET-654321",
        "ACME-SECRET-777777": true,
        "mothers_maiden_name": "Byron",
    }));
    input.artifacts = vec![ArtifactRef {
        name: "receipt.pdf".into(),
        media_type: "application/pdf".into(),
        size: 2048,
        sha256: "0f".repeat(32),
        url: None,
        metadata: obj(json!({
            "caption": "receipt for amex 378282246310005",
            "uploaded_by_token": "tok-canary-field",
            "tag": "ACME-SECRET-123456",
        })),
    }];
    input.logs = vec![LogEntry {
        at: None,
        level: "warn".into(),
        message: "retrying with Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlY2FuYXJ5".into(),
        source: Some("ai".into()),
        fields: obj(json!({"otp": "otp-field-771"})),
    }];
    input.base_url = Some("https://baton.example".into());
    input
}

fn canary_fixture() -> Fixture {
    fixture(
        json!({
            "email": "ada@example.com",
            "order_number": "ORD-99812",
            "password": "P@ss-field-canary",
            "sessionCookie": "sid=canary-cookie",
            "iban": "GB82WEST12345698765432",
            "internalNote": "INTERNAL-canary in data",
        }),
        &[
            (
                Role::Customer,
                "Hi, my order id 1234567812345678 never arrived and I want a refund",
                json!({}),
                None,
            ),
            (
                Role::Ai,
                "Sorry! Can you verify your account?",
                json!({}),
                Some("INTERNAL-canary: suspect fraud"),
            ),
            (
                Role::Customer,
                "sure, my password is Zq7-hunter2-pw and the OTP: 482913",
                json!({}),
                None,
            ),
            (
                Role::Customer,
                "pay with 4242 4242 4242 4242 or 4242424242424242, or IBAN DE89 3704 0044 0532 0130 00",
                json!({}),
                None,
            ),
            (
                Role::Customer,
                "my SSN is 123-45-6789, NI number AB 12 34 56 C",
                json!({}),
                None,
            ),
            (
                Role::Tool,
                "charge_card using sk_live_51CanaryKeyAbCdEf and AKIAIOSFODNN7CANARY0 via https://svc:pa55-in-url@pay.example/x",
                json!({"card": "5555 5555 5555 4444", "api_token": "tok-canary-field", "ref": "ACME-SECRET-123456"}),
                None,
            ),
            (
                Role::Tool,
                "loaded key -----BEGIN PRIVATE KEY-----\nMIIEcanaryPrivateKeyBody\n-----END PRIVATE KEY-----",
                json!({}),
                None,
            ),
            (
                Role::Customer,
                "I'd like to talk to a human now",
                json!({}),
                None,
            ),
        ],
    )
}

fn assert_no_canary(receiver: &str, text: &str) {
    for c in CANARIES {
        assert!(
            !text.contains(c),
            "{receiver}: canary {c:?} leaked:\n{text}"
        );
    }
}

#[test]
fn canaries_never_reach_any_receiver() {
    let f = canary_fixture();
    let input = canary_input(&f);
    let pkg = ContextPackage::build_from(&input);
    validate_schema(&serde_json::to_value(&pkg).unwrap());
    let receivers = Receivers::from_yaml(RECEIVERS).unwrap();

    for receiver in ["desk", "webhook:crm", "external:partner"] {
        let redacted = receivers.policy(receiver).redact_value(&pkg).unwrap();
        let text = serde_json::to_string(&redacted).unwrap();
        assert_no_canary(receiver, &text);
        validate_schema(&redacted);
        let sent = receivers.package_for(receiver, &pkg).unwrap();
        let sent_text = serde_json::to_string(&sent).unwrap();
        assert_no_canary(receiver, &sent_text);
        // Every removal is listed, and the list itself carries no secret.
        let list = redacted["redactions"].as_array().unwrap();
        assert!(!list.is_empty(), "{receiver}");
        for r in list {
            assert!(r["path"].as_str().unwrap().starts_with('/'), "{r}");
            let _: Redaction = serde_json::from_value(r.clone()).unwrap();
        }
    }
    // A receiver nobody configured gets the strict default, which knows every
    // built-in detector but not this deployment's own patterns.
    let strict = receivers.package_for("somebody:unknown", &pkg).unwrap();
    let text = strict.to_string();
    for c in CANARIES.iter().filter(|c| !c.starts_with("ACME")) {
        assert!(!text.contains(c), "strict: canary {c:?} leaked:\n{text}");
    }
}

#[test]
fn each_receiver_gets_what_it_needs() {
    let f = canary_fixture();
    let pkg = ContextPackage::build_from(&canary_input(&f));
    let receivers = Receivers::from_yaml(RECEIVERS).unwrap();

    // The desk sees the whole conversation, cards masked to their last four.
    let desk = receivers.policy("desk").redact(&pkg).unwrap();
    let text = serde_json::to_string(&desk).unwrap();
    assert!(
        text.contains("pay with •••• 4242 or •••• 4242, or IBAN •••• 3000"),
        "{text}"
    );
    assert!(
        text.contains("my order id 1234567812345678 never arrived"),
        "{text}"
    );
    assert!(
        text.contains("my password is [redacted credential] and the OTP: [redacted credential]")
    );
    assert_eq!(desk.customer.data["order_number"], "ORD-99812");
    assert_eq!(desk.customer.data["email"], "ada@example.com");
    assert_eq!(desk.customer.data["iban"], "•••• 5432");
    assert!(!desk.customer.data.contains_key("password"));
    assert!(!desk.customer.data.contains_key("internalNote"));
    assert_eq!(desk.crm["payment"]["card_number"], "•••• 4444");
    assert_eq!(desk.crm["tier"], "gold");
    assert!(desk.logs.is_empty() || !text.contains("otp-field-771"));
    assert_eq!(desk.history.len(), 8);
    assert_eq!(desk.history[7].text, "I'd like to talk to a human now");
    let has = |kind: RedactionKind, path: &str| {
        desk.redactions
            .iter()
            .any(|r| r.kind == kind && r.path == path)
    };
    assert!(
        has(RedactionKind::Credential, "/history/2/text"),
        "{:#?}",
        desk.redactions
    );
    assert!(has(RedactionKind::Card, "/history/3/text"));
    assert!(has(RedactionKind::BankAccount, "/history/3/text"));
    assert!(has(RedactionKind::NationalId, "/history/4/text"));
    assert!(has(RedactionKind::Credential, "/customer/data/password"));
    assert!(has(RedactionKind::InternalNote, "/crm/internal_notes"));
    assert!(has(RedactionKind::Custom, "/crm/note"));
    assert!(has(RedactionKind::Custom, "/crm/[redacted key]"));
    assert!(
        desk.redactions
            .iter()
            .any(|r| r.rule == "pattern:acme_secret")
    );
    assert!(
        desk.redactions
            .iter()
            .any(|r| r.action == RedactionAction::Masked)
    );

    // The CRM webhook gets its own schema, built from what its policy allows.
    let crm = receivers.package_for("webhook:crm", &pkg).unwrap();
    assert_eq!(crm["contact"]["Email"], "ada@example.com");
    assert_eq!(crm["contact"]["Name"], "Ada Lovelace");
    assert_eq!(crm["case"]["OrderNumber"], "ORD-99812");
    assert_eq!(crm["case"]["Origin"], "baton");
    assert_eq!(crm["case"]["Crm"]["tier"], "gold");
    assert_eq!(crm["case"]["Data"]["iban"], "[redacted bank_account]");
    assert_eq!(
        crm["case"]["Crm"]["payment"]["last_card"],
        "[redacted card]"
    );
    assert!(
        crm["case"]["Redactions"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert!(crm.get("history").is_none());

    // The partner gets the conversation and the order number, nothing else of the customer.
    let partner = receivers
        .policy("external:partner")
        .redact_value(&pkg)
        .unwrap();
    assert_eq!(
        partner["customer"],
        json!({"data": {"order_number": "ORD-99812", "email": "ada@example.com"}})
    );
    assert!(partner.get("crm").is_none() && partner.get("logs").is_none());
    assert!(partner["history"][0].get("data").is_none());
    assert!(
        partner["history"][3]["text"]
            .as_str()
            .unwrap()
            .contains("pay with [redacted card] or [redacted card]")
    );
    let list = partner["redactions"].as_array().unwrap();
    assert!(
        list.iter()
            .any(|r| r["path"] == "/crm" && r["kind"] == "policy"),
        "{list:#?}"
    );
    assert!(
        list.iter()
            .any(|r| r["path"] == "/history/*/data" && r["rule"] == "policy:exclude")
    );

    // A receiver nobody configured gets the strict default: no logs.
    let other = receivers.policy("somebody").redact(&pkg).unwrap();
    assert!(other.logs.is_empty());
    assert!(other.redactions.iter().any(|r| r.path == "/logs"));
}

#[test]
fn redaction_is_idempotent() {
    let f = canary_fixture();
    let pkg = ContextPackage::build_from(&canary_input(&f));
    let policy = RedactionPolicy::strict();
    let once = policy.redact(&pkg).unwrap();
    let twice = policy.redact(&once).unwrap();
    assert_eq!(once.history, twice.history);
    assert_eq!(once.customer, twice.customer);
    assert_eq!(once.redactions.len(), twice.redactions.len());
}
