"""Find reader comments in a parsed page and split them into one record per comment.

Three layers, first hit wins:
1. known markups (WordPress ``ol.comment-list``, static Disqus ``#disqus_thread``, a generic
   ``section.comments`` of ``div.comment``), read with exact XPaths;
2. a generic splitter for any comment container (class or id containing "comment", Disqus ids):
   the items are the repeated child elements of the container, replies included;
3. trafilatura's own comment extraction (its XML body), split one block per comment when the
   markup gave no items to split by.
The containers found are returned so the caller can prune them before extracting the main text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}


@dataclass
class FoundComment:
    """One comment as read from the page, before it becomes a Comment record."""

    text: str
    author: str | None = None
    published_at: str | None = None
    parent: int | None = None  # index (in the page's list) of the comment this one answers


@dataclass
class CommentSection:
    """The comments of one page, how they were found, and the elements that held them."""

    comments: list[FoundComment] = field(default_factory=list)
    containers: list[HtmlElement] = field(default_factory=list)
    method: str = "none"  # wordpress | disqus | generic-section | generic | trafilatura | none


def _cls(expr: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {expr} ')"


KNOWN_MARKUPS: tuple[dict[str, str], ...] = (
    {
        "name": "wordpress",
        "container": "//*[@id='comments' or " + _cls("comments-area") + "]",
        "item": "//*[self::ol or self::ul][contains(@class, 'comment-list') or contains(@class, 'commentlist')]"
                "//li[" + _cls("comment") + " or starts-with(@id, 'comment-') or starts-with(@id, 'li-comment-')]",
        "body": "./article//div[contains(@class, 'comment-content')] | ./div[contains(@class, 'comment-content')]"
                " | ./div[contains(@class, 'comment-body')]/div[contains(@class, 'comment-content')]",
        "author": ".//*[contains(@class, 'comment-author')]//*[contains(@class, 'fn')]",
        "date": ".//*[contains(@class, 'comment-metadata') or contains(@class, 'comment-meta')]//time/@datetime",
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
        "name": "generic-section",
        "container": "//section[contains(@class, 'comments')]",
        "item": "//section[contains(@class, 'comments')]//div[" + _cls("comment") + "]",
        "body": "./div[contains(@class, 'comment-text')]",
        "author": ".//*[contains(@class, 'comment-author')]",
        "date": ".//*[contains(@class, 'comment-date')]",
    },
)

# Comment containers, as trafilatura finds them, on the raw tree (lists are still ol/ul here).
_COMMENT_WORD = (r"(?:^|[\s_-]|[a-z](?=[CK]))(?:[Cc]omments?|[Kk]ommentare?)"
                 r"(?:$|[\s_-]|List|Box|Area|Section|Container|Wrap|Holder)")
CONTAINER_XPATH = etree.XPath(
    f"""//*[self::div or self::section or self::ol or self::ul or self::aside or self::dl or self::article][
        re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or
        re:test(@id, '{_COMMENT_WORD}') or re:test(@class, '{_COMMENT_WORD}') or
        re:test(@class, 'comment-?list|comment-page|comments-content|post-comments')]""",
    namespaces=REGEXP_NS,
)
SKIP_TAGS = {"form", "textarea", "script", "style", "noscript", "button", "input", "select", "svg",
             "iframe", "nav"}
SKIP_ATTR = re.compile(r"respond|reply-?form|comment-?form|comment-reply|reply-link|pagination|"
                       r"comment-nav|navigation|avatar|share|vote|rating|like|report|login|subscribe", re.I)
META_ATTR = re.compile(r"author|autor|datum|meta|date|time|vcard|byline|user|name|header|footer|says|permalink|"
                       r"info|details", re.I)
BODY_ATTR = re.compile(r"(?:content|text|message|body|entry)(?:$|[\s_-])", re.I)
STRONG_BODY_ATTR = re.compile(r"(?:content|text|message)(?:$|[\s_-])", re.I)
# An element that is one comment by its own name: comment-123, li-comment-5, kommentar_42,
# class "comment" / "comment-item" / "commentEntry" / "review" ...
ITEM_ID = re.compile(r"(?:^|[-_])(?:comment|kommentar|reply|review|post)[-_]?\d+$|^c\d{4,}$", re.I)
ITEM_CLASS = re.compile(r"^(?:[a-z]*[-_]?comment|kommentar|review)(?:[-_]?(?:item|entry|wrap|single|container))?$", re.I)
AUTHOR_ATTR = re.compile(r"(?:^|[\s_-])(?:fn|author|autor|user|user-?name|username|nick|name|commenter|poster)(?:$|[\s_-])", re.I)
DATE_ATTR = re.compile(r"date|datum|time|published", re.I)
BLOCK_TAGS = {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt",
              "tr", "section", "article", "br", "ul", "ol", "table", "header", "footer"}
ITEM_TAGS = {"li", "article", "div", "section", "dd", "dt", "blockquote", "table", "tr", "p"}


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _skipped(el: HtmlElement) -> bool:
    return not isinstance(el.tag, str) or el.tag in SKIP_TAGS or bool(SKIP_ATTR.search(_attrs(el)))


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


def element_text(el: HtmlElement, exclude: set[HtmlElement] | None = None) -> str:
    """Readable text of an element: one line per block, whitespace collapsed, tail excluded."""
    parts: list[str] = []
    tail, el.tail = el.tail, None
    try:
        _collect_text(el, exclude or set(), parts)
    finally:
        el.tail = tail
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _short_text(value: object) -> str | None:
    text = value if isinstance(value, str) else value.text_content() if value is not None else ""
    text = " ".join(str(text).split())
    return text[:200] or None


def _first(node: HtmlElement, xpath: str) -> str | None:
    found = node.xpath(xpath)
    return _short_text(found[0]) if found else None


def _parents(items: list[HtmlElement]) -> list[int | None]:
    """For each item, the index of the nearest item that contains it (the comment it answers)."""
    index = {el: i for i, el in enumerate(items)}
    parents: list[int | None] = []
    for el in items:
        parent = None
        for anc in el.iterancestors():
            if anc in index:
                parent = index[anc]
                break
        parents.append(parent)
    return parents


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _from_known_markup(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    for markup in KNOWN_MARKUPS:
        items = tree.xpath(markup["item"])
        if not items:
            continue
        section = CommentSection(method=markup["name"])
        section.containers = _outermost(tree.xpath(markup["container"])) or _outermost(
            [el.getparent() for el in items if el.getparent() is not None])
        parents = _parents(items)
        kept: dict[int, int] = {}
        for i, item in enumerate(items):
            bodies = item.xpath(markup["body"])
            if not bodies:
                continue
            text = element_text(bodies[0])
            if len(text) < min_chars:
                continue
            kept[i] = len(section.comments)
            parent = parents[i]
            section.comments.append(FoundComment(
                text=text, author=_first(item, markup["author"]),
                published_at=_first(item, markup["date"]),
                parent=kept.get(parent) if parent is not None else None,
            ))
        if section.comments:
            return section
    return None


def _signature(el: HtmlElement) -> tuple[str, str]:
    classes = el.get("class", "").split()
    # id patterns such as comment-123 / li-comment-5 count as one signature
    return (el.tag, classes[0] if classes else re.sub(r"\d+", "#", el.get("id", "")))


def _named_items(container: HtmlElement) -> list[HtmlElement]:
    """Elements that call themselves one comment (by id or class), replies included."""
    return [el for el in container.iterdescendants() if isinstance(el.tag, str) and el.tag in ITEM_TAGS
            and (ITEM_ID.search(el.get("id", "")) or any(ITEM_CLASS.match(c) for c in el.get("class", "").split()))]


def _item_signature(container: HtmlElement, min_chars: int) -> tuple[str, str] | None:
    """The signature of the comment items: the first level (breadth first) where at least two
    sibling elements share tag and first class and carry text."""
    queue = [container]
    while queue:
        node = queue.pop(0)
        children = [c for c in node if isinstance(c.tag, str) and not _skipped(c)]
        counts: Counter[tuple[str, str]] = Counter()
        sizes: Counter[tuple[str, str]] = Counter()
        for c in children:
            size = len(c.text_content().strip())
            if c.tag in ITEM_TAGS and size >= min_chars:
                counts[_signature(c)] += 1
                sizes[_signature(c)] += size
        repeated = [sig for sig, n in counts.items() if n >= 2]
        if repeated:
            # the comments are the repeated elements holding the most text (not their headers)
            return max(repeated, key=lambda sig: sizes[sig])
        queue.extend(children)
    return None


def _split_item(item: HtmlElement, nested: set[HtmlElement], min_chars: int) -> FoundComment | None:
    """Author, date and body text of one comment item, leaving out its replies."""
    own = [d for d in item.iterdescendants() if isinstance(d.tag, str)
           and not any(a in nested for a in d.iterancestors() if a is not item)
           and d not in nested]
    author = date = None
    meta: set[HtmlElement] = set()
    for d in own:
        attrs = _attrs(d)
        if author is None and (AUTHOR_ATTR.search(attrs) or d.tag == "cite") and len(d.text_content()) < 120:
            author = _short_text(d)
            meta.add(d)
        if date is None:
            if d.tag == "time":
                date = d.get("datetime") or _short_text(d)
                meta.add(d)
            elif DATE_ATTR.search(attrs) and len(d.text_content()) < 80 and not BODY_ATTR.search(attrs):
                date = d.get("datetime") or d.get("title") or _short_text(d)
                meta.add(d)
    candidates = [d for d in own if BODY_ATTR.search(d.get("class", "")) and not META_ATTR.search(d.get("class", ""))]
    bodies = _outermost([d for d in candidates if STRONG_BODY_ATTR.search(d.get("class", ""))] or candidates)
    if bodies:
        text = "\n".join(t for b in bodies if (t := element_text(b, nested)))
    else:
        for d in own:
            if META_ATTR.search(_attrs(d)) and not d.xpath(".//p"):
                meta.add(d)
        text = element_text(item, nested | meta)
    if len(text) < min_chars:
        return None
    return FoundComment(text=text, author=author, published_at=date)


def _looks_like_main_content(el: HtmlElement) -> bool:
    return bool(el.xpath(".//h1")) or el.tag in {"body", "html"}


def _split_items(items: list[HtmlElement], min_chars: int, section: CommentSection) -> int:
    """Append the comments of ``items`` (replies nested inside items allowed); return how many."""
    nested_of = set(items)
    parents = _parents(items)
    kept: dict[int, int] = {}
    found = 0
    for i, item in enumerate(items):
        comment = _split_item(item, nested_of - {item}, min_chars)
        if comment is None:
            continue
        parent = parents[i]
        comment.parent = kept.get(parent) if parent is not None else None
        kept[i] = len(section.comments)
        section.comments.append(comment)
        found += 1
    return found


def _from_generic_containers(tree: HtmlElement, min_chars: int) -> CommentSection | None:
    containers = [c for c in _outermost(CONTAINER_XPATH(tree)) if not _looks_like_main_content(c)]
    section = CommentSection(method="generic")
    # sibling "containers" sharing one signature are the comments themselves (div.Comment x N)
    groups: dict[tuple, list[HtmlElement]] = {}
    for c in containers:
        groups.setdefault((c.getparent(), _signature(c)), []).append(c)
    for (_, sig), group in groups.items():
        if len(group) >= 2:
            items = [el for g in group for el in g.iter(sig[0]) if _signature(el) == sig]
            if _split_items(items, min_chars, section):
                section.containers.extend(group)
            continue
        container = group[0]
        sig = _item_signature(container, min_chars)
        if sig is not None:
            items = [el for el in container.iter(sig[0]) if _signature(el) == sig and el is not container]
        else:
            items = _named_items(container)
        if items and _split_items(items, min_chars, section):
            section.containers.append(container)
    return section if section.comments else None


def find_comments(tree: HtmlElement, min_chars: int = 2, url: str | None = None,
                  use_trafilatura: bool = True) -> CommentSection:
    """The page's comments, split one per comment, and the containers that held them."""
    found = _from_known_markup(tree, min_chars) or _from_generic_containers(tree, min_chars)
    if found:
        return found
    if use_trafilatura and has_comment_container(tree):
        return comments_by_trafilatura(tree, url, min_chars)
    return CommentSection()


def split_trafilatura_comments(commentsbody: etree._Element | None, min_chars: int = 2) -> list[FoundComment]:
    """One comment per top-level block of trafilatura's comments XML, for markup we cannot split."""
    if commentsbody is None:
        return []
    found = []
    for block in commentsbody:
        text = " ".join(" ".join(block.itertext()).split())
        if len(text) >= min_chars:
            found.append(FoundComment(text=text))
    return found


def comments_by_trafilatura(tree: HtmlElement, url: str | None, min_chars: int = 2) -> CommentSection:
    """Layer 3: trafilatura's comment extraction on a cleaned copy, one comment per XML block.

    Runs only where a comment container exists but the markup gave no items to split by.
    """
    from copy import deepcopy

    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_comments
    from trafilatura.settings import Extractor as TrafilaturaOptions

    options = TrafilaturaOptions(comments=True, url=url)
    cleaned = convert_tags(tree_cleaning(deepcopy(tree), options), options, url)
    commentsbody, _, _ = extract_comments(cleaned, options)
    found = split_trafilatura_comments(commentsbody, min_chars)
    return CommentSection(comments=found, method="trafilatura") if found else CommentSection()


def has_comment_container(tree: HtmlElement) -> bool:
    """Whether the page has anything that looks like a comment container."""
    return any(not _looks_like_main_content(c) and c.text_content().strip() for c in CONTAINER_XPATH(tree))
