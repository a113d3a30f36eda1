"""The key figures and warnings shown above every budget tab: administration share,
individual/structural split, equity at the start and end of the year and against the
threshold, then every warning with its explanation (severe ones in red)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from finsam_desktop.domain.budget import BASIS_LABELS, EquityYear, KeyFigures, Warning_
from finsam_desktop.formatting import format_money, format_share
from finsam_desktop.i18n import _
from finsam_desktop.ui.panels.budget.common import percent

SEVERE_STYLE = ("background: #fde8ea; color: #8a0012; border: 1px solid #e3a1aa; "
                "padding: 4px 6px;")
NOTICE_STYLE = ("background: #fdf3d8; color: #5c4400; border: 1px solid #e0c36a; "
                "padding: 4px 6px;")
CAPTION_STYLE = "color: #555555;"
VALUE_STYLE = "font-size: 12pt; font-weight: bold;"
ABOVE_STYLE = "font-size: 12pt; font-weight: bold; color: #9a5b00;"
NEGATIVE_STYLE = "font-size: 12pt; font-weight: bold; color: #b00020;"


def _share(ppm: int | None) -> str:
    return percent(ppm)


def _money(ore: int | None) -> str:
    return _("not known") if ore is None else format_money(ore)


class KeyFiguresBox(QFrame):
    """Four figures in a row and the warnings below them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyFigures")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#KeyFigures { background: #fafbfc; }")
        self.captions = [QLabel(self) for _ in range(4)]
        self.values = [QLabel(self) for _ in range(4)]
        self.details = [QLabel(self) for _ in range(4)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(0)
        for column, (caption, value, detail) in enumerate(
                zip(self.captions, self.values, self.details, strict=True)):
            caption.setStyleSheet(CAPTION_STYLE)
            value.setStyleSheet(VALUE_STYLE)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            detail.setStyleSheet(CAPTION_STYLE)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            grid.addWidget(detail, 2, column)
            grid.setColumnStretch(column, 1)
        self.warnings: list[QLabel] = []
        self._warnings_layout = QVBoxLayout()
        self._warnings_layout.setSpacing(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(grid)
        layout.addLayout(self._warnings_layout)

    def show_figures(self, figures: KeyFigures, equity: EquityYear | None) -> None:
        """Show the year's figures; `equity` is the year's link in the equity chain."""
        self.captions[0].setText(_("Administration share"))
        self.values[0].setText(_share(figures.admin_share_ppm))
        self.details[0].setText(_("board, office and audit of all costs"))
        self.captions[1].setText(_("Individual / structural"))
        self.values[1].setText(f"{_share(figures.individual_share_ppm)} / "
                               f"{_share(figures.structural_share_ppm)}")
        self.details[1].setText(_("of the activities' budget"))
        self.captions[2].setText(_("Equity at the start → end of the year"))
        if equity is None:
            self.values[2].setText("—")
            self.details[2].setText("")
        else:
            self.values[2].setText(f"{_money(equity.opening_ore)} → {_money(equity.closing_ore)}")
            self.details[2].setText(_("year end by the {basis}").format(
                basis=_(BASIS_LABELS[equity.basis])))
        self.values[2].setStyleSheet(
            NEGATIVE_STYLE if equity is not None and (equity.closing_ore or 0) < 0
            else VALUE_STYLE)
        self.captions[3].setText(_("Equity / the year's contributions"))
        self.values[3].setText(_share(figures.equity_share_ppm))
        above = figures.equity_share_ppm is not None \
            and figures.equity_share_ppm > figures.threshold_ppm
        self.values[3].setStyleSheet(ABOVE_STYLE if above else VALUE_STYLE)
        self.details[3].setText(_("threshold {threshold}").format(
            threshold=format_share(figures.threshold_ppm)))
        self._show_warnings(figures.warnings)

    def _show_warnings(self, warnings: Sequence[Warning_]) -> None:
        while len(self.warnings) < len(warnings):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._warnings_layout.addWidget(label)
            self.warnings.append(label)
        for label, warning in zip(self.warnings, warnings, strict=False):
            label.setText(("⛔ " if warning.severe else "⚠ ") + warning.text)
            label.setStyleSheet(SEVERE_STYLE if warning.severe else NOTICE_STYLE)
            label.setProperty("severe", warning.severe)
            label.setProperty("code", warning.code)
            label.setVisible(True)
        for label in self.warnings[len(warnings):]:
            label.setVisible(False)
            label.setText("")

    def shown_warnings(self) -> list[tuple[str, bool, str]]:
        """(code, severe, text) of each warning on show."""
        return [(str(label.property("code")), bool(label.property("severe")), label.text())
                for label in self.warnings if label.text()]
