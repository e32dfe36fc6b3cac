#!/usr/bin/env bash
# Start-up time and resident memory of Én Plan against a bare Camunda Spring Boot application, side by side in one
# run (docs/benchmarks.md, "A lean start"). The bare application is generated here, under target/bench-bare, with
# the same Spring Boot parent and camunda-bom as our pom.xml and only camunda-bpm-spring-boot-starter-webapp, -rest,
# spring-boot-starter-data-jpa and H2; both are built, then started in turns (bare, Én Plan, bare, …) with the same
# JVM and flags, each on an in-memory H2 and a free port. For each start it prints Spring Boot's "Started … in"
# seconds and the resident memory (VmRSS) 5 s after that line, then the ratios of the medians.
# Én Plan runs as the demo starts it (profile demo: demo users, filters and courses).
# Usage: bench/lean-start.sh [--no-build] [--runs N] [--cds enplan|both]     Maven: MVN=./mvnw
#   --cds enplan: Én Plan starts as docs/cluster.md has a node start it, from its extracted jar with a class data
#   sharing archive (deploy/cds-archive.sh), the bare one as Spring Boot builds it; --cds both: the bare one the same way.
# JVM flags for both: JAVA_OPTS="..."; for Én Plan only: ENPLAN_JAVA_OPTS="...".
# Experiments: ENPLAN_ARGS="--spring.main.lazy-initialization=true" adds arguments to Én Plan's starts only.
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
runs=3
cds=none
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=false ;;
    --runs) runs="$2"; shift ;;
    --cds) cds="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mvn=${MVN:-mvn}
java_opts=(${JAVA_OPTS:-})
enplan_args=(${ENPLAN_ARGS:-})
enplan_java_opts=(${ENPLAN_JAVA_OPTS:-})

boot=$(sed -n '/<parent>/,/<\/parent>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)
camunda=$(sed -n 's:.*<camunda.version>\(.*\)</camunda.version>.*:\1:p' pom.xml)
bare=target/bench-bare
mkdir -p "$bare/src/main/java/bare" "$bare/src/main/resources"
cat >"$bare/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>$boot</version>
    <relativePath/>
  </parent>
  <groupId>bench</groupId>
  <artifactId>bare-camunda</artifactId>
  <version>1</version>
  <properties>
    <java.version>17</java.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.camunda.bpm</groupId>
        <artifactId>camunda-bom</artifactId>
        <version>$camunda</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.camunda.bpm.springboot</groupId>
      <artifactId>camunda-bpm-spring-boot-starter-webapp</artifactId>
    </dependency>
    <dependency>
      <groupId>org.camunda.bpm.springboot</groupId>
      <artifactId>camunda-bpm-spring-boot-starter-rest</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-data-jpa</artifactId>
    </dependency>
    <dependency>
      <groupId>com.h2database</groupId>
      <artifactId>h2</artifactId>
      <scope>runtime</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat >"$bare/src/main/java/bare/BareApplication.java" <<'JAVA'
package bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BareApplication {
  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }
}
JAVA
cat >"$bare/src/main/resources/application.yaml" <<'YAML'
camunda:
  bpm:
    admin-user:
      id: admin
      password: bench
YAML

if $build; then
  $mvn -B -q -o -DskipTests package
  (cd "$bare" && $mvn -B -q -o -DskipTests package)
fi
enplan_jar=$(ls target/en-plan-*.jar | grep -v original | head -1)
bare_jar=$bare/target/bare-camunda-1.jar

pid=
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; true' EXIT

# with_cds NAME JAR: the same preparation as a node's (deploy/cds-archive.sh) into target/bench-cds/NAME; prints the
# extracted jar's path, next to which the archive app.jsa lies
with_cds() { deploy/cds-archive.sh "$2" "target/bench-cds/$1"; }
bare_db="--spring.datasource.url=jdbc:h2:mem:bare;DB_CLOSE_DELAY=-1"
enplan_db="--spring.datasource.url=jdbc:h2:mem:enplan;DB_CLOSE_DELAY=-1"
bare_opts=(); enplan_opts=("${enplan_java_opts[@]}")
if [[ $cds == enplan || $cds == both ]]; then
  enplan_jar=$(with_cds enplan "$enplan_jar")
  enplan_opts+=("-XX:SharedArchiveFile=$(dirname "$enplan_jar")/app.jsa")
fi
if [[ $cds == both ]]; then
  bare_jar=$(with_cds bare "$bare_jar")
  bare_opts+=("-XX:SharedArchiveFile=$(dirname "$bare_jar")/app.jsa")
fi

# start NAME JAR JVM-FLAGS… -- ARGS…: prints "seconds rss_mb"
start() {
  local name=$1 jar=$2; shift 2
  local flags=()
  while [[ $1 != -- ]]; do flags+=("$1"); shift; done
  shift
  local log; log=$(mktemp "/tmp/lean-start-$name.XXXXXX.log")
  java "${java_opts[@]}" "${flags[@]}" -jar "$jar" --server.port=0 "$@" >"$log" 2>&1 &
  pid=$!
  # Up to 10 minutes: on a loaded machine a start takes minutes (compare only starts of the same run).
  for _ in $(seq 1 2400); do
    if grep -q "Started .* in " "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name stopped, see $log" >&2; exit 1; fi
    sleep 0.25
  done
  local seconds; seconds=$(grep -m1 "Started .* in " "$log" | sed -E 's/.*Started .* in ([0-9.]+) seconds.*/\1/')
  if [[ -z "$seconds" ]]; then echo "$name: no 'Started' within 10 minutes, see $log" >&2; kill "$pid"; exit 1; fi
  sleep 5
  local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  rm -f "$log"
  echo "$seconds $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "Spring Boot $boot, camunda-bom $camunda; $(java -version 2>&1 | head -1); nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM flags: ${JAVA_OPTS:-(none)}; Én Plan's own: ${enplan_opts[*]:-(none)}; bare's own: ${bare_opts[*]:-(none)}"
echo "Én Plan's extra arguments: ${ENPLAN_ARGS:-(none)}; class data sharing: $cds"
printf '%-4s  %-22s  %-22s\n' run "bare: started, RSS" "Én Plan: started, RSS"
bare_s=(); bare_m=(); ours_s=(); ours_m=()
for i in $(seq 1 "$runs"); do
  bs=; os=
  read -r bs bm < <(start bare "$bare_jar" "${bare_opts[@]}" -- "$bare_db") || true
  read -r os om < <(start enplan "$enplan_jar" "${enplan_opts[@]}" -- "$enplan_db" "${enplan_args[@]}") || true
  if [[ -z "${bs:-}" || -z "${os:-}" ]]; then echo "a start failed (above)" >&2; exit 1; fi
  bare_s+=("$bs"); bare_m+=("$bm"); ours_s+=("$os"); ours_m+=("$om")
  printf '%-4s  %6s s, %5s MB        %6s s, %5s MB\n' "$i" "$bs" "$bm" "$os" "$om"
done
bs=$(printf '%s\n' "${bare_s[@]}" | median); bm=$(printf '%s\n' "${bare_m[@]}" | median)
os=$(printf '%s\n' "${ours_s[@]}" | median); om=$(printf '%s\n' "${ours_m[@]}" | median)
printf 'median %6s s, %5s MB        %6s s, %5s MB\n' "$bs" "$bm" "$os" "$om"
awk -v bs="$bs" -v bm="$bm" -v os="$os" -v om="$om" \
  'BEGIN {printf "Én Plan / bare: start-up %.2f x, RSS %.2f x (target: at most 1.10 x each)\n", os / bs, om / bm}'
