-- Coaches: who delivers which level, when they work, how much, and when they are away.
-- Names and e-mail addresses of coaches stay in this service and never travel in events.
create table coach (
    id                        uuid primary key,
    name                      text        not null,
    email                     text,
    delivers_executive        boolean     not null,
    delivers_service_delivery boolean     not null,
    working_days              text        not null,
    weekly_capacity_minutes   integer     not null check (weekly_capacity_minutes between 60 and 3600),
    created_at                timestamptz not null,
    version                   bigint      not null,
    check (delivers_executive or delivers_service_delivery)
);

create table coach_day_away (
    coach_id uuid not null references coach (id),
    day      date not null,
    reason   text,
    primary key (coach_id, day)
);

-- What coaching knows of an enrolment, from enrollment-service's events. A row can exist before
-- the enrolment itself is known: its project team, or a withdrawal that overtook it.
create table enrolment (
    id                 uuid primary key,
    service_id         uuid,
    phase_id           uuid,
    phase_kind         text,
    ods_code           text,
    service_type       text,
    coaching_starts_on date,
    coaching_ends_on   date,
    enrolled_at        timestamptz,
    withdrawn_at       timestamptz,
    withdrawal_reason  text,
    team_updated_at    timestamptz,
    version            bigint not null
);

create index enrolment_service on enrolment (service_id);

-- The current project team, as ids and roles only.
create table enrolment_team_member (
    enrolment_id uuid not null references enrolment (id),
    member_id    uuid not null,
    role         text not null,
    primary key (enrolment_id, member_id)
);

create table coaching_plan (
    id               uuid primary key,
    enrolment_id     uuid        not null unique references enrolment (id),
    service_id       uuid        not null,
    phase_id         uuid        not null,
    phase_kind       text        not null,
    window_starts_on date        not null,
    window_ends_on   date        not null,
    time_zone        text        not null,
    created_at       timestamptz not null,
    withdrawn_at     timestamptz,
    version          bigint      not null,
    check (window_starts_on <= window_ends_on)
);

-- starts_at is the wall-clock time in time_zone: a 10:00 session stays at 10:00 across the clock
-- changes. original_starts_at keeps the time it was first planned for.
create table coaching_session (
    id                                 uuid primary key,
    plan_id                            uuid        not null references coaching_plan (id),
    level                              text        not null,
    kind                               text        not null,
    starts_at                          timestamp   not null,
    time_zone                          text        not null,
    duration_minutes                   integer     not null check (duration_minutes > 0),
    original_starts_at                 timestamp   not null,
    coach_id                           uuid references coach (id),
    status                             text        not null
        check (status in ('SCHEDULED', 'CANCELLED', 'COMPLETED')),
    revision                           integer     not null,
    cancellation_cause                 text,
    cancellation_reason                text,
    delivered_minutes                  integer check (delivered_minutes >= 0),
    lived_experience_partner_took_part boolean,
    updated_at                         timestamptz not null,
    version                            bigint      not null,
    check (delivered_minutes is null or delivered_minutes <= duration_minutes)
);

create index coaching_session_plan on coaching_session (plan_id, starts_at);
create index coaching_session_coach on coaching_session (coach_id, starts_at)
    where status <> 'CANCELLED';
create index coaching_session_unstaffed on coaching_session (starts_at)
    where coach_id is null and status = 'SCHEDULED';

-- Attendance of a completed session: counts per project-team role, and the members recorded.
create table session_attendance (
    session_id uuid    not null references coaching_session (id),
    role       text    not null,
    attendees  integer not null check (attendees >= 0),
    primary key (session_id, role)
);

create table session_attendee (
    session_id uuid not null references coaching_session (id),
    member_id  uuid not null,
    role       text not null,
    primary key (session_id, member_id)
);

-- Every change of a session: what, when, by whom, from which time and coach to which, and why.
create table session_change (
    id             uuid primary key,
    session_id     uuid        not null references coaching_session (id),
    sequence       integer     not null,
    change         text        not null,
    changed_at     timestamptz not null,
    actor          text        not null,
    from_starts_at timestamp,
    to_starts_at   timestamp,
    from_coach_id  uuid,
    to_coach_id    uuid,
    reason         text,
    unique (session_id, sequence)
);
