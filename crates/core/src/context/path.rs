//! Dotted paths into a package (`customer.data.email`, `history.*.text`), checked
//! against the package's shape at load time, and the few operations on
//! `serde_json::Value` that policies and mappings need.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::ContextConfigError;

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    /// `*`: every element of an array, or every entry of a free map.
    Any,
    Index(usize),
}

/// A parsed dotted path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Path {
    pub text: String,
    pub segs: Vec<Seg>,
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Which segments a path may contain where it is used.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Allow {
    /// Keys, `*` and indexes (a mapping source).
    All,
    /// Keys and `*` (a policy's include/exclude).
    Wildcards,
    /// Plain keys only (a mapping target).
    KeysOnly,
}

impl Path {
    pub fn parse(field: &str, text: &str, allow: Allow) -> Result<Path, ContextConfigError> {
        let bad = |why: &str| ContextConfigError::MalformedPath {
            field: field.to_owned(),
            path: text.to_owned(),
            why: why.to_owned(),
        };
        if text.is_empty() {
            return Err(bad("the path is empty"));
        }
        if text.starts_with('/') {
            return Err(bad(
                "write dotted paths (`customer.data.email`), not JSON pointers",
            ));
        }
        let mut segs = Vec::new();
        for part in text.split('.') {
            if part.is_empty() {
                return Err(bad(
                    "it has an empty segment (two dots, or a leading or trailing dot)",
                ));
            }
            if part.chars().any(char::is_whitespace) {
                return Err(bad("segments may not contain whitespace"));
            }
            let seg = if part == "*" {
                Seg::Any
            } else if part.bytes().all(|b| b.is_ascii_digit()) {
                Seg::Index(part.parse().map_err(|_| bad("the index is too large"))?)
            } else if part.contains('*') {
                return Err(bad("`*` must be a whole segment"));
            } else {
                Seg::Key(part.to_owned())
            };
            match (&seg, allow) {
                (Seg::Any | Seg::Index(_), Allow::KeysOnly) => {
                    return Err(bad("a target path takes plain field names only"));
                }
                (Seg::Index(_), Allow::Wildcards) => {
                    return Err(bad(
                        "use `*` for array elements; a policy applies to all of them",
                    ));
                }
                _ => {}
            }
            segs.push(seg);
        }
        Ok(Path {
            text: text.to_owned(),
            segs,
        })
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.segs.len() >= other.segs.len() && self.segs[..other.segs.len()] == other.segs[..]
    }
}

/// The shape of the package, derived from its JSON Schema so that path checks
/// follow the types without a second list to keep in sync.
#[derive(Debug)]
pub(crate) enum Shape {
    Object {
        props: BTreeMap<String, Shape>,
        /// The shape of keys not in `props` (a free map), if any are allowed.
        extra: Option<Box<Shape>>,
    },
    Array(Box<Shape>),
    /// Anything goes below: a free JSON value.
    Free,
    /// A string, number, boolean or null.
    Leaf,
    /// A string in a machine format (`date-time`, `uuid`): Baton's own values,
    /// which the redaction walk skips when they really have that format.
    Formatted(Format),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    DateTime,
    Uuid,
}

impl Format {
    /// A cheap structural check (not full parsing): only the characters and the
    /// length the format allows, so nothing else can hide in such a field.
    pub fn conforms(self, s: &str) -> bool {
        match self {
            Format::DateTime => {
                (10..=40).contains(&s.len())
                    && s.bytes()
                        .all(|b| b.is_ascii_digit() || b"-:.+TZtz".contains(&b))
            }
            Format::Uuid => s.len() == 36 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'),
        }
    }
}

impl Shape {
    /// The shape of `baton.context/v1`, computed once.
    pub fn package() -> &'static Shape {
        static SHAPE: OnceLock<Shape> = OnceLock::new();
        SHAPE.get_or_init(|| {
            let schema = super::context_json_schema();
            let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
            Shape::from_schema(&schema, &defs, 0)
        })
    }

    fn from_schema(s: &Value, defs: &Value, depth: usize) -> Shape {
        // The package has no recursive types; the bound only guards against a
        // future schema that does.
        if depth > 32 {
            return Shape::Free;
        }
        let obj = match s {
            Value::Bool(true) => return Shape::Free,
            Value::Object(o) => o,
            _ => return Shape::Leaf,
        };
        if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or_default();
            return defs
                .get(name)
                .map_or(Shape::Free, |d| Shape::from_schema(d, defs, depth + 1));
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(alts) = obj.get(key).and_then(Value::as_array) {
                // `Option<T>`: the one alternative that isn't `null`.
                let non_null: Vec<&Value> = alts
                    .iter()
                    .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                    .collect();
                return match non_null.as_slice() {
                    [one] => Shape::from_schema(one, defs, depth + 1),
                    _ => Shape::Free,
                };
            }
        }
        let types: Vec<&str> = match obj.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if types.contains(&"object") || obj.contains_key("properties") {
            let props = obj
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| {
                    p.iter()
                        .map(|(k, v)| (k.clone(), Shape::from_schema(v, defs, depth + 1)))
                        .collect()
                })
                .unwrap_or_default();
            let extra = match obj.get("additionalProperties") {
                Some(Value::Bool(false)) => None,
                None if obj.contains_key("properties") => None,
                None | Some(Value::Bool(true)) => Some(Box::new(Shape::Free)),
                Some(other) => Some(Box::new(Shape::from_schema(other, defs, depth + 1))),
            };
            return Shape::Object { props, extra };
        }
        let format = match obj.get("format").and_then(Value::as_str) {
            Some("date-time") => Some(Format::DateTime),
            Some("uuid") => Some(Format::Uuid),
            _ => None,
        };
        if let Some(f) = format
            && types.iter().all(|t| *t == "string" || *t == "null")
        {
            return Shape::Formatted(f);
        }
        if types.contains(&"array") {
            let items = obj
                .get("items")
                .map_or(Shape::Free, |i| Shape::from_schema(i, defs, depth + 1));
            return Shape::Array(Box::new(items));
        }
        if types.is_empty() && !obj.contains_key("enum") && !obj.contains_key("const") {
            return Shape::Free;
        }
        Shape::Leaf
    }

    /// The shape of a field of this object, and whether it is a free-map key.
    pub fn field(&self, key: &str) -> (Option<&Shape>, bool) {
        match self {
            Shape::Object { props, extra } => match props.get(key) {
                Some(s) => (Some(s), false),
                None => (extra.as_deref(), true),
            },
            Shape::Free => (Some(&Shape::Free), true),
            _ => (None, true),
        }
    }

    /// Checks that `path` names something a package can hold.
    pub fn check(&self, field: &str, path: &Path) -> Result<(), ContextConfigError> {
        let mut shape = self;
        let mut here = String::new();
        for seg in &path.segs {
            let unknown = |hint: String| ContextConfigError::UnknownPath {
                field: field.to_owned(),
                path: path.text.clone(),
                hint,
            };
            let at = if here.is_empty() {
                "the top level".to_owned()
            } else {
                format!("`{here}`")
            };
            shape = match (shape, seg) {
                (Shape::Free, _) => return Ok(()),
                (Shape::Object { props, extra }, Seg::Key(k)) => match props.get(k) {
                    Some(s) => s,
                    None => match extra {
                        Some(s) => s,
                        None => {
                            let known: Vec<&str> = props.keys().map(String::as_str).collect();
                            return Err(unknown(format!(
                                "the fields at {at} are: {}",
                                known.join(", ")
                            )));
                        }
                    },
                },
                (Shape::Object { extra: Some(s), .. }, Seg::Any) => s,
                (Shape::Object { .. }, _) => {
                    return Err(unknown(format!(
                        "{at} is an object with fixed fields; name one instead of `*` or an index"
                    )));
                }
                (Shape::Array(items), Seg::Any | Seg::Index(_)) => items,
                (Shape::Array(_), Seg::Key(k)) => {
                    return Err(unknown(format!(
                        "{at} is a list; write `{here}.*.{k}` to reach a field of every element"
                    )));
                }
                (Shape::Leaf | Shape::Formatted(_), _) => {
                    return Err(unknown(format!(
                        "{at} is a single value with no fields below it"
                    )));
                }
            };
            if !here.is_empty() {
                here.push('.');
            }
            match seg {
                Seg::Key(k) => here.push_str(k),
                Seg::Any => here.push('*'),
                Seg::Index(i) => {
                    let _ = write!(here, "{i}");
                }
            }
        }
        Ok(())
    }
}

/// The values at `segs` below `v` (several when the path has `*`).
pub(crate) fn select<'v>(v: &'v Value, segs: &[Seg], out: &mut Vec<&'v Value>) {
    let Some((seg, rest)) = segs.split_first() else {
        out.push(v);
        return;
    };
    match (seg, v) {
        (Seg::Key(k), Value::Object(m)) => {
            if let Some(c) = m.get(k) {
                select(c, rest, out);
            }
        }
        (Seg::Index(i), Value::Array(a)) => {
            if let Some(c) = a.get(*i) {
                select(c, rest, out);
            }
        }
        (Seg::Any, Value::Array(a)) => a.iter().for_each(|c| select(c, rest, out)),
        (Seg::Any, Value::Object(m)) => m.values().for_each(|c| select(c, rest, out)),
        _ => {}
    }
}

/// Removes what `segs` names below `v`; returns whether anything was there.
pub(crate) fn remove(v: &mut Value, segs: &[Seg]) -> bool {
    let Some((seg, rest)) = segs.split_first() else {
        return false;
    };
    if rest.is_empty() {
        return match (seg, v) {
            (Seg::Key(k), Value::Object(m)) => m.remove(k).is_some(),
            (Seg::Any, Value::Object(m)) => {
                let had = !m.is_empty();
                m.clear();
                had
            }
            (Seg::Any, Value::Array(a)) => {
                let had = !a.is_empty();
                a.clear();
                had
            }
            (Seg::Index(i), Value::Array(a)) if *i < a.len() => {
                a.remove(*i);
                true
            }
            _ => false,
        };
    }
    match (seg, v) {
        (Seg::Key(k), Value::Object(m)) => m.get_mut(k).is_some_and(|c| remove(c, rest)),
        (Seg::Index(i), Value::Array(a)) => a.get_mut(*i).is_some_and(|c| remove(c, rest)),
        (Seg::Any, Value::Array(a)) => a.iter_mut().fold(false, |acc, c| remove(c, rest) | acc),
        (Seg::Any, Value::Object(m)) => m.values_mut().fold(false, |acc, c| remove(c, rest) | acc),
        _ => false,
    }
}

/// Copies what `segs` names from `src` into `dst`, creating the objects and
/// lists on the way, so `dst` ends up with the same structure restricted to it.
pub(crate) fn copy(src: &Value, dst: &mut Value, segs: &[Seg]) {
    let Some((seg, rest)) = segs.split_first() else {
        *dst = src.clone();
        return;
    };
    match (seg, src) {
        (Seg::Key(k), Value::Object(m)) => {
            if let Some(c) = m.get(k) {
                if !dst.is_object() {
                    *dst = Value::Object(Map::new());
                }
                if let Value::Object(d) = dst {
                    copy(c, d.entry(k.clone()).or_insert(Value::Null), rest);
                }
            }
        }
        (Seg::Any, Value::Object(m)) => {
            for (k, c) in m {
                if !dst.is_object() {
                    *dst = Value::Object(Map::new());
                }
                if let Value::Object(d) = dst {
                    copy(c, d.entry(k.clone()).or_insert(Value::Null), rest);
                }
            }
        }
        (Seg::Any | Seg::Index(_), Value::Array(a)) => {
            if !matches!(dst, Value::Array(d) if d.len() == a.len()) {
                *dst = Value::Array(vec![Value::Null; a.len()]);
            }
            if let Value::Array(d) = dst {
                for (i, (c, o)) in a.iter().zip(d.iter_mut()).enumerate() {
                    if matches!(seg, Seg::Index(j) if *j != i) {
                        continue;
                    }
                    copy(c, o, rest);
                }
            }
        }
        _ => {}
    }
}

/// Sets `v` at the plain-key path `segs` below `dst`, creating objects on the way.
pub(crate) fn set(dst: &mut Value, segs: &[Seg], v: Value) {
    let Some((seg, rest)) = segs.split_first() else {
        *dst = v;
        return;
    };
    if let Seg::Key(k) = seg {
        if !dst.is_object() {
            *dst = Value::Object(Map::new());
        }
        if let Value::Object(m) = dst {
            set(m.entry(k.clone()).or_insert(Value::Null), rest, v);
        }
    }
}

/// Appends `key` to a JSON pointer, escaped per RFC 6901.
pub(crate) fn push_pointer(ptr: &mut String, key: &str) {
    ptr.push('/');
    for c in key.chars() {
        match c {
            '~' => ptr.push_str("~0"),
            '/' => ptr.push_str("~1"),
            c => ptr.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), ContextConfigError> {
        let p = Path::parse("f", text, Allow::All)?;
        Shape::package().check("f", &p)
    }

    #[test]
    fn package_paths_are_checked_against_the_schema() {
        for ok in [
            "customer.data.email",
            "customer.data.anything.below",
            "crm",
            "crm.tier",
            "history.*.text",
            "history.0.text",
            "metadata.sentiment.trend",
            "summary.text",
            "artifacts.*.metadata.x",
            "decision.explanation",
            "redactions",
        ] {
            check(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        let e = check("customer.email").unwrap_err();
        assert!(
            matches!(&e, ContextConfigError::UnknownPath { hint, .. } if hint.contains("data")),
            "{e}"
        );
        assert!(
            check("history.text")
                .unwrap_err()
                .to_string()
                .contains("history.*.text")
        );
        assert!(check("summary.text.more").is_err());
        assert!(check("nope").is_err());
    }

    #[test]
    fn malformed_paths_are_refused() {
        for bad in ["", "a..b", ".a", "a.", "/a/b", "a.b*", "a b"] {
            assert!(
                matches!(
                    Path::parse("f", bad, Allow::All),
                    Err(ContextConfigError::MalformedPath { .. })
                ),
                "{bad:?}"
            );
        }
        assert!(Path::parse("f", "a.*", Allow::KeysOnly).is_err());
        assert!(Path::parse("f", "a.0", Allow::Wildcards).is_err());
    }
}
