"""Find reader comments in a parsed page and split them into one record per comment.

Four layers, first hit wins:
1. known markups (WordPress ``ol.comment-list``, static Disqus ``#disqus_thread``, a generic
   ``section.comments`` of ``div.comment``), read with exact XPaths;
2. a generic splitter for any comment container (class or id containing "comment", Disqus ids):
   the items are the repeated child elements of the container, replies included;
3. a section introduced by a "Comments" / "Kommentare" / "Комментарии"… heading on markup that
   names nothing a comment: the blocks after the heading, when each reads like a comment (a date
   or a "by X" / "X says" line), up to the comment form;
4. trafilatura's own comment extraction (its XML body), split one block per comment when the
   markup gave no items to split by.
The containers found are returned so the caller can prune them before extracting the main text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from pipeline.extraction.comment_fields import date_languages, split_name_date
from pipeline.extraction.comment_text import (BUTTON_LINE, COUNT_BADGE, MEMBER_SINCE, PINGBACK_MARK, PINGBACK_TEXT, PROMPT,
                                              PROFILE_LINK, REPLY_TO_LINE)

@dataclass
class FoundComment:
    """One comment as read from the page, before it becomes a Comment record."""

    text: str
    author: str | None = None
    date_raw: str | None = None  # the date as the page shows it
    parent: int | None = None  # index (in the page's list) of the comment this one answers
    marks: str = ""  # the item's class and id ("pingback", "trackback" ...)
    published_at: str | None = None  # ISO 8601 UTC, parsed from date_raw (comment_fields)
    kind: str = "comment"  # comment | pingback
    byline: str | None = None  # the whole line around the author's name ("X said, on May 3 at 3 pm")
    meta_lines: list[str] = field(default_factory=list)  # header/footer lines kept out of the body
    quotes: list[str] = field(default_factory=list)  # quoted blocks: a reply quoting its parent
    loose_lines: list[str] = field(default_factory=list)  # other lines beside the body, read for a date only
    depth: int | None = None  # where the page says the comment stands in the thread (1 = top level)
    avatar_name: str | None = None  # the avatar's alternative text: the author when nothing else names one
    head_lines: list[str] = field(default_factory=list)  # the item's lines above its words, read when nothing named the author


@dataclass
class CommentSection:
    """The comments of one page, how they were found, and the elements that held them."""

    comments: list[FoundComment] = field(default_factory=list)
    containers: list[HtmlElement] = field(default_factory=list)
    method: str = "none"  # wordpress | blogger | disqus | spip | generic-section | forum | generic | heading | microdata | trafilatura | none


def _cls(expr: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {expr} ')"


KNOWN_MARKUPS: tuple[dict[str, str], ...] = (
    {
        "name": "wordpress",
        "container": "//*[@id='comments' or " + _cls("comments-area") + "]",
        "item": "//*[self::ol or self::ul][contains(@class, 'comment-list') or contains(@class, 'commentlist')]"
                "//li[" + _cls("comment") + " or starts-with(@id, 'comment-') or starts-with(@id, 'li-comment-')"
                " or " + _cls("pingback") + " or " + _cls("trackback") + "]",
        "body": "./article//div[contains(@class, 'comment-content')] | ./div[contains(@class, 'comment-content')]"
                " | ./div[contains(@class, 'comment-body')]/div[contains(@class, 'comment-content')]"
                # older themes: the words sit in the comment body beside its author/date header
                " || ./div//div[" + _cls("comment-body") + "] | ./div[" + _cls("comment-body") + "]"
                " | ./article[" + _cls("comment-body") + "]",
        # alternatives in order of trust, " || "-separated (themes rename the parts)
        "author": ".//*[contains(@class, 'comment-author')]//*[contains(@class, 'fn')] | .//*[" + _cls("fn") + "]"
                  " || .//*[contains(@class, 'comment-author-name')] || .//*[contains(@class, 'comment-author')]",
        "date": ".//*[contains(@class, 'comment-metadata') or contains(@class, 'comment-meta')]//time/@datetime"
                " || .//time/@datetime || .//time || .//*[contains(@class, 'comment_date') or contains(@class, 'comment-date')]"
                " || .//*[contains(@class, 'comment-meta') or contains(@class, 'commentmetadata')]/a[not(contains(@class, 'url'))]",
        # pingbacks and trackbacks, listed apart or in the thread with no comment body of their own
        "pings": "//*[self::ol or self::ul][contains(@class, 'pinglist') or contains(@class, 'trackback')"
                 " or contains(@class, 'pingback')]/li",
    },
    {
        "name": "blogger",
        "container": "//*[@id='comment-holder']",
        # (broken markup may close the holder early: the items name themselves wherever they end up)
        "item": "//li[" + _cls("comment") + "][./div[contains(@class, 'comment-block')]][//*[@id='comment-holder']]",
        "body": "./div[contains(@class, 'comment-block')]/*[contains(@class, 'comment-content')]",
        "author": "./div[contains(@class, 'comment-block')]//cite[contains(@class, 'user')]",
        "date": "./div[contains(@class, 'comment-block')]//*[contains(@class, 'datetime')]",
    },
    {
        "name": "disqus",
        "container": "//*[@id='disqus_thread']",
        "item": "//*[@id='disqus_thread']//li[" + _cls("post") + "]",
        "body": "./div[contains(@class, 'post-content')]//div[contains(@class, 'post-message')]",
        "author": "./div[contains(@class, 'post-content')]//*[contains(@class, 'author')]",
        "date": "./div[contains(@class, 'post-content')]//a[contains(@class, 'time-ago')]/@title",
    },
    {
        # SPIP, the French CMS: an article's comments are its "forum", one div.forum-message each,
        # replies in a list inside the entry they answer; "12 mars 2015, par <a class=fn>Jo</a>"
        "name": "spip",
        "container": "//ul[" + _cls("forum") + "]",
        "item": "//ul[" + _cls("forum") + "]//div[" + _cls("forum-message") + "]",
        "body": "./div[" + _cls("forum-texte") + "]",
        "author": ".//*[" + _cls("fn") + "] || .//*[" + _cls("author") + "]",
        "date": "./div[" + _cls("forum-chapo") + "]//abbr/@title || ./div[" + _cls("forum-chapo") + "]/small",
    },
    {
        "name": "generic-section",
        "container": "//section[contains(@class, 'comments')]",
        "item": "//section[contains(@class, 'comments')]//div[" + _cls("comment") + "]",
        "body": "./div[contains(@class, 'comment-text')]",
        "author": ".//*[contains(@class, 'comment-author')]",
        "date": ".//*[contains(@class, 'comment-date')]",
    },
)

# Comment containers, as trafilatura finds them, on the raw tree (lists are still ol/ul here).
CONTAINER_TAGS = {"div", "section", "ol", "ul", "aside", "dl", "article"}
# A cheap C-level prefilter; the exact test is CONTAINER_ID / CONTAINER_CLASS below.
CANDIDATES_XPATH = etree.XPath(  # "omment": comment, Comment, kommentar, Kommentare; "omentar": comentario, komentarz
    "//*[contains(@class, 'omment') or contains(@id, 'omment') or contains(@class, 'omentar') or contains(@id, 'omentar')"
    " or contains(@class, 'eacties') or contains(@id, 'eacties') or contains(@class, 'eview') or contains(@id, 'eview')"
    " or starts-with(@id, 'disqus_thread')"
    " or starts-with(@id, 'dsq-comments') or starts-with(@id, 'comol')]"
)
# the word in the corpus languages: comments, Kommentare, comentarios, commentaires, komentarze, commenti, reacties
_COMMENT_WORD = (r"(?:^|[\s_-]|[a-z](?=[CK]))(?:[Cc]omments?|[Kk]ommentare?|[Cc]omentarios?|[Cc]ommentaires?|"
                 r"[Kk]omentarz[ey]?|[Cc]ommenti|[Rr]eacties)"
                 r"(?:$|[\s_-]|List|Box|Area|Section|Container|Con(?=$|[\s_-]|Wrap)|Wrap|Holder|Block)")
# a shop's customer reviews are its comments: the list of them ("review-list", "reviews")
_REVIEWS = r"|[Rr]eview-?[Ll]ist|(?:^|[\s_-])[Rr]eviews(?:$|[\s_-])"
CONTAINER_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)|" + _COMMENT_WORD + _REVIEWS)
CONTAINER_CLASS = re.compile(_COMMENT_WORD + r"|comment-?list|comment-page|comments-content|post-comments" + _REVIEWS)


# Live-blog commentary and comment counters/links are not reader comments.
NOT_CONTAINER = re.compile(r"live|match-comment|commentary|no-?comments|comments?-?(?:count|link|number|button)|"
                           r"modal|dialog|popup|tooltip|rules|guidelines|policy|regeln|richtlinien|regles|reglas|regulamin",
                           re.I)


SMALL_CONTAINER_CHARS = 300
WRAPPER_CHARS = 20  # a named element with one comment inside and less text of its own wraps it
WORDS_BESIDE_QUOTE = 2  # a "quote" with fewer of the comment's words beside it is the comment itself
CARD_CHARS = 120  # an author card (name, "member since", profile links) beside a comment's message box
LOOSE_LINES = 12  # lines beside a body read for its date

# Boxes that list comments on *other* posts, or teasers: the recent-comments widget of a sidebar or
# footer, a "most commented" tab, a related-articles rail. Judged on the element and its ancestors
# up to the article (an article's class is a soup of its tags and categories).
WIDGET_ATTR = re.compile(r"recent|latest|last-?comments|neueste|ultim[oia]s?[-_]|derniers?[-_]|ostatnie|popular|most-?(?:read|commented)|related|"
                         r"(?:^|\s)aside(?:$|\s)|"
                         r"outbrain|taboola|teaser|(?:^|\s)widget(?:[\s_-]|$)|sidebar|site-?footer|colophon|"
                         r"(?:^|[\s_-])menu|navbar|newsletter|cookie|consent|gdpr|author-?(?:bio|box)|about-?the-?author|"
                         r"share-?(?:bar|buttons)|social-?(?:share|links|bar)", re.I)
WIDGET_DEPTH = 6
WIDGET_STOP = {"article", "main", "body", "html"}


def _numbered_thread(el: HtmlElement) -> bool:
    """Two or more items with comment ids (comment-4483): a thread, wherever broken markup put it
    (a recent-comments widget links to comments, it does not hold them)."""
    return sum(1 for d in el.iterdescendants() if isinstance(d.tag, str) and _is_item_tag(d.tag)
               and ITEM_ID.search(d.get("id", ""))) >= 2


# A page builder calls every block of the page a "widget": that word alone does not make a sidebar.
BARE_WIDGET = re.compile(r"(?:^|\s)widget(?:[\s_-]|$)", re.I)
NAMED_THREAD_ITEMS = 3


def _in_widget(el: HtmlElement, named_thread: bool = False) -> bool:
    """Whether an element is, or sits in, a sidebar/footer widget or a teaser list; a thread
    (``named_thread``: three or more items named as comments) only when something besides the bare
    word "widget" says so."""
    for depth, node in enumerate((el, *el.iterancestors())):
        if depth > WIDGET_DEPTH or node.tag in WIDGET_STOP:
            return False
        attrs = _attrs(node)
        if named_thread and (m := WIDGET_ATTR.search(attrs)) and BARE_WIDGET.match(attrs, m.start()) and not any(
                BARE_WIDGET.match(attrs, x.start()) is None for x in WIDGET_ATTR.finditer(attrs)):
            continue
        # a layout wrapper naming its sidebars ("one-sidebar-second", "sidebar-content") holds the article too
        if WIDGET_ATTR.search(attrs) and not _looks_like_main_content(node) and not _holds_prose(node):
            return True
    return False


PROSE_CHARS = 1500
PROSE_PARAGRAPHS = 4


def _holds_prose(node: HtmlElement) -> bool:
    """Whether paragraphs of running text are the element's own children: an article's body beside its
    comments, never a sidebar's short teasers."""
    paragraphs = [len(p.text_content()) for p in node.iterchildren("p")]
    return len(paragraphs) >= PROSE_PARAGRAPHS and sum(paragraphs) >= PROSE_CHARS


def _named_thread(el: HtmlElement) -> bool:
    """Three or more items inside that name themselves one comment (li.xenforo-comment)."""
    return sum(1 for d in el.iterdescendants() if isinstance(d.tag, str) and _is_item_tag(d.tag)
               and any(ITEM_CLASS.match(c) for c in _class(d).split())) >= NAMED_THREAD_ITEMS


# A forum thread's list of posts (ol#posts, div#postlist): a container when two or more of its
# items carry post ids (post_949757), as forum software numbers every post.
FORUM_POSTS_XPATH = etree.XPath(
    "//*[self::ol or self::ul or self::div or self::section][@id='posts' or @id='postlist' or @id='thread'"
    " or contains(concat(' ', normalize-space(@class), ' '), ' posts ') or contains(@class, 'postlist')]")


def _forum_post_lists(tree: HtmlElement) -> list[HtmlElement]:
    """Lists of forum posts (replies to a thread's opening post), by their post-numbered items."""
    return [el for el in FORUM_POSTS_XPATH(tree) if _numbered_thread(el) and not _in_widget(el)]


# Forum software names itself on the page's root or in its generator tag (XenForo's html id "XF").
FORUM_SOFTWARE = re.compile(r"phpbb|xenforo|vbulletin|discourse|mybb|simple machines|invision|woltlab|"
                            r"burning board|flarum|nodebb|fluxbb|punbb|(?:^|\s)(?:XF|pun)(?:\s|$)", re.I)
POST_ID = re.compile(r"^(?:js-)?(?:p|post|msg|message)[-_]?\d+$", re.I)
POST_NUMBER = re.compile(r"^#\s?(\d+)$")


def _is_forum_software(tree: HtmlElement) -> bool:
    """Whether forum software made the page, by its own marks (not by the address: a site's
    "/topic/" pages are article lists)."""
    root = tree.getroottree().getroot()
    body, head = root.find("body"), root.find("head")
    # FluxBB and PunBB wrap the page in one box of their own (div#punviewtopic.pun)
    marks = [_attrs(root), *(_attrs(el) for el in ([body, *body.iterchildren("div")] if body is not None else ())),
             *(m.get("content", "") for m in (head.iter("meta") if head is not None else ()) if m.get("name") == "generator")]
    return any(FORUM_SOFTWARE.search(m) for m in marks)


def _is_opening_post(post: HtmlElement, later: set[HtmlElement]) -> bool:
    """Whether a thread page's first post opens the thread (the article), not a reply shown first
    on a later page ("#21")."""
    own = _own_elements(post, later)
    numbers = [int(m[1]) for a in own if a.tag == "a" and (m := POST_NUMBER.match(" ".join(a.text_content().split())))]
    return not numbers or numbers[0] <= 1


def _from_forum_posts(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    """A forum thread's replies: the posts the software numbers (id "post-53670"), however broken
    markup nests them in one another, after the opening post, which is the article."""
    if not _is_forum_software(tree):
        return None
    posts = [el for el in tree.iter(*ITEM_TAGS) if POST_ID.match(el.get("id", "")) and not _in_widget(el)]
    if len(posts) < 2:
        return None
    replies = posts[1:] if _is_opening_post(posts[0], set(posts[1:])) else posts
    section = CommentSection(method="forum")
    if not _split_items(replies, min_chars, section):
        return None
    for c in section.comments:
        c.parent = None  # posts follow one another; a quote says whom one answers
    section.containers = _outermost(replies)
    return section


def _comment_containers(named: list[HtmlElement]) -> list[HtmlElement]:
    """Elements that hold comments by their class or id (trafilatura's patterns, widened)."""
    return [el for el in named if el.tag in CONTAINER_TAGS
            and (CONTAINER_ID.search(el.get("id", "")) or CONTAINER_CLASS.search(el.get("class", "")))
            and not NOT_CONTAINER.search(_attrs(el)) and not REVIEWS_ONLY.search(_attrs(el))]


def _review_lists(named: list[HtmlElement]) -> list[HtmlElement]:
    """Boxes named for a shop's reviews that hold two or more reviews, outside sidebars."""
    return [el for el in named if el.tag in CONTAINER_TAGS and REVIEWS_ONLY.search(_attrs(el))
            and (CONTAINER_ID.search(el.get("id", "")) or CONTAINER_CLASS.search(el.get("class", "")))
            and not NOT_CONTAINER.search(_attrs(el)) and _review_list(el) and not _in_widget(el)]


REVIEWS_ONLY = re.compile(r"^(?!.*(?:omment|omentar|eacties)).*eview", re.S)
REVIEW_ITEMS = 2


def _review_list(el: HtmlElement) -> bool:
    """A box named for reviews holds a shop's reviews only when two or more items inside name themselves
    one review: a "reviews" box on a newspaper's review or a profile's review count holds none."""
    return sum(1 for d in el.iterdescendants() if isinstance(d.tag, str) and _is_item_tag(d.tag)
               and "review" in _class(d).lower().split()) >= REVIEW_ITEMS


SKIP_TAGS = {"form", "textarea", "script", "style", "noscript", "button", "input", "select", "svg",
             "iframe", "nav"}
SKIP_ATTR = re.compile(r"respond|reply-?form|comment-?form|comment-reply|reply-link|pagination|"
                       r"comment-nav|navigation|avatar|share|vote|rating|like|report|login|subscribe|"
                       r"(?:^|[\s_-])(?:modal|dialog|sig)(?:$|[\s_-])|signature|signatur", re.I)  # a forum signature: under every post, no one's reply
META_ATTR = re.compile(r"author|autor|datum|meta|date|time|vcard|byline|submitted|user|name|header|footer|says|permalink|"
                       r"info|details", re.I)
BUTTON_ATTR = re.compile(r"button|btn", re.I)
# The word ends its class token: "comment-content", "message-body", "commentText" — not the block
# prefix of a BEM name ("message-cell", "message-inner"), which names every part of a post.
BODY_ATTR = re.compile(r"(?:content|text|message|msg|body|entry)(?:$|\s)", re.I)
STRONG_BODY_ATTR = re.compile(r"(?:content|text|message|msg)(?:$|\s)", re.I)
# An element that is one comment by its own name: comment-123, li-comment-5, kommentar_42,
# class "comment" / "comment-item" / "commentEntry" / "review" ...
# (the number may be a database's hex key: comment-4e7a3582eab8eab87600003f)
ITEM_ID = re.compile(r"(?:^|[-_])(?:comment|kommentar|comentario|commentaire|komentarz|commento|reply|review|post)"
                     r"[-_]?(?:item[-_])?(?:\d+|(?=[0-9a-f]*\d)[0-9a-f]{8,})$|^c\d{4,}$", re.I)
# ("newcomment", "unread-comment" mark a comment as new to the reader: a state on one of its parts, not the comment)
ITEM_CLASS = re.compile(r"^(?:(?!new|unread)[a-z]*[-_]?comment|kommentar|comentario|commentaire|komentarz|commento|reactie|review)"
                        r"(?:s?[-_]node|[-_]?(?:item|entry|wrap|single|container|answer|reply|response))?$", re.I)  # an answer: a reply
# the author's part in the corpus languages too: usuario, utilisateur, utente, uzytkownik, pseudo, nickname
AUTHOR_ATTR = re.compile(r"(?:^|[\s_-])(?:fn|author|autor|auteur|autore|user|user-?name|username|benutzer|verfasser|nick|"
                         r"nickname|name|commenter|poster|reviewer|usuario|utilisateur|utente|u[zż]ytkownik|pseudo)"
                         r"(?:$|[\s_-])", re.I)
AUTHOR_CAMEL = re.compile(r"[a-z](?:Author|Autor|User|UserName|Name|Poster)(?:$|[\s_-])")
DATE_ATTR = re.compile(r"date|datum|time|published|fecha|(?:^|[\s_-])(?:data|heure|hora|zeit|age|ago)(?:$|[\s_-])", re.I)
# A machine-readable date in an element's title ("<span title='2023-07-21T19:51:36'>1 day ago</span>", <abbr title>).
ISO_TITLE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|\s*$)")
BLOCK_TAGS = {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt",
              "tr", "section", "article", "br", "ul", "ol", "table", "header", "footer"}
ITEM_TAGS = {"li", "article", "div", "section", "dd", "dt", "blockquote", "table", "tr", "p"}


def _is_item_tag(tag: object) -> bool:
    """A tag that may hold one comment: a block, or a custom element a comment system defines (<twk-reaction>)."""
    return isinstance(tag, str) and (tag in ITEM_TAGS or "-" in tag)
LIST_TAGS = {"ul", "ol"}  # one list after a comments heading: its items are the comments


# CSS modules add a five-character hash to every class ("comment__neRQW", "commentText__3zHWj"): the
# name is before it. A BEM element ("comment__message") is a lower-case word, never a hash.
MODULE_HASH = re.compile(r"__(?=[\w-]{0,4}[A-Z0-9])[A-Za-z0-9_-]{5}(?=$|\s)")


def _class(el: HtmlElement) -> str:
    return MODULE_HASH.sub("", el.get("class", ""))


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


# Shown to no reader: a template or a legend the comment system reveals on demand.
HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|hide|d-none|is-hidden|visually-hidden)(?:$|\s)")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)


def _hidden(el: HtmlElement) -> bool:
    return bool(HIDDEN_CLASS.search(el.get("class", "")) or HIDDEN_STYLE.search(el.get("style", "")))


def _skipped(el: HtmlElement) -> bool:
    return (not isinstance(el.tag, str) or el.tag in SKIP_TAGS or bool(SKIP_ATTR.search(_attrs(el)))
            or _hidden(el))


def _collect_text(el: HtmlElement, exclude: set[HtmlElement], parts: list[str]) -> None:
    """Text of ``el`` into ``parts``, blocks separated by newlines, skipping excluded subtrees."""
    if el in exclude or _skipped(el):
        if el.tail:
            parts.append(el.tail)
        return
    block = el.tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _collect_text(child, exclude, parts)
        elif child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)


# Soft hyphens and zero-width characters: typesetting, not words ("jovel\xadblog" is "jovelblog").
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))  # joiners stay: emoji and scripts need them


def element_text(el: HtmlElement, exclude: set[HtmlElement] | None = None) -> str:
    """Readable text of an element: one line per block, whitespace collapsed, tail excluded."""
    parts: list[str] = []
    tail, el.tail = el.tail, None
    try:
        _collect_text(el, exclude or set(), parts)
    finally:
        el.tail = tail
    lines = (" ".join(line.split()) for line in "".join(parts).translate(INVISIBLE).split("\n"))
    return "\n".join(line for line in lines if line)


def _short_text(value: object) -> str | None:
    text = value if isinstance(value, str) else value.text_content() if value is not None else ""
    if isinstance(value, HtmlElement) and next(value.iter("br"), None) is not None:
        text = element_text(value).replace("\n", " ")  # "24 janvier 2017<br>12h10": a break is a space
    text = " ".join(str(text).split())
    return text[:200] or None


def _name_without_buttons(value: object) -> str | None:
    """The name an author element shows, without the buttons printed in it ("Jo <a class=follow_button>Follow</a>")."""
    if isinstance(value, HtmlElement):
        buttons = {d for d in value.iterdescendants() if isinstance(d.tag, str) and BUTTON_ATTR.search(_attrs(d))}
        if buttons:
            return _short_text(element_text(value, buttons))
    return _short_text(value)


def _all_first(node: HtmlElement, xpaths: str) -> list:
    """Every match of the first of the " || "-separated XPaths that matches anything."""
    for xpath in xpaths.split(" || "):
        if found := node.xpath(xpath):
            return found
    return []


def _first(node: HtmlElement, xpaths: str) -> str | None:
    """The first match of the first of the " || "-separated XPaths that matches anything."""
    for xpath in xpaths.split(" || "):
        found = node.xpath(xpath)
        if found and (text := _short_text(found[0])):
            return text
    return None


# A box of replies placed after the comment it answers (Drupal's div.indented, "children" lists).
REPLY_BOX = re.compile(r"indent|children|replies|child-?comments|comment-?replies|antworten|sub-?comments?|"
                       r"comments?-sub(?:$|[\s_-])|[\s_-]child(?:$|[\s_-])", re.I)
REPLY_BOX_DEPTH = 3


def _reply_box_parent(el: HtmlElement, index: dict[HtmlElement, int]) -> int | None:
    """The item just before the reply box that holds ``el``, when replies sit beside their parent."""
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= REPLY_BOX_DEPTH:
            return None
        if REPLY_BOX.search(_attrs(anc)):
            prev = anc.getprevious()
            while prev is not None and prev not in index:
                prev = prev.getprevious()
            return index[prev] if prev is not None else None
    return None


def _parents(items: list[HtmlElement]) -> list[int | None]:
    """For each item, the index of the comment it answers: the nearest item that contains it, or
    the item just before the reply box it sits in."""
    index = {el: i for i, el in enumerate(items)}
    entries: dict[HtmlElement, int] = {}  # the list entry around each item (the first item in it)
    for i, el in enumerate(items):
        if (entry := _list_entry(el)) is not None:
            entries.setdefault(entry, i)
    parents: list[int | None] = []
    for i, el in enumerate(items):
        parent = next((index[anc] for anc in el.iterancestors() if anc in index), None)
        if parent is None:
            parent = _reply_box_parent(el, index)
        if parent is None and (entry := _list_entry(el)) is not None:
            # a list of replies inside the entry of the comment they answer (li > ul > li)
            parent = next((j for anc in entry.iterancestors("li") if (j := entries.get(anc)) is not None and j < i), None)
        parents.append(parent)
    return parents


LIST_ENTRY_DEPTH = 3


def _list_entry(el: HtmlElement) -> HtmlElement | None:
    """The li an item sits in (itself, or a near ancestor): where a theme nests the replies."""
    for depth, node in enumerate((el, *el.iterancestors())):
        if depth > LIST_ENTRY_DEPTH:
            return None
        if node.tag == "li":
            return node
    return None


def _in_page_order(elements: set[HtmlElement], root: HtmlElement) -> list[HtmlElement]:
    """A set of elements in the order the page prints them (a set's own order changes from run to run)."""
    order = {el: i for i, el in enumerate(root.iter())} if elements else {}
    return sorted(elements, key=lambda el: order.get(el, -1))


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _from_known_markup(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    for markup in KNOWN_MARKUPS:
        items = tree.xpath(markup["item"])
        if not items:
            continue
        if "pings" in markup and tree.xpath(markup["pings"]):
            items = tree.xpath(markup["item"] + " | " + markup["pings"])  # one list, in page order
        # a sidebar's recent-comments widget may print other posts' comments in the same markup
        items = [el for el in items if not _in_widget(el)]
        if not items:
            continue
        section = CommentSection(method=markup["name"])
        section.containers = _outermost(tree.xpath(markup["container"]) + [
            el.getparent() for el in items if el.getparent() is not None])
        parents = _parents(items)
        kept: dict[int, int] = {}
        for i, item in enumerate(items):
            bodies = _all_first(item, markup["body"])
            marks = f"{_attrs(item)} {_attrs(item.getparent())}"
            if not bodies and not PINGBACK_MARK.search(marks):
                continue
            text = element_text(bodies[0]) if bodies else element_text(item)
            if len(text) < min_chars:
                continue
            kept[i] = len(section.comments)
            parent = parents[i]
            author = next((name for name in map(_name_without_buttons, _all_first(item, markup["author"]))
                           if name and _is_name_text(name)), None)
            date = _first(item, markup["date"])
            if author is None or date is None:  # a theme renamed the parts: what names itself author and date
                own = _own_elements(item, set(items) - {item})
                generic = _named_fields(own, item, _microdata(own))
                author, date = author or generic[0], date or generic[1]
            section.comments.append(FoundComment(
                text=text, author=author, date_raw=date, marks=marks,
                parent=kept.get(parent) if parent is not None else None,
            ))
        # pingbacks alone do not make a thread: the comments must be in this markup too
        if any(not PINGBACK_MARK.search(c.marks) for c in section.comments):
            return section
    return None


# Classes a theme alternates down a list, and nothing else on an item: where it sits, not what it is.
ALTERNATING = {"odd", "even", "alt", "first", "last"}


# A number in an id, decimal or a hex key with a digit in it ("4e7a3582eab8"): where the item stands, not what it is.
ID_NUMBER = re.compile(r"(?<![A-Za-z])(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}(?![A-Za-z])|\d+")


def _signature(el: HtmlElement) -> tuple[str, str]:
    classes = el.get("class", "").split()
    if classes and all(c.lower() in ALTERNATING for c in classes):
        classes = []  # li.odd, li.even: one kind of item
    # id patterns such as comment-123 / li-comment-5 / comment-shell-4e7a35f0 count as one signature
    return (el.tag, classes[0] if classes else ID_NUMBER.sub("#", el.get("id", "")))


def _is_named_item(el: HtmlElement) -> bool:
    """Whether an element calls itself one comment, by id or class."""
    return _is_item_tag(el.tag) and bool(
        ITEM_ID.search(el.get("id", "")) or any(ITEM_CLASS.match(c) for c in _class(el).split()))


def _all_link(el: HtmlElement) -> bool:
    """Whether every word of an element is inside links: a button ("Post a comment"), not a comment."""
    text = "".join(el.text_content().split())
    return sum(len("".join(a.text_content().split())) for a in el.iter("a")) >= len(text)


def _named_items(container: HtmlElement) -> list[HtmlElement]:
    """Elements that call themselves one comment (by id or class), replies included; a named
    element holding two or more others is a list, not a comment."""
    # a "comment" box holding a text area is where one writes a comment (a page-wide ASP.NET form is no sign)
    # an empty element named for a comment is its anchor (<p id="comment-5"></p>), not the comment
    # a box named for one comment holding nothing but its button ("Denunciar") is the button
    named = [el for el in container.iterdescendants() if isinstance(el.tag, str) and _is_named_item(el)
             and (next(el.iter("textarea"), None) is None or _has_own_words(el, set()))  # a reply form under the words
             and el.text_content().strip() and (not _all_link(el) or _heads_definition(el))
             and not BUTTON_LINE.match(" ".join(el.text_content().split()))]
    first = set(named)
    # a body that names itself a comment too (section.comment-content.comment) is not a reply
    named = [el for el in named if not (BODY_ATTR.search(_class(el)) and not ITEM_ID.search(el.get("id", ""))
                                        and any(a in first for a in el.iterancestors()))]
    chosen = set(named)
    inside = Counter(a for el in named for a in el.iterancestors() if a in chosen)
    kept = []
    parts: set[HtmlElement] = set()  # named boxes that are one part of the comment around them
    for el in named:
        if el in parts or (inside[el] >= 2 and not _has_own_words(el, chosen)):
            continue
        if inside[el] == 1:  # one comment inside: a reply to this one, or this is its wrapper
            inner = next(d for d in el.iterdescendants() if d in chosen)
            own = element_text(el, {inner})
            if len(own) < WRAPPER_CHARS:
                continue
            if _is_card_around(el, inner, own):
                parts.add(inner)
        kept.append(el)
    return kept


def _heads_definition(el: HtmlElement) -> bool:
    """Whether ``el`` is a dt just before a dd: the comment's header, however much of it links
    (the commenter's site, the avatar, the permalink on the date)."""
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return el.tag == "dt" and nxt is not None and nxt.tag == "dd"


def _has_own_words(el: HtmlElement, chosen: set[HtmlElement]) -> bool:
    """Whether a named element holding other named ones has words of its own in an element named for
    them: a comment with its replies nested in it, not a list of comments."""
    nested = {d for d in el.iterdescendants() if d in chosen}
    return any(BODY_ATTR.search(_class(d)) and d.tag not in SKIP_TAGS and len(element_text(d)) >= WRAPPER_CHARS
               and not any(a.tag == "form" for a in _ancestors_within(d, el)) for d in _own_elements(el, nested))


def _is_card_around(outer: HtmlElement, inner: HtmlElement, own: str) -> bool:
    """Whether ``outer`` is one comment whose words sit in the named box ``inner`` (an author card
    beside a message box, both named "comment"), not a comment with one reply: no list or reply box
    between them, and nothing of its own but a short card without a body."""
    between = _ancestors_within(inner, outer)
    return (len(own) < CARD_CHARS and not any(a.tag in LIST_TAGS or REPLY_BOX.search(_attrs(a)) for a in between)
            and not any(BODY_ATTR.search(_class(d)) for d in _own_elements(outer, {inner})))


def _item_signature(container: HtmlElement, min_chars: int) -> tuple[str, str] | None:
    """The signature of the comment items: among sibling elements that repeat (same tag and first
    class) anywhere in the container, the most numerous of those holding at least half as much
    text as the wordiest repeat — so comments win over their headers and over thread wrappers."""
    counts: Counter[tuple[str, str]] = Counter()
    sizes: Counter[tuple[str, str]] = Counter()
    members: dict[tuple[str, str], list[HtmlElement]] = {}
    for node in container.iter():
        if not isinstance(node.tag, str) or _skipped(node):
            continue
        level: Counter[tuple[str, str]] = Counter()
        level_size: Counter[tuple[str, str]] = Counter()
        for c in node:
            # one list per comment (ul.single-post: name, words, reply) repeats like any item
            if isinstance(c.tag, str) and (_is_item_tag(c.tag) or c.tag in LIST_TAGS) and not _skipped(c):
                size = len(c.text_content().strip())
                if size >= min_chars:
                    level[_signature(c)] += 1
                    level_size[_signature(c)] += size
        for sig, n in level.items():
            if n >= 2:
                counts[sig] += n
                sizes[sig] += level_size[sig]
                members.setdefault(sig, []).extend(c for c in node if isinstance(c.tag, str) and _signature(c) == sig)
    if not counts:
        return None
    wordiest = max(sizes.values())
    chosen = [sig for sig in counts if sizes[sig] >= wordiest / 2]
    # paragraphs repeat inside each comment: plain text blocks held by repeated items are their words
    holders = {sig: set(members[sig]) for sig in chosen}
    chosen = [sig for sig in chosen if not (_plain_blocks(members[sig]) and any(
        other != sig and counts[other] >= 2 and _mostly_inside(members[sig], held) for other, held in holders.items()))] or chosen
    return max(chosen, key=lambda sig: (counts[sig], sizes[sig]))


def _plain_blocks(elements: list[HtmlElement]) -> bool:
    """Whether elements are paragraphs of text: p elements, or blocks holding no other block."""
    return all(el.tag == "p" or not any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS - {"br"} for d in el.iterdescendants())
               for el in elements)


def _mostly_inside(elements: list[HtmlElement], holders: set[HtmlElement]) -> bool:
    """Whether most of the elements sit inside one of the holders."""
    inside = sum(1 for el in elements if any(a in holders for a in el.iterancestors()))
    return inside > len(elements) / 2


# schema.org microdata and RDFa name the parts outright (reviews, news comment sections)
MICRODATA = {
    "author": re.compile(r"^(?:author|creator|reviewer)$|(?:^|[\s:])(?:creator|author)\b", re.I),
    "date": re.compile(r"^(?:datePublished|dateCreated|commentTime|uploadDate)$|(?:^|[\s:])(?:date|created)\b", re.I),
    "text": re.compile(r"^(?:text|reviewBody|commentText|description)$|(?:^|[\s:])content:encoded\b", re.I),
}


def _microdata(own: list[HtmlElement]) -> dict[str, HtmlElement]:
    """The author, date and text elements an item's itemprop/property attributes name."""
    found: dict[str, HtmlElement] = {}
    for d in own:
        prop = d.get("itemprop") or d.get("property") or ""
        if not prop:
            continue
        for part, pattern in MICRODATA.items():
            if part not in found and pattern.search(prop):
                if part == "author":  # as displayed ("Herr X"), or its itemprop="name" if it holds more
                    if len(d.text_content()) >= 120 or d.get("itemscope") is not None:  # a Person: its name,
                        named = next((n for n in d.iter() if n.get("itemprop") == "name"), d)  # unless shown in full
                        name = " ".join((named.text_content() or named.get("content", "")).split())
                        if len(d.text_content()) >= 120 or not " ".join(d.text_content().split()).endswith(name):
                            d = named
                    if len(d.text_content()) >= 120 or not (d.text_content().strip() or d.get("content", "").strip()):
                        continue
                if part == "date" and not (d.get("content") or d.get("datetime") or len(d.text_content()) < 80):
                    continue
                found[part] = d
    return found


NAME_CHARS = 60
HEADER_CHARS = 200


def _header_lines(own: list[HtmlElement], bodies: list[HtmlElement], nested: set[HtmlElement]) -> list[str]:
    """The lines of an item's header/footer elements ("comment-meta", "byline") beside its body:
    where a name and a date sit when no element is named for them."""
    inside = {d for b in bodies for d in b.iter()}
    heads = [d for d in own if d not in inside and META_ATTR.search(_attrs(d)) and not _skipped(d)
             and len(" ".join(d.text_content().split())) < HEADER_CHARS and not any(b in inside for b in d.iterdescendants())]
    lines: list[str] = []
    for d in _outermost(heads):
        parts = [line for line in element_text(d, nested).split("\n") if line]
        if len(parts) > 1:  # "Jo" and "• #1 • 8:05 AM, Aug 18, 2010" apart only in the source: one header line
            lines.append(" ".join(parts))
        lines += parts
    return lines


def _own_elements(item: HtmlElement, nested: set[HtmlElement]) -> list[HtmlElement]:
    """The item's elements in document order, leaving out other items nested in it (its replies)
    and everything inside them; what lies around the item (a wrapper that is an item too) is not
    looked at."""
    own: list[HtmlElement] = []
    stack = [c for c in reversed(item) if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        if el in nested:
            continue
        own.append(el)
        stack.extend(c for c in reversed(el) if isinstance(c.tag, str))
    return own


def _ancestors_within(el: HtmlElement, item: HtmlElement) -> list[HtmlElement]:
    """The ancestors of ``el`` below ``item``."""
    found: list[HtmlElement] = []
    for a in el.iterancestors():
        if a is item:
            break
        found.append(a)
    return found


TITLE_TAGS = {"h2", "h3", "h4", "h5", "h6"}


def _comment_title(body: HtmlElement, item: HtmlElement, meta: set[HtmlElement]) -> str | None:
    """A headline the commenter gave their comment: a heading just before the body, in the item."""
    prev = body.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None or prev.tag not in TITLE_TAGS or prev in meta or META_ATTR.search(_attrs(prev)) or body is item:
        return None
    title = _short_text(prev)
    return None if title and REPLY_SUBJECT.match(title) else title


# "Re: <the thread's title>", "AW: …": the subject forum software gives every reply, not the replier's words
REPLY_SUBJECT = re.compile(r"^(?:re|aw|antw|sv|odp|vs|ynt|rif)\s*(?:\[\d+\])?\s*:", re.I)


def _datetime(el: HtmlElement) -> str | None:
    """The element's datetime attribute, if it holds a date (a theme may leave its placeholder: "comment_date")."""
    value = el.get("datetime")
    return value if value and re.search(r"\d", value) else None


def _names_whom_it_answers(el: HtmlElement, item: HtmlElement) -> bool:
    """Whether a name sits in an "In reply to: <name or post title>" line: the one answered, not the author."""
    for node in (el, *_ancestors_within(el, item)[:2]):
        if REPLY_TO_LINE.match(" ".join(node.text_content().split())):
            return True
    return False


# A comment's permalink shows its date or time, never a name.
PERMALINK_TEXT = re.compile(r"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b")


def _is_name_text(text: str) -> bool:
    """Whether an element named for the author shows a name, not a badge or a button ("349 Fans",
    "Profile", "Reply", a separator "·"); a number alone may be a name."""
    return bool(text) and not re.fullmatch(r"[\s·•|/,;:—–-]+", text) and not ((BUTTON_LINE.match(text) and re.search(r"[^\W\d]", text))
                               or PROFILE_LINK.match(text) or COUNT_BADGE.match(text))


def _in_quote(el: HtmlElement, item: HtmlElement) -> bool:
    """Whether an element sits in a quote inside the item: a cite there names whom the comment quotes."""
    return any(a.tag == "blockquote" or "quote" in a.get("class", "").lower() for a in _ancestors_within(el, item))


# A link to a member's page: /profile/…, /user/…, /members/…, /social/jo, /u/jo, /benutzer/…
PROFILE_HREF = re.compile(r"/(?:profiles?|users?|members?|u|social|people|benutzer|nutzer|perfil|profil|utilisateur|"
                          r"usuario|autor|author)(?:/|\.|_view|\?|$)|[?&](?:member_?id|user_?id|uid)=", re.I)


def _profile_link_name(elements: list[HtmlElement]) -> str | None:
    """The name a link to a member's page shows, among elements beside the words (a header or a card)."""
    for a in elements:
        if a.tag == "a" and PROFILE_HREF.search(a.get("href", "")):
            name = " ".join(a.text_content().split())
            if name and len(name) <= NAME_CHARS and _is_name_text(name) and not PERMALINK_TEXT.search(name):
                return name
    return None


# An avatar's alternative text names its commenter: "Jo", "avatar for user Jo", "Jo's avatar", "Profilbild von Jo".
AVATAR_ATTR = re.compile(r"avatar|gravatar|user-?(?:pic|photo|image)|author-?(?:pic|photo|image)|profile-?(?:pic|photo)", re.I)
AVATAR_ALT = re.compile(r"^(?:(?:avatar|gravatar|photo|picture|image|foto|bild|profilbild|benutzerbild|imagen|"
                        r"photo de profil|imagen de perfil|zdjęcie profilowe)\s+(?:(?:of|for|von|de|du|di|für|użytkownika)\s+)?"
                        r"(?:(?:user|the user|member|benutzer|usuario|utilisateur)\s+)?(?P<name>.+)|(?P<own>.+?)['’]s\s+"
                        r"(?:avatar|profile picture|photo))$", re.I)
GENERIC_ALT = re.compile(r"^\W*(?:avatar|gravatar|user|users|profile|photo|picture|image|img|foto|bild|profilbild|"
                         r"benutzerbild|anonymous|anonym|guest|gast|default|icon|\[avatar\])\W*$", re.I)


def _avatar_name(elements: list[HtmlElement]) -> str | None:
    """The commenter named by the alternative text of their avatar, when nothing else names them."""
    for img in elements:
        if img.tag != "img" or not (AVATAR_ATTR.search(_attrs(img)) or (
                img.getparent() is not None and AVATAR_ATTR.search(_attrs(img.getparent())))):
            continue
        alt = " ".join(img.get("alt", "").split())
        name = ((m["name"] or m["own"]) if (m := AVATAR_ALT.match(alt)) else alt).strip(" :")
        if name and len(name) <= NAME_CHARS and not GENERIC_ALT.match(name) and _is_name_text(name):
            return name
    return None


# a review's or a comment's headline, even when its class ends in "content" ("review-title-content")
TITLE_ATTR = re.compile(r"(?:^|[\s_-])(?:title|headline)(?:$|[\s_-])", re.I)
# a forum's rank or role under the name ("profile-rank-name": Member, Moderator): a badge, not who wrote
RANK_ATTR = re.compile(r"(?:^|[\s_-])(?:rank|role|usertitle|user-?title)(?:$|[\s_-])", re.I)


def _named_fields(own: list[HtmlElement], item: HtmlElement, by_markup: dict[str, HtmlElement]
                  ) -> tuple[str | None, str | None, str | None, set[HtmlElement]]:
    """(author, date, the line around the author, the elements that held them) from the elements
    of an item that name themselves the author and the date: classes, ids, itemprops, cite, time."""
    author = date = byline = None
    meta: set[HtmlElement] = set()
    named_by = [d for d in own if (AUTHOR_ATTR.search(_attrs(d)) or AUTHOR_CAMEL.search(_attrs(d)) or d.tag == "cite")
                and 0 < len(" ".join(d.text_content().split())) < 120
                and not BODY_ATTR.search(_class(d)) and not d.xpath(".//p")
                and (d.tag != "p" or len(d.text_content().strip()) <= NAME_CHARS)  # <p class="comment-author">Jo</p>
                and not _names_whom_it_answers(d, item) and not _in_quote(d, item) and not RANK_ATTR.search(_class(d))
                and not DATE_ATTR.search(_class(d))]  # "user-action-time": when the user answered, not who
    if by_markup.get("author") is not None:
        named_by = [by_markup["author"]]
        if not by_markup["author"].text_content().strip():  # <meta itemprop="name" content="Jo">
            author = " ".join(by_markup["author"].get("content", "").split())[:200] or None
            named_by = []
    if (dated := by_markup.get("date")) is not None:
        date = dated.get("content") or _datetime(dated) or _short_text(dated)
        meta.add(dated)
    for d in own:
        attrs = _attrs(d)
        if date is None:
            if d.tag == "time":
                date = _datetime(d) or _short_text(d)
                meta.add(d)
            elif (DATE_ATTR.search(attrs) and len(d.text_content()) < 80 and not BODY_ATTR.search(attrs)
                  and not MEMBER_SINCE.search(d.text_content())):
                date = _datetime(d) or d.get("title") or _short_text(d)
                meta.add(d)
            elif ISO_TITLE.match(d.get("title", "")) and len(d.text_content()) < 80:
                date = d.get("title")
                meta.add(d)
    badges = {d for d in named_by if not _is_name_text(" ".join(d.text_content().split()))}
    dates = {d for d in meta if d in named_by or any(a in named_by for a in d.iterancestors())}
    # the name as shown: without the date or the badge a header prints inside it
    # ("<cite>Jo <span>16 minutes ago</span></cite>", "Jo <div class=author-fans>349 Fans</div>")
    shown = {d: " ".join(element_text(d, dates | (badges - {d})).split()) for d in named_by}
    names = [d for d in named_by if _is_name_text(shown[d])]
    if names:
        # the innermost naming element: b.fn, not the header "comment-author" around name and date
        best = min(names, key=lambda d: sum(1 for _ in d.iterdescendants()))
        author = shown[best][:200] or None
        if "\n" in element_text(best, dates | badges):  # a card: the name links to the profile, a motto or a rank beside it
            author = next((name for a in best.iter("a") if _is_name_text(name := " ".join(a.text_content().split()))
                           and len(name) <= NAME_CHARS and "#" not in a.get("href", "#") and not PERMALINK_TEXT.search(name)),
                          author)
        byline = _short_text(max(names, key=lambda d: len(d.text_content())))
    meta.update(named_by)
    return author, date, byline, meta


# A header line around a comment's date: "<p class=cm-meta><a>Jo</a> — <a class=time>July 10th, 2012</a></p>"
HEADER_LINE_ATTR = re.compile(r"(?:^|[\s_-])(?:meta|byline|info|header|head|details|posted|postmeta|submitted)(?:$|[\s_-])", re.I)
HEADER_LINE_CHARS = 120


def _header_lines_around_dates(meta: set[HtmlElement], item: HtmlElement) -> set[HtmlElement]:
    """The short elements named for a header (meta, byline, info) just around a date element of
    the item: the name beside the date is in them, not in the words, when nothing was named for it."""
    lines: set[HtmlElement] = set()
    for dated in meta:
        for anc in _ancestors_within(dated, item)[:2]:
            if (HEADER_LINE_ATTR.search(_class(anc)) and not BODY_ATTR.search(_class(anc))
                    and len(" ".join(anc.text_content().split())) <= HEADER_LINE_CHARS
                    and not anc.xpath(".//p | .//div | .//li | .//blockquote")):
                lines.add(anc)
                break
    return lines


# WordPress marks each comment's level in the thread on its class ("comment odd depth-2"), however flat the list.
DEPTH_CLASS = re.compile(r"(?:^|\s)depth-(\d{1,2})(?:\s|$)")


def _beside_in_box(item: HtmlElement, box: HtmlElement, nested: set[HtmlElement]) -> list[HtmlElement]:
    """The elements of ``box`` around ``item``: neither the item, its replies nor what holds it."""
    holding = set(_ancestors_within(item, box))
    return [d for d in _own_elements(box, nested | {item}) if d not in holding]


def _split_item(item: HtmlElement, nested: set[HtmlElement], min_chars: int,
                beside: list[HtmlElement] | None = None, box: HtmlElement | None = None) -> FoundComment | None:
    """Author, date and body text of one comment item, leaving out its replies; ``beside`` are
    separate elements naming who and when (the dt before a dd, a dd footer after it); ``box`` the
    wrapper that holds this item and no other (where a header beside the words names who and when)."""
    own = _own_elements(item, nested)
    around = _beside_in_box(item, box, nested) if box is not None and not _skipped(item) else []
    if beside:
        head, *feet = ([part, *(d for d in part.iterdescendants() if isinstance(d.tag, str))] for part in beside)
        own = [*head, *own, *(d for foot in feet for d in foot)]
    by_markup = _microdata(own)
    author, date, byline, meta = _named_fields(own, item, by_markup)
    if (around and (author or date) and not any(BODY_ATTR.search(_class(d)) for d in own) and any(
            BODY_ATTR.search(_class(d)) and not META_ATTR.search(_class(d)) and not _skipped(d) for d in around)):
        return _split_item(box, nested, min_chars, beside)  # the item named a comment is its header; the words sit beside it
    box_lines: list[str] = []
    if around and (author is None or date is None):
        box_author, box_date, box_byline, box_meta = _named_fields(around, box, _microdata(around))
        author, date, byline = author or box_author or _profile_link_name(around), date or box_date, byline or box_byline
        box_lines = [t for d in _outermost(_in_page_order(box_meta, box)) if (t := _short_text(d))]
        box_lines += [line for line in _header_lines(around, [], nested) if line not in box_lines]
    avatar = None if author else _avatar_name(own + around)
    # never a button's label ("button-text") or the words of a post it quotes ("bbCodeBlock-content")
    candidates = [d for d in own if BODY_ATTR.search(_class(d)) and not META_ATTR.search(_class(d))
                  and not TITLE_ATTR.search(_class(d)) and not _skipped(d) and not BUTTON_ATTR.search(_attrs(d)) and not any(
                      _skipped(a) or a.tag in {"a", "blockquote"} or BUTTON_ATTR.search(_attrs(a)) or TITLE_ATTR.search(_class(a))
                      or "quote" in a.get("class", "").lower() for a in _ancestors_within(d, item))]
    strong = [d for d in candidates if STRONG_BODY_ATTR.search(_class(d))]
    bodies = _outermost(strong or candidates)
    if by_markup.get("text") is not None:
        bodies = [by_markup["text"]]
    if author is None and date is not None and bodies:  # the header line printed inside the words' element
        meta |= {h for h in _header_lines_around_dates(meta, item) if any(b in h.iterancestors() for b in bodies)}
    # the name and the date may sit inside the element named for the words: they are not the words
    text = "\n".join(t for b in bodies if (t := element_text(b, nested | meta)))
    whole = len(element_text(item, nested))
    above = False  # the words were told from a notice by where they stand: however short, they are the body
    if strong and by_markup.get("text") is None and (
            weak := _outermost([d for d in candidates if d not in strong and not any(a in strong for a in d.iterancestors())
                                and not any(s in strong for s in d.iterdescendants())])):
        # a notice named "…-text" beside the element named "…-body" ("badges_opt_out_text"): the body holds the words;
        # a notice is a sliver, or it stands above the name while the body follows it
        order = {d: i for i, d in enumerate(own)}
        names = [order[m] for m in meta if m in order]
        above = bool(names) and max(order[d] for d in strong) < min(names) < min(order[d] for d in weak)
        weak_text = "\n".join(t for b in weak if (t := element_text(b, nested | meta | set(strong))))
        if weak_text and (above or (len(text) < 0.3 * whole and len(weak_text) >= 0.3 * whole and len(weak_text) > len(text))):
            bodies, text = weak, weak_text
        else:
            above = False
    if text and (title := _comment_title(bodies[0], item, meta)):
        text = f"{title}\n{text}"
    # a "body" holding a sliver of the comment is a button or a label, not the comment
    if not bodies or (len(text) < 0.3 * whole and not above):
        for d in own:
            if META_ATTR.search(_attrs(d)) and not d.xpath(".//p"):
                meta.add(d)
        # a heading above the byline is the post's subject, a header line, not the words under it
        subjects = {h for h in own if h.tag in TITLE_TAGS and h not in meta and any(s in meta for s in h.itersiblings())}
        # unless the header box holds the body too ("ugc-info" around name, date and a three-word comment)
        text = max(element_text(item, nested | meta | subjects), text, key=len)
    if len(text) < min_chars:
        return None
    # the meta lines left out of the body may hold the date ("July 11, 2011 at 12:25 pm")
    meta_lines = [t for d in _outermost(_in_page_order(meta, item)) if (t := _short_text(d))]
    meta_lines += [line for line in _header_lines(own, bodies, nested) if line not in meta_lines]
    for part in beside or []:  # the dt before the words: "1. Le 5 avril 2010, 10:20 par Pierre"
        meta_lines += [line for line in element_text(part).split("\n") if line not in meta_lines]
    meta_lines += [line for line in box_lines if line not in meta_lines]
    # a quote inside the words; a blockquote that holds all of them (forum software) is the body
    quoting = [(d, element_text(d)) for d in own if d.tag == "blockquote" or "quote" in d.get("class", "").lower()]
    body_words = len(re.findall(r"\w+", text))
    inner = {d for d, words in quoting if body_words - len(re.findall(r"\w+", words)) >= WORDS_BESIDE_QUOTE}
    quotes = [words for d, words in quoting if d in _outermost(list(inner))]
    # the rest of the item beside its body: a date may sit in an element named for nothing ("rough-age")
    loose = [line for line in element_text(item, nested | set(bodies) | meta).split("\n")
             if line and line not in meta_lines] if bodies and date is None else []
    head = _lines_above(item, bodies[0], own, nested | meta) if bodies and author is None else []
    if author is None and date is None and not head:
        head = _header_before(item, nested)
    # on the item, or on the element just around it (div.comment.depth-2 > div.thecomment)
    level = next((m for el in (item, item.getparent()) if el is not None and el not in nested
                  and (m := DEPTH_CLASS.search(el.get("class", "")))), None)
    return FoundComment(text=text, author=author, date_raw=date, marks=_attrs(item), byline=byline,
                        meta_lines=meta_lines, quotes=quotes, loose_lines=loose[:LOOSE_LINES],
                        depth=int(level[1]) if level else None, avatar_name=avatar, head_lines=head[-HEAD_LINES:])


HEAD_LINES = 8


def _lines_above(item: HtmlElement, body: HtmlElement, own: list[HtmlElement], exclude: set[HtmlElement]) -> list[str]:
    """The item's lines above its words (the body element and all that follows it left out): where a
    header names who and when in elements named for nothing ("<b>Jo</b> on <a>Sep 21</a> said:")."""
    if body not in own:
        return []
    after = set(own[own.index(body):])  # the body, its words and what follows (its ancestors come before it)
    return [line for line in element_text(item, exclude | after).split("\n") if line]


def _header_before(item: HtmlElement, nested: set[HtmlElement]) -> list[str]:
    """The lines of a short header just before an item that names no one ("30.9.2008 14:28 Jo | blog: …"
    above div#comment2): a thread may print each comment's header as the element before its words."""
    prev = item.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None or prev in nested or prev.tag not in ITEM_TAGS or _is_named_item(prev) or _skipped(prev):
        return []
    text = element_text(prev)
    return [line for line in text.split("\n") if line][:HEAD_LINES] if 0 < len(text) <= HEADER_CHARS * 2 else []  # who and when open it


def _is_comment_title(h1: HtmlElement) -> bool:
    """An h1 that titles the comments or their form ("10 Kommentare", "Leave a reply")."""
    text = " ".join(h1.text_content().split())
    return bool(re.search(r"omment", _attrs(h1)) or COMMENTS_HEADING.match(text)
                or (len(text) < 60 and WRITE_HEADING.search(text)))


def _looks_like_main_content(el: HtmlElement) -> bool:
    return el.tag in {"body", "html"} or any(not _is_comment_title(h1) for h1 in el.iter("h1"))


# A link to a comment on another page ("/other-post/#comment-160596"), not to one on this page ("#comment-5").
OTHER_COMMENT_HREF = re.compile(r"^[^#]+#(?:comments?|respond|kommentar|c)[-_]?\d*$", re.I)
TITLE_WORDS = 3
ENTRY_CONNECTOR = re.compile(r"\s(?:on|bei|zu|dans|sur|en|in|w|на|к|в|über|commented on|schreibt zu|kommentierte|"
                             r"a commenté|comentó en|skomentował[a]?)\s*:?\s*$", re.I)
ENTRY_LEAD_WORDS = 6  # "Helmut Kunz schreibt zu", "Ann on": the name and a connector before the title


def _lists_a_comment_elsewhere(item: HtmlElement, nested: set[HtmlElement]) -> bool:
    """Whether an item is an entry of a recent-comments list: it links, under a post's title, to a
    comment on another page ("Helmut on <a href=/other-post/#comment-9>Other post</a>"), right after
    the name. A comment's own permalink carries a date or a word, not a title; a comment may link to
    a comment elsewhere, but further into its words."""
    text = " ".join(item.text_content().split())
    for a in _own_elements(item, nested):
        href = a.get("href", "").strip() if a.tag == "a" else ""
        if not href or href.startswith("#"):
            continue
        title = " ".join(a.text_content().split())
        at = text.find(title)
        if (len(re.findall(r"[^\W\d]{2,}", title)) < TITLE_WORDS or re.search(r"\d{1,2}:\d{2}", title) or at < 0
                or len(text[:at].split()) > ENTRY_LEAD_WORDS):
            continue
        # to a comment elsewhere, or "Name on|bei|dans|en <a>Post title</a>" to the post itself;
        # a comment of this page ("Jo replied to <a href=/this-post/#comment-5>comment from Mia</a>") is here
        if (OTHER_COMMENT_HREF.match(href) and not _anchored_here(item, href)) or (
                ENTRY_CONNECTOR.search(text[:at]) and len(text[:at].split()) >= 2):
            return True
    return False


def _anchored_here(el: HtmlElement, href: str) -> bool:
    """Whether a link's fragment names an element of this page (an id or an anchor's name)."""
    fragment = href.rsplit("#", 1)[-1]
    return bool(fragment) and bool(el.getroottree().getroot().xpath("//*[@id=$f or @name=$f]", f=fragment))


TEASER_LINK_SHARE = 0.8


def _is_teaser(item: HtmlElement, nested: set[HtmlElement]) -> bool:
    """Whether an item is a link to another page and little else: an entry of a most-read or
    most-commented list ("3.- <a href=/other-post>Title</a>"), not a reader's words."""
    text = " ".join(element_text(item, nested).split())
    if PINGBACK_MARK.search(_attrs(item)) or PINGBACK_TEXT.match(text):
        return False  # a pingback is a link to the page that links here: kept apart, not dropped
    linked = sum(len(" ".join(a.text_content().split())) for a in _own_elements(item, nested)
                 if a.tag == "a" and not a.get("href", "#").strip().lower().startswith(("#", "javascript:")))
    return bool(text) and linked >= TEASER_LINK_SHARE * len(text)


# The blog owner's answer printed inside the comment it answers (li.reply-text): a reply of its own.
REPLY_BLOCK = re.compile(r"(?:^|[\s_-])(?:reply|replies|antwort|respuesta|réponse|risposta)[-_]?"
                         r"(?:text|content|body|message)(?:$|\s)", re.I)


def _with_reply_blocks(items: list[HtmlElement], min_chars: int) -> list[HtmlElement]:
    """The items, each followed by the reply blocks inside it that are no item themselves."""
    chosen = set(items)
    out: list[HtmlElement] = []
    for item in items:
        out.append(item)
        out.extend(d for d in item.iterdescendants() if isinstance(d.tag, str) and d not in chosen
                   and REPLY_BLOCK.search(_class(d)) and len(d.text_content().strip()) >= min_chars
                   and not _all_link(d) and not any(a in chosen and a is not item for a in _ancestors_within(d, item)))
    return out


def _previous_element(el: HtmlElement) -> HtmlElement | None:
    """The element just before ``el`` among its siblings, past comments and processing instructions."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev


def _definition_items(items: list[HtmlElement]) -> tuple[list[HtmlElement], dict[HtmlElement, list[HtmlElement]]]:
    """Items of a definition list read as comments: a dt naming who (and when), the dd after it
    with the words, and any further dd before the next dt (a footer with the date) make one
    comment, whose item is that first dd — whether the dt or the dd was named as the comment."""
    beside: dict[HtmlElement, list[HtmlElement]] = {}
    for dt in items:
        dd = dt.getnext() if dt.tag == "dt" else None
        if dd is None or dd.tag != "dd":
            continue
        parts, nxt = [dt], dd.getnext()
        while nxt is not None and nxt.tag == "dd":
            parts.append(nxt)
            nxt = nxt.getnext()
        beside[dd] = parts
    # a dd named the comment, its dt not (Thesis names both "comment", and a dd holding replies makes
    # the thread's repeated blocks the dds): the dt just before it still names who and when
    named = set(items)
    for item in items:
        # the dd itself, or the dd around the box it holds its words in (dd > div.comment)
        parent = item.getparent()
        dd = item if item.tag == "dd" else parent if parent is not None and parent.tag == "dd" and parent not in named else None
        dt = _previous_element(dd) if dd is not None and item not in beside else None
        if dt is not None and dt.tag == "dt" and dt not in named:
            parts, nxt = [dt], dd.getnext()
            while nxt is not None and nxt.tag == "dd" and nxt not in named:
                parts.append(nxt)
                nxt = nxt.getnext()
            beside[item] = parts
    # a dd whose words all sit in the comment boxes it holds (dd > div.comment, then its replies):
    # the first box is the comment the dt names, the dd only its frame
    frames = set()
    for dd in [el for el in beside if el.tag == "dd"]:
        inner = [d for d in dd.iterdescendants() if d in named and not any(a in named for a in _ancestors_within(d, dd))]
        if inner and inner[0] not in beside and not element_text(dd, set(inner)).strip():
            beside[inner[0]] = beside.pop(dd)
            frames.add(dd)
    taken = {el for parts in beside.values() for el in parts} | frames
    chosen: list[HtmlElement] = []
    for el in items:
        item = next((dd for dd, parts in beside.items() if parts[0] is el), el) if el.tag == "dt" else el
        if item not in taken and item not in chosen:
            chosen.append(item)
    return chosen, beside


BOX_DEPTH = 3


def _item_boxes(items: list[HtmlElement]) -> dict[HtmlElement, HtmlElement]:
    """For each of two or more items, the largest wrapper up to BOX_DEPTH levels above it that holds
    no other item (never a list): the comment's own box, where a theme may print the name and the
    date beside the element it named for the words."""
    if len(items) < 2:
        return {}
    chosen = set(items)
    under = Counter(a for el in items for a in el.iterancestors())
    boxes: dict[HtmlElement, HtmlElement] = {}
    for el in items:
        for depth, anc in enumerate(el.iterancestors()):
            if depth >= BOX_DEPTH or under[anc] > 1 or anc in chosen or anc.tag in LIST_TAGS | WIDGET_STOP:
                break
            boxes[el] = anc
    return boxes


TAB_WORDS = 3
# The words around a link to the comment a reply answers: "replied to <a href=#comment-5>", "<a href=#c5>parent</a>".
REPLY_CUE = re.compile(r"\b(?:repl(?:y|ied|ying)|in reply|parent|antwort\w*|réponse|répondu|respuesta|respondió|"
                       r"risposta|odpowied\w*|ответ\w*)\b", re.I)


def _anchors(items: list[HtmlElement]) -> dict[str, int]:
    """Where each id or anchor name inside the items, or on an empty anchor just before one, belongs:
    the index of the innermost item holding it (a reply comes after the comment that holds it)."""
    found: dict[str, int] = {}
    for j, item in enumerate(items):
        before = item.getprevious()
        marks = [before] if before is not None and isinstance(before.tag, str) and not before.text_content().strip() else []
        for el in (*marks, *item.iter()):
            for key in (el.get("id"), el.get("name")):
                if key:
                    found[key] = j
    return found


def _linked_parent(item: HtmlElement, i: int, nested: set[HtmlElement], anchors: dict[str, int]) -> int | None:
    """The earlier item a reply links to beside a reply cue ("Jo replied to <a href=#comment-5>comment
    from Mia</a>"), when the markup nests nothing."""
    for a in _own_elements(item, nested):
        href = a.get("href", "") if a.tag == "a" else ""
        if "#" not in href or (j := anchors.get(href.rsplit("#", 1)[-1])) is None or j >= i:
            continue
        before = (a.getprevious().tail if a.getprevious() is not None else a.getparent().text) or ""
        if REPLY_CUE.search(f"{before[-40:]} {a.text_content()}"):
            return j
    return None


def _split_items(items: list[HtmlElement], min_chars: int, section: CommentSection) -> int:
    """Append the comments of ``items`` (replies nested inside items allowed); return how many."""
    items, headers = _definition_items(items)
    items = _with_reply_blocks(items, min_chars)
    nested_of = set(items)
    header_parts = {p for parts in headers.values() for p in parts}  # a reply's dt is no part of the dd around it
    parents = _parents(items)
    boxes = _item_boxes(items)
    kept: dict[int, int] = {}
    anchors: dict[str, int] | None = None  # read once, when a reply links to the comment it answers
    found = 0
    for i, item in enumerate(items):
        if _lists_a_comment_elsewhere(item, nested_of - {item}):
            continue
        comment = _split_item(item, (nested_of | header_parts) - {item}, min_chars, headers.get(item), boxes.get(item))
        # with no name and no date, a link and little else is a teaser; a few words, all a link, a tab or a button
        if comment is None or (not (comment.author or comment.date_raw) and (
                _is_teaser(item, nested_of - {item}) or (_all_link(item) and len(comment.text.split()) <= TAB_WORDS
                                                         and not PINGBACK_MARK.search(_attrs(item))))):
            continue
        parent = parents[i]
        if parent is None:
            anchors = _anchors(items) if anchors is None else anchors
            parent = _linked_parent(item, i, nested_of - {item}, anchors)
        comment.parent = kept.get(parent) if parent is not None else None
        kept[i] = len(section.comments)
        section.comments.append(comment)
        found += 1
    return found


COMMENT_PART = re.compile(r"comment|kommentar|comentario|komentarz|reactie", re.I)


def _hidden_within(el: HtmlElement, container: HtmlElement) -> bool:
    """Whether the element, or a box around it inside the container, is hidden: a legend of badges
    or a template the comment system shows on demand. A box named for the comments, hidden until a
    "show comments" button opens it, holds the thread."""
    return _hidden(el) or any((_hidden(a) and not COMMENT_PART.search(_attrs(a)))
                              # a "most recommended" board inside the comments box lists comments, it holds none
                              or (LEADERBOARD.search(_attrs(a)) and not _holds_prose(a)) for a in _ancestors_within(el, container))


LEADERBOARD = re.compile(r"leaderboard|most-?(?:popular|recommended|liked|read|commented)|top-?comments", re.I)


def _split_container(container: HtmlElement, min_chars: int, section: CommentSection,
                     leftovers: list[HtmlElement]) -> None:
    """The comments of one container into ``section``; a form or a small box without comments
    into ``leftovers`` (pruned with the comments, never read as them)."""
    items = [el for el in _named_items(container) if not _hidden_within(el, container)]
    with_form = False
    sig = _item_signature(container, min_chars)
    repeats = [el for el in container.iter(sig[0]) if _signature(el) == sig and el is not container
               and not any(a.tag == "form" for a in el.iterancestors()) and not _hidden_within(el, container)] if sig else []
    # a "comment" that holds two or more repeated comment blocks is the thread's wrapper: the blocks are the comments
    if items and sig and COMMENT_PART.search(sig[1]) and any(
            sum(1 for r in repeats if el in r.iterancestors()) >= 2 for el in items):
        items = []
    if not items:
        # a comment form, not comments; a box holding the form and the thread is split like any other
        with_form = bool(container.xpath(".//textarea | .//form"))
        items = repeats
        if with_form and not items and len(container.text_content().strip()) < 4 * SMALL_CONTAINER_CHARS:
            leftovers.append(container)
            return
    before = len(section.comments)
    if items and _split_items(items, min_chars, section):
        languages = date_languages(container.getroottree().getroot().get("lang"))
        if with_form and not any(_signed(c, languages) for c in section.comments[before:]):
            # beside a form, unnamed undated blocks are its rules and options, not a thread
            del section.comments[before:]
            leftovers.append(container)
            return
        section.containers.append(container)
    elif len(container.text_content().strip()) < SMALL_CONTAINER_CHARS:
        leftovers.append(container)


def _signed(c: FoundComment, languages: tuple[str, ...]) -> bool:
    """Whether a block shows who or when: in parts named for them, or on its first line, a name and
    a date ("Jo On Friday, November 2 at 12:14 pm" in the comment's heading)."""
    first = c.text.split("\n", 1)[0]
    return bool(c.author or c.date_raw or c.meta_lines
                or (len(first) <= 2 * NAME_CHARS and split_name_date(first, languages)))


def _form_box(el: HtmlElement) -> bool:
    """A box holding a comment form and little else: never one of the comments its siblings of the
    same kind may be."""
    if not el.xpath(".//form | .//textarea"):
        return False
    text = " ".join(element_text(el).split())  # without the form: a heading ("Add a comment") or nothing
    return not text or bool(PROMPT.search(text) and len(text) <= FORM_BOX_CHARS)


FORM_BOX_CHARS = 60


def _from_generic_containers(candidates: list[HtmlElement], min_chars: int) -> CommentSection | None:
    outer = [c for c in _outermost(candidates) if not _looks_like_main_content(c)]
    # widgets listing comments on other posts are pruned with the comments but never read as them
    leftovers: list[HtmlElement] = [c for c in outer if _in_widget(c, _named_thread(c)) and not _numbered_thread(c)]
    containers = [c for c in outer if c not in leftovers]
    section = CommentSection(method="generic")
    # sibling "containers" sharing one signature are the comments themselves (div.Comment x N)
    groups: dict[tuple, list[HtmlElement]] = {}
    for c in containers:
        # comments that each sit in their own wrapper (nested threads) still form one group
        key = (None, _signature(c)) if _is_named_item(c) else (c.getparent(), _signature(c))
        groups.setdefault(key, []).append(c)
    for (_, sig), group in groups.items():
        # lists that hold named comments are lists, however many the theme prints (one may be empty)
        group = [g for g in group if not _form_box(g)] or group  # the form's card beside the thread's is no comment
        if len(group) >= 2 and not any(len(_named_items(g)) >= 2 for g in group):
            items = [el for g in group for el in g.iter(sig[0]) if _signature(el) == sig]
            if _split_items(items, min_chars, section):
                section.containers.extend(group)
            continue
        for container in group:
            _split_container(container, min_chars, section, leftovers)
    if not section.comments:
        return None
    # comment boxes without comments ("log in to comment", counters) go with the comments
    section.containers.extend(leftovers)
    return section


# A heading that is nothing but the word for comments, plural or counted: "Kommentare", "3 Comments",
# "1 Kommentar", "Comments (12)", "Leserkommentare", "Комментарии", "评论" ... A bare singular
# ("Comment", "Kommentar") is how newspapers label an opinion piece, so it does not count.
_PLURAL = (r"comments|kommentare|commentaires|comentarios|commenti|komentarze|reacties|reaktionen|"
           r"комментарии|评论|評論|留言|댓글|نظرات")
_SINGULAR = r"comment|kommentar|commentaire|comentario|komentarz|комментари(?:й|я|ев)"
COMMENTS_HEADING = re.compile(
    rf"^(?:(?:reader\s+|leser-?)?(?:{_PLURAL})(?:\s*[(\[]?\d+[)\]]?)?|\d+\s+(?:{_PLURAL}|{_SINGULAR}))\s*:?$",
    re.I)
# Where the comments end: the form and its heading ("Kommentar schreiben", "Leave a reply" ...).
WRITE_HEADING = re.compile(r"schreiben|verfassen|leave a|write a|post a|add a|send a|submit a|envoyer|enviar|napisz|dodaj|your comment|ihr kommentar|"
                           r"reply|antworten|écrire|laisser|escribir|deja", re.I)
HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6", "div", "p", "span", "strong", "b", "header", "a"}


def _comment_headings(tree: HtmlElement) -> list[HtmlElement]:
    """Elements whose whole text is a comments heading (the outermost such wrapper)."""
    found: list[HtmlElement] = []
    for el in tree.iter(*HEADING_TAGS):
        own = el.text
        if not own or len(own) > 60 or not COMMENTS_HEADING.match(own.strip()):
            continue
        # <h2><span>Comments</span></h2>, <h3>Kommentare <small>(2)</small></h3>: take the wrapper
        while el.getparent() is not None and el.getparent().tag in HEADING_TAGS and COMMENTS_HEADING.match(
                " ".join(el.getparent().text_content().split()[:6])):
            el = el.getparent()
        if el not in found and COMMENTS_HEADING.match(" ".join(el.text_content().split())):
            found.append(el)
    return found


# A comment block says who wrote it or when: "von X", "X says", "X schrieb", or a date.
COMMENT_CUE = re.compile(
    r"\b(?:von|by|says|sagt|schrieb|wrote|écrit|escribió|написал)\b|"
    r"\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zäÄ]+)\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\bago\b|\bvor\s+\d",
    re.I | re.M)


def _reads_like_a_comment(item: HtmlElement) -> bool:
    """Says who or when (COMMENT_CUE), and is mostly its own words, not links (a teaser list)."""
    text = element_text(item)
    links = sum(len(" ".join(a.text_content().split())) for a in item.iter("a"))
    return bool(text) and links < 0.5 * len(text) and bool(COMMENT_CUE.search(text[:200]))


def _before_the_title(tree: HtmlElement, heading: HtmlElement) -> bool:
    """Whether ``heading`` comes before the page's first h1 (a menu entry, a section label)."""
    title = next(tree.iter("h1"), None)
    return title is not None and next(el for el in tree.iter() if el is heading or el is title) is heading


def _heading_led(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    """Comments that follow a bare "Comments" heading, one block each, up to the comment form.

    Only after the page title: a "Comments" label above the headline is navigation, not a thread."""
    for heading in _comment_headings(tree):
        if _before_the_title(tree, heading) or _in_widget(heading):
            continue
        blocks: list[HtmlElement] = []
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag in SKIP_TAGS:
                continue
            text = " ".join(sibling.text_content().split())
            if sibling.xpath("self::form | .//form | .//textarea") or WRITE_HEADING.search(text[:60]):
                break
            if sibling.tag not in ITEM_TAGS | LIST_TAGS or len(text) < min_chars:
                continue
            blocks.append(sibling)
        if len(blocks) == 1:  # one wrapper: its repeated children are the comments
            sig = _item_signature(blocks[0], min_chars)
            inner = [el for el in blocks[0].iter(sig[0]) if _signature(el) == sig and el is not blocks[0]] if sig else []
            items = inner or blocks
        else:
            items = blocks
        if not items or any(_looks_like_main_content(b) for b in blocks) or not all(
                _reads_like_a_comment(item) for item in items):
            continue
        section = CommentSection(method="heading")
        if _split_items(items, min_chars, section):
            section.containers = [heading, *blocks]
            return section
    return None


def find_comments(tree: HtmlElement, min_chars: int = 2, url: str | None = None,
                  use_trafilatura: bool = True) -> CommentSection:
    """The page's comments, split one per comment, and the containers that held them."""
    found = _from_known_markup(tree, min_chars) or _from_forum_posts(tree, min_chars) or _from_answers(tree, min_chars)
    if found:
        return found
    named = CANDIDATES_XPATH(tree)
    candidates = _comment_containers(named) + _forum_post_lists(tree)
    found = (_from_generic_containers(candidates, min_chars) or _heading_led(tree, min_chars)
             or _from_microdata_items(tree, min_chars) or _from_generic_containers(_review_lists(named), min_chars))
    if found:
        return found
    # a sidebar's comment widget is no sign of a thread trafilatura could find
    if use_trafilatura and any(not _looks_like_main_content(c) and c.text_content().strip() and not _in_widget(c)
                               for c in candidates):
        return comments_by_trafilatura(tree, url, min_chars)
    return CommentSection()


# A Q&A page marks its question and answers up as schema.org items: the question is the article.
ANSWERS_XPATH = etree.XPath("//*[contains(@itemtype, 'schema.org/Answer')]")
QUESTION_XPATH = etree.XPath("//*[contains(@itemtype, 'schema.org/Question')]")


def _from_answers(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    """A Q&A page's answers, with the comments under the question and under each answer: the answers
    and the question's comments are top-level, an answer's comments its replies."""
    answers = [el for el in ANSWERS_XPATH(tree) if not _in_widget(el)]
    questions = QUESTION_XPATH(tree)
    if not answers or not questions:
        return None
    chosen = set(answers)
    comments = [el for box in _outermost(questions + answers) for el in _named_items(box) if el not in chosen]
    order = {el: i for i, el in enumerate(tree.iter())}
    items = sorted(set(answers) | set(comments), key=lambda el: order.get(el, -1))
    section = CommentSection(method="answers")
    if not _split_items(items, min_chars, section):
        return None
    section.containers = _outermost(answers + comments)
    return section


# schema.org names a comment or a review outright, on markup that names nothing else (itemtype=".../Review").
MICRODATA_ITEMS_XPATH = etree.XPath(
    "//*[contains(@itemtype, 'schema.org/Comment') or contains(@itemtype, 'schema.org/Review')"
    " or contains(@itemtype, 'schema.org/UserComments')]")


def _from_microdata_items(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    """Two or more comments or reviews the page marks up as schema.org items (a shop's or a
    restaurant's reviews), outside sidebars; never an item that holds the page's headline (a review
    that is the article)."""
    items = [el for el in MICRODATA_ITEMS_XPATH(tree) if next(el.iter("h1"), None) is None and not _in_widget(el)]
    if len(items) < 2:
        return None
    section = CommentSection(method="microdata")
    if not _split_items(items, min_chars, section):
        return None
    section.containers = _outermost([el.getparent() for el in items if el.getparent() is not None])
    return section


# Up to four words with no sentence ending: a heading or a label, when nothing marks a comment.
LABEL_BLOCK = re.compile(r"^(?:[^\s.!?…]+\s?){1,4}$")


def split_trafilatura_comments(commentsbody: etree._Element | None, min_chars: int = 2) -> list[FoundComment]:
    """One comment per top-level block of trafilatura's comments XML, for markup we cannot split."""
    if commentsbody is None:
        return []
    found = []
    for block in commentsbody:
        text = " ".join(" ".join(block.itertext()).split())
        # a bare label ("Ihre Meinung", "Log In", a site name) is the box's furniture, not a comment;
        # a block that says neither who nor when is the box's notes, rules or teasers
        if len(text) >= min_chars and not LABEL_BLOCK.match(text) and COMMENT_CUE.search(text[:200]):
            found.append(FoundComment(text=text))
    return found


DIALOG_XPATH = etree.XPath("//*[@role='dialog' or @role='alertdialog' or contains(concat(' ', normalize-space(@class), ' '),"
                           " ' modal ')]")


def comments_by_trafilatura(tree: HtmlElement, url: str | None, min_chars: int = 2) -> CommentSection:
    """Layer 3: trafilatura's comment extraction on a cleaned copy, one comment per XML block.

    Runs only where a comment container exists but the markup gave no items to split by.
    """
    from copy import deepcopy

    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_comments
    from trafilatura.settings import Extractor as TrafilaturaOptions

    options = TrafilaturaOptions(comments=True, url=url)
    copy = deepcopy(tree)
    for box in DIALOG_XPATH(copy):  # error and report dialogs of the comment system: shown on demand, never comments
        if box.getparent() is not None:
            box.drop_tree()
    cleaned = convert_tags(tree_cleaning(copy, options), options, url)
    commentsbody, _, _ = extract_comments(cleaned, options)
    found = split_trafilatura_comments(commentsbody, min_chars)
    return CommentSection(comments=found, method="trafilatura") if found else CommentSection()


