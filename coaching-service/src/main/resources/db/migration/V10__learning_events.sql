-- Programme-wide learning events the central team schedules (webinars, in-person days). The title
-- is the central team's words and stays here: events carry ids, format, times and audience only.
-- starts_at is the wall-clock time in time_zone, as for sessions.
create table learning_event (
    id                       uuid primary key,
    title                    text        not null,
    format                   text        not null check (format in ('WEBINAR', 'IN_PERSON_DAY')),
    starts_at                timestamp   not null,
    time_zone                text        not null,
    duration_minutes         integer     not null check (duration_minutes between 15 and 480),
    audience                 text        not null check (audience in ('ALL_TEAMS', 'PHASE', 'LEVEL')),
    phase_id                 uuid,
    level                    text,
    learning_network_invited boolean     not null,
    scheduled_by             text        not null,
    scheduled_at             timestamptz not null,
    check ((audience = 'PHASE') = (phase_id is not null)),
    check ((audience = 'LEVEL') = (level is not null))
);

create index learning_event_starts_at on learning_event (starts_at);

-- Attendance, once per event and enrolled service: how many of its people came, no names.
create table learning_event_attendance (
    learning_event_id                  uuid        not null references learning_event (id),
    service_id                         uuid        not null,
    enrollment_id                      uuid        not null,
    attendees                          integer     not null check (attendees > 0),
    lived_experience_partner_took_part boolean     not null,
    recorded_by                        text        not null,
    recorded_at                        timestamptz not null,
    primary key (learning_event_id, service_id)
);
