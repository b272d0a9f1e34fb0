-- Grain: day × framing × stance (asserted | distanced | contested), over all sources.
-- Only framings whose target includes a member count (a look-alike grouping is no CRINK framing).
create or replace view daily_framing_stance as
with framings as (
    select f.doc_kind, f.article_id, f.framing_id, f.stance, a.published_on
    from stg_framings f
    join stg_articles a using (article_id)
    where a.published_on is not null
      and f.has_member_target
),

final as (
    select published_on                                  as day,
           framing_id,
           stance,
           count(*)                                      as mention_count,
           count(distinct article_id)                    as article_count,
           count(*) filter (where doc_kind = 'article')  as article_mention_count,
           count(*) filter (where doc_kind = 'comment')  as comment_mention_count
    from framings
    group by published_on, framing_id, stance
)

select * from final
order by day, framing_id, stance;
