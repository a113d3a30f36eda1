"""The markup choke point: escaping, cleaning and cutting long text."""

from finsam_desktop.reports import text


def test_markup_escapes_everything_that_looks_like_markup():
    assert text.markup("if a<b and c>d") == "if a&lt;b and c&gt;d"
    assert text.markup("R&D &#99999999; <b>x</b>") == "R&amp;D &amp;#99999999; &lt;b&gt;x&lt;/b&gt;"
    assert text.markup("rad 1\nrad 2\r\nrad 3") == "rad 1<br/>rad 2<br/>rad 3"


def test_clean_drops_control_characters_but_keeps_letters_and_marks():
    kept = "Ŋ Č Đ Ł Ő – § € \u202e\u00ad مرحبا שלום 😀"
    assert text.clean(f"a\x00b\x07c\x1bd\x7f{kept}") == f"abcd{kept}"
    assert text.clean("a\tb") == "a b"
    assert text.clean("x\ud800y") == "xy"


def test_chunks_split_at_blank_lines_and_keep_every_character():
    source = "Första stycket\nrad två\n\n\nAndra stycket"
    assert text.chunks(source) == [["Första stycket\nrad två"], ["Andra stycket"]]


def test_long_text_is_cut_into_pieces_no_longer_than_the_limit():
    words = ("ord " * 30_000).strip()
    word = "x" * 25_000
    for source in (words, word, f"{words}\n{word}"):
        pieces = [p for block in text.chunks(source, 2000) for p in block]
        assert max(len(p) for p in pieces) <= 2000
        assert "".join("".join(pieces).split()) == "".join(source.split())
    assert len(text.chunks(words)[0]) > 50


def test_cut_at_a_space_when_there_is_one():
    source = "a" * 1500 + " " + "b" * 1500
    assert text.chunks(source, 2000) == [["a" * 1500, "b" * 1500]]
