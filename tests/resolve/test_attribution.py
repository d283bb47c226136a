"""Tests for marsad.resolve.attribution: source cues, their kind, name, medium and scope."""

from pathlib import Path

import pytest

from marsad.resolve.attribution import SourceCue, attribute, find_sources
from marsad.text.segment import sentences

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _attr(text: str, evidence: str):
    cues = find_sources(text, sentences(text))
    i = text.index(evidence)
    return attribute(text, sentences(text), cues, i, i + len(evidence))


@pytest.mark.parametrize(
    "text,evidence,kind,name,medium",
    [
        # قال / أفاد / ذكر / أكد with the speaker after the verb
        ("قال مصدر عسكري إن القوات انسحبت من البلدة.", "انسحبت من البلدة", "official", None, None),
        ("أفادت وزارة الدفاع التركية بأن قواتها أقامت نقطة جديدة.", "أقامت نقطة", "official",
         "وزارة الدفاع التركية", None),
        ("ذكرت وكالة رويترز أن الجيش نشر دبابات قرب الحدود.", "نشر دبابات", "media", "وكالة رويترز", "agency"),
        ("وأكد شهود عيان أن الطائرات قصفت السوق.", "قصفت السوق", "witness", None, None),
        ("وقال المرصد السوري لحقوق الإنسان إن اشتباكات اندلعت في الريف.", "اشتباكات اندلعت",
         "activists", "المرصد السوري لحقوق الإنسان", "monitor"),
        # the speaker before the verb
        ("ناشطون أكدوا أن الميليشيا انسحبت من الحي.", "انسحبت من الحي", "activists", None, None),
        ("وكانت وزارة الدفاع قد أعلنت، الجمعة، أن قواتها دخلت المدينة.", "دخلت المدينة", "official",
         "وزارة الدفاع", None),
        # بحسب / وفق / نقلاً عن
        ("وبحسب مصادر محلية، فقد وصلت تعزيزات إلى المطار.", "وصلت تعزيزات", "activists", None, None),
        ("انسحبت القوات من القاعدة، وفق تقرير لقناة الجزيرة.", "انسحبت القوات", "media", "قناة الجزيرة", "tv"),
        ("أخلت الميليشيا مقراتها نقلاً عن وكالة الأنباء العراقية.", "أخلت الميليشيا", "media",
         "وكالة الأنباء العراقية", "agency"),
        # مصادر / مراسل, with a chain: the more specific inner source wins over the outlet
        ("ونقل موقع الخابور عن مصادر مطلعة قولها إن الحرس الثوري نقل صواريخ إلى المطار.", "نقل صواريخ",
         "media", "موقع الخابور", "website"),
        ("ونقلت وكالة سانا عن مصدر عسكري قوله إن الجيش استعاد التلة.", "استعاد التلة", "official",
         "وكالة سانا", "agency"),
        ("وقال مراسل قناة العربية إن رتلاً عسكرياً دخل البلدة.", "دخل البلدة", "media", "قناة العربية", "tv"),
        # media: تغريدة / تويتر, بيان, تلفزيون
        ("وقال الصحفي سامر الأحمد في تغريدة على تويتر إن القوات غادرت المطار.", "غادرت المطار",
         "social_media", None, "twitter"),
        ("وقالت قوات سوريا الديمقراطية في بيان إن مقاتليها صدوا هجوماً.", "صدوا هجوماً", "official",
         "قوات سوريا الديمقراطية", "statement"),
        ("وبث التلفزيون الرسمي أن وحدات الجيش دخلت البلدة.", "دخلت البلدة", "media", "التلفزيون الرسمي", "tv"),
        ("ونشرت صفحات محلية على فيسبوك أن دورية روسية وصلت القرية.", "وصلت القرية", "social_media", None,
         "facebook"),
    ],
)
def test_source_forms(text: str, evidence: str, kind: str, name: str | None, medium: str | None) -> None:
    a = _attr(text, evidence)
    assert a.source_kind == kind
    if name is not None:
        assert a.source_name == name
    assert a.medium == medium
    assert a.text is not None and a.text in text


def test_named_person_on_twitter_across_the_comma_apposition() -> None:
    text = ("حيث أخلت القوات مواقع في عدة محافظات، عضو المجلس الوطني، سمير خليل، قال في تغريدة له على "
            "تويتر، إن القوات انسحبت من المطار، بحسب تقارير إعلامية")
    a = _attr(text, "انسحبت من المطار")
    assert (a.source_kind, a.source_name, a.medium) == ("social_media", "سمير خليل", "twitter")
    # the حيث clause before the speaker is his as well
    assert _attr(text, "أخلت القوات مواقع").source_name == "سمير خليل"


def test_pronoun_and_anaphor_continue_the_source() -> None:
    text = ("وقالت شبكة صوت العاصمة إن الميليشيا انسحبت من الحي. "
            "وأضافت أن مجموعات أخرى أخلت الحواجز. "
            "وأفادت الشبكة بأن الأهالي عادوا إلى منازلهم.")
    cues = find_sources(text, sentences(text))
    assert [c.inherited for c in cues] == [False, True, True]
    assert all(c.source_name == "شبكة صوت العاصمة" for c in cues)
    assert _attr(text, "أخلت الحواجز").source_kind == "media"


def test_sentence_final_preposition_scopes_back() -> None:
    text = "سحبت القوات الروسية معداتها من المطار، وأخلت مقراتها في المدينة، بحسب تقارير إعلامية."
    [cue] = find_sources(text, sentences(text))
    assert cue.scope_start == 0
    assert _attr(text, "سحبت القوات").source_kind == "media"


def test_postposed_speaker_scopes_back() -> None:
    text = "انسحبت القوات من البلدة بعد اشتباكات عنيفة، قال مصدر أمني."
    assert _attr(text, "انسحبت القوات").source_kind == "official"


def test_innermost_source_wins() -> None:
    text = "ذكرت وكالة رويترز أن مسؤولاً في وزارة الدفاع قال إن القوات ستنسحب من القاعدة."
    a = _attr(text, "ستنسحب من القاعدة")
    assert a.source_kind == "official"
    assert a.source_name == "مسؤولاً في وزارة الدفاع"


def test_quote_spanning_sentences_stays_with_the_speaker() -> None:
    text = 'وقال المتحدث باسم الجيش: "سيطرت قواتنا على التلة. ودمرت وحداتنا ثلاث آليات." ثم انسحب المسلحون.'
    assert _attr(text, "ودمرت وحداتنا").source_kind == "official"
    assert _attr(text, "انسحب المسلحون").source_kind == "unknown"


def test_elaboration_sentence_takes_the_next_speaker() -> None:
    text = "حيث أخلت القوات الروسية مواقعها في المدينة.\nقال ناشطون إن الانسحاب جرى ليلاً."
    assert _attr(text, "أخلت القوات").source_kind == "activists"


def test_no_cue_is_unknown_and_own_reporter_is_not_a_source() -> None:
    text = "انسحبت القوات من المطار. وأفاد مراسلنا بأن الطائرات غادرت القاعدة."
    assert find_sources(text, sentences(text)) == []
    a = _attr(text, "انسحبت القوات")
    assert (a.source_kind, a.source_name, a.text) == ("unknown", None, None)


def test_not_sources() -> None:
    text = ("ونقلت القوات الروسية معداتها إلى حميميم دون ذكر تفاصيل، ونشرت الميليشيا حواجز جديدة "
            "حسب الخطة. ويذكر أن المطار تعرض لقصف سابق.")
    assert find_sources(text, sentences(text)) == []


def test_outlet_told_is_not_the_source_in_its_own_article() -> None:
    text = "وقالت مصادر مطلعة لموقع تلفزيون سوريا إن تعزيزات وصلت المطار."
    [own] = find_sources(text, sentences(text), outlet="تلفزيون سوريا")
    assert own.source_name is None and own.source_kind == "unknown"
    [other] = find_sources(text, sentences(text))
    assert other.source_name == "موقع تلفزيون سوريا"


def test_cue_spans_are_offsets_into_text() -> None:
    text = "وأفادت وكالةُ الأناضولِ بأنّ الجيشَ التركيَّ أقامَ قاعدةً جديدة."
    [c] = find_sources(text, sentences(text))
    assert isinstance(c, SourceCue)
    assert text[c.start : c.end] == c.text == "وأفادت وكالةُ الأناضولِ"
    assert c.name_start is not None and text[c.name_start : c.name_end].startswith("وكالةُ الأناضول")
    assert (c.scope_start, c.scope_end) == (0, len(text))


def test_seed_article_sources() -> None:
    path = SHARED / "dev" / "articles" / "000.txt"
    if not path.exists():
        pytest.skip("shared dev data (../shared/dev) is not present in this checkout")
    body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    sents = sentences(body)
    cues = find_sources(body, sents)

    def at(anchor: str, before: str | None = None):
        i = body.index(anchor) if before is None else body.index(anchor, body.index(before))
        return attribute(body, sents, cues, i, i + len(anchor))

    manbij = at("منبج")
    assert manbij.source_kind == "activists"
    for place in ("مدينة حلب", "مستودعات مهين"):
        a = at(place, before="تويتر")
        assert (a.source_name, a.medium, a.source_kind) == ("أيمن عبد النور", "twitter", "social_media")
    camp = at("دير حافر")
    assert camp.source_name in ("تلفزيون أورينت", "أورينت")
    assert (camp.source_kind, camp.medium) == ("media", "tv")
