-- The people notification-service writes to: its own directory, since events carry no personal
-- data. A contact is for one organisation (ODS code), one service, one coach or the central team,
-- and for the kinds of message they chose. Unsubscribing keeps the row and stops every message.
create table contact (
    id              uuid primary key,
    name            text        not null,
    email           text        not null,
    scope           text        not null check (scope in ('ORGANISATION', 'SERVICE', 'COACH', 'CENTRAL_TEAM')),
    ods_code        text,
    service_id      uuid,
    coach_id        uuid,
    kinds           text[]      not null,
    created_at      timestamptz not null,
    unsubscribed_at timestamptz,
    check (scope <> 'ORGANISATION' or ods_code is not null),
    check ((scope = 'SERVICE') = (service_id is not null)),
    check ((scope = 'COACH') = (coach_id is not null))
);

create index contact_service on contact (service_id) where service_id is not null;
create index contact_ods_code on contact (ods_code) where ods_code is not null;
create index contact_coach on contact (coach_id) where coach_id is not null;

-- Which organisation a service belongs to, and the names the messages use, from
-- enrollment-service's organisation.events (and ServiceEnrolled's ODS code).
create table service_directory (
    service_id        uuid primary key,
    organisation_id   uuid,
    ods_code          text,
    service_name      text,
    updated_at        timestamptz not null
);

create table organisation_directory (
    organisation_id   uuid primary key,
    ods_code          text        not null,
    organisation_name text,
    updated_at        timestamptz not null
);

-- Messages to send, recorded in the transaction that consumed the event calling for them (outbox
-- style): one per event, contact and notice at most. Erasure empties recipient and bodies.
create table message (
    id              uuid primary key,
    event_id        uuid        not null,
    contact_id      uuid        not null,
    notice          text        not null,
    recipient       text,
    subject         text        not null,
    text_body       text,
    html_body       text,
    calendar        text,
    calendar_method text,
    status          text        not null check (status in ('QUEUED', 'SENT', 'FAILED', 'WITHDRAWN')),
    attempts        integer     not null default 0,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text,
    constraint message_once unique (event_id, contact_id, notice)
);

create index message_due on message (next_attempt_at) where status = 'QUEUED';
create index message_contact on message (contact_id);
create index message_failed on message (failed_at) where status = 'FAILED';

-- Each session's invitation as last sent: its SEQUENCE grows with every change, so that calendar
-- clients replace the invitation in place (UID = the session's, as coaching-service's feeds).
create table session_invitation (
    session_id  uuid primary key,
    sequence    integer     not null,
    updated_at  timestamptz not null
);
