-- Grain: day × source × framing × stance: which outlets use which framing, and how.
-- Only framings whose target includes a member count.
create or replace view daily_source_framing_stance as
with final as (
    select s.published_on               as day,
           s.source_id,
           any_value(s.source_type)     as source_type,
           f.framing_id,
           f.stance,
           count(*)                     as mention_count,
           count(distinct f.article_id) as article_count,
           count(*) filter (where f.doc_kind = 'comment') as comment_mention_count
    from stg_framings f
    join stg_article_sources s using (article_id)
    where s.published_on is not null
      and f.has_member_target
    group by s.published_on, s.source_id, f.framing_id, f.stance
)

select * from final
order by day, source_id, framing_id, stance;
