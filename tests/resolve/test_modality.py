"""Tests for marsad.resolve.modality: denied, planned, claimed, reported, assessment, negation, opinion."""

from pathlib import Path

import pytest

from marsad.document import Attribution
from marsad.resolve.attribution import attribute, find_sources
from marsad.resolve.modality import is_negated, is_opinion, modality
from marsad.text.segment import sentences

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
NONE = Attribution()
CITED = Attribution(source_kind="media", source_name="رويترز", medium="agency", text="ذكرت رويترز")


def _clause(text: str, i: int) -> tuple[int, int]:
    for s in sentences(text):
        for c in s.clauses:
            if c[0] <= i < c[1]:
                return c
    raise AssertionError("trigger outside every clause")


def _mod(text: str, trigger: str, attribution: Attribution = NONE, **kw) -> str:
    i = text.index(trigger)
    c0, c1 = _clause(text, i)
    return modality(text, c0, c1, i, attribution, **kw)


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("نفت وزارة الدفاع الروسية انسحاب قواتها من مطار القامشلي.", "انسحاب"),
        ("ونفى مصدر في الجيش أن تكون القوات قد انسحبت من التلة.", "انسحبت"),
        ("وأكدت القيادة أن الأنباء عن انسحاب القوات عارية عن الصحة.", "انسحاب"),
        ("وقال المتحدث إنه لا صحة للأنباء عن إخلاء القاعدة.", "إخلاء"),
        ("تداول ناشطون أنباء عن انسحاب القوات من البلدة. ونفت قيادة الجيش ذلك في بيان.", "انسحاب"),
        ("وكذّبت الميليشيا التقارير التي تحدثت عن تسليم المعبر.", "تسليم"),
    ],
)
def test_denied(text: str, trigger: str) -> None:
    assert _mod(text, trigger, CITED) == "denied"


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("تعتزم تركيا إنشاء قاعدة جديدة في ريف حلب.", "إنشاء"),
        ("وتخطط روسيا لنشر منظومات دفاع جوي في المطار.", "نشر"),
        ("سوف تنسحب القوات الأمريكية من القاعدة.", "تنسحب"),
        ("وستنسحب القوات الأمريكية من القاعدة.", "وستنسحب"),
        ("أنشأت الميليشيا معسكراً بهدف تدريب عناصرها على الصواريخ.", "تدريب"),
        ("أرسلت إيران تعزيزات من أجل دعم قواتها.", "دعم"),
        ("وتوصل الطرفان إلى اتفاق يقضي بانسحاب المقاتلين من البلدة.", "انسحاب"),
        ("وينص الاتفاق على مغادرة الجنود بحلول الصيف.", "مغادرة"),
        ("أبرم الجانبان اتفاقاً، مقابل موافقة موسكو على بيع ذخائر للفصيل.", "بيع"),
        ("ومن المقرر أن تنسحب القوات من المدينة.", "تنسحب"),
        ("ومن المتوقع أن تصل التعزيزات إلى المطار.", "تصل"),
        ("وأرسل الحزب 800 مقاتل للقتال في صفوف الروس.", "قتال"),
        ("وتنسحب القوات من المدينة الأسبوع المقبل.", "تنسحب"),
        ("ضمن مشروع تنوي أنقرة من خلاله إقامة خمس نقاط عسكرية.", "إقامة"),
    ],
)
def test_planned(text: str, trigger: str) -> None:
    assert _mod(text, trigger) == "planned"


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("انسحبت القوات الروسية من مطار القامشلي.", "انسحبت"),
        ("وفي المقابل انسحبت القوات من البلدة.", "انسحبت"),
        ("تعرضت القاعدة لهجوم بطائرات مسيرة.", "هجوم"),
        ("وتوصل الحزب لصفقة مع الروس في اللاذقية.", "صفقة"),
        ("وكانت القاعدة قد أنشئت في عام 2019.", "أنشئت"),
        ("سيطرت القوات على البلدة بعد معارك.", "سيطرت"),
        ("وسيّرت القوات الروسية دورية في الريف.", "دورية"),
    ],
)
def test_asserted(text: str, trigger: str) -> None:
    assert _mod(text, trigger) == "asserted"


def test_reported_when_a_source_is_cited() -> None:
    text = "وقال مصدر عسكري إن القوات انسحبت من المدينة."
    cues = find_sources(text, sentences(text))
    i = text.index("انسحبت")
    a = attribute(text, sentences(text), cues, i, i + 6)
    assert _mod(text, "انسحبت", a) == "reported"
    anonymous = Attribution(text="وقالت مصادر مطلعة")
    assert _mod(text, "انسحبت", anonymous) == "reported"


def test_claimed() -> None:
    text = "أعلن الجيش السوري مساء الأحد سيطرته على بلدة دير حافر."
    assert _mod(text, "سيطرته", CITED) == "claimed"
    assert _mod("تبنى تنظيم داعش الهجوم على الحاجز.", "الهجوم") == "claimed"
    quoted = 'وقال الجيش في بيان: "تمكنت قواتنا من السيطرة على التلة".'
    assert _mod(quoted, "السيطرة", Attribution(source_kind="official", text="وقال الجيش في بيان")) == "claimed"
    plain = "وقال مصدر تركي إن أنقرة تقيم قاعدة قرب الباب."
    assert _mod(plain, "تقيم", CITED, actor_id="TUR", source_actor_id="TUR") == "claimed"
    assert _mod(plain, "تقيم", CITED, actor_id="TUR", source_actor_id="RUS") == "reported"
    assert _mod(plain, "تقيم", CITED, speaker_is_actor=True) == "claimed"


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("ويرى محللون أن القوات قد تنسحب من المدينة.", "تنسحب"),
        ("ورجّح المرصد أن تكون الميليشيا أخلت مواقعها.", "أخلت"),
        ("ومن المرجح أن القوات انسحبت ليلاً.", "انسحبت"),
        ("واعتبر ناشطون أن القوات انسحبت تحت الضغط.", "انسحبت"),
        ("ويبدو أن الميليشيا نقلت أسلحتها إلى مكان آخر.", "نقلت"),
    ],
)
def test_assessment(text: str, trigger: str) -> None:
    assert _mod(text, trigger, CITED) == "assessment"


@pytest.mark.parametrize(
    "text,trigger,negated",
    [
        ("لم تنسحب القوات من المدينة.", "تنسحب", True),
        ("ولم تقم القوات الروسية بالانسحاب من القاعدة.", "الانسحاب", True),
        ("أكد المصدر عدم انسحاب القوات من التلة.", "انسحاب", True),
        ("رفضت الميليشيات إخلاء المطار.", "إخلاء", True),
        ("لن تنسحب تركيا من سوريا.", "تنسحب", True),
        ("لا تزال القوات تنتشر في المدينة.", "تنتشر", False),
        ("ولم يقتصر مخطط إيران على إنشاء المقرات، بل امتد لتشكيل ميليشيا.", "تشكيل", False),
        ("انسحبت القوات من المدينة.", "انسحبت", False),
        ("وصلت ما يقارب 20 آلية إلى القاعدة.", "وصلت", False),
    ],
)
def test_is_negated(text: str, trigger: str, negated: bool) -> None:
    i = text.index(trigger)
    assert is_negated(text, i, _clause(text, i)[0]) is negated


def test_denied_event_is_not_negated() -> None:
    text = "نفت وزارة الدفاع انسحاب قواتها من القاعدة."
    i = text.index("انسحاب")
    assert not is_negated(text, i, 0)
    assert _mod(text, "انسحاب") == "denied"


@pytest.mark.parametrize(
    "text,opinion",
    [
        ("واعتبر ناشطون أن الانسحاب من المستودعات يعتبر انسحاباً من العمق السوري.", True),
        ("ويشكل إنشاء القاعدة خروجاً على مقررات المؤتمر.", True),
        ("وهذا الانتشار بمثابة رسالة إلى أنقرة.", True),
        ("انسحبت القوات الروسية من مستودعات مهين.", False),
        ("وقال ناشطون إن القوات انسحبت من المدينة.", False),
    ],
)
def test_is_opinion(text: str, opinion: bool) -> None:
    assert is_opinion(text, 0, len(text)) is opinion


def test_seed_latakia_deal_parts_are_planned() -> None:
    path = SHARED / "dev" / "articles" / "000.txt"
    if not path.exists():
        pytest.skip("shared dev data (../shared/dev) is not present in this checkout")
    body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    sents = sentences(body)
    cues = find_sources(body, sents)
    for trigger in ("إرسال 800", "بيع"):
        i = body.index(trigger, body.index("اللاذقية") - 200)
        c0, c1 = _clause(body, i)
        a = attribute(body, sents, cues, c0, c1)
        assert modality(body, c0, c1, i, a) == "planned", trigger
    deal = body.index("لصفقةٍ")
    c0, c1 = _clause(body, deal)
    a = attribute(body, sents, cues, c0, c1)
    assert modality(body, c0, c1, deal + 1, a) == "reported"
