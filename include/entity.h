/*
 * entity: the people, places and organisations named in a story's
 * headline and body. Gazetteers compiled into the binary (gazetteer.h)
 * and rules around them: titles and roles, "said X", datelines, runs of
 * capitalised words checked against a dictionary, organisation heads,
 * and a memory of the names already found in the same story. No
 * network, no model; linear in the length of the text.
 */
#ifndef READER_ENTITY_H
#define READER_ENTITY_H

struct story;

/* Replace st's entities with those found in its headline and body,
 * ordered by paragraph (the headline, -1, first) and offset. */
void	 entity_tag(struct story *st);

#endif
