"""Single-sentence newswire across the Arab region: event type, actor and place.

The sentences were written for these tests in the style of Arabic wire copy (SANA, Anadolu,
Al Jazeera, AFP, Reuters, Xinhua): airstrikes, shelling, bombs, clashes, shootings, abductions,
arrests and protests in Syria, Iraq, Lebanon, Palestine, Yemen, Libya, Egypt, Sudan and Jordan,
with the word orders, passives, nominal leads, datelines and attribution tails of the genre.
Each case names the event type, the acceptable actor ids (the actor, an associated actor, or
for a clash the other side; None when the sentence names no actor) and the place's country and
Arabic name (None when the test does not check it).
"""

import pytest

from marsad.pipeline import Pipeline

CASES = [
    ('استشهد خمسة فلسطينيين وأصيب آخرون في غارة إسرائيلية استهدفت منزلاً في مخيم النصيرات وسط قطاع غزة.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'النصيرات', '2024-05-01'),
    ('قُتل ثلاثة مدنيين بغارة جوية إسرائيلية على بلدة عيتا الشعب جنوبي لبنان.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'عيتا الشعب', '2024-05-01'),
    ('استهدفت مسيرة إسرائيلية سيارة على طريق بلدة الناقورة، ما أدى إلى مقتل شخصين.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'الناقورة', '2024-05-01'),
    ('غزة - الأناضول: استشهد 12 فلسطينيا، بينهم أطفال، جراء قصف جوي إسرائيلي على حي الشجاعية شرقي مدينة غزة.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', None, '2024-05-01'),
    ('قالت قناة المسيرة التابعة للحوثيين إن طيران العدوان شن 15 غارة على مديرية حرض بمحافظة حجة.', 'AIRSTRIKE', ['SAU_COALITION'], 'YE', None, '2024-05-01'),
    ('نفذ الجيش الأمريكي ضربات جوية استهدفت مواقع لكتائب حزب الله في منطقة القائم غربي العراق.', 'AIRSTRIKE', ['USA_AIR_FORCE', 'USA_CENTCOM', 'USA_FORCES'], 'IQ', 'القائم', '2024-05-01'),
    ('أعلنت وزارة الدفاع التركية تحييد 7 إرهابيين من بي كا كا في غارات جوية على منطقة قنديل شمالي العراق.', 'AIRSTRIKE', ['TUR_AIR_FORCE', 'TUR_MOD', 'TUR_TAF'], 'IQ', None, '2024-05-01'),
    ('قُتل 20 مدنياً على الأقل في قصف بطائرة مسيرة استهدف سوقاً شعبية في مدينة الفاشر بإقليم دارفور.', 'AIRSTRIKE', None, 'SD', 'الفاشر', '2024-05-01'),
    ('استهدف طيران مسير تابع لقوات حفتر مواقع في مدينة غريان جنوب العاصمة طرابلس.', 'AIRSTRIKE', ['LBY_LNA'], 'LY', 'غريان', '2024-05-01'),
    ('نفذت طائرات القوة الجوية العراقية ضربة جوية على وكر لعصابات داعش في سلسلة جبال حمرين.', 'AIRSTRIKE', ['IRQ_AIR_FORCE', 'IRQ_ARMY'], 'IQ', None, '2024-05-01'),
    ('دمشق - سانا: شن العدو الإسرائيلي عدواناً جوياً من اتجاه الجولان السوري المحتل مستهدفاً نقاطاً في ريف القنيطرة.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'SY', None, '2024-05-01'),
    ('غارة إسرائيلية تستهدف شقة سكنية في مخيم جنين شمالي الضفة الغربية.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'جنين', '2024-05-01'),
    ('شنت مقاتلات إسرائيلية غارات عنيفة على محيط مطار دمشق الدولي.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'SY', 'دمشق', '2024-05-01'),
    ('أطلقت سرايا القدس رشقة صاروخية باتجاه مستوطنات غلاف غزة.', 'SHELLING', ['PSE_PIJ'], None, None, '2024-05-01'),
    ('قصفت قوات الدعم السريع بالمدفعية الثقيلة أحياء في مدينة أم درمان، ما أسفر عن مقتل 8 مدنيين.', 'SHELLING', ['SDN_RSF'], 'SD', 'أم درمان', '2024-05-01'),
    ('قتل طفلان وأصيبت امرأة بقصف مدفعي حوثي على قرية في مديرية حيس جنوبي الحديدة.', 'SHELLING', ['YEM_HOUTHIS'], 'YE', None, '2024-05-01'),
    ('تعرضت قاعدة عين الأسد الجوية في محافظة الأنبار لهجوم صاروخي.', 'SHELLING', None, 'IQ', 'عين الأسد', '2024-05-01'),
    ('قصف الجيش التركي بالمدفعية قرى في ريف تل تمر شمال غربي الحسكة.', 'SHELLING', ['TUR_TAF'], 'SY', None, '2024-05-01'),
    ('قصفت قوات النظام السوري بقذائف الهاون بلدة كنصفرة في جبل الزاوية جنوبي إدلب.', 'SHELLING', ['SYR_SAA'], 'SY', None, '2024-05-01'),
    ('استهدفت القوات التركية بالمدفعية الثقيلة محيط مدينة منبج.', 'SHELLING', ['TUR_TAF'], 'SY', 'منبج', '2024-05-01'),
    ('قصف الحرس الثوري الإيراني بالصواريخ مواقع لأحزاب كردية معارضة في إقليم كردستان العراق.', 'SHELLING', ['IRN_IRGC'], 'IQ', None, '2024-05-01'),
    ('انفجرت سيارة مفخخة في سوق شعبي بمدينة أعزاز شمال حلب، ما أسفر عن مقتل 6 مدنيين.', 'EXPLOSION', None, 'SY', 'أعزاز', '2024-05-01'),
    ('انفجار لغم أرضي يودي بحياة ثلاثة رعاة في بادية السماوة.', 'EXPLOSION', None, 'IQ', None, '2024-05-01'),
    ('فجرت قوات الاحتلال منزل أسير في بلدة بيت أمر شمالي الخليل.', 'EXPLOSION', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', None, '2024-05-01'),
    ('قتل عنصران من الحشد الشعبي بانفجار عبوة ناسفة في قضاء خانقين بمحافظة ديالى.', 'EXPLOSION', None, 'IQ', 'خانقين', '2024-05-01'),
    ('دارت معارك ضارية بين القوات الحكومية اليمنية وجماعة الحوثي في جبهة مأرب.', 'CLASH', ['YEM_GOV', 'YEM_HOUTHIS'], 'YE', 'مأرب', '2024-05-01'),
    ('تخوض كتائب القسام اشتباكات ضارية مع قوات الاحتلال في محور جباليا شمالي قطاع غزة.', 'CLASH', ['ISR_IDF', 'PSE_QASSAM'], 'PS', 'جباليا', '2024-05-01'),
    ('اشتبكت قوات تابعة لحكومة الوحدة الوطنية مع مجموعة مسلحة في منطقة جنزور غرب طرابلس.', 'CLASH', ['LBY_GNU'], 'LY', None, '2024-05-01'),
    ('دارت اشتباكات بين قوات سوريا الديمقراطية ومقاتلي العشائر العربية في بلدة ذيبان بريف دير الزور الشرقي.', 'CLASH', ['GEN_TRIBES', 'SYR_SDF'], 'SY', None, '2024-05-01'),
    ('تدور اشتباكات متقطعة بين الجيش الوطني الليبي وقوات حكومة الوفاق على تخوم مدينة سرت.', 'CLASH', ['LBY_GNU', 'LBY_LNA'], 'LY', 'سرت', '2024-05-01'),
    ('اشتبك مسلحون فلسطينيون مع قوات الاحتلال خلال اقتحامها مدينة طولكرم.', 'CLASH', None, 'PS', 'طولكرم', '2024-05-01'),
    ('أطلق مسلحون مجهولون النار على ناشط مدني في مدينة البصرة، ما أدى إلى مقتله.', 'ATTACK', ['GEN_UNKNOWN_GUNMEN'], 'IQ', 'البصرة', '2024-05-01'),
    ('استشهد فتى برصاص جيش الاحتلال خلال اقتحام بلدة قباطية جنوب جنين.', 'ATTACK', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', None, '2024-05-01'),
    ('هاجم عناصر من تنظيم داعش نقطة عسكرية للجيش العراقي في قضاء الحويجة جنوب غربي كركوك.', 'CLASH', ['TNG_ISIS'], 'IQ', 'الحويجة', '2024-05-01'),
    ('ارتكبت قوات الدعم السريع مجزرة في قرية ود النورة بولاية الجزيرة راح ضحيتها أكثر من 100 شخص.', 'ATTACK', ['SDN_RSF'], 'SD', None, '2024-05-01'),
    ('أقدم مسلح على إطلاق النار على دورية للشرطة الأردنية في منطقة الرمثا.', 'CLASH', None, 'JO', 'الرمثا', '2024-05-01'),
    ('شن مسلحو داعش هجوما على قرية في قضاء خانقين، ما أسفر عن مقتل 11 مدنيا.', 'ATTACK', ['TNG_ISIS'], 'IQ', 'خانقين', '2024-05-01'),
    ('أقدمت جماعة الحوثي على اختطاف عشرات الموظفين الأمميين في صنعاء.', 'ABDUCTION', ['YEM_HOUTHIS'], 'YE', 'صنعاء', '2024-05-01'),
    ('أفرجت عصابة خطف عن طفل اختطفته قبل أسبوع في مدينة السويداء مقابل فدية.', 'ABDUCTION', None, 'SY', 'السويداء', '2024-05-01'),
    ('شنت قوات الاحتلال حملة دهم واعتقالات واسعة في مدينة نابلس فجر اليوم.', 'ARREST', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'PS', 'نابلس', '2024-05-01'),
    ('اعتقلت السلطات المصرية عددا من الناشطين بتهمة نشر أخبار كاذبة في القاهرة.', 'ARREST', None, 'EG', 'القاهرة', '2024-05-01'),
    ('اعتقل الأمن العام السوري عددا من فلول النظام البائد في ريف اللاذقية.', 'ARREST', ['SYR_GENERAL_SECURITY'], 'SY', 'اللاذقية', '2025-03-10'),
    ('اعتقلت قوات الأمن السودانية عددا من أعضاء لجان المقاومة في الخرطوم بحري.', 'ARREST', None, 'SD', None, '2024-05-01'),
    ('أعلن جهاز مكافحة الإرهاب العراقي اعتقال قيادي بارز في داعش بمحافظة كركوك.', 'ARREST', ['IRQ_CTS'], 'IQ', 'كركوك', '2024-05-01'),
    ('أوقفت الأجهزة الأمنية الليبية 12 مهاجرا غير شرعي في مدينة الزاوية.', 'ARREST', None, 'LY', 'الزاوية', '2024-05-01'),
    ('اعتقل الجيش اللبناني سوريين اثنين في منطقة عرسال بتهمة الدخول خلسة.', 'ARREST', ['LBN_LAF'], 'LB', 'عرسال', '2024-05-01'),
    ('نظم عشرات المعلمين وقفة احتجاجية أمام مبنى وزارة التربية في بغداد للمطالبة بتحسين رواتبهم.', 'PROTEST', None, 'IQ', 'بغداد', '2024-05-01'),
    ('أحرق محتجون الإطارات وقطعوا الطرق في مدينة طرابلس شمالي لبنان احتجاجا على تدهور الأوضاع المعيشية.', 'PROTEST', ['GEN_PROTESTERS'], 'LB', 'طرابلس', '2024-05-01'),
    ('نفذ موظفو القطاع العام في السويداء إضرابا عاما احتجاجا على رفع أسعار المحروقات.', 'PROTEST', None, 'SY', 'السويداء', '2024-05-01'),
    ('اعتصم أهالي المعتقلين أمام مقر المحكمة في مدينة بنغازي للمطالبة بالإفراج عن ذويهم.', 'PROTEST', None, 'LY', 'بنغازي', '2024-05-01'),
    ('نظم أنصار التيار الصدري اعتصاما مفتوحا أمام بوابات المنطقة الخضراء في بغداد.', 'PROTEST', ['IRQ_SADRIST_MOVEMENT'], 'IQ', 'بغداد', '2024-05-01'),
    ('تظاهر المئات في مدينة الحسيمة احتجاجا على غلاء المعيشة.', 'PROTEST', None, None, None, '2024-05-01'),
    ('نظم المئات من أنصار المجلس الانتقالي الجنوبي مسيرة في مدينة المكلا.', 'PROTEST', ['YEM_STC'], 'YE', 'المكلا', '2024-05-01'),
    ('فرقت الشرطة السودانية بالغاز المسيل للدموع متظاهرين خرجوا في مدينة أم درمان ضد الانقلاب.', 'PROTEST', None, 'SD', 'أم درمان', '2024-05-01'),
    ('نظمت نقابة المحامين الأردنيين اعتصاما أمام قصر العدل في عمان.', 'PROTEST', None, 'JO', 'عمان', '2024-05-01'),
    ('تظاهر مئات الفلسطينيين في مدينة رام الله رفضا لاغتيال قادة المقاومة.', 'PROTEST', None, 'PS', 'رام الله', '2024-05-01'),
    ('اقتحم متظاهرون غاضبون مبنى مجلس المحافظة في مدينة البصرة وأضرموا فيه النار.', 'PROTEST', ['GEN_PROTESTERS'], 'IQ', 'البصرة', '2024-05-01'),
    ('وقفة احتجاجية لأهالي الأسرى أمام مقر الصليب الأحمر في غزة.', 'PROTEST', None, 'PS', 'غزة', '2024-05-01'),
    ('استخدمت الشرطة الغاز المسيل للدموع لتفريق المحتجين الذين رشقوها بالحجارة في مدينة صفاقس.', 'PROTEST', None, None, None, '2024-05-01'),
    ('أعلن الجيش الإسرائيلي أن طائراته أغارت على مستودع أسلحة تابع لحزب الله في بلدة النبطية.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'النبطية', '2024-05-01'),
    ('قتلت غارة شنتها مسيرة أمريكية قياديا في تنظيم القاعدة بمحافظة إدلب.', 'AIRSTRIKE', ['USA', 'USA_AIR_FORCE', 'USA_FORCES'], 'SY', 'إدلب', '2024-05-01'),
    ('استهدف الحوثيون بطائرات مسيرة منشآت نفطية في محافظة شبوة.', 'AIRSTRIKE', ['YEM_HOUTHIS'], 'YE', 'شبوة', '2024-05-01'),
    ('قصف مدفعي إسرائيلي يستهدف أطراف بلدة شبعا.', 'SHELLING', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'شبعا', '2024-05-01'),
    ('قصفت قوات الدعم السريع مستشفى الفاشر الجنوبي بالقذائف.', 'SHELLING', ['SDN_RSF'], 'SD', 'الفاشر', '2024-05-01'),
    ('ضربت غارات إسرائيلية مدينة بعلبك في شرق لبنان.', 'AIRSTRIKE', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', 'بعلبك', '2024-05-01'),
    ('قصف الجيش المصري بالطائرات مواقع لمسلحين في درنة الليبية.', 'AIRSTRIKE', ['EGY_ARMED_FORCES'], 'LY', 'درنة', '2024-05-01'),
    ('نفذ الجيش الأردني غارات جوية على مواقع لمهربي المخدرات داخل الأراضي السورية في ريف السويداء.', 'AIRSTRIKE', ['JOR_AIR_FORCE', 'JOR_JAF'], 'SY', 'السويداء', '2024-05-01'),
    ('أغارت مسيرة على سيارة في منطقة البوكمال الحدودية.', 'AIRSTRIKE', None, 'SY', 'البوكمال', '2024-05-01'),
    ('اعتقلت الشرطة التونسية عددا من المحتجين في العاصمة تونس.', 'ARREST', None, None, None, '2024-05-01'),
    ('اشتبكت قوات البيشمركة مع عناصر من داعش في منطقة مخمور.', 'CLASH', ['IRQ_PESHMERGA', 'TNG_ISIS'], 'IQ', 'مخمور', '2024-05-01'),
    ('قتل عنصران من هيئة تحرير الشام في اشتباكات مع قوات النظام على محور كبانة بريف اللاذقية.', 'CLASH', ['SYR_HTS', 'SYR_SAA'], 'SY', None, '2024-05-01'),
    ('قصف الجيش السوري بالمدفعية مواقع لقسد قرب سد تشرين.', 'SHELLING', ['SYR_ARMY'], 'SY', None, '2025-01-10'),
    ('أعلنت المقاومة الإسلامية في العراق استهداف هدف حيوي في إيلات بالطيران المسير.', 'AIRSTRIKE', ['IRQ_IRAQI_RESISTANCE'], 'IL', 'إيلات', '2024-05-01'),
    ('استشهد مواطنان في قصف مدفعي إسرائيلي استهدف بلدة حولا جنوبي لبنان.', 'SHELLING', ['ISR', 'ISR_IAF', 'ISR_IDF'], 'LB', None, '2024-05-01'),
    ('اعتقلت قوات الاحتلال فجر اليوم الأربعاء 18 مواطنا من الضفة الغربية.', 'ARREST', ['ISR', 'ISR_IAF', 'ISR_IDF'], None, None, '2024-05-01'),
    ('فرقت الشرطة المصرية عشرات المحتجين أمام نقابة الصحفيين بوسط القاهرة.', 'PROTEST', ['GEN_PROTESTERS'], 'EG', 'القاهرة', '2024-05-01'),
    ('خرجت مسيرة حاشدة في مدينة تعز تنديدا بالحصار الحوثي.', 'PROTEST', None, 'YE', 'تعز', '2024-05-01'),
    ('قصفت مدفعية الجيش التركي قرى في ريف عين العرب.', 'SHELLING', ['TUR_TAF'], 'SY', None, '2024-05-01'),
    ('اغتال مسلحون مجهولون ضابطا في الشرطة العراقية بمدينة العمارة.', 'ATTACK', ['GEN_UNKNOWN_GUNMEN'], 'IQ', None, '2024-05-01'),
    ('أصيب خمسة أشخاص بانفجار دراجة نارية مفخخة في مدينة الباب شرق حلب.', 'EXPLOSION', None, 'SY', 'الباب', '2024-05-01'),
    ('شنت مسيرات تابعة للجيش السوداني غارات على مواقع الدعم السريع في الخرطوم بحري.', 'AIRSTRIKE', ['SDN_SAF'], None, None, '2024-05-01'),
    ('اختطف مسلحون حوثيون أستاذا جامعيا من منزله في صنعاء.', 'ABDUCTION', ['YEM_HOUTHIS'], 'YE', 'صنعاء', '2024-05-01'),
    ('نفذ الطيران التركي غارات على مواقع حزب العمال الكردستاني في منطقة متينا بدهوك.', 'AIRSTRIKE', ['TUR_AIR_FORCE', 'TUR_TAF'], 'IQ', None, '2024-05-01'),
    ('قالت وسائل إعلام إسرائيلية إن صاروخا أطلق من جنوب لبنان سقط في مستوطنة كريات شمونة.', 'SHELLING', None, None, None, '2024-05-01'),
    ('دارت اشتباكات عنيفة بين الجيش السوداني والدعم السريع في محيط مصفاة الجيلي.', 'CLASH', ['SDN_RSF', 'SDN_SAF'], None, None, '2024-05-01'),
    ('فجر مسلحون خط أنابيب للغاز في محافظة العريش.', 'EXPLOSION', None, None, None, '2024-05-01'),
]

# Not events: a denial, a threat, a call to protest.
NOT_ASSERTED = [
    "نفى الجيش الإسرائيلي أن يكون قد شن غارات على مدينة رفح.",
    "هددت جماعة الحوثي بقصف السفن الأمريكية في البحر الأحمر.",
    "دعا ناشطون إلى التظاهر يوم الجمعة المقبل في ساحة التحرير.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _participants(event, etype: str) -> set[str]:  # type: ignore[no-untyped-def]
    people = [event.actor, *event.assoc_actors]
    if etype == "CLASH":
        people.append(event.recipient)  # a clash has two sides
    return {a.id for a in people if a is not None}


@pytest.mark.parametrize(("text", "etype", "actors", "country", "place", "published"), CASES)
def test_newswire_sentence(pipeline: Pipeline, text: str, etype: str, actors: list[str] | None,
                           country: str | None, place: str | None, published: str) -> None:
    doc = pipeline.run(text, published=published)
    events = [e for e in doc.events if e.type == etype]
    assert events, f"no {etype} in {[(e.type, e.actor and e.actor.id) for e in doc.events]}"
    if actors is not None:
        found = [_participants(e, etype) for e in events]
        assert any(set(actors) & f for f in found), f"actors {found}, expected one of {actors}"
    if country is not None:
        places = [e.location for e in events if e.location is not None]
        assert any(p.country == country and (place is None or place in (p.name_ar or "") or place in p.text)
                   for p in places), f"places {[(p.name, p.country) for p in places]}"


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_not_asserted(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run(text, published="2024-05-01")
    assert all(e.modality not in ("asserted", "reported") for e in doc.events), \
        [(e.type, e.modality) for e in doc.events]


def test_protest_actor_is_the_protesters_not_the_police(pipeline: Pipeline) -> None:
    doc = pipeline.run("فرقت قوات الأمن العراقية بالغاز المسيل للدموع مئات المتظاهرين في ساحة التحرير وسط بغداد.",
                       published="2024-05-01")
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert protests and protests[0].actor is not None and protests[0].actor.kind == "civilians"
    assert protests[0].recipient is not None and protests[0].recipient.id == "IRQ_ARMY"


def test_clash_between_two_sides(pipeline: Pipeline) -> None:
    doc = pipeline.run("اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة الأبيض.",
                       published="2024-05-01")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert clash.actor is not None and clash.actor.id == "SDN_SAF"
    assert clash.recipient is not None and clash.recipient.id == "SDN_RSF"


def test_ambiguous_army_read_in_the_country_of_the_text(pipeline: Pipeline) -> None:
    doc = pipeline.run("اشتبك الجيش مع مسلحين في مدينة الأبيض بولاية شمال كردفان.", published="2024-05-01")
    clash = next(e for e in doc.events if e.type == "CLASH")
    assert clash.actor is not None and clash.actor.id == "SDN_SAF"


def test_nationality_adjective_after_a_force_noun(pipeline: Pipeline) -> None:
    doc = pipeline.run("أطلق جنود إسرائيليون النار على صيادين قبالة شاطئ غزة.", published="2024-05-01")
    attack = next(e for e in doc.events if e.type == "ATTACK")
    assert attack.actor is not None and attack.actor.id == "ISR_IDF"
