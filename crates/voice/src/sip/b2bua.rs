//! The signalling-only back-to-back user agent. A carrier's INVITE (leg A) is answered by
//! bridging it to the voice bot (leg B) with the same SDP; media flows between the
//! endpoints, never through Baton. One task owns every call, so a call's state changes
//! in one place and in order.
//!
//! The rest of Baton talks to it with [`CallEvent`]s and [`CallCommand`]s, which carry no
//! SIP types.

use std::collections::HashMap;
use std::net::{SocketAddr, ToSocketAddrs as _};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::message::{Message, Start, first_value, host_port, uri_of};
use super::transport::{Peer, Transport};
use crate::definitions::Encryption;

/// RFC 3261 timer T1 (round-trip estimate) and T2 (longest retransmit interval).
const T1: Duration = Duration::from_millis(500);
const T2: Duration = Duration::from_secs(4);
/// How long answered requests are remembered to answer retransmissions (64·T1).
const TX_MEMORY: Duration = Duration::from_secs(32);
const ALLOW: &str = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, REFER, NOTIFY, INFO";

/// What the B2BUA tells Baton.
#[derive(Debug)]
pub enum CallEvent {
    /// A carrier's call arrived; Baton answers with the conversation id (or why not).
    Started {
        call_id: String,
        from: String,
        to: String,
        reply: oneshot::Sender<Result<String, String>>,
    },
    /// The call is over on both legs.
    Ended {
        call_id: String,
        conversation: String,
        why: String,
    },
    /// One step of a transfer.
    Transfer {
        handoff: String,
        conversation: String,
        step: TransferStep,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransferStep {
    /// A REFER (or BYE) went out for this definition.
    Sent {
        definition: String,
        method: &'static str,
        target: String,
    },
    /// The carrier or the target reported progress (202, NOTIFY 100/180).
    Progress { definition: String, status: u16 },
    /// Warm transfer with a briefing: the person answered; the bot and the person talk,
    /// the caller is held (`a=inactive`) until the bot is done or `brief_for` runs out.
    Briefing { definition: String, target: String },
    /// This definition failed; the next one is tried.
    Failed { definition: String, reason: String },
    /// After `after` failed, `definition` is tried next.
    Fallback { definition: String, after: String },
    /// A desk definition (`queue:`/`user:`) is next: Baton must say whether someone who
    /// takes calls is online there ([`CallCommand::DeskChecked`]).
    DeskCheck { definition: String, target: String },
    /// Someone who takes calls is online at the desk target (`who`): the transfer is
    /// over and the handoff is the desk's; the caller stays with the bot meanwhile.
    DeskTakesOver {
        definition: String,
        target: String,
        who: String,
    },
    /// The call now belongs to the target: Baton left it (REFER) or bridges the
    /// caller to it (INVITE).
    Succeeded {
        definition: String,
        method: &'static str,
        target: String,
    },
    /// The call was ended on purpose (`bye`).
    HungUp { definition: String },
    /// Every definition failed; the caller is still with the bot.
    Exhausted { reasons: Vec<String> },
    /// The call ended (the caller or the bot hung up) before the transfer finished.
    CallEnded { definition: String, why: String },
}

/// One definition to try, as the B2BUA needs it.
#[derive(Clone, Debug)]
pub struct PlanStep {
    pub definition: String,
    pub action: PlanAction,
    /// Extra headers, in order (definition's, then the request's overrides).
    pub headers: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub enum PlanAction {
    Refer {
        number: String,
    },
    Invite {
        number: String,
        endpoint: String,
        encryption: Encryption,
        /// Whether the bot briefs the person first, and for how long at most.
        brief_for: Option<Duration>,
    },
    Bye,
    /// A desk definition: `queue:NAME` or `user:NAME`. When someone who takes calls is
    /// online there, the desk takes over (the caller stays with the bot until a person
    /// accepts the handoff); otherwise the next definition is tried.
    Desk {
        target: String,
    },
}

/// What Baton asks of the B2BUA.
#[derive(Debug)]
pub enum CallCommand {
    Transfer {
        conversation: String,
        handoff: String,
        plan: Vec<PlanStep>,
    },
    /// The answer to [`TransferStep::DeskCheck`]: who is there to take the call, or why
    /// nobody is.
    DeskChecked {
        handoff: String,
        result: Result<String, String>,
    },
    /// The bot is done briefing the person: connect the caller. The answer says whether
    /// a briefing of that handoff was under way.
    Briefed {
        handoff: String,
        reply: oneshot::Sender<Result<(), String>>,
    },
}

#[derive(Clone, Debug)]
pub struct Config {
    /// Where incoming calls are bridged, e.g. `sip:bot@127.0.0.1:5070`.
    pub bot_uri: String,
    /// How long a REFER may take to reach a final NOTIFY.
    pub notify_timeout: Duration,
}

/// A running B2BUA.
#[derive(Clone)]
pub struct Handle {
    commands: mpsc::Sender<CallCommand>,
    pub local: SocketAddr,
}

impl Handle {
    pub async fn command(&self, c: CallCommand) -> bool {
        self.commands.send(c).await.is_ok()
    }
}

/// Binds `addr` (UDP and TCP) and runs the B2BUA until the event receiver is dropped.
pub async fn start(
    addr: SocketAddr,
    config: Config,
    events: mpsc::Sender<CallEvent>,
) -> std::io::Result<Handle> {
    let (transport, incoming) = Transport::bind(addr).await?;
    let bot_peer = resolve(&config.bot_uri).ok_or_else(|| {
        std::io::Error::other(format!(
            "--voice-bot {}: not a sip: URI with a reachable host",
            config.bot_uri
        ))
    })?;
    let local = transport.local();
    let (tx, commands) = mpsc::channel(1024);
    let (internal_tx, internal) = mpsc::channel(1024);
    let b2bua = B2bua {
        t: transport,
        config,
        bot_peer,
        events,
        internal: internal_tx,
        calls: HashMap::new(),
        legs: HashMap::new(),
        by_conv: HashMap::new(),
        clients: HashMap::new(),
        answered: HashMap::new(),
    };
    tokio::spawn(b2bua.run(incoming, commands, internal));
    Ok(Handle {
        commands: tx,
        local,
    })
}

fn resolve(uri: &str) -> Option<Peer> {
    let (host, port) = host_port(uri)?;
    (host.as_str(), port)
        .to_socket_addrs()
        .ok()?
        .next()
        .map(Peer::Udp)
}

fn token() -> String {
    format!("{:016x}", rand::random::<u64>())
}

fn without_tag(v: &str) -> String {
    match v.rfind('>') {
        Some(i) => v[..=i].to_owned(),
        None => v.split(';').next().unwrap_or(v).trim().to_owned(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// The carrier.
    A,
    /// The voice bot.
    B,
    /// A warm transfer's target, while it is dialled.
    C,
}

/// One dialog, seen from Baton's end.
#[derive(Debug)]
struct Leg {
    call_id: String,
    local_tag: String,
    remote_tag: Option<String>,
    /// name-addrs without tags.
    local_uri: String,
    remote_uri: String,
    /// The remote target (Contact) in-dialog requests go to.
    target: String,
    peer: Peer,
    cseq: u32,
    routes: Vec<String>,
}

impl Leg {
    fn request(&mut self, method: &str, local: SocketAddr) -> (Message, String) {
        self.cseq += 1;
        let branch = format!("z9hG4bK{}", token());
        let mut m = Message::request(method, &self.target);
        m.push(
            "Via",
            format!(
                "SIP/2.0/{} {local};branch={branch};rport",
                self.peer.transport()
            ),
        )
        .push("Max-Forwards", "70")
        .push("From", format!("{};tag={}", self.local_uri, self.local_tag));
        match &self.remote_tag {
            Some(t) => m.push("To", format!("{};tag={t}", self.remote_uri)),
            None => m.push("To", self.remote_uri.clone()),
        };
        m.push("Call-ID", self.call_id.clone())
            .push("CSeq", format!("{} {method}", self.cseq));
        for r in &self.routes {
            m.push("Route", r.clone());
        }
        m.push("Contact", format!("<sip:baton@{local}>"));
        (m, branch)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CallState {
    /// Waiting for Baton to open the conversation.
    Creating,
    /// The bot leg is ringing.
    Ringing,
    Answered,
    Ended,
}

#[derive(Debug)]
struct Transfer {
    handoff: String,
    plan: Vec<PlanStep>,
    index: usize,
    reasons: Vec<String>,
    /// When the current REFER must have reached a final NOTIFY.
    deadline: Option<Instant>,
    /// Warm transfer with a briefing: the person's SDP once they answered, and when the
    /// briefing (bot and person talking) ends at the latest, while it lasts.
    human_sdp: Option<Sdp>,
    brief_until: Option<Instant>,
}

/// A session description and its Content-Type.
#[derive(Clone, Debug)]
struct Sdp {
    content_type: Option<String>,
    body: Vec<u8>,
}

impl Sdp {
    fn of(m: &Message) -> Sdp {
        Sdp {
            content_type: m.header("Content-Type").map(str::to_owned),
            body: m.body.clone(),
        }
    }

    fn put(&self, m: &mut Message) {
        if let Some(ct) = &self.content_type {
            m.push("Content-Type", ct.clone());
        }
        m.body.clone_from(&self.body);
    }

    /// The same session with every stream's direction set to `dir` (`inactive` holds it).
    fn with_direction(&self, dir: &str) -> Sdp {
        let text = String::from_utf8_lossy(&self.body);
        let mut out = String::new();
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if matches!(
                line,
                "a=sendrecv" | "a=sendonly" | "a=recvonly" | "a=inactive"
            ) {
                continue;
            }
            out.push_str(line);
            out.push_str("\r\n");
            if line.starts_with("m=") {
                out.push_str("a=");
                out.push_str(dir);
                out.push_str("\r\n");
            }
        }
        Sdp {
            content_type: self.content_type.clone(),
            body: out.into_bytes(),
        }
    }
}

#[derive(Debug)]
struct Call {
    conversation: Option<String>,
    state: CallState,
    a: Leg,
    b: Leg,
    a_invite: Message,
    a_peer: Peer,
    /// Our INVITE to the bot, for CANCEL and ACK.
    b_invite: Option<(Message, String)>,
    /// Our 200 to the carrier, resent until its ACK.
    ok_to_a: Option<Retx>,
    canceled: bool,
    transfer: Option<Transfer>,
    /// A warm transfer's target leg, and Baton's INVITE on it (for ACK and CANCEL).
    c: Option<Leg>,
    c_invite: Option<(Message, String)>,
    /// The bot's SDP (its answer to Baton's INVITE).
    b_sdp: Option<Sdp>,
    /// A briefing moved the media (caller held, bot talking to the person): a failed
    /// attempt must give the caller back to the bot.
    held: bool,
}

impl Call {
    fn leg(&self, side: Side) -> Option<&Leg> {
        match side {
            Side::A => Some(&self.a),
            Side::B => Some(&self.b),
            Side::C => self.c.as_ref(),
        }
    }

    fn leg_mut(&mut self, side: Side) -> Option<&mut Leg> {
        match side {
            Side::A => Some(&mut self.a),
            Side::B => Some(&mut self.b),
            Side::C => self.c.as_mut(),
        }
    }
}

#[derive(Clone, Debug)]
struct Retx {
    bytes: Vec<u8>,
    peer: Peer,
    next: Instant,
    interval: Duration,
    deadline: Instant,
    invite: bool,
}

impl Retx {
    fn new(bytes: Vec<u8>, peer: Peer, invite: bool) -> Retx {
        let now = Instant::now();
        Retx {
            bytes,
            peer,
            next: now + T1,
            interval: T1,
            deadline: now + 64 * T1,
            invite,
        }
    }
}

#[derive(Debug)]
enum Purpose {
    BotInvite,
    Bye,
    Cancel,
    Refer,
    /// Warm transfer: the OPTIONS probe of the outbound endpoint.
    WarmProbe,
    /// Warm transfer: Baton's INVITE to the target.
    WarmInvite,
    /// Warm transfer: the re-INVITE that gives the caller the target's media.
    WarmBridge,
    /// Briefing: the re-INVITE that holds the caller (`a=inactive`).
    BriefHold,
    /// Briefing: the re-INVITE that gives the bot the person's media.
    BriefBot,
    /// After a briefing: the re-INVITE that gives the person the caller's media.
    HumanMedia,
    /// A failed briefing: caller and bot get each other's media back.
    Restore,
    /// A request relayed from the other leg; its answer goes back to `orig`.
    Relay {
        orig: Message,
        to: Peer,
        from_side: Side,
    },
}

#[derive(Debug)]
struct ClientTx {
    call: String,
    side: Side,
    purpose: Purpose,
    /// Resent over UDP until a response (a provisional one stops an INVITE's).
    retx: Option<Retx>,
}

enum Internal {
    Created {
        key: String,
        result: Result<String, String>,
    },
}

struct B2bua {
    t: Transport,
    config: Config,
    bot_peer: Peer,
    events: mpsc::Sender<CallEvent>,
    internal: mpsc::Sender<Internal>,
    /// By the carrier leg's Call-ID.
    calls: HashMap<String, Call>,
    /// Leg Call-ID → call key.
    legs: HashMap<String, String>,
    /// Conversation → call key.
    by_conv: HashMap<String, String>,
    /// By Via branch.
    clients: HashMap<String, ClientTx>,
    /// Answered server transactions (branch, method) → the last response, for
    /// retransmitted requests.
    answered: HashMap<(String, String), (Vec<u8>, Peer, Instant)>,
}

impl B2bua {
    async fn run(
        mut self,
        mut incoming: mpsc::Receiver<(Message, Peer)>,
        mut commands: mpsc::Receiver<CallCommand>,
        mut internal: mpsc::Receiver<Internal>,
    ) {
        let mut prune = Instant::now() + TX_MEMORY;
        loop {
            let wake = self
                .next_timer()
                .unwrap_or(Instant::now() + Duration::from_secs(1));
            tokio::select! {
                Some((m, peer)) = incoming.recv() => self.on_message(m, peer),
                Some(c) = commands.recv() => self.on_command(c),
                Some(i) = internal.recv() => self.on_internal(i),
                () = tokio::time::sleep_until(wake) => self.on_timers(),
                else => return,
            }
            if Instant::now() >= prune {
                let now = Instant::now();
                self.answered.retain(|_, (_, _, at)| now - *at < TX_MEMORY);
                self.calls
                    .retain(|_, c| c.state != CallState::Ended || c.ok_to_a.is_some());
                let calls = &self.calls;
                self.legs.retain(|_, key| calls.contains_key(key));
                self.by_conv.retain(|_, key| calls.contains_key(key));
                prune = now + TX_MEMORY;
            }
            if self.events.is_closed() {
                return;
            }
        }
    }

    fn emit(&self, e: CallEvent) {
        if let Err(e) = self.events.try_send(e) {
            tracing::warn!(error = %e, "a call event was dropped");
        }
    }

    fn next_timer(&self) -> Option<Instant> {
        let clients = self.clients.values().filter_map(|c| c.retx.as_ref());
        let oks = self.calls.values().filter_map(|c| c.ok_to_a.as_ref());
        let retx = clients.chain(oks).map(|r| r.next.min(r.deadline)).min();
        let transfers = self
            .calls
            .values()
            .filter_map(|c| {
                let t = c.transfer.as_ref()?;
                match (t.deadline, t.brief_until) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            })
            .min();
        match (retx, transfers) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    // ---- sending ----

    fn respond(&mut self, req: &Message, peer: Peer, code: u16, reason: &str) {
        let resp = Message::response_to(req, code, reason);
        self.send_response(req, resp, peer);
    }

    fn send_response(&mut self, req: &Message, resp: Message, peer: Peer) {
        let bytes = resp.to_bytes();
        if let (Some(branch), Some(method)) = (req.branch(), req.method())
            && resp.code().is_some_and(|c| c >= 200)
        {
            self.answered.insert(
                (branch.to_owned(), method.to_owned()),
                (bytes.clone(), peer, Instant::now()),
            );
        }
        self.t.send_bytes(bytes, peer);
    }

    fn send_request(
        &mut self,
        key: &str,
        side: Side,
        m: Message,
        branch: String,
        purpose: Purpose,
    ) {
        let Some(call) = self.calls.get(key) else {
            return;
        };
        let Some(peer) = call.leg(side).map(|l| l.peer) else {
            return;
        };
        let bytes = m.to_bytes();
        let invite = m.method() == Some("INVITE");
        let retx = matches!(peer, Peer::Udp(_)).then(|| Retx::new(bytes.clone(), peer, invite));
        self.t.send_bytes(bytes, peer);
        self.clients.insert(
            branch,
            ClientTx {
                call: key.to_owned(),
                side,
                purpose,
                retx,
            },
        );
    }

    fn leg_request(&mut self, key: &str, side: Side, method: &str) -> Option<(Message, String)> {
        let local = self.t.local();
        let leg = self.calls.get_mut(key)?.leg_mut(side)?;
        Some(leg.request(method, local))
    }

    fn bye(&mut self, key: &str, side: Side) {
        if let Some((m, branch)) = self.leg_request(key, side, "BYE") {
            self.send_request(key, side, m, branch, Purpose::Bye);
        }
    }

    /// Ends the call: BYE on every answered leg, then tells Baton.
    fn end(&mut self, key: &str, skip: Option<Side>, why: &str) {
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        if call.state == CallState::Ended {
            return;
        }
        let answered = call.state == CallState::Answered;
        call.state = CallState::Ended;
        let conversation = call.conversation.clone();
        let c_answered = call.c.as_ref().is_some_and(|c| c.remote_tag.is_some());
        let c_ringing = call.c_invite.is_some() && !c_answered;
        if let (Some(t), Some(conversation)) = (call.transfer.take(), conversation.clone()) {
            let definition = t
                .plan
                .get(t.index)
                .map(|s| s.definition.clone())
                .unwrap_or_default();
            self.emit(CallEvent::Transfer {
                handoff: t.handoff,
                conversation,
                step: TransferStep::CallEnded {
                    definition,
                    why: why.to_owned(),
                },
            });
        }
        if c_ringing {
            self.cancel_c(key);
        }
        if answered {
            for side in [Side::A, Side::B] {
                if skip != Some(side) {
                    self.bye(key, side);
                }
            }
        }
        if c_answered && skip != Some(Side::C) {
            self.bye(key, Side::C);
        }
        if let Some(conversation) = conversation {
            self.emit(CallEvent::Ended {
                call_id: key.to_owned(),
                conversation,
                why: why.to_owned(),
            });
        }
    }

    // ---- incoming ----

    fn on_message(&mut self, m: Message, peer: Peer) {
        match m.start {
            Start::Request { .. } => self.on_request(m, peer),
            Start::Response { .. } => self.on_response(m),
        }
    }

    fn on_request(&mut self, m: Message, peer: Peer) {
        let method = m.method().unwrap_or("").to_owned();
        if method != "ACK"
            && let Some(branch) = m.branch()
            && let Some((bytes, _, _)) = self.answered.get(&(branch.to_owned(), method.clone()))
        {
            // A retransmission: the same answer again.
            let bytes = bytes.clone();
            self.t.send_bytes(bytes, peer);
            return;
        }
        let key = self.legs.get(m.call_id()).cloned();
        match (method.as_str(), key) {
            ("OPTIONS", _) => {
                let mut r = Message::response_to(&m, 200, "OK");
                r.push("Allow", ALLOW).push("Accept", "application/sdp");
                self.send_response(&m, r, peer);
            }
            ("INVITE", None) if m.to_tag().is_none() => self.on_new_call(m, peer),
            ("INVITE", Some(_)) if m.to_tag().is_none() => {
                // A retransmitted initial INVITE whose branch changed: already handled.
            }
            ("ACK", Some(key)) => self.on_ack(&key, &m),
            ("ACK", None) => {}
            ("CANCEL", Some(key)) => self.on_cancel(&key, m, peer),
            ("BYE", Some(key)) => self.on_bye(&key, m, peer),
            ("NOTIFY", Some(key)) if self.side_of(&key, m.call_id()) == Some(Side::A) => {
                self.on_notify(&key, m, peer);
            }
            (_, Some(key)) => self.relay(&key, m, peer),
            (_, None) => self.respond(&m, peer, 481, "Call/Transaction Does Not Exist"),
        }
    }

    fn side_of(&self, key: &str, call_id: &str) -> Option<Side> {
        let call = self.calls.get(key)?;
        [Side::A, Side::B, Side::C]
            .into_iter()
            .find(|s| call.leg(*s).is_some_and(|l| l.call_id == call_id))
    }

    fn on_new_call(&mut self, m: Message, peer: Peer) {
        let key = m.call_id().to_owned();
        if m.from_tag().is_none() {
            self.respond(&m, peer, 400, "Missing From tag");
            return;
        }
        let Some(contact) = m
            .header("Contact")
            .map(|c| uri_of(first_value(c)).to_owned())
        else {
            self.respond(&m, peer, 400, "Missing Contact");
            return;
        };
        self.respond(&m, peer, 100, "Trying");
        let local = self.t.local();
        let from = m.header("From").unwrap_or("").to_owned();
        let to = m.header("To").unwrap_or("").to_owned();
        let a = Leg {
            call_id: key.clone(),
            local_tag: token(),
            remote_tag: m.from_tag().map(str::to_owned),
            local_uri: without_tag(&to),
            remote_uri: without_tag(&from),
            target: contact,
            peer,
            cseq: 0,
            routes: m.all("Record-Route").map(str::to_owned).collect(),
        };
        let b = Leg {
            call_id: format!("{}@baton", token()),
            local_tag: token(),
            remote_tag: None,
            local_uri: format!("<sip:baton@{local}>"),
            remote_uri: format!("<{}>", self.config.bot_uri),
            target: self.config.bot_uri.clone(),
            peer: self.bot_peer,
            cseq: 0,
            routes: Vec::new(),
        };
        self.legs.insert(a.call_id.clone(), key.clone());
        self.legs.insert(b.call_id.clone(), key.clone());
        self.calls.insert(
            key.clone(),
            Call {
                conversation: None,
                state: CallState::Creating,
                a,
                b,
                a_invite: m,
                a_peer: peer,
                b_invite: None,
                ok_to_a: None,
                canceled: false,
                transfer: None,
                c: None,
                c_invite: None,
                b_sdp: None,
                held: false,
            },
        );
        let (reply, answer) = oneshot::channel();
        self.emit(CallEvent::Started {
            call_id: key.clone(),
            from: uri_of(&from).to_owned(),
            to: uri_of(&to).to_owned(),
            reply,
        });
        let internal = self.internal.clone();
        tokio::spawn(async move {
            let result = answer
                .await
                .unwrap_or_else(|_| Err("Baton is shutting down".into()));
            let _ = internal.send(Internal::Created { key, result }).await;
        });
    }

    fn on_internal(&mut self, i: Internal) {
        let Internal::Created { key, result } = i;
        let Some(call) = self.calls.get_mut(&key) else {
            return;
        };
        if call.state != CallState::Creating {
            return;
        }
        let conversation = match result {
            Ok(c) => c,
            Err(why) => {
                tracing::warn!(call = %key, %why, "a call was refused");
                call.state = CallState::Ended;
                let invite = call.a_invite.clone();
                let peer = call.a_peer;
                self.respond(&invite, peer, 503, "Service Unavailable");
                return;
            }
        };
        call.conversation = Some(conversation.clone());
        call.state = CallState::Ringing;
        self.by_conv.insert(conversation.clone(), key.clone());
        let a_invite = call.a_invite.clone();
        if call.canceled {
            return;
        }
        let Some((mut m, branch)) = self.leg_request(&key, Side::B, "INVITE") else {
            return;
        };
        m.push("X-Baton-Conversation-Id", conversation);
        m.push("X-Baton-Call-Id", key.clone());
        m.push("Allow", ALLOW);
        if let Some(ct) = a_invite.header("Content-Type") {
            m.push("Content-Type", ct.to_owned());
        }
        m.body = a_invite.body.clone();
        if let Some(call) = self.calls.get_mut(&key) {
            call.b_invite = Some((m.clone(), branch.clone()));
        }
        self.send_request(&key, Side::B, m, branch, Purpose::BotInvite);
    }

    fn on_ack(&mut self, key: &str, m: &Message) {
        if self.side_of(key, m.call_id()) == Some(Side::A)
            && let Some(call) = self.calls.get_mut(key)
        {
            call.ok_to_a = None;
        }
        // ACKs of relayed re-INVITEs were already sent by Baton on the other leg.
    }

    fn on_cancel(&mut self, key: &str, m: Message, peer: Peer) {
        self.respond(&m, peer, 200, "OK");
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        if call.a.call_id != m.call_id()
            || matches!(call.state, CallState::Answered | CallState::Ended)
        {
            return;
        }
        call.canceled = true;
        let invite = call.a_invite.clone();
        let b_invite = call.b_invite.clone();
        let a_peer = call.a_peer;
        let state = call.state;
        let mut r = Message::response_to(&invite, 487, "Request Terminated");
        r.set(
            "To",
            format!(
                "{};tag={}",
                without_tag(invite.header("To").unwrap_or("")),
                call.a.local_tag
            ),
        );
        self.send_response(&invite, r, a_peer);
        if state == CallState::Ringing
            && let Some((inv, branch)) = b_invite
        {
            // CANCEL matches the INVITE: same branch, Call-ID, From, To, CSeq number.
            let mut c = Message::request("CANCEL", inv.uri().unwrap_or(""));
            for h in ["Via", "From", "To", "Call-ID"] {
                if let Some(v) = inv.header(h) {
                    c.push(h, v.to_owned());
                }
            }
            let n = inv.cseq().map_or(1, |(n, _)| n);
            c.push("CSeq", format!("{n} CANCEL"))
                .push("Max-Forwards", "70");
            let cancel_branch = format!("{branch}-cancel");
            self.t.send(&c, self.bot_peer);
            self.clients.insert(
                cancel_branch,
                ClientTx {
                    call: key.to_owned(),
                    side: Side::B,
                    purpose: Purpose::Cancel,
                    retx: None,
                },
            );
        }
        self.end(key, None, "the caller canceled before the bot answered");
    }

    fn on_bye(&mut self, key: &str, m: Message, peer: Peer) {
        self.respond(&m, peer, 200, "OK");
        let Some(side) = self.side_of(key, m.call_id()) else {
            return;
        };
        if side == Side::C {
            // The warm target hung up before it was bridged: that attempt failed.
            if let Some(call) = self.calls.get_mut(key) {
                call.c = None;
                call.c_invite = None;
            }
            self.step_failed(
                key,
                "the target hung up before the caller was connected".into(),
            );
            return;
        }
        let held = self.calls.get(key).is_some_and(|c| c.held);
        let why = match (side, held) {
            (Side::A, true) => "the caller hung up during the briefing",
            (Side::A, false) => "the caller hung up",
            (_, true) => "the bot hung up during the briefing",
            _ => "the other party hung up",
        };
        self.end(key, Some(side), why);
    }

    /// Passes an in-dialog request (re-INVITE, UPDATE, INFO, …) to the other leg.
    fn relay(&mut self, key: &str, m: Message, peer: Peer) {
        let Some(side) = self.side_of(key, m.call_id()) else {
            self.respond(&m, peer, 481, "Call/Transaction Does Not Exist");
            return;
        };
        let answered = self
            .calls
            .get(key)
            .is_some_and(|c| c.state == CallState::Answered);
        if !answered {
            self.respond(&m, peer, 481, "Call/Transaction Does Not Exist");
            return;
        }
        let other = match side {
            Side::A => Side::B,
            Side::B => Side::A,
            Side::C => {
                self.respond(&m, peer, 491, "Request Pending");
                return;
            }
        };
        let method = m.method().unwrap_or("").to_owned();
        let Some((mut out, branch)) = self.leg_request(key, other, &method) else {
            return;
        };
        for h in [
            "Content-Type",
            "Event",
            "Subscription-State",
            "Session-Expires",
        ] {
            if let Some(v) = m.header(h) {
                out.push(h, v.to_owned());
            }
        }
        out.body = m.body.clone();
        self.send_request(
            key,
            other,
            out,
            branch,
            Purpose::Relay {
                orig: m,
                to: peer,
                from_side: side,
            },
        );
    }

    fn on_notify(&mut self, key: &str, m: Message, peer: Peer) {
        self.respond(&m, peer, 200, "OK");
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let Some(t) = call.transfer.as_mut() else {
            return;
        };
        let Some(step) = t.plan.get(t.index) else {
            return;
        };
        let definition = step.definition.clone();
        let handoff = t.handoff.clone();
        let conversation = call.conversation.clone().unwrap_or_default();
        // The body is a message/sipfrag: its first line is the target's status line.
        let status = std::str::from_utf8(&m.body)
            .ok()
            .and_then(|b| b.lines().next())
            .and_then(|l| l.strip_prefix("SIP/2.0 "))
            .and_then(|l| l.split(' ').next())
            .and_then(|c| c.parse::<u16>().ok());
        let terminated = m
            .header("Subscription-State")
            .is_some_and(|s| s.trim_start().starts_with("terminated"));
        match status {
            Some(code) if code < 200 => {
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::Progress {
                        definition,
                        status: code,
                    },
                });
                if terminated {
                    self.step_failed(key, "the subscription ended before a final status".into());
                }
            }
            Some(code) if code < 300 => {
                let target = match &step.action {
                    PlanAction::Refer { number } => number.clone(),
                    _ => String::new(),
                };
                call.transfer = None;
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::Succeeded {
                        definition,
                        method: "REFER",
                        target,
                    },
                });
                self.end(key, None, "transferred");
            }
            Some(code) => {
                let line = std::str::from_utf8(&m.body)
                    .ok()
                    .and_then(|b| b.lines().next())
                    .unwrap_or("")
                    .trim()
                    .to_owned();
                self.step_failed(key, format!("the target answered {code} ({line})"));
            }
            None => {
                if terminated {
                    self.step_failed(key, "the NOTIFY carried no status".into());
                }
            }
        }
    }

    fn on_response(&mut self, m: Message) {
        let Some(mut branch) = m.branch().map(str::to_owned) else {
            return;
        };
        // A CANCEL shares its INVITE's branch; its transaction is its own (RFC 3261 §9.1).
        if m.cseq().is_some_and(|(_, method)| method == "CANCEL") {
            branch.push_str("-cancel");
        }
        let code = m.code().unwrap_or(0);
        let final_ = code >= 200;
        let Some(tx) = self.clients.get_mut(&branch) else {
            // A retransmitted 2xx to our INVITE: ACK it again.
            if code < 300 && final_ && m.cseq().is_some_and(|(_, me)| me == "INVITE") {
                self.ack_2xx_again(&m);
            }
            return;
        };
        // Any response stops an INVITE's retransmissions; a final one any request's.
        if tx.retx.as_ref().is_some_and(|r| r.invite) || final_ {
            tx.retx = None;
        } else if let Some(r) = tx.retx.as_mut() {
            // A provisional answer to a non-INVITE: keep resending, at T2.
            r.interval = T2;
        }
        let (key, side) = (tx.call.clone(), tx.side);
        if final_ {
            let Some(tx) = self.clients.remove(&branch) else {
                return;
            };
            self.on_final(&key, side, tx.purpose, m);
        } else if matches!(tx.purpose, Purpose::BotInvite) {
            self.on_bot_provisional(&key, &m);
        } else if let Purpose::Relay { orig, to, .. } = &tx.purpose
            && code > 100
        {
            let (orig, to) = (orig.clone(), *to);
            self.relay_response(&key, &orig, to, &m);
        }
    }

    fn ack_2xx_again(&mut self, m: &Message) {
        let Some(key) = self.legs.get(m.call_id()).cloned() else {
            return;
        };
        if self.side_of(&key, m.call_id()) == Some(Side::B) {
            self.ack_b(&key, m);
        }
    }

    /// ACK for a 2xx on the bot leg: a new transaction, in the dialog.
    fn ack_b(&mut self, key: &str, ok: &Message) {
        let local = self.t.local();
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let n = ok.cseq().map_or(1, |(n, _)| n);
        let saved = call.b.cseq;
        call.b.cseq = n - 1;
        let (mut ack, _) = call.b.request("ACK", local);
        call.b.cseq = saved;
        ack.set("CSeq", format!("{n} ACK"));
        self.t.send(&ack, call.b.peer);
    }

    fn on_bot_provisional(&mut self, key: &str, m: &Message) {
        let code = m.code().unwrap_or(0);
        if code <= 100 {
            return;
        }
        let Some(call) = self.calls.get(key) else {
            return;
        };
        if call.state != CallState::Ringing {
            return;
        }
        let invite = call.a_invite.clone();
        let tag = call.a.local_tag.clone();
        let peer = call.a_peer;
        let mut r = Message::response_to(&invite, code, reason(m));
        r.set(
            "To",
            format!(
                "{};tag={tag}",
                without_tag(invite.header("To").unwrap_or(""))
            ),
        );
        r.push("Contact", format!("<sip:baton@{}>", self.t.local()));
        if !m.body.is_empty() {
            if let Some(ct) = m.header("Content-Type") {
                r.push("Content-Type", ct.to_owned());
            }
            r.body = m.body.clone();
        }
        self.t.send(&r, peer);
    }

    fn on_final(&mut self, key: &str, side: Side, purpose: Purpose, m: Message) {
        let code = m.code().unwrap_or(0);
        match purpose {
            Purpose::BotInvite => self.on_bot_answer(key, m),
            Purpose::Bye | Purpose::Cancel => {}
            Purpose::WarmProbe => {
                if (200..300).contains(&code) {
                    self.warm_dial(key);
                } else {
                    self.step_failed(
                        key,
                        format!(
                            "the outbound endpoint answered OPTIONS with {code} {}",
                            reason(&m)
                        ),
                    );
                }
            }
            Purpose::WarmInvite => self.warm_answered(key, m),
            Purpose::WarmBridge => self.warm_bridged(key, m),
            Purpose::BriefHold => self.brief_held(key, m),
            Purpose::BriefBot => self.brief_started(key, m),
            Purpose::HumanMedia | Purpose::Restore => {
                if (200..300).contains(&code) {
                    self.ack_2xx(key, side, &m);
                } else {
                    tracing::warn!(call = %key, code, "a re-INVITE moving the media was refused");
                }
            }
            Purpose::Refer => {
                if (200..300).contains(&code) {
                    let Some(call) = self.calls.get(key) else {
                        return;
                    };
                    let Some(t) = call.transfer.as_ref() else {
                        return;
                    };
                    let step = TransferStep::Progress {
                        definition: t
                            .plan
                            .get(t.index)
                            .map(|s| s.definition.clone())
                            .unwrap_or_default(),
                        status: code,
                    };
                    let e = CallEvent::Transfer {
                        handoff: t.handoff.clone(),
                        conversation: call.conversation.clone().unwrap_or_default(),
                        step,
                    };
                    self.emit(e);
                } else {
                    self.step_failed(
                        key,
                        format!("the carrier refused the REFER: {code} {}", reason(&m)),
                    );
                }
            }
            Purpose::Relay {
                orig,
                to,
                from_side,
            } => {
                if orig.method() == Some("INVITE") && (200..300).contains(&code) {
                    // Baton ACKs the answer on this leg; the originator ACKs Baton's.
                    let local = self.t.local();
                    if let Some(leg) = self.calls.get_mut(key).and_then(|c| c.leg_mut(side)) {
                        let n = m.cseq().map_or(1, |(n, _)| n);
                        let saved = leg.cseq;
                        leg.cseq = n - 1;
                        let (mut ack, _) = leg.request("ACK", local);
                        leg.cseq = saved;
                        ack.set("CSeq", format!("{n} ACK"));
                        let peer = leg.peer;
                        self.t.send(&ack, peer);
                    }
                }
                let _ = from_side;
                self.relay_response(key, &orig, to, &m);
            }
        }
    }

    fn relay_response(&mut self, key: &str, orig: &Message, to: Peer, m: &Message) {
        let Some(side) = self.side_of(key, orig.call_id()) else {
            return;
        };
        let Some(call) = self.calls.get(key) else {
            return;
        };
        let Some(leg) = call.leg(side) else {
            return;
        };
        let mut r = Message::response_to(orig, m.code().unwrap_or(500), reason(m));
        if orig.to_tag().is_none() {
            r.set(
                "To",
                format!(
                    "{};tag={}",
                    without_tag(orig.header("To").unwrap_or("")),
                    leg.local_tag
                ),
            );
        }
        for h in ["Content-Type", "Allow", "Supported", "Session-Expires"] {
            if let Some(v) = m.header(h) {
                r.push(h, v.to_owned());
            }
        }
        r.push("Contact", format!("<sip:baton@{}>", self.t.local()));
        r.body = m.body.clone();
        self.send_response(orig, r, to);
    }

    fn on_bot_answer(&mut self, key: &str, m: Message) {
        let code = m.code().unwrap_or(0);
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        if (200..300).contains(&code) {
            call.b.remote_tag = m.to_tag().map(str::to_owned);
            if let Some(c) = m.header("Contact") {
                call.b.target = uri_of(first_value(c)).to_owned();
            }
            let mut routes: Vec<String> = m.all("Record-Route").map(str::to_owned).collect();
            routes.reverse();
            call.b.routes = routes;
            self.ack_b(key, &m);
            let Some(call) = self.calls.get_mut(key) else {
                return;
            };
            if call.state != CallState::Ringing {
                // Canceled meanwhile: the bot answered anyway, so hang up on it.
                self.bye(key, Side::B);
                return;
            }
            call.state = CallState::Answered;
            call.b_sdp = Some(Sdp::of(&m));
            let invite = call.a_invite.clone();
            let tag = call.a.local_tag.clone();
            let peer = call.a_peer;
            let mut r = Message::response_to(&invite, 200, "OK");
            r.set(
                "To",
                format!(
                    "{};tag={tag}",
                    without_tag(invite.header("To").unwrap_or(""))
                ),
            );
            r.push("Contact", format!("<sip:baton@{}>", self.t.local()))
                .push("Allow", ALLOW);
            if let Some(ct) = m.header("Content-Type") {
                r.push("Content-Type", ct.to_owned());
            }
            r.body = m.body;
            let bytes = r.to_bytes();
            if matches!(peer, Peer::Udp(_)) {
                call.ok_to_a = Some(Retx::new(bytes.clone(), peer, true));
            }
            self.send_response(&invite, r, peer);
            if self.calls.get(key).is_some_and(|c| c.transfer.is_some()) {
                self.run_step(key);
            }
        } else {
            // Non-2xx: the INVITE transaction ACKs it (same branch), and the caller hears it.
            if let Some((inv, _)) = call.b_invite.clone() {
                self.t.send(&ack_for_failure(&inv, &m), call.b.peer);
            }
            if call.state == CallState::Ringing {
                let invite = call.a_invite.clone();
                let tag = call.a.local_tag.clone();
                let peer = call.a_peer;
                let mut r = Message::response_to(&invite, code, reason(&m));
                r.set(
                    "To",
                    format!(
                        "{};tag={tag}",
                        without_tag(invite.header("To").unwrap_or(""))
                    ),
                );
                self.send_response(&invite, r, peer);
                self.end(key, None, "the bot did not answer");
            }
        }
    }

    // ---- timers ----

    fn on_timers(&mut self) {
        let now = Instant::now();
        let mut timed_out = Vec::new();
        for (branch, tx) in &mut self.clients {
            if let Some(r) = tx.retx.as_mut() {
                if now >= r.deadline {
                    timed_out.push(branch.clone());
                } else if now >= r.next {
                    self.t.send_bytes(r.bytes.clone(), r.peer);
                    r.interval = if r.invite {
                        r.interval * 2
                    } else {
                        (r.interval * 2).min(T2)
                    };
                    r.next = now + r.interval;
                }
            }
        }
        for branch in timed_out {
            if let Some(tx) = self.clients.remove(&branch) {
                let key = tx.call.clone();
                match tx.purpose {
                    Purpose::BotInvite => {
                        if let Some(call) = self.calls.get(&key)
                            && call.state == CallState::Ringing
                        {
                            let invite = call.a_invite.clone();
                            let peer = call.a_peer;
                            self.respond(&invite, peer, 408, "Request Timeout");
                            self.end(&key, None, "the bot did not answer");
                        }
                    }
                    Purpose::Refer => {
                        self.step_failed(&key, "the carrier did not answer the REFER".into())
                    }
                    Purpose::WarmProbe => self
                        .step_failed(&key, "the outbound endpoint did not answer OPTIONS".into()),
                    Purpose::WarmInvite => {
                        self.step_failed(&key, "the target did not answer".into())
                    }
                    Purpose::WarmBridge => {
                        self.bye(&key, Side::C);
                        self.step_failed(
                            &key,
                            "the caller's side did not take the new media".into(),
                        );
                    }
                    Purpose::Relay { orig, to, .. } => {
                        self.respond(&orig, to, 408, "Request Timeout")
                    }
                    Purpose::BriefHold | Purpose::BriefBot => {
                        self.bye(&key, Side::C);
                        self.step_failed(
                            &key,
                            "the briefing could not start: no answer to the re-INVITE".into(),
                        );
                    }
                    Purpose::Bye | Purpose::Cancel | Purpose::HumanMedia | Purpose::Restore => {}
                }
            }
        }
        let mut lost = Vec::new();
        for (key, call) in &mut self.calls {
            if let Some(r) = call.ok_to_a.as_mut() {
                if now >= r.deadline {
                    call.ok_to_a = None;
                    lost.push(key.clone());
                } else if now >= r.next {
                    self.t.send_bytes(r.bytes.clone(), r.peer);
                    r.interval = (r.interval * 2).min(T2);
                    r.next = now + r.interval;
                }
            }
        }
        for key in lost {
            // No ACK for our 200: the dialog is dead (RFC 3261 §13.3.1.4).
            self.end(&key, None, "the caller never acknowledged the answer");
        }
        let overdue: Vec<String> = self
            .calls
            .iter()
            .filter(|(_, c)| {
                c.transfer
                    .as_ref()
                    .and_then(|t| t.deadline)
                    .is_some_and(|d| now >= d)
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in overdue {
            let secs = self.config.notify_timeout.as_secs_f64();
            self.step_failed(&key, format!("no final NOTIFY within {secs} s"));
        }
        let briefed: Vec<String> = self
            .calls
            .iter()
            .filter(|(_, c)| {
                c.transfer
                    .as_ref()
                    .and_then(|t| t.brief_until)
                    .is_some_and(|d| now >= d)
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in briefed {
            self.end_briefing(&key);
        }
    }

    // ---- transfers ----

    fn on_command(&mut self, c: CallCommand) {
        let (conversation, handoff, plan) = match c {
            CallCommand::Transfer {
                conversation,
                handoff,
                plan,
            } => (conversation, handoff, plan),
            CallCommand::DeskChecked { handoff, result } => {
                self.desk_checked(&handoff, result);
                return;
            }
            CallCommand::Briefed { handoff, reply } => {
                let _ = reply.send(self.briefed(&handoff));
                return;
            }
        };
        let key = self.by_conv.get(&conversation).cloned();
        let Some(call) = key.as_ref().and_then(|k| self.calls.get_mut(k)) else {
            self.emit(CallEvent::Transfer {
                handoff,
                conversation,
                step: TransferStep::Exhausted {
                    reasons: vec!["the conversation has no call in progress".into()],
                },
            });
            return;
        };
        if call.state == CallState::Ended || call.transfer.is_some() {
            let why = if call.transfer.is_some() {
                "a transfer of this call is already under way"
            } else {
                "the call has ended"
            };
            self.emit(CallEvent::Transfer {
                handoff,
                conversation,
                step: TransferStep::Exhausted {
                    reasons: vec![why.into()],
                },
            });
            return;
        }
        call.transfer = Some(Transfer {
            handoff,
            plan,
            index: 0,
            reasons: Vec::new(),
            deadline: None,
            human_sdp: None,
            brief_until: None,
        });
        // A call still ringing is transferred once the bot answers.
        let answered = call.state == CallState::Answered;
        if let Some(key) = key
            && answered
        {
            self.run_step(&key);
        }
    }

    fn step_failed(&mut self, key: &str, reason: String) {
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        if call.transfer.is_none() {
            return;
        }
        // A warm target still ringing is canceled; its leg is forgotten either way.
        if call.c_invite.is_some() && call.c.as_ref().is_some_and(|c| c.remote_tag.is_none()) {
            self.cancel_c(key);
        }
        if self.calls.get(key).is_some_and(|c| c.held) {
            self.restore(key);
        }
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        call.c = None;
        call.c_invite = None;
        let Some(t) = call.transfer.as_mut() else {
            return;
        };
        t.human_sdp = None;
        t.brief_until = None;
        let definition = t
            .plan
            .get(t.index)
            .map(|s| s.definition.clone())
            .unwrap_or_default();
        t.reasons.push(format!("{{{{ho:{definition}}}}}: {reason}"));
        t.index += 1;
        t.deadline = None;
        let next = t.plan.get(t.index).map(|s| s.definition.clone());
        let (handoff, conversation) = (
            t.handoff.clone(),
            call.conversation.clone().unwrap_or_default(),
        );
        self.emit(CallEvent::Transfer {
            handoff: handoff.clone(),
            conversation: conversation.clone(),
            step: TransferStep::Failed {
                definition: definition.clone(),
                reason,
            },
        });
        if let Some(next) = next {
            self.emit(CallEvent::Transfer {
                handoff,
                conversation,
                step: TransferStep::Fallback {
                    definition: next,
                    after: definition,
                },
            });
        }
        self.run_step(key);
    }

    /// Starts the current step of the call's transfer, or reports that none is left.
    fn run_step(&mut self, key: &str) {
        let local = self.t.local();
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let conversation = call.conversation.clone().unwrap_or_default();
        let caller_srtp = String::from_utf8_lossy(&call.a_invite.body).contains("RTP/SAVP");
        let refer_allowed = call
            .a_invite
            .header("Allow")
            .is_none_or(|a| a.split(',').any(|m| m.trim().eq_ignore_ascii_case("REFER")));
        let Some(t) = call.transfer.as_mut() else {
            return;
        };
        let Some(step) = t.plan.get(t.index).cloned() else {
            let t = call.transfer.take().map(|t| (t.handoff, t.reasons));
            if let Some((handoff, reasons)) = t {
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::Exhausted { reasons },
                });
            }
            return;
        };
        let handoff = t.handoff.clone();
        match &step.action {
            PlanAction::Desk { target } => {
                // Baton looks at the desk and answers with DeskChecked.
                t.deadline = None;
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::DeskCheck {
                        definition: step.definition.clone(),
                        target: target.clone(),
                    },
                });
            }
            PlanAction::Bye => {
                call.transfer = None;
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::HungUp {
                        definition: step.definition.clone(),
                    },
                });
                self.end(key, None, "ended by a bye handoff");
            }
            PlanAction::Invite {
                number,
                endpoint,
                encryption,
                ..
            } => {
                if caller_srtp && *encryption == Encryption::UdpRtp {
                    self.step_failed(key, "the caller's media is encrypted (SRTP) and the target's is not; Baton has no media relay to bridge them".to_owned());
                    return;
                }
                let uri = endpoint_uri(endpoint);
                let Some(peer) = resolve(&uri) else {
                    self.step_failed(
                        key,
                        format!("the outbound endpoint {endpoint} cannot be resolved"),
                    );
                    return;
                };
                t.deadline = Some(Instant::now() + self.config.notify_timeout);
                let host = uri.strip_prefix("sip:").unwrap_or(&uri).to_owned();
                call.c = Some(Leg {
                    call_id: format!("{}@baton", token()),
                    local_tag: token(),
                    remote_tag: None,
                    local_uri: format!("<sip:baton@{local}>"),
                    remote_uri: format!("<sip:{number}@{host}>"),
                    target: format!("sip:{number}@{host}"),
                    peer,
                    cseq: 0,
                    routes: Vec::new(),
                });
                if let Some(c) = call.c.as_ref() {
                    self.legs.insert(c.call_id.clone(), key.to_owned());
                }
                // Three-party check first: the target's endpoint must answer OPTIONS.
                let Some((mut probe, branch)) = self.leg_request(key, Side::C, "OPTIONS") else {
                    return;
                };
                // Out of any dialog: a Call-ID of its own.
                probe.uri_set(&uri);
                probe
                    .set("To", format!("<{uri}>"))
                    .set("Call-ID", format!("{}@baton", token()));
                self.send_request(key, Side::C, probe, branch, Purpose::WarmProbe);
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::Sent {
                        definition: step.definition.clone(),
                        method: "OPTIONS",
                        target: endpoint.clone(),
                    },
                });
            }
            PlanAction::Refer { number } => {
                if !refer_allowed {
                    self.step_failed(key, "the carrier's Allow does not list REFER".into());
                    return;
                }
                t.deadline = Some(Instant::now() + self.config.notify_timeout);
                let (mut m, branch) = call.a.request("REFER", local);
                m.push("Refer-To", format!("<tel:{number}>"))
                    .push("Referred-By", format!("<sip:baton@{local}>"))
                    .push("X-Handoff-Id", handoff.clone());
                for (k, v) in &step.headers {
                    m.push(k, v.clone());
                }
                self.send_request(key, Side::A, m, branch, Purpose::Refer);
                self.emit(CallEvent::Transfer {
                    handoff,
                    conversation,
                    step: TransferStep::Sent {
                        definition: step.definition.clone(),
                        method: "REFER",
                        target: number.clone(),
                    },
                });
            }
        }
    }
}

/// `sip:host[:port]` for an endpoint written as `host[:port]` or a SIP URI.
fn endpoint_uri(endpoint: &str) -> String {
    let e = endpoint.split(';').next().unwrap_or(endpoint);
    if e.starts_with("sip:") || e.starts_with("sips:") {
        e.to_owned()
    } else {
        format!("sip:{e}")
    }
}

impl B2bua {
    /// Baton looked at the desk for the current (desk) step: someone takes the call there
    /// (the transfer is over, the desk has it) or the next definition is tried.
    fn desk_checked(&mut self, handoff: &str, result: Result<String, String>) {
        let key = self
            .calls
            .iter()
            .find(|(_, c)| c.transfer.as_ref().is_some_and(|t| t.handoff == handoff))
            .map(|(k, _)| k.clone());
        let Some(key) = key else {
            return;
        };
        let Some(call) = self.calls.get_mut(&key) else {
            return;
        };
        let Some(t) = call.transfer.as_ref() else {
            return;
        };
        let Some(PlanStep {
            definition,
            action: PlanAction::Desk { target },
            ..
        }) = t.plan.get(t.index).cloned()
        else {
            return;
        };
        match result {
            Ok(who) => {
                let conversation = call.conversation.clone().unwrap_or_default();
                call.transfer = None;
                self.emit(CallEvent::Transfer {
                    handoff: handoff.to_owned(),
                    conversation,
                    step: TransferStep::DeskTakesOver {
                        definition,
                        target,
                        who,
                    },
                });
            }
            Err(why) => self.step_failed(&key, why),
        }
    }

    /// CANCELs Baton's INVITE to a warm target that has not answered.
    fn cancel_c(&mut self, key: &str) {
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let (Some((inv, branch)), Some(c)) = (call.c_invite.take(), call.c.as_ref()) else {
            return;
        };
        let peer = c.peer;
        let mut cancel = Message::request("CANCEL", inv.uri().unwrap_or(""));
        for h in ["Via", "From", "To", "Call-ID"] {
            if let Some(v) = inv.header(h) {
                cancel.push(h, v.to_owned());
            }
        }
        let n = inv.cseq().map_or(1, |(n, _)| n);
        cancel
            .push("CSeq", format!("{n} CANCEL"))
            .push("Max-Forwards", "70");
        self.t.send(&cancel, peer);
        self.clients.insert(
            format!("{branch}-cancel"),
            ClientTx {
                call: key.to_owned(),
                side: Side::C,
                purpose: Purpose::Cancel,
                retx: None,
            },
        );
    }

    /// Warm transfer, after the endpoint answered OPTIONS: dial the number there with
    /// the caller's SDP, the definition's headers and X-Handoff-Id.
    fn warm_dial(&mut self, key: &str) {
        let Some(call) = self.calls.get(key) else {
            return;
        };
        let Some(t) = call.transfer.as_ref() else {
            return;
        };
        let Some(step) = t.plan.get(t.index).cloned() else {
            return;
        };
        let (handoff, conversation) = (
            t.handoff.clone(),
            call.conversation.clone().unwrap_or_default(),
        );
        // Briefing first: the person is offered the bot's media; else the caller's.
        let briefed = matches!(
            step.action,
            PlanAction::Invite {
                brief_for: Some(_),
                ..
            }
        );
        let sdp = match (&call.b_sdp, briefed) {
            (Some(b), true) => b.clone(),
            _ => Sdp::of(&call.a_invite),
        };
        let Some((mut m, branch)) = self.leg_request(key, Side::C, "INVITE") else {
            return;
        };
        m.push("X-Handoff-Id", handoff.clone())
            .push("X-Baton-Conversation-Id", conversation.clone())
            .push("Allow", ALLOW);
        for (k, v) in &step.headers {
            m.push(k, v.clone());
        }
        sdp.put(&mut m);
        if let Some(call) = self.calls.get_mut(key) {
            call.c_invite = Some((m.clone(), branch.clone()));
        }
        let target = match &step.action {
            PlanAction::Invite { number, .. } => number.clone(),
            _ => String::new(),
        };
        self.send_request(key, Side::C, m, branch, Purpose::WarmInvite);
        self.emit(CallEvent::Transfer {
            handoff,
            conversation,
            step: TransferStep::Sent {
                definition: step.definition,
                method: "INVITE",
                target,
            },
        });
    }

    /// The warm target answered: on 2xx, give the caller its media with a re-INVITE.
    fn warm_answered(&mut self, key: &str, m: Message) {
        let code = m.code().unwrap_or(0);
        let local = self.t.local();
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let Some(c) = call.c.as_mut() else {
            return;
        };
        if !(200..300).contains(&code) {
            // The INVITE transaction ACKs a failure on the same branch.
            if let Some((inv, _)) = call.c_invite.take() {
                self.t.send(&ack_for_failure(&inv, &m), c.peer);
            }
            call.c = None;
            self.step_failed(key, format!("the target answered {code} {}", reason(&m)));
            return;
        }
        c.remote_tag = m.to_tag().map(str::to_owned);
        if let Some(contact) = m.header("Contact") {
            c.target = uri_of(first_value(contact)).to_owned();
        }
        let n = m.cseq().map_or(1, |(n, _)| n);
        let saved = c.cseq;
        c.cseq = n - 1;
        let (mut ack, _) = c.request("ACK", local);
        c.cseq = saved;
        ack.set("CSeq", format!("{n} ACK"));
        let peer = c.peer;
        self.t.send(&ack, peer);
        let human = Sdp::of(&m);
        let Some(t) = call.transfer.as_mut() else {
            return;
        };
        // The person answered: no more waiting on the attempt's deadline.
        t.deadline = None;
        let briefed = matches!(
            t.plan.get(t.index).map(|s| &s.action),
            Some(PlanAction::Invite {
                brief_for: Some(_),
                ..
            })
        );
        if briefed && let Some(bot) = call.b_sdp.clone() {
            // Briefing: hold the caller first (the bot's session, inactive), then give
            // the bot the person's media.
            t.human_sdp = Some(human);
            call.held = true;
            let Some((mut hold, branch)) = self.leg_request(key, Side::A, "INVITE") else {
                return;
            };
            bot.with_direction("inactive").put(&mut hold);
            self.send_request(key, Side::A, hold, branch, Purpose::BriefHold);
            return;
        }
        self.bridge_caller(key, &human);
    }

    /// Gives the caller the person's media (the last re-INVITE of a warm transfer).
    fn bridge_caller(&mut self, key: &str, human: &Sdp) {
        let Some((mut reinvite, branch)) = self.leg_request(key, Side::A, "INVITE") else {
            return;
        };
        human.put(&mut reinvite);
        self.send_request(key, Side::A, reinvite, branch, Purpose::WarmBridge);
    }

    /// ACK for a 2xx to Baton's (re-)INVITE on `side`: a new transaction in the dialog.
    fn ack_2xx(&mut self, key: &str, side: Side, ok: &Message) {
        let local = self.t.local();
        let Some(leg) = self.calls.get_mut(key).and_then(|c| c.leg_mut(side)) else {
            return;
        };
        let n = ok.cseq().map_or(1, |(n, _)| n);
        let saved = leg.cseq;
        leg.cseq = n - 1;
        let (mut ack, _) = leg.request("ACK", local);
        leg.cseq = saved;
        ack.set("CSeq", format!("{n} ACK"));
        let peer = leg.peer;
        self.t.send(&ack, peer);
    }

    /// Briefing: the caller is held; now the bot gets the person's media.
    fn brief_held(&mut self, key: &str, m: Message) {
        let code = m.code().unwrap_or(0);
        if !(200..300).contains(&code) {
            // The caller kept the bot's media: nothing to restore.
            if let Some(call) = self.calls.get_mut(key) {
                call.held = false;
            }
            self.bye(key, Side::C);
            self.step_failed(
                key,
                format!("the caller's side refused the hold: {code} {}", reason(&m)),
            );
            return;
        }
        self.ack_2xx(key, Side::A, &m);
        let Some(human) = self
            .calls
            .get(key)
            .and_then(|c| c.transfer.as_ref())
            .and_then(|t| t.human_sdp.clone())
        else {
            return;
        };
        let Some((mut reinvite, branch)) = self.leg_request(key, Side::B, "INVITE") else {
            return;
        };
        human.put(&mut reinvite);
        self.send_request(key, Side::B, reinvite, branch, Purpose::BriefBot);
    }

    /// Briefing: the bot and the person talk until the bot is done or time runs out.
    fn brief_started(&mut self, key: &str, m: Message) {
        let code = m.code().unwrap_or(0);
        if !(200..300).contains(&code) {
            self.bye(key, Side::C);
            self.step_failed(
                key,
                format!(
                    "the bot refused the person's media for the briefing: {code} {}",
                    reason(&m)
                ),
            );
            return;
        }
        self.ack_2xx(key, Side::B, &m);
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let conversation = call.conversation.clone().unwrap_or_default();
        let Some(t) = call.transfer.as_mut() else {
            return;
        };
        let Some(PlanStep {
            definition,
            action:
                PlanAction::Invite {
                    number,
                    brief_for: Some(brief_for),
                    ..
                },
            ..
        }) = t.plan.get(t.index).cloned()
        else {
            return;
        };
        t.brief_until = Some(Instant::now() + brief_for);
        let handoff = t.handoff.clone();
        self.emit(CallEvent::Transfer {
            handoff,
            conversation,
            step: TransferStep::Briefing {
                definition,
                target: number,
            },
        });
    }

    /// `POST /v1/handoffs/{id}/briefed`: ends the briefing of that handoff's transfer.
    fn briefed(&mut self, handoff: &str) -> Result<(), String> {
        let key = self
            .calls
            .iter()
            .find(|(_, c)| c.transfer.as_ref().is_some_and(|t| t.handoff == handoff))
            .map(|(k, _)| k.clone())
            .ok_or_else(|| "no transfer of this handoff is under way".to_owned())?;
        let briefing = self
            .calls
            .get(&key)
            .and_then(|c| c.transfer.as_ref())
            .is_some_and(|t| t.brief_until.is_some());
        if !briefing {
            return Err("the transfer of this handoff is not in a briefing".into());
        }
        self.end_briefing(&key);
        Ok(())
    }

    /// The briefing is over: the caller gets the person's media.
    fn end_briefing(&mut self, key: &str) {
        let Some(t) = self.calls.get_mut(key).and_then(|c| c.transfer.as_mut()) else {
            return;
        };
        t.brief_until = None;
        let Some(human) = t.human_sdp.clone() else {
            return;
        };
        self.bridge_caller(key, &human);
    }

    /// A briefing failed after the media moved: the caller and the bot get each other's
    /// media back (the caller's first offer, the bot's answer).
    fn restore(&mut self, key: &str) {
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        call.held = false;
        let caller = Sdp::of(&call.a_invite);
        let bot = call.b_sdp.clone();
        if let Some(bot) = bot
            && let Some((mut m, branch)) = self.leg_request(key, Side::A, "INVITE")
        {
            bot.put(&mut m);
            self.send_request(key, Side::A, m, branch, Purpose::Restore);
        }
        if let Some((mut m, branch)) = self.leg_request(key, Side::B, "INVITE") {
            caller.put(&mut m);
            self.send_request(key, Side::B, m, branch, Purpose::Restore);
        }
    }

    /// The caller took the target's media: drop the bot; the target is the call's other leg.
    fn warm_bridged(&mut self, key: &str, m: Message) {
        let code = m.code().unwrap_or(0);
        if !(200..300).contains(&code) {
            self.bye(key, Side::C);
            if let Some(call) = self.calls.get_mut(key) {
                call.c = None;
            }
            self.step_failed(
                key,
                format!(
                    "the caller's side refused the new media: {code} {}",
                    reason(&m)
                ),
            );
            return;
        }
        let local = self.t.local();
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let n = m.cseq().map_or(1, |(n, _)| n);
        let saved = call.a.cseq;
        call.a.cseq = n - 1;
        let (mut ack, _) = call.a.request("ACK", local);
        call.a.cseq = saved;
        ack.set("CSeq", format!("{n} ACK"));
        let peer = call.a.peer;
        self.t.send(&ack, peer);
        self.bye(key, Side::B);
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let Some(c) = call.c.take() else {
            return;
        };
        // From now on the target is the call's other leg; the bot's leg is done.
        call.b = c;
        let briefed = std::mem::take(&mut call.held);
        if briefed {
            // The person was talking to the bot: give them the caller's media.
            let caller = Sdp::of(&m);
            if let Some((mut reinvite, branch)) = self.leg_request(key, Side::B, "INVITE") {
                caller.put(&mut reinvite);
                self.send_request(key, Side::B, reinvite, branch, Purpose::HumanMedia);
            }
        }
        let Some(call) = self.calls.get_mut(key) else {
            return;
        };
        let Some(t) = call.transfer.take() else {
            return;
        };
        let (definition, target) = match t.plan.get(t.index) {
            Some(PlanStep {
                definition,
                action: PlanAction::Invite { number, .. },
                ..
            }) => (definition.clone(), number.clone()),
            _ => (String::new(), String::new()),
        };
        let conversation = call.conversation.clone().unwrap_or_default();
        self.emit(CallEvent::Transfer {
            handoff: t.handoff,
            conversation,
            step: TransferStep::Succeeded {
                definition,
                method: "INVITE",
                target,
            },
        });
    }
}

/// The ACK of a non-2xx final `response` to `invite`: part of the INVITE transaction, so
/// it reuses the INVITE's Via (same branch), From, Call-ID and CSeq number, with the
/// response's To (RFC 3261 17.1.1.3).
fn ack_for_failure(invite: &Message, response: &Message) -> Message {
    let mut ack = Message::request("ACK", invite.uri().unwrap_or(""));
    for h in ["Via", "From", "Call-ID"] {
        if let Some(v) = invite.header(h) {
            ack.push(h, v.to_owned());
        }
    }
    ack.push("To", response.header("To").unwrap_or("").to_owned());
    let n = invite.cseq().map_or(1, |(n, _)| n);
    ack.push("CSeq", format!("{n} ACK"))
        .push("Max-Forwards", "70");
    ack
}

fn reason(m: &Message) -> &str {
    match &m.start {
        Start::Response { reason, .. } => reason,
        Start::Request { .. } => "",
    }
}

#[cfg(test)]
mod tests {
    use super::Sdp;

    #[test]
    fn holding_a_session_sets_every_stream_inactive_once() {
        let sdp = Sdp {
            content_type: Some("application/sdp".into()),
            body: b"v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 7000 RTP/AVP 0\r\na=sendrecv\r\nm=video 7002 RTP/AVP 96\r\n".to_vec(),
        };
        let held = sdp.with_direction("inactive");
        assert_eq!(
            String::from_utf8(held.body).unwrap(),
            "v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 7000 RTP/AVP 0\r\na=inactive\r\nm=video 7002 RTP/AVP 96\r\na=inactive\r\n"
        );
    }
}
