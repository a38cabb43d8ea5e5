//! Build and redact the context package of a 1,000-turn conversation.
//!
//! `cargo bench -p baton-core --bench package`

use std::hint::black_box;

use baton_core::agent::AgentKind;
use baton_core::context::ContextPackage;
use baton_core::conversation::{Channel, Conversation, ConversationStatus, Customer};
use baton_core::handoff::{Handoff, HandoffState};
use baton_core::ids::{AgentId, ConversationId, HandoffId, TurnId};
use baton_core::reason::Reason;
use baton_core::turn::{Role, Turn, TurnEvent};
use baton_core::{PackageInput, RedactionPolicy};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde_json::{Map, Value, json};
use time::Duration;

/// Everyday support text, with the occasional secret, card or order number.
const CUSTOMER: &[&str] = &[
    "Hi, I was charged twice for my last order and I'd like a refund please.",
    "The order number is ORD-482113, it was placed last Tuesday.",
    "I already tried restarting the app, it still says payment failed.",
    "Can you check why my subscription renewed? I cancelled it in March.",
    "My card 4242 4242 4242 4242 was declined but the money left my account.",
    "ok thanks",
    "No, the tracking number 1Z999AA10123456784 shows nothing since Monday.",
    "my password is Sup3r-Secret! if you need to log in",
    "I want to speak to a human, this is taking forever.",
    "Is there any way to change the delivery address to 221B Baker Street?",
];

const AI: &[&str] = &[
    "I'm sorry about that. Let me look up your order.",
    "I can see two charges of 49.99 EUR on 2026-03-02. One of them is pending.",
    "Could you confirm the email address on the account?",
    "Thanks! I've opened a ticket, reference CASE-20931.",
    "I understand your frustration. Refunds usually take 3 to 5 business days.",
];

const TOOL: &[&str] = &[
    "orders.lookup(ORD-482113) -> {status: shipped, total: 49.99}",
    "payments.list(customer=cust-42) -> 2 charges",
    "refunds.create(charge=ch_3Mtw) -> error: insufficient permissions",
];

fn fixture(n: usize) -> (Conversation, Handoff, Vec<Turn>) {
    let start = baton_core::now() - Duration::hours(2);
    let ai = AgentId::new();
    let mut data = Map::new();
    data.insert("email".into(), json!("ada@example.com"));
    data.insert("order_number".into(), json!("ORD-482113"));
    data.insert("password".into(), json!("hunter2"));
    let conv = Conversation {
        id: ConversationId::new(),
        channel: Channel::Chat,
        customer: Customer {
            id: Some("cust-42".into()),
            name: Some("Ada".into()),
            data,
        },
        status: ConversationStatus::Open,
        ai_agent: ai,
        owner: ai,
        owner_kind: AgentKind::Ai,
        open_handoff: None,
        turn_count: n as i64,
        created_at: start,
        updated_at: start,
    };
    let turns = (0..n)
        .map(|i| {
            let (role, text) = match i % 5 {
                0 | 2 => (Role::Customer, CUSTOMER[(i / 5) % CUSTOMER.len()]),
                4 if i % 15 == 4 => (Role::Tool, TOOL[(i / 15) % TOOL.len()]),
                _ => (Role::Ai, AI[i % AI.len()]),
            };
            let mut data = Map::new();
            if i % 50 == 7 {
                data.insert("zip".into(), Value::from("90210"));
            }
            Turn {
                id: TurnId::new(),
                conversation_id: conv.id,
                seq: i as i64 + 1,
                at: start + Duration::seconds(5 * i as i64),
                role,
                text: text.to_owned(),
                confidence: (role == Role::Ai).then_some(0.8),
                intent: (role == Role::Customer).then(|| "billing".to_owned()),
                event: (role == Role::Tool && text.contains("error")).then_some(TurnEvent::Error),
                data,
                internal: (i % 100 == 3).then(|| "internal: watch this one".to_owned()),
                author: Some(ai),
            }
        })
        .collect();
    let handoff = Handoff {
        id: HandoffId::new(),
        conversation_id: conv.id,
        state: HandoffState::Requested,
        reason: Reason::ExplicitRequest,
        source: ai,
        destination: Some("billing".into()),
        utterance: None,
        parameters: Map::new(),
        priority: 0,
        rule: Some("asks-for-human".into()),
        decision: Some(json!({"explanation": "asked for a human", "detail": {"signals": {}}})),
        queue: None,
        summary: None,
        receiver: None,
        note: None,
        created_at: start + Duration::seconds(5 * n as i64),
        updated_at: start,
        accepted_at: None,
        closed_at: None,
    };
    (conv, handoff, turns)
}

fn bench(c: &mut Criterion) {
    let (conv, handoff, turns) = fixture(1_000);
    let policy = RedactionPolicy::from_yaml(
        "cards: { keep_last: 4 }\npatterns:\n  - { name: acme, regex: 'ACME-SECRET-[0-9]{6}' }\n",
    )
    .expect("the benchmark policy compiles");
    let input = PackageInput::new(&conv, &handoff, &turns);
    c.bench_function("build 1000 turns", |b| {
        b.iter(|| black_box(ContextPackage::build_from(black_box(&input))))
    });
    let pkg = ContextPackage::build_from(&input);
    c.bench_function("redact 1000 turns", |b| {
        b.iter(|| black_box(policy.redact_value(black_box(&pkg))))
    });
    c.bench_function("to_value 1000 turns", |b| {
        b.iter(|| black_box(serde_json::to_value(black_box(&pkg))))
    });
    c.bench_function("redact_json 1000 turns", |b| {
        b.iter_batched(
            || serde_json::to_value(&pkg).expect("the package serializes"),
            |v| policy.redact_json(black_box(v)),
            BatchSize::LargeInput,
        )
    });
    c.bench_function("build + redact 1000 turns", |b| {
        b.iter(|| {
            let pkg = ContextPackage::build_from(black_box(&input));
            black_box(policy.redact_value(&pkg))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
