// Inpaints the regions marked by a selection and by ROI Manager ROIs, then saves the result.
// Interactive: asks for the image. Batch: ImageJ -batch inpaint_rois.ijm "input=[/in/mural.png] output=[/out/mural.png]"
// The regions below are an example (the test checks exactly these); draw your own in practice.
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "" && call("org.misf.imagej.BatchRun.unattended") == "false") input = File.openDialog("Image to inpaint");
if (!File.exists(input)) exit(call("org.misf.imagej.BatchRun.fail", "The image '" + input + "' does not exist."));
if (output == "") output = File.getDirectory(input) + File.getNameWithoutExtension(input) + "-inpainted.png";
setBatchMode(true);
open(input);
roiManager("reset");
makeOval(20, 10, 20, 16);
roiManager("add");
makeRectangle(60, 30, 10, 12);
roiManager("add");
run("Select None");
// 1) every ROI of the ROI Manager
run("MISF Inpaint", "mask=[ROI Manager] model=default device=auto dilate=0 output=[In place] slices=Current");
// 2) the current selection: a polygon, as drawn with the polygon tool
makePolygon(8, 50, 30, 44, 34, 58, 12, 60);
run("MISF Inpaint", "mask=[Current selection] model=default device=auto dilate=0 output=[In place] slices=Current");
run("Select None");
saveAs("PNG", output);
print("inpainted " + input + " -> " + output);
