"""Write the demo's sample CSV files under resources/sample/ (deterministic).

    python scripts/make_sample_data.py [--out DIR]

The same seed always gives byte-identical files, so the committed files can be
checked against a fresh run. The catalogue is a small Japanese web shop:
apparel in sizes and colours, cosmetics, supplements, tea and food, stationery
and household goods. Look-alike variants share a name but never a barcode.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.core.gtin import with_check_digit
from app.core.intake.order_formats import GENERIC_COLUMNS
from app.core.intake.prefectures import PREFECTURES, iso_code
from app.core.intake.shopify import EXPORT_COLUMNS
from app.core.intake.stock import COLUMNS as STOCK_COLUMNS
from app.core.times import JAPAN

SEED = 20261127
# Orders are placed in the four days before this moment; delivery dates come
# after 2026-12-01 so the files stay plausible for a while.
ORDERS_UNTIL = dt.datetime(2026, 11, 27, 0, 0, tzinfo=JAPAN)
ORDER_DAYS = 4
FIRST_DELIVERY_DAY = dt.date(2026, 12, 3)
TIME_SLOTS = ("午前中", "14-16", "16-18", "18-20", "19-21")
OUT = Path(__file__).resolve().parent.parent / "resources" / "sample"

# fmt: off
PRODUCT_COLUMNS = ["sku", "name", "variant", "barcode", "case_barcode", "case_qty", "location",
                   "weight_g", "lot_tracked", "expiry_tracked", "min_shelf_life_days", "lot_check"]
# fmt: on

# (name, sku stem, GS1 Japan company prefix, aisle, yen, grams, lot, expiry,
#  minimum shelf life days, can go by mailbox service, [(variant, sku suffix, popularity)])
Family = tuple[str, str, str, str, int, int, bool, bool, int, bool, list[tuple[str, str, int]]]
# fmt: off
_SIZES = (("S", 2), ("M", 3), ("L", 2))
CATALOGUE: list[Family] = [
    ("オーガニックコットン Tシャツ", "TS-ORG", "456038712", "A", 3300, 190, False, False, 0, True,
     [(f"{colour} / {size}", f"{code}-{size}", pop) for colour, code in
      (("ホワイト", "WH"), ("ブラック", "BK"), ("ネイビー", "NV")) for size, pop in _SIZES]),
    ("スウェットパーカー", "PK-SWT", "456038712", "A", 6980, 520, False, False, 0, False,
     [(f"{c} / {s}", f"{k}-{s}", 2) for c, k in (("グレー", "GY"), ("ネイビー", "NV"))
      for s in ("M", "L")]),
    ("リネンシャツ", "SH-LIN", "456038712", "A", 5940, 260, False, False, 0, False,
     [(f"{c} / {s}", f"{k}-{s}", 1) for c, k in (("ホワイト", "WH"), ("ベージュ", "BE"))
      for s in ("M", "L")]),
    ("ソックス 3足組", "SX-3P", "456038712", "A", 1650, 120, False, False, 0, True,
     [("ブラック / 23-25cm", "BK-23", 2), ("ブラック / 25-27cm", "BK-25", 2)]),
    ("薬用美白化粧水", "CS-LTN", "4976452", "B", 2420, 240, True, False, 0, False,
     [("しっとり 200mL", "MO", 3), ("さっぱり 200mL", "FR", 3),
      ("しっとり 詰替用 180mL", "MO-R", 2)]),
    ("保湿乳液 120mL", "CS-EML", "4976452", "B", 2640, 160, True, False, 0, False, [("", "", 2)]),
    ("UVミルク SPF50+ PA++++", "CS-UV", "4976452", "B", 1980, 70, True, False, 0, True,
     [("50mL", "50", 3), ("30mL トラベルサイズ", "30", 1)]),
    ("ハンドクリーム 50g", "CS-HC", "4976452", "B", 1320, 65, True, False, 0, True,
     [("柚子", "YZ", 2), ("桜", "SK", 2), ("無香料", "NF", 1)]),
    ("クレンジングオイル 150mL", "CS-CLO", "4976452", "B", 2200, 190, True, False, 0, False,
     [("", "", 2)]),
    ("ビタミンC 1000mg", "SP-VC", "458211903", "C", 1480, 60, True, True, 180, True,
     [("30日分", "30", 3), ("60日分", "60", 2)]),
    ("マルチビタミン&ミネラル 30日分", "SP-MV-30", "458211903", "C", 1780, 55, True, True, 180,
     True, [("", "", 2)]),
    ("乳酸菌サプリ 30日分", "SP-LB-30", "458211903", "C", 2380, 45, True, True, 180, True,
     [("", "", 2)]),
    ("DHA・EPA 30日分", "SP-DHA-30", "458211903", "C", 2980, 70, True, True, 180, True,
     [("", "", 1)]),
    ("静岡深蒸し煎茶", "TE-SEN", "4977561", "C", 1080, 110, True, True, 90, True,
     [("100g", "100", 3), ("200g", "200", 1)]),
    ("宇治抹茶 30g 缶", "TE-MAT-30", "4977561", "C", 1620, 80, True, True, 90, False,
     [("", "", 2)]),
    ("国産ほうじ茶 ティーバッグ 20袋", "TE-HOJ-TB20", "4977561", "C", 864, 70, True, True, 90, True,
     [("", "", 2)]),
    ("和紅茶 ティーバッグ 10袋", "TE-WK-TB10", "4977561", "C", 756, 40, True, True, 90, True,
     [("", "", 1)]),
    ("緑茶 ペットボトル 500mL", "TE-GRN-500", "4977561", "C", 140, 530, True, True, 60, False,
     [("", "", 2)]),
    ("瀬戸内レモンジャム 140g", "FD-JAM", "458907214", "C", 972, 260, True, True, 60, False,
     [("レモン", "LMN", 2), ("苺", "STR", 2)]),
    ("ドリップコーヒー 10袋", "FD-DRP", "458907214", "C", 1296, 120, True, True, 90, True,
     [("ブレンド", "BL", 2), ("モカ", "MC", 1)]),
    ("国産百花はちみつ 300g", "FD-HNY-300", "458907214", "C", 2160, 420, True, True, 90, False,
     [("", "", 1)]),
    ("無添加 出汁パック 8g×30袋", "FD-DSH-30", "458907214", "C", 1944, 280, True, True, 60, False,
     [("", "", 2)]),
    ("ゲルインクボールペン 0.5mm", "ST-GEL05", "4962318", "D", 165, 12, False, False, 0, True,
     [("黒", "BK", 3), ("赤", "RD", 1), ("青", "BL", 2)]),
    ("リングノート A5", "ST-NB-A5", "4962318", "D", 440, 150, False, False, 0, True,
     [("方眼", "GR", 2), ("横罫", "RL", 2)]),
    ("付箋 75×75mm イエロー", "ST-STK-75", "4962318", "D", 330, 60, False, False, 0, True,
     [("", "", 1)]),
    ("マスキングテープ 15mm 3巻セット", "ST-MT-15", "4962318", "D", 594, 45, False, False, 0, True,
     [("", "", 2)]),
    ("万年筆インク ブルーブラック 30mL", "ST-INK-BB", "4962318", "D", 1320, 110, False, False, 0,
     False, [("", "", 1)]),
    ("一筆箋 和柄", "ST-IPS", "4962318", "D", 385, 40, False, False, 0, True, [("", "", 1)]),
    ("今治フェイスタオル", "HH-TWL", "454990227", "D", 1430, 90, False, False, 0, True,
     [("ホワイト", "WH", 2), ("ベージュ", "BE", 2), ("グレー", "GY", 1)]),
    ("泡ハンドソープ 詰替用 450mL", "HH-HS-R", "454990227", "D", 418, 470, False, False, 0, False,
     [("", "", 2)]),
    ("竹箸 2膳セット", "HH-HSI", "454990227", "D", 1100, 50, False, False, 0, True, [("", "", 1)]),
    ("波佐見焼 マグカップ", "HH-MUG", "454990227", "D", 2420, 330, False, False, 0, False,
     [("藍", "AI", 2), ("白", "SH", 1)]),
    ("帆布トートバッグ", "AC-BAG", "454990227", "D", 2970, 280, False, False, 0, False,
     [("ナチュラル", "NT", 2), ("ブラック", "BK", 1)]),
    ("2027年 干支手ぬぐい 未", "HH-TNG-2027", "454990227", "D", 1210, 40, False, False, 0, True,
     [("", "", 3)]),
]
# Case codes: GTIN-14 with packaging indicator 1, counted as `case_qty` units.
CASES = {"TE-GRN-500": 24, "ST-GEL05-BK": 12, "FD-HNY-300": 6, "HH-HS-R": 12}
# A renewed package: the old JAN still turns up in the warehouse, so both scan.
OLD_PACKAGE_CODE = {"TE-SEN-100": with_check_digit("497756100921")}
# Fast movers also held as reserve stock on the upper rack.
RESERVE_BINS = {"TE-GRN-500": "R-01-01", "FD-HNY-300": "R-01-02", "HH-HS-R": "R-01-03",
                "ST-GEL05-BK": "R-02-01", "TS-ORG-WH-M": "R-02-02", "CS-LTN-MO": "R-02-03"}
# Lot goods whose units carry a GS1 DataMatrix with the lot and expiry (lot_check gs1);
# the other lot goods carry only a JAN, their lot printed as text (lot_check confirm).
GS1_LOT_STEMS = {"SP-VC"}
# Stock that runs short on purpose, so the demo shows backordered orders.
SHORT = {"TS-ORG-NV-M": 3, "SP-VC-60": 2, "HH-TNG-2027": 6}
# fmt: on
FOOD_AISLE = "C"  # taxed at the reduced 8 % rate


@dataclass
class Product:
    sku: str
    name: str
    variant: str
    jan: str
    location: str
    grams: int
    yen: int
    lot_tracked: bool
    expiry_tracked: bool
    shelf_days: int
    mailable: bool
    popularity: int
    aisle: str
    case_code: str = ""
    case_qty: int = 0

    @property
    def lot_check(self) -> str:
        """How a unit proves its lot at the bench: empty for goods without lots."""
        if not self.lot_tracked:
            return ""
        return "gs1" if self.sku.startswith(tuple(GS1_LOT_STEMS)) else "confirm"


@dataclass
class Address:
    name: str
    postal: str
    prefecture: str
    city: str
    address1: str
    address2: str
    phone: str
    email: str


@dataclass
class Order:
    number: str
    placed: dt.datetime
    to: Address
    carrier: str
    service: str
    delivery_date: dt.date | None = None
    delivery_time: str = ""
    gift: str = ""
    buyer: Address | None = None  # who pays, when the parcel is a gift to someone else
    lines: list[tuple[Product, int]] = field(default_factory=list)


def catalogue() -> list[Product]:
    """Every product, with JAN codes from each maker's prefix and a bin in its aisle."""
    next_item: Counter[str] = Counter()
    next_slot: Counter[str] = Counter()
    products = []
    for name, stem, prefix, aisle, yen, grams, lot, exp, shelf, mail, variants in CATALOGUE:
        for variant, suffix, popularity in variants:
            next_item[prefix] += 1
            body = prefix + str(100 + next_item[prefix]).rjust(12 - len(prefix), "0")
            slot = next_slot[aisle]
            next_slot[aisle] += 1
            sku = f"{stem}-{suffix}" if suffix else stem
            product = Product(
                sku,
                name,
                variant,
                with_check_digit(body),
                f"{aisle}-{slot // 4 + 1:02d}-{slot % 4 + 1:02d}",
                grams,
                yen,
                lot,
                exp,
                shelf,
                mail,
                popularity,
                aisle,
            )
            if sku in CASES:
                product.case_qty = CASES[sku]
                product.case_code = with_check_digit("1" + product.jan[:12])
            products.append(product)
    return products


# (prefecture, city, town, postal code, area code, whether the town has 丁目)
# fmt: off
PLACES = [
    ("北海道", "札幌市中央区", "北一条西", "060-0001", "011", True),
    ("北海道", "旭川市", "宮下通", "070-0030", "0166", True),
    ("宮城県", "仙台市青葉区", "一番町", "980-0811", "022", True),
    ("茨城県", "つくば市", "吾妻", "305-0031", "029", True),
    ("栃木県", "宇都宮市", "馬場通り", "320-0026", "028", True),
    ("群馬県", "高崎市", "八島町", "370-0849", "027", False),
    ("埼玉県", "さいたま市浦和区", "高砂", "330-0063", "048", True),
    ("埼玉県", "川越市", "元町", "350-0062", "049", True),
    ("千葉県", "千葉市中央区", "富士見", "260-0015", "043", True),
    ("千葉県", "船橋市", "本町", "273-0005", "047", True),
    ("千葉県", "浦安市", "舞浜", "279-0031", "047", False),
    ("東京都", "千代田区", "丸の内", "100-0005", "03", True),
    ("東京都", "渋谷区", "神宮前", "150-0001", "03", True),
    ("東京都", "世田谷区", "三軒茶屋", "154-0024", "03", True),
    ("東京都", "新宿区", "西新宿", "160-0023", "03", True),
    ("東京都", "杉並区", "阿佐谷南", "166-0004", "03", True),
    ("東京都", "練馬区", "石神井町", "177-0041", "03", True),
    ("東京都", "武蔵野市", "吉祥寺本町", "180-0004", "0422", True),
    ("東京都", "八王子市", "旭町", "192-0083", "042", False),
    ("神奈川県", "横浜市西区", "みなとみらい", "220-0012", "045", True),
    ("神奈川県", "川崎市中原区", "小杉町", "211-0063", "044", True),
    ("神奈川県", "藤沢市", "鵠沼海岸", "251-0037", "0466", True),
    ("神奈川県", "鎌倉市", "小町", "248-0006", "0467", True),
    ("新潟県", "新潟市中央区", "古町通", "951-8063", "025", False),
    ("石川県", "金沢市", "広坂", "920-0962", "076", True),
    ("長野県", "松本市", "中央", "390-0811", "0263", True),
    ("静岡県", "静岡市葵区", "紺屋町", "420-0852", "054", False),
    ("静岡県", "浜松市中央区", "鍛冶町", "430-0933", "053", False),
    ("愛知県", "名古屋市中区", "栄", "460-0008", "052", True),
    ("愛知県", "名古屋市千種区", "今池", "464-0850", "052", True),
    ("京都府", "京都市下京区", "東塩小路町", "600-8216", "075", False),
    ("大阪府", "大阪市北区", "梅田", "530-0001", "06", True),
    ("大阪府", "大阪市中央区", "難波", "542-0076", "06", True),
    ("大阪府", "豊中市", "本町", "560-0021", "06", True),
    ("兵庫県", "神戸市中央区", "三宮町", "650-0021", "078", True),
    ("奈良県", "奈良市", "三条大路", "630-8115", "0742", True),
    ("岡山県", "岡山市北区", "表町", "700-0822", "086", True),
    ("広島県", "広島市中区", "紙屋町", "730-0031", "082", True),
    ("福岡県", "福岡市中央区", "天神", "810-0001", "092", True),
    ("福岡県", "北九州市小倉北区", "京町", "802-0002", "093", True),
    ("熊本県", "熊本市中央区", "手取本町", "860-0806", "096", False),
    ("鹿児島県", "鹿児島市", "東千石町", "892-0842", "099", False),
    ("沖縄県", "那覇市", "久茂地", "900-0015", "098", True),
]
# JIS code and romaji, as Shopify's export writes a prefecture (JP-13, Tokyo).
PREFECTURE_CODES = {name: (code, romaji) for code, name, romaji in PREFECTURES}
FAMILY = [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"),
          ("伊藤", "ito"), ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"),
          ("小林", "kobayashi"), ("加藤", "kato"), ("吉田", "yoshida"), ("山口", "yamaguchi"),
          ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"),
          ("清水", "shimizu"), ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"),
          ("石川", "ishikawa"), ("前田", "maeda"), ("藤田", "fujita"), ("岡田", "okada"),
          ("後藤", "goto"), ("長谷川", "hasegawa"), ("村上", "murakami"), ("近藤", "kondo"),
          ("石井", "ishii"), ("坂本", "sakamoto"), ("遠藤", "endo"), ("青木", "aoki"),
          ("藤井", "fujii"), ("西村", "nishimura"), ("福田", "fukuda"), ("太田", "ota")]
GIVEN = [("翔太", "shota"), ("大輔", "daisuke"), ("健太", "kenta"), ("拓也", "takuya"),
         ("直樹", "naoki"), ("蓮", "ren"), ("悠真", "yuma"), ("湊", "minato"), ("誠", "makoto"),
         ("浩二", "koji"), ("陽菜", "hina"), ("結衣", "yui"), ("さくら", "sakura"),
         ("美咲", "misaki"), ("葵", "aoi"), ("恵子", "keiko"), ("由美", "yumi"),
         ("裕子", "yuko"), ("真由美", "mayumi"), ("彩", "aya"), ("千尋", "chihiro"),
         ("香織", "kaori"), ("智子", "tomoko"), ("美穂", "miho")]
BUILDINGS = ["グランメゾン", "サンハイツ", "パークサイド", "メゾン・ド・ソレイユ", "コーポ桜",
             "レジデンス青葉", "ヴィラ若葉", "ライオンズマンション", "シティハイツ",
             "フォレストコート", "エクセル", "ハイム緑", "リバーサイド", "クレストコート",
             "アーバンハイツ"]
MAIL_DOMAINS = ["example.com", "example.jp", "example.net", "example.org"]
GIFTS = ["お誕生日おめでとう！素敵な一年になりますように。",
         "いつもありがとう。これからもよろしくね。",
         "ご結婚おめでとうございます。末永くお幸せに。", "お疲れさまでした。ゆっくり休んでね。",
         "出産おめでとう！ささやかですが、お祝いです。", "メリークリスマス！",
         "お世話になりました。心ばかりの品です。", "就職おめでとう、新生活を応援しています。"]
REQUESTS = ["置き配希望（玄関前）", "不在時は宅配ボックスへお願いします。",
            "簡易包装で大丈夫です。", "領収書を同梱してください。"]
# fmt: on


def address(rnd: random.Random) -> Address:
    """A Japanese name and address whose postal code and phone fit the prefecture."""
    family, family_r = rnd.choice(FAMILY)
    given, given_r = rnd.choice(GIVEN)
    pref, city, town, postal, area, chome = rnd.choice(PLACES)
    if chome:
        address1 = f"{town}{rnd.randint(1, 5)}-{rnd.randint(1, 28)}-{rnd.randint(1, 20)}"
    else:
        address1 = f"{town}{rnd.randint(1, 999)}-{rnd.randint(1, 9)}"
    address2 = ""
    if rnd.random() < 0.55:
        address2 = f"{rnd.choice(BUILDINGS)} {rnd.randint(1, 9)}{rnd.randint(1, 12):02d}"
    if rnd.random() < 0.8:
        phone = f"0{rnd.choice('789')}0-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"
    else:
        rest = 10 - len(area)
        local = f"{rnd.randint(10 ** (rest - 1), 10**rest - 1)}"
        phone = f"{area}-{local[: rest - 4]}-{local[rest - 4 :]}"
    email = f"{given_r}.{family_r}{rnd.randint(1, 99)}@{rnd.choice(MAIL_DOMAINS)}"
    return Address(f"{family} {given}", postal, pref, city, address1, address2, phone, email)


def _service(rnd: random.Random, carrier: str, lines: list[tuple[Product, int]]) -> str:
    small = all(p.mailable for p, _ in lines) and sum(p.grams * q for p, q in lines) <= 600
    if carrier == "sagawa":
        return "飛脚宅配便"
    if carrier == "japanpost":
        return "ゆうパケット" if small and rnd.random() < 0.5 else "ゆうパック"
    if small and rnd.random() < 0.5:
        return rnd.choice(["ネコポス", "宅急便コンパクト"])
    return "宅急便"


def make_orders(rnd: random.Random, products: list[Product], numbers: list[str]) -> list[Order]:
    """One order per number, placed in time order in the days before ORDERS_UNTIL."""
    span = ORDER_DAYS * 86400
    times = sorted(ORDERS_UNTIL - dt.timedelta(seconds=rnd.randrange(span)) for _ in numbers)
    weights = [p.popularity for p in products]
    cased = [p for p in products if p.case_qty]
    orders = []
    for number, placed in zip(numbers, times, strict=True):
        carrier = rnd.choices(["yamato", "sagawa", "japanpost"], [50, 25, 25])[0]
        lines: list[tuple[Product, int]] = []
        if rnd.random() < 0.03:  # a business buying a whole case
            case = rnd.choice(cased)
            lines.append((case, case.case_qty))
        for _ in range(rnd.choices([1, 2, 3, 4], [55, 28, 12, 5])[0]):
            product = rnd.choices(products, weights)[0]
            if all(product is not p for p, _ in lines):
                lines.append((product, rnd.choices([1, 2, 3], [80, 15, 5])[0]))
        order = Order(number, placed, address(rnd), carrier, _service(rnd, carrier, lines))
        order.lines = lines
        if order.service not in ("ネコポス", "ゆうパケット") and rnd.random() < 0.35:
            if rnd.random() < 0.7:
                order.delivery_date = FIRST_DELIVERY_DAY + dt.timedelta(days=rnd.randrange(8))
            order.delivery_time = rnd.choice(TIME_SLOTS)
        if rnd.random() < 0.1:
            order.gift = rnd.choice(GIFTS)
            order.buyer = address(rnd)
        orders.append(order)
    return orders


def stock_rows(rnd: random.Random, products: list[Product], orders: list[Order]) -> list[list[str]]:
    """Enough stock for the orders (less for the SHORT products), in named bins and lots."""
    demand: Counter[str] = Counter()
    for order in orders:
        for product, qty in order.lines:
            demand[product.sku] += qty
    rows = []
    for n, p in enumerate(products):
        qty = demand[p.sku] + rnd.randint(4, 24)
        if p.sku in SHORT:
            qty = max(demand[p.sku] - SHORT[p.sku], 0)
        bins = [(p.location, qty)]
        if p.sku in RESERVE_BINS:
            step = p.case_qty or 10
            cases = max(2, math.ceil(qty / 2 / step))
            face = max(qty - cases * step, rnd.randint(3, 9))
            bins = [(p.location, face), (RESERVE_BINS[p.sku], cases * step)]
        for location, units in bins:
            if units <= 0:
                continue
            if not p.lot_tracked:
                rows.append([p.sku, location, str(units), "", ""])
                continue
            # Two lots, the older one smaller, so first-expiry-first-out shows.
            older = units * 2 // 5
            for i, part in enumerate((older, units - older)):
                if part <= 0:
                    continue
                made = dt.date(2026, 8 + i, 1)
                lot = f"{p.sku.split('-')[1]}{made:%y%m}{'AB'[i]}{n % 10}"
                expiry = _month_end(made.year + 3, made.month) if p.expiry_tracked else None
                rows.append([p.sku, location, str(part), lot, expiry.isoformat() if expiry else ""])
    # Stock the warehouse must not send: one lot already past its expiry date,
    # and one inside the minimum shelf life promised to customers.
    rows.append(
        ["FD-JAM-LMN", _sku(products, "FD-JAM-LMN").location, "8", "LMN2503X", "2026-03-31"]
    )
    rows.append(["SP-MV-30", _sku(products, "SP-MV-30").location, "10", "MV2604X", "2027-04-30"])
    return rows


def _sku(products: list[Product], sku: str) -> Product:
    return next(p for p in products if p.sku == sku)


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _csv(header: list[str], rows: list[list[str]], newline: str = "\n") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def products_csv(products: list[Product]) -> str:
    """products.csv: one row per SKU; `barcode` holds several codes separated by `|`."""
    rows = []
    for p in products:
        codes = "|".join([p.jan, *([OLD_PACKAGE_CODE[p.sku]] if p.sku in OLD_PACKAGE_CODE else [])])
        rows.append([
            p.sku, p.name, p.variant, codes, p.case_code, str(p.case_qty or ""), p.location,
            str(p.grams), str(int(p.lot_tracked)), str(int(p.expiry_tracked)), str(p.shelf_days),
            p.lot_check,
        ])  # fmt: skip
    return _csv(PRODUCT_COLUMNS, rows)


def _order_fields(o: Order, marketplace: bool) -> list[str]:
    a = o.to
    # Marketplace exports write dates with slashes and 指定なし for "no wish".
    placed = f"{o.placed:%Y/%m/%d %H:%M:%S}" if marketplace else f"{o.placed:%Y-%m-%d %H:%M:%S}"
    none = "指定なし" if marketplace else ""
    day = o.delivery_date
    when = none if day is None else f"{day:%Y/%m/%d}" if marketplace else day.isoformat()
    return [
        o.number, placed, a.name, a.postal, a.prefecture, a.city, a.address1, a.address2,
        a.phone, a.email, o.carrier, o.service, when,
        o.delivery_time or none, o.gift,
    ]  # fmt: skip


def generic_csv(orders: list[Order], market_style: bool = False) -> str:
    """The generic layout: order fields repeated on every line (market style: first only)."""
    rows = []
    for o in orders:
        fields = _order_fields(o, market_style)
        for i, (product, qty) in enumerate(o.lines):
            head = fields if i == 0 or not market_style else [o.number] + [""] * (len(fields) - 1)
            rows.append([*head, product.sku, str(qty)])
    return _csv(list(GENERIC_COLUMNS), rows, "\r\n" if market_style else "\n")


SHOPIFY_METHODS = {
    ("yamato", "宅急便"): "ヤマト運輸 宅急便", ("yamato", "ネコポス"): "ヤマト運輸 ネコポス",
    ("yamato", "宅急便コンパクト"): "ヤマト運輸 宅急便コンパクト",
    ("sagawa", "飛脚宅配便"): "佐川急便", ("japanpost", "ゆうパック"): "ゆうパック",
    ("japanpost", "ゆうパケット"): "日本郵便 ゆうパケット",
}  # fmt: skip


def _tax(yen: int, product: Product) -> tuple[str, int]:
    rate = 8 if product.aisle == FOOD_AISLE else 10
    return f"消費税 {rate}%", yen * rate // (100 + rate)  # prices include tax


def _shopify_order(rnd: random.Random, o: Order, n: int) -> dict[str, str]:
    """The order fields of a Shopify export row (the first row of an order)."""
    subtotal = sum(p.yen * q for p, q in o.lines)
    mailbox = o.service in ("ネコポス", "ゆうパケット")
    far = o.to.prefecture in ("北海道", "沖縄県")
    shipping = 0 if subtotal >= 5500 else 385 if mailbox else 1100 if far else 660
    taxes: Counter[str] = Counter({"消費税 10%": shipping * 10 // 110})
    for p, q in o.lines:
        name, tax = _tax(p.yen * q, p)
        taxes[name] += tax
    method = SHOPIFY_METHODS[o.carrier, o.service]
    if o.carrier == "yamato" and o.service == "宅急便" and rnd.random() < 0.15:
        method = "通常配送"  # names no carrier: the default carrier takes it
    created = f"{o.placed:%Y-%m-%d %H:%M:%S %z}"
    # Delivery wishes arrive as note attributes, the way delivery-date apps write them.
    wishes = [f"配送希望日: {o.delivery_date:%Y/%m/%d}"] if o.delivery_date else []
    wishes += [f"配送希望時間帯: {o.delivery_time}"] if o.delivery_time else []
    wishes += [f"ギフトメッセージ: {o.gift}"] if o.gift else []
    notes = "ギフト包装希望" if o.gift else rnd.choice(REQUESTS) if rnd.random() < 0.08 else ""
    billing = o.buyer or o.to
    fields = {
        "Email": billing.email, "Financial Status": "paid", "Paid at": created,
        "Fulfillment Status": "unfulfilled", "Accepts Marketing": rnd.choice(["yes", "no"]),
        "Currency": "JPY", "Subtotal": str(subtotal), "Shipping": str(shipping),
        "Taxes": str(sum(taxes.values())), "Total": str(subtotal + shipping),
        "Discount Amount": "0", "Shipping Method": method, "Created at": created,
        "Notes": notes, "Note Attributes": "\n".join(wishes),
        "Payment Method": rnd.choice(["Shopify Payments", "PayPay", "コンビニ決済"]),
        "Outstanding Balance": "0", "Id": str(5900000000000 + 7919 * n),
        "Tags": "ギフト" if o.gift else "", "Risk Level": "Low", "Source": "web",
        "Phone": billing.phone,
    }  # fmt: skip
    for side, who in (("Billing", billing), ("Shipping", o.to)):
        code, romaji = PREFECTURE_CODES[who.prefecture]
        fields |= {
            f"{side} Name": who.name, f"{side} Street": f"{who.address1} {who.address2}".strip(),
            f"{side} Address1": who.address1, f"{side} Address2": who.address2,
            f"{side} City": who.city, f"{side} Zip": who.postal,
            f"{side} Province": iso_code(code), f"{side} Province Name": romaji,
            f"{side} Country": "JP", f"{side} Phone": who.phone,
        }  # fmt: skip
    charged = sorted((name, tax) for name, tax in taxes.items() if tax)
    for k, (tax_name, value) in enumerate(charged, start=1):
        fields |= {f"Tax {k} Name": tax_name, f"Tax {k} Value": str(value)}
    return fields


def shopify_csv(rnd: random.Random, orders: list[Order]) -> str:
    """Shopify's order export: order fields on an order's first row only."""
    out = io.StringIO()
    writer = csv.DictWriter(out, EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for n, o in enumerate(orders):
        for i, (p, q) in enumerate(o.lines):
            row = _shopify_order(rnd, o, n) if i == 0 else {}
            title = f"{p.name} - {p.variant}" if p.variant else p.name
            row |= {
                "Name": o.number, "Lineitem quantity": str(q), "Lineitem name": title,
                "Lineitem price": str(p.yen), "Lineitem sku": p.sku,
                "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                "Lineitem fulfillment status": "pending", "Vendor": "こもれび商店",
                "Lineitem discount": "0",
            }  # fmt: skip
            writer.writerow(row)
    return out.getvalue()


def marketplace(orders: list[Order]) -> list[Order]:
    """Marketplace customers whose names and buildings need CP932's extra characters."""
    for o in orders:
        o.to.name = o.to.name.replace(" ", "　")  # marketplaces write a full-width space
    orders[0].to.name, orders[0].to.email = "髙橋　一郎", "ichiro.takahashi@example.jp"
    orders[1].to.name, orders[1].to.email = "山﨑　由美", "yumi.yamasaki@example.jp"
    orders[1].to.address2 = "グランメゾンⅡ 305"
    orders[2].to.address2 = "ｺｰﾎﾟｻｸﾗ 201"  # half-width katakana, as older systems send it
    orders[3].gift = "御出産祝い　心ばかりの品ですがお納めください。"
    return orders


def write(out: Path) -> dict[str, bytes]:
    """Generate every sample file into `out`; returns what was written, by file name."""
    rnd = random.Random(SEED)
    products = catalogue()
    generic = make_orders(rnd, products, [f"KP-{n}" for n in range(10001, 10201)])
    shopify = make_orders(rnd, products, [f"#{n}" for n in range(1001, 1101)])
    market = make_orders(rnd, products, [f"MK-{n:04d}" for n in range(1, 9)])
    for o in market:
        o.number = f"MK-{o.placed:%Y%m%d}-{o.number[3:]}"
    files = {
        "products.csv": products_csv(products).encode("utf-8"),
        "orders_generic.csv": generic_csv(generic).encode("utf-8-sig"),
        "orders_shopify.csv": shopify_csv(rnd, shopify).encode("utf-8"),
        "orders_marketplace_cp932.csv": generic_csv(marketplace(market), True).encode("cp932"),
    }
    rows = stock_rows(rnd, products, generic + shopify + market)
    files["stock.csv"] = _csv(list(STOCK_COLUMNS), rows).encode("utf-8")
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    args = parser.parse_args()
    for name, data in write(args.out).items():
        lines = data.count(b"\n") - 1
        print(f"{args.out / name}: {lines} rows")


if __name__ == "__main__":
    main()
