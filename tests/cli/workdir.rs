//! A temporary directory to run the real `chancery` binary in, with a cleared
//! environment, and ways to look at what it left behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};

pub struct Workdir {
    dir: tempfile::TempDir,
}

/// A file of this repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What a finished command did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().expect("exited, not killed"),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir { dir: tempfile::tempdir().unwrap() }
    }

    /// A workdir holding a copy of the repository's seed/ as `seed/`.
    pub fn with_seed() -> Workdir {
        let wd = Workdir::new();
        copy_dir(&repo("seed"), &wd.path("seed"));
        wd
    }

    /// A workdir with the seed imported into `chancery.db`.
    pub fn seeded() -> Workdir {
        let wd = Workdir::with_seed();
        wd.ok(&["import", "seed"]);
        wd
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, contents: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    /// `chancery ARGS` in this directory with nothing from our environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_chancery"));
        cmd.args(args).current_dir(self.dir.path()).env_clear();
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.command(args).output().unwrap().into()
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .command(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap().into()
    }

    /// Run and insist on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "chancery {args:?} failed: {}", run.stderr);
        run.stdout
    }

    /// Run and insist on failure with this exit code and exactly this one line on stderr.
    pub fn fails(&self, args: &[&str], code: i32, stderr: &str) {
        let run = self.run(args);
        assert_eq!(
            (run.code, run.stderr.as_str(), run.stdout.as_str()),
            (code, format!("{stderr}\n").as_str(), ""),
            "chancery {args:?}"
        );
    }

    /// `program ARGS` (the sqlite3 shell) in this directory.
    pub fn sqlite3(&self, args: &[&str], stdin: Option<&str>) -> Run {
        assert!(
            Command::new("sqlite3").arg("--version").output().is_ok_and(|o| o.status.success()),
            "these tests need the sqlite3 shell: apt-get install -y sqlite3 (.ci/run does)"
        );
        let mut cmd = Command::new("sqlite3");
        cmd.args(args).current_dir(self.dir.path());
        match stdin {
            None => cmd.output().unwrap().into(),
            Some(input) => {
                use std::io::Write;
                let mut child = cmd
                    .stdin(std::process::Stdio::piped())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap();
                child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
                child.wait_with_output().unwrap().into()
            }
        }
    }

    /// The sqlite3 shell on `db` in this directory, left running to be fed SQL on
    /// its stdin and read on its stdout.
    pub fn sqlite3_session(&self, db: &str) -> std::process::Child {
        self.sqlite3(&["--version"], None); // asserts the shell is there
        Command::new("sqlite3")
            .arg(db)
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Everything in a database: version, schema and every row of every table,
    /// as text, so that "unchanged" can be asserted exactly.
    pub fn dump(&self, db: &str) -> String {
        let conn = Connection::open_with_flags(self.path(db), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut out = String::new();
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        out.push_str(&format!("user_version {version}\n"));
        let mut schema = conn.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").unwrap();
        let objects: Vec<(String, String, Option<String>)> =
            schema.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        for (kind, name, sql) in &objects {
            out.push_str(&format!("{kind} {name}: {}\n", sql.as_deref().unwrap_or("")));
            if kind == "table" {
                // Sorted as text: FTS5's shadow tables have no rowid to order by.
                // A revision's time is when the test ran, not what it recorded.
                let select = match name.as_str() {
                    "revisions" => "SELECT id, \"table\", row_id, action, 'at' AS at, old FROM revisions".to_owned(),
                    _ => format!("SELECT * FROM \"{name}\""),
                };
                let mut rows = conn.prepare(&select).unwrap();
                let n = rows.column_count();
                let mut all: Vec<String> = rows
                    .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect::<Result<Vec<_>, _>>())
                    .unwrap()
                    .map(|row| format!("  {:?}\n", row.unwrap()))
                    .collect();
                all.sort();
                out.extend(all);
            }
        }
        out
    }

    /// A throwaway Python virtual environment in this directory with `packages`
    /// from PyPI (.ci/run makes sure Python and venv are there); its path.
    pub fn venv(&self, packages: &[&str]) -> PathBuf {
        let venv = self.path("venv");
        let made = Command::new("python3").args(["-m", "venv"]).arg(&venv).status().expect("python3, for a venv");
        assert!(made.success(), "python3 -m venv");
        let pip = Command::new(venv.join("bin/pip")).args(["install", "--quiet"]).args(packages).status().unwrap();
        assert!(pip.success(), "pip install {packages:?}");
        venv
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path(relative).exists()
    }
}

impl Workdir {
    /// A seeded workdir with a generated data set of `statements` rows in `gen/`.
    pub fn seeded_with_generated(statements: u64) -> Workdir {
        let wd = Workdir::seeded();
        let sizes = chancery::generate::Sizes { statements, actors: 1_000, sources: 100, revised_percent: 0 };
        chancery::generate::write(&wd.path("gen"), sizes).unwrap();
        wd
    }

    /// `PRAGMA integrity_check` through a read-write connection, which also
    /// recovers a WAL left behind by a killed writer.
    pub fn integrity(&self, db: &str) -> String {
        let conn = Connection::open(self.path(db)).unwrap();
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
    }
}
