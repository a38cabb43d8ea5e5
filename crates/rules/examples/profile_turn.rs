//! Profiling aid: evaluates the same history with a fresh last turn id, N times.
use baton_core::{ConversationId, Role, Turn, TurnId};
use baton_rules::RuleSet;

fn turn(seq: i64, role: Role, text: &str) -> Turn {
    Turn {
        id: TurnId::new(),
        conversation_id: ConversationId::new(),
        seq,
        at: time::OffsetDateTime::UNIX_EPOCH,
        role,
        text: text.to_owned(),
        confidence: (role == Role::Ai).then_some(0.9),
        intent: None,
        event: None,
        data: serde_json::Map::new(),
        internal: None,
        author: None,
    }
}

/// Stops with a message saying what was wrong and how to call the aid.
fn usage(problem: &str) -> ! {
    eprintln!("profile_turn: {problem}\nusage: profile_turn [TEXT | @CONVERSATIONS.txt] [N]");
    std::process::exit(2)
}

fn main() {
    let last = std::env::args()
        .nth(1)
        .unwrap_or("It's 221B Baker Street, London, the office on the second floor.".into());
    let n: usize = std::env::args().nth(2).map_or(300_000, |s| {
        s.parse()
            .unwrap_or_else(|_| usage(&format!("N must be a whole number, not {s:?}")))
    });
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
        .map(|(i, (r, t))| turn(i as i64 + 1, *r, t))
        .collect();
    turns.push(turn(9, Role::Customer, ""));
    // "@file": the last turn cycles through the customer turns ("c: text" lines) of a
    // conversation file, as in production, where no two turns are alike.
    let texts: Vec<String> = match last.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .unwrap_or_else(|e| usage(&format!("cannot read {path}: {e}")))
            .lines()
            .filter_map(|l| l.strip_prefix("c: ").map(str::to_owned))
            .collect(),
        None => vec![last],
    };
    if texts.is_empty() {
        usage("no customer turn (a line starting \"c: \") in the file");
    }
    let ids: Vec<TurnId> = (0..n).map(|_| TurnId::new()).collect();
    let rules = RuleSet::builtin();
    // Warm-up on the first text, so that the tables the rules build lazily are built before
    // the measured loop, and the other texts stay new to the process
    // (`valgrind --tool=callgrind --toggle-collect=profile_turn::measured` counts that loop
    // alone).
    for _ in 0..3 {
        if let Some(t) = turns.last_mut() {
            t.id = TurnId::new();
            t.text.clone_from(&texts[0]);
        }
        let _ = rules.evaluate(&turns);
    }
    let t = std::time::Instant::now();
    let fired = measured(&rules, &mut turns, ids, &texts);
    let e = t.elapsed();
    eprintln!(
        "{:.3} µs per evaluation ({fired} handoffs)",
        e.as_secs_f64() * 1e6 / n as f64
    );
}

/// The measured loop: `n` evaluations, each with a fresh last turn id. Never inlined, so
/// that a profiler can count it apart.
#[inline(never)]
fn measured(rules: &RuleSet, turns: &mut [Turn], ids: Vec<TurnId>, texts: &[String]) -> usize {
    let mut fired = 0;
    for (i, id) in ids.into_iter().enumerate() {
        if let Some(t) = turns.last_mut() {
            t.id = id;
            t.text.clone_from(&texts[i % texts.len()]);
        }
        fired += usize::from(rules.evaluate(turns).handoff);
    }
    fired
}
