/* config: reader.conf, its defaults and the XDG look-up. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "text.h"
#include "util.h"

#define CONFIG_MAX_SIZE	(1024 * 1024)
#define CONFIG_USER_AGENT \
	"reader/0.1 (terminal news reader)"

struct color_default {
	const char	*name;
	const char	*fg;
	const char	*bg;
	const char	*attrs;
};

#define CONFIG_COLOR_DEFAULT(e, n, f, b, a) { n, f, b, a },
static const struct color_default color_defaults[] = {
	CONFIG_COLORS(CONFIG_COLOR_DEFAULT)
};
#undef CONFIG_COLOR_DEFAULT

const char *
config_color_name(enum config_color c)
{
	return color_defaults[c].name;
}

static const char *color_names[] = { "black", "red", "green", "yellow",
    "blue", "magenta", "cyan", "white" };

static int
parse_color(const char *s, int *out)
{
	char *end;
	long v;
	size_t i;

	if (strcasecmp(s, "default") == 0 || strcasecmp(s, "none") == 0) {
		*out = -1;
		return 0;
	}
	for (i = 0; i < 8; i++) {
		if (strcasecmp(s, color_names[i]) == 0) {
			*out = (int)i;
			return 0;
		}
		if (strncasecmp(s, "bright", 6) == 0 &&
		    strcasecmp(s + 6, color_names[i]) == 0) {
			*out = (int)i + 8;
			return 0;
		}
	}
	if (strncasecmp(s, "color", 5) == 0)
		s += 5;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < 0 || v > 255)
		return -1;
	*out = (int)v;
	return 0;
}

static int
parse_attr(const char *s, int *attrs)
{
	static const struct {
		const char	*name;
		int		 bit;
	} names[] = {
		{ "bold", CONFIG_ATTR_BOLD }, { "underline", CONFIG_ATTR_UNDERLINE },
		{ "dim", CONFIG_ATTR_DIM }, { "reverse", CONFIG_ATTR_REVERSE },
		{ "italic", CONFIG_ATTR_ITALIC }, { "normal", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0) {
			*attrs |= names[i].bit;
			return 0;
		}
	return -1;
}

/* "fg [bg] [attr...]", words separated by spaces. */
static int
parse_style(char *value, struct config_style *st, char **why)
{
	struct config_style n = { -1, -1, 0 };
	char *w, *save = NULL;
	int i = 0;

	for (w = strtok_r(value, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save), i++) {
		if (i == 0 && parse_color(w, &n.fg) == 0)
			continue;
		if (i == 1 && parse_color(w, &n.bg) == 0)
			continue;
		if (parse_attr(w, &n.attrs) == -1) {
			*why = xasprintf("bad colour or attribute \"%.40s\"", w);
			return -1;
		}
		if (i < 2)
			i = 2;
	}
	*st = n;
	return 0;
}

long long
config_parse_size(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || errno != 0 || v < 0)
		return -1;
	/* Sizes above a terabyte are refused, not overflowed. */
	switch (*end) {
	case 'k': case 'K':
		if (v > 1024LL * 1024 * 1024)
			return -1;
		v *= 1024;
		end++;
		break;
	case 'm': case 'M':
		if (v > 1024LL * 1024)
			return -1;
		v *= 1024 * 1024;
		end++;
		break;
	case 'g': case 'G':
		if (v > 1024)
			return -1;
		v *= 1024LL * 1024 * 1024;
		end++;
		break;
	default:
		if (v > 1024LL * 1024 * 1024 * 1024)
			return -1;
		break;
	}
	if (*end == 'b' || *end == 'B')
		end++;
	return *end == '\0' ? v : -1;
}

static int
parse_bool(const char *s, int *out)
{
	if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 ||
	    strcasecmp(s, "on") == 0 || strcmp(s, "1") == 0)
		*out = 1;
	else if (strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0 ||
	    strcasecmp(s, "off") == 0 || strcmp(s, "0") == 0)
		*out = 0;
	else
		return -1;
	return 0;
}

static int
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

void
config_defaults(struct config *cfg)
{
	size_t i;

	memset(cfg, 0, sizeof *cfg);
	cfg->width = 80;
	cfg->mouse = 1;
	cfg->show_removed = 0;
	cfg->max_file_size = 64 * 1024 * 1024;
	cfg->fetch.timeout = 30;
	cfg->fetch.connect_timeout = 10;
	cfg->fetch.low_speed_time = 15;
	cfg->fetch.max_size = 8 * 1024 * 1024;
	cfg->fetch.user_agent = xstrdup(CONFIG_USER_AGENT);
	cfg->fetch.parallel = 16;
	cfg->fetch.per_host = 4;
	cfg->fetch.retries = 2;
	cfg->store.keep = 180LL * 86400;
	cfg->store.max_size = 0;
	for (i = 0; i < COLOR_COUNT; i++) {
		char *v = xasprintf("%s %s %s", color_defaults[i].fg,
		    color_defaults[i].bg, color_defaults[i].attrs);
		char *why = NULL;

		if (parse_style(v, &cfg->colors[i], &why) == -1)
			die("built-in colour %s: %s", color_defaults[i].name,
			    why);
		free(v);
	}
}

void
config_free(struct config *cfg)
{
	size_t i;

	free(cfg->path);
	cfg->path = NULL;
	free(cfg->fetch.user_agent);
	cfg->fetch.user_agent = NULL;
	for (i = 0; i < cfg->nfeeds; i++) {
		free(cfg->feeds[i].url);
		free(cfg->feeds[i].name);
	}
	free(cfg->feeds);
	cfg->feeds = NULL;
	cfg->nfeeds = 0;
}

/* A [feeds] line: "URL [name]". */
static int
config_add_feed(struct config *cfg, char *line, char **why)
{
	char *name;
	size_t n = strcspn(line, " \t");

	name = line + n;
	if (*name != '\0')
		*name++ = '\0';
	while (*name == ' ' || *name == '\t')
		name++;
	if (strncasecmp(line, "http://", 7) != 0 &&
	    strncasecmp(line, "https://", 8) != 0) {
		*why = xasprintf("not an http or https URL: \"%.60s\"", line);
		return -1;
	}
	/* A URL is shown and sent as it is: no controls, valid UTF-8. */
	if (!text_is_clean(line)) {
		*why = xasprintf("control characters or invalid UTF-8 in "
		    "the URL \"%.60s\"", line);
		return -1;
	}
	cfg->feeds = xreallocarray(cfg->feeds, cfg->nfeeds + 1,
	    sizeof *cfg->feeds);
	cfg->feeds[cfg->nfeeds].url = xstrdup(line);
	cfg->feeds[cfg->nfeeds].name = *name != '\0' ?
	    text_sanitize(name, strlen(name), TEXT_ONELINE | TEXT_SQUEEZE) :
	    NULL;
	cfg->nfeeds++;
	return 0;
}

long long
config_parse_age(const char *s)
{
	static const struct {
		char		unit;
		long long	seconds;
	} units[] = { { 'h', 3600 }, { 'd', 86400 }, { 'w', 7 * 86400 },
	    { 'y', 365 * 86400 } };
	char *end;
	long long n;
	size_t i;

	if (strcmp(s, "0") == 0 || strcmp(s, "forever") == 0)
		return 0;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (end == s || errno != 0 || n <= 0 || n > 1000000 ||
	    end[0] == '\0' || end[1] != '\0')
		return -1;
	for (i = 0; i < sizeof units / sizeof *units; i++)
		if (*end == units[i].unit)
			return n * units[i].seconds;
	return -1;
}

static int
config_bad(const char *value, const char *key, char **why)
{
	*why = xasprintf("bad value \"%.40s\" for %s", value, key);
	return -1;
}

/* One "key = value" in a section; returns -1 with *why set. */
static int
config_set(struct config *cfg, const char *section, const char *key,
    char *value, char **why)
{
	long long size;
	size_t i;

	if (strcmp(section, "view") == 0) {
		if (strcmp(key, "width") == 0) {
			if (parse_int(value, 0, 1000, &cfg->width) == -1)
				goto bad;
			if (cfg->width != 0 && cfg->width < 20)
				goto bad;
			return 0;
		}
		if (strcmp(key, "mouse") == 0)
			return parse_bool(value, &cfg->mouse) == -1 ? -2 : 0;
		if (strcmp(key, "show_removed") == 0)
			return parse_bool(value, &cfg->show_removed) == -1 ?
			    -2 : 0;
	} else if (strcmp(section, "files") == 0) {
		if (strcmp(key, "max_size") == 0) {
			size = config_parse_size(value);
			if (size < 1024 || size > 4LL * 1024 * 1024 * 1024)
				goto bad;
			cfg->max_file_size = (size_t)size;
			return 0;
		}
	} else if (strcmp(section, "fetch") == 0) {
		struct config_fetch *f = &cfg->fetch;

		if (strcmp(key, "timeout") == 0)
			return parse_int(value, 1, 3600, &f->timeout) == -1 ?
			    config_bad(value, key, why) : 0;
		if (strcmp(key, "connect_timeout") == 0)
			return parse_int(value, 1, 600,
			    &f->connect_timeout) == -1 ?
			    config_bad(value, key, why) : 0;
		if (strcmp(key, "low_speed_time") == 0)
			return parse_int(value, 1, 600,
			    &f->low_speed_time) == -1 ?
			    config_bad(value, key, why) : 0;
		if (strcmp(key, "max_size") == 0) {
			size = config_parse_size(value);
			if (size < 1024 || size > 1024LL * 1024 * 1024)
				goto bad;
			f->max_size = (size_t)size;
			return 0;
		}
		if (strcmp(key, "user_agent") == 0) {
			if (value[0] == '\0')
				goto bad;
			free(f->user_agent);
			f->user_agent = xstrdup(value);
			return 0;
		}
		if (strcmp(key, "parallel") == 0)
			return parse_int(value, 1, 256, &f->parallel) == -1 ?
			    config_bad(value, key, why) : 0;
		if (strcmp(key, "per_host") == 0)
			return parse_int(value, 1, 256, &f->per_host) == -1 ?
			    config_bad(value, key, why) : 0;
		if (strcmp(key, "retries") == 0)
			return parse_int(value, 0, 10, &f->retries) == -1 ?
			    config_bad(value, key, why) : 0;
	} else if (strcmp(section, "store") == 0) {
		if (strcmp(key, "keep") == 0) {
			if ((cfg->store.keep = config_parse_age(value)) < 0)
				goto bad;
			return 0;
		}
		if (strcmp(key, "max_size") == 0) {
			size = strcmp(value, "0") == 0 ? 0 :
			    config_parse_size(value);
			if (size < 0 || (size > 0 && size < 1024 * 1024))
				goto bad;
			cfg->store.max_size = size;
			return 0;
		}
	} else if (strcmp(section, "colors") == 0) {
		for (i = 0; i < COLOR_COUNT; i++)
			if (strcmp(key, color_defaults[i].name) == 0)
				return parse_style(value, &cfg->colors[i], why);
	} else {
		*why = xasprintf("unknown section [%s]", section);
		return -1;
	}
	*why = xasprintf("unknown key \"%.40s\" in [%s]", key, section);
	return -1;
bad:
	*why = xasprintf("bad value \"%.40s\" for %s", value, key);
	return -1;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

int
config_parse(struct config *cfg, const char *name, const char *text,
    size_t len, char **err)
{
	char *copy, *line, *next, *eq, *key, *value, *why = NULL;
	char section[32] = "view";
	char *sname;
	int lineno = 0, r;

	*err = NULL;
	sname = text_sanitize(name, strlen(name), TEXT_ONELINE);
	if (!text_utf8_valid(text, len) || memchr(text, '\0', len) != NULL) {
		/* Name the first line at fault. */
		const char *p = text, *nl;

		for (lineno = 1;; lineno++) {
			nl = memchr(p, '\n', len - (size_t)(p - text));
			r = nl == NULL ? (int)(len - (size_t)(p - text)) :
			    (int)(nl - p);
			if (nl == NULL || !text_utf8_valid(p, (size_t)r) ||
			    memchr(p, '\0', (size_t)r) != NULL)
				break;
			p = nl + 1;
		}
		*err = xasprintf("%s:%d: not UTF-8 text (invalid bytes or a "
		    "NUL)", sname, lineno);
		free(sname);
		return -1;
	}
	copy = xstrndup(text, len);
	for (line = copy; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		/* A '#' starts a comment unless it is inside a value
		 * after a space-less token (colour "#fff" is not used). */
		if ((key = strchr(line, '#')) != NULL &&
		    (key == line || key[-1] == ' ' || key[-1] == '\t'))
			*key = '\0';
		line = trim(line);
		if (*line == '\0')
			continue;
		if (*line == '[') {
			char *end = strchr(line, ']');

			if (end == NULL || end[1] != '\0' ||
			    (size_t)(end - line - 1) >= sizeof section) {
				why = xstrdup("bad section header");
				goto fail;
			}
			*end = '\0';
			snprintf(section, sizeof section, "%s", trim(line + 1));
			if (strcmp(section, "view") != 0 &&
			    strcmp(section, "files") != 0 &&
			    strcmp(section, "fetch") != 0 &&
			    strcmp(section, "feeds") != 0 &&
			    strcmp(section, "store") != 0 &&
			    strcmp(section, "colors") != 0) {
				why = xasprintf("unknown section [%s]", section);
				goto fail;
			}
			continue;
		}
		if (strcmp(section, "feeds") == 0) {
			if (config_add_feed(cfg, line, &why) == -1)
				goto fail;
			continue;
		}
		if ((eq = strchr(line, '=')) == NULL) {
			why = xstrdup("expected \"key = value\"");
			goto fail;
		}
		*eq = '\0';
		key = trim(line);
		value = trim(eq + 1);
		if ((r = config_set(cfg, section, key, value, &why)) != 0) {
			if (r == -2)
				why = xasprintf("bad value \"%.40s\" for %s "
				    "(yes or no)", value, key);
			goto fail;
		}
	}
	free(copy);
	free(sname);
	return 0;
fail:
	{
		char *clean = text_sanitize(why, strlen(why), TEXT_ONELINE);

		*err = xasprintf("%s:%d: %s", sname, lineno, clean);
		free(clean);
	}
	free(why);
	free(copy);
	free(sname);
	return -1;
}

/* Read a whole config file (small, regular). */
static int
read_config_file(const char *path, struct buf *out, char **err)
{
	struct stat sb;
	int fd, r, e;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		*err = xasprintf("%s: not a regular file", path);
		close(fd);
		return -1;
	}
	if (sb.st_size > CONFIG_MAX_SIZE) {
		*err = xasprintf("%s: too large for a config file "
		    "(%lld bytes > %d)", path, (long long)sb.st_size,
		    CONFIG_MAX_SIZE);
		close(fd);
		return -1;
	}
	r = buf_read_fd(out, fd, CONFIG_MAX_SIZE);
	e = errno;
	close(fd);
	if (r == 1) {
		*err = xasprintf("%s: too large for a config file", path);
		return -1;
	}
	if (r == -1) {
		*err = xasprintf("%s: %s", path, strerror(e));
		return -1;
	}
	return 0;
}

char *
config_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/reader/reader.conf", xdg);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.config/reader/reader.conf", home);
	return NULL;
}

int
config_load(struct config *cfg, const char *path, char **err)
{
	struct buf text = { 0 };
	char *found = NULL, *clean;
	int r;

	*err = NULL;
	config_defaults(cfg);
	if (path == NULL) {
		found = config_user_path();
		if (found != NULL && access(found, F_OK) != 0) {
			free(found);
			found = NULL;
		}
		if (found == NULL) {
			found = xstrdup("/etc/xdg/reader/reader.conf");
			if (access(found, F_OK) != 0) {
				free(found);
				return 0;	/* no file: the defaults */
			}
		}
		path = found;
	}
	if (read_config_file(path, &text, err) == -1) {
		clean = text_sanitize(*err, strlen(*err), TEXT_ONELINE);
		free(*err);
		*err = clean;
		buf_free(&text);
		free(found);
		return -1;
	}
	r = config_parse(cfg, path, text.data == NULL ? "" : text.data,
	    text.len, err);
	buf_free(&text);
	if (r == 0)
		cfg->path = xstrdup(path);
	free(found);
	return r;
}
