#!/usr/bin/env bash
# Submits the feedline pipeline (the shaded job jar) to an existing Spark cluster.
#
#   SPARK_HOME=/opt/spark submit/spark-submit.sh conf/cluster.conf [key=value ...]
#
# Spark options come from the environment (defaults shown), so one script serves standalone, YARN and
# Kubernetes:
#   FEEDLINE_MASTER=spark://host:7077 | yarn | k8s://https://api:6443   (default: spark://127.0.0.1:7077)
#   FEEDLINE_DEPLOY_MODE=client | cluster                                 (default: client)
#   FEEDLINE_SUBMIT_OPTS="--executor-memory 8g --num-executors 10 ..."    (extra spark-submit options)
#   FEEDLINE_COMMAND=run | nightly                                        (default: run)
# Spark adds the JVM module flags for Java 17 to driver and executors itself.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
conf="${1:?usage: submit/spark-submit.sh CONF [key=value ...]}"
shift
SPARK_SUBMIT="${SPARK_HOME:?set SPARK_HOME to a Spark 4.1 installation}/bin/spark-submit"
jar="$(ls "$ROOT"/jobs/target/feedline-jobs-*-job.jar 2>/dev/null | head -1 || true)"
if [[ -z "$jar" ]]; then
  (cd "$ROOT" && mvn -q -B -DskipTests -pl jobs -am package) >&2
  jar="$(ls "$ROOT"/jobs/target/feedline-jobs-*-job.jar | head -1)"
fi
mode="${FEEDLINE_DEPLOY_MODE:-client}"
conf_arg="$conf"
[[ "$mode" == cluster ]] && conf_arg="$(basename "$conf")"   # shipped with --files to the driver's working dir
# shellcheck disable=SC2086
exec "$SPARK_SUBMIT" \
  --master "${FEEDLINE_MASTER:-spark://127.0.0.1:7077}" \
  --deploy-mode "$mode" \
  --class feedline.jobs.cli.Main \
  --name feedline \
  --files "$conf" \
  --conf spark.serializer=org.apache.spark.serializer.KryoSerializer \
  --conf spark.sql.adaptive.enabled=true \
  ${FEEDLINE_SUBMIT_OPTS:-} \
  "$jar" "${FEEDLINE_COMMAND:-run}" --conf "$conf_arg" "$@"
