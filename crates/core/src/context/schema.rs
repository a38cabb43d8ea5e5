//! The published JSON Schema of `baton.context/v1`, and schema fragments for the
//! domain types defined outside this module (they don't derive `JsonSchema`).

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::ContextPackage;
use crate::reason::Reason;

/// The JSON Schema (draft 2020-12) of `baton.context/v1`.
///
/// Objects allow additional properties on purpose: a package written by a newer
/// minor version carries fields this schema doesn't name, and must still validate.
pub fn context_json_schema() -> Value {
    let mut schema = schemars::schema_for!(ContextPackage);
    schema.insert(
        "$id".to_owned(),
        Value::from("https://baton.dev/schemas/baton.context/v1.json"),
    );
    schema.to_value()
}

pub(crate) fn uuid(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "format": "uuid"})
}

pub(crate) fn date_time(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "format": "date-time"})
}

pub(crate) fn date_time_opt(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": ["string", "null"], "format": "date-time"})
}

pub(crate) fn reason(_: &mut SchemaGenerator) -> Schema {
    let names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    json_schema!({"type": "string", "enum": names})
}

pub(crate) fn role(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "enum": ["customer", "ai", "human", "system", "tool"]})
}

pub(crate) fn turn_event(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": ["string", "null"], "enum": ["error", "critical_action", "completion", null]})
}

pub(crate) fn channel(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "enum": ["chat", "voice", "email", "task"]})
}
