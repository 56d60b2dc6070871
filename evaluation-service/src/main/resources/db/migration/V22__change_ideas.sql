-- Change ideas and their Plan-Do-Study-Act cycles: each team's own, shared with every team as
-- the programme's library (searchable by text and filters).
CREATE TABLE change_idea (
    id            uuid         PRIMARY KEY,
    enrollment_id uuid         NOT NULL,
    service_id    uuid         NOT NULL,
    title         varchar(200) NOT NULL,
    description   text         NOT NULL,
    -- co-produced with lived-experience partners
    co_produced   boolean      NOT NULL,
    recorded_by   varchar(200) NOT NULL,
    recorded_at   timestamptz  NOT NULL,
    search        tsvector     GENERATED ALWAYS AS
                      (to_tsvector('english', title || ' ' || description)) STORED
);

CREATE INDEX change_idea_search ON change_idea USING gin (search);
CREATE INDEX change_idea_service ON change_idea (service_id);

CREATE TABLE change_idea_measure (
    change_idea_id uuid        NOT NULL REFERENCES change_idea (id),
    measure_code   varchar(40) NOT NULL REFERENCES measure (code),
    PRIMARY KEY (change_idea_id, measure_code)
);

CREATE TABLE pdsa_cycle (
    change_idea_id uuid        NOT NULL REFERENCES change_idea (id),
    cycle_number   integer     NOT NULL CHECK (cycle_number >= 1),
    plan           text        NOT NULL,
    started_on     date        NOT NULL,
    -- set together when the cycle is studied and a decision taken
    done           text,
    study          text,
    act            varchar(10) CHECK (act IN ('ADOPT', 'ADAPT', 'ABANDON')),
    completed_on   date,
    PRIMARY KEY (change_idea_id, cycle_number),
    CHECK ((act IS NULL) = (completed_on IS NULL)),
    CHECK (completed_on IS NULL OR completed_on >= started_on)
);
