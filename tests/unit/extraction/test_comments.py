"""Comments come out one record each, in page order, and never inside the article text."""

import lxml.html
import pytest

from pipeline.extraction import ExtractorSettings, extract_page
from pipeline.extraction.comments import find_comments
from pipeline.extraction.text import normalise_space


def _no_leak(article, comments):
    body = normalise_space(article.text)
    for c in comments:
        for paragraph in c.text.split("\n"):
            assert normalise_space(paragraph) not in body, paragraph


def test_wordpress_thread_is_split_with_replies_authors_and_dates(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("wordpress.html"), raw_page())
    assert [c.author for c in comments] == ["Anna Brook", "Pedro", "K. Osei"]
    assert [c.position for c in comments] == [0, 1, 2]
    assert comments[0].text == "The insurers' warning is the real story here, not the communique."
    assert comments[1].parent_id == comments[0].comment_id  # the nested reply points at its parent
    assert comments[2].parent_id is None
    assert comments[0].published_at == "2026-11-10T08:15:00+00:00"
    assert comments[2].published_at is None  # a date in the future is dropped
    assert all(c.language == "en" for c in comments)
    assert "Reply" not in " ".join(c.text for c in comments)
    assert "inspection office" in article.text
    _no_leak(article, comments)


def test_disqus_style_markup_keeps_multi_paragraph_messages_whole(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("disqus.html"), raw_page())
    assert [c.author for c in comments] == ["river_delta", "mkovac"]
    assert comments[1].text == ("The values in the customs records tell the whole story.\n"
                                "Nobody sells a flight controller for two euros.")
    assert comments[1].parent_id == comments[0].comment_id
    assert comments[0].published_at == "2026-11-12T10:00:00+00:00"
    _no_leak(article, comments)


def test_generic_comment_list_in_another_language(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("generic_list.html"), raw_page())
    assert [c.text for c in comments] == [
        "Endlich! Darauf warten wir seit zehn Jahren.",
        "Um sechs Uhr fährt leider noch keine Fähre, das hilft Pendlern wenig.",
    ]
    assert [c.author for c in comments] == ["Hafenmeister", "Jule"]
    assert comments[0].published_at.startswith("2026-11-14")
    assert article.language == "de"
    _no_leak(article, comments)


def test_comments_inside_the_article_container_do_not_leak(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("leaky.html"), raw_page())
    assert [c.author for c in comments] == ["tanker_tom", "Lin", "observer"]
    _no_leak(article, comments)
    # the article's own sentences that the comments echo are still in the article
    assert "Refiners on the coast are paying more for imported crude" in article.text
    assert "Analysts expect the discount to widen again" in article.text


def test_page_without_comments_yields_none(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("no_comments.html"), raw_page())
    assert comments == []
    assert "Comments from shippers were mostly positive" in article.text


@pytest.mark.parametrize("name", ["wordpress.html", "disqus.html", "generic_list.html", "leaky.html"])
def test_comment_ids_are_stable_and_ordered(page_bytes, raw_page, name):
    first = extract_page(page_bytes(name), raw_page())[1]
    again = extract_page(page_bytes(name), raw_page())[1]
    assert [c.comment_id for c in first] == [c.comment_id for c in again]
    assert [c.position for c in first] == list(range(len(first)))


def test_forum_thread_opening_post_is_the_article(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("forum_thread.html"),
                                     raw_page(url="http://127.0.0.1/forum/thread/42"),
                                     settings=ExtractorSettings(min_text_chars=100))
    assert "the early ferry leaves twenty minutes later" in article.text
    assert [c.author for c in comments] == ["maren", "ferry_fan"]
    assert [c.position for c in comments] == [0, 1]
    _no_leak(article, comments)


def test_content_next_to_the_comments_survives_their_pruning(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("recipe_with_comments.html"), raw_page(),
                                     settings=ExtractorSettings(min_text_chars=100))
    assert "250 g flour" in article.text and "Bake for 45 minutes" in article.text
    assert [c.author for c in comments] == ["plumtree", "Oskar", "plumtree"]
    _no_leak(article, comments)


def test_a_commenter_is_never_the_article_author_or_date(page_bytes, raw_page):
    article, comments = extract_page(page_bytes("disqus.html"), raw_page())
    assert {c.author for c in comments} == {"river_delta", "mkovac"}
    assert not any("river" in a.lower() or "mkovac" in a.lower() for a in article.authors)
    assert article.published_at is None  # the page gives no date; the comments' dates are not it


def test_comments_after_a_bare_heading_are_split_and_kept_out_of_the_text(page_bytes, raw_page):
    """Old CMS markup: a "Kommentare" title bar, one plain div per comment, then the form."""
    article, comments = extract_page(page_bytes("heading_comments.html"), raw_page())
    assert len(comments) == 2
    assert comments[0].text.endswith("Endlich eine Alternative zur alten Linie, die im Winter ständig ausfiel.")
    assert "Westwind" in comments[1].text and "Westwind" not in article.text
    assert "Kommentar schreiben" not in article.text
    assert "Anwohner befürchten mehr Lastwagenverkehr" in article.text
    # the sidebar tab also called "Kommentare" holds teaser links, not comments
    assert not any("Umbau beginnt" in c.text for c in comments)
    _no_leak(article, comments)


OPINION = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ports</title></head><body>
<div class="menu"><a href="/">Home</a></div>
<div class="top"><h2>Comments</h2><div>Letters picked by the desk this week</div></div>
<div class="story"><span class="kicker">Comment</span>
<h1>The port deal is a gamble</h1>
<p>By Ruth Adler, 12 November 2026</p>
<p>The harbour authority signed the lease on Tuesday, by a narrow vote, after months of talks with
three shipping groups about who would pay for dredging the eastern basin.</p>
<p>Critics say the city gave away too much by fixing the rent for thirty years, while supporters point
to the jobs the new terminal should bring by the end of the decade.</p>
</div></body></html>"""


def test_a_comment_label_above_the_headline_is_not_a_comment_section(raw_page):
    """An opinion kicker ("Comment") and a "Comments" menu block above the title stay article."""
    article, comments = extract_page(OPINION.encode("utf-8"), raw_page())
    assert comments == []
    assert "signed the lease on Tuesday" in article.text
    assert "supporters point to the jobs" in article.text


HEADER_LINE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kaffee</title></head><body>
<article><h1>Kaffee im Angebot</h1>
<p>Zwei Gläser Instantkaffee kosten diese Woche weniger als sonst, wenn man den Gutschein der Kette einlöst,
der bis Sonntag in allen Filialen gilt und sich mit der App kombinieren lässt.</p>
<p>Wer lieber Bohnen mahlt, findet im selben Prospekt auch zwei Sorten aus kleinen Röstereien im Süden.</p></article>
<div id="comments" class="comments-area"><div class="comment-list">
<div class="comment" id="comment-101"><div class="side"><p class="comment-author">Kaffeetante</p></div>
 <div class="panel"><header class="comment-meta"><small>03.11.2026, 16:18 <a class="quote">Zitieren</a> <a>#</a></small></header>
 <div class="comment-content"><p>Der Gutschein von letzter Woche war noch besser, da kam ein Glas auf einen Euro.</p></div></div></div>
<div class="comment" id="comment-102"><div class="side"><p class="comment-author">Bohnenfreund</p></div>
 <div class="panel"><header class="comment-meta"><small>04.11.2026, 09:05 <a class="quote">Zitieren</a> <a>#</a></small></header>
 <div class="comment-content"><p>Ich bleibe bei frisch gemahlenen Bohnen, auch wenn sie mehr kosten.</p></div></div></div>
</div></div></body></html>"""


def test_author_paragraph_and_a_header_date_beside_the_body_are_found(raw_page):
    """A name in <p class="comment-author"> and a date alone in the item's "comment-meta" header."""
    _, comments = extract_page(HEADER_LINE.encode("utf-8"), raw_page())
    assert [(c.author, c.date_raw) for c in comments] == [("Kaffeetante", "03.11.2026, 16:18"),
                                                          ("Bohnenfreund", "04.11.2026, 09:05")]
    assert comments[0].text == "Der Gutschein von letzter Woche war noch besser, da kam ein Glas auf einen Euro."
    assert comments[1].published_at.startswith("2026-11-04T09:05")


FORUM_FOOTER = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fähre</title></head><body>
<article><h1>Neue Fähre für die Insel</h1>
<p>Die Gemeinde hat am Montag eine zweite Fähre bestellt, die ab dem Frühjahr stündlich zwischen dem Hafen und
der Insel pendeln soll, auch an Wochenenden und in den Wintermonaten, wenn bisher nur zwei Fahrten gab.</p>
<p>Die Kosten teilen sich Land und Kreis, der Fahrpreis soll für Einheimische gleich bleiben.</p></article>
<ol class="boardCommentList">
<li class="boardCommentContainer"><div class="boardCommentAuthor"><p class="boardCommentAuthorName">Inselkind</p>
 <p>dabei seit <b>03/2011</b></p></div>
 <div id="comment-5501" class="boardCommentMessageContainer"><div class="boardCommentMessage">
 <blockquote class="bb-quote">Endlich fährt im Winter mehr als ein Schiff am Tag.</blockquote>Und wer bezahlt die Besatzung?
 </div><div class="boardCommentMessageInfo"><a href="/u/1">Inselkind</a>,
 <time datetime="2026-11-03T16:18:00+01:00">3. November 2026 16:18</time></div></div></li>
<li class="boardCommentContainer"><div class="boardCommentAuthor"><p class="boardCommentAuthorName">Hafenmeister</p>
 <p>dabei seit <b>07/2009</b></p></div>
 <div id="comment-5502" class="boardCommentMessageContainer"><div class="boardCommentMessage">
 Der Kreis zahlt die Besatzung, so steht es im Vertrag.
 </div><div class="boardCommentMessageInfo"><a href="/u/2">Hafenmeister</a>,
 <time datetime="2026-11-03T17:02:00+01:00">3. November 2026 17:02</time></div></div></li>
</ol></body></html>"""


def test_a_message_box_inside_a_comment_wrapper_keeps_its_footer_name_and_loses_its_quote(raw_page):
    """Each comment is a named box inside a named wrapper (the wrapper holds the author card): the box's
    own parts are read, the name before its <time> is the author, a quote in quote markup of a post not
    on the page leaves the body."""
    _, comments = extract_page(FORUM_FOOTER.encode("utf-8"), raw_page())
    assert [(c.author, c.text) for c in comments] == [
        ("Inselkind", "Und wer bezahlt die Besatzung?"),
        ("Hafenmeister", "Der Kreis zahlt die Besatzung, so steht es im Vertrag.")]
    assert comments[0].published_at.startswith("2026-11-03T15:18")


LIST_AFTER_HEADING = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Deich</title></head><body>
<article><h1>Der Deich wird erhöht</h1>
<p>Das Land erhöht den Deich vor der Altstadt um einen halben Meter, die Arbeiten beginnen nach der Sturmflutsaison
und sollen zwei Jahre dauern, während der Uferweg gesperrt bleibt und Radfahrer umgeleitet werden.</p>
<p>Die Anwohner hatten seit Jahren auf die Erhöhung gedrängt, nachdem das Wasser zweimal knapp unter der Krone stand.</p>
</article>
<div class="region"><div class="secthead"><h2>Leserkommentare</h2></div>
<ul class="sectbody directory">
<li class="member" id="msg_71"><a class="author" href="/u/71"><h4>Deichgraf</h4></a>
 <time datetime="2026-11-03T10:15:00+01:00">03. 11. 2026, 10:15</time>
 <div class="objlink"><p>Ein halber Meter reicht nicht, wenn die Fluten weiter so steigen wie zuletzt.</p></div>
 <ul class="toolbar"><li class="reply"><a>antworten</a></li><li class="report"><a>melden</a></li></ul>
 <ul class="thread"><li class="member" id="msg_72"><a class="author" href="/u/72"><h4>Uferläufer</h4></a>
  <time datetime="2026-11-03T11:02:00+01:00">03. 11. 2026, 11:02</time>
  <div class="objlink"><p>Mehr wäre teurer und hätte weitere fünf Jahre Planung gekostet.</p></div>
  <ul class="toolbar"><li class="reply"><a>antworten</a></li></ul></li></ul></li>
<li class="member" id="msg_75"><a class="author" href="/u/75"><h4>Radlerin</h4></a>
 <time datetime="2026-11-03T12:40:00+01:00">03. 11. 2026, 12:40</time>
 <div class="objlink"><p>Zwei Jahre Umleitung über die Hauptstraße sind für uns Radfahrer zu lang.</p></div>
 <ul class="toolbar"><li class="reply"><a>antworten</a></li></ul></li>
</ul></div>
<div class="site-footer"><div class="col"><h4>Leserkommentare</h4><ul>
<li>Möwe schreibt zu <a href="/andere-geschichte/#comment-9">Neue Fähre für die Insel bestellt</a>: "Endlich" <span class="date">02.11.2026, 09:00</span></li>
<li>Kim schreibt zu <a href="/noch-eine/#comment-8">Der Hafen bekommt einen neuen Kran</a>: "Gut so" <span class="date">01.11.2026, 18:30</span></li>
</ul></div></div></body></html>"""


def test_one_list_after_a_comments_heading_is_split_and_a_footer_list_of_other_posts_comments_is_not(raw_page):
    _, comments = extract_page(LIST_AFTER_HEADING.encode("utf-8"), raw_page())
    assert [(c.author, c.text) for c in comments] == [
        ("Deichgraf", "Ein halber Meter reicht nicht, wenn die Fluten weiter so steigen wie zuletzt."),
        ("Uferläufer", "Mehr wäre teurer und hätte weitere fünf Jahre Planung gekostet."),
        ("Radlerin", "Zwei Jahre Umleitung über die Hauptstraße sind für uns Radfahrer zu lang.")]
    assert comments[1].parent_id == comments[0].comment_id and comments[2].parent_id is None


RECENT_ELSEWHERE = LIST_AFTER_HEADING.replace('<div class="site-footer"><div class="col">', '<div><div>')


def test_entries_linking_to_comments_on_other_posts_are_not_comments(raw_page):
    """The same list of "X schreibt zu <other post>" outside any footer or sidebar markup."""
    _, comments = extract_page(RECENT_ELSEWHERE.replace("<h2>Leserkommentare</h2>", "<h2>Diskussion</h2>")
                               .encode("utf-8"), raw_page())
    assert comments == []


FORUM_POSTS = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Update</title></head><body>
<h1>Update für das Telefon – Seite 3</h1>
<div class="intro"><p>Hersteller und Netzbetreiber verteilen das Update für das Telefon in Wellen, zuerst an Geräte ohne
Vertragsbindung, dann an die der Netzbetreiber; wer es schon hat, berichtet hier, was sich ändert und was nicht.</p>
<p>Bitte bleibt beim Thema und schreibt dazu, bei welchem Netz ihr seid und welche Version das Telefon anzeigt.</p></div>
<div id="postlist"><ol id="posts">
<li class="postcontainer" id="post_9001"><div class="userinfo"><a class="username"><strong>Funkturm</strong></a>
 <span class="usertitle">Stammgast</span></div>
 <div class="userinfo_extra"><dl><dd>03.11.2026, 14:17</dd></dl></div>
 <div class="content"><blockquote class="postcontent">
  <div class="bbcode_quote"><div class="bbcode_postedby">Zitat von Netzwerker</div>
  <div class="message">Bei mir kam das Update noch nicht an.</div></div>
  Das war erst die Vorbereitung, das eigentliche Up\u00addate folgt nächste Woche.</blockquote></div></li>
<li class="postcontainer" id="post_9002"><div class="userinfo"><a class="username"><strong>Netzwerker</strong></a></div>
 <div class="userinfo_extra"><dl><dd>03.11.2026, 14:29</dd></dl></div>
 <div class="content"><blockquote class="postcontent">Danke, dann warte ich eben noch ein paar Tage.</blockquote></div></li>
</ol></div></body></html>"""


def test_a_forum_page_of_numbered_posts_is_split_and_a_post_inside_a_blockquote_keeps_its_words(raw_page):
    """Forum software numbers its posts (post_9001) in a list that names no comment; a post's words sit
    in a blockquote, which is the body, while a quote inside it leaves the body."""
    _, comments = extract_page(FORUM_POSTS.encode("utf-8"), raw_page(url="http://127.0.0.1/board/update-3.html"))
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Funkturm", "03.11.2026, 14:17", "Das war erst die Vorbereitung, das eigentliche Update folgt nächste Woche."),
        ("Netzwerker", "03.11.2026, 14:29", "Danke, dann warte ich eben noch ein paar Tage.")]


PINGBACKS_IN_THE_LIST = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kran</title></head><body>
<article><h1>Der neue Kran</h1><p>Der Hafen hat einen neuen Kran, der doppelt so schwere Container hebt wie der alte und
ab Montag im Dreischichtbetrieb laufen soll, wie die Hafengesellschaft mitteilte.</p>
<p>Der alte Kran bleibt als Reserve stehen, bis der neue ein halbes Jahr ohne Ausfall gelaufen ist.</p></article>
<div id="comments"><h3>3 Antworten</h3><ol class="commentlist">
<li class="comment even depth-1" id="li-comment-7"><div id="comment-7"><div class="comment-author vcard"><cite class="fn">Kai</cite>
 <span class="says">schreibt:</span></div><div class="comment-body"><p>Hat dies auf kais-hafenblog.example rebloggt.</p></div></div></li>
<li class="post pingback"><p>Pingback: <a href="http://127.0.0.1/other">Kräne im Vergleich | Ein anderes Blog</a></p></li>
<li class="post pingback"><p>Pingback: <a href="http://127.0.0.1/third">Hafenwoche | Noch ein Blog</a></p></li>
</ol><ol class="commentlist"></ol></div></body></html>"""


def test_pingbacks_and_a_reblog_notice_in_the_comment_list_are_pingbacks(raw_page):
    _, comments = extract_page(PINGBACKS_IN_THE_LIST.encode("utf-8"), raw_page())
    assert [c.kind for c in comments] == ["pingback"] * 3


DIALOG_ONLY = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Spiel</title></head><body>
<article><h1>Das Spiel im Test</h1><p>Das Spiel lässt sich in zwanzig Stunden durchspielen, die Nebenaufgaben
brauchen noch einmal so lange, und die Rätsel im letzten Drittel sind die besten, die das Studio je gebaut hat.</p>
<p>Die Steuerung am Rechner ist hakelig, mit dem Controller geht es besser; die Übersetzung hat kleine Fehler.</p></article>
<div id="comments"><p>Nur angemeldete Benutzer können kommentieren und bewerten.</p><div id="commentPlaceholder"></div></div>
<div id="comment-modal-error" class="modal fade"><div class="modal-dialog"><div class="modal-content comment">
<div class="modal-body comment-body"><p><strong>Das hat nicht geklappt.</strong> Mögliche Ursachen:<br><br>
1. Du hast zu schnell hintereinander geschrieben.<br><br>2. Du hast keine Rechte zum Schreiben in diesem Bereich.<br><br>
Bei Fragen nutze bitte das <a href="/kontakt/">Formular</a>.</p></div></div></div></div>
</body></html>"""


def test_the_comment_systems_dialogs_are_never_comments(raw_page):
    """An error dialog shown on demand (class "modal") is interface, whatever its words."""
    _, comments = extract_page(DIALOG_ONLY.encode("utf-8"), raw_page())
    assert comments == []


FORM_BOX = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Most</title></head><body>
<article><h1>Nowy most na rzece</h1><p>Miasto zbuduje nowy most na rzece do końca przyszłego roku, a ruch na starym
moście zostanie ograniczony do autobusów i rowerów, gdy tylko ruszą prace przy przyczółkach po obu stronach.</p>
<p>Koszt budowy pokryją w połowie fundusze unijne, resztę dołoży miasto z budżetu na drogi.</p></article>
<div class="commentsBox"><header><h2>Komentarze (2)</h2></header>
<form><textarea placeholder="Napisz komentarz"></textarea><button>wyślij komentarz</button></form>
<div class="commentsNote">Uwaga, komentarz może pojawić się z opóźnieniem. Zanim dodasz komentarz, zapoznaj się z zasadami.</div>
<ul class="commentsLists">
<li class="commentsList"><div class="listInfo"><div class="listAuthor">Mostowy</div><div class="listDate">2026-11-03 08:31:44</div></div>
 <div class="listContent"><div class="content">Wreszcie, stary most ledwo się trzyma od lat.</div></div>
 <div class="listActions"><div class="action like">15</div><button class="action answer">odpowiedz</button></div></li>
<li class="commentsList"><div class="listInfo"><div class="listAuthor">Rowerzystka</div><div class="listDate">2026-11-03 09:58:37</div></div>
 <div class="listContent"><div class="content">Byle ścieżka rowerowa była szersza niż na starym moście.</div></div>
 <div class="listActions"><div class="action like">4</div><button class="action answer">odpowiedz</button></div></li>
</ul></div></body></html>"""

RULES_BESIDE_A_FORM = FORM_BOX.split('<ul class="commentsLists">')[0] + """<ul class="rules">
<li class="rule">Szanuj innych, nawet jeśli się z nimi nie zgadzasz, i pisz na temat artykułu.</li>
<li class="rule">Nie publikuj danych osobowych innych osób ani linków do reklam czy stron z wirusami.</li>
<li class="rule">Usuwamy wpisy obraźliwe i blokujemy konta, które łamią te zasady, bez ostrzeżenia.</li>
</ul></div></body></html>"""


def test_a_box_holding_the_form_and_the_thread_is_split(raw_page):
    _, comments = extract_page(FORM_BOX.encode("utf-8"), raw_page())
    assert [(c.author, c.date_raw, c.text) for c in comments] == [
        ("Mostowy", "2026-11-03 08:31:44", "Wreszcie, stary most ledwo się trzyma od lat."),
        ("Rowerzystka", "2026-11-03 09:58:37", "Byle ścieżka rowerowa była szersza niż na starym moście.")]


def test_unnamed_undated_blocks_beside_a_comment_form_are_its_rules(raw_page):
    _, comments = extract_page(RULES_BESIDE_A_FORM.encode("utf-8"), raw_page())
    assert comments == []


SIDEBAR_LAYOUT = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Harpe</title></head><body>
<div class="panel-display layout-one-sidebar-second"><div class="panel-content">
<article><h1>La harpe en confinement</h1><p>Les musiciens de l'orchestre jouent chacun chez soi et montent les pistes
ensemble ensuite, ce qui demande un métronome commun et beaucoup de patience pour la harpe et la flûte.</p>
<p>Le résultat sera diffusé dimanche soir sur le site de l'orchestre et rejoué à la réouverture de la salle.</p></article>
<div class="pane-node-comments" id="comments"><h2>Commentaires</h2><div class="pane-content">
<div class="comment comment-published"><div class="submitted">par <span class="username">Lou</span> le 7 mai 2026 - 12:38.</div>
 <div class="content"><p>Très beau duo, merci pour le lien.</p></div>
 <ul class="links"><li><a href="#top">haut de page</a></li></ul></div>
<div class="comment comment-published"><div class="submitted">par <span class="username">Max</span> le 7 mai 2026 - 15:39.</div>
 <div class="content"><p>Vivement la réouverture de la salle.</p></div>
 <ul class="links"><li><a href="#top">haut de page</a></li></ul></div>
</div></div></div></div></body></html>"""


def test_comments_inside_a_layout_that_names_its_sidebar_are_read_with_their_submitted_line(raw_page):
    """A page wrapper called "…-sidebar-…" holds the article too: it is layout, not a sidebar widget."""
    _, comments = extract_page(SIDEBAR_LAYOUT.encode("utf-8"), raw_page())
    assert [(c.author, c.text) for c in comments] == [("Lou", "Très beau duo, merci pour le lien."),
                                                      ("Max", "Vivement la réouverture de la salle.")]
    assert comments[0].published_at.startswith("2026-05-07T12:38")


TITLED = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Park</title></head><body>
<article><h1>Der neue Park im Norden</h1><p>Im Norden der Stadt ist ein kleiner Park eröffnet worden, mit Bänken aus
altem Pflaster, einer Wand für Graffiti und zwanzig jungen Bäumen, die Schüler im Herbst gepflanzt haben.</p>
<p>Die Stadt nennt ihn einen großen Schritt für das Viertel; gepflegt wird er von einem Verein.</p></article>
<div class="kommentare"><div class="kommentar-item"><div class="kommentar-info"><div class="benutzer">Nordlicht</div>
<div class="datum">06.11.2026, 13.47 Uhr</div></div><h5>Ein kleiner Schritt</h5>
<div class="kommentar-text">Schön, aber ein großer Schritt ist eine Wiese mit zwanzig Bäumen nicht.</div></div>
<div class="kommentar-item"><div class="kommentar-info"><div class="benutzer">Südwind</div>
<div class="datum">06.11.2026, 15.02 Uhr</div></div>
<div class="kommentar-text">Die Wand für Graffiti finde ich gut.</div></div></div></body></html>"""




WRAPPER_NAMED_COMMENT = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Gaz</title></head><body>
<article><h1>Kontrakt gazowy wygasa</h1><p>Kontrakt na dostawy gazu wygasa z końcem przyszłego roku, a operator
gazociągu szuka nowych dostawców i planuje remont tłoczni na granicy, który potrwa co najmniej pół roku.</p>
<p>Ceny dla odbiorców domowych mają się nie zmienić do końca sezonu grzewczego.</p></article>
<div class="news-comments"><div class="news-comment" id="comment-section">
<div class="news-comment-main"><div class="news-comment-main-author"><strong>Ola</strong></div>
 <div class="news-comment-main-date"><span>11 maja 2026, 23:13</span></div><p>Najwyższy czas na nowych dostawców.</p>
 <button class="news-comment-response">Odpowiedz</button></div>
<div class="news-comment-main"><div class="news-comment-main-author"><strong>Piotr</strong></div>
 <div class="news-comment-main-date"><span>11 maja 2026, 17:00</span></div><p>Remont tłoczni potrwa dłużej, zobaczycie.</p>
 <button class="news-comment-response">Odpowiedz</button></div>
<div class="news-comment-sub"><div class="news-comment">
 <div class="news-comment-main"><div class="news-comment-main-author"><strong>Ewa</strong></div>
 <div class="news-comment-main-date"><span>11 maja 2026, 23:49</span></div><p>Pół roku to i tak optymistycznie.</p>
 <button class="news-comment-response">Odpowiedz</button></div></div></div>
</div></div></body></html>"""


def test_a_thread_wrapper_named_like_a_comment_gives_its_repeated_comment_blocks(raw_page):
    """One div.news-comment wraps the whole thread (and one more the replies): the repeated
    news-comment-main blocks are the comments; the one in the sub-box answers the one before it."""
    _, comments = extract_page(WRAPPER_NAMED_COMMENT.encode("utf-8"), raw_page())
    assert [c.author for c in comments] == ["Ola", "Piotr", "Ewa"]
    assert comments[2].parent_id == comments[1].comment_id and comments[0].parent_id is None


def test_entries_naming_another_post_after_a_connector_are_not_comments(raw_page):
    """"Möwe bei <a href=/post/>Other post</a>": a recent-comments entry linking to the post itself."""
    page = (RECENT_ELSEWHERE.replace("<h2>Leserkommentare</h2>", "<h2>Diskussion</h2>")
            .replace("schreibt zu", "bei").replace("/#comment-9", "/").replace("/#comment-8", "/"))
    _, comments = extract_page(page.encode("utf-8"), raw_page())
    assert comments == []


ABBREVIATED_BOX = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Säge</title></head><body>
<article><h1>Schablone für die Kreissäge</h1><p>Mit einer Schablone aus Sperrholz lässt sich der Abstand zwischen
Sägeblatt und Anschlag in Sekunden einstellen, ohne jedes Mal mit dem Zollstock nachzumessen und sich zu verzählen.</p>
<p>Die Schablone hängt an einem Nagel neben der Säge und ist so immer zur Hand.</p></article>
<div class="commentConWrap">
<div class="commentsCon" id="69"><div class="leftCon"><p class="commentAuthor">Werkbank</p><p class="commentDate">21. Jan 2026</p>
<p class="commentText">Gute Idee, ich habe mich auch schon oft um ein paar Millimeter vermessen.</p>
<div class="addQuote"><textarea class="quoteComment"></textarea></div></div></div>
<div class="commentsCon" id="70"><div class="leftCon"><p class="commentAuthor">Hobel</p><p class="commentDate">22. Jan 2026</p>
<p class="commentText">Danke, die baue ich mir am Wochenende nach.</p>
<div class="addQuote"><textarea class="quoteComment"></textarea></div></div></div>
</div></body></html>"""


def test_a_comment_box_with_an_abbreviated_name_is_found(raw_page):
    """"commentConWrap", "commentsCon": a comment container whatever the theme shortens."""
    _, comments = extract_page(ABBREVIATED_BOX.encode("utf-8"), raw_page())
    assert [(c.author, c.date_raw) for c in comments] == [("Werkbank", "21. Jan 2026"), ("Hobel", "22. Jan 2026")]


SUBJECTS = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Zinsen</title></head><body>
<article><h1>Was der Leitzins mit den Mieten macht</h1><p>Wenn der Leitzins steigt, werden Kredite für Neubauten
teurer, und weniger Wohnungen entstehen; die Mieten im Bestand folgen mit einigen Jahren Abstand.</p>
<p>Ob das auch diesmal so kommt, hängt davon ab, wie lange die Zinsen oben bleiben.</p></article>
<h2>Kommentare</h2><ul class="comments">
<li id="comment-71"><div><h2>Eine Frage</h2><span class="metadata">geschrieben von Hanne am 3. Mai 2026, 10:04</span>
 <span>[ <a class="login-required" href="/login">antworten</a> ]</span></div>
 <p>Gilt das auch für Genossenschaften, die ohne Kredit bauen?</p></li>
<li id="comment-72"><div><h2>AW: Eine Frage</h2><span class="metadata">geschrieben von Till am 3. Mai 2026, 11:30</span>
 <span>[ <a class="login-required" href="/login">antworten</a> ]</span></div>
 <p>Die bauen meist auch mit Krediten, nur günstiger.</p></li></ul></body></html>"""


@pytest.mark.parametrize("page,expected", [
    # a headline the commenter gave, between byline and words, opens the body
    (TITLED, [("Nordlicht", "Ein kleiner Schritt\nSchön, aber ein großer Schritt ist eine Wiese mit zwanzig Bäumen nicht."),
              ("Südwind", "Die Wand für Graffiti finde ich gut.")]),
    # a subject above the byline is a header line, not the words
    (SUBJECTS, [("Hanne", "Gilt das auch für Genossenschaften, die ohne Kredit bauen?"),
                ("Till", "Die bauen meist auch mit Krediten, nur günstiger.")]),
])
def test_comment_headlines_and_subjects(page, expected, raw_page):
    _, comments = extract_page(page.encode("utf-8"), raw_page())
    assert [(c.author, c.text) for c in comments] == expected


SIDEBAR_THREAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferries</title></head><body>
<div class="main-wrap"><article><h1>The winter ferry timetable</h1><p>From December the ferry to the outer islands
runs every two hours instead of hourly, and the last boat leaves at eight in the evening.</p>
<p>The operator says the change saves fuel and crew hours during the months with the fewest passengers.</p></article>
<div id="comments"><ol class="comment-list">
<li class="comment" id="li-comment-1"><div class="comment-author"><b class="fn">Maren</b></div>
 <div class="comment-content"><p>Two hours is too long when the school bus depends on the boat.</p></div></li>
</ol></div></div>
<div class="widget-area sidebar"><aside class="widget widget_recentcomments"><div id="comments"><ol class="commentlist">
<li class="comment" id="li-comment-9"><div class="comment-content"><ul class="comment-meta"><li>Olaf</li>
 <li>On: <a href="/other-post/#comment-9">A post about bridges</a></li></ul>
 <div class="comment-text"><p>The bridge would cost more than forty years of ferries.</p></div></div></li>
</ol></div></aside></div></body></html>"""


def test_a_sidebar_widget_printing_other_posts_comments_in_the_thread_markup_gives_none(raw_page):
    _, comments = extract_page(SIDEBAR_THREAD.encode("utf-8"), raw_page())
    assert [(c.author, c.text) for c in comments] == [
        ("Maren", "Two hours is too long when the school bus depends on the boat.")]


def _forum_post(n: int, name: str, words: str, quote: str = "") -> str:
    quoted = (f'<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="bbCodeBlock-title">{quote.split(":")[0]}'
              f' said:</div><div class="bbCodeBlock-content">{quote.split(":", 1)[1]}</div></blockquote>') if quote else ""
    # as the page prints it: the next post opens before this one's tags are closed
    return (f'<article class="message message--post" id="js-post-{n}"><div class="message-inner">'
            f'<div class="message-cell message-cell--user"><h4 class="message-name">{name}</h4></div>'
            f'<div class="message-cell message-cell--main"><header class="message-attribution">'
            f'<time datetime="2026-09-20T04:0{n % 10}:00-0700">Sep 20, 2026</time><ul><li><a href="#post-{n}">#{n % 100}</a></li></ul>'
            f'</header><div class="message-content"><article class="message-body"><div class="bbWrapper">{quoted}{words}'
            f'</div></article><div class="message-footer"><a class="button"><span class="button-text">Reply</span></a></div>'
            f'</div>')


FORUM = ('<!DOCTYPE html><html id="XF" lang="de"><head><meta charset="utf-8"><title>Patch</title></head><body>'
         '<div class="p-body"><h1>Patchnotes 4.2</h1><div class="block-body">'
         + _forum_post(101, "Team", "Die Brücke im Norden ist wieder offen, und die Händler haben neue Waren für alle "
                       "Gilden. Wer vor dem Umbau Aufträge angenommen hat, kann sie jetzt abschließen; die Belohnungen "
                       "werden mit dem nächsten Neustart der Server gutgeschrieben.")
         + _forum_post(102, "Nixe", "Endlich ist die Brücke wieder offen, danke dafür.")
         + _forum_post(103, "Tom", "Bei mir ist sie noch zu.", quote="Nixe: Endlich ist die Brücke wieder offen, danke dafür.")
         + "</body></html>")


def test_forum_software_replies_after_the_opening_post_are_comments_however_the_markup_nests_them(raw_page):
    # a short opening post on a thread's address: the first reply stays a reply
    article, comments = extract_page(FORUM.encode("utf-8"), raw_page("http://127.0.0.1/forums/threads/patch.42/"))
    assert [(c.author, c.text) for c in comments] == [
        ("Nixe", "Endlich ist die Brücke wieder offen, danke dafür."), ("Tom", "Bei mir ist sie noch zu.")]
    assert "Händler haben neue Waren" in article.text
    assert comments[1].parent_id == comments[0].comment_id  # by its quote, not by the broken nesting


def test_a_forum_page_opening_on_a_later_reply_keeps_it():
    later = FORUM.replace('id="js-post-101"', 'id="js-post-121"').replace('href="#post-101">#1', 'href="#post-121">#21')
    section = find_comments(lxml.html.fromstring(later))
    assert [c.author for c in section.comments] == ["Team", "Nixe", "Tom"]


SHORT_POST = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Open thread</title></head><body>'
              '<article class="post"><h1>Open thread: Friday</h1><div class="entry-content"><p>The floor is yours '
              'this week: what did the harbour council get right, and what should it try next? Tell us about the ferry '
              'timetable, the market hall, the pier lights and the new cycle lanes along the quay, and say which of '
              'them you use.</p></div></article>'
              '<div id="comments"><ol class="commentlist">'
              '<li class="comment" id="comment-1"><article class="comment-body"><footer class="comment-meta">'
              '<b class="fn">Ada</b> <time datetime="2026-11-20T09:00:00Z">20 November 2026</time></footer>'
              '<div class="comment-content"><p>The new ferry timetable works well for early shifts.</p></div></article></li>'
              '<li class="comment" id="comment-2"><article class="comment-body"><footer class="comment-meta">'
              '<b class="fn">Ben</b> <time datetime="2026-11-20T10:00:00Z">20 November 2026</time></footer>'
              '<div class="comment-content"><p>They should light the pier path before winter comes.</p></div></article></li>'
              '</ol></div></body></html>')


@pytest.mark.parametrize("url", ["http://127.0.0.1/2026/11/open-thread-friday/",
                                 "http://127.0.0.1/topics/harbour/open-thread/",
                                 "http://127.0.0.1/blog/discussion-of-the-week/"])
def test_a_post_whose_address_only_mentions_a_thread_keeps_its_first_comment(raw_page, url):
    # a slug or a news topic page is no forum address: the first comment is not taken for an opening post
    article, comments = extract_page(SHORT_POST.encode("utf-8"), raw_page(url))
    assert [c.author for c in comments] == ["Ada", "Ben"]
    assert "works well for early shifts" not in article.text
