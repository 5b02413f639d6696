#!/bin/sh
# Makes misf_inpaint_dialog.png: the MISF Inpaint dialog in ImageJ 1.x under Xvfb (1280x1024), with the shipped mural
# open and beside it its mask as a JPEG gives it (a few background pixels of value 3), so the dialog offers the mask
# image and warns. Run from the repository root after `mvn -B -q -DskipTests package` (needs Debian's xvfb); the
# probe prints what the dialog showed (src/test/java/org/misf/imagej/DialogProbe.java, tested by DialogUnderXvfbTest).
set -e
cp="target/test-classes:target/classes:target/lib/*"
xvfb-run -a -s "-screen 0 1280x1024x24" java -Dmisf.cache="${TMPDIR:-/tmp}/misf-dialog-cache" -cp "$cp" \
	org.misf.imagej.DialogProbe examples docs/figures/misf_inpaint_dialog.png
