// Batch inpainting of a folder: every image in <input> with its mask in <masks> is inpainted with MISF into
// <output>, by MISF Batch, the batch engine of the command line's inpaint. So the rules are theirs: a mask matches
// by name (a.tif <- a.png, a_mask.png, a-mask.tif; non-zero = hole), each result keeps its image's name and format
// (.tif/.png) and gets its record NAME.json next to it, finished results are kept (an interrupted run resumes),
// inputs are never overwritten, and a bad file or an image without a mask is one error line while the rest goes on.
//
// Interactive: Plugins > Macros > Run... (MISF Batch asks for the three folders).
// Batch:       ImageJ -batch batch_inpaint_folder.ijm "input=[/data/images] masks=[/data/masks] output=[/data/out] dilate=2 device=auto"
// Fiji:        ImageJ-linux64 --headless -batch batch_inpaint_folder.ijm "input=[...] masks=[...] output=[...]"
// Under -batch a failure ends ImageJ with its sentence on stderr and exit code 1 (some images failed) or 2
// (nothing could be done), as the command line does.
args = getArgument();
if (args == "" && call("org.misf.imagej.BatchRun.unattended") == "false") {
	run("MISF Batch");
	exit();
}
input = call("ij.Macro.getValue", args, "input", "");
masks = call("ij.Macro.getValue", args, "masks", "");
output = call("ij.Macro.getValue", args, "output", "");
dilate = call("ij.Macro.getValue", args, "dilate", "0");
device = call("ij.Macro.getValue", args, "device", "auto");
model = call("ij.Macro.getValue", args, "model", "default");
run("MISF Batch", "images=[" + input + "] masks=[" + masks + "] output=[" + output + "] model=[" + model + "] device=" + device + " dilate=" + dilate);
