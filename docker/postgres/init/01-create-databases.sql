-- Runs once, when the postgres container initialises an empty data volume.
-- One database per service; the services create their own tables (Flyway/JPA).
CREATE DATABASE enrollment;
CREATE DATABASE coaching;
CREATE DATABASE evaluation;
CREATE DATABASE notification;
