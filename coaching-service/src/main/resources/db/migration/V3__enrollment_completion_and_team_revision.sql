-- A completion ends a plan as a withdrawal does (and may likewise arrive before its enrolment);
-- team updates are ordered by the revision enrollment-service gives each one; a plan keeps its first
-- day of coaching, later than the window's for a service promoted from the waitlist part-way.
alter table enrollment
    add column completed_at  timestamptz,
    add column team_revision bigint;

alter table coaching_plan
    add column completed_at timestamptz,
    add column coached_from date;
