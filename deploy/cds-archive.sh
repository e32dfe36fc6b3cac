#!/usr/bin/env bash
# Prepares a node's start with class data sharing (docs/cluster.md, "A faster start"): extracts the executable jar
# into DIR and makes DIR/app.jsa, an archive of the classes a start loads, by a training run that refreshes the
# application context on an in-memory H2 database (no production database or secret is touched) and then exits.
# Run once per jar and JDK (the archive is only used with the same jar, classpath and java); then start with
#   java -XX:SharedArchiveFile=DIR/app.jsa -jar DIR/<jar name> --spring.profiles.active=prod,postgres
# Usage: deploy/cds-archive.sh JAR DIR [extra arguments for the training run]; prints the extracted jar's path.
set -euo pipefail
jar=$1 dir=$2; shift 2
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
extracted=$dir/$(basename "$jar")
if ! java -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$extracted" \
    --server.port=0 "--spring.datasource.url=jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1" "$@" \
    >"$dir/training.log" 2>&1 || [[ ! -s "$dir/app.jsa" ]]; then
  echo "no class data sharing archive made, see $dir/training.log" >&2
  exit 1
fi
echo "$extracted"
