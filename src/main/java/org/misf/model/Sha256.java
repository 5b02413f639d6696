package org.misf.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The sha256 of a file, as lower-case hex (packages, checkpoints, results and their records). */
final class Sha256 {

	private Sha256() {}

	static String of(final Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			final byte[] buf = new byte[1 << 16];
			while (in.read(buf) >= 0) {
				// digesting
			}
			return hex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (final IOException e) {
			throw new InpaintingException("The file " + file + " cannot be read (" + e + ").", e);
		}
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hex(final byte[] b) {
		final StringBuilder sb = new StringBuilder();
		for (final byte x : b)
			sb.append(String.format("%02x", x));
		return sb.toString();
	}
}
