-- Rows returned are violations: the grain repeats, or a count disagrees with its evidence.
select 'grain repeats' as problem, day::varchar as detail
from daily_member_mentions
group by day, member, source_id having count(*) > 1
union all
select 'mention_count differs from mention_evidence', coalesce(t.day, e.day)::varchar
from (select day, member, source_id, mention_count from daily_member_mentions) t
full join (select day, member, source_id, count(*) as mention_count
           from mention_evidence where day is not null group by all) e
    using (day, member, source_id)
where t.mention_count is distinct from e.mention_count
union all
select 'detail does not add up to daily_member_mentions', day::varchar
from (select day, member, source_id, sum(mention_count) as n
      from daily_member_mentions_by_kind_language group by all) k
full join daily_member_mentions d using (day, member, source_id)
where k.n is distinct from d.mention_count;
