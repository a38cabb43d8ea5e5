//! `baton audit verify`: walk the hash chain.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use baton_store::{Durability, SqliteStore, Store as _};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Exit 0 when the chain is intact, 1 naming the first broken entry.
    Verify {
        /// Where the database lives.
        #[arg(long, env = "BATON_DATA", default_value = ".")]
        data: PathBuf,
    },
}

pub fn run(cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify { data } = cmd;
    let db = data.join(super::serve::DB_FILE);
    anyhow::ensure!(
        db.exists(),
        "no database at {}; pass --data DIR",
        db.display()
    );
    super::runtime()?.block_on(async {
        let store = SqliteStore::open(&db, Durability::default())
            .await
            .with_context(|| format!("opening {}", db.display()))?;
        let v = store.verify_audit().await?;
        store.close().await;
        Ok(match v.first_broken {
            None => {
                println!("audit chain intact: {} entries", v.entries);
                ExitCode::SUCCESS
            }
            Some(seq) => {
                println!("audit chain broken at entry {seq} (of {} read)", v.entries);
                ExitCode::FAILURE
            }
        })
    })
}
