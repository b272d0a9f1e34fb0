-- Grain: ISO week (starting Monday) × member, over all sources: daily_attention_share by week.
create or replace view weekly_attention_share as
with weeks as (
    select date_trunc('week', published_on)::date as week, count(*) as total_article_count
    from stg_articles
    where published_on is not null
    group by 1
),

mentioning as (
    select date_trunc('week', a.published_on)::date as week, m.member,
           count(distinct m.article_id) as article_count
    from stg_mentions m
    join stg_articles a using (article_id)
    where m.is_member and m.doc_kind = 'article' and a.published_on is not null
    group by all
),

final as (
    select w.week,
           mb.member,
           coalesce(m.article_count, 0)                                  as article_count,
           w.total_article_count,
           round(1000.0 * coalesce(m.article_count, 0) / w.total_article_count, 3) as per_1000_articles
    from weeks w
    cross join members mb
    left join mentioning m on m.week = w.week and m.member = mb.member
)

select * from final
order by week, member;
