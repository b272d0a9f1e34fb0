-- Grain: day × member × source. Mentions in articles and in their comments, on the article's day.
create or replace view daily_member_mentions as
with member_mentions as (
    select doc_kind, article_id, member from stg_mentions where is_member
),

final as (
    select s.published_on                                as day,
           m.member,
           s.source_id,
           any_value(s.source_type)                      as source_type,
           count(*)                                      as mention_count,
           count(distinct m.article_id)                  as article_count,
           count(*) filter (where m.doc_kind = 'article') as article_mention_count,
           count(*) filter (where m.doc_kind = 'comment') as comment_mention_count
    from member_mentions m
    join stg_article_sources s using (article_id)
    where s.published_on is not null
    group by s.published_on, m.member, s.source_id
)

select * from final
order by day, member, source_id;
