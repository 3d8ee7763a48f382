"""Evaluation helpers shared by the benchmarks (scorers written from their definitions)."""
