-- One spelling in identifiers across the platform: "enrollment", as the event types and topics
-- already say. Renames only; no data changes.
alter table enrolment rename to enrollment;
alter index enrolment_service rename to enrollment_service;
alter table enrollment rename constraint enrolment_pkey to enrollment_pkey;

alter table enrolment_team_member rename to enrollment_team_member;
alter table enrollment_team_member rename column enrolment_id to enrollment_id;
alter table enrollment_team_member
    rename constraint enrolment_team_member_pkey to enrollment_team_member_pkey;
alter table enrollment_team_member
    rename constraint enrolment_team_member_enrolment_id_fkey
        to enrollment_team_member_enrollment_id_fkey;

alter table coaching_plan rename column enrolment_id to enrollment_id;
alter table coaching_plan
    rename constraint coaching_plan_enrolment_id_key to coaching_plan_enrollment_id_key;
alter table coaching_plan
    rename constraint coaching_plan_enrolment_id_fkey to coaching_plan_enrollment_id_fkey;
