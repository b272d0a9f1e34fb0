-- Grain: framing mention × source: the sentence behind every count in the framing trends, with
-- the members of the grouping it describes (target_members); look-alike groupings are not counted.
create or replace view framing_evidence as
select s.published_on as day,
       f.framing_id,
       f.stance,
       f.target_members,
       s.source_id,
       s.source_type,
       f.doc_kind,
       f.doc_id,
       f.article_id,
       a.url,
       a.title,
       f.surface,
       f.start_offset,
       f.end_offset,
       f.sentence,
       f.taxonomy_version,
       f.batch_id
from stg_framings f
join stg_article_sources s using (article_id)
join stg_articles a using (article_id)
where f.has_member_target;
