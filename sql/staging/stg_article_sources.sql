-- Grain: article × source. An article listed by two feeds belongs to both sources.
create or replace view stg_article_sources as
with article_sources as (
    select article_id, unnest(source_ids) as source_id,
           cast(timezone('UTC', published_at) as date) as published_on
    from articles
)

select a.article_id,
       a.source_id,
       coalesce(s.source_type, 'unknown') as source_type,
       a.published_on
from article_sources a
left join sources s using (source_id);
