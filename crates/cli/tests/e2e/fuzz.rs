//! A property test over every JSON body the API documents: documents generated from
//! the OpenAPI schemas, then mutated (wrong types, missing and unknown fields, odd
//! strings and numbers, odd times, broken bytes), sent to the real server. None may
//! get a 5xx, every refusal is a problem document, and the server stays up.
//!
//! Runs for `BATON_FUZZ_SECS` seconds (default 4); `BATON_FUZZ_SEED` replays a run.
//! For minutes: `BATON_FUZZ_SECS=600 cargo test -p baton --test e2e fuzz -- --nocapture`.

use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};

use crate::harness::{ADMIN, Baton, s};

/// SplitMix64: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "a",
    "0000-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
    "1970-01-01T00:00:00Z",
    "2026-02-30T25:61:61Z",
    "not a time",
    "../../etc/passwd",
    "\u{0000}",
    "\u{202e}rtl",
    "😀😀😀",
    "{{ho:nowhere}}",
    "customer",
    "ai",
    "chat",
    "voice",
    "manual",
    "explicit_request",
    "support",
    "handoff.requested",
    "http://localhost./hook",
    "http://127.0.0.1:1/x",
    "https://example.com/hook",
    "019a6b1e-5f2c-7cc0-8a51-2b1c3d4e5f60",
    "4111 1111 1111 1111",
    "I want to talk to a real person right now",
    "%ff%fe",
    "null",
];

fn odd_number(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(1.5),
        3 => json!(i64::MAX),
        4 => json!(i64::MIN),
        5 => json!(u64::MAX),
        6 => json!(1e308),
        7 => json!(-0.0),
        _ => json!(0.42),
    }
}

fn odd_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 3 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.chance(50)),
        2 => odd_number(rng),
        3 => json!(rng.pick(ODD_STRINGS)),
        4 => json!("x".repeat(rng.below(70_000))),
        5 => Value::Array(
            (0..rng.below(4))
                .map(|_| odd_value(rng, depth + 1))
                .collect(),
        ),
        6 => {
            let mut m = Map::new();
            for _ in 0..rng.below(4) {
                m.insert(rng.pick(ODD_STRINGS).to_string(), odd_value(rng, depth + 1));
            }
            Value::Object(m)
        }
        _ => {
            // Deep nesting.
            let mut v = json!(1);
            for _ in 0..rng.below(200) {
                v = json!([v]);
            }
            v
        }
    }
}

fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/")
            .map(|p| p.split('/').fold(spec, |v, k| &v[k]))
            .unwrap_or(&Value::Null),
        None => schema,
    }
}

/// A value that fits `schema` (as far as a simple reading of it goes).
fn generate(spec: &Value, schema: &Value, rng: &mut Rng, depth: usize) -> Value {
    let schema = resolve(spec, schema);
    if depth > 6 {
        return Value::Null;
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array)
            && !options.is_empty()
        {
            let i = rng.below(options.len());
            return generate(spec, &options[i], rng, depth + 1);
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        let mut out = Map::new();
        for part in all {
            if let Value::Object(m) = generate(spec, part, rng, depth + 1) {
                out.extend(m);
            }
        }
        return Value::Object(out);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && !values.is_empty()
    {
        return rng.pick(values).clone();
    }
    let ty = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => {
            let t = rng.pick(ts);
            t.as_str().unwrap_or("null").to_owned()
        }
        _ if schema.get("properties").is_some() => "object".into(),
        _ => return odd_value(rng, depth),
    };
    match ty.as_str() {
        "object" => {
            let mut m = Map::new();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                for (k, sub) in props {
                    if required.contains(&k.as_str()) || rng.chance(60) {
                        m.insert(k.clone(), generate(spec, sub, rng, depth + 1));
                    }
                }
            }
            Value::Object(m)
        }
        "array" => {
            let items = schema.get("items").cloned().unwrap_or(Value::Null);
            Value::Array(
                (0..rng.below(3))
                    .map(|_| generate(spec, &items, rng, depth + 1))
                    .collect(),
            )
        }
        "string" => match schema.get("format").and_then(Value::as_str) {
            Some("date-time") => json!(rng.pick(&[
                "2026-12-03T10:00:00Z",
                "0000-01-01T00:00:00+23:59",
                "9999-12-31T23:59:59-23:59",
                "2026-12-03T10:00:00+05:30",
            ])),
            Some("uuid") => json!("019a6b1e-5f2c-7cc0-8a51-2b1c3d4e5f60"),
            _ => json!(rng.pick(ODD_STRINGS)),
        },
        "integer" => odd_number(rng),
        "number" => match rng.below(3) {
            0 => json!(0.3),
            1 => json!(1.0),
            _ => odd_number(rng),
        },
        "boolean" => json!(rng.chance(50)),
        _ => Value::Null,
    }
}

/// Breaks a generated document in one of several ways.
fn mutate(doc: Value, rng: &mut Rng) -> Vec<u8> {
    let mut doc = doc;
    match rng.below(6) {
        0 => {}
        1 => {
            // Replace or add a field with an odd value.
            if let Value::Object(m) = &mut doc {
                let key = if !m.is_empty() && rng.chance(70) {
                    let keys: Vec<String> = m.keys().cloned().collect();
                    rng.pick(&keys).clone()
                } else {
                    rng.pick(ODD_STRINGS).to_string()
                };
                m.insert(key, odd_value(rng, 0));
            }
        }
        2 => {
            // Drop a field.
            if let Value::Object(m) = &mut doc
                && !m.is_empty()
            {
                let keys: Vec<String> = m.keys().cloned().collect();
                m.remove(rng.pick(&keys));
            }
        }
        3 => doc = odd_value(rng, 0),
        _ => {}
    }
    let mut bytes = serde_json::to_vec(&doc).unwrap_or_default();
    match rng.below(8) {
        0 if !bytes.is_empty() => bytes.truncate(rng.below(bytes.len())),
        1 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] = rng.next() as u8;
        }
        2 => bytes.extend_from_slice(b" trailing"),
        3 => bytes = vec![0xff, 0xfe, b'{', b'}'],
        _ => {}
    }
    bytes
}

struct Operation {
    method: reqwest::Method,
    path: String,
    schema: Value,
}

fn operations(spec: &Value) -> Vec<Operation> {
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let Some(schema) = op
                .pointer("/requestBody/content/application~1json/schema")
                .cloned()
            else {
                continue;
            };
            let Ok(method) = method.to_uppercase().parse() else {
                continue;
            };
            ops.push(Operation {
                method,
                path: path.clone(),
                schema,
            });
        }
    }
    ops
}

#[tokio::test]
async fn no_generated_or_mutated_body_gets_a_5xx() {
    let secs: u64 = std::env::var("BATON_FUZZ_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let seed: u64 = std::env::var("BATON_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    println!("fuzz: seed {seed} for {secs} s (BATON_FUZZ_SEED={seed} replays it)");
    let mut rng = Rng(seed);

    let baton = Baton::start().await;
    let bot = baton.register("bot", "ai").await;
    let conv = baton.conversation(&bot).await;
    let handoff = baton.handoff(&bot, &conv).await;
    let (_, spec) = baton
        .call(reqwest::Method::GET, "/openapi.json", None, None)
        .await;
    let ops = operations(&spec);
    assert!(
        ops.len() >= 10,
        "the OpenAPI document lists only {} JSON bodies",
        ops.len()
    );
    let ids = [
        conv.clone(),
        handoff.clone(),
        "019a6b1e-5f2c-7cc0-8a51-2b1c3d4e5f60".into(),
        "not-an-id".into(),
    ];
    let tokens = [ADMIN.to_owned(), bot.secret.clone()];

    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut sent = 0u64;
    let mut by_status = std::collections::BTreeMap::<u16, u64>::new();
    while Instant::now() < deadline {
        let op = rng.pick(&ops);
        let mut path = op.path.clone();
        while let Some(start) = path.find('{') {
            let end = path[start..]
                .find('}')
                .map_or(path.len(), |e| start + e + 1);
            // Mostly the matching kind of id, so bodies reach the handler.
            let id = if rng.chance(80) {
                if path.contains("/handoffs/") {
                    handoff.clone()
                } else {
                    conv.clone()
                }
            } else {
                rng.pick(&ids).clone()
            };
            path.replace_range(start..end, &id);
        }
        let doc = generate(&spec, &op.schema, &mut rng, 0);
        let body = mutate(doc, &mut rng);
        let res = baton
            .http
            .request(op.method.clone(), format!("{}{path}", baton.url))
            .bearer_auth(rng.pick(&tokens))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "{} {path}: no answer ({e:?}); body {} (seed {seed})",
                    op.method,
                    String::from_utf8_lossy(&body)
                )
            });
        let status = res.status().as_u16();
        *by_status.entry(status).or_default() += 1;
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let text = res.text().await.unwrap_or_default();
        assert!(
            status < 500,
            "{} {path} answered {status}: {text}\nbody: {} (seed {seed})",
            op.method,
            String::from_utf8_lossy(&body)
                .chars()
                .take(2000)
                .collect::<String>()
        );
        if status >= 400 {
            assert_eq!(
                content_type, "application/problem+json",
                "{} {path} answered {status} without a problem document: {text} (seed {seed})",
                op.method
            );
        }
        sent += 1;
    }
    println!(
        "fuzz: {sent} requests over {} operations; answers {by_status:?}",
        ops.len()
    );
    assert!(sent > 0);
    // Still up and consistent.
    let (st, v) = baton
        .get(&format!("/v1/conversations/{conv}"), &bot.secret)
        .await;
    assert_eq!(st, reqwest::StatusCode::OK, "{v}");
    let log = std::fs::read_to_string(baton.data.path().join("server.log")).unwrap_or_default();
    assert!(
        !log.contains("panicked"),
        "the server log shows a panic (seed {seed})"
    );
    let _ = s(&v["id"]);
}
