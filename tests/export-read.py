#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads back what Liaison exported, as another program would, and prints
it as JSON for the tests:

    export-read.py xlsx FILE   the first sheet through openpyxl: its title,
                               frozen panes, autofilter, column widths and
                               every cell with its type (text, number, date)
    export-read.py csv FILE    the records through Python's csv module
                               (the BOM stripped, as Excel does)
"""

import csv
import datetime
import io
import json
import sys


def read_xlsx(path):
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            value = cell.value
            if value is None:
                cells.append({"type": "empty"})
            elif isinstance(value, datetime.datetime):
                cells.append({"type": "date", "value": value.isoformat(), "format": cell.number_format})
            elif isinstance(value, (int, float)):
                cells.append({"type": "number", "value": value})
            else:
                cells.append({"type": "text", "value": str(value), "bold": bool(cell.font and cell.font.b)})
        rows.append(cells)
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items() if dim.width}
    return {
        "sheets": len(book.worksheets),
        "title": sheet.title,
        "freeze_panes": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "widths": widths,
        "rows": rows,
    }


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return {"bom": bom, "crlf": b"\r\n" in raw, "rows": rows}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    result = read_xlsx(path) if kind == "xlsx" else read_csv(path)
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
