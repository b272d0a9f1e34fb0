-- Grain: member mention × source: the sentence behind every count in the member trends.
-- Filter it by the columns of a trend cell (day, member, source_id, doc_kind, language) to see
-- exactly the rows that cell counts.
create or replace view mention_evidence as
select s.published_on as day,
       m.member,
       s.source_id,
       s.source_type,
       m.doc_kind,
       d.language,
       m.doc_id,
       m.article_id,
       a.url,
       a.title,
       m.surface,
       m.start_offset,
       m.end_offset,
       m.sentence,
       m.taxonomy_version,
       m.batch_id
from stg_mentions m
join stg_documents d on d.doc_id = m.doc_id and d.doc_kind = m.doc_kind
join stg_article_sources s on s.article_id = m.article_id
join stg_articles a on a.article_id = m.article_id
where m.is_member;
