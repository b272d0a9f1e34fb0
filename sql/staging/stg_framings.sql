-- Grain: framing mention (document × offset × taxonomy version).
create or replace view stg_framings as
select doc_id, doc_kind, article_id, framing_id, stance,
       start_offset, end_offset, surface, sentence, taxonomy_version, batch_id
from framings;
