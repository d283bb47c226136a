"""The resolve stage through the pipeline: a side speaking about its own act is `claimed`."""

import pytest

from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(("text", "modality"), [
    # the defence ministry speaks for the army: claimed
    ("وقال المتحدث باسم وزارة الدفاع الروسية إن القوات الروسية انسحبت من مطار القامشلي.", "claimed"),
    ("أعلنت وزارة الدفاع التركية أن قواتها قصفت مواقع لحزب العمال الكردستاني في شمال العراق.", "claimed"),
    # a minister speaks about a militia his state backs: that is a report, not a claim
    ("قال وزير الخارجية الإيراني إن ميليشيا النجباء انسحبت من مدينة البوكمال.", "reported"),
    # activists are a third party
    ("قال ناشطون إن القوات الروسية انسحبت من مطار القامشلي.", "reported"),
])
def test_claimed_only_when_the_speaker_is_the_acting_side(pipeline: Pipeline, text: str, modality: str) -> None:
    doc = pipeline.run(text, published="2025-03-01")
    assert doc.events, text
    assert doc.events[0].modality == modality


def test_the_articles_own_outlet_is_not_a_third_party_source(pipeline: Pipeline) -> None:
    text = "وقال مراسل تلفزيون سوريا إن القوات الروسية انسحبت من مطار القامشلي."
    own = pipeline.run(text, published="2025-03-01", outlet="تلفزيون سوريا")
    other = pipeline.run(text, published="2025-03-01", outlet="عنب بلدي")
    assert other.events[0].attribution.source_name == "تلفزيون سوريا"
    assert other.events[0].modality == "reported"
    assert own.events[0].attribution.source_name is None  # the article's own reporter
    assert own.events[0].modality == "asserted"
