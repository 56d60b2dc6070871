-- Learning events attended (LearningEventAttended from coaching.events), one row per event and
-- enrolment: engagement counts them apart from coaching. Not part of the engagement rebuild, which
-- replays sessions and plans only; a redelivered event finds its row and changes nothing.
create table learning_event_attendance (
    learning_event_id                  uuid        not null,
    enrollment_id                      uuid        not null,
    service_id                         uuid        not null,
    phase_id                           uuid        not null,
    format                             text        not null,
    starts_at                          timestamp   not null,
    planned_minutes                    integer     not null check (planned_minutes > 0),
    attendees                          integer     not null check (attendees > 0),
    lived_experience_partner_took_part boolean     not null,
    recorded_at                        timestamptz not null,
    primary key (learning_event_id, enrollment_id)
);

create index learning_event_attendance_enrollment on learning_event_attendance (enrollment_id);
