"""Tests of the actor dictionary: data integrity, alias periods, matching and dependency injection."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from marsad.document import Actor
from marsad.errors import ActorDictionaryError, MarsadError, UnknownActorError
from marsad.lexicon.actors import (
    KINDS,
    NULL_COUNTRY_PREFIXES,
    ActorDictionary,
    ActorEntry,
    Alias,
    alias_variants,
    is_arabic,
)
from marsad.text.normalize import key

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GROUP_PREFIXES = {"INT", "TNG", "GEN", "KRD"}
FALL_OF_ASSAD = date(2024, 12, 8)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


# ---------------------------------------------------------------- data integrity


def test_counts(actors: ActorDictionary) -> None:
    assert len(actors) >= 300
    keys = {key(a.text) for e in actors for a in e.aliases if is_arabic(a.text)}
    assert len(keys) >= 1200, f"only {len(keys)} distinct Arabic alias keys"


def test_version_is_dated(actors: ActorDictionary) -> None:
    year, month, n = actors.version.split(".")
    assert 2024 <= int(year) <= 2100 and 1 <= int(month) <= 12 and int(n) >= 1


def test_every_entry_is_complete(actors: ActorDictionary) -> None:
    state_prefixes = {e.id for e in actors if e.kind == "state"}
    for e in actors:
        assert e.kind in KINDS, e.id
        assert e.name and e.name_ar and is_arabic(e.name_ar), e.id
        assert any(is_arabic(a.text) for a in e.aliases), f"{e.id} has no Arabic alias"
        if e.country is None:
            assert e.id.startswith(NULL_COUNTRY_PREFIXES), f"{e.id} needs a country"
        else:
            assert len(e.country) == 2 and e.country.isupper(), e.id
        prefix = e.id.split("_", 1)[0]
        assert prefix in state_prefixes or prefix in GROUP_PREFIXES, f"{e.id}: unknown id prefix"
        if e.valid_from and e.valid_until:
            assert e.valid_from < e.valid_until, e.id


def test_states_cover_the_region(actors: ActorDictionary) -> None:
    for state in ("SYR", "IRQ", "LBN", "IRN", "RUS", "TUR", "USA", "ISR", "JOR", "SAU", "ARE",
                  "QAT", "EGY", "GBR", "FRA", "DEU", "UKR", "CHN", "AFG", "PAK", "YEM"):
        assert actors.get(state).kind == "state"


def test_parents_and_backers_exist_without_cycles(actors: ActorDictionary) -> None:
    for e in actors:
        if e.parent is not None:
            assert e.parent in actors
        for b in e.backers:
            assert b in actors
        chain = actors.ancestors(e.id)  # terminates: the loader rejects cycles
        assert len({a.id for a in chain}) == len(chain)


def test_wikidata_ids_checked(actors: ActorDictionary) -> None:
    assert actors.get("SYR").wikidata == "Q858"
    assert actors.get("RUS").wikidata == "Q159"
    assert actors.get("TNG_ISIS").wikidata == "Q2429253"
    assert actors.get("INT_UN").wikidata == "Q1065"
    qids = [e.wikidata for e in actors if e.wikidata]
    assert len(qids) == len(set(qids)), "two actors share a QID"


def _overlap(a: Alias, b: Alias) -> bool:
    start = max(a.valid_from or date.min, b.valid_from or date.min)
    end = min(a.valid_until or date.max, b.valid_until or date.max)
    return start < end


def test_no_unflagged_alias_collisions(actors: ActorDictionary) -> None:
    by_key: dict[str, list[tuple[ActorEntry, Alias]]] = defaultdict(list)
    for e in actors:
        for a in e.all_aliases():
            for form in alias_variants(a.text):  # generated spelling variants included
                by_key[form].append((e, a))
    clashes = []
    for form, payloads in by_key.items():
        for i, (e1, a1) in enumerate(payloads):
            for e2, a2 in payloads[i + 1:]:
                if e1.id != e2.id and _overlap(a1, a2) and not (a1.ambiguous or a2.ambiguous):
                    clashes.append((form, e1.id, e2.id))
    assert not clashes, clashes[:20]


# ---------------------------------------------------------------- matching

CASES = [
    ("وبإشراف من ميليشيا الحرس الثوري الإيراني", None, ["IRN_IRGC"]),
    ("انسحبت قوات النظام من محيط البلدة", date(2023, 1, 1), ["SYR_SAA"]),
    ("سلمت الفصائل مواقعها للقوات الروسية قرب المطار", None, ["SYR_OPPOSITION_FACTIONS", "RUS_ARMED_FORCES"]),
    ("ووصلت تعزيزات لمرتزقة فاغنر إلى الحقل", None, ["RUS_WAGNER"]),
    ("وصلت مجموعة فاجنر إلى القاعدة", None, ["RUS_WAGNER"]),
    ("انتشر الجيش السوري في أحياء المدينة", date(2025, 3, 1), ["SYR_ARMY"]),
    ("انتشر الجيش السوري في أحياء المدينة", date(2018, 3, 1), ["SYR_SAA"]),
    ("أعلنت الحكومة السورية عن اتفاق جديد", date(2025, 6, 1), ["SYR_GOV"]),
    ("أعلنت الحكومة السورية عن اتفاق جديد", date(2016, 6, 1), ["SYR_ASSAD_GOV"]),
    ("هاجمت مليشيات قسد نقاطا للجيش الوطني السوري", None, ["SYR_SDF", "SYR_SNA"]),
    ("قصفت المسيّرات التركية مواقع لقوات سوريا الديموقراطية", None, ["TUR_AIR_FORCE", "SYR_SDF"]),
    ("استهدف الطيران الأميركي رتلا لحركة النجباء", None, ["USA_AIR_FORCE", "IRQ_NUJABA"]),
    ("وأكدت القيادة المركزية الأمريكية أن قواتها", None, ["USA_CENTCOM"]),
    ("أعلنت جبهة النصرة مسؤوليتها", date(2014, 5, 1), ["SYR_NUSRA"]),
    ("واتهمت موسكو جبهة النصرة بخرق الهدنة", date(2021, 5, 1), ["RUS", "SYR_HTS"]),
    ("قتل مدنيان برصاص مسلحين مجهولين", None, ["GEN_UNKNOWN_GUNMEN"]),
    ("بمشاركة عناصر من حزب الله اللبناني ولواء فاطميون", None, ["LBN_HEZBOLLAH", "IRN_FATEMIYOUN"]),
    ("وتمركز عناصر من الزينبيين قرب المعبر", None, ["IRN_ZAINABIYOUN"]),
    ("قصف الاحتلال الروسي قرى يسيطر عليها جيش الاحتلال التركي", None, ["RUS_ARMED_FORCES", "TUR_TAF"]),
    ("داعش ثم تنظيم الدولة الإسلامية في العراق والشام", None, ["TNG_ISIS", "TNG_ISIS"]),
    ("اشتبكت هيئة تحرير الشام مع حراس الدين", date(2020, 6, 1), ["SYR_HTS", "SYR_HURRAS_AL_DIN"]),
    ("شنت الشرطة العسكرية الروسية دورية مع الأتراك", None, ["RUS_MILITARY_POLICE", "TUR_TAF"]),
    ("واعتقلت قوات الأمن العام عددا من الشبان", date(2025, 5, 1), ["SYR_GENERAL_SECURITY"]),
    ("وبحسب المرصد فإن كتائب حزب الله العراقية نقلت صواريخ", None, ["IRQ_KATAIB_HEZBOLLAH"]),
    ("أغار الطيران الإسرائيلي على مستودع للحرس الثوري", None, ["ISR_IAF", "IRN_IRGC"]),
    ("دخلت قوات الحشد الشعبي إلى البلدة", None, ["IRQ_PMF"]),
    ("تسلمت وحدات حماية الشعب الكردية المواقع", None, ["SYR_YPG"]),
    ("عناصر من حزب العمال الكردستاني", None, ["KRD_PKK"]),
    ("دعت رجال الكرامة إلى النفير", None, ["SYR_MEN_OF_DIGNITY"]),
    ("وتنتشر قوات اليونيفيل جنوب الليطاني", None, ["INT_UNIFIL"]),
    ("وقعت شركة ألماز أنتاي عقدا", None, ["RUS_ALMAZ_ANTEY"]),
    ("أعلنت جماعة الحوثيين إطلاق صاروخ", None, ["YEM_HOUTHIS"]),
]


@pytest.mark.parametrize(("sentence", "on", "expected"), CASES)
def test_sentences_resolve(actors: ActorDictionary, sentence: str, on: date | None, expected: list[str]) -> None:
    hits = actors.find(sentence, on)
    assert [h.entry.id for h in hits] == expected
    for h in hits:
        assert sentence[h.start:h.end] == h.text


def test_period_ends_an_alias(actors: ActorDictionary) -> None:
    # "قوات النظام" means Assad's army up to the fall of the government, nothing after it.
    assert [h.entry.id for h in actors.find("تقدمت قوات النظام", date(2024, 12, 7))] == ["SYR_SAA"]
    assert actors.find("تقدمت قوات النظام", FALL_OF_ASSAD) == []
    assert [h.entry.id for h in actors.find("الجيش السوري", FALL_OF_ASSAD)] == ["SYR_ARMY"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مليشيا حزب الله", "LBN_HEZBOLLAH"),
        ("ميلشيات الحشد الشعبي", "IRQ_PMF"),
        ("قوات سوريا الديموقراطية", "SYR_SDF"),
        ("القوات الأميركية", "USA_FORCES"),
        ("الجنود الأمريكيين", "USA_FORCES"),
        ("الإيرانيين", "IRN"),
        ("مقاتلي قسد", "SYR_SDF"),
        ("وسورية", "SYR"),
    ],
)
def test_spelling_variants(actors: ActorDictionary, text: str, expected: str) -> None:
    hits = actors.find(text)
    assert len(hits) == 1 and hits[0].entry.id == expected
    assert hits[0].text == text.removeprefix("و")


def test_parent_chain(actors: ActorDictionary) -> None:
    chain = [a.id for a in actors.ancestors("IRQ_NUJABA")]
    assert chain[:4] == ["IRN_PROXIES", "IRN_QUDS_FORCE", "IRN_IRGC", "IRN_ARMED_FORCES"]
    assert chain[-1] == "IRN"
    assert actors.is_part_of("IRQ_NUJABA", "IRN")
    assert actors.is_part_of("SYR_SULTAN_MURAD", "SYR_SNA")
    assert actors.is_part_of("RUS_WAGNER", "RUS")
    assert not actors.is_part_of("SYR_SDF", "TUR")
    assert "TUR" in actors.get("SYR_SNA").backers


def test_to_contract(actors: ActorDictionary) -> None:
    hit = actors.find("وقصفت القوات الروسية")[0]
    actor = actors.to_contract(hit.entry, hit.text)
    assert isinstance(actor, Actor)
    assert actor.model_dump() == {
        "id": "RUS_ARMED_FORCES", "name": "Russian Armed Forces", "name_ar": "القوات الروسية",
        "kind": "state_military", "country": "RU", "wikidata": None, "text": "القوات الروسية",
    }


def test_unknown_id_is_a_named_error(actors: ActorDictionary) -> None:
    with pytest.raises(UnknownActorError, match="NO_SUCH"):
        actors.get("NO_SUCH")
    assert issubclass(UnknownActorError, MarsadError)
    assert "NO_SUCH" not in actors


# ---------------------------------------------------------------- dependency injection


def _tiny() -> ActorDictionary:
    return ActorDictionary(
        [
            ActorEntry("AAA", "Alphaland", "ألفا", "state", "AA", aliases=(Alias("ألفا"),)),
            ActorEntry("AAA_ARMY", "Alpha Army", "جيش ألفا", "state_military", "AA", parent="AAA",
                       aliases=(Alias("جيش ألفا"), Alias("الجيش", ambiguous=True))),
            ActorEntry("BBB_ARMY", "Beta Army", "جيش بيتا", "state_military", "BB",
                       aliases=(Alias("الجيش", ambiguous=True),
                                Alias("القوات القديمة", valid_until=date(2020, 1, 1)))),
            ActorEntry("CCC_NEW", "New Force", None, "militia", "BB",
                       aliases=(Alias("القوات القديمة", valid_from=date(2020, 1, 1)),)),
        ],
        version="test",
    )


def test_tiny_dictionary() -> None:
    d = _tiny()
    assert len(d) == 4 and d.version == "test"
    assert [h.entry.id for h in d.find("انسحب جيش ألفا من ألفا")] == ["AAA_ARMY", "AAA"]
    assert d.ancestors("AAA_ARMY")[0].id == "AAA"
    # an alias that two actors share goes to the document's country when it is given
    candidates = d.find("وصل الجيش")[0].match.payloads
    assert d.resolve(candidates).id == "AAA_ARMY"
    assert d.resolve(candidates, prefer_country="BB").id == "BBB_ARMY"
    # one alias handed from one actor to another on a date
    assert d.find("القوات القديمة", date(2019, 12, 31))[0].entry.id == "BBB_ARMY"
    assert d.find("القوات القديمة", date(2020, 1, 1))[0].entry.id == "CCC_NEW"


def test_from_yaml_text_and_validation() -> None:
    text = """
version: "2000.01.1"
actors:
  - id: XXX
    name: Xland
    name_ar: إكس
    kind: state
    country: XX
    aliases: [إكس, {text: عاصمة إكس, until: 2001-01-01}]
"""
    d = ActorDictionary.from_yaml(text)
    assert d.version == "2000.01.1"
    assert d.get("XXX").aliases[1].valid_until == date(2001, 1, 1)
    with pytest.raises(ActorDictionaryError, match="XXX"):
        ActorDictionary.from_yaml(text.replace("kind: state", "kind: army"))
    with pytest.raises(ActorDictionaryError, match="XXX"):
        ActorDictionary.from_yaml(text.replace("country: XX", "country: XX\n    parent: NOPE"))
    with pytest.raises(ActorDictionaryError, match="unknown field"):
        ActorDictionary.from_yaml(text.replace("country: XX", "country: XX\n    colour: red"))
    with pytest.raises(ActorDictionaryError, match="actors"):
        ActorDictionary.from_yaml("version: 1\n")


def test_cycles_and_duplicates_are_rejected() -> None:
    with pytest.raises(ActorDictionaryError, match="cycle"):
        ActorDictionary([ActorEntry("A", "A", None, "other", None, parent="B"),
                         ActorEntry("B", "B", None, "other", None, parent="A")])
    with pytest.raises(ActorDictionaryError, match="twice"):
        ActorDictionary([ActorEntry("A", "A", None, "other", None),
                         ActorEntry("A", "A", None, "other", None)])


# ---------------------------------------------------------------- evaluation gate on dev gold

# Share of the gold files' Arabic actor aliases in which the dictionary finds an actor.
# Pinned below the value measured when the dictionary was written (0.91); raise it, never lower.
MIN_GOLD_ALIAS_RECALL = 0.85


def test_gold_alias_recall(actors: ActorDictionary) -> None:
    gold_dir = SHARED / "dev" / "gold"
    if not gold_dir.is_dir():
        pytest.skip(f"dev gold data not found at {gold_dir}")
    total = found = 0
    for path in sorted(gold_dir.glob("*.json")):
        for actor in json.loads(path.read_text(encoding="utf-8"))["actors"]:
            for alias in actor["aliases"]:
                if is_arabic(alias):
                    total += 1
                    found += bool(actors.find(alias))
    assert total and found / total >= MIN_GOLD_ALIAS_RECALL, (found, total)


@pytest.mark.parametrize(("text", "actor"), [
    ("قصفت قوات الجيش الوطني الليبي مواقع لمسلحين في مدينة درنة.", "LBY_LNA"),
    ("قصفت قوات الجيش الوطني السوري مواقع لقسد في ريف منبج.", "SYR_SNA"),
    ("قصفت قوات الجيش الوطني مواقع لقسد في ريف منبج.", "SYR_SNA"),  # read by the text's country
    ("قصفت قوات الجيش الوطني مواقع للحوثيين في مأرب.", "YEM_GOV"),
])
def test_national_army_names_by_country(text: str, actor: str) -> None:
    import marsad

    doc = marsad.extract(text, published="2023-05-02")
    assert doc.events and doc.events[0].actor is not None and doc.events[0].actor.id == actor
