// Inpaints an image with a mask image (non-zero pixels = holes) and saves the result as a new file.
// Batch: ImageJ -batch inpaint_with_mask.ijm "input=[/in/a.png] mask=[/in/a_mask.png] output=[/out/a.png] dilate=1"
// Under -batch a failure ends ImageJ with its sentence on stderr and a non-zero exit code.
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
maskPath = call("ij.Macro.getValue", args, "mask", "");
output = call("ij.Macro.getValue", args, "output", "");
dilate = call("ij.Macro.getValue", args, "dilate", "0");
unattended = call("org.misf.imagej.BatchRun.unattended"); // "true" under -batch: nobody can answer a dialog
if (input == "" && unattended == "false") input = File.openDialog("Image to inpaint");
if (maskPath == "" && unattended == "false") maskPath = File.openDialog("Mask (non-zero = hole)");
if (!File.exists(input)) exit(call("org.misf.imagej.BatchRun.fail", "The image '" + input + "' does not exist."));
if (!File.exists(maskPath)) exit(call("org.misf.imagej.BatchRun.fail", "The mask '" + maskPath + "' does not exist."));
if (output == "") output = File.getDirectory(input) + File.getNameWithoutExtension(input) + "-inpainted.png";
setBatchMode(true);
open(maskPath);
maskTitle = getTitle();
open(input);
run("MISF Inpaint", "mask=[Mask image] mask_image=[" + maskTitle + "] model=default device=auto dilate=" + dilate + " output=[New image] slices=Current");
saveAs("PNG", output);
print("inpainted " + input + " with " + maskPath + " -> " + output);
