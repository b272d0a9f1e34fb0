"""Comment-system markup recognised in general (definition lists, nested reply lists, reply-to
lines), and the boxes around a thread that are never comments (teasers, forms, hidden legends,
editors' notes). Every page here is written for the test."""

import lxml.etree as etree
import pytest

from pipeline.extraction import extract_page
from pipeline.extraction.comment_fields import is_interface_text
from pipeline.extraction.comments import split_trafilatura_comments

ARTICLE = ("<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Der Deich</title></head><body>"
           "<article><h1>Der Deich wird erhöht</h1>"
           "<p>Das Land erhöht den Deich vor der Altstadt um einen halben Meter. Die Arbeiten beginnen nach der "
           "Sturmflutsaison und dauern zwei Jahre; die Uferstraße bleibt in dieser Zeit einspurig befahrbar.</p>"
           "<p>Die Anwohner wurden im Rathaus informiert, wo die Pläne noch bis Ende des Monats ausliegen.</p>"
           "</article>{extra}</body></html>")


def _page(extra: str, lang: str = "de") -> bytes:
    return ARTICLE.format(lang=lang, extra=extra).encode("utf-8")


def _records(extra: str, raw_page, lang: str = "de") -> list:
    """The comment records of the article page with ``extra`` after the article."""
    return extract_page(_page(extra, lang), raw_page())[1]


def test_a_definition_list_reads_the_name_from_the_dt_and_the_date_from_a_dd_footer(raw_page):
    extra = ("<div id='comments'><h4>2 Kommentare:</h4><dl id='comments-block'>"
             "<dt class='comment-author' id='c9100001'><a href='/p/jo'>Jo</a> hat gesagt…</dt>"
             "<dd class='comment-body'><p>Endlich passiert etwas am Ufer.</p></dd>"
             "<dd class='comment-footer'><span class='comment-timestamp'><a href='#c9100001'>3. Mai 2026 um 10:00</a></span></dd>"
             "<dt class='comment-author' id='c9100002'><a href='/p/mia'>Mia</a> hat gesagt…</dt>"
             "<dd class='comment-body'><p>Zwei Jahre einspurig, das wird eng.</p></dd>"
             "<dd class='comment-footer'><span class='comment-timestamp'><a href='#c9100002'>4. Mai 2026 um 11:00</a></span></dd>"
             "</dl></div>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Jo", "3. Mai 2026 um 10:00", "Endlich passiert etwas am Ufer."),
        ("Mia", "4. Mai 2026 um 11:00", "Zwei Jahre einspurig, das wird eng.")]


def test_a_dt_header_giving_the_date_then_the_name(raw_page):
    extra = ("<div id='comments'><dl class='commentlist'>"
             "<dt class='comment-head' id='c2001'><a href='#c2001'>1.</a> Am 5. April 2026 um 10:20 von Pierre</dt>"
             "<dd class='comment-body'><p>Sehr gut erklärt, danke.</p></dd>"
             "<dt class='comment-head' id='c2002'><a href='#c2002'>2.</a> Am 6. April 2026 um 11:30 von Sophie</dt>"
             "<dd class='comment-body'><p>Die Pläne liegen nur vormittags aus.</p></dd></dl></div>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.date_raw) for c in comments] == [
        ("Pierre", "Am 5. April 2026 um 10:20"), ("Sophie", "Am 6. April 2026 um 11:30")]


def _entry(n: int, name: str, words: str, replies: str = "") -> str:
    return (f"<li class='comment-li comment-item'><a id='comment{n}'></a><div class='comment hreview'>"
            f"<p class='comment-meta'><time datetime='2026-05-0{n % 9 + 1}T10:00:00Z'>Le {n % 9 + 1} mai</time>"
            f"<span class='reviewer vcard'><span class='sep'>, </span>par {name}</span>"
            f"<span class='item'>En réponse à : <a class='url fn' href='/le-deich'>Le Deich est relevé</a></span></p>"
            f"<div class='comment-content'><p>{words}</p></div></div>{replies}</li>")


THREAD = (("Jean", "Merci pour cet article très clair."), ("Anne", "Je suis d'accord avec Jean."),
          ("Luc", "Pas du tout convaincu."))


def _thread_of_three(entry, reply_list: str = "<ul>") -> str:
    """Three comments in list entries, the second a reply in a list inside the first one's entry."""
    (n1, w1), (n2, w2), (n3, w3) = THREAD
    return entry(1, n1, w1, reply_list + entry(2, n2, w2) + "</ul>") + entry(3, n3, w3)


def test_replies_in_a_list_inside_the_entry_they_answer_and_a_reply_to_line_that_names_no_author(raw_page):
    extra = ("<div class='comments-thread'><h2>Vos commentaires (3)</h2><ul class='comments-items'>"
             + _thread_of_three(_entry, "<ul class='comments-items'>") + "</ul></div>")
    comments = _records(extra, raw_page, "fr")
    assert [c.author for c in comments] == ["Jean", "Anne", "Luc"]
    assert comments[1].parent_id == comments[0].comment_id and comments[2].parent_id is None


def test_a_most_commented_list_of_links_to_other_posts_gives_no_comments(raw_page):
    items = "".join(f"<li><div class='txt-box'><span class='txt'><strong>{n}.- </strong>"
                    f"<a href='/noticias/2026/05/nota-{n}/'>Titular de otra nota número {n} del día</a></span></div></li>"
                    for n in range(1, 6))
    extra = f"<div class='tab-pane'><div class='top-disqus-comments'><ul>{items}</ul></div></div>"
    comments = _records(extra, raw_page, "es")
    assert comments == []


def test_a_comment_box_holding_the_text_area_is_the_form(raw_page):
    extra = ("<section class='commentsbox'><div id='comments_1'></div><div id='formwrapper'><form>"
             "<div class='frontend-comment'><textarea placeholder='Deine Meinung'></textarea>"
             "<div class='comment-follow'><input type='checkbox'/> Antworten folgen</div></div></form></div></section>")
    comments = _records(extra, raw_page)
    assert comments == []


def test_a_hidden_legend_of_the_comment_system_is_no_comment(raw_page):
    extra = ("<div class='comments'><div class='comment-count-label'>Kommentare</div><div class='comment-stream'></div>"
             "<div class='badgetext hidden'><div class='badge-info'><p class='title'>Stammleser</p>"
             "<p>Stammleser schreiben regelmäßig kluge Kommentare zu Themen der Stadt.</p></div>"
             "<div class='badge-info'><p class='title'>Redaktion</p><p>Dieser Kommentar stammt aus der Redaktion.</p>"
             "</div></div></div>")
    comments = _records(extra, raw_page)
    assert comments == []


def test_the_fallback_keeps_blocks_that_say_who_or_when_and_drops_the_box_notes():
    body = etree.fromstring(
        "<comments><p>Bitte halte dich an die Spielregeln. Welche Zeichen du verwenden kannst, steht im Hilfebereich.</p>"
        "<p>Karla schrieb am 3. Mai 2026: Der Deich war überfällig.</p></comments>")
    assert [c.text for c in split_trafilatura_comments(body)] == ["Karla schrieb am 3. Mai 2026: Der Deich war überfällig."]


@pytest.mark.parametrize("text", [
    "Please note that the Harbour Times does not endorse the opinions expressed in comments. "
    "Comments on this story are moderated according to our guidelines.",
    "Vos commentaires seront modérés, et publiés s'ils respectent la nétiquette.",
    "By submitting a comment, you accept that we may publish it in whole or in part.",
    "Al publicar un comentario acepta nuestras normas de participación.",
])
def test_editors_notes_on_moderation_and_terms_are_interface(text):
    assert is_interface_text(text)


def test_a_reader_mentioning_moderation_is_still_a_comment():
    assert not is_interface_text("The moderators here do a good job, I think the dyke plan is sound.")


def test_sign_in_buttons_under_a_short_comment_leave_it(raw_page):
    items = "".join(f"<div class='comment' id='comment-{n}'><span class='comment-author'>{name}</span>"
                    f"<time>6y</time><p class='comment-text'>{words}</p><p>Sign in to like this comment</p>"
                    f"<p>Sign in to reply to this comment</p></div>"
                    for n, name, words in ((1, "Debra", "Love!!"), (2, "Tom", "Happy new year, harbour team.")))
    _, comments = extract_page(_page(f"<section class='comments'>{items}</section>", "en"), raw_page())
    assert [(c.author, c.text) for c in comments] == [("Debra", "Love!!"), ("Tom", "Happy new year, harbour team.")]


@pytest.mark.parametrize("lang,box,item,author", [
    ("es", "<div id='comentarios' class='comentarios'><ul class='lista-comentarios'>{items}</ul></div>", "li class='comentario' id='comentario-{n}'", "comentario-autor"),
    ("pl", "<div id='komentarze'>{items}</div>", "div class='komentarz' id='komentarz-{n}'", "autor"),
])
def test_comment_markup_named_in_the_corpus_languages(lang, box, item, author, raw_page):
    tag = item.split()[0]
    items = "".join(f"<{item.format(n=n)}><div class='{author}'>{name}</div><div class='fecha-date'>12.05.2026 10:1{n}</div>"
                    f"<div class='texto-text'><p>{words}</p></div></{tag}>"
                    for n, name, words in ((1, "Pedro", "Ya era hora de que hicieran algo."), (2, "Lucía", "Dos años es demasiado.")))
    _, comments = extract_page(_page(box.format(items=items), lang), raw_page())
    assert [(c.author, c.text) for c in comments] == [
        ("Pedro", "Ya era hora de que hicieran algo."), ("Lucía", "Dos años es demasiado.")]


def test_items_told_apart_only_by_odd_and_even_classes_are_one_kind(raw_page):
    items = "".join(f"<li class='{parity}'><span class='commentDate'>Montag, {n}. Juli 2026 10:15</span>"
                    f"<span class='commentAuthorName'>geschrieben von {name}</span><p>{words}</p></li>"
                    for n, parity, name, words in ((12, "even", "Peter", "Gute Sache, endlich."), (13, "odd", "Heike", "Viel zu spät.")))
    extra = f"<div class='itemComments'><h3>2 Kommentare</h3><ul class='itemCommentsList'>{items}</ul></div>"
    comments = _records(extra, raw_page)
    assert [(c.author, c.text) for c in comments] == [("Peter", "Gute Sache, endlich."), ("Heike", "Viel zu spät.")]


def test_an_author_cards_post_count_is_not_the_start_of_the_words():
    from pipeline.extraction.comment_fields import finish_comment
    from pipeline.extraction.comments import FoundComment

    c = finish_comment(FoundComment(text="Beiträge: 1.204\nVersuch es mit einem Neustart.", author="helfer"), ("de",))
    assert c is not None and c.text == "Versuch es mit einem Neustart."


def test_a_named_thread_inside_a_page_builders_widget_block_is_read(raw_page):
    items = "".join(f"<li class='forum-comment'><div class='forum-comment-content'><header></header>"
                    f"<div class='js-read-more'>{words}</div></div></li>"
                    for words in ("Leaks suggest a new harbour ferry.", "Or the old one, repainted.", "I just want a later ferry."))
    extra = (f"<div class='widget-area'><div class='clear-both widget widget-content'><div class='item-content'>"
             f"<div class='forum-comment-widget' id='forum-comments'><span>3 Comments</span>"
             f"<ul class='forum-comments-list'>{items}</ul></div></div></div></div>")
    comments = _records(extra, raw_page, "en")
    assert [c.text for c in comments] == [
        "Leaks suggest a new harbour ferry.", "Or the old one, repainted.", "I just want a later ferry."]


def test_the_same_thread_in_a_sidebar_is_not_this_pages(raw_page):
    items = "".join(f"<li class='forum-comment'><div class='forum-comment-content'>{words}</div></li>"
                    for words in ("Leaks suggest a new harbour ferry.", "Or the old one, repainted.", "I just want a later ferry."))
    extra = f"<aside class='sidebar widget'><div class='forum-comment-widget'><ul>{items}</ul></div></aside>"
    comments = _records(extra, raw_page, "en")
    assert comments == []


@pytest.mark.parametrize("text", ["Comment deleted by user ·", "Comment removed by moderator", "[removed]",
                                  "Dieser Kommentar wurde gelöscht.", "Ce commentaire a été supprimé",
                                  "Este comentario ha sido eliminado por el moderador"])
def test_the_placeholder_of_a_deleted_comment_is_interface(text):
    assert is_interface_text(text)


def test_a_deleted_account_is_the_author_and_a_span_in_the_first_words_names_no_one():
    from pipeline.extraction.comment_fields import finish_comment
    from pipeline.extraction.comments import FoundComment

    gone = finish_comment(FoundComment(text="[deleted]\n·\nPrescription sunglasses!", date_raw="3 yr. ago"), ("en",))
    assert (gone.author, gone.text) == ("[deleted]", "Prescription sunglasses!")
    words = finish_comment(FoundComment(text="My brother borrowed mine 5 years ago\nand has not given it back.",
                                        date_raw="3 yr. ago"), ("en",))
    assert words.author is None and words.text.startswith("My brother borrowed mine")


def test_class_names_hashed_by_css_modules_still_name_the_parts(raw_page):
    extra = ("<div class='commentsWrapper__d1Hy5'><h2><span class='commentCount__RsynH'>1 comment</span></h2>"
             "<div class='comments__iw-Ew'><ul class='commentsList__ya-2v'><li class='comment__neRQW'>"
             "<a class='userName__EASXU' href='/u/talara'>talara</a><section class='timestamp__FcgLi'>5 years ago</section>"
             "<div class='commentText__3zHWj'>The ferry timetable is still wrong on the website.</div>"
             "</li></ul></div></div>")
    comments = _records(extra, raw_page, "en")
    assert [(c.author, c.text) for c in comments] == [("talara", "The ferry timetable is still wrong on the website.")]


def test_bem_element_names_are_not_taken_for_hashes(raw_page):
    items = "".join(f"<section class='comment'><article class='comment__content-wrapper'><div class='comment__body-wrapper'>"
                    f"<a class='comment__actor-name' href='/in/{name}'>{name}</a><span class='comment__message'>{words}</span>"
                    f"</div></article></section>" for name, words in (("Zoe", "Thanks for sharing this."), ("Nancy", "So true.")))
    _, comments = extract_page(_page(f"<div class='comments'>{items}</div>", "en"), raw_page())
    assert [(c.author, c.text) for c in comments] == [("Zoe", "Thanks for sharing this."), ("Nancy", "So true.")]


def _blog_entry(n: int, name: str, words: str, answer: str = "") -> str:
    reply = (f"<li class='reply-text'>{answer}<p><a href='/'>Hafenblog</a> 於 2026/05/0{n} 20:31 回覆</p></li>"
             if answer else "")
    return (f"<ul class='single-post'><li class='post-info'><a name='comment-{n}'></a><span class='user-name'>{name}</span>"
            f"<span class='post-time'>於 2026/05/0{n} 10:28</span></li><li class='post-text'><p id='comment-{n}'></p>"
            f"{words}</li>{reply}</ul>")


def test_one_list_per_comment_with_the_owners_answer_inside(raw_page):
    extra = ("<div id='comment-box'><h3>留言列表 (3)</h3><div class='post-comment'><a href='#comment-form'>發表留言</a></div>"
             "<div id='comment-text'>" + _blog_entry(1, "小鳳", "好棒的堤防", "謝謝來訪！")
             + _blog_entry(2, "大雄", "拍得真好") + "</div></div>")
    comments = _records(extra, raw_page, "zh")
    assert [(c.author, c.text) for c in comments] == [("小鳳", "好棒的堤防"), ("Hafenblog", "謝謝來訪！"), ("大雄", "拍得真好")]
    assert comments[1].parent_id == comments[0].comment_id and comments[1].date_raw == "2026/05/01 20:31"


def test_a_template_placeholder_in_datetime_and_replies_in_a_child_box(raw_page):
    def entry(n: int, name: str, words: str, children: str = "") -> str:
        return (f"<div id='comment-{n}'><article id='div-comment-{n}' class='x-comment-body'><footer class='x-comment-meta'>"
                f"<div class='x-comment-author'>\n{' ' * 60}{name}\n{' ' * 60}<span>·</span><a href='#comment-{n}'>"
                f"<time datetime='comment_date'>March {n}, 2026 at 10:00 AM</time></a></div></footer>"
                f"<div class='x-comment-content'><p>{words}</p></div></article>{children}</div>")
    child = "<div class='x-child child-of-11 level-2'>" + entry(12, "Ammon", "Agreed, the dyke is overdue.") + "</div>"
    extra = ("<div class='comments-area'>" + entry(11, "Sallie", "The plans are on the town website.", child)
             + entry(13, "Rarst", "Two years is a long time.") + "</div>")
    comments = _records(extra, raw_page, "en")
    assert [(c.author, c.date_raw) for c in comments] == [
        ("Sallie", "March 11, 2026 at 10:00 AM"), ("Ammon", "March 12, 2026 at 10:00 AM"), ("Rarst", "March 13, 2026 at 10:00 AM")]
    assert comments[1].parent_id == comments[0].comment_id and comments[2].parent_id is None


def test_a_private_comment_placeholder_is_interface():
    assert is_interface_text("悄悄話") and is_interface_text("This is a private comment.")


def _spip(n: int, name: str, words: str, replies: str = "") -> str:
    return (f"<li class='forum-fil'><div class='forum-message'><div class='forum-chapo'><strong class='forum-titre'>"
            f"<a href='#forum{n}' id='forum{n}'>La digue</a></strong><small>1{n % 9} mars 2026 12:00, par "
            f"<span class='vcard author'><a class='url fn' href='/auteur/{n}'>{name}</a></span></small></div>"
            f"<div class='forum-texte'><p>{words}</p><p class='repondre'><a href='spip.php?id_forum={n}'>"
            f"Répondre à ce message</a></p></div></div>{replies}</li>")


def test_spip_forum_messages_are_the_comments_with_their_replies(raw_page):
    extra = "<div class='forum-total'><h2>Messages</h2><ul class='forum'>" + _thread_of_three(_spip) + "</ul></div>"
    comments = _records(extra, raw_page, "fr")
    assert [(c.author, c.text) for c in comments] == list(THREAD)
    assert [c.date_raw for c in comments] == ["11 mars 2026 12:00", "12 mars 2026 12:00", "13 mars 2026 12:00"]
    assert comments[1].parent_id == comments[0].comment_id and comments[2].parent_id is None


FIRST, SECOND = "Endlich passiert etwas am Ufer.", "Zwei Jahre einspurig, das wird eng."


def _thread(raw_page, entry, names: tuple[str, ...], wrap: str, lang: str = "de",
            words: tuple[str, ...] = (FIRST, SECOND)) -> list:
    """The comment records of ``entry(n, name, words)`` items numbered from 1, inside ``wrap`` ("<div>{}</div>")."""
    items = "".join(entry(n, name, text) for n, (name, text) in enumerate(zip(names, words), 1))
    return _records(wrap.format(items), raw_page, lang)



@pytest.mark.parametrize("entry,wrap,dates", [
    # badges and a profile link named for the author are no name
    ("<div class='comment_item' id='comment_{n}'><div class='author_name'><a href='/u/{name}'>{name}</a>"
     "<div class='author_fans'><a class='author_fans_count' href='/u/{name}'>{n}49 Fans</a></div></div>"
     "<div class='comment-author avatar-cell'><a class='profile_link'>Profile</a></div>"
     "<div class='comment_body'><div class='comment_time'>3. Mai 2026 um 10:0{n}</div>{words}</div></div>",
     "<div id='comments'>{}</div>", ["3. Mai 2026 um 10:01", "3. Mai 2026 um 10:02"]),
    # the name and the date in the box around the element named for the words
    ("<li class='clearfix'><div class='group'><div class='commentor-info'><div><a href='/u/{n}'>{name}</a>"
     "</div></div><div class='comment-meta'>Antwort #{n}<div>3. Mai 2026 um 1{n}:00</div></div></div>"
     "<div class='submitted-comment'><p>{words}</p></div><ul class='comment-controls'><li><a href='#'>Antworten</a></li></ul></li>",
     "<div id='comments'><h2>Kommentare (2)</h2><ol>{}</ol></div>", ["3. Mai 2026 um 11:00", "3. Mai 2026 um 12:00"]),
    # an element named a comment that holds only its header is read with the words beside it
    ("<div class='borde clearfix'><div class='sf_comment' id='sf_comment_{n}'><p class='sf_comment_info'>"
     "<span class='sf_comment_author'>{name}</span><br><span class='date'>vor {n} Stunden</span></p></div>"
     "<div class='sf_comment_text'><p>{words}</p></div></div>",
     "<div id='sf_comment_list' class='box'>{}</div>", ["vor 1 Stunden", "vor 2 Stunden"]),
])
def test_the_name_and_date_are_read_wherever_the_theme_puts_them(raw_page, entry, wrap, dates):
    comments = _thread(raw_page, lambda n, name, words: entry.format(n=n, name=name, words=words), ("Deich_graf", "Mia Lorenz"), wrap)
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Deich_graf", dates[0], FIRST), ("Mia Lorenz", dates[1], SECOND)]

def test_a_date_printed_inside_the_author_element_leaves_the_name(raw_page):
    def entry(n: int, name: str, words: str) -> str:
        return (f"<li id='c-{n}'><div class='ugc-comment'><cite><a href='/u/{n}'><strong>{name}</strong></a> "
                f"<span class='ugc-timestamp'><abbr title='2026-05-0{n}T10:00:00+0000'>{n} hours ago</abbr></span></cite>"
                f"<blockquote class='ugc-commenttext'>{words}</blockquote></div></li>")
    comments = _thread(raw_page, entry, ("Isa", "Mia"), "<ul id='comments' class='ugc-comments'>{}</ul>")
    assert [(c.author, c.text) for c in comments] == [("Isa", FIRST), ("Mia", SECOND)]
    assert all(c.date_raw for c in comments)


def test_a_wordpress_theme_that_renames_the_author_part_still_gives_the_name(raw_page):
    def entry(n: int, name: str, words: str) -> str:
        return (f"<li class='comment depth-1' id='li-comment-{n}'><div id='comment-{n}'>"
                f"<div class='comment-author avatar-cell'><a class='profile_link' href='#'>Profile</a></div>"
                f"<div class='comment-meta commentmetadata'><div class='comment_date'>5.3.26 at 9:1{n} pm</div>"
                f"<div class='comment_author' data-username='{name}'>{name}</div>"
                f"<div class='comment-body'><p>{words}</p></div></div></div></li>")
    extra = ("<div id='comments'><ol class='commentlist'>" + entry(1, "Deichgraf", "The plans are on the town website.")
             + entry(2, "mia_l", "Two years is a long time.") + "</ol></div>")
    comments = _records(extra, raw_page, "en")
    assert [(c.author, c.text) for c in comments] == [
        ("Deichgraf", "The plans are on the town website."), ("mia_l", "Two years is a long time.")]


def test_a_commenter_card_gives_the_name_its_profile_link_shows_not_the_motto_beside_it(raw_page):
    def entry(n: int, name: str, motto: str, words: str) -> str:
        return (f"<div class='comment_item' id='comment_{n}'><div class='author_name'><div class='rank'>SUPER USER</div>"
                f"<a class='bold' href='/social/{name}'>{name}</a><div class='bio_teaser'>{motto}</div></div>"
                f"<div class='comment_body'><div class='comment_time'>3. Mai 2026 um 10:0{n}</div>{words}</div></div>")
    comments = _thread(raw_page, lambda n, name, words: entry(n, name, f"Motto Nummer {n}", words), ("deichgraf", "MiaL"),
                       "<div id='comments'>{}</div>")
    assert [c.author for c in comments] == ["deichgraf", "MiaL"]


def test_boxes_named_for_a_comment_holding_only_a_button_are_no_comments(raw_page):
    def entry(n: int, name: str, words: str) -> str:
        return (f"<li><div class='usuario'><div class='usuario_nombre'><strong>{name}</strong>"
                f"<span class='fecha_hora'>28.oct.2025 | 11:2{n}</span></div></div><p>{words}</p>"
                f"<div class='interact'><a class='responder' href='#c'>Responder</a>"
                f"<div id='denuncia_comentario_{n}'><span>Denunciar</span></div></div></li>")
    extra = ("<div id='comentarios'><ul class='nav'><li><a href='#'>Todos</a></li><li><a href='#'>Mejor valorados</a></li></ul>"
             "<ol>" + entry(1, "PepeChan", "La cara lo dice todo, desde luego.")
             + entry(2, "Ana_M", "Ojalá se aclare pronto todo esto.") + "</ol></div>")
    comments = _records(extra, raw_page, "es")
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("PepeChan", "28.oct.2025 | 11:21", "La cara lo dice todo, desde luego."),
        ("Ana_M", "28.oct.2025 | 11:22", "Ojalá se aclare pronto todo esto.")]


@pytest.mark.parametrize("text", ["PREVIEW COMMENT", "Your Comments:", "Mejor valorados", "Most replied",
                                  "In order to post a comment on this page, you must sign in to your account"])
def test_sort_tabs_preview_buttons_text_box_labels_and_sign_in_notes_are_interface(text):
    assert is_interface_text(text)


def test_a_cite_in_a_quote_names_the_quoted_and_a_profile_link_in_the_header_names_the_commenter(raw_page):
    def entry(n: int, name: str, words: str, quote: str = "") -> str:
        return (f"<li class='clearfix'><div class='group'><div class='commentor-info'><div>"
                f"<a href='/network/profile_view.cfm?member_id={n}'>{name}</a> <div>Ort: Hafen</div></div></div>"
                f"<div class='comment-meta'>Antwort #{n}<div>3. Mai 2026 um 1{n}:00</div></div></div>"
                f"<div class='submitted-comment'>{quote}<p>{words}</p></div></li>")
    quote = "<blockquote><div><cite>Karl der Große: 3. Mai 2026 um 11:00</cite></div><p>Endlich passiert etwas.</p></blockquote>"
    extra = ("<div id='comments'><ol>" + entry(1, "Karl der Große", "Endlich passiert etwas am Ufer.")
             + entry(2, "Mia von Hafen", "Zwei Jahre einspurig, das wird eng.", quote) + "</ol></div>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.date_raw) for c in comments] == [
        ("Karl der Große", "3. Mai 2026 um 11:00"), ("Mia von Hafen", "3. Mai 2026 um 12:00")]
    assert comments[1].text == "Zwei Jahre einspurig, das wird eng."


def test_an_answer_named_for_the_comment_system_in_an_indented_box_is_a_reply(raw_page):
    extra = ("<div id='comments'>"
             "<div class='article_comment_item'><div class='comment_author'>Soumis par <span class='comment_author_name'>Jo"
             "</span>, le lundi 4 mai 2026 à 10h00</div><div class='comment_content'><p>Enfin des travaux sur la digue.</p></div></div>"
             "<div class='indented'><div class='article_comment_answer'><div class='comment_author'><span "
             "class='comment_author_name'>Mia</span> a répondu le lundi 4 mai 2026 à 11h00</div>"
             "<div class='comment_content'><p>Tout à fait d'accord !</p></div></div></div>"
             "<div class='article_comment_item'><div class='comment_author'>Soumis par <span class='comment_author_name'>Léa"
             "</span>, le mardi 5 mai 2026 à 09h00</div><div class='comment_content'><p>Deux ans, c'est long.</p></div></div></div>")
    comments = _records(extra, raw_page, "fr")
    assert [(c.author, c.text, c.parent_id is not None) for c in comments] == [
        ("Jo", "Enfin des travaux sur la digue.", False), ("Mia", "Tout à fait d'accord !", True),
        ("Léa", "Deux ans, c'est long.", False)]
    assert comments[1].parent_id == comments[0].comment_id


def test_a_short_comment_inside_the_header_box_keeps_its_words(raw_page):
    def entry(n: int, name: str, words: str) -> str:
        return (f"<li id='c-{n}'><div class='ugc-comment'><div class='ugc-info'><cite><a href='/u/{n}'>{name}</a> "
                f"<span class='ugc-timestamp'><abbr title='2026-05-0{n}T10:00:00+0000'>{n} hours ago</abbr></span></cite>"
                f"<blockquote class='ugc-commenttext'>{words}</blockquote></div></div></li>")
    extra = ("<ul id='comments' class='ugc-comments'>" + entry(1, "Isa", "Endlich passiert etwas am Ufer, gut so.")
             + entry(2, "Mia", "Wir freuen uns") + entry(3, "Ole", "Link?") + "</ul>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.text) for c in comments] == [
        ("Isa", "Endlich passiert etwas am Ufer, gut so."), ("Mia", "Wir freuen uns"), ("Ole", "Link?")]



@pytest.mark.parametrize("words", [
    ("Endlich passiert etwas am Ufer, und zwar bevor die nächste Sturmflut kommt.",
     "Zwei Jahre einspurig, das wird eng für alle, die morgens zur Fähre müssen."),
    ("Quelle?", "Stimmt."),
])
def test_a_notice_named_text_above_the_name_leaves_the_words_to_the_body_however_short(raw_page, words):
    def entry(n: int, name: str, text: str) -> str:
        return (f"<div class='comment_item' id='comment_{n}'><div class='comment_top'><div class='badges_opt_out_text'>"
                f"Dieses Mitglied zeigt seine Abzeichen nicht</div><div class='author_name'><a href='/u/{name}'>{name}</a></div></div>"
                f"<div class='comment_body'><div class='comment_time'>3. Mai 2026 um 10:0{n}</div>{text}</div></div>")
    comments = _thread(raw_page, entry, ("deichgraf", "MiaL"), "<div id='comments'>{}</div>", words=words)
    assert [(c.author, c.text) for c in comments] == [("deichgraf", words[0]), ("MiaL", words[1])]

def test_a_flat_list_answers_by_the_depth_its_classes_give(raw_page):
    def entry(n: int, level: int, name: str, words: str) -> str:
        return (f"<div class='comment odd depth-{level}' id='comment-{n}'><div class='thecomment'>"
                f"<span class='author'>{name}</span><span class='date'>3. Mai 2026 um 1{n}:00</span>"
                f"<div class='comment-content'><p>{words}</p></div></div></div>")
    extra = ("<div id='comments'><div class='comments'>" + entry(1, 1, "Jo", "Endlich passiert etwas am Ufer.")
             + entry(2, 2, "Mia", "Ja, und zwar rechtzeitig.") + entry(3, 1, "Ole", "Zwei Jahre sind lang.") + "</div></div>")
    comments = _records(extra, raw_page)
    assert [c.author for c in comments] == ["Jo", "Mia", "Ole"]
    assert [c.parent_id for c in comments] == [None, comments[0].comment_id, None]


def test_an_avatar_names_the_commenter_when_nothing_else_does(raw_page):
    def entry(n: int, alt: str, words: str) -> str:
        return (f"<li class='comment-entry' id='comment-{n}'><div class='pic'><img class='avatar' alt='{alt}' src='/a/{n}.png'></div>"
                f"<div class='comment-text'><p>{words}</p></div><span class='date'>3. Mai 2026 um 1{n}:00</span></li>")
    extra = ("<ol id='comments'>" + entry(1, "Avatar von Jo Berg", "Endlich passiert etwas am Ufer.")
             + entry(2, "mia_l", "Zwei Jahre einspurig, das wird eng.") + entry(3, "avatar", "Die Fähre fährt ja weiter.")
             + "</ol>")
    comments = _records(extra, raw_page)
    assert [(c.author, c.text) for c in comments] == [
        ("Jo Berg", "Endlich passiert etwas am Ufer."), ("mia_l", "Zwei Jahre einspurig, das wird eng."),
        (None, "Die Fähre fährt ja weiter.")]


def test_a_forum_signature_under_a_post_is_never_its_words(raw_page):
    posts = "".join(
        f"<article class='message' id='js-post-{n}'><h4 class='message-name'>{name}</h4>"
        f"<time datetime='2026-05-0{n}T10:00:00Z'>{n}. Mai 2026</time>"
        f"<article class='message-body'><div class='bbWrapper'>{words}</div></article>"
        f"<aside class='message-signature'><div class='bbWrapper'>Boot: Jolle 420, Baujahr 1998, Segelnummer GER 5512, "
        f"Heimathafen am Binnensee, Trailer mit Stützrad</div></aside></article>"
        for n, name, words in ((2, "Jo", "Gut so."), (3, "Mia", "Endlich wird der Deich höher.")))
    comments = _records(f"<div class='block-body' id='thread'>{posts}</div>", raw_page)
    assert [(c.author, c.text) for c in comments] == [("Jo", "Gut so."), ("Mia", "Endlich wird der Deich höher.")]


def test_comments_inside_the_article_column_of_a_sidebar_layout_are_comments(raw_page):
    prose = "".join(f"<p>Der {n}. Abschnitt des Deichs wird im Frühjahr erhöht, danach folgt der nächste; die "
                    f"Uferstraße bleibt in dieser Zeit einspurig, und die Fähre fährt nach dem Sommerfahrplan.</p>"
                    for n in range(1, 13))
    page = ("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Der Deich</title></head><body>"
            "<div class='sidebar-layout'><h1 class='entry-title'>Der Deich wird erhöht</h1><div class='sidebar-content'>"
            f"{prose}<div id='comments' class='comments-area'><div class='wpd-thread-list'>"
            "<div id='wpd-comm-7_0' class='comment wpd-comment'><div id='comment-7' class='wpd-comment-right'>"
            "<div class='wpd-comment-header'><div class='wpd-comment-author'>Jo</div>"
            "<div class='wpd-comment-date' title='3. Mai 2026 10:00'>vor 2 Tagen</div></div>"
            "<div class='wpd-comment-text'><p>Endlich passiert etwas am Ufer.</p></div></div></div>"
            "</div></div></div><aside class='sidebar'><p>Mehr aus der Stadt</p></aside></div></body></html>")
    comments = extract_page(page.encode("utf-8"), raw_page())[1]
    assert [(c.author, c.date_raw, c.text) for c in comments] == [("Jo", "3. Mai 2026 10:00", "Endlich passiert etwas am Ufer.")]


def _board_post(n: int, name: str, words: str) -> str:
    return (f"<div id='p{4400 + n}' class='blockpost'><h2><span>#{n}</span> <a href='?pid={4400 + n}'>2026-05-0{n} 10:1{n}:00</a></h2>"
            f"<div class='postbody'><div class='postleft'><dl><dt><strong>{name}</strong></dt><dd>Mitglied</dd>"
            f"<dd><span>Beiträge: 4{n}</span></dd></dl></div><div class='postright'><h3>Re: Der Deich wird erhöht</h3>"
            f"<div class='postmsg'><p>{words}</p></div></div></div></div>")


def test_a_board_wrapped_in_its_software_box_gives_each_reply_its_number_lines_date_and_name(raw_page):
    page = ("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Der Deich</title></head><body>"
            "<div id='brdviewtopic' class='pun'><h1>Der Deich wird erhöht</h1><div id='postlist'>"
            + _board_post(1, "Jo", "Das Land erhöht den Deich vor der Altstadt um einen halben Meter, ab dem Frühjahr, "
                          "und die Uferstraße bleibt zwei Jahre lang einspurig befahrbar; die Pläne liegen im Rathaus aus, wo sie "
                          "bis Ende des Monats jeder einsehen kann, der vor der Sturmflutsaison Fragen hat.")
            + _board_post(2, "Mia", "Zwei Jahre einspurig, das wird eng für den Bus.")
            + _board_post(3, "Ben", "Gut so, der alte Deich hätte die nächste Sturmflut kaum gehalten.")
            + "</div></div></body></html>")
    comments = extract_page(page.encode("utf-8"), raw_page("http://127.0.0.1/forum/viewtopic.php?id=7"))[1]
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Mia", "2026-05-02 10:12:00", "Zwei Jahre einspurig, das wird eng für den Bus."),
        ("Ben", "2026-05-03 10:13:00", "Gut so, der alte Deich hätte die nächste Sturmflut kaum gehalten.")]


def test_a_thread_card_beside_the_form_card_of_the_same_kind_is_split_into_its_comments(raw_page):
    panels = "".join(f"<div class='panel'><div class='panel-heading comment-meta'><span class='comment-author'>{name}</span> "
                      f"{day}. Mai 2026</div><div class='panel-body'>{words}</div></div>"
                      for name, day, words in (("Jo", 3, "Endlich passiert etwas am Ufer."),
                                               ("Mia", 4, "Zwei Jahre einspurig, das wird eng für den Bus.")))
    extra = ("<div class='card comments-card'><h4>Kommentar schreiben</h4><form action='/c'><textarea name='c'></textarea>"
             "<input type='submit' value='Senden'></form></div>"
             f"<div class='card comments-card'><h3>Kommentare</h3>{panels}</div>")
    assert [(c.author, c.date_raw, c.text) for c in _records(extra, raw_page)] == [
        ("Jo", "3. Mai 2026", "Endlich passiert etwas am Ufer."), ("Mia", "4. Mai 2026", "Zwei Jahre einspurig, das wird eng für den Bus.")]


@pytest.mark.parametrize("button", ["↑ Top of comments", "Top of page", "Jump to top of thread"])
def test_a_link_back_to_the_top_is_no_comment(button):
    assert is_interface_text(button)


def test_a_shops_review_list_gives_its_reviews_when_nothing_else_holds_comments(raw_page):
    reviews = "".join(f"<li id='R{n}' class='review'><div class='a-profile'><span class='a-profile-name'>{name}</span></div>"
                      f"<span class='review-date'>Rezension aus Deutschland vom {n}. Mai 2026</span>"
                      f"<span class='review-text'><span>{words}</span></span></li>"
                      for n, name, words in ((3, "Jo", "Hält dicht, auch bei Sturmflut."),
                                             (4, "Mia", "Etwas schwer, aber gut verarbeitet.")))
    comments = _records(f"<div class='reviews-content'><ul id='cm-review-list' class='review-views'>{reviews}</ul></div>", raw_page)
    assert [(c.author, c.date_raw, c.published_at[:10], c.text) for c in comments] == [
        ("Jo", "Rezension aus Deutschland vom 3. Mai 2026", "2026-05-03", "Hält dicht, auch bei Sturmflut."),
        ("Mia", "Rezension aus Deutschland vom 4. Mai 2026", "2026-05-04", "Etwas schwer, aber gut verarbeitet.")]


def test_a_reviews_box_without_reviews_inside_is_no_thread(raw_page):
    extra = ("<div class='reviews'><h3>Mehr Kritiken</h3><ul><li><a href='/kritik/1'>Der Film über den Deich</a></li>"
             "<li><a href='/kritik/2'>Ein Buch über Sturmfluten, 3. Mai 2026</a></li></ul></div>")
    assert _records(extra, raw_page) == []


def test_a_forum_rank_under_the_name_is_no_author(raw_page):
    posts = "".join(
        f"<div id='p_{n}' class='post'><dl class='postprofile'><dt><span class='thread-user-name'><a class='username' "
        f"href='/u/{n}'><span>{name}</span></a></span><div class='profile-rank'><span class='profile-rank-name'>Mitglied</span></div></dt></dl>"
        f"<div class='postbody'><time datetime='2026-05-0{n}T10:00:00Z'>{n}. Mai 2026</time><div class='content'>{words}</div></div></div>"
        for n, name, words in ((3, "Jo", "Endlich passiert etwas am Ufer, das war lange fällig."),
                               (4, "Mia", "Zwei Jahre einspurig, das wird eng für den Bus.")))
    comments = _records(f"<div id='comments'>{posts}</div>", raw_page)
    assert [c.author for c in comments] == ["Jo", "Mia"]


def test_a_most_recommended_board_inside_the_comments_box_is_no_thread(raw_page):
    board = "".join(f"<li><span>{n}.</span><h2><a href='/other-story?commentId={n}'>“{words}...”</a></h2>"
                    f"<div class='leaderboardData'><cite>- {name}</cite><small>12{n} Recommendations</small></div></li>"
                    for n, name, words in ((1, "Jo", "Endlich passiert"), (2, "Mia", "Zwei Jahre einspurig")))
    extra = (f"<div id='comments-panel' class='comments'><div id='leaderboard' class='commentLeaderboard'>"
             f"<h3>Most Recommended</h3><ul class='listItems'>{board}</ul></div>"
             "<div class='commentBox'>Create a community profile to comment with your name.</div></div>")
    assert _records(extra, raw_page) == []


def _board_comment(n: int, name: str, words: str) -> str:
    return (f"<li id='tree_{n}' class='comment full'><div id='comment_{n}' class='cw'>"
            f"<div id='comment_top_{n}' class='commentTop newcomment'><div class='title'><h4><a href='?cid={n}'>Re: Der Deich</a>"
            f" <span class='score'>(Score:4, Insightful)</span></h4></div><div class='details'><span class='by'>by "
            f"<a href='/~{name}'>{name}</a> <span class='uid'><a href='/~{name}'>( 12{n} )</a></span></span> "
            f"<span class='otherdetails'>on Sunday May 03, 2026 @1{n}:05AM (<a href='?cid={n}'>#{n}</a>) "
            f"<small><a class='user_homepage_display' href='http://127.0.0.1/'>Homepage</a></small></span></div></div>"
            f"<div class='commentBody'><div id='comment_body_{n}'><p>{words}</p></div></div></div></li>")


def test_a_comment_marked_new_keeps_its_header_and_reads_name_and_date_beside_the_account_number(raw_page):
    extra = ("<div id='comments' class='a2commentwrap'><ul id='commentlisting'>"
             + _board_comment(1, "jo_k", "Endlich passiert etwas am Ufer, nach all den Jahren der Planung im Rathaus.")
             + _board_comment(2, "mia", "Zwei Jahre einspurig, das wird eng für den Bus und für die Lieferwagen.") + "</ul></div>")
    comments = _records(extra, raw_page, lang="en")
    assert [(c.author, c.published_at[:16], c.text) for c in comments] == [
        ("jo_k", "2026-05-03T11:05", "Endlich passiert etwas am Ufer, nach all den Jahren der Planung im Rathaus."),
        ("mia", "2026-05-03T00:05", "Zwei Jahre einspurig, das wird eng für den Bus und für die Lieferwagen.")]


def test_a_header_printed_before_the_comment_gives_its_date_then_its_name(raw_page):
    thread = "".join(f"<div class='ds_hlavicka'>{day}.5.2026 1{day}:28 <a href='/lide/{name}'>{name}</a> | skóre: 17 | blog: "
                     f"<a href='/blog/{name}'>deich</a><br>Re: Der Deich</div><div id='comment{day}' class='ds_text_user{day}'>"
                     f"<div class='ds_text'>{words}</div></div>"
                     for day, name, words in ((3, "tired jo", "Endlich passiert etwas am Ufer."),
                                              (4, "mia", "Zwei Jahre einspurig, das wird eng für den Bus.")))
    comments = _records(f"<div id='comments'><div class='ds_odsazeni'>{thread}</div></div>", raw_page, lang="cs")
    assert [(c.author, c.date_raw) for c in comments] == [("tired jo", "3.5.2026 13:28"), ("mia", "4.5.2026 14:28")]


def _qa_comment(n: int, name: str, words: str) -> str:
    return (f"<li id='comment-{n}' class='comment'><div class='comment-body'><span class='comment-copy'>{words}</span><div class='d-inline-flex'>– "
            f"<a class='comment-user' href='/users/{n}'>{name}</a></div> <span class='comment-date'>May 3, 2026 at 1{n % 10}:00</span></div></li>")


def _qa_answer(n: int, name: str, words: str, comments: str = "") -> str:
    return (f"<div id='answer-{n}' class='answer' itemprop='suggestedAnswer' itemscope itemtype='https://schema.org/Answer'>"
            f"<div class='s-prose' itemprop='text'><p>{words}</p></div><div class='user-info'>answered "
            f"<span class='relativetime' title='2026-05-0{n % 10} 10:00:00Z'>May {n % 10}, 2026</span> "
            f"<div class='user-details' itemprop='author' itemscope itemtype='https://schema.org/Person'>"
            f"<a href='/users/{n}'>{name}</a><span itemprop='name' class='d-none'>{name}</span></div></div>"
            f"<div class='comments'><ul class='comments-list'>{comments}</ul></div></div>")


def test_a_questions_answers_are_comments_and_the_comments_under_an_answer_its_replies(raw_page):
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Dike height</title></head><body>"
            "<div id='question' itemscope itemtype='https://schema.org/Question'><h1 itemprop='name'>How high should a "
            "dike be?</h1><div class='s-prose' itemprop='text'><p>The council wants to raise the old dike by half a metre "
            "before the storm season. Is that enough for a hundred-year flood, and what should the town ask the engineers "
            "about the soil under the old wall, the pumps behind it and the road on top?</p></div>"
            "<div class='comments'><ul class='comments-list'>" + _qa_comment(11, "mia", "Which coast is this?") + "</ul></div>"
            "<div id='answers'>"
            + _qa_answer(21, "Jo", "Half a metre is usually too little; ask for the survey first.",
                         _qa_comment(12, "ben", "The survey is public, see the council site."))
            + _qa_answer(22, "Ada", "Check the pumps as well, they fail before the wall does.")
            + "</div></div></body></html>")
    comments = extract_page(page.encode("utf-8"), raw_page("http://127.0.0.1/questions/7/how-high-should-a-dike-be"))[1]
    assert [(c.author, c.text) for c in comments] == [
        ("mia", "Which coast is this?"), ("Jo", "Half a metre is usually too little; ask for the survey first."),
        ("ben", "The survey is public, see the council site."), ("Ada", "Check the pumps as well, they fail before the wall does.")]
    assert [c.parent_id for c in comments] == [None, None, comments[1].comment_id, None]


def test_a_dt_whose_name_date_and_avatar_all_link_still_heads_the_dd_after_it(raw_page):
    extra = ("<div id='comments'><dl id='comment_list'>"
             "<dt class='comment even depth-1' id='comment-7001'><span class='avatar'><a href='http://jo.example.org' "
             "rel='external nofollow'><img alt='' src='/a.png' class='avatar photo'></a></span> <span class='comment_author'>"
             "<a href='http://jo.example.org' rel='external nofollow' class='url'>Jo Brand</a></span> <span class='comment_time'>"
             "<a href='#comment-7001' title='Permalink to this comment'>May 3, 2012 at 3:12 pm</a></span></dt>"
             "<dd class='comment even depth-1'><div class='format_text'><p>Half a metre seems little after last winter.</p></div></dd>"
             "<dt class='comment odd depth-1' id='comment-7002'><span class='comment_author'>mia</span> "
             "<span class='comment_time'><a href='#comment-7002'>May 4, 2012 at 1:00 am</a></span></dt>"
             "<dd class='comment odd depth-1'><div class='format_text'><p>Two years on one lane is long.</p></div></dd>"
             "</dl></div>")
    comments = _records(extra, raw_page, "en")
    assert [(c.author, c.date_raw) for c in comments] == [("Jo Brand", "May 3, 2012 at 3:12 pm"),
                                                          ("mia", "May 4, 2012 at 1:00 am")]


def test_a_dd_holding_replies_keeps_the_dt_before_it_as_its_header(raw_page):
    extra = ("<div id='comments'><dl id='comment_list'>"
             "<dt class='comment depth-1' id='comment-7101'><span class='comment_author'><a href='http://jo.example.org' "
             "class='url'>Jo Brand</a></span> "
             "<span class='comment_time'>May 3, 2012 at 3:12 pm</span></dt>"
             "<dd class='comment depth-1'><div class='format_text'><p>Half a metre seems little after last winter.</p></div>"
             "<dl class='children'><dt class='comment depth-2' id='comment-7102'><span class='comment_author'>Ute</span> "
             "<span class='comment_time'>May 3, 2012 at 5:00 pm</span></dt>"
             "<dd class='comment depth-2'><div class='format_text'><p>The engineers say it is enough.</p></div></dd>"
             "<dt class='comment depth-2' id='comment-7104'><span class='comment_author'>Kai</span> "
             "<span class='comment_time'>May 3, 2012 at 6:00 pm</span></dt>"
             "<dd class='comment depth-2'><div class='format_text'><p>They said so last time too.</p></div></dd></dl></dd>"
             "<dt class='comment depth-1' id='comment-7103'><span class='comment_author'>mia</span> "
             "<span class='comment_time'>May 4, 2012 at 1:00 am</span></dt>"
             "<dd class='comment depth-1'><div class='format_text'><p>Two years on one lane is long.</p></div></dd>"
             "</dl></div>")
    comments = _records(extra, raw_page, "en")
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Jo Brand", "May 3, 2012 at 3:12 pm", "Half a metre seems little after last winter."),
        ("Ute", "May 3, 2012 at 5:00 pm", "The engineers say it is enough."),
        ("Kai", "May 3, 2012 at 6:00 pm", "They said so last time too."),
        ("mia", "May 4, 2012 at 1:00 am", "Two years on one lane is long.")]


DD_BOX = ("<dt id='comment-{n}' class='comment depth-1'>{header}</dt><dd class='comment depth-1'><div class='comment' "
          "id='div-comment-{n}'><p>{words}</p><div class='reply'><a class='comment-reply-link' href='#respond'>Reply</a></div></div></dd>")
ENTRY_HEADER = ("<li class='comment' id='comment-{n}'><div id='div-comment-{n}'><div class='comment_entry'><p class='cm-meta'>"
                "{header}</p><p>{words}</p></div></div></li>")


@pytest.mark.parametrize("frame,block,headers", [
    # a comment box inside a dd reads its numbered name line from the dt
    ("<div id='comments'><h2>Comments</h2><dl class='commentlist'>{}</dl></div>", DD_BOX,
     ("1. <a href='http://jo.example.org' class='url'>Jo Brand</a> - <a href='#comment-{n}'>{date}</a>",
      "2. Ute - <a href='#comment-{n}'>{date}</a>")),
    # a name-and-date line printed inside the words' element leaves the body
    ("<div id='comments'><h3>2 Comments</h3><ul id='comment_list'>{}</ul></div>", ENTRY_HEADER,
     ("<a href='http://jo.example.org' class='url'>Jo Brand</a> &#8212; <a href='#comment-{n}' class='comment-meta-time'>{date}</a>",
      "Ute &#8212; <a href='#comment-{n}' class='comment-meta-time'>{date}</a>")),
])
def test_a_header_line_in_or_before_the_comment_box_names_and_dates_it_and_leaves_the_words(raw_page, frame, block, headers):
    dates = ("July 10th, 2012, 7:20 pm", "29 August, 2011")
    words = ("Half a metre seems little.", "The engineers say it is enough.")
    blocks = [block.format(n=7201 + i, header=h.format(n=7201 + i, date=dates[i]), words=words[i]) for i, h in enumerate(headers)]
    comments = _records(frame.format("".join(blocks)), raw_page, "en")
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Jo Brand", dates[0], words[0]), ("Ute", dates[1], words[1])]


def test_a_follow_button_printed_in_the_author_element_is_no_part_of_the_name(raw_page):
    extra = ("<div id='comments'><ol class='commentlist'>"
             "<li class='comment depth-1' id='li-comment-7401'><div id='comment-7401' class='comment-wrapper'>"
             "<div class='comment-author vcard'><span class='author-link'><a href='/people/jo/' class='url'>Jo Brand</a></span> "
             "<a href='/people/jo/follow/' class='follow_button'>Follow</a></div>"
             "<div class='comment-body'><p>Half a metre seems little after last winter.</p></div>"
             "<div class='comment-actions'><a href='#comment-7401'><time datetime='2012-11-12T18:14:19-04:00'>"
             "November 12, 2012 18:14</time></a></div></div></li></ol></div>")
    comments = _records(extra, raw_page, "en")
    assert [c.author for c in comments] == ["Jo Brand"]


def test_a_block_whose_first_line_is_a_name_and_a_date_is_signed_though_no_part_was_named_for_them():
    from pipeline.extraction.comments import FoundComment, _signed
    assert _signed(FoundComment(text="Jo Brand On Friday, November 2 at 12:14 pm\nHalf a metre seems little."), ("en",))
    assert not _signed(FoundComment(text="Be kind to each other.\nComments are read before they appear."), ("en",))


def test_a_numbered_name_line_closed_by_a_dash_names_the_commenter_in_any_words(raw_page):
    extra = ("<div id='comments'><h2>Comments</h2><dl class='commentlist'>"
             "<dt id='comment-7601' class='comment depth-1'>\n1.\tbob the dyke cat -\n<a href='#comment-7601'>29 August, 2011</a></dt>"
             "<dd class='comment depth-1'><div class='comment' id='div-comment-7601'><p>Half a metre seems little.</p></div></dd>"
             "<dt id='comment-7602' class='comment depth-1'>\n2.\t(Ute) -\n<a href='#comment-7602'>30 August, 2011</a></dt>"
             "<dd class='comment depth-1'><div class='comment' id='div-comment-7602'><p>The engineers say it is enough.</p></div></dd>"
             "</dl></div>")
    comments = _records(extra, raw_page, "en")
    assert [(c.author, c.date_raw) for c in comments] == [("bob the dyke cat", "29 August, 2011"), ("(Ute)", "30 August, 2011")]
