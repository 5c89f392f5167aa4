"""Renderers of a medium a reader takes away: the briefing (HTML/PDF) and the exports (CSV/XLSX), and the HTML
fragments the app's pages share with the briefing.

May import: views, figures, the model, i18n. Never Streamlit."""
