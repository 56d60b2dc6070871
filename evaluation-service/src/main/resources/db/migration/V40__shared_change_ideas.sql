-- The shared change-idea library: a team's decision to share one of its ideas with the programme
-- (or to withdraw it), kept as history, and the ideas teams adopted from each other's.

-- Every share and withdrawal, with who decided and when; the latest one stands.
CREATE TABLE change_idea_sharing_decision (
    id             uuid         PRIMARY KEY,
    change_idea_id uuid         NOT NULL REFERENCES change_idea (id),
    shared         boolean      NOT NULL,
    decided_by     varchar(200) NOT NULL,
    decided_at     timestamptz  NOT NULL
);

CREATE INDEX change_idea_sharing_decision_idea
    ON change_idea_sharing_decision (change_idea_id, decided_at);

-- The ideas shared now: one row from a share until its withdrawal.
CREATE TABLE shared_change_idea (
    change_idea_id uuid        PRIMARY KEY REFERENCES change_idea (id),
    shared_at      timestamptz NOT NULL
);

-- "Adopted from": an idea names at most one other team's idea it tries; no cycles (checked by the
-- application, which walks the chain under a lock).
CREATE TABLE change_idea_adoption (
    change_idea_id  uuid         PRIMARY KEY REFERENCES change_idea (id),
    adopted_from_id uuid         NOT NULL REFERENCES change_idea (id),
    recorded_by     varchar(200) NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    CHECK (change_idea_id <> adopted_from_id)
);

CREATE INDEX change_idea_adoption_source ON change_idea_adoption (adopted_from_id);
