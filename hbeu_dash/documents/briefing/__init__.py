"""The offline briefing: a Jinja2 template rendered to one self-contained HTML file, printed to PDF by Chromium."""
