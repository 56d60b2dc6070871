-- Who changed what, when, from which request: one row for every transaction a change request
-- commits, written in that transaction (service-support's AuditTrail), so a change and its record
-- stand or fall together. Read by programme administrators through GET /api/admin/audit.
CREATE TABLE audit_event (
    id            bigserial    PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL,
    subject       varchar(200) NOT NULL,
    roles         varchar(200) NOT NULL,
    organisation  varchar(20),
    method        varchar(10)  NOT NULL,
    operation     varchar(300) NOT NULL,
    path          varchar(2000) NOT NULL,
    target        jsonb        NOT NULL,
    request_id    varchar(64)  NOT NULL,
    trace_id      varchar(32)
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_subject ON audit_event (subject, occurred_at);
CREATE INDEX audit_event_request_id ON audit_event (request_id);
