/*
 * entity_script: people and places in Chinese, Japanese, Korean, Arabic
 * and Russian text, where a rule is sure, after entity.c's English
 * rules (which it also clears of capitalisation finds in other scripts).
 */
#ifndef READER_ENTITY_SCRIPT_H
#define READER_ENTITY_SCRIPT_H

struct story;

/* Called once by entity_tag, after its own rules; keeps st's entities
 * ordered and without overlaps. */
void	 entity_script_tag(struct story *st);

#endif
