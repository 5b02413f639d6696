// Batch inpainting of a folder: every image in <input> with a mask of the same name in <masks>
// (e.g. mural01.png + masks/mural01.png; non-zero mask pixels = holes) is inpainted with MISF and saved
// as PNG (RGB / 8-bit) or TIFF (16 / 32-bit) in <output>, under the same name. Images without a mask
// are listed and skipped; existing outputs are kept (so an interrupted run resumes); inputs are never overwritten.
//
// Interactive: Plugins > Macros > Run... and pick the three folders.
// Batch:       ImageJ -batch batch_inpaint_folder.ijm "input=[/data/images] masks=[/data/masks] output=[/data/out] dilate=2 device=auto"
// Fiji:        ImageJ-linux64 --headless -batch batch_inpaint_folder.ijm "input=[...] masks=[...] output=[...]"
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
masks = call("ij.Macro.getValue", args, "masks", "");
output = call("ij.Macro.getValue", args, "output", "");
dilate = call("ij.Macro.getValue", args, "dilate", "0");
device = call("ij.Macro.getValue", args, "device", "auto");
model = call("ij.Macro.getValue", args, "model", "default");
if (input == "") input = getDirectory("Folder of images to inpaint");
if (masks == "") masks = getDirectory("Folder of masks (same file names)");
if (output == "") output = getDirectory("Output folder");
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(masks, File.separator)) masks = masks + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
if (output == input) exit("The output folder must not be the input folder.");
File.makeDirectory(output);
setBatchMode(true);
files = getFileList(input);
done = 0; skipped = 0; kept = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (endsWith(name, "/") || startsWith(name, ".")) continue;
	base = File.getNameWithoutExtension(name);
	maskFile = "";
	if (File.exists(masks + name)) maskFile = masks + name;
	else if (File.exists(masks + base + ".png")) maskFile = masks + base + ".png";
	else if (File.exists(masks + base + ".tif")) maskFile = masks + base + ".tif";
	if (maskFile == "") { print("skipped (no mask): " + name); skipped++; continue; }
	showProgress(i, files.length);
	open(maskFile);
	maskTitle = getTitle();
	open(input + name);
	image = getTitle();
	extension = ".png";
	if (bitDepth() == 16 || bitDepth() == 32) extension = ".tif";
	target = output + base + extension;
	if (File.exists(target)) { print("kept (already done): " + target); kept++; close("*"); continue; }
	run("MISF Inpaint", "mask=[Mask image] mask_image=[" + maskTitle + "] model=[" + model + "] device=" + device + " dilate=" + dilate + " output=[In place] slices=All");
	if (extension == ".png") saveAs("PNG", target); else saveAs("Tiff", target);
	close("*");
	done++;
	print("inpainted: " + name + " -> " + target);
}
print("MISF batch: " + done + " inpainted, " + kept + " already done, " + skipped + " without mask.");
