-- Grain: document (an article or a comment). A comment is dated by its article, so a day's
-- comments count on the day the article was published. Pingbacks are not reader comments.
create or replace view stg_documents as
select article_id as doc_id, 'article' as doc_kind, article_id, language,
       cast(timezone('UTC', published_at) as date) as published_on
from articles
union all
select c.comment_id, 'comment', c.article_id, c.language,
       cast(timezone('UTC', a.published_at) as date)
from comments c
join articles a using (article_id)
where c.kind = 'comment';
