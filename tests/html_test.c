/*
 * html_test: tables for the HTML cleaner's parts. Each row is a small
 * page and what the story made from it must show: the headline, the
 * paragraph count, text that must and must not be in the body, and the
 * reason something was removed for. The last line is the count.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clean.h"
#include "json.h"
#include "source.h"
#include "story.h"
#include "text.h"
#include "util.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

static int npassed, nfailed;

#define CHECK(cond, ...) do {						\
	if (cond)							\
		npassed++;						\
	else {								\
		nfailed++;						\
		printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		putchar('\n');						\
	}								\
} while (0)

/* A paragraph the scorer will count: long, with commas. */
#define P(x) "<p>" x " The council said on Tuesday, after a long debate, " \
	"that the plan would go ahead in stages, starting in the spring.</p>"

struct row {
	int		 line;
	const char	*what;
	const char	*html;
	const char	*headline;	/* NULL: not checked */
	int		 npara;		/* -1: not checked */
	const char	*must;		/* in the body, or NULL */
	const char	*mustnot;	/* not in the body, or NULL */
	const char	*reason;	/* a removed block's reason, or NULL */
};

static const struct row rows[] = {
	{ __LINE__, "article beats sidebar and nav",
	  "<html><head><title>Floods hit the coast | Daily Site</title></head>"
	  "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
	  "<article><h1>Floods hit the coast</h1>" P("One.") P("Two.")
	  P("Three.") "</article><aside class='sidebar'><p>Most read: a "
	  "long list of other stories, with commas, and more commas, and "
	  "even more of them here.</p></aside></body></html>",
	  "Floods hit the coast", 3, "One.", "Most read", NULL },
	{ __LINE__, "standfirst under the h1, outside the container",
	  "<html><body><div class='hero'><h1>Floods hit the coast</h1>"
	  "<p>Thousands left their homes as the river rose overnight, and "
	  "more rain is due.</p></div><div class='main'><div class='body'>"
	  P("One.") P("Two.") P("Three.") "</div></div></body></html>",
	  "Floods hit the coast", 4, "Thousands left their homes", NULL,
	  NULL },
	{ __LINE__, "a short line under the h1 is no standfirst",
	  "<html><body><div class='hero'><h1>Floods hit the coast</h1>"
	  "<p>Updated on Tuesday</p></div><div class='main'><div "
	  "class='body'>" P("One.") P("Two.") P("Three.") "</div></div>"
	  "</body></html>",
	  "Floods hit the coast", 3, NULL, "Updated on", NULL },
	{ __LINE__, "an intro box beside the story's container stays",
	  "<html><body><div class='wrap'><div class='intro'><div><p>The "
	  "mayor said the bridge would reopen on Friday, two weeks early.</p>"
	  "</div></div><div class='story'>" P("One.") P("Two.") P("Three.")
	  "</div></div></body></html>",
	  NULL, 4, "The mayor said the bridge", NULL, NULL },
	{ __LINE__, "a link box beside the story's container goes",
	  "<html><body><div class='wrap'><div class='more'><div><p><a "
	  "href='/a'>Another story about the bridge and the mayor</a>.</p>"
	  "</div></div><div class='story'>" P("One.") P("Two.") P("Three.")
	  "</div></div></body></html>",
	  NULL, 3, NULL, "Another story", NULL },
	{ __LINE__, "the story after </html>",
	  "<html><head><title>Floods hit the coast</title></head><body><nav>"
	  "<a href='/'>Home</a></nav></body></html><div class='post'>"
	  P("One.") P("Two.") P("Three.") "</div>",
	  NULL, 3, "Three.", NULL, NULL },
	{ __LINE__, "title without the site name",
	  "<html><head><title>Floods hit the coast - Daily Site</title>"
	  "</head><body><div>" P("One.") P("Two.") "</div></body></html>",
	  "Floods hit the coast", 2, NULL, NULL, NULL },
	{ __LINE__, "og:title preferred to a plain title",
	  "<html><head><title>Daily Site</title><meta property='og:title' "
	  "content='Bridge reopens after repairs'></head><body><div>"
	  P("One.") "</div></body></html>",
	  "Bridge reopens after repairs", 1, NULL, NULL, NULL },
	{ __LINE__, "JSON-LD headline and body",
	  "<html><head><script type='application/ld+json'>{\"@context\":"
	  "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
	  "\"Port strike ends\",\"datePublished\":\"2026-03-05T12:07:00Z\","
	  "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script>"
	  "</head><body><div class='story-body'>" P("One.") P("Two.")
	  "</div></body></html>",
	  "Port strike ends", 2, NULL, NULL, NULL },
	{ __LINE__, "share bar inside the story is pruned",
	  "<html><body><article>" P("One.") "<div class='share-bar'><a>"
	  "Facebook</a> <a>X</a> <a>Email</a></div>" P("Two.")
	  "</article></body></html>",
	  NULL, 2, NULL, "Facebook", "share" },
	{ __LINE__, "a list of links inside the story is pruned",
	  "<html><body><article>" P("One.") "<ul><li><a href='/a'>Other "
	  "story one</a></li><li><a href='/b'>Other story two</a></li>"
	  "<li><a href='/c'>Other story three</a></li></ul>" P("Two.")
	  "</article></body></html>",
	  NULL, 2, NULL, "Other story two", "links" },
	{ __LINE__, "a list that links some of its words stays",
	  "<html><body><article>" P("One.") "<ul><li><a href='/a'>Harbour "
	  "permits</a>: apply a month ahead</li><li><a href='/b'>Mooring "
	  "fees</a>: twelve euros a night</li><li><a href='/c'>Fuel "
	  "dock hours</a>: eight until six daily</li></ul>" P("Two.")
	  "</article></body></html>",
	  NULL, 5, "twelve euros a night", NULL, NULL },
	{ __LINE__, "a hidden copy of the story beside it goes",
	  "<html><body><article>" P("One.") P("Two.") P("Three.")
	  "<pre hidden class='raw'># Copy\n\nOne in Markdown, long enough "
	  "to be a third of the page or more, with [a link]"
	  "(https://example.com/) and more words after it, many more "
	  "words, enough words to weigh, and then some more words again "
	  "so that the copy is as long as a third of the story.</pre>"
	  "</article></body></html>",
	  NULL, 3, "Three.", "in Markdown", NULL },
	{ __LINE__, "a body a script would show is the story",
	  "<html><body><div style='display:none'><div class='story'>"
	  P("One.") P("Two.") "</div></div><nav><a href='/'>Home</a></nav>"
	  "</body></html>",
	  NULL, 2, "Two.", NULL, NULL },
	{ __LINE__, "a template's placeholder text goes",
	  "<html><body><article>" P("One.") "<p>Lorem ipsum dolor sit amet, "
	  "consectetur adipiscing elit, sed do eiusmod tempor incididunt "
	  "ut labore et dolore magna aliqua.</p>" P("Two.")
	  "</article></body></html>",
	  NULL, 2, "Two.", "Lorem ipsum", "placeholder" },
	{ __LINE__, "sentences that link most of their words stay",
	  "<html><body><article>" P("One.") "<div class='note'>This hotel "
	  "features in my lists of <a href='/a'>the ten best hotels in "
	  "Bangkok</a> and <a href='/b'>the best new hotels of the year</a>"
	  " and <a href='/c'>my favourite hotels anywhere</a>.</div>"
	  P("Two.") "</article></body></html>",
	  NULL, 3, "favourite hotels anywhere", NULL, NULL },
	{ __LINE__, "figure caption is pruned",
	  "<html><body><article>" P("One.") "<figure><img src='x.jpg'>"
	  "<figcaption>A man walks past the building.</figcaption>"
	  "</figure>" P("Two.") "</article></body></html>",
	  NULL, 2, NULL, "A man walks past", "caption" },
	{ __LINE__, "a table in a figure stays, its caption goes",
	  "<html><body><article>" P("One.") "<figure class='wp-block-table'>"
	  "<table><tr><th>Rank</th><th>Insurer</th></tr><tr><td>1</td><td>"
	  "Harbour Mutual</td></tr></table><figcaption>Source: the insurers"
	  "' filings.</figcaption></figure>" P("Two.") "</article></body>"
	  "</html>",
	  NULL, 4, "Harbour Mutual", "the insurers' filings", "caption" },
	{ __LINE__, "a quotation in a figure stays",
	  "<html><body><article>" P("One.") "<figure class='wp-block-"
	  "pullquote'><blockquote><p>We rebuilt the quay in eight weeks, "
	  "not eight months.</p></blockquote></figure>"
	  P("Two.") "</article></body></html>",
	  NULL, 3, "We rebuilt the quay", NULL, NULL },
	{ __LINE__, "the writer's box at the end goes",
	  "<html><body><article><p class='byline'>By Jane Roe</p>"
	  P("One.") P("Two.") P("Three.") "<p>Jane Roe is the owner of a "
	  "small bakery in Leeds and writes about food.</p><p>She holds a "
	  "degree in chemistry.</p></article></body></html>",
	  NULL, 3, "Three.", "She holds a degree", "author bio" },
	{ __LINE__, "the writer's note above the story goes",
	  "<html><body><article><p class='byline'>By Jane Roe</p>"
	  "<p>Jane Roe I'm a developer and writer who enjoys sailing.</p>"
	  P("One.") P("Two.") P("Three.") "</article></body></html>",
	  NULL, 3, "One.", "enjoys sailing", "author bio" },
	{ __LINE__, "the writer named in the story stays",
	  "<html><body><article><p class='byline'>By Jane Roe</p>"
	  P("One.") "<p>Jane Roe is the owner of a small bakery in Leeds, "
	  "and she has watched flour prices climb all year.</p>" P("Two.")
	  P("Three.") P("Four.") P("Five.") P("Six.") P("Seven.")
	  "</article></body></html>",
	  NULL, 8, "watched flour prices", NULL, NULL },
	{ __LINE__, "newsletter form is pruned",
	  "<html><body><article>" P("One.") "<form><p>Sign up for our "
	  "newsletter</p><input type='email'><button>Subscribe</button>"
	  "</form>" P("Two.") "</article></body></html>",
	  NULL, 2, NULL, "Sign up", "form" },
	{ __LINE__, "inline promo paragraph is removed",
	  "<html><body><article>" P("One.") "<p>Read more: <a href='/x'>"
	  "Ferry strike strands commuters</a></p>" P("Two.")
	  "</article></body></html>",
	  NULL, 2, NULL, "Ferry strike", "related" },
	{ __LINE__, "a real sentence about advertising stays",
	  "<html><body><article>" P("One.") "<p>The company said "
	  "advertising revenue fell 4% in the quarter, its third straight "
	  "decline, as brands cut spending.</p>" P("Two.")
	  "</article></body></html>",
	  NULL, 3, "advertising revenue fell", NULL, NULL },
	{ __LINE__, "headings, lists and quotes keep their kinds",
	  "<html><body><article>" P("One.") "<h2>What changes</h2>"
	  "<ul><li>Rights last thirty years instead of forever.</li>"
	  "<li>Drinking water comes first in a drought.</li></ul>"
	  "<blockquote><p>We support the goals of this reform, said a "
	  "spokesman.</p></blockquote>" P("Two.") "</article></body></html>",
	  NULL, 6, "What changes", NULL, NULL },
	{ __LINE__, "sibling paragraphs outside the best block are kept",
	  "<html><body><div id='wrap'><div class='text'>" P("One.")
	  P("Two.") P("Three.") "</div><p>A closing paragraph long enough "
	  "to count as the story, with no links in it at all, says the "
	  "city.</p></div></body></html>",
	  NULL, 4, "closing paragraph", NULL, NULL },
	{ __LINE__, "a data table becomes rows",
	  "<html><body><article>" P("One.") "<table><thead><tr><th>Grade"
	  "</th><th>Price</th></tr></thead><tbody><tr><td>Extra virgin</td>"
	  "<td>3.85</td></tr><tr><td>Virgin</td><td>3.41</td></tr></tbody>"
	  "</table>" P("Two.") "</article></body></html>",
	  NULL, 5, "Extra virgin | 3.85", NULL, NULL },
	{ __LINE__, "a layout table is not a data table",
	  "<html><body><table><tr><td><p>Menu</p></td><td>" P("One.")
	  P("Two.") "</td></tr></table></body></html>",
	  NULL, 2, "One.", "|", NULL },
	{ __LINE__, "hidden text is dropped",
	  "<html><body><article>" P("One.") "<div style='display: none'>"
	  "<p>Secret promo text that nobody sees on the page at all.</p>"
	  "</div>" P("Two.") "</article></body></html>",
	  NULL, 2, NULL, "Secret promo", NULL },
	{ __LINE__, "two line breaks split a paragraph",
	  "<html><body><div class='story'>First piece of the text, long "
	  "enough, with commas, to count.<br><br>Second piece of the text, "
	  "also long enough, with commas, to count.<br><br>Third piece, the "
	  "last one, with commas, and enough words.</div></body></html>",
	  NULL, 3, "Second piece", NULL, NULL },
	{ __LINE__, "300 unclosed font tags lose nothing",
	  "<html><body><h1>Deep</h1>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  "<font><font><font><font><font><font><font><font><font><font>"
	  P("After the fonts.") P("The last paragraph.") "</body></html>",
	  NULL, 2, "The last paragraph.", NULL, NULL },
	{ __LINE__, "control characters from entities are sanitized",
	  "<html><body><article><p>Bell &#7; escape &#x1b;[31m and "
	  "&#x9b; and &#x202e;reversed, and a long enough sentence, with "
	  "commas, to count.</p></article></body></html>",
	  NULL, 1, "escape [31m", NULL, NULL },
	{ __LINE__, "the page's own copy repairs a wrong container",
	  "<html><head><script type='application/ld+json'>{\"@type\":"
	  "\"NewsArticle\",\"headline\":\"Tram line opens\",\"articleBody\":"
	  "\"The new tram line between the station and the harbour opened "
	  "on Monday morning after four years of building work and two "
	  "delays caused by flooding in the tunnel section.\\nCity officials "
	  "said about twelve thousand passengers a day are expected in the "
	  "first year, rising to twenty thousand once the second branch to "
	  "the university campus is finished in two years.\\nShopkeepers "
	  "along the route said trade had suffered during the works and "
	  "asked the council for help with rents while the street was "
	  "closed to cars and buses.\"}</script></head><body><div "
	  "class='content'>" P("Terms of service apply to every visitor.")
	  P("Cookies help us run the site.") "</div></body></html>",
	  "Tram line opens", 3, "twelve thousand passengers", "Cookies",
	  NULL },
	{ __LINE__, "no story: an empty note, not a crash",
	  "<html><body><script>var x = 1;</script></body></html>",
	  NULL, 0, NULL, NULL, NULL },	{ __LINE__, "a caption by its class, not in a <figure>",
	  "<html><body><article><h1>Ferry strike ends</h1>" P("One.")
	  "<div class='carousel'><div class='slide'><img src='a.jpg' alt=''>"
	  "<div class='photo-caption mt-2'>Crews walk back to the ferries at "
	  "dawn on the first day after the strike, in the old harbour. "
	  "<span class='photo-credit'>Credit: Ana Ruiz</span></div></div>"
	  "</div>" P("Two.") P("Three.") "</article></body></html>",
	  NULL, 3, "Two.", "Credit: Ana Ruiz", "caption" },
	{ __LINE__, "a writer's name inline in the last paragraph stays",
	  "<html><body><article><h1>Ferry strike ends</h1>" P("One.")
	  P("Two.") P("Three.") P("Four.") "<p>The conclusion stays, "
	  "written by <span class='author-box'>Ana Ruiz</span>.</p>"
	  "</article></body></html>",
	  NULL, 5, "The conclusion stays", NULL, NULL },
	{ __LINE__, "the writer's note by its class, above the story",
	  "<html><body><article><h1>Ferry strike ends</h1>"
	  "<p class='author-bio'>Ana Ruiz covers shipping and ports for the "
	  "paper, and co-hosts its weekly podcast about the sea, the docks "
	  "and the people who work on them.</p>" P("One.") P("Two.")
	  P("Three.") "</article></body></html>",
	  NULL, 3, "One.", "co-hosts its weekly podcast", "author bio" },
	{ __LINE__, "the writer's box closes the story: the end matter goes",
	  "<html><body><article><h1>Ferry strike ends</h1>" P("One.")
	  P("Two.") P("Three.") P("Four.") "<div class='author-card'><p>Ana "
	  "Ruiz</p><p>Ana Ruiz has covered shipping for the paper since "
	  "2019, from ports on three continents.</p></div>"
	  "<p>Reviewed by,</p><p>This material is for information only and "
	  "is not advice of any kind.</p></article></body></html>",
	  NULL, 4, "Four.", "not advice of any kind", "author bio" },
	{ __LINE__, "a long note of the site's earnings is furniture",
	  "<html><body><article><h1>Best kettles</h1>" P("One.") "<p>Some "
	  "of the links in this article are affiliate ones. This means that "
	  "if you click through them to make a purchase, we may earn a small "
	  "commission at no additional cost to you, which helps us keep "
	  "testing kettles, toasters and other small appliances for our "
	  "readers.</p>" P("Two.") P("Three.") "</article></body></html>",
	  NULL, 3, "Three.", "affiliate ones", "disclosure" },
	{ __LINE__, "code is never furniture",
	  "<html><body><article><h1>Booting an old workstation</h1>"
	  P("One.") "<pre>BootRom Version 1.1\nMemory Size: 128 MB\n"
	  "(c) Copyright 1990-1994, Hewlett-Packard Company.\nAll rights "
	  "reserved</pre>" P("Two.") "</article></body></html>",
	  NULL, 3, "(c) Copyright 1990-1994, Hewlett-Packard", NULL, NULL },
	{ __LINE__, "an accordion's question stays with its answer",
	  "<html><body><article><h1>Moving across the country</h1>"
	  P("One.") P("Two.") "<div class='faq'><h3><button "
	  "aria-expanded='true'>How much should I tip the movers?</button>"
	  "</h3><div class='answer'><p>Most crews expect five to ten "
	  "percent of the bill, split between them.</p></div></div>"
	  "</article></body></html>",
	  NULL, 4, "How much should I tip the movers?", NULL, NULL },
	{ __LINE__, "an accordion's hidden answer stays with its question",
	  "<html><body><article><h1>Running shoes</h1>" P("One.") P("Two.")
	  "<h3><button aria-expanded='false'>What is the midsole made of?"
	  "</button></h3><div hidden><p>Most midsoles are foam, EVA or a "
	  "blend, and the foam decides how soft the ride feels.</p></div>"
	  "</article></body></html>",
	  NULL, 4, "Most midsoles are foam", NULL, NULL },
	{ __LINE__, "a hidden menu opened by a button stays out",
	  "<html><body><article><h1>Running shoes</h1>" P("One.") P("Two.")
	  P("Three.") "<button aria-expanded='false'>Menu</button><div "
	  "hidden><p>Shoes, trail running, road running and the racing "
	  "shoes of the season, all in one place.</p></div>"
	  "</article></body></html>",
	  NULL, 3, NULL, "racing shoes of the season", NULL },
	{ __LINE__, "a question whose answer a script would load goes",
	  "<html><body><article><h1>Moving across the country</h1>"
	  P("One.") P("Two.") P("Three.") "<div class='faq'><div><button>"
	  "How much should I tip the movers?</button></div><div><button>"
	  "Do I need moving insurance?</button></div></div>"
	  "</article></body></html>",
	  NULL, 3, NULL, "tip the movers", NULL },
	/* Hostile streams: parts inside their own placeholders, inside
	 * other parts' fallbacks, a part named twice. Run under ASan by
	 * make check-asan. */
	{ __LINE__, "a streamed part inside a fallback",
	  "<html><body><article><h1>T</h1>" P("One.") "<div><!--$?-->"
	  "<template id=\"B:0\"></template><div hidden id=\"S:1\">"
	  P("Lost.") "</div><!--/$--></div></article><div hidden "
	  "id=\"S:0\">" P("Two.") "</div></body></html>",
	  NULL, 2, "Two.", NULL, NULL },
	{ __LINE__, "a streamed part holding its own placeholder",
	  "<html><body><article><h1>T</h1>" P("One.") "</article><div "
	  "hidden id=\"S:0\">" P("Two.") "<template id=\"B:0\"></template>"
	  "<div>fallback</div><!--/$--></div></body></html>",
	  NULL, -1, "One.", NULL, NULL },
	{ __LINE__, "a streamed part named twice, one inside another",
	  "<html><body><article><h1>T</h1>" P("One.") "<template "
	  "id=\"P:0\"></template></article><div hidden id=\"S:0\">"
	  P("Two.") "<div hidden id=\"S:1\"><template id=\"P:1\">"
	  "</template>" P("Three.") "</div></div><div hidden id=\"S:1\">"
	  "x</div></body></html>",
	  NULL, -1, "Two.", NULL, NULL },
	{ __LINE__, "a fallback that holds its own part",
	  "<html><body><article><h1>T</h1><template id=\"B:0\"></template>"
	  P("One.") "<div hidden id=\"S:0\">" P("Two.") "</div><!--/$-->"
	  "</article></body></html>",
	  NULL, -1, NULL, NULL, NULL },
	{ __LINE__, "the story's references stay",
	  "<html><body><article><h1>Agents and workflows</h1>" P("One.")
	  P("Two.") P("Three.") "<h2>References</h2>"
	  "<p>(n.d.). Workflows vs agents. <a href='/a'>example.com/a</a></p>"
	  "<p>(n.d.). Effective agents. <a href='/b'>example.com/b</a></p>"
	  "<p>(n.d.). Real agents. <a href='/c'>example.com/c</a></p>"
	  "<p>(2025, June). Summaries in Forms. <a href='/d'>example.com/d"
	  "</a></p></article></body></html>",
	  NULL, 8, "Summaries in Forms", NULL, NULL },
	{ __LINE__, "footnotes that link back stay",
	  "<html><body><article><h1>Agents and workflows</h1>" P("One.")
	  P("Two.") P("Three.") "<ol class='footnotes'><li>And how can we "
	  "be sure? \xE2\x86\xA9</li><li>For tired developers. "
	  "\xE2\x86\xA9</li></ol></article></body></html>",
	  NULL, 5, "For tired developers.", NULL, NULL },
	{ __LINE__, "highlighted code keeps its comments",
	  "<html><body><article><h1>Getting started with git</h1>"
	  P("One.") "<pre><code class='language-bash hljs'><span "
	  "class='hljs-comment'># initialize the repository</span>\ngit init"
	  "\n<span class='token comment'># stage every file</span>\ngit add "
	  ".</code></pre>" P("Two.") "</article></body></html>",
	  NULL, 3, "# initialize the repository", NULL, NULL },
	{ __LINE__, "a streamed page's parts move into their places",
	  "<html><body><article><h1>Index funds explained</h1>"
	  "<div class='article-body'><!--$?--><template id='B:0'></template>"
	  "<div>Loading paragraph...</div><!--/$--><!--$?--><template "
	  "id='B:1'></template><div>Loading paragraph...</div><!--/$-->"
	  "</div></article>"
	  "<div hidden id=\"S:1\">" P("Second part.") "</div>"
	  "<div hidden id=\"S:0\">" P("First part.") "<template id='P:2'>"
	  "</template></div>"
	  "<div hidden id=\"S:2\">" P("Nested part.") "</div>"
	  "</body></html>",
	  NULL, 3, "First part. The council said", "Loading paragraph",
	  NULL },
};

static char *
body_of(const struct story *st)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < st->npara; i++) {
		buf_adds(&b, st->paragraphs[i]);
		buf_addc(&b, '\n');
	}
	return buf_detach(&b);
}

static int
removed_for(const struct story *st, const char *reason)
{
	size_t i;

	for (i = 0; i < st->nremoved; i++)
		if (strcmp(st->removed[i].reason, reason) == 0)
			return 1;
	return 0;
}

static void
check_rows(const struct row *v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct row *r = &v[i];
		struct story *st = source_story("t.html", r->html,
		    strlen(r->html), NULL, "text/html");
		char *body = body_of(st);

		if (r->headline != NULL)
			CHECK(strcmp(st->headline, r->headline) == 0,
			    "line %d %s: headline \"%s\", want \"%s\"",
			    r->line, r->what, st->headline, r->headline);
		if (r->npara >= 0)
			CHECK((int)st->npara == r->npara,
			    "line %d %s: %zu paragraphs, want %d:\n%s",
			    r->line, r->what, st->npara, r->npara, body);
		if (r->must != NULL)
			CHECK(strstr(body, r->must) != NULL,
			    "line %d %s: \"%s\" missing:\n%s", r->line,
			    r->what, r->must, body);
		if (r->mustnot != NULL)
			CHECK(strstr(body, r->mustnot) == NULL,
			    "line %d %s: \"%s\" kept:\n%s", r->line, r->what,
			    r->mustnot, body);
		if (r->reason != NULL)
			CHECK(removed_for(st, r->reason),
			    "line %d %s: nothing removed as \"%s\"", r->line,
			    r->what, r->reason);
		for (k = 0; k < st->npara; k++)
			CHECK(text_is_clean(st->paragraphs[k]),
			    "line %d %s: paragraph %zu not sanitized",
			    r->line, r->what, k);
		free(body);
		story_free(st);
	}
}

/* A story long enough for the page's sections after it to be told
 * from it (some 170 words). */
#define STORY P("One.") P("Two.") P("Three.") P("Four.") P("Five.") \
	P("Six.") P("Seven.")
/* Another story's headline and summary, linking into the site (or into
 * another site, host). */
#define TEASER_AT(host, n) "<h3><a href='" host "/news/2026/story-" n "'>" \
	"Rail strike number " n " called off after talks</a></h3><p>The " \
	"union says pay offer number " n " will be put to a vote of its " \
	"members this week, and the trains will run.</p>"
#define TEASER(n) TEASER_AT("", n)
#define PAGE(head, body) "<html><head><link rel='canonical' " \
	"href='https://news.example/a/1'></head><body><div class='page'>" \
	"<h1>" head "</h1>" body "</div></body></html>"

/* Handles in a list: a comma every few characters. */
#define NAMES "ann_k, bo.r, cz77, dee, eli_m, fay, gus99, hal, ivy.p, " \
	"jo_jo, kim_o, lu, max_t, ned, oli, pam.w, quin, ray_8, sue, tom, "

/* Where the story ends: what follows it (other stories, comments) goes,
 * with the reason "v" shows; what the story itself holds stays. */
static const struct row end_rows[] = {
	{ __LINE__, "a heading of other stories ends the story",
	  PAGE("Council backs the plan", STORY "<h3>You may also like</h3>"
	  "<p>Rail strike called off after talks, and the union says the "
	  "pay offer will be put to a vote of members this week.</p><p>"
	  "Harbour reopens after the storm, as crews clear the debris from "
	  "the quays and the ferries sail again, on time.</p><p>Schools "
	  "stay shut for a second day as the snow keeps falling across the "
	  "north of the county.</p>"),
	  NULL, 7, "Seven.", "Harbour reopens", "related" },
	{ __LINE__, "the text after it is dropped as after the story",
	  PAGE("Council backs the plan", STORY "<h2>More stories</h2>"
	  TEASER("1") TEASER("2") TEASER("3")),
	  NULL, 7, NULL, "Rail strike", "after the story" },
	{ __LINE__, "a comments heading with a count ends the story",
	  PAGE("Council backs the plan", STORY "<div class='c-head'>12 "
	  "Comments</div><p>I have lived here for forty years, and the "
	  "council never asked us about the plan, not once, not ever.</p>"
	  "<p>The plan is good for the town, and the stages make sense to "
	  "me, at least, whatever the others here say.</p>"),
	  NULL, 7, NULL, "forty years", "comments" },
	{ __LINE__, "comments known by their signatures",
	  PAGE("Council backs the plan", STORY "<div><p>I have lived here "
	  "for forty years, and the council never asked us about the plan, "
	  "not once.</p><p>Posted by: Jo Reyes at March 3, 2026 09:12 AM"
	  "</p></div><div><p>The plan is good for the town, and the stages "
	  "make sense to me, at least.</p><p>Posted by: Sam Ortiz at March "
	  "3, 2026 10:40 AM</p></div>"),
	  NULL, 8, "forty years", "stages make sense", "comments" },
	{ __LINE__, "a list of headlines into the same site ends the story",
	  PAGE("Council backs the plan", STORY TEASER("1") TEASER("2")
	  TEASER("3")),
	  NULL, 7, "Seven.", "Rail strike", "links to other stories" },
	{ __LINE__, "the same with the site's own address in its links",
	  PAGE("Council backs the plan", STORY
	  TEASER_AT("https://www.news.example", "1")
	  TEASER_AT("https://news.example", "2")
	  TEASER_AT("https://news.example", "3")),
	  NULL, 7, "Seven.", "Rail strike", "links to other stories" },
	{ __LINE__, "links to other sites are no list of other stories",
	  PAGE("Council backs the plan", STORY
	  TEASER_AT("https://a.example", "1")
	  TEASER_AT("https://b.example", "2")
	  TEASER_AT("https://c.example", "3")),
	  NULL, 13, "Rail strike number 3", NULL, NULL },
	{ __LINE__, "a box of other stories inside the story is not its end",
	  PAGE("Council backs the plan", STORY "<h3>Related stories</h3>"
	  TEASER("1") TEASER("2") STORY),
	  NULL, -1, "Seven.", NULL, NULL },
	{ __LINE__, "a label for what the story lists next is not its end",
	  PAGE("Council backs the plan", STORY "<p>Related:</p><p>The "
	  "council's last plan, from 2019, which failed for lack of money, "
	  "was much the same as this one.</p><p>The plan before it, from "
	  "2011, was dropped after the election, when the new council took "
	  "office.</p><p>The first, from 2002, was never put to a vote at "
	  "all, and nobody now knows why.</p>"),
	  NULL, -1, "never put to a vote", NULL, NULL },
	{ __LINE__, "a list the story presents goes on to its end",
	  PAGE("A guide in five steps", P("One.") P("Two.") P("Three.")
	  TEASER("1") TEASER("2") TEASER("3") TEASER("4") TEASER("5")),
	  NULL, -1, "Rail strike number 5", NULL, NULL },
	{ __LINE__, "a list of names with commas loses to prose",
	  "<html><body><div class='a'><p>" NAMES NAMES NAMES NAMES NAMES
	  NAMES NAMES NAMES "and others</p></div><div class='b'>" P("One.")
	  P("Two.") P("Three.") P("Four.") P("Five.") "</div></body></html>",
	  NULL, 5, "Five.", "kim_o", NULL },
	{ __LINE__, "a name's hover card stays out of the paragraph",
	  PAGE("Council backs the plan", STORY "<p>The mayor, <a href='/p/"
	  "jo'>Jo Reyes<span class='hovercard'>Jo Reyes 4,210 followers "
	  "Follow</span></a>, said the plan was the best the town had "
	  "seen in years.</p>"),
	  NULL, 8, "The mayor, Jo Reyes, said", "followers", "hidden" },
	{ __LINE__, "text for screen readers only stays out",
	  PAGE("Council backs the plan", STORY "<p>The full plan is on the "
	  "<a href='/plan'>council's site<span class='sr-only'> (opens in "
	  "a new window)</span></a> and runs to ninety pages.</p>"),
	  NULL, 8, "council's site and runs", "new window", NULL },
	{ __LINE__, "calendar data hidden by its class stays out",
	  PAGE("Council backs the plan", STORY "<p>The public may comment "
	  "on the plan until <span class='cal d-none'>2026-04-30T17:00 "
	  "Add to calendar</span>April 30, at the town hall or by post.</p>"),
	  NULL, 8, "until April 30, at", "Add to calendar", NULL },
	{ __LINE__, "a class hiding only on small screens hides nothing",
	  PAGE("Council backs the plan", STORY "<p class='hidden-xs'>The "
	  "plan was first put forward by the harbour board in 2019, and "
	  "nobody then expected it to pass.</p>"),
	  NULL, 8, "nobody then expected", NULL, NULL },
	{ __LINE__, "a post embedded in the story is no share row",
	  PAGE("Council backs the plan", STORY "<blockquote class='embed "
	  "social-embed'><p>We will vote against the plan at the next "
	  "meeting, because the smaller towns have no say in it.</p>&mdash; "
	  "Jo Reyes (@joreyes) <a href='https://x.example/joreyes/1'>March "
	  "3, 2026</a></blockquote>" P("Eight.")),
	  NULL, 10, "smaller towns have no say", NULL, NULL },
	{ __LINE__, "a share row beside it still goes",
	  PAGE("Council backs the plan", STORY "<div class='social-share'>"
	  "<a href='/s/f'>Facebook</a> <a href='/s/x'>X</a> <a href='/s/m'>"
	  "Email</a> Share this story</div>" P("Eight.")),
	  NULL, 8, "Eight.", "Facebook", "share" },
	{ __LINE__, "bare text beside pictures is the story's paragraphs",
	  "<html><body><div class='post'><h1>Council backs the plan</h1>"
	  "<figure><img src='a.jpg'></figure>The council voted on Tuesday, "
	  "after a long debate, to go ahead with the plan in stages, "
	  "starting in the spring.<br><br>The first stage, a new bridge over "
	  "the river, will cost some four million, and the county will pay "
	  "for half of it.<figure><img src='b.jpg'></figure>The second, a "
	  "road to the harbour, waits for a grant from the state, which may "
	  "come next year, or the year after.<br><br>Work on the bridge is "
	  "to start in April, and the old ferry will run until it opens."
	  "</div><div class='more'><p>Sign up, today, for our letters, "
	  "alerts, offers, and more.</p><p>Win tickets, prizes, and more, "
	  "every week, all year.</p></div></body></html>",
	  NULL, -1, "old ferry will run until it opens", "Win tickets", NULL },
	{ __LINE__, "a list right beside the story's container is its own",
	  "<html><body><div class='wrap'><h1>Council backs the plan</h1>"
	  "<div class='body'>" P("One.") P("Two.") P("Three.") "</div><ul>"
	  "<li>A bridge over the river, to open in the spring</li><li>A "
	  "road to the harbour, if the state pays for it</li><li>A new "
	  "ferry pier, to be built by the county</li></ul></div></body>"
	  "</html>",
	  NULL, -1, "A road to the harbour", NULL, NULL },
	{ __LINE__, "a list of links beside it is not",
	  "<html><body><div class='wrap'><h1>Council backs the plan</h1>"
	  "<div class='body'>" P("One.") P("Two.") P("Three.") "</div><ul>"
	  "<li><a href='/a'>A bridge over the river</a></li><li><a href="
	  "'/b'>A road to the harbour</a></li></ul></div></body></html>",
	  NULL, 3, NULL, "A road to the harbour", NULL },
	{ __LINE__, "a part of the story with the container's first class",
	  "<html><body><div class='wrap'><h1>Council backs the plan</h1>"
	  "<div class='story-body'>" P("One.") P("Two.") P("Three.")
	  P("Four.") P("Five.") P("Six.") "</div><div class='story-body "
	  "part-2'><p>Seven. The vote was close, as the mayor said.</p><ul>"
	  "<li>For: eleven members of the council</li><li>Against: three "
	  "of them, from the smaller towns</li></ul></div></div></body>"
	  "</html>",
	  NULL, 9, "The vote was close", NULL, NULL },
	{ __LINE__, "a list's items repeat within the story",
	  PAGE("A week of meals", P("One.") "<h3>Monday</h3><ul><li>"
	  "Breakfast: oats with berries and a spoon of honey</li><li>Lunch: "
	  "lentil soup with bread</li></ul><h3>Tuesday</h3><ul><li>Breakfast:"
	  " oats with berries and a spoon of honey</li><li>Lunch: a salad "
	  "of beans and rice</li></ul>" P("Two.")),
	  NULL, 8, "Lunch: a salad", NULL, NULL },
	{ __LINE__, "a paragraph twice is still a copy",
	  PAGE("Council backs the plan", STORY P("Five.")),
	  NULL, 7, NULL, NULL, "duplicate" },
	{ __LINE__, "a short page is not cut to nothing",
	  PAGE("Council backs the plan", P("One.") "<h3>More stories</h3>"
	  TEASER("1") TEASER("2") TEASER("3")),
	  NULL, -1, "Rail strike number 3", NULL, NULL },
};

/*
 * Byline and date as the page shows them around its headline, without
 * metadata: each line of meta markup between an <h1> and the story.
 */
static void
test_shown_meta(void)
{
	static const struct {
		int		 line;
		const char	*meta;		/* HTML under the <h1> */
		const char	*byline;	/* NULL: none */
		const char	*day;		/* YYYY-MM-DD, NULL: none */
	} tests[] = {
		{ __LINE__, "<p><span>By\n<a href='/p/s'>Sofia Gonzalez</a>"
		  "</span> <span>December 2, 2025</span></p>",
		  "Sofia Gonzalez", "2025-12-02" },
		{ __LINE__, "<div><p>Written by</p><p>Edzel Tabing</p></div>"
		  "<div><p>Last updated</p><p>Aug 04, 2025</p></div>",
		  "Edzel Tabing", "2025-08-04" },
		{ __LINE__, "<div><p>Edited by</p><p>Kristina Zagame</p>"
		  "</div>", NULL, NULL },
		{ __LINE__, "<p>Published on July 18, 2025</p>", NULL,
		  "2025-07-18" },
		{ __LINE__, "<div>Dec. 19, 2025 &middot; Niko Matsakis on "
		  "behalf of <a href='/t'>the team</a></div>", "Niko Matsakis",
		  "2025-12-19" },
		{ __LINE__, "<div><strong>By</strong> <a href='/x'>Mar Vidal</a>"
		  " - Mar 27, 2024</div>", "Mar Vidal", "2024-03-27" },
		{ __LINE__, "<p class='author'> Andrew Gerrand<br> 4 August "
		  "2010 </p>", "Andrew Gerrand", "2010-08-04" },
		{ __LINE__, "<h3>Written by Cassidy Horton</h3>",
		  "Cassidy Horton", NULL },
		{ __LINE__, "<span class='author'>By the Lavazza Team</span>",
		  "the Lavazza Team", NULL },
		{ __LINE__, "<div class='author'><span>CM</span></div>", NULL,
		  NULL },
		{ __LINE__, "<div class='author'><a href='/a'>View Full "
		  "Profile</a></div>", NULL, NULL },
		{ __LINE__, "<p>December 18, 2025 \xE3\x83\xBB 3 min read</p>",
		  NULL, "2025-12-18" },
		{ __LINE__, "<span class='entry-author'> Maria (Lopez) Santos "
		  "</span>", "Maria (Lopez) Santos", NULL },
		{ __LINE__, "<p class='post-author__name'>Ana / Garden Notes"
		  "</p>", "Ana / Garden Notes", NULL },
		{ __LINE__, "<a class='meta-author-name'>By: Tom Reyes, Head "
		  "of Logistics, Blue Van Co - 12+ Years in Freight and "
		  "Moving Across the West</a>",
		  "Tom Reyes, Head of Logistics, Blue Van Co", NULL },
		{ __LINE__, "<div><time>03/01/2017</time> by Ines Moreau, "
		  "Member of the Review Board</div>",
		  "Ines Moreau, Member of the Review Board", "2017-03-01" },
		{ __LINE__, "<ul><li><i class='bi bi-person'></i> Karl Weber "
		  "</li><li>Dec 3, 2025</li></ul>", "Karl Weber",
		  "2025-12-03" },
		{ __LINE__, "<ul><li><i class='fa fa-user'></i> Log In</li>"
		  "</ul>", NULL, NULL },
		{ __LINE__, "<ul><li>Written by <address>The Desk, edited by "
		  "Omar</address></li></ul>", "The Desk", NULL },
		{ __LINE__, "<div class='dateAndAuthorBox'><span>Dec 17, 2025"
		  "</span><span>Julia K. Marsh</span></div>", "Julia K. Marsh",
		  "2025-12-17" },
		{ __LINE__, "<p>Dec 26, 2025 &bull; Priya Nair in <a "
		  "href='/c/data'>Data</a></p>", "Priya Nair", "2025-12-26" },
		{ __LINE__, "<h4>By</h4><div><a href='/tag/weddings' "
		  "rel='tag'>Wedding Plans</a></div>", NULL, NULL },
		{ __LINE__, "<div class='byline'><a href='/tag/home'>Home "
		  "Life</a></div>", NULL, NULL },
		{ __LINE__, "<div class='testimonial-author'><p>Stacy Lane</p>"
		  "</div>", NULL, NULL },
		{ __LINE__, "<div class='author-avatar'><img src='a.png' "
		  "alt='Picture of Lena Hart'></div>", "Lena Hart", NULL },
		{ __LINE__, "<div class='author-avatar'><img src='a.png' "
		  "alt='A view of the harbour at dusk'></div>", NULL, NULL },
		{ __LINE__, "<p>By Grace Lin, Ph.D.</p>", "Grace Lin, Ph.D.",
		  NULL },
		{ __LINE__, "<meta name='author' content='Name'>", NULL,
		  NULL },
		{ __LINE__, "<meta property='article:author' "
		  "content='262588213843476'>", NULL, NULL },
		{ __LINE__, "<meta name='author' content='Site Team'><script "
		  "type='application/ld+json'>{\"@type\": \"NewsArticle\", "
		  "\"author\": {\"name\": \"Rosa Diaz\"}}</script>",
		  "Rosa Diaz", NULL },
		{ __LINE__, "<article><p>Short.</p><footer><p class='author'>"
		  "By Hugo Brandt</p></footer></article>", "Hugo Brandt",
		  NULL },
		/* The day shown under the headline against the metadata's:
		 * an earlier one is the story's, a later or updated one is
		 * not. */
		{ __LINE__, "<meta property='article:published_time' "
		  "content='2025-06-12T10:00:00Z'><p>November 2, 2022</p>",
		  NULL, "2022-11-02" },
		{ __LINE__, "<meta property='article:published_time' "
		  "content='2022-11-02T10:00:00Z'><p>June 12, 2025</p>",
		  NULL, "2022-11-02" },
		{ __LINE__, "<meta property='article:published_time' "
		  "content='2025-06-12T10:00:00Z'><p>Updated November 2, "
		  "2022</p>", NULL, "2025-06-12" },
		{ __LINE__, "<meta property='article:published_time' "
		  "content='2025-12-19T02:41:00Z'><p>December 18, 2025</p>",
		  NULL, "2025-12-18" },
	};
	char html[4096], day[16];
	size_t i;

	for (i = 0; i < NELEM(tests); i++) {
		struct story *st;

		snprintf(html, sizeof html, "<html><body><h1>Floods hit the "
		    "coast again</h1>%s<div class='body'>%s%s%s</div></body>"
		    "</html>", tests[i].meta, P("One."), P("Two."),
		    P("Three."));
		st = source_story("t.html", html, strlen(html), NULL,
		    "text/html");
		if (tests[i].byline == NULL)
			CHECK(st->byline == NULL, "line %d: byline \"%s\", "
			    "want none", tests[i].line, st->byline);
		else
			CHECK(st->byline != NULL && strcmp(st->byline,
			    tests[i].byline) == 0, "line %d: byline \"%s\", "
			    "want \"%s\"", tests[i].line, st->byline ?
			    st->byline : "(none)", tests[i].byline);
		day[0] = '\0';
		if (st->has_published)
			strftime(day, sizeof day, "%Y-%m-%d",
			    gmtime(&st->published));
		CHECK(strcmp(day, tests[i].day != NULL ? tests[i].day : "") ==
		    0, "line %d: day \"%s\", want \"%s\"", tests[i].line,
		    day, tests[i].day != NULL ? tests[i].day : "");
		story_free(st);
	}
}

/* What the walk drops keeps its place among the paragraphs, for the
 * view of removed blocks. */
static void
test_removed_places(void)
{
	static const char html[] = "<html><body><article><h1>Ferry strike "
	    "ends</h1>" P("One.") P("Two.") "<figure><img src='a.jpg'>"
	    "<figcaption>Crews at the harbour on Monday.</figcaption>"
	    "</figure>" P("Three.") "<div class='share'>Share this</div>"
	    P("Four.") "</article></body></html>";
	struct story *st;
	size_t i;
	int cap = -1, share = -1;

	st = source_story("t.html", html, strlen(html), NULL, "text/html");
	for (i = 0; i < st->nremoved; i++) {
		if (strcmp(st->removed[i].reason, "caption") == 0)
			cap = st->removed[i].before;
		if (strcmp(st->removed[i].reason, "share") == 0)
			share = st->removed[i].before;
	}
	CHECK(cap == 2, "caption before paragraph %d, want 2", cap);
	CHECK(share == 3, "share row before paragraph %d, want 3", share);
	story_free(st);
}

/* A page without an <h1> that shows one date on a line of its own:
 * that date is the story's. */
static void
test_date_without_h1(void)
{
	static const char *const tails[] = { "", "<p>Posted by Lu Chen</p>" };
	char html[4096], day[16];
	size_t i;

	for (i = 0; i < NELEM(tails); i++) {
		struct story *st;

		snprintf(html, sizeof html, "<html><body><div class='post'>"
		    "<div class='meta'><p>Luke Kim</p><small>December 17, "
		    "2025</small></div>%s%s%s%s</div></body></html>", P("One."),
		    P("Two."), P("Three."), tails[i]);
		st = source_story("t.html", html, strlen(html), NULL,
		    "text/html");
		day[0] = '\0';
		if (st->has_published)
			strftime(day, sizeof day, "%Y-%m-%d",
			    gmtime(&st->published));
		CHECK(strcmp(day, "2025-12-17") == 0, "no h1, case %zu: day "
		    "\"%s\", want 2025-12-17", i, day);
		story_free(st);
	}
}

/* A date on a line of its own far below the headline is the story's
 * only beside its byline; elsewhere it may be any list's. */
static void
test_date_by_byline(void)
{
	static const struct {
		const char	*tail;
		const char	*day;
	} tests[] = {
		{ "<p>Written by <a href='/a/mo'>Mo Kim</a></p>"
		  "<p>April 8, 2024</p>", "2024-04-08" },
		{ "<p>April 8, 2024</p>", "" },
		{ "<p class='date'>June 24, 2025</p><p>Written by <a "
		  "href='/a/mo'>Mo Kim</a></p><p class='date'>April 8, 2024"
		  "</p>", "2024-04-08" },
	};
	struct buf html = { 0 };
	char day[16];
	size_t i;
	int k;

	for (i = 0; i < NELEM(tests); i++) {
		struct story *st;

		buf_adds(&html, "<html><body><h1>Floods hit the coast again"
		    "</h1><div class='body'>");
		for (k = 0; k < 80; k++)
			buf_printf(&html, "<p>Paragraph %d of the story, with "
			    "words enough to count.</p>", k);
		buf_printf(&html, "</div>%s</body></html>", tests[i].tail);
		st = source_story("t.html", html.data, html.len, NULL,
		    "text/html");
		day[0] = '\0';
		if (st->has_published)
			strftime(day, sizeof day, "%Y-%m-%d",
			    gmtime(&st->published));
		CHECK(strcmp(day, tests[i].day) == 0, "date by byline %zu: "
		    "day \"%s\", want \"%s\"", i, day, tests[i].day);
		story_free(st);
		buf_free(&html);
	}
}

/* The page's own address, for o on a saved page: the canonical link,
 * else og:url, and only an http(s) one. */
static void
test_own_url(void)
{
	static const struct {
		const char	*head;
		const char	*want;
	} tests[] = {
		{ "<link rel='canonical' href='https://a.example/s/1'>"
		  "<meta property='og:url' content='https://a.example/og'>",
		  "https://a.example/s/1" },
		{ "<meta property='og:url' content='https://a.example/og'>",
		  "https://a.example/og" },
		{ "<link rel='Canonical' href='http://a.example/s/2'>",
		  "http://a.example/s/2" },
		{ "<link rel='canonical' href='/s/relative'>", NULL },
		{ "<link rel='canonical' href='javascript:alert(1)'>", NULL },
		{ "<link rel='stylesheet' href='https://a.example/x.css'>",
		  NULL },
		{ "", NULL },
	};
	struct buf html = { 0 };
	size_t i;

	for (i = 0; i < NELEM(tests); i++) {
		struct story *st;

		buf_printf(&html, "<html><head>%s</head><body><h1>Floods hit "
		    "the coast</h1><p>The floods hit the coast again on "
		    "Tuesday, the third time this winter.</p></body></html>",
		    tests[i].head);
		st = source_story("t.html", html.data, html.len, NULL,
		    "text/html");
		CHECK((st->url == NULL && tests[i].want == NULL) ||
		    (st->url != NULL && tests[i].want != NULL &&
		    strcmp(st->url, tests[i].want) == 0), "own url %zu: %s, "
		    "want %s", i, st->url ? st->url : "NULL",
		    tests[i].want ? tests[i].want : "NULL");
		story_free(st);
		buf_free(&html);
	}
}

/* The charset a page declares in its first bytes. */
static void
test_charset(void)
{
	static const struct {
		const char	*html;
		const char	*want;
	} t[] = {
		{ "<meta charset=\"utf-8\">", "UTF-8" },
		{ "<META CHARSET=windows-1252>", "windows-1252" },
		{ "<meta charset='iso-8859-1'>", "windows-1252" },
		{ "<meta http-equiv=\"Content-Type\" content=\"text/html; "
		  "charset=Shift_JIS\">", "CP932" },
		{ "<meta name=\"x\" content=\"charset is nothing\">", NULL },
		{ "<meta charset=\"klingon\">", NULL },
		{ "<p>charset=utf-8 in text</p>", NULL },
		{ "", NULL },
	};
	size_t i;

	for (i = 0; i < NELEM(t); i++) {
		const char *got = clean_html_charset(t[i].html,
		    strlen(t[i].html));

		CHECK((got == NULL && t[i].want == NULL) || (got != NULL &&
		    t[i].want != NULL && strcmp(got, t[i].want) == 0),
		    "charset of %s: got %s, want %s", t[i].html,
		    got ? got : "NULL", t[i].want ? t[i].want : "NULL");
	}
}

static void
test_sniff(void)
{
	static const struct {
		const char	*text;
		int		 html;
	} t[] = {
		{ "<!DOCTYPE html><html>", 1 },
		{ "\xEF\xBB\xBF  <html lang=en>", 1 },
		{ "<!-- saved --><html>", 1 },
		{ "Headline\n\nBody text.", 0 },
		{ "Use <p> and </p> tags", 1 },
		{ "a < b and c > d", 0 },
	};
	size_t i;

	for (i = 0; i < NELEM(t); i++)
		CHECK(clean_looks_like_html(t[i].text, strlen(t[i].text)) ==
		    t[i].html, "sniff \"%s\": want %d", t[i].text, t[i].html);
}

/* The charset from the bytes, the server, or the page, end to end. */
static void
test_decode(void)
{
	static const char cp1252[] = "<html><head><meta charset="
	    "\"windows-1252\"></head><body><article><p>\x93Quoted\x94 "
	    "\x96 caf\xE9 \x80" "5, and a sentence long enough, with "
	    "commas, to count as text.</p></article></body></html>";
	static const char liar[] = "<html><head><meta charset=\"utf-8\">"
	    "</head><body><article><p>Caf\xE9 au lait, a sentence long "
	    "enough, with commas, to count as a paragraph.</p></article>"
	    "</body></html>";
	struct story *st;

	st = source_story("t.html", cp1252, strlen(cp1252), NULL, NULL);
	CHECK(st->npara == 1 && strstr(st->paragraphs[0],
	    "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 caf\xC3\xA9 "
	    "\xE2\x82\xAC" "5") != NULL, "windows-1252 page: %s",
	    st->npara ? st->paragraphs[0] : "(none)");
	story_free(st);
	/* The server's word beats the page's. */
	st = source_story("t.html", cp1252, strlen(cp1252), "utf-8", NULL);
	CHECK(st->note != NULL, "a page whose bytes contradict the "
	    "server's UTF-8 gets a note");
	story_free(st);
	st = source_story("t.html", liar, strlen(liar), NULL, NULL);
	CHECK(st->npara == 1 && strstr(st->paragraphs[0], "Caf\xC3\xA9") !=
	    NULL && st->note != NULL, "mislabelled page read as "
	    "Windows-1252: %s", st->npara ? st->paragraphs[0] : "(none)");
	story_free(st);
}

static void
test_json(void)
{
	static const struct {
		const char	*text;
		int		 ok;
	} t[] = {
		{ "{\"a\": [1, 2, {\"b\": \"c\"}], \"d\": null}", 1 },
		{ "[true, false, -1.5e3, \"\\u00e9\\ud83d\\ude00\"]", 1 },
		{ "{\"a\": }", 0 },
		{ "{\"a\" 1}", 0 },
		{ "\"unterminated", 0 },
		{ "", 0 },
	};
	char deep[300];
	struct json *j;
	size_t i;

	for (i = 0; i < NELEM(t); i++) {
		j = json_parse(t[i].text, strlen(t[i].text));
		CHECK((j != NULL) == t[i].ok, "json %s: want %s", t[i].text,
		    t[i].ok ? "parsed" : "an error");
		json_free(j);
	}
	j = json_parse("{\"headline\": \"A \\\"B\\\"\", \"n\": 3}", 31);
	CHECK(j != NULL && json_get_str(j, "headline") != NULL &&
	    strcmp(json_get_str(j, "headline"), "A \"B\"") == 0,
	    "json string escapes");
	CHECK(j != NULL && json_get_str(j, "n") == NULL,
	    "json_get_str of a number is NULL");
	json_free(j);
	j = json_parse("[\"\\u00e9\\ud83d\\ude00\"]", 24);
	CHECK(j != NULL && j->n == 1 && strcmp(j->items[0]->str,
	    "\xC3\xA9\xF0\x9F\x98\x80") == 0, "json \\u escapes and pairs");
	json_free(j);
	/* Nesting past the limit is refused, not a stack overflow. */
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	j = json_parse(deep, strlen(deep));
	CHECK(j == NULL, "json nested 299 deep is refused");
	json_free(j);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	check_rows(rows, NELEM(rows));
	check_rows(end_rows, NELEM(end_rows));
	test_shown_meta();
	test_date_by_byline();
	test_date_without_h1();
	test_removed_places();
	test_own_url();
	test_charset();
	test_sniff();
	test_decode();
	test_json();
	printf("html: %d passed, %d failed\n", npassed, nfailed);
	return nfailed > 0;
}
