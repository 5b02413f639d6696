// Scores a result against its reference (paper protocol: PSNR, SSIM, L1 x100, LPIPS) and saves the Results table.
// Batch: ImageJ -batch inpainting_metrics.ijm "result=[/r.png] reference=[/gt.png] mask=[/m.png] csv=[/scores.csv]"
// mask is optional; with a mask the table also gives the hole fraction. lpips=none skips LPIPS.
args = getArgument();
resultPath = call("ij.Macro.getValue", args, "result", "");
referencePath = call("ij.Macro.getValue", args, "reference", "");
maskPath = call("ij.Macro.getValue", args, "mask", "");
csv = call("ij.Macro.getValue", args, "csv", "");
lpips = call("ij.Macro.getValue", args, "lpips", "default");
unattended = call("org.misf.imagej.BatchRun.unattended"); // "true" under -batch: nobody can answer a dialog
if (resultPath == "" && unattended == "false") resultPath = File.openDialog("Result (inpainted)");
if (referencePath == "" && unattended == "false") referencePath = File.openDialog("Reference (ground truth)");
if (!File.exists(resultPath)) exit(call("org.misf.imagej.BatchRun.fail", "The result '" + resultPath + "' does not exist."));
if (!File.exists(referencePath)) exit(call("org.misf.imagej.BatchRun.fail", "The reference '" + referencePath + "' does not exist."));
if (maskPath != "" && !File.exists(maskPath)) exit(call("org.misf.imagej.BatchRun.fail", "The mask '" + maskPath + "' does not exist."));
setBatchMode(true);
open(referencePath);
reference = getTitle();
maskTitle = "None";
if (maskPath != "") { open(maskPath); maskTitle = getTitle(); }
open(resultPath);
result = getTitle();
run("Clear Results");
run("Inpainting Metrics", "result=[" + result + "] reference=[" + reference + "] mask=[" + maskTitle + "] region=[Whole image] scoring=paper ssim=uniform lpips=[" + lpips + "] slices=Current csv=[" + csv + "]");
print(result + ": PSNR " + getResult("PSNR", 0) + " SSIM " + getResult("SSIM", 0) + " L1(%) " + getResult("L1 (%)", 0) + " LPIPS " + getResult("LPIPS", 0));
