create table programme (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null
);

create table phase (
    id                 uuid primary key,
    programme_id       uuid    not null references programme (id),
    kind               text    not null check (kind in ('PILOT', 'WIDER_IMPLEMENTATION')),
    name               text    not null,
    starts_on          date    not null,
    ends_on            date    not null,
    capacity           integer not null check (capacity > 0),
    coaching_starts_on date    not null,
    coaching_ends_on   date    not null,
    unique (programme_id, kind),
    check (starts_on <= ends_on),
    check (coaching_starts_on >= starts_on and coaching_ends_on <= ends_on
           and coaching_starts_on <= coaching_ends_on)
);

create table organisation (
    id            uuid primary key,
    ods_code      text not null unique check (ods_code ~ '^[A-Z0-9]{3,5}$'),
    name          text not null,
    provider_type text not null,
    region        text not null
);

create table service (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    name            text not null,
    service_type    text not null
);

create index service_organisation on service (organisation_id);

create table enrollment (
    id                             uuid primary key,
    service_id                     uuid        not null references service (id),
    organisation_id                uuid        not null references organisation (id),
    phase_id                       uuid        not null references phase (id),
    status                         text        not null,
    applied_at                     timestamptz not null,
    carried_over_from              uuid references enrollment (id),
    learning_network               boolean     not null default false,
    decline_reason                 text,
    sponsor_member_id              uuid,
    backs_organisation_involvement boolean,
    backs_team_change_ideas        boolean,
    backs_data_collection          boolean,
    commitment_confirmed_at        timestamptz,
    commitment_confirmed_by        text,
    version                        bigint      not null,
    unique (service_id, phase_id)
);

create index enrollment_phase_status on enrollment (phase_id, status, applied_at);

create table enrollment_transition (
    id            uuid primary key,
    enrollment_id uuid        not null references enrollment (id),
    sequence      integer     not null,
    from_status   text,
    to_status     text        not null,
    occurred_at   timestamptz not null,
    actor         text        not null,
    reason        text,
    unique (enrollment_id, sequence)
);

-- Names and e-mail addresses live here only; erasure nulls them and keeps id and role.
create table team_member (
    id            uuid primary key,
    enrollment_id uuid        not null references enrollment (id),
    role          text        not null,
    name          text,
    email         text,
    added_at      timestamptz not null,
    removed_at    timestamptz,
    erased_at     timestamptz,
    version       bigint      not null,
    check ((erased_at is null) = (name is not null and email is not null))
);

create index team_member_enrollment on team_member (enrollment_id);
