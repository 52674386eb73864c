#!/bin/sh
# The echo yardstick in one command: builds the examples, then runs ../shared/bench/run.py with
# Mio's EchoServer beside the anchors (raw epoll C, Rust mio, Netty epoll, the JDK's Selector),
# all in one run. Arguments go to run.py, e.g. --quick, or --only c,nio,mio.
# The JDK is the one the build uses (mvnw25's choice), so that BENCH_JAVA_HOME and ours agree.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/../shared/bench"
[ -x "$bench/run.py" ] || { echo "echo.sh: $bench/run.py not found; ../shared must be beside the repository" >&2; exit 1; }
cd "$root"
./mvnw25 -q -pl examples -am package -DskipTests
java_home=$(./mvnw25 -q help:evaluate -Dexpression=java.home -DforceStdout 2>/dev/null)
modules="bundles/io.mio.core/target/io.mio.core-0.1.0-SNAPSHOT.jar"
modules="$modules:bundles/io.mio.backend.unix/target/io.mio.backend.unix-0.1.0-SNAPSHOT.jar"
modules="$modules:bundles/io.mio.net/target/io.mio.net-0.1.0-SNAPSHOT.jar"
modules="$modules:examples/target/io.mio.examples-0.1.0-SNAPSHOT.jar"
export BENCH_JAVA_HOME="${BENCH_JAVA_HOME:-$java_home}"
exec "$bench/run.py" --server "mio=$BENCH_JAVA_HOME/bin/java --enable-native-access=io.mio.backend.unix -p $root/$(echo "$modules" | sed "s|:|:$root/|g") -m io.mio.examples/io.mio.examples.EchoServer {port}" "$@"
