-- Targets of the measure catalogue, set by the programme's central team: for a measure everywhere,
-- for one phase, or for one service (the most specific applies). A change is a new version of the
-- scope's target; every version stays as its history, with who set it and when.
CREATE TABLE measure_target (
    id            uuid             PRIMARY KEY,
    -- The scope's target, shared by its versions (the events' key).
    target_id     uuid             NOT NULL,
    measure_code  varchar(40)      NOT NULL REFERENCES measure (code),
    phase_id      uuid,
    service_id    uuid,
    version       integer          NOT NULL CHECK (version >= 1),
    value         double precision NOT NULL CHECK (value >= 0),
    set_by        varchar(200)     NOT NULL,
    set_at        timestamptz      NOT NULL,
    CHECK (phase_id IS NULL OR service_id IS NULL),
    UNIQUE (target_id, version)
);

-- One version of a number per scope, whichever way two changes race.
CREATE UNIQUE INDEX measure_target_scope_version ON measure_target (
    measure_code,
    coalesce(phase_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(service_id, '00000000-0000-0000-0000-000000000000'),
    version);
