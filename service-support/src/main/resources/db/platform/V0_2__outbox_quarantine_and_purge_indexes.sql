-- A record Kafka can never take (too large, invalid) is set aside with its reason instead of
-- blocking the events behind it; an operator can clear quarantined_at to send it again after a fix.
alter table outbox_event add column quarantined_at timestamptz;
alter table outbox_event add column quarantine_reason text;

drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (position)
    where published_at is null and quarantined_at is null;

-- The relaying instance purges applied-event records past their retention, a batch at a time.
create index processed_event_processed_at on processed_event (processed_at);
