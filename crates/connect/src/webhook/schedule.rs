//! When to try a failed delivery again: the Standard Webhooks / Svix schedule,
//! spread over about a day and a half, with ±20 % jitter so a recovering
//! endpoint is not hit by every retry at once.

use std::time::Duration;

use rand::Rng as _;

/// Delay before retry `n` (1-based: the delay after the first failed attempt is `n = 1`).
const DELAYS_SECS: [u64; 8] = [
    5,
    5 * 60,
    30 * 60,
    2 * 3600,
    5 * 3600,
    10 * 3600,
    10 * 3600,
    14 * 3600,
];

/// The delay before the next attempt after `attempts` failed ones, or `None` when
/// the delivery should be given up on.
pub fn next_delay(attempts: u32, scale: f64) -> Option<Duration> {
    let idx = usize::try_from(attempts).ok()?.checked_sub(1)?;
    let base = *DELAYS_SECS.get(idx)? as f64 * scale;
    let jitter = rand::rng().random_range(0.8..1.2);
    Some(Duration::from_secs_f64(base * jitter))
}

/// How many attempts the schedule allows in all.
pub const MAX_ATTEMPTS: u32 = DELAYS_SECS.len() as u32 + 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_grows_and_ends() {
        let first = next_delay(1, 1.0).unwrap();
        assert!(first >= Duration::from_secs(4) && first <= Duration::from_secs(6));
        let last = next_delay(MAX_ATTEMPTS - 1, 1.0).unwrap();
        assert!(last > Duration::from_secs(10 * 3600));
        assert_eq!(next_delay(MAX_ATTEMPTS, 1.0), None);
        assert_eq!(next_delay(0, 1.0), None);
        let scaled = next_delay(2, 0.001).unwrap();
        assert!(scaled < Duration::from_secs(1));
    }
}
