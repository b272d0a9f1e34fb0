-- Grain: ISO week (starting Monday) × member pair. The cohesion index is
-- (cooperation − friction) / (cooperation + friction) over the week's confident sentences naming
-- both members: +1 all cooperation, −1 all friction, NULL when no confident sentence expressed
-- either. A relation is confident (is_confident) when the tagger found its cue linking the two
-- members and no cue of the other kind linking them; guesses and mixed signals are counted in
-- low_confidence_count but left out of the index.
create or replace view weekly_dyad_cohesion as
with pair_sentences as (
    select date_trunc('week', a.published_on)::date as week,
           d.member_a, d.member_b, d.pair_id, d.relation, d.is_confident, d.article_id
    from stg_dyads d
    join stg_articles a using (article_id)
    where a.published_on is not null
),

counts as (
    select week, member_a, member_b, pair_id,
           count(*) filter (where relation = 'cooperation' and is_confident) as cooperation_count,
           count(*) filter (where relation = 'friction' and is_confident)    as friction_count,
           count(*) filter (where relation <> 'neutral' and not is_confident) as low_confidence_count,
           count(*) filter (where relation = 'neutral')     as neutral_count,
           count(*)                                         as sentence_count,
           count(distinct article_id)                       as article_count
    from pair_sentences
    group by week, member_a, member_b, pair_id
),

final as (
    select *,
           round((cooperation_count - friction_count)
                 / nullif(cooperation_count + friction_count, 0), 3) as cohesion_index
    from counts
)

select * from final
order by week, pair_id;
