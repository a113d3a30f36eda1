"""The search dock: Ctrl+F puts the cursor in its box; Enter searches the minutes and moves
to the best hit; Enter (or a double-click) on a hit opens it in the Meetings panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_number
from finsam_desktop.i18n import _
from finsam_desktop.services import decisions
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.search.hits import HitRole, HitsModel, HtmlDelegate

LIMIT = 100


class SearchDock(QDockWidget):
    """Query box, a one-line status and the hits."""

    sig_open_paragraph = Signal(int, int)
    """Emitted with (meeting id, item id) when the user opens a hit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchDock")
        self._ctx = ctx
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model = HitsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        body = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(body)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.setWidget(body)
        self.setMinimumWidth(320)
        self.query.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.results.activated.connect(self._open_index)
        self.results.doubleClicked.connect(self._open_index)
        self.translate_ui()

    def translate_ui(self) -> None:
        """Set every text."""
        self.setWindowTitle(_("Search (Ctrl+F)"))
        self.query.setPlaceholderText(_("Words in the minutes…"))
        self.search_button.setText(_("Search"))
        self.hint.setText(_("All words must occur. \"Quotes\" find a phrase, a * at the end "
                            "of a word finds words that start with it. Enter opens a hit."))
        self.model.retranslate()

    def focus_query(self) -> None:
        """Show the dock and put the cursor in the query, its text selected."""
        self.show()
        self.raise_()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def clear(self) -> None:
        """Forget the hits (another file was opened)."""
        self.model.set_hits([])
        self.status.setText("")

    def run_search(self) -> None:
        """Search for what is typed; a hint instead of hits for unusable queries."""
        store = self._ctx.store
        if store is None:
            self._say(_("Open an agency file to search its minutes."))
            return
        try:
            hits = decisions.search(store, self.query.text(), limit=LIMIT)
        except FinsamError as error:
            self.model.set_hits([])
            self._say(str(error))
            return
        self.model.set_hits(hits)
        if not hits:
            self._say(_("No hits. Check the spelling, or search for fewer words."))
            return
        count = (_("1 hit") if len(hits) == 1 else
                 _("{n} hits").format(n=format_number(len(hits))))
        if len(hits) >= LIMIT:
            count = _("The first {n} hits, best first; add a word to narrow down.").format(
                n=LIMIT)
        self._say(count, ok=True)
        self.results.setCurrentIndex(self.model.index(0))
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.status.setStyleSheet("" if ok else "color: #9a5b00;")
        self.status.setText(text)

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HitRole) if index.isValid() else None
        if hit is not None:
            self.sig_open_paragraph.emit(hit.meeting_id, hit.item_id)

    def open_current(self) -> None:
        """Open the selected hit."""
        self._open_index(self.results.currentIndex())
