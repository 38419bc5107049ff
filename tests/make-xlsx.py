#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the XLSX fixtures of tests/test-xlsx.c and tests/test-import.c
with openpyxl (Debian's python3-openpyxl), so Liaison's reader is tested on
files it did not write.

    make-xlsx.py DIR

roster.xlsx        openpyxl as it is: inline strings, a date, a formula
                   with no cached value, a number, a boolean, a title row
                   above the header, a second sheet
shared.xlsx        the same sheet rewritten as Excel stores it: shared
                   strings (one rich text with a phonetic guide), cached
                   formula values, an error value
epoch1904.xlsx     dates in the 1904 date system (old Mac Excel)
hidden-first.xlsx  the first sheet hidden: the first visible one is read
"""

import datetime
import html
import re
import sys
import zipfile
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

PEOPLE = [
    # own script, Latin, country, e-mail, organisation
    ("李霞", "LI Xia", "China", "li.xia@example.cn", "中国—东盟环境保护合作中心"),
    ("Nguyễn Thị Minh Khai", "Nguyen Thi Minh Khai", "Viet Nam", "khai@example.vn", "Ministry of Natural Resources and Environment"),
    ("สมชาย ใจดี", "Somchai Jaidee", "Thailand", "somchai@example.th", "Pollution Control Department"),
    ("ហ៊ុន សុខា", "Hun Sokha", "Cambodia", "sokha@example.kh", "Ministry of Environment"),
    ("ສົມພອນ ພົມມະວົງ", "Somphone Phommavong", "Laos", "somphone@example.la", "MONRE"),
    ("အောင်ဆန်း", "Aung San", "Myanmar", "aungsan@example.mm", "ECD"),
    (None, "Sukarno", "Indonesia", "sukarno@example.id", "KLHK"),
]


def roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Participants"
    ws.append(["2025 年中国—东盟环境合作论坛 参会人员名单"])
    ws.append(["姓名", "Name", "Country", "E-mail", "Organisation", "Consent date", "Badge", "Phone", "VIP"])
    for i, (own, latin, country, email, org) in enumerate(PEOPLE):
        row = 3 + i
        ws.append([own, latin, country, email, org, datetime.date(2025, 3, 14 + i),
                   f'=B{row}&" ("&C{row}&")"', 8613800138000 + i, i == 0])
        ws.cell(row=row, column=6).number_format = "yyyy/m/d"
    ws.append([])
    ws.append(["王芳", "Wang Fang", "China", "wang.fang@example.cn", None, datetime.datetime(2024, 12, 31, 9, 30)])
    ws.cell(row=ws.max_row, column=6).number_format = "yyyy-mm-dd hh:mm"
    other = wb.create_sheet("Notes")
    other.append(["Not read"])
    wb.save(path)


def shared(source, path):
    """Rewrites the inline strings of the first sheet as shared strings,
    caches the formulas' values and puts an error value in one cell."""
    zin = zipfile.ZipFile(source)
    sheet = zin.read("xl/worksheets/sheet1.xml").decode()
    strings = []

    def to_shared(match):
        ref, text = match.group(1), match.group(2)
        strings.append(text)
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'

    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>', to_shared, sheet)
    # Excel keeps the value it computed beside the formula.
    sheet = re.sub(r'<c r="(G[0-9]+)"><f>(.*?)</f><v\s*/?>(</v>)?</c>',
                   lambda m: f'<c r="{m.group(1)}" t="str"><f>{m.group(2)}</f><v>cached {m.group(1)}</v></c>', sheet)
    # An error value where a lookup failed.
    sheet = sheet.replace('<c r="H4" t="n"><v>8613800138001</v></c>', '<c r="H4" t="e"><f>VLOOKUP(A4,X:Y,2,0)</f><v>#N/A</v></c>')
    items = []
    for text in strings:
        if html.unescape(text) == "Nguyễn Thị Minh Khai":
            # Rich text in runs, with a phonetic guide that is not the text.
            items.append('<si><r><t xml:space="preserve">Nguyễn </t></r><r><rPr><b/></rPr><t>Thị Minh Khai</t></r>'
                         '<rPh sb="0" eb="1"><t>phonetic</t></rPh></si>')
        else:
            items.append(f'<si><t xml:space="preserve">{text}</t></si>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           f'count="{len(items)}" uniqueCount="{len(items)}">' + "".join(items) + "</sst>")
    types = zin.read("[Content_Types].xml").decode().replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = zin.read("xl/_rels/workbook.xml.rels").decode().replace(
        "</Relationships>",
        '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            elif item.filename == "[Content_Types].xml":
                data = types.encode()
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = rels.encode()
            zout.writestr(item, data)
        zout.writestr("xl/sharedStrings.xml", sst.encode())


def epoch1904(path):
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["Name", "Consent date"])
    ws.append(["Wang Fang", datetime.date(2025, 3, 14)])
    ws["B2"].number_format = "d mmm yyyy"
    wb.save(path)


def hidden_first(path):
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "Lookup"
    hidden.append(["not", "people"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("名单")
    ws.append(["姓名", "国家"])
    ws.append(["王芳", "中国"])
    wb.save(path)


def main():
    out = sys.argv[1]
    roster(f"{out}/roster.xlsx")
    shared(f"{out}/roster.xlsx", f"{out}/shared.xlsx")
    epoch1904(f"{out}/epoch1904.xlsx")
    hidden_first(f"{out}/hidden-first.xlsx")


if __name__ == "__main__":
    main()
