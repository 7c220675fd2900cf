//! Benchmarks of `edurules-deadline` (filled in by the crate's own issue).

use criterion::{Criterion, criterion_group, criterion_main};

fn placeholder(c: &mut Criterion) {
    c.bench_function("deadline/placeholder", |b| b.iter(|| std::hint::black_box(1_u32) + 1));
}

criterion_group!(benches, placeholder);
criterion_main!(benches);
