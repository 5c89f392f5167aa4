"""Pure graphics builders: tables → plotly charts and the city map (pydeck for the app, plotly for documents), with
the map's geography, the palette and the citation lines under a chart (attribution). Named graphics, not figures:
a "figure" here is a reported number (data/figures.csv).

May import: the model, i18n, paths, settings. Never Streamlit, a store or a view."""
