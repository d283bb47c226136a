"""Tests for marsad.text.segment: sentences and clauses as offsets."""

import pytest

from marsad.text.segment import MAX_SENTENCE, sentences

TEXT = (
    "قصفت قوات النظام بلدة كنصفرة، ما أدى إلى مقتل مدنيين. "
    "وقال ناشطون إن الطيران الروسي شن غارات على أريحا؛ فيما دارت اشتباكات في كفرنبل.\n\n"
    "وبلغت الخسائر 3.5 مليون دولار"
)


def test_sentences_and_offsets() -> None:
    sents = sentences(TEXT)
    assert [TEXT[s.start:s.end][:4] for s in sents] == ["قصفت", "وقال", "وبلغ"]
    assert TEXT[sents[-1].start:sents[-1].end].endswith("3.5 مليون دولار")  # no break inside 3.5


def test_clauses_split_at_commas_and_connectives() -> None:
    sents = sentences(TEXT)
    clauses = [TEXT[s:e] for s, e in sents[1].clauses]
    assert clauses[0].startswith("وقال ناشطون")
    assert any(c.startswith("فيما دارت اشتباكات") for c in clauses)
    for s in sents:
        for cs, ce in s.clauses:
            assert s.start <= cs < ce <= s.end
            assert TEXT[cs:ce] == TEXT[cs:ce].strip()


def _pieces(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


@pytest.mark.parametrize("unit", [
    "انسحبت القوات الروسية من مطار القامشلي في ريف الحسكة ",
    "قصفت قوات النظام بلدة كنصفرة وانسحبت القوات الروسية من مطار القامشلي ",
    "كنصفرة" * 40 + " ",
])
def test_a_long_run_without_punctuation_is_cut_into_bounded_sentences(unit: str) -> None:
    text = unit * 300
    pieces = _pieces(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE for p in pieces)
    # every word is kept, in order: the cuts fall between words
    assert " ".join(pieces).split() == text.split()


def test_a_long_run_is_cut_before_a_conjoined_verb_rather_than_inside_a_phrase() -> None:
    text = "قصفت قوات النظام بلدة كنصفرة وانسحبت القوات الروسية من مطار القامشلي " * 30
    assert all(p.startswith(("قصفت", "وانسحبت")) for p in _pieces(text))


def test_a_long_sentence_is_cut_after_a_comma_first() -> None:
    text = "قصفت قوات النظام بلدة كنصفرة " * 12 + "، " + "وانسحبت القوات الروسية من مطار القامشلي " * 10
    pieces = _pieces(text)
    assert len(pieces) == 2 and pieces[0].endswith("كنصفرة ،")
