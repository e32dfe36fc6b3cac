#!/usr/bin/env bash
# Start-up time and resident memory of the packaged application (see docs/benchmarks.md).
# Default: in-memory H2 with the default profile "demo" (demo users, filters and six courses); it waits for
# "Started EnPlanApplication", prints the seconds Spring Boot logs and the RSS (VmRSS) right then and once the demo
# data is in, then stops it.
# --postgres: the production profiles "prod,postgres" on an embedded PostgreSQL started for the run (no demo data).
# Usage: bench/startup.sh [--no-build] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
postgres=false
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --postgres) postgres=true ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

if $build; then
  mvn -q -DskipTests package
fi
jar=$(ls target/en-plan-*.jar | grep -v original | head -1)
log=$(mktemp /tmp/enplan-startup.XXXXXX.log)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done' EXIT

args=(--server.port=0)
if $postgres; then
  mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
  pglog=$(mktemp /tmp/enplan-startup-pg.XXXXXX.log)
  java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dk.enplan.bench.StandalonePostgres \
    >"$pglog" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    if grep -q "^JDBC_URL=" "$pglog"; then break; fi
    sleep 0.5
  done
  url=$(grep -m1 "^JDBC_URL=" "$pglog" | cut -d= -f2-)
  if [[ -z "$url" ]]; then echo "embedded PostgreSQL did not start, see $pglog" >&2; exit 1; fi
  export ENPLAN_DB_URL="$url" ENPLAN_DB_USER=postgres ENPLAN_DB_PASSWORD=postgres
  # Benchmark values only: a throw-away database on this machine.
  export ENPLAN_ADMIN_PASSWORD=bench-startup-only ENPLAN_CPR_KEY="$(head -c 32 /dev/urandom | base64)" \
    ENPLAN_EXPORT_SECRET="$(head -c 32 /dev/urandom | base64)"
  args+=(--spring.profiles.active=prod,postgres)
else
  args+=("--spring.datasource.url=jdbc:h2:mem:enplan-startup;DB_CLOSE_DELAY=-1")
fi

java -jar "$jar" "${args[@]}" >"$log" 2>&1 &
pid=$!
pids=("$pid" "${pids[@]}")

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"; }

for _ in $(seq 1 240); do
  if grep -q "Started EnPlanApplication" "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application stopped, see $log" >&2; exit 1; fi
  sleep 0.5
done
started=$(grep -m1 "Started EnPlanApplication" "$log" || true)
if [[ -z "$started" ]]; then echo "no 'Started EnPlanApplication' within 120 s, see $log" >&2; exit 1; fi
rss_started=$(rss)

if ! $postgres; then
  # The demo data (ApplicationRunners) follows the "Started" line: wait for its six courses, at most 60 s.
  for _ in $(seq 1 120); do
    if [[ $(grep -c "Demo: course" "$log") -ge 6 ]]; then break; fi
    sleep 0.5
  done
  sleep 1
  rss_demo=$(rss)
fi

echo "jar:                       $jar ($(du -m "$jar" | cut -f1) MB)"
echo "java:                      $(java -version 2>&1 | head -1)"
echo "database, profiles:        $($postgres && echo "embedded PostgreSQL, prod,postgres" || echo "H2 in-memory, demo")"
echo "start-up (Spring Boot):    $(sed -E 's/.*Started EnPlanApplication in ([0-9.]+) seconds \(process running for ([0-9.]+)\).*/\1 s (JVM running \2 s)/' <<<"$started")"
echo "RSS at 'Started':          $rss_started"
if ! $postgres; then
  echo "RSS with demo data loaded: $rss_demo ($(grep -c "Demo: course" "$log") demo courses)"
fi
echo "log:                       $log"
