"""The city-cluster map in two renderers over one set of layers: `deck` (pydeck, the app) and `figure` (its plotly
twin for the offline briefing and the slides); `common` holds what both draw. May import graphics, model, i18n."""

from hbeu_dash.graphics.maps.deck import make_city_deck
from hbeu_dash.graphics.maps.figure import make_city_figure, make_city_slide_figure

__all__ = ["make_city_deck", "make_city_figure", "make_city_slide_figure"]
