"""What a slide deck or a briefing covers: the validated tables, the filters and the data version, the source archive
the rows cite, and the selections derived from them (each computed once, on first use)."""

from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd

from hbeu_dash.model import checks, schema, transforms
from hbeu_dash.model.loaders import LoadResult
from hbeu_dash.model.verify import TextLookup
from hbeu_dash.views import events as event_views
from hbeu_dash.views import projects as project_views
from hbeu_dash.views.filters import Filters


@dataclass(frozen=True, eq=False)
class Scope:
    """The data under one set of filters, at one data version. Read-only: its tables are shared, never mutated."""

    result: LoadResult
    figures: pd.DataFrame | None  # every figure joined with its indicator and source; None when one is broken
    filters: Filters
    version: str
    # The store's archived texts by sha256 (Store.source_text). None: no archive was given, so no paragraph can be
    # shown (the briefing then says so for each source). Content-addressed by the text_sha256 of sources.csv, which
    # the data version covers: a scope cached per data version stays right.
    texts: TextLookup | None = None

    @property
    def lang(self) -> str:
        """The reader's language."""
        return self.filters.lang

    def table(self, name: str) -> pd.DataFrame | None:
        """One validated table, or None when its file is broken."""
        return self.result.tables.get(name)

    @cached_property
    def selected(self) -> pd.DataFrame | None:
        """The joined figures of the selected cities and sectors."""
        if self.figures is None:
            return None
        return transforms.filter_figures(self.figures, self.filters.cities, self.filters.sectors)

    @cached_property
    def in_sectors(self) -> pd.DataFrame | None:
        """The joined figures of the selected sectors in every city: what a four-city comparison draws, its places
        outside the city filter marked as not selected (views/charts.cities_chart)."""
        if self.figures is None:
            return None
        return transforms.filter_figures(self.figures, schema.CITY_IDS, self.filters.sectors)

    @cached_property
    def projects(self) -> tuple[pd.DataFrame, pd.DataFrame] | None:
        """The project reports under the filters (cited) and each project's current stage; None when broken."""
        projects, sources = self.table("projects"), self.table("sources")
        if projects is None or sources is None:
            return None
        reports = project_views.select_projects(projects, sources, self.filters)
        return reports, transforms.latest_project_reports(reports)

    @cached_property
    def conflicts(self) -> pd.DataFrame | None:
        """Disagreeing reports among the selected figures."""
        return None if self.selected is None else checks.find_conflicts(self.selected)

    @cached_property
    def timeline(self) -> pd.DataFrame | None:
        """Events touching the selected cities, one row per event with the sources reporting it."""
        events, sources = self.table("events"), self.table("sources")
        if events is None or sources is None:
            return None
        return event_views.build_timeline(events, sources, self.filters.cities)


def join_all(result: LoadResult) -> pd.DataFrame | None:
    """Figures joined with indicators and sources, or None when one of those tables is broken."""
    tables = result.tables
    if not {"figures", "indicators", "sources"} <= set(tables):
        return None
    return transforms.join_figures(tables["figures"], tables["indicators"], tables["sources"])


def with_texts(scope: Scope, texts: TextLookup) -> Scope:
    """The same scope reading its source texts from `texts` (the app's cached scope and its store's archive); the
    selections it already computed are shared, not computed again."""
    out = replace(scope, texts=texts)
    derived = [name for name, member in vars(Scope).items() if isinstance(member, cached_property)]
    out.__dict__.update({name: scope.__dict__[name] for name in derived if name in scope.__dict__})
    return out
