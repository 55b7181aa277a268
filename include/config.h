/*
 * config: reader.conf. The settings and their defaults, the colour table
 * (an X-macro: the enum, the names and the defaults come from one list),
 * the XDG look-up, and parse errors that name the file and line.
 */
#ifndef READER_CONFIG_H
#define READER_CONFIG_H

#include <stddef.h>

/*    enum          name          fg          bg          attributes */
#define CONFIG_COLORS(X) \
	X(COLOR_HEADLINE, "headline", "default", "default", "bold") \
	X(COLOR_BYLINE,   "byline",   "cyan",    "default", "") \
	X(COLOR_DATELINE, "dateline", "yellow",  "default", "bold") \
	X(COLOR_BODY,     "body",     "default", "default", "") \
	X(COLOR_HEADING,  "heading",  "default", "default", "bold underline") \
	X(COLOR_QUOTE,    "quote",    "green",   "default", "") \
	X(COLOR_CREDITS,  "credits",  "default", "default", "dim") \
	X(COLOR_REMOVED,  "removed",  "default", "default", "dim") \
	X(COLOR_STATUS,   "status",   "default", "default", "reverse") \
	X(COLOR_SEARCH,   "search",   "black",   "yellow",  "") \
	X(COLOR_ERROR,    "error",    "red",     "default", "bold") \
	X(COLOR_PERSON,   "person",   "cyan",    "default", "bold") \
	X(COLOR_PLACE,    "place",    "green",   "default", "bold") \
	X(COLOR_ORG,      "org",      "magenta", "default", "bold") \
	X(COLOR_SELECTED, "selected", "default", "default", "reverse") \
	X(COLOR_UNREAD,   "unread",   "default", "default", "bold")

#define CONFIG_COLOR_ENUM(e, n, f, b, a) e,
enum config_color {
	CONFIG_COLORS(CONFIG_COLOR_ENUM)
	COLOR_COUNT
};
#undef CONFIG_COLOR_ENUM

/* Attributes, mapped to curses by the UI. */
#define CONFIG_ATTR_BOLD	0x01
#define CONFIG_ATTR_UNDERLINE	0x02
#define CONFIG_ATTR_DIM		0x04
#define CONFIG_ATTR_REVERSE	0x08
#define CONFIG_ATTR_ITALIC	0x10

struct config_style {
	int	fg;	/* -1 for the terminal's default, 0-255 */
	int	bg;
	int	attrs;
};

/* [fetch]: how pages and feeds are fetched. */
struct config_fetch {
	int	 timeout;		/* s, a whole transfer */
	int	 connect_timeout;	/* s */
	int	 low_speed_time;	/* s slower than 64 bytes/s */
	size_t	 max_size;		/* decoded body, bytes */
	char	*user_agent;
	int	 parallel;		/* transfers at once */
	int	 per_host;		/* transfers at once to one host */
	int	 retries;		/* after a transient failure */
};

/* [feeds]: one "URL [name]" line each. */
struct config_feed {
	char	*url;
	char	*name;		/* or NULL */
};

/* [store]: what the story store keeps. */
struct config_store {
	long long	 keep;		/* s an unstarred story stays; 0 all */
	long long	 max_size;	/* bytes of the file; 0 no cap */
};

struct config {
	char			*path;		/* the file read, or NULL */
	int			 width;		/* body columns, 0 = window */
	int			 mouse;
	int			 show_removed;
	size_t			 max_file_size;
	struct config_style	 colors[COLOR_COUNT];
	struct config_fetch	 fetch;
	struct config_store	 store;
	struct config_feed	*feeds;
	size_t			 nfeeds;
};

/* Defaults, then the file: path, or the XDG look-up when path is NULL.
 * Call config_free after either result.
 * Returns 0, or -1 with *err ("FILE:LINE: reason", caller frees). */
int	 config_load(struct config *, const char *path, char **err);
/* The user's own reader.conf, read when it exists ($XDG_CONFIG_HOME or
 * ~/.config): caller frees; NULL when neither is set. */
char	*config_user_path(void);
/* Parse a config text, as read from name (for messages). */
int	 config_parse(struct config *, const char *name, const char *text,
	    size_t len, char **err);
void	 config_defaults(struct config *);
void	 config_free(struct config *);
const char *config_color_name(enum config_color);
/* "180d" (h, d, w, y), "0" or "forever" (0) -> seconds; -1 on error. */
long long config_parse_age(const char *);
/* "16M" -> bytes; -1 on error. */
long long config_parse_size(const char *);

#endif
