-- Grain: day × member, over all sources. Share of attention = articles whose own text mentions
-- the member per 1,000 articles published that day, so a busier news day does not fake a trend.
-- Every member has a row on every day with articles (zero when unmentioned).
create or replace view daily_attention_share as
with days as (
    select published_on as day, count(*) as total_article_count
    from stg_articles
    where published_on is not null
    group by published_on
),

mentioning as (
    select a.published_on as day, m.member, count(distinct m.article_id) as article_count
    from stg_mentions m
    join stg_articles a using (article_id)
    where m.is_member and m.doc_kind = 'article' and a.published_on is not null
    group by all
),

final as (
    select d.day,
           mb.member,
           coalesce(m.article_count, 0)                                  as article_count,
           d.total_article_count,
           round(1000.0 * coalesce(m.article_count, 0) / d.total_article_count, 3) as per_1000_articles
    from days d
    cross join members mb
    left join mentioning m on m.day = d.day and m.member = mb.member
)

select * from final
order by day, member;
