//! Sealing secrets that Baton must be able to read back (webhook signing keys):
//! XChaCha20-Poly1305 under a 256-bit key kept outside the database.

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore as _;

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error("the sealing key in {path} is not 32 base64-encoded bytes")]
    BadKeyFile { path: String },
    #[error("BATON_SECRET_KEY is not 32 base64-encoded bytes")]
    BadKeyEnv,
    #[error("reading or writing the sealing key {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("a sealed secret could not be opened: wrong sealing key or corrupt data")]
    Open,
}

/// Seals and opens secrets. The key never leaves this type.
pub struct SecretBox {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(..)")
    }
}

impl SecretBox {
    pub fn from_key(key: [u8; 32]) -> Self {
        Self {
            cipher: XChaCha20Poly1305::new(&key.into()),
        }
    }

    /// The key from `BATON_SECRET_KEY` (base64) when given, else from `DIR/baton.key`,
    /// created with owner-only permissions on first use.
    pub fn load_or_create(dir: &Path, env: Option<&str>) -> Result<Self, SecretsError> {
        if let Some(b64) = env {
            return decode_key(b64)
                .map(Self::from_key)
                .ok_or(SecretsError::BadKeyEnv);
        }
        let path = dir.join("baton.key");
        let shown = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => decode_key(text.trim())
                .map(Self::from_key)
                .ok_or(SecretsError::BadKeyFile { path: shown }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut key = [0u8; 32];
                rand::rng().fill_bytes(&mut key);
                write_private(&path, &B64.encode(key)).map_err(|source| SecretsError::Io {
                    path: shown,
                    source,
                })?;
                Ok(Self::from_key(key))
            }
            Err(source) => Err(SecretsError::Io {
                path: shown,
                source,
            }),
        }
    }

    /// `nonce ‖ ciphertext`.
    pub fn seal(&self, plain: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; 24];
        rand::rng().fill_bytes(&mut nonce);
        // Encryption with a valid key and nonce cannot fail for in-memory buffers.
        let sealed = self
            .cipher
            .encrypt(&XNonce::from(nonce), plain)
            .unwrap_or_default();
        let mut out = nonce.to_vec();
        out.extend(sealed);
        out
    }

    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, SecretsError> {
        if sealed.len() < 24 {
            return Err(SecretsError::Open);
        }
        let (nonce, body) = sealed.split_at(24);
        let nonce: [u8; 24] = nonce.try_into().map_err(|_| SecretsError::Open)?;
        self.cipher
            .decrypt(&XNonce::from(nonce), body)
            .map_err(|_| SecretsError::Open)
    }
}

fn decode_key(b64: &str) -> Option<[u8; 32]> {
    B64.decode(b64).ok()?.try_into().ok()
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_their_key() {
        let a = SecretBox::from_key([1; 32]);
        let b = SecretBox::from_key([2; 32]);
        let sealed = a.seal(b"whsec_abc");
        assert_ne!(&sealed[24..], b"whsec_abc");
        assert_eq!(a.open(&sealed).unwrap(), b"whsec_abc");
        assert!(b.open(&sealed).is_err());
        assert!(a.open(b"short").is_err());
    }

    #[test]
    fn the_key_file_is_created_once_and_reused() {
        let dir = tempfile_dir();
        let first = SecretBox::load_or_create(&dir, None).unwrap();
        let sealed = first.seal(b"x");
        let again = SecretBox::load_or_create(&dir, None).unwrap();
        assert_eq!(again.open(&sealed).unwrap(), b"x");
        std::fs::remove_dir_all(dir).ok();
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("baton-key-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
