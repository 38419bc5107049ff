#!/usr/bin/env python3
# Chinese as Chinese is written, in the interface (po/zh_CN.po) and in the
# action plan's Chinese titles (resources/data/action-plan.json): full-width
# ，；：（） after or around Chinese words, not the half-width marks a PDF's
# layout leaves; 中国-东盟 as the framework's own Chinese and po/GLOSSARY.md
# write it (no spaces, never a dash); a mnemonic hint “(_T)” only where the
# English has a mnemonic, and never a bare “(T)”. TAP.
import json
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else "."
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
RULES = [
    ("中国 - 东盟 with spaces (the annex's layout)", re.compile(r"中国\s+-\s*东盟|中国\s*-\s+东盟")),
    ("中国—东盟 with a dash (the glossary: 中国-东盟)", re.compile(r"中国\s*[—–－]\s*东盟")),
    ("half-width commas, semicolons or colons after Chinese", re.compile(r"[%s][,;:]" % HAN)),
    ("half-width brackets around Chinese", re.compile(r"\([^()]*[%s][^()]*\)" % HAN)),
]


def po_entries(path):
    """(msgctxt, msgid, msgstr) of every current entry; plural forms joined."""
    text = open(path, encoding="utf-8").read()
    for block in text.split("\n\n"):
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        fields, key = {}, None
        for line in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = fields.get(key, "") + m.group(2)
            elif line.startswith('"') and key is not None:
                fields[key] += line[1:-1]
        if "msgid" not in fields or fields["msgid"] == "":
            continue
        strs = [v for k, v in fields.items() if k.startswith("msgstr")]
        yield fields.get("msgctxt"), fields["msgid"], strs


n = 0
out = []


def report(ok, name, details=()):
    global n
    n += 1
    out.append(("ok %d - %s" if ok else "not ok %d - %s") % (n, name))
    out.extend("# " + d for d in list(details)[:20])


entries = list(po_entries(f"{top}/po/zh_CN.po"))
# A desktop file's keywords are a list with “;” between its items (the
# format's, not a sentence's): they keep it.
KEYWORDS = re.compile(r"^[^ ;]+(;[^;]+)+;$")
for name, rule in RULES:
    bad = [s for _, msgid, strs in entries for s in strs if rule.search(s) and not KEYWORDS.match(msgid)]
    report(not bad, "po/zh_CN.po has no " + name, bad)

bad = []
for ctx, msgid, strs in entries:
    english_mnemonic = re.search(r"(?<!_)_[A-Za-z0-9]", msgid) is not None
    for s in strs:
        hint = re.search(r"\(_[A-Za-z0-9]\)", s)
        if hint and not english_mnemonic:
            bad.append(f"{msgid} → {s} (a hint where the English has no mnemonic: it shows as “{hint.group(0)}”)")
        if re.search(r"\([A-Z]\)$", s):
            bad.append(f"{msgid} → {s} (a bare hint)")
report(not bad, "po/zh_CN.po has a mnemonic hint only where the English has a mnemonic", bad)

titles = []


def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "title_zh" and isinstance(v, str):
                titles.append(v)
            else:
                walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)


walk(json.load(open(f"{top}/resources/data/action-plan.json", encoding="utf-8")))
report(len(titles) > 30, "the action plan has its Chinese titles (%d)" % len(titles))
for name, rule in RULES:
    bad = [t for t in titles if rule.search(t)]
    report(not bad, "the action plan's Chinese titles have no " + name, bad)

print("1..%d" % n)
print("\n".join(out))
