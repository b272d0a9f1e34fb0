-- Grain: day × source × member. As daily_attention_share, within one source's output.
create or replace view daily_source_attention_share as
with source_days as (
    select published_on as day, source_id, any_value(source_type) as source_type,
           count(*) as total_article_count
    from stg_article_sources
    where published_on is not null
    group by published_on, source_id
),

mentioning as (
    select s.published_on as day, s.source_id, m.member, count(distinct m.article_id) as article_count
    from stg_mentions m
    join stg_article_sources s using (article_id)
    where m.is_member and m.doc_kind = 'article' and s.published_on is not null
    group by all
),

final as (
    select d.day,
           d.source_id,
           d.source_type,
           mb.member,
           coalesce(m.article_count, 0)                                  as article_count,
           d.total_article_count,
           round(1000.0 * coalesce(m.article_count, 0) / d.total_article_count, 3) as per_1000_articles
    from source_days d
    cross join members mb
    left join mentioning m on m.day = d.day and m.source_id = d.source_id and m.member = mb.member
)

select * from final
order by day, source_id, member;
