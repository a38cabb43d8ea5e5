//! Verifying webhooks other platforms send to Baton (a CRM or helpdesk posting
//! receiver feedback back): Standard Webhooks, and the common
//! `X-…-Signature: sha256=<hex>` HMAC scheme (GitHub, Zendesk-style).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq as _;

use super::signature::{SigningSecret, sign};

/// Why an inbound webhook is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InboundRefused {
    #[error("missing header `{0}`")]
    MissingHeader(&'static str),
    #[error("`webhook-timestamp` is not a Unix time in seconds")]
    BadTimestamp,
    #[error("the message timestamp is more than 5 minutes away from now; replayed or clock skew")]
    Stale,
    #[error("no signature matches the body")]
    BadSignature,
}

/// Tolerance for the sender's clock, as the Standard Webhooks libraries use.
const TOLERANCE_SECS: i64 = 5 * 60;

/// Verifies a Standard Webhooks message against any of `secrets`.
pub fn verify_standard(
    secrets: &[SigningSecret],
    id: Option<&str>,
    timestamp: Option<&str>,
    signatures: Option<&str>,
    body: &[u8],
    now: i64,
) -> Result<(), InboundRefused> {
    let id = id.ok_or(InboundRefused::MissingHeader("webhook-id"))?;
    let ts = timestamp.ok_or(InboundRefused::MissingHeader("webhook-timestamp"))?;
    let sigs = signatures.ok_or(InboundRefused::MissingHeader("webhook-signature"))?;
    let ts: i64 = ts
        .trim()
        .parse()
        .map_err(|_| InboundRefused::BadTimestamp)?;
    if now.abs_diff(ts) > TOLERANCE_SECS.unsigned_abs() {
        return Err(InboundRefused::Stale);
    }
    let presented: Vec<&str> = sigs.split(' ').filter(|s| s.starts_with("v1,")).collect();
    for secret in secrets {
        let expected = sign(secret, id, ts, body);
        if presented
            .iter()
            .any(|p| bool::from(p.as_bytes().ct_eq(expected.as_bytes())))
        {
            return Ok(());
        }
    }
    Err(InboundRefused::BadSignature)
}

/// Verifies `sha256=<hex HMAC-SHA256(secret, body)>`.
pub fn verify_hex_sha256(
    secret: &[u8],
    header: Option<&str>,
    body: &[u8],
) -> Result<(), InboundRefused> {
    let header = header.ok_or(InboundRefused::MissingHeader("x-signature"))?;
    let hex = header
        .trim()
        .strip_prefix("sha256=")
        .ok_or(InboundRefused::BadSignature)?;
    let presented = decode_hex(hex).ok_or(InboundRefused::BadSignature)?;
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret).map_err(|_| InboundRefused::BadSignature)?;
    mac.update(body);
    // `verify_slice` compares in constant time.
    mac.verify_slice(&presented)
        .map_err(|_| InboundRefused::BadSignature)
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_webhooks_verify_across_rotation_and_refuse_tampering() {
        let old = SigningSecret::generate();
        let new = SigningSecret::generate();
        let body = br#"{"type":"feedback"}"#;
        let sig = sign(&old, "msg_1", 1000, body);
        assert_eq!(
            verify_standard(
                &[new.clone(), old.clone()],
                Some("msg_1"),
                Some("1000"),
                Some(&sig),
                body,
                1001
            ),
            Ok(())
        );
        assert_eq!(
            verify_standard(
                std::slice::from_ref(&new),
                Some("msg_1"),
                Some("1000"),
                Some(&sig),
                body,
                1001
            ),
            Err(InboundRefused::BadSignature)
        );
        assert_eq!(
            verify_standard(
                std::slice::from_ref(&old),
                Some("msg_1"),
                Some("1000"),
                Some(&sig),
                b"{}",
                1001
            ),
            Err(InboundRefused::BadSignature)
        );
        assert_eq!(
            verify_standard(
                std::slice::from_ref(&old),
                Some("msg_1"),
                Some("1000"),
                Some(&sig),
                body,
                5000
            ),
            Err(InboundRefused::Stale)
        );
        assert_eq!(
            verify_standard(&[old], None, Some("1000"), Some(&sig), body, 1000),
            Err(InboundRefused::MissingHeader("webhook-id"))
        );
    }

    #[test]
    fn hex_sha256_signatures_verify() {
        // HMAC-SHA256("It's a Secret to Everybody", "Hello, World!"), GitHub's documented example.
        let sig = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assert_eq!(
            verify_hex_sha256(b"It's a Secret to Everybody", Some(sig), b"Hello, World!"),
            Ok(())
        );
        assert!(verify_hex_sha256(b"other", Some(sig), b"Hello, World!").is_err());
        assert!(verify_hex_sha256(b"x", Some("md5=00"), b"").is_err());
    }
}
