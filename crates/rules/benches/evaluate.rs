//! Throughput of the signals (replaced by the full rule-set benchmark).
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn sentiment(c: &mut Criterion) {
    c.bench_function("sentiment", |b| {
        b.iter(|| baton_rules::signals::sentiment::compound(black_box("this is not good at all!")))
    });
}

criterion_group!(benches, sentiment);
criterion_main!(benches);
