"""Presenter mode / 演示模式: the slides for the big screen at the mayors' joint meeting (no sidebar)."""

from hbeu_dash.ui import present, state

present.render_presentation(state.current_filters())
