"""Renderers of a medium a reader takes away: the briefing (HTML/PDF) and the exports (CSV/XLSX), and the HTML
fragments the app's pages share with the briefing.

May import: views, graphics, the model, i18n, and the store only to read one (briefing.build.load_scope, for the
command line). Never Streamlit."""
