/*
 * entity_test: tables of the entity rules. Each row is a headline and a
 * body (paragraphs split at '\n') and the entities expected, written
 * "TYPE:text" in order and joined by '|' (headline first). A failure
 * prints "FAIL file:line: ..."; the last line is the count.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entity.h"
#include "story.h"
#include "text.h"
#include "util.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

static int npassed, nfailed;

struct row {
	int		 line;
	const char	*headline;
	const char	*body;
	const char	*want;
};

static struct story *
make_story(const char *headline, const char *body)
{
	struct story *st = story_new("test");
	const char *p = body, *nl;
	char *para;

	story_set(&st->headline, headline);
	while (*p) {
		nl = strchr(p, '\n');
		para = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		story_add_paragraph(st, para, KIND_P);
		free(para);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return st;
}

/* "PER:Sergei Lavrov|LOC:Moscow" for the story's entities. */
static char *
entities(const struct story *st)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < st->nentities; i++) {
		const struct story_entity *e = &st->entities[i];
		const char *s = e->paragraph < 0 ? st->headline :
		    st->paragraphs[e->paragraph];

		if (i > 0)
			buf_addc(&b, '|');
		buf_printf(&b, "%s:%.*s", story_entity_name(e->type),
		    (int)(e->end - e->start), s + e->start);
	}
	buf_cstr(&b);
	return b.data ? buf_detach(&b) : xstrdup("");
}

static void
run(const struct row *rows, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct story *st = make_story(rows[i].headline, rows[i].body);
		char *got;

		entity_tag(st);
		got = entities(st);
		if (strcmp(got, rows[i].want) == 0)
			npassed++;
		else {
			nfailed++;
			printf("FAIL tests/entity_test.c:%d: %s: %s\n"
			    "  got  %s\n  want %s\n", rows[i].line, what,
			    rows[i].body, got, rows[i].want);
		}
		free(got);
		story_free(st);
	}
}

#define R(h, b, w)	{ __LINE__, h, b, w }

static const struct row titles[] = {
	R("", "Vice Foreign Minister Sergei Ryabkov met reporters.",
	    "PER:Sergei Ryabkov"),
	R("", "President Emmanuel Macron spoke on Tuesday.",
	    "PER:Emmanuel Macron"),
	R("", "Mayor Anne Hidalgo opened the bridge.", "PER:Anne Hidalgo"),
	R("", "The deputy governor Jan Kowalczyk resigned.",
	    "PER:Jan Kowalczyk"),
	R("", "Secretary of State Antony Blinken arrived in Kyiv.",
	    "PER:Antony Blinken|LOC:Kyiv"),
	R("", "U.S. President Joe Biden spoke.", "LOC:U.S.|PER:Joe Biden"),
	R("", "Prime Minister Kwame Mensah-Boateng flew home.",
	    "PER:Kwame Mensah-Boateng"),
	R("", "Mr. Okafor declined to comment.", "PER:Okafor"),
	R("", "John Major was prime minister.", "PER:John Major"),
	R("", "Defence Ministry officials met.", "ORG:Defence Ministry"),
	R("", "General Motors cut jobs.", "ORG:General Motors"),
};

static const struct row said[] = {
	R("", "\"We will not wait,\" said Okonjo-Iweala.",
	    "PER:Okonjo-Iweala"),
	R("", "Tsvangirai said the vote was rigged.", "PER:Tsvangirai"),
	R("", "The figures were weak, said Marta Quintanilla, an economist.",
	    "PER:Marta Quintanilla"),
	R("", "Iraqi officials said the road was open.", ""),
	R("", "Analysts said prices would rise.", ""),
};

static const struct row memory[] = {
	R("", "Sergei Lavrov met officials.\nLavrov said talks went well.",
	    "PER:Sergei Lavrov|PER:Lavrov"),
	R("", "Lavrov arrived late.\nForeign Minister Sergei Lavrov spoke.",
	    "PER:Lavrov|PER:Sergei Lavrov"),
	R("LAVROV WARNS OF NEW SANCTIONS",
	    "Sergei Lavrov said on Monday that Moscow would respond.",
	    "PER:LAVROV|PER:Sergei Lavrov|LOC:Moscow"),
	R("", "Bush arrived.\nPresident George Bush said he was pleased.",
	    "PER:Bush|PER:George Bush"),
	R("", "Sergei Lavrov of Russia met Wang Yi of China.",
	    "PER:Sergei Lavrov|LOC:Russia|PER:Wang Yi|LOC:China"),
};

static const struct row orgs[] = {
	R("", "The Bank of England raised rates in London.",
	    "ORG:Bank of England|LOC:London"),
	R("", "He studied at the University of Chicago.",
	    "ORG:University of Chicago"),
	R("", "Shares in Acme Widgets Inc rose.", "ORG:Acme Widgets Inc"),
	R("", "The Monetary Policy Committee met.",
	    "ORG:Monetary Policy Committee"),
	R("", "Procter & Gamble raised prices.", "ORG:Procter & Gamble"),
	R("", "Norwegian utility Fjordkraft Nett will pay.",
	    "ORG:Fjordkraft Nett"),
	R("", "NATO and the European Union agreed.",
	    "ORG:NATO|ORG:European Union"),
};

static const struct row starts[] = {
	R("", "Police said the road was closed. Officials in Paris agreed.",
	    "LOC:Paris"),
	R("", "Markets fell. Traders blamed Brazil.", "LOC:Brazil"),
	R("", "The Hague court ruled.", "LOC:The Hague"),
	R("", "Turkey said it would act.", "LOC:Turkey"),
	R("", "But Germany disagreed.", "LOC:Germany"),
	R("", "On Monday, New Zealand voted.", "LOC:New Zealand"),
};

static const struct row datelines[] = {
	R("", "MOSCOW (Reuters) - Russia said on Monday it would act.",
	    "LOC:MOSCOW|ORG:Reuters|LOC:Russia"),
	R("", "LONDON 1996-08-30\nShares rose.", "LOC:LONDON"),
	R("", "RIO DE JANEIRO, March 5 - Rain fell.", "LOC:RIO DE JANEIRO"),
	R("SOCCER - JAPAN BEAT SYRIA IN ASIAN CUP",
	    "", "LOC:JAPAN|LOC:SYRIA"),
	R("BUSINESS NEWS FROM AROUND THE WORLD", "", ""),
	R("Lavrov Warns West Over Ukraine Aid", "Sergei Lavrov said so.",
	    "PER:Lavrov|LOC:Ukraine|PER:Sergei Lavrov"),
	R("Police Say Storm Will Hit Coast Within Hours", "", ""),
	R("", "(Reporting by Brenda Goh in Shanghai; Editing by Kim Coghill)",
	    "PER:Brenda Goh|LOC:Shanghai|PER:Kim Coghill"),
	R("", "Additional reporting by Tsvetelia Tsolova in Sofia",
	    "PER:Tsvetelia Tsolova|LOC:Sofia"),
};

static const struct row shapes[] = {
	R("", "Jean-Pierre Raffarin visited Aix-en-Provence.",
	    "PER:Jean-Pierre Raffarin|LOC:Aix-en-Provence"),
	R("", "Edwin van der Sar saved a penalty.", "PER:Edwin van der Sar"),
	R("", "Ursula von der Leyen spoke in Brussels.",
	    "PER:Ursula von der Leyen|LOC:Brussels"),
	R("", "Mohammed bin Salman met Joe Biden.",
	    "PER:Mohammed bin Salman|PER:Joe Biden"),
	R("", "Maria de la Cruz won the race.", "PER:Maria de la Cruz"),
	R("", "A Hong Kong-based fund sold.", ""),
	R("", "J. Smith and K. Jones scored.", "PER:J. Smith|PER:K. Jones"),
	R("", "Lavrov's aide spoke.", ""),
	R("", "Sergei Lavrov's aide spoke.", "PER:Sergei Lavrov"),
};

static const struct row unicode[] = {
	R("", "Łukasz Zieliński lives in Gdańsk.",
	    "PER:Łukasz Zieliński|LOC:Gdańsk"),
	R("", "Recep Tayyip Erdoğan met Ólafur Ragnar Grímsson.",
	    "PER:Recep Tayyip Erdoğan|PER:Ólafur Ragnar Grímsson"),
	R("", "Snow fell in Zürich and São Paulo.",
	    "LOC:Zürich|LOC:São Paulo"),
	R("", "Müller said the plan was sound.", "PER:Müller"),
};

static const struct row places[] = {
	R("", "Floods hit the Waal River and Lake Superior.",
	    "LOC:Waal River|LOC:Lake Superior"),
	R("", "Growth in East Africa slowed.", "LOC:East Africa"),
	R("", "Ships crossed the Gulf of Mexico.", "LOC:Gulf of Mexico"),
	R("", "Talks on the West Bank resumed.", "LOC:West Bank"),
	R("", "Bosnian Serb leader Radovan Karadzic spoke.",
	    "PER:Radovan Karadzic"),
	R("", "Michael Jordan played.\nJordan scored 30.",
	    "PER:Michael Jordan|PER:Jordan"),
};

/* The kind of story: in sports copy a town's or a county's name is its
 * team's, a country's stays a place, and "in Leeds" is the town. */
static const struct row sports[] = {
	R("", "Halftime: Leeds 1 Everton 0. The striker scored twice for "
	    "Leeds in the league match.",
	    "ORG:Leeds|ORG:Everton|ORG:Leeds"),
	R("", "Somerset beat Sussex by six wickets in the championship; "
	    "the bowler took five wickets in the first innings.",
	    "ORG:Somerset|ORG:Sussex"),
	R("", "Real Madrid beat Valencia 3-1 in the league.\n"
	    "The goals came in front of 70,000 fans in Madrid.",
	    "ORG:Real Madrid|ORG:Valencia|LOC:Madrid"),
	R("", "Brazil beat Chile 2-0 in the qualifier; the goals came "
	    "after halftime.", "LOC:Brazil|LOC:Chile"),
	R("", "Leeds council said the bridge would close for repairs.",
	    "LOC:Leeds"),
	R("", "The coach praised his players after the match.\n"
	    "SCHEDULE\nDENVER AT SEATTLE",
	    "ORG:DENVER|LOC:SEATTLE"),
	R("POLISH FIRST DIVISION RESULTS",
	    "Results of first division matches on Saturday:\n"
	    "Slask Wroclaw 3 Odra Wodzislaw 1\n"
	    "Odra Wodzislaw 7 3 1 3 13 10 10\nSweden 1 1 0 0 6 1 2",
	    "ORG:Slask Wroclaw|ORG:Odra Wodzislaw|ORG:Odra Wodzislaw|"
	    "LOC:Sweden"),
	R("", "The bowler took four wickets in the innings on Monday.\n"
	    "At Headingley: Yorkshire 305-5\n"
	    "Leicester: Leicestershire beat Somerset by 39 runs.",
	    "LOC:Headingley|ORG:Yorkshire|LOC:Leicester|"
	    "ORG:Leicestershire|ORG:Somerset"),
	R("", "Nolan Henke leads the Greater Milwaukee Open after the "
	    "first round.", "PER:Nolan Henke"),
	R("", "North Melbourne beat F.C. Brasov and the Houston Astros in "
	    "the league match; the striker scored twice.",
	    "ORG:North Melbourne|ORG:F.C. Brasov|ORG:Houston Astros"),
	R("", "Notts County and Red Star drew in the league match; the "
	    "striker scored.", "ORG:Notts County|ORG:Red Star"),
	R("", "England 326 all out in the first innings; the bowler took "
	    "four wickets.", "LOC:England"),
	R("", "Seeded player Arno Kessel of the United States beat Kenji "
	    "Oda 6-3 in the tournament.",
	    "PER:Arno Kessel|LOC:United States|PER:Kenji Oda"),
	R("", "The golfer leads the tournament in Akron, Ohio, after the "
	    "first round; the championship ends on Sunday.",
	    "LOC:Akron|LOC:Ohio"),
};

/* Company cues: a firm's name is no person's, even alone later. */
static const struct row firms[] = {
	R("", "Faulding Inc said on Tuesday it was sued.\n"
	    "Faulding said the claims had no merit.",
	    "ORG:Faulding Inc|ORG:Faulding"),
	R("", "Halvorsen shares rose 4 percent.\n"
	    "Halvorsen said it would cut costs.",
	    "ORG:Halvorsen|ORG:Halvorsen"),
	R("", "Morgan Stanley said its profit rose.", "ORG:Morgan Stanley"),
	R("", "The Toronto-based Kestrane will buy the mine.",
	    "ORG:Kestrane"),
	R("", "Investment bank Lazard advised the buyer.", "ORG:Lazard"),
	R("", "Research consultancy Wood Mackenzie said output would rise.",
	    "ORG:Wood Mackenzie"),
	R("", "Quorvel officials said the plant would reopen.",
	    "ORG:Quorvel"),
	R("", "Velmora engineers said the design was sound.",
	    "ORG:Velmora"),
	R("", "Bob Dole spoke in Ohio.\nDole supporters said he would win.",
	    "PER:Bob Dole|LOC:Ohio|PER:Dole"),
	R("", "Analysts at Brantwick (BRTW.L) expect a loss.",
	    "ORG:Brantwick|ORG:BRTW.L"),
	R("", "Chairman Peter Munk said in a statement that the bid won.",
	    "PER:Peter Munk"),
	R("", "Port officials said divers would inspect the pier.", ""),
	R("", "Tokyo shares fell.", "LOC:Tokyo"),
	R("", "The loan involves private bank Bamerindus.\nThe newspaper "
	    "said Bamerindus would sell assets.",
	    "ORG:Bamerindus|ORG:Bamerindus"),
	R("", "Ostrava said it would appeal.\nOstrava, a steel company, "
	    "lost money.", "ORG:Ostrava|ORG:Ostrava"),
	R("", "Michael Penrose, a worker with the group, spoke.",
	    "PER:Michael Penrose"),
	R("", "Trains stopped near Castro Urdiales, the state rail company "
	    "said.", ""),
	R("", "\"We must know why,\" said Harriet Okonkwo-Blake, the "
	    "operator's director.", "PER:Harriet Okonkwo-Blake"),
	R("", "Barrick gets 93 pct of Arequipa.\nArequipa shareholders "
	    "accepted the offer.", "ORG:Arequipa|ORG:Arequipa"),
};

/* An organisation's name claims its place words. */
static const struct row claims[] = {
	R("", "The Central Bank of Nigeria held rates.",
	    "ORG:Central Bank of Nigeria"),
	R("", "The Organisation for Security and Cooperation met.",
	    "ORG:Organisation for Security and Cooperation"),
	R("", "Bank of New Zealand said it would cut rates.",
	    "ORG:Bank of New Zealand"),
	R("", "The Reserve Bank of India and the Bank of Japan met.",
	    "ORG:Reserve Bank of India|ORG:Bank of Japan"),
	R("", "He joined Bank Julius Baer in Zurich.",
	    "ORG:Bank Julius Baer|LOC:Zurich"),
};

/* Given names of many cultures, and family names written first. */
static const struct row cultures[] = {
	R("", "Thomas Muster beat Linda Wild's brother, not Jim Courier.",
	    "PER:Thomas Muster|PER:Linda Wild|PER:Jim Courier"),
	R("", "Yevgeny Primakov greeted Chinese Foreign Minister Wang Yi.",
	    "PER:Yevgeny Primakov|PER:Wang Yi"),
	R("", "Chinese Foreign Minister Wang Yi arrived on Monday.\n"
	    "Wang said both sides wanted calm.",
	    "PER:Wang Yi|PER:Wang"),
	R("", "Kim Young-sam met Nguyen Van Linh in Hanoi.",
	    "PER:Kim Young-sam|PER:Nguyen Van Linh|LOC:Hanoi"),
	R("", "Li Peng spoke.\nLater Li visited a factory.",
	    "PER:Li Peng|PER:Li"),
	R("", "Vice President Al Gore met I.K. Gujral.",
	    "PER:Al Gore|PER:I.K. Gujral"),
	R("", "C. White and O.J. Simpson spoke to S. African reporters.",
	    "PER:C. White|PER:O.J. Simpson"),
	R("", "Deputy Foreign Minister Grigory Karasin said talks would "
	    "resume.", "PER:Grigory Karasin"),
	R("", "Aleksandra Wojcik and Ayodele Adebayo won.",
	    "PER:Aleksandra Wojcik|PER:Ayodele Adebayo"),
	R("", "Ajax were without defender Marcio Santos for the league "
	    "match; the striker scored.", "ORG:Ajax|PER:Marcio Santos"),
};

/* Lone surnames: a player's deed, an age, a scorecard, the memory. */
static const struct row surnames[] = {
	R("", "Okocha scored in the 12th minute of the league match.",
	    "PER:Okocha"),
	R("", "Tarvold, 34, said he would retire.", "PER:Tarvold"),
	R("", "Thomas Muster won on Sunday.\nTwo days later Muster lost.",
	    "PER:Thomas Muster|PER:Muster"),
	R("", "The bowler struck twice in the innings and halftime came.\n"
	    "Atherton c Vennick b Draycott 12",
	    "PER:Atherton|PER:Vennick|PER:Draycott"),
	R("", "Scorers: Zolani 23rd, Brekke 67th. The striker praised the "
	    "league after the match.", "PER:Zolani|PER:Brekke"),
};

/* Regions of several words from the gazetteer before person rules. */
static const struct row regions[] = {
	R("", "Voters in Baden-Wuerttemberg and North Rhine-Westphalia "
	    "went to the polls.",
	    "LOC:Baden-Wuerttemberg|LOC:North Rhine-Westphalia"),
	R("", "Schleswig-Holstein and Saxony-Anhalt also vote.",
	    "LOC:Schleswig-Holstein|LOC:Saxony-Anhalt"),
	R("", "The plant in Wuppertal near Duesseldorf will close.",
	    "LOC:Wuppertal|LOC:Duesseldorf"),
	R("", "Talks in Geneva and Cologne ended.", "LOC:Geneva|LOC:Cologne"),
	R("", "Flights to Dar es Salaam were cancelled.",
	    "LOC:Dar es Salaam"),
	R("", "Rain fell on Bobo-Dioulasso and Addis Ababa.",
	    "LOC:Bobo-Dioulasso|LOC:Addis Ababa"),
	R("", "Exports from S. Korea rose.", "LOC:S. Korea"),
	R("", "Crowds filled Loftus Road and the Leduc Reef.",
	    "LOC:Loftus Road|LOC:Leduc Reef"),
	R("", "REDMOND, Wash. 1996-08-22\nSales rose.",
	    "LOC:REDMOND|LOC:Wash."),
	R("", "Prices at Waterville, WA rose.", "LOC:Waterville|LOC:WA"),
	R("", "Soy fetched more in Indore, Mhowra, Dewasi and Ujjain.",
	    "LOC:Indore|LOC:Mhowra|LOC:Dewasi|LOC:Ujjain"),
	R("", "Mandsaur 10 Yellow 12,600-12,750", "LOC:Mandsaur"),
};

/* Lines in capitals: the gazetteer first. */
static const struct row capitals[] = {
	R("", "MANCHESTER, England 1996-08-27\nRain fell.",
	    "LOC:MANCHESTER|LOC:England"),
	R("FLOODS HIT NORTH RHINE-WESTPHALIA", "Rivers rose.",
	    "LOC:NORTH RHINE-WESTPHALIA"),
	R("AGASSI WINS AT U.S. OPEN", "Andre Agassi won in New York.",
	    "PER:AGASSI|PER:Andre Agassi|LOC:New York"),
};

/* Whatever the bytes, spans stay inside their text, in order, apart. */
static void
hostile(void)
{
	uint32_t seed = 12345;
	size_t i, j, n;
	int bad = 0;
	static const char *pieces[] = { "Bank", " of ", "England", " ",
	    "LONDON", "-", "\xC5\x81", "\xE2\x80\x99", "s", ".", "'",
	    "said", "Mr.", "van", "der", "\xFF", "A", "&", "\"", "1996",
	    "\n", "Lavrov", "Sergei", "President", "(" };

	for (i = 0; i < 3000; i++) {
		struct buf b = { 0 };
		struct story *st;
		char *clean;

		n = (seed >> 16) % 60;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			if (seed & 0x100) {
				buf_adds(&b, pieces[(seed >> 16) %
				    NELEM(pieces)]);
			} else
				buf_addc(&b, (int)((seed >> 16) & 0xFF) | 1);
		}
		seed = seed * 1103515245u + 12345u;
		clean = text_sanitize(buf_cstr(&b), b.len, 0);
		st = make_story(i % 2 ? clean : "", clean);
		entity_tag(st);
		for (j = 0; j < st->nentities; j++) {
			const struct story_entity *e = &st->entities[j];
			const char *s = e->paragraph < 0 ? st->headline :
			    st->paragraphs[e->paragraph];

			if (e->start >= e->end || e->end > strlen(s) ||
			    !text_utf8_valid(s + e->start, e->end - e->start) ||
			    (j > 0 && st->entities[j - 1].paragraph ==
			    e->paragraph && st->entities[j - 1].end > e->start))
				bad++;
		}
		story_free(st);
		free(clean);
		buf_free(&b);
	}
	if (bad == 0)
		npassed++;
	else {
		nfailed++;
		printf("FAIL tests/entity_test.c: hostile input: %d bad "
		    "spans\n", bad);
	}
}

/* Long hostile paragraphs take linear time: a megabyte of each shape
 * in well under a few seconds. */
static void
long_input(void)
{
	static const char *unit[] = { "MINISTER OF ", "Minister ", "Bank of ",
	    "Sergei Lavrov ", "A. ", "al-", "\xC5\x81\xC3\xB3" "d\xC5\xBA ",
	    "Paris, " };
	size_t i, j;
	clock_t t0 = clock();
	double secs;

	for (i = 0; i < NELEM(unit); i++) {
		struct buf b = { 0 };
		struct story *st;

		for (j = 0; b.len < 1000000; j++)
			buf_adds(&b, unit[i]);
		st = make_story("", buf_cstr(&b));
		entity_tag(st);
		story_free(st);
		buf_free(&b);
	}
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (secs < 10)
		npassed++;
	else {
		nfailed++;
		printf("FAIL tests/entity_test.c: 8 MB of long runs took "
		    "%.1f s\n", secs);
	}
}

int
main(void)
{
	run(titles, NELEM(titles), "titles");
	run(said, NELEM(said), "said");
	run(memory, NELEM(memory), "memory");
	run(orgs, NELEM(orgs), "organisations");
	run(starts, NELEM(starts), "sentence starts");
	run(datelines, NELEM(datelines), "datelines and capitals");
	run(shapes, NELEM(shapes), "hyphens, particles, initials");
	run(unicode, NELEM(unicode), "non-ASCII");
	run(places, NELEM(places), "places");
	run(sports, NELEM(sports), "sports stories");
	run(firms, NELEM(firms), "company cues");
	run(claims, NELEM(claims), "organisations claim places");
	run(cultures, NELEM(cultures), "names of many cultures");
	run(surnames, NELEM(surnames), "lone surnames");
	run(regions, NELEM(regions), "regions");
	run(capitals, NELEM(capitals), "capitals against the gazetteer");
	hostile();
	long_input();
	printf("entity: %d passed, %d failed\n", npassed, nfailed);
	return nfailed > 0;
}
