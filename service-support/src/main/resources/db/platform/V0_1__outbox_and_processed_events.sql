-- Shared by every service (each in its own database): the transactional outbox and the record of
-- events a consumer has applied. Services number their own migrations from V1.

create table outbox_event (
    id             uuid primary key,
    position       bigint generated always as identity unique,
    topic          text        not null,
    message_key    text        not null,
    event_type     text        not null,
    schema_version integer     not null,
    occurred_at    timestamptz not null,
    -- json, not jsonb: the payload goes out byte for byte as it was written.
    payload        json        not null,
    traceparent    text,
    published_at   timestamptz
);

create index outbox_event_pending on outbox_event (position) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
