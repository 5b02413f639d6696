package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A package is trusted only if it reproduces its test pair; zips unpack within bounds; killed extractions are cleaned. */
@ExtendWith(OwnPackageCache.class)
class PackageTrustTest {

	@TempDir
	static Path tmp;

	private static Path original;

	@BeforeAll
	static void setUp() {
		original = ModelPackage.defaultPackage().root();
	}

	@Test
	void aModelThatDoesNotReproduceItsTestPairIsRefusedAtLoad() throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve("tampered"));
		for (final String f : new String[] { "model.pt", "model.yaml", "test_input_image.npy", "test_input_mask.npy" })
			Files.copy(original.resolve(f), dir.resolve(f));
		// the expected output says the holes are black: the weights do not do that, as a zeros model would not
		// reproduce the true one
		final byte[] out = Files.readAllBytes(original.resolve("test_output.npy"));
		final int header = out.length - 4 * 3 * 64 * 96;
		final ByteBuffer b = ByteBuffer.wrap(out, header, out.length - header).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 3 * 64 * 96; i += 7)
			b.putFloat(header + 4 * i, 0f);
		Files.write(dir.resolve("test_output.npy"), out);
		final ModelPackage pkg = ModelPackage.open(dir);
		final InpaintingException e = assertThrows(InpaintingException.class, () -> Inpainters.open(pkg, Device.CPU));
		assertTrue(e.getMessage().contains("does not reproduce its own test pair"), e.getMessage());
		try (Inpainter good = Inpainters.open(ModelPackage.open(original), Device.CPU)) {
			assertTrue(good.modelPackage().testTolerance() > 0);
		}
	}

	@Test
	void aZipThatUnpacksToFarMoreThanItsSizeIsRefusedAndLeavesNothing() throws IOException {
		final Path zip = tmp.resolve("bomb.zip");
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			z.putNextEntry(new ZipEntry("pkg/model.yaml"));
			z.write("id: x\n".getBytes());
			z.closeEntry();
			z.putNextEntry(new ZipEntry("pkg/model.pt"));
			final byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 200; i++)
				z.write(zeros); // 200 MB of zeros, about 200 kB zipped
			z.closeEntry();
		}
		assertTrue(Files.size(zip) < 1 << 20);
		final InpaintingException e = assertThrows(InpaintingException.class, () -> ModelPackage.open(zip));
		assertTrue(e.getMessage().contains("declares an entry of 200 MB"), e.getMessage());
		// the same zip lying about its size in the central directory: stopped by the bytes actually written
		final byte[] bytes = Files.readAllBytes(zip);
		final byte[] name = "pkg/model.pt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		boolean patched = false;
		for (int i = 0; i + 46 + name.length <= bytes.length && !patched; i++) {
			final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
			if (b.getInt(i) != 0x02014b50) continue; // a central directory header
			if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(bytes, i + 46, i + 46 + name.length), name)) continue;
			b.putInt(i + 24, 1000); // uncompressed size
			patched = true;
		}
		assertTrue(patched);
		final Path liar = Files.write(tmp.resolve("liar.zip"), bytes);
		final InpaintingException l = assertThrows(InpaintingException.class, () -> ModelPackage.open(liar));
		assertTrue(l.getMessage().contains("unpacks to more than"), l.getMessage());
		try (Stream<Path> s = Files.list(OwnPackageCache.folder())) {
			assertEquals("[]", s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("zip-")).collect(Collectors
				.toList()).toString(), "nothing of the zip stays in the cache");
		}
	}

	@Test
	void extractionFoldersOfStoppedProcessesAreRemoved() throws Exception {
		final Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		final Path root = Files.createDirectories(tmp.resolve("stale-test-cache")); // not the cache the other tests check
		final Path stale = Files.createDirectories(root.resolve("zip-0123.tmp-" + gone.pid() + "-42"));
		Files.write(stale.resolve("model.pt"), new byte[1000]);
		final Path mine = Files.createDirectories(root.resolve("zip-4567.tmp-" + ProcessHandle.current().pid() + "-7"));
		assertEquals(1, PackageCache.removeStale(root));
		assertFalse(Files.exists(stale));
		assertTrue(Files.exists(mine));
	}
}
