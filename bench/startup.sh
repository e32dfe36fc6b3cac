#!/usr/bin/env bash
# Start-up time and resident memory of the packaged application (see docs/benchmarks.md).
# Builds the jar, starts it on an in-memory H2 (default profile "demo": demo users, filters and six courses) on a
# free port, waits for "Started EnPlanApplication", prints the seconds Spring Boot logs and the RSS (VmRSS) right
# then and once the demo data is in, then stops it. Usage: bench/startup.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--no-build" ]]; then
  mvn -q -DskipTests package
fi
jar=$(ls target/en-plan-*.jar | grep -v original | head -1)
log=$(mktemp /tmp/enplan-startup.XXXXXX.log)

java -jar "$jar" --server.port=0 \
  "--spring.datasource.url=jdbc:h2:mem:enplan-startup;DB_CLOSE_DELAY=-1" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"; }

for _ in $(seq 1 240); do
  if grep -q "Started EnPlanApplication" "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application stopped, see $log" >&2; exit 1; fi
  sleep 0.5
done
started=$(grep -m1 "Started EnPlanApplication" "$log" || true)
if [[ -z "$started" ]]; then echo "no 'Started EnPlanApplication' within 120 s, see $log" >&2; exit 1; fi
rss_started=$(rss)

# The demo data (ApplicationRunners) follows the "Started" line: wait for its six courses, at most 60 s.
for _ in $(seq 1 120); do
  if [[ $(grep -c "Demo: course" "$log") -ge 6 ]]; then break; fi
  sleep 0.5
done
sleep 1
rss_demo=$(rss)

echo "jar:                       $jar ($(du -m "$jar" | cut -f1) MB)"
echo "java:                      $(java -version 2>&1 | head -1)"
echo "start-up (Spring Boot):    $(sed -E 's/.*Started EnPlanApplication in ([0-9.]+) seconds \(process running for ([0-9.]+)\).*/\1 s (JVM running \2 s)/' <<<"$started")"
echo "RSS at 'Started':          $rss_started"
echo "RSS with demo data loaded: $rss_demo ($(grep -c "Demo: course" "$log") demo courses)"
echo "log:                       $log"
