-- Grain: member pair in one sentence (document × sentence × pair × taxonomy version).
create or replace view stg_dyads as
select doc_id, doc_kind, article_id, member_a, member_b,
       member_a || '-' || member_b as pair_id,
       relation, sentence, sentence_start, taxonomy_version, batch_id
from dyads;
