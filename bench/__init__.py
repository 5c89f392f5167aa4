"""Benchmark of HBEU Dash beside a bare Streamlit floor app: python -m bench (see bench/README.md)."""
