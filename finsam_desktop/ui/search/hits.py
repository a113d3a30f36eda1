"""The search hits as a list model whose texts are small HTML snippets, and the delegate
that paints them (matches in bold)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services.decisions import MARK_END, MARK_START, SearchHit

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1


def marked_html(text: str) -> str:
    """User text escaped for HTML, with the search's match markers turned into <b>…</b>."""
    escaped = html.escape(" ".join(text.split()))
    # Only whole marker pairs become tags, so a cut-off snippet cannot leave a tag open.
    out, bold = [], False
    for char in escaped:
        if char == MARK_START and not bold:
            out.append("<b>")
            bold = True
        elif char == MARK_END and bold:
            out.append("</b>")
            bold = False
        elif char not in (MARK_START, MARK_END):
            out.append(char)
    if bold:
        out.append("</b>")
    return "".join(out)


def plain(text: str) -> str:
    """The text without markers."""
    return " ".join(text.replace(MARK_START, "").replace(MARK_END, "").split())


def where(hit: SearchHit) -> str:
    """"2024-03-15 · § 12" (or "· on the agenda" before the minutes are numbered)."""
    number = f"§ {hit.number}" if hit.number is not None else _("on the agenda")
    return f"{format_date(hit.meeting_date)} · {number}"


def hit_html(hit: SearchHit) -> str:
    """Two lines: where and the title (matches bold), then the snippet in grey."""
    first = f"<span style='color:#555555'>{html.escape(where(hit))}</span>&nbsp;&nbsp;" \
            f"{marked_html(hit.title_marked)}"
    snippet = marked_html(hit.snippet)
    if not snippet:
        return first
    return f"{first}<br/><span style='color:#444444; font-size:small'>{snippet}</span>"


class HitsModel(QAbstractListModel):
    """The hits of the last search, best first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Replace the hits."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        """The hits shown (a copy)."""
        return list(self._hits)

    def retranslate(self) -> None:
        """Dates and "on the agenda" follow the language."""
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_html(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{where(hit)} {plain(hit.title_marked)}\n{plain(hit.snippet)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{where(hit)} {plain(hit.title_marked)}"
        if role == HitRole:
            return hit
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's DisplayRole as rich text (wrapped to the view's width)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        document.setTextWidth(max(option.rect.width() - 8, 100))  # type: ignore[attr-defined]
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""  # type: ignore[attr-defined]
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)  # type: ignore[attr-defined]
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        rect = option.rect  # type: ignore[attr-defined]
        painter.translate(rect.left() + 4, rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, rect.width() - 4, rect.height() - 2))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 6)
