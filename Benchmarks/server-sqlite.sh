#!/bin/sh
# Builds the SQLite the server links (sqlite-nio's amalgamation, its symbols' prefix taken off) as a
# shared library, so the raw-SQL baseline runs on the same engine and planner as the server:
#   LD_LIBRARY_PATH=$(Benchmarks/server-sqlite.sh) python3 Benchmarks/throughput.py --db …
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
source=$(find "$root/.build" "$root/.build-release" -path '*sqlite-nio/Sources/VaporCSQLite/sqlite_nio_sqlite3.c' 2>/dev/null | head -1)
out="${TMPDIR:-/tmp}/unionhall-server-sqlite"
mkdir -p "$out"
if [ ! -f "$out/libsqlite3.so.0" ]; then
  sed 's/sqlite_nio_sqlite3/sqlite3/g' "$source" > "$out/sqlite3.c"
  gcc -O2 -shared -fPIC -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_FTS4 \
    -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_RTREE -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_THREADSAFE=1 \
    -Wl,-soname,libsqlite3.so.0 -o "$out/libsqlite3.so.0" "$out/sqlite3.c" -lpthread -lm
fi
echo "$out"
