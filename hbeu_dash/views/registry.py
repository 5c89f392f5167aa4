"""The one page registry: app.py builds its navigation from it, the page tests open every page in it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """One page: its script under app_pages/, its title (an i18n key), its icon and its URL path."""

    script: str
    title_key: str
    icon: str
    url_path: str
    default: bool = False
    hidden: bool = False  # left out of the sidebar navigation (the slides and the paragraphs open by their URL)
    # Data entry: its script is registered only for a logged-in analyst. For anyone else its URL opens a stand-in
    # out of the navigation (ui/signin.py): the sign-in, then this page; or a viewer's "for analysts" notice.
    analyst_only: bool = False

    @property
    def path(self) -> str:
        """The script's path relative to the project root, as st.Page and AppTest.switch_page take it."""
        return f"app_pages/{self.script}"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview.py", "page_overview", ":material/dashboard:", "overview", default=True),
    PageSpec("services.py", "page_services", ":material/account_balance:", "services"),
    PageSpec("science.py", "page_science", ":material/science:", "science"),
    PageSpec("transport.py", "page_transport", ":material/train:", "transport"),
    PageSpec("timeline.py", "page_timeline", ":material/timeline:", "timeline"),
    PageSpec("trends.py", "page_trends", ":material/trending_up:", "trends"),
    PageSpec("explorer.py", "page_explorer", ":material/table:", "explorer"),
    PageSpec("quality.py", "page_quality", ":material/fact_check:", "quality"),
    PageSpec("present.py", "page_present", ":material/slideshow:", "present", hidden=True),
    PageSpec("evidence.py", "page_evidence", ":material/format_quote:", "evidence", hidden=True),
    PageSpec("add_data.py", "page_add_data", ":material/add_notes:", "add-data", analyst_only=True),
    PageSpec("history.py", "page_history", ":material/history:", "history", analyst_only=True),
)
PRESENT = "present"  # the url_path of the presenter's slides: no sidebar, no navigation, big type
EVIDENCE = "evidence"  # the url_path of the reader's paragraphs: opened by the links of cards, charts, tables, slides
TRENDS = "trends"  # the url_path of one indicator over time and across the four cities, opened from every card
TREND_PARAM = "indicator"  # its URL parameter: the indicator shown
