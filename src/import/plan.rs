//! Which files one import reads: the table files named or found in the
//! directories named, in load order, and the `articles/` texts by source id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Table;
use crate::error::{Error, Result};

/// What one import call will read, resolved from the paths on the command line.
#[derive(Debug, Default)]
pub struct Plan {
    /// Withdraw (delete) the rows of each table the files cover that the files no longer hold.
    pub sync: bool,
    /// CSV files in load order: by table, then in the order they were named.
    pub(super) files: Vec<(Table, PathBuf)>,
    /// `articles/<source id>.txt` files, by source id.
    pub(super) articles: BTreeMap<String, PathBuf>,
}

impl Plan {
    /// Each path is a directory holding any of the four CSV files and `articles/`,
    /// or a single CSV file whose stem names its table.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Plan> {
        let mut plan = Plan::default();
        for path in paths {
            let meta =
                std::fs::metadata(path).map_err(|e| Error::no_input(format!("{}", path.display())).because(e))?;
            if !meta.is_dir() {
                regular_file(path)?;
            }
            if meta.is_dir() {
                plan.add_directory(path)?;
            } else {
                let table = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(Table::from_name)
                    .filter(|_| path.extension().is_some_and(|e| e == "csv"))
                    .ok_or_else(|| {
                        Error::data(format!(
                            "{}: not a table file (name it sources.csv, actors.csv, statements.csv or embassies.csv)",
                            path.display()
                        ))
                    })?;
                plan.files.push((table, path.clone()));
            }
        }
        plan.files.sort_by_key(|(table, _)| *table); // stable: keeps the order of the arguments
        // A file read twice would load its rows twice, each the other's duplicate.
        for (i, (_, path)) in plan.files.iter().enumerate() {
            if plan.files[..i].iter().any(|(_, earlier)| crate::db::same_file(earlier, path)) {
                return Err(Error::usage(format!(
                    "{}: named twice in this import (directly or through its directory); name it once",
                    path.display()
                )));
            }
        }
        Ok(plan)
    }

    fn add_directory(&mut self, dir: &Path) -> Result<()> {
        let mut found = false;
        for table in Table::ALL {
            let file = dir.join(format!("{}.csv", table.name()));
            if std::fs::symlink_metadata(&file).is_ok() {
                regular_file(&file)?;
                self.files.push((table, file));
                found = true;
            }
        }
        let articles = dir.join("articles");
        if articles.is_dir() {
            found = true;
            let entries = std::fs::read_dir(&articles)
                .map_err(|e| Error::failure(format!("{}", articles.display())).because(e))?;
            let mut paths: Vec<PathBuf> = entries
                .map(|entry| entry.map(|e| e.path()))
                .collect::<std::io::Result<_>>()
                .map_err(|e| Error::failure(format!("{}", articles.display())).because(e))?;
            paths.sort();
            for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
                regular_file(&path)?;
                let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                if let Some(first) = self.articles.get(&id) {
                    return Err(Error::data(format!(
                        "{}: a second text for source \"{id}\" (the first is {})",
                        path.display(),
                        first.display()
                    )));
                }
                self.articles.insert(id, path);
            }
        }
        if !found {
            return Err(Error::data(format!(
                "{}: nothing to import (expected sources.csv, actors.csv, statements.csv, embassies.csv or articles/)",
                dir.display()
            )));
        }
        Ok(())
    }
}

impl Plan {
    /// The size of every file the import will read, for a progress bar.
    pub fn total_bytes(&self) -> u64 {
        let paths = self.files.iter().map(|(_, p)| p).chain(self.articles.values());
        paths.filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }
}

/// An import reads regular files only: a FIFO or a device may never end, or
/// never begin, while the import holds the write lock.
pub(super) fn regular_file(path: &Path) -> Result<()> {
    let what = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(meta) if meta.is_dir() => "a directory",
        Ok(_) => "not a regular file (a FIFO, socket or device)",
        Err(_) if std::fs::symlink_metadata(path).is_ok() => "a symbolic link to nothing",
        Err(e) => return Err(Error::no_input(format!("{}", path.display())).because(e)),
    };
    Err(Error::data(format!("{}: {what}; an import reads regular files only", path.display())))
}
