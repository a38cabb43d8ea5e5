//! End-to-end tests of the rule engine: rules files, replayed transcripts and the
//! measurements on the evaluation data sets (copied with their licences into
//! `data/eval/`, so a plain clone runs them).

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::io::BufReader;
use std::path::PathBuf;

use baton_core::Reason;
use baton_rules::{RuleSet, RulesError, eval_intents, eval_sentiment, replay, rules_json_schema};

fn own(rel: &str) -> BufReader<std::fs::File> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("eval")
        .join(rel);
    BufReader::new(std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn shared(rel: &str) -> BufReader<std::fs::File> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/eval")
        .join(rel);
    BufReader::new(std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn transcripts_cover_every_rule_reason_and_replay_as_expected() {
    let rules = RuleSet::builtin();
    let file = include_str!("transcripts.jsonl");
    let mut progress = 0;
    let report = replay(&rules, file.as_bytes(), |b| progress = b).unwrap();
    assert_eq!(progress, file.len() as u64);
    for row in &report.conversations {
        let e = row.expect.as_ref().unwrap();
        assert_eq!(row.handoff, e.handoff, "{row}");
        assert_eq!(row.reason, e.reason, "{row}");
        assert_eq!(row.turn, e.turn, "{row}");
        assert!(!row.explanation.is_empty());
    }
    // Every reason a rule can produce (manual is the API's own) is covered.
    for reason in Reason::ALL.into_iter().filter(|r| *r != Reason::Manual) {
        assert!(
            report
                .conversations
                .iter()
                .any(|r| r.reason == Some(reason)),
            "{reason} not covered"
        );
    }
    let s = &report.summary;
    assert_eq!(
        (
            s.precision,
            s.recall,
            s.decision_accuracy,
            s.reason_accuracy
        ),
        (1.0, 1.0, 1.0, 1.0)
    );
    let json = serde_json::to_value(s).unwrap();
    for key in [
        "conversations",
        "precision",
        "recall",
        "f1",
        "decision_accuracy",
        "reason_accuracy",
        "per_reason",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let row = serde_json::to_value(&report.conversations[0]).unwrap();
    for key in ["id", "handoff", "reason", "rule", "turn", "explanation"] {
        assert!(row.get(key).is_some(), "{key}");
    }
    assert!(report.to_string().contains("precision 1.000"));
}

#[test]
fn a_malformed_transcript_line_is_named() {
    let input = "{\"id\":\"a\",\"turns\":[{\"role\":\"customer\",\"text\":\"hi\"}]}\n{not json}\n";
    let err = replay(&RuleSet::builtin(), input.as_bytes(), |_| {}).unwrap_err();
    assert!(matches!(err, RulesError::Input { line: 2, .. }), "{err}");
}

#[test]
fn decisions_explain_themselves() {
    let rules = RuleSet::builtin();
    let line = r#"{"id":"x","turns":[{"role":"customer","text":"let me talk to a human"}]}"#;
    let report = replay(&rules, line.as_bytes(), |_| {}).unwrap();
    let row = &report.conversations[0];
    assert_eq!(row.rule.as_deref(), Some("customer-asks-for-a-person"));
    assert!(
        row.explanation.contains("talk to a human"),
        "{}",
        row.explanation
    );
    // Written for the person taking over: no rule names, priorities or queues (the
    // queue is the router's choice, shown where the handoff is).
    assert_eq!(
        row.explanation, "The customer asked for a person: \"talk to a human\".",
        "{}",
        row.explanation
    );
}

fn rules_err(yaml: &str) -> RulesError {
    RuleSet::from_yaml("rules.yaml", yaml).unwrap_err()
}

fn assert_names(err: &RulesError, line: usize, field_part: &str) {
    match err {
        RulesError::Invalid {
            file,
            line: l,
            field,
            hint,
            ..
        } => {
            assert_eq!(file, "rules.yaml");
            assert_eq!(*l, line, "{err}");
            assert!(
                field.contains(field_part),
                "{field} should name {field_part}: {err}"
            );
            assert!(!hint.is_empty());
        }
        other => panic!("expected Invalid, got {other}"),
    }
    let text = err.to_string();
    assert!(text.starts_with(&format!("rules.yaml:{line}:")), "{text}");
}

#[test]
fn unknown_fields_are_refused_with_line_and_field() {
    let err = rules_err(
        "rules:\n  - name: a\n    reason: loop\n    priorty: 3\n    when:\n      - urgency: {}\n",
    );
    assert_names(&err, 4, "rules[0]");
    assert!(err.to_string().contains("priorty"));
}

#[test]
fn a_bad_reason_is_refused_with_the_list() {
    let err = rules_err("rules:\n  - name: a\n    reason: angry\n    when:\n      - urgency: {}\n");
    assert_names(&err, 3, "rules[0].reason");
    assert!(err.to_string().contains("explicit_request"), "{err}");
}

#[test]
fn a_bad_regex_is_refused_with_line_and_field() {
    let err = rules_err(
        "rules:\n  - name: a\n    reason: manual\n    when:\n      - regex: { pattern: \"(unclosed\" }\n",
    );
    assert_names(&err, 5, "rules[0].when[0]");
    assert!(err.to_string().contains("regex"), "{err}");
}

#[test]
fn a_wrong_type_is_refused_with_line_and_field() {
    let err = rules_err(
        "rules:\n  - name: a\n    reason: loop\n    priority: high\n    when:\n      - urgency: {}\n",
    );
    assert_names(&err, 4, "rules[0].priority");
    let err = rules_err(
        "rules:\n  - name: a\n    reason: low_confidence\n    when:\n      - low_confidence: { below: 1.5 }\n",
    );
    assert_names(&err, 5, "rules[0].when[0]");
}

#[test]
fn duplicate_names_and_bad_targets_are_refused() {
    let err = rules_err(
        "rules:\n  - name: a\n    reason: loop\n    when: [urgency: {}]\n  - name: a\n    reason: loop\n    when: [urgency: {}]\n",
    );
    assert_names(&err, 2, "rules[1].name");
    let err = rules_err(
        "rules:\n  - name: a\n    reason: loop\n    target: \"{{ho:}}\"\n    when: [urgency: {}]\n",
    );
    assert_names(&err, 4, "rules[0].target");
}

#[test]
fn builtin_rules_load_describe_and_validate() {
    let rules =
        RuleSet::from_yaml("default_rules.yaml", include_str!("../default_rules.yaml")).unwrap();
    assert!(rules.window() >= 8);
    let described = rules.describe();
    assert_eq!(described[0].name, "customer-asks-for-a-person");
    assert!(
        described
            .iter()
            .all(|d| d.description.starts_with("hands off for"))
    );
    let schema = rules_json_schema();
    assert!(schema.to_string().contains("explicit_request"));
}

#[test]
fn intents_dev_meets_the_targets() {
    let r = eval_intents(shared("intents/bitext_dev.tsv")).unwrap();
    assert!(r.recall >= 0.99, "{r}");
    assert!(r.false_positive_rate <= 0.005, "{r}");
}

#[test]
fn intents_holdout_meets_the_issue_targets() {
    let r = eval_intents(shared("intents/bitext_holdout.tsv")).unwrap();
    println!("{r}");
    assert!(r.recall >= 0.99, "{r}");
    assert!(r.false_positive_rate <= 0.005, "{r}");
    let json = serde_json::to_value(&r).unwrap();
    for key in [
        "positives",
        "recall",
        "negatives",
        "false_positive_rate",
        "customer_service_rate",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

/// Python vaderSentiment 3.3.2's Pearson r on each set, measured on this data to four
/// decimals (the README rounds them to three).
#[test]
fn sentiment_correlates_at_least_as_well_as_vader() {
    for (file, vader) in [
        ("tweets_GroundTruth.txt", 0.8722),
        ("amazonReviewSnippets_GroundTruth.txt", 0.5896),
        ("movieReviewSnippets_GroundTruth.txt", 0.4274),
        ("nytEditorialSnippets_GroundTruth.txt", 0.5028),
    ] {
        let r = eval_sentiment(shared(&format!("sentiment/{file}"))).unwrap();
        println!("{file}: {r}");
        assert!(r.pearson_r >= vader, "{file}: {} < {vader}", r.pearson_r);
    }
}

#[test]
fn an_error_in_one_rule_is_not_reported_on_the_next() {
    let err = rules_err(
        "rules:\n  - name: a\n    reason: manual\n    target: \"bad target!\"\n    when: [urgency: {}]\n  - name: b\n    reason: loop\n    target: q\n    when: [urgency: {}]\n",
    );
    assert_names(&err, 4, "rules[0].target");
}

/// The independent replay set (`eval/conversations.jsonl`): the targets of issue 12, every
/// reason a rule can give at least five times, chat and voice.
#[test]
fn the_own_replay_set_meets_the_targets() {
    let report = replay(&RuleSet::builtin(), own("conversations.jsonl"), |_| {}).unwrap();
    let s = &report.summary;
    println!("{s}");
    assert!(s.conversations >= 100, "{}", s.conversations);
    assert!(s.decision_accuracy >= 0.95, "{s}");
    assert!(s.reason_accuracy >= 0.9, "{s}");
    for reason in Reason::ALL.into_iter().filter(|r| *r != Reason::Manual) {
        let support = s.per_reason.get(&reason).map_or(0, |p| p.support);
        assert!(support >= 5, "{reason}: {support}");
    }
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("eval/conversations.jsonl"),
    )
    .unwrap();
    assert!(text.contains(r#""channel": "voice""#) && text.contains(r#""channel": "chat""#));
    // Same-turn conflicts list every reason, the winner first.
    let conflict = report
        .conversations
        .iter()
        .find(|r| r.id == "cf-explicit-vs-urgency")
        .unwrap();
    assert_eq!(
        conflict.reasons,
        vec![Reason::ExplicitRequest, Reason::Urgency]
    );
}

/// Ordinary conversations with routine complaints: the false-positive rate of the defaults.
#[test]
fn ordinary_conversations_rarely_hand_off() {
    let report = replay(&RuleSet::builtin(), own("ordinary.jsonl"), |_| {}).unwrap();
    let s = &report.summary;
    println!("{s}");
    assert!(s.conversations >= 50);
    let rate = s.handoffs as f64 / s.conversations as f64;
    assert!(rate <= 0.05, "{report}");
    // The summary says how many hand-offs were false, and that recall is undefined for a
    // set with no hand-off expected (not 0.000).
    let shown = s.to_string();
    assert!(
        shown.contains(&format!(
            "false hand-offs: {} of {} conversations expected not to hand off",
            s.false_positives, s.labelled
        )),
        "{shown}"
    );
    assert!(shown.contains("recall n/a"), "{shown}");
}

/// The independent intents set: at least 0.95 in every category of 20 rows or more.
#[test]
fn the_own_intents_set_meets_the_targets_in_every_category() {
    let r = eval_intents(own("intents.tsv")).unwrap();
    println!("{r}");
    assert!(r.categories.values().map(|c| c.rows).sum::<u64>() >= 300);
    for (name, c) in &r.categories {
        if c.rows >= 20 {
            assert!(c.accuracy >= 0.95, "{name}: {r}");
        }
    }
}

/// The sets written blind by other sessions (`eval/blind/`, `eval/blind2/`): the same
/// targets.
#[test]
fn the_blind_sets_meet_the_targets() {
    let rules = RuleSet::builtin();
    for set in ["blind", "blind2"] {
        let r = eval_intents(own(&format!("{set}/intents.tsv"))).unwrap();
        println!("{set}: {r}");
        for (name, c) in &r.categories {
            if c.rows >= 20 {
                assert!(c.accuracy >= 0.95, "{set} {name}: {r}");
            }
        }
        let report = replay(&rules, own(&format!("{set}/conversations.jsonl")), |_| {}).unwrap();
        println!("{set}: {report}");
        assert!(report.summary.decision_accuracy >= 0.95, "{set}: {report}");
        assert!(report.summary.reason_accuracy >= 0.9, "{set}: {report}");
    }
}

/// The blind sets of the third to fifty-fifth rounds (`eval/blind3/` … `eval/blind55/`) each
/// guided a round after their honest figures were taken (in their READMEs) and are not all
/// at the issue's targets; they are held at what those rounds reached, so that no later
/// change loses it.
#[test]
fn the_later_blind_sets_keep_their_figures() {
    let rules = RuleSet::builtin();
    for (set, intents, decision, reason) in [
        ("blind3", 0.93, 0.99, 0.99),
        ("blind4", 0.91, 0.97, 0.96),
        ("blind5", 0.96, 0.96, 0.94),
        ("blind6", 0.96, 0.98, 0.97),
        ("blind7", 0.95, 0.97, 0.96),
        ("blind8", 0.94, 0.95, 0.94),
        ("blind9", 0.94, 0.99, 0.99),
        ("blind10", 0.96, 0.99, 0.98),
        ("blind11", 0.98, 0.96, 0.96),
        ("blind12", 0.99, 0.99, 0.99),
        ("blind13", 0.98, 0.98, 0.98),
        ("blind14", 0.97, 0.98, 0.98),
        ("blind15", 0.99, 0.99, 0.98),
        ("blind16", 0.98, 0.98, 0.98),
        ("blind17", 0.98, 0.96, 0.95),
        ("blind18", 0.99, 0.99, 0.99),
        ("blind19", 0.99, 0.98, 0.97),
        ("blind20", 0.99, 0.99, 0.99),
        ("blind21", 0.98, 0.99, 0.99),
        ("blind22", 0.98, 0.95, 0.95),
        ("blind23", 0.99, 0.99, 0.99),
        ("blind24", 0.97, 0.96, 0.95),
        ("blind25", 0.97, 0.97, 0.96),
        ("blind26", 0.99, 0.98, 0.96),
        ("blind27", 0.99, 0.96, 0.95),
        ("blind28", 0.96, 0.95, 0.93),
        ("blind29", 0.97, 0.99, 0.97),
        ("blind30", 0.99, 0.96, 0.96),
        ("blind31", 0.95, 0.97, 0.97),
        ("blind32", 0.98, 0.99, 0.99),
        ("blind33", 0.98, 0.98, 0.97),
        ("blind34", 0.97, 0.98, 0.98),
        ("blind35", 0.97, 0.98, 0.97),
        ("blind36", 0.95, 0.99, 0.98),
        ("blind37", 0.93, 0.97, 0.95),
        ("blind38", 0.95, 0.96, 0.96),
        ("blind39", 0.95, 0.97, 0.96),
        ("blind40", 0.95, 0.96, 0.94),
        ("blind41", 0.93, 0.96, 0.92),
        ("blind42", 0.91, 0.98, 0.97),
        ("blind43", 0.95, 0.96, 0.94),
        ("blind44", 0.93, 0.95, 0.93),
        ("blind45", 0.93, 0.95, 0.91),
        ("blind46", 0.93, 0.98, 0.96),
        ("blind47", 0.91, 0.99, 0.98),
        ("blind48", 0.92, 0.99, 0.98),
        ("blind49", 0.92, 0.95, 0.93),
        ("blind50", 0.94, 0.96, 0.93),
        ("blind51", 0.92, 0.95, 0.93),
        ("blind52", 0.95, 0.95, 0.93),
        ("blind53", 0.97, 0.96, 0.96),
        ("blind54", 0.96, 0.98, 0.97),
        ("blind55", 0.95, 0.95, 0.95),
        ("blind56", 0.97, 0.98, 0.97),
        ("blind57", 0.98, 0.98, 0.98),
        ("blind58", 0.97, 0.97, 0.95),
        ("blind59", 0.97, 0.96, 0.95),
        ("blind60", 0.99, 0.99, 0.99),
        ("blind61", 0.98, 0.99, 0.99),
        ("blind62", 0.98, 0.99, 0.99),
        ("blind63", 0.98, 0.97, 0.96),
        ("blind64", 0.98, 0.99, 0.99),
        ("blind65", 0.95, 0.98, 0.99),
        ("blind66", 0.97, 0.98, 0.98),
        ("blind67", 0.98, 0.99, 0.99),
        ("blind68", 0.97, 0.98, 0.97),
        ("blind69", 0.95, 0.98, 0.96),
        ("blind70", 0.98, 0.98, 0.98),
        ("blind71", 0.99, 0.99, 0.99),
        ("blind72", 0.99, 0.99, 0.99),
        ("blind73", 0.99, 0.99, 0.99),
        ("blind74", 0.99, 0.99, 0.99),
        ("blind75", 0.99, 0.99, 0.99),
        ("blind76", 0.96, 0.96, 0.94),
        ("blind77", 0.98, 0.98, 0.99),
        ("blind78", 0.96, 0.98, 0.97),
        ("blind79", 0.99, 0.99, 0.99),
        ("blind80", 0.96, 0.98, 0.97),
        ("blind81", 0.96, 0.94, 0.96),
        ("blind82", 0.95, 0.99, 0.99),
        ("blind83", 0.92, 0.92, 0.88),
    ] {
        let r = eval_intents(own(&format!("{set}/intents.tsv"))).unwrap();
        println!("{set}: {r}");
        assert!(r.accuracy.is_some_and(|a| a >= intents), "{set}: {r}");
        assert!(r.false_positive_rate <= 0.01, "{set}: {r}");
        let report = replay(&rules, own(&format!("{set}/conversations.jsonl")), |_| {}).unwrap();
        println!("{set}: {report}");
        assert!(
            report.summary.decision_accuracy >= decision,
            "{set}: {report}"
        );
        assert!(report.summary.reason_accuracy >= reason, "{set}: {report}");
    }
}

/// The evaluation sets stay a fair test: none of their sentences (four words or more) is
/// written verbatim into the rule data — the lexicons, patterns and default rules.
#[test]
fn no_evaluation_sentence_is_in_the_rule_data() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // Every source file of the signals (the lexicons and patterns), wherever it sits.
    let mut files: Vec<PathBuf> = [
        "default_rules.yaml",
        "src/ruleset.rs",
        "src/analysis.rs",
        "data/vader_lexicon.txt",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    let mut dirs = vec![root.join("src/signals")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 15, "the signal sources were found");
    let rule_data: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap().to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let mut sentences: Vec<String> = [
        "eval/intents.tsv",
        "eval/blind/intents.tsv",
        "eval/blind2/intents.tsv",
        "eval/blind3/intents.tsv",
        "eval/blind4/intents.tsv",
        "eval/blind5/intents.tsv",
        "eval/blind6/intents.tsv",
        "eval/blind7/intents.tsv",
        "eval/blind8/intents.tsv",
        "eval/blind9/intents.tsv",
        "eval/blind10/intents.tsv",
        "eval/blind11/intents.tsv",
        "eval/blind12/intents.tsv",
        "eval/blind13/intents.tsv",
        "eval/blind14/intents.tsv",
        "eval/blind15/intents.tsv",
        "eval/blind16/intents.tsv",
        "eval/blind17/intents.tsv",
        "eval/blind18/intents.tsv",
        "eval/blind19/intents.tsv",
        "eval/blind20/intents.tsv",
        "eval/blind21/intents.tsv",
        "eval/blind22/intents.tsv",
        "eval/blind23/intents.tsv",
        "eval/blind24/intents.tsv",
        "eval/blind25/intents.tsv",
        "eval/blind26/intents.tsv",
        "eval/blind27/intents.tsv",
        "eval/blind28/intents.tsv",
        "eval/blind29/intents.tsv",
        "eval/blind30/intents.tsv",
        "eval/blind31/intents.tsv",
        "eval/blind32/intents.tsv",
        "eval/blind33/intents.tsv",
        "eval/blind34/intents.tsv",
        "eval/blind35/intents.tsv",
        "eval/blind36/intents.tsv",
        "eval/blind37/intents.tsv",
        "eval/blind38/intents.tsv",
        "eval/blind39/intents.tsv",
        "eval/blind40/intents.tsv",
        "eval/blind41/intents.tsv",
        "eval/blind42/intents.tsv",
        "eval/blind43/intents.tsv",
        "eval/blind44/intents.tsv",
        "eval/blind45/intents.tsv",
        "eval/blind46/intents.tsv",
        "eval/blind47/intents.tsv",
        "eval/blind48/intents.tsv",
        "eval/blind49/intents.tsv",
        "eval/blind50/intents.tsv",
        "eval/blind51/intents.tsv",
        "eval/blind52/intents.tsv",
        "eval/blind53/intents.tsv",
        "eval/blind54/intents.tsv",
        "eval/blind55/intents.tsv",
        "eval/blind56/intents.tsv",
        "eval/blind57/intents.tsv",
        "eval/blind58/intents.tsv",
        "eval/blind59/intents.tsv",
        "eval/blind60/intents.tsv",
        "eval/blind61/intents.tsv",
        "eval/blind62/intents.tsv",
        "eval/blind63/intents.tsv",
        "eval/blind64/intents.tsv",
        "eval/blind65/intents.tsv",
        "eval/blind66/intents.tsv",
        "eval/blind67/intents.tsv",
        "eval/blind68/intents.tsv",
        "eval/blind69/intents.tsv",
        "eval/blind70/intents.tsv",
        "eval/blind71/intents.tsv",
        "eval/blind72/intents.tsv",
        "eval/blind73/intents.tsv",
        "eval/blind74/intents.tsv",
        "eval/blind75/intents.tsv",
        "eval/blind76/intents.tsv",
        "eval/blind77/intents.tsv",
        "eval/blind78/intents.tsv",
        "eval/blind79/intents.tsv",
        "eval/blind80/intents.tsv",
        "eval/blind81/intents.tsv",
        "eval/blind82/intents.tsv",
        "eval/blind83/intents.tsv",
    ]
    .iter()
    .flat_map(|f| {
        std::fs::read_to_string(root.join(f))
            .unwrap()
            .lines()
            .skip(1)
            .filter_map(|l| l.splitn(3, '\t').nth(2).map(str::to_owned))
            .collect::<Vec<_>>()
    })
    .collect();
    for file in [
        "eval/conversations.jsonl",
        "eval/ordinary.jsonl",
        "eval/blind/conversations.jsonl",
        "eval/blind2/conversations.jsonl",
        "eval/blind3/conversations.jsonl",
        "eval/blind4/conversations.jsonl",
        "eval/blind5/conversations.jsonl",
        "eval/blind6/conversations.jsonl",
        "eval/blind7/conversations.jsonl",
        "eval/blind8/conversations.jsonl",
        "eval/blind9/conversations.jsonl",
        "eval/blind10/conversations.jsonl",
        "eval/blind11/conversations.jsonl",
        "eval/blind12/conversations.jsonl",
        "eval/blind13/conversations.jsonl",
        "eval/blind14/conversations.jsonl",
        "eval/blind15/conversations.jsonl",
        "eval/blind16/conversations.jsonl",
        "eval/blind17/conversations.jsonl",
        "eval/blind18/conversations.jsonl",
        "eval/blind19/conversations.jsonl",
        "eval/blind20/conversations.jsonl",
        "eval/blind21/conversations.jsonl",
        "eval/blind22/conversations.jsonl",
        "eval/blind23/conversations.jsonl",
        "eval/blind24/conversations.jsonl",
        "eval/blind25/conversations.jsonl",
        "eval/blind26/conversations.jsonl",
        "eval/blind27/conversations.jsonl",
        "eval/blind28/conversations.jsonl",
        "eval/blind29/conversations.jsonl",
        "eval/blind30/conversations.jsonl",
        "eval/blind31/conversations.jsonl",
        "eval/blind32/conversations.jsonl",
        "eval/blind33/conversations.jsonl",
        "eval/blind34/conversations.jsonl",
        "eval/blind35/conversations.jsonl",
        "eval/blind36/conversations.jsonl",
        "eval/blind37/conversations.jsonl",
        "eval/blind38/conversations.jsonl",
        "eval/blind39/conversations.jsonl",
        "eval/blind40/conversations.jsonl",
        "eval/blind41/conversations.jsonl",
        "eval/blind42/conversations.jsonl",
        "eval/blind43/conversations.jsonl",
        "eval/blind44/conversations.jsonl",
        "eval/blind45/conversations.jsonl",
        "eval/blind46/conversations.jsonl",
        "eval/blind47/conversations.jsonl",
        "eval/blind48/conversations.jsonl",
        "eval/blind49/conversations.jsonl",
        "eval/blind50/conversations.jsonl",
        "eval/blind51/conversations.jsonl",
        "eval/blind52/conversations.jsonl",
        "eval/blind53/conversations.jsonl",
        "eval/blind54/conversations.jsonl",
        "eval/blind55/conversations.jsonl",
        "eval/blind56/conversations.jsonl",
        "eval/blind57/conversations.jsonl",
        "eval/blind58/conversations.jsonl",
        "eval/blind59/conversations.jsonl",
        "eval/blind60/conversations.jsonl",
        "eval/blind61/conversations.jsonl",
        "eval/blind62/conversations.jsonl",
        "eval/blind63/conversations.jsonl",
        "eval/blind64/conversations.jsonl",
        "eval/blind65/conversations.jsonl",
        "eval/blind66/conversations.jsonl",
        "eval/blind67/conversations.jsonl",
        "eval/blind68/conversations.jsonl",
        "eval/blind69/conversations.jsonl",
        "eval/blind70/conversations.jsonl",
        "eval/blind71/conversations.jsonl",
        "eval/blind72/conversations.jsonl",
        "eval/blind73/conversations.jsonl",
        "eval/blind74/conversations.jsonl",
        "eval/blind75/conversations.jsonl",
        "eval/blind76/conversations.jsonl",
        "eval/blind77/conversations.jsonl",
        "eval/blind78/conversations.jsonl",
        "eval/blind79/conversations.jsonl",
        "eval/blind80/conversations.jsonl",
        "eval/blind81/conversations.jsonl",
        "eval/blind82/conversations.jsonl",
        "eval/blind83/conversations.jsonl",
    ] {
        for line in std::fs::read_to_string(root.join(file)).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            for t in v["turns"].as_array().unwrap() {
                sentences.push(t["text"].as_str().unwrap().to_owned());
            }
        }
    }
    assert!(sentences.len() > 500);
    let leaked: Vec<&String> = sentences
        .iter()
        .filter(|s| s.split_whitespace().count() >= 4)
        .filter(|s| rule_data.contains(&s.to_lowercase()))
        .collect();
    assert!(leaked.is_empty(), "in the rule data: {leaked:?}");
}

/// Every decision on the sentiment and Bitext sets — each sentence's compound score to four
/// decimals and its explicit-request match — hashed. Speed work must leave it unchanged;
/// when a deliberate lexicon change moves it, print the new value and update the constant
/// in the same commit (`cargo run -p baton-rules --example decisions -- FILES` shows each
/// line, to diff before and after).
#[test]
fn decisions_on_the_reference_sets_are_unchanged() {
    // Moved on purpose by the thirty-fifth round: thirteen review and tweet sentences where
    // "like" compares ("feel like real people") are no longer read as wanting a person.
    // Moved again by the sixtieth: two sentences where a wh-word stands between the verb
    // and "people" ("… get why people …") are no longer read as wanting a person.
    const EXPECTED: u64 = 0x77e3_4c20_00af_d7b3;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/eval");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut lines = 0;
    for file in [
        "sentiment/amazonReviewSnippets_GroundTruth.txt",
        "sentiment/movieReviewSnippets_GroundTruth.txt",
        "sentiment/nytEditorialSnippets_GroundTruth.txt",
        "sentiment/tweets_GroundTruth.txt",
        "intents/bitext_dev.tsv",
        "intents/bitext_holdout.tsv",
    ] {
        for line in std::fs::read_to_string(root.join(file)).unwrap().lines() {
            let text = line
                .trim_end_matches('\r')
                .rsplit('\t')
                .next()
                .unwrap_or("");
            let s = baton_rules::signals::sentiment::compound(text);
            let e = baton_rules::signals::explicit::detect(text);
            let out = format!(
                "{s:.4}\t{}\n",
                e.map_or("-".to_string(), |m| format!("{}:{}", m.pattern, m.phrase))
            );
            for b in out.bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            lines += 1;
        }
    }
    assert!(lines > 28_000);
    assert_eq!(hash, EXPECTED, "decisions changed: {hash:#x}");
}
