//! Per-turn analysis, computed at most once per turn and shared by every evaluation whose
//! window still holds the turn.
//!
//! Each evaluation reads the last `window()` turns, so without a cache every earlier turn's
//! sentiment and word set would be recomputed on every new turn. [`AnalysisCache`] keeps a
//! [`TurnAnalysis`] per [`TurnId`], with three guarantees:
//!
//! - an entry is only returned for a turn whose text is byte-for-byte the text it was
//!   created for (so a reused or forged id can never yield another turn's analysis);
//! - every field is a pure function of the text, computed lazily outside the lock;
//! - memory is bounded: a shard keeps two generations of entries, and when the newer one
//!   holds too many entries or bytes the older one is dropped and the newer one becomes it;
//!   a turn found in the older generation moves back to the newer one, so the turns of a
//!   conversation still being evaluated outlive every rotation.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use baton_core::{ConversationId, Turn, TurnId};

use crate::signals::explicit::{self, ExplicitMatch};
use crate::signals::topics::{self, Amount, Topic};
use crate::signals::{loops, matters, sentiment_langs};

/// What is known about one turn's text. Every field is filled on first use.
#[derive(Debug, Default)]
pub(crate) struct TurnAnalysis {
    /// The text this analysis belongs to (empty when not cached).
    text: Box<str>,
    sentiment: OnceLock<f32>,
    words: OnceLock<loops::WordSet>,
    explicit: OnceLock<Option<ExplicitMatch>>,
    amounts: OnceLock<Vec<Amount>>,
    /// Whether the text may hold a number without a currency (read on every turn by the
    /// amount rules, on the AI's turn before too).
    bare_number: OnceLock<bool>,
    /// Which of the topic and urgency patterns match the text.
    scan: OnceLock<topics::Scan>,
    /// The separate matters the text names (acts, parts of the service, announcements).
    matters: OnceLock<matters::Matters>,
    /// What only some turns need, allocated on first use: every new turn's analysis is
    /// created, filled and dropped once, and most never read these.
    rare: OnceLock<Box<RareAnalysis>>,
}

/// The fields of [`TurnAnalysis`] that most turns never fill.
#[derive(Debug, Default)]
struct RareAnalysis {
    /// Stemmed content words, for comparing needs and actions.
    content: OnceLock<Vec<String>>,
    /// The customer's turn would accept an offer of a person ("yes please", "the agent").
    accepts_offer: OnceLock<bool>,
    /// The AI's turn offers a person, as the request a "yes" to it makes.
    offer: OnceLock<Option<ExplicitMatch>>,
    /// The first match of each topic's pattern, in `Topic::ALL` order.
    topics: [OnceLock<Option<String>>; Topic::ALL.len()],
    urgency: OnceLock<Option<String>>,
    /// The AI's turn asks how much money the customer wants to move ([`topics::asks_amount`]).
    asks_amount: OnceLock<bool>,
    /// The customer's clauses that each raise a matter ([`matters::clauses_in`]).
    clauses: OnceLock<matters::Clauses>,
}

impl TurnAnalysis {
    fn rare(&self) -> &RareAnalysis {
        self.rare.get_or_init(Box::default)
    }

    /// The compound score of `text` in its language (VADER for English).
    pub(crate) fn sentiment(&self, text: &str) -> f32 {
        *self
            .sentiment
            .get_or_init(|| sentiment_langs::compound(text))
    }

    /// The separate matters `text` names.
    pub(crate) fn matters(&self, text: &str) -> &matters::Matters {
        self.matters.get_or_init(|| matters::matters_of(text))
    }

    /// The clauses of `text` that each raise a matter of their own.
    pub(crate) fn clauses(&self, text: &str) -> &matters::Clauses {
        self.rare()
            .clauses
            .get_or_init(|| matters::clauses_in(text))
    }

    /// The word set used for similarity.
    pub(crate) fn words(&self, text: &str) -> &loops::WordSet {
        self.words.get_or_init(|| loops::word_set(text))
    }

    /// The stemmed content words of `text`.
    pub(crate) fn content(&self, text: &str) -> &[String] {
        self.rare()
            .content
            .get_or_init(|| loops::content_words(text))
    }

    /// How strongly `text` says a need came back.
    pub(crate) fn persistence(&self, text: &str) -> u8 {
        self.scan(text).persistence()
    }

    /// Whether `text` reports that an attempt failed, or that the need came back.
    pub(crate) fn failed(&self, text: &str) -> bool {
        self.scan(text).failed()
    }

    /// Whether `text` says the customer already did what was asked.
    pub(crate) fn already_did(&self, text: &str) -> bool {
        self.scan(text).already_did()
    }

    /// What `text` (an AI turn) says of its own knowledge: that it does not know the answer,
    /// that it is not sure or did not follow the customer, or nothing.
    pub(crate) fn admission(&self, text: &str) -> crate::signals::confidence::Admission {
        use crate::signals::confidence::Admission;
        let scan = self.scan(text);
        if scan.not_knowing() && !scan.not_understood() {
            Admission::NotKnowing
        } else if scan.unsure() {
            Admission::Hedges
        } else {
            Admission::None
        }
    }

    /// Whether `text` says the matter is resolved.
    pub(crate) fn resolved(&self, text: &str) -> bool {
        self.scan(text).resolved()
    }

    /// Whether `text` says the matter is resolved in plain words, not with praise alone.
    pub(crate) fn resolved_plainly(&self, text: &str) -> bool {
        self.scan(text).resolved_plainly()
    }

    /// The explicit request for a person in `text`, if any.
    pub(crate) fn explicit(&self, text: &str) -> Option<&ExplicitMatch> {
        self.explicit
            .get_or_init(|| explicit::detect(text))
            .as_ref()
    }

    /// Whether `text`, said to an offer of a person, accepts it.
    pub(crate) fn accepts_offer(&self, text: &str) -> bool {
        *self
            .rare()
            .accepts_offer
            .get_or_init(|| explicit::accepts_offer(text))
    }

    /// When `text` (an AI turn) offers a person: the request a "yes" to it makes.
    pub(crate) fn offer(&self, text: &str) -> Option<&ExplicitMatch> {
        self.rare()
            .offer
            .get_or_init(|| explicit::offers_handover(text).then(explicit::offer_taken))
            .as_ref()
    }

    /// Like [`topics::regulated`], but each domain is looked at most once per turn (the
    /// account-closure domain depends on `context`, and is not cached).
    pub(crate) fn regulated(
        &self,
        text: &str,
        wanted: &[Topic],
        context: bool,
    ) -> Option<(Topic, std::borrow::Cow<'_, str>)> {
        wanted.iter().find_map(|t| {
            // Most turns match no pattern: nothing to look for, and no cell to fill.
            if !self.scan(text).may_match(*t) {
                return None;
            }
            if *t == Topic::AccountClosure {
                return topics::topic_match(text, *t, self.scan(text), context)
                    .map(|m| (*t, std::borrow::Cow::Owned(m)));
            }
            let i = Topic::ALL.iter().position(|x| x == t)?;
            self.rare().topics[i]
                .get_or_init(|| topics::topic_match(text, *t, self.scan(text), false))
                .as_deref()
                .map(|m| (*t, std::borrow::Cow::Borrowed(m)))
        })
    }

    /// Advice asked in `text` in `topic`'s domain without naming it (see
    /// [`topics::advice_asked_without_term`]).
    pub(crate) fn advice_asked_without_term(&self, text: &str, topic: Topic) -> Option<String> {
        topics::advice_asked_without_term(text, topic, self.scan(text))
    }

    /// The term of `topic`'s domain that `text` names.
    pub(crate) fn domain_term(&self, text: &str, topic: Topic) -> Option<String> {
        topics::domain_term(text, topic, self.scan(text))
    }

    /// Whether `text` (an AI turn) asks how much money the customer wants to move.
    pub(crate) fn asks_amount(&self, text: &str) -> bool {
        *self
            .rare()
            .asks_amount
            .get_or_init(|| topics::asks_amount(text))
    }

    /// Whether the turn asks to close an account.
    pub(crate) fn closes_account(&self, text: &str) -> bool {
        self.scan(text).closes_account()
    }

    /// The words asking to close something named by a pronoun ("I want it closed today").
    pub(crate) fn closes_it(&self, text: &str) -> Option<String> {
        topics::closes_it_words(text, self.scan(text))
    }

    /// Whether the turn names an account.
    pub(crate) fn names_account(&self, text: &str) -> bool {
        self.scan(text).names_account()
    }

    /// Whether the turn tells the money it names as already come in.
    pub(crate) fn settled(&self, text: &str) -> bool {
        topics::settled(text, self.scan(text))
    }

    /// Whether the turn tells the money it names as only held, a balance.
    pub(crate) fn held(&self, text: &str) -> bool {
        topics::held(text, self.scan(text))
    }

    /// Whether the turn mentions a dispute, a chargeback or an open claim.
    pub(crate) fn dispute_context(&self, text: &str) -> bool {
        self.scan(text).dispute_context()
    }

    /// The pattern scan of `text`.
    fn scan(&self, text: &str) -> topics::Scan {
        *self.scan.get_or_init(|| topics::Scan::of(text))
    }

    /// Every money amount in `text`.
    pub(crate) fn amounts(&self, text: &str) -> &[Amount] {
        self.amounts
            .get_or_init(|| topics::amounts_in(text, &self.scan(text)))
    }

    /// Whether `text` may hold a number without a currency ([`topics::may_hold_bare_number`]).
    pub(crate) fn may_hold_bare_number(&self, text: &str) -> bool {
        *self
            .bare_number
            .get_or_init(|| topics::may_hold_bare_number(text))
    }

    /// The first urgency statement in `text`, if any.
    pub(crate) fn urgency(&self, text: &str) -> Option<&str> {
        // Most turns match no urgency pattern: the answer is known without filling a cell.
        // A spoken turn that says a word twice ("someone is is logged in") is read once
        // more without the repeat, which the patterns do not expect.
        let scan = self.scan(text);
        if !scan.may_be_urgent() && !scan.stutter() {
            return None;
        }
        self.rare()
            .urgency
            .get_or_init(|| {
                topics::urgency_in(text, scan).or_else(|| {
                    topics::without_stutter(text)
                        .as_deref()
                        .and_then(topics::urgency)
                })
            })
            .as_deref()
    }
}

/// How many shards the cache is split into; evaluations of different conversations rarely
/// wait for each other.
pub(crate) const SHARDS: usize = 16;
/// A shard holds at most this many entries, over its two generations.
pub(crate) const SHARD_ENTRIES: usize = 1024;
/// A shard holds at most this many text bytes, over its two generations (64 KiB turns are
/// allowed).
const SHARD_BYTES: usize = 2 << 20;

/// A fast hasher for ids that are already random (UUID v7 random bits), seeded per process
/// so that crafted ids cannot be aimed at one bucket.
#[derive(Clone, Copy, Debug)]
struct IdHasher(u64);

const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(23) ^ u64::from_le_bytes(b)).wrapping_mul(MUL);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(23) ^ n as u64).wrapping_mul(MUL);
    }
    fn finish(&self) -> u64 {
        let h = self.0;
        h ^ (h >> 29)
    }
}

static SEED: LazyLock<u64> =
    LazyLock::new(|| std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64) | 1);

#[derive(Clone, Copy, Debug)]
struct IdBuildHasher(u64);

impl BuildHasher for IdBuildHasher {
    type Hasher = IdHasher;
    fn build_hasher(&self) -> IdHasher {
        IdHasher(self.0)
    }
}

type Generation = HashMap<TurnId, Arc<TurnAnalysis>, IdBuildHasher>;

#[derive(Debug)]
struct Shard {
    /// The newer generation: every entry inserted or used since the last rotation.
    map: Generation,
    /// Text bytes held by the newer generation.
    bytes: usize,
    /// The older generation, dropped at the next rotation unless its turns are used.
    old: Generation,
}

/// A bounded, sharded map from turn ids to their analyses.
pub(crate) struct AnalysisCache {
    hasher: IdBuildHasher,
    shards: [Mutex<Shard>; SHARDS],
}

impl std::fmt::Debug for AnalysisCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalysisCache")
            .field("shards", &SHARDS)
            .finish_non_exhaustive()
    }
}

impl Default for AnalysisCache {
    fn default() -> Self {
        let hasher = IdBuildHasher(*SEED);
        AnalysisCache {
            hasher,
            shards: std::array::from_fn(|_| {
                Mutex::new(Shard {
                    map: HashMap::with_hasher(hasher),
                    bytes: 0,
                    old: HashMap::with_hasher(hasher),
                })
            }),
        }
    }
}

/// Whether a turn's text is ever read through its analysis: only customer and AI turns.
pub(crate) fn analysed(turn: &Turn) -> bool {
    matches!(turn.role, baton_core::Role::Customer | baton_core::Role::Ai)
}

impl AnalysisCache {
    /// Fills `out[i]` with the analysis of `turns[i]` for every analysed turn, taking one
    /// shard lock (the shard of `conversation`). Nothing is computed under the lock.
    pub(crate) fn fill(
        &self,
        conversation: ConversationId,
        turns: &[Turn],
        out: &mut [Option<Arc<TurnAnalysis>>],
    ) {
        let shard = &self.shards[(self.hasher.hash_one(conversation) % SHARDS as u64) as usize];
        let mut shard = shard.lock().unwrap_or_else(PoisonError::into_inner);
        for (turn, slot) in turns.iter().zip(out.iter_mut()) {
            if !analysed(turn) {
                continue;
            }
            if let Some(a) = shard.map.get(&turn.id)
                && *a.text == *turn.text
            {
                *slot = Some(Arc::clone(a));
                continue;
            }
            // A turn of the older generation still in use moves to the newer one; one with
            // another text under the same id is dropped.
            let a = match shard.old.remove(&turn.id) {
                Some(a) if *a.text == *turn.text => a,
                _ => Arc::new(TurnAnalysis {
                    text: turn.text.as_str().into(),
                    ..TurnAnalysis::default()
                }),
            };
            if shard.map.len() >= SHARD_ENTRIES / 2
                || shard.bytes + turn.text.len() > SHARD_BYTES / 2
            {
                // The older generation is dropped and its table, cleared, takes the new
                // entries (reused: a fresh table would grow through every size again).
                let shard = &mut *shard;
                std::mem::swap(&mut shard.map, &mut shard.old);
                shard.map.clear();
                shard.bytes = 0;
            }
            shard.bytes += turn.text.len();
            if let Some(old) = shard.map.insert(turn.id, Arc::clone(&a)) {
                // The same id with another text: the old entry is replaced.
                shard.bytes = shard.bytes.saturating_sub(old.text.len());
            }
            *slot = Some(a);
        }
    }

    /// Entries held, for tests.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| {
                let s = s.lock().unwrap_or_else(PoisonError::into_inner);
                s.map.len() + s.old.len()
            })
            .sum()
    }
}

/// Fresh analyses that are never shared: the reference the cache is tested against.
pub(crate) fn fill_uncached(turns: &[Turn], out: &mut [Option<Arc<TurnAnalysis>>]) {
    for (turn, slot) in turns.iter().zip(out.iter_mut()) {
        if analysed(turn) {
            *slot = Some(Arc::new(TurnAnalysis::default()));
        }
    }
}
