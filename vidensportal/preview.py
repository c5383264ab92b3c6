"""The page `make serve` shows in place of the site while a rebuild fails: the Danish errors, and a reload by itself
once the files are fixed. Self-contained: no file of the last good site, nothing from another host."""

from __future__ import annotations

from markupsafe import escape

# The adapter answers this address with BUILD_OK or BUILD_FAILED; the error page asks it once a second.
STATUS_PATH = "/__vidensportalen/status"
BUILD_OK = "ok"
BUILD_FAILED = "fejl"

_PAGE = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portalen kan ikke bygges – Vidensportalen</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a40000; font-size: 1.6rem; }}
pre {{ background: #fff4f4; border-left: 4px solid #a40000; padding: 1rem; white-space: pre-wrap; font-size: 1rem; }}
</style>
</head>
<body>
<main>
<h1>Portalen kan ikke bygges</h1>
<p>Den seneste ændring har en fejl, så portalen blev ikke bygget. Beskeden nedenfor siger, hvilken fil og linje
det drejer sig om, og hvad der skal stå i stedet.</p>
<pre id="fejl">{report}</pre>
<p>Ret fejlen, og gem filen. Denne side skifter af sig selv tilbage til portalen, når bygningen lykkes.
De samme beskeder får du i terminalen med <code>make tjek</code>. Se også afsnittet om almindelige fejl i
"Sådan bidrager du" (docs/bidrag.md).</p>
</main>
<script>
(function poll() {{
  fetch("{status}", {{cache: "no-store"}})
    .then(function (answer) {{ return answer.text(); }})
    .then(function (state) {{ if (state === "{ok}") {{ location.reload(); }} else {{ setTimeout(poll, 1000); }} }})
    .catch(function () {{ setTimeout(poll, 2000); }});
}})();
</script>
</body>
</html>
"""


def error_page(report: str) -> str:
    """The whole HTML page for a failed build, with `report` (the build's Danish messages) escaped."""
    return _PAGE.format(report=escape(report.strip()), status=STATUS_PATH, ok=BUILD_OK)
