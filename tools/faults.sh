#!/usr/bin/env bash
# Shows, with real faults, what the inpaint command promises (README, "What we promise"): two runs on one folder,
# termination signals, kill -9 (while writing, and at ten moments), full disks (room for a result but not its
# record, and not even for the result), two inputs with one name, results and records changed by hand, a file
# name the locale cannot encode, an image too large for the heap, shards beside an unsharded run, a symbolic link
# at an output name, and no library's text (ImageJ's, PyTorch's NNPACK warning) on the terminal.
# Usage: mvn -B -q -DskipTests package && bash tools/faults.sh      (the small-disk cases need root, for mount)
set -u
cd "$(dirname "$0")/.."
JAR=target/MISF_Inpainting-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package"; exit 2; }
W=$(mktemp -d /tmp/misf-faults.XXXXXX)
N=8
FAILED=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; FAILED=1; }
# a command in the foreground; its stderr in $W/err.txt (and, for the last row, in $W/stderr-all.txt)
misf() { java -jar "$JAR" "$@" 2> "$W/err.txt"; local code=$?; cat "$W/err.txt" >> "$W/stderr-all.txt"; return $code; }
inpaint() { misf inpaint "$W/in" "$W/masks" -o "$1" --quiet --threads 1 "${@:2}"; }
# in the background, as the java process itself (so that kill reaches the JVM): inpaint_bg LOG OUT [options]
inpaint_bg() { (exec java -jar "$JAR" inpaint "$W/in" "$W/masks" -o "$2" --quiet --threads 1 "${@:3}") > "$1" 2>&1 & }
readable() { /usr/bin/python3 -c "import sys; from PIL import Image; [Image.open(p).load() for p in sys.argv[1:]]" "$@" 2>/dev/null; }
finals() { find "$1" -maxdepth 1 -type f ! -name '.*' ! -name '*.json' | sort; }
temps() { find "$1" -maxdepth 1 -name '.*.tmp-*' | wc -l; }
hidden() { find "$1" -maxdepth 1 -name '.*' ! -name . | wc -l; }
foreign() { grep -E "NNPACK|An error occured|I/O error|IIOException|Exception|OutOfMemory|$(printf '\t')at " "$@"; }
inpainted() { grep -o '^[0-9]* inpainted' "$1" | cut -d' ' -f1; }

mkdir -p "$W/in" "$W/masks"
for i in $(seq 0 $((N - 1))); do cp examples/mural.png "$W/in/img$i.png"; cp examples/mural_mask.png "$W/masks/img$i.png"; done

# 1. two runs at once on one output folder: every result is written exactly once, none replaced
inpaint_bg "$W/a.txt" "$W/out1"; A=$!
inpaint_bg "$W/b.txt" "$W/out1" --dilate 2; B=$!
wait $A; wait $B
done_a=$(inpainted "$W/a.txt"); done_b=$(inpainted "$W/b.txt")
if [ "$((done_a + done_b))" = "$N" ] && [ "$(finals "$W/out1" | wc -l)" = "$N" ] && readable $(finals "$W/out1"); then
  pass "two runs at once: $done_a + $done_b results, each computed and written once"
else fail "two runs at once: $done_a + $done_b inpainted, $(finals "$W/out1" | wc -l) files"; fi

# 2. SIGTERM (a Slurm time limit) after the first result: summary printed, finished results kept, nothing left
inpaint_bg "$W/t.txt" "$W/out2"; P=$!
while [ "$(finals "$W/out2" 2>/dev/null | wc -l)" -lt 1 ] && kill -0 $P 2>/dev/null; do sleep 0.05; done
kill -TERM $P; wait $P; code=$?
if [ $code = 143 ] && grep -q "stopped: finished results are kept" "$W/t.txt" && [ "$(hidden "$W/out2")" = 0 ] && readable $(finals "$W/out2"); then
  pass "SIGTERM: exit 143, summary '$(grep inpainted "$W/t.txt")'"
else fail "SIGTERM: exit $code, $(cat "$W/t.txt")"; fi
inpaint "$W/out2" > /dev/null; [ "$(finals "$W/out2" | wc -l)" = "$N" ] && pass "SIGTERM: the next run did the rest" || fail "SIGTERM: rerun"

# 3. SIGTERM 0.3 s after start (once the JVM exists): exit 143, nothing half done; the summary once Java had started
inpaint_bg "$W/t0.txt" "$W/out2b"; P=$!
sleep 0.3; kill -TERM $P; wait $P; code=$?
if [ $code = 143 ] && [ "$(hidden "$W/out2b" 2>/dev/null)" = 0 ] && { [ ! -d "$W/out2b" ] || grep -q "stopped:" "$W/t0.txt"; }; then
  pass "SIGTERM 0.3 s after start: exit 143, $( [ -s "$W/t0.txt" ] && echo "summary '$(cat "$W/t0.txt")'" || echo "stopped before Java started our code, nothing written")"
else fail "SIGTERM 0.3 s after start: exit $code, $(cat "$W/t0.txt")"; fi

# 4. kill -9 while a result is being written: nothing half-written under a final name; the next run cleans up
inpaint_bg /dev/null "$W/out3"; P=$!
while kill -0 $P 2>/dev/null && [ "$(temps "$W/out3" 2>/dev/null)" = 0 ]; do :; done
kill -9 $P 2>/dev/null; wait $P 2>/dev/null
left=$(temps "$W/out3")
readable $(finals "$W/out3") && pass "kill -9 while writing: $(finals "$W/out3" | wc -l) finished results whole, $left temporary file(s) left" || fail "kill -9: a damaged result"
inpaint "$W/out3" > "$W/k.txt"
[ "$(hidden "$W/out3")" = 0 ] && [ "$(finals "$W/out3" | wc -l)" = "$N" ] && pass "kill -9 while writing: the next run removed what was left and did the rest" || fail "kill -9: rerun $(cat "$W/k.txt")"

# 5. kill -9 at ten moments (the k-th change of the folder: claims, temporary files, records, results): never a
#    result without its true record (verify may only find records whose result was not yet named); the rerun repairs all
bad=0
for k in $(seq 1 10); do
  inpaint_bg /dev/null "$W/out4"; P=$!
  seen=$(ls -A "$W/out4" 2>/dev/null); changes=0
  while kill -0 $P 2>/dev/null && [ $changes -lt $k ]; do now=$(ls -A "$W/out4" 2>/dev/null); [ "$now" != "$seen" ] && changes=$((changes + 1)); seen=$now; done
  kill -9 $P 2>/dev/null; wait $P 2>/dev/null
  [ -d "$W/out4" ] && misf verify "$W/out4" | grep -qE "^(changed|unrecorded|not a file|unreadable):" && bad=$((bad + 1))
done
inpaint "$W/out4" > "$W/k10.txt"; code=$?
if [ $bad = 0 ] && [ $code = 0 ] && misf verify "$W/out4" > "$W/v4.txt" && [ "$(hidden "$W/out4")" = 0 ]; then
  pass "kill -9 at ten moments: never a result without its true record; rerun: '$(tail -1 "$W/v4.txt")'"
else fail "kill -9 at ten moments: $bad bad moments, rerun exit $code, $(cat "$W/v4.txt" 2>/dev/null)"; fi

# 6. a result deleted by hand, its record kept, rerun with --dilate 3: a new record beside the new result
rm "$W/out4/img0.png"
inpaint "$W/out4" --dilate 3 > "$W/d3.txt"
if grep -q '"dilate": 3' "$W/out4/img0.png.json" && misf verify "$W/out4" > /dev/null; then
  pass "result deleted, rerun with --dilate 3: new result with its own record (dilate 3, its sha256)"
else fail "result deleted, rerun --dilate 3: $(cat "$W/d3.txt"; grep dilate "$W/out4/img0.png.json")"; fi

# 7. results changed, deleted and unrecorded by hand: verify lists each and exits 1
printf 'x' >> "$W/out4/img1.png"; rm "$W/out4/img2.png"; rm "$W/out4/img3.png.json"
misf verify "$W/out4" > "$W/v.txt"; code=$?
if [ $code = 1 ] && grep -q "^changed: img1.png" "$W/v.txt" && grep -q "^missing: img2.png" "$W/v.txt" && grep -q "^unrecorded: img3.png" "$W/v.txt"; then
  pass "verify: exit 1, '$(tail -1 "$W/v.txt")'"
else fail "verify: exit $code, $(cat "$W/v.txt")"; fi

# 8. small disks (tmpfs; root): room for a result but not its record, then not even for the result: neither is named,
#    one sentence of ours per image (none of ImageJ's), the batch goes on; with room again, all done and recorded
if [ "$(id -u)" = 0 ] && mkdir -p "$W/small" && mount -t tmpfs -o size=2m tmpfs "$W/small" 2>/dev/null; then
  pages=$(( ($(stat -c %s "$W/out2/img0.png") + 4095) / 4096 ))  # every result here is alike: same input, same options
  for room in $(((pages + 1) * 4096)) $(((pages + 1) * 2048)); do   # + the page of the image's claim
    avail=$(df --output=avail -B1 "$W/small" | tail -1)
    head -c $((avail - room)) /dev/zero > "$W/small/filler"
    inpaint "$W/small" > "$W/d.txt"; code=$?; cp "$W/err.txt" "$W/de.txt"
    what=$([ $room = $(((pages + 1) * 4096)) ] && echo "room for a result, not its record" || echo "no room for a result")
    if [ $code = 1 ] && grep -q "$N failed" "$W/d.txt" && [ "$(ls -A "$W/small")" = filler ] && ! foreign "$W/d.txt" "$W/de.txt" > /dev/null; then
      pass "disk with $what: exit 1, nothing named, '$(head -1 "$W/de.txt")'"
    else fail "disk with $what: exit $code, $(cat "$W/d.txt" "$W/de.txt" | head -5), files: $(ls -A "$W/small")"; fi
    rm "$W/small/filler"
  done
  inpaint "$W/small" > /dev/null && misf verify "$W/small" > "$W/vs.txt" && pass "small disk, room again: '$(tail -1 "$W/vs.txt")'" || fail "small disk, room again"
  umount -l "$W/small"
else echo "SKIP  small disks (needs root to mount a small tmpfs)"; fi

# 9. a.jpg beside a.png: two outputs, not one replacing the other
mkdir -p "$W/two/in" "$W/two/masks"
cp examples/mural.png "$W/two/in/a.png"; /usr/bin/python3 -c "from PIL import Image; Image.open('examples/mural.png').convert('RGB').save('$W/two/in/a.jpg')"
cp examples/mural_mask.png "$W/two/masks/a.png"
misf inpaint "$W/two/in" "$W/two/masks" -o "$W/two/out" --quiet > /dev/null
[ -f "$W/two/out/a.png" ] && [ -f "$W/two/out/a_jpg.png" ] && pass "a.jpg and a.png: a.png and a_jpg.png" || fail "a.jpg and a.png: $(ls "$W/two/out")"

# 10. LANG unset (cron, Slurm, containers) and a folder holding café.png: one line for it, the others done
mkdir -p "$W/loc/in" "$W/loc/masks"
for i in 1 2 3; do cp examples/mural.png "$W/loc/in/s$i.png"; cp examples/mural_mask.png "$W/loc/masks/s$i.png"; done
cafe="caf$(printf '\303\251').png"; cp examples/mural.png "$W/loc/in/$cafe"; cp examples/mural_mask.png "$W/loc/masks/$cafe"
env -u LANG -u LANGUAGE -u LC_ALL -u LC_CTYPE -u LC_MESSAGES java -jar "$JAR" inpaint "$W/loc/in" "$W/loc/masks" -o "$W/loc/out" --quiet --threads 1 > "$W/l.txt" 2>&1; code=$?
if [ $code = 1 ] && grep -q "3 inpainted, 0 skipped (already done), 1 failed" "$W/l.txt" && [ "$(grep -c '^error: caf' "$W/l.txt")" = 1 ] && ! foreign "$W/l.txt" > /dev/null; then
  pass "LANG unset, café.png: exit 1, '$(grep '^error: caf' "$W/l.txt" | cut -c1-90)...'"
else fail "LANG unset, café.png: exit $code, $(cat "$W/l.txt")"; fi

# 11. -Xmx256m, one 6000 x 6000 image and 3 small ones: one line naming the heap it needs, the others done
mkdir -p "$W/heap/in" "$W/heap/masks"
for i in 1 2 3; do cp examples/mural.png "$W/heap/in/s$i.png"; cp examples/mural_mask.png "$W/heap/masks/s$i.png"; done
/usr/bin/python3 -c "
import numpy as np; from PIL import Image
y, x = np.mgrid[0:6000, 0:6000]
Image.fromarray(np.stack([x * 255 // 6000, y * 255 // 6000, x * 0], -1).astype(np.uint8)).save('$W/heap/in/big.png')
m = np.zeros((6000, 6000), np.uint8); m[3000:3020, 3000:3020] = 255; Image.fromarray(m).save('$W/heap/masks/big.png')"
java -Xmx256m -jar "$JAR" inpaint "$W/heap/in" "$W/heap/masks" -o "$W/heap/out" --quiet --threads 1 > "$W/h.txt" 2>&1; code=$?
if [ $code = 1 ] && grep -q "3 inpainted, 0 skipped (already done), 1 failed" "$W/h.txt" && grep -q "^error: big.png: it needs about" "$W/h.txt" && ! foreign "$W/h.txt" > /dev/null; then
  pass "-Xmx256m, a 6000 x 6000 image: exit 1, '$(grep '^error: big' "$W/h.txt" | cut -c1-100)...'"
else fail "-Xmx256m, a 6000 x 6000 image: exit $code, $(head -5 "$W/h.txt")"; fi

# 12. --shard 0/2, --shard 1/2 and an unsharded run at once: each image computed once
inpaint_bg "$W/s0.txt" "$W/out5" --shard 0/2; A=$!
inpaint_bg "$W/s1.txt" "$W/out5" --shard 1/2; B=$!
inpaint_bg "$W/s2.txt" "$W/out5"; C=$!
wait $A; wait $B; wait $C
sum=$(( $(inpainted "$W/s0.txt") + $(inpainted "$W/s1.txt") + $(inpainted "$W/s2.txt") ))
if [ $sum = $N ] && ! grep -q "another run wrote" "$W"/s[012].txt && misf verify "$W/out5" > /dev/null; then
  pass "two shards and an unsharded run: $(inpainted "$W/s0.txt") + $(inpainted "$W/s1.txt") + $(inpainted "$W/s2.txt") computed, each image once"
else fail "shards and an unsharded run: $sum computed for $N images"; fi

# 13. a symbolic link at an output name: one line saying so, the link left alone, the others done
mkdir -p "$W/out6"; ln -s "$W/nowhere.png" "$W/out6/img0.png"
inpaint "$W/out6" > "$W/y.txt"; code=$?; cp "$W/err.txt" "$W/ye.txt"
if [ $code = 1 ] && [ -L "$W/out6/img0.png" ] && grep -q "symbolic link" "$W/ye.txt" && grep -q "$((N - 1)) inpainted" "$W/y.txt"; then
  pass "a symbolic link at an output name: exit 1, '$(grep symbolic "$W/ye.txt" | cut -c1-90)...'"
else fail "a symbolic link at an output name: exit $code, $(cat "$W/y.txt" "$W/ye.txt")"; fi

# 14. no library's own text on the terminal in any run above (ImageJ's messages, libtorch's NNPACK warning)
if ! foreign "$W/stderr-all.txt" "$W"/*.txt > "$W/foreign.txt"; then pass "no library's text or stack trace in any run"
else fail "library text: $(head -3 "$W/foreign.txt")"; fi

rm -rf "$W"
exit $FAILED
