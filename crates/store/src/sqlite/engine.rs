//! How SQLite is driven: one writer thread with group commit, a small pool of
//! read-only connections, and embedded migrations.
//!
//! Every write is a closure run on the writer thread inside a savepoint of the
//! current batch transaction; the batch commits once and only then answers each
//! caller. A whole command therefore costs one cross-thread round trip instead of
//! one per statement, and under load many commands share one commit. A closure
//! that fails rolls back to its savepoint without touching its neighbours; a
//! commit that fails (disk full, I/O error) fails every command of the batch, so
//! nothing is acknowledged that is not on disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::{Result, StoreError};

/// Largest number of commands sharing one commit.
const MAX_BATCH: usize = 128;

type Finish = Box<dyn FnOnce(Option<StoreError>) + Send>;
/// A write: runs on the writer thread, says whether it succeeded, and returns how
/// to answer its caller once the batch's commit outcome is known.
/// Given `Err`, it runs nothing and answers with that error.
type Job = Box<dyn FnOnce(Result<&Connection, StoreError>) -> (bool, Finish) + Send>;

/// Maps SQLite errors to what a caller can act on: "not now" or "broken".
pub(crate) fn db_err(e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    match &e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            C::DatabaseBusy
            | C::DatabaseLocked
            | C::DiskFull
            | C::SystemIoFailure
            | C::ReadOnly
            | C::CannotOpen
            | C::OutOfMemory => StoreError::Unavailable(e.to_string()),
            _ => StoreError::Backend(e.to_string()),
        },
        _ => StoreError::Backend(e.to_string()),
    }
}

pub(crate) struct Engine {
    checkpoint: Mutex<
        Option<(
            Arc<std::sync::atomic::AtomicBool>,
            std::thread::JoinHandle<()>,
        )>,
    >,
    writer: Mutex<Option<mpsc::Sender<Job>>>,
    writer_thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    readers: Mutex<Vec<Connection>>,
    path: PathBuf,
    busy: Duration,
}

/// The embedded migrations, applied in order; `PRAGMA user_version` records the last.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "20261123000001_initial",
        include_str!("../../migrations/sqlite/20261123000001_initial.sql"),
    ),
    (
        "20261123000002_webhooks",
        include_str!("../../migrations/sqlite/20261123000002_webhooks.sql"),
    ),
    (
        "20261123000010_attachments",
        include_str!("../../migrations/sqlite/20261123000010_attachments.sql"),
    ),
    (
        "20261123000011_inbound",
        include_str!("../../migrations/sqlite/20261123000011_inbound.sql"),
    ),
    (
        "20261123000020_deliveries_pending",
        include_str!("../../migrations/sqlite/20261123000020_deliveries_pending.sql"),
    ),
    (
        "20261123000021_deliveries_claim",
        include_str!("../../migrations/sqlite/20261123000021_deliveries_claim.sql"),
    ),
    (
        "20261123000030_routing",
        include_str!("../../migrations/sqlite/20261123000030_routing.sql"),
    ),
    (
        "20261203144500_connections",
        include_str!("../../migrations/sqlite/20261203144500_connections.sql"),
    ),
    (
        "20261203144501_peer_links",
        include_str!("../../migrations/sqlite/20261203144501_peer_links.sql"),
    ),
    (
        "20261203144502_peer_messages",
        include_str!("../../migrations/sqlite/20261203144502_peer_messages.sql"),
    ),
];

/// Prepared statements kept per connection: every statement Baton runs fits, so none
/// is parsed twice (rusqlite's default of 16 made the hot ones evict each other).
const STATEMENT_CACHE: usize = 256;

fn configure(conn: &Connection, synchronous: &str, busy: Duration) -> Result<()> {
    conn.busy_timeout(busy).map_err(db_err)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA foreign_keys = ON; \
         PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000;"
    ))
    .map_err(db_err)
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let applied: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(db_err)?;
    let known = MIGRATIONS.len() as i64;
    if applied > known {
        return Err(StoreError::Backend(format!(
            "the database was written by a newer Baton (schema version {applied}, this one knows {known}); \
             upgrade Baton or use another --data directory"
        )));
    }
    for (version, (name, sql)) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        let tx = conn.transaction().map_err(db_err)?;
        tx.execute_batch(sql)
            .map_err(|e| StoreError::Backend(format!("applying migration {name}: {e}")))?;
        tx.pragma_update(None, "user_version", version as i64 + 1)
            .map_err(db_err)?;
        tx.commit().map_err(db_err)?;
        tracing::info!(migration = name, "database migrated");
    }
    Ok(())
}

impl Engine {
    pub(crate) fn open(
        path: &Path,
        synchronous: &'static str,
        busy: Duration,
        max_pages: Option<u64>,
    ) -> Result<Arc<Engine>> {
        let mut writer = Connection::open(path).map_err(db_err)?;
        configure(&writer, synchronous, busy)?;
        migrate(&mut writer)?;
        // Checkpoints fsync; run them beside the writer, never inside a commit.
        writer
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(db_err)?;
        if let Some(pages) = max_pages {
            // A ceiling on the file's size, as a full disk would impose.
            writer
                .pragma_update(
                    None,
                    "max_page_count",
                    i64::try_from(pages).unwrap_or(i64::MAX),
                )
                .map_err(db_err)?;
        }
        let checkpointer = Connection::open(path).map_err(db_err)?;
        configure(&checkpointer, synchronous, busy)?;
        let readers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(2, 8);
        let mut pool = Vec::with_capacity(readers);
        for _ in 0..readers {
            let r = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(db_err)?;
            r.busy_timeout(busy).map_err(db_err)?;
            r.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
            pool.push(r);
        }
        let (tx, rx) = mpsc::channel::<Job>();
        let handle = std::thread::Builder::new()
            .name("baton-sqlite-writer".into())
            .spawn(move || writer_loop(writer, rx))
            .map_err(|e| StoreError::Backend(format!("starting the writer thread: {e}")))?;
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let checkpoint_thread = std::thread::Builder::new()
            .name("baton-sqlite-checkpoint".into())
            .spawn(move || checkpoint_loop(checkpointer, &stopped))
            .map_err(|e| StoreError::Backend(format!("starting the checkpoint thread: {e}")))?;
        Ok(Arc::new(Engine {
            checkpoint: Mutex::new(Some((stop, checkpoint_thread))),
            writer: Mutex::new(Some(tx)),
            writer_thread: Mutex::new(Some(handle)),
            readers: Mutex::new(pool),
            path: path.to_owned(),
            busy,
        }))
    }

    /// Runs `f` in the writer's current batch; answers after the batch commits.
    pub(crate) async fn write<R, F>(&self, f: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R> + Send + 'static,
    {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let result = conn.and_then(f);
            let ok = result.is_ok();
            let finish: Finish = Box::new(move |commit_error| {
                let _ = answer.send(match (result, commit_error) {
                    (Ok(_), Some(e)) => Err(e),
                    (r, _) => r,
                });
            });
            (ok, finish)
        });
        let sender = self
            .writer
            .lock()
            .map_err(|_| StoreError::Backend("writer lock poisoned".into()))?
            .clone()
            .ok_or_else(|| StoreError::Unavailable("the store is closed".into()))?;
        sender
            .send(job)
            .map_err(|_| StoreError::Unavailable("the writer thread stopped".into()))?;
        answered
            .await
            .map_err(|_| StoreError::Unavailable("the writer thread stopped".into()))?
    }

    /// Runs `f` on a read-only connection, off the async threads.
    pub(crate) async fn read<R, F>(self: &Arc<Self>, f: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R> + Send + 'static,
    {
        let engine = self.clone();
        tokio::task::spawn_blocking(move || {
            let conn = engine.take_reader()?;
            let result = f(&conn);
            engine.give_back(conn);
            result
        })
        .await
        .map_err(|e| StoreError::Backend(format!("read task failed: {e}")))?
    }

    fn take_reader(&self) -> Result<Connection> {
        let pooled = self
            .readers
            .lock()
            .map_err(|_| StoreError::Backend("reader pool poisoned".into()))?
            .pop();
        match pooled {
            Some(c) => Ok(c),
            // More concurrent reads than pooled connections: open another; it joins the pool.
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(db_err)?;
                c.busy_timeout(self.busy).map_err(db_err)?;
                c.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
                Ok(c)
            }
        }
    }

    fn give_back(&self, conn: Connection) {
        if let Ok(mut pool) = self.readers.lock()
            && pool.len() < 16
        {
            pool.push(conn);
        }
    }

    /// Stops the writer after the commands already queued, and checkpoints the WAL.
    pub(crate) fn close(&self) {
        if let Ok(mut c) = self.checkpoint.lock()
            && let Some((stop, handle)) = c.take()
        {
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            handle.thread().unpark();
            let _ = handle.join();
        }
        if let Ok(mut w) = self.writer.lock() {
            w.take();
        }
        if let Ok(mut t) = self.writer_thread.lock()
            && let Some(handle) = t.take()
        {
            let _ = handle.join();
        }
        if let Ok(mut pool) = self.readers.lock() {
            pool.clear();
        }
    }
}

/// Copies the WAL back into the database file every 100 ms without blocking the
/// writer (PASSIVE); the WAL is reset when no reader needs its tail.
fn checkpoint_loop(conn: Connection, stop: &std::sync::atomic::AtomicBool) {
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        std::thread::park_timeout(Duration::from_millis(100));
        if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            tracing::debug!(error = %e, "passive checkpoint skipped");
        }
    }
}

fn writer_loop(conn: Connection, jobs: mpsc::Receiver<Job>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while let Ok(first) = jobs.recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(j) => batch.push(j),
                Err(_) => break,
            }
        }
        run_batch(&conn, batch.drain(..));
    }
    // Every sender is gone: fold the WAL back into the main file for a tidy stop.
    if let Err(e) = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);") {
        tracing::warn!(error = %e, "WAL checkpoint at shutdown failed");
    }
}

fn run_batch(conn: &Connection, batch: impl Iterator<Item = Job>) {
    if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
        let err = db_err(e);
        tracing::warn!(error = %err, "writes refused: cannot begin a transaction");
        for job in batch {
            let (_, finish) = job(Err(clone_err(&err)));
            finish(None);
        }
        return;
    }
    let mut finishes: Vec<Finish> = Vec::new();
    // Once anything goes wrong with the transaction itself, the whole batch is
    // rolled back and every command in it is told so: never "failed" for a write
    // that commits, never "done" for one that does not.
    let mut broken: Option<StoreError> = None;
    for job in batch {
        if let Some(err) = &broken {
            let (_, finish) = job(Err(clone_err(err)));
            finish(None);
            continue;
        }
        if let Err(e) = conn.execute_batch("SAVEPOINT command") {
            let err = db_err(e);
            let (_, finish) = job(Err(clone_err(&err)));
            finish(None);
            broken = Some(err);
            continue;
        }
        // A panicking command must not take the writer thread (and every later write) down.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(Ok(conn))));
        let Ok((ok, finish)) = ran else {
            tracing::error!("a write command panicked; its batch is rolled back");
            broken = Some(StoreError::Backend(
                "a write command failed unexpectedly".into(),
            ));
            continue;
        };
        finishes.push(finish);
        // SQLite rolls the whole transaction back by itself on some errors (disk
        // full, I/O error); what follows would otherwise run outside it.
        if conn.is_autocommit() {
            broken = Some(StoreError::Unavailable(
                "the database rolled the transaction back (disk full or I/O error)".into(),
            ));
            continue;
        }
        let closed = if ok {
            conn.execute_batch("RELEASE command")
        } else {
            conn.execute_batch("ROLLBACK TO command; RELEASE command")
        };
        if let Err(e) = closed {
            broken = Some(db_err(e));
        }
    }
    let outcome = match broken {
        Some(err) => {
            if !conn.is_autocommit() {
                let _ = conn.execute_batch("ROLLBACK");
            }
            Some(err)
        }
        None => conn.execute_batch("COMMIT").err().map(|e| {
            let err = db_err(e);
            if !conn.is_autocommit() {
                let _ = conn.execute_batch("ROLLBACK");
            }
            err
        }),
    };
    for finish in finishes {
        finish(outcome.as_ref().map(clone_err));
    }
}

fn clone_err(e: &StoreError) -> StoreError {
    match e {
        StoreError::Unavailable(m) => StoreError::Unavailable(m.clone()),
        other => StoreError::Backend(other.to_string()),
    }
}
