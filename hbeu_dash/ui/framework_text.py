"""The framework's own words in the reader's language: the page's `lang`, and on Chinese pages Streamlit's English
(skip link, sidebar, multiselect, table toolbar, file uploader, plotly's mode bar titles that Streamlit adds) put
into Chinese in visible text and in what a screen reader announces (aria-label, title, placeholder, data-title).

No widget parameter reaches these words (the multiselect's `placeholder=` and plotly's locale, which do, are used
where they are made), so one small script watches the page and replaces them from the catalogue's FRAMEWORK_ZH; on
an English page it puts back what it replaced (a language switch keeps the same framework elements). It runs in
the page itself (`st.html(..., unsafe_allow_javascript=True)`, inside a hidden container) and fetches nothing.
"""

import json

import streamlit as st

from hbeu_dash.i18n import FRAMEWORK_ZH, FRAMEWORK_ZH_PATTERNS, LANGUAGE_NAMES

KEY = "hbeu-framework-text"
HTML_LANG = {"zh": "zh-CN", "en": "en"}
# The language switch's options, each named in its own language: marked so (lang=) on every page.
OWN_NAMES = {LANGUAGE_NAMES[code]: HTML_LANG[code] for code in LANGUAGE_NAMES}

SCRIPT = """<script>
(() => {
  const config = %(config)s;
  window.__hbeuText = config;
  document.documentElement.lang = config.htmlLang;
  if (window.__hbeuTextApply) { window.__hbeuTextApply(document.body); return; }
  const ATTRS = ["aria-label", "title", "placeholder", "data-title"];
  const SKIP = "script, style, noscript, [data-testid='stIconMaterial']";
  const replaced = [];  // [node, attribute or null, the framework's text]: put back on an English page
  const translate = (text) => {
    const words = window.__hbeuText.words, key = text.trim();
    if (!key || !/[A-Za-z]/.test(key)) return null;
    if (Object.prototype.hasOwnProperty.call(words, key)) return text.replace(key, words[key]);
    for (const [pattern, chinese] of window.__hbeuText.patterns) {
      const re = new RegExp(pattern);
      if (re.test(key)) return text.replace(key, key.replace(re, chinese));
    }
    return null;
  };
  const fixText = (node) => {
    if (!node.parentElement || node.parentElement.closest(SKIP)) return;
    const own = window.__hbeuText.ownNames[node.nodeValue.trim()];
    if (own) { node.parentElement.lang = own; return; }  // a language's own name, in its own language
    if (window.__hbeuText.lang !== "zh") return;
    const chinese = translate(node.nodeValue);
    if (chinese !== null) { replaced.push([node, null, node.nodeValue]); node.nodeValue = chinese; }
  };
  const fixAttributes = (element) => {
    if (window.__hbeuText.lang !== "zh") return;
    for (const name of ATTRS) {
      const value = element.getAttribute(name);
      const chinese = value ? translate(value) : null;
      if (chinese !== null) { replaced.push([element, name, value]); element.setAttribute(name, chinese); }
    }
  };
  const apply = (root) => {
    if (window.__hbeuText.lang !== "zh") {  // an English page: the framework's own words again
      for (const [node, name, text] of replaced.splice(0)) {
        if (name === null) node.nodeValue = text; else node.setAttribute(name, text);
      }
    }
    if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixAttributes(root);
    for (const element of root.querySelectorAll("[" + ATTRS.join("],[") + "]")) fixAttributes(element);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) fixText(node);
  };
  window.__hbeuTextApply = apply;
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "characterData") fixText(m.target);
      else if (m.type === "attributes") fixAttributes(m.target);
      else for (const node of m.addedNodes) apply(node);
    }
    if (replaced.length > 5000) replaced.splice(0, replaced.length - 5000);
  }).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
  });
  apply(document.body);
})();
</script>"""
STYLE = f"<style>.st-key-{KEY} {{ display: none; }}</style>"


def make_script(lang: str) -> str:
    """The script for a page in `lang` (its catalogue embedded as JSON; `<` escaped so no text can end it)."""
    config = {
        "lang": lang,
        "htmlLang": HTML_LANG.get(lang, "en"),
        "words": FRAMEWORK_ZH,
        "patterns": [list(p) for p in FRAMEWORK_ZH_PATTERNS],
        "ownNames": OWN_NAMES,
    }
    payload = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return SCRIPT % {"config": payload}


def render(lang: str) -> None:
    """Put the framework's words of this page into `lang` (a hidden element; the page's layout is untouched)."""
    with st.container(key=KEY):
        st.html(STYLE + make_script(lang), unsafe_allow_javascript=True)
