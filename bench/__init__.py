"""Benchmarks of Verbatim: speed against peers, and retrieval quality (`python -m bench`)."""
