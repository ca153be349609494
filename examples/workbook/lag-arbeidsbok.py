"""Lager tabeller/budsjett.xlsx fra CSV-filene for FO1 i report-data/ (Bydel Bjerke 2024).

Kjør fra prosjektmappen:  python3 examples/workbook/lag-arbeidsbok.py   (krever openpyxl)

Hvert tall lagres slik Excel lagrer det (et flyttall) med et tallformat som viser det som i
CSV-filen: heltall med tusenskille, «-» for null, prosent med like mange desimaler. Testene
(tests/integration/workbook.rs) kontrollerer at arbeidsboken og CSV-filene gir samme `check`
og de samme tallene i rapporten.
"""

import csv
import re
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
SHEETS = [
    ("FO1 netto", "fo1-netto.csv"),
    ("FO1 indikatorer", "fo1-indikatorer.csv"),
]
NUMBER = re.compile(r"^-?[\d ]+(,\d+)?\s*%?$")


def cell_value(text):
    """The value and number format for a CSV cell as Excel would hold it."""
    t = text.strip()
    if t == "-":
        return 0.0, '#,##0;-#,##0;"-"'
    if not NUMBER.match(t):
        return text, None
    percent = t.endswith("%")
    digits = t.rstrip("%").strip().replace(" ", "")
    decimals = len(digits.split(",")[1]) if "," in digits else 0
    value = float(digits.replace(",", "."))
    if percent:
        fmt = "0" + ("." + "0" * decimals if decimals else "") + "%"
        # 0.704 is stored as 0.7040000000000001 and the like: Excel shows the rounded figure.
        return value / 100, fmt
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "") + ';-#,##0' + (
        "." + "0" * decimals if decimals else "") + ';"-"'
    return value, fmt


def main():
    book = Workbook()
    book.remove(book.active)
    for title, name in SHEETS:
        sheet = book.create_sheet(title)
        with open(ROOT / "report-data" / "tabeller" / name, encoding="utf-8-sig") as f:
            for r, row in enumerate(csv.reader(f, delimiter=";"), start=1):
                for c, text in enumerate(row, start=1):
                    value, fmt = cell_value(text) if r > 1 else (text, None)
                    cell = sheet.cell(row=r, column=c, value=value)
                    if fmt:
                        cell.number_format = fmt
        sheet.column_dimensions["A"].width = 50
    out = Path(__file__).resolve().parent / "tabeller" / "budsjett.xlsx"
    book.save(out)
    print(f"skrev {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
