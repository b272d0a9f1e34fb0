"""Turn a comment as found on the page into clean fields: who, when, what — or nothing at all.

The splitters in ``comments`` find comment-shaped blocks; this module decides what each one says.
It takes the author line, the date line, "says:" and the reply/like buttons out of the body and into
their fields, parses the date with dateparser in the page's language (keeping the raw string), marks
pingbacks and trackbacks as ``kind = "pingback"``, and drops records that are interface text — a
prompt to comment, a count, a "no comments" line, a log-in prompt, the site's rules, a form label.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from pipeline.extraction.comment_text import (BUTTON_LINE, BY_LINE, COMPACT_AGE, CONNECTOR_LINE, COUNT_OR_NONE, DATE_HINT, DATE_NOISE, DELETED,
                                              DOTTED_DATE, FORM_LABEL, GREETING, LEAD_MARK_LINE, MEMBER_SINCE, MONTH_WORD, PROFILE_LINK, RELATIVE_DATE, LOGIN_OR_RULES, PINGBACK_MARK, PINGBACK_TEXT, PROMPT, REPLIED_TO,
                                              REPLY_TO_LINE, SAYS_LINE, SAYS_WORDS, TO_READERS, YOUR_COMMENTS)

if TYPE_CHECKING:
    from pipeline.extraction.comments import FoundComment

SAYS_ONLY = re.compile(rf"^\W*(?:{SAYS_WORDS})\s*:\W*$", re.I)
MAX_DATE_CHARS = 60
# a year as dates write it: "2019", "12.03.13", "3/12/13", "Mar '13"
HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)|\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2}(?![\d:])|'\d{2}\b")
USER_NUMBER = re.compile(r"\s*\(\s*\d+\s*\)$")
POST_NUMBER = re.compile(r"^#\d+\s+(?=\S)")  # "#2 2024-08-03 14:22:38": the post's number, then its date
THREAD_NUMBER = re.compile(r"(?:^|\s)#(\d+(?:\.\d+)*)\b")
LEVEL_LINE = re.compile(r"^(?:level|ebene|niveau|nivel|poziom|уровень)\s+(\d+)$", re.I)
MARK_ONLY = re.compile(r"^[#|·•—–\-/:,;*>»↑↓▲▼+]+$")  # a permalink "#", a separator: no "!!" or "?"
EPOCH = re.compile(r"^1\d{9}(?:\d{3})?$")  # 2001-09-09 to 2033-05-18, in seconds or milliseconds
MAX_NAME_CHARS = 60
NUMBERS_ONLY = re.compile(r"^[\d\s|·•/,.:;()\[\]-]+$")  # no letter, no "+1": a pager, not a reader
SHORT_INTERFACE_CHARS = 120  # prompts, counts and labels are short; a comment may say "no comments"
RULES_CHARS = 600  # guidelines and log-in notes run longer, never as long as a discussion
LEAD_LINES = 4
HEAD_NAME_WORDS = 4
# A user name on a line of its own: one token, or two capitalised words, no sentence punctuation.
USERNAME = re.compile(r"^(?:[\w.@-]{2,30}|[A-ZÄÖÜ][\w.-]+ [A-ZÄÖÜ][\w.-]+)$")  # author, "says:", date and a reply number sit in the first few lines
# "Herr Steffen Ecks28.04.2020, 10:27 Uhr", "brigitte 29.04.2019 // 15:27": a date glued to a name
NAME_THEN_DATE = re.compile(r"^(?P<name>.*?[^\W\d][\w.-]*?)[\s—–|,·•-]*(?P<date>(?:\d{1,2}[./]\s?\d{1,2}[./,]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|"
                            r"\d{1,2}\.?\s+[^\W\d]{3,}\.?,?\s+\d{4}|[^\W\d]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}).*)$")
# What a comment system prints after the name: a connector left by a glued date ("Jo on"), a role badge.
AUTHOR_BADGE = re.compile(r"(?:\s+(?:on|am|le|el|il|um|at|op|—|–|\|)|\s*[(\[]?\s*(?:post author|beitragsautor|"
                          r"autor(?:in)? des beitrags|author|autor|auteur|autore|moderator|admin|verified)\s*[)\]]?)$",
                          re.I)
# A guest's badge after the name ("Hans Gast", "Jo (guest)"); alone, "Guest" is the name shown.
GUEST_BADGE = re.compile(r"\s+[(\[]?(?:gast|guest|invité|invitée|invitado|invitada|gość|ospite|гость)[)\]]?$", re.I)
# A weekday glued to the end of a name belongs to the date after it ("Jo Saturday, November 24, 2012").
WEEKDAY = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|"
                     r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|"
                     r"vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|"
                     r"mercoledì|giovedì|venerdì|sabato|domenica|poniedziałek|wtorek|środa|czwartek|piątek|sobota|"
                     r"niedziela|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\.?,?$", re.I)
# Markup a comment system printed as text ("&lt;span&gt;Jo&lt;/span&gt;"): never part of a name.
TAG_TEXT = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.I)
# "Am 29. Mai 2017 um 14:38 von Hugo", "17.07.2011 by X"
# "Jo am 21. Jan. 2015, 20:02", "Jo on May 3, 2019", "Jo / 22.04.2020": a name, a connector, a date
NAME_DATE_SEP = re.compile(r"\s(?:posted|geschrieben|veröffentlicht|publié|publicado|pubblicato|opublikowano)"
                           r"(?:\s(?:on|am|le|el|il))?\s*:?\s|\s(?:am|on|le|el|il|op|um|at|於|于)\s|\s*[,/|·•—–]\s*|\s-\s|\s(?=\d)", re.I)
DATE_THEN_NAME = re.compile(r"^(?P<date>.+?)\s+(?:von|by|de|por|par|od)\s+(?P<name>[^\d\s].{0,59})$", re.I)


@lru_cache(maxsize=1)
def _date_languages() -> frozenset[str]:
    from dateparser.data import language_order

    return frozenset(language_order)


def date_languages(page_language: str | None) -> tuple[str, ...]:
    """Languages to read comment dates in: the page's (if dateparser knows it) and English."""
    base = (page_language or "").split("-")[0].lower()
    return (base, "en") if base in _date_languages() and base != "en" else ("en",)


# Marks a thread prints before a message's words: "(new)", "(last edited Sep 08, 2008 12:59PM)".
LEAD_MARKS = re.compile(r"^(?:\s*\((?:new|neu|nouveau|nuevo|nowy|новое|новый|(?:last )?edited[^)]{0,40}|"
                        r"zuletzt bearbeitet[^)]{0,40}|bearbeitet[^)]{0,40})\))+\s*", re.I)
EDIT_MARK = re.compile(r"(?:(?<=ago)|(?<=\d[smhdwy])|\s*[·•(|]\s*)(?:edited|bearbeitet|modifié|editado|edytowany|изменено)\b.*$", re.I)


def _strip_date_noise(raw: str) -> str:
    text = re.sub(r"\b(\d{1,2}\.\d{1,2}),\s*(\d{4})\b", r"\1.\2", raw)  # "17.07, 2011" → "17.07.2011"
    text = re.sub(r"\b(\d{1,2})\s?h\s?(\d{2})\b", r"\1:\2", text)  # "15 h 12" → "15:12"
    text = re.sub(r"^(\d+\s+[^\W\d]+(?:\s+\d+\s+[^\W\d]+)?)\s+her$", r"vor \1", text.strip(), flags=re.I)  # "2 Tage her"
    text = EDIT_MARK.sub("", text)  # "10 hr agoedited 10 hr ago", "3. Mai · bearbeitet": the first is the date
    text = re.sub(r"\s*\(#?\d+\)$", "", text)  # "… @11:51AM (#64153115)": the comment's number after its date
    return " ".join(DATE_NOISE.sub(" ", text).split())


# When the page's language does not read a date (no or a wrong lang attribute): the languages
# the corpus and the sources are written in.
FALLBACK_LANGUAGES = ("en", "de", "fr", "es", "pl", "ru", "it", "pt", "nl")


def _parse(text: str, languages: tuple[str, ...]) -> datetime | None:
    found = _parse_in(text, languages)
    if found is None and not set(FALLBACK_LANGUAGES) <= set(languages) and (
            MONTH_WORD.search(text) or RELATIVE_DATE.search(text)):
        found = _parse_in(text, FALLBACK_LANGUAGES)
    return found


@lru_cache(maxsize=4096)
def _parse_in(text: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": True, "TO_TIMEZONE": "UTC"}
    if DOTTED_DATE.search(text):
        settings["DATE_ORDER"] = "DMY"
    try:
        return dateparser.parse(text, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def parse_comment_date(raw: str | None, languages: tuple[str, ...] = ("en",),
                       now: datetime | None = None) -> str | None:
    """An ISO 8601 UTC timestamp for a comment's date as the page shows it, or None.

    ISO strings (``<time datetime>``) are read directly; anything else goes to dateparser in the
    page's languages. A date in the future is a misreading and gives None."""
    if not raw or RELATIVE_DATE.search(raw):
        return None  # a relative date is kept raw: the page alone does not say "ago" from when
    value = raw.strip()
    try:
        if EPOCH.match(value):  # a script's timestamp in seconds or milliseconds ("1558595674000")
            parsed: datetime | None = datetime.fromtimestamp(int(value[:10]), timezone.utc)
        else:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        if not HAS_YEAR.search(value):
            return None  # "12.2. 15:21", "14:05": which year (or day) only the page's own date could say
        parsed = _parse(_strip_date_noise(value), languages) if len(value) <= 2 * MAX_DATE_CHARS else None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    if parsed > (now or datetime.now(timezone.utc)):
        return None
    return parsed.astimezone(timezone.utc).isoformat()


def is_date_line(line: str, languages: tuple[str, ...]) -> bool:
    """Whether a short line is nothing but a date or time."""
    line = EDIT_MARK.sub("", line)  # "6dEdited": the age, then the edit mark
    if (not line or len(line) > MAX_DATE_CHARS or not DATE_HINT.search(line) or len(line.split()) > 9
            or MEMBER_SINCE.search(line) or line.strip().isdigit()):  # a lone number is a count or an id
        return False
    return bool(re.match(COMPACT_AGE, line.strip(), re.I)) or _parse(_strip_date_noise(line), languages) is not None


def _name_like(line: str) -> bool:
    """Short, and no sentence ends in it (an initial's dot is no end: "G. Moore")."""
    bare = re.sub(r"\b(?:[A-ZÄÖÜ]|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St)\.(?=\s|$)", "", line)  # "Mrs. Morgan", "Bob Hale Jr."
    return 0 < len(line) <= MAX_NAME_CHARS and len(line.split()) <= 5 and not re.search(r"[.!?]\s|[.!?]$", bare)


def _reads_as_name(text: str) -> bool:
    """A name starts with a capital or is one handle ("by anaya60"); "von mir aus gerne" and "by the
    way" are a comment's first words."""
    return text[:1].isupper() or bool(USERNAME.match(text) and " " not in text)


def _without_buttons(text: str) -> str:
    """"19. Juni 2018 um 15:28 Uhr - Antworten" → "19. Juni 2018 um 15:28 Uhr"."""
    seps = list(re.finditer(r"\s+[-–|·•]\s+", text))
    end = len(text)
    while seps and BUTTON_LINE.match(last := text[seps[-1].end():end]) and not re.match(r"\d{1,2}:\d{2}", last):
        end = seps.pop().start()  # a time is no count; the separators the page printed stay
    return text[:end].strip()


def clean_author(raw: str | None, languages: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(author, a date found glued to it): "Inga sagt:" → Inga; "brigitte 29.04.2019 // 15:27" →
    (brigitte, 29.04.2019 // 15:27); "Comment by X" → X."""
    if not raw:
        return None, None
    author, date = " ".join(TAG_TEXT.sub(" ", raw).split()).lstrip(" ,;·•|—–-"), None  # ", par Jo" after a date
    if m := BY_LINE.match(author):
        author = m["author"]
    if m := SAYS_LINE.match(author):
        author, rest = m["author"], m["rest"].strip()
        date = rest if rest and is_date_line(rest, languages) else None
    if m := NAME_THEN_DATE.match(author):
        glued = _without_buttons(m["date"])
        if is_date_line(glued, languages) or _parse(_strip_date_noise(glued), languages):
            author, date = _weekday_to_date(m["name"], date or glued)
    if date is None and RELATIVE_DATE.search(author):
        author, date = _split_relative(author, languages)
    # a handle keeps its "@" ("@jo_k"); a name keeps its "!!" when that is how it is displayed
    author = AUTHOR_BADGE.sub("", GUEST_BADGE.sub("", _without_trailing_buttons(author))).strip(" :—–-|,").rstrip(" @")
    return (author or None), date


def _weekday_to_date(name: str, date: str) -> tuple[str, str]:
    """The weekday that ends a name glued to a date moves to the date: ("Jo Saturday", "November 24,
    2012") → ("Jo", "Saturday November 24, 2012")."""
    words = name.split()
    if len(words) > 1 and WEEKDAY.match(words[-1]):
        return " ".join(words[:-1]), f"{words[-1]} {date}"
    return name, date


def _split_relative(author: str, languages: tuple[str, ...]) -> tuple[str, str | None]:
    """"Isaac 16 minutes ago" → (Isaac, 16 minutes ago), "Jo vor 3 Stunden" → (Jo, vor 3 Stunden): a name
    and the span since the comment, printed in one element."""
    words = author.split()
    for i in range(1, min(len(words), 6)):
        name, rest = " ".join(words[:i]), " ".join(words[i:])
        if _name_like(name) and RELATIVE_DATE.search(rest) and is_date_line(rest, languages):
            return name, rest
    return author, None


def _around_author(line: str, author: str | None) -> list[str]:
    """The line itself, or — when it names the author — what stands after and before the name
    ("Karsten / 22.04.2020", "am 3. Mai 2019 von Karsten")."""
    if not author or author not in line:
        return [line]
    before, after = line.split(author, 1)
    return [after, before]


def _without_trailing_buttons(line: str) -> str:
    """"18.10.2019, 16:18 Zitieren #" → "18.10.2019, 16:18", "Jo Report Abuse" → "Jo": button words and
    marks after a date or a name."""
    words = line.split()
    while len(words) > 1:
        if ((re.search(r"[^\W\d]", words[-1]) and BUTTON_LINE.match(words[-1])) or MARK_ONLY.match(words[-1])
                or (PROFILE_LINK.match(words[-1]) and re.search(r"\d", line))):  # "… (#64154701) Homepage": a link after a date
            words.pop()  # a time ("14:57") is no button
        elif len(words) > 2 and re.search(r"[^\W\d]", words[-2]) and BUTTON_LINE.match(" ".join(words[-2:])):
            del words[-2:]  # a button of two words ("Report Abuse", "Kommentar melden")
        else:
            break
    return " ".join(words)


def _byline_date(c: "FoundComment", languages: tuple[str, ...]) -> str | None:
    """The date in the line around the author's name ("X said, on August 3, 2019 at 3:12 pm"),
    or in a header/footer line kept out of the body."""
    lines = ([c.byline] if c.byline else []) + list(c.meta_lines)
    for line in lines:
        for part in _around_author(line, c.author):
            rest = re.sub(rf"^\W*(?:{SAYS_WORDS})?\W*", "", part, flags=re.I).strip(" ,;:/|·•—–-")
            rest = _without_trailing_buttons(re.sub(r"\s+(?:von|by|de|por|par|od)$", "", rest, flags=re.I))
            if is_date_line(rest, languages):
                return rest
    return None


COMMENT_NUMBER = re.compile(r"^\s*(?:#?\d{1,4}[.)]|#\d{1,4})\s+(?=\D)")  # "2. Jo", "#2 Jo", "2) Jo"; never "2pac"


NAME_BEFORE_SEPARATOR = re.compile(r"\S\s+[-—–|]\s*$")


def _meta_line_fields(c: "FoundComment", languages: tuple[str, ...]) -> None:
    """Author and date from a header line kept out of the body when the markup named neither:
    "geschrieben von Jo am 21. Jan. 2015, 20:02", "Posted by Jo on May 3, 2019", "Jo – 3 May 2019"."""
    for line in c.meta_lines:
        flat = " ".join(line.split())
        if (m := REPLIED_TO.match(flat)) and _name_like(m["author"]):
            # "Jo replied to comment from Mia • 8:18 AM, Aug 18, 2010 • Reply": the date is a part of its own
            date = next((d for part in re.split(r"\s+[•·|—–]\s+", m["rest"])
                         if is_date_line(d := _without_trailing_buttons(part.strip()), languages)), None)
            c.author, c.date_raw = c.author or m["author"], c.date_raw or date
            return
        if (m := DATE_THEN_NAME.match(flat)) and _name_like(m["name"]) and is_date_line(
                date := _strip_lead_number(m["date"]), languages):
            c.author, c.date_raw = c.author or m["name"], c.date_raw or date  # "12 mars 2015, par Jo"
            return
        if m := BY_LINE.match(flat):
            flat = m["author"]
        elif not NAME_THEN_DATE.match(flat):
            continue
        # "2. Jo - 29 August, 2011": the comment's number before the name
        if found := split_name_date(flat, languages) or split_name_date(COMMENT_NUMBER.sub("", flat), languages):
            c.author, c.date_raw = c.author or found[0], c.date_raw or found[1]
            return
    if not c.author:  # "by jo ( 127135 )" on a header line of its own
        c.author = next((name for line in c.meta_lines if (m := BY_LINE.match(" ".join(line.split())))
                         and _name_like(name := USER_NUMBER.sub("", m["author"])) and _reads_as_name(name)), None)
    if not c.author:  # "Jo said..." on a line of its own, the date in another
        c.author = next((m["author"] for line in c.meta_lines if (m := SAYS_LINE.match(" ".join(line.split())))
                         and not re.search(r"\w", m["rest"]) and _name_like(m["author"])), None)
    if not c.author and c.date_raw:
        # the name alone on a footer line, the date in an element of its own ("Jo," <time>…</time>)
        # ("2. Jo -" over "29 August, 2011": the comment's number is no part of the name)
        # ("bob the cat -" over its date: a separator closing the line, the name may be any words)
        c.author = next((name for line in c.meta_lines if (USERNAME.match(name := COMMENT_NUMBER.sub("", line).strip(" ,:;|·•—–-"))
                                                            or (NAME_BEFORE_SEPARATOR.search(line) and _name_like(name)))
                         and not BUTTON_LINE.match(name) and not CONNECTOR_LINE.match(name)
                         and not is_date_line(name, languages)), None)


def _head_line_fields(c: "FoundComment", languages: tuple[str, ...]) -> None:
    """Author (and date) from the lines above the words when no element was named for them: the
    header read as one line ("Jo on Sep 21, 3:05 PM said:", "von Jo am 3. Mai 2019"), else a name
    alone on a line of the header of a dated comment ("Jo" over "Sep 21, 3:05 PM")."""
    lines = [_strip_lead_number(line) for line in c.head_lines if not (  # "#4 2024-08-03 16:12:45" is no button row
        (BUTTON_LINE.match(line) and not is_date_line(_strip_lead_number(line), languages)) or LEAD_MARK_LINE.match(line) or MEMBER_SINCE.search(line) or not re.search(r"\w", line))]
    lines = [line for line in lines if line]  # "1. stueysplace": the comment's number is no part of the name
    if not lines:
        return
    header = " ".join(lines)
    if (m := SAYS_LINE.match(header)) and not m["rest"]:
        header = m["author"]  # "Jo on Sep 21 said:": says closes the header
    if len(header) <= MAX_NAME_CHARS * 2:
        if (m := DATE_THEN_NAME.match(header)) and _name_like(m["name"]) and is_date_line(
                date := _strip_lead_number(m["date"]), languages):
            c.author, c.date_raw = m["name"], c.date_raw or date
            return
        by = BY_LINE.match(header)
        if found := split_name_date(by["author"] if by else header, languages):
            c.author, c.date_raw = found[0], c.date_raw or found[1]
            return
        if by and _name_like(by["author"]) and _reads_as_name(by["author"]):
            c.author = by["author"]
            return
    for line in lines:
        if found := split_date_name(line, languages):  # "30.9.2008 14:28 Jo | skóre: 17": the date before the name
            c.author, c.date_raw = found[0], c.date_raw or found[1]
            return
    # "Thu, 08/09/2012 - 13:04 | 2691543": the date, then the comment's number or permalink beside it
    dates = [d for line in lines if is_date_line(d := HEADER_SEPARATOR.split(line, maxsplit=1)[0], languages)]
    dated = c.date_raw or dates
    if dated:
        # the header's own line: a name as the commenter typed it, capitals or not ("vinton samms")
        # ("tired joe | skóre: 17": the name ends at the header's separator)
        c.author = next((name for line in lines if (name := HEADER_SEPARATOR.split(line, maxsplit=1)[0].strip(" ,:;|·•—–-"))
                         and _name_like(name)
                         and len(name.split()) <= HEAD_NAME_WORDS and not CONNECTOR_LINE.match(name)
                         and not GREETING.match(name) and not is_date_line(name, languages)
                         and not is_interface_text(name)), None)
        if c.author and not c.date_raw:  # the header's date line dates the comment it names
            c.date_raw = dates[0]


def _strip_lead_number(line: str) -> str:
    """A date line without the comment's number before it or the comma after it ("1. Le 5 avril 2010,")."""
    return re.sub(r"^(?:#\d+\s+|#?\d+\.?\s+(?=\D))", "", line).strip(" ,;:|·•—–-")  # "#2 2024-08-03 14:22"


DATE_WORDS = 7
HEADER_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def split_date_name(line: str, languages: tuple[str, ...]) -> tuple[str, str] | None:
    """(name, date) of a header line that opens on the date and names the commenter after it, up to the
    first separator: "30.9.2008 14:28 Jo | skóre: 17", "12.03.2013 um 14:05 – Jo Bauer"."""
    parts = HEADER_SEPARATOR.split(line, maxsplit=1)
    words = parts[0].split()
    for n in range(min(len(words) - 1, DATE_WORDS), 0, -1):
        date, name = " ".join(words[:n]).strip(" ,;:—–-"), " ".join(words[n:]).strip(" ,;:—–-")
        # a name in lower case ("tired joe") only where a separator closes it: a header, not a sentence
        if (DATE_HINT.search(date) and re.search(r"\d", date) and name and _name_like(name)
                and (_reads_as_name(name) or len(parts) > 1)
                and len(name.split()) <= HEAD_NAME_WORDS and not is_date_line(name, languages) and is_date_line(date, languages)):
            return name, date
    return None


SAYS_TAIL = re.compile(rf"\s+(?:{SAYS_WORDS})$", re.I)


def split_name_date(line: str, languages: tuple[str, ...]) -> tuple[str, str] | None:
    """(name, date) of a line that is a name, a connector and a date, else None:
    "Jo am 21. Jan. 2015, 20:02", "Jo – 3. Mai 2019 – Antworten"; a date alone ("January 19, 2017
    at 15:31") names no one."""
    if is_date_line(_without_trailing_buttons(_without_buttons(line)), languages):
        return None
    for sep in NAME_DATE_SEP.finditer(line):
        name = line[:sep.start()].strip(" :—–-|,@•")
        if m := BY_LINE.match(name):  # "Kommentar von Jo am 3. Mai 2019"
            name = m["author"]
        name = SAYS_TAIL.sub("", name)  # "Jo said on May 3, 2012": the verb closes the name
        name = USER_NUMBER.sub("", name)  # "by jo ( 127135 ) on …": the account's number beside the name
        date = EDIT_MARK.sub("", _without_trailing_buttons(_without_buttons(line[sep.end():])))
        if (name and (not name[0].isdigit() or (" " not in name and re.search(r"[^\W\d_]{2}", name)))  # "2web", not "12 mars"
                and re.search(r"[^\W\d_]", name) and not name.startswith("#")
                and _name_like(name.rstrip(".")) and is_date_line(date, languages)):  # a handle may end in "." ("pee.")
            return _weekday_to_date(name, date)
    return None


def _is_author_header(rest: str, c: "FoundComment", languages: tuple[str, ...]) -> bool:
    """Whether what follows the author's name on a line is only "says", a date and buttons; the
    date is kept if none was found yet."""
    rest = _without_trailing_buttons(re.sub(rf"^\W*(?:{SAYS_WORDS})?\W*", "", rest, flags=re.I).strip(" ,;:/|·•—–-"))
    if not rest or BUTTON_LINE.match(rest):
        return True
    date = _without_buttons(rest)
    if is_date_line(date, languages):
        c.date_raw = c.date_raw or date
        return True
    return False


def _take_lead(lines: list[str], c: "FoundComment", languages: tuple[str, ...]) -> list[str]:
    """Remove the author line, "X says:", the date and buttons from the start of the body."""
    for _ in range(LEAD_LINES):
        if len(lines) < 2:
            break
        line = lines[0]
        if c.author and line.casefold().strip(" :") == c.author.casefold():
            lines.pop(0)
            continue
        if (m := SAYS_LINE.match(line)) and len(m["author"]) <= MAX_NAME_CHARS and (
                not m["rest"] or is_date_line(m["rest"], languages)):
            name, date = m["author"].strip(" :"), m["rest"] or None
            if not date and (found := split_name_date(name, languages)):
                name, date = found  # "Jo on 2 Jun 2010 says:"
            c.author = c.author or name
            c.date_raw = c.date_raw or date
            lines.pop(0)
            continue
        # "Inga sagt: Hallo …" on one line; without the colon it is a sentence ("Mark said that …"); another
        # name than the commenter's opens a quote ("Bruce wrote: …" in Joan's message), which stays words
        if ((m := SAYS_LINE.match(line)) and len(m["author"]) <= MAX_NAME_CHARS and _name_like(m["author"])
                and ":" in line[m.end("author"):m.start("rest")]
                and (not c.author or m["author"].strip(" :").casefold() == c.author.casefold())):
            c.author = c.author or m["author"].strip(" :")
            lines[0] = m["rest"]
            continue
        if is_date_line(line, languages):
            c.date_raw = c.date_raw or line
            lines.pop(0)
            continue
        if c.author and SAYS_ONLY.match(line):  # "Says:" left where the name was taken out
            lines.pop(0)
            continue
        if (m := DATE_THEN_NAME.match(line)) and is_date_line(m["date"], languages):
            c.date_raw, c.author = c.date_raw or m["date"], c.author or m["name"]
            lines.pop(0)
            continue
        if (m := BY_LINE.match(line)) and (found := split_name_date(line, languages)):
            c.author, c.date_raw = c.author or found[0], c.date_raw or found[1]  # "Comment by Jo — 17.07.2011"
            lines.pop(0)
            continue
        if (m := BY_LINE.match(line)) and _name_like(m["author"]) and _reads_as_name(m["author"]):
            c.author = c.author or m["author"]
            lines.pop(0)
            continue
        # a button never exclaims or asks: "Like!" opening a comment is the commenter's word; "@23:" answers comment 23
        if ((BUTTON_LINE.match(line) and not line.rstrip().endswith(("!", "?")) and not line.lstrip().startswith("@"))
                or CONNECTOR_LINE.match(line) or REPLY_TO_LINE.match(line)
                or not re.search(r"\w", line) or LEAD_MARK_LINE.match(line)
                or (len(line) <= MAX_DATE_CHARS and MEMBER_SINCE.search(line))):
            lines.pop(0)
            continue
        if c.author and line.casefold().startswith(c.author.casefold()) and _is_author_header(
                line[len(c.author):], c, languages):
            lines.pop(0)  # "Jo · 3. Mai 2019 · Antworten" above the words
            continue
        if not c.author and len(lines) > 1 and len(line) <= MAX_NAME_CHARS * 2 and (
                found := split_name_date(line, languages)) and not _another_relative_date(found[1], c.date_raw):
            c.author, c.date_raw = found[0], c.date_raw or found[1]  # "Jo | 3. Mai 2019" above the words
            lines.pop(0)
            continue
        if not c.author and _name_like(line) and len(lines) > 2 and is_date_line(lines[1], languages):
            c.author = line
            lines.pop(0)
            continue
        if not c.author and DELETED.match(line) and line.strip().startswith("["):
            c.author = line.strip()  # "[deleted]": the account is gone, the words stay
            lines.pop(0)
            continue
        if not c.author and c.date_raw and USERNAME.match(line) and not GREETING.match(line) and len(lines) > 1:
            c.author = line  # "anaya60" above the words, the date in the item's header
            lines.pop(0)
            continue
        break
    return lines


def _another_relative_date(date: str, known: str | None) -> bool:
    """Whether a line's "date" is a span ("5 years ago") while the markup dated the comment
    otherwise: "My brother borrowed mine 5 years ago" opens the words, it names no one."""
    return bool(known) and bool(RELATIVE_DATE.search(date)) and date.casefold() not in known.casefold()


def _footer_name_date(line: str, c: "FoundComment", languages: tuple[str, ...]) -> tuple[str, str] | None:
    """(name, date) of a footer line under the words: "Posted by Jo on 3 May 2019", "– Jo, 3. Mai 2019"
    when Jo wrote the comment. A name and a date in the words ("Bis Montag, 3. Mai") stay."""
    flat = line.strip(" –—-|")
    by = BY_LINE.match(flat)
    found = split_name_date(by["author"] if by else flat, languages)
    # with no name and no date of its own, a last line ending in the reply button gives both ("Jo 於 2014/01/01 20:31 回覆")
    footer = not (c.author or c.date_raw) and _without_trailing_buttons(flat) != flat
    if found and (by or (c.author and found[0].casefold() == c.author.casefold()) or footer):
        return found
    return None


def _take_tail(lines: list[str], c: "FoundComment", languages: tuple[str, ...]) -> list[str]:
    """Remove buttons, a trailing date line and the author's name alone on the last line (the
    comment system's signature, "– Jo") from the end of the body."""
    while len(lines) > 1:
        line = lines[-1]
        if BUTTON_LINE.match(line) or not re.search(r"\w", line):
            lines.pop()
        elif c.author and line.strip(" –—-,:").casefold() == c.author.casefold():
            lines.pop()
        elif found := _footer_name_date(line, c, languages):
            c.author, c.date_raw = c.author or found[0], c.date_raw or found[1]
            lines.pop()
        elif is_date_line(line.strip(" |"), languages):
            c.date_raw = c.date_raw or line.strip(" |")
            lines.pop()
        else:
            break
    return lines


def is_interface_text(text: str) -> bool:
    """Whether a record's whole text is interface: a prompt, a count, a rule, a form label."""
    flat = " ".join(text.split())
    first = text.strip().split("\n", 1)[0]
    if len(first) <= SHORT_INTERFACE_CHARS and PROMPT.search(first) and LOGIN_OR_RULES.search(flat[:RULES_CHARS * 2]):
        return True  # "Write the first comment!" over the site's rules
    if NUMBERS_ONLY.match(flat):
        return True  # "5 |", "10 |": a page-size or page-number list
    if len(flat) <= SHORT_INTERFACE_CHARS and (
            PROMPT.search(flat) or COUNT_OR_NONE.search(flat) or FORM_LABEL.match(flat) or DELETED.match(flat)
            or (BUTTON_LINE.match(flat) and re.search(r"[^\W\d]", flat)  # "Kommentieren ...", "Reply"
                and not flat.endswith(("!", "?")))):  # a button never asks: "Link?" is a reader's question
        return True
    if TO_READERS.match(first) and (len(flat) <= SHORT_INTERFACE_CHARS or LOGIN_OR_RULES.search(flat)):
        return True
    if YOUR_COMMENTS.search(first) and LOGIN_OR_RULES.search(flat):
        return True  # "Wir sind dankbar für Ihre Kommentare … Ihre Kommentare werden moderiert", however long  # "Liebe Leser!", "Ihre Kommentare werden moderiert …" from the editors
    return len(flat) <= RULES_CHARS and bool(LOGIN_OR_RULES.search(flat))


def is_pingback(c: "FoundComment") -> bool:
    """A pingback, trackback or reblog notice, by the item's class or the text's opening words."""
    return bool(PINGBACK_MARK.search(c.marks) or PINGBACK_TEXT.match(c.text.lstrip())
                or (c.author and PINGBACK_TEXT.match(c.author)))


def finish_comment(c: "FoundComment", languages: tuple[str, ...]) -> "FoundComment | None":
    """The comment with author, date and body separated and the date parsed; None if it is
    interface text rather than a comment."""
    c.author, glued_date = clean_author(c.author, languages)
    c.date_raw = " ".join(c.date_raw.split()) if c.date_raw else glued_date or _byline_date(c, languages)
    if c.date_raw and c.author and (m := DATE_THEN_NAME.match(c.date_raw)) and m["name"] == c.author:
        c.date_raw = m["date"].rstrip(" ,;")  # "12 mars 2015 12:00, par Jo": the date, Jo is the author
    elif c.date_raw and (m := BY_LINE.match(c.date_raw)) and (found := split_name_date(m["author"], languages)):
        c.author, c.date_raw = c.author or found[0], found[1]  # the date's element says "Posted by: Jo, 27 Sep 2011"
    elif not c.author and c.date_raw and (found := split_name_date(c.date_raw, languages)):
        c.author, c.date_raw = found  # the date's element holds the name too: "Jo Posted: Oct.28 at 4:22 pm"
    if not c.author or not c.date_raw:
        _meta_line_fields(c, languages)
    if not c.author and c.head_lines:
        _head_line_fields(c, languages)
    if not c.date_raw:
        c.date_raw = next((d for line in c.loose_lines if is_date_line(d := _without_trailing_buttons(
            _without_buttons(POST_NUMBER.sub("", line))), languages)), None)
    lines = [" ".join(line.split()) for line in c.text.split("\n")]
    if c.depth is None:
        c.depth = next((int(m[1]) for line in lines[:LEAD_LINES] if (m := LEVEL_LINE.match(line))), None)
    lines = [line for line in lines if line]
    while len(lines) > 1 and (m := LEAD_MARKS.match(lines[0])):  # "(new) proof that …": the thread's marks
        if lines[0][m.end():].strip():
            lines[0] = lines[0][m.end():]
            break
        lines.pop(0)
    lines = _take_tail(_take_lead(lines, c, languages), c, languages)
    c.text = "\n".join(lines).strip()
    if c.author and len(c.author) > MAX_NAME_CHARS * 2:
        c.author = None
    c.author = c.author or c.avatar_name
    c.kind = "pingback" if is_pingback(c) else "comment"
    if not c.text or (c.kind == "comment" and (is_interface_text(c.text) or is_date_line(c.text, languages))):
        return None
    c.published_at = parse_comment_date(c.date_raw, languages)
    return c


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _take_quote(c: "FoundComment", earlier: list["FoundComment"]) -> None:
    """A reply that opens with a quote in quote markup (blockquote, "quote" class): the quote
    leaves the body and, if the markup gave no parent, the earlier comment it quotes becomes it.
    The quoted words are someone else's even when their comment is not on this page."""
    body = _words(c.text)
    for quote in c.quotes:
        lines = quote.split("\n")
        if len(lines) > 1 and SAYS_LINE.match(lines[0]) and not SAYS_LINE.match(lines[0])["rest"]:
            lines = lines[1:]  # the "X said:" attribution
        # the attribution may be a name alone, and may have left the body with the author fields
        quoted = next((q for q in (_words(" ".join(lines)), _words(" ".join(lines[1:])))
                       if len(q) >= 10 and body.startswith(q)), "")
        if not quoted:
            continue
        source = next((j for j in range(len(earlier) - 1, -1, -1) if _words(earlier[j].text).startswith(quoted[:60])), None)
        rest = c.text.split("\n")
        while rest and quoted.startswith(_words(rest[0])) and _words(rest[0]):
            quoted = quoted[len(_words(rest[0])):].lstrip()
            rest.pop(0)
        if rest and not quoted:
            c.text = "\n".join(rest)
            c.parent = c.parent if c.parent is not None or source is None else source
        return


def finish_comments(found: Iterable["FoundComment"], languages: tuple[str, ...]) -> list["FoundComment"]:
    """Finished comments in page order, interface text dropped, reply links kept consistent."""
    kept: list[FoundComment] = []
    new_index: dict[int, int] = {}
    for i, c in enumerate(found):
        parent = c.parent
        done = finish_comment(c, languages)
        if done is None:
            continue
        done.parent = new_index.get(parent) if parent is not None else None
        if done.quotes:
            _take_quote(done, kept)
        if done.parent is None:
            done.parent = _parent_by_position(done, kept)
        new_index[i] = len(kept)
        kept.append(done)
    return kept


def _thread_number(c: "FoundComment") -> str | None:
    """The comment's number in a numbered thread ("#2.1 — vor 8 Stunden" → "2.1")."""
    for line in (c.date_raw or "", c.byline or "", *c.meta_lines):
        if m := THREAD_NUMBER.search(line):
            return m[1]
    return None


def _parent_by_position(c: "FoundComment", earlier: list["FoundComment"]) -> int | None:
    """The comment a reply answers when the markup nests nothing but says where it stands: "#2.1"
    answers "#2"; a comment at "level 3" answers the nearest one before it at level 2."""
    number = _thread_number(c)
    if number and "." in number:
        above = number.rsplit(".", 1)[0]
        return next((j for j in range(len(earlier) - 1, -1, -1) if _thread_number(earlier[j]) == above), None)
    if c.depth and c.depth > 1:
        for j in range(len(earlier) - 1, -1, -1):
            if earlier[j].depth == c.depth - 1:
                return j
            if earlier[j].depth is None or earlier[j].depth < c.depth - 1:
                return None
    return None
