-- Grain: actor mention (document × offset × taxonomy version).
create or replace view stg_mentions as
select doc_id, doc_kind, article_id, actor as member, is_member,
       start_offset, end_offset, surface, sentence, taxonomy_version, batch_id
from mentions;
