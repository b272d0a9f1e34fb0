-- Grain: day × member × source × source type × kind (article | comment) × language.
-- A comment's mentions count on its article's day; an article listed by two sources counts
-- under each of them. Undated articles have no day and stay out of every trend.
create or replace view daily_member_mentions_by_kind_language as
with member_mentions as (
    select doc_id, doc_kind, article_id, member from stg_mentions where is_member
),

documents as (
    select doc_id, doc_kind, language, published_on from stg_documents
),

final as (
    select d.published_on       as day,
           m.member,
           s.source_id,
           s.source_type,
           m.doc_kind,
           d.language,
           count(*)                    as mention_count,
           count(distinct m.doc_id)     as doc_count,
           count(distinct m.article_id) as article_count
    from member_mentions m
    join documents d using (doc_id, doc_kind)
    join stg_article_sources s using (article_id)
    where d.published_on is not null
    group by all
)

select * from final
order by day, member, source_id, doc_kind, language;
