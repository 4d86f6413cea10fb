"""The carriers' tracking pages: the address a customer opens to follow a parcel.

Each carrier's page is a setting `tracking.url.<carrier>` with `{n}` where the
tracking number goes; not set, the default below (public search pages, see
/work/shared/CARRIER-FILES.md). A carrier without a page (generic) has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from app.core.carriers import CarrierCode

#: Where the tracking number goes in a page's address.
NUMBER = "{n}"

DEFAULT_TRACKING_URLS: dict[CarrierCode, str] = {
    CarrierCode.YAMATO: (
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01={n}"
    ),
    CarrierCode.SAGAWA: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={n}",
    CarrierCode.JAPANPOST: (
        "https://trackings.post.japanpost.jp/services/srv/search/direct"
        "?reqCodeNo1={n}&searchKind=S002&locale=ja"
    ),
}


def tracking_key(carrier: CarrierCode) -> str:
    """The setting that holds `carrier`'s tracking page."""
    return f"tracking.url.{carrier.value}"


def tracking_url(carrier: CarrierCode, number: str, settings: Mapping[str, str]) -> str:
    """The page that follows parcel `number` of `carrier` ("" for a carrier without one)."""
    page = settings.get(tracking_key(carrier), "").strip() or DEFAULT_TRACKING_URLS.get(carrier, "")
    if NUMBER not in page:
        return ""
    return page.replace(NUMBER, quote(number.strip(), safe=""))
