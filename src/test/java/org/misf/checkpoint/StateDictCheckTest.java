package org.misf.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The architecture's layout and the key-by-key check of checkpoints against it. */
class StateDictCheckTest {

	@Test
	void releaseLayoutEqualsTheAuthorsStateDict() throws IOException {
		// misf-generator-state-dict.tsv: keys and shapes of the released generator (training/README.md, "The network")
		final List<String[]> rows = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(
			getClass().getResourceAsStream("misf-generator-state-dict.tsv"), StandardCharsets.UTF_8)))
		{
			r.readLine();
			for (String line; (line = r.readLine()) != null;)
				if (!line.isEmpty()) rows.add(line.split("\t"));
		}
		final MisfArchitecture release = MisfArchitecture.release();
		assertEquals(92, rows.size());
		assertEquals(rows.size(), release.shapes().size());
		final Iterator<Map.Entry<String, long[]>> it = release.shapes().entrySet().iterator();
		for (final String[] row : rows) {
			final Map.Entry<String, long[]> e = it.next();
			assertEquals(row[0], e.getKey());
			assertEquals(row[1], StoredTensor.shapeText(e.getValue()), row[0]);
		}
		assertEquals(23_059_493L, release.parameterCount());
	}

	@Test
	void narrowCheckpointsFitTheirOwnWidth() {
		try (TorchCheckpoint ck = TorchCheckpoint.open(Fixtures.resource(Fixtures.W8))) {
			final MisfArchitecture a = MisfArchitecture.guess(ck.stateDict());
			assertEquals(8, a.width());
			assertEquals(8, a.residualBlocks());
			StateDictCheck.requireMatch("w8", ck.stateDict(), a);
			assertEquals(ck.stateDict().values().stream().mapToLong(StoredTensor::elementCount).sum(), a.parameterCount());
			final CheckpointException e = assertThrows(CheckpointException.class,
				() -> StateDictCheck.requireMatch("w8.pth", ck.stateDict(), MisfArchitecture.release()));
			assertTrue(e.getMessage().startsWith("w8.pth does not fit MISF width 64 with 8 residual blocks: " +
				"88 wrong shapes: encoder0.1.weight is 8x4x7x7, expected 64x4x7x7, "), e.getMessage());
			assertTrue(e.getMessage().endsWith(" and 80 more."), e.getMessage());
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"missing_key.pth | 1 missing key: decoder.7.bias.",
		"wrong_shape.pth | 1 wrong shape: encoder0.1.weight is 64x3x7x7, expected 64x4x7x7.",
		"unexpected_key.pth | 1 unexpected key: encoder0.9.weight.",
		"non_float.pth | 1 non-float tensor: encoder0.1.bias (int64).",
	})
	void namesEveryKeyThatDoesNotFit(final String file, final String problem) {
		try (TorchCheckpoint ck = TorchCheckpoint.open(Fixtures.broken(file))) {
			final MisfArchitecture a = MisfArchitecture.guess(ck.stateDict());
			assertEquals(64, a.width());
			final CheckpointException e = assertThrows(CheckpointException.class,
				() -> StateDictCheck.requireMatch(file, ck.stateDict(), a));
			assertEquals(file + " does not fit MISF width 64 with 8 residual blocks: " + problem, e.getMessage());
		}
	}
}
