//! `absence_report` on Parquet files: the same report as on the same data in CSV, byte for
//! byte (the text report but for its first line, which says what was read; `--json`,
//! `--signals`, `--summary` whole), the format chosen by extension or `--format`, and without
//! the feature `absence-parquet` an error saying how to enable it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built example, next to this test's own binary (see `examples_cli.rs`).
fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    dir.join("examples").join("absence_report")
}

fn run(args: &[&str]) -> Output {
    Command::new(example()).args(args).output().unwrap()
}

fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("edurules-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(feature = "absence-parquet")]
mod with_parquet {
    use std::fmt::Write as _;
    use std::sync::Arc;

    use edurules::absence::arrow::arrow_array::{
        ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray, UInt8Array,
    };
    use edurules::absence::parquet::parquet::arrow::ArrowWriter;
    use edurules::absence::parquet::parquet::file::properties::WriterProperties;

    use super::*;

    /// One generated record: pupil, days since 1970-01-01, sixtieths, kind, unit, lesson.
    type Row = (i64, i32, u64, &'static str, &'static str, Option<u8>);

    fn generated(n: usize, pupils: u64) -> Vec<Row> {
        let mut x = 0x9E37_79B9_7F4A_7C15_u64;
        let first = 17_424; // 2017-09-15
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let pupil = i64::try_from(x % (pupils + 2)).unwrap();
                let day = first + i32::try_from((x >> 12) % 270).unwrap() - 5;
                let amount = [30, 60, 120, 600, 2_400][usize::try_from((x >> 30) % 5).unwrap()];
                match (x >> 40) % 6 {
                    0 => (
                        pupil,
                        day,
                        60,
                        "unexcused",
                        "hours",
                        Some(u8::try_from((x >> 50) % 7).unwrap()),
                    ),
                    1 => (
                        pupil,
                        day,
                        60 * (1 + (x >> 50) % 30),
                        "late",
                        "minutes",
                        None,
                    ),
                    2 => (pupil, day, amount, "excused", "days", None),
                    3 | 4 => (pupil, day, amount, "unexcused", "hours", None),
                    _ => (pupil, day, amount, "excused", "hours", None),
                }
            })
            .collect()
    }

    fn csv(rows: &[Row]) -> String {
        let mut out = String::from("pupil_id,date,hours,kind,unit,lesson\n");
        for &(pupil, day, amount, kind, unit, lesson) in rows {
            let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
                + chrono::Days::new(u64::try_from(day).unwrap());
            let lesson = lesson.map(|l| l.to_string()).unwrap_or_default();
            let hours = if amount % 60 == 0 {
                (amount / 60).to_string()
            } else {
                format!("{}/2", amount / 30)
            };
            writeln!(out, "{pupil},{date},{hours},{kind},{unit},{lesson}").unwrap();
        }
        out
    }

    fn parquet(batch: &RecordBatch, path: &Path) {
        let props = WriterProperties::builder()
            .set_max_row_group_row_count(Some(1_000))
            .build();
        let file = std::fs::File::create(path).unwrap();
        let mut w = ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
        w.write(batch).unwrap();
        w.close().unwrap();
    }

    fn records_batch(rows: &[Row]) -> RecordBatch {
        #[expect(clippy::cast_precision_loss, reason = "small amounts")]
        let hours = rows.iter().map(|r| r.2 as f64 / 60.0);
        RecordBatch::try_from_iter([
            (
                "pupil_id",
                Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.0))) as ArrayRef,
            ),
            (
                "date",
                Arc::new(Date32Array::from_iter_values(rows.iter().map(|r| r.1))),
            ),
            ("hours", Arc::new(Float64Array::from_iter_values(hours))),
            (
                "kind",
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.3))),
            ),
            (
                "unit",
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.4))),
            ),
            (
                "lesson",
                Arc::new(rows.iter().map(|r| r.5).collect::<UInt8Array>()),
            ),
        ])
        .unwrap()
    }

    fn roster(pupils: i64) -> (String, RecordBatch) {
        let mut text = String::from("pupil_id,school_id,level\n");
        for id in 1..=pupils {
            let level = if id % 7 == 0 { "preschool" } else { "school" };
            writeln!(text, "{id},SU-{},{level}", id % 4).unwrap();
        }
        let ids: Vec<i64> = (1..=pupils).collect();
        let batch = RecordBatch::try_from_iter([
            (
                "pupil_id",
                Arc::new(Int64Array::from(ids.clone())) as ArrayRef,
            ),
            (
                "school_id",
                Arc::new(StringArray::from_iter_values(
                    ids.iter().map(|id| format!("SU-{}", id % 4)),
                )),
            ),
            (
                "level",
                Arc::new(StringArray::from_iter_values(
                    ids.iter()
                        .map(|id| if id % 7 == 0 { "preschool" } else { "school" }),
                )),
            ),
        ])
        .unwrap();
        (text, batch)
    }

    #[test]
    fn parquet_and_csv_give_the_same_output() {
        let d = dir("parquet-cli");
        let rows = generated(12_000, 300);
        let (roster_csv, roster_batch) = roster(300);
        let files = [
            ("records.csv", None),
            ("roster.csv", None),
            ("records.parquet", Some(records_batch(&rows))),
            ("roster.pq", Some(roster_batch)),
            ("records.bin", Some(records_batch(&rows))),
        ];
        for (name, batch) in &files {
            let path = d.join(name);
            match (batch, *name) {
                (Some(b), _) => parquet(b, &path),
                (None, "records.csv") => std::fs::write(&path, csv(&rows)).unwrap(),
                (None, _) => std::fs::write(&path, &roster_csv).unwrap(),
            }
        }
        let p = |name: &str| d.join(name).to_str().unwrap().to_owned();
        let (csv_in, pq_in) = (
            [p("records.csv"), p("roster.csv")],
            [p("records.parquet"), p("roster.pq")],
        );
        let mixed = [p("records.parquet"), p("roster.csv")];
        for flags in [
            &["--preset", "bulgaria-isrm"][..],
            &["--preset", "bulgaria-isrm", "--json"],
            &["--preset", "bulgaria-isrm", "--signals", "--json"],
            &["--profile", "bg", "--summary", "--locale", "pl"],
            &["--profile", "chronic", "--json"],
        ] {
            let args = |files: &[String]| -> Vec<String> {
                files
                    .iter()
                    .cloned()
                    .chain(flags.iter().map(|s| (*s).to_owned()))
                    .collect()
            };
            let strs = |v: &[String]| -> Vec<String> { v.to_vec() };
            let from_csv = run(&strs(&args(&csv_in))
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>());
            assert!(
                from_csv.status.code().is_some_and(|c| c <= 1),
                "{}",
                String::from_utf8_lossy(&from_csv.stderr)
            );
            let csv_out = String::from_utf8(from_csv.stdout).unwrap();
            assert!(csv_out.len() > 500, "{csv_out}");
            for files in [&pq_in, &mixed] {
                let o = run(&args(files).iter().map(String::as_str).collect::<Vec<_>>());
                assert_eq!(
                    o.status.code(),
                    from_csv.status.code(),
                    "{}",
                    String::from_utf8_lossy(&o.stderr)
                );
                let out = String::from_utf8(o.stdout).unwrap();
                if flags.contains(&"--json") {
                    assert_eq!(out, csv_out, "{flags:?}");
                } else {
                    // The first line says what was read; the rest is the report.
                    let (head, rest) = out.split_once('\n').unwrap();
                    assert_eq!(rest, csv_out.split_once('\n').unwrap().1, "{flags:?}");
                    if files == &pq_in {
                        assert!(head.contains("Parquet") && head.contains("12"), "{head}");
                    }
                }
            }
        }
        // `--format parquet` for a file of another extension; `--format csv` refuses Parquet.
        let o = run(&[
            &p("records.bin"),
            &p("roster.pq"),
            "--format",
            "parquet",
            "--json",
        ]);
        let csv_json = run(&[&p("records.csv"), &p("roster.csv"), "--json"]);
        assert_eq!(o.stdout, csv_json.stdout);
        let o = run(&[
            &p("records.parquet"),
            &p("roster.csv"),
            "--format",
            "csv",
            "--json",
        ]);
        assert_eq!(o.status.code(), Some(3));
        // A damaged Parquet file: a typed error naming it.
        let bytes = std::fs::read(d.join("records.parquet")).unwrap();
        std::fs::write(d.join("cut.parquet"), &bytes[..bytes.len() / 2]).unwrap();
        let o = run(&[&p("cut.parquet"), &p("roster.csv"), "--locale", "en"]);
        assert_eq!(o.status.code(), Some(3));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("is not a Parquet file") && err.contains("cut.parquet"),
            "{err}"
        );
        std::fs::remove_dir_all(&d).unwrap();
    }
}

/// Without the feature a Parquet file is refused with a message saying how to enable it.
#[cfg(not(feature = "absence-parquet"))]
#[test]
fn without_the_feature_parquet_is_refused_with_the_way_to_enable_it() {
    let d = dir("no-parquet-cli");
    let (records, roster) = (d.join("records.parquet"), d.join("roster.csv"));
    std::fs::write(&records, b"PAR1").unwrap();
    std::fs::write(&roster, "pupil_id,school_id,level\n1,SU-1,school\n").unwrap();
    let files = [records.to_str().unwrap(), roster.to_str().unwrap()];
    for (locale, words) in [
        ("pl", "zbuduj go z opcją „--features absence-parquet”"),
        ("bg", "компилирайте я с „--features absence-parquet“"),
        ("en", "build it with “--features absence-parquet”"),
    ] {
        let o = run(&[files[0], files[1], "--locale", locale]);
        assert_eq!(o.status.code(), Some(3));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(words) && err.contains("examples.parquet_not_built"),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&d).unwrap();
}
