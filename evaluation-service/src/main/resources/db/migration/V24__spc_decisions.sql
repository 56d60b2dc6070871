-- Decisions on how a service's SPC chart of a measure computes its limits, recorded with who made
-- them and why (Making Data Count: limits are fixed on a baseline, or rebased after a sustained
-- change). Withdrawn decisions stay as history.
CREATE TABLE spc_decision (
    id            uuid          PRIMARY KEY,
    service_id    uuid          NOT NULL,
    measure_code  varchar(40)   NOT NULL REFERENCES measure (code),
    kind          varchar(20)   NOT NULL CHECK (kind IN ('BASELINE', 'REBASE')),
    -- BASELINE: the last month of the baseline; REBASE: the first month of the new limits
    month         date          NOT NULL CHECK (extract(day FROM month) = 1),
    reason        varchar(2000) NOT NULL,
    recorded_by   varchar(200)  NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    withdrawn_by  varchar(200),
    withdrawn_at  timestamptz
);

CREATE INDEX spc_decision_chart ON spc_decision (service_id, measure_code);

-- One standing decision of a kind per chart and month.
CREATE UNIQUE INDEX spc_decision_standing ON spc_decision (service_id, measure_code, kind, month)
    WHERE withdrawn_at IS NULL;
