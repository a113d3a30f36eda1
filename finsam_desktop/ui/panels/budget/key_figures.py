"""The key figures and warnings shown above every budget tab: administration share,
individual/structural split, equity at the start and end of the year and against the
threshold, then every warning with its explanation (severe ones in red)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.budget import BASIS_LABELS, EquityYear, KeyFigures, Warning_
from finsam_desktop.formatting import format_money, format_share
from finsam_desktop.i18n import _
from finsam_desktop.ui.panels.budget.common import percent

SEVERE_STYLE = ("background: #fde8ea; color: #8a0012; border: 1px solid #e3a1aa; "
                "padding: 2px 6px;")
NOTICE_STYLE = ("background: #fdf3d8; color: #5c4400; border: 1px solid #e0c36a; "
                "padding: 2px 6px;")
CAPTION_STYLE = "color: #555555;"
VALUE_STYLE = "font-size: 12pt; font-weight: bold;"
ABOVE_STYLE = "font-size: 12pt; font-weight: bold; color: #9a5b00;"
NEGATIVE_STYLE = "font-size: 12pt; font-weight: bold; color: #b00020;"


def _share(ppm: int | None) -> str:
    return percent(ppm)


def _money(ore: int | None) -> str:
    return _("not known") if ore is None else format_money(ore)


class KeyFiguresBox(QFrame):
    """Four figures in a row (what each means in its tooltip) and the warnings below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyFigures")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#KeyFigures { background: #fafbfc; }")
        self.captions = [QLabel(self) for _ in range(4)]
        self.values = [QLabel(self) for _ in range(4)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(0)
        for column, (caption, value) in enumerate(zip(self.captions, self.values,
                                                      strict=True)):
            caption.setStyleSheet(CAPTION_STYLE)
            # A caption may be cut off in a narrow window (it is in the tooltip too); the
            # figures never push the window wider.
            caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setStyleSheet(VALUE_STYLE)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            grid.setColumnStretch(column, 1)
        self.warnings: list[QLabel] = []
        self._warnings_layout = QVBoxLayout()
        self._warnings_layout.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addLayout(self._warnings_layout)
        layout.addStretch(1)  # spare height (wrapped text is estimated) goes below
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_figures(self, figures: KeyFigures, equity: EquityYear | None) -> None:
        """Show the year's figures; `equity` is the year's link in the equity chain."""
        self.captions[0].setText(_("Administration share"))
        self.values[0].setText(_share(figures.admin_share_ppm))
        self.captions[0].setToolTip(_("Board, office and audit as a share of all costs "
                                      "(budget)."))
        self.captions[1].setText(_("Individual / structural"))
        self.values[1].setText(f"{_share(figures.individual_share_ppm)} / "
                               f"{_share(figures.structural_share_ppm)}")
        self.captions[1].setToolTip(_("Individual-targeted and structural activities as "
                                      "shares of the activities' budget."))
        if equity is None:
            self.captions[2].setText(_("Equity at the start → end of the year"))
            self.values[2].setText("—")
        else:
            self.captions[2].setText(_("Equity at the start → end ({basis})").format(
                basis=_(BASIS_LABELS[equity.basis])))
            self.values[2].setText(f"{_money(equity.opening_ore)} → {_money(equity.closing_ore)}")
        self.captions[2].setToolTip(_("The equity at the start of the year and at its end: by "
                                      "the actuals for a closed year, by the forecast for this "
                                      "year, by the budget for later years."))
        self.values[2].setStyleSheet(
            NEGATIVE_STYLE if equity is not None and (equity.closing_ore or 0) < 0
            else VALUE_STYLE)
        self.captions[3].setText(_("Equity / contributions (threshold {threshold})").format(
            threshold=format_share(figures.threshold_ppm)))
        self.captions[3].setToolTip(_("The equity at the end of the year as a share of the "
                                      "year's member contributions, against the threshold in "
                                      "the charter."))
        self.values[3].setText(_share(figures.equity_share_ppm))
        above = figures.equity_share_ppm is not None \
            and figures.equity_share_ppm > figures.threshold_ppm
        self.values[3].setStyleSheet(ABOVE_STYLE if above else VALUE_STYLE)
        for caption, value in zip(self.captions, self.values, strict=True):
            value.setToolTip(caption.toolTip())
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
        self._warnings_layout.invalidate()
        self.updateGeometry()  # fewer warnings: the box gives the room back

    def shown_warnings(self) -> list[tuple[str, bool, str]]:
        """(code, severe, text) of each warning on show."""
        return [(str(label.property("code")), bool(label.property("severe")), label.text())
                for label in self.warnings if label.text()]
