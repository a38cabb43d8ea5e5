//! Redaction per receiver: what a desk, a CRM webhook or a partner's agent may
//! see of a package.
//!
//! A policy is configuration (YAML or JSON, unknown fields refused), validated
//! and compiled once: paths are checked against the package schema and regular
//! expressions compiled, so applying it cannot fail on configuration.
//!
//! Applying a policy walks the whole package, not a list of known text fields, so
//! a secret is found wherever it hides: turn text, collected data, CRM fields,
//! artifact metadata, log lines, the summary, field names. In fields the package
//! schema defines (as opposed to free maps such as `customer.data` or `crm`),
//! field names are Baton's own and are not treated as data: `metadata.session_id`
//! is Baton's chat session, while `customer.data.session_id` is somebody's cookie.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::detect::{self, Custom, Found, Keep, KeyClass, Scanner};
use super::mapping::{FieldMapping, FieldMappingConfig};
use super::path::{self, Allow, Path, Shape};
use super::{ContextConfigError, ContextPackage, Redaction, RedactionAction, RedactionKind};

/// How much of a sensitive number a receiver keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaskRule {
    /// Trailing characters kept, e.g. 4 for `•••• 4242`; 0 removes the value. At most 4.
    #[serde(default)]
    pub keep_last: u8,
}

impl MaskRule {
    /// The last four digits: what PCI DSS allows to be displayed of a card.
    pub const LAST_FOUR: MaskRule = MaskRule { keep_last: 4 };
    const MAX_KEEP: u8 = 4;

    fn last_four() -> MaskRule {
        MaskRule::LAST_FOUR
    }
}

/// A deployment's own secret format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternConfig {
    /// Recorded as `pattern:<name>` in `redactions`.
    pub name: String,
    /// A Rust `regex` expression, e.g. `ACME-SECRET-[0-9]{6}`.
    pub regex: String,
    /// Trailing characters kept; 0 (the default) removes the match. At most 4.
    #[serde(default)]
    pub keep_last: u8,
}

/// A receiver's redaction policy, as written in configuration.
///
/// ```yaml
/// include: [summary, history, customer.data.order_number, metadata]
/// exclude: [history.*.data]
/// cards: { keep_last: 4 }
/// national_ids: { keep_last: 0 }
/// bank_accounts: { keep_last: 4 }
/// secret_fields: [mothers_maiden_name]
/// patterns:
///   - { name: acme_secret, regex: "ACME-SECRET-[0-9]{6}" }
/// ```
///
/// Credentials and internal notes are always removed; no setting keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactionPolicyConfig {
    /// When set, only these package paths are sent (plus the envelope: `version`,
    /// `handoff_id`, `conversation_id`, `reason`, `created_at`, `redactions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<String>>,
    /// Package paths never sent; `*` stands for every element of a list.
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default = "MaskRule::last_four")]
    pub cards: MaskRule,
    #[serde(default)]
    pub national_ids: MaskRule,
    #[serde(default)]
    pub bank_accounts: MaskRule,
    /// More field names treated as credentials (compared by words: `mothersMaidenName`
    /// matches `mothers_maiden_name`).
    #[serde(default)]
    pub secret_fields: Vec<String>,
    /// More patterns removed from all text.
    #[serde(default)]
    pub patterns: Vec<PatternConfig>,
}

impl Default for RedactionPolicyConfig {
    /// The strict default: every detector, cards masked to their last four digits,
    /// national IDs and bank accounts removed, logs not sent.
    fn default() -> Self {
        RedactionPolicyConfig {
            include: None,
            exclude: vec!["logs".to_owned()],
            cards: MaskRule::LAST_FOUR,
            national_ids: MaskRule::default(),
            bank_accounts: MaskRule::default(),
            secret_fields: Vec::new(),
            patterns: Vec::new(),
        }
    }
}

/// Why a package could not be redacted.
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("the package could not be turned into JSON: {0}")]
    Serialize(#[source] serde_json::Error),
    #[error(
        "the policy removed fields a typed package requires ({0}); send the document from `redact_value` instead"
    )]
    NotAPackage(#[source] serde_json::Error),
}

/// A compiled redaction policy.
pub struct RedactionPolicy {
    include: Option<Vec<Path>>,
    exclude: Vec<Path>,
    keep: Keep,
    secret_fields: Vec<String>,
    scanner: Scanner,
}

impl std::fmt::Debug for RedactionPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedactionPolicy")
            .field("include", &self.include)
            .field("exclude", &self.exclude)
            .field("keep", &self.keep)
            .finish_non_exhaustive()
    }
}

/// Fields every package keeps whatever the policy includes: a receiver must
/// always be able to tell what it holds and what was taken out.
const ENVELOPE: [&str; 6] = [
    "version",
    "handoff_id",
    "conversation_id",
    "reason",
    "created_at",
    "redactions",
];

impl RedactionPolicy {
    /// Validates and compiles a policy.
    pub fn compile(cfg: &RedactionPolicyConfig) -> Result<RedactionPolicy, ContextConfigError> {
        let shape = Shape::package();
        let paths = |name: &str, list: &[String]| -> Result<Vec<Path>, ContextConfigError> {
            list.iter()
                .enumerate()
                .map(|(i, p)| {
                    let field = format!("{name}[{i}]");
                    let parsed = Path::parse(&field, p, Allow::Wildcards)?;
                    shape.check(&field, &parsed)?;
                    Ok(parsed)
                })
                .collect()
        };
        let include = cfg
            .include
            .as_deref()
            .map(|l| paths("include", l))
            .transpose()?;
        let exclude = paths("exclude", &cfg.exclude)?;
        for (name, rule) in [
            ("cards", cfg.cards),
            ("national_ids", cfg.national_ids),
            ("bank_accounts", cfg.bank_accounts),
        ] {
            check_keep(&format!("{name}.keep_last"), rule.keep_last)?;
        }
        let mut secret_fields = Vec::new();
        for (i, s) in cfg.secret_fields.iter().enumerate() {
            let n = detect::normalise_key(s);
            if n.is_empty() {
                return Err(ContextConfigError::Invalid {
                    field: format!("secret_fields[{i}]"),
                    message: format!("`{s}` has no letters or digits; name a field"),
                });
            }
            secret_fields.push(n);
        }
        let mut customs = Vec::new();
        let mut names = BTreeMap::new();
        for (i, p) in cfg.patterns.iter().enumerate() {
            let field = format!("patterns[{i}]");
            if p.name.trim().is_empty() {
                return Err(ContextConfigError::Invalid {
                    field: format!("{field}.name"),
                    message: "a pattern needs a name; it is recorded in `redactions`".into(),
                });
            }
            if let Some(first) = names.insert(p.name.clone(), i) {
                return Err(ContextConfigError::Invalid {
                    field: format!("{field}.name"),
                    message: format!(
                        "`{}` is already the name of patterns[{first}]; names must be unique",
                        p.name
                    ),
                });
            }
            let re = Regex::new(&p.regex).map_err(|e| ContextConfigError::BadRegex {
                field: format!("{field}.regex"),
                message: e.to_string(),
            })?;
            if re.is_match("") {
                return Err(ContextConfigError::BadRegex {
                    field: format!("{field}.regex"),
                    message: format!(
                        "`{}` matches the empty string, so it would match everywhere; make it require at least one character",
                        p.regex
                    ),
                });
            }
            check_keep(&format!("{field}.keep_last"), p.keep_last)?;
            customs.push(Custom {
                name: p.name.clone(),
                re,
                keep_last: p.keep_last,
            });
        }
        let keep = Keep {
            card: cfg.cards.keep_last,
            national_id: cfg.national_ids.keep_last,
            bank_account: cfg.bank_accounts.keep_last,
        };
        let scanner =
            Scanner::new(keep, customs).map_err(|message| ContextConfigError::Invalid {
                field: "patterns".into(),
                message,
            })?;
        Ok(RedactionPolicy {
            include,
            exclude,
            keep,
            secret_fields,
            scanner,
        })
    }

    /// The strict default policy (see [`RedactionPolicyConfig::default`]).
    pub fn strict() -> RedactionPolicy {
        match RedactionPolicy::compile(&RedactionPolicyConfig::default()) {
            Ok(p) => p,
            // The default names only built-in paths and patterns, which the
            // tests compile; failing here is a bug in this file, not configuration.
            Err(e) => panic!("the built-in strict policy does not compile: {e}"),
        }
    }

    /// Parses, validates and compiles a policy written in YAML (or JSON, which is YAML).
    pub fn from_yaml(text: &str) -> Result<RedactionPolicy, ContextConfigError> {
        let cfg: RedactionPolicyConfig = parse_yaml(text)?;
        RedactionPolicy::compile(&cfg)
    }

    /// The package as this receiver may see it, as JSON.
    pub fn redact_value(&self, pkg: &ContextPackage) -> Result<Value, RedactError> {
        let v = serde_json::to_value(pkg).map_err(RedactError::Serialize)?;
        Ok(self.redact_json(v))
    }

    /// The package as this receiver may see it. Fails only when the policy's
    /// `include` leaves out fields the typed package requires (e.g. includes
    /// `history.*.text` alone); [`RedactionPolicy::redact_value`] has no such limit.
    pub fn redact(&self, pkg: &ContextPackage) -> Result<ContextPackage, RedactError> {
        let v = self.redact_value(pkg)?;
        serde_json::from_value(v).map_err(RedactError::NotAPackage)
    }

    /// Redacts a package already in JSON form, e.g. one received from another
    /// Baton, possibly of a newer minor version with fields this code doesn't know.
    /// Unknown fields are treated like free data: scanned, and their field names
    /// checked.
    pub fn redact_json(&self, mut v: Value) -> Value {
        let mut records = Vec::new();
        self.filter(&mut v, &mut records);
        let mut walker = Walker {
            policy: self,
            records,
            found: Vec::new(),
        };
        let root = Loc::ROOT;
        if let Value::Object(m) = &mut v {
            let shape = Shape::package();
            m.retain(|k, child| {
                if k == "redactions" {
                    return true;
                }
                walker.entry(k, child, Some(shape), &root)
            });
        } else {
            walker.walk(&mut v, Some(Shape::package()), &root);
        }
        let records = walker.records;
        if let Value::Object(m) = &mut v {
            let list = m
                .entry("redactions")
                .or_insert_with(|| Value::Array(Vec::new()));
            if !list.is_array() {
                *list = Value::Array(Vec::new());
            }
            if let Value::Array(a) = list {
                a.extend(records.iter().map(redaction_json));
            }
        }
        v
    }

    /// Applies `include` and `exclude`, recording what they removed.
    fn filter(&self, v: &mut Value, records: &mut Vec<Redaction>) {
        if let Some(include) = &self.include {
            let mut out = Value::Object(Map::new());
            if let (Value::Object(src), Value::Object(dst)) = (&*v, &mut out) {
                for k in ENVELOPE {
                    if let Some(x) = src.get(k) {
                        dst.insert(k.to_owned(), x.clone());
                    }
                }
            }
            for p in include {
                path::copy(v, &mut out, &p.segs);
            }
            if let (Value::Object(src), Value::Object(dst)) = (&*v, &out) {
                for k in src.keys() {
                    if !dst.contains_key(k) {
                        let mut ptr = String::new();
                        path::push_pointer(&mut ptr, k);
                        records.push(policy_record(ptr, "include"));
                    }
                }
            }
            *v = out;
        }
        for p in &self.exclude {
            if path::remove(v, &p.segs) {
                records.push(policy_record(pointer_of(p), "exclude"));
            }
        }
    }
}

fn check_keep(field: &str, keep: u8) -> Result<(), ContextConfigError> {
    if keep > MaskRule::MAX_KEEP {
        return Err(ContextConfigError::Invalid {
            field: field.to_owned(),
            message: format!(
                "keeps {keep} characters; at most {} may be kept so the rest stays secret",
                MaskRule::MAX_KEEP
            ),
        });
    }
    Ok(())
}

fn policy_record(path: String, rule: &str) -> Redaction {
    Redaction {
        kind: RedactionKind::Policy,
        path,
        rule: format!("policy:{rule}"),
        action: RedactionAction::Removed,
    }
}

/// A dotted policy path as a JSON pointer (`*` stays `*`).
fn pointer_of(p: &Path) -> String {
    let mut s = String::new();
    for seg in &p.segs {
        match seg {
            path::Seg::Key(k) => path::push_pointer(&mut s, k),
            path::Seg::Any => s.push_str("/*"),
            path::Seg::Index(i) => {
                let _ = write!(s, "/{i}");
            }
        }
    }
    s
}

fn redaction_json(r: &Redaction) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), Value::from(r.kind.as_str()));
    m.insert("path".into(), Value::from(r.path.as_str()));
    m.insert("rule".into(), Value::from(r.rule.as_str()));
    m.insert(
        "action".into(),
        Value::from(match r.action {
            RedactionAction::Removed => "removed",
            RedactionAction::Masked => "masked",
        }),
    );
    Value::Object(m)
}

/// Where the walk is, as a chain of borrowed steps: a JSON pointer is only
/// rendered when something is recorded, so clean strings cost no allocation.
#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

struct Loc<'a> {
    parent: Option<&'a Loc<'a>>,
    step: Step<'a>,
}

impl<'a> Loc<'a> {
    const ROOT: Loc<'static> = Loc {
        parent: None,
        step: Step::Root,
    };

    fn child(&'a self, step: Step<'a>) -> Loc<'a> {
        Loc {
            parent: Some(self),
            step,
        }
    }

    fn pointer(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(l) = at {
            steps.push(l.step);
            at = l.parent;
        }
        let mut s = String::new();
        for step in steps.iter().rev() {
            match step {
                Step::Root => {}
                Step::Key(k) => path::push_pointer(&mut s, k),
                Step::Index(i) => {
                    let _ = write!(s, "/{i}");
                }
            }
        }
        s
    }
}

struct Walker<'p> {
    policy: &'p RedactionPolicy,
    records: Vec<Redaction>,
    found: Vec<Found>,
}

impl Walker<'_> {
    fn walk(&mut self, v: &mut Value, shape: Option<&Shape>, loc: &Loc<'_>) {
        match v {
            Value::String(s) => {
                if let Some(Shape::Formatted(f)) = shape
                    && f.conforms(s)
                {
                    return;
                }
                if let Some(new) = self.policy.scanner.redact(s, &mut self.found) {
                    *s = new;
                    self.record_found(loc);
                }
            }
            Value::Number(n) => {
                // Numbers only matter where callers put free data: a card number
                // sent as a JSON number. Schema numbers (seq, size) are never that long.
                if matches!(shape, None | Some(Shape::Free))
                    && n.as_u64().is_some_and(|x| x >= 1_000_000_000_000)
                {
                    let text = n.to_string();
                    if let Some(new) = self.policy.scanner.redact(&text, &mut self.found) {
                        *v = Value::String(new);
                        self.record_found(loc);
                    }
                }
            }
            Value::Array(a) => {
                let items = match shape {
                    Some(Shape::Array(items)) => Some(&**items),
                    Some(Shape::Free) | None => Some(&Shape::Free),
                    _ => None,
                };
                for (i, c) in a.iter_mut().enumerate() {
                    self.walk(c, items, &loc.child(Step::Index(i)));
                }
            }
            Value::Object(m) => {
                m.retain(|k, c| self.entry(k, c, shape, loc));
            }
            Value::Bool(_) | Value::Null => {}
        }
    }

    /// Visits one field; returns whether it stays.
    fn entry(&mut self, key: &str, v: &mut Value, shape: Option<&Shape>, loc: &Loc<'_>) -> bool {
        let (child, free) = match shape {
            Some(s) => s.field(key),
            None => (None, true),
        };
        // Unknown fields of a newer version are walked as free data.
        let child = if free {
            child.or(Some(&Shape::Free))
        } else {
            child
        };
        if !free {
            self.walk(v, child, &loc.child(Step::Key(key)));
            return true;
        }
        // A secret can be a field name: drop the field, and record it under a
        // placeholder, since the pointer would otherwise carry the secret.
        let mut key_found = Vec::new();
        if self.policy.scanner.redact(key, &mut key_found).is_some() {
            let mut path = loc.pointer();
            path.push_str("/[redacted key]");
            for f in key_found {
                let d = self.policy.scanner.detector(f.detector);
                self.records.push(Redaction {
                    kind: d.kind,
                    path: path.clone(),
                    rule: format!("key:{}", d.rule),
                    action: RedactionAction::Removed,
                });
            }
            return false;
        }
        let here = loc.child(Step::Key(key));
        let class = detect::classify_key(key, &self.policy.secret_fields);
        let (kind, keep) = match class {
            None => {
                self.walk(v, child, &here);
                return true;
            }
            Some(KeyClass::Credential) => (RedactionKind::Credential, None),
            Some(KeyClass::InternalNote) => (RedactionKind::InternalNote, None),
            Some(KeyClass::Card) => (RedactionKind::Card, Some(self.policy.keep.card)),
            Some(KeyClass::NationalId) => (
                RedactionKind::NationalId,
                Some(self.policy.keep.national_id),
            ),
            Some(KeyClass::BankAccount) => (
                RedactionKind::BankAccount,
                Some(self.policy.keep.bank_account),
            ),
        };
        let rule = format!("field:{}", kind.as_str());
        match keep {
            // Authentication data and internal notes leave no trace but the record.
            None => {
                self.records.push(Redaction {
                    kind,
                    path: here.pointer(),
                    rule,
                    action: RedactionAction::Removed,
                });
                false
            }
            Some(keep) => {
                let text = match v {
                    Value::String(s) if detect::is_marker(s) => return true,
                    Value::String(s) => Some(std::mem::take(s)),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                };
                match text {
                    Some(t) => {
                        // A declared card or account is masked whatever its checksum:
                        // a mistyped card number is still a card number.
                        let (masked, is_masked) = detect::mask_value(&t, keep, kind);
                        *v = Value::String(masked);
                        self.records.push(Redaction {
                            kind,
                            path: here.pointer(),
                            rule,
                            action: if is_masked {
                                RedactionAction::Masked
                            } else {
                                RedactionAction::Removed
                            },
                        });
                    }
                    // A structured value under such a name (`card: {…}`) is walked:
                    // its fields are classified one by one.
                    None => self.walk(v, child, &here),
                }
                true
            }
        }
    }

    fn record_found(&mut self, loc: &Loc<'_>) {
        let path = loc.pointer();
        for f in self.found.drain(..) {
            let d = self.policy.scanner.detector(f.detector);
            self.records.push(Redaction {
                kind: d.kind,
                path: path.clone(),
                rule: d.rule.clone(),
                action: if f.masked {
                    RedactionAction::Masked
                } else {
                    RedactionAction::Removed
                },
            });
        }
    }
}

/// Parses YAML configuration, naming the field at fault on error.
pub(crate) fn parse_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, ContextConfigError> {
    let de = yaml_serde::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        ContextConfigError::Parse {
            field: if field == "." { String::new() } else { field },
            message: e.into_inner().to_string(),
        }
    })
}

/// What each receiver gets, as written in configuration.
///
/// ```yaml
/// receivers:
///   desk:
///     redaction: { cards: { keep_last: 4 } }
///   "webhook:crm":
///     redaction: { include: [summary, customer, crm] }
///     mapping:
///       fields:
///         - { from: customer.data.email, to: contact.Email }
///         - { value: baton, to: case.Origin }
///   "external:partner":
///     redaction:
///       include: [summary, history, customer.data.order_number]
///       cards: { keep_last: 0 }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiversConfig {
    #[serde(default)]
    pub receivers: BTreeMap<String, ReceiverConfig>,
}

/// One receiver's policy and mapping.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiverConfig {
    /// The strict default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redaction: Option<RedactionPolicyConfig>,
    /// The package as it is when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<FieldMappingConfig>,
}

/// Compiled policies and mappings by receiver name.
#[derive(Debug)]
pub struct Receivers {
    by_name: BTreeMap<String, (RedactionPolicy, Option<FieldMapping>)>,
    strict: RedactionPolicy,
}

impl Default for Receivers {
    fn default() -> Self {
        Receivers {
            by_name: BTreeMap::new(),
            strict: RedactionPolicy::strict(),
        }
    }
}

impl Receivers {
    /// Validates and compiles every receiver; errors name the receiver and field.
    pub fn compile(cfg: &ReceiversConfig) -> Result<Receivers, ContextConfigError> {
        let mut by_name = BTreeMap::new();
        for (name, r) in &cfg.receivers {
            let at = format!("receivers.{name}");
            if name.trim().is_empty() {
                return Err(ContextConfigError::Invalid {
                    field: at,
                    message: "a receiver needs a name, e.g. `desk` or `webhook:crm`".into(),
                });
            }
            let policy = match &r.redaction {
                Some(p) => {
                    RedactionPolicy::compile(p).map_err(|e| e.within(&format!("{at}.redaction")))?
                }
                None => RedactionPolicy::strict(),
            };
            let mapping = r
                .mapping
                .as_ref()
                .map(|m| FieldMapping::compile(m).map_err(|e| e.within(&format!("{at}.mapping"))))
                .transpose()?;
            by_name.insert(name.clone(), (policy, mapping));
        }
        Ok(Receivers {
            by_name,
            strict: RedactionPolicy::strict(),
        })
    }

    /// Parses, validates and compiles a receivers file.
    pub fn from_yaml(text: &str) -> Result<Receivers, ContextConfigError> {
        Receivers::compile(&parse_yaml(text)?)
    }

    /// The policy for `receiver`: its own, else its kind's (`webhook` for
    /// `webhook:crm`), else the strict default.
    pub fn policy(&self, receiver: &str) -> &RedactionPolicy {
        self.lookup(receiver).map_or(&self.strict, |(p, _)| p)
    }

    fn lookup(&self, receiver: &str) -> Option<&(RedactionPolicy, Option<FieldMapping>)> {
        self.by_name.get(receiver).or_else(|| {
            receiver
                .split_once(':')
                .and_then(|(kind, _)| self.by_name.get(kind))
        })
    }

    /// The document `receiver` gets: the package redacted by its policy, then
    /// reshaped by its mapping if it has one.
    pub fn package_for(&self, receiver: &str, pkg: &ContextPackage) -> Result<Value, RedactError> {
        let entry = self.lookup(receiver);
        let policy = entry.map_or(&self.strict, |(p, _)| p);
        let redacted = policy.redact_value(pkg)?;
        Ok(match entry.and_then(|(_, m)| m.as_ref()) {
            Some(m) => m.apply(&redacted),
            None => redacted,
        })
    }
}
