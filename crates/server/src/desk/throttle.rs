//! Slows down password guessing: after a few failed sign-ins for one username, further
//! attempts are refused for a while, whatever the password.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed per username within [`WINDOW`] before sign-ins are refused.
const MAX_FAILURES: u32 = 5;
const WINDOW: Duration = Duration::from_secs(300);
/// Usernames remembered at most; the oldest entries go first beyond that.
const MAX_TRACKED: usize = 10_000;

#[derive(Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl SignInThrottle {
    /// How long until `username` may try again, if it may not now.
    pub fn wait(&self, username: &str) -> Option<Duration> {
        let map = self.failures.lock().ok()?;
        let (n, since) = map.get(username)?;
        let elapsed = since.elapsed();
        (*n >= MAX_FAILURES && elapsed < WINDOW).then(|| WINDOW - elapsed)
    }

    pub fn failed(&self, username: &str) {
        let Ok(mut map) = self.failures.lock() else {
            return;
        };
        if map.len() >= MAX_TRACKED
            && !map.contains_key(username)
            && let Some(oldest) = map
                .iter()
                .min_by_key(|(_, (_, t))| *t)
                .map(|(k, _)| k.clone())
        {
            map.remove(&oldest);
        }
        let entry = map
            .entry(username.to_owned())
            .or_insert((0, Instant::now()));
        if entry.1.elapsed() >= WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }

    pub fn succeeded(&self, username: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(username);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_username_and_a_success_clears_it() {
        let t = SignInThrottle::default();
        for _ in 0..MAX_FAILURES - 1 {
            t.failed("ana");
        }
        assert!(t.wait("ana").is_none());
        t.failed("ana");
        assert!(t.wait("ana").is_some_and(|d| d <= WINDOW));
        assert!(t.wait("ben").is_none(), "other users are unaffected");
        t.succeeded("ana");
        assert!(t.wait("ana").is_none());
    }
}
