"""Tests for marsad.lexicon.triggers: every event type's forms, and the licensing conditions."""

import pytest

from marsad.extraction.events import licensed
from marsad.lexicon.triggers import EVENT_TYPES, TriggerLexicon
from marsad.text.normalize import normalize


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


def types_in(lexicon: TriggerLexicon, sentence: str) -> set[str]:
    out = set()
    for hit in lexicon.find(normalize(sentence)):
        for form in hit.payloads:
            if licensed(sentence, hit, form, (0, len(sentence))):
                out.add(form.group.event_type)
    return out


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("انسحبت القوات من التلة", "WITHDRAW"),
        ("ستنسحب القوات خلال أيام", "WITHDRAW"),
        ("وينسحبون تباعاً من المنطقة", "WITHDRAW"),
        ("بدأ الانسحاب من القاعدة", "WITHDRAW"),
        ("أُخليت المواقع بالكامل", "WITHDRAW"),
        ("أخلت الميليشيا مقراتها", "WITHDRAW"),
        ("سحبت روسيا قواتها من المطار", "WITHDRAW"),
        ("سلّمت القوات الأمريكية القاعدة للجيش العراقي", "HANDOVER"),
        ("تسلّم الجيش إدارة المطار", "HANDOVER"),
        ("أنشأت الميليشيا قاعدة جديدة", "ESTABLISH_BASE"),
        ("استحدث الحرس الثوري مقراً في المدينة", "ESTABLISH_BASE"),
        ("قامت بإنشاء معسكر قرب البلدة", "ESTABLISH_BASE"),
        ("نصبت القوات حاجزاً على الطريق", "ESTABLISH_BASE"),
        ("أرسلت تركيا تعزيزات عسكرية إلى إدلب", "DEPLOY"),
        ("استقدمت قوات النظام رتلاً إلى المنطقة", "DEPLOY"),
        ("نشر الجيش دبابات على الحدود", "DEPLOY"),
        ("عززت الميليشيات مواقعها في البادية", "DEPLOY"),
        ("يدرّب الحرس الثوري عناصر الميليشيا", "TRAIN"),
        ("بهدف تدريب المقاتلين على الصواريخ", "TRAIN"),
        ("شكّلت إيران ميليشيا جديدة في المدينة", "FORM_GROUP"),
        ("أعلنت الفصائل عن تشكيل غرفة عمليات مشتركة", "FORM_GROUP"),
        ("اندمجت ثلاثة فصائل في جسم واحد", "FORM_GROUP"),
        ("تجنّد الميليشيات الشبان مقابل رواتب", "RECRUIT"),
        ("فتحت الميليشيا باب التطوع في صفوفها", "RECRUIT"),
        ("هرّبت الميليشيات أسلحة عبر الحدود", "ARMS_TRANSFER"),
        ("ضبطت السلطات شحنة أسلحة مهربة", "ARMS_TRANSFER"),
        ("زودت أنقرة الفصائل بصواريخ مضادة للدروع", "ARMS_TRANSFER"),
        ("توصل الطرفان إلى اتفاق لوقف القتال", "AGREEMENT"),
        ("وقّعت الحكومة مذكرة تفاهم مع الجانب التركي", "AGREEMENT"),
        ("أبرمت الأطراف هدنة في المدينة", "AGREEMENT"),
        ("اندلعت اشتباكات عنيفة بين الطرفين", "CLASH"),
        ("اشتبك مقاتلو العشائر مع عناصر قسد", "CLASH"),
        ("سيطرت الفصائل على البلدة", "CAPTURE"),
        ("استعاد الجيش السيطرة على المدينة", "CAPTURE"),
        ("شن الطيران الحربي غارات على القرية", "AIRSTRIKE"),
        ("استهدفت طائرة مسيرة سيارة على الطريق", "ATTACK"),  # the extractor makes it AIRSTRIKE
        ("قصفت المدفعية أطراف البلدة", "SHELLING"),
        ("سقطت قذائف هاون على الحي", "SHELLING"),
        ("استهدفت القوات التركية القرية بقذائف المدفعية", "SHELLING"),
        ("انفجرت عبوة ناسفة بسيارة عسكرية", "EXPLOSION"),
        ("فجّر انتحاري نفسه عند الحاجز", "EXPLOSION"),
        ("اغتال مسلحون مجهولون قيادياً سابقاً", "ATTACK"),
        ("أطلق مسلحون النار على سيارة مدنية", "ATTACK"),
        ("اختطف مسلحون طفلاً من أمام منزله", "ABDUCTION"),
        ("اعتقلت الأجهزة الأمنية خمسة شبان", "ARREST"),
        ("داهمت دورية منازل في البلدة", "ARREST"),
        ("ألقت القوى الأمنية القبض على مطلوبين", "ARREST"),
        ("تظاهر المئات في ساحة المدينة", "PROTEST"),
        ("نظم الأهالي وقفة احتجاجية أمام المبنى", "PROTEST"),
        ("خرجت مظاهرات تطالب بالإفراج عن المعتقلين", "PROTEST"),
    ],
)
def test_forms(lexicon: TriggerLexicon, sentence: str, event_type: str) -> None:
    assert event_type in types_in(lexicon, sentence)


@pytest.mark.parametrize(
    ("sentence", "not_type"),
    [
        ("نشر الموقع تقريراً مطولاً", "DEPLOY"),  # نشر = publish without a force object
        ("عززت الحكومة التعاون الاقتصادي", "DEPLOY"),
        ("انتشر فيروس كورونا في المخيمات", "DEPLOY"),
        ("أطلقت الحملة اسماً جديداً", "SHELLING"),
        ("تخطط الوزارة لتدريب المعلمين على المنهاج", "TRAIN"),
        ("شهد فجر اليوم هدوءاً حذراً", "EXPLOSION"),
        ("شكّل القرار صدمة للأهالي", "FORM_GROUP"),
    ],
)
def test_unlicensed_forms_do_not_fire(lexicon: TriggerLexicon, sentence: str, not_type: str) -> None:
    assert not_type not in types_in(lexicon, sentence)


def test_every_event_type_has_triggers(lexicon: TriggerLexicon) -> None:
    assert {g.event_type for g in lexicon.groups} == set(EVENT_TYPES)


def test_bad_lexicon_is_rejected() -> None:
    from marsad.errors import LexiconError

    with pytest.raises(LexiconError):
        TriggerLexicon({"events": {"BOMBING": [{"nouns": ["تفجير"]}]}})
