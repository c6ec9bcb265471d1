"""Main-text extractors compared on real news pages, and what ClaimDesk extracts from each.

    python bench/pages.py [PAGES_DIR] [--extractors trafilatura,readability,...] [--split dev|held-out|all]

PAGES_DIR (default ../shared/eval/pages) holds html/<id>.html.gz and ground-truth.json; it is read where it is,
never copied. The pages are split once, before any tuning: ids sorted, the first two thirds are the development
subset (rules were tuned on it), the last third is held out. For each extractor and subset it prints
- words: precision / recall / F1 of the extracted text's words against the true article body (bag of words);
- claims: claims extracted from its text, the share outside the article (the scorer's definition, imported from
  the corpus's score.py), pages with no claim although the true article body gives some, and "kept": the share
  of the claims extracted from the true article body that are also extracted from this text;
- seconds and MB/s of the main-text extraction alone (decoded HTML characters; no claim extraction).
Mode "pasted" is the page's visible text (as score.py --mode text makes it) through ClaimDesk's furniture rules.
Alternatives (readability-lxml, jusText, goose3, newspaper4k) are not project dependencies: install them to compare
(`pip install readability-lxml justext goose3 newspaper4k`); missing ones are skipped.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract_claims  # noqa: E402
from claims.extraction.boilerplate import classify_lines  # noqa: E402
from claims.extraction.html import NoArticleError, decode_html, page_from_html  # noqa: E402
from claims.extraction.segmentation import split_lines  # noqa: E402

DEV_SHARE = 2 / 3
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def _lxml_text(fragment: str) -> str:
    import lxml.html

    root = lxml.html.fromstring(fragment)
    out: list[str] = []
    for el in root.iter():
        if el.tag in _BLOCKS:
            out.append("\n")
        if isinstance(el.tag, str) and el.text and el.tag not in ("script", "style"):
            out.append(el.text)
        if el.tail:
            out.append(el.tail)
    return re.sub(r"\n\s*\n+", "\n", "".join(out)).strip()


def ex_trafilatura(html: str, url: str) -> str:
    try:
        return page_from_html(html, url=url).body
    except NoArticleError:
        return ""


def ex_trafilatura_precision(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""


def ex_trafilatura_full(html: str, url: str) -> str:
    """trafilatura with its fallback comparison against its bundled readability and jusText (fast=False)."""
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def ex_readability(html: str, url: str) -> str:
    from readability import Document

    return _lxml_text(Document(html).summary(html_partial=True))


def ex_justext(html: str, url: str) -> str:
    import justext

    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def ex_goose3(html: str, url: str) -> str:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False}) as g:
        return g.extract(raw_html=html).cleaned_text or ""


def ex_newspaper4k(html: str, url: str) -> str:
    import newspaper

    art = newspaper.Article(url or "https://example.invalid/")
    art.download(input_html=html)
    art.parse()
    return art.text or ""


def ex_pasted(html: str, url: str, *, _score=None) -> str:
    """The visible text of the whole page, as pasted, with the furniture lines dropped."""
    p = _SCORE.VisibleText()
    p.feed(html)
    text = p.text()
    lines = classify_lines(text, split_lines(text))
    return "\n".join(text[ln.start : ln.end] for ln in lines if ln.furniture is None)


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "trafilatura": ex_trafilatura,
    "trafilatura-precision": ex_trafilatura_precision,
    "trafilatura-full": ex_trafilatura_full,
    "readability": ex_readability,
    "justext": ex_justext,
    "goose3": ex_goose3,
    "newspaper4k": ex_newspaper4k,
    "pasted": ex_pasted,
}
_SCORE = None


def _load_score(pages: Path):
    spec = importlib.util.spec_from_file_location("pages_score", pages / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def split_ids(ids: list[str]) -> dict[str, list[str]]:
    ids = sorted(ids)
    cut = round(len(ids) * DEV_SHARE)
    return {"dev": ids[:cut], "held-out": ids[cut:], "all": ids}


def _word_scores(got: str, want: str) -> tuple[int, int, int]:
    g, w = Counter(_SCORE.words(got)), Counter(_SCORE.words(want))
    return sum((g & w).values()), sum(g.values()), sum(w.values())


def evaluate(name: str, fn, pages: dict[str, tuple[str, str, str]], gold_claims: dict[str, set[str]]) -> dict:
    common = got_words = want_words = 0
    n_claims = outside = empty = failed = kept = 0
    chars = 0
    secs = 0.0
    for doc_id, (html, url, body) in pages.items():
        chars += len(html)
        t0 = time.perf_counter()
        try:
            text = fn(html, url)
        except Exception:  # an extractor that crashes on a page extracted nothing from it
            text, failed = "", failed + 1
        secs += time.perf_counter() - t0
        c, g, w = _word_scores(text, body)
        common, got_words, want_words = common + c, got_words + g, want_words + w
        claims = extract_claims(text) if text.strip() else []
        nbody = _SCORE.norm(body)
        n_claims += len(claims)
        outside += sum(1 for cl in claims if _SCORE.norm(cl.text) not in nbody)
        empty += not claims and len(gold_claims[doc_id]) > 0
        kept += len(gold_claims[doc_id] & {_SCORE.norm(cl.text) for cl in claims})
    p, r = common / max(1, got_words), common / max(1, want_words)
    return {
        "extractor": name,
        "pages": len(pages),
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / max(1e-9, p + r),
        "claims": n_claims,
        "outside": outside,
        "outside_share": outside / max(1, n_claims),
        "empty_with_gold": empty,
        "kept": kept / max(1, sum(len(gold_claims[d]) for d in pages)),
        "crashed": failed,
        "seconds": secs,
        "mb_s": chars / max(secs, 1e-9) / 1e6,
    }


def main() -> None:
    global _SCORE
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "pages"))
    ap.add_argument("--extractors", default=",".join(EXTRACTORS))
    ap.add_argument("--split", choices=["dev", "held-out", "all", "both"], default="both")
    a = ap.parse_args()
    pages_dir = Path(a.pages)
    _SCORE = _load_score(pages_dir)
    truth = json.loads((pages_dir / "ground-truth.json").read_text(encoding="utf-8"))
    splits = split_ids(list(truth))
    wanted = ["dev", "held-out"] if a.split == "both" else [a.split]
    gold_claims = {d: {_SCORE.norm(c.text) for c in extract_claims(rec["articleBody"])} for d, rec in truth.items()}
    print(
        f"pages={len(truth)} dev={len(splits['dev'])} held-out={len(splits['held-out'])} "
        f"pages whose true article gives claims={sum(1 for n in gold_claims.values() if n)}"
    )
    print(
        f"{'subset':9} {'extractor':22} {'P':>5} {'R':>5} {'F1':>5} {'claims':>6} {'outside':>7} {'share':>6} "
        f"{'empty':>5} {'kept':>5} {'crash':>5} {'MB/s':>6}"
    )
    for name in a.extractors.split(","):
        fn = EXTRACTORS[name]
        try:
            fn("<html><body><p>warm up</p></body></html>", "")
        except ImportError as error:
            print(f"{name}: skipped ({error})")
            continue
        except Exception:  # noqa: S110 - a warm-up page that an extractor refuses is not a result
            pass
        for subset in wanted:
            pages = {}
            for doc_id in splits[subset]:
                raw = gzip.decompress((pages_dir / "html" / f"{doc_id}.html.gz").read_bytes())
                rec = truth[doc_id]
                pages[doc_id] = (decode_html(raw), rec.get("url", ""), rec["articleBody"])
            r = evaluate(name, fn, pages, gold_claims)
            print(
                f"{subset:9} {name:22} {r['precision']:5.3f} {r['recall']:5.3f} {r['f1']:5.3f} {r['claims']:6d} "
                f"{r['outside']:7d} {r['outside_share']:6.3f} {r['empty_with_gold']:5d} {r['kept']:5.3f} "
                f"{r['crashed']:5d} "
                f"{r['mb_s']:6.2f}"
            )


if __name__ == "__main__":
    main()
