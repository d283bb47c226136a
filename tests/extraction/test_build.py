"""Event assembly across a document: anaphoric mentions and wide-area duplicates are one event."""

import pytest

from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = pipeline.run(text, published="2025-03-01")
    return [(e.type, e.actor.id if e.actor else None, e.location.name if e.location else None)
            for e in doc.events]


def test_a_region_level_lead_and_a_precise_body_are_one_withdrawal(pipeline: Pipeline) -> None:
    text = ("شرعت القوات الروسية بسحب عناصرها من نقاط في شمال شرق سوريا. "
            "وقالت مصادر محلية إن القوات الروسية انسحبت من مطار القامشلي بشكل كامل.")
    events = [e for e in _events(pipeline, text) if e[0] == "WITHDRAW"]
    assert len(events) == 1, events
    assert events[0][1] == "RUS_ARMED_FORCES"
    assert "Qamishli" in (events[0][2] or "")


def test_a_region_event_stays_when_no_precise_place_is_inside_it(pipeline: Pipeline) -> None:
    text = ("شرعت القوات الروسية بسحب عناصرها من نقاط في شمال شرق سوريا. "
            "وانسحبت القوات الروسية أيضاً من مطار حميميم في ريف اللاذقية.")
    places = sorted(e[2] or "" for e in _events(pipeline, text) if e[0] == "WITHDRAW")
    assert len(places) == 2, places


def test_a_country_wide_summary_of_several_withdrawals_stays_an_event(pipeline: Pipeline) -> None:
    text = ("أخلت القوات الروسية العديد من مواقعها في سوريا. "
            "وانسحبت القوات الروسية من مطار القامشلي ومن مدينة منبج.")
    places = [e[2] for e in _events(pipeline, text) if e[0] == "WITHDRAW"]
    assert len(places) == 3 and "Syria" in places, places


def test_a_country_wide_statement_over_one_withdrawal_is_that_withdrawal(pipeline: Pipeline) -> None:
    text = ("أعلنت وزارة الدفاع العراقية انسحاب القوات الأمريكية من العراق. "
            "وغادرت القوات الأمريكية قاعدة عين الأسد في محافظة الأنبار.")
    places = [e[2] for e in _events(pipeline, text) if e[0] == "WITHDRAW"]
    assert len(places) == 1 and "Asad" in (places[0] or ""), places


@pytest.mark.parametrize("second", [
    "ويأتي هذا الانسحاب في إطار اتفاق بين موسكو ودمشق.",
    "وجاء الانسحاب بعد أيام من تهديدات تركية.",
])
def test_an_anaphoric_verbal_noun_is_not_a_new_event(pipeline: Pipeline, second: str) -> None:
    text = "انسحبت القوات الروسية من مطار القامشلي. " + second
    assert [e[0] for e in _events(pipeline, text)].count("WITHDRAW") == 1


def test_came_with_a_verbal_noun_is_an_event_when_nothing_was_told_before(pipeline: Pipeline) -> None:
    text = "وجاء انسحاب القوات الروسية من مطار القامشلي بعد أيام من تهديدات تركية."
    assert ("WITHDRAW", "RUS_ARMED_FORCES") in [e[:2] for e in _events(pipeline, text)]


@pytest.mark.parametrize("text", [
    "قصفت المدفعية التركية قرى في ريف الحسكة وبمدينة القامشلي.",
    "قصفت المدفعية التركية مدينة القامشلي وقرى ريف الحسكة.",
    "انسحبت القوات الروسية من مطار القامشلي ومن مدينة الحسكة.",
])
def test_places_joined_by_and_with_a_repeated_preposition_are_one_list(pipeline: Pipeline, text: str) -> None:
    places = {e[2] for e in _events(pipeline, text)}
    assert any("Qāmishlī" in (p or "") or "Qamishli" in (p or "") for p in places), places
    assert any("Ḩasakah" in (p or "") for p in places), places


def test_a_verb_and_its_own_verbal_noun_are_one_event(pipeline: Pipeline) -> None:
    text = "أكد مسؤول في وزارة الخارجية التركية أن بلاده ستزود سوريا بمعدات عسكرية وأسلحة خفيفة."
    doc = pipeline.run(text, published="2025-03-01")
    transfers = [e for e in doc.events if e.type == "ARMS_TRANSFER"]
    assert len(transfers) == 1
    assert transfers[0].actor is not None and transfers[0].actor.id == "TUR"  # بلاده: the speaker's Turkey
    assert transfers[0].recipient is not None and transfers[0].recipient.id == "SYR"
    assert transfers[0].modality == "planned"


def test_a_sentence_without_places_has_no_made_up_location(pipeline: Pipeline) -> None:
    doc = pipeline.run("باعت روسيا إيران صواريخ متطورة.", published="2025-03-01")
    assert doc.events and all(e.location is None for e in doc.events)


@pytest.mark.parametrize(("text", "actor"), [
    ("شن طيران التحالف غارات على مواقع للحوثيين في محافظة صعدة.", "SAU_COALITION"),
    ("قصف طيران التحالف مواقع لتنظيم داعش في ريف دير الزور الشرقي.", "INT_COALITION"),
])
def test_the_coalition_is_the_one_fighting_where_the_text_is(pipeline: Pipeline, text: str, actor: str) -> None:
    assert ("AIRSTRIKE", actor) in [e[:2] for e in _events(pipeline, text)]


def test_a_killing_told_with_its_strike_is_the_strike(pipeline: Pipeline) -> None:
    doc = pipeline.run("قتل خمسة مدنيين بغارة للتحالف على مدينة الحديدة.", published="2025-03-01")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]
    assert doc.events[0].casualties is not None and doc.events[0].casualties.killed == 5


def test_a_killing_without_a_strike_stays_an_attack(pipeline: Pipeline) -> None:
    events = _events(pipeline, "قتل مسلحون مجهولون ثلاثة مدنيين في ريف درعا.")
    assert [e[0] for e in events] == ["ATTACK"]


def test_the_side_a_protest_demands_against_is_its_target(pipeline: Pipeline) -> None:
    doc = pipeline.run("تظاهر المئات في مدينة إدلب للمطالبة بإسقاط قائد هيئة تحرير الشام.", published="2025-03-01")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.actor is None or protest.actor.id != "SYR_HTS"
    assert protest.recipient is not None and protest.recipient.id == "SYR_HTS"


def test_an_institution_named_after_a_city_places_the_event_there(pipeline: Pipeline) -> None:
    doc = pipeline.run("تظاهر طلاب جامعة دمشق احتجاجاً على قرارات وزارة التعليم العالي.", published="2025-03-01")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.actor is None or protest.actor.id != "SYR"
    assert protest.location is not None and protest.location.name == "Damascus"


def test_the_doers_are_not_their_own_victims(pipeline: Pipeline) -> None:
    doc = pipeline.run("خطف مسلحون مجهولون طبيباً في مدينة درعا البلد.", published="2025-03-01")
    (event,) = doc.events
    assert event.type == "ABDUCTION" and event.actor is not None
    assert event.recipient is None or event.recipient.id != event.actor.id


@pytest.mark.parametrize(("text", "etype"), [
    ("هاجم مسلحون حاجزاً للجيش في ريف درعا.", "CLASH"),  # an armed side attacked: a clash
    ("شن تنظيم داعش هجوماً على مواقع لقوات سوريا الديمقراطية في ريف دير الزور.", "CLASH"),
    ("هاجم مستوطنون منازل الفلسطينيين في بلدة حوارة.", "ATTACK"),  # civilians attacked
    ("تعرضت قاعدة عين الأسد لهجوم بطائرتين مسيرتين دون وقوع إصابات.", "AIRSTRIKE"),  # dual instrument
    ("سيطرت قوات الدعم السريع على مدينة ود مدني بعد معارك مع الجيش.", "CAPTURE"),  # verb suffix, then على
])
def test_attack_types_follow_the_target_and_the_instrument(pipeline: Pipeline, text: str, etype: str) -> None:
    assert etype in [e[0] for e in _events(pipeline, text)]


def test_a_general_attack_verb_spelled_out_by_a_strike_is_that_strike(pipeline: Pipeline) -> None:
    text = "قُتل قيادي في حركة حماس بغارة إسرائيلية استهدفت سيارته في مدينة صور جنوبي لبنان."
    assert [e[0] for e in _events(pipeline, text)] == ["AIRSTRIKE"]


@pytest.mark.parametrize("text", [
    "تولى الجيش العراقي السيطرة الكاملة على قاعدة عين الأسد بعد انسحاب القوات الأمريكية منها.",
    "انسحبت القوات الأمريكية من قاعدة عين الأسد. وتسلم الجيش العراقي القاعدة بالكامل.",
])
def test_a_takeover_after_a_withdrawal_is_one_handover(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run(text, published="2025-03-01")
    assert [(e.type, e.actor.id if e.actor else None, e.recipient.id if e.recipient else None)
            for e in doc.events] == [("HANDOVER", "USA_FORCES", "IRQ_ARMY")]


@pytest.mark.parametrize("text", [
    "تنفرد الفصائل الموالية لإيران بالسيطرة على مطار الشعيرات.",  # standing control, with the subject between
    "وصلت قافلة إنسانية تابعة للأمم المتحدة إلى مدينة القامشلي.",  # aid, not forces
])
def test_no_event_from_standing_control_or_aid_convoys(pipeline: Pipeline, text: str) -> None:
    assert _events(pipeline, text) == []


def test_a_military_convoy_is_still_a_deployment(pipeline: Pipeline) -> None:
    assert ("DEPLOY", "TUR_TAF") in [e[:2] for e in _events(pipeline, "وصلت قافلة عسكرية تركية إلى مدينة الباب.")]


def test_a_definite_generic_noun_points_back_at_its_actor(pipeline: Pipeline) -> None:
    doc = pipeline.run("أرسل حزب الله تعزيزات إلى مدينة القصير. وأنشأت الميليشيا مقراً جديداً في البلدة.",
                       published="2025-03-01")
    base = next(e for e in doc.events if e.type == "ESTABLISH_BASE")
    assert base.actor is not None and base.actor.id == "LBN_HEZBOLLAH" and base.actor.text == "الميليشيا"
    assert "FORM_GROUP" not in [e.type for e in doc.events]  # the militia is the subject, not a new group


def test_the_organisation_is_the_last_jihadist_group_named(pipeline: Pipeline) -> None:
    text = "شن تنظيم داعش هجوماً على بلدة في البادية السورية. وأعلن التنظيم لاحقاً مسؤوليته عن تفجير في الرقة."
    blast = next(e for e in pipeline.run(text, published="2025-03-01").events if e.type == "EXPLOSION")
    assert blast.actor is not None and blast.actor.id == "TNG_ISIS"


@pytest.mark.parametrize(("text", "formed"), [
    ("شكّل الحرس الثوري الإيراني لواءً جديداً من المقاتلين المحليين في البوكمال.", True),
    ("يشكل وجود الميليشيات الإيرانية في البوكمال تهديداً للسكان.", False),
    ("تشكل الميليشيات الإيرانية خطراً على المنطقة.", False),
])
def test_forming_a_group_needs_a_group_as_its_object(pipeline: Pipeline, text: str, formed: bool) -> None:
    assert ("FORM_GROUP" in [e[0] for e in _events(pipeline, text)]) is formed


def test_a_suffixed_verbal_noun_takes_its_genitive_subject(pipeline: Pipeline) -> None:
    # "تمركزات" ends in a plural suffix; its genitive ("تلك الميليشيات") is still its subject
    text = ("قصف الطيران الإسرائيلي مواقع للميليشيات الإيرانية في دير الزور. "
            "وبات من الملاحظ أن تمركزات تلك الميليشيات انتقلت إلى محيط مطار دمشق الدولي.")
    deploy = [e for e in pipeline.run(text, published="2025-03-01").events if e.type == "DEPLOY"]
    assert deploy and all(e.actor is not None and e.actor.id == "IRN_PROXIES" for e in deploy)


def test_the_side_that_suffers_a_strike_named_as_a_cause_is_its_target(pipeline: Pipeline) -> None:
    doc = pipeline.run("تكبدت الميليشيات الإيرانية خسائر كبيرة جراء استهداف معاقلها في دير الزور.",
                       published="2025-03-01")
    (event,) = doc.events
    assert event.actor is None and event.recipient is not None and event.recipient.id == "IRN_PROXIES"
    # a doer named after the cause word is still the doer
    doc = pipeline.run("قتل خمسة مدنيين جراء قصف قوات النظام لبلدة كفرنبل.", published="2015-03-01")
    assert [(e.type, e.actor.id if e.actor else None) for e in doc.events] == [("SHELLING", "SYR_SAA")]


def test_a_definite_verbal_noun_that_is_then_described_is_not_new(pipeline: Pipeline) -> None:
    text = ("انسحبت ميليشيا حزب الله من بلدة قارة في القلمون. "
            "وبيّن ناشطون أن الانسحاب شمل كل المقاتلين الأجانب في صفوف الحزب.")
    assert [e[0] for e in _events(pipeline, text)] == ["WITHDRAW"]


def test_positions_are_a_state_not_a_deployment(pipeline: Pipeline) -> None:
    text = "وتقع تمركزات الميليشيات الإيرانية بالقرب من مطار دمشق الدولي."
    assert _events(pipeline, text) == []
    moved = "تمركزت الميليشيات الإيرانية بالقرب من مطار دمشق الدولي."  # the verb is a movement
    assert ("DEPLOY", "IRN_PROXIES") in [e[:2] for e in _events(pipeline, moved)]


@pytest.mark.parametrize(("text", "expected"), [
    # the casualties named as the subject of the killing verb are the target
    ("قالت مصادر أمنية إن ثلاثة جنود عراقيين قتلوا في انفجار عبوة ناسفة استهدفت دوريتهم في محافظة الأنبار.",
     ("EXPLOSION", None, "IRQ_ARMY")),
    # the side that vows to answer an assassination suffered it
    ("توعدت حركة حماس بالرد على اغتيال قائدها في بيروت.", ("ATTACK", None, "PSE_HAMAS")),
    # official military style: destroying an armed side's positions is a clash
    ("ذكرت وكالة سانا أن وحدات من الجيش العربي السوري دمرت مقرات لإرهابيي جبهة النصرة في ريف إدلب.",
     ("CLASH", "SYR_SAA", "SYR_NUSRA")),
])
def test_who_did_it_and_to_whom(pipeline: Pipeline, text: str, expected: tuple[str, str | None, str | None]) -> None:
    doc = pipeline.run(text, published="2016-03-01")
    got = [(e.type, e.actor.id if e.actor else None, e.recipient.id if e.recipient else None) for e in doc.events]
    assert got == [expected]


def test_a_foiled_smuggling_attempt_is_no_transfer(pipeline: Pipeline) -> None:
    text = "أعلن الجيش الأردني إحباط محاولة تهريب كميات كبيرة من الأسلحة عبر الحدود مع سوريا."
    assert "ARMS_TRANSFER" not in [e[0] for e in _events(pipeline, text)]
    done = "هربت ميليشيات إيرانية أسلحة عبر الحدود العراقية إلى مدينة البوكمال."
    assert ("ARMS_TRANSFER", "IRN_PROXIES") in [e[:2] for e in _events(pipeline, done)]


@pytest.mark.parametrize(("text", "sub"), [
    ("فضت قوات الأمن اعتصاماً لخريجين عاطلين عن العمل أمام وزارة النفط في بغداد.", "Protest with intervention"),
    ("اقتحم متظاهرون مبنى القنصلية الإيرانية في النجف وأضرموا فيه النار.", "Violent demonstration"),
    ("أغلق محتجون غاضبون الطريق الدولي بين حلب ودمشق بالإطارات المشتعلة.", "Violent demonstration"),
    ("تظاهر المئات بشكل سلمي في ساحة الحرية بمدينة تعز.", "Peaceful protest"),
])
def test_protest_sub_types_follow_acled(pipeline: Pipeline, text: str, sub: str) -> None:
    doc = pipeline.run(text, published="2019-03-01")
    assert [e.acled.sub_event_type for e in doc.events if e.type == "PROTEST"] == [sub]


@pytest.mark.parametrize(("text", "types"), [
    ("تجمع عشرات المحتجين أمام مقر الأمم المتحدة في أربيل للمطالبة بوقف القصف التركي.", ["PROTEST"]),
    ("تظاهر مئات الأكراد في القامشلي ضد الهجمات التركية.", ["PROTEST"]),
    ("تظاهر المئات في إدلب بعد أن قصفت قوات النظام مدينة أريحا.", ["PROTEST", "SHELLING"]),
])
def test_what_a_protest_demands_is_not_an_event_of_its_own(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert [e[0] for e in _events(pipeline, text)] == types


def test_a_bare_head_with_a_qualifier_names_another_body(pipeline: Pipeline) -> None:
    doc = pipeline.run("نظم المئات من أنصار الحزب الشيوعي العراقي مسيرة في مدينة البصرة.", published="2019-03-01")
    assert all(e.actor is None or e.actor.id != "LBN_HEZBOLLAH" for e in doc.events)
    doc = pipeline.run("قصف حزب الله مواقع إسرائيلية. وقال الحزب في بيان إن مقاتليه قصفوا ثكنة في الجليل.",
                       published="2024-03-01")
    assert {e.actor.id for e in doc.events if e.actor} == {"LBN_HEZBOLLAH"}


@pytest.mark.parametrize(("text", "expected"), [
    ("وانتقلت القوات الروسية إلى مستودعات الأسلحة في بلدة مهين بريف حمص.", [("DEPLOY", "RUS_ARMED_FORCES")]),
    ("غادرت القوات التركية نقطة المراقبة في مورك.", [("WITHDRAW", "TUR_TAF")]),
    ("انتقل الحديث إلى ملف اللاجئين في لبنان.", []),
])
def test_movement_verbs_take_their_force_before_or_after(pipeline: Pipeline, text: str,
                                                          expected: list[tuple[str, str]]) -> None:
    assert [e[:2] for e in _events(pipeline, text)] == expected


def test_a_city_a_rocket_salvo_is_aimed_at_is_a_place(pipeline: Pipeline) -> None:
    doc = pipeline.run("أطلقت حركة حماس رشقة صاروخية باتجاه تل أبيب.", published="2023-06-01")
    (event,) = doc.events
    assert event.type == "SHELLING" and event.actor is not None and event.actor.id == "PSE_HAMAS"
    assert event.location is not None and event.location.name == "Tel Aviv"


def test_a_placeless_definite_mention_of_a_told_event_adds_nothing(pipeline: Pipeline) -> None:
    text = ("أخلت ميليشيا لواء فاطميون مقراتها في مدينة الميادين. "
            "ونفى مصدر في الميليشيا أن يكون الانسحاب مرتبطاً بأي تفاهمات.")
    assert [e[0] for e in _events(pipeline, text)] == ["WITHDRAW"]


def test_repeated_attacks_are_no_particular_event(pipeline: Pipeline) -> None:
    text = "وتشهد المناطق المتنازع عليها بين بغداد وأربيل هجمات متكررة لخلايا التنظيم."
    assert _events(pipeline, text) == []


def test_the_area_points_back_at_a_mountain_range(pipeline: Pipeline) -> None:
    text = "قصف طيران الجيش العراقي مواقع لتنظيم داعش في جبال حمرين، ثم انتشرت القوات في المنطقة."
    places = {e[2] for e in _events(pipeline, text)}
    assert places == {"Hamrin Mountains"}


def test_the_units_a_told_force_was_made_of_deployed_with_it(pipeline: Pipeline) -> None:
    text = ("أرسل الحرس الثوري الإيراني تعزيزات عسكرية إلى مطار التيفور. "
            "وأوضحت المصادر أن التعزيزات التي وصلت المطار شملت 150 عنصراً من ميليشيا فاطميون.")
    deploys = {e[1] for e in _events(pipeline, text) if e[0] == "DEPLOY"}
    assert deploys == {"IRN_IRGC", "IRN_FATEMIYOUN"}  # a commanding force and its unit: two actors


def test_a_state_and_its_forces_at_one_place_are_one_event(pipeline: Pipeline) -> None:
    text = "انسحبت روسيا من مطار القامشلي، وقال ناشطون إن القوات الروسية انسحبت من المطار بالكامل."
    assert [e[:2] for e in _events(pipeline, text)] == [("WITHDRAW", "RUS_ARMED_FORCES")]


def test_a_takeover_of_a_precise_place_takes_no_withdrawal_from_elsewhere(pipeline: Pipeline) -> None:
    """A site (precision 1) holds no other place: reading it as an area once raised KeyError."""
    text = "انسحبت القوات الروسية من مدينة منبج. وتسلم الجيش السوري مطار القامشلي."
    events = _events(pipeline, text)
    assert ("WITHDRAW", "RUS_ARMED_FORCES", "Manbij") in events, events


def test_a_group_word_with_a_quoted_name_is_a_new_actor(pipeline: Pipeline) -> None:
    doc = pipeline.run("انسحبت ميليشيا “أسود البادية” من بلدة السخنة.", published="2023-06-01")
    (event,) = doc.events
    assert event.actor is not None and event.actor.name == "أسود البادية" and event.actor.kind == "militia"
    known = pipeline.run("انسحبت ميليشيا “الدفاع الوطني” من بلدة السخنة.", published="2023-06-01")
    assert known.events[0].actor is not None and known.events[0].actor.id == "SYR_NDF"


def test_a_placeless_event_continues_the_place_of_its_story(pipeline: Pipeline) -> None:
    text = ("انسحب حزب الله من مواقعه في بلدة قارة بالقلمون. "
            "وأوضح ناشطون أن ذلك تزامن مع انسحاب مجموعات مقاتلة ضمن ميليشيا “أسود البادية”.")
    events = [e for e in _events(pipeline, text) if e[0] == "WITHDRAW"]
    assert len(events) == 2 and {e[2] for e in events} == {"Qārah"}


def test_these_forces_point_back_at_the_last_force_named(pipeline: Pipeline) -> None:
    text = ("تسيطر قوات سوريا الديمقراطية على مناطق شرق الفرات، "
            "بعد أن فقدت هذه القوات مواقع كثيرة إثر هجوم شنه الجيش التركي.")
    doc = pipeline.run(text, published="2019-11-01")
    clash = [e for e in doc.events if e.type == "CLASH"]
    assert clash and clash[0].actor.id == "TUR_TAF" and clash[0].recipient.id == "SYR_SDF"


def test_a_contrasting_clause_is_another_scene(pipeline: Pipeline) -> None:
    text = ("شن الطيران الإسرائيلي غارة على بلدة الخيام في جنوب لبنان، فجر اليوم، "
            "فيما أعلن حزب الله استهداف تجمع لجنود الجيش الإسرائيلي بصواريخ الكاتيوشا.")
    events = {e[:2]: e[2] for e in _events(pipeline, text)}
    assert events[("AIRSTRIKE", "ISR_IAF")] == "Khiam"
    assert events[("SHELLING", "LBN_HEZBOLLAH")] != "Khiam"  # not where the Israeli strike was


def test_an_sna_formation_is_formed_by_the_factions(pipeline: Pipeline) -> None:
    text = ('أعلنت فصائل من الجيش الوطني السوري عن تشكيل فصيل جديد تحت اسم "لواء الشمال الموحد" '
            'في مدينة الباب بريف حلب الشرقي.')
    assert [e[:2] for e in _events(pipeline, text)] == [("FORM_GROUP", "SYR_SNA")]


def test_a_coordinated_verb_shares_its_subject_and_a_town_names_its_facility(pipeline: Pipeline) -> None:
    text = ("ذكرت مصادر أن القوات الروسية غادرت مطار الشعيرات في ريف حمص، "
            "وانتقلت إلى مستودعات السلاح في بلدة مهين.")
    events = {e[:2]: e[2] for e in _events(pipeline, text)}
    assert events[("DEPLOY", "RUS_ARMED_FORCES")] == "Mhin Arms Depots"
