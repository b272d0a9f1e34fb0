-- Grain: member pair in one sentence (document × sentence × pair × taxonomy version).
-- is_confident: the relation is sure enough to count in the cohesion index (see README, Tagging);
-- rows tagged before confidence existed count as confident, as they always did.
create or replace view stg_dyads as
select doc_id, doc_kind, article_id, member_a, member_b,
       member_a || '-' || member_b as pair_id,
       relation, confidence,
       coalesce(confidence, 1.0) >= 0.7 as is_confident,
       sentence, sentence_start, taxonomy_version, batch_id
from dyads;
