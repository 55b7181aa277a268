#!/usr/bin/env python3
"""Builds the labelled set of syndicated copies that `make eval-copies`
measures (see doc/copies.md).

Every story under tests/copies/stories/ (written for reader's tests), and
the market reports and briefs made below, is published as several pages,
the way the same wire story reaches many sites: another site's page
template around it (menus, share rows, related stories, newsletter
boxes, footers), its own headline, the last paragraph trimmed, ads and
"Read more" boxes inserted, straight or curly quotes, the credits kept or
dropped, the dateline written another way, or saved as text. Pages of one
story are copies; pages of two stories never are. The hard negatives are
in the stories themselves: two stories on one subject from one agency on
one day sharing names and phrases, follow-ups that reuse background
paragraphs, briefs sharing a boilerplate paragraph, and market reports
that differ only in their numbers.

usage: gen.py OUTDIR   (writes OUTDIR/STORY--N.html or .txt)
"""
import html
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COPIES = 5

SITES = [
    ("The Morning Ledger", "ledger"),
    ("Coastline Daily", "coast"),
    ("Metro Business Wire Desk", "metro"),
    ("Valley Post", "valley"),
    ("Global Markets Now", "gmn"),
]


def read_story(path):
    with open(path, encoding="utf-8") as f:
        blocks = [b.strip() for b in f.read().split("\n\n") if b.strip()]
    return blocks[0], blocks[1:]


MARKET = [
    "Ostburg shares {dir1} on {day} as {sector} stocks {verb}, with the "
    "blue-chip index {dir2} {pct1}% to {lvl} points.",
    "The broader market index {dir3} {pct2}%, and {up} stocks rose while "
    "{down} fell on volume of {vol} million shares, {volcmp} the 30-day "
    "average.",
    "{sector_cap} stocks were the biggest movers, with Kestrel Motors "
    "{dir4} {pct3}% and Larchmont Chemicals {dir5} {pct4}%.",
    "The Northland dollar traded at {fx} per euro, against {fx2} late on "
    "the previous day, while the ten-year bond yield stood at {yld}%.",
    "Brent crude was at ${oil} a barrel, {dir6} {pct5}%, and gold was at "
    "${gold} an ounce.",
    "Trading volumes were {volword} ahead of the release of consumer price "
    "data on Friday, dealers said, with investors reluctant to take large "
    "positions before the figures.",
]


def market_report(seed):
    r = random.Random(seed)
    up = r.random() < 0.5

    def d(p):
        return ("rose", "fell")[p] if r.random() < 0.7 else \
            ("gained", "lost")[p]

    v = {
        "dir1": "closed higher" if up else "closed lower",
        "day": r.choice(["Monday", "Tuesday", "Wednesday", "Thursday"]),
        "sector": r.choice(["industrial", "bank", "energy", "retail"]),
        "verb": "rallied" if up else "slipped",
        "dir2": d(0 if up else 1), "dir3": d(r.randint(0, 1)),
        "dir4": d(r.randint(0, 1)), "dir5": d(r.randint(0, 1)),
        "dir6": d(r.randint(0, 1)),
        "pct1": f"{r.uniform(0.1, 2.5):.1f}",
        "pct2": f"{r.uniform(0.1, 2.0):.1f}",
        "pct3": f"{r.uniform(0.2, 6.0):.1f}",
        "pct4": f"{r.uniform(0.2, 6.0):.1f}",
        "pct5": f"{r.uniform(0.1, 3.0):.1f}",
        "lvl": f"{r.randint(7000, 7999):,}.{r.randint(0, 9)}",
        "up": r.randint(80, 180), "down": r.randint(60, 160),
        "vol": r.randint(300, 900),
        "volcmp": r.choice(["above", "below", "in line with"]),
        "fx": f"{r.uniform(1.10, 1.25):.4f}",
        "fx2": f"{r.uniform(1.10, 1.25):.4f}",
        "yld": f"{r.uniform(3.5, 4.5):.2f}",
        "oil": f"{r.uniform(70, 95):.2f}",
        "gold": f"{r.randint(1900, 2400):,}",
        "volword": r.choice(["thin", "light", "subdued"]),
    }
    v["sector_cap"] = v["sector"].capitalize()
    head = "Ostburg stocks end {} as {} shares {}".format(
        "higher" if up else "lower", v["sector"], v["verb"])
    paras = ["OSTBURG (Wirewire) - " + MARKET[0].format(**v)]
    paras += [p.format(**v) for p in MARKET[1:]]
    return head, paras


BRIEF_TAIL = ("The ministry did not immediately respond to a request for "
              "comment outside normal business hours, and officials said "
              "further details would be released in due course.")
BRIEFS = [
    ("Northland orders recall of children's car seats",
     "ARDEN (Wirewire) - Northland's consumer safety agency ordered the "
     "recall of about 40,000 children's car seats on Monday after tests "
     "showed a buckle could open in a collision."),
    ("Valdora port workers call 24-hour strike",
     "PORTO SALVO (Wirewire) - Dock workers at Valdora's three largest "
     "ports will strike for 24 hours from Thursday over pay, their union "
     "said, threatening delays to container traffic."),
    ("Ostburg airport closes runway after drone sighting",
     "OSTBURG (Wirewire) - Ostburg airport suspended flights on its main "
     "runway for two hours on Sunday after a drone was seen near the "
     "approach path, diverting 14 flights."),
    ("Northland fines telecoms group over outage",
     "ARDEN (Wirewire) - Northland's telecoms regulator fined a mobile "
     "operator 12 million dollars on Friday over a nationwide outage last "
     "year that cut emergency calls for six hours."),
]


def all_stories():
    out = []
    sdir = os.path.join(HERE, "stories")
    for name in sorted(os.listdir(sdir)):
        if name.endswith(".txt"):
            head, paras = read_story(os.path.join(sdir, name))
            out.append((name[:-4], head, paras))
    for i in range(4):
        head, paras = market_report(1000 + i)
        out.append(("market-%d" % i, head, paras))
    for i, (head, lead) in enumerate(BRIEFS):
        out.append(("brief-%d" % i, head, [lead, BRIEF_TAIL]))
    return out


def curly(s):
    out, open_q = [], True
    for ch in s:
        if ch == '"':
            out.append("\u201c" if open_q else "\u201d")
            open_q = not open_q
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def edit(r, head, paras, k):
    """One site's edit of the wire copy."""
    paras = list(paras)
    if k % 2 == 1 and len(paras) > 3:
        paras = paras[:-1]                      # trimmed last paragraph
    if k == 4 and len(paras) > 4:               # the first 60% only
        paras = paras[:max(3, len(paras) * 6 // 10)]
    if k == 0 and len(paras) > 3:               # the site's own note
        paras.insert(3, "Editor's note: this story has been updated with "
                     "comment from officials.")
    if r.random() < 0.5:
        paras = [curly(p) for p in paras]
    if k == 2:                                  # dateline written another way
        first = paras[0]
        cut = first.find(" - ")
        if 0 < cut < 60:
            place = first[:first.find(" (")] if " (" in first[:cut] \
                else first[:cut]
            paras[0] = place + ", March 5 (Wirewire) - " + first[cut + 3:]
    if k != 3:
        paras.append("Reporting by Jane Doe and Omar Haddad; Editing by "
                     "Peter Lang")
    heads = [head, "UPDATE 1-" + head, head.split(",")[0],
             " ".join(head.split()[:7]) + " - report"]
    return heads[k % len(heads)], paras


def page_html(r, site, head, paras, others):
    name, slug = site
    body = []
    for i, p in enumerate(paras):
        body.append("<p>%s</p>" % html.escape(p))
        if i == 1 and r.random() < 0.7:
            body.append('<div class="ad-slot">Advertisement</div>')
        if i == 2 and r.random() < 0.7:
            o = r.choice(others)
            body.append('<p class="read-more"><strong>Read more:</strong> '
                        '<a href="/news/%s">%s</a></p>'
                        % (o[0], html.escape(o[1])))
    related = "".join('<li><a href="/news/%s">%s</a></li>'
                      % (o[0], html.escape(o[1])) for o in
                      r.sample(others, 3))
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{head} | {name}</title>
<meta property="og:site_name" content="{name}">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience.
<button>Accept all</button></div>
<header><a href="/">{name}</a><nav><ul><li><a href="/news">News</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article class="{slug}-story">
<h1>{head}</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
{body}
<div class="newsletter"><h3>Get the {name} briefing</h3>
<p>Sign up for our free morning newsletter.</p>
<form><input type="email"><button>Subscribe</button></form></div>
</article>
<aside><h2>Related stories</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; 2026 {name}. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></footer>
</body></html>
""".format(head=html.escape(head), name=html.escape(name), slug=slug,
           body="\n".join(body), related=related)


def page_text(head, paras):
    return "{}\n\n{}\n\nShare this article\n\nMost read\n".format(
        head, "\n\n".join(paras))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    stories = all_stories()
    for si, (sid, head, paras) in enumerate(stories):
        r = random.Random(si * 7919 + 1)
        others = [(s[0], s[1]) for s in stories if s[0] != sid]
        for k in range(COPIES):
            h, p = edit(r, head, paras, k)
            if k == COPIES - 1:
                path = os.path.join(out, "%s--%d.txt" % (sid, k))
                text = page_text(h, p)
            else:
                site = SITES[(si + k) % len(SITES)]
                path = os.path.join(out, "%s--%d.html" % (sid, k))
                text = page_html(r, site, h, p, others)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
