-- How many times an enrolment's project team changed; every ProjectTeamUpdated carries the next.
-- Existing enrolments start at 0: the revisions their earlier events lacked are not invented.
alter table enrollment add column team_revision bigint not null default 0 check (team_revision >= 0);
