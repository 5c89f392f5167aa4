"""What every screen is checked for in the browser, shared by the browser tests: axe-core's WCAG A/AA rules, the
framework's English on a Chinese page, Chinese outside quoted source text on an English page, and content cut off
at the screen's edge or labels drawn over each other in a chart."""

import glob
import os
import re
from pathlib import Path

import pytest

from hbeu_dash.paths import ROOT

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_path() -> Path:
    """axe.min.js (scripts/fetch_axe.py; `make test` fetches it): $AXE_JS, else the one in .venv. Missing, the test
    fails under CI and is skipped with the command to fetch it elsewhere."""
    found = os.environ.get("AXE_JS") or next(iter(sorted(glob.glob(str(ROOT / ".venv/axe-core-*/axe.min.js")))), "")
    path = Path(found) if found else None
    if path is None or not path.is_file():
        message = "axe-core not found ($AXE_JS or .venv/axe-core-*/axe.min.js): accessibility checks NOT RUN"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set; `make test` fetches it)")
        pytest.skip(message + " — run: make .venv/axe-core-4.14.1/axe.min.js")
    return path


def axe_violations(page: object, source: str) -> list[str]:
    """axe-core's WCAG 2.x A/AA violations on the page as it is now: 'rule (impact): target, …' per rule."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    results = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => [v.id, v.impact, v.nodes.slice(0, 4).map(n => n.target.join(' ')
                + (n.any[0] && n.any[0].message ? ' — ' + n.any[0].message.slice(0, 120) : ''))]);
        }""",
        WCAG_TAGS,
    )
    return [f"{rule} ({impact}): {' | '.join(targets)}" for rule, impact, targets in results]


# Text the reader sees or hears, with the language it is marked with: visible text nodes (not in script, style,
# noscript or a Material icon's ligature) and the aria-label, title, placeholder and data-title attributes.
TEXTS_JS = """() => {
    const SKIP = "script, style, noscript, template, [data-testid='stIconMaterial'], [aria-hidden='true']";
    const langOf = (e) => { const m = e && e.closest('[lang]'); return m ? m.getAttribute('lang') : ''; };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const e = n.parentElement, text = n.nodeValue.trim();
        if (!text || !e || e.closest(SKIP)) continue;
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0 && !e.closest('.js-plotly-plot')) continue;
        out.push(['text', text, langOf(e), !!e.closest('.js-plotly-plot')]);
    }
    for (const e of document.querySelectorAll('[aria-label], [title], [placeholder], [data-title]')) {
        if (e.closest('script, style, template')) continue;
        for (const a of ['aria-label', 'title', 'placeholder', 'data-title']) {
            const v = e.getAttribute(a);
            if (v && v.trim()) out.push([a, v.trim(), langOf(e), false]);
        }
    }
    return out;
}"""
# English prose: words of letters only, one capitalised or several (not an id, a file name, a URL or a unit).
ENGLISH = re.compile(r"^[A-Za-z][a-z]*(?:[ /][A-Za-z][a-z]*)*(?: [A-Z]{2,4})?[.…]?$")
NOT_PROSE = {"CSV", "Excel", "PNG", "PDF", "HTML", "URL", "OK", "HBEU", "Dash", "Plotly", "Streamlit"}
QUOTED = re.compile(r"“.*(”|$)")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def english_on_chinese_page(page: object) -> list[str]:
    """English words a Chinese page shows or announces, outside what is marked English (a language's own name)."""
    found = []
    for where, text, lang, _ in page.evaluate(TEXTS_JS):
        if lang.startswith("en") or text in NOT_PROSE or not ENGLISH.match(text):
            continue
        if " " in text or "/" in text or text[0].isupper():
            found.append(f"{where}: {text}")
    return sorted(set(found))


def chinese_on_english_page(page: object) -> list[str]:
    """Chinese an English page shows or announces outside text marked lang="zh…" (quoted sources)."""
    found = set()
    for where, text, lang, in_chart in page.evaluate(TEXTS_JS):
        if where != "text":  # an attribute cannot mark part of itself: its quotation (“…”) is the source's words
            text = QUOTED.sub("", text)
        elif in_chart:  # plotly's SVG labels cannot mark a part: a label's Chinese is a quoted term or gloss
            continue
        if CJK.search(text) and not lang.startswith("zh"):
            found.add(f"{where}: {text[:60]}")
    return sorted(found)


LAYOUT_JS = """() => {
    const W = window.innerWidth, out = [];
    const page = document.documentElement.scrollWidth;
    if (page > W + 1) out.push('page scrolls sideways: ' + page);
    const main = document.querySelector('[data-testid="stMain"]');
    if (main && main.scrollWidth > main.clientWidth + 1) out.push('main area scrolls sideways: ' + main.scrollWidth);
    const inScroller = (e) => e.closest('[data-testid="stDataFrame"], [data-testid="stTable"], .stDataFrame, '
        + '[data-testid="stCode"], pre, .js-plotly-plot, [data-testid="stDeckGlJsonChart"], [data-testid="stSidebar"]');
    for (const e of (main || document.body).querySelectorAll('h1, h2, h3, p, li, td, th, a, button, label, .kpi-card, '
            + '[data-testid="stPlotlyChart"], [data-testid="stDeckGlJsonChart"], [data-testid="stMetric"]')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || inScroller(e)) continue;
        if (r.right > W + 1 || r.left < -1) out.push('cut off at the edge: ' + (e.dataset.testid || e.tagName)
            + ' ' + (e.innerText || '').slice(0, 40).replace(/\\s+/g, ' '));
    }
    // a chart's own labels drawn over each other (tick labels, titles, annotations, legend entries)
    const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
        const own = plot.getBoundingClientRect();
        if (own.width < 60 || own.height < 60) return;  // a hidden preloading plot (the slides'), not a chart
        const labels = [...plot.querySelectorAll('.xtick text, .ytick text, .gtitle, .g-xtitle text, .g-ytitle text,'
            + ' .annotation-text, .legendtext')].filter(t => (t.textContent || '').trim())
            .map(t => [t.textContent.trim(), t.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
        for (let a = 0; a < labels.length; a++) for (let b = a + 1; b < labels.length; b++)
            if (overlap(labels[a][1], labels[b][1]))
                out.push(`chart ${i}: "${labels[a][0].slice(0, 30)}" over "${labels[b][0].slice(0, 30)}"`);
        const box = plot.getBoundingClientRect();
        const values = [...plot.querySelectorAll('.bartext, .textpoint text')].filter(t => (t.textContent || '').trim())
            .map(t => [t.textContent.trim(), t.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
        for (const [text, r] of [...labels, ...values])
            if (r.right > box.right + 2 || r.left < box.left - 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2)
                out.push(`chart ${i}: "${text.slice(0, 30)}" cut off`);
    });
    return out;
}"""


def layout_problems(page: object) -> list[str]:
    """Content cut off at the screen's edge (outside a table or chart that scrolls or clips by itself), a page that
    scrolls sideways, and a chart's labels over each other or outside it (a value written beside its bar or point
    included: plotly clips it at the plot's edge)."""
    return page.evaluate(LAYOUT_JS)
