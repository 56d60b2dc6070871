-- A coach can be erased on request: the name and e-mail address are wiped, the record (id,
-- levels, sessions delivered) stays, and the coach is never staffed again.
alter table coach
    alter column name drop not null,
    add column erased_at timestamptz;

-- Team members erased in enrollment-service. Remembered so that a team update read after the
-- erasure (it may still list the member) never brings the member id back.
create table erased_team_member (
    member_id     uuid primary key,
    enrollment_id uuid        not null,
    erased_at     timestamptz not null
);

-- An erased member's attendance keeps its role (the counts stay as they are) without the id.
alter table session_attendee drop constraint session_attendee_pkey;
alter table session_attendee alter column member_id drop not null;
alter table session_attendee
    add constraint session_attendee_member unique (session_id, member_id);

-- Calendar feeds for subscription: the URL carries an unguessable token, of which only the
-- SHA-256 hash is kept. Either a coach's calendar or a service's; revoked ones answer 404.
create table calendar_subscription (
    id         uuid primary key,
    token_hash text        not null unique,
    subscriber text        not null,
    coach_id   uuid references coach (id),
    service_id uuid,
    created_at timestamptz not null,
    revoked_at timestamptz,
    check ((coach_id is null) <> (service_id is null))
);

create index calendar_subscription_subscriber on calendar_subscription (subscriber, created_at);
