"""A Markdown and an HTML article with every construct the formats translate
or keep: headings, links, emphasis, lists, a quote, an image with alt text,
a code span, a table, an escape and an entity."""

from __future__ import annotations

MARKDOWN = """\
---
title: Troops enter Sudzha
author: Jane Doe
---
# Troops *enter* Sudzha

Ukrainian troops entered [Sudzha](https://example.com/?p=2025 "The town") on
Tuesday, officials said. The **town** had `5,000` people before the war.
It is *calm. Very calm* now \\* and safe &amp; quiet.

> The city is ours, the commander said.\\
> Nobody believed him.

- Roads to the town are closed.
- A map ![Map of the Kursk region](map.png) shows the front.

| Town | People |
|------|--------|
| Sudzha | about *5,000* |

```
code block, not translated
```
"""

HTML = """\
<!DOCTYPE html>
<html lang="en">
<head><title>Sudzha</title><style>p { color: red }</style></head>
<body>
<nav><a href="/">Home page</a></nav>
<article class="story">
<h1>Troops <em>enter</em> Sudzha</h1>
<p>Ukrainian troops entered <a href="https://example.com/?p=2025" title="The town">Sudzha</a>
  on Tuesday, officials said. The <strong>town</strong> had <code>5,000</code> people.<br>
It is <em>calm. Very calm</em> now &amp; quiet.</p>
<blockquote><p>The city is ours, the commander said.</p></blockquote>
<ul>
<li>Roads to the town are closed.</li>
<li>A map <img src="map.png" alt="Map of the Kursk region"> shows the front.</li>
</ul>
<table><tr><th>Town</th><th>People</th></tr><tr><td>Sudzha</td><td>about 5,000</td></tr></table>
<script>var note = "Do not translate this.";</script>
</article>
<footer>Footer text.</footer>
</body>
</html>
"""


def count_segmenter_calls(monkeypatch) -> list[str]:
    """The paragraphs pysbd is asked to segment from now on, in order."""
    import pysbd

    asked: list[str] = []
    segment = pysbd.Segmenter.segment

    def counting(self, text):
        asked.append(text)
        return segment(self, text)

    monkeypatch.setattr(pysbd.Segmenter, "segment", counting)
    return asked
