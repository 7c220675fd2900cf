//! The Parquet path (feature `parquet`): the same reports as the CSV path on the same data
//! (the documented Arrow schema and the plain types DuckDB and pandas write, each codec, many
//! row groups read on several threads), typed errors naming the file, the column, the row
//! group and the row in the file, and no panic on damaged files.

use std::sync::Arc;

use edurules_absence::arrow::arrow_array::types::Int8Type;
use edurules_absence::arrow::arrow_array::{
    ArrayRef, Date32Array, DictionaryArray, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray, UInt8Array, UInt64Array,
};
use edurules_absence::parquet::parquet::arrow::ArrowWriter;
use edurules_absence::parquet::parquet::basic::{Compression, ZstdLevel};
use edurules_absence::parquet::parquet::file::properties::WriterProperties;
use edurules_absence::parquet::parquet::file::reader::{FileReader, SerializedFileReader};
use edurules_absence::*;
use proptest::prelude::*;

use crate::arrow::{batch_of, csv_of, days, every_rule, generated, roster_batch, roster_csv};
use crate::support::d;

/// A Parquet file of `batches`, `rows_per_group` rows per row group, compressed with `codec`.
fn parquet_of(batches: &[RecordBatch], rows_per_group: usize, codec: Compression) -> Vec<u8> {
    let props = WriterProperties::builder()
        .set_max_row_group_row_count(Some(rows_per_group))
        .set_compression(codec)
        .build();
    let mut out = Vec::new();
    let mut w = ArrowWriter::try_new(&mut out, batches[0].schema(), Some(props)).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.close().unwrap();
    out
}

/// Records as DuckDB writes a table of `INTEGER`, `DATE`, `DOUBLE`, `VARCHAR` and pandas a
/// frame of `int64`, `float64` and `object` strings: plain strings, no dictionary, every unit
/// written out, lessons as nullable `Int32`.
fn plain_batch_of(records: &[AbsenceRecord]) -> RecordBatch {
    let text = |f: &dyn Fn(&AbsenceRecord) -> &'static str| {
        Arc::new(StringArray::from_iter_values(records.iter().map(f))) as ArrayRef
    };
    RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(Int64Array::from_iter_values(
                records.iter().map(|r| i64::try_from(r.pupil.0).unwrap()),
            )) as ArrayRef,
        ),
        (
            "date",
            Arc::new(Date32Array::from_iter_values(
                records.iter().map(|r| days(r.date)),
            )),
        ),
        (
            "hours",
            Arc::new(Float64Array::from_iter_values(records.iter().map(|r| {
                #[expect(clippy::cast_precision_loss, reason = "test amounts are small")]
                let s = r.amount.sixtieths() as f64;
                s / 60.0
            }))),
        ),
        ("kind", text(&|r| r.kind.as_str())),
        ("unit", text(&|r| r.unit.as_str())),
        (
            "lesson",
            Arc::new(
                records
                    .iter()
                    .map(|r| r.lesson.map(i32::from))
                    .collect::<Int32Array>(),
            ),
        ),
    ])
    .unwrap()
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("edurules-parquet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn setup(pupils: u64) -> (Roster, Planned, Window) {
    let (rows, _) = read_roster(roster_csv(pupils).as_bytes(), Mode::Strict).unwrap();
    let roster = Roster::new(rows).unwrap();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let mut planned = Planned::default();
    for id in 1..=pupils {
        for ym in window.months() {
            planned.set_month(PupilId(id), ym, Unit::Days, Quantity::whole(20));
        }
        planned.set_window(PupilId(id), Unit::Days, Quantity::whole(170));
    }
    (roster, planned, window)
}

#[test]
fn parquet_and_csv_give_the_same_report() {
    let pupils = 60;
    let (roster, planned, window) = setup(pupils);
    let roster_file = parquet_of(&[roster_batch(pupils)], 17, Compression::SNAPPY);
    assert_eq!(
        parquet::read_roster_bytes(roster_file.clone())
            .unwrap()
            .pupils(),
        roster.pupils()
    );
    let path = temp("roster.parquet", &roster_file);
    assert_eq!(
        parquet::read_roster_file(&path).unwrap().pupils(),
        roster.pupils()
    );
    let ev = Evaluator::new(every_rule(), window, &roster, &planned).unwrap();
    let codecs = [
        Compression::SNAPPY,
        Compression::ZSTD(ZstdLevel::default()),
        Compression::UNCOMPRESSED,
    ];
    for (seed, codec) in [1_u64, 0x9E37_79B9_7F4A_7C15, 42].into_iter().zip(codecs) {
        let records = generated(20_000, pupils, seed);
        let (from_csv, _) =
            accumulate_csv_bytes(&ev, csv_of(&records).as_bytes(), Mode::Strict).unwrap();
        let expected = ev.evaluate(&from_csv);
        assert!(!expected.flags.is_empty() && expected.stats.duplicates > 0);
        let documented: Vec<RecordBatch> = records.chunks(3_001).map(batch_of).collect();
        let plain: Vec<RecordBatch> = records.chunks(4_999).map(plain_batch_of).collect();
        // Rows grouped by pupil are folded run by run, rows in no order classified and applied
        // by partition: a file with both, batch by batch.
        let mut mixed = records.clone();
        if let Some(half) = mixed.get_mut(..10_000) {
            half.sort_by_key(|r| r.pupil);
        }
        let mixed: Vec<RecordBatch> = mixed.chunks(2_000).map(plain_batch_of).collect();
        for (name, batches) in [
            ("documented", documented),
            ("plain", plain),
            ("mixed", mixed),
        ] {
            let bytes = parquet_of(&batches, 2_500, codec);
            let (acc, summary) = parquet::accumulate_bytes(&ev, bytes.clone()).unwrap();
            assert_eq!((summary.rows, summary.row_groups), (20_000, 8), "{name}");
            assert_eq!(ev.evaluate(&acc), expected, "{name}, seed {seed}");
            let path = temp(&format!("{name}-{seed}.parquet"), &bytes);
            let (acc, _) = parquet::accumulate_file(&ev, &path).unwrap();
            assert_eq!(ev.evaluate(&acc), expected, "{name} file, seed {seed}");
        }
    }
}

/// One pupil's records with a bad kind at `bad` rows, 1 000 rows per row group.
fn with_bad_kinds(n: usize, bad: &[usize]) -> Vec<u8> {
    let kinds: Vec<&str> = (0..n)
        .map(|i| if bad.contains(&i) { "sick" } else { "excused" })
        .collect();
    let batch = RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(Int32Array::from(vec![1; n])) as ArrayRef,
        ),
        ("date", Arc::new(Date32Array::from(vec![17_500; n]))),
        ("hours", Arc::new(Int32Array::from(vec![1; n]))),
        ("kind", Arc::new(StringArray::from(kinds))),
    ])
    .unwrap();
    parquet_of(&[batch], 1_000, Compression::SNAPPY)
}

#[test]
fn errors_name_the_file_the_column_and_the_row_in_the_file() {
    let (roster, planned, window) = setup(3);
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let good = with_bad_kinds(10_000, &[]);
    assert_eq!(
        parquet::accumulate_bytes(&ev, good.clone())
            .unwrap()
            .1
            .row_groups,
        10
    );

    // Not Parquet: garbage, empty, truncated, a CSV file.
    for bytes in [
        b"pupil_id,date,hours,kind\n".to_vec(),
        Vec::new(),
        good[..good.len() - 9].to_vec(),
        b"PAR1\0\0\0\0PAR1".to_vec(),
    ] {
        let e = parquet::accumulate_bytes(&ev, bytes).unwrap_err();
        assert_eq!(e.code(), "absence.parquet_format", "{e}");
    }
    let path = temp(
        "records.csv",
        b"pupil_id,date,hours,kind\n1,2018-01-01,1,excused\n",
    );
    let e = parquet::accumulate_file(&ev, &path).unwrap_err();
    assert!(
        matches!(&e, AbsenceError::ParquetFormat { path: Some(p), .. } if p.ends_with("records.csv")),
        "{e:?}"
    );
    assert!(
        e.message(Locale::Pl)
            .contains("nie jest w formacie „Parquet”")
    );

    // The first bad row of the file, whatever the thread that met it.
    for _ in 0..5 {
        let e =
            parquet::accumulate_bytes(&ev, with_bad_kinds(10_000, &[7_777, 9_999])).unwrap_err();
        assert_eq!(e.code(), "absence.parquet_row");
        assert_eq!(
            e.to_string(),
            "Parquet data, row index 7,777, column “kind”: “sick” is not a kind of absence; use \
             “excused”, “unexcused” or “late”."
        );
        let e = parquet::accumulate_bytes(&ev, with_bad_kinds(10_000, &[9_999, 500])).unwrap_err();
        assert!(
            matches!(e, AbsenceError::ParquetRow { row: 500, .. }),
            "{e:?}"
        );
    }
    let path = temp("bad.parquet", &with_bad_kinds(3_000, &[2_001]));
    let e = parquet::accumulate_file(&ev, &path).unwrap_err();
    assert!(
        e.message(Locale::Bg)
            .contains("ред с индекс 2001, колона „kind“"),
        "{}",
        e.message(Locale::Bg)
    );
    assert!(e.message(Locale::En).contains("bad.parquet"), "{e}");

    // A missing column, a column of the wrong type.
    let batch = |date: ArrayRef| {
        RecordBatch::try_from_iter([
            ("pupil_id", Arc::new(Int32Array::from(vec![1])) as ArrayRef),
            ("date", date),
            ("amount", Arc::new(Int32Array::from(vec![1]))),
        ])
        .unwrap()
    };
    let no_kind = parquet_of(
        &[batch(Arc::new(Date32Array::from(vec![17_500])))],
        10,
        Compression::SNAPPY,
    );
    assert_eq!(
        parquet::accumulate_bytes(&ev, no_kind).unwrap_err(),
        AbsenceError::ParquetMissingColumn {
            path: None,
            column: "kind".into()
        }
    );
    let mut text_date = batch(Arc::new(StringArray::from(vec!["2018-01-01"])));
    text_date = RecordBatch::try_from_iter(
        text_date
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .zip(text_date.columns().iter().cloned())
            .chain([(
                "kind".to_owned(),
                Arc::new(StringArray::from(vec!["late"])) as ArrayRef,
            )]),
    )
    .unwrap();
    let e = parquet::accumulate_bytes(&ev, parquet_of(&[text_date], 10, Compression::SNAPPY))
        .unwrap_err();
    assert!(
        matches!(&e, AbsenceError::ParquetColumnType { column, found, .. } if column == "date" && found == "Utf8"),
        "{e:?}"
    );
}

#[test]
fn a_damaged_row_group_is_named() {
    let (roster, planned, window) = setup(3);
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let mut bytes = with_bad_kinds(5_000, &[]);
    let path = temp("damaged.parquet", &bytes);
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let chunk = reader.metadata().row_group(3).column(3).byte_range();
    // The page header of the `kind` column in row group 3.
    let start = usize::try_from(chunk.0).unwrap();
    bytes[start..start + 8].fill(0xFF);
    let e = parquet::accumulate_bytes(&ev, bytes).unwrap_err();
    assert!(
        matches!(e, AbsenceError::ParquetRowGroup { row_group: 3, .. }),
        "{e:?}"
    );
    assert!(
        e.message(Locale::Pl)
            .starts_with("Nie można odczytać grupy wierszy o indeksie 3")
    );
}

/// A codec this build lacks (Brotli; the file written by DuckDB 1.x with
/// `COPY ... (FORMAT parquet, COMPRESSION brotli)`): the row group is refused, naming the codec.
#[test]
fn a_codec_not_built_is_a_row_group_error() {
    let (roster, planned, window) = setup(3);
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/records_brotli.parquet");
    let e = parquet::accumulate_file(&ev, &path).unwrap_err();
    assert!(
        matches!(e, AbsenceError::ParquetRowGroup { row_group: 0, .. }),
        "{e:?}"
    );
    assert!(e.to_string().to_lowercase().contains("brotli"), "{e}");
}

/// Four files found by the fuzz target `absence_parquet`: a row group whose pages hold 4 rows
/// where its footer announces 1 (the summary said 1 row read while 4 records were counted),
/// a column chunk with a negative offset (the parquet crate's `byte_range` panicked), a
/// dictionary-encoded page without its dictionary page (the parquet crate panics with
/// "Decoder for dict should have been set"; the library catches it), and damaged definition
/// levels (an assertion of `arrow-buffer`'s bit chunk iterator fails inside the parquet
/// crate's decoding; caught too). All are refused as damaged row groups, never read in part.
#[test]
fn footers_that_disagree_with_the_pages_are_refused() {
    let (roster, planned, window) = setup(3);
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for file in [
        "fuzz-crash-row-count.parquet",
        "fuzz-crash-negative-offset.parquet",
        "fuzz-crash-dictionary-decoder.parquet",
    ] {
        let e = parquet::accumulate_file(&ev, &data.join(file)).unwrap_err();
        assert_eq!(e.code(), "absence.parquet_row_group", "{file}: {e:?}");
    }
    // A roster file (it has no `date` column).
    let file = "fuzz-crash-definition-levels.parquet";
    let e = parquet::read_roster_file(&data.join(file)).unwrap_err();
    assert_eq!(e.code(), "absence.parquet_row_group", "{file}: {e:?}");
}

/// Found by the fuzz target `absence_parquet`: 869 bytes whose footer claims 44,135,544,446
/// rows. The roster is refused before a row is read or memory is reserved for them.
#[test]
fn a_roster_footer_claiming_billions_of_rows_is_refused_before_reading() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz-roster-billions-of-rows.parquet");
    let e = parquet::read_roster_file(&data).unwrap_err();
    assert_eq!(
        e,
        AbsenceError::TooManyPupils {
            count: 44_135_544_446
        }
    );
    assert_eq!(e.code(), "absence.too_many_pupils");
}

#[test]
fn roster_errors_name_the_row_in_the_file() {
    let mut batches = vec![roster_batch(40)];
    batches.push(roster_batch(1)); // pupil 1 again, in another row group
    let e = parquet::read_roster_bytes(parquet_of(&batches, 40, Compression::SNAPPY)).unwrap_err();
    assert_eq!(e, AbsenceError::DuplicatePupil { pupil: PupilId(1) });
    let bad = RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(UInt64Array::from(vec![11, 12, 13])) as ArrayRef,
        ),
        ("school_id", Arc::new(StringArray::from(vec!["A", "", "C"]))),
        (
            "level",
            Arc::new(DictionaryArray::<Int8Type>::from_iter(["school"; 3])),
        ),
        ("grade", Arc::new(UInt8Array::from(vec![Some(1); 3]))),
    ])
    .unwrap();
    let e = parquet::read_roster_bytes(parquet_of(&[roster_batch(5), bad], 5, Compression::SNAPPY))
        .unwrap_err();
    assert!(
        matches!(e, AbsenceError::ParquetRow { row: 6, .. }),
        "{e:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any cut or overwritten byte of a valid file: a typed Parquet error or a result, never a
    /// panic.
    #[test]
    fn damaged_files_never_panic(cut in 0_usize..20_000, at in 0_usize..20_000, byte: u8) {
        let (roster, planned, window) = setup(3);
        let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
        let mut bytes = with_bad_kinds(3_000, &[]);
        let len = bytes.len();
        bytes[at % len] = byte;
        bytes.truncate(len - cut % len);
        match parquet::accumulate_bytes(&ev, bytes.clone()) {
            Ok((_, summary)) => prop_assert!(summary.rows <= 3_000),
            Err(e) => prop_assert!(e.code().starts_with("absence.parquet"), "{e:?}"),
        }
        if let Err(e) = parquet::read_roster_bytes(bytes) {
            prop_assert!(e.code().starts_with("absence.parquet"), "{e:?}");
        }
    }

    /// However the file is cut into row groups, the report is the CSV path's.
    #[test]
    fn row_groups_do_not_change_the_report(rows_per_group in 1_usize..3_000, seed in 1_u64..u64::MAX) {
        let (roster, planned, window) = setup(20);
        let ev = Evaluator::new(every_rule(), window, &roster, &planned).unwrap();
        let records = generated(3_000, 20, seed);
        let (csv, _) = accumulate_csv_bytes(&ev, csv_of(&records).as_bytes(), Mode::Strict).unwrap();
        let bytes = parquet_of(&[plain_batch_of(&records)], rows_per_group, Compression::SNAPPY);
        let (acc, summary) = parquet::accumulate_bytes(&ev, bytes).unwrap();
        prop_assert_eq!(summary.row_groups, 3_000_u64.div_ceil(rows_per_group as u64));
        prop_assert_eq!(ev.evaluate(&acc), ev.evaluate(&csv));
    }
}
