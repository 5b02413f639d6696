package org.misf.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The zip checkpoint reader and its restricted unpickler, on fixtures made by Python (no DJL needed). */
class TorchCheckpointTest {

	@TempDir
	Path tmp;

	@Test
	void readsTheReleaseFormat() {
		try (TorchCheckpoint ck = TorchCheckpoint.open(Fixtures.resource(Fixtures.W8))) {
			assertEquals(0, ck.iteration().getAsLong());
			assertEquals(92, ck.stateDict().size());
			assertEquals("encoder0.1.weight", ck.stateDict().keySet().iterator().next());
			final StoredTensor first = ck.stateDict().get("encoder0.1.weight");
			assertEquals("8x4x7x7", StoredTensor.shapeText(first.shape()));
			final float[] values = ck.readFloats(first);
			assertEquals(8 * 4 * 7 * 7, values.length);
			double sumAbs = 0;
			for (final float v : values) {
				assertTrue(Float.isFinite(v));
				sumAbs += Math.abs(v);
			}
			assertTrue(sumAbs > 0, "fixed-seed weights are not all zero");
		}
	}

	@Test
	void readsABareStateDictOfZeroStrideViews() {
		try (TorchCheckpoint ck = TorchCheckpoint.open(Fixtures.broken("constant_w64.pth"))) {
			assertFalse(ck.iteration().isPresent());
			assertEquals(92, ck.stateDict().size());
			int i = 0;
			for (final Map.Entry<String, StoredTensor> e : ck.stateDict().entrySet()) {
				// make_checkpoint_fixtures.constant_state: tensor i is 0.001 * (i % 7 - 3) everywhere
				final float expected = (float) (0.001 * (i % 7 - 3));
				final float[] values = ck.readFloats(e.getValue());
				assertEquals(e.getValue().elementCount(), values.length);
				for (final float v : values)
					assertEquals(expected, v, 0f, e.getKey());
				i++;
			}
		}
	}

	@ParameterizedTest
	@CsvSource({
		"posix_system.pth, refers to posix.system",
		"os_system.pth, refers to os.system",
		"builtins_eval.pth, refers to builtins.eval",
		"stack_global_eval.pth, refers to builtins.eval",
		"truncated.pth, is truncated or damaged",
		"legacy.pth, re-save it with torch >= 1.6",
		"absurd_shape.pth, shape 2147483648x2147483648 (4611686018427387904 elements), which is absurd",
		"zip_bomb.pth, zip bomb",
	})
	void refusesUnsafeOrBrokenFiles(final String file, final String expected) {
		final CheckpointException e = assertThrows(CheckpointException.class,
			() -> TorchCheckpoint.open(Fixtures.broken(file)).close());
		assertTrue(e.getMessage().contains(expected), e.getMessage());
		assertTrue(e.getMessage().startsWith(file) || e.getMessage().startsWith("The checkpoint"), e.getMessage());
	}

	@Test
	void refusesFilesThatAreNotCheckpoints() throws IOException {
		final CheckpointException notZip = assertThrows(CheckpointException.class,
			() -> TorchCheckpoint.open(Fixtures.resource(Fixtures.GOOD + "expected_64x96.npy")));
		assertTrue(notZip.getMessage().contains("not a PyTorch checkpoint"), notZip.getMessage());

		final Path noPickle = tmp.resolve("nopickle.pth");
		writeZip(noPickle, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
		final CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(noPickle));
		assertTrue(e.getMessage().contains("no data.pkl"), e.getMessage());

		assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(tmp.resolve("absent.pth")));
	}

	@Test
	void refusesAStorageWhoseSizeDiffersFromItsDeclaration() throws IOException {
		final Path damaged = tmp.resolve("damaged.pth");
		try (ZipFile in = new ZipFile(Fixtures.broken("constant_w64.pth").toFile());
			ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged)))
		{
			for (final ZipEntry e : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(e.getName().endsWith("/data/0") ? new byte[3] : in.getInputStream(e).readAllBytes());
				out.closeEntry();
			}
		}
		final CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(damaged));
		assertTrue(e.getMessage().contains("holds 3 bytes for storage 0 but declares 4"), e.getMessage());
	}

	/** Pickles made here: a 12-byte one declaring a 2 GB string, and lists nested 200,000 deep. */
	@Test
	void refusesCraftedPicklesWithoutExhaustingMemoryOrStack() throws IOException {
		final byte[] huge = { (byte) 0x80, 2, 'X', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 'a', 'b', 'c', '.' };
		final Path a = tmp.resolve("huge.pth");
		writeZip(a, "archive/data.pkl", huge);
		final CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(a));
		assertTrue(e.getMessage().contains("declares 2147483647 bytes of data where only 4 remain"), e.getMessage());

		final int depth = 200_000;
		final java.io.ByteArrayOutputStream nested = new java.io.ByteArrayOutputStream();
		nested.write(new byte[] { (byte) 0x80, 2 });
		for (int i = 0; i < depth; i++)
			nested.write(']'); // EMPTY_LIST
		for (int i = 1; i < depth; i++)
			nested.write('a'); // APPEND: each list into the one below
		nested.write('.');
		final Path b = tmp.resolve("nested.pth");
		final byte[] data = nested.toByteArray();
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(b))) {
			final ZipEntry stored = new ZipEntry("archive/data.pkl"); // stored, as torch.save writes it
			stored.setMethod(ZipEntry.STORED);
			stored.setSize(data.length);
			final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			crc.update(data);
			stored.setCrc(crc.getValue());
			zip.putNextEntry(stored);
			zip.write(data);
			zip.closeEntry();
		}
		assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(b));

		// a list that holds itself, used as a dict key: hashing it recurses without end
		final byte[] selfKey = { (byte) 0x80, 2, '}', ']', 'q', 0, 'h', 0, 'a', 'K', 1, 's', '.' };
		final Path c = tmp.resolve("selfkey.pth");
		writeZip(c, "archive/data.pkl", selfKey);
		final CheckpointException k = assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(c));
		assertTrue(k.getMessage().contains("StackOverflowError"), k.getMessage());
	}

	@Test
	void convertsHalfPrecision() {
		assertEquals(1f, StorageType.halfToFloat((short) 0x3c00));
		assertEquals(-2f, StorageType.halfToFloat((short) 0xc000));
		assertEquals(65504f, StorageType.halfToFloat((short) 0x7bff));
		assertEquals(0x1p-24f, StorageType.halfToFloat((short) 0x0001));
		assertTrue(Float.isInfinite(StorageType.halfToFloat((short) 0x7c00)));
	}

	private static void writeZip(final Path file, final String entry, final byte[] data) throws IOException {
		try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(data);
			zip.closeEntry();
		}
	}
}
