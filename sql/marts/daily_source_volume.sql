-- Grain: day × source. How much each source published: the denominator of every share.
create or replace view daily_source_volume as
with comment_counts as (
    select article_id, count(*) as comment_count from comments where kind = 'comment' group by article_id
),

final as (
    select s.published_on                        as day,
           s.source_id,
           any_value(s.source_type)              as source_type,
           count(*)                              as article_count,
           coalesce(sum(c.comment_count), 0)::bigint as comment_count
    from stg_article_sources s
    left join comment_counts c using (article_id)
    where s.published_on is not null
    group by s.published_on, s.source_id
)

select * from final
order by day, source_id;
