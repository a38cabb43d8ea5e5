//! No text makes the rules panic. Every sentence of the evaluation sets is cut at each
//! word boundary, from the front and from the back, and evaluated alone; every
//! conversation is evaluated with its last customer turn cut the same ways. Cuts put
//! any word last or first, which is where a reader that looks one or two words ahead
//! or behind goes wrong ("passez-moi le SAV" once ended a one-word department name).

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use baton_core::{ConversationId, NewTurn, Role, Turn};
use baton_rules::{RuleSet, to_turn as turn};

/// Every file named `name` under `eval/`.
fn eval_files(name: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("eval")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.file_name().is_some_and(|f| f == name) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The text cut after each word and before each word (the whole text included).
fn cuts(text: &str) -> Vec<&str> {
    let mut out = vec![text];
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            out.push(&text[..i]);
            out.push(&text[i + c.len_utf8()..]);
        }
    }
    out
}

/// Evaluates `history` and names it when the rules panic.
fn evaluate(rules: &RuleSet, history: &[Turn], failures: &mut Vec<String>, source: &Path) {
    if catch_unwind(AssertUnwindSafe(|| rules.evaluate(history))).is_err() {
        let last = history.last().map_or("", |t| t.text.as_str());
        failures.push(format!("{}: {last:?}", source.display()));
    }
}

#[test]
fn no_cut_of_an_evaluation_sentence_makes_the_rules_panic() {
    let rules = RuleSet::builtin();
    let mut failures = Vec::new();
    let mut evaluated = 0usize;
    let files = eval_files("intents.tsv");
    assert!(files.len() >= 50, "{} intent sets found", files.len());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines().skip(1) {
            let Some(sentence) = line.split('\t').nth(2) else {
                continue;
            };
            let conversation = ConversationId::new();
            for cut in cuts(sentence) {
                let said = NewTurn {
                    role: Some(Role::Customer),
                    text: cut.to_owned(),
                    ..NewTurn::default()
                };
                evaluate(&rules, &[turn(conversation, 1, said)], &mut failures, file);
                evaluated += 1;
            }
        }
    }
    assert!(evaluated > 100_000, "{evaluated} texts evaluated");
    assert!(
        failures.is_empty(),
        "the rules panicked on:\n{}",
        failures.join("\n")
    );
}

#[test]
fn no_cut_of_a_conversations_last_customer_turn_makes_the_rules_panic() {
    let rules = RuleSet::builtin();
    let mut failures = Vec::new();
    let mut evaluated = 0usize;
    let files = eval_files("conversations.jsonl");
    assert!(files.len() >= 50, "{} conversation sets found", files.len());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
            let turns: Vec<NewTurn> =
                serde_json::from_value(value["turns"].take()).unwrap_or_else(|e| {
                    panic!("{}: {e}", file.display());
                });
            let Some(last) = turns
                .iter()
                .rposition(|t| t.role.unwrap_or(Role::Customer) == Role::Customer)
            else {
                continue;
            };
            let conversation = ConversationId::new();
            let before: Vec<Turn> = turns[..last]
                .iter()
                .enumerate()
                .map(|(i, t)| turn(conversation, i + 1, t.clone()))
                .collect();
            for cut in cuts(&turns[last].text) {
                let mut history = before.clone();
                let said = NewTurn {
                    text: cut.to_owned(),
                    ..turns[last].clone()
                };
                history.push(turn(conversation, last + 1, said));
                evaluate(&rules, &history, &mut failures, file);
                evaluated += 1;
            }
        }
    }
    assert!(evaluated > 50_000, "{evaluated} conversations evaluated");
    assert!(
        failures.is_empty(),
        "the rules panicked on:\n{}",
        failures.join("\n")
    );
}
