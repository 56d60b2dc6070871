-- A reminder the working day before each session, kept with the session's latest time: moving the
-- session moves it (and sends it again for the new time), cancelling removes it. In the database,
-- so reminders survive a restart.
create table session_reminder (
    session_id  uuid primary key,
    service_id  uuid        not null,
    coach_id    uuid,
    summary     text        not null,
    starts_at   timestamp   not null,
    time_zone   text        not null,
    minutes     integer     not null,
    remind_on   date        not null,
    reminded_at timestamptz
);

create index session_reminder_due on session_reminder (remind_on) where reminded_at is null;
