//! Content-addressed files: artifacts live under `DIR/ab/abcdef…` named by their
//! SHA-256, written atomically, so the same bytes are stored once and a name can
//! never point at other content.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("the artifact is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("`{0}` is not a SHA-256 in lowercase hex")]
    BadDigest(String),
    #[error("no artifact {0}")]
    Missing(String),
    #[error("artifact storage: {0}")]
    Io(#[from] std::io::Error),
}

/// A directory of content-addressed files.
#[derive(Clone, Debug)]
pub struct BlobStore {
    dir: PathBuf,
    limit: usize,
}

fn is_digest(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl BlobStore {
    pub fn new(dir: &Path, limit: usize) -> Self {
        Self {
            dir: dir.to_owned(),
            limit,
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    fn path(&self, digest: &str) -> PathBuf {
        self.dir.join(&digest[..2]).join(digest)
    }

    /// Stores `bytes` durably and returns their lowercase hex SHA-256.
    pub fn put(&self, bytes: &[u8]) -> Result<String, BlobError> {
        if bytes.len() > self.limit {
            return Err(BlobError::TooLarge {
                size: bytes.len(),
                limit: self.limit,
            });
        }
        let digest: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let path = self.path(&digest);
        if path.exists() {
            return Ok(digest);
        }
        let parent = path.parent().unwrap_or(&self.dir);
        // Artifacts are conversation data: owner-only, like the database.
        let mut dirs = std::fs::DirBuilder::new();
        dirs.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut dirs, 0o700);
        dirs.create(parent)?;
        let tmp = parent.join(format!(".{digest}.{}", uuid::Uuid::now_v7().simple()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut f = options.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)?;
        Ok(digest)
    }

    /// Removes the files no attachment refers to (`referenced` holds every digest
    /// that one does) and that are older than `min_age`: an upload writes its file
    /// before its row, so a younger file may be an upload in flight. Also removes
    /// temporary files such an upload left behind. Returns how many were removed.
    pub fn collect_orphans(
        &self,
        referenced: &std::collections::HashSet<String>,
        min_age: std::time::Duration,
    ) -> Result<usize, BlobError> {
        let now = std::time::SystemTime::now();
        let mut removed = 0;
        let shards = match std::fs::read_dir(&self.dir) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        for shard in shards {
            let shard = shard?.path();
            if !shard.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(&shard)? {
                let file = file?;
                let name = file.file_name().to_string_lossy().into_owned();
                let keep = is_digest(&name) && referenced.contains(&name);
                let old = file
                    .metadata()?
                    .modified()
                    .ok()
                    .and_then(|m| now.duration_since(m).ok())
                    .is_some_and(|age| age >= min_age);
                if !keep && old {
                    std::fs::remove_file(file.path())?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    pub fn get(&self, digest: &str) -> Result<Vec<u8>, BlobError> {
        if !is_digest(digest) {
            return Err(BlobError::BadDigest(digest.to_owned()));
        }
        std::fs::read(self.path(digest)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => BlobError::Missing(digest.to_owned()),
            _ => BlobError::Io(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_stored_once_by_digest_and_limits_hold() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = BlobStore::new(dir.path(), 16);
        let d = blobs.put(b"hello").unwrap();
        assert_eq!(
            d,
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(blobs.put(b"hello").unwrap(), d);
        assert_eq!(blobs.get(&d).unwrap(), b"hello");
        assert!(matches!(
            blobs.put(&[0; 17]),
            Err(BlobError::TooLarge {
                size: 17,
                limit: 16
            })
        ));
        assert!(matches!(
            blobs.get("../../etc/passwd"),
            Err(BlobError::BadDigest(_))
        ));
        assert!(matches!(
            blobs.get(&"0".repeat(64)),
            Err(BlobError::Missing(_))
        ));
    }
}
