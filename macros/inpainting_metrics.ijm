// Scores a result against its reference (paper protocol: PSNR, SSIM, L1 x100, LPIPS) and saves the Results table.
// Batch: ImageJ -batch inpainting_metrics.ijm "result=[/r.png] reference=[/gt.png] mask=[/m.png] csv=[/scores.csv]"
// mask is optional; with a mask the table also gives the hole fraction. lpips=none skips LPIPS.
args = getArgument();
resultPath = call("ij.Macro.getValue", args, "result", "");
referencePath = call("ij.Macro.getValue", args, "reference", "");
maskPath = call("ij.Macro.getValue", args, "mask", "");
csv = call("ij.Macro.getValue", args, "csv", "");
lpips = call("ij.Macro.getValue", args, "lpips", "default");
if (resultPath == "") resultPath = File.openDialog("Result (inpainted)");
if (referencePath == "") referencePath = File.openDialog("Reference (ground truth)");
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
