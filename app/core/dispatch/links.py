"""A parcel's tracking link on its carrier's site, from the settings `tracking.url.CARRIER`.

The links are community conventions, not documented by the carriers, so each is a
setting holding `{n}` where the tracking number goes; the defaults are the ones
known to work today. A generic carrier has no link.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.carriers import CarrierCode

#: The settings' keys, one per carrier with a tracking page.
TRACKING_URL_KEYS: Mapping[CarrierCode, str] = {
    CarrierCode.YAMATO: "tracking.url.yamato",
    CarrierCode.SAGAWA: "tracking.url.sagawa",
    CarrierCode.JAPANPOST: "tracking.url.japanpost",
}

#: What each key holds until a shop sets it.
DEFAULT_TRACKING_URLS: Mapping[CarrierCode, str] = {
    CarrierCode.YAMATO: (
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01={n}"
    ),
    CarrierCode.SAGAWA: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={n}",
    CarrierCode.JAPANPOST: (
        "https://trackings.post.japanpost.jp/services/srv/search/direct"
        "?reqCodeNo1={n}&searchKind=S002&locale=ja"
    ),
}


def tracking_url(carrier: CarrierCode, number: str, settings: Mapping[str, str]) -> str:
    """The page where `carrier` tracks `number`: the shop's setting, else the default;
    "" for a carrier without a page (generic) or a setting without `{n}` in it."""
    key = TRACKING_URL_KEYS.get(carrier)
    if key is None:
        return ""
    template = settings.get(key) or DEFAULT_TRACKING_URLS[carrier]
    if "{n}" not in template:
        return ""
    return template.replace("{n}", number)
