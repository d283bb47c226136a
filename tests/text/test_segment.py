"""Tests for marsad.text.segment: sentences and clauses as offsets."""

from marsad.text.segment import sentences

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
