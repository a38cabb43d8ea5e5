//! Per-turn analysis, computed at most once per turn and shared by every evaluation whose
//! window still holds the turn.
//!
//! Each evaluation reads the last `window()` turns, so without a cache every earlier turn's
//! sentiment and word set would be recomputed on every new turn. [`AnalysisCache`] keeps,
//! per conversation, the [`TurnAnalysis`] of each turn of its latest window, with three
//! guarantees:
//!
//! - an analysis is only handed out for a turn whose id and text are those it was created
//!   for, byte for byte (so a reused or forged id can never yield another turn's analysis);
//! - every field is a pure function of the text, computed lazily, and never under a lock
//!   shared by other conversations;
//! - memory is bounded: a conversation keeps the analyses of its window only (and none when
//!   their texts pass [`WINDOW_BYTES`]), and a shard keeps two generations of
//!   conversations: when the newer one is full the older one is dropped and the newer one
//!   becomes it; a conversation found in the older generation moves back to the newer one,
//!   so conversations still being evaluated outlive every rotation.
//!
//! One evaluation locks its conversation's window while it reads the analyses: evaluations
//! of one conversation take turns, those of different conversations do not wait for each
//! other. The analyses are borrowed, not shared: no reference count is touched per turn,
//! and the fields are filled without atomic operations (they were a tenth of a new turn's
//! evaluation).

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use baton_core::{ConversationId, Turn, TurnId};

use crate::signals::explicit::{self, ExplicitMatch};
use crate::signals::topics::{self, Amount, Topic};
use crate::signals::{loops, matters, sentiment_langs};

/// What is known about one turn's text. Every field is filled on first use.
#[derive(Debug, Default)]
pub(crate) struct TurnAnalysis {
    /// The text this analysis belongs to (empty when not cached).
    text: Box<str>,
    sentiment: OnceCell<f32>,
    words: OnceCell<loops::WordSet>,
    explicit: OnceCell<Option<ExplicitMatch>>,
    amounts: OnceCell<Vec<Amount>>,
    /// Whether the text may hold a number without a currency (read on every turn by the
    /// amount rules, on the AI's turn before too).
    bare_number: OnceCell<bool>,
    /// Which of the topic and urgency patterns match the text.
    scan: OnceCell<topics::Scan>,
    /// The separate matters the text names (acts, parts of the service, announcements).
    matters: OnceCell<matters::Matters>,
    /// What only some turns need, allocated on first use: every new turn's analysis is
    /// created, filled and dropped once, and most never read these.
    rare: OnceCell<Box<RareAnalysis>>,
}

/// The fields of [`TurnAnalysis`] that most turns never fill.
#[derive(Debug, Default)]
struct RareAnalysis {
    /// Stemmed content words, for comparing needs and actions.
    content: OnceCell<Vec<String>>,
    /// The customer's turn would accept an offer of a person ("yes please", "the agent").
    accepts_offer: OnceCell<bool>,
    /// The AI's turn offers a person, as the request a "yes" to it makes.
    offer: OnceCell<Option<ExplicitMatch>>,
    /// The first match of each topic's pattern, in `Topic::ALL` order.
    topics: [OnceCell<Option<String>>; Topic::ALL.len()],
    urgency: OnceCell<Option<String>>,
    /// The AI's turn asks how much money the customer wants to move ([`topics::asks_amount`]).
    asks_amount: OnceCell<bool>,
    /// The customer's clauses that each raise a matter ([`matters::clauses_in`]).
    clauses: OnceCell<matters::Clauses>,
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

    /// Whether the sentiment was computed, for tests.
    #[cfg(test)]
    pub(crate) fn sentiment_known(&self) -> bool {
        self.sentiment.get().is_some()
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

/// How many shards the conversations are split into; finding one conversation's window
/// rarely waits for another's.
pub(crate) const SHARDS: usize = 16;
/// A shard holds at most this many conversations, over its two generations.
pub(crate) const SHARD_CONVERSATIONS: usize = 128;
/// A conversation whose window's texts hold more bytes keeps no analysis after its
/// evaluation (each is computed again the next time): with [`SHARD_CONVERSATIONS`], the
/// cache holds at most 64 MiB of text.
pub(crate) const WINDOW_BYTES: usize = 32 << 10;

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

/// The analyses of the analysed turns of one conversation's latest window, in turn order.
#[derive(Debug, Default)]
struct Window {
    /// Every analysis is present between evaluations (one is taken out while the next
    /// window's list is made).
    turns: Vec<(TurnId, Option<Box<TurnAnalysis>>)>,
    /// Reused for the next window's list.
    spare: Vec<(TurnId, Option<Box<TurnAnalysis>>)>,
}

impl Window {
    /// Makes this the window of `turns`: the analysis of a turn already held (same id, same
    /// text) is kept, every other one is new, and turns no longer in the window are dropped.
    fn update(&mut self, turns: &[Turn]) {
        let mut next = std::mem::take(&mut self.spare);
        next.clear();
        // Both lists are in turn order: the search for the next turn starts after the last
        // one found.
        let mut from = 0;
        for turn in turns.iter().filter(|t| analysed(t)) {
            let found = self.turns[from..].iter().position(|(id, a)| {
                *id == turn.id && a.as_ref().is_some_and(|a| *a.text == *turn.text)
            });
            let kept = found.and_then(|k| {
                from += k + 1;
                self.turns[from - 1].1.take()
            });
            let analysis = kept.unwrap_or_else(|| {
                Box::new(TurnAnalysis {
                    text: turn.text.as_str().into(),
                    ..TurnAnalysis::default()
                })
            });
            next.push((turn.id, Some(analysis)));
        }
        self.spare = std::mem::replace(&mut self.turns, next);
        self.spare.clear();
    }

    fn bytes(&self) -> usize {
        self.turns
            .iter()
            .filter_map(|(_, a)| a.as_ref())
            .map(|a| a.text.len())
            .sum()
    }
}

type Generation = HashMap<ConversationId, Arc<Mutex<Window>>, IdBuildHasher>;

#[derive(Debug)]
struct Shard {
    /// The newer generation: every conversation evaluated since the last rotation.
    map: Generation,
    /// The older generation, dropped at the next rotation unless its conversations are
    /// evaluated again.
    old: Generation,
}

/// A bounded, sharded map from conversations to the analyses of their windows.
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

/// Runs `f` with `analyses[i]` the analysis of `turns[i]` (customer and AI turns only).
fn with_slots<'a, R>(
    turns: &[Turn],
    mut analysis: impl Iterator<Item = &'a TurnAnalysis>,
    f: impl FnOnce(&[Option<&'a TurnAnalysis>]) -> R,
) -> R {
    // One slot per turn of the window; on the stack for every usual window.
    const STACK: usize = 32;
    let mut stack: [Option<&TurnAnalysis>; STACK] = [None; STACK];
    let mut heap: Vec<Option<&TurnAnalysis>> = Vec::new();
    let slots: &mut [Option<&TurnAnalysis>] = if turns.len() <= STACK {
        &mut stack[..turns.len()]
    } else {
        heap.resize(turns.len(), None);
        &mut heap
    };
    for (turn, slot) in turns.iter().zip(slots.iter_mut()) {
        if analysed(turn) {
            *slot = analysis.next();
        }
    }
    f(slots)
}

impl AnalysisCache {
    /// Runs `f` on the analyses of `turns` (see [`with_slots`]), the window of
    /// `conversation`: those of its last evaluation are reused, and the window is locked
    /// while `f` runs. Nothing is computed under the shard's lock.
    pub(crate) fn with_analyses<R>(
        &self,
        conversation: ConversationId,
        turns: &[Turn],
        f: impl FnOnce(&[Option<&TurnAnalysis>]) -> R,
    ) -> R {
        let window = self.window_of(conversation);
        let mut window = window.lock().unwrap_or_else(PoisonError::into_inner);
        window.update(turns);
        let out = with_slots(
            turns,
            window.turns.iter().filter_map(|(_, a)| a.as_deref()),
            f,
        );
        if window.bytes() > WINDOW_BYTES {
            *window = Window::default();
        }
        out
    }

    /// The window of `conversation`, a new one when the cache holds none.
    fn window_of(&self, conversation: ConversationId) -> Arc<Mutex<Window>> {
        let shard = &self.shards[(self.hasher.hash_one(conversation) % SHARDS as u64) as usize];
        let mut shard = shard.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(w) = shard.map.get(&conversation) {
            return Arc::clone(w);
        }
        // A conversation of the older generation still in use moves to the newer one.
        let window = shard.old.remove(&conversation).unwrap_or_default();
        if shard.map.len() >= SHARD_CONVERSATIONS / 2 {
            // The older generation is dropped and its table, cleared, takes the new
            // entries (reused: a fresh table would grow through every size again).
            let shard = &mut *shard;
            std::mem::swap(&mut shard.map, &mut shard.old);
            shard.map.clear();
        }
        shard.map.insert(conversation, Arc::clone(&window));
        window
    }

    /// Turn analyses held, for tests.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| {
                let s = s.lock().unwrap_or_else(PoisonError::into_inner);
                s.map
                    .values()
                    .chain(s.old.values())
                    .map(|w| w.lock().unwrap_or_else(PoisonError::into_inner).turns.len())
                    .sum::<usize>()
            })
            .sum()
    }
}

/// Runs `f` on fresh analyses of `turns` that are never shared: the reference the cache is
/// tested against.
pub(crate) fn with_fresh_analyses<R>(
    turns: &[Turn],
    f: impl FnOnce(&[Option<&TurnAnalysis>]) -> R,
) -> R {
    let fresh: Vec<TurnAnalysis> = turns
        .iter()
        .filter(|t| analysed(t))
        .map(|_| TurnAnalysis::default())
        .collect();
    with_slots(turns, fresh.iter(), f)
}
