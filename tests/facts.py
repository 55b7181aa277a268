#!/usr/bin/env python3
"""Check reader --dump=json against the facts table of a fixture folder.

Each row of DIR/facts.tsv names a fixture and the headline, byline,
published time, dateline, paragraph count and credits a reader would
state, plus a phrase that must stay and one that must go. Prints one
line per failed field and a summary 'NAME: N passed, N failed', NAME
the optional third argument (default "facts").
"""
import csv
import json
import subprocess
import sys

# The story store of this run: never the user's.
import atexit as _atexit, os as _os, shutil as _shutil, tempfile as _tempfile
_os.environ["XDG_DATA_HOME"] = _tempfile.mkdtemp(prefix="reader-data-")
_atexit.register(_shutil.rmtree, _os.environ["XDG_DATA_HOME"], True)


def main():
    reader, folder = sys.argv[1], sys.argv[2]
    suite = sys.argv[3] if len(sys.argv) > 3 else "facts"
    passed = failed = 0
    with open(f"{folder}/facts.tsv", encoding="utf-8") as fp:
        rows = list(csv.DictReader(fp, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        path = f"{folder}/{row['file']}"
        out = subprocess.run([reader, "--dump=json", path],
                             capture_output=True, timeout=30)
        if out.returncode != 0:
            print(f"FAIL {path}: exit {out.returncode}: "
                  f"{out.stderr.decode(errors='replace').strip()}")
            failed += 1
            continue
        story = json.loads(out.stdout)
        body = "\n".join(story["paragraphs"])
        dl = story["dateline"] or {}

        def none(v):
            return "-" if v is None else v

        checks = [
            ("headline", row["headline"], story["headline"]),
            ("byline", row["byline"], none(story["byline"])),
            ("published", row["published"], none(story["published"])),
            ("dateline place", row["dateline_place"], none(dl.get("place"))),
            ("dateline agency", row["dateline_agency"],
             none(dl.get("agency"))),
            ("paragraphs", row["paragraphs"], str(len(story["paragraphs"]))),
            ("credits", row["credits"], none(story["credits"])),
            ("kinds", len(story["paragraphs"]), len(story["kinds"])),
        ]
        for name, want, got in checks:
            if want == got:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path}: {name}: want {want!r}, got {got!r}")
        for name, phrase, want in (("must_have", row["must_have"], True),
                                   ("must_not_have", row["must_not_have"],
                                    False)):
            flat = " ".join(body.split())
            if (phrase in flat) == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path}: {name}: {phrase!r}")
    print(f"{suite}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
