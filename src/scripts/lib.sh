# Shared helpers for the scripts in this folder (sourced, not run).

# The production JVM options (JAVA_OPTS of the generated Kubernetes manifest), as application.properties sets them.
prod_java_opts() {
  sed -n 's/^quarkus\.kubernetes\.env\.vars\.java-opts=//p' "$(dirname "${BASH_SOURCE[0]}")/../main/resources/application.properties" | tail -1
}

# PostgreSQL 15 runs on our machines; start it if it is down.
ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return 0; fi
  echo "postgres: not answering, starting the local cluster"
  local version; version="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)"
  pg_ctlcluster --skip-systemctl-redirect "${version:-15}" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return 0; sleep 1; done
  echo "postgres: did not start" >&2; return 1
}

# Creates the database if it does not exist (the migrations create the schema).
ensure_database() {
  local db="$1"
  local user="${PGUSER:-$(id -un)}"
  if ! psql -h 127.0.0.1 -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    echo "postgres: creating database $db"
    psql -h 127.0.0.1 -U "$user" -d postgres -qc "CREATE DATABASE \"$db\""
  fi
}

# The Debian packages the test suite needs (browser tests: chromium and its driver; Keycloak's fetch: unzip, curl).
# Installed when missing and this runs as root with apt-get (our machines, CI); otherwise says what to install.
ensure_test_packages() {
  local need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  command -v unzip >/dev/null || need+=(unzip)
  command -v curl >/dev/null || need+=(curl)
  command -v psql >/dev/null || need+=(postgresql-client)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  else
    echo "test: missing ${need[*]}; install them (apt-get install -y ${need[*]}) and run again" >&2
    return 1
  fi
}
