//! Pictures for a brief, as SVG: each actor's stances over time against its
//! embassy's status in Kabul, and the outlook. Stance is shown three ways so the
//! chart reads in grey print too: the mark points up (for) or down (against), is
//! larger when strong, and is coloured on a red-blue diverging scale. An actor's
//! own words are filled marks, others' assessments hollow ones.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::report::Catalog;

const WIDTH: i32 = 1000;
const LEFT: i32 = 190; // room for the row labels
const RIGHT: i32 = 30;
const TOP: i32 = 50;
const ROW: i32 = 30;
const AXIS: i32 = 40;
const LEGEND: i32 = 70;
/// From a row's label to the plot, from a mark to its label, and a band's
/// inset from its row's edges.
const ROW_LABEL_GAP: i32 = 10;
const MARK_LABEL_GAP: i32 = 12;
const BAND_INSET: i32 = 3;
/// Below the plot: the axis labels, then the legend's lines.
const AXIS_LABEL_DROP: i32 = 14;
const LEGEND_LINE: i32 = 25;
/// The width of one entry of the stance legend.
const LEGEND_ENTRY: i32 = 125;
/// The outlook's column of readings, at the right.
const READING_COLUMN: i32 = 120;
const TITLE_SIZE: i32 = 16;
const LABEL_SIZE: i32 = 12;
const ROW_LABEL_SIZE: i32 = 13;
/// Marks drawn in the legend (one per stance, one hollow): a chart holds this
/// many marks besides one per statement.
pub const LEGEND_MARKS: usize = 6;

const FONT: &str = "sans-serif";

/// The stances and their labels, as both charts show them.
const STANCES: [(i64, &str); 5] =
    [(-2, "strongly against"), (-1, "against"), (0, "neutral"), (1, "for"), (2, "strongly for")];
const ASSESSMENT: &str = "others' assessment (hollow)";

fn stance_color(stance: i64) -> RGBColor {
    match stance {
        -2 => RGBColor(0xb2, 0x18, 0x2b),
        -1 => RGBColor(0xef, 0x8a, 0x62),
        0 => RGBColor(0x88, 0x88, 0x88),
        1 => RGBColor(0x67, 0xa9, 0xcf),
        _ => RGBColor(0x21, 0x66, 0xac),
    }
}

fn band_color(status: &str) -> RGBColor {
    match status {
        "open" => RGBColor(0xd9, 0xf0, 0xd3),
        "limited" => RGBColor(0xfe, 0xe8, 0xc8),
        _ => RGBColor(0xbd, 0xbd, 0xbd), // suspended, relocated, closed
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn draw_error<E: std::error::Error + Send + Sync + 'static>(e: E) -> Error {
    Error::failure("drawing the chart").because(e)
}

fn text<'a>(s: impl Into<String>, (x, y): (i32, i32), size: i32, h: HPos) -> Text<'a, (i32, i32), String> {
    let style = TextStyle::from((FONT, size).into_font()).color(&BLACK).pos(Pos::new(h, VPos::Center));
    Text::new(s.into(), (x, y), style)
}

/// A stance mark: a triangle pointing up (for) or down (against), a circle for
/// neutral; strong stances larger; assessments hollow.
fn mark(area: &Area<'_>, (x, y): (i32, i32), stance: i64, hollow: bool) -> Result<()> {
    let color = stance_color(stance);
    let style = if hollow { color.stroke_width(2) } else { color.filled() };
    let size = if stance.abs() == 2 { 8 } else { 6 };
    match stance.signum() {
        0 => area.draw(&Circle::new((x, y), size - 1, style)).map_err(draw_error),
        sign => {
            let tip = -sign as i32 * size;
            let points = vec![(x, y + tip), (x - size, y - tip), (x + size, y - tip), (x, y + tip)];
            if hollow {
                area.draw(&PathElement::new(points, style)).map_err(draw_error)
            } else {
                area.draw(&Polygon::new(points, style)).map_err(draw_error)
            }
        }
    }
}

/// A chart's canvas: white, as tall as its rows need, with its title; and
/// where the plot ends.
fn canvas<'a>(svg: &'a mut String, rows: usize, title: &str) -> Result<(Area<'a>, i32)> {
    let bottom = TOP + ROW * rows.max(1) as i32;
    let root = SVGBackend::with_string(svg, (WIDTH as u32, (bottom + AXIS + LEGEND) as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    root.draw(&text(title, (LEFT, TOP / 2), TITLE_SIZE, HPos::Left)).map_err(draw_error)?;
    Ok((root, bottom))
}

/// The middle of row `row`, down the canvas.
fn row_y(row: usize) -> i32 {
    TOP + ROW * row as i32 + ROW / 2
}

/// One entry of a legend: a mark and what it means.
fn legend_entry(area: &Area<'_>, (x, y): (i32, i32), stance: i64, hollow: bool, label: &str) -> Result<()> {
    mark(area, (x, y), stance, hollow)?;
    area.draw(&text(label, (x + MARK_LABEL_GAP, y), LABEL_SIZE, HPos::Left)).map_err(draw_error)
}

/// The legend of the embassy bands, in one line from `(x, y)`.
fn band_legend(area: &Area<'_>, (x, y): (i32, i32)) -> Result<()> {
    let mut bx = x;
    for (status, label) in
        [("open", "embassy open"), ("limited", "limited"), ("closed", "suspended, relocated or closed")]
    {
        area.draw(&Rectangle::new([(bx, y - 7), (bx + 22, y + 7)], band_color(status).filled())).map_err(draw_error)?;
        area.draw(&text(label, (bx + 28, y), LABEL_SIZE, HPos::Left)).map_err(draw_error)?;
        bx += if status == "limited" { 90 } else { 125 };
    }
    Ok(())
}

fn day_number(date: &str) -> Result<i64> {
    let day =
        NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|e| Error::failure(format!("date {date}")).because(e))?;
    Ok(day.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days())
}

fn svg_only(out: &Path) -> Result<()> {
    match out.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("svg") => Ok(()),
        _ => Err(Error::usage(format!(
            "{}: chancery draws SVG only (PNG would need plotters' bitmap backend and the system's fonts); \
             name the file .svg and convert it with rsvg-convert or a browser",
            out.display()
        ))),
    }
}

pub struct PositionsChart<'a> {
    pub topic: Option<&'a str>,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// A statement with a stance, as the positions chart reads it.
struct StatementRow {
    position_of: String,
    name: String,
    said_on: String,
    stance: i64,
    assessment: bool,
}

/// An embassy record in Kabul, with the date of the next one for its country.
struct EmbassyRow {
    country: String,
    name: String,
    observed_on: String,
    status: String,
    until: Option<String>,
}

struct Point {
    row: usize,
    day: i64,
    stance: i64,
    assessment: bool,
}

struct Band {
    row: usize,
    from: i64,
    to: Option<i64>,
    status: String,
}

/// One row per actor, time across: stances as marks, the embassy in Kabul as a band.
/// Returns the number of statements drawn.
pub fn positions(conn: &Connection, chart: &PositionsChart<'_>, out: &Path) -> Result<usize> {
    svg_only(out)?;
    let mut svg = String::new();
    let marks = draw_positions(conn, chart, &mut svg)?;
    write_svg(out, &svg)?;
    Ok(marks)
}

/// The SVG is drawn in memory and written in one go, so that a failed write
/// (a full disk, a missing folder) is an error that names the file.
fn write_svg(out: &Path, svg: &str) -> Result<()> {
    std::fs::write(out, svg).map_err(|e| Error::failure(format!("cannot write {}", out.display())).because(e))
}

fn draw_positions(conn: &Connection, chart: &PositionsChart<'_>, svg: &mut String) -> Result<usize> {
    let failed = |e| Error::failure("reading the chart's data").because(e);
    let mut stmt = conn
        .prepare(
            "SELECT s.position_of, a.name, s.said_on, s.stance, s.kind = 'assessment'
             FROM statements AS s JOIN actors AS a ON a.id = s.position_of
             WHERE s.stance IS NOT NULL
               AND (?1 IS NULL OR s.topic = ?1) AND (?2 IS NULL OR s.said_on >= ?2) AND (?3 IS NULL OR s.said_on <= ?3)
             ORDER BY s.said_on, s.key",
        )
        .map_err(failed)?;
    let statements: Vec<StatementRow> = stmt
        .query_map((chart.topic, &chart.since, &chart.until), |r| {
            Ok(StatementRow {
                position_of: r.get(0)?,
                name: r.get(1)?,
                said_on: r.get(2)?,
                stance: r.get(3)?,
                assessment: r.get(4)?,
            })
        })
        .map_err(failed)?
        .collect::<rusqlite::Result<_>>()
        .map_err(failed)?;
    let mut stmt = conn
        .prepare(
            "SELECT e.country, a.name, e.observed_on, e.status,
                    lead(e.observed_on) OVER (PARTITION BY e.country ORDER BY e.observed_on, e.id)
             FROM embassies AS e JOIN actors AS a ON a.id = e.country
             WHERE e.host = 'AFG' AND e.city = 'Kabul'
             ORDER BY e.observed_on, e.id",
        )
        .map_err(failed)?;
    let records: Vec<EmbassyRow> = stmt
        .query_map([], |r| {
            Ok(EmbassyRow {
                country: r.get(0)?,
                name: r.get(1)?,
                observed_on: r.get(2)?,
                status: r.get(3)?,
                until: r.get(4)?,
            })
        })
        .map_err(failed)?
        .collect::<rusqlite::Result<_>>()
        .map_err(failed)?;

    // The time range: as asked, else from the data.
    let dates = statements.iter().map(|s| s.said_on.as_str()).chain(records.iter().map(|r| r.observed_on.as_str()));
    let first = match &chart.since {
        Some(d) => day_number(d)?,
        None => dates.clone().map(day_number).collect::<Result<Vec<_>>>()?.into_iter().min().unwrap_or(0),
    };
    let last = match &chart.until {
        Some(d) => day_number(d)?,
        None => dates.map(day_number).collect::<Result<Vec<_>>>()?.into_iter().max().unwrap_or(first),
    };
    // A little room at either end, so that the first and last marks stay whole.
    let pad = ((last - first) / 25).max(1);
    let (first, last) = (first - pad, last.max(first) + pad);

    // Rows: every actor with a statement in range or an embassy record, by name.
    // (name, id), so that sorting orders them by name.
    let mut rows: Vec<(String, String)> = statements.iter().map(|s| (s.name.clone(), s.position_of.clone())).collect();
    for r in &records {
        let until = r.until.as_deref().map(day_number).transpose()?;
        if day_number(&r.observed_on)? <= last && until.is_none_or(|u| u >= first) {
            rows.push((r.name.clone(), r.country.clone()));
        }
    }
    rows.sort();
    rows.dedup();
    let row_of = |id: &str| rows.iter().position(|(_, r)| r == id);

    let points: Vec<Point> = statements
        .iter()
        .map(|s| {
            Ok(Point {
                row: row_of(&s.position_of).expect("a row per actor"),
                day: day_number(&s.said_on)?,
                stance: s.stance,
                assessment: s.assessment,
            })
        })
        .collect::<Result<_>>()?;
    let bands: Vec<Band> = records
        .iter()
        .filter_map(|r| row_of(&r.country).map(|row| (row, r)))
        .map(|(row, r)| {
            Ok(Band {
                row,
                from: day_number(&r.observed_on)?,
                to: r.until.as_deref().map(day_number).transpose()?,
                status: r.status.clone(),
            })
        })
        .collect::<Result<_>>()?;

    let title = match chart.topic {
        Some(topic) => format!("Stances on {topic}, with the embassy in Kabul behind"),
        None => "Stances on every topic, with the embassy in Kabul behind".to_owned(),
    };
    let (root, bottom) = canvas(svg, rows.len(), &title)?;
    let x =
        |day: i64| LEFT + ((day - first) as f64 / (last - first).max(1) as f64 * (WIDTH - LEFT - RIGHT) as f64) as i32;
    let y = row_y;

    for band in &bands {
        let (from, to) = (band.from.max(first), band.to.unwrap_or(last).min(last));
        if from < to {
            let rect = [(x(from), y(band.row) - ROW / 2 + BAND_INSET), (x(to), y(band.row) + ROW / 2 - BAND_INSET)];
            root.draw(&Rectangle::new(rect, band_color(&band.status).filled())).map_err(draw_error)?;
        }
    }

    // Day, month or year lines and labels, spaced so that labels never meet.
    let mut last_label: Option<i32> = None;
    for (day, label) in time_ticks(first, last) {
        let px = x(day);
        if last_label.is_none_or(|l| px - l >= tick_label_gap(&label)) {
            root.draw(&PathElement::new(vec![(px, TOP), (px, bottom)], RGBColor(0xe0, 0xe0, 0xe0)))
                .map_err(draw_error)?;
            root.draw(&text(label, (px, bottom + AXIS_LABEL_DROP), LABEL_SIZE, HPos::Center)).map_err(draw_error)?;
            last_label = Some(px);
        }
    }

    for (row, (name, _)) in rows.iter().enumerate() {
        root.draw(&text(name.clone(), (LEFT - ROW_LABEL_GAP, y(row)), ROW_LABEL_SIZE, HPos::Right))
            .map_err(draw_error)?;
    }
    // Marks on one day in one row step aside so that each stays visible.
    let mut seen: Vec<(usize, i64, i32)> = Vec::new();
    for p in &points {
        let nth = seen.iter().filter(|(r, d, _)| *r == p.row && *d == p.day).count() as i32;
        seen.push((p.row, p.day, nth));
        mark(&root, (x(p.day) + nth * 9, y(p.row)), p.stance, p.assessment)?;
    }

    // Legend: the stances, then assessments and the bands on a second line.
    let ly = bottom + AXIS;
    for (i, (stance, label)) in STANCES.iter().enumerate() {
        legend_entry(&root, (LEFT + LEGEND_ENTRY * i as i32, ly), *stance, false, label)?;
    }
    legend_entry(&root, (LEFT, ly + LEGEND_LINE), 1, true, ASSESSMENT)?;
    band_legend(&root, (LEFT + 2 * LEGEND_ENTRY, ly + LEGEND_LINE))?;
    root.present().map_err(draw_error)?;
    Ok(points.len())
}

/// One row of the outlook report, as the chart needs it.
pub struct OutlookRow {
    pub name: String,
    pub recognition: Option<i64>,
    pub assessed: Option<i64>,
    pub embassy: Option<String>,
    pub reading: String,
}

/// The outlook as a picture: a row per state on a -2..2 scale, its own
/// recognition stance filled, the assessed one hollow, joined by the gap, the
/// row shaded by its embassy's status, and the reading at the right.
pub fn outlook(rows: &[OutlookRow], out: &Path) -> Result<usize> {
    svg_only(out)?;
    let mut svg = String::new();
    let marks = draw_outlook(rows, &mut svg)?;
    write_svg(out, &svg)?;
    Ok(marks)
}

fn draw_outlook(rows: &[OutlookRow], svg: &mut String) -> Result<usize> {
    let title = "Recognition of the Taliban: own words, others' claims, embassies";
    let (root, bottom) = canvas(svg, rows.len(), title)?;
    // The -2..2 scale, inset from both ends so that the end marks stay whole.
    const SCALE_INSET: i32 = 20;
    let right = WIDTH - RIGHT - READING_COLUMN;
    let x =
        |stance: i64| LEFT + SCALE_INSET + ((stance + 2) as f64 / 4.0 * (right - LEFT - 2 * SCALE_INSET) as f64) as i32;
    let y = row_y;
    for (stance, label) in STANCES {
        root.draw(&PathElement::new(vec![(x(stance), TOP), (x(stance), bottom)], RGBColor(0xe0, 0xe0, 0xe0)))
            .map_err(draw_error)?;
        root.draw(&text(label, (x(stance), bottom + AXIS_LABEL_DROP), LABEL_SIZE, HPos::Center)).map_err(draw_error)?;
    }
    // A band reaches a little past the scale on either side.
    const BAND_OVERHANG: i32 = 5;
    let mut marks = 0;
    for (i, row) in rows.iter().enumerate() {
        if let Some(status) = &row.embassy {
            root.draw(&Rectangle::new(
                [
                    (LEFT - BAND_OVERHANG, y(i) - ROW / 2 + BAND_INSET),
                    (right + BAND_OVERHANG, y(i) + ROW / 2 - BAND_INSET),
                ],
                band_color(status).filled(),
            ))
            .map_err(draw_error)?;
        }
        root.draw(&text(row.name.clone(), (LEFT - ROW_LABEL_GAP, y(i)), ROW_LABEL_SIZE, HPos::Right))
            .map_err(draw_error)?;
        root.draw(&text(row.reading.clone(), (right + 3 * BAND_OVERHANG, y(i)), ROW_LABEL_SIZE, HPos::Left))
            .map_err(draw_error)?;
        if let (Some(own), Some(assessed)) = (row.recognition, row.assessed) {
            root.draw(&PathElement::new(vec![(x(own), y(i)), (x(assessed), y(i))], BLACK.stroke_width(1)))
                .map_err(draw_error)?;
        }
        if let Some(assessed) = row.assessed {
            mark(&root, (x(assessed), y(i)), assessed, true)?;
            marks += 1;
        }
        if let Some(own) = row.recognition {
            mark(&root, (x(own), y(i)), own, false)?;
            marks += 1;
        }
    }
    // Legend: own and assessed, then the bands on a second line.
    let ly = bottom + AXIS;
    const OWN_ENTRY: i32 = 260; // "own recognition stance (filled)" is wider than a stance's entry
    legend_entry(&root, (LEFT, ly), 1, false, "own recognition stance (filled)")?;
    legend_entry(&root, (LEFT + OWN_ENTRY, ly), 1, true, ASSESSMENT)?;
    band_legend(&root, (LEFT, ly + LEGEND_LINE))?;
    root.present().map_err(draw_error)?;
    Ok(marks)
}

/// The least distance between two labels of the time axis, in pixels, for
/// labels like this one: at 12 px a character is about 7 wide ("2021-08-15"
/// takes 65), and labels keep at least 60 apart.
fn tick_label_gap(label: &str) -> i32 {
    (label.chars().count() as i32 * 7 + 5).max(60)
}

/// The ticks of a time axis from day `first` to day `last` (days since
/// 1970-01-01), each with its label: days on a span of under four months,
/// months under two years, years beyond. Every label carries its year, so a
/// short span still says when it is.
pub fn time_ticks(first: i64, last: i64) -> Vec<(i64, String)> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
    let start = epoch + chrono::Days::new(first.max(0) as u64);
    let span = last - first;
    let (mut tick, step, format): (NaiveDate, fn(NaiveDate) -> NaiveDate, &str) = if span < 120 {
        (start, |d| d + chrono::Days::new(1), "%Y-%m-%d")
    } else if span < 730 {
        (start.with_day(1).expect("day 1"), |d| d + chrono::Months::new(1), "%Y-%m")
    } else {
        (start.with_day(1).and_then(|d| d.with_month(1)).expect("January 1"), |d| d + chrono::Months::new(12), "%Y")
    };
    let mut ticks = Vec::new();
    loop {
        let day = tick.signed_duration_since(epoch).num_days();
        if day > last {
            return ticks;
        }
        if day >= first {
            ticks.push((day, tick.format(format).to_string()));
        }
        tick = step(tick);
    }
}

/// The outlook report's rows, as of a date (None: today), from the report the
/// catalog holds (a user's `--override` included).
pub fn outlook_rows(conn: &mut Connection, catalog: &Catalog, as_of: Option<String>) -> Result<Vec<OutlookRow>> {
    let report = catalog.find("outlook")?;
    let given: Vec<(String, String)> = as_of.into_iter().map(|d| ("as_of".to_owned(), d)).collect();
    let mut rows = crate::output::Collect::default();
    report.run(conn, &report.bind(&given)?, &mut rows)?;
    use rusqlite::types::Value;
    let int = |v: &Value| match v {
        Value::Integer(i) => Some(*i),
        _ => None,
    };
    let text = |v: &Value| match v {
        Value::Text(t) => Some(t.clone()),
        _ => None,
    };
    (0..rows.rows.len())
        .map(|i| {
            Ok(OutlookRow {
                name: text(rows.get(i, "name")?).unwrap_or_default(),
                recognition: int(rows.get(i, "recognition")?),
                assessed: int(rows.get(i, "assessed")?),
                embassy: text(rows.get(i, "embassy")?),
                reading: text(rows.get(i, "reading")?).unwrap_or_default(),
            })
        })
        .collect()
}

#[cfg(test)]
mod time_axis_tests {
    use super::time_ticks;

    fn day(date: &str) -> i64 {
        super::day_number(date).unwrap()
    }

    #[test]
    fn a_short_span_says_its_year() {
        let ticks = time_ticks(day("2021-08-14"), day("2021-08-17"));
        let labels: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2021-08-14", "2021-08-15", "2021-08-16", "2021-08-17"]);
        assert_eq!(ticks[0].0, day("2021-08-14"));
    }

    #[test]
    fn months_then_years_as_the_span_grows() {
        let months = time_ticks(day("2021-08-15"), day("2022-02-01"));
        assert_eq!(months.first().map(|t| t.1.as_str()), Some("2021-09"), "the first whole month in the span");
        assert_eq!(months.last().map(|t| t.1.as_str()), Some("2022-02"));
        let years = time_ticks(day("2021-08-15"), day("2025-03-01"));
        let labels: Vec<&str> = years.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2022", "2023", "2024", "2025"]);
    }
}
