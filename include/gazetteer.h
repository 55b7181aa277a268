/*
 * gazetteer: the word lists the entity module consults, compiled into
 * the binary as one hash table (src/gazetteer.c is generated from
 * the lists in data/ by tools/gazgen.c; data/SOURCES.md says where they came
 * from). Keys are ASCII case folded; a phrase's words are joined by one
 * space.
 */
#ifndef READER_GAZETTEER_H
#define READER_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#define GAZ_LOWER	0x000001u	/* a dictionary word in lower case */
#define GAZ_CAP		0x000002u	/* a dictionary word capitalised */
#define GAZ_FIRST	0x000004u	/* a given name */
#define GAZ_COUNTRY	0x000008u
#define GAZ_REGION	0x000010u	/* state, province, region */
#define GAZ_CITY	0x000020u
#define GAZ_PLACE	0x000040u	/* other places: continents, seas */
#define GAZ_PREFIX	0x000080u	/* the start of a longer phrase */
#define GAZ_TITLE	0x000100u	/* President, Minister, Mr */
#define GAZ_TMOD	0x000200u	/* Vice, Foreign, Deputy (in titles) */
#define GAZ_ROLE	0x000400u	/* spokesman, striker: before a name */
#define GAZ_ORGHEAD	0x000800u	/* Bank, Ministry, Committee */
#define GAZ_ORGSUF	0x001000u	/* Inc, Corp, Ltd */
#define GAZ_PARTICLE	0x002000u	/* van, der, bin, de, la */
#define GAZ_NOTNAME	0x004000u	/* Monday, January, God */
#define GAZ_SAY		0x008000u	/* said, says */
#define GAZ_ORG		0x010000u	/* a known organisation */
#define GAZ_FUNC	0x020000u	/* The, But, In: never start a name */
#define GAZ_PERSON	0x040000u	/* a known person */
#define GAZ_ORGCUE	0x080000u	/* company, utility: before a name */
#define GAZ_GEO		0x100000u	/* River, Lake, Mount: names a place */
#define GAZ_COMPASS	0x200000u	/* North, Eastern: before a place */
#define GAZ_ACRONYM	0x400000u	/* a cue written in capitals: WHO, US */
#define GAZ_SPORT	0x800000u	/* innings, halftime: a sports story */
#define GAZ_COAFTER	0x1000000u	/* shares, shareholders: after a firm */
#define GAZ_FEAT	0x2000000u	/* scored, netted: after a player */
#define GAZ_FAMILY	0x4000000u	/* Wang, Kim, Nguyen: written first */
#define GAZ_SURNAME	0x8000000u	/* a family name that is a town's too */
#define GAZ_CLUB	0x10000000u	/* United, Rovers: a sports club's word */
#define GAZ_EVENT	0x40000000u	/* Open, Cup, War: ends an event's name */
#define GAZ_COFIRM	0x20000000u	/* shareholders: after a firm, even a
					 * town's name ("Arequipa shareholders") */

#define GAZ_ANYPLACE	(GAZ_COUNTRY | GAZ_REGION | GAZ_CITY | GAZ_PLACE)

struct gaz_slot {
	uint32_t	off;	/* into gaz_pool, plus one; 0 = empty */
	uint32_t	flags;
	uint32_t	hash;	/* gaz_hash of the key: most misses stop here */
};

extern const struct gaz_slot	gaz_slots[];
extern const uint32_t		gaz_mask;
extern const char		gaz_pool[];

static inline unsigned char
gaz_fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* FNV-1a over the folded bytes. */
static inline uint32_t
gaz_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= gaz_fold((unsigned char)s[i]);
		h *= 16777619u;
	}
	return h;
}

/* The flags of the folded key s (n bytes), or 0. */
uint32_t	 gaz_lookup(const char *s, size_t n);

#endif
