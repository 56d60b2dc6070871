-- Publication of phase reports, a decision of the programme's central team: a published phase's
-- report pages are readable without a token. Withdrawing keeps the row (who and when) as history;
-- publishing again adds a new one.
CREATE TABLE report_publication (
    id            uuid          PRIMARY KEY,
    phase_id      uuid          NOT NULL,
    published_by  varchar(200)  NOT NULL,
    published_at  timestamptz   NOT NULL,
    withdrawn_by  varchar(200),
    withdrawn_at  timestamptz,
    CHECK ((withdrawn_by IS NULL) = (withdrawn_at IS NULL))
);

-- At most one standing publication per phase, whichever way two decisions race.
CREATE UNIQUE INDEX report_publication_standing ON report_publication (phase_id)
    WHERE withdrawn_at IS NULL;
