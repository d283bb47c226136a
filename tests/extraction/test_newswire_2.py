"""Single-sentence newswire, second set: passives with a late instrument or agent, تعرّض leads,
clash sides, purpose clauses, titles of local office, nationality adjectives in geocoding, and
protest coverage (strikes, sit-ins, riots, police dispersal).

The sentences were written for these tests in the style of Arabic wire copy (datelines,
casualty-first leads, passive and nominal leads, VSO/SVO, attribution tails); none is taken from
the dev articles or from test_newswire.py. Each case names the event type, the acceptable
participant ids (the actor, an associated actor, or for a clash the other side; "civilians" for
an actor of that kind; None when the test does not check it) and the place's country and Arabic
name (None when the test does not check it).
"""

import pytest

from marsad.extraction.events import is_general_attack
from marsad.pipeline import Pipeline

CASES = [
    ('قُصف منزل في بلدة بيت لاهيا شمالي قطاع غزة بصاروخ أطلقته طائرة استطلاع إسرائيلية، ما أدى إلى استشهاد ثلاثة مواطنين.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'بيت لاهيا', '2024-05-01'),
    ('استُهدفت سيارة مدنية على طريق بلدة كفركلا بصاروخ موجه أطلقته مسيرة إسرائيلية.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'كفركلا', '2024-05-01'),
    ('اغتيل ناشط حقوقي في مدينة درعا على يد مسلحين مجهولين.', 'ATTACK', ['GEN_UNKNOWN_GUNMEN'], 'SY', 'درعا', '2025-03-01'),
    ('دُمّر جسر رئيسي في مدينة الفاشر بقصف مدفعي لقوات الدعم السريع.', 'SHELLING', ['SDN_RSF'], 'SD', 'الفاشر', '2024-05-01'),
    ('قُصفت قرية الحرية في ريف حلب الشمالي بقذائف هاون أطلقتها قوات سوريا الديمقراطية.', 'SHELLING', ['SYR_SDF'], 'SY', None, '2024-05-01'),
    ('قتل ثلاثة أطفال إثر سقوط قذيفة أطلقتها ميليشيا الحوثي على حي سكني في مدينة تعز.', 'SHELLING', ['YEM_HOUTHIS'], 'YE', 'تعز', '2024-05-01'),
    ('أصيب مزارع بجروح بعد استهدافه برصاص جنود الاحتلال شرق خان يونس.', 'ATTACK', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'خان يونس', '2024-05-01'),
    ('تعرضت بلدة الخيام جنوبي لبنان لقصف مدفعي إسرائيلي عنيف صباح اليوم.', 'SHELLING', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'الخيام', '2024-05-01'),
    ('تعرضت قوات الجيش السوداني لهجوم من قبل قوات الدعم السريع في مدينة بابنوسة.', 'CLASH', ['SDN_RSF', 'SDN_SAF'], 'SD', 'بابنوسة', '2024-05-01'),
    ('أدان المرصد استهداف الاحتلال مجموعة من الشبان في مخيم بلاطة بطائرة مسيرة.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'بلاطة', '2024-05-01'),
    ('تعرض مخيم زمزم للنازحين لقصف عنيف من قوات الدعم السريع.', 'SHELLING', ['SDN_RSF'], 'SD', 'زمزم', '2024-05-01'),
    ('تعرضت سيارة إسعاف في مدينة جنين لإطلاق نار من جنود الاحتلال.', 'ATTACK', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'جنين', '2024-05-01'),
    ('اندلعت اشتباكات بين شبان فلسطينيين وقوات الاحتلال عند المدخل الشمالي لمدينة البيرة.', 'CLASH', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'البيرة', '2024-05-01'),
    ('دارت مواجهات بين مسلحين وقوات الأمن الداخلي (الأسايش) في مدينة الحسكة.', 'CLASH', ['SYR_ASAYISH'], 'SY', 'الحسكة', '2024-05-01'),
    ('اندلعت معارك عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة سنجة.', 'CLASH', ['SDN_RSF', 'SDN_SAF'], 'SD', 'سنجة', '2024-05-01'),
    ('تظاهر آلاف الأردنيين في العاصمة عمان احتجاجاً على الحرب على غزة.', 'PROTEST', 'civilians', 'JO', 'عمان', '2024-05-01'),
    ('اعتصم أهالي الأسرى في مدينة نابلس للمطالبة بالإفراج عن أبنائهم المعتقلين في سجون الاحتلال.', 'PROTEST', 'civilians', 'PS', 'نابلس', '2024-05-01'),
    ('خرجت مظاهرة في مدينة إدلب تنديداً بالقصف الروسي على ريف حلب.', 'PROTEST', None, 'SY', 'إدلب', '2024-05-01'),
    ('نظم أهالي مدينة السويداء وقفة احتجاجية للمطالبة بالكشف عن مصير المختطفين في دمشق.', 'PROTEST', 'civilians', 'SY', 'السويداء', '2024-05-01'),
    ('نجا محافظ تعز من محاولة اغتيال بعبوة ناسفة استهدفت موكبه.', 'EXPLOSION', None, 'YE', 'تعز', '2024-05-01'),
    ('اعتقلت قوات الاحتلال رئيس بلدية جنين خلال اقتحام منزله.', 'ARREST', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'جنين', '2024-05-01'),
    ('اغتال مسلحون مجهولون قائد شرطة البصرة أمام منزله.', 'ATTACK', ['GEN_UNKNOWN_GUNMEN'], 'IQ', 'البصرة', '2024-05-01'),
    ('نجا قائد شرطة محافظة حضرموت من هجوم بعبوة ناسفة.', 'EXPLOSION', None, 'YE', 'حضرموت', '2024-05-01'),
    ('اندلعت اشتباكات بين ميليشيات مسلحة في العاصمة الليبية طرابلس.', 'CLASH', None, 'LY', 'طرابلس', '2024-05-01'),
    ('قتل شخصان في اشتباكات مسلحة في منطقة باب التبانة بطرابلس اللبنانية.', 'CLASH', None, 'LB', 'طرابلس', '2024-05-01'),
    ('أغارت مسيرة تركية على سيارة في مدينة القامشلي السورية.', 'AIRSTRIKE', ['TUR', 'TUR_AIR_FORCE', 'TUR_TAF'], 'SY', 'القامشلي', '2024-05-01'),
    ('نفذ المعلمون في محافظة السليمانية إضراباً عن العمل للمطالبة بصرف رواتبهم المتأخرة.', 'PROTEST', 'civilians', 'IQ', 'السليمانية', '2024-05-01'),
    ('شهدت مدينة الناصرية أعمال شغب بعد مقتل متظاهر.', 'PROTEST', None, 'IQ', 'الناصرية', '2024-05-01'),
    ('أطلقت قوات الأمن العراقية الغاز المسيل للدموع على المحتجين في ساحة الحبوبي بالناصرية.', 'PROTEST', 'civilians', 'IQ', 'الناصرية', '2024-05-01'),
    ('تظاهر مزارعون في مدينة القامشلي احتجاجاً على تخفيض سعر القمح.', 'PROTEST', 'civilians', 'SY', 'القامشلي', '2024-05-01'),
    ('أضرب عمال ميناء العقبة عن العمل احتجاجاً على تدني الأجور.', 'PROTEST', None, 'JO', 'العقبة', '2024-05-01'),
    ('تظاهر أنصار حزب الله في الضاحية الجنوبية لبيروت.', 'PROTEST', ['LBN_HEZBOLLAH'], 'LB', 'بيروت', '2024-05-01'),
    ('غزة - الأناضول: استشهد 7 فلسطينيين في غارة إسرائيلية على منزل بمدينة دير البلح وسط قطاع غزة.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'دير البلح', '2024-05-01'),
    ('مقتل جنديين عراقيين بهجوم لداعش في محافظة صلاح الدين.', 'CLASH', ['TNG_ISIS'], 'IQ', 'صلاح الدين', '2024-05-01'),
    ('الخرطوم - سونا: شن الطيران الحربي للجيش غارات على تجمعات للدعم السريع في مدينة نيالا.', 'AIRSTRIKE', ['SDN_SAF'], 'SD', 'نيالا', '2024-05-01'),
    ('أفادت مصادر محلية بأن قوات النظام قصفت بلدة معرة النعمان بصواريخ غراد.', 'SHELLING', ['SYR_SAA'], 'SY', 'معرة النعمان', '2024-05-01'),
    ('أحبطت قوات الجيش اليمني هجوماً حوثياً على مواقعها في جبهة الكسارة غرب مأرب.', 'CLASH', ['YEM_GOV', 'YEM_HOUTHIS'], 'YE', 'مأرب', '2024-05-01'),
    ('أطلق حزب الله عشرات الصواريخ على مستوطنة كريات شمونة.', 'SHELLING', ['LBN_HEZBOLLAH'], 'IL', 'كريات شمونة', '2024-05-01'),
    ('اقتحمت قوات الاحتلال مدينة قلقيلية واعتقلت عدداً من المواطنين.', 'ARREST', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'قلقيلية', '2024-05-01'),
    ('شن الطيران الروسي غارات على أطراف بلدة كنصفرة في جبل الزاوية.', 'AIRSTRIKE', ['RUS', 'RUS_AEROSPACE', 'RUS_ARMED_FORCES'], 'SY', 'كنصفرة', '2024-05-01'),
    ('قُصفت سيارة في بلدة عيترون بصاروخين أطلقتهما مسيرة إسرائيلية.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'عيترون', '2024-05-01'),
    ('قُتل مواطن على يد عناصر من ميليشيا الحوثي في مديرية ذي ناعم بالبيضاء.', 'ATTACK', ['YEM_HOUTHIS'], 'YE', None, '2024-05-01'),
    ('تعرض مستشفى كمال عدوان في بيت لاهيا لقصف مدفعي من جيش الاحتلال.', 'SHELLING', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'بيت لاهيا', '2024-05-01'),
    ('تعرضت قرى في ريف إدلب الجنوبي لغارات روسية مكثفة.', 'AIRSTRIKE', ['RUS', 'RUS_AEROSPACE', 'RUS_ARMED_FORCES'], 'SY', 'إدلب', '2024-05-01'),
    ('اندلعت مواجهات بين شبان وقوات الاحتلال في بلدة بيت أمر شمال الخليل.', 'CLASH', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'بيت أمر', '2024-05-01'),
    ('وقعت اشتباكات عنيفة بين مسلحين من العشائر وقوات سوريا الديمقراطية في بلدة الشحيل.', 'CLASH', ['GEN_TRIBES', 'SYR_SDF'], 'SY', 'الشحيل', '2024-05-01'),
    ('نظم المئات من العراقيين وقفة أمام السفارة التركية في بغداد احتجاجاً على القصف التركي لإقليم كردستان.', 'PROTEST', 'civilians', 'IQ', 'بغداد', '2024-05-01'),
    ('احتشد مئات المحتجين أمام مبنى البرلمان في بيروت.', 'PROTEST', 'civilians', 'LB', 'بيروت', '2024-05-01'),
    ('شهدت مدينة صيدا أعمال شغب بعد ارتفاع سعر صرف الدولار.', 'PROTEST', None, 'LB', 'صيدا', '2024-05-01'),
    ('اندلعت اشتباكات مسلحة في مدينة الزاوية الليبية بين مجموعات مسلحة.', 'CLASH', None, 'LY', 'الزاوية', '2024-05-01'),
    ('أعلنت الشرطة الليبية اعتقال مهربين في طرابلس.', 'ARREST', None, 'LY', 'طرابلس', '2024-05-01'),
    ('مقتل ثلاثة جنود سودانيين بهجوم للدعم السريع في شمال دارفور.', 'CLASH', ['SDN_RSF', 'SDN_SAF'], 'SD', None, '2024-05-01'),
    ('أعدم تنظيم داعش ثلاثة رعاة في بادية الأنبار.', 'ATTACK', ['TNG_ISIS'], 'IQ', 'الأنبار', '2024-05-01'),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _run(pipeline: Pipeline, text: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    return pipeline.run(text, published=published)


def _participants(event, etype: str) -> list:  # type: ignore[no-untyped-def]
    people = [event.actor, *event.assoc_actors]
    if etype == "CLASH":
        people.append(event.recipient)  # a clash has two sides
    return [a for a in people if a is not None]


@pytest.mark.parametrize(("text", "etype", "actors", "country", "place", "published"), CASES)
def test_newswire_sentence(pipeline: Pipeline, text: str, etype: str, actors: list[str] | str | None,
                           country: str | None, place: str | None, published: str) -> None:
    doc = _run(pipeline, text, published)
    events = [e for e in doc.events if e.type == etype]
    assert events, f"no {etype} in {[(e.type, e.actor and e.actor.id) for e in doc.events]}"
    if actors == "civilians":
        assert any(e.actor is not None and e.actor.kind == "civilians" for e in events), \
            [(e.actor and e.actor.id) for e in events]
    elif actors is not None:
        found = [{a.id for a in _participants(e, etype)} for e in events]
        assert any(set(actors) & f for f in found), f"actors {found}, expected one of {actors}"
    if country is not None:
        places = [e.location for e in events if e.location is not None]
        assert any(p.country == country and (place is None or place in (p.name_ar or "") or place in p.text)
                   for p in places), f"places {[(p.name, p.country) for p in places]}"


# -- 1. passive leads: the instrument or the agent comes late ----------------------------------

def test_a_late_aircraft_makes_a_general_shelling_verb_an_airstrike(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "قُصف منزل في بلدة بيت لاهيا بصاروخ أطلقته طائرة استطلاع إسرائيلية.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]
    assert doc.events[0].actor is not None and doc.events[0].actor.country == "IL"


def test_artillery_named_keeps_the_shelling_though_aircraft_fly_over(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "قُصفت مواقع للفصائل في ريف إدلب بالمدفعية الثقيلة من قبل قوات النظام، وسط تحليق للطيران الحربي.")
    types = {e.type for e in doc.events}
    assert "SHELLING" in types and "AIRSTRIKE" not in types


def test_naval_fire_is_no_airstrike(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "استشهد صياد فلسطيني بنيران زوارق حربية إسرائيلية قبالة شاطئ رفح.")
    assert [e.type for e in doc.events] == ["ATTACK"]
    assert doc.events[0].actor is not None and doc.events[0].actor.country == "IL"
    assert doc.events[0].location is not None and doc.events[0].location.country == "PS"


@pytest.mark.parametrize("text", [
    "اغتيل ناشط حقوقي في مدينة درعا على يد مسلحين مجهولين.",
    "قُتل مواطن على يد مسلحين مجهولين في مدينة درعا.",
])
def test_passive_killing_with_its_agent(pipeline: Pipeline, text: str) -> None:
    attacks = [e for e in _run(pipeline, text, "2025-03-01").events if e.type == "ATTACK"]
    assert attacks and attacks[0].actor is not None and attacks[0].actor.id == "GEN_UNKNOWN_GUNMEN"


def test_a_passive_attack_on_an_army_patrol_is_a_clash(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "هوجمت دورية للجيش العراقي في قضاء الطارمية من قبل عناصر تنظيم داعش.")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert clash.actor is not None and clash.actor.id == "TNG_ISIS"
    assert clash.recipient is not None and clash.recipient.id == "IRQ_ARMY"


# -- 2. تعرّض X لـ...: X is the target; the masdar's genitive with an object is the doer -------

def test_the_subject_of_taarrada_is_the_target_and_the_doer_follows_min(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "تعرضت قوات الجيش السوداني لهجوم من قبل قوات الدعم السريع في مدينة بابنوسة.")
    assert [e.type for e in doc.events] == ["CLASH"]
    assert doc.events[0].actor is not None and doc.events[0].actor.id == "SDN_RSF"
    assert doc.events[0].recipient is not None and doc.events[0].recipient.id == "SDN_SAF"


@pytest.mark.parametrize(("text", "actor"), [
    ("تعرض مخيم زمزم للنازحين لقصف عنيف من قوات الدعم السريع.", "SDN_RSF"),
    ("تعرضت سيارة إسعاف في مدينة جنين لإطلاق نار من جنود الاحتلال.", "ISR_IDF"),
])
def test_min_after_the_attack_noun_names_the_doer(pipeline: Pipeline, text: str, actor: str) -> None:
    doc = _run(pipeline, text)
    assert doc.events and doc.events[0].actor is not None and doc.events[0].actor.id == actor


def test_the_undergoer_is_never_the_actor(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "تعرضت قوات الجيش السوداني لقصف في مدينة الفاشر.")
    assert doc.events and all(e.actor is None or e.actor.id != "SDN_SAF" for e in doc.events)


def test_taarrada_to_the_weather_is_no_event(pipeline: Pipeline) -> None:
    assert _run(pipeline, "تعرضت مدينة حلب لموجة برد شديدة.").events == []


def test_a_masdar_genitive_followed_by_its_object_is_the_doer(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "أدان المرصد استهداف الاحتلال مجموعة من الشبان في مخيم بلاطة بطائرة مسيرة.")
    strike = next(e for e in doc.events if e.type == "AIRSTRIKE")
    assert strike.actor is not None and strike.actor.id == "ISR_IDF"


@pytest.mark.parametrize("text", [
    "استهداف القوات الأمريكية في سوريا يتكرر.",
    "أدان البيان استهداف القوات الأمريكية بطائرة مسيرة.",
])
def test_a_masdar_genitive_without_an_object_is_the_target(pipeline: Pipeline, text: str) -> None:
    doc = _run(pipeline, text)
    assert doc.events
    assert all(e.actor is None or e.actor.id != "USA_FORCES" for e in doc.events)
    assert any(e.recipient is not None and e.recipient.id == "USA_FORCES" for e in doc.events)


@pytest.mark.parametrize(("text", "victim"), [
    ("مقتل جنديين عراقيين بهجوم لداعش في محافظة صلاح الدين.", "IRQ_ARMY"),
    ("مقتل ثلاثة جنود سودانيين بهجوم للدعم السريع في شمال دارفور.", "SDN_SAF"),
])
def test_casualty_first_lead_names_the_target(pipeline: Pipeline, text: str, victim: str) -> None:
    doc = _run(pipeline, text)
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert clash.recipient is not None and clash.recipient.id == victim
    assert clash.actor is not None and clash.actor.id != victim


def test_the_wounded_before_the_attack_noun_are_not_its_doer(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "أصيب ثلاثة جنود إسرائيليين بانفجار عبوة ناسفة في جنين.")
    blast = next(e for e in doc.events if e.type == "EXPLOSION")
    assert blast.actor is None
    assert blast.recipient is not None and blast.recipient.id == "ISR_IDF"


# -- 3. clash sides -----------------------------------------------------------------------------

def test_an_unnamed_first_side_leaves_the_named_side_a_party(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "اندلعت اشتباكات بين شبان فلسطينيين وقوات الاحتلال عند المدخل الشمالي لمدينة البيرة.")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert clash.actor is not None and clash.actor.id == "ISR_IDF"


def test_both_sides_of_a_between_phrase_with_place_words_in_it(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "وقعت اشتباكات بين أهالي بلدة جرمانا وعناصر من الأمن العام.", "2025-03-01")
    clash = next(e for e in doc.events if e.type == "CLASH")
    sides = {clash.actor.id if clash.actor else None, clash.recipient.id if clash.recipient else None}
    assert sides == {"GEN_CIVILIANS", "SYR_GENERAL_SECURITY"}


def test_a_parenthesised_acronym_does_not_break_the_actor(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "اشتبكت قوات الأمن الداخلي (الأسايش) مع مسلحين من خلايا داعش في بلدة الشحيل.")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert {"SYR_ASAYISH", "TNG_ISIS"} <= {a.id for a in _participants(clash, "CLASH")}


# -- 4. purpose clauses supply no place ---------------------------------------------------------

def test_a_protest_against_the_war_on_gaza_happens_where_it_is_held(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "تظاهر آلاف الأردنيين في العاصمة عمان احتجاجاً على الحرب على غزة.")
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert len(protests) == 1
    assert protests[0].location is not None and protests[0].location.country == "JO"
    assert protests[0].actor is not None and protests[0].actor.kind == "civilians"


@pytest.mark.parametrize("text", [
    "خرجت مظاهرة حاشدة تضامناً مع غزة.",
    "نظم أهالي مدينة السويداء وقفة احتجاجية للمطالبة بالكشف عن مصير المختطفين في دمشق.",
])
def test_the_place_of_a_demand_is_not_the_place_of_the_protest(pipeline: Pipeline, text: str) -> None:
    doc = _run(pipeline, text)
    assert doc.events
    assert all(e.location is None or e.location.name_ar not in ("غزة", "دمشق") for e in doc.events), \
        [(e.type, e.location and e.location.name) for e in doc.events]


def test_a_plain_locative_after_the_purpose_still_places_the_protest(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "تظاهر المئات احتجاجاً على غلاء الأسعار بمدينة إربد.")
    assert doc.events and doc.events[0].location is not None and doc.events[0].location.country == "JO"


# -- 5. titles of local office -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "country", "name"), [
    ("نجا محافظ تعز من محاولة اغتيال بعبوة ناسفة استهدفت موكبه.", "YE", "تعز"),
    ("اعتقلت الأجهزة الأمنية رئيس بلدية الزاوية بتهمة الفساد.", "LY", "الزاوية"),
    ("اغتال مسلحون مجهولون قائد شرطة البصرة أمام منزله.", "IQ", "البصرة"),
])
def test_a_title_with_a_town_locates_the_event(pipeline: Pipeline, text: str, country: str, name: str) -> None:
    doc = _run(pipeline, text)
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.country == country and name in doc.events[0].location.text


def test_another_place_wins_over_the_title_town(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "اعتقلت قوات الاحتلال رئيس بلدية جنين في مدينة نابلس.")
    assert [e.location.text for e in doc.events if e.location] == ["نابلس"]


def test_the_town_in_a_title_is_no_actor(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "اعتقل الأمن العام محافظ دمشق السابق.", "2025-05-01")
    assert doc.events and doc.events[0].actor is not None and doc.events[0].actor.id == "SYR_GENERAL_SECURITY"
    assert all(e.recipient is None or e.recipient.id != "SYR" for e in doc.events)


# -- 6. nationality adjectives steer the geocoder -------------------------------------------------

@pytest.mark.parametrize(("text", "country"), [
    ("اندلعت اشتباكات بين ميليشيات مسلحة في العاصمة الليبية طرابلس.", "LY"),
    ("أعلنت قوات الحكومة الليبية السيطرة على مواقع في طرابلس بعد اشتباكات.", "LY"),
    ("قصفت القوات الحكومية الليبية مواقع في مدينة طرابلس بالمدفعية.", "LY"),
    ("قتل شخصان في اشتباكات مسلحة في منطقة باب التبانة بطرابلس اللبنانية.", "LB"),
    ("تظاهر المئات في مدينة طرابلس الليبية ضد الحكومة.", "LY"),
    ("طرابلس - وال: اعتقل جهاز الردع مطلوبين في المدينة.", "LY"),
])
def test_a_nationality_adjective_picks_the_namesake(pipeline: Pipeline, text: str, country: str) -> None:
    doc = _run(pipeline, text)
    tripoli = [p for p in doc.places if p.name_ar and "طرابلس" in (p.text or "")]
    assert tripoli and all(p.country == country for p in tripoli), [(p.name, p.country) for p in tripoli]


def test_an_attackers_adjective_does_not_move_the_target(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "أغارت مسيرة تركية على سيارة في مدينة القامشلي.")
    assert doc.events and doc.events[0].location is not None and doc.events[0].location.country == "SY"


def test_a_place_located_in_another_country_is_that_countrys_namesake(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "أحبطت قوات الجيش اليمني هجوماً حوثياً على مواقعها في جبهة الكسارة غرب مأرب.")
    assert doc.events and all(e.location is not None and e.location.country == "YE" for e in doc.events)


def test_a_datelines_city_is_no_actor(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "الخرطوم - سونا: شن الطيران الحربي للجيش غارات على تجمعات للدعم السريع في مدينة نيالا.")
    strike = next(e for e in doc.events if e.type == "AIRSTRIKE")
    assert strike.actor is not None and strike.actor.id == "SDN_SAF"
    assert strike.recipient is not None and strike.recipient.id == "SDN_RSF"


# -- 7. protests ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "نفذ المعلمون في محافظة السليمانية إضراباً عن العمل للمطالبة بصرف رواتبهم المتأخرة.",
    "نظم متقاعدون عسكريون وقفة احتجاجية أمام مبنى مجلس النواب في عمان.",
    "احتج سكان مدينة البصرة على انقطاع الكهرباء المتكرر.",
    "اعتصم عشرات الصحفيين أمام مقر نقابة الصحفيين في القاهرة.",
    "تظاهر مئات المغاربة في الرباط رفضاً للتطبيع مع إسرائيل.",
])
def test_protesters_named_by_their_trade_or_nationality(pipeline: Pipeline, text: str) -> None:
    protests = [e for e in _run(pipeline, text).events if e.type == "PROTEST"]
    assert protests and protests[0].actor is not None and protests[0].actor.kind == "civilians"


def test_riots_are_protests_of_the_riot_kind(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "شهدت مدينة الناصرية أعمال شغب بعد مقتل متظاهر.")
    riot = next(e for e in doc.events if e.type == "PROTEST")
    assert riot.acled.event_type == "Riots" and riot.location is not None and riot.location.country == "IQ"


def test_a_crowd_that_gathers_is_a_protest(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "احتشد مئات المحتجين أمام مبنى البرلمان في بيروت.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_a_drone_that_carries_out_a_strike_is_no_march(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "نفذت مسيرة إسرائيلية غارة على سيارة في بلدة الناقورة.")
    assert {e.type for e in doc.events} == {"AIRSTRIKE"}


@pytest.mark.parametrize("text", [
    "فرقت الشرطة الليبية محتجين في مصراتة بالرصاص الحي.",
    "فتحت قوات الأمن النار على المتظاهرين في مدينة عطبرة، ما أدى إلى مقتل اثنين.",
])
def test_shooting_at_protesters_is_the_protest_met_with_force(pipeline: Pipeline, text: str) -> None:
    doc = _run(pipeline, text)
    assert [e.type for e in doc.events] == ["PROTEST"]
    protest = doc.events[0]
    assert protest.actor is not None and protest.actor.kind == "civilians"
    assert protest.recipient is not None and protest.recipient.kind == "state_security"
    assert protest.acled.sub_event_type in ("Protest with intervention", "Excessive force against protesters")


def test_gunmen_shooting_are_an_attack_even_near_a_protest(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "فتح مسلحون النار على حافلة ركاب في محافظة الأنبار.")
    assert [e.type for e in doc.events] == ["ATTACK"]


def test_a_phrase_headed_by_a_general_attack_word_is_general() -> None:
    assert is_general_attack("هجوم مسلح") and is_general_attack("بهجوم")
    assert not is_general_attack("إطلاق النار")


def test_protesters_are_a_side_of_a_clash_between_them_and_the_police(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "اندلعت اشتباكات بين متظاهرين وقوات الأمن العراقية قرب جسر الجمهورية في بغداد.")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert {a.id for a in _participants(clash, "CLASH")} == {"GEN_PROTESTERS", "IRQ_ARMY"}


def test_gunmen_from_a_named_group_are_that_group(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "اشتبك الجيش العراقي مع مسلحين من داعش في قضاء الطارمية.")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert "TNG_ISIS" in {a.id for a in _participants(clash, "CLASH")}


def test_a_march_is_no_drone(pipeline: Pipeline) -> None:
    doc = _run(pipeline, "استهدفت قوات الاحتلال بقنابل الغاز المشاركين في مسيرة كفر قدوم الأسبوعية.")
    assert [e.type for e in doc.events] == ["PROTEST"]
    assert doc.events[0].recipient is not None and doc.events[0].recipient.id == "ISR_IDF"
