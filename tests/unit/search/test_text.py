from pipeline.search.text import cjk_bigrams, fts_phrase, parse_query, snippet_html


def test_cjk_bigrams_pair_neighbouring_characters_within_a_run_only():
    assert cjk_bigrams("中俄关系 and 朝鲜") == "中俄 俄关 关系 朝鲜"
    assert cjk_bigrams("Moscow") == ""


def test_query_terms_go_to_the_index_that_can_answer_them():
    terms = parse_query('Москва 中俄 "axis of upheaval" 朝 of')
    assert terms.trigram == ("Москва", "axis of upheaval")
    assert terms.bigram == ("中俄",)
    assert terms.scan == ("朝", "of")


def test_fts_phrase_quotes_operators_away():
    assert fts_phrase('say "NOT" OR') == '"say ""NOT"" OR"'


def test_snippet_marks_every_term_and_escapes_html():
    text = "x" * 200 + " <b>Moscow</b> and moscow again " + "y" * 200
    snippet = snippet_html(text, ("Moscow",), width=40)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "&lt;b&gt;<mark>Moscow</mark>&lt;/b&gt;" in snippet
    assert "<mark>moscow</mark>" in snippet
