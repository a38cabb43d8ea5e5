//! Prints the full decision (JSON) on every turn of every conversation of JSON Lines
//! transcript files, as if each turn had just arrived: for checking that speed work changes
//! no decision of the whole rule set (diff the output before and after).
//! Usage: `cargo run --release -p baton-rules --example turn_decisions -- FILE.jsonl...`
use std::io::Write;

use baton_core::{ConversationId, NewTurn};

#[derive(serde::Deserialize)]
struct Transcript {
    id: String,
    turns: Vec<NewTurn>,
}

/// Stops with a message saying what was wrong (exit code 2).
fn fail(problem: &str) -> ! {
    eprintln!("turn_decisions: {problem}\nusage: turn_decisions FILE.jsonl...");
    std::process::exit(2)
}

fn main() {
    let rules = baton_rules::RuleSet::builtin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in std::env::args().skip(1) {
        let body = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let transcript: Transcript = serde_json::from_str(line)
                .unwrap_or_else(|e| fail(&format!("{path}:{}: not a transcript: {e}", n + 1)));
            let conversation = ConversationId::new();
            let mut turns = Vec::new();
            for (i, turn) in transcript.turns.into_iter().enumerate() {
                turns.push(baton_rules::to_turn(conversation, i + 1, turn));
                let decision = rules.evaluate(&turns);
                let json = serde_json::to_string(&decision).unwrap_or_default();
                let _ = writeln!(out, "{path} {} {} {json}", transcript.id, i + 1);
            }
        }
    }
}
