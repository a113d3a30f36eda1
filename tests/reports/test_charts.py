"""Charts for print (reports/charts.py): bars, lines, gaps, dashes, axis in tkr, labels."""

from __future__ import annotations

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Group, PolyLine, Rect, String

from finsam_desktop.domain.charts import PALETTE, Chart, ChartKind, Series, Unit
from finsam_desktop.reports.charts import draw_chart, nice_range
from finsam_desktop.reports.fonts import BOLD, FAMILY
from tests.reports.pdf_checks import fonts, squash, text

KR = 100


def areas() -> Chart:
    return Chart("areas", "Budget och utfall 2026", ChartKind.BARS, Unit.MONEY,
                 ("Styrelse", "Kansli", "Revision", "Insatser"),
                 (Series("Budget", (180_000 * KR, 820_000 * KR, 95_000 * KR, 3_430_000 * KR)),
                  Series("Utfall", (145_000 * KR, 701_000 * KR, None, 2_865_000 * KR),
                         PALETTE[1]),
                  Series("Prognos", (175_000 * KR, 837_000 * KR, 95_000 * KR, 3_437_000 * KR),
                         PALETTE[2], dashed=True)))


def cumulative() -> Chart:
    budget = tuple(round(4_525_000 * KR * m / 12) for m in range(1, 13))
    actual = tuple(371_000 * KR * m if m <= 10 else None for m in range(1, 13))
    return Chart("cumulative", "Kostnader", ChartKind.LINES, Unit.MONEY,
                 ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
                  "dec"),
                 (Series("Budget", budget, PALETTE[0], dashed=True),
                  Series("Utfall", actual, PALETTE[1])))


def strings(group: Group) -> list[String]:
    """Every String in a group, at any depth."""
    found = []
    for node in group.contents:
        if isinstance(node, String):
            found.append(node)
        elif isinstance(node, Group):
            found += strings(node)
    return found


def test_grouped_bars_one_per_value_none_skipped_dashed_series_pale_and_dashed():
    drawing = draw_chart(areas(), 400, 200)
    bars = drawing.bars.contents
    assert len(bars) == 11 and all(isinstance(b, Rect) for b in bars)  # 12 values, one None
    budget, actual, forecast = bars[0:4], bars[4:7], bars[7:11]
    assert all(b.strokeDashArray is None and b.fillColor.hexval() == "0x0072b2" for b in budget)
    assert all(b.fillColor.hexval() == "0xe69f00" for b in actual)
    assert all(b.strokeDashArray and b.strokeColor.hexval() == "0x009e73" for b in forecast)
    assert all(b.fillColor.hexval() != "0x009e73" for b in forecast)  # pale fill
    # grouped: a category's bars side by side, taller for more money
    assert budget[0].x < actual[0].x < forecast[0].x < budget[1].x
    assert budget[3].height > forecast[2].height > 0
    assert drawing.lines.contents == []


def test_lines_polyline_per_series_dashed_and_the_missing_months_left_out():
    drawing = draw_chart(cumulative(), 400, 200)
    lines = drawing.lines.contents
    assert len(lines) == 2 and all(isinstance(line, PolyLine) for line in lines)
    budget, actual = lines
    assert len(budget.points) == 24 and len(actual.points) == 20  # 12 and 10 points
    assert budget.strokeDashArray and not actual.strokeDashArray
    assert len(drawing.markers.contents) == 22
    assert drawing.bars.contents == []
    # the actual line goes up month by month and stops at October
    ys = actual.points[1::2]
    assert ys == sorted(ys) and actual.points[-2] < budget.points[-2]


def test_a_value_between_gaps_is_a_marker_and_gaps_split_the_line():
    chart = Chart("g", "Luckor", ChartKind.LINES, Unit.SHARE, tuple("abcdefg"),
                  (Series("s", (100_000, None, 200_000, 250_000, None, None, 50_000)),))
    drawing = draw_chart(chart, 300, 150)
    assert [len(line.points) // 2 for line in drawing.lines.contents] == [2]
    assert len(drawing.markers.contents) == 4
    assert all(isinstance(m, Circle) for m in drawing.markers.contents)


def test_money_axis_in_tkr_from_zero_with_nice_steps():
    drawing = draw_chart(areas(), 400, 200)
    labels = [squash(s.text) for s in drawing.axis_labels.contents]
    assert labels[-1] == "tkr"
    assert labels[:-1] == ["0", "1 000", "2 000", "3 000", "4 000"]
    share = Chart("s", "Andel", ChartKind.LINES, Unit.SHARE, ("a", "b"),
                  (Series("x", (241_989, 360_439)),))
    labels = [squash(s.text) for s in draw_chart(share, 300, 150).axis_labels.contents]
    assert labels == ["0", "10", "20", "30", "40", "%"]


def test_negative_values_go_below_the_zero_line():
    chart = Chart("n", "Avvikelse", ChartKind.BARS, Unit.MONEY, ("a", "b"),
                  (Series("x", (50_000 * KR, -20_000 * KR)),))
    drawing = draw_chart(chart, 300, 150)
    up, down = drawing.bars.contents
    assert down.y < up.y and down.y + down.height == pytest.approx(up.y)
    assert "-20" in [squash(s.text) for s in drawing.axis_labels.contents]


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0, 4.3, (0, 5, 1)), (0, 3430, (0, 4000, 1000)), (-1.2, 3, (-2, 3, 1)),
    (0, 0.07, (0, 0.08, 0.02)), (0, 0, (0, 1, 0.2)), (0, 1250, (0, 1250, 250)),
    (-500, -100, (-500, 0, 100))])
def test_nice_range(low, high, expected):
    assert nice_range(low, high) == pytest.approx(expected)


def test_legend_category_labels_and_threshold_in_the_font():
    chart = Chart("e", "Eget kapital", ChartKind.LINES, Unit.MONEY,
                  ("2026 (prognos)", "2027 (budget)"),
                  (Series("Eget kapital", (1_441_755_27, 1_064_755_27), PALETTE[2]),),
                  threshold=800_000 * KR, threshold_label="Gräns 20 %")
    drawing = draw_chart(chart, 300, 160, title=True)
    legend = [s.text for s in strings(drawing.legend)]
    assert legend == ["Eget kapital", "Gräns 20 %"]
    assert [s.text for s in strings(drawing.category_labels)] == ["2026 (prognos)",
                                                                 "2027 (budget)"]
    assert len(drawing.threshold.contents) == 1 and drawing.threshold.contents[0].strokeDashArray
    assert drawing.title.text == "Eget kapital" and drawing.title.fontName == BOLD
    every = [*strings(drawing.legend), *strings(drawing.category_labels),
             *strings(drawing.axis_labels)]
    assert all(s.fontName == FAMILY for s in every)


def test_long_category_labels_wrap_then_turn():
    two_words = Chart("c", "Medlemmar", ChartKind.BARS, Unit.MONEY,
                      ("Försäkringskassan", "Region Västra Götaland"),
                      (Series("x", (1, 2)),))
    lines = [s.text for s in strings(draw_chart(two_words, 300, 150).category_labels)]
    assert lines == ["Försäkringskassan", "Region Västra Götaland"] or \
        lines == ["Försäkringskassan", "Region Västra", "Götaland"]
    many = Chart("m", "Medlemmar", ChartKind.BARS, Unit.MONEY,
                 tuple(f"Kommunen nummer {i} med ett mycket långt namn" for i in range(12)),
                 (Series("x", tuple(range(12))),))
    drawing = draw_chart(many, 300, 150)
    turned = drawing.category_labels.contents
    assert len(turned) == 12 and all(isinstance(g, Group) and g.transform[1] > 0
                                     for g in turned)


def test_an_empty_chart_says_so():
    chart = Chart("x", "Tomt", ChartKind.BARS, Unit.MONEY, ("a", "b"),
                  (Series("x", (None, 0)),))
    drawing = draw_chart(chart, 300, 150)
    assert chart.is_empty() and drawing.empty.text
    assert len(drawing.bars.contents) == 1  # the 0 is a bar of no height


def test_drawn_into_a_pdf_with_labels_verbatim_and_only_the_embedded_font(tmp_path):
    chart = Chart("h", "<b>Titel</b> & R&D", ChartKind.BARS, Unit.MONEY,
                  ("<i>Åre</i> & Öland", "Ŋilla Čáhppes"),
                  (Series("Budget <x>", (10_000 * KR, 20_000 * KR)),))
    out = tmp_path / "chart.pdf"
    renderPDF.drawToFile(draw_chart(chart, 300, 150, title=True), str(out))
    found = text(out)
    for sample in ("<b>Titel</b> & R&D", "<i>Åre</i> & Öland", "Ŋilla Čáhppes", "Budget <x>"):
        assert sample in found
    assert all("DejaVuSans" in name and embedded for name, embedded in fonts(out))


def participants() -> Chart:
    return Chart("participants", "Deltagare per år", ChartKind.BARS, Unit.COUNT,
                 ("2024", "2025", "2026"),
                 (Series("Påbörjade", (12, 18, 59)), Series("Avslutade", (3, 10, 17),
                                                            PALETTE[1])))


def test_counts_are_plain_whole_numbers_on_the_axis_not_tkr():
    drawing = draw_chart(participants(), 300, 150)
    labels = [squash(s.text) for s in drawing.axis_labels.contents]
    assert labels == ["0", "20", "40", "60", "Antal"]  # Swedish: "Number" is "Antal"
    bars = drawing.bars.contents
    assert len(bars) == 6
    zero = bars[0].y
    # heights in proportion to the counts themselves (59 is 59/60 of the axis)
    assert bars[2].height / bars[0].height == pytest.approx(59 / 12)
    assert all(b.y == pytest.approx(zero) for b in bars)


def test_small_counts_get_whole_steps_never_fractions():
    chart = Chart("s", "Få", ChartKind.BARS, Unit.COUNT, ("a", "b"),
                  (Series("x", (2, 3)),))
    labels = [squash(s.text) for s in draw_chart(chart, 300, 150).axis_labels.contents]
    assert labels == ["0", "1", "2", "3", "Antal"]
    empty = Chart("e", "Inga", ChartKind.BARS, Unit.COUNT, ("a",), (Series("x", (0,)),))
    labels = [squash(s.text) for s in draw_chart(empty, 300, 150).axis_labels.contents]
    assert labels == ["0", "1", "Antal"]


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0, 2, (0, 2, 1)), (0, 0.4, (0, 1, 1)), (0, 12, (0, 15, 5)), (0, 59, (0, 60, 20)),
    (0, 1250, (0, 1250, 250)), (0, 0, (0, 1, 1))])
def test_nice_range_for_counts(low, high, expected):
    assert nice_range(low, high, whole=True) == pytest.approx(expected)


def test_count_axis_in_english(english):
    labels = [s.text for s in draw_chart(participants(), 300, 150).axis_labels.contents]
    assert labels[-1] == "Number"


def scores() -> Chart:
    return Chart("indicator-1", "Nöjdhet", ChartKind.LINES, Unit.DECIMAL, ("2024", "2025"),
                 (Series("Nöjdhet", (6_800, 7_250)),
                  Series("Mål", (7_500, 7_500), PALETTE[5], dashed=True)))


def test_decimals_are_drawn_as_the_numbers_they_are_with_decimals_on_the_axis():
    drawing = draw_chart(scores(), 300, 150)
    labels = [squash(s.text) for s in drawing.axis_labels.contents]
    assert labels == ["0", "2", "4", "6", "8", "Värde"]  # 6,8 not 6 800; Swedish caption
    actual, target = drawing.lines.contents
    zero, two = (line.y1 for line in drawing.grid.contents[:2])  # the grid lines at 0 and 2
    assert (actual.points[1] - zero) / (two - zero) * 2 == pytest.approx(6.8)
    assert (actual.points[3] - zero) / (two - zero) * 2 == pytest.approx(7.25)
    assert target.strokeDashArray
    small = Chart("s", "Snitt", ChartKind.BARS, Unit.DECIMAL, ("a", "b"),
                  (Series("x", (250, 1_500)),))
    labels = [squash(s.text) for s in draw_chart(small, 300, 150).axis_labels.contents]
    assert labels == ["0,0", "0,5", "1,0", "1,5", "Värde"]  # one number of decimals


def test_decimal_axis_never_has_more_than_three_decimals():
    tiny = Chart("t", "Litet", ChartKind.BARS, Unit.DECIMAL, ("a",), (Series("x", (2,)),))
    labels = [squash(s.text) for s in draw_chart(tiny, 300, 150).axis_labels.contents]
    assert labels == ["0,000", "0,001", "0,002", "Värde"]
    assert nice_range(0, 0.002, least=0.001) == pytest.approx((0, 0.002, 0.001))


def test_decimal_axis_in_english(english):
    labels = [s.text for s in draw_chart(scores(), 300, 150).axis_labels.contents]
    assert labels[-1] == "Value" and labels[-2] == "8"
    small = Chart("s", "Snitt", ChartKind.BARS, Unit.DECIMAL, ("a",), (Series("x", (1_500,)),))
    assert "1.5" in [s.text for s in draw_chart(small, 300, 150).axis_labels.contents]
