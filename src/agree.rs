//! Two coders' agreement on the same material: for each coded field of
//! statements.csv, how many units both coded, how often they agree, and
//! Krippendorff's alpha, computed from the coincidence matrix as Krippendorff
//! defines it (a value coded by one coder only is unpairable and counts for
//! nothing; a field with a single value in its domain has no alpha).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::strict_csv::StrictReader;

/// The coded fields, in the order they are reported.
pub const FIELDS: &[&str] = &["speaker", "position_of", "target", "topic", "kind", "stance"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Nominal,
    Ordinal,
    Interval,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
        }
    }
}

/// One coder's file: each statement id with its coded fields (None when empty).
#[derive(Debug, Default)]
pub struct Coding {
    pub ids: Vec<String>,
    pub values: HashMap<String, Vec<Option<String>>>,
}

/// A coder's `statements.csv`, given as the file or its directory.
pub fn read(path: &Path) -> Result<Coding> {
    let file: PathBuf = if path.is_dir() { path.join("statements.csv") } else { path.to_path_buf() };
    let meta = std::fs::metadata(&file).map_err(|e| Error::no_input(format!("{}", file.display())).because(e))?;
    if !meta.is_file() {
        return Err(Error::data(format!("{}: not a regular file; name a statements.csv", file.display())));
    }
    let at = |line: u64| format!("{}:{line}", file.display());
    let failed = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        Error::data(format!("{}: {}", at(line), e))
    };
    let opened = std::fs::File::open(&file).map_err(|e| Error::no_input(format!("{}", file.display())).because(e))?;
    let mut reader = csv::ReaderBuilder::new().from_reader(StrictReader::new(opened));
    let header = reader.headers().map_err(failed)?.clone();
    let id = header.iter().position(|h| h == "id").ok_or_else(|| {
        Error::data(format!("{}: the header has no \"id\" column, which a coder's statements.csv needs", at(1)))
    })?;
    let columns: Vec<Option<usize>> = FIELDS.iter().map(|f| header.iter().position(|h| h == *f)).collect();
    let mut coding = Coding::default();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(failed)? {
        let line = record.position().map_or(0, |p| p.line());
        let unit = record.get(id).unwrap_or_default().to_owned();
        if unit.is_empty() {
            return Err(Error::data(format!("{}: id: is empty", at(line))));
        }
        let values = columns
            .iter()
            .map(|c| c.and_then(|c| record.get(c)).filter(|v| !v.is_empty()).map(str::to_owned))
            .collect();
        if coding.values.insert(unit.clone(), values).is_some() {
            return Err(Error::data(format!("{}: id: \"{unit}\" appears twice in this file", at(line))));
        }
        coding.ids.push(unit);
    }
    Ok(coding)
}

/// One row of the agreement table.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub field: &'static str,
    pub level: Level,
    /// Units both coders gave a value.
    pub both: usize,
    /// Of those, the percentage on which they agree; None when there are none.
    pub agreement: Option<f64>,
    /// None where alpha is not defined: one value in the domain, no unit both
    /// coded, or no disagreement expected by chance.
    pub alpha: Option<f64>,
}

/// Every unit (statement id) in either coding, in the order they first appear.
pub fn units(a: &Coding, b: &Coding) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    a.ids.iter().chain(&b.ids).filter(|id| seen.insert(id.as_str())).cloned().collect()
}

/// The two coders' values of `field` for each unit.
pub fn pairs<'a>(a: &'a Coding, b: &'a Coding, units: &'a [String], field: usize) -> Vec<[Option<&'a str>; 2]> {
    let value = |c: &'a Coding, unit: &str| c.values.get(unit).and_then(|v| v[field].as_deref());
    units.iter().map(|u| [value(a, u), value(b, u)]).collect()
}

pub fn agreement(a: &Coding, b: &Coding) -> Result<Vec<Agreement>> {
    let units = units(a, b);
    let mut rows = Vec::new();
    for (f, field) in FIELDS.iter().enumerate() {
        let pairs = pairs(a, b, &units, f);
        let both: Vec<(&str, &str)> = pairs.iter().filter_map(|[x, y]| Some(((*x)?, (*y)?))).collect();
        let agree = both.iter().filter(|(x, y)| x == y).count();
        let agreement = (!both.is_empty()).then(|| 100.0 * agree as f64 / both.len() as f64);
        let levels: &[Level] = if *field == "stance" { &[Level::Ordinal, Level::Interval] } else { &[Level::Nominal] };
        for &level in levels {
            let alpha = if level == Level::Nominal {
                alpha(&pairs, level, |v| Some(v.to_owned()), |_| 0.0)
            } else {
                let number = |v: &str| v.parse::<f64>().ok();
                if let Some(bad) = pairs.iter().flatten().flatten().find(|v| number(v).is_none()) {
                    return Err(Error::data(format!("stance: \"{bad}\" is not a number")));
                }
                alpha(&pairs, level, |v| number(v).map(|n| n.to_string()), |v| v.parse().unwrap_or(0.0))
            };
            rows.push(Agreement { field, level, both: both.len(), agreement, alpha });
        }
    }
    Ok(rows)
}

/// Krippendorff's alpha for two coders' values per unit. `key` gives a value
/// its identity in the domain; `number` its magnitude (for ordinal and
/// interval, whose domain is ordered by it).
fn alpha(
    pairs: &[[Option<&str>; 2]],
    level: Level,
    key: impl Fn(&str) -> Option<String>,
    number: impl Fn(&str) -> f64,
) -> Option<f64> {
    let domain: BTreeSet<String> = pairs.iter().flatten().flatten().filter_map(|v| key(v)).collect();
    let mut domain: Vec<String> = domain.into_iter().collect();
    if level != Level::Nominal {
        domain.sort_by(|x, y| number(x).total_cmp(&number(y)));
    }
    let size = domain.len();
    if size <= 1 {
        return None;
    }
    let index: HashMap<&str, usize> = domain.iter().enumerate().map(|(i, v)| (v.as_str(), i)).collect();
    // The coincidence matrix: each pair of values within a unit, over the
    // unit's pairable values less one.
    let mut o = vec![vec![0.0f64; size]; size];
    let mut paired = false;
    for pair in pairs {
        let values: Vec<usize> = pair.iter().flatten().filter_map(|v| key(v)).map(|k| index[k.as_str()]).collect();
        if values.len() < 2 {
            continue;
        }
        paired = true;
        let m = values.len() as f64;
        for (i, &c) in values.iter().enumerate() {
            for (j, &k) in values.iter().enumerate() {
                if i != j {
                    o[c][k] += 1.0 / (m - 1.0);
                }
            }
        }
    }
    if !paired {
        return None;
    }
    let n_v: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_v.iter().sum();
    let magnitude: Vec<f64> = domain.iter().map(|v| number(v)).collect();
    let delta = |c: usize, k: usize| -> f64 {
        match level {
            Level::Nominal => f64::from(u8::from(c != k)),
            Level::Interval => (magnitude[c] - magnitude[k]).powi(2),
            Level::Ordinal => {
                let (lo, hi) = (c.min(k), c.max(k));
                let between: f64 = n_v[lo..=hi].iter().sum();
                (between - (n_v[lo] + n_v[hi]) / 2.0).powi(2)
            }
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..size {
        for k in 0..size {
            let d = delta(c, k);
            observed += o[c][k] * d;
            let e = (n_v[c] * n_v[k] - if c == k { n_v[c] } else { 0.0 }) / (n - 1.0);
            expected += e * d;
        }
    }
    let alpha = 1.0 - observed / expected;
    alpha.is_finite().then_some(alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coding(rows: &[(&str, &str)]) -> Coding {
        let mut c = Coding::default();
        for (id, stance) in rows {
            let mut values = vec![None; FIELDS.len()];
            values[5] = (!stance.is_empty()).then(|| stance.to_string());
            c.values.insert(id.to_string(), values);
            c.ids.push(id.to_string());
        }
        c
    }

    #[test]
    fn krippendorffs_own_example_for_two_coders() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the
        // two-observer example of nominal data: alpha = 0.095 (to three places).
        let a = coding(&[
            ("1", "0"),
            ("2", "1"),
            ("3", "0"),
            ("4", "0"),
            ("5", "0"),
            ("6", "0"),
            ("7", "0"),
            ("8", "0"),
            ("9", "1"),
            ("10", "0"),
        ]);
        let b = coding(&[
            ("1", "1"),
            ("2", "1"),
            ("3", "1"),
            ("4", "0"),
            ("5", "0"),
            ("6", "1"),
            ("7", "0"),
            ("8", "0"),
            ("9", "0"),
            ("10", "0"),
        ]);
        let rows = agreement(&a, &b).unwrap();
        let stance = rows.iter().find(|r| r.field == "stance" && r.level == Level::Interval).unwrap();
        assert_eq!(stance.both, 10);
        assert_eq!(stance.agreement, Some(60.0));
        assert_eq!(format!("{:.3}", stance.alpha.unwrap()), "0.095");
    }

    #[test]
    fn one_value_or_no_pair_has_no_alpha() {
        let a = coding(&[("1", "1"), ("2", "1")]);
        let b = coding(&[("1", "1"), ("2", "1")]);
        let rows = agreement(&a, &b).unwrap();
        assert!(rows.iter().all(|r| r.alpha.is_none()));
        let a = coding(&[("1", "1"), ("2", "")]);
        let b = coding(&[("1", ""), ("2", "2")]);
        let stance = agreement(&a, &b).unwrap().into_iter().find(|r| r.field == "stance").unwrap();
        assert_eq!((stance.both, stance.agreement, stance.alpha), (0, None, None));
    }
}
