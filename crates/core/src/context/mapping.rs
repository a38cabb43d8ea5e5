//! Field mapping: reshaping a redacted package into a receiver's own schema
//! (a CRM's case object, a partner's ticket format).
//!
//! A mapping runs after redaction, on the redacted document, so it can only move
//! what the receiver was allowed to see; it can never bring back a removed field.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ContextConfigError;
use super::path::{self, Allow, Path, Seg, Shape};
use super::redact::parse_yaml;

/// What happens to package fields no rule maps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unmapped {
    /// The output holds only the mapped targets.
    #[default]
    Drop,
    /// The output is the package with mapped sources moved to their targets,
    /// minus the paths listed in `drop`.
    Keep,
}

/// One target field and where its value comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldRuleConfig {
    /// The receiver's field, dotted: `contact.Email`.
    pub to: String,
    /// A package path: `customer.data.email`, `history.*.text` (a list), `history.0.text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// A constant instead of `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Used when `from` is absent or null in the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
}

/// A receiver's field mapping, as written in configuration.
///
/// ```yaml
/// unmapped: drop          # or keep
/// fields:
///   - { from: customer.data.email, to: contact.Email }
///   - { from: summary.text, to: case.Description }
///   - { from: crm.tier, to: contact.Tier, default: standard }
///   - { value: baton, to: case.Origin }
/// drop: [logs]            # with `unmapped: keep` only
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMappingConfig {
    #[serde(default)]
    pub unmapped: Unmapped,
    #[serde(default)]
    pub fields: Vec<FieldRuleConfig>,
    #[serde(default)]
    pub drop: Vec<String>,
}

#[derive(Debug)]
enum Source {
    From { path: Path, default: Option<Value> },
    Const(Value),
}

#[derive(Debug)]
struct Rule {
    to: Path,
    source: Source,
}

/// A compiled field mapping.
#[derive(Debug)]
pub struct FieldMapping {
    unmapped: Unmapped,
    rules: Vec<Rule>,
    drop: Vec<Path>,
}

impl FieldMapping {
    /// Validates and compiles a mapping: source paths must exist in the package
    /// schema, targets must be well-formed and not collide.
    pub fn compile(cfg: &FieldMappingConfig) -> Result<FieldMapping, ContextConfigError> {
        let shape = Shape::package();
        let mut rules: Vec<Rule> = Vec::with_capacity(cfg.fields.len());
        for (i, f) in cfg.fields.iter().enumerate() {
            let field = format!("fields[{i}]");
            let to = Path::parse(&format!("{field}.to"), &f.to, Allow::KeysOnly)?;
            for (j, other) in rules.iter().enumerate() {
                if other.to == to {
                    return Err(ContextConfigError::DuplicateTarget {
                        field: format!("{field}.to"),
                        target: f.to.clone(),
                        other: format!("fields[{j}]"),
                    });
                }
                if to.starts_with(&other.to) || other.to.starts_with(&to) {
                    return Err(ContextConfigError::ConflictingTarget {
                        field: format!("{field}.to"),
                        target: f.to.clone(),
                        other: format!("{} (fields[{j}])", other.to),
                    });
                }
            }
            let source = match (&f.from, &f.value) {
                (Some(from), None) => {
                    let sf = format!("{field}.from");
                    let path = Path::parse(&sf, from, Allow::All)?;
                    shape.check(&sf, &path)?;
                    Source::From {
                        path,
                        default: f.default.clone(),
                    }
                }
                (None, Some(v)) => {
                    if f.default.is_some() {
                        return Err(ContextConfigError::Invalid {
                            field: format!("{field}.default"),
                            message: "`default` goes with `from`; a `value` is already constant"
                                .into(),
                        });
                    }
                    Source::Const(v.clone())
                }
                (Some(_), Some(_)) => {
                    return Err(ContextConfigError::Invalid {
                        field,
                        message:
                            "give either `from` (a package path) or `value` (a constant), not both"
                                .into(),
                    });
                }
                (None, None) => {
                    return Err(ContextConfigError::Invalid {
                        field,
                        message: "give `from` (a package path) or `value` (a constant)".into(),
                    });
                }
            };
            rules.push(Rule { to, source });
        }
        if !cfg.drop.is_empty() && cfg.unmapped == Unmapped::Drop {
            return Err(ContextConfigError::Invalid {
                field: "drop".into(),
                message: "`drop` only applies with `unmapped: keep`; with `unmapped: drop` only mapped fields are sent anyway".into(),
            });
        }
        let drop = cfg
            .drop
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let field = format!("drop[{i}]");
                let p = Path::parse(&field, d, Allow::Wildcards)?;
                shape.check(&field, &p)?;
                Ok(p)
            })
            .collect::<Result<Vec<_>, ContextConfigError>>()?;
        Ok(FieldMapping {
            unmapped: cfg.unmapped,
            rules,
            drop,
        })
    }

    /// Parses, validates and compiles a mapping written in YAML (or JSON).
    pub fn from_yaml(text: &str) -> Result<FieldMapping, ContextConfigError> {
        FieldMapping::compile(&parse_yaml(text)?)
    }

    /// Maps a redacted package (as [`super::RedactionPolicy::redact_value`] returns it).
    pub fn apply(&self, redacted: &Value) -> Value {
        // Read every source from the input first: with `unmapped: keep` the
        // sources are moved, and a target may sit where a source was.
        let values: Vec<Option<Value>> = self
            .rules
            .iter()
            .map(|r| match &r.source {
                Source::Const(v) => Some(v.clone()),
                Source::From { path, default } => {
                    let mut found = Vec::new();
                    path::select(redacted, &path.segs, &mut found);
                    let v = if path.segs.contains(&Seg::Any) {
                        Some(Value::Array(found.into_iter().cloned().collect()))
                    } else {
                        found.first().map(|v| (*v).clone())
                    };
                    match v {
                        Some(Value::Null) | None => default.clone(),
                        v => v,
                    }
                }
            })
            .collect();
        let mut out = match self.unmapped {
            Unmapped::Drop => Value::Object(Map::new()),
            Unmapped::Keep => {
                let mut o = redacted.clone();
                for d in &self.drop {
                    path::remove(&mut o, &d.segs);
                }
                for r in &self.rules {
                    if let Source::From { path, .. } = &r.source {
                        path::remove(&mut o, &path.segs);
                    }
                }
                o
            }
        };
        for (r, v) in self.rules.iter().zip(values) {
            if let Some(v) = v {
                path::set(&mut out, &r.to.segs, v);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compile(yaml: &str) -> Result<FieldMapping, ContextConfigError> {
        FieldMapping::from_yaml(yaml)
    }

    #[test]
    fn renames_constants_defaults_and_lists() {
        let m = compile(
            r#"
fields:
  - { from: customer.data.email, to: contact.Email }
  - { from: crm.tier, to: contact.Tier, default: standard }
  - { value: baton, to: case.Origin }
  - { from: history.*.text, to: case.Transcript }
  - { from: history.0.text, to: case.First }
"#,
        )
        .unwrap();
        let pkg = json!({
            "customer": {"data": {"email": "a@b.c", "password": "x"}},
            "history": [{"text": "one"}, {"text": "two"}],
        });
        assert_eq!(
            m.apply(&pkg),
            json!({
                "contact": {"Email": "a@b.c", "Tier": "standard"},
                "case": {"Origin": "baton", "Transcript": ["one", "two"], "First": "one"},
            })
        );
    }

    #[test]
    fn keep_mode_moves_sources_and_drops_paths() {
        let m = compile(
            "unmapped: keep\nfields:\n  - { from: customer.data.email, to: email }\ndrop: [logs]\n",
        )
        .unwrap();
        let pkg = json!({"version": "v", "customer": {"data": {"email": "a@b.c"}}, "logs": [1]});
        assert_eq!(
            m.apply(&pkg),
            json!({"version": "v", "customer": {"data": {}}, "email": "a@b.c"})
        );
    }

    #[test]
    fn bad_mappings_are_refused_with_the_field() {
        let err = |y: &str| compile(y).unwrap_err();
        let e = err("fields:\n  - { from: customer.mail, to: a }\n");
        assert!(matches!(e, ContextConfigError::UnknownPath { .. }), "{e}");
        assert_eq!(e.field(), "fields[0].from");
        let e = err("fields:\n  - { from: crm.a, to: x.y }\n  - { from: crm.b, to: x.y }\n");
        assert!(
            matches!(e, ContextConfigError::DuplicateTarget { .. }),
            "{e}"
        );
        assert_eq!(e.field(), "fields[1].to");
        let e = err("fields:\n  - { from: crm.a, to: x }\n  - { from: crm.b, to: x.y }\n");
        assert!(
            matches!(e, ContextConfigError::ConflictingTarget { .. }),
            "{e}"
        );
        let e = err("fields:\n  - { from: crm.a, to: 'x..y' }\n");
        assert!(matches!(e, ContextConfigError::MalformedPath { .. }), "{e}");
        let e = err("fields:\n  - { from: crm.a, to: 'x.*' }\n");
        assert!(matches!(e, ContextConfigError::MalformedPath { .. }), "{e}");
        let e = err("fields:\n  - { to: x }\n");
        assert_eq!(e.field(), "fields[0]");
        let e = err("fields:\n  - { from: crm.a, value: 1, to: x }\n");
        assert_eq!(e.field(), "fields[0]");
        let e = err("fields:\n  - { form: crm.a, to: x }\n");
        assert!(matches!(e, ContextConfigError::Parse { .. }), "{e}");
        assert!(e.to_string().contains("form"), "{e}");
        let e = err("drop: [logs]\n");
        assert_eq!(e.field(), "drop");
    }
}
