//! Slows down password guessing: after a few failed sign-ins for one username, further
//! attempts are refused for a while, whatever the password.
//!
//! An attempt takes its slot *before* the password is checked, so guesses sent in
//! parallel count as they arrive: at most [`MAX_FAILURES`] checks run per username and
//! window, however many requests come at once.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed per username within [`WINDOW`] before sign-ins are refused.
pub const MAX_FAILURES: u32 = 5;
pub const WINDOW: Duration = Duration::from_secs(300);
/// Usernames tracked at most. Entries leave when their window ends; a locked one is
/// never evicted early, so filling the table cannot reset a lock. When the table is
/// full of live entries, new usernames are refused until some expire (fail closed).
/// Reaching it takes about 20 000 password checks a minute, far beyond what the
/// two password threads do.
const MAX_TRACKED: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// This username has used its attempts; retry after the duration.
    Locked(Duration),
    /// Too many usernames are failing at once; retry after the duration.
    Busy(Duration),
}

#[derive(Default)]
pub struct SignInThrottle {
    entries: Mutex<HashMap<String, Entry>>,
}

#[derive(Debug)]
struct Entry {
    failures: u32,
    in_flight: u32,
    since: Instant,
}

impl Entry {
    fn expired(&self, now: Instant) -> bool {
        self.in_flight == 0 && now.duration_since(self.since) >= WINDOW
    }
}

/// One sign-in attempt holding its slot; report how it ended. Dropped without a
/// report (the request failed before the check finished), it counts as a failure.
pub struct Attempt<'a> {
    throttle: &'a SignInThrottle,
    username: String,
    settled: bool,
}

impl Attempt<'_> {
    pub fn succeeded(mut self) {
        self.settled = true;
        if let Ok(mut map) = self.throttle.entries.lock() {
            map.remove(&self.username);
        }
    }

    pub fn failed(mut self) {
        self.settled = true;
        self.throttle.settle_failure(&self.username);
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        if !self.settled {
            self.throttle.settle_failure(&self.username);
        }
    }
}

impl SignInThrottle {
    /// Takes a slot for one attempt on `username`, or says how long to wait.
    pub fn begin(&self, username: &str) -> Result<Attempt<'_>, Refused> {
        let now = Instant::now();
        let Ok(mut map) = self.entries.lock() else {
            return Err(Refused::Busy(WINDOW));
        };
        if !map.contains_key(username) && map.len() >= MAX_TRACKED {
            map.retain(|_, e| !e.expired(now));
            if map.len() >= MAX_TRACKED {
                let wait = map
                    .values()
                    .map(|e| WINDOW.saturating_sub(now.duration_since(e.since)))
                    .min()
                    .unwrap_or(WINDOW);
                return Err(Refused::Busy(wait.max(Duration::from_secs(1))));
            }
        }
        let entry = map.entry(username.to_owned()).or_insert(Entry {
            failures: 0,
            in_flight: 0,
            since: now,
        });
        if entry.expired(now) {
            *entry = Entry {
                failures: 0,
                in_flight: 0,
                since: now,
            };
        }
        if entry.failures + entry.in_flight >= MAX_FAILURES {
            let wait = WINDOW.saturating_sub(now.duration_since(entry.since));
            return Err(Refused::Locked(wait.max(Duration::from_secs(1))));
        }
        entry.in_flight += 1;
        Ok(Attempt {
            throttle: self,
            username: username.to_owned(),
            settled: false,
        })
    }

    fn settle_failure(&self, username: &str) {
        let Ok(mut map) = self.entries.lock() else {
            return;
        };
        if let Some(e) = map.get_mut(username) {
            e.in_flight = e.in_flight.saturating_sub(1);
            e.failures += 1;
            if e.failures == MAX_FAILURES {
                // The lock lasts a full window from the failure that set it.
                e.since = Instant::now();
            }
        }
    }

    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.entries.lock().map(|m| m.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_username_and_a_success_clears_it() {
        let t = SignInThrottle::default();
        for _ in 0..MAX_FAILURES - 1 {
            t.begin("ana").unwrap().failed();
        }
        t.begin("ana").unwrap().succeeded();
        for _ in 0..MAX_FAILURES {
            t.begin("ana").unwrap().failed();
        }
        assert!(matches!(t.begin("ana"), Err(Refused::Locked(d)) if d <= WINDOW));
        assert!(t.begin("ben").is_ok(), "other users are unaffected");
    }

    #[test]
    fn attempts_in_flight_hold_their_slots() {
        let t = SignInThrottle::default();
        let held: Vec<_> = (0..MAX_FAILURES).map(|_| t.begin("ana").unwrap()).collect();
        assert!(matches!(t.begin("ana"), Err(Refused::Locked(_))));
        drop(held); // unfinished attempts count as failures
        assert!(matches!(t.begin("ana"), Err(Refused::Locked(_))));
    }

    #[test]
    fn a_full_table_refuses_new_names_and_keeps_locks() {
        let t = SignInThrottle::default();
        for _ in 0..MAX_FAILURES {
            t.begin("victim").unwrap().failed();
        }
        for i in 0..MAX_TRACKED - 1 {
            t.begin(&format!("filler-{i}")).unwrap().failed();
        }
        assert_eq!(t.tracked(), MAX_TRACKED);
        assert!(matches!(t.begin("newcomer"), Err(Refused::Busy(_))));
        assert!(matches!(t.begin("victim"), Err(Refused::Locked(_))));
    }
}
