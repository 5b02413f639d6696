package org.misf.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one dead-process check, on real processes: this one, one that ended, and marks of other machines. */
class ProcessMarkTest {

	private static final FileTime NOW = FileTime.from(Instant.now());
	private static final FileTime LONG_AGO = FileTime.from(Instant.now().minus(ProcessMark.SILENCE_LIMIT).minus(
		Duration.ofMinutes(1)));

	private static long endedPid() throws Exception {
		final Process p = new ProcessBuilder("true").start();
		p.waitFor();
		return p.pid();
	}

	@Test
	void thisProcessIsAliveAndAnEndedOneIsGone() throws Exception {
		final String mine = ProcessMark.mine();
		assertTrue(mine.matches(ProcessMark.REGEX), mine);
		assertFalse(ProcessMark.isGone(mine, NOW));
		assertFalse(ProcessMark.isGone(Long.toString(ProcessHandle.current().pid()), LONG_AGO), "a bare id of ours");
		final long ended = endedPid();
		assertTrue(ProcessMark.isGone(Long.toString(ended), NOW));
		assertTrue(ProcessMark.isGone(mine.replaceFirst("^\\d+", Long.toString(ended)), NOW));
	}

	@Test
	void aReusedIdWithAnotherStartTimeIsGone() {
		final String mine = ProcessMark.mine();
		assertTrue(mine.contains("+"), "this system tells start times: " + mine);
		final String earlier = mine.substring(0, mine.indexOf('+') + 1) + "1"; // our id, started in 1970
		assertTrue(ProcessMark.isGone(earlier, NOW));
	}

	@Test
	void anotherMachinesProcessIsGoneOnlyAfterItsFilesWentSilent() {
		final String other = "12@another_machine_of_the_cluster+abc";
		assertFalse(ProcessMark.isGone(other, NOW));
		assertTrue(ProcessMark.isGone(other, LONG_AGO));
		assertFalse(ProcessMark.isGone("not a mark", LONG_AGO), "what is not a mark is never judged");
	}
}
