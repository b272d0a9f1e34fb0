-- Framing targets (the members of the grouping a framing describes) and dyad confidence.
-- Rows loaded before this migration have no target (NULL) and are left out of the framing trends
-- until `crinkwatch retag` re-tags them; their dyads count as confident, as they always did.
alter table framings add column if not exists target_members varchar[];
alter table dyads add column if not exists confidence double;
