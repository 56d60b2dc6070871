-- SecurityIT's miniature service: a thing per organisation, changed through its API.
CREATE TABLE thing (
    id            uuid        PRIMARY KEY,
    ods_code      varchar(5)  NOT NULL,
    name          varchar(100) NOT NULL
);
