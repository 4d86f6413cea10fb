"""A parcel's tracking link: the carrier's page with the number in it, the shop's own
address when it set one, none for a generic carrier."""

from __future__ import annotations

from app.core.carriers import CarrierCode
from app.core.dispatch.links import tracking_url

NUMBER = "100000000004"


def test_each_carrier_links_to_its_own_tracking_page_with_the_number() -> None:
    assert tracking_url(CarrierCode.YAMATO, NUMBER, {}) == (
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01=" + NUMBER
    )
    assert tracking_url(CarrierCode.SAGAWA, NUMBER, {}) == (
        "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=" + NUMBER
    )
    assert tracking_url(CarrierCode.JAPANPOST, NUMBER, {}) == (
        "https://trackings.post.japanpost.jp/services/srv/search/direct"
        f"?reqCodeNo1={NUMBER}&searchKind=S002&locale=ja"
    )


def test_a_generic_carrier_has_no_link() -> None:
    assert tracking_url(CarrierCode.GENERIC, NUMBER, {}) == ""


def test_the_shops_setting_wins_and_one_without_the_number_gives_no_link() -> None:
    settings = {"tracking.url.sagawa": "https://track.example/{n}/{n}"}
    assert tracking_url(CarrierCode.SAGAWA, NUMBER, settings) == (
        f"https://track.example/{NUMBER}/{NUMBER}"
    )
    assert tracking_url(CarrierCode.SAGAWA, NUMBER, {"tracking.url.sagawa": "https://x"}) == ""
    # An empty setting is no setting: the default stands.
    assert tracking_url(CarrierCode.SAGAWA, NUMBER, {"tracking.url.sagawa": ""}).endswith(NUMBER)
