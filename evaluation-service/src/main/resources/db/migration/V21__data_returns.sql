-- Monthly data returns: aggregate counts only, never patient-level records. A correction is a
-- new version; earlier versions stay as the return's history.
CREATE TABLE data_return (
    id                uuid         PRIMARY KEY,
    enrollment_id     uuid         NOT NULL,
    service_id        uuid         NOT NULL,
    measure_code      varchar(40)  NOT NULL REFERENCES measure (code),
    -- the first day of the month the return covers
    month             date         NOT NULL CHECK (extract(day FROM month) = 1),
    version           integer      NOT NULL CHECK (version >= 1),
    correction_reason text,
    -- JSON or CSV: how it reached the service
    source            varchar(10)  NOT NULL,
    submitted_by      varchar(200) NOT NULL,
    submitted_at      timestamptz  NOT NULL,
    -- one return per service, measure and month; concurrent submissions meet here
    UNIQUE (service_id, measure_code, month, version),
    CHECK ((version = 1) = (correction_reason IS NULL))
);

CREATE INDEX data_return_enrollment ON data_return (enrollment_id, measure_code, month);

CREATE TABLE data_return_stratum (
    return_id    uuid        NOT NULL REFERENCES data_return (id),
    stratum_code varchar(10) NOT NULL,
    numerator    bigint      NOT NULL CHECK (numerator >= 0),
    denominator  bigint      NOT NULL CHECK (denominator >= 0),
    PRIMARY KEY (return_id, stratum_code)
);

-- Returns found missing after the grace period, each announced once as DataReturnOverdue.
CREATE TABLE overdue_return (
    enrollment_id uuid        NOT NULL,
    service_id    uuid        NOT NULL,
    measure_code  varchar(40) NOT NULL REFERENCES measure (code),
    month         date        NOT NULL,
    due_on        date        NOT NULL,
    detected_at   timestamptz NOT NULL,
    PRIMARY KEY (enrollment_id, measure_code, month)
);
