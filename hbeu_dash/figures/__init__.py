"""Pure figure builders: tables → plotly charts and the city map (pydeck for the app, plotly for documents), with
the map's geography and the palette.

May import: the model, i18n, paths, settings. Never Streamlit, a store or a view."""
