"""The text of a PDF's pages, read back with pypdf (the test extra)."""

from __future__ import annotations

import pytest

pypdf = pytest.importorskip("pypdf", reason="pypdf (the test extra) reads the report's text back")


def pdf_pages(path) -> list[str]:
    """Each page's text, spaces collapsed and the ligatures "ﬁ" and "ﬂ" undone."""
    reader = pypdf.PdfReader(str(path))
    texts = [page.extract_text() or "" for page in reader.pages]
    return [" ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split()) for text in texts]
