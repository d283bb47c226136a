"""Benchmark the gazetteer: load time, matcher build, 1,000 toponym resolutions and geocoding a 3,000-character article."""

from __future__ import annotations

import random
import time

from marsad.document import Document
from marsad.gazetteer.gazetteer import Gazetteer, load_entries
from marsad.gazetteer.geocode import Geocoder
from marsad.text.normalize import normalize

ARTICLE = ("قالت مصادر محلية إن القوات الروسية بدأت الانسحاب من مطار القامشلي باتجاه قاعدة حميميم في اللاذقية، "
           "فيما استهدفت غارات مستودعات مهين بريف حمص الشرقي. وأضافت أن رتلاً عسكرياً وصل إلى الميادين "
           "والبوكمال قادماً من دير الزور، بينما دارت اشتباكات على أطراف مدينة الرقة وفي بلدة دير حافر قرب منبج. "
           "وفي موسكو قال مسؤول إن المحادثات مع أنقرة وطهران ستستأنف في أستانا الشهر المقبل. ")


def main() -> None:
    t0 = time.perf_counter()
    entries = load_entries()
    t1 = time.perf_counter()
    gaz = Gazetteer(entries)
    gaz.matcher()
    t2 = time.perf_counter()
    geo = Geocoder(gaz)
    names = [n for e in gaz if e.country == "SY" for n in e.arabic_names()]
    random.seed(1)
    sample = random.sample(names, 1000)
    texts = ["في " + n for n in sample]
    norms = [normalize(t) for t in texts]
    geo.hits(texts[0], norms[0], [(0, len(texts[0]))])  # warm
    t3 = time.perf_counter()
    resolved = sum(len(geo.hits(t, n, [(0, len(t))])) for t, n in zip(texts, norms))
    t4 = time.perf_counter()
    article = (ARTICLE * 8)[:3000]
    norm = normalize(article)
    reps = 200
    t5 = time.perf_counter()
    for _ in range(reps):
        doc = Document(text=article)
        geo.geocode(doc, norm)
    t6 = time.perf_counter()
    print(f"load {len(entries)} entries: {1000 * (t1 - t0):.1f} ms; matcher build: {1000 * (t2 - t1):.1f} ms")
    print(f"resolve 1,000 toponyms ({resolved} resolved): {1000 * (t4 - t3):.1f} ms")
    print(f"geocode a 3,000-character article ({len(doc.places)} places, {len(doc.mentions)} mentions): "
          f"{1000 * (t6 - t5) / reps:.2f} ms")


if __name__ == "__main__":
    main()
