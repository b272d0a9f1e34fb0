-- Rows returned are violations: an index outside −1…1, counts that do not add up, or a pair
-- not in alphabetical order.
select 'cohesion out of range' as problem, week::varchar || ' ' || pair_id as detail
from weekly_dyad_cohesion where cohesion_index not between -1 and 1
union all
select 'counts do not add up', week::varchar || ' ' || pair_id
from weekly_dyad_cohesion
where cooperation_count + friction_count + low_confidence_count + neutral_count <> sentence_count
union all
select 'pair not ordered', pair_id from weekly_dyad_cohesion where member_a >= member_b;
