package org.misf.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims on real files: one holder at a time, claims of gone processes taken over, others left alone. */
class ClaimTest {

	@TempDir
	Path dir;

	private static String endedMark() throws Exception {
		final Process p = new ProcessBuilder("true").start();
		p.waitFor();
		return ProcessMark.mine().replaceFirst("^\\d+", Long.toString(p.pid()));
	}

	@Test
	void aClaimIsHeldOnceAndGivenUp() throws Exception {
		final Path f = dir.resolve(".a.png.claim");
		final Optional<Claim> first = Claim.take(f);
		assertTrue(first.isPresent());
		assertEquals(ProcessMark.mine(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
		assertTrue(Claim.isHeld(f));
		assertFalse(Claim.take(f).isPresent(), "held by a running process (this one)");
		first.get().close();
		assertFalse(Files.exists(f));
		try (Claim again = Claim.take(f).orElseThrow()) {
			assertTrue(Files.exists(again.file()));
		}
	}

	@Test
	void theClaimOfAGoneProcessIsTakenOver() throws Exception {
		final Path f = dir.resolve(".b.png.claim");
		Files.write(f, endedMark().getBytes(StandardCharsets.UTF_8));
		assertFalse(Claim.isHeld(f));
		try (Claim c = Claim.take(f).orElseThrow()) {
			assertEquals(ProcessMark.mine(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
		}
		try (java.util.stream.Stream<Path> left = Files.list(dir)) {
			assertEquals(0, left.count(), "no takeover file is left");
		}
	}

	@Test
	void anotherMachinesClaimIsLeftUntilItWentSilent() throws Exception {
		final Path live = dir.resolve(".c.png.claim"), silent = dir.resolve(".d.png.claim");
		Files.write(live, "7@another_machine+abc".getBytes(StandardCharsets.UTF_8));
		Files.write(silent, "7@another_machine+abc".getBytes(StandardCharsets.UTF_8));
		Files.setLastModifiedTime(silent, FileTime.from(Instant.now().minus(ProcessMark.SILENCE_LIMIT).minusSeconds(60)));
		assertFalse(Claim.take(live).isPresent());
		assertTrue(Claim.take(silent).isPresent());
	}

	@Test
	void staleClaimsAreRemovedAtStartLiveOnesKept() throws Exception {
		final Path gone = dir.resolve(".e.png.claim"), held = dir.resolve(".f.png.claim");
		Files.write(gone, endedMark().getBytes(StandardCharsets.UTF_8));
		try (Claim c = Claim.take(held).orElseThrow()) {
			assertEquals(1, Claim.removeStale(dir, ".*.claim"));
			assertFalse(Files.exists(gone));
			assertTrue(Files.exists(held));
		}
	}

	@Test
	void aTakeoverLeftByAGoneTakerDoesNotBlockForever() throws Exception {
		final Path f = dir.resolve(".g.png.claim");
		final String goneHolder = endedMark();
		Files.write(f, goneHolder.getBytes(StandardCharsets.UTF_8));
		final Path lock = dir.resolve(".g.png.claim.takeover-" + goneHolder.replaceAll("\\W", "_"));
		Files.write(lock, endedMark().getBytes(StandardCharsets.UTF_8)); // its taker was killed mid-takeover
		assertFalse(Claim.take(f).isPresent(), "the first try finds the takeover and removes it");
		assertFalse(Files.exists(lock));
		assertTrue(Claim.take(f).isPresent());
	}

	@Test
	void aTakeoverLeftAfterItsClaimWasRemovedGoesAtStart() throws Exception {
		final Path lock = dir.resolve(".h.png.claim.takeover-" + endedMark().replaceAll("\\W", "_"));
		Files.write(lock, endedMark().getBytes(StandardCharsets.UTF_8)); // killed after removing the claim
		final Path live = dir.resolve(".i.png.claim.takeover-x");
		Files.write(live, ProcessMark.mine().getBytes(StandardCharsets.UTF_8));
		assertEquals(0, Claim.removeStale(dir, ".*.claim"));
		assertFalse(Files.exists(lock));
		assertTrue(Files.exists(live), "a takeover whose taker lives is left");
	}
}
