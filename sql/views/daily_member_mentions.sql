-- Grain: one row per day × member × source. A mention in a comment counts on its article's day.
create or replace view daily_member_mentions as
with article_sources as (
    select article_id, unnest(source_ids) as source_id,
           cast(published_at as date) as published_on
    from articles
),

member_mentions as (
    select article_id, actor as member, doc_kind
    from mentions
    where is_member
),

final as (
    select s.published_on as day,
           m.member,
           s.source_id,
           count(*) as mention_count,
           count(distinct m.article_id) as article_count
    from member_mentions m
    join article_sources s using (article_id)
    group by all
)

select * from final
order by day, member, source_id;
