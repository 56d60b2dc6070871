-- What the test consumer applied: one row per application, so a duplicate shows as a second row.
create table applied_event (
    event_id   uuid not null,
    subject    text not null,
    applied_at timestamptz not null default now()
);
