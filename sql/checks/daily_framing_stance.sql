-- Rows returned are violations: an unknown stance, or a count that disagrees with its evidence.
select 'unknown stance' as problem, stance as detail
from daily_framing_stance where stance not in ('asserted', 'distanced', 'contested')
union all
select 'mention_count differs from framing_evidence', coalesce(t.day, e.day)::varchar
from daily_source_framing_stance t
full join (select day, source_id, framing_id, stance, count(*) as mention_count
           from framing_evidence where day is not null group by all) e
    using (day, source_id, framing_id, stance)
where t.mention_count is distinct from e.mention_count;
