"""Read, for Word documents (.docx): an issue's text, or a database's export, saved in Word, as the text
readers take it (``read.read_text``): a paragraph a line, a line break within one a line end, a page
break (or the end of a section that starts a new page) a form feed, a tab a tab; paragraphs of tables
row by row and of text boxes where they stand, each once. Uses ``lxml`` on the document's XML.
"""
from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .read import ParseError

WORD_SUFFIXES = (".docx",)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def word_text(path) -> str:
    """The text of a ``.docx`` file, a paragraph a line, pages split by form feeds (read once for the
    file as it stands: the test for a labelled export and the issue's reader both ask for it).

    Raises :class:`ParseError` naming the file when it is no Word document (not a zip of one, or without
    its ``word/document.xml``) or its XML cannot be read.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as e:
        raise ParseError(path, f"cannot be read: {e.strerror or e}") from None
    return _word_text(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _word_text(name: str, mtime_ns: int, size: int) -> str:
    path = Path(name)
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as e:
        raise ParseError(path, f"not a Word document (.docx): {type(e).__name__}: {e}") from None
    except OSError as e:
        raise ParseError(path, f"cannot be read: {e.strerror or e}") from None
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as e:
        raise ParseError(path, f"damaged Word document: {e}") from None
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for p in body.iter(f"{_W}p") if body is not None else ():
        if any(a.tag == f"{_MC}Fallback" for a in p.iterancestors()):
            continue                                    # a text box's second copy, for older readers
        props = p.find(f"{_W}pPr")
        if props is not None and props.find(f"{_W}pageBreakBefore") is not None and lines:
            lines.append("\f")
        lines.append("".join(_runs(p)))
        section = props.find(f"{_W}sectPr") if props is not None else None
        if section is not None:
            kind = section.find(f"{_W}type")
            if kind is None or kind.get(f"{_W}val") != "continuous":
                lines.append("\f")                      # a section ends and the next starts a page
    text = "\n".join(lines)
    return text.replace("\n\f\n", "\f").replace("\f\n", "\f").rstrip("\f\n") + "\n"


def _runs(p):
    """The text of a paragraph's runs in order, without the paragraphs nested in it (a text box's, read
    where ``word_text`` meets them) or fallback copies."""
    for el in p:
        tag = el.tag
        if tag in (f"{_W}p", f"{_MC}Fallback") or not isinstance(tag, str):
            continue
        if tag == f"{_W}t":
            yield el.text or ""
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\f" if el.get(f"{_W}type") == "page" else "\n"
        else:
            yield from _runs(el)
