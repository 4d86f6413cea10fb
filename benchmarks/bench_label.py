"""Shipping-label rendering: ZPL (with Japanese bitmaps) and PDF, against HTML → PDF.

    .venv/bin/python -m benchmarks.bench_label [--labels N]

Renders N labels (default 200) with varied Japanese addresses, names and
tracking numbers, each address new to the renderer (so the ZPL glyph cache
only helps with the fixed captions), and prints the median and 95th
percentile per label of: ZPL at 203 and 300 dpi, the PDF label, and the
baseline many shipping systems use: the same label as an HTML page rendered to
PDF by WeasyPrint (IPA Gothic by @font-face, the barcode as python-barcode's
SVG). Targets: ZPL < 10 ms, PDF < 20 ms (median).
"""

from __future__ import annotations

import argparse
import html
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import barcode
from barcode.writer import SVGWriter

from app.core.label import (
    LabelContent,
    LabelOrder,
    LabelParcel,
    ShipFrom,
    ShipTo,
    Symbology,
    build_label,
)
from app.labels.fonts import FONT_FILE
from app.labels.layout import LABEL, field_texts
from app.labels.render import render_label

TARGETS_MS = {"zpl 203 dpi": 10.0, "zpl 300 dpi": 10.0, "pdf": 20.0}
PREFECTURES = ("東京都", "大阪府", "北海道", "神奈川県", "福岡県", "愛知県", "京都府", "沖縄県")
CITIES = ("千代田区", "大阪市北区", "札幌市中央区", "横浜市西区", "福岡市博多区", "名古屋市中区")
STREETS = ("丸の内", "梅田", "北一条西", "みなとみらい", "博多駅前", "栄", "桜町", "緑ヶ丘")
BUILDINGS = ("グランドタワー", "サンハイツ", "メゾン青葉", "コーポ山田", "", "第二ビル")
FAMILY = ("山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤")
GIVEN = ("太郎", "花子", "一郎", "美咲", "健太", "さくら", "翔太", "陽菜")
SENDER = ShipFrom("検品ストア 大阪倉庫", "5300001", "大阪府大阪市北区梅田1-1-1", "06-1234-5678")


def varied_labels(count: int, seed: int = 4) -> list[LabelContent]:
    """`count` labels, each with its own address, name and tracking number."""
    rng = random.Random(seed)
    labels = []
    for index in range(count):
        ship_to = ShipTo(
            postal_code=f"{rng.randrange(10**7):07d}",
            prefecture=rng.choice(PREFECTURES),
            city=rng.choice(CITIES),
            address1=f"{rng.choice(STREETS)}{rng.randint(1, 9)}-{rng.randint(1, 30)}-{index}",
            address2=f"{rng.choice(BUILDINGS)} {rng.randint(101, 1520)}号室",
            name=f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
            phone=f"0{rng.randint(3, 99)}-{rng.randint(100, 9999)}-{rng.randint(1000, 9999)}",
        )
        # Drawn in the order the labels were always drawn, so the set stays the same.
        carrier = rng.choice(("yamato", "sagawa", "japanpost"))
        tracking = f"{rng.randrange(10**12):012d}"
        delivery_time = rng.choice(("", "午前中", "14-16", "18-20"))
        parcel_count = rng.randint(1, 3)
        gift = rng.random() < 0.2
        labels.append(
            build_label(
                LabelOrder(f"#{100_000 + index}", ship_to, None, delivery_time, gift),
                LabelParcel(carrier, "", tracking, parcel_count=parcel_count),
                SENDER,
            )
        )
    return labels


#: python-barcode's Codabar counts 2 units a narrow bar, Code 128 one unit a module.
_SVG_OPTIONS: dict[Symbology, dict[str, object]] = {
    symbology: {
        "module_width": LABEL.barcode.module / units,
        "module_height": LABEL.barcode.height,
        "quiet_zone": 0,
        "font_size": 7,
        "text_distance": 3,
    }
    for symbology, units in ((Symbology.CODABAR, 2), (Symbology.CODE128, 1))
}


def html_label(content: LabelContent) -> str:
    """The same label as an HTML page, positioned from the same layout."""
    texts = field_texts(content)
    svg = io.BytesIO()
    barcode.get(content.symbology.value, content.barcode_data, writer=SVGWriter()).write(
        svg, options=_SVG_OPTIONS[content.symbology]
    )
    parts = [
        f'<div class="t" style="left:{f.x}mm;top:{f.y}mm;font-size:{f.size}mm;width:{f.width}mm">'
        f"{html.escape(texts[f.key])}</div>"
        for f in LABEL.fields
        if f.key in texts
    ]
    parts += [
        f'<div class="r" style="left:{r.x}mm;top:{r.y}mm;width:{r.width}mm;height:{r.height}mm;'
        f'border-width:{r.thickness}mm"></div>'
        for r in LABEL.rules
    ]
    area = LABEL.barcode
    body = svg.getvalue().decode("utf-8").split("?>", 1)[-1]
    parts.append(f'<div class="b" style="left:{area.x}mm;top:{area.y}mm">{body}</div>')
    return (
        "<html><head><style>"
        f"@font-face {{font-family: IPAG; src: url('{FONT_FILE.as_uri()}');}}"
        "@page {size: 100mm 150mm; margin: 0}"
        "body {margin: 0; font-family: IPAG}"
        ".t, .r, .b {position: absolute}"
        ".t {white-space: nowrap; overflow: hidden; line-height: 1}"
        ".r {border-style: solid; border-color: black; box-sizing: border-box}"
        "</style></head><body>" + "".join(parts) + "</body></html>"
    )


def timed(render: Callable[[LabelContent], object], labels: list[LabelContent]) -> list[float]:
    """Milliseconds per label, after one warm-up label."""
    render(labels[0])
    times = []
    for content in labels:
        started = time.perf_counter()
        render(content)
        times.append((time.perf_counter() - started) * 1000)
    return times


def weasyprint_renderer() -> tuple[Callable[[LabelContent], object] | None, str]:
    """WeasyPrint's HTML → PDF, or None with the reason it cannot run here."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except (ImportError, OSError) as exc:  # OSError: pango / harfbuzz shared libraries missing
        return None, f"WeasyPrint cannot run here: {exc}"
    import weasyprint

    def render(content: LabelContent) -> object:
        return HTML(string=html_label(content)).write_pdf()

    return render, f"WeasyPrint {weasyprint.__version__}"


def report(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    target = TARGETS_MS.get(name)
    verdict = "" if target is None else (" ok" if median < target else f" OVER {target} ms")
    print(f"  {name:<22} median {median:7.2f} ms   p95 {p95:7.2f} ms{verdict}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=int, default=200)
    args = parser.parse_args()
    labels = varied_labels(args.labels)
    print(f"{len(labels)} labels, each with its own address:")
    report("zpl 203 dpi", timed(lambda c: render_label(c, "zpl", 203), labels))
    report("zpl 300 dpi", timed(lambda c: render_label(c, "zpl", 300), labels))
    pdf = report("pdf", timed(lambda c: render_label(c, "pdf"), labels))
    weasy, name = weasyprint_renderer()
    if weasy is None:
        print(f"  baseline: {name}")
        return
    baseline = report("html → pdf (WeasyPrint)", timed(weasy, labels))
    print(f"  baseline: {name}; the PDF label is {baseline / pdf:.0f}× faster")


if __name__ == "__main__":
    main()
