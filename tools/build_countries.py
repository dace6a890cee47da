"""Draft ``countries.yaml`` from CLDR Arabic territory names and ISO 3166 codes.

Curation-time tool, not used by the package at run time. It needs Babel (for CLDR)
and pycountry (for alpha-2 -> alpha-3 codes and English names), e.g. in a scratch venv:

    python -m venv /tmp/cvenv && /tmp/cvenv/bin/pip install babel pycountry pyyaml
    /tmp/cvenv/bin/python tools/build_countries.py --keep src/marsad/data/actors/countries.yaml \
        -o src/marsad/data/actors/countries.yaml

Which states: the 193 UN member states, the two observer states (Palestine, the Holy See)
and a few entities the news treats as states (Kosovo, Taiwan, Western Sahara).

With ``--keep FILE`` the hand-curated fields of an existing file (Arabic variants,
adjectives, capitals, notes) are carried over, so a re-run only refreshes CLDR names:
a CLDR name missing from the curated ``ar`` list is appended, never reordered.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

# UN member states, ISO 3166-1 alpha-3 (193).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
UN_OBSERVERS = ["PSE", "VAT"]
OTHER_ENTITIES = ["XKX", "TWN", "ESH"]

# Entities pycountry does not list: alpha-3 -> (CLDR alpha-2, English name).
NOT_IN_ISO = {"XKX": ("XK", "Kosovo")}

# English names to use for the id and `name` where ISO's is long or formal.
ENGLISH_NAMES = {
    "BOL": "Bolivia", "BRN": "Brunei", "CIV": "Ivory Coast", "COD": "DR Congo",
    "COG": "Republic of the Congo", "CPV": "Cape Verde", "CZE": "Czech Republic",
    "FSM": "Micronesia", "GMB": "Gambia", "BHS": "Bahamas", "IRN": "Iran",
    "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova",
    "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria", "TZA": "Tanzania",
    "TUR": "Turkey", "VAT": "Vatican", "VEN": "Venezuela", "VNM": "Vietnam",
    "TLS": "East Timor", "MKD": "North Macedonia", "SWZ": "Eswatini", "TWN": "Taiwan",
    "NLD": "Netherlands", "PHL": "Philippines", "COM": "Comoros", "MDV": "Maldives",
}

CURATED_FIELDS = ("adj", "adj_extra", "capital", "note")


def slugify(name: str) -> str:
    """Lower_snake ASCII slug of an English name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def cldr_forms(raw: str) -> list[str]:
    """Usable Arabic forms of one CLDR territory name.

    CLDR writes disambiguators a newspaper would not: "ميانمار (بورما)" gives both
    names, "الكونغو - كينشاسا" loses the dash. Diacritics are dropped (matching folds them).
    """
    text = re.sub(r"[\u064B-\u0652]", "", raw)
    paren = re.fullmatch(r"(.+?)\s*\((.+)\)", text)
    forms = [paren.group(1), paren.group(2)] if paren else [text]
    return [re.sub(r"\s*-\s*", " ", f).strip() for f in forms]


def load_keep(path: Path | None) -> dict[str, dict]:
    """Rows of an existing countries file by ISO3 (empty when there is none)."""
    if path is None or not path.exists():
        return {}
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {row["iso3"]: row for row in rows}


def build(keep: dict[str, dict]) -> list[dict]:
    """One row per state: CLDR forms merged into the curated fields of `keep`."""
    import babel
    import pycountry

    territories = babel.Locale("ar").territories
    rows = []
    for iso3 in UN_MEMBERS + UN_OBSERVERS + OTHER_ENTITIES:
        if iso3 in NOT_IN_ISO:
            alpha2, english = NOT_IN_ISO[iso3]
        else:
            record = pycountry.countries.get(alpha_3=iso3)
            alpha2 = record.alpha_2
            english = getattr(record, "common_name", record.name)
        english = ENGLISH_NAMES.get(iso3, english)
        forms = cldr_forms(territories[alpha2])
        kept = keep.get(iso3, {})
        ar = list(kept.get("ar") or [])
        ar += [f for f in forms if f not in ar]
        row = {"iso3": iso3, "id": kept.get("id") or slugify(english),
               "name": kept.get("name") or english, "ar": ar}
        for field in CURATED_FIELDS:
            row[field] = kept.get(field) or ([] if field != "note" else None)
        rows.append(row)
    return rows


def scalar(value) -> str:
    """A YAML scalar, quoted only when plain style would be misread."""
    text = str(value)
    if re.search(r"[:#,\[\]{}'\"&*!|>%@`]|^\s|\s$|^-", text):
        return json.dumps(text, ensure_ascii=False)
    return text


def flow(values: list) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def dump(rows: list[dict]) -> str:
    """The YAML text, one flow list per field so that curators can diff rows."""
    out = [
        "# States for the actor base; schema in SCHEMA.md. First draft made by",
        "# tools/build_countries.py from CLDR Arabic territory names (Babel) and ISO 3166",
        "# codes (pycountry), then curated by hand: `ar` variants as Arab news writes them,",
        "# nisba stems in `adj`, irregular plurals in `adj_extra`, capitals used as metonyms.",
        "# Re-run the tool with --keep on this file to refresh CLDR names without losing edits.",
    ]
    for row in rows:
        out.append(f"- iso3: {row['iso3']}")
        out.append(f"  id: {row['id']}")
        out.append(f"  name: {scalar(row['name'])}")
        for field in ("ar", "adj", "adj_extra", "capital"):
            out.append(f"  {field}: {flow(row[field])}")
        if row.get("note"):
            out.append(f"  note: {scalar(row['note'])}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, help="write here (default: stdout)")
    parser.add_argument("--keep", type=Path, help="existing countries.yaml whose curation to keep")
    args = parser.parse_args(argv)
    text = dump(build(load_keep(args.keep)))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
