"""Comment fields: author line, date, "says:" and buttons out of the body; dates parsed in the page's
language; pingbacks kept apart; interface text never a comment. Texts written for these tests."""

from __future__ import annotations

import pytest

from pipeline.extraction.comment_fields import (clean_author, date_languages, finish_comment, finish_comments,
                                                is_interface_text, parse_comment_date, split_date_name, split_name_date)
from pipeline.extraction.comments import FoundComment


def _finish(text: str, lang: str = "en", **fields) -> FoundComment | None:
    return finish_comment(FoundComment(text=text, **fields), date_languages(lang))


@pytest.mark.parametrize("text,lang,author,date,body", [
    ("Inga sagt:\n5. April 2014 um 18:42\nHallo zusammen, ich finde das gut.\nAntworten", "de",
     "Inga", "5. April 2014 um 18:42", "Hallo zusammen, ich finde das gut."),
    ("Ramón dijo:\n26 abril 2022 a las 18:21\nOjalá me permitieran responder.", "es",
     "Ramón", "26 abril 2022 a las 18:21", "Ojalá me permitieran responder."),
    ("Paul a écrit :\nVoilà un article utile.\nRépondre", "fr", "Paul", None, "Voilà un article utile."),
    ("Игорь пишет:\n12 марта 2021\nСпасибо за статью.", "ru", "Игорь", "12 марта 2021", "Спасибо за статью."),
    ("Am 29. Mai 2017 um 14:38 von Hugo\nDas sehe ich anders.", "de", "Hugo", "Am 29. Mai 2017 um 14:38",
     "Das sehe ich anders."),
    ("Tom\nJuly 11, 2011 at 12:25 pm\nSo true.\nReply\nLike", "en", "Tom", "July 11, 2011 at 12:25 pm", "So true."),
    ("Jo a écrit :\n3 mai 2019 à 15 h 12\nLes mots.\nRépondre", "fr", "Jo", "3 mai 2019 à 15 h 12", "Les mots."),
    ("Comment by Jo — 17.07.2011 @ 22:24\nThe words.", "en", "Jo", "17.07.2011 @ 22:24", "The words."),
    ("Kommentar von Jo am 3. Mai 2019\nDie Worte.", "de", "Jo", "3. Mai 2019", "Die Worte."),
    ("Comentario de Jo el 3 de mayo de 2019\nLas palabras.", "es", "Jo", "3 de mayo de 2019", "Las palabras."),
])
def test_author_line_date_and_buttons_leave_the_body(text, lang, author, date, body):
    c = _finish(text, lang)
    assert (c.author, c.date_raw, c.text) == (author, date, body)


def test_dates_are_parsed_in_the_page_language_and_kept_raw():
    c = _finish("Guter Punkt.", "de", author="Inga", date_raw="5. April 2014 um 18:42")
    assert c.published_at == "2014-04-05T18:42:00+00:00" and c.date_raw == "5. April 2014 um 18:42"
    assert parse_comment_date("2020-08-15T09:35:53-07:00") == "2020-08-15T16:35:53+00:00"
    assert parse_comment_date("11.09.2011 23:31") == "2011-09-11T23:31:00+00:00"  # day first when dotted
    assert parse_comment_date("vor 8 Stunden", ("de", "en")) is None  # relative: kept raw only
    assert parse_comment_date("3000-01-01") is None  # a future date is a misreading


def test_author_fields_lose_says_and_glued_dates():
    assert clean_author("Graugans sagt:", ("de", "en")) == ("Graugans", None)
    assert clean_author("brigitte 29.04.2019 // 15:27", ("de", "en")) == ("brigitte", "29.04.2019 // 15:27")
    assert clean_author("Comment by Jane Roe", ("en",))[0] == "Jane Roe"


@pytest.mark.parametrize("text", [
    "LEAVE A REPLY", "Kommentare (0)", "No comments:", "Keine Kommentare", "Schreibe einen Kommentar",
    "Please log in to leave a comment.", "Kommentieren ...", "Lade Eingabefeld...", "Hier ist Ihre Meinung gefragt", "Reply", "Dejá tu comentario", "Name *", "Lesermeinung",
    "Comments are moderated and will appear after review. Please keep comments civil.",
    "0 Kommentare zu “Ein Titel”", "Loading comments...", "No comments yet.", "Keine Kommentare for “Ein Titel”",
    "Liebe Leser!", "Mot de passe*", "Confirmer le mot de passe*", "Oldest first", "Most liked", "Neueste zuerst",
    "Wir freuen uns über Ihre Kommentare. Sie werden vor der Freischaltung gelesen, Beleidigungen schalten wir nicht "
    "frei, und nachts ruht die Prüfung. Ihre Kommentare werden moderiert, bitte haben Sie etwas Geduld mit uns, wenn "
    "es an einem Abend mit vielen Zuschriften länger dauert, bis Ihre Meinung erscheint; wir lesen alles, was kommt, "
    "und antworten, wo wir können. Danke, dass Sie mitdiskutieren und dabei sachlich bleiben, auch wenn das Thema "
    "aufregt und die Meinungen weit auseinandergehen.",
    "Comments can only be posted by members of our subscription club.",
    "Sei der Erste, der kommentiert!", "Soyez le premier à commenter", "Sé el primero en comentar",
    "Bądź pierwszy, skomentuj!", "Diskussion geschlossen", "Comments closed.", "4 von 5 Sternen", "4.5/5",
    "Dieser Artikel wurde noch nicht kommentiert.", "Die Kommentarfunktion ist deaktiviert.", "Comments are disabled.",
    "Les commentaires sont fermés.", "Los comentarios están cerrados.", "Komentarze są wyłączone.",
    "Комментарии отключены.", "Nessun commento", "Zaloguj się, aby dodać komentarz",
    "Du musst angemeldet sein, um einen Kommentar abzugeben.", "Subscribe to our newsletter",
    "We use cookies to improve your experience.",
])
def test_interface_text_is_not_a_comment(text):
    assert is_interface_text(text)
    assert _finish(text) is None


def test_a_comment_mentioning_comments_stays():
    assert not is_interface_text("Danke für deinen Kommentar, ich sehe das genauso und habe es ausprobiert.")
    assert _finish("No comment on the politics, but the photos are great.") is not None


def test_pingbacks_are_kept_apart():
    assert _finish("Pingback: A post elsewhere | Some blog").kind == "pingback"
    assert _finish("[…] as the cranes of the old harbour […]", marks="trackback odd").kind == "pingback"
    assert _finish("A reader's words.", marks="comment even").kind == "comment"


def test_dropping_interface_records_keeps_reply_links():
    found = [FoundComment(text="First comment here."), FoundComment(text="Leave a reply"),
             FoundComment(text="An answer to the first.", parent=0)]
    kept = finish_comments(found, ("en",))
    assert [c.text for c in kept] == ["First comment here.", "An answer to the first."]
    assert kept[1].parent == 0


def test_a_reply_quoting_an_earlier_comment_loses_the_quote_and_gains_a_parent():
    first = FoundComment(text="The ferry should run hourly in winter too.", author="Lea")
    reply = FoundComment(text="Lea said:\nThe ferry should run hourly in winter too.\nWho would pay the crew?",
                         author="Ole", quotes=["Lea said:\nThe ferry should run hourly in winter too."])
    kept = finish_comments([first, reply], ("en",))
    assert kept[1].text == "Who would pay the crew?" and kept[1].parent == 0


@pytest.mark.parametrize("meta,author,date", [
    ("geschrieben von Jo am 21. Jan. 2015, 20:02", "Jo", "21. Jan. 2015, 20:02"),
    ("Posted by Ann Lee on May 3, 2019 at 3:12 pm", "Ann Lee", "May 3, 2019 at 3:12 pm"),
    ("Jean-Paul – 3. Mai 2019", "Jean-Paul", "3. Mai 2019"),
])
def test_a_header_line_kept_out_of_the_body_gives_author_and_date(meta, author, date):
    c = _finish("Das sehe ich anders.", "de", meta_lines=[meta])
    assert (c.author, c.date_raw, c.text) == (author, date, "Das sehe ich anders.")


def test_the_date_beside_a_named_author_in_the_header_line_is_found():
    c = _finish("Guter Punkt.", "de", author="Karl Berg", byline="Karl Berg", meta_lines=["Karl Berg / 22.04.2020"])
    assert (c.date_raw, c.published_at) == ("22.04.2020", "2020-04-22T00:00:00+00:00")
    c = _finish("Fair point.", "en", author="Kim", meta_lines=["on 4 May 2019 by Kim"])
    assert c.date_raw == "on 4 May 2019"


@pytest.mark.parametrize("text,lang,date,body", [
    ("Jo · 3. Mai 2019 · Antworten\nDas sehe ich anders.\nMelden", "de", "3. Mai 2019", "Das sehe ich anders."),
    ("Jo wrote on May 3, 2019\n[ ]\nFair point.\nUpvote Downvote Flag", "en", "on May 3, 2019", "Fair point."),
    ("Jo\nFair point.\n|", "en", None, "Fair point."),
])
def test_a_header_line_starting_with_the_author_and_mark_only_lines_leave_the_body(text, lang, date, body):
    c = _finish(text, lang, author="Jo")
    assert (c.author, c.date_raw, c.text) == ("Jo", date, body)


@pytest.mark.parametrize("raw,author,date", [
    ("Jo on May 3, 2019", "Jo", "May 3, 2019"),
    ("Ann Lee (Post author)", "Ann Lee", None),
    ("Karl Berg Antworten", "Karl Berg", None),
    ("#3 Kommentar von Jo-chan", "Jo-chan", None),
    ("@jo_k", "@jo_k", None),
    ("Super !!", "Super !!", None),
])
def test_author_fields_lose_connectors_badges_and_buttons(raw, author, date):
    assert clean_author(raw, ("en", "de")) == (author, date)


@pytest.mark.parametrize("line", ["50 Minuten 46 Sekunden her", "2 Tage her", "hace 2 horas", "il y a 3 jours", "3 dni temu"])
def test_relative_dates_are_read_whatever_the_page_language_and_kept_raw(line):
    c = _finish(f"{line}\nDas sehe ich anders.", "de", author="Jo")
    assert (c.date_raw, c.published_at, c.text) == (line, None, "Das sehe ich anders.")


def test_a_sentence_ending_in_her_is_no_date():
    assert _finish("I love her", "en", author="Jo").text == "I love her"


@pytest.mark.parametrize("text,author,date", [
    ("Kim Ode | 3. Mai 2019\nDas sehe ich anders.", "Kim Ode", "3. Mai 2019"),
    ("Jo am 21. Jan. 2015, 20:02 - Antworten\nDas sehe ich anders.", "Jo", "21. Jan. 2015, 20:02"),
])
def test_an_opening_name_and_date_line_gives_the_fields_when_the_markup_named_none(text, author, date):
    c = _finish(text, "de")
    assert (c.author, c.date_raw, c.text) == (author, date, "Das sehe ich anders.")


def test_an_opening_sentence_with_a_date_stays_in_the_body():
    c = _finish("Seit dem 3. Mai 2019 warte ich.\nNichts passiert.", "de")
    assert c.author is None and c.text.startswith("Seit dem 3. Mai 2019")


@pytest.mark.parametrize("text,lang", [
    ("Profilbild von Jo\nAntwort an Kim\nDas sehe ich anders.\nBearbeitet\nAntworten Abbrechen", "de"),
    ("In reply to Kim.\nDas sehe ich anders.\nShow more\nTranslate", "en"),
    ("Das sehe ich anders.\nAufklappen", "de"),
    ("Benutzerbild von Jo\nDas sehe ich anders.\n3 Personen gefällt das", "de"),
    ("Jo comentou:\nDas sehe ich anders.\nCurtir · Responder", "pt"),
    ("Das sehe ich anders.\nTranslate\nShow all\nOriginal", "en"),
    ("Das sehe ich anders.\nGefällt 3 Personen\nAntworten", "de"),
    ("Das sehe ich anders.\nKommentar melden", "de"),
    ("Das sehe ich anders.\nAnmelden, um zu antworten", "de"),
    ("Das sehe ich anders.\nLe gusta a 1 persona\nResponder", "es"),
    ("Das sehe ich anders.\nReport abuse · Reply to this comment", "en"),
    ("Das sehe ich anders.\nHelpful (3)", "en"),
    ("Das sehe ich anders.\nDirektlink", "de"),
    ("Kommentar #3\nDas sehe ich anders.", "de"),  # number and badge lines over the words
    ("Comment No. 12\nDas sehe ich anders.", "en"),
    ("Verified Purchase\nDas sehe ich anders.", "en"),
    ("Top-Kommentar\nDas sehe ich anders.", "de"),
])
def test_reply_to_and_avatar_lines_and_trailing_buttons_leave_the_body(text, lang):
    assert _finish(text, lang, author="Jo").text == "Das sehe ich anders."


def test_a_name_alone_on_a_footer_line_is_the_author_when_the_date_has_its_own_element():
    c = _finish("Das sehe ich anders.", "de", date_raw="3. Mai 2019 14:05",
                meta_lines=["3. Mai 2019 14:05", "dabei seit 04/2012", "Kim_Ode,"])
    assert (c.author, c.text) == ("Kim_Ode", "Das sehe ich anders.")


def test_a_member_since_line_is_never_the_comment_date():
    c = _finish("Kim\ndabei seit 04/2012\nDas sehe ich anders.", "de", author="Kim")
    assert (c.date_raw, c.text) == (None, "Das sehe ich anders.")
    assert _finish("Das sehe ich anders.", "en", meta_lines=["Member since May 2012"]).date_raw is None


def test_a_name_ending_in_digits_loses_its_glued_date():
    assert clean_author("Jo1984 18.10.2025 // 07:42", ("de", "en")) == ("Jo1984", "18.10.2025 // 07:42")


@pytest.mark.parametrize("text", ["Fair point about the ferry.\n– Jo", "Fair point about the ferry.\nJo"])
def test_the_authors_name_alone_on_the_last_line_leaves_the_body(text):
    assert _finish(text, author="Jo").text == "Fair point about the ferry."


def test_a_markup_quote_of_a_post_not_on_the_page_leaves_the_body_without_a_parent():
    reply = FoundComment(text="Kim\nThe ferry should run hourly in winter too.\nWho would pay the crew?",
                         author="Ole", quotes=["Kim\nThe ferry should run hourly in winter too."])
    [kept] = finish_comments([reply], ("en",))
    assert (kept.text, kept.parent) == ("Who would pay the crew?", None)


def test_a_script_timestamp_is_a_date():
    assert parse_comment_date("1558595674000") == parse_comment_date("1558595674") == "2019-05-23T07:14:34+00:00"
    assert parse_comment_date("12345") is None


def test_a_show_replies_button_leaves_the_body():
    assert _finish("A w Chinach?\npokażodpowiedzi (1)", "pl", author="Jo").text == "A w Chinach?"
    assert _finish("Und in China?\nShow 2 replies", "de", author="Jo").text == "Und in China?"


def test_a_date_beside_the_body_in_an_unnamed_element_is_found_and_a_lone_number_is_none():
    c = _finish("Wunderschön.", "de", author="Jo", loose_lines=["6458", "18. September 2026 um 08:37", "Antworten"])
    assert c.date_raw == "18. September 2026 um 08:37"
    assert _finish("Wunderschön.", "de", author="Jo", loose_lines=["1955", "Gast"]).date_raw is None


def test_numbered_and_levelled_threads_give_replies_their_parent():
    numbered = [FoundComment(text="Erster Gedanke.", author="A", date_raw="#1 — vor 8 Stunden"),
                FoundComment(text="Zweiter Gedanke.", author="B", date_raw="#2 — vor 7 Stunden"),
                FoundComment(text="Antwort auf den zweiten.", author="C", date_raw="#2.1 — vor 6 Stunden")]
    assert [c.parent for c in finish_comments(numbered, ("de",))] == [None, None, 1]
    levelled = [FoundComment(text="level 1\nTop comment here."), FoundComment(text="level 2\nA reply to it."),
                FoundComment(text="level 3\nA reply to the reply."), FoundComment(text="level 2\nAnother reply.")]
    kept = finish_comments(levelled, ("en",))
    assert [c.parent for c in kept] == [None, 0, 1, 0] and kept[1].text == "A reply to it."


def test_a_french_a_dit_header_gives_the_author():
    c = _finish("Paul a dit :\nVoilà un article utile.", "fr")
    assert (c.author, c.text) == ("Paul", "Voilà un article utile.")


@pytest.mark.parametrize("text", [
    "Mark said that the ferry was late.\nIt was.",
    "RA Kim meint mit „oft“ etwas anderes.\nDas ist klar.",
    "As Jo commented above, the bridge is closed.\nSo we walked.",
])
def test_a_sentence_with_a_says_verb_keeps_its_words(text):
    c = _finish(text, "de")
    assert (c.author, c.text) == (None, text)


def test_a_says_header_with_a_colon_on_the_line_of_the_words_gives_the_author():
    c = _finish("Inga sagt: Hallo zusammen, ich finde das gut.\nAntworten", "de")
    assert (c.author, c.text) == ("Inga", "Hallo zusammen, ich finde das gut.")


@pytest.mark.parametrize("text", ["Hi Karin\nDas Rezept ist toll.", "Hallo\nDas Rezept ist toll."])
def test_a_greeting_line_is_never_taken_for_the_name(text):
    c = _finish(text, "de", date_raw="3. Mai 2019")
    assert (c.author, c.text) == (None, text)


@pytest.mark.parametrize("text", ["Von mir aus gerne\nDas Rezept ist toll.", "By the way\nI loved it."])
def test_a_first_line_opening_with_by_or_von_is_the_words_unless_a_name_follows(text):
    assert _finish(text, "de").text == text
    assert _finish("Von Karin\nDas Rezept ist toll.", "de").author == "Karin"


@pytest.mark.parametrize("text,author", [
    ("Das Rezept ist toll.\nPosted by Karin on May 3, 2019", None),
    ("Das Rezept ist toll.\n– Karin, 3. Mai 2019", "Karin"),
])
def test_a_footer_line_with_name_and_date_leaves_the_body(text, author):
    c = _finish(text, "de", author=author)
    assert (c.author, c.date_raw is not None, c.text) == ("Karin", True, "Das Rezept ist toll.")
    assert _finish("Treffen wir uns?\nBis Montag, 3. Mai", "de").text == "Treffen wir uns?\nBis Montag, 3. Mai"


@pytest.mark.parametrize("text", ["Liebe Leserinnen und Leser!", "Dear readers, comments are moderated."])
def test_a_notice_to_all_readers_is_interface(text):
    assert is_interface_text(text)


@pytest.mark.parametrize("text", ["Thanks for your comments!", "Danke für eure Kommentare, ich freue mich!"])
def test_an_answer_thanking_for_the_comments_is_a_comment(text):
    assert not is_interface_text(text)


@pytest.mark.parametrize("text", [
    "Bewertungen (0)", "Es gibt noch keine Bewertungen.", "There are no reviews yet.", "Be the first to review “A mug”",
    "Bewertung schreiben", "Was meinen Sie?", "What do you think?", "¿Qué opinas?",
])
def test_empty_review_boxes_and_bare_prompts_are_interface(text):
    assert is_interface_text(text)


@pytest.mark.parametrize("text", [
    "Great recipe. What do you think?", "I think the reviews were unfair to the cook.",
])
def test_a_comment_asking_or_naming_reviews_stays(text):
    assert not is_interface_text(text)


@pytest.mark.parametrize("text", [
    "Komentuj (192)", "Comment via Facebook", "This site uses Akismet to reduce spam.", "Noch 1000 verbleibende Zeichen",
    "Melden Sie sich an, um mitzudiskutieren.",
])
def test_social_log_in_spam_filter_and_counter_lines_are_interface(text):
    assert is_interface_text(text)


def test_recommendation_rows_and_a_posted_by_colon_header_leave_the_body():
    assert _finish("Gute Frage.\n12 Empfehlungen", "de", author="Jo").text == "Gute Frage."
    c = _finish("Posted by: Karin\nGute Frage.", "de")
    assert (c.author, c.text) == ("Karin", "Gute Frage.")


def test_a_long_notice_about_your_comments_and_their_moderation_is_interface():
    notice = ("Wir danken für Ihre Kommentare und lesen jeden davon. " * 12
              + "Ihre Kommentare werden moderiert, nachts ruht die Prüfung.")
    assert len(notice) > 600 and is_interface_text(notice)


def test_a_first_line_that_exclaims_a_button_word_is_the_commenters():
    assert _finish("Like!\nJa, so sehe ich das auch.", "de", author="Jo").text == "Like!\nJa, so sehe ich das auch."
    assert _finish("Like\nJa, so sehe ich das auch.", "de", author="Jo").text == "Ja, so sehe ich das auch."


@pytest.mark.parametrize("text,lang,fields,author,date,body", [
    ("Says:\nBrings back memories of my first phone.", "en", {"author": "Jo"}, "Jo", None,
     "Brings back memories of my first phone."),
    ("The words.", "en", {"date_raw": "Posted by: G. Moore, CPA, 28 Sep 2011 | 08:54"}, "G. Moore, CPA",
     "28 Sep 2011 | 08:54", "The words."),
    ("Dodany przez Jo, 3 maja 2019\nSłowa.", "pl", {}, "Jo", "3 maja 2019", "Słowa."),
    ("Soumis par Jo, le lundi 4 mai 2026 à 10h00\nLes mots.", "fr", {}, "Jo", "le lundi 4 mai 2026 à 10h00", "Les mots."),
])
def test_a_says_line_and_by_lines_in_the_date_element_or_the_body_give_author_and_date(text, lang, fields, author, date, body):
    c = _finish(text, lang, **fields)
    assert (c.author, c.date_raw, c.text) == (author, date, body)


@pytest.mark.parametrize("raw,lang,author,date", [
    ("Isaac 16 minutes ago", "en", "Isaac", "16 minutes ago"),
    ("Ano Nimus about a minute ago", "en", "Ano Nimus", "about a minute ago"),
    ("Jo vor 3 Stunden", "de", "Jo", "vor 3 Stunden"),
    ("Ana hace 2 días", "es", "Ana", "hace 2 días"),
])
def test_a_name_and_the_span_since_the_comment_in_one_element_are_split(raw, lang, author, date):
    assert clean_author(raw, date_languages(lang)) == (author, date)


@pytest.mark.parametrize("line", ["Liked by Jo Bauer", "Expand full comment", "Show full comment", "Flag as Inappropriate"])
def test_a_like_row_and_a_button_under_or_over_the_words_are_interface(line):
    assert is_interface_text(line)


def test_an_age_glued_to_its_edit_mark_dates_the_comment_and_leaves_the_name():
    assert split_name_date("Jo Bauer 6dEdited", ("en",)) == ("Jo Bauer", "6d")


@pytest.mark.parametrize("line, expected", [
    ("30.9.2008 14:28 tired jo | skóre: 17 | blog: deich", ("tired jo", "30.9.2008 14:28")),
    ("12.03.2013 um 14:05 – Jo Bauer", ("Jo Bauer", "12.03.2013 um 14:05")),
    ("3. Mai 2019 habe ich das auch gesehen", None),
])
def test_a_header_opening_on_its_date_names_the_commenter_after_it(line, expected):
    assert split_date_name(line, ("de", "en")) == expected


@pytest.mark.parametrize("raw, day", [("Reviewed in Germany on 1 January 2026", "2026-01-01"),
                                      ("Rezension aus Deutschland vom 3. Mai 2024", "2024-05-03"),
                                      ("on Friday January 12, 2024 @11:51AM (#64153115)", "2024-01-12")])
def test_a_review_dateline_and_a_date_with_its_permalink_number_are_parsed(raw, day):
    assert (parse_comment_date(raw, ("de", "en")) or "")[:10] == day


@pytest.mark.parametrize("raw", ["12.2. 15:21", "14:05", "12. März", "Sep 21, 3:05 PM"])
def test_a_date_without_its_year_is_kept_raw_and_never_dated_by_the_clock(raw):
    assert parse_comment_date(raw, ("de", "en")) is None


@pytest.mark.parametrize("raw, day", [("12.03.13 14:05", "2013-03-12"), ("Mar 12 '13", "2013-03-12"), ("Jan 15, 2024", "2024-01-15")])
def test_a_date_with_a_short_or_full_year_is_parsed(raw, day):
    assert (parse_comment_date(raw, ("de", "en")) or "")[:10] == day


def test_a_header_date_with_the_comment_number_beside_it_dates_the_name_under_it():
    c = _finish("Half a metre seems little.", "en", head_lines=["Thu, 08/09/2012 - 13:04 | 2691543", "slewie the cat"])
    assert (c.author, c.date_raw) == ("slewie the cat", "Thu, 08/09/2012 - 13:04")


def test_a_title_before_the_name_is_no_sentence_end():
    c = _finish("Mrs. Morgan On Friday, November 2 at 12:14 pm\nHalf a metre seems little.", "en")
    assert (c.author, c.date_raw, c.text) == ("Mrs. Morgan", "Friday, November 2 at 12:14 pm", "Half a metre seems little.")


def test_the_verb_between_name_and_date_is_no_part_of_the_name():
    assert split_name_date("Jo Brand said on May 3, 2012 3:12 PM", ("en",)) == ("Jo Brand", "May 3, 2012 3:12 PM")
    assert split_name_date("by jo ( 127135 ) writes on Monday May 03, 2010 @10:25AM", ("en",))[0] == "jo"
