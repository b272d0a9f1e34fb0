-- Rows returned are violations: a share outside 0–1000 or more mentioning articles than articles.
select 'share out of range' as problem, day::varchar || ' ' || member as detail
from daily_attention_share
where per_1000_articles not between 0 and 1000 or article_count > total_article_count
union all
select 'grain repeats', day::varchar || ' ' || member
from daily_attention_share group by day, member having count(*) > 1;
