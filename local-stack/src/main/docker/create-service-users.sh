#!/bin/bash
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), after
# create-databases.sql. Each service gets its own login role that owns its own database (so its
# Flyway can create tables there) and cannot connect to any other; no service uses the superuser.
# The passwords come from the environment (.env), never from this repository.
set -euo pipefail

for service in recommendations groups reporting notifications; do
  database="ws2_${service}"
  password_variable="WS2_${service^^}_DB_PASSWORD"
  password="${!password_variable:?${password_variable} must be set (see .env.example)}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$database" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
ALTER DATABASE :"role" OWNER TO :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"role" TO :"role";
SQL
done
