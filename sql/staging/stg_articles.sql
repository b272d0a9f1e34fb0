-- Grain: article. Renames and casts only; the day is the UTC calendar day of publication, so it
-- does not depend on the time zone of whoever opens the database.
create or replace view stg_articles as
select article_id,
       url,
       canonical_url,
       source_ids,
       source_ids[1]                                  as primary_source_id,
       title,
       published_at,
       cast(timezone('UTC', published_at) as date)    as published_on,
       language,
       language_confidence,
       word_count,
       batch_id
from articles;
