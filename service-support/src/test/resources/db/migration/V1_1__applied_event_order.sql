-- The order in which the test consumer applied events, to check that one key's events keep theirs.
alter table applied_event add column applied_order bigint generated always as identity;
