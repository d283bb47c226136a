"""Tests for marsad.resolve.quantities: forces, equipment and casualties in Arabic sentences."""

from pathlib import Path

import pytest

from marsad.resolve.quantities import find_quantities

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("وتقضي الصفقة بإرسال 800 مقاتلٍ إلى الجبهة", (800, "fighters", "force", False)),
        ("أرسل الحزب ثمانمئة مقاتل", (800, "fighters", "force", False)),
        ("نشرت الوزارة ألفي جندي على الحدود", (2000, "soldiers", "force", False)),
        ("وصلت 22 شاحنة إلى المطار", (22, "trucks", "equipment", False)),
        ("وشملت التعزيزات 200 عنصر من الميليشيا", (200, "members", "force", False)),
        ("وتحمل السيارات نحو 50 عنصراً", (50, "members", "force", True)),
        ("غادرت 150 مركبة مدرعة المدينة", (150, "vehicles", "equipment", False)),
        ("أسفر القصف عن مقتل 5 عناصر", (5, "members", "killed", False)),
        ("أدى الانفجار إلى إصابة ثلاثة مدنيين بجروح", (3, "civilians", "wounded", False)),
        ("استقدمت القوات عشرات الآليات", (10, "vehicles", "equipment", True)),
        ("تقل مئات المقاتلين", (100, "fighters", "force", True)),
        ("وصلت سبع طائرات حربية إلى القاعدة", (7, "aircraft", "equipment", False)),
        ("أطلقت الميليشيا 12 طائرة مسيرة", (12, "drones", "equipment", False)),
        ("سقطت 4 قذائف صاروخية على الحي", (4, "rockets", "equipment", False)),
        ("أطلق الجيش 3 صواريخ", (3, "missiles", "equipment", False)),
        ("دمرت الغارة دبابتين", (2, "tanks", "equipment", False)),
        ("مقتل ما لا يقل عن 7 جنود", (7, "soldiers", "killed", True)),
        ("قتل 4 مسلحين في الاشتباكات", (4, "militants", "killed", False)),
    ],
)
def test_single_quantity(text: str, expected: tuple) -> None:
    [q] = find_quantities(text)
    assert (q.value, q.unit, q.kind, q.approximate) == expected
    assert text[q.start : q.end] == q.text


def test_killed_and_wounded_kept_apart() -> None:
    text = "وأدى الهجوم إلى سقوط 12 قتيلاً و20 جريحاً بين المدنيين"
    qs = find_quantities(text)
    assert [(q.value, q.kind) for q in qs] == [(12, "killed"), (20, "wounded")]


def test_casualties_without_unit_count_people() -> None:
    qs = find_quantities("أسفر القصف عن مقتل 3 وإصابة 7 آخرين")
    assert [(q.value, q.unit, q.kind) for q in qs] == [(3, "people", "killed"), (7, "people", "wounded")]


def test_killed_or_wounded_together_is_other() -> None:
    [q] = find_quantities("أسفر التفجير عن مقتل وإصابة 10 أشخاص")
    assert (q.value, q.kind) == (10, "other")


def test_unit_before_number_and_duals() -> None:
    text = "وأن الشاحنات الـ22 محملة بالذخيرة، ونقلت طائرتا شحن المعدات ومدفعين ميدانيين"
    got = [(q.value, q.unit) for q in find_quantities(text)]
    assert got == [(22, "trucks"), (2, "aircraft"), (2, "artillery")]


@pytest.mark.parametrize("text", ["في 23 يناير 2019", "بنسبة 50 بالمئة", "منذ 50 يوماً", "في عدة مواقع"])
def test_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_seed_latakia_deal_carries_800_fighters() -> None:
    path = SHARED / "dev" / "articles" / "000.txt"
    if not path.exists():
        pytest.skip("shared dev data (../shared/dev) is not present in this checkout")
    body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    deal = body.index("اللاذقية")
    near = [q for q in find_quantities(body) if abs(q.start - deal) < 120]
    assert [(q.value, q.unit) for q in near] == [(800, "fighters")]
