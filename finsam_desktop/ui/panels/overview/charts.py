"""The year at a glance: budget vs actual to date and forecast, equity against the
charter's threshold, and participants with the share that went on to work or studies —
each a line of figures and a small chart.

Start-up stays light: the figures (the equity chain reads every budget year) and pyqtgraph
(half a second to import) are loaded once the boxes have been painted, one step per turn
of the event loop (`QTimer`), so the window is on screen and answers in between. `load_now()`
does it at once (screenshots, tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from finsam_desktop.domain.budget import BASIS_LABELS
from finsam_desktop.domain.overview import Target
from finsam_desktop.formatting import format_money, format_percent
from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from finsam_desktop.domain.charts import Chart
    from finsam_desktop.services.overview import (
        BudgetGlance,
        EquityGlance,
        ParticipantsGlance,
    )

DELAY_MS = 30  # after the overview is shown, before the first step
CHART_HEIGHT = 190
HEADING_STYLE = "font-weight: bold; font-size: 10.5pt;"
TEXT_STYLE = "color: #333333;"
WARN_STYLE = "color: #9b0016;"
MUTED_STYLE = "color: #666666;"


class GlanceBox(QFrame):
    """A heading with a link, a line of figures, and a chart below (once loaded).

    The chart is drawn once by the pyqtgraph builder and shown as a picture: three live
    plots would cost some 60 ms each time the overview is shown again. The picture is drawn
    anew when the box has been resized (after a short pause) and keeps every figure of the
    chart in its tooltip."""

    sig_open = Signal()
    """The heading's link was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GlanceBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#GlanceBox { background: #ffffff; }")
        self.heading = QLabel(self)
        self.heading.setStyleSheet(HEADING_STYLE)
        self.link = QLabel(self)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.linkActivated.connect(lambda _href: self.sig_open.emit())
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setStyleSheet(TEXT_STYLE)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QLabel(self)  # above the chart: a legend inside a small one hides bars
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(MUTED_STYLE)
        self.placeholder.setMinimumHeight(CHART_HEIGHT)
        self.picture = QLabel(self)
        self.picture.setMinimumHeight(CHART_HEIGHT)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setVisible(False)
        self.chart: Chart | None = None
        """The chart shown (None: none yet)."""
        self._drawn_size = QSize()
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setSingleShot(True)
        self.redraw_timer.timeout.connect(self._draw)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.legend)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.picture, 1)

    def set_link(self, text: str) -> None:
        """The heading's link text (already translated)."""
        self.link.setText(f'<a href="#">{text}</a>')

    def set_text(self, text: str, *, warn: bool = False) -> None:
        """The line of figures."""
        self.text.setText(text)
        self.text.setStyleSheet(WARN_STYLE if warn else TEXT_STYLE)

    def set_waiting(self, text: str) -> None:
        """Show `text` where the chart will be (before it is loaded, or instead of it)."""
        self.chart = None
        self.picture.clear()
        self.picture.setVisible(False)
        self.legend.setVisible(False)
        self.placeholder.setText(text)
        self.placeholder.setVisible(True)

    def show_chart(self, chart: Chart) -> None:
        """Draw `chart` (imports pyqtgraph the first time)."""
        self.chart = chart
        self.legend.setText(legend_html(chart))
        self.legend.setVisible(True)
        self.picture.setToolTip(chart_tooltip(chart))
        self.placeholder.setVisible(False)
        self.picture.setVisible(True)
        self._draw()

    def _draw(self) -> None:
        """Draw the chart with the pyqtgraph builder at the picture's size, keep the image."""
        from finsam_desktop.ui.charts import build_chart, scaled

        chart = self.chart
        if chart is None:
            return
        size = self.picture.size()
        if size.width() < 100 or size.height() < CHART_HEIGHT:  # not laid out yet
            size = QSize(max(size.width(), self.width() - 16, 300), CHART_HEIGHT)
        widget = build_chart(chart)
        widget.getPlotItem().setTitle(None)  # the box's heading names it
        widget.legend.setVisible(False)  # shown above the chart instead (legend_html)
        values = [scaled(v, chart.unit) for s in chart.series for v in s.values
                  if v is not None]
        low, high = min([0.0, *values]), max([0.0, *values])
        widget.setYRange(low, high + (high - low) * 0.06 or 1, padding=0.02)
        widget.setMinimumHeight(0)
        widget.resize(size)
        self.picture.setPixmap(widget.grab())
        widget.deleteLater()
        self._drawn_size = size

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.chart is not None:
            drawn, now = self._drawn_size, self.picture.size()
            if abs(drawn.width() - now.width()) > 8 or abs(drawn.height() - now.height()) > 8:
                self.redraw_timer.start(150)  # once the resizing pauses


class Glance(QWidget):
    """Three boxes in a row, filled after the overview is shown."""

    sig_open_target = Signal(object)
    """A `Target` to show (a box's link)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year = 0
        self._stale = True
        self._steps: list[Callable[[], None]] = []
        self.budget = GlanceBox(self)
        self.equity = GlanceBox(self)
        self.participants = GlanceBox(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes():
            layout.addWidget(box, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._step)
        self.budget.sig_open.connect(lambda: self._open(Target("budget", "followup",
                                                               self._year)))
        self.equity.sig_open.connect(lambda: self._open(Target("budget", "charts", self._year)))
        self.participants.sig_open.connect(lambda: self._open(Target("activities", "",
                                                                     self._year)))

    def boxes(self) -> tuple[GlanceBox, GlanceBox, GlanceBox]:
        """Budget, equity, participants."""
        return self.budget, self.equity, self.participants

    def translate_ui(self) -> None:
        """Set every text (the figures follow at the next load)."""
        self.budget.set_link(_("Follow-up"))
        self.equity.set_link(_("Budget charts"))
        self.participants.set_link(_("Activities"))
        self._headings()

    def _headings(self) -> None:
        self.budget.heading.setText(_("Budget {year}").format(year=self._year))
        self.equity.heading.setText(_("Equity"))
        self.participants.heading.setText(_("Participants {year}").format(year=self._year))

    def _open(self, target: Target) -> None:
        self.sig_open_target.emit(target)

    # loading ----------------------------------------------------------------------------

    def is_loaded(self) -> bool:
        """True when the figures and charts on show are up to date."""
        return not self._stale

    def request(self, year: int) -> None:
        """Show `year`: the figures and charts are (re)loaded once the boxes are on show."""
        self._year = year
        self._stale = True
        self._steps = []
        self._headings()
        for box in self.boxes():
            if box.chart is None:
                box.set_text("")
                box.set_waiting(_("Loading the figures…"))
        self.update()  # the next paint starts the loading

    def paintEvent(self, event: QPaintEvent) -> None:
        """The boxes are on screen: load what is stale (after this paint is shown)."""
        super().paintEvent(event)
        if self._stale and not self.timer.isActive():
            self.timer.start(DELAY_MS)

    def load_now(self) -> None:
        """Do every pending step at once."""
        self.timer.stop()
        if not self._stale or not self._year or self._ctx.store is None:
            return
        if not self._steps:
            self._steps = self._plan()
        while self._steps:
            self._steps.pop(0)()
        self._stale = False

    def _plan(self) -> list[Callable[[], None]]:
        """The steps, each short enough not to be felt (importing pyqtgraph is the longest,
        about half a second, once per session)."""
        return [self._import, self._load_budget, self._load_equity, self._load_participants]

    def _import(self) -> None:
        import finsam_desktop.ui.charts  # noqa: F401 (pyqtgraph and numpy)

    def _step(self) -> None:
        if self._ctx.store is None or not self._year:  # the file was closed meanwhile
            return
        if not self.isVisible():  # another panel came first: go on when shown again
            return
        if not self._steps:
            self._steps = self._plan()
        self._steps.pop(0)()
        if self._steps:
            self.timer.start(0)  # the next step after the event loop has had its turn
        else:
            self._stale = False

    def _load_budget(self) -> None:
        from finsam_desktop.services import overview

        glance = overview.budget_glance(self._ctx.require_store(), self._year)
        if glance is None:
            text = _("There is no budget for {year} yet.").format(year=self._year)
            self.budget.set_text(text)
            self.budget.set_waiting("")
            return
        self.budget.set_text(budget_text(glance))
        self.budget.show_chart(glance.chart)

    def _load_equity(self) -> None:
        from finsam_desktop.services import overview

        glance = overview.equity_glance(self._ctx.require_store(), self._year)
        if glance is None:
            self.equity.set_text(_("Equity follows from the budgets."))
            self.equity.set_waiting("")
            return
        text, warn = equity_text(glance)
        self.equity.set_text(text, warn=warn)
        self.equity.show_chart(glance.chart)

    def _load_participants(self) -> None:
        from finsam_desktop.services import overview

        glance = overview.participants_glance(self._ctx.require_store(), self._year)
        self.participants.set_text(participants_text(glance))
        self.participants.show_chart(glance.chart)


def chart_tooltip(chart: Chart) -> str:
    """Every figure of the chart, series by series (the picture has no live tooltips)."""
    from finsam_desktop.ui.charts import format_value

    blocks = []
    for series in chart.series:
        lines = [series.label] + [f"  {category}: {format_value(value, chart.unit)}"
                                  for category, value in zip(chart.categories, series.values,
                                                             strict=False)
                                  if value is not None]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def legend_html(chart: Chart) -> str:
    """The series' names after a square in their colour (an open one for a forecast, plan
    or threshold: drawn dashed)."""
    from html import escape

    return "&nbsp;&nbsp; ".join(
        f'<span style="color:{s.colour}; font-size: 11pt;">{"□" if s.dashed else "■"}</span>'
        f"&nbsp;{escape(s.label)}" for s in chart.series)


def budget_text(glance: BudgetGlance) -> str:
    """Costs to date against the budget to date, and the forecast result."""
    from finsam_desktop.domain.governance_year import MONTHS

    report = glance.report
    costs = report.costs
    if report.through_month == 0:
        first = _("No actuals booked for {year} yet.").format(year=glance.year)
    else:
        first = _("Costs through {month}: {actual} of {budget} budgeted to date.").format(
            month=_(MONTHS[report.through_month - 1]).lower(),
            actual=format_money(costs.actual_ore, decimals=False),
            budget=format_money(costs.budget_to_date_ore, decimals=False))
    second = _("Forecast result: {forecast} (budget {budget}).").format(
        forecast=format_money(report.forecast_result_ore, decimals=False),
        budget=format_money(report.budget_result_ore, decimals=False))
    return f"{first} {second}"


def equity_text(glance: EquityGlance) -> tuple[str, bool]:
    """Closing equity as a share of the contributions, against the threshold; (text,
    above the threshold)."""
    equity = glance.equity
    threshold = format_percent(glance.threshold_ppm, 0)
    if equity is None or equity.closing_ore is None:
        return _("Equity unknown: enter the opening equity in the Budget panel (threshold "
                 "{threshold} of the contributions).").format(threshold=threshold), False
    share = equity.closing_share_ppm
    values = {"year": glance.year, "basis": _(BASIS_LABELS[equity.basis]),
              "amount": format_money(equity.closing_ore, decimals=False),
              "share": format_percent(share, 0) if share is not None else "—",
              "threshold": threshold}
    if glance.above_threshold:
        return _("End of {year} ({basis}): {amount}, {share} of the contributions — above "
                 "the threshold of {threshold}.").format(**values), True
    return _("End of {year} ({basis}): {amount}, {share} of the contributions (threshold "
             "{threshold}).").format(**values), False


def participants_text(glance: ParticipantsGlance) -> str:
    """Started and finished this year, and the share that went on to work or studies."""
    summary = glance.summary
    share = summary.work_or_studies_share_ppm
    if share is None:
        return _("{started} started, none finished yet.").format(started=summary.started)
    return _("{started} started, {finished} finished; {share} of them went on to work or "
             "studies.").format(started=summary.started, finished=summary.finished,
                                share=format_percent(share, 0))
