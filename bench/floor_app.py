"""Floor app for the benchmark: a bare page with one sidebar filter, one plotly chart and one pydeck map."""

import pandas as pd
import plotly.express as px
import pydeck as pdk
import streamlit as st

CITIES = {
    "hohhot": ("呼和浩特", 40.8424, 111.7490),
    "baotou": ("包头", 40.6574, 109.8403),
    "ordos": ("鄂尔多斯", 39.6086, 109.7813),
    "ulanqab": ("乌兰察布", 41.0341, 113.1329),
}
INDICATORS = [f"indicator_{i:02d}" for i in range(10)]

st.set_page_config(page_title="bench floor", layout="wide")
chosen = st.sidebar.multiselect("City", list(CITIES), default=list(CITIES))

rows = [
    {"city": city, "indicator": ind, "value": (i + 1) * (j + 3)}
    for i, city in enumerate(CITIES)
    if city in chosen
    for j, ind in enumerate(INDICATORS)
]
frame = pd.DataFrame(rows, columns=["city", "indicator", "value"])
st.title("Floor")
st.plotly_chart(px.bar(frame, x="indicator", y="value", color="city", barmode="group"), width="stretch")

places = [(c, n, lat, lon) for c, (n, lat, lon) in CITIES.items() if c in chosen]
points = pd.DataFrame(places, columns=["city", "name", "lat", "lon"]).assign(radius=8000)
layer = pdk.Layer(
    "ScatterplotLayer", points, get_position="[lon, lat]", get_radius="radius", get_fill_color=[200, 30, 0, 160]
)
view = pdk.ViewState(latitude=40.6, longitude=111.0, zoom=6)
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, map_provider=None, tooltip={"text": "{name}"}))
