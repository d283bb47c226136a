"""Location-mention recognition P/R/F1 of marsad's toponym recogniser on IDRISI's Arabic LMR gold (exact span and overlap).

Usage: python scripts/eval_idrisi.py [--gold ../shared/data/idrisi_ar/LMR/data/AR/gold-random-json] [--split dev|train|all]
       [--types CTRY,CITY,PROV,...] [--errors N]

IDRISI (Suwaileh et al., CC BY 4.0) tags location mentions in Arabic disaster tweets from across the
Arab world. marsad's gazetteer covers Syria, Iraq, Lebanon, Jordan, Israel/Palestine, Iran, Turkey's
border provinces, all countries and major Arab and world cities, not streets or hospitals, so the
figure to read is the one restricted to the types it is built for (country, city, province).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.gazetteer.gazetteer import Gazetteer
from marsad.gazetteer.toponyms import recognize
from marsad.text.normalize import key, normalize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / ".." / "shared" / "data" / "idrisi_ar" / "LMR" / "data" / "AR" / "gold-random-json"
GAZETTEER_TYPES = ("CTRY", "CITY", "PROV")


def _skey(s: str) -> str:
    """A mention string compared without hashtag signs, underscores or a ب/ل/و clitic."""
    k = key(s.replace("_", " ").replace("#", " "))
    for c in ("وب", "وال", "بال", "لل", "و", "ب", "ل"):
        if k.startswith(c) and len(k) - len(c) >= 4:
            return k[len(c):] if c not in ("وال", "بال", "لل") else "ال" + k[len(c):]
    return k


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir: Path, split: str, types: set[str] | None, show_errors: int) -> dict[str, float]:
    files = sorted(gold_dir.glob(f"*/{split}.jsonl") if split != "all" else gold_dir.glob("*/*.jsonl"))
    if not files:
        raise SystemExit(f"no IDRISI LMR files under {gold_dir}; pass --gold")
    gaz = Gazetteer.default()
    gaz.matcher()
    n_gold = n_pred = exact = overlap_p = overlap_g = 0
    s_gold = s_pred = s_tp = 0
    misses: Counter[str] = Counter()
    false: Counter[str] = Counter()
    elapsed = 0.0
    tweets = 0
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            gold = [(m["startIdx"], m["endIdx"]) for m in rec["location_mentions"]
                    if types is None or m["type"] in types]
            other = [(m["startIdx"], m["endIdx"]) for m in rec["location_mentions"]
                     if types is not None and m["type"] not in types]
            t0 = time.perf_counter()
            pred = [(t.start, t.end) for t in recognize(normalize(text), gaz)]
            elapsed += time.perf_counter() - t0
            tweets += 1
            # A prediction on a gold mention of an excluded type is neither right nor wrong.
            pred = [p for p in pred if not any(p[0] < e and s < p[1] for s, e in other)]
            # IDRISI lists each distinct mention once, with the offset of the string's first occurrence
            # (sometimes inside a longer word), so also compare the sets of mention strings per tweet.
            g_str = {_skey(rec["text"][s:e]) for s, e in gold} - {""}
            p_str = {_skey(text[s:e]) for s, e in pred} - {""}
            s_gold, s_pred, s_tp = s_gold + len(g_str), s_pred + len(p_str), s_tp + len(g_str & p_str)
            n_gold += len(gold)
            n_pred += len(pred)
            gs, ps = set(gold), set(pred)
            exact += len(gs & ps)
            overlap_p += sum(1 for p in pred if any(p[0] < e and s < p[1] for s, e in gold))
            overlap_g += sum(1 for g in gold if any(g[0] < e and s < g[1] for s, e in pred))
            misses.update(text[s:e] for s, e in gold if (s, e) not in ps)
            false.update(text[s:e] for s, e in pred if (s, e) not in gs)
    p, r, f1 = _prf(exact, n_pred, n_gold)
    op, orr = (overlap_p / n_pred if n_pred else 0.0), (overlap_g / n_gold if n_gold else 0.0)
    of1 = 2 * op * orr / (op + orr) if op + orr else 0.0
    print(f"IDRISI-AR LMR {gold_dir.name} split={split} types={','.join(sorted(types)) if types else 'all'}")
    print(f"tweets {tweets}, gold mentions {n_gold}, predicted {n_pred}, {1000 * elapsed / max(tweets, 1):.3f} ms/tweet")
    print(f"exact span   P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    print(f"overlap      P {op:.3f}  R {orr:.3f}  F1 {of1:.3f}")
    sp, sr, sf = _prf(s_tp, s_pred, s_gold)
    print(f"string/tweet P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}   (distinct mention strings per tweet)")
    if show_errors:
        print("most missed:", ", ".join(f"{k} ({v})" for k, v in misses.most_common(show_errors)))
        print("most false: ", ", ".join(f"{k} ({v})" for k, v in false.most_common(show_errors)))
    return {"p": p, "r": r, "f1": f1, "overlap_p": op, "overlap_r": orr, "overlap_f1": of1,
            "string_p": sp, "string_r": sr, "string_f1": sf}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--split", choices=("dev", "train", "all"), default="all")
    ap.add_argument("--types", default=None, help=f"comma-separated IDRISI types (default all; 'gaz' = {','.join(GAZETTEER_TYPES)})")
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent misses and false hits")
    args = ap.parse_args(argv)
    types = None if args.types is None else set(GAZETTEER_TYPES if args.types == "gaz" else args.types.split(","))
    evaluate(args.gold, args.split, types, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
