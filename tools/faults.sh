#!/usr/bin/env bash
# Shows, with real faults, what the inpaint command promises (README, "What we promise"):
# two runs on one folder, a termination signal, kill -9 while writing, a full disk, two inputs with one name.
# Usage: mvn -B -q -DskipTests package && bash tools/faults.sh      (the full-disk case needs root, for mount)
set -u
cd "$(dirname "$0")/.."
JAR=target/MISF_Inpainting-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package"; exit 2; }
W=$(mktemp -d /tmp/misf-faults.XXXXXX)
N=8
FAILED=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; FAILED=1; }
inpaint() { java -jar "$JAR" inpaint "$W/in" "$W/masks" -o "$1" --quiet --threads 1 "${@:2}"; }
# in the background, as the java process itself (so that kill reaches the JVM): inpaint_bg LOG OUT [options]
inpaint_bg() { (exec java -jar "$JAR" inpaint "$W/in" "$W/masks" -o "$2" --quiet --threads 1 "${@:3}") > "$1" 2>&1 & }
readable() { /usr/bin/python3 -c "import sys; from PIL import Image; [Image.open(p).load() for p in sys.argv[1:]]" "$@" 2>/dev/null; }
finals() { find "$1" -maxdepth 1 -type f ! -name '.*' ! -name '*.json' | sort; }
temps() { find "$1" -maxdepth 1 -name '.*.tmp-*' | wc -l; }

mkdir -p "$W/in" "$W/masks"
for i in $(seq 0 $((N - 1))); do cp examples/mural.png "$W/in/img$i.png"; cp examples/mural_mask.png "$W/masks/img$i.png"; done

# 1. two runs at once on one output folder: every result is written exactly once, none replaced
inpaint_bg "$W/a.txt" "$W/out1"; A=$!
inpaint_bg "$W/b.txt" "$W/out1" --dilate 2; B=$!
wait $A; wait $B
done_a=$(grep -o '^[0-9]* inpainted' "$W/a.txt" | cut -d' ' -f1); done_b=$(grep -o '^[0-9]* inpainted' "$W/b.txt" | cut -d' ' -f1)
if [ "$((done_a + done_b))" = "$N" ] && [ "$(finals "$W/out1" | wc -l)" = "$N" ] && readable $(finals "$W/out1"); then
  pass "two runs at once: $done_a + $done_b results, each written once"
else fail "two runs at once: $done_a + $done_b inpainted, $(finals "$W/out1" | wc -l) files"; fi

# 2. SIGTERM (a Slurm time limit) after the first result: summary printed, finished results kept, no temp files
inpaint_bg "$W/t.txt" "$W/out2"; P=$!
while [ "$(finals "$W/out2" 2>/dev/null | wc -l)" -lt 1 ] && kill -0 $P 2>/dev/null; do sleep 0.05; done
kill -TERM $P; wait $P; code=$?
if [ $code = 143 ] && grep -q "stopped: finished results are kept" "$W/t.txt" && [ "$(temps "$W/out2")" = 0 ] && readable $(finals "$W/out2"); then
  pass "SIGTERM: exit 143, summary '$(grep inpainted "$W/t.txt")'"
else fail "SIGTERM: exit $code, $(cat "$W/t.txt")"; fi
inpaint "$W/out2" > /dev/null 2>&1; [ "$(finals "$W/out2" | wc -l)" = "$N" ] && pass "SIGTERM: the next run did the rest" || fail "SIGTERM: rerun"

# 3. kill -9 while a result is being written: nothing half-written under a final name; the next run cleans up
inpaint_bg /dev/null "$W/out3"; P=$!
while kill -0 $P 2>/dev/null && [ "$(temps "$W/out3" 2>/dev/null)" = 0 ]; do :; done
kill -9 $P 2>/dev/null; wait $P 2>/dev/null
left=$(temps "$W/out3")
readable $(finals "$W/out3") && pass "kill -9: $(finals "$W/out3" | wc -l) finished results whole, $left temporary file(s) left" || fail "kill -9: a damaged result"
inpaint "$W/out3" > "$W/k.txt" 2>&1
[ "$(temps "$W/out3")" = 0 ] && [ "$(finals "$W/out3" | wc -l)" = "$N" ] && pass "kill -9: the next run removed the temporary file and did the rest" || fail "kill -9: rerun $(cat "$W/k.txt")"

# 4. a full disk (a 300 kB tmpfs): failures are reported, nothing partial appears, what was written stays whole
if [ "$(id -u)" = 0 ] && mkdir -p "$W/small" && mount -t tmpfs -o size=300k tmpfs "$W/small" 2>/dev/null; then
  inpaint "$W/small" > "$W/d.txt" 2>&1; code=$?
  if [ $code = 1 ] && grep -q "disk full" "$W/d.txt" && [ "$(temps "$W/small")" = 0 ] && readable $(finals "$W/small"); then
    pass "full disk: exit 1, '$(grep inpainted "$W/d.txt")', every file there whole"
  else fail "full disk: exit $code, $(tail -3 "$W/d.txt")"; fi
  umount -l "$W/small"
else echo "SKIP  full disk (needs root to mount a small tmpfs)"; fi

# 5. a.jpg beside a.png: two outputs, not one replacing the other
mkdir -p "$W/two/in" "$W/two/masks"
cp examples/mural.png "$W/two/in/a.png"; /usr/bin/python3 -c "from PIL import Image; Image.open('examples/mural.png').convert('RGB').save('$W/two/in/a.jpg')"
cp examples/mural_mask.png "$W/two/masks/a.png"
java -jar "$JAR" inpaint "$W/two/in" "$W/two/masks" -o "$W/two/out" --quiet > /dev/null 2>&1
[ -f "$W/two/out/a.png" ] && [ -f "$W/two/out/a_jpg.png" ] && pass "a.jpg and a.png: a.png and a_jpg.png" || fail "a.jpg and a.png: $(ls "$W/two/out")"

rm -rf "$W"
exit $FAILED
