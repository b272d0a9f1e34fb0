-- Grain: member pair in one sentence: the sentences behind weekly_dyad_cohesion.
create or replace view dyad_evidence as
select a.published_on                              as day,
       date_trunc('week', a.published_on)::date    as week,
       d.member_a,
       d.member_b,
       d.pair_id,
       d.relation,
       d.confidence,
       d.is_confident,
       d.doc_kind,
       d.doc_id,
       d.article_id,
       a.primary_source_id                         as source_id,
       a.url,
       a.title,
       d.sentence_start,
       d.sentence,
       d.taxonomy_version,
       d.batch_id
from stg_dyads d
join stg_articles a using (article_id);
