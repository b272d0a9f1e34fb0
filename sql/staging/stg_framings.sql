-- Grain: framing mention (document × offset × taxonomy version).
-- target_members: the members of the grouping the framing describes (NULL on rows tagged before
-- targets existed, until a retag); has_member_target says whether it is a CRINK framing to count.
create or replace view stg_framings as
select doc_id, doc_kind, article_id, framing_id, stance,
       start_offset, end_offset, surface, sentence,
       target_members,
       coalesce(len(target_members) > 0, false)        as has_member_target,
       array_to_string(target_members, '-')             as target_label,
       taxonomy_version, batch_id
from framings;
