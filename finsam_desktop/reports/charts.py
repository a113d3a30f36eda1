"""Charts for print: one `domain.charts.Chart` drawn as vectors with reportlab.graphics.

`draw_chart(chart, width, height)` returns a `Drawing` (a flowable: put it straight into a
story or a table cell). The screens draw the same description with pyqtgraph, so paper and
screen show the same numbers in the same colours (NOTES.md: one description, two builders).

- BARS: one group of bars per category, one bar per series and value (None: no bar).
  A dashed series (a forecast, a plan) is drawn as a pale bar with a dashed outline.
- LINES: one polyline per series through the categories; None breaks the line, every
  point gets a small marker (so a value between two gaps still shows); dashed series are
  drawn dashed.
- Money (öre) is shown in thousands of kronor (tkr), shares (ppm) in per cent, counts
  (participants) as plain whole numbers under the caption "Antal", decimals (thousandths,
  such as an indicator's score) as numbers with decimals under "Värde"; the y-axis always
  includes 0 and has "nice" steps (1, 2, 2.5, 5 × 10ⁿ; for counts whole steps only:
  1, 2, 5, 10, 20, 25, 50 …).
- Category labels are wrapped onto two lines, or turned 45° when they still do not fit;
  the legend sits above the plot and wraps; the optional `threshold` is a dashed
  horizontal line, named in the legend.

Every piece of the drawing is reachable by name, for tests and for callers that restyle:
`drawing.bars` (one Rect per drawn bar), `drawing.lines` (one PolyLine per unbroken run),
`drawing.markers`, `drawing.legend`, `drawing.grid`, `drawing.axis_labels`,
`drawing.category_labels`. Every text is in the embedded DejaVu font and is drawn as a plain
string (no markup), after the same cleaning as all PDF text.
"""

from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from finsam_desktop.domain.charts import Chart, ChartKind, Series, Unit
from finsam_desktop.formatting import format_number
from finsam_desktop.i18n import _
from finsam_desktop.reports.fonts import BOLD, FAMILY, cover, register_fonts
from finsam_desktop.reports.text import clean

FONT_SIZE = 7.0
TITLE_SIZE = 9.0
AXIS_COLOUR = colors.Color(0.25, 0.25, 0.25)
GRID_COLOUR = colors.Color(0.85, 0.85, 0.85)
THRESHOLD_COLOUR = colors.Color(0.35, 0.35, 0.35)
DASH = (4, 2)
_SCALE = {Unit.MONEY: Decimal(100_000), Unit.SHARE: Decimal(10_000),  # öre → tkr, ppm → %
          Unit.COUNT: Decimal(1), Unit.DECIMAL: Decimal(1_000)}  # thousandths → the number
_GROUP_SHARE = 0.72  # part of a category's slot the bars of a group take
_MAX_LABEL_LINES = 2


def unit_caption(unit: Unit) -> str:
    """What the y-axis numbers are: "tkr", "%", "Antal" or "Värde"."""
    if unit is Unit.COUNT:
        return _("Number")
    if unit is Unit.DECIMAL:
        return _("Value")
    return _("SEK thousands") if unit is Unit.MONEY else "%"


def draw_chart(chart: Chart, width: float, height: float, *, title: bool = False) -> Drawing:
    """The chart as a Drawing of `width` × `height` points (title inside when asked)."""
    register_fonts()
    drawing = Drawing(width, height, initialFontName=FAMILY, initialFontSize=FONT_SIZE)
    for name in ("grid", "bars", "lines", "markers", "threshold", "axis_labels",
                 "category_labels", "legend"):
        drawing.add(Group(), name=name)
    top = height
    if title and chart.title:
        text = _text(chart.title)
        drawing.add(String(0, top - TITLE_SIZE, _fit(text, width, BOLD, TITLE_SIZE),
                           fontName=BOLD, fontSize=TITLE_SIZE, fillColor=colors.black),
                    name="title")
        top -= TITLE_SIZE + 5
    top -= _legend(drawing.legend, chart, width, top)

    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.threshold is not None:
        values.append(chart.threshold)
    scale = _SCALE[chart.unit]
    low, high, step = nice_range(float(min(values, default=0) / scale),
                                 float(max(values, default=0) / scale),
                                 whole=chart.unit is Unit.COUNT,
                                 least=0.001 if chart.unit is Unit.DECIMAL else 0.0)
    decimals = _decimals(step)
    tick_labels = [_number(low + i * step, decimals)
                   for i in range(round((high - low) / step) + 1)]
    caption = unit_caption(chart.unit)
    left = max([stringWidth(t, FAMILY, FONT_SIZE) for t in [*tick_labels, caption]]) + 5
    plot_width = max(width - left - 4, 10)
    count = max(len(chart.categories), 1)
    slot = plot_width / count
    labels = [_text(c) for c in chart.categories]
    bottom, placed = _category_layout(labels, slot, height)
    top -= FONT_SIZE + 4  # room for the unit caption and the top tick label
    plot_height = max(top - bottom, 10)

    def y_of(value: float) -> float:
        return bottom + (value - low) / (high - low) * plot_height

    def x_of(index: int) -> float:
        return left + slot * (index + 0.5)

    _grid(drawing, tick_labels, low, step, y_of, left, plot_width, caption, top)
    _category_labels(drawing.category_labels, placed, x_of, bottom)
    zero = y_of(0.0)
    drawing.grid.add(Line(left, zero, left + plot_width, zero, strokeColor=AXIS_COLOUR,
                          strokeWidth=0.8))
    drawing.grid.add(Line(left, bottom, left, bottom + plot_height, strokeColor=AXIS_COLOUR,
                          strokeWidth=0.6))
    if chart.kind is ChartKind.BARS:
        _bars(drawing.bars, chart.series, scale, slot, x_of, y_of, zero)
    else:
        _lines(drawing, chart.series, scale, x_of, y_of)
    if chart.threshold is not None:
        _threshold(drawing.threshold, chart, scale, left, plot_width, y_of)
    if chart.is_empty():
        message = _("No figures to show yet.")
        drawing.add(String(left + plot_width / 2, bottom + plot_height / 2, message,
                           fontName=FAMILY, fontSize=FONT_SIZE + 1, fillColor=AXIS_COLOUR,
                           textAnchor="middle"), name="empty")
    return drawing


# ---------------------------------------------------------------- scale


def nice_range(low: float, high: float, ticks: int = 5, *, whole: bool = False,
               least: float = 0.0) -> tuple[float, float, float]:
    """Axis bounds and step around [low, high], always including 0: steps of 1, 2, 2.5
    or 5 × 10ⁿ, about `ticks` of them. `whole` (counts): the step is a whole number (at
    least 1, never 2.5); `least`: the smallest step (0.001 for decimals: three at most)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:  # both 0: nothing to scale
        return (0.0, 1.0, 1.0) if whole else (0.0, 1.0, 0.2)
    raw = (high - low) / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if whole:
        step = 5.0 if step == 2.5 else max(1.0, step)
    step = max(step, least)
    return (math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step)


def _decimals(step: float) -> int:
    decimals = 0
    while decimals < 6 and abs(step * 10 ** decimals - round(step * 10 ** decimals)) > 1e-9:
        decimals += 1
    return decimals


def _number(value: float, decimals: int) -> str:
    return format_number(Decimal(f"{value:.{decimals}f}"), decimals)


# ---------------------------------------------------------------- pieces


def _text(value: str) -> str:
    """A label as the PDF can hold it (one line, control characters removed)."""
    text = " ".join(clean(value).split())
    cover(text)
    return text


def _fit(text: str, width: float, font: str = FAMILY, size: float = FONT_SIZE) -> str:
    """`text` cut with "…" so it is at most `width` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _colour(series: Series):
    return colors.HexColor(series.colour)


def _pale(colour) -> colors.Color:
    """The colour mixed with white (a dashed series' bar fill)."""
    return colors.Color(*(c + (1 - c) * 0.6 for c in (colour.red, colour.green, colour.blue)))


def _legend(group: Group, chart: Chart, width: float, top: float) -> float:
    """A swatch and label per series (a box for bars, a line for lines) and the threshold,
    left to right, wrapping; returns the height used."""
    entries = [(s.label, _colour(s), s.dashed, chart.kind is ChartKind.BARS)
               for s in chart.series]
    if chart.threshold is not None and chart.threshold_label:
        entries.append((chart.threshold_label, THRESHOLD_COLOUR, True, False))
    if not entries:
        return 0.0
    row_height = FONT_SIZE + 5
    x, y = 0.0, top - FONT_SIZE
    for text, colour, dashed, box in entries:
        label = _fit(_text(text), width - 16)
        needed = 16 + stringWidth(label, FAMILY, FONT_SIZE)
        if x and x + needed > width:
            x, y = 0.0, y - row_height
        if box:
            swatch = Rect(x, y - 0.5, 12, 6.5, fillColor=colour, strokeColor=None)
            if dashed:
                swatch.fillColor, swatch.strokeColor = _pale(colour), colour
                swatch.strokeWidth, swatch.strokeDashArray = 0.8, (2, 1.5)
            group.add(swatch)
        else:
            line = Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=colour, strokeWidth=1.6)
            if dashed:
                line.strokeDashArray = DASH
            group.add(line)
        group.add(String(x + 15, y, label, fontName=FAMILY, fontSize=FONT_SIZE,
                         fillColor=colors.black))
        x += needed + 10
    return top - y + 6


def _category_layout(labels: list[str], slot: float,
                     height: float) -> tuple[float, list[tuple[list[str], bool]]]:
    """The plot's bottom edge and each label as lines (turned 45° when they do not fit
    on two lines of the slot's width)."""
    room = slot - 3
    wrapped = [_wrap(label, room) for label in labels]
    fits = all(len(lines) <= _MAX_LABEL_LINES
               and all(stringWidth(line, FAMILY, FONT_SIZE) <= room for line in lines)
               for lines in wrapped)
    if fits:
        rows = max((len(lines) for lines in wrapped), default=1)
        return rows * (FONT_SIZE + 1.5) + 5, [(lines, False) for lines in wrapped]
    longest = min(max(stringWidth(label, FAMILY, FONT_SIZE) for label in labels),
                  height * 0.35 / math.sin(math.pi / 4))
    turned = [([_fit(label, longest)], True) for label in labels]
    return longest * math.sin(math.pi / 4) + FONT_SIZE + 6, turned


def _wrap(label: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in label.split(" "):
        if lines and stringWidth(f"{lines[-1]} {word}", FAMILY, FONT_SIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _category_labels(group: Group, placed, x_of, bottom: float) -> None:
    for index, (lines, turned) in enumerate(placed):
        x = x_of(index)
        if turned:
            label = Group(String(0, 0, lines[0], fontName=FAMILY, fontSize=FONT_SIZE,
                                 fillColor=colors.black, textAnchor="end"))
            label.transform = (math.cos(math.pi / 4), math.sin(math.pi / 4),
                               -math.sin(math.pi / 4), math.cos(math.pi / 4),
                               x + 2, bottom - 4)
            group.add(label)
            continue
        for row, line in enumerate(lines):
            group.add(String(x, bottom - (row + 1) * (FONT_SIZE + 1.5) - 1, line,
                             fontName=FAMILY, fontSize=FONT_SIZE, fillColor=colors.black,
                             textAnchor="middle"))


def _grid(drawing: Drawing, tick_labels: list[str], low: float, step: float, y_of,
          left: float, plot_width: float, caption: str, top: float) -> None:
    for i, label in enumerate(tick_labels):
        y = y_of(low + i * step)
        drawing.grid.add(Line(left, y, left + plot_width, y, strokeColor=GRID_COLOUR,
                              strokeWidth=0.4))
        drawing.axis_labels.add(String(left - 4, y - FONT_SIZE / 3, label, fontName=FAMILY,
                                       fontSize=FONT_SIZE, fillColor=AXIS_COLOUR,
                                       textAnchor="end"))
    drawing.axis_labels.add(String(left - 4, top + 4, caption, fontName=FAMILY,
                                   fontSize=FONT_SIZE, fillColor=AXIS_COLOUR, textAnchor="end"))


def _bars(group: Group, series: tuple[Series, ...], scale: Decimal, slot: float, x_of, y_of,
          zero: float) -> None:
    count = max(len(series), 1)
    bar = slot * _GROUP_SHARE / count
    for s_index, s in enumerate(series):
        colour = _colour(s)
        for index, value in enumerate(s.values):
            if value is None:
                continue
            x = x_of(index) - slot * _GROUP_SHARE / 2 + s_index * bar
            y = y_of(float(value / scale))
            rect = Rect(x + 0.4, min(y, zero), bar - 0.8, abs(y - zero), strokeWidth=0.8)
            if s.dashed:
                rect.fillColor, rect.strokeColor = _pale(colour), colour
                rect.strokeDashArray = (2, 1.5)
            else:
                rect.fillColor, rect.strokeColor = colour, None
            group.add(rect)


def _lines(drawing: Drawing, series: tuple[Series, ...], scale: Decimal, x_of, y_of) -> None:
    for s in series:
        colour = _colour(s)
        runs: list[list[float]] = []
        current: list[float] = []
        for index, value in enumerate(s.values):
            if value is None:
                if current:
                    runs.append(current)
                current = []
                continue
            x, y = x_of(index), y_of(float(value / scale))
            current += [x, y]
            drawing.markers.add(Circle(x, y, 1.7, fillColor=colour, strokeColor=None))
        if current:
            runs.append(current)
        for points in runs:
            if len(points) < 4:
                continue  # a single point: its marker shows it
            line = PolyLine(points, strokeColor=colour, strokeWidth=1.6,
                            strokeLineJoin=1, strokeLineCap=1)
            if s.dashed:
                line.strokeDashArray = DASH
                line.strokeLineCap = 0
            drawing.lines.add(line)


def _threshold(group: Group, chart: Chart, scale: Decimal, left: float, plot_width: float,
               y_of) -> None:
    """The reference line (its label is in the legend, where it never hides a bar)."""
    y = y_of(float(chart.threshold / scale))
    group.add(Line(left, y, left + plot_width, y, strokeColor=THRESHOLD_COLOUR,
                   strokeWidth=1, strokeDashArray=DASH))
