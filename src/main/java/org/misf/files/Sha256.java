package org.misf.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The sha256 of a file, as lower-case hex: the one hash of the project (packages, checkpoints, results, records). */
public final class Sha256 {

	private Sha256() {}

	/** The file's sha256; the caller says in its own words what could not be read. */
	public static String of(final Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			final byte[] buf = new byte[1 << 16];
			while (in.read(buf) >= 0) {
				// digesting
			}
			return hex(in.getMessageDigest().digest());
		}
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java has SHA-256
		}
	}

	private static String hex(final byte[] b) {
		final StringBuilder sb = new StringBuilder(2 * b.length);
		for (final byte x : b)
			sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
		return sb.toString();
	}

}
