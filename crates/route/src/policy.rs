//! The routing policy, compiled from the routing file: where a handoff goes (its plan)
//! and, at each stop of the plan, who is offered it next. Pure: no clock, no I/O.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::Duration;

use baton_core::{AgentId, Channel, Presence, Reason};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use crate::config::{self, Match, OfferMode, RoutingFile, TargetSpec};
use crate::error::RouteConfigError;

const DEFAULT_OFFER_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_TARGET_TIMEOUT: Duration = Duration::from_secs(300);
const DEFAULT_QUEUE: &str = "default";
const DEFAULT_FAILSAFE: &str = "failsafe";

/// A queue as compiled.
#[derive(Clone, Debug)]
pub struct Queue {
    pub name: String,
    pub skills: BTreeSet<String>,
    pub priority: i32,
    pub mode: OfferMode,
    pub offer_timeout: Duration,
}

/// A desk user as configured (presence and load live in the store).
#[derive(Clone, Debug)]
pub struct DeskUserConfig {
    pub username: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub queues: Vec<String>,
    pub skills: BTreeSet<String>,
    pub capacity: BTreeMap<Channel, u32>,
}

impl DeskUserConfig {
    /// Conversations this user may hold at once on `channel`.
    pub fn capacity(&self, channel: Channel) -> u32 {
        self.capacity
            .get(&channel)
            .copied()
            .unwrap_or(if channel == Channel::Chat { 3 } else { 1 })
    }
}

/// One stop of a plan, as stored with the handoff (so a changed routing file never
/// reroutes work already on its way).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// A connected agent, by connection name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    pub timeout_ms: u64,
}

impl Target {
    pub fn timeout(&self) -> Duration {
        Duration::from_millis(self.timeout_ms)
    }

    /// The queue a handoff at this stop is listed in: the target's queue, or for a
    /// user target, none (only that user sees it).
    pub fn queue(&self) -> Option<&str> {
        self.queue.as_deref()
    }
}

/// Where a handoff goes, decided once when it is requested.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The filter that matched (`default` when none did, `destination` when the
    /// request named a queue).
    pub filter: String,
    pub targets: Vec<Target>,
    /// The handoff's priority after the filter's, the first queue's and the urgency boost.
    pub priority: i32,
    pub urgent: bool,
}

/// What the filters look at.
#[derive(Clone, Debug)]
pub struct Facts<'a> {
    pub reason: Reason,
    pub intent: Option<&'a str>,
    pub channel: Channel,
    pub language: Option<&'a str>,
    pub tier: Option<&'a str>,
    /// The request's destination, when it named one.
    pub destination: Option<&'a str>,
    pub priority: i32,
    /// A package-shaped document (`customer`, `crm`, `metadata`, `decision`) for
    /// `fields` conditions.
    pub document: &'a Value,
}

#[derive(Clone, Debug)]
struct Filter {
    name: String,
    when: Match,
    priority: i32,
    targets: Vec<Target>,
}

/// The compiled routing configuration.
#[derive(Clone, Debug)]
pub struct Routing {
    pub failsafe: String,
    pub urgent_reasons: Vec<Reason>,
    pub urgent_boost: i32,
    queues: BTreeMap<String, Queue>,
    filters: Vec<Filter>,
    default: Vec<Target>,
    users: Vec<DeskUserConfig>,
    /// A2A agents named by their card URL, with the variable holding their token.
    cards: BTreeMap<String, Option<String>>,
}

/// How a routing file is read.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// Card URLs may be plain `http://` (the private-address opt-in,
    /// `BATON_ALLOW_PRIVATE_WEBHOOKS`); otherwise only `https://`.
    pub allow_plain_http: bool,
}

/// Whether an agent target is a card URL rather than a connection name.
pub fn is_card_url(agent: &str) -> bool {
    agent.contains("://")
}

/// The name of the connection Baton keeps for an agent given by its card URL (what
/// `GET /v1/connections` lists it under): `a2a-` and a stable hash of the URL.
pub fn card_connection_name(url: &str) -> String {
    // FNV-1a, 64 bits: stable across builds and platforms, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("a2a-{h:016x}")
}

impl Default for Routing {
    /// One queue, `default`, that every handoff waits in for up to five minutes before
    /// the failsafe queue; no desk users.
    fn default() -> Self {
        Routing::from_yaml("(built-in routing)", "").unwrap_or_else(|_| unreachable_default())
    }
}

fn unreachable_default() -> Routing {
    // The empty file always compiles; this keeps `Default` free of panics anyway.
    Routing {
        failsafe: DEFAULT_FAILSAFE.to_owned(),
        urgent_reasons: Vec::new(),
        urgent_boost: 0,
        queues: BTreeMap::new(),
        filters: Vec::new(),
        default: Vec::new(),
        users: Vec::new(),
        cards: BTreeMap::new(),
    }
}

impl Routing {
    /// Reads a routing file; errors name the file, line and field.
    pub fn load(path: &std::path::Path) -> Result<Routing, RouteConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RouteConfigError::Io {
            file: name.clone(),
            message: format!("cannot read the routing file: {e}"),
        })?;
        Routing::from_yaml(&name, &text)
    }

    /// Reads a routing file with `options`; errors name the file, line and field.
    pub fn load_with(
        path: &std::path::Path,
        options: LoadOptions,
    ) -> Result<Routing, RouteConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RouteConfigError::Io {
            file: name.clone(),
            message: format!("cannot read the routing file: {e}"),
        })?;
        Routing::from_yaml_with(&name, &text, options)
    }

    pub fn from_yaml(file: &str, text: &str) -> Result<Routing, RouteConfigError> {
        Routing::from_yaml_with(file, text, LoadOptions::default())
    }

    pub fn from_yaml_with(
        file: &str,
        text: &str,
        options: LoadOptions,
    ) -> Result<Routing, RouteConfigError> {
        let raw: RoutingFile = config::parse(file, text)?;
        let invalid = |field: String, needle: &str, message: String, hint: &str| {
            let (line, column) = config::line_of(text, needle);
            RouteConfigError::Invalid {
                file: file.to_owned(),
                line,
                column,
                field,
                message,
                hint: hint.to_owned(),
            }
        };
        let offer_timeout = raw.offer_timeout.map_or(DEFAULT_OFFER_TIMEOUT, |s| s.0);
        let failsafe = raw.failsafe.unwrap_or_else(|| DEFAULT_FAILSAFE.to_owned());
        let mut queues = BTreeMap::new();
        for (i, q) in raw.queues.into_iter().enumerate() {
            if q.name.trim().is_empty() {
                return Err(invalid(
                    format!("queues[{i}].name"),
                    "name:",
                    "a queue needs a name".into(),
                    "give every queue a unique name",
                ));
            }
            let compiled = Queue {
                name: q.name.clone(),
                skills: q.skills.into_iter().collect(),
                priority: q.priority,
                mode: q.mode,
                offer_timeout: q.offer_timeout.map_or(offer_timeout, |s| s.0),
            };
            if queues.insert(q.name.clone(), compiled).is_some() {
                return Err(invalid(
                    format!("queues[{i}].name"),
                    &format!("name: {}", q.name),
                    format!("queue `{}` is defined twice", q.name),
                    "give every queue a unique name",
                ));
            }
        }
        // The failsafe queue always exists, and so does the default queue when nothing
        // else is configured.
        for name in [failsafe.as_str()]
            .into_iter()
            .chain(queues.is_empty().then_some(DEFAULT_QUEUE))
        {
            queues.entry(name.to_owned()).or_insert_with(|| Queue {
                name: name.to_owned(),
                skills: BTreeSet::new(),
                priority: 0,
                mode: OfferMode::OneAtATime,
                offer_timeout,
            });
        }
        let mut users = Vec::new();
        let mut usernames = HashSet::new();
        for (i, u) in raw.users.into_iter().enumerate() {
            let field = format!("users[{i}]");
            if u.username.trim().is_empty()
                || !u
                    .username
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-@".contains(c))
            {
                return Err(invalid(
                    format!("{field}.username"),
                    &format!("username: {}", u.username),
                    format!("`{}` is not a valid username", u.username),
                    "use letters, digits, `.`, `_`, `-` or `@`",
                ));
            }
            if !usernames.insert(u.username.clone()) {
                return Err(invalid(
                    format!("{field}.username"),
                    &format!("username: {}", u.username),
                    format!("user `{}` is defined twice", u.username),
                    "give every user a unique username",
                ));
            }
            for (j, q) in u.queues.iter().enumerate() {
                if !queues.contains_key(q) {
                    return Err(invalid(
                        format!("{field}.queues[{j}]"),
                        q,
                        format!("queue `{q}` is not defined"),
                        "add it under `queues:` or fix the name",
                    ));
                }
            }
            if let Some(h) = &u.password_hash
                && !h.starts_with("$argon2")
            {
                return Err(invalid(
                    format!("{field}.password_hash"),
                    "password_hash",
                    "not an argon2 PHC string".into(),
                    "generate one with `baton desk hash-password`",
                ));
            }
            users.push(DeskUserConfig {
                name: u.name.unwrap_or_else(|| u.username.clone()),
                username: u.username,
                password_hash: u.password_hash,
                queues: u.queues,
                skills: u.skills.into_iter().collect(),
                capacity: u.capacity,
            });
        }
        let cards = std::cell::RefCell::new(BTreeMap::<String, Option<String>>::new());
        let targets = |field: &str,
                       specs: Vec<TargetSpec>|
         -> Result<Vec<Target>, RouteConfigError> {
            if specs.is_empty() {
                return Err(invalid(
                    field.to_owned(),
                    field.rsplit('.').next().unwrap_or(field),
                    "no targets".into(),
                    "list at least one `- queue: NAME`, `- user: NAME` or `- agent: NAME`",
                ));
            }
            specs
                    .into_iter()
                    .enumerate()
                    .map(|(j, t)| {
                        let f = format!("{field}[{j}]");
                        let timeout_ms = t
                            .timeout
                            .map_or(DEFAULT_TARGET_TIMEOUT, |s| s.0)
                            .as_millis();
                        let timeout_ms = u64::try_from(timeout_ms).unwrap_or(u64::MAX);
                        if let Some(var) = &t.bearer_env {
                            card_credential(t.agent.as_deref(), var).map_err(|(m, h)| {
                                invalid(format!("{f}.bearer_env"), &format!("bearer_env: {var}"), m, h)
                            })?;
                        }
                        match (t.queue, t.user, t.agent) {
                            (None, None, Some(a)) if is_card_url(&a) => {
                                check_card_url(&a, options).map_err(|(m, h)| {
                                    invalid(format!("{f}.agent"), &a, m, h)
                                })?;
                                let mut cards = cards.borrow_mut();
                                match cards.get(&a) {
                                    Some(known) if *known != t.bearer_env => {
                                        return Err(invalid(
                                            format!("{f}.bearer_env"),
                                            &a,
                                            format!("`{a}` is given two different `bearer_env`s"),
                                            "name one variable for the agent at every stop",
                                        ));
                                    }
                                    _ => {
                                        cards.insert(a.clone(), t.bearer_env.clone());
                                    }
                                }
                                Ok(Target {
                                    queue: None,
                                    user: None,
                                    agent: Some(a),
                                    timeout_ms,
                                })
                            }
                            (None, None, Some(a)) if is_connection_name(&a) => Ok(Target {
                                queue: None,
                                user: None,
                                agent: Some(a),
                                timeout_ms,
                            }),
                            (None, None, Some(a)) => Err(invalid(
                                format!("{f}.agent"),
                                &format!("agent: {a}"),
                                format!("`{a}` is not a connection name"),
                                "use the name given to `baton connections add` (a-z, 0-9, `-`, `_`, `.`)",
                            )),
                            (Some(q), None, None) if queues.contains_key(&q) => Ok(Target {
                                queue: Some(q),
                                user: None,
                                agent: None,
                                timeout_ms,
                            }),
                            (Some(q), None, None) => Err(invalid(
                                format!("{f}.queue"),
                                &format!("queue: {q}"),
                                format!("queue `{q}` is not defined"),
                                "add it under `queues:` or fix the name",
                            )),
                            (None, Some(u), None) if usernames.contains(&u) => Ok(Target {
                                queue: None,
                                user: Some(u),
                                agent: None,
                                timeout_ms,
                            }),
                            (None, Some(u), None) => Err(invalid(
                                format!("{f}.user"),
                                &format!("user: {u}"),
                                format!("user `{u}` is not defined"),
                                "add it under `users:` or fix the name",
                            )),
                            _ => Err(invalid(
                                f,
                                "targets",
                                "a target names exactly one of `queue`, `user` or `agent`".into(),
                                "write `- queue: NAME`, `- user: NAME` or `- agent: NAME`",
                            )),
                        }
                    })
                    .collect()
        };
        let mut filters = Vec::new();
        for (i, f) in raw.filters.into_iter().enumerate() {
            filters.push(Filter {
                targets: targets(&format!("filters[{i}].targets"), f.targets)?,
                name: f.name,
                when: f.when,
                priority: f.priority,
            });
        }
        let default = match raw.default {
            Some(d) => targets("default.targets", d.targets)?,
            None => {
                let first = queues
                    .keys()
                    .find(|q| **q != failsafe)
                    .cloned()
                    .unwrap_or_else(|| failsafe.clone());
                vec![Target {
                    queue: Some(first),
                    user: None,
                    agent: None,
                    timeout_ms: u64::try_from(DEFAULT_TARGET_TIMEOUT.as_millis())
                        .unwrap_or(u64::MAX),
                }]
            }
        };
        Ok(Routing {
            failsafe,
            urgent_reasons: raw.urgent_reasons.unwrap_or_else(|| {
                vec![Reason::Urgency, Reason::Regulated, Reason::CriticalAction]
            }),
            urgent_boost: raw.urgent_boost.unwrap_or(1000),
            queues,
            filters,
            default,
            users,
            cards: cards.into_inner(),
        })
    }

    /// The A2A agents the file names by card URL, each with the environment variable
    /// holding its Bearer token (none: no credentials).
    pub fn card_agents(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        self.cards.iter().map(|(u, v)| (u.as_str(), v.as_deref()))
    }

    /// Adds (or replaces) a desk user, e.g. the demo user.
    pub fn add_user(&mut self, user: DeskUserConfig) {
        self.users.retain(|u| u.username != user.username);
        self.users.push(user);
    }

    pub fn users(&self) -> &[DeskUserConfig] {
        &self.users
    }

    pub fn user(&self, username: &str) -> Option<&DeskUserConfig> {
        self.users.iter().find(|u| u.username == username)
    }

    pub fn queue(&self, name: &str) -> Option<&Queue> {
        self.queues.get(name)
    }

    pub fn queues(&self) -> impl Iterator<Item = &Queue> {
        self.queues.values()
    }

    /// What an API receiver registered without a queue list takes work from: the
    /// queues of the default route, and the failsafe queue.
    pub fn default_queues(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .default
            .iter()
            .filter_map(|t| t.queue.clone())
            .collect();
        out.push(self.failsafe.clone());
        out.dedup();
        out
    }

    /// Whether a handoff for `reason` jumps the queue.
    pub fn is_urgent(&self, reason: Reason) -> bool {
        self.urgent_reasons.contains(&reason)
    }

    /// The first stop a request's destination names: a configured queue (`billing` or
    /// `queue:billing`), a configured desk user (`user:ana`), or a connected agent
    /// (`agent:tech-support-bot`; connections change at run time, so an unknown one is
    /// passed over when the stop is reached, like a disabled one).
    fn destination_stop(&self, destination: &str) -> Option<Target> {
        let (queue, user, agent) = match destination.split_once(':') {
            Some(("queue", q)) => (self.queues.get(q).map(|q| q.name.clone()), None, None),
            Some(("user", u)) => (None, self.user(u).map(|u| u.username.clone()), None),
            // A card URL only when the routing file names that agent: a request
            // cannot send the package to an address the deployment did not choose.
            Some(("agent", a)) if is_card_url(a) && !self.cards.contains_key(a) => return None,
            Some(("agent", a)) if !a.is_empty() => (None, None, Some(a.to_owned())),
            Some(_) => return None,
            None => (
                self.queues.get(destination).map(|q| q.name.clone()),
                None,
                None,
            ),
        };
        if queue.is_none() && user.is_none() && agent.is_none() {
            return None;
        }
        Some(Target {
            queue,
            user,
            agent,
            timeout_ms: self.default.first().map_or(300_000, |t| t.timeout_ms),
        })
    }

    /// Where a handoff goes: the first matching filter decides; when none matches, a
    /// request (or rule) naming a configured queue, desk user or connected agent goes
    /// there first and then along the default route; otherwise the default route.
    pub fn plan(&self, facts: &Facts<'_>) -> Plan {
        let by_filter = self.filters.iter().find(|f| matches(&f.when, facts));
        let by_destination = facts.destination.and_then(|d| self.destination_stop(d));
        let (filter, mut targets, boost) = match (by_filter, by_destination) {
            (Some(f), _) => (f.name.clone(), f.targets.clone(), f.priority),
            (None, Some(stop)) => {
                let mut t = vec![stop];
                t.extend(self.default.iter().cloned());
                ("destination".to_owned(), t, 0)
            }
            (None, None) => ("default".to_owned(), self.default.clone(), 0),
        };
        // The same stop twice in a row only repeats the wait.
        targets.dedup();
        let urgent = self.is_urgent(facts.reason);
        let queue_priority = targets
            .first()
            .and_then(|t| t.queue())
            .and_then(|q| self.queues.get(q))
            .map_or(0, |q| q.priority);
        let priority = facts
            .priority
            .saturating_add(boost)
            .saturating_add(queue_priority)
            .saturating_add(if urgent { self.urgent_boost } else { 0 });
        Plan {
            filter,
            targets,
            priority,
            urgent,
        }
    }

    /// The next step for a handoff waiting at `target` (which it reached at `since`).
    /// `tried` are the receivers already offered it at this stop; `desk` is every
    /// desk user's presence and load.
    pub fn next_step(
        &self,
        target: &Target,
        since: OffsetDateTime,
        channel: Channel,
        tried: &[AgentId],
        desk: &[DeskState<'_>],
        now: OffsetDateTime,
    ) -> Step {
        let deadline = since + target.timeout();
        if now >= deadline {
            return Step::Advance;
        }
        let queue = target.queue().and_then(|q| self.queues.get(q));
        let members: Vec<&DeskState<'_>> = desk
            .iter()
            .filter(|d| match (&target.user, queue) {
                (Some(u), _) => d.user.username == *u,
                (None, Some(q)) => d.user.queues.contains(&q.name),
                (None, None) => false,
            })
            .collect();
        let any_members = !members.is_empty();
        let untried: Vec<&DeskState<'_>> = members
            .into_iter()
            .filter(|d| !tried.contains(&d.agent))
            .collect();
        if untried.is_empty() {
            // Every desk user here said no: move on. A stop without desk users is
            // worked by pulling (API receivers), so it keeps the handoff until its timeout.
            return if any_members {
                Step::Advance
            } else {
                Step::Wait(deadline)
            };
        }
        let mut eligible: Vec<&DeskState<'_>> = untried
            .into_iter()
            .filter(|d| {
                d.presence == Presence::Online
                    && d.load(channel) < d.user.capacity(channel)
                    && queue.is_none_or(|q| q.skills.iter().all(|s| d.user.skills.contains(s)))
            })
            .collect();
        if eligible.is_empty() {
            return Step::Wait(deadline);
        }
        let (mode, offer_timeout) = match queue {
            Some(q) if target.user.is_none() => (q.mode, q.offer_timeout),
            _ => (OfferMode::OneAtATime, target.timeout()),
        };
        // Offers never outlive the stop: a stop's timeout bounds the wait there.
        let offer_deadline = (now + offer_timeout).min(deadline);
        // The least busy first, then whoever was offered work longest ago.
        eligible.sort_by(|a, b| {
            let ra = f64::from(a.load(channel)) / f64::from(a.user.capacity(channel).max(1));
            let rb = f64::from(b.load(channel)) / f64::from(b.user.capacity(channel).max(1));
            ra.total_cmp(&rb)
                .then(a.last_offer_at.cmp(&b.last_offer_at))
                .then(a.user.username.cmp(&b.user.username))
        });
        let receivers = match mode {
            OfferMode::OneAtATime => eligible.iter().take(1).map(|d| d.agent).collect(),
            OfferMode::Broadcast => eligible.iter().map(|d| d.agent).collect(),
        };
        Step::Offer {
            receivers,
            deadline: offer_deadline,
            queue: target.queue.clone(),
        }
    }
}

/// A connection as the router sees it at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgentState {
    /// The connection's local agent, which offers go to.
    pub agent: AgentId,
    /// Whether the connection takes offers (not disabled).
    pub active: bool,
}

impl Routing {
    /// The next step for a handoff waiting at an agent stop (reached at `since`):
    /// offered to the connected agent until the stop's deadline, once; a refusal, a
    /// timeout, a disabled or unknown connection moves on, as a person's would.
    pub fn agent_step(
        &self,
        target: &Target,
        since: OffsetDateTime,
        connection: Option<AgentState>,
        tried: &[AgentId],
        now: OffsetDateTime,
    ) -> Step {
        let deadline = since + target.timeout();
        match connection {
            Some(c) if now < deadline && c.active && !tried.contains(&c.agent) => Step::Offer {
                receivers: vec![c.agent],
                deadline,
                queue: None,
            },
            _ => Step::Advance,
        }
    }
}

/// A card URL as a routing file may name it: `https://`, or `http://` with the
/// private-address opt-in; the error is a message and a hint.
fn check_card_url(url: &str, options: LoadOptions) -> Result<(), (String, &'static str)> {
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        if !options.allow_plain_http {
            return Err((
                format!("`{url}` is not TLS: an agent's card URL must be https"),
                "use https, or set BATON_ALLOW_PRIVATE_WEBHOOKS=true for an agent on a private network",
            ));
        }
        rest
    } else {
        return Err((
            format!("`{url}` is neither a connection name nor an https card URL"),
            "write a connection name or https://host/.well-known/agent-card.json",
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(char::is_whitespace) || url.len() > 2000 {
        return Err((
            format!("`{url}` is not a usable URL"),
            "write https://host/.well-known/agent-card.json",
        ));
    }
    Ok(())
}

/// `bearer_env` applies to a card URL agent and names an environment variable.
fn card_credential(agent: Option<&str>, var: &str) -> Result<(), (String, &'static str)> {
    if !agent.is_some_and(is_card_url) {
        return Err((
            "`bearer_env` applies only to an agent given by its card URL".to_owned(),
            "a connection keeps its own secret (`baton connections add`); remove `bearer_env`",
        ));
    }
    let ok = !var.is_empty()
        && var
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && !var.as_bytes()[0].is_ascii_digit();
    if ok {
        Ok(())
    } else {
        Err((
            format!("`{var}` is not an environment variable name"),
            "use capitals, digits and `_`, e.g. NETWORK_BOT_TOKEN",
        ))
    }
}

/// Whether `name` can name a connection: 1–64 of a-z, 0-9, `-`, `_`, `.`.
pub fn is_connection_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

/// A desk user as the router sees them at one moment.
#[derive(Clone, Debug)]
pub struct DeskState<'a> {
    pub user: &'a DeskUserConfig,
    pub agent: AgentId,
    pub presence: Presence,
    /// Conversations held plus offers pending, per channel.
    pub load: BTreeMap<Channel, u32>,
    pub last_offer_at: Option<OffsetDateTime>,
}

impl DeskState<'_> {
    pub fn load(&self, channel: Channel) -> u32 {
        self.load.get(&channel).copied().unwrap_or(0)
    }
}

/// What the router does next with a waiting handoff.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Offer it to these receivers until `deadline`.
    Offer {
        receivers: Vec<AgentId>,
        deadline: OffsetDateTime,
        queue: Option<String>,
    },
    /// Someone could still take it here but no one can now: look again by then.
    Wait(OffsetDateTime),
    /// This stop is done: go to the next one (or the failsafe queue after the last).
    Advance,
}

fn one_of(list: &Option<Vec<String>>, value: Option<&str>) -> bool {
    match list {
        None => true,
        Some(items) => value.is_some_and(|v| items.iter().any(|i| i.eq_ignore_ascii_case(v))),
    }
}

fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

fn matches(m: &Match, f: &Facts<'_>) -> bool {
    m.reason.as_ref().is_none_or(|r| r.contains(&f.reason))
        && m.channel.as_ref().is_none_or(|c| c.contains(&f.channel))
        && one_of(&m.intent, f.intent)
        && one_of(&m.destination, f.destination)
        && one_of(&m.tier, f.tier)
        && m.language.as_ref().is_none_or(|langs| {
            f.language.is_some_and(|l| {
                langs
                    .iter()
                    .any(|x| primary_language(x).eq_ignore_ascii_case(primary_language(l)))
            })
        })
        && m.fields.iter().all(|(path, want)| {
            let got = path.split('.').try_fold(f.document, |v, key| v.get(key));
            got == Some(want)
                || got
                    .and_then(Value::as_str)
                    .zip(want.as_str())
                    .is_some_and(|(g, w)| g.eq_ignore_ascii_case(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
offer_timeout: 20s
queues:
  - {name: billing, skills: [billing], priority: 5}
  - {name: general}
  - {name: vip, mode: broadcast, offer_timeout: 10s}
filters:
  - name: gold
    when: {tier: [gold]}
    priority: 50
    targets: [{queue: vip, timeout: 1m}, {queue: general}]
  - name: billing-de
    when: {intent: [billing], language: [de], fields: {customer.data.country: DE}}
    targets: [{queue: billing, timeout: 2m}]
default:
  targets: [{queue: general, timeout: 5m}]
users:
  - {username: ana, queues: [billing, general], skills: [billing], capacity: {chat: 2}}
  - {username: ben, queues: [billing, general]}
  - {username: cy, queues: [vip, general]}
"#;

    fn routing() -> Routing {
        Routing::from_yaml("routing.yaml", FILE).unwrap()
    }

    fn facts<'a>(
        doc: &'a Value,
        intent: Option<&'a str>,
        language: Option<&'a str>,
        tier: Option<&'a str>,
    ) -> Facts<'a> {
        Facts {
            reason: Reason::ExplicitRequest,
            intent,
            channel: Channel::Chat,
            language,
            tier,
            destination: None,
            priority: 0,
            document: doc,
        }
    }

    #[test]
    fn the_first_matching_filter_decides_and_adds_its_priority() {
        let r = routing();
        let doc = serde_json::json!({"customer": {"data": {"country": "de"}}});
        let p = r.plan(&facts(&doc, Some("billing"), Some("de-AT"), Some("Gold")));
        assert_eq!(p.filter, "gold", "tier matches first, case-insensitively");
        assert_eq!(p.priority, 50);
        assert_eq!(p.targets[0].queue.as_deref(), Some("vip"));
        assert_eq!(p.targets[1].timeout_ms, 300_000, "the default stop timeout");
        let p = r.plan(&facts(&doc, Some("billing"), Some("de-AT"), None));
        assert_eq!(
            p.filter, "billing-de",
            "primary language tag and a package field"
        );
        assert_eq!(p.priority, 5, "the first queue's priority");
        let other = serde_json::json!({"customer": {"data": {"country": "FR"}}});
        assert_eq!(
            r.plan(&facts(&other, Some("billing"), Some("de"), None))
                .filter,
            "default"
        );
    }

    #[test]
    fn urgent_reasons_jump_the_queue_and_a_named_queue_is_honoured_when_no_filter_speaks() {
        let r = routing();
        let doc = Value::Null;
        let mut f = facts(&doc, None, None, None);
        f.reason = Reason::Regulated;
        f.destination = Some("billing");
        let p = r.plan(&f);
        assert!(p.urgent);
        assert_eq!(p.priority, 1005);
        assert_eq!(p.filter, "destination");
        assert_eq!(p.targets[0].queue.as_deref(), Some("billing"));
        f.destination = Some("no-such-queue");
        assert_eq!(r.plan(&f).filter, "default");
    }

    #[test]
    fn a_destination_names_a_queue_a_desk_user_or_a_connected_agent_before_the_default_route() {
        let r = routing();
        let doc = Value::Null;
        let mut f = facts(&doc, None, None, None);
        f.destination = Some("queue:billing");
        assert_eq!(r.plan(&f).targets[0].queue.as_deref(), Some("billing"));
        f.destination = Some("user:ben");
        let p = r.plan(&f);
        assert_eq!(p.filter, "destination");
        assert_eq!(p.targets[0].user.as_deref(), Some("ben"));
        assert_eq!(
            p.targets[1].queue.as_deref(),
            Some("general"),
            "then the default route"
        );
        f.destination = Some("agent:tech-support-bot");
        let p = r.plan(&f);
        assert_eq!(p.targets[0].agent.as_deref(), Some("tech-support-bot"));
        for unknown in ["user:nobody", "agent:", "queue:nope", "team:billing"] {
            f.destination = Some(unknown);
            assert_eq!(r.plan(&f).filter, "default", "{unknown}");
        }
    }

    fn desk<'a>(
        r: &'a Routing,
        name: &str,
        presence: Presence,
        load: u32,
        last: Option<i64>,
    ) -> DeskState<'a> {
        DeskState {
            user: r.user(name).unwrap(),
            agent: AgentId::new(),
            presence,
            load: BTreeMap::from([(Channel::Chat, load)]),
            last_offer_at: last.map(|s| OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(s)),
        }
    }

    #[test]
    fn offers_go_to_the_least_busy_skilled_online_member_and_never_past_the_stop() {
        let r = routing();
        let now = OffsetDateTime::UNIX_EPOCH + time::Duration::hours(1);
        let billing = Target {
            queue: Some("billing".into()),
            user: None,
            agent: None,
            timeout_ms: 120_000,
        };
        // ben lacks the billing skill; ana is the only one eligible.
        let d = [
            desk(&r, "ana", Presence::Online, 1, None),
            desk(&r, "ben", Presence::Online, 0, None),
        ];
        match r.next_step(&billing, now, Channel::Chat, &[], &d, now) {
            Step::Offer {
                receivers,
                deadline,
                ..
            } => {
                assert_eq!(receivers, vec![d[0].agent]);
                assert_eq!(deadline, now + time::Duration::seconds(20));
            }
            other => panic!("{other:?}"),
        }
        // At capacity (2 chats) or away: wait for the stop's deadline.
        let full = [desk(&r, "ana", Presence::Online, 2, None)];
        assert_eq!(
            r.next_step(&billing, now, Channel::Chat, &[], &full, now),
            Step::Wait(now + time::Duration::minutes(2))
        );
        let away = [desk(&r, "ana", Presence::Away, 0, None)];
        assert!(matches!(
            r.next_step(&billing, now, Channel::Chat, &[], &away, now),
            Step::Wait(_)
        ));
        // Everyone tried: move on. Past the stop's timeout: move on.
        assert_eq!(
            r.next_step(&billing, now, Channel::Chat, &[d[0].agent], &d[..1], now),
            Step::Advance
        );
        let late = now + time::Duration::minutes(2);
        assert_eq!(
            r.next_step(&billing, now, Channel::Chat, &[], &d, late),
            Step::Advance
        );
        // An offer never outlives its stop.
        let near = now + time::Duration::seconds(110);
        match r.next_step(&billing, now, Channel::Chat, &[], &d, near) {
            Step::Offer { deadline, .. } => assert_eq!(deadline, now + time::Duration::minutes(2)),
            other => panic!("{other:?}"),
        }
        // General has no skills: the least loaded relative to capacity wins, then the
        // one offered work longest ago.
        let general = Target {
            queue: Some("general".into()),
            user: None,
            agent: None,
            timeout_ms: 60_000,
        };
        let d = [
            desk(&r, "ana", Presence::Online, 1, Some(1)),
            desk(&r, "ben", Presence::Online, 0, Some(5)),
            desk(&r, "cy", Presence::Online, 0, Some(2)),
        ];
        match r.next_step(&general, now, Channel::Chat, &[], &d, now) {
            Step::Offer { receivers, .. } => assert_eq!(receivers, vec![d[2].agent]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_broadcast_queue_offers_to_every_eligible_member_and_a_stop_without_desk_users_waits() {
        let r = routing();
        let now = OffsetDateTime::UNIX_EPOCH;
        let vip = Target {
            queue: Some("vip".into()),
            user: None,
            agent: None,
            timeout_ms: 60_000,
        };
        let d = [
            desk(&r, "cy", Presence::Online, 0, None),
            desk(&r, "ana", Presence::Online, 0, None),
        ];
        match r.next_step(&vip, now, Channel::Chat, &[], &d, now) {
            Step::Offer {
                receivers,
                deadline,
                ..
            } => {
                assert_eq!(receivers, vec![d[0].agent], "only vip members");
                assert_eq!(deadline, now + time::Duration::seconds(10));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            r.next_step(&vip, now, Channel::Chat, &[], &[], now),
            Step::Wait(now + time::Duration::minutes(1)),
            "API receivers pull from it until the stop times out"
        );
    }

    #[test]
    fn configuration_errors_name_the_line_and_field() {
        let e = Routing::from_yaml(
            "r.yaml",
            "queues:\n  - name: a\nusers:\n  - username: x\n    queues: [b]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("r.yaml:5:"), "{e}");
        assert!(
            e.contains("users[0].queues[0]") && e.contains("`b` is not defined"),
            "{e}"
        );
        let e = Routing::from_yaml("r.yaml", "queues:\n  - name: a\n    colour: red\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("r.yaml:3") && e.contains("unknown field"), "{e}");
        let e = Routing::from_yaml("r.yaml", "offer_timeout: soon\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("offer_timeout") && e.contains("duration"), "{e}");
        let e = Routing::from_yaml("r.yaml", "default:\n  targets: [{queue: a, user: b}]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("exactly one"), "{e}");
    }

    #[test]
    fn an_agent_stop_offers_once_to_the_connection_and_moves_on_as_a_person_would() {
        let r = Routing::from_yaml(
            "r.yaml",
            "queues: [{name: general}]\ndefault:\n  targets: [{agent: tech-support-bot, timeout: 30s}, {queue: general}]\n",
        )
        .unwrap();
        let stop = &r.default[0];
        assert_eq!(stop.agent.as_deref(), Some("tech-support-bot"));
        assert_eq!(stop.timeout_ms, 30_000);
        let now = OffsetDateTime::UNIX_EPOCH;
        let bot = AgentState {
            agent: AgentId::new(),
            active: true,
        };
        assert_eq!(
            r.agent_step(stop, now, Some(bot), &[], now + time::Duration::seconds(5)),
            Step::Offer {
                receivers: vec![bot.agent],
                deadline: now + time::Duration::seconds(30),
                queue: None
            },
            "the offer lasts until the stop's timeout"
        );
        for (connection, tried, at) in [
            (Some(bot), vec![bot.agent], 5),
            (Some(bot), vec![], 30),
            (
                Some(AgentState {
                    active: false,
                    ..bot
                }),
                vec![],
                5,
            ),
            (None, vec![], 5),
        ] {
            assert_eq!(
                r.agent_step(
                    stop,
                    now,
                    connection,
                    &tried,
                    now + time::Duration::seconds(at)
                ),
                Step::Advance,
                "{connection:?} {tried:?} {at}"
            );
        }
        let e = Routing::from_yaml("r.yaml", "default:\n  targets: [{agent: Bad Name}]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("default.targets[0].agent") && e.contains("connection name"),
            "{e}"
        );
        let e = Routing::from_yaml("r.yaml", "default:\n  targets: [{agent: a, queue: b}]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("exactly one"), "{e}");
    }

    #[test]
    fn without_a_file_every_handoff_waits_in_one_default_queue() {
        let r = Routing::default();
        assert!(r.queue("default").is_some() && r.queue("failsafe").is_some());
        assert_eq!(
            r.default_queues(),
            vec!["default".to_owned(), "failsafe".to_owned()]
        );
    }

    #[test]
    fn an_agent_by_card_url_is_a_stop_and_plain_http_needs_the_opt_in() {
        let card = "https://bots.example.com/.well-known/agent-card.json";
        let file = format!(
            "queues: [{{name: general}}]\ndefault:\n  targets:\n    - {{agent: \"{card}\", timeout: 30s, bearer_env: BOT_TOKEN}}\n    - {{queue: general}}\n"
        );
        let r = Routing::from_yaml("r.yaml", &file).unwrap();
        assert_eq!(
            r.card_agents().collect::<Vec<_>>(),
            [(card, Some("BOT_TOKEN"))]
        );
        let name = card_connection_name(card);
        assert!(
            is_connection_name(&name) && name.starts_with("a2a-"),
            "{name}"
        );
        assert_eq!(name, card_connection_name(card), "stable");
        assert_ne!(
            name,
            card_connection_name("https://other.example/card.json")
        );
        // A request may name it as a destination; an address the file does not name
        // goes nowhere but the default route.
        let doc = serde_json::json!({});
        let mut f = facts(&doc, None, None, None);
        let destination = format!("agent:{card}");
        f.destination = Some(&destination);
        let p = r.plan(&f);
        assert_eq!(p.targets[0].agent.as_deref(), Some(card));
        f.destination = Some("agent:https://elsewhere.example/card.json");
        assert_eq!(r.plan(&f).filter, "default");

        let plain = file.replace("https://", "http://");
        let e = Routing::from_yaml("r.yaml", &plain)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("r.yaml:4:")
                && e.contains("default.targets[0].agent")
                && e.contains("not TLS"),
            "{e}"
        );
        let opted = LoadOptions {
            allow_plain_http: true,
        };
        assert!(Routing::from_yaml_with("r.yaml", &plain, opted).is_ok());
        for (bad, field) in [
            ("ftp://bots.example.com/card.json", "agent"),
            ("https:///card.json", "agent"),
        ] {
            let e = Routing::from_yaml("r.yaml", &file.replace(card, bad))
                .unwrap_err()
                .to_string();
            assert!(e.contains(&format!("default.targets[0].{field}")), "{e}");
        }
        let e = Routing::from_yaml(
            "r.yaml",
            "default:\n  targets: [{agent: network-bot, bearer_env: TOKEN}]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("default.targets[0].bearer_env"), "{e}");
        let e = Routing::from_yaml("r.yaml", &file.replace("BOT_TOKEN", "bot token"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("not an environment variable name"), "{e}");
    }
}
