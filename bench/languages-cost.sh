#!/bin/bash
# Issue 20's limit: what the five extra languages cost a full build at N entries (default 10,000).
# The bench's corpus with the languages on (as shipped) and off (BENCH_LANGUAGES=off), each seeded
# with the real seeder into its own throwaway database, then built with the real pipeline
# (scripts/build.ts) RUNS times each, alternating, under /usr/bin/time: user + system CPU seconds
# of the whole process tree are the comparison (wall-clock seconds on a shared machine are noise).
# Usage: bash bench/languages-cost.sh [N] [RUNS]   (needs /usr/bin/time; about 10 minutes at 10,000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
N=${1:-10000}
RUNS=${2:-2}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/csp-hub-languages-cost-XXXXXX")
for L in on off; do
  D=$WORK/$L
  mkdir -p "$D"
  BENCH_LANGUAGES=$L tsx -e "import('./bench/corpus.ts').then((m) => m.writeCorpus(process.argv[1], Number(process.argv[2])))" "$D/corpus" "$N"
  DATABASE_URI=file:$D/cms.db MEDIA_DIR=$D/media PAYLOAD_SECRET=bench-secret-0123456789abcdef0123456789abcdef \
    ADMIN_EMAIL=bench@example.org ADMIN_PASSWORD=bench-password-0123456789 CSP_HUB_JOBS=off \
    tsx scripts/seed.ts --from "$D/corpus" > "$D/seed.log" 2>&1
done
for R in $(seq 1 "$RUNS"); do
  for L in on off; do
    D=$WORK/$L
    rm -rf "$D/dist"
    DATABASE_URI=file:$D/cms.db MEDIA_DIR=$D/media PAYLOAD_SECRET=bench-secret-0123456789abcdef0123456789abcdef \
      CSP_HUB_JOBS=off ASTRO_TELEMETRY_DISABLED=1 SITE_DIST_DIR=$D/dist \
      /usr/bin/time -o "$D/time$R" -f "%U %S %e %M" tsx scripts/build.ts > "$D/build$R.log" 2>&1
    read -r user sys wall rss < "$D/time$R"
    echo "languages $L, run $R: CPU $(echo "$user + $sys" | bc) s, wall $wall s, peak $((rss / 1024)) MB, $(find "$D/dist" -name '*.html' | wc -l) pages, $(du -sm "$D/dist" | cut -f1) MB, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "work folder: $WORK (delete it when done)"
