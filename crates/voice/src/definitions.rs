//! `handoffs.yaml`: named, reusable transfer recipes referenced as `{{ho:name}}`.
//!
//! ```yaml
//! handoffs:
//!   - name: billing_line
//!     description: Billing specialists on the phone
//!     is_default: true
//!     sip_config:
//!       method: refer
//!       phone_number: "+15551230000"
//!     sip_headers:
//!       - key: X-Queue
//!         value: billing
//!     fallback: billing_desk
//!   - name: billing_desk
//!     queue: billing
//! ```
//!
//! The file is read strictly (unknown fields refused) and then checked as a whole; every
//! problem names the file, line, column and field. The model is pure: nothing here does
//! I/O except [`Handoffs::load`].

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::VoiceError;

/// A phone number in E.164 form: `+`, a non-zero digit, at most 15 digits in all.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(s: &str) -> Result<PhoneNumber, String> {
        let digits = s.strip_prefix('+').ok_or_else(|| {
            format!("`{s}` is not an E.164 number: it must start with `+` and the country code")
        })?;
        let ok = (2..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if ok {
            Ok(PhoneNumber(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not an E.164 number: `+`, then 2 to 15 digits, the first not 0 (no spaces or dashes)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PhoneNumber::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Headers Baton writes itself on a transfer; a definition may not set them.
const RESERVED_HEADERS: &[&str] = &[
    "via",
    "v",
    "from",
    "f",
    "to",
    "t",
    "call-id",
    "i",
    "cseq",
    "contact",
    "m",
    "content-length",
    "l",
    "content-type",
    "c",
    "max-forwards",
    "route",
    "record-route",
    "refer-to",
    "r",
    "referred-by",
    "b",
    "event",
    "o",
    "subscription-state",
    "x-handoff-id",
    "x-baton-conversation-id",
];

/// Whether `s` is a header name by RFC 3261's `token` grammar.
pub fn is_header_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~'
                )
        })
}

/// A header name a definition or a request may set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub struct HeaderName(String);

impl HeaderName {
    pub fn parse(s: &str) -> Result<HeaderName, String> {
        if !is_header_token(s) {
            return Err(format!(
                "`{s}` is not a SIP header name: letters, digits and `-.!%*_+`'~` only (RFC 3261 token)"
            ));
        }
        if RESERVED_HEADERS.iter().any(|r| r.eq_ignore_ascii_case(s)) {
            return Err(format!(
                "`{s}` is written by Baton itself on a transfer and cannot be set"
            ));
        }
        Ok(HeaderName(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<HeaderName> for String {
    fn from(h: HeaderName) -> String {
        h.0
    }
}

impl<'de> Deserialize<'de> for HeaderName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        HeaderName::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A header value: printable, one line, at most 1024 bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub struct HeaderValue(String);

impl HeaderValue {
    pub fn parse(s: &str) -> Result<HeaderValue, String> {
        if s.len() > 1024 {
            return Err("a header value is at most 1024 bytes".into());
        }
        if s.chars().any(|c| c.is_control() && c != '\t') {
            return Err("a header value is one line of printable text (no CR, LF or NUL)".into());
        }
        Ok(HeaderValue(s.trim().to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<HeaderValue> for String {
    fn from(h: HeaderValue) -> String {
        h.0
    }
}

impl<'de> Deserialize<'de> for HeaderValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        HeaderValue::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// One extra SIP header sent with a transfer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SipHeader {
    pub key: HeaderName,
    pub value: HeaderValue,
}

impl SipHeader {
    pub fn new(key: &str, value: &str) -> Result<SipHeader, String> {
        Ok(SipHeader {
            key: HeaderName::parse(key)?,
            value: HeaderValue::parse(value)?,
        })
    }
}

/// How the media of a warm transfer's outbound leg is carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encryption {
    #[serde(rename = "TLS/SRTP")]
    TlsSrtp,
    #[serde(rename = "UDP/RTP")]
    UdpRtp,
}

impl Encryption {
    pub const fn as_str(self) -> &'static str {
        match self {
            Encryption::TlsSrtp => "TLS/SRTP",
            Encryption::UdpRtp => "UDP/RTP",
        }
    }
}

/// Where a definition sends the conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Cold transfer: REFER the caller to the number.
    Refer { phone_number: PhoneNumber },
    /// Warm transfer: dial the number at the endpoint, brief, then bridge.
    Invite {
        phone_number: PhoneNumber,
        /// `host[:port]`, optionally written as `sip:host[:port]`.
        outbound_endpoint: String,
        /// `UDP/RTP` when not given.
        outbound_encryption: Option<Encryption>,
        /// When set, the bot briefs the person first (caller on hold) for at most this
        /// long, or until it says it is done (`POST /v1/handoffs/{id}/briefed`); when not
        /// set, the caller is connected to the person as soon as they answer.
        brief_for: Option<std::time::Duration>,
    },
    /// End the call on both legs.
    Bye,
    /// A chat queue of the routing file.
    Queue(String),
    /// One desk user.
    User(String),
    /// An agent (AI or external).
    Agent(String),
}

impl Target {
    /// Whether the target moves a phone call (a `sip_config` definition).
    pub const fn is_sip(&self) -> bool {
        matches!(
            self,
            Target::Refer { .. } | Target::Invite { .. } | Target::Bye
        )
    }

    /// One short phrase for `baton handoffs check`.
    pub fn describe(&self) -> String {
        match self {
            Target::Refer { phone_number } => format!("cold transfer (REFER) to {phone_number}"),
            Target::Invite {
                phone_number,
                outbound_endpoint,
                outbound_encryption,
                brief_for,
            } => format!(
                "warm transfer (INVITE) to {phone_number} via {outbound_endpoint} ({}){}",
                outbound_encryption.unwrap_or(Encryption::UdpRtp).as_str(),
                brief_for.map_or(String::new(), |d| format!(
                    ", the bot briefs for up to {} ms",
                    d.as_millis()
                ))
            ),
            Target::Bye => "end the call (BYE)".into(),
            Target::Queue(q) => format!("chat queue `{q}`"),
            Target::User(u) => format!("desk user `{u}`"),
            Target::Agent(a) => format!("agent `{a}`"),
        }
    }
}

/// One checked handoff definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub name: String,
    pub description: Option<String>,
    pub is_default: bool,
    pub target: Target,
    /// Extra headers on the transfer; empty when the file has none.
    pub sip_headers: Vec<SipHeader>,
    /// The definition tried when this one fails.
    pub fallback: Option<String>,
}

/// Every definition of one file, checked as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handoffs {
    definitions: Vec<Definition>,
    by_name: HashMap<String, usize>,
    default: Option<usize>,
}

// ---- the file as written ----

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    handoffs: Vec<RawDefinition>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawDefinition {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    is_default: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sip_config: Option<RawSip>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    sip_headers: Vec<SipHeader>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fallback: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    queue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agent: Option<String>,
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SipHeader>, D::Error> {
    Ok(Option::<Vec<SipHeader>>::deserialize(d)?.unwrap_or_default())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Method {
    Refer,
    Invite,
    Bye,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawSip {
    method: Method,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<PhoneNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outbound_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outbound_encryption: Option<Encryption>,
    /// `invite` only: how long the bot may brief the person, e.g. `20s`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    brief_for: Option<String>,
}

/// A definition name, queue, user or agent name: letters, digits, `_ - . /`.
fn is_name(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.len() <= 100
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
}

/// `host[:port]` or `sip:host[:port]` (with optional `;params`): a place to send an INVITE.
fn is_endpoint(s: &str) -> bool {
    let rest = s
        .strip_prefix("sip:")
        .or_else(|| s.strip_prefix("sips:"))
        .unwrap_or(s);
    let hostport = rest.split(';').next().unwrap_or("");
    if hostport.contains('@') {
        return false;
    }
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        match v6.split_once(']') {
            Some((h, p)) => (h, p.strip_prefix(':')),
            None => return false,
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'));
    host_ok && port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0))
}

/// The name inside a `{{ho:name}}` reference, or `None` when `s` is not written as one.
pub fn parse_ho_ref(s: &str) -> Option<&str> {
    let inner = s.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    inner.trim().strip_prefix("ho:").map(str::trim)
}

// ---- locations ----

fn indent(l: &str) -> usize {
    l.len() - l.trim_start().len()
}

/// Where the definition with this name starts: the `n`-th line whose `name:` is `name`.
fn name_line(text: &str, name: &str, n: usize) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim_start();
            let t = t.strip_prefix("- ").map_or(t, str::trim_start);
            let v = t.strip_prefix("name:")?.trim();
            let v = v.trim_matches(|c| c == '"' || c == '\'');
            (v == name).then(|| (i, l.len() - t.len()))
        })
        .nth(n)
}

/// The line and column of `key:` (its `n`-th occurrence) inside the definition that
/// starts at `start` (0-based line, key column), or the definition's own line.
fn key_line(text: &str, start: (usize, usize), key: &str, n: usize) -> (usize, usize) {
    let needle = format!("{key}:");
    let (line, col) = start;
    text.lines()
        .enumerate()
        .skip(line)
        .take_while(|(i, l)| *i == line || l.trim().is_empty() || indent(l) >= col)
        .filter_map(|(i, l)| {
            let t = l.trim_start();
            let t = t.strip_prefix("- ").map_or(t, str::trim_start);
            t.starts_with(&needle)
                .then(|| (i + 1, l.len() - t.len() + 1))
        })
        .nth(n)
        .unwrap_or((line + 1, col + 1))
}

struct Locator<'a> {
    file: &'a str,
    text: &'a str,
    /// Per definition: where its `name:` is (0-based line, column).
    starts: Vec<Option<(usize, usize)>>,
}

impl Locator<'_> {
    fn error(
        &self,
        index: usize,
        key: &str,
        nth: usize,
        field: String,
        message: String,
        hint: &str,
    ) -> VoiceError {
        let (line, column) = match self.starts.get(index).copied().flatten() {
            Some(start) => key_line(self.text, start, key, nth),
            None => (0, 0),
        };
        VoiceError::Invalid {
            file: self.file.to_owned(),
            line,
            column,
            field,
            message,
            hint: hint.to_owned(),
        }
    }
}

fn hint_for(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "remove the field or fix its spelling; the README's voice section lists every field"
    } else if message.contains("E.164") {
        "write the number as +<country code><number>, e.g. \"+15551230000\" (quote it)"
    } else if message.contains("header") {
        "use a custom header such as X-Queue; Baton writes the SIP headers of the dialog itself"
    } else if message.contains("unknown variant") {
        "check the spelling: method is refer, invite or bye; outbound_encryption is TLS/SRTP or UDP/RTP"
    } else if message.contains("missing field") {
        "add the missing field"
    } else if message.contains("invalid type") {
        "the value has the wrong type; compare with the example in the README's voice section"
    } else {
        "see the README's voice section for the format"
    }
}

/// Parses the YAML, naming the line, column and field of the first problem.
fn parse(file: &str, text: &str) -> Result<RawFile, VoiceError> {
    let de = yaml_serde::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let (mut line, mut column) = inner.location().map_or((0, 0), |l| (l.line(), l.column()));
        // A value refused by a check reports the start of its map; point at the key.
        let key = field
            .rsplit('.')
            .next()
            .unwrap_or("")
            .split('[')
            .next()
            .unwrap_or("");
        if !key.is_empty() && line > 0 {
            let start_col = text
                .lines()
                .nth(line - 1)
                .map_or(0, |l| l.len() - l.trim_start_matches(['-', ' ']).len());
            let (l, c) = key_line(text, (line - 1, start_col), key, 0);
            if l >= line {
                (line, column) = (l, c);
            }
        }
        let message = inner.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        let message = message
            .split_once(": ")
            .filter(|(prefix, _)| field.starts_with(prefix))
            .map_or(message, |(_, rest)| rest)
            .to_owned();
        let hint = hint_for(&message).to_owned();
        VoiceError::Invalid {
            file: file.to_owned(),
            line,
            column,
            field: if field == "." { String::new() } else { field },
            message,
            hint,
        }
    })
}

impl Handoffs {
    /// No definitions: `{{ho:…}}` references are all unknown.
    pub fn none() -> Handoffs {
        Handoffs::default()
    }

    /// Reads and checks a handoffs file.
    pub fn load(path: &Path) -> Result<Handoffs, VoiceError> {
        let text = std::fs::read_to_string(path).map_err(|source| VoiceError::Read {
            path: path.to_owned(),
            source,
        })?;
        Handoffs::from_yaml(&path.display().to_string(), &text)
    }

    /// Parses and checks a handoffs file; `file` names it in errors.
    pub fn from_yaml(file: &str, text: &str) -> Result<Handoffs, VoiceError> {
        let raw = parse(file, text)?;
        let mut seen_names: HashMap<&str, usize> = HashMap::new();
        let starts = raw
            .handoffs
            .iter()
            .map(|d| {
                let n = seen_names.entry(d.name.as_str()).or_insert(0);
                *n += 1;
                name_line(text, &d.name, *n - 1)
            })
            .collect();
        let loc = Locator { file, text, starts };
        if raw.handoffs.is_empty() {
            return Err(VoiceError::Invalid {
                file: file.to_owned(),
                line: 1,
                column: 1,
                field: "handoffs".into(),
                message: "no definitions".into(),
                hint: "add at least one definition, and mark one `is_default: true`".into(),
            });
        }
        let mut definitions = Vec::with_capacity(raw.handoffs.len());
        let mut by_name = HashMap::new();
        let mut defaults = Vec::new();
        for (i, d) in raw.handoffs.into_iter().enumerate() {
            let at = |key: &str, field: &str, message: String, hint: &str| {
                loc.error(i, key, 0, format!("handoffs[{i}].{field}"), message, hint)
            };
            if !is_name(&d.name) {
                return Err(at(
                    "name",
                    "name",
                    format!("`{}` is not a definition name", d.name),
                    "letters, digits, `_`, `-`, `.` and `/`, starting with a letter or digit, at most 100",
                ));
            }
            if by_name.insert(d.name.clone(), i).is_some() {
                return Err(at(
                    "name",
                    "name",
                    format!("the name `{}` is used twice", d.name),
                    "give every definition a unique name",
                ));
            }
            if d.is_default {
                defaults.push(i);
            }
            let chat: Vec<(&str, &String)> =
                [("queue", &d.queue), ("user", &d.user), ("agent", &d.agent)]
                    .into_iter()
                    .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
                    .collect();
            let target = match (d.sip_config, chat.as_slice()) {
                (None, []) => {
                    return Err(at(
                        "name",
                        "sip_config",
                        format!("`{}` has no target", d.name),
                        "give it a `sip_config`, or one of `queue:`, `user:`, `agent:`",
                    ));
                }
                (Some(_), [(k, _), ..]) | (None, [_, (k, _), ..]) => {
                    return Err(at(
                        k,
                        k,
                        format!("`{}` has more than one target", d.name),
                        "keep exactly one of `sip_config`, `queue`, `user`, `agent`",
                    ));
                }
                (None, [(k, v)]) => {
                    if !is_name(v) {
                        return Err(at(
                            k,
                            k,
                            format!("`{v}` is not a {k} name"),
                            "letters, digits, `_`, `-`, `.` and `/`",
                        ));
                    }
                    match *k {
                        "queue" => Target::Queue((*v).clone()),
                        "user" => Target::User((*v).clone()),
                        _ => Target::Agent((*v).clone()),
                    }
                }
                (Some(sip), []) => sip_target(sip).map_err(|(key, message, hint)| {
                    at(key, &format!("sip_config.{key}"), message, hint)
                })?,
            };
            if !target.is_sip() && !d.sip_headers.is_empty() {
                return Err(at(
                    "sip_headers",
                    "sip_headers",
                    "`sip_headers` only apply to a `sip_config` definition".into(),
                    "remove them, or make the definition a SIP transfer",
                ));
            }
            if matches!(target, Target::Bye) && d.fallback.is_some() {
                return Err(at(
                    "fallback",
                    "fallback",
                    "a `bye` definition cannot fail over: ending the call is final".into(),
                    "remove `fallback`",
                ));
            }
            let mut names = HashSet::new();
            for (j, h) in d.sip_headers.iter().enumerate() {
                if !names.insert(h.key.as_str().to_ascii_lowercase()) {
                    return Err(loc.error(
                        i,
                        "key",
                        j,
                        format!("handoffs[{i}].sip_headers[{j}].key"),
                        format!("the header `{}` is set twice", h.key.as_str()),
                        "set every header once",
                    ));
                }
            }
            definitions.push(Definition {
                name: d.name,
                description: d.description,
                is_default: d.is_default,
                target,
                sip_headers: d.sip_headers,
                fallback: d.fallback,
            });
        }
        match defaults.as_slice() {
            [_] => {}
            [] => {
                return Err(VoiceError::Invalid {
                    file: file.to_owned(),
                    line: 1,
                    column: 1,
                    field: "handoffs".into(),
                    message: "no definition is the default".into(),
                    hint: "mark exactly one definition `is_default: true`".into(),
                });
            }
            [_, second, ..] => {
                return Err(loc.error(
                    *second,
                    "is_default",
                    0,
                    format!("handoffs[{second}].is_default"),
                    format!(
                        "`{}` is a second default (`{}` is one already)",
                        definitions[*second].name, definitions[defaults[0]].name
                    ),
                    "mark exactly one definition `is_default: true`",
                ));
            }
        }
        // Fallbacks name a definition, and never lead back to where they started.
        for (i, d) in definitions.iter().enumerate() {
            if let Some(f) = &d.fallback
                && !by_name.contains_key(f)
            {
                return Err(loc.error(
                    i,
                    "fallback",
                    0,
                    format!("handoffs[{i}].fallback"),
                    format!("`{f}` is not a definition in this file"),
                    "name another definition of this file",
                ));
            }
        }
        for (i, d) in definitions.iter().enumerate() {
            let mut path = vec![d.name.as_str()];
            let mut at = i;
            while let Some(next) = definitions[at].fallback.as_deref() {
                let closes = path.contains(&next);
                path.push(next);
                if closes {
                    return Err(loc.error(
                        at,
                        "fallback",
                        0,
                        format!("handoffs[{at}].fallback"),
                        format!("the fallbacks form a cycle: {}", path.join(" → ")),
                        "end the chain with a definition that has no `fallback`",
                    ));
                }
                at = by_name[next];
            }
        }
        Ok(Handoffs {
            default: defaults.first().copied(),
            definitions,
            by_name,
        })
    }

    /// Writes the definitions back as YAML; reading it again gives equal definitions.
    pub fn to_yaml(&self) -> Result<String, VoiceError> {
        let raw = RawFile {
            handoffs: self.definitions.iter().map(to_raw).collect(),
        };
        yaml_serde::to_string(&raw).map_err(|e| VoiceError::Write(e.to_string()))
    }

    pub fn definitions(&self) -> &[Definition] {
        &self.definitions
    }

    pub fn is_empty(&self) -> bool {
        self.definitions.is_empty()
    }

    pub fn get(&self, name: &str) -> Option<&Definition> {
        self.by_name.get(name).map(|&i| &self.definitions[i])
    }

    /// The definition marked `is_default` (none only when there are no definitions).
    pub fn default_definition(&self) -> Option<&Definition> {
        self.default.map(|i| &self.definitions[i])
    }

    /// What to try, in order, for `name`: the definition, its fallbacks, then the default
    /// (when not already in the chain). Empty when `name` is unknown.
    pub fn chain(&self, name: &str) -> Vec<&Definition> {
        let mut out: Vec<&Definition> = Vec::new();
        let mut next = self.get(name);
        while let Some(d) = next {
            if out.iter().any(|o| o.name == d.name) {
                break;
            }
            out.push(d);
            next = d.fallback.as_deref().and_then(|f| self.get(f));
        }
        if !out.is_empty()
            && let Some(d) = self.default_definition()
            && !out.iter().any(|o| o.name == d.name)
        {
            out.push(d);
        }
        out
    }

    /// Resolves a `{{ho:name}}` reference: `None` when `s` is not one, `Some(Err(name))`
    /// when it names no definition.
    pub fn resolve<'a>(&self, s: &'a str) -> Option<Result<&Definition, &'a str>> {
        let name = parse_ho_ref(s)?;
        Some(self.get(name).ok_or(name))
    }
}

type SipProblem = (&'static str, String, &'static str);

fn sip_target(sip: RawSip) -> Result<Target, SipProblem> {
    let RawSip {
        method,
        phone_number,
        outbound_endpoint,
        outbound_encryption,
        brief_for,
    } = sip;
    if method != Method::Invite && brief_for.is_some() {
        return Err((
            "brief_for",
            "`brief_for` is for `method: invite` only (a warm transfer)".into(),
            "remove `brief_for`, or use method: invite",
        ));
    }
    let method_name = match method {
        Method::Refer => "refer",
        Method::Invite => "invite",
        Method::Bye => "bye",
    };
    let not_allowed = |key: &'static str| -> SipProblem {
        (
            key,
            format!("`{key}` is not allowed with `method: {method_name}`"),
            "refer takes phone_number; invite takes phone_number, outbound_endpoint and outbound_encryption; bye takes nothing",
        )
    };
    let missing = |key: &'static str| -> SipProblem {
        (
            "method",
            format!("`method: {method_name}` needs `{key}`"),
            "refer takes phone_number; invite takes phone_number, outbound_endpoint and outbound_encryption",
        )
    };
    match method {
        Method::Refer => {
            if outbound_endpoint.is_some() {
                return Err(not_allowed("outbound_endpoint"));
            }
            if outbound_encryption.is_some() {
                return Err(not_allowed("outbound_encryption"));
            }
            Ok(Target::Refer {
                phone_number: phone_number.ok_or_else(|| missing("phone_number"))?,
            })
        }
        Method::Invite => {
            let phone_number = phone_number.ok_or_else(|| missing("phone_number"))?;
            let outbound_endpoint =
                outbound_endpoint.ok_or_else(|| missing("outbound_endpoint"))?;
            if !is_endpoint(&outbound_endpoint) {
                return Err((
                    "outbound_endpoint",
                    format!("`{outbound_endpoint}` is not a SIP endpoint"),
                    "write host[:port] or sip:host[:port], e.g. sip:pbx.example.com:5060",
                ));
            }
            let brief_for = match brief_for {
                None => None,
                Some(b) => Some(
                    baton_route::config::Span::parse(&b)
                        .map_err(|m| ("brief_for", m, "write e.g. 20s or 1m"))?
                        .0,
                ),
            };
            Ok(Target::Invite {
                phone_number,
                outbound_endpoint,
                outbound_encryption,
                brief_for,
            })
        }
        Method::Bye => {
            if phone_number.is_some() {
                return Err(not_allowed("phone_number"));
            }
            if outbound_endpoint.is_some() {
                return Err(not_allowed("outbound_endpoint"));
            }
            if outbound_encryption.is_some() {
                return Err(not_allowed("outbound_encryption"));
            }
            Ok(Target::Bye)
        }
    }
}

fn to_raw(d: &Definition) -> RawDefinition {
    let (mut sip_config, mut queue, mut user, mut agent) = (None, None, None, None);
    match &d.target {
        Target::Refer { phone_number } => {
            sip_config = Some(RawSip {
                method: Method::Refer,
                phone_number: Some(phone_number.clone()),
                outbound_endpoint: None,
                outbound_encryption: None,
                brief_for: None,
            });
        }
        Target::Invite {
            phone_number,
            outbound_endpoint,
            outbound_encryption,
            brief_for,
        } => {
            sip_config = Some(RawSip {
                method: Method::Invite,
                phone_number: Some(phone_number.clone()),
                outbound_endpoint: Some(outbound_endpoint.clone()),
                outbound_encryption: *outbound_encryption,
                brief_for: brief_for.map(|d| format!("{}ms", d.as_millis())),
            });
        }
        Target::Bye => {
            sip_config = Some(RawSip {
                method: Method::Bye,
                phone_number: None,
                outbound_endpoint: None,
                outbound_encryption: None,
                brief_for: None,
            });
        }
        Target::Queue(q) => queue = Some(q.clone()),
        Target::User(u) => user = Some(u.clone()),
        Target::Agent(a) => agent = Some(a.clone()),
    }
    RawDefinition {
        name: d.name.clone(),
        description: d.description.clone(),
        is_default: d.is_default,
        sip_config,
        sip_headers: d.sip_headers.clone(),
        fallback: d.fallback.clone(),
        queue,
        user,
        agent,
    }
}

#[cfg(test)]
mod tests;
