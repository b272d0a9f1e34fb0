"""Who and when for comments whose markup names neither, and boxes around a thread that are never
comments: conventions met on pages the rules had never seen. Every page here is written for the test."""

import pytest

from pipeline.extraction import extract_page
from pipeline.extraction.comment_fields import clean_author, finish_comment, is_date_line, is_interface_text, parse_comment_date
from pipeline.extraction.comments import FoundComment

ARTICLE = ("<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>The dyke</title></head><body>"
           "<article><h1>The dyke is raised</h1>"
           "<p>The state raises the dyke in front of the old town by half a metre. Work begins after the storm "
           "season and lasts two years; the river road stays one lane in that time, the council said.</p>"
           "<p>Residents were told at the town hall, where the plans are on display until the end of the month.</p>"
           "</article>{extra}</body></html>")


def _records(extra: str, raw_page, lang: str = "en") -> list:
    return extract_page(ARTICLE.format(lang=lang, extra=extra).encode("utf-8"), raw_page())[1]


def test_hex_keyed_items_with_a_header_in_unnamed_elements(raw_page):
    items = "".join(
        f"<div id='comment-shell-{key}'><div id='comment-{key}' class='comments {parity}'><div class='inner'>"
        f"<b>\n   {name}\n  </b><span class='smaller'>on\n <a href='/c/{key}'>Sep {day}, 3:05 PM</a>\n said:</span>"
        f"<div class='comment-content'><div class='comment-text'>{words}</div></div></div></div></div>"
        for key, parity, name, day, words in [
            ("4e7a3582eab8eab87600003f", "odd", "Harbour Greg", 21, "The road will be jammed all summer."),
            ("4e7a39cbecad049c39000029", "even", "QE2", 22, "Half a metre seems too little to me.")])
    comments = _records(f"<div id='comments'><div class='comments-content'>{items}</div></div>", raw_page)
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Harbour Greg", "Sep 21, 3:05 PM", "The road will be jammed all summer."),
        ("QE2", "Sep 22, 3:05 PM", "Half a metre seems too little to me.")]


def test_paragraphs_inside_unnamed_items_are_one_comment_and_a_break_in_a_date_is_a_space(raw_page):
    items = "".join(
        f"<li></li><li><div class='metadata'><p class='auteur'>{name} </p><p class='date'>{day} janvier 2026<br>12h10</p></div>"
        f"<div class='body-text'><p>{first}</p><p>{second}</p><p>{third}</p></div></li>"
        for name, day, first, second, third in [
            ("marin", 24, "Bonne nouvelle.", "Enfin des travaux.", "Mais deux ans, c'est long."),
            ("bernard", 25, "La route sera bouchée.", "Tout l'été.", "Comme d'habitude.")])
    comments = _records(f"<ul class='comments-list'>{items}</ul>", raw_page, "fr")
    assert [(c.author, c.date_raw, c.text.split("\n")[0]) for c in comments] == [
        ("marin", "24 janvier 2026 12h10", "Bonne nouvelle."), ("bernard", "25 janvier 2026 12h10", "La route sera bouchée.")]


def test_a_date_in_a_title_attribute_dates_the_comment(raw_page):
    rows = "".join(
        f"<tr class='athing'><td><span class='comhead'><a href='/user?id={name}' class='hnuser'>{name}</a> "
        f"<span class='age' title='2026-05-0{n}T10:00:00'><a href='item?id={n}'>{n} days ago</a></span></span>"
        f"<div class='comment'><span class='commtext'>{words}</span></div></td></tr>"
        for n, name, words in [(1, "jo_k", "The road will be jammed all summer."), (2, "mia77", "Half a metre is too little.")])
    comments = _records(f"<table class='comment-tree'>{rows}</table>", raw_page)
    assert [(c.author, c.date_raw) for c in comments] == [("jo_k", "2026-05-01T10:00:00"), ("mia77", "2026-05-02T10:00:00")]


def test_a_line_that_is_all_date_names_no_one_and_the_heading_above_names_the_commenter(raw_page):
    items = "".join(
        f"<li class='comment' id='comment-{n}'><div class='extra_wrap'><h5>{name}</h5><div class='comment_info'>"
        f"<div class='comment_date'>January {n}, 2026 at 15:31</div></div><div class='comment_content'>{words}</div></div></li>"
        for n, name, words in [(1, "Srdan", "The road will be jammed all summer."), (2, "Ann Lee", "Half a metre is too little.")])
    comments = _records(f"<div id='comments' class='post_comments'><ol class='comment-list'>{items}</ol></div>", raw_page)
    assert [(c.author, c.date_raw) for c in comments] == [("Srdan", "January 1, 2026 at 15:31"),
                                                          ("Ann Lee", "January 2, 2026 at 15:31")]


def test_a_hidden_legend_in_the_comment_box_is_no_comment_but_a_collapsed_thread_is_read(raw_page):
    legend = ("<div class='comments'><div class='echo-stream'></div><div class='badgetext hidden'>"
              + "".join(f"<div class='badge-info'><p class='title'>{b} Badge</p><p>{b} holders consistently post smart, "
                        f"timely comments about the city.</p></div>" for b in ("Harbour", "River", "Dyke")) + "</div></div>")
    assert _records(legend, raw_page) == []
    thread = ("<div class='comments-wrap'><button>Show comments</button><div id='article-comments-detail' class='hidden'>"
              + "".join(f"<div class='comment'><span class='comment-author'>{n}</span><p class='comment-text'>{w}</p></div>"
                        for n, w in [("Jo", "The road will be jammed."), ("Mia", "Half a metre is too little.")]) + "</div></div>")
    assert [c.author for c in _records(thread, raw_page)] == ["Jo", "Mia"]


def test_a_reply_linking_to_a_comment_anchored_on_the_page_is_kept_with_its_author_date_and_parent(raw_page):
    def item(n: int, head: str, words: str) -> str:
        return (f"<div class='commentnew' id='comment-{n}'><div class='commentheader'>{head}<span class='separator'>&bull;</span> "
                f"9:0{n} AM Wednesday, Aug 18, 2026 <span class='separator'>&bull;</span> <a href='javascript:void(0)'>Reply</a>"
                f"</div><div class='commentcontent'><p>{words}</p></div></div>")
    extra = ("<div class='comments'><h1>Send a comment</h1>"
             + item(1, "<a href='/members/1'>Juno the Loon</a>\n <span class='separator'>&bull;</span> <a href='#comment-1'>#1</a> ",
                    "The road will be jammed all summer.")
             + item(2, "<a href='/members/2'>bja009</a> replied to <a href='http://127.0.0.1/news/2026/11/story.html#comment-1'>"
                       "comment from Juno the Loon</a> ", "Only in the mornings, I think.")
             + "</div>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.date_raw, c.parent_id) for c in comments] == [
        ("Juno the Loon", "#1 • 9:01 AM Wednesday, Aug 18, 2026", None),
        ("bja009", "9:02 AM Wednesday, Aug 18, 2026", comments[0].comment_id)]


def test_schema_org_reviews_are_the_comments_when_no_comment_box_holds_any(raw_page):
    reviews = "".join(
        f"<div itemprop='review' itemscope itemtype='http://schema.org/Review'><meta itemprop='datePublished' content='2026-0{n}-01'>"
        f"<span itemprop='author'>{name}</span><p itemprop='description'>{words}</p></div>"
        for n, name, words in [(1, "Kim L.", "Great view of the new dyke from the terrace."), (2, "Ben", "Noisy during the works.")])
    comments = _records(f"<div class='reviews-list'>{reviews}</div>", raw_page)
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Kim L.", "2026-01-01", "Great view of the new dyke from the terrace."), ("Ben", "2026-02-01", "Noisy during the works.")]


def test_dutch_reactions_in_a_custom_element_are_comments(raw_page):
    items = "".join(
        f"<twk-reaction id='r_{n}' class='reactie'><div class='reactieHeader'><a href='/gallery/{n}/' class='userName'>{name}</a> "
        f"<a href='#r_{n}' class='date'>{n} september 2026 12:59</a></div><div class='reactieContent'>{words}</div></twk-reaction>"
        for n, name, words in [(1, "renrom", "Mooi dat de dijk hoger wordt."), (2, "Borri", "Twee jaar is wel erg lang.")])
    comments = _records(f"<div id='reacties'><div id='reactieContainer'>{items}</div></div>", raw_page, "nl")
    assert [(c.author, c.date_raw) for c in comments] == [("renrom", "1 september 2026 12:59"), ("Borri", "2 september 2026 12:59")]


def test_a_persons_microdata_name_is_the_author_when_the_element_shows_more():
    from lxml import html

    from pipeline.extraction.comments import _microdata, _named_fields
    item = html.fromstring("<div><div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
                           "<meta itemprop='name' content='julian'><span>J</span><span>Offline</span> "
                           "<a href='/user/julian'>julian</a> wrote on</div><p>Words.</p></div>")
    own = list(item.iterdescendants())
    assert _named_fields(own, item, _microdata(own))[0] == "julian"
    shown = html.fromstring("<div><span itemprop='author' itemscope itemtype='https://schema.org/Person'>Herr "
                            "<span itemprop='name'>Jo Ecks</span></span><p>Words.</p></div>")
    own = list(shown.iterdescendants())
    assert _named_fields(own, shown, _microdata(own))[0] == "Herr Jo Ecks"


@pytest.mark.parametrize("head, author", [
    (["vinton samms"], "vinton samms"),  # a name as typed, in the header above the words
    (["1. stueysplace"], "stueysplace"),  # the comment's number is no part of the name
    (["Reply", "Ann Lee"], "Ann Lee"),
])
def test_a_name_line_in_the_header_of_a_dated_comment_is_the_author(head, author):
    c = finish_comment(FoundComment(text="The road will be jammed.", date_raw="7/2/2026, 12:08:18 PM", head_lines=head), ("en",))
    assert c.author == author


@pytest.mark.parametrize("raw, author, date", [
    ("Hans Heiser Gast", "Hans Heiser", None),
    ("Guest", "Guest", None),  # alone, the badge is the name shown
    ("Pinoy American Report Abuse", "Pinoy American", None),
    ("<span>Donald Elam</span>", "Donald Elam", None),
    ("Jo Saturday, November 24, 2026", "Jo", "Saturday November 24, 2026"),
])
def test_author_fields_lose_guest_badges_buttons_and_printed_markup(raw, author, date):
    assert clean_author(raw, ("en",)) == (author, date)


def test_says_and_posted_headers_give_name_and_date_apart():
    c = finish_comment(FoundComment(text="Jo on 2 Jun 2026 says:\nNice collection, thanks."), ("en",))
    assert (c.author, c.date_raw, c.text) == ("Jo", "2 Jun 2026", "Nice collection, thanks.")
    c = finish_comment(FoundComment(text="YE FIRST!", date_raw="pee. Posted: Oct.28 at 4:22 pm"), ("en",))
    assert (c.author, c.date_raw) == ("pee.", "Oct.28 at 4:22 pm")


@pytest.mark.parametrize("line", ["3mo", "2h", "5d", "1y", "12 min"])
def test_a_threads_short_ages_are_dates_kept_raw(line):
    assert is_date_line(line, ("en",)) and parse_comment_date(line) is None


@pytest.mark.parametrize("text", [
    "5 |", "10 | 20 |",
    "Partecipa alla discussione ( commenti) Utilizza il mio account",
    'By clicking the "Post" button, you provide your explicit consent to the processing of your data.',
])
def test_pagers_prompts_and_consent_notes_are_interface(text):
    assert is_interface_text(text)


@pytest.mark.parametrize("text", ["+1", "Chrome warns that the site operates without your consent."])
def test_a_plus_one_and_a_sentence_about_consent_stay_comments(text):
    assert not is_interface_text(text)


def test_a_rules_box_and_a_latest_comment_widget_make_no_comments(raw_page):
    rules = ("<div id='comments_rules' class='rules'>" + "".join(
        f"<p>Rule {n}: comments must be about the article and polite to other readers, please.</p>" for n in range(4)) + "</div>")
    latest = ("<div class='block' id='block-views-ultimo_comentario-block_1'><h2>Último comentário</h2>"
              "<div class='comment'><p>Half a metre is too little.</p><span class='autor'>por Edite</span></div></div>")
    assert _records(rules + latest, raw_page) == []


def test_nodes_of_a_comment_tree_are_comments_with_their_replies_nested(raw_page):
    def node(key: str, name: str, age: str, words: str, inner: str = "") -> str:
        return (f"<div class='comments-node' id='{key}'><div class='CommentsItem-body'><div class='CommentsItemMeta'>"
                f"<span class='CommentUserName-author'><a href='/users/{name}'>{name}</a></span>"
                f"<span class='CommentsItemDate'><a href='#{key}'>{age}</a></span></div>"
                f"<div class='CommentBody'><p>{words}</p></div></div>{inner}</div>")
    extra = ("<div class='PostsPage-commentsSection'><div>"
             + node("a1", "romeo", "3mo", "The road will be jammed all summer.", node("b2", "Ann Lee", "2mo", "Only in the mornings."))
             + "</div></div>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.date_raw, c.parent_id) for c in comments] == [
        ("romeo", "3mo", None), ("Ann Lee", "2mo", comments[0].comment_id)]


def test_a_separator_is_no_name_and_a_says_line_names_the_commenter():
    from lxml import html

    from pipeline.extraction.comments import _microdata, _named_fields
    item = html.fromstring("<div><span class='commenter-name'><a href='#'>God Bennett</a></span>"
                           "<span class='publication-name-separator'>·</span><p>Words.</p></div>")
    own = list(item.iterdescendants())
    assert _named_fields(own, item, _microdata(own))[0] == "God Bennett"
    c = finish_comment(FoundComment(text="Will the shuttle run late?", date_raw="Oct 04, 2026",
                                    meta_lines=["Christian said...", "Oct 04, 2026"]), ("en",))
    assert c.author == "Christian"


def test_a_handle_may_start_with_a_digit():
    c = finish_comment(FoundComment(text="2web on 25 Feb 2026 says:\nVery nice collection."), ("en",))
    assert (c.author, c.date_raw) == ("2web", "25 Feb 2026")


def test_a_display_all_comments_button_is_interface():
    assert is_interface_text("Display all comments comments are not loaded by default for faster page loading")


@pytest.mark.parametrize("text, lang, date", [
    ("10 hr agoedited 10 hr ago\nReal conversation has turns.", "en", "10 hr agoedited 10 hr ago"),
    ("vom 04.06.2026.\nUnd wie ist es mit Sport?", "de", "vom 04.06.2026."),
])
def test_a_date_line_with_an_edit_mark_or_vom_leaves_the_body_as_the_date(text, lang, date):
    c = finish_comment(FoundComment(text=text, author="Jo"), (lang, "en"))
    assert c.date_raw == date and "\n" not in c.text


def test_a_comment_holding_a_reply_form_and_two_nested_replies_is_a_comment_not_a_list(raw_page):
    def comment(name: str, words: str, replies: str = "", cls: str = "comment component") -> str:
        return (f"<div class='{cls}'><div class='comment-meta'><div class='comment-author'>{name}</div>"
                f"<small class='comment-time'>August 06, 2026</small></div>"
                f"<div class='comment-content'><p>{words}</p></div>{replies}</div>")
    replies = (comment("Mike", "The road stays open at night.", cls="comment reply")
               + comment("Claire", "Thanks, that helps a lot.", cls="comment reply"))
    form = ("<div class='toggle-wrapper'><a href='#' class='button-alt'>Reply to this post</a><div class='hidden'><form>"
            "<label>Post your comments</label><textarea name='comment' class='comment-entry'></textarea></form></div></div>")
    extra = (f"<div class='comment-wrapper'><div class='comments'>"
             f"{comment('Claire', 'How does this work in practice?', form + replies)}</div></div>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.text) for c in comments] == [
        ("Claire", "How does this work in practice?"), ("Mike", "The road stays open at night."),
        ("Claire", "Thanks, that helps a lot.")]
    assert comments[1].parent_id == comments[2].parent_id == comments[0].comment_id


def test_thread_marks_leave_the_body_and_a_quote_of_another_name_stays_words():
    c = finish_comment(FoundComment(text="(last edited Sep 08, 2026 12:59PM) (new)\nRegarding the list, it is fine.",
                                    author="Joan"), ("en",))
    assert c.text == "Regarding the list, it is fine."
    c = finish_comment(FoundComment(text='(new)\nBruce wrote: "Not going to argue." Me neither.', author="Marla"), ("en",))
    assert c.text == 'Bruce wrote: "Not going to argue." Me neither.' and c.author == "Marla"


def test_an_at_number_answering_an_earlier_comment_stays_in_the_words():
    c = finish_comment(FoundComment(text="@23:\nIt's a shame we don't have a villanelle.", author="Jo"), ("en",))
    assert c.text.startswith("@23:")


def test_blogger_comments_outside_a_holder_that_broken_markup_closed_early_are_read(raw_page):
    def item(n: int, name: str, words: str) -> str:
        return (f"<li class='comment' id='c{n}'><div class='comment-block'><div class='comment-header'>"
                f"<cite class='user'>{name}</cite><span class='datetime'><a href='#c{n}'>May {n}, 2026 at 6:22 AM</a></span>"
                f"</div><p class='comment-content'>{words}</p></div></li>")
    extra = (f"<div id='comments'><div id='comment-holder'><ol>{item(1, 'oli', 'The road will be jammed.')}</ol></div>"
             f"<ol class='thread-chrome'>{item(2, 'Mia', 'Half a metre is too little.')}</ol></div>")
    assert [(c.author, c.text) for c in _records(extra, raw_page)] == [
        ("oli", "The road will be jammed."), ("Mia", "Half a metre is too little.")]
