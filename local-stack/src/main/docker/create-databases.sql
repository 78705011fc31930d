-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- Only the empty databases: each service's Flyway creates its own tables.
CREATE DATABASE ws2_recommendations;
CREATE DATABASE ws2_groups;
CREATE DATABASE ws2_reporting;
CREATE DATABASE ws2_notifications;
