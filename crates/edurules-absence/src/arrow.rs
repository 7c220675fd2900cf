//! Arrow input and output (feature `arrow`): records and the roster from `RecordBatch`es, the
//! report as a `RecordBatch`. See the README, "Arrow".
//!
//! The column layouts are [`record_schema`], [`roster_schema`] and [`report_schema`]; records
//! are added with [`crate::Accumulator::push_arrow`] (or a whole stream of batches on several
//! threads with [`crate::Evaluator::accumulate_arrow`]), the roster read with [`read_roster`],
//! planned amounts with [`read_planned`], the report written with [`report_batch`].

mod columns;
mod input;
mod output;
mod planned;
mod schema;
mod stream;

/// The `arrow-array` crate this feature is built with, so callers use the same version.
pub use arrow_array;
/// The `arrow-schema` crate this feature is built with.
pub use arrow_schema;
#[cfg(feature = "parquet")]
pub(crate) use input::Rows;
pub use input::read_roster;
pub use output::report_batch;
pub use planned::{planned_schema, read_planned};
pub use schema::{record_schema, report_schema, roster_schema};
pub use stream::{MAX_STREAM_THREADS, StreamError};
