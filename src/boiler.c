/*
 * boiler: the vocabulary of site furniture shared by the cleaners. Rules
 * look at the shape of a line (how many words, whether it is a sentence)
 * as well as its words, so that a real paragraph that mentions
 * "subscribe" or "advertising" stays.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "boiler.h"
#include "clean.h"
#include "measure.h"
#include "text.h"
#include "util.h"

enum match {
	EXACT,		/* the whole line, case and end punctuation aside */
	PREFIX,		/* the line starts with it */
	CONTAINS,	/* anywhere */
};

struct rule {
	const char	*text;
	enum match	 match;
	int		 maxwords;	/* applies to lines this short */
	int		 sentences;	/* applies to sentence-like lines too */
	const char	*reason;
	int		 ender;
};

/* The English rules; the other languages' are data (boiler.h). */
static const struct rule english[] = {
	/* Advertising. */
	{ "advertisement", EXACT, 3, 0, "advertisement", 0 },
	{ "advertisements", EXACT, 3, 0, "advertisement", 0 },
	{ "advert", EXACT, 3, 0, "advertisement", 0 },
	{ "ad", EXACT, 1, 0, "advertisement", 0 },
	{ "ads", EXACT, 1, 0, "advertisement", 0 },
	{ "advertisement ", PREFIX, 8, 0, "advertisement", 0 },
	{ "advertisement\xC2\xB7", PREFIX, 8, 0, "advertisement", 0 },
	{ "below advertisement", CONTAINS, 12, 1, "advertisement", 0 },
	{ "continue reading below", CONTAINS, 12, 1, "advertisement", 0 },
	{ "scroll to continue", CONTAINS, 12, 1, "advertisement", 0 },
	{ "article continues", CONTAINS, 8, 1, "advertisement", 0 },
	{ "story continues", CONTAINS, 8, 1, "advertisement", 0 },
	{ "sponsored", PREFIX, 4, 0, "sponsored", 1 },
	{ "sponsored content", CONTAINS, 8, 0, "sponsored", 1 },
	{ "paid content", EXACT, 3, 0, "sponsored", 1 },
	{ "paid post", EXACT, 3, 0, "sponsored", 1 },
	{ "promoted", EXACT, 2, 0, "sponsored", 1 },
	{ "partner content", EXACT, 3, 0, "sponsored", 1 },
	{ "in partnership with", EXACT, 3, 0, "sponsored", 0 },
	{ "presented by", EXACT, 2, 0, "sponsored", 0 },
	{ "from our partners", CONTAINS, 6, 0, "sponsored", 1 },

	/* Reading aids. */
	{ " min read", CONTAINS, 7, 0, "reading time", 0 },
	{ " minute read", CONTAINS, 5, 0, "reading time", 0 },
	{ " mins read", CONTAINS, 5, 0, "reading time", 0 },
	{ "min read", EXACT, 3, 0, "reading time", 0 },
	{ "listen to article", PREFIX, 8, 0, "reading time", 0 },
	{ "listen to this article", PREFIX, 8, 0, "reading time", 0 },
	{ "listen to this story", PREFIX, 8, 0, "reading time", 0 },
	{ "listen", EXACT, 3, 0, "reading time", 0 },
	{ "reading time", PREFIX, 6, 0, "reading time", 0 },
	{ "estimated reading time", PREFIX, 6, 1, "reading time", 0 },
	{ "read time", CONTAINS, 6, 0, "reading time", 0 },
	{ "text size", PREFIX, 4, 0, "reading time", 0 },
	{ "font size", PREFIX, 4, 0, "reading time", 0 },

	/* Navigation. */
	{ "skip to", PREFIX, 6, 0, "navigation", 0 },
	{ "skip navigation", PREFIX, 4, 0, "navigation", 0 },
	{ "jump to", PREFIX, 5, 0, "navigation", 0 },
	{ "jump to the list", PREFIX, 5, 0, "navigation", 0 },
	{ "menu", EXACT, 2, 0, "navigation", 0 },
	{ "main menu", EXACT, 3, 0, "navigation", 0 },
	{ "open menu", EXACT, 3, 0, "navigation", 0 },
	{ "close menu", EXACT, 3, 0, "navigation", 0 },
	{ "toggle navigation", EXACT, 3, 0, "navigation", 0 },
	{ "table of contents", EXACT, 3, 0, "navigation", 0 },
	{ "in this article", EXACT, 3, 0, "navigation", 0 },
	{ "learn more", EXACT, 2, 0, "promotion", 0 },
	{ "show caption", EXACT, 2, 0, "caption", 0 },
	/* A switch's label: "Connected Papers Toggle". */
	{ " toggle", CONTAINS, 5, 0, "form", 0 },
	{ "navigation", EXACT, 2, 0, "navigation", 0 },
	{ "home", EXACT, 1, 0, "navigation", 0 },
	{ "search", EXACT, 2, 0, "navigation", 0 },
	{ "sections", EXACT, 1, 0, "navigation", 0 },
	{ "back to top", EXACT, 4, 0, "navigation", 0 },
	{ "log in", EXACT, 3, 0, "navigation", 0 },
	{ "login", EXACT, 2, 0, "navigation", 0 },
	{ "sign in", EXACT, 3, 0, "navigation", 0 },
	{ "sign out", EXACT, 3, 0, "navigation", 0 },
	{ "register", EXACT, 1, 0, "navigation", 0 },
	{ "my account", EXACT, 3, 0, "navigation", 0 },
	{ "close", EXACT, 1, 0, "navigation", 0 },
	{ "previous", EXACT, 2, 0, "navigation", 0 },
	{ "next", EXACT, 2, 0, "navigation", 0 },
	{ "previous article", PREFIX, 6, 0, "navigation", 0 },
	{ "next article", PREFIX, 6, 0, "navigation", 0 },

	{ "back to ", PREFIX, 4, 0, "navigation", 0 },
	{ "view all posts", PREFIX, 8, 0, "navigation", 0 },
	{ "view all", EXACT, 2, 0, "navigation", 0 },
	{ "see all", PREFIX, 4, 0, "navigation", 0 },
	{ "previous post", PREFIX, 12, 0, "navigation", 0 },
	{ "next post", PREFIX, 12, 0, "navigation", 0 },
	{ "prevprevious", PREFIX, 15, 0, "navigation", 0 },
	{ "load more", PREFIX, 4, 0, "navigation", 0 },
	{ "show more", PREFIX, 4, 0, "navigation", 0 },

	/* Sharing. */
	{ "share", EXACT, 1, 0, "share", 0 },
	{ "share this", PREFIX, 5, 0, "share", 0 },
	{ "share on", PREFIX, 4, 0, "share", 0 },
	{ "share via", PREFIX, 4, 0, "share", 0 },
	{ "share article", PREFIX, 4, 0, "share", 0 },
	{ "share story", PREFIX, 4, 0, "share", 0 },
	{ "copy link", PREFIX, 4, 0, "share", 0 },
	{ "link copied", EXACT, 3, 0, "share", 0 },
	{ "facebook", EXACT, 1, 0, "share", 0 },
	{ "twitter", EXACT, 1, 0, "share", 0 },
	{ "x", EXACT, 1, 0, "share", 0 },
	{ "linkedin", EXACT, 1, 0, "share", 0 },
	{ "whatsapp", EXACT, 1, 0, "share", 0 },
	{ "telegram", EXACT, 1, 0, "share", 0 },
	{ "reddit", EXACT, 1, 0, "share", 0 },
	{ "pinterest", EXACT, 1, 0, "share", 0 },
	{ "flipboard", EXACT, 1, 0, "share", 0 },
	{ "bluesky", EXACT, 1, 0, "share", 0 },
	{ "threads", EXACT, 1, 0, "share", 0 },
	{ "email", EXACT, 1, 0, "share", 0 },
	{ "e-mail", EXACT, 1, 0, "share", 0 },
	{ "print", EXACT, 1, 0, "share", 0 },
	{ "tweet", EXACT, 1, 0, "share", 0 },
	{ "save", EXACT, 1, 0, "share", 0 },
	{ "save article", EXACT, 2, 0, "share", 0 },
	{ "save for later", EXACT, 3, 0, "share", 0 },
	{ "gift article", PREFIX, 4, 0, "share", 0 },
	{ "gift this article", PREFIX, 5, 0, "share", 0 },
	{ "email to a friend", EXACT, 4, 0, "share", 0 },
	{ "send to a friend", EXACT, 4, 0, "share", 0 },
	{ "print this article", EXACT, 3, 0, "share", 0 },
	{ "comment", EXACT, 1, 0, "share", 0 },
	{ "share or comment", PREFIX, 8, 1, "share", 0 },
	{ "share this", EXACT, 3, 1, "share", 0 },
	{ "like this", EXACT, 3, 1, "share", 0 },
	{ "like loading", EXACT, 3, 1, "share", 0 },
	{ "stay connected", PREFIX, 6, 1, "share", 0 },
	{ "get in touch", PREFIX, 12, 1, "promotion", 0 },
	{ "talk to our", CONTAINS, 15, 1, "promotion", 0 },
	{ "learn more in", PREFIX, 8, 1, "promotion", 0 },
	{ "you may be interested in", PREFIX, 12, 1, "related", 1 },
	{ " shares", CONTAINS, 2, 0, "share", 0 },
	{ "comments ", PREFIX, 2, 0, "comments", 0 },

	/* Newsletters and subscriptions. */
	{ "subscribe", EXACT, 2, 0, "newsletter", 0 },
	{ "subscribe now", PREFIX, 8, 1, "newsletter", 0 },
	{ "subscribe to our", CONTAINS, 25, 1, "newsletter", 0 },
	{ "subscribe for", PREFIX, 20, 1, "newsletter", 0 },
	{ "subscribe to", PREFIX, 20, 1, "newsletter", 0 },
	{ "unsubscribe", CONTAINS, 25, 1, "newsletter", 0 },
	{ "sign up", EXACT, 2, 0, "newsletter", 0 },
	{ "sign up for", CONTAINS, 25, 1, "newsletter", 0 },
	{ "sign up to", CONTAINS, 25, 1, "newsletter", 0 },
	{ "sign up here", CONTAINS, 25, 1, "newsletter", 0 },
	{ "newsletter", CONTAINS, 6, 0, "newsletter", 0 },
	{ "our newsletter", CONTAINS, 25, 1, "newsletter", 0 },
	{ "newsletters", EXACT, 1, 0, "newsletter", 0 },
	{ "enter your email", CONTAINS, 25, 1, "newsletter", 0 },
	{ "email address", EXACT, 3, 0, "newsletter", 0 },
	{ "your email", EXACT, 3, 0, "newsletter", 0 },
	{ "to your inbox", CONTAINS, 25, 1, "newsletter", 0 },
	{ "in your inbox", CONTAINS, 25, 1, "newsletter", 0 },
	{ "by signing up", CONTAINS, 40, 1, "newsletter", 0 },
	{ "already a subscriber", CONTAINS, 12, 1, "newsletter", 0 },
	{ "already have an account", CONTAINS, 12, 1, "newsletter", 0 },
	{ "create a free account", CONTAINS, 20, 1, "newsletter", 0 },
	{ "for subscribers", CONTAINS, 8, 0, "newsletter", 0 },
	{ "subscriber exclusive", CONTAINS, 6, 0, "newsletter", 0 },
	{ "get the app", CONTAINS, 10, 1, "app promotion", 0 },
	{ "download the app", CONTAINS, 15, 1, "app promotion", 0 },
	{ "download our app", CONTAINS, 15, 1, "app promotion", 0 },
	{ "open in app", CONTAINS, 6, 0, "app promotion", 0 },
	{ "follow us", PREFIX, 10, 1, "app promotion", 0 },
	{ "follow us on", CONTAINS, 20, 1, "app promotion", 0 },

	/* Lists of other stories: they run to the next real paragraph. */
	{ "related", EXACT, 2, 0, "related", 1 },
	{ "related coverage", PREFIX, 4, 0, "related", 1 },
	{ "related stories", PREFIX, 4, 0, "related", 1 },
	{ "related articles", PREFIX, 7, 0, "related", 1 },
	{ "related posts", PREFIX, 7, 0, "related", 1 },
	{ "related reading", PREFIX, 5, 0, "related", 1 },
	{ "related guides", PREFIX, 5, 0, "related", 1 },
	{ "related resources", PREFIX, 5, 0, "related", 1 },
	{ "related content", PREFIX, 4, 0, "related", 1 },
	{ "more articles", PREFIX, 6, 0, "related", 1 },
	{ "recent posts", PREFIX, 8, 0, "related", 1 },
	{ "also in the news", EXACT, 4, 0, "related", 1 },
	{ "see more reviews", EXACT, 3, 0, "related", 1 },
	{ "appeared first on", CONTAINS, 30, 1, "promotion", 1 },
	{ "since you made it to the bottom", PREFIX, 40, 1, "promotion",
	    1 },
	{ "prices were accurate at the time", PREFIX, 30, 1, "disclosure",
	    0 },
	{ "related news", PREFIX, 4, 0, "related", 1 },
	{ "related topics", PREFIX, 4, 0, "related", 1 },
	{ "related:", PREFIX, 25, 1, "related", 0 },
	{ "read more", EXACT, 3, 0, "related", 1 },
	{ "read more:", PREFIX, 25, 1, "related", 0 },
	{ "read more about", PREFIX, 20, 0, "related", 0 },
	{ "read also", PREFIX, 25, 1, "related", 0 },
	{ "also read", PREFIX, 25, 1, "related", 0 },
	{ "read next", PREFIX, 4, 0, "related", 1 },
	{ "read this next", PREFIX, 4, 0, "related", 1 },
	{ "up next", EXACT, 3, 0, "related", 1 },
	{ "watch:", PREFIX, 20, 0, "related", 0 },
	{ "watch next", PREFIX, 4, 0, "related", 1 },
	{ "more from", PREFIX, 6, 0, "related", 1 },
	{ "more on this", PREFIX, 6, 0, "related", 1 },
	{ "more stories", PREFIX, 5, 0, "related", 1 },
	{ "more news", EXACT, 3, 0, "related", 1 },
	{ "more in", PREFIX, 4, 0, "related", 1 },
	{ "most read", PREFIX, 5, 0, "related", 1 },
	{ "most popular", PREFIX, 5, 0, "related", 1 },
	{ "most viewed", PREFIX, 5, 0, "related", 1 },
	{ "most shared", PREFIX, 5, 0, "related", 1 },
	{ "popular", EXACT, 2, 0, "related", 1 },
	{ "popular now", EXACT, 3, 0, "related", 1 },
	{ "trending", PREFIX, 3, 0, "related", 1 },
	{ "you may also like", PREFIX, 6, 0, "related", 1 },
	{ "you might also like", PREFIX, 6, 0, "related", 1 },
	{ "you may have missed", PREFIX, 6, 0, "related", 1 },
	{ "you may be interested", PREFIX, 8, 0, "related", 1 },
	{ "recommended", PREFIX, 4, 0, "related", 1 },
	{ "see also", PREFIX, 4, 0, "related", 1 },
	{ "don't miss", PREFIX, 4, 0, "related", 1 },
	{ "don\xE2\x80\x99t miss", PREFIX, 4, 0, "related", 1 },
	{ "top stories", PREFIX, 3, 0, "related", 1 },
	{ "latest news", PREFIX, 3, 0, "related", 1 },
	{ "latest stories", PREFIX, 3, 0, "related", 1 },
	{ "editor's picks", PREFIX, 3, 0, "related", 1 },
	{ "editors' picks", PREFIX, 3, 0, "related", 1 },
	{ "editor\xE2\x80\x99s picks", PREFIX, 3, 0, "related", 1 },
	{ "what to read next", PREFIX, 5, 0, "related", 1 },
	{ "explore more", PREFIX, 4, 0, "related", 1 },
	{ "keep reading", EXACT, 3, 0, "related", 1 },
	{ "in other news", EXACT, 4, 0, "related", 1 },
	{ "suggested topics", PREFIX, 3, 0, "tags", 1 },
	{ "topics:", PREFIX, 12, 0, "tags", 0 },
	{ "topics", EXACT, 1, 0, "tags", 1 },
	{ "tags:", PREFIX, 15, 0, "tags", 0 },
	{ "tags", EXACT, 1, 0, "tags", 1 },
	{ "filed under", PREFIX, 15, 0, "tags", 0 },
	{ "key events", EXACT, 3, 0, "related", 0 },

	/* Footers. */
	{ "all rights reserved", CONTAINS, 80, 1, "copyright", 0 },
	{ "may not be published, broadcast, rewritten", CONTAINS, 80, 1,
	    "copyright", 0 },
	{ "\xC2\xA9", CONTAINS, 25, 1, "copyright", 0 },
	{ "copyright", PREFIX, 25, 0, "copyright", 0 },
	{ "copyright 20", PREFIX, 25, 1, "copyright", 0 },
	{ "copyright \xC2\xA9", PREFIX, 25, 1, "copyright", 0 },
	{ "copyright (c)", PREFIX, 25, 1, "copyright", 0 },
	{ "(c) 20", PREFIX, 25, 1, "copyright", 0 },
	{ "our standards", PREFIX, 20, 1, "standards", 0 },
	{ "trust principles", CONTAINS, 20, 1, "standards", 0 },
	{ "editorial standards", CONTAINS, 20, 1, "standards", 0 },
	{ "licensing rights", CONTAINS, 12, 1, "licensing", 0 },
	{ "purchase licensing", CONTAINS, 12, 1, "licensing", 0 },
	{ "reprints", EXACT, 3, 0, "licensing", 0 },
	{ "opens new tab", CONTAINS, 12, 0, "licensing", 0 },
	{ "about the author", PREFIX, 4, 0, "author bio", 1 },
	{ "about the authors", PREFIX, 4, 0, "author bio", 1 },
	{ "about the author:", PREFIX, 80, 1, "author bio", 0 },
	{ "view author page", EXACT, 3, 0, "author bio", 0 },
	{ "view all posts by", PREFIX, 8, 0, "author bio", 0 },
	{ "contact us today", EXACT, 3, 1, "promotion", 1 },
	{ "want to know more?", PREFIX, 40, 1, "promotion", 1 },
	{ "have any questions?", EXACT, 3, 0, "promotion", 0 },
	/* What a page shows until its scripts run. */
	{ "loading", EXACT, 1, 0, "not text", 0 },
	{ "loading paragraph", EXACT, 2, 1, "not text", 0 },
	{ "loading image", EXACT, 2, 1, "not text", 0 },
	{ "requires javascript", CONTAINS, 8, 1, "not text", 0 },
	{ "enable javascript", CONTAINS, 12, 1, "not text", 0 },
	{ "reviewed and updated by", CONTAINS, 40, 1, "disclosure", 0 },
	{ "about the reporter", PREFIX, 4, 0, "author bio", 1 },
	{ "about this author", PREFIX, 4, 0, "author bio", 1 },
	{ "author bio", PREFIX, 4, 0, "author bio", 1 },
	{ "more by this author", PREFIX, 6, 0, "author bio", 1 },
	{ "learn more about our", CONTAINS, 60, 1, "author bio", 0 },
	{ "did you find this article", PREFIX, 10, 1, "feedback", 0 },
	{ "was this article helpful", PREFIX, 10, 1, "feedback", 0 },
	{ "was this helpful", PREFIX, 6, 1, "feedback", 0 },
	{ "report an error", PREFIX, 10, 1, "feedback", 0 },
	{ "report a correction", PREFIX, 10, 1, "feedback", 0 },
	{ "send us a tip", PREFIX, 12, 1, "feedback", 0 },
	{ "got a news tip", PREFIX, 12, 1, "feedback", 0 },
	{ "have a news tip", PREFIX, 12, 1, "feedback", 0 },
	{ "suggest a correction", PREFIX, 8, 1, "feedback", 0 },
	{ "yes", EXACT, 1, 0, "feedback", 0 },
	{ "no", EXACT, 1, 0, "feedback", 0 },
	{ "thank you for your feedback", PREFIX, 8, 1, "feedback", 0 },
	{ "we use cookies", CONTAINS, 60, 1, "cookie notice", 0 },
	{ "this site uses cookies", CONTAINS, 60, 1, "cookie notice", 0 },
	{ "cookie", CONTAINS, 8, 0, "cookie notice", 0 },
	{ "accept all", CONTAINS, 6, 0, "cookie notice", 0 },
	{ "manage preferences", CONTAINS, 6, 0, "cookie notice", 0 },
	{ "privacy policy", CONTAINS, 12, 0, "footer", 0 },
	{ "privacy notice", CONTAINS, 12, 0, "footer", 0 },
	{ "terms of use", CONTAINS, 12, 0, "footer", 0 },
	{ "terms of service", CONTAINS, 12, 0, "footer", 0 },
	{ "terms and conditions", CONTAINS, 12, 0, "footer", 0 },
	{ "contact us", CONTAINS, 8, 0, "footer", 0 },
	{ "about us", CONTAINS, 8, 0, "footer", 0 },
	{ "do not sell", CONTAINS, 12, 0, "footer", 0 },
	{ "accessibility", EXACT, 2, 0, "footer", 0 },
	{ "sitemap", EXACT, 2, 0, "footer", 0 },
	{ "site map", EXACT, 2, 0, "footer", 0 },
	{ "careers", EXACT, 1, 0, "footer", 0 },
	{ "comments", EXACT, 2, 0, "comments", 1 },
	{ "leave a comment", PREFIX, 5, 1, "comments", 1 },
	{ "be the first to comment", PREFIX, 6, 1, "comments", 1 },
	{ "what do you think?", EXACT, 4, 1, "comments", 1 },
	{ "comment via:", PREFIX, 6, 0, "comments", 0 },
	{ "how was this issue", PREFIX, 5, 1, "feedback", 0 },
	{ "would you like to receive notifications", PREFIX, 12, 1,
	    "newsletter", 0 },
	{ "join medium", PREFIX, 14, 1, "newsletter", 0 },
	{ "connect with us", EXACT, 3, 0, "share", 0 },
	{ "share it", EXACT, 2, 0, "share", 0 },
	{ "you might like", EXACT, 3, 0, "related", 1 },
	{ "posted by ", PREFIX, 14, 0, "byline", 0 },
	{ "leave a reply", PREFIX, 5, 1, "comments", 1 },
	{ "reply", EXACT, 2, 0, "comments", 1 },
	{ "reply to comment", EXACT, 3, 0, "comments", 1 },
	{ "log in to reply", EXACT, 4, 0, "comments", 1 },
	{ "join the conversation", PREFIX, 5, 1, "comments", 1 },
	{ "show comments", PREFIX, 4, 0, "comments", 1 },
	{ "view comments", PREFIX, 4, 0, "comments", 1 },
	{ "add a comment", PREFIX, 4, 0, "comments", 1 },
	{ "comments are closed", PREFIX, 6, 1, "comments", 1 },
	{ " comments", CONTAINS, 2, 0, "comments", 1 },
	{ "breaking news update", CONTAINS, 25, 1, "banner", 0 },
	{ "this is a developing story", PREFIX, 20, 1, "banner", 0 },
	{ "check back for updates", CONTAINS, 20, 1, "banner", 0 },
	{ "end", EXACT, 1, 0, "footer", 0 },
	{ "-- end --", EXACT, 3, 0, "footer", 0 },
	{ "(end)", EXACT, 1, 0, "footer", 0 },
	{ "###", EXACT, 1, 0, "footer", 0 },
	{ "-30-", EXACT, 1, 0, "footer", 0 },

	/* Buttons that sell. */
	{ "book now", EXACT, 2, 0, "promotion", 0 },
	{ "book a demo", PREFIX, 5, 0, "promotion", 0 },
	{ "request a demo", PREFIX, 5, 0, "promotion", 0 },
	{ "request a quote", PREFIX, 5, 0, "promotion", 0 },
	{ "get a quote", PREFIX, 5, 0, "promotion", 0 },
	{ "get a free quote", PREFIX, 6, 0, "promotion", 0 },
	{ "get started", EXACT, 3, 0, "promotion", 0 },
	{ "buy now", PREFIX, 10, 0, "promotion", 0 },
	{ "shop now", PREFIX, 4, 0, "promotion", 0 },
	{ "view on ", PREFIX, 6, 0, "promotion", 0 },
	{ "buy on ", PREFIX, 6, 0, "promotion", 0 },
	{ "check price", PREFIX, 6, 0, "promotion", 0 },
	{ "see price", PREFIX, 6, 0, "promotion", 0 },
	{ "see packages", PREFIX, 6, 0, "promotion", 0 },
	{ "see list", EXACT, 2, 0, "promotion", 0 },
	{ "read the review", EXACT, 3, 0, "related", 0 },
	{ "read review", EXACT, 2, 0, "related", 0 },
	{ "read full review", EXACT, 3, 0, "related", 0 },
	{ "get the free", PREFIX, 8, 0, "promotion", 0 },
	{ "free trial", EXACT, 2, 0, "promotion", 0 },
	{ "start free trial", PREFIX, 5, 0, "promotion", 0 },
	{ "start your free trial", PREFIX, 8, 0, "promotion", 0 },
	{ "try it free", PREFIX, 5, 0, "promotion", 0 },
	{ "download now", PREFIX, 4, 0, "promotion", 0 },

	/* Shopping disclosures. */
	{ "earn from qualifying purchases", CONTAINS, 60, 1, "disclosure",
	    0 },
	{ "earn a commission", CONTAINS, 45, 1, "disclosure", 0 },
	{ "earn commission", CONTAINS, 45, 1, "disclosure", 0 },
	{ "earn an affiliate commission", CONTAINS, 45, 1, "disclosure", 0 },
	{ "we may be compensated", CONTAINS, 45, 1, "disclosure", 0 },
	{ "contains affiliate links", CONTAINS, 45, 1, "disclosure", 0 },
	{ "may contain affiliate links", CONTAINS, 45, 1, "disclosure", 0 },
	{ "earn a small commission", CONTAINS, 60, 1, "disclosure", 0 },
	{ "reader-supported", CONTAINS, 45, 1, "disclosure", 0 },
	{ "supports our work", CONTAINS, 25, 1, "disclosure", 0 },
	{ "we independently test", PREFIX, 25, 1, "disclosure", 0 },
	{ "we independently review", PREFIX, 25, 1, "disclosure", 0 },
	{ "affiliate disclosure", PREFIX, 45, 1, "disclosure", 0 },
	{ "advertiser disclosure", PREFIX, 45, 1, "disclosure", 0 },
	{ "chosen independently by our editors", CONTAINS, 30, 1,
	    "disclosure", 0 },
	{ "independently selected by our editors", CONTAINS, 30, 1,
	    "disclosure", 0 },

	/* Pictures. */
	{ "photo:", PREFIX, 60, 1, "caption", 0 },
	{ " photo: ", CONTAINS, 45, 1, "caption", 0 },
	{ ". photo: ", CONTAINS, 45, 1, "caption", 0 },
	{ "photos:", PREFIX, 60, 1, "caption", 0 },
	{ "image:", PREFIX, 60, 1, "caption", 0 },
	{ "picture:", PREFIX, 60, 1, "caption", 0 },
	{ "pictured:", PREFIX, 60, 1, "caption", 0 },
	{ "photograph:", PREFIX, 60, 1, "caption", 0 },
	{ "credit:", PREFIX, 20, 1, "caption", 0 },
	{ "illustration picture", PREFIX, 60, 1, "caption", 0 },
	{ "illustration:", PREFIX, 60, 1, "caption", 0 },
	{ "file photo", PREFIX, 60, 1, "caption", 0 },
	{ "(photo", PREFIX, 60, 1, "caption", 0 },
	{ "(photo:", CONTAINS, 60, 1, "caption", 0 },
	{ "(photo by", CONTAINS, 60, 1, "caption", 0 },
	{ "(picture:", CONTAINS, 60, 1, "caption", 0 },
	{ "reuters/", CONTAINS, 80, 1, "caption", 0 },
	{ "(ap photo", CONTAINS, 80, 1, "caption", 0 },
	{ "ap photo/", CONTAINS, 80, 1, "caption", 0 },
	{ "/ afp", CONTAINS, 60, 1, "caption", 0 },
	{ "/afp", CONTAINS, 60, 1, "caption", 0 },
	{ "getty images", CONTAINS, 60, 1, "caption", 0 },
	{ "/file photo", CONTAINS, 80, 1, "caption", 0 },
	{ "/ file photo", CONTAINS, 80, 1, "caption", 0 },
	{ "via reuters", CONTAINS, 60, 1, "caption", 0 },
	{ "photo by ", CONTAINS, 40, 1, "caption", 0 },
	{ "(image credit", CONTAINS, 60, 1, "caption", 0 },
	{ "image source", PREFIX, 20, 1, "caption", 0 },
	{ "enlarge this image", PREFIX, 6, 0, "caption", 0 },
	{ "toggle caption", CONTAINS, 6, 0, "caption", 0 },
	{ "hide caption", CONTAINS, 6, 0, "caption", 0 },
	{ "view image", PREFIX, 6, 0, "caption", 0 },
	{ "watch video", PREFIX, 6, 0, "video", 0 },
	{ "play video", PREFIX, 6, 0, "video", 0 },
	{ "video:", PREFIX, 20, 0, "video", 0 },
	{ "click here", CONTAINS, 25, 1, "promotion", 0 },
	{ "click to", PREFIX, 15, 1, "promotion", 0 },
	{ "tap here", CONTAINS, 20, 1, "promotion", 0 },
	{ "syndicated from", CONTAINS, 30, 1, "syndication", 0 },
	{ "this article originally appeared", PREFIX, 40, 1, "syndication",
	    0 },
	{ "this story originally appeared", PREFIX, 40, 1, "syndication",
	    0 },
	{ "republished under", CONTAINS, 30, 1, "syndication", 0 },
	{ "source:", PREFIX, 4, 0, "attribution", 0 },
};

/* Compare ignoring ASCII case; the rule text is lower case. */
static int
prefix_ci(const char *s, const char *pre)
{
	return strncasecmp(s, pre, strlen(pre)) == 0;
}

/* The line without trailing punctuation and space, for EXACT rules. */
static size_t
core_length(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] ==
	    '.' || s[n - 1] == '!' || s[n - 1] == '|' || s[n - 1] == '>' ||
	    s[n - 1] == '\t'))
		n--;
	/* A trailing arrow, chevron or ellipsis: "Read more ›", "Read More
	 * »", "Loading…" */
	if (n >= 3 && ((unsigned char)s[n - 3] == 0xE2) && (((unsigned char)
	    s[n - 2] == 0x80 && ((unsigned char)s[n - 1] == 0xBA ||
	    (unsigned char)s[n - 1] == 0xA6)) || ((unsigned char)s[n - 2] ==
	    0x86 && (unsigned char)s[n - 1] == 0x92))) {
		n -= 3;
		while (n > 0 && s[n - 1] == ' ')
			n--;
	} else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
	    (unsigned char)s[n - 1] == 0xBB) {
		n -= 2;
		while (n > 0 && s[n - 1] == ' ')
			n--;
	}
	return n;
}

/* "Home > News > Markets": a breadcrumb trail. */
/* Menus and trails name pages; labels with their values ("CPU: i3 |
 * RAM: 16GB"), a price or an aside in brackets make a row of facts. A
 * single label may head a menu ("Text size: A A A | Print"). */
static int
menu_words(const char *s)
{
	const char *colon = strstr(s, ": ");

	return (colon == NULL || strstr(colon + 2, ": ") == NULL) &&
	    strchr(s, '$') == NULL && strchr(s, '(') == NULL;
}

static int
breadcrumb(const char *s, int words)
{
	static const char *seps[] = { " > ", " \xE2\x80\xBA ", " \xC2\xBB ",
	    " / ", " \xE2\x86\x92 " };
	size_t i;
	int count = 0;

	if (words > 14 || !menu_words(s))
		return 0;
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		const char *p = s;

		while ((p = strstr(p, seps[i])) != NULL) {
			count++;
			p += strlen(seps[i]);
		}
	}
	return count >= 1 && words <= 3 * (count + 1);
}

/*
 * A menu bar on one line: "[Home] [Europe] [Economy]", or "Text size |
 * Print this page | Email to a friend": three or more short parts.
 */
static int
menu_bar(const char *s, int words)
{
	const char *p;
	int parts = 1, brackets = 0, longest = 0, cur = 0;

	if (words > 30 || !menu_words(s))
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (*p == '[')
			brackets++;
		if (strncmp(p, " | ", 3) == 0) {
			parts++;
			if (cur > longest)
				longest = cur;
			cur = 0;
			p += 2;
		} else if (*p == ' ')
			cur++;
	}
	if (cur > longest)
		longest = cur;
	return brackets >= 3 || (parts >= 3 && longest <= 4);
}

/* Agency routing slugs like "nwo/jbr/kb": lower-case initials. */
static int
routing_slug(const char *s)
{
	int groups = 1, letters = 0;

	for (; *s != '\0'; s++) {
		if (*s == '/' || *s == '-') {
			if (letters == 0 || letters > 4)
				return 0;
			groups++;
			letters = 0;
		} else if (*s >= 'a' && *s <= 'z')
			letters++;
		else
			return 0;
	}
	return groups >= 2 && letters > 0 && letters <= 4;
}

/* "Updated 2 hours ago", "5 minutes ago": a relative time. */
static int
relative_time(const char *s, int words)
{
	size_t n = strlen(s);

	return words <= 10 && n >= 4 && strcasecmp(s + n - 4, " ago") == 0;
}

/* "Page 1 of 8": where a paged story stands. */
static int
page_of(const char *s, int words)
{
	int a, b, n = 0;

	if (words != 4)
		return 0;
	return sscanf(s, "%*[Pp]age %d of %d%n", &a, &b, &n) == 2 &&
	    s[n] == '\0' && a >= 1 && a <= b;
}

/* A line that is only a URL or an e-mail address. */
static int
bare_link(const char *s, int words)
{
	return words == 1 && (prefix_ci(s, "http://") ||
	    prefix_ci(s, "https://") || prefix_ci(s, "www.") ||
	    (strchr(s, '@') != NULL && strchr(s, '.') != NULL));
}

#define NENGLISH	(sizeof english / sizeof english[0])

/* Every rule: the English ones, then the data's. Built once. */
static struct rule *rules;
static size_t nrules;

/*
 * The rules a line can match by its first byte: those of EXACT and
 * PREFIX that start with it (by_first, from first_at[c] to first_at[c +
 * 1]); and those of CONTAINS by the line's shape (cont, from cont_at[k]
 * to cont_at[k + 1], k for whether it is a sentence and the least word
 * limit it is within). Both lists keep table order, which decides
 * between rules. Built once.
 */
#define NBANDS	32
static unsigned short *by_first;
static unsigned short first_at[257];
static unsigned short *cont;
static unsigned short cont_at[2 * NBANDS + 1];
static unsigned char band_of[128];		/* words -> band */
static int band_limit[NBANDS];
static unsigned short *rule_len;
static unsigned short *rule_pair;	/* first two bytes, hashed */
static int max_words = -1;			/* no rule applies past this */

#define PAIR(a, b)	((((unsigned)(unsigned char)(a) << 5) ^ \
	(unsigned char)(b)) & 4095)

static void
rules_init(void)
{
	size_t i, n = 0;
	int c, b, nbands = 0, w, sentence;

	nrules = NENGLISH + boiler_nwords;
	rules = xreallocarray(NULL, nrules, sizeof *rules);
	memcpy(rules, english, sizeof english);
	for (i = 0; i < boiler_nwords; i++) {
		const struct boiler_rule *br = &boiler_words[i];
		struct rule *r = &rules[NENGLISH + i];

		r->text = br->text;
		r->match = br->match == BOILER_EXACT ? EXACT :
		    br->match == BOILER_PREFIX ? PREFIX : CONTAINS;
		r->maxwords = br->maxwords;
		r->sentences = br->sentences;
		r->reason = br->reason;
		r->ender = br->ender;
	}
	by_first = xreallocarray(NULL, nrules, sizeof *by_first);
	rule_len = xreallocarray(NULL, nrules, sizeof *rule_len);
	rule_pair = xreallocarray(NULL, nrules, sizeof *rule_pair);
	for (i = 0; i < nrules; i++) {
		rule_len[i] = (unsigned short)strlen(rules[i].text);
		rule_pair[i] = (unsigned short)PAIR(rules[i].text[0],
		    rules[i].text[0] != '\0' ? rules[i].text[1] : 0);
		if (rules[i].maxwords > max_words)
			max_words = rules[i].maxwords;
	}
	for (c = 0; c < 256; c++) {
		first_at[c] = (unsigned short)n;
		for (i = 0; i < nrules; i++)
			if (rules[i].match != CONTAINS &&
			    (unsigned char)rules[i].text[0] == c)
				by_first[n++] = (unsigned short)i;
	}
	first_at[256] = (unsigned short)n;
	/* The word limits of CONTAINS rules, in order, are the bands (the
	 * table has far fewer than NBANDS of them). */
	for (w = 0; w < (int)sizeof band_of && w <= max_words; w++) {
		for (i = 0; i < nrules; i++)
			if (rules[i].match == CONTAINS &&
			    rules[i].maxwords == w)
				break;
		if (i < nrules && nbands < NBANDS - 1)
			band_limit[nbands++] = w;
	}
	for (w = 0, b = 0; w < (int)sizeof band_of; w++) {
		while (b < nbands && band_limit[b] < w)
			b++;
		band_of[w] = (unsigned char)b;	/* nbands: none */
	}
	cont = xreallocarray(NULL, 2 * (size_t)nbands * nrules + 1,
	    sizeof *cont);
	n = 0;
	for (sentence = 0; sentence < 2; sentence++)
		for (b = 0; b < NBANDS; b++) {
			cont_at[sentence * NBANDS + b] = (unsigned short)n;
			for (i = 0; b < nbands && i < nrules; i++)
				if (rules[i].match == CONTAINS &&
				    rules[i].maxwords >= band_limit[b] &&
				    (!sentence || rules[i].sentences))
					cont[n++] = (unsigned short)i;
		}
	cont_at[2 * NBANDS] = (unsigned short)n;
}

const char *
clean_boilerplate(const char *s, int words, int sentence, int *ender)
{
	unsigned char pairs[4096 / 8];
	char low[1024];
	size_t i, k, pi, ci, cend, core, len;
	unsigned first;

	if (max_words < 0)
		rules_init();
	*ender = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return NULL;
	core = core_length(s);
	len = strlen(s);
	/* Rules are lower case: fold the line once (long lines are only
	 * checked by their first kilobyte), noting its pairs of bytes so
	 * that most CONTAINS rules are turned away before the search. */
	memset(pairs, 0, sizeof pairs);
	for (i = 0; i < len && i < sizeof low - 1 && words <= max_words; i++) {
		unsigned char c = (unsigned char)s[i];

		low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		/* Latin-1 and Cyrillic capitals fold in place: the small
		 * letter has as many bytes. */
		if (c < 0x80 || i == 0)
			;
		else if ((unsigned char)low[i - 1] == 0xC3 && c <= 0x9E &&
		    c != 0x97)
			low[i] = (char)(c + 0x20);
		else if ((unsigned char)s[i - 1] == 0xD0) {
			if (c >= 0x90 && c <= 0x9F)
				low[i] = (char)(c + 0x20);
			else if (c >= 0xA0 && c <= 0xAF) {
				low[i - 1] = (char)0xD1;
				low[i] = (char)(c - 0x20);
			} else if (c >= 0x80 && c <= 0x8F) {
				low[i - 1] = (char)0xD1;
				low[i] = (char)(c + 0x10);
			}
		}
		if (i > 0) {
			unsigned h = PAIR(low[i - 1], low[i]);

			pairs[h >> 3] |= (unsigned char)(1u << (h & 7));
		}
	}
	low[i] = '\0';
	first = (unsigned char)low[0];
	pi = first_at[first];
	k = (sentence != 0) * NBANDS + (words >= 0 && words < (int)sizeof
	    band_of ? band_of[words] : NBANDS - 1);
	ci = cont_at[k];
	cend = cont_at[k + 1];
	while (words <= max_words && (pi < first_at[first + 1] ||
	    ci < cend)) {
		size_t ri, rl;
		const struct rule *r;

		/* The next rule in table order of the two lists. */
		if (ci >= cend || (pi < first_at[first + 1] &&
		    by_first[pi] < cont[ci]))
			ri = by_first[pi++];
		else
			ri = cont[ci++];
		r = &rules[ri];
		rl = rule_len[ri];
		if (words > r->maxwords || (sentence && !r->sentences))
			continue;
		switch (r->match) {
		case EXACT:
			if (core != rl || strncmp(low, r->text, rl) != 0)
				continue;
			break;
		case PREFIX:
			if (strncmp(low, r->text, rl) != 0)
				continue;
			break;
		case CONTAINS:
			if (rl >= 2 && !(pairs[rule_pair[ri] >> 3] &
			    (1u << (rule_pair[ri] & 7))))
				continue;
			if (strstr(low, r->text) == NULL)
				continue;
			break;
		}
		*ender = r->ender;
		return r->reason;
	}
	if (!sentence && breadcrumb(s, words))
		return "navigation";
	if (!sentence && menu_bar(s, words))
		return "navigation";
	if (routing_slug(s))
		return "agency routing";
	if (relative_time(s, words))
		return "time";
	if (bare_link(s, words))
		return "link";
	if (page_of(s, words))
		return "navigation";
	if (s[0] == '#' && words <= 8 && !sentence)
		return "tags";
	return NULL;
}

/* Words as measure.c counts them in every script. */
int
clean_count_words(const char *s)
{
	return measure_words(s, strlen(s));
}

/* Sentence punctuation at the end (. ! ? : ; … 。 ！ ？ ؟ and the
 * like), allowing closing quotes and brackets; in Thai and Lao, which
 * write no full stop, a line of eight words or more. */
int
clean_is_sentence(const char *s, int words)
{
	size_t n = strlen(s);

	return words >= 2 && (measure_ends_sentence(s, n) || (words >= 8 &&
	    measure_ends_unmarked(s, n)));
}
