"""New data in: uploads read safely, a change set validated and committed through the store, a source's text, and
the article-to-figures assistant (extract).

May import: the model, the store, i18n. Never Streamlit, a view or a page."""
