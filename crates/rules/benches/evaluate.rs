//! Throughput of the full default rule set on realistic conversations, one core.

use std::hint::black_box;

use baton_core::{ConversationId, Role, Turn, TurnEvent, TurnId};
use baton_rules::RuleSet;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn turn(
    seq: i64,
    role: Role,
    text: &str,
    confidence: Option<f64>,
    event: Option<TurnEvent>,
) -> Turn {
    Turn {
        id: TurnId::new(),
        conversation_id: ConversationId::new(),
        seq,
        at: time::OffsetDateTime::UNIX_EPOCH,
        role,
        text: text.to_owned(),
        confidence,
        intent: None,
        event,
        data: serde_json::Map::new(),
        internal: None,
        author: None,
    }
}

/// A support conversation in which no rule fires until the end: every rule is checked.
fn conversation(last: &str) -> Vec<Turn> {
    let lines = [
        (
            Role::Customer,
            "Hi, my order #4521 hasn't arrived yet and it's been a week.",
        ),
        (
            Role::Ai,
            "Sorry about that! Let me check the tracking for order 4521.",
        ),
        (Role::Customer, "Thanks. It was supposed to come on Monday."),
        (
            Role::Ai,
            "The carrier shows it at the local depot; it should arrive tomorrow.",
        ),
        (Role::Customer, "Ok, can you send me the tracking link?"),
        (
            Role::Ai,
            "Of course, here it is: https://track.example/4521",
        ),
        (
            Role::Customer,
            "Great, and can I change the delivery address to my office?",
        ),
        (Role::Ai, "Yes, what is the new address?"),
    ];
    let mut turns: Vec<Turn> = lines
        .iter()
        .enumerate()
        .map(|(i, (role, text))| {
            let confidence = (*role == Role::Ai).then_some(0.9);
            turn(i as i64 + 1, *role, text, confidence, None)
        })
        .collect();
    turns.push(turn(
        turns.len() as i64 + 1,
        Role::Customer,
        last,
        None,
        None,
    ));
    turns
}

/// The customer turns of every conversation file of the evaluation sets.
fn customer_turns() -> impl Iterator<Item = String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
    let mut files = vec![dir.join("conversations.txt"), dir.join("ordinary.txt")];
    for entry in std::fs::read_dir(&dir).expect("eval dir").flatten() {
        if entry.path().is_dir() {
            files.push(entry.path().join("conversations.txt"));
        }
    }
    files
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|body| {
            body.lines()
                .filter_map(|l| l.strip_prefix("c: ").map(str::to_owned))
                .collect::<Vec<_>>()
        })
}

fn evaluate(c: &mut Criterion) {
    let rules = RuleSet::builtin();
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Elements(1));
    let quiet = conversation("It's 221B Baker Street, London, the office on the second floor.");
    group.bench_function("customer_turn_no_handoff", |b| {
        b.iter(|| rules.evaluate(black_box(&quiet)))
    });
    let asks = conversation("uh, can I just talk to a real person please");
    group.bench_function("customer_turn_explicit_request", |b| {
        b.iter(|| rules.evaluate(black_box(&asks)))
    });
    let mut ai = conversation("It's 221B Baker Street.");
    ai.push(turn(
        11,
        Role::Ai,
        "Done, the address is updated.",
        Some(0.93),
        None,
    ));
    group.bench_function("ai_turn_no_handoff", |b| {
        b.iter(|| rules.evaluate(black_box(&ai)))
    });
    // The cases above evaluate the same history again and again, so every turn's analysis
    // is cached. In production each evaluation brings one new turn: these cases give the
    // last turn a fresh id each time, so it is analysed from scratch (earlier turns hit).
    for (name, history) in [
        ("customer_turn_no_handoff_new_turn", &quiet),
        ("customer_turn_explicit_request_new_turn", &asks),
        ("ai_turn_no_handoff_new_turn", &ai),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched_ref(
                || {
                    let mut h = history.clone();
                    if let Some(last) = h.last_mut() {
                        last.id = TurnId::new();
                    }
                    h
                },
                |h| rules.evaluate(black_box(h)),
                BatchSize::SmallInput,
            )
        });
    }
    // Production text is never the same twice: the last turn cycles through the customer
    // turns of the evaluation conversations (2,991 turns, six languages; a quarter hold
    // letters outside ASCII). Caches keyed by text (lazy DFA states) stay honest here.
    let (ascii, other): (Vec<String>, Vec<String>) = customer_turns().partition(|t| t.is_ascii());
    for (name, texts) in [
        ("customer_turn_varied_ascii_new_turn", &ascii),
        ("customer_turn_varied_other_letters_new_turn", &other),
    ] {
        let mut next = 0usize;
        group.bench_function(name, |b| {
            b.iter_batched_ref(
                || {
                    next = (next + 1) % texts.len();
                    // The earlier turns keep their ids (analysed once, as in production).
                    let mut h = quiet.clone();
                    if let Some(last) = h.last_mut() {
                        last.id = TurnId::new();
                        last.text.clone_from(&texts[next]);
                    }
                    h
                },
                |h| rules.evaluate(black_box(h)),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();

    let mut group = c.benchmark_group("sentiment");
    group.throughput(Throughput::Elements(1));
    group.bench_function("compound", |b| {
        b.iter(|| {
            baton_rules::signals::sentiment::compound(black_box(
                "The plot was good, but the characters are uncompelling and the dialog is not great.",
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, evaluate);
criterion_main!(benches);
