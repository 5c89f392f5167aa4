"""HBEU Dash: sourced figures of the Hohhot–Baotou–Ordos–Ulanqab integration programme."""
