"""Pure view models: what every screen shows (cards, chart specs, tables, event cards, the map), as plain text and
numbers built from the validated tables, the filters and the language. No Streamlit, no escaping: each renderer
(Streamlit pages, slides, the briefing) escapes for its own medium.

May import: graphics, the model, i18n. Never Streamlit, a store or intake (tests/test_layers.py)."""
