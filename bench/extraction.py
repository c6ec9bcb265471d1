"""Throughput of extract_claims on one core: python bench/extraction.py [MIN_MB].

HTML mode, web pages in (main-text extraction included): python bench/extraction.py --html [MIN_MB] times
invented pages (each article wrapped in a menu, related links and reader comments); add --pages DIR to time real
saved pages instead (DIR/html/*.html.gz, e.g. ../shared/eval/pages). MB/s counts the decoded HTML."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract_claims  # noqa: E402

SAMPLES = [
    'Officials said on Tuesday that the bridge would reopen next month. "We are confident," '
    "the mayor, Jane Doe, told reporters. She added that repairs cost $2 million.\n"
    "According to the transport ministry, traffic fell by a third.\n",
    'The company denied the report.\nIn a statement, Acme Corp said it "fully complies with the law".\n'
    "Analysts estimated that profits would fall, while the union warned of strikes.\n",
    "Gen. Mark Smith, the army chief, said: \u201cThe situation is stable.\n\u201cWe will not retreat.\u201d\n"
    "Source link\nFollow us on Twitter\n",
]


def corpus(min_bytes: int) -> list[str]:
    seeds_dir = ROOT / "seeds"
    if not list(seeds_dir.glob("*.txt")):
        seeds_dir = ROOT.parent / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))] + SAMPLES
    rng = random.Random(7)
    out, size = [], 0
    while size < min_bytes:
        base = rng.choice(texts)
        paras = base.split("\n")
        rng.shuffle(paras)  # vary the articles a little
        art = "\n".join(paras) if rng.random() < 0.5 else base
        out.append(art)
        size += len(art.encode("utf-8"))
    return out


PAGE_TEMPLATE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>{paragraphs}</article>
<aside><h2>Most read</h2><ol><li><a href="/1">Mayor says ferry fares will rise again</a></li>
<li><a href="/2">Police say missing walker found safe</a></li>
<li><a href="/3">Storm closes coast road</a></li></ol></aside>
<section class="comments"><h3>3 Comments</h3><p>reader1 says: I was told the same thing last year.</p></section>
</main><footer>&copy; 2024 The Daily Example</footer></body></html>"""


def html_pages(min_bytes: int, pages_dir: str | None) -> list[str]:
    from claims.extraction.html import decode_html

    if pages_dir:
        import gzip

        pages = [decode_html(gzip.decompress(p.read_bytes())) for p in sorted(Path(pages_dir, "html").glob("*.gz"))]
        out, size = [], 0
        while pages and size < min_bytes:
            out.extend(pages)
            size += sum(len(p) for p in pages)
        return out
    import html

    out = []
    for art in corpus(min_bytes // 2):  # the page markup roughly doubles the size
        lines = [ln for ln in art.split("\n") if ln.strip()]
        paragraphs = "".join(f"<p>{html.escape(ln)}</p>\n" for ln in lines[1:])
        out.append(PAGE_TEMPLATE.format(title=html.escape(lines[0] if lines else ""), paragraphs=paragraphs))
    return out


def main_html(min_mb: float, pages_dir: str | None) -> None:
    from claims.extraction.html import NoArticleError, page_from_html

    pages = html_pages(int(min_mb * 1024 * 1024), pages_dir)

    def claims_of(page: str) -> int:
        try:
            return len(extract_claims(page_from_html(page).body))
        except NoArticleError:
            return 0

    claims_of(pages[0])  # load the sentence model and trafilatura once before timing
    chars = sum(len(p) for p in pages)
    t0, c0 = time.perf_counter(), time.process_time()
    n_claims = sum(claims_of(p) for p in pages)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"mode=html pages={len(pages)} chars={chars} claims={n_claims} seconds={dt:.2f} cpu_seconds={cpu:.2f}")
    # CPU time as well: on a shared machine the wall clock also counts other people's processes
    print(
        f"chars/s={chars / dt:,.0f} pages/s={len(pages) / dt:,.1f} MB/s={chars / dt / 1e6:.2f} "
        f"MB/s_cpu={chars / cpu / 1e6:.2f}"
    )


def main() -> None:
    args = sys.argv[1:]
    if "--html" in args:
        args.remove("--html")
        pages_dir = None
        if "--pages" in args:
            i = args.index("--pages")
            pages_dir = args[i + 1]
            del args[i : i + 2]
        main_html(float(args[0]) if args else 2.0, pages_dir)
        return
    min_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    arts = corpus(int(min_mb * 1024 * 1024))
    extract_claims(arts[0])  # load the sentence model once before timing
    chars = sum(len(a) for a in arts)
    t0, c0 = time.perf_counter(), time.process_time()
    n_claims = sum(len(extract_claims(a)) for a in arts)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"articles={len(arts)} chars={chars} claims={n_claims} seconds={dt:.2f} cpu_seconds={cpu:.2f}")
    print(f"chars/s={chars / dt:,.0f} articles/s={len(arts) / dt:,.1f} MB/s={chars / dt / 1e6:.2f}")
    # on a shared machine wall time counts other people's work too; CPU time is this process's own core
    print(f"MB/s per CPU-second={chars / cpu / 1e6:.2f}")


if __name__ == "__main__":
    main()
