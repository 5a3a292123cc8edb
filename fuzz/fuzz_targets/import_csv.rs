//! Any bytes as one of the import's files, on top of the seed: the import must
//! succeed or fail as bad input (exit 65), and never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

use chancery::error::Kind;
use chancery::import::{self, Plan};

const FILES: [&str; 5] = ["sources.csv", "actors.csv", "statements.csv", "embassies.csv", "articles/five-countries.txt"];

fuzz_target!(|input: &[u8]| {
    let Some((&which, bytes)) = input.split_first() else { return };
    let dir = tempfile::tempdir().unwrap();
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../seed");
    for file in FILES {
        std::fs::create_dir_all(dir.path().join("articles")).unwrap();
        std::fs::copy(format!("{seed}/{file}"), dir.path().join(file)).unwrap();
    }
    std::fs::write(dir.path().join(FILES[which as usize % FILES.len()]), bytes).unwrap();

    let mut conn = chancery::db::in_memory().unwrap();
    let tx = conn.transaction().unwrap();
    tx.pragma_update(None, "defer_foreign_keys", true).unwrap();
    let result = Plan::from_paths(&[dir.path().to_path_buf()]).and_then(|plan| import::load(&tx, &plan));
    if let Err(e) = result {
        assert_eq!(e.kind(), Kind::Data, "{e}");
    }
});
