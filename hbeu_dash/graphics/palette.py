"""The colours of the data on every chart, the map, the slides and the briefing: one per city, one per project stage,
and their twins on the dark big screen (大屏). Colour-blind safe, and on the dark screen readable (contrast ≥ 4.5:1)."""

# One colour per city on every chart and the map (Okabe–Ito, colour-blind safe).
CITY_COLORS = {
    "hohhot": "#0072B2",
    "baotou": "#E69F00",
    "ordos": "#009E73",
    "ulanqab": "#CC79A7",
    "region": "#555555",
    "multi": "#8C8C8C",
}
# Project stages, light to dark along the stage order (colour-blind safe, viridis-like); no stage = grey.
STATUS_COLORS = {
    "proposed": "#FDE725",
    "planned": "#B5DE2B",
    "preliminary_work": "#6CCE59",
    "under_construction": "#1F9E89",
    "main_works_completed": "#26828E",
    "completed": "#3E4989",
    "in_operation": "#440154",
    "promoted": "#A0A0A0",
}
# The dark big-screen theme (大屏): each colour above replaced by one with contrast ≥ 4.5:1 on DARK_BACKGROUND, cities
# and stages still distinct and in the same order.
DARK_BACKGROUND = "#0f172a"
DARK_TEXT = "#e2e8f0"
DARK_COLORS = {
    CITY_COLORS["hohhot"]: "#56B4E9",
    CITY_COLORS["region"]: "#A3A3A3",
    STATUS_COLORS["main_works_completed"]: "#46A6C9",
    STATUS_COLORS["completed"]: "#7E8FE8",
    STATUS_COLORS["in_operation"]: "#B48CF2",
    "#D55E00": "#F0803C",  # the timeline's meetings (charts.EVENT_COLORS)
    "#56B4E9": "#A5D8F3",  # the timeline's policies, kept apart from the plans' (Hohhot's) new #56B4E9
    "#555555": "#A3A3A3",
    "#333333": "#CBD5E1",  # bar outlines and waterfall totals
    "#BBBBBB": "#64748B",  # zero lines
    "#E5E5E5": "#334155",  # grid lines
}


def city_color(cities: str) -> str:
    """The colour of a city, grey for the region, a neutral grey for a pair of cities."""
    return CITY_COLORS.get(cities, CITY_COLORS["multi"])
